# Instructions per guide under callgrind (issue #23), for a plain build (all formats) and for
# each format alone, on BENCH_CALLGRIND_SIZES generated guides (the same guides as the corpus
# of that size). Sourced by run.sh, after the timed parts, with its settings and functions.
#
# Each profile is profile.sh's: the corpus, then 1 guide, so that the cost of each guide after
# the first and the fixed cost of a process are told apart; instruction counts are exact and the
# same from run to run, unlike times on a shared machine. The pdf format's Typst work is done by
# its helper, a Python process callgrind does not follow: only Waymark's side of it is counted
# (its CPU, helper included, is in the timed rows). The download site is in every build; its part
# is what the all-formats profile counts inside DownloadSite.guideFiles (each guide's page, ZIP
# and cover) and Builder.writeSite (the list and catalogues). A callgrind run is about 50 times
# slower than the build itself: 200 guides of all formats take about 10 minutes of CPU; 1,000
# guides cost what 200 do a guide (the figure is per guide), so they are left to BENCH_CALLGRIND_SIZES.

for n in $BENCH_CALLGRIND_SIZES; do
  for format in ${BENCH_CALLGRIND_FORMATS:-five all $FORMAT_IDS}; do
    case "$format" in
      all) args="" ;;
      five) args="--format $FIVE_FORMATS" ;;
      *) args="--format $format" ;;
    esac
    say "callgrind: $n guides, ${format} (profile.sh; a few minutes)"
    WAYMARK="$WAYMARK" PROFILE_COUNT="$n" PROFILE_SEED="$BENCH_SEED" PROFILE_ARGS="$args" \
      BENCH_DIR="$BENCH_DIR/callgrind-$n-$format" bash "$HERE/profile.sh" \
      > "$BENCH_DIR/callgrind-$n-$format.md" 2>> "$BENCH_DIR/callgrind.log" || die "callgrind of $format failed (see $BENCH_DIR/callgrind.log)"
    printf '# callgrind %s\t%s\n' "$format" "$(cat "$BENCH_DIR/callgrind-$n-$format/summary.tsv")" >> "$RESULTS"
  done
done
