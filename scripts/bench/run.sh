#!/usr/bin/env bash
# Waymark's benchmark (issue #8): builds generated guides with Waymark and with
# pandoc, and prints tables of wall time, CPU time, peak memory, guides per
# second and the Waymark/pandoc ratios, then the figures against the targets.
# docs/performance.md explains the figures.
#
#   scripts/bench/run.sh                 # full run: 100, 1,000 and 10,000 guides, then the pdf part
#                                        # (~35 min on 2 cores: "all formats" includes pdf since issue #17)
#   BENCH_PDF=only scripts/bench/run.sh  # just the pdf format against pandoc + WeasyPrint (200 guides, ~4 min)
#   BENCH_QUICK=1 scripts/bench/run.sh   # 20 and 100 guides (a few minutes)
#
# Settings (environment):
#   WAYMARK=PATH            the binary to time; default: build a release binary of the
#                           work tree with --scratch-path .build-bench
#   BENCH_REV=REV           build that git revision instead (git archive into
#                           .build-bench/src-SHA), e.g. BENCH_REV=HEAD for "before" figures
#   BENCH_SIZES="A B …"     corpus sizes (default "100 200 1000 10000"; quick: "20 100")
#   BENCH_SEED=N            corpus seed (default 8)
#   BENCH_NOOP_SIZE=N       guides in the no-op rebuild (default 1000; quick: 100)
#   BENCH_LARGE_BYTES=N     size of the single large guide (default 1000000; 0 skips it)
#   BENCH_PANDOC=0          skip pandoc
#   BENCH_PANDOC_MAX=N      larger corpora run pandoc, and Waymark's per-format builds, on a
#                           seeded sample of BENCH_PANDOC_SAMPLE guides (defaults 1000, 500)
#   BENCH_REPEAT=N          runs of a measurement whose first run took under
#                           BENCH_REPEAT_UNDER seconds (defaults 3, 10); the median is reported
#   BENCH_DIR=DIR           work folder (default .build-bench/run): corpora, outputs, results
#   BENCH_PDF=0|1|only      the pdf format against pandoc --pdf-engine=weasyprint (scripts/bench/pdf.sh,
#                           issue #17): 0 skips it, only runs nothing else (default 1)
#   BENCH_PDF_SIZE=N        guides in the PDF corpus (default 200; quick: 20)
#   BENCH_PDF_PANDOC_SAMPLE=N  run pandoc on a seeded sample of N of them, scaled up (default 0: all)
#   BENCH_CALLGRIND=0|1     instructions per guide under callgrind, all formats and each alone
#                           (scripts/bench/callgrind.sh, issue #23; default 1)
#   BENCH_CALLGRIND_SIZES="N …"  guides profiled (default 200; quick: 20)
#   BENCH_CALLGRIND_FORMATS="…"  what is profiled: five (the five formats of issue #8), all, or a
#                           format's id (default: five, all, then every format alone)
#   BENCH_MEMORY=0|1        Waymark's own peak memory, --format text (default 1)
#   BENCH_MEMORY_SIZES="N …"  the corpora it is measured on (default 100 1000 10000; quick: 20 100)
#   BENCH_PREVIEW=0|1|only  `waymark preview`: save → updated page on Guides/ (scripts/bench/preview_bench.py,
#                           issue 19): 0 skips it, only runs nothing else (default 1)
#   BENCH_PREVIEW_RUNS=N    saves timed (default 40; quick: 15)
#
# Standard output is the report only (also saved as BENCH_DIR/report.md);
# progress goes to standard error. The report is the same from run to run
# except for the timings.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  : "${BENCH_SIZES:=20 100}"
  : "${BENCH_NOOP_SIZE:=100}"
  : "${BENCH_PDF_SIZE:=20}"
  : "${BENCH_CALLGRIND_SIZES:=20}"
else
  : "${BENCH_SIZES:=100 200 1000 10000}"
  : "${BENCH_NOOP_SIZE:=1000}"
  : "${BENCH_PDF_SIZE:=200}"
  : "${BENCH_CALLGRIND_SIZES:=200}"
