# The pdf format against pandoc with WeasyPrint (issue #17). Sourced by run.sh,
# after the other parts, with its settings and functions (measure, corpus, say).
#
# Waymark: one `waymark build --format pdf` of BENCH_PDF_SIZE generated guides
# (the same make_corpus.py guides as the other parts), as users run it; it makes
# two PDFs a guide (large print and easy read) through one Typst helper process.
# pandoc: the same guides as plain Markdown (to_pandoc.py), one
# `pandoc -o X.pdf --pdf-engine=weasyprint` process per guide (pandoc_each.sh pdf),
# one PDF a guide. Both are timed under treetime.py, which counts every process
# of the tree: WeasyPrint is pandoc's child, and Waymark's Typst helper exits
# just after Waymark (when its input closes), which /usr/bin/time would miss.
# With BENCH_PDF_PANDOC_SAMPLE=N (0 < N < size) pandoc runs on a seeded sample
# of N guides, its times scaled up to the whole corpus.

# pdf_pages TOOL FOLDER: record how many PDFs and pages FOLDER holds (not timed).
pdf_pages() {
  local tool=$1 folder=$2 files=0 pages=0 bytes=0 file p
  while IFS= read -r -d '' file; do
    p="$(pdfinfo "$file" 2>/dev/null | awk '/^Pages:/ {print $2}')"
    [[ -n "$p" ]] || die "not a PDF: $file"
    files=$((files + 1)) pages=$((pages + p)) bytes=$((bytes + $(stat -c %s "$file")))
  done < <(find "$folder" -name '*.pdf' -print0)
  echo "# pdf-files $tool $files $pages $bytes" >> "$RESULTS"
  say "  $tool: $files PDFs, $pages pages, $bytes bytes"
}

if ! "$WAYMARK" formats 2>/dev/null | grep -qw pdf; then
  say "skipping the pdf part: $WAYMARK has no pdf format"
else
  n=$BENCH_PDF_SIZE
  dir="$BENCH_DIR/corpus-$n"
  out="$BENCH_DIR/pdf-out-$n"
  corpus "$dir" "$n"
  say "pdf: $n guides ($(corpus_bytes "$dir") bytes)"
  MEASURE_TREE=1 measure pdf "$n" waymark pdf "$n" 1 "$out" -- \
    "$WAYMARK" build --guides "$dir" --output "$out" --styles "$STYLES" --format pdf
  pdf_pages waymark "$out"
  rm -rf "$out"

  if [[ "$BENCH_PANDOC" == 1 ]]; then
    slugs=()
    count=$n
    scale=1
    if ((BENCH_PDF_PANDOC_SAMPLE > 0 && BENCH_PDF_PANDOC_SAMPLE < n)); then
      count=$BENCH_PDF_PANDOC_SAMPLE
      mapfile -t slugs < <("$PYTHON" -c 'import random, sys
n, k, seed = map(int, sys.argv[1:])
for i in sorted(random.Random(f"waymark-bench-pdf-sample:{seed}:{n}").sample(range(n), k)):
    print(f"guide-{i + 1:05d}")' "$n" "$count" "$BENCH_SEED")
      scale="$(awk -v n="$n" -v k="$count" 'BEGIN { printf "%.6g", n / k }')"
    fi
    md="$BENCH_DIR/pdf-pandoc-md-$n"
    stamp="$(cat "$dir/.stamp") $count $(sha256sum "$HERE/to_pandoc.py" | cut -c1-16)"
    if [[ "$(cat "$md/.stamp" 2>/dev/null)" != "$stamp" ]]; then
      rm -rf "$md"
      "$PYTHON" "$HERE/to_pandoc.py" --guides "$dir" --out "$md" "${slugs[@]}" 2> /dev/null
      echo "$stamp" > "$md/.stamp"
    fi
    say "pdf: pandoc --pdf-engine=weasyprint, one process per guide ($count guides; a few minutes)"
    MEASURE_TREE=1 measure pdf "$n" pandoc pdf "$count" "$scale" "$BENCH_DIR/pdf-pandoc-out-$n" -- \
      "$HERE/pandoc_each.sh" pdf "$md" "$BENCH_DIR/pdf-pandoc-out-$n" "$STYLES"
    pdf_pages pandoc "$BENCH_DIR/pdf-pandoc-out-$n"
    rm -rf "$BENCH_DIR/pdf-pandoc-out-$n"
  fi
fi
