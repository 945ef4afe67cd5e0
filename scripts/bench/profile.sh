#!/usr/bin/env bash
# Profiles `waymark build` with valgrind's callgrind on a small generated corpus
# (issue #8): prints instructions per guide, the top functions by inclusive and
# by exclusive (self) cost, with Swift names demangled. docs/performance.md
# explains the figures.
#
#   scripts/bench/profile.sh
#
# Settings (environment):
#   WAYMARK=PATH           the binary to profile; default: build a release binary of the
#                          work tree with --scratch-path .build-bench
#   BENCH_REV=REV          build that git revision instead (as run.sh does)
#   PROFILE_COUNT=N        guides in the corpus (default 20)
#   PROFILE_SEED=N         corpus seed (default 8)
#   PROFILE_TOP=N          functions listed (default 10 inclusive, 15 exclusive)
#   PROFILE_ARGS="…"       extra arguments for `waymark build`, e.g. "--format epub"
#   BENCH_DIR=DIR          work folder (default .build-bench/profile)
#   PROFILE_REUSE=1        only summarise the callgrind output of the last run again
#
# The callgrind output stays in BENCH_DIR/callgrind.out for callgrind_annotate
# or kcachegrind. Instruction counts are the same from run to run (give or
# take a few hundred thousand for the allocator and the clock).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

: "${PROFILE_COUNT:=20}"
: "${PROFILE_SEED:=8}"
: "${PROFILE_TOP:=10}"
: "${PROFILE_ARGS:=}"
: "${BENCH_DIR:=$ROOT/.build-bench/profile}"
STYLES="$ROOT/Styles"
PYTHON="${PYTHON:-python3}"

say() { echo "profile: $*" >&2; }
die() { echo "profile: error: $*" >&2; exit 1; }

mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"

SUDO=""
[[ "$(id -u)" == 0 ]] || SUDO=sudo
if ! command -v valgrind >/dev/null || ! command -v callgrind_annotate >/dev/null; then
  say "installing valgrind"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq valgrind >&2
fi

if [[ -z "${WAYMARK:-}" ]]; then
  make -s deps >&2
  if [[ -n "${BENCH_REV:-}" ]]; then
    sha="$(git rev-parse --short "$BENCH_REV^{commit}")"
    src="$ROOT/.build-bench/src-$sha"
    if [[ ! -f "$src/Package.swift" ]]; then
      mkdir -p "$src"
      git archive "$sha" | tar -x -C "$src"
      [[ -f Package.resolved && ! -f "$src/Package.resolved" ]] && cp Package.resolved "$src/"
    fi
    say "building a release binary of $sha"
    (cd "$src" && swift build -c release --product waymark --scratch-path "$ROOT/.build-bench/rev-$sha") \
      > "$BENCH_DIR/swift-build.log" 2>&1 || { tail -40 "$BENCH_DIR/swift-build.log" >&2; die "swift build failed"; }
    WAYMARK="$ROOT/.build-bench/rev-$sha/release/waymark"
  else
    say "building a release binary of the work tree"
    swift build -c release --product waymark --scratch-path "$ROOT/.build-bench" \
      > "$BENCH_DIR/swift-build.log" 2>&1 || { tail -40 "$BENCH_DIR/swift-build.log" >&2; die "swift build failed"; }
    WAYMARK="$ROOT/.build-bench/release/waymark"
  fi
fi
[[ -x "$WAYMARK" ]] || die "no Waymark binary at $WAYMARK"
# Valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug information that
# Swift 6 writes ("unhandled dwarf2 abbrev form code 0x25") and gives up; the
# symbol table is enough for function names, so profile a copy without it.
cp "$WAYMARK" "$BENCH_DIR/waymark"
objcopy --strip-debug "$BENCH_DIR/waymark"
PROFILED="$BENCH_DIR/waymark"
# Valgrind 3.19 also dies ("the 'impossible' happened", SIGSEGV) when Swift's async main
# parks the main thread in libdispatch's sigsuspend(), whose signal mask lives in
# read-only memory that Valgrind writes to. A preloaded sigsuspend() that passes a copy
# of the mask avoids it; it changes nothing else (valgrind/sigsuspend-copy.c).
SHIM="$BENCH_DIR/sigsuspend-copy.so"
gcc -shared -fPIC -O2 -o "$SHIM" "$HERE/valgrind/sigsuspend-copy.c" -ldl || die "could not build $SHIM"
# And a posix_spawn_file_actions_addclose() that skips Valgrind's own descriptors, without
# which the pdf format's Typst helper cannot be started under Valgrind (valgrind/spawn-close.c).
SPAWN_SHIM="$BENCH_DIR/spawn-close.so"
gcc -shared -fPIC -O2 -o "$SPAWN_SHIM" "$HERE/valgrind/spawn-close.c" -ldl || die "could not build $SPAWN_SHIM"