fi
: "${BENCH_CALLGRIND:=1}"
: "${BENCH_MEMORY:=1}"
if [[ "${BENCH_QUICK:-0}" == 1 ]]; then : "${BENCH_MEMORY_SIZES:=20 100}"; else : "${BENCH_MEMORY_SIZES:=100 1000 10000}"; fi
: "${BENCH_PDF:=1}"
: "${BENCH_PREVIEW:=1}"
if [[ "${BENCH_QUICK:-0}" == 1 ]]; then : "${BENCH_PREVIEW_RUNS:=15}"; else : "${BENCH_PREVIEW_RUNS:=40}"; fi
if [[ "$BENCH_PREVIEW" == only ]]; then
  BENCH_SIZES="" BENCH_NOOP_SIZE=0 BENCH_LARGE_BYTES=0 BENCH_PDF=0 BENCH_PANDOC=0 BENCH_CALLGRIND=0 BENCH_MEMORY=0
fi
: "${BENCH_PDF_PANDOC_SAMPLE:=0}"
if [[ "$BENCH_PDF" == only ]]; then
  # Just the PDF part: no corpora, no no-op rebuild, no large guide, no profile.
  BENCH_SIZES="" BENCH_NOOP_SIZE=0 BENCH_LARGE_BYTES=0 BENCH_CALLGRIND=0 BENCH_MEMORY=0 BENCH_PREVIEW=0
fi
: "${BENCH_SEED:=8}"
: "${BENCH_LARGE_BYTES:=1000000}"
: "${BENCH_PANDOC:=1}"
: "${BENCH_PANDOC_MAX:=1000}"
: "${BENCH_PANDOC_SAMPLE:=500}"
: "${BENCH_REPEAT:=3}"
: "${BENCH_REPEAT_UNDER:=10}"
: "${BENCH_DIR:=$ROOT/.build-bench/run}"
STYLES="$ROOT/Styles"
PYTHON="${PYTHON:-python3}"

say() { echo "bench: $*" >&2; }
die() { echo "bench: error: $*" >&2; exit 1; }

mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"
TMP="$BENCH_DIR/tmp"
mkdir -p "$TMP"
RESULTS="$BENCH_DIR/results.tsv"
INFO="$BENCH_DIR/info.md"
: > "$RESULTS"

# --- Tools ------------------------------------------------------------------

SUDO=""
[[ "$(id -u)" == 0 ]] || SUDO=sudo
apt_install() {
  say "installing $*"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >&2
}
[[ -x /usr/bin/time ]] || apt_install time
if [[ "$BENCH_PANDOC" == 1 ]] && ! command -v pandoc >/dev/null; then apt_install pandoc; fi
if [[ "$BENCH_PANDOC" == 1 && "$BENCH_PDF" != 0 ]] && ! command -v weasyprint >/dev/null; then apt_install weasyprint; fi
if [[ "$BENCH_PANDOC" == 1 ]] && ! command -v file2brl >/dev/null; then apt_install liblouisutdml-bin; fi
[[ "$BENCH_PDF" == 0 ]] || command -v pdfinfo >/dev/null || apt_install poppler-utils

SOURCE_LABEL=""
if [[ -z "${WAYMARK:-}" ]]; then
  make -s deps >&2
  # The pdf format's Typst (.venv-pdf/), which a binary built under this folder finds.
  [[ "$BENCH_PDF" == 0 ]] || make -s pdf-deps >&2
  if [[ -n "${BENCH_REV:-}" ]]; then
    sha="$(git rev-parse --short "$BENCH_REV^{commit}")"
    src="$ROOT/.build-bench/src-$sha"
    if [[ ! -f "$src/Package.swift" ]]; then
      mkdir -p "$src"
      git archive "$sha" | tar -x -C "$src"
      [[ -f Package.resolved && ! -f "$src/Package.resolved" ]] && cp Package.resolved "$src/"
    fi
    say "building a release binary of $sha (log: $BENCH_DIR/swift-build.log)"
    (cd "$src" && swift build -c release --product waymark --scratch-path "$ROOT/.build-bench/rev-$sha") \
      > "$BENCH_DIR/swift-build.log" 2>&1 || { tail -40 "$BENCH_DIR/swift-build.log" >&2; die "swift build failed"; }
    WAYMARK="$ROOT/.build-bench/rev-$sha/release/waymark"
    SOURCE_LABEL="release build of commit $sha"
  else
    say "building a release binary of the work tree (log: $BENCH_DIR/swift-build.log)"
    swift build -c release --product waymark --scratch-path "$ROOT/.build-bench" \
      > "$BENCH_DIR/swift-build.log" 2>&1 || { tail -40 "$BENCH_DIR/swift-build.log" >&2; die "swift build failed"; }
    WAYMARK="$ROOT/.build-bench/release/waymark"
    dirty=""
    [[ -z "$(git status --porcelain -- Sources Package.swift 2>/dev/null)" ]] || dirty=" with uncommitted changes"
    SOURCE_LABEL="release build of the work tree at $(git rev-parse --short HEAD)$dirty"
  fi
