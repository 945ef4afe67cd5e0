"""The braille check: every *.brf Waymark wrote, as an embosser and a reader would take it.

Called from run.py (check `braille`). For each BRF file:

  brf-characters    only Braille ASCII (0x20 to 0x5F), CR LF line ends and form feeds
  brf-line-width    no line longer than the page's cells (40, or --braille-page)
  brf-page-length   no page longer than the page's lines (25), the number line included
  brf-page-number   the first line of every page ends, at the right margin, with that
                    page's number in braille digits (#A, #B, ... #AJ)
  brf-page-count    the title page says how many pages there are, and is right
  brf-contents      each contents entry (text, guide dots, page number) names a page
                    on which that heading stands
  brf-words         liblouis's back-translation (lou_translate --backward, the number
                    lines and guide dots left out) gives back at least 90% of the words
                    of the guide's plain text (<slug>.txt beside it), counted with their
                    repeats; the words missing and added are listed in the note

The liblouis tables are found from the guide's language (the <html lang> of a page
beside it, else the EPUB's dc:language); with neither, every table is tried and the best
kept. Both grades of a language are tried: the title page's grade line is in braille.
"""
from __future__ import annotations

import collections
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

CHECK = "braille"
DISPLAY = "en-us-brf.dis"
# The tables the braille writer uses, by primary language subtag (BrailleCode.swift).
TABLES = {
    "en": ["en-ueb-g2.ctb", "en-ueb-g1.ctb"],
    "cy": ["cy-cy-g2.ctb", "cy-cy-g1.utb"],
    "pl": ["Pl-Pl-g1.utb"],
}
MINIMUM_OVERLAP = 0.90
DIGITS = "JABCDEFGHI"  # braille digits 0-9 are the letters a-j after the number sign
GUIDE_DOTS = re.compile(r' "{2,} ')
NUMBER = re.compile(r"#[A-J]+")


def braille_number(value: int) -> str:
    return "#" + "".join(DIGITS[int(d)] for d in str(value))


def number_value(token: str) -> int | None:
    if not NUMBER.fullmatch(token):
        return None
    return int("".join(str(DIGITS.index(c)) for c in token[1:]))


