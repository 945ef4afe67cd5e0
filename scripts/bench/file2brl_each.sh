#!/usr/bin/env bash
# The braille format's peer (issue #23): liblouisutdml's file2brl, the field's tool for turning
# a document into embosser-ready BRF pages, run as a transcriber's script would: one process a
# guide, one after another, on the plain text Waymark made of it (file2brl reads text, or XML it
# knows; it has no reader for the guides' source). Its default settings (preferences.cfg): UEB
# grade 2, 40 cells by 25 lines, as Waymark's braille format.
#
#   file2brl_each.sh TEXT OUT
#
# TEXT holds a text build's output (<slug>/<slug>.txt); OUT receives <slug>.brf.
set -euo pipefail
text=$1 out=$2
mkdir -p "$out"
# file2brl writes notes about what it met beside where it runs.
cd "$out"
for file in "$text"/*/*.txt; do
  slug=$(basename "$file" .txt)
  file2brl -f preferences.cfg -T "$file" "$out/$slug.brf" 2> /dev/null
done