fi
[[ -x "$WAYMARK" ]] || die "no Waymark binary at $WAYMARK"
WAYMARK="$(cd "$(dirname "$WAYMARK")" && pwd)/$(basename "$WAYMARK")"
[[ -n "$SOURCE_LABEL" ]] || SOURCE_LABEL="$WAYMARK"

{
  echo "**Waymark benchmark**"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- waymark: $SOURCE_LABEL"
  if [[ "$BENCH_PANDOC" == 1 ]]; then echo "- pandoc: $(pandoc --version | head -1 | sed 's/^pandoc //')"; fi
  if [[ "$BENCH_PANDOC" == 1 ]]; then echo "- file2brl (braille's peer): $(file2brl --version 2>&1 | head -1)"; fi
  if [[ "$BENCH_PANDOC" == 1 && "$BENCH_PDF" != 0 ]]; then echo "- weasyprint (pandoc's PDF engine): $(weasyprint --version 2>&1 | sed 's/^WeasyPrint version:* *//')"; fi
  if [[ -n "$BENCH_SIZES" ]]; then
    echo "- corpus: seed $BENCH_SEED; sizes $BENCH_SIZES; pandoc on a sample of $BENCH_PANDOC_SAMPLE above $BENCH_PANDOC_MAX guides"
  fi
  if [[ "$BENCH_PDF" != 0 ]]; then
    sample="all of them"
    ((BENCH_PDF_PANDOC_SAMPLE > 0 && BENCH_PDF_PANDOC_SAMPLE < BENCH_PDF_SIZE)) && sample="a seeded sample of $BENCH_PDF_PANDOC_SAMPLE"
    echo "- pdf: $BENCH_PDF_SIZE guides, seed $BENCH_SEED; pandoc on $sample"
  fi
} > "$INFO"

# The formats a plain `waymark build` makes, and the same without pdf (empty when
# the binary has no pdf format: then "all" is already that).
ALL_FORMATS="$("$WAYMARK" formats | awk '{print $1}' | paste -sd, -)"
NOPDF_FORMATS=""
if [[ ",$ALL_FORMATS," == *,pdf,* ]]; then
  NOPDF_FORMATS="$(tr , '\n' <<< "$ALL_FORMATS" | grep -vx pdf | paste -sd, -)"
fi
# The five outputs of issue #8 (text, EPUB, large print, easy read as a page and an e-book):
# what issue #23's targets are set on, and what pandoc's three formats are set beside.
FIVE_FORMATS="$(tr , '\n' <<< "$ALL_FORMATS" | grep -xE 'text|epub|large-print|easy-read' | paste -sd, -)"
echo "- all formats: $ALL_FORMATS; the five of issue #8: $FIVE_FORMATS" >> "$INFO"
# Every format, for the per-format rows and profiles: a format a writer adds later (braille)
# is measured as soon as `waymark formats` lists it.
FORMAT_IDS="$(tr , ' ' <<< "$ALL_FORMATS")"

load() { cut -d' ' -f1 /proc/loadavg; }
LOAD_START="$(load)"
if awk -v l="$LOAD_START" 'BEGIN { exit !(l > 0.5) }'; then
  say "warning: the load average is $LOAD_START: other work on the machine will slow the wall times"
fi

# --- Measuring ----------------------------------------------------------------

