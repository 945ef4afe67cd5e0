#!/usr/bin/env bash
# Fuzz the guide reader, the picture intake, the project's settings (waymark.yml
# and style profiles) and the Word reader of `waymark import` with libFuzzer
# (+ AddressSanitizer).
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]     TARGET: reader, picture, settings, docx (default all)
#
# Each target runs for SECONDS (default $FUZZ_SECONDS or 600), built as FUZZ_CONFIG says
# (release, or debug for a short run that is mostly build), FUZZ_JOBS of them
# at once (default: the number of cores; FUZZ_FLAGS adds libFuzzer flags), from a seed corpus made from Guides/, Guides/pictures/,
# Styles/pictograms/, the Word documents of Tests/Conformance/import-tests/pandoc-docx/
# and Tests/WaymarkTests/Fixtures/import/, and Tests/WaymarkTests/Fixtures/fuzz/
# (earlier finds), and
# grows its own corpus in .build-fuzz/corpus/TARGET/. A crash, a hang
# (-timeout), a leak or a run past -rss_limit_mb stops it: the input is saved in
# .build-fuzz/artifacts/TARGET/ and the script fails. Keep each input as a
# regression test in Tests/WaymarkTests/Fixtures/fuzz/TARGET/ (see docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${FUZZ_SECONDS:-600}}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reader picture settings docx)
scratch=.build-fuzz
swift="${SWIFT:-swift}"

# FUZZ_CONFIG: release (the default: more inputs a second, for long runs) or debug (builds
# in under a third of the time, 105 s against 370 on 2 cores; what the 60-second smoke run in CI uses).
config="${FUZZ_CONFIG:-release}"
case $config in release|debug) ;; *) echo "fuzz: FUZZ_CONFIG must be release or debug, not '$config'" >&2; exit 2 ;; esac

# Build the fuzzers in their own scratch folder: the fuzz targets exist in
# Package.swift only with WAYMARK_FUZZ=1, so a plain `swift build` never sees them.
build() {
    WAYMARK_FUZZ=1 "$swift" build -c "$config" --scratch-path "$scratch" --product "fuzz-$1" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2 || return 1
    echo "$scratch/$config/fuzz-$1"
}

# seeds TARGET DIR: fill DIR with the seed corpus.
seeds() {
    local target=$1 dir=$2
    rm -rf "$dir" && mkdir -p "$dir"
    case $target in
    reader)
        cp Guides/*.md Tests/WaymarkTests/Fixtures/guides/*.md "$dir/"
        cp Tests/WaymarkTests/Fixtures/checking/*.md "$dir/" 2>/dev/null || true
        ;;
    picture)
        # First byte picks the media type: 0 SVG, 1 PNG, 2 JPEG (Sources/FuzzPicture).
        for svg in Guides/pictures/*.svg Styles/pictograms/*.svg Tests/WaymarkTests/Fixtures/reliability/pictures/*.svg; do
            [ -f "$svg" ] || continue
            { printf '\0'; cat "$svg"; } > "$dir/svg-$(basename "$svg")"
        done
        python3 Tests/Fuzz/make_image_seeds.py "$dir"
        ;;
    settings)
        # First byte picks the kind: 0 waymark.yml, 1 a style profile (Sources/FuzzSettings).
        for yml in Tests/Fuzz/settings/*.yml; do
            { printf '\0'; cat "$yml"; } > "$dir/yml-$(basename "$yml")"
        done
        for css in Styles/*.css; do
            { printf '\1'; cat "$css"; } > "$dir/css-$(basename "$css")"
        done
        ;;
    docx)
        # First byte: even, a whole .docx; odd, only its word/document.xml (Sources/FuzzDocx).
        python3 - "$dir" Tests/Conformance/import-tests/pandoc-docx/*.docx Tests/WaymarkTests/Fixtures/import/*.docx <<'PY'
import os, sys, zipfile
out = sys.argv[1]
for path in sys.argv[2:]:
    if not os.path.isfile(path):
        continue
    name = os.path.basename(path)
    data = open(path, "rb").read()
    open(os.path.join(out, "docx-" + name), "wb").write(b"\0" + data)
    try:
        with zipfile.ZipFile(path) as archive:
            main = next((n for n in archive.namelist() if n.startswith("word/document") and n.endswith(".xml")), None)
            if main:
                open(os.path.join(out, "xml-" + name), "wb").write(b"\1" + archive.read(main))
    except zipfile.BadZipFile:
        pass
PY
        ;;
    esac
    if [ -d "Tests/WaymarkTests/Fixtures/fuzz/$target" ]; then
        cp Tests/WaymarkTests/Fixtures/fuzz/"$target"/* "$dir/" 2>/dev/null || true
    fi
}

# run TARGET BINARY: fuzz one target for SECONDS; its summary goes to $scratch/TARGET.summary.
run() {
    local target=$1 binary=$2
    local seed="$scratch/seeds/$target" corpus="$scratch/corpus/$target" artifacts="$scratch/artifacts/$target"
    local summary="$scratch/$target.summary" log="$scratch/$target.log" rc
    seeds "$target" "$seed"
    mkdir -p "$corpus" "$artifacts"
    {
        echo "fuzz: $target for ${seconds}s (corpus $corpus, finds in $artifacts/)"
        set +e
        "$binary" "$corpus" "$seed" \
            -dict="Tests/Fuzz/$target.dict" \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=200000 \
            -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} > "$log" 2>&1
        rc=$?
        set -e
        grep -E "^(#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb)|Test unit written" "$log" || true
        if [ $rc -ne 0 ]; then
            # CI keeps no files: print what stopped it and the input itself, so that a find made
            # only there can be reproduced (base64 -d > input; the fuzzer binary runs one file).
            grep -m 3 -E "Fatal error|runtime failure|ERROR: AddressSanitizer|ERROR: libFuzzer|LeakSanitizer" "$log" || true
            grep -m 8 -E "^ +#[0-9]+ 0x" "$log" || true
            for find in "$artifacts"/*; do
                [ -f "$find" ] || continue
                if [ "$(stat -c %s "$find")" -le 16384 ]; then
                    echo "fuzz: the input $find, in base64:"
                    base64 -w 76 "$find"
                fi
            done
            echo "fuzz: $target found a problem (exit $rc); see $log and $artifacts/"
            echo "FAILED" > "$scratch/$target.failed"
        fi
    } > "$summary" 2>&1
}

export WAYMARK_FUZZ_GUIDES="$PWD/Guides" WAYMARK_FUZZ_STYLES="$PWD/Styles"
# Swift's own crash handler gets in the way of AddressSanitizer's report.
export SWIFT_BACKTRACE=enable=no

# Every fuzzer is built first (after the first, each is a link), then they run side by side:
# one libFuzzer process keeps one core busy, so FUZZ_JOBS (default: the cores) run at once.
binaries=()
for target in "${targets[@]}"; do
    binary=$(build "$target") || exit 1
    binaries+=("$binary")
    rm -f "$scratch/$target.failed" "$scratch/$target.summary"
done
jobs="${FUZZ_JOBS:-$(nproc)}"
running=0
for index in "${!targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
    run "${targets[$index]}" "${binaries[$index]}" &
    running=$((running + 1))
done
wait || true

status=0
for target in "${targets[@]}"; do
    cat "$scratch/$target.summary" 2>/dev/null || { echo "fuzz: $target did not run" >&2; status=1; }
    if [ -f "$scratch/$target.failed" ]; then status=1; fi
done
exit $status