corpus="$BENCH_DIR/corpus-$PROFILE_COUNT"
one="$BENCH_DIR/corpus-1"
for pair in "$corpus:$PROFILE_COUNT" "$one:1"; do
  dir=${pair%:*} count=${pair##*:}
  rm -rf "$dir"
  "$PYTHON" "$HERE/make_corpus.py" --seed "$PROFILE_SEED" --count "$count" --out "$dir" 2> /dev/null
done
"$WAYMARK" check --guides "$corpus" --styles "$STYLES" > /dev/null 2>&1 || die "the generated corpus has check errors"

# callgrind RUN DIR: profile a cold build of DIR into BENCH_DIR/out-RUN.
callgrind() {
  local name=$1 dir=$2
  rm -rf "$BENCH_DIR/out-$name"
  say "callgrind: waymark build of $(ls "$dir"/*.md | wc -l) guides"
  # shellcheck disable=SC2086
  LD_PRELOAD="$SHIM:$SPAWN_SHIM" valgrind --tool=callgrind --callgrind-out-file="$BENCH_DIR/callgrind-$name.out" \
    "$PROFILED" build --guides "$dir" --output "$BENCH_DIR/out-$name" --styles "$STYLES" $PROFILE_ARGS \
    > "$BENCH_DIR/valgrind-$name.log" 2>&1 || { tail -20 "$BENCH_DIR/valgrind-$name.log" >&2; die "valgrind failed"; }
  rm -rf "$BENCH_DIR/out-$name"
}
if [[ "${PROFILE_REUSE:-0}" == 1 && -s "$BENCH_DIR/callgrind-all.out" && -s "$BENCH_DIR/callgrind-one.out" ]]; then
  say "reusing the callgrind output of the last run"
else
  callgrind all "$corpus"
  callgrind one "$one"
fi
cp "$BENCH_DIR/callgrind-all.out" "$BENCH_DIR/callgrind.out"

commas() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
total() { callgrind_annotate "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done { gsub(",", "", $1); print $1; done = 1 }'; }
all_ir="$(total "$BENCH_DIR/callgrind-all.out")"
one_ir="$(total "$BENCH_DIR/callgrind-one.out")"

demangle() {
  if command -v swift-demangle >/dev/null; then swift-demangle --simplified --compact
  elif command -v swift >/dev/null; then swift demangle --simplified --compact
  else cat; fi
}

# top KIND FILE N: the first N functions of callgrind_annotate's list, as a
# Markdown table; the start-up frames (loader, libc, main, the command's
# entry), the frames of the concurrency runtime that run each guide's task
# (dispatch, task group, async continuations) and protocol witness thunks
# (which repeat the function they call) are left out.
top() {
  local kind=$1 file=$2 n=$3 flag=no
  [[ "$kind" == inclusive ]] && flag=yes
  callgrind_annotate --inclusive=$flag --threshold=100 "$file" 2>/dev/null |
    awk '
      /file:function/ { list = 1; next }
      list && /^-+$/ { next }
      list && NF >= 2 && $1 ~ /^[0-9,]+$/ {
        ir = $1; gsub(",", "", ir)
        line = $0
        sub(/^ *[0-9,]+ +(\([ 0-9.%]+\) +)?/, "", line)
        sub(/ \[[^]]*\]$/, "", line)
        sub(/^[^:]*:/, "", line)
        printf "%s\t%s\n", ir, line
      }' |
    demangle |
    grep -vE $'\t(0x[0-9a-f]+|\(below main\)|__libc_start_main.*|waymark_main|main|protocol witness for .*|.*WaymarkCommand\.runMain.*|static WaymarkCommands\.WaymarkCommand\.main.*|start_thread|_?_dispatch_.*|swift_job_run|swift_task_switch.*|swift::.*|__swift_run_job.*|jobInvoke.*|future_adapter.*|.*TaskGroup.*|.*closure #[0-9]+ in static InOrder\.run.*|(partial apply for )?(specialized )?thunk for .*|partial apply for .*|.*resume partial function for .*)$' |
    awk -F '\t' -v total="$all_ir" -v n="$n" '
      NR <= n { name = $2; if (length(name) > 120) name = substr(name, 1, 117) "..."
        gsub(/\|/, "\\|", name)
        printf "| %d | %.1f | %.1f M | %s |\n", NR, 100 * $1 / total, $1 / 1e6, name }'
}

# inclusive FILE PATTERN: the largest inclusive cost of a function whose demangled name matches
# PATTERN (a specialised copy and the function it calls both match; the outer one is the largest).
inclusive() {
  callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null |
    awk '/file:function/ { list = 1; next } list && NF >= 2 && $1 ~ /^[0-9,]+$/ { ir = $1; gsub(",", "", ir); line = $0
      sub(/^ *[0-9,]+ +(\([ 0-9.%]+\) +)?/, "", line); sub(/ \[[^]]*\]$/, "", line); sub(/^[^:]*:/, "", line); printf "%s\t%s\n", ir, line }' |
    demangle | awk -F '\t' -v pattern="$2" '$2 ~ pattern && $1 + 0 > best + 0 { best = $1 } END { printf "%.0f\n", best + 0 }'
}
# The download site's share (issue #23): each guide's page, ZIP and cover (DownloadSite.guideFiles),
# and the list and catalogues over every guide (Builder.writeSite).
site_all=$(( $(inclusive "$BENCH_DIR/callgrind-all.out" 'DownloadSite\.guideFiles') + $(inclusive "$BENCH_DIR/callgrind-all.out" 'Builder\.writeSite') ))
site_one=$(( $(inclusive "$BENCH_DIR/callgrind-one.out" 'DownloadSite\.guideFiles') + $(inclusive "$BENCH_DIR/callgrind-one.out" 'Builder\.writeSite') ))
per_guide=$(((all_ir - one_ir) / (PROFILE_COUNT - 1)))
# One line for run.sh and report.py: guides, total, one guide, per guide after the first, fixed
# cost, and the site's part of the total and of the one-guide run.
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$PROFILE_COUNT" "$all_ir" "$one_ir" "$per_guide" "$((one_ir - per_guide))" "$site_all" "$site_one" \
  > "$BENCH_DIR/summary.tsv"