# measure SECTION CORPUS TOOL FORMAT GUIDES SCALE FRESH -- COMMAND…
# Runs COMMAND under /usr/bin/time and records one line per run in $RESULTS.
# It runs under treetime.py (MEASURE_TREE=1, the default), which also counts the
# processes COMMAND left running (Waymark's Typst helper, for the pdf format, ends
# after Waymark, so /usr/bin/time would miss its CPU), and adds COMMAND's own CPU
# (user, sys: without those) to the line; MEASURE_TREE=0 uses /usr/bin/time.
# FRESH is a folder removed before each run ("-" for none). A run that took
# under BENCH_REPEAT_UNDER seconds is repeated to BENCH_REPEAT runs in all.
measure() {
  local section=$1 corpus=$2 tool=$3 format=$4 guides=$5 scale=$6 fresh=$7
  shift 8
  local runs=1 i wall user sys rss
  for ((i = 1; i <= runs; i++)); do
    # Remove the last run's output and flush the deletion to disk first, so
    # that its I/O is not charged to this run (Waymark fsyncs every file).
    [[ "$fresh" == - ]] || rm -rf "$fresh"
    sync
    local timer=(/usr/bin/time -f "%e %U %S %M" -o "$TMP/time")
    [[ "${MEASURE_TREE:-1}" != 1 ]] || timer=("$PYTHON" "$HERE/treetime.py" "$TMP/time")
    if ! "${timer[@]}" "$@" > "$TMP/stdout" 2> "$TMP/stderr"; then
      tail -20 "$TMP/stdout" "$TMP/stderr" >&2
      die "failed: $*"
    fi
    local own=()
    read -r wall user sys rss own[0] own[1] < <(tail -1 "$TMP/time")
    { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' \
        "$section" "$corpus" "$tool" "$format" "$guides" "$scale" "$wall" "$user" "$sys" "$rss"
      [[ -z "${own[0]:-}" ]] || printf '\t%s\t%s' "${own[0]}" "${own[1]}"
      echo; } >> "$RESULTS"
    say "  $tool $format ($section $corpus, $guides guides): ${wall}s wall, ${user}s user, ${sys}s sys, ${rss} KB"
    if ((i == 1)) && awk -v w="$wall" -v u="$BENCH_REPEAT_UNDER" 'BEGIN { exit !(w < u) }'; then
      runs=$BENCH_REPEAT
    fi
  done
}

# corpus DIR COUNT [SIZE]: generate (or reuse) a corpus.
corpus() {
  local dir=$1 count=$2 size=${3:-}
  local stamp
  stamp="seed=$BENCH_SEED count=$count size=$size $(sha256sum "$HERE/make_corpus.py" | cut -c1-16)"
  if [[ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]]; then
    say "generating $dir"
    rm -rf "$dir"
    local args=(--seed "$BENCH_SEED" --count "$count" --out "$dir")
    [[ -z "$size" ]] || args+=(--size "$size" --prefix large-guide)
    "$PYTHON" "$HERE/make_corpus.py" "${args[@]}" 2> /dev/null
    echo "$stamp" > "$dir/.stamp"
  fi
}

