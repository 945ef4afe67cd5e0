#!/usr/bin/env bash
# The install test of issue 14: `make install` into a temporary prefix from a clean release
# build, then the installed waymark, run far from the repository, starts a project with
# `waymark init`, builds it from another working directory and the conformance checks pass
# on what it built. Everything it makes is under one temporary folder, removed at the end;
# the repository's own build folders (.build, .build-release, …) are never touched.
#
# INSTALL_TEST_SCRATCH=DIR (an absolute path) installs from a build folder already made instead
# of a clean one of its own, and INSTALL_TEST_CONFIG (release, the default, or debug) says which
# build in it: `make test` installs the debug build its unit tests made from the same clean clone
# (install-test-debug in the Makefile), so that the package is not built a second time. That
# folder is left as it was; while the test shows that the installed bundle is the one read,
# the build folder's own bundle (the binary's fallback) is moved aside and then put back.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/waymark-install-test.XXXXXX")"
fallback=""   # the build folder's bundle while it is moved aside
trap 'if [ -n "$fallback" ]; then mv "$fallback.away" "$fallback"; fi; chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
prefix="$work/prefix"
scratch="${INSTALL_TEST_SCRATCH:-$work/scratch}"
config="${INSTALL_TEST_CONFIG:-release}"
started=$SECONDS
step() { echo "install-test: $* ($((SECONDS - started))s)"; }
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }

