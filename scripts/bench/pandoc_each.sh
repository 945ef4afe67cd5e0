#!/usr/bin/env bash
# The pandoc baseline, as a user's script would run it: one pandoc process per
# guide, one format at a time, one after another.
#
#   pandoc_each.sh FORMAT SRC OUT STYLES
#
# FORMAT is epub (EPUB 3), text (plain text), html (standalone HTML with its
# pictures and style sheet embedded, like Waymark's large-print HTML) or pdf
# (pandoc's HTML typeset by WeasyPrint, `--pdf-engine=weasyprint`, pandoc's own
# style: the counterpart of Waymark's pdf format, issue #17). SRC holds the
# guides already turned into plain Markdown by to_pandoc.py, with their
# pictures/; OUT receives <slug>.epub, <slug>.txt, <slug>.html or <slug>.pdf.
set -euo pipefail
format=$1 src=$2 out=$3 styles=$4
mkdir -p "$out"
cd "$src"
for file in *.md; do
  slug=${file%.md}
  case $format in
    epub) pandoc -f markdown -t epub3 --css "$styles/epub.css" -o "$out/$slug.epub" "$file" ;;
    text) pandoc -f markdown -t plain -o "$out/$slug.txt" "$file" ;;
    html) pandoc -f markdown -t html5 -s --self-contained --css "$styles/large-print.css" -o "$out/$slug.html" "$file" ;;
    pdf) pandoc -f markdown -o "$out/$slug.pdf" --pdf-engine=weasyprint "$file" ;;
    *) echo "pandoc_each.sh: unknown format $format" >&2; exit 2 ;;
  esac
done