corpus_bytes() { cat "$1"/*.md | wc -c; }

# check DIR SECTION CORPUS GUIDES: time `waymark check` and make sure it finds no errors.
check_corpus() {
  local dir=$1 section=$2 n=$3 guides=$4
  measure "$section" "$n" waymark check "$guides" 1 - -- "$WAYMARK" check --guides "$dir" --styles "$STYLES"
  local summary
  summary="$(grep -E '^Checked ' "$TMP/stdout" | tail -1 || true)"
  say "  $summary"
  if [[ "$summary" =~ :\ ([0-9]+)\ error ]] && [[ "${BASH_REMATCH[1]}" != 0 ]]; then
    die "the generated corpus $dir has check errors"
  fi
}

noop_rebuild() {
  local dir=$1 out=$2 n=$3
  [[ -d "$out" ]] || "$WAYMARK" build --guides "$dir" --output "$out" --styles "$STYLES" > /dev/null 2>&1
  say "no-op rebuild of $n guides"
  measure noop "$n" waymark all "$n" 1 - -- "$WAYMARK" build --guides "$dir" --output "$out" --styles "$STYLES"
}

# Reads Waymark's own peak memory as it exits (the memory rows).
PEAK_SHIM="$BENCH_DIR/peak-rss.so"
if [[ "$BENCH_MEMORY" != 0 ]]; then
  gcc -shared -fPIC -O2 -o "$PEAK_SHIM" "$HERE/peak-rss.c" || die "could not build $PEAK_SHIM"
fi

# --- The corpora --------------------------------------------------------------

for n in $BENCH_SIZES; do
  dir="$BENCH_DIR/corpus-$n"
  out="$BENCH_DIR/out-$n"
  corpus "$dir" "$n"
  echo "# bytes $n $(corpus_bytes "$dir")" >> "$RESULTS"
  say "corpus of $n guides ($(corpus_bytes "$dir") bytes)"
  check_corpus "$dir" corpus "$n" "$n"
  measure corpus "$n" waymark all "$n" 1 "$out" -- "$WAYMARK" build --guides "$dir" --output "$out" --styles "$STYLES"
  if [[ "$n" == "$BENCH_NOOP_SIZE" ]]; then noop_rebuild "$dir" "$out" "$n"; fi
  # The five formats of issue #8 (the site pages are part of every build).
  if [[ "$FIVE_FORMATS" != "$ALL_FORMATS" ]]; then
    measure corpus "$n" waymark five "$n" 1 "$out-five" -- \
      "$WAYMARK" build --guides "$dir" --output "$out-five" --styles "$STYLES" --format "$FIVE_FORMATS"
    rm -rf "$out-five"
  fi
  # Every format but pdf.
  if [[ -n "$NOPDF_FORMATS" ]]; then
    measure corpus "$n" waymark nopdf "$n" 1 "$out-nopdf" -- \
      "$WAYMARK" build --guides "$dir" --output "$out-nopdf" --styles "$STYLES" --format "$NOPDF_FORMATS"
    rm -rf "$out-nopdf"
  fi

  # Per format (on a sample for large corpora, the same guides as pandoc's).
  guides=()
  slugs=()
  count=$n
  scale=1
  if ((n > BENCH_PANDOC_MAX)); then
    count=$BENCH_PANDOC_SAMPLE
    mapfile -t slugs < <("$PYTHON" -c 'import random, sys
n, k, seed = map(int, sys.argv[1:])
for i in sorted(random.Random(f"waymark-bench-sample:{seed}:{n}").sample(range(n), k)):
    print(f"guide-{i + 1:05d}")' "$n" "$count" "$BENCH_SEED")
    for slug in "${slugs[@]}"; do guides+=("$dir/$slug.md"); done
    scale="$(awk -v n="$n" -v k="$count" 'BEGIN { printf "%.6g", n / k }')"
  fi
  for format in $FORMAT_IDS; do
    measure corpus "$n" waymark "$format" "$count" "$scale" "$out-$format" -- \
      "$WAYMARK" build --guides "$dir" --output "$out-$format" --styles "$STYLES" --format "$format" "${guides[@]}"
    [[ "$format" == text ]] || rm -rf "$out-$format"
  done
  # Braille's peer, file2brl, on the same guides' plain text (kept from the text run).
  if [[ " $FORMAT_IDS " == *" braille "* && "$BENCH_PANDOC" == 1 ]]; then
    measure corpus "$n" file2brl braille "$count" "$scale" "$BENCH_DIR/file2brl-out-$n" -- \
      "$HERE/file2brl_each.sh" "$out-text" "$BENCH_DIR/file2brl-out-$n"
    rm -rf "$BENCH_DIR/file2brl-out-$n"
  fi
  rm -rf "$out-text"

  if [[ "$BENCH_PANDOC" == 1 ]]; then
    md="$BENCH_DIR/pandoc-md-$n"
    stamp="$(cat "$dir/.stamp") $count $(sha256sum "$HERE/to_pandoc.py" | cut -c1-16)"
    if [[ "$(cat "$md/.stamp" 2>/dev/null)" != "$stamp" ]]; then
      rm -rf "$md"
      "$PYTHON" "$HERE/to_pandoc.py" --guides "$dir" --out "$md" "${slugs[@]}" 2> /dev/null
      echo "$stamp" > "$md/.stamp"
    fi
    for format in epub text html; do
      measure corpus "$n" pandoc "$format" "$count" "$scale" "$BENCH_DIR/pandoc-out-$n" -- \
        "$HERE/pandoc_each.sh" "$format" "$md" "$BENCH_DIR/pandoc-out-$n" "$STYLES"
    done
    rm -rf "$BENCH_DIR/pandoc-out-$n"
  fi
  rm -rf "$out"
done

# --- Memory -------------------------------------------------------------------------

# Waymark's own peak memory (not its Typst helper's, which draws the site's covers): one
# process's high-water mark, read as it exits (peak-rss.c), for a whole corpus, --format text.
if [[ "$BENCH_MEMORY" != 0 ]]; then
  for n in $BENCH_MEMORY_SIZES; do
    dir="$BENCH_DIR/corpus-$n"
    corpus "$dir" "$n"
    peak="$TMP/peak-rss"
    rm -f "$peak"
    measure memory "$n" waymark text "$n" 1 "$BENCH_DIR/out-memory" -- \
      env WAYMARK_PEAK_RSS="$peak" LD_PRELOAD="$PEAK_SHIM" "$WAYMARK" build --guides "$dir" --output "$BENCH_DIR/out-memory" --styles "$STYLES" --format text
    echo "# memory $n $(awk '{ print $1 }' "$peak" 2>/dev/null || echo 0)" >> "$RESULTS"
    rm -rf "$BENCH_DIR/out-memory"
  done
fi

# The no-op rebuild, when its size is not one of the corpora.
if [[ " $BENCH_SIZES " != *" $BENCH_NOOP_SIZE "* && "$BENCH_NOOP_SIZE" != 0 ]]; then
  dir="$BENCH_DIR/corpus-$BENCH_NOOP_SIZE"
  corpus "$dir" "$BENCH_NOOP_SIZE"
  rm -rf "$BENCH_DIR/out-noop"
  noop_rebuild "$dir" "$BENCH_DIR/out-noop" "$BENCH_NOOP_SIZE"
  rm -rf "$BENCH_DIR/out-noop"
fi

# --- One large guide ------------------------------------------------------------

if [[ "$BENCH_LARGE_BYTES" != 0 ]]; then
  dir="$BENCH_DIR/large-$BENCH_LARGE_BYTES"
  corpus "$dir" 1 "$BENCH_LARGE_BYTES"
  bytes="$(corpus_bytes "$dir")"
  say "one large guide ($bytes bytes)"
  check_corpus "$dir" large "$bytes" 1
  measure large "$bytes" waymark all 1 1 "$BENCH_DIR/out-large" -- \
    "$WAYMARK" build --guides "$dir" --output "$BENCH_DIR/out-large" --styles "$STYLES"
  if [[ -n "$NOPDF_FORMATS" ]]; then
    measure large "$bytes" waymark nopdf 1 1 "$BENCH_DIR/out-large" -- \
      "$WAYMARK" build --guides "$dir" --output "$BENCH_DIR/out-large" --styles "$STYLES" --format "$NOPDF_FORMATS"
  fi
  rm -rf "$BENCH_DIR/out-large"
fi

# --- Instructions per guide (callgrind, issue #23) --------------------------------

if [[ "$BENCH_CALLGRIND" != 0 ]]; then
  # shellcheck source=callgrind.sh
  source "$HERE/callgrind.sh"
fi

# --- The pdf format (issue #17) -------------------------------------------------

if [[ "$BENCH_PDF" != 0 ]]; then
  # shellcheck source=pdf.sh
  source "$HERE/pdf.sh"
fi

# --- waymark preview (issue 19) ----------------------------------------------------

: > "$BENCH_DIR/preview.md"
if [[ "$BENCH_PREVIEW" != 0 ]]; then
  say "waymark preview: $BENCH_PREVIEW_RUNS saves of Guides/bullying.md"
  "$PYTHON" "$HERE/preview_bench.py" --waymark "$WAYMARK" --guides "$ROOT/Guides" --runs "$BENCH_PREVIEW_RUNS" > "$BENCH_DIR/preview.md"
fi

echo "- load average (1 min) at the start and at the end: $LOAD_START, $(load) (other work on the machine slows the wall times)" >> "$INFO"
{ "$PYTHON" "$HERE/report.py" "$RESULTS" "$INFO"; [[ ! -s "$BENCH_DIR/preview.md" ]] || { echo; cat "$BENCH_DIR/preview.md"; }; } | tee "$BENCH_DIR/report.md"