# The installed tool sees no repository: an empty home, a bare PATH, no PWD/OLDPWD, and a
# working directory of its own.
mkdir -p "$work/home" "$work/elsewhere"
isolated() { (cd "$work/elsewhere" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"); }

# MARK: - Install from a clean release build
step "make install PREFIX=$prefix ($config build in $scratch)"
build_started=$SECONDS
make -s -C "$repo" install PREFIX="$prefix" RELEASE_SCRATCH="$scratch" INSTALL_CONFIG="$config"
step "$config build and install took $((SECONDS - build_started))s"

expected=(bin/waymark bin/Waymark_Waymark.resources/syllables.tsv bin/Waymark_Waymark.resources/plain-words.txt
          share/bash-completion/completions/waymark share/zsh/site-functions/_waymark
          share/fish/vendor_completions.d/waymark.fish share/man/man1/waymark.1)
for file in "${expected[@]}"; do [ -s "$prefix/$file" ] || fail "make install did not install $file"; done
grep -q "_waymark" "$prefix/share/bash-completion/completions/waymark" || fail "the bash completion is not waymark's"
grep -q "^#compdef waymark" "$prefix/share/zsh/site-functions/_waymark" || fail "the zsh completion is not waymark's"
grep -q "complete -c 'waymark'" "$prefix/share/fish/vendor_completions.d/waymark.fish" || fail "the fish completion is not waymark's"
grep -q '^\.Dt WAYMARK 1' "$prefix/share/man/man1/waymark.1" || fail "the man page has no .Dt WAYMARK 1 line"
grep -q 'init' "$prefix/share/man/man1/waymark.1" || fail "the man page does not describe waymark init"

# MARK: - The installed copy stands on its own
if [ -z "${INSTALL_TEST_SCRATCH:-}" ]; then rm -rf "$scratch"; fi   # the clean build folder is ours
cp -a "$prefix" "$work/copy"
waymark="$work/copy/bin/waymark"
version="$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' "$repo/Sources/Waymark/Version.swift")"
[ "$(isolated "$waymark" --version)" = "$version" ] || fail "waymark --version is not $version"
# No path into the repository that the binary could open: the source file names kept for
# error messages (assert's __FILE__, #fileID) are never opened, nor are the C module maps a
# debug build names in the compiler options it keeps for the debugger (-fmodule-map-file=…);
# a build folder of one's own (INSTALL_TEST_SCRATCH) is the bundle's fallback; its libraries
# come from the system and the toolchain.
paths="$(strings -n 6 "$waymark" | grep -F "$repo/" | grep -vE '\.(swift|c|h)$' | grep -vE -- '-fmodule-map-file=[^ ]*/module\.modulemap' \
  | grep -vF "$scratch/" || true)"
[ -z "$paths" ] || fail "the binary names paths in the repository: $paths"
if ldd "$waymark" | grep -F "$repo"; then fail "the binary loads a library from the repository"; fi
step "the copy in $work/copy runs with no repository in reach"

# MARK: - init, then build from another working directory
project="$work/project"
mkdir "$project"
(cd "$project" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$waymark" init) > "$work/init.txt"
grep -q "created waymark.yml" "$work/init.txt" || fail "waymark init did not say what it made"
before="$(cd "$project" && find . -type f -exec sha1sum {} + | sort)"
if (cd "$project" && env -i HOME="$work/home" PATH=/usr/bin:/bin "$waymark" init) 2> "$work/again.txt"; then
  fail "a second waymark init did not refuse"
else
  status=$?; [ "$status" = 2 ] || fail "a second waymark init exited $status, not 2"
fi
grep -q "is already there" "$work/again.txt" || fail "a second waymark init did not name the file: $(cat "$work/again.txt")"
[ "$before" = "$(cd "$project" && find . -type f -exec sha1sum {} + | sort)" ] || fail "a second waymark init changed the project"

isolated "$waymark" build --guides "$project/Guides" --output "$project/Output" 2>&1 | tee "$work/build.txt"
grep -q "1 guide built, 0 failed" "$work/build.txt" || fail "the starter guide did not build"
if grep -qE ': (error|warning):' "$work/build.txt"; then fail "the starter guide has errors or warnings"; fi
isolated "$waymark" check --guides "$project/Guides" > "$work/check.txt" || fail "waymark check failed: $(cat "$work/check.txt")"
# The project's own default folders, in the project folder itself, with no options.
(cd "$project" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$waymark" build --output Output-here) > /dev/null
isolated "$waymark" formats --json > "$work/formats.json"
missing="$(python3 - "$work/formats.json" "$project" <<'PY'
import json, os, sys
formats, project = json.load(open(sys.argv[1])), sys.argv[2]
for output in ("Output", "Output-here"):
    for writer in formats:
        for name in writer["files"]:
            path = os.path.join(project, output, "someone-to-talk-to", name.replace("<slug>", "someone-to-talk-to"))
            if not os.path.isfile(path):
                print(f"{writer['id']}: {path}")
PY
)"
[ -z "$missing" ] || fail "formats not built: $missing"
step "init, build and check worked from $work/elsewhere"

# MARK: - The bundle it reads is the installed one
if [ -n "${INSTALL_TEST_SCRATCH:-}" ] && [ -d "$scratch/$config/Waymark_Waymark.resources" ]; then
  fallback="$scratch/$config/Waymark_Waymark.resources"
  mv "$fallback" "$fallback.away"
fi
mv "$work/copy/bin/Waymark_Waymark.resources" "$work/copy/bin/Waymark_Waymark.resources.away"
if isolated "$waymark" check --guides "$project/Guides" > /dev/null 2> "$work/nobundle.txt"; then
  fail "waymark check worked without its resource bundle, so it reads one from somewhere else"
fi
grep -q "resource bundle" "$work/nobundle.txt" || fail "without its bundle waymark failed for another reason: $(cat "$work/nobundle.txt")"
mv "$work/copy/bin/Waymark_Waymark.resources.away" "$work/copy/bin/Waymark_Waymark.resources"
isolated "$waymark" check --guides "$project/Guides" > /dev/null || fail "waymark check failed with its bundle back"
step "the copy reads its own bundle (and fails without it)"
if [ -n "$fallback" ]; then mv "$fallback.away" "$fallback"; fallback=""; fi

# MARK: - Conformance on what the installed tool built
"$repo/.venv-test/bin/python" "$repo/Tests/Conformance/run.py" --formats "$work/formats.json" "$project/Output"
step "conformance checks passed"

# MARK: - uninstall removes exactly what install put there
make -s -C "$repo" uninstall PREFIX="$prefix"
left="$(find "$prefix" -not -type d)"
[ -z "$left" ] || fail "make uninstall left: $left"
step "make uninstall removed every installed file; done"