def parse_page(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"\s*(\d+)\s*[x×]\s*(\d+)\s*", text or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def pages_of(data: bytes) -> list[list[str]]:
    text = data.decode("ascii", errors="replace")
    chunks = text.split("\f")
    if chunks and chunks[-1] == "":
        chunks.pop()
    pages = []
    for chunk in chunks:
        lines = chunk.split("\r\n")
        if lines and lines[-1] == "":
            lines.pop()
        pages.append(lines)
    return pages


def structure_findings(data: bytes, cells: int, lines: int, finding) -> list:
    """Characters, line and page sizes, page numbers, the page count and the contents."""
    found = []
    bad = sorted({b for b in data if not (0x20 <= b <= 0x5F or b in (0x0D, 0x0A, 0x0C))})
    if bad:
        found.append(finding("brf-characters", f"bytes outside Braille ASCII: {', '.join(f'0x{b:02X}' for b in bad[:8])}"))
    lone = data.replace(b"\r\n", b"")
    if b"\r" in lone or b"\n" in lone:
        found.append(finding("brf-characters", "a line ends otherwise than with CR LF"))
    if not data.endswith(b"\x0c"):
        found.append(finding("brf-characters", "the last page does not end with a form feed"))
    pages = pages_of(data)
    if not pages:
        return found + [finding("brf-page-count", "the file has no pages")]
    for number, page in enumerate(pages, 1):
        where = f"page {number}"
        if len(page) > lines:
            found.append(finding("brf-page-length", f"{len(page)} lines, more than {lines}", where))
        for index, line in enumerate(page, 1):
            if len(line) > cells:
                found.append(finding("brf-line-width", f"line {index} has {len(line)} cells, more than {cells}: {line}", where))
        head = page[0] if page else ""
        if not head.endswith(braille_number(number)) or len(head) != cells \
                or (len(head) > len(braille_number(number)) and head[-len(braille_number(number)) - 1] != " "):
            found.append(finding("brf-page-number", f"the first line does not end at cell {cells} with the page number "
                                                    f"{braille_number(number)}: {head!r}", where))
    total = braille_number(len(pages))
    title = [token for line in pages[0][1:] for token in line.split()]
    if total not in title:
        counted = [t for t in title if NUMBER.fullmatch(t)]
        found.append(finding("brf-page-count", f"the title page does not say {total} ({len(pages)} pages); "
                                               f"its numbers are {', '.join(counted) or 'none'}", "page 1"))
    for page_index, page in enumerate(pages[:4]):
        for line in page[1:]:
            entry = re.fullmatch(r'(.*\S) "{2,} (#[A-J]+)', line)
            if not entry:
                continue
            target = number_value(entry.group(2))
            text = entry.group(1).strip()
            # an entry that ran over: its first lines are the lines above it, back to the previous entry
            above = []
            lines_before = page[1:page.index(line)]
            for previous in reversed(lines_before):
                if not previous.strip() or re.fullmatch(r'.*\S "{2,} #[A-J]+', previous) or previous.startswith("   "):
                    break
                above.insert(0, previous.strip())
            text = " ".join(above + [text])
            if target is None or not 1 <= target <= len(pages):
                found.append(finding("brf-contents", f"the entry {text!r} names page {entry.group(2)}, which is not there",
                                     f"page {page_index + 1}"))
                continue
            # compared without spaces: the heading is centred, so its lines may break elsewhere
            words = "".join(l.replace(" ", "") for l in pages[target - 1][1:])
            if text.replace(" ", "") not in words:
                found.append(finding("brf-contents", f"the entry {text!r} names page {entry.group(2)}, "
                                                     f"where that heading is not", f"page {page_index + 1}"))
    return found


def body_text(data: bytes) -> str:
    """The braille without the number lines and the guide dots, backslashes escaped for lou_translate."""
    lines = [line for page in pages_of(data) for line in page[1:]]
    text = "\n".join(GUIDE_DOTS.sub(" ", line + " ").rstrip() for line in lines)
    return text.replace("\\", "\\\\")


def back_translate(braille: str, table: str) -> str | None:
    try:
        run = subprocess.run(["lou_translate", "--backward", f"{DISPLAY},{table}"], input=braille,
                             capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return run.stdout if run.returncode == 0 else None


def words_of(text: str) -> list[str]:
    """Runs of letters and runs of digits, lower case, digits of any script as 0-9. A digit run next
    to letters is a word of its own: the Welsh tables read a full stop or colon back as a digit
    ("helpu8"), which is punctuation lost, not a word."""
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)
    return re.findall(r"[^\W\d_]+|\d+", text)


def overlap(expected: list[str], got: list[str]) -> tuple[float, collections.Counter, collections.Counter]:
    want = collections.Counter(expected)
    have = collections.Counter(got)
    common = sum(min(count, have[word]) for word, count in want.items())
    return (common / len(expected) if expected else 1.0), want - have, have - want


def language_of(brf: Path) -> str | None:
    folder = brf.parent
    for page in sorted(folder.glob("*.html")):
        match = re.search(r'<html[^>]*\slang="([^"]+)"', page.read_text(encoding="utf-8", errors="replace")[:4000])
        if match:
            return match.group(1)
    for book in sorted(folder.glob("*.epub")):
        try:
            with zipfile.ZipFile(book) as archive:
                for name in archive.namelist():
                    if name.endswith(".opf"):
                        match = re.search(r"<dc:language[^>]*>([^<]+)<", archive.read(name).decode("utf-8", "replace"))
                        if match:
                            return match.group(1).strip()
        except (zipfile.BadZipFile, OSError):
            continue
    return None


def tables_for(language: str | None) -> list[str]:
    primary = (language or "").split("-")[0].lower()
    return TABLES.get(primary) or [table for tables in TABLES.values() for table in tables]


def shown(counter: collections.Counter, limit: int = 12) -> str:
    return ", ".join(f"{word}×{count}" if count > 1 else word for word, count in counter.most_common(limit)) or "none"


def check(files: list[Path], outputs, report, result_type, finding_type, guide_of, shown_path, page: str | None = None) -> None:
    """Runs the braille check on every .brf among `files` (run.py's outputs.everything)."""
    cells, lines = parse_page(page) or (40, 25)
    brfs = [f for f in files if f.name.lower().endswith(".brf")]
    have_louis = shutil.which("lou_translate") is not None
    for brf in brfs:
        result = result_type(CHECK, shown_path(brf), guide_of(brf, outputs))
        data = brf.read_bytes()

        def finding(rule: str, message: str, document: str = ""):
            return finding_type(rule, message, document)

        result.findings += structure_findings(data, cells, lines, finding)
        text_file = brf.with_suffix(".txt")
        if not have_louis:
            result.findings.append(finding("setup", "lou_translate is missing: run `make conformance-deps` (liblouis-bin)"))
        elif text_file.exists():
            expected = words_of(text_file.read_text(encoding="utf-8"))
            braille = body_text(data)
            best = None
            for table in tables_for(language_of(brf)):
                back = back_translate(braille, table)
                if back is None:
                    continue
                score = overlap(expected, words_of(back))
                if best is None or score[0] > best[1][0]:
                    best = (table, score)
            if best is None:
                result.findings.append(finding("brf-words", "lou_translate could not back-translate the file"))
            else:
                table, (ratio, missing, extra) = best
                result.note = (f"{cells}x{lines}, {len(pages_of(data))} pages; back-translated with {table}: "
                               f"{ratio:.1%} of the text's {len(expected)} words; missing: {shown(missing)}; added: {shown(extra)}")
                if ratio < MINIMUM_OVERLAP:
                    result.findings.append(finding("brf-words", f"the back-translation gives {ratio:.1%} of the words of "
                                                                f"{text_file.name}, under {MINIMUM_OVERLAP:.0%}; missing: "
                                                                f"{shown(missing, 30)}"))
        else:
            result.note = f"{cells}x{lines}, {len(pages_of(data))} pages; no {text_file.name} beside it to compare words with"
        report.add(result)