{
  echo "**Waymark profile (callgrind)**"
  echo
  echo "- binary: $WAYMARK"
  echo "- corpus: $PROFILE_COUNT guides, seed $PROFILE_SEED ($(cat "$corpus"/*.md | wc -c) bytes); waymark build ${PROFILE_ARGS:-(all formats)}"
  echo "- instructions: $(commas "$all_ir") in all; $(commas "$one_ir") for 1 guide"
  echo "- per guide: $(commas $((all_ir / PROFILE_COUNT))) on average; $(commas $(((all_ir - one_ir) / (PROFILE_COUNT - 1)))) for each guide after the first (fixed cost: $(commas $((one_ir - (all_ir - one_ir) / (PROFILE_COUNT - 1)))))"
  echo "- of it the download site (each guide's page, ZIP and cover, and the list and catalogues): $(commas $(((site_all - site_one) / (PROFILE_COUNT - 1)))) a guide after the first"
  echo "- the pdf format's Typst work is done by its helper, a Python process that callgrind does not follow: it is not in these counts (run.sh's CPU figures include it)"
  echo
  echo "### Top $PROFILE_TOP functions by inclusive cost"
  echo
  echo "| # | % | instructions | function |"
  echo "|---|---|---|---|"
  top inclusive "$BENCH_DIR/callgrind-all.out" "$PROFILE_TOP"
  echo
  echo "### Top $((PROFILE_TOP + 5)) functions by exclusive (self) cost"
  echo
  echo "| # | % | instructions | function |"
  echo "|---|---|---|---|"
  top exclusive "$BENCH_DIR/callgrind-all.out" "$((PROFILE_TOP + 5))"
} | tee "$BENCH_DIR/profile.md"
