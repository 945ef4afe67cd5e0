#!/usr/bin/env python3
"""Checks of `waymark import` against pandoc 2.17, the outside reference for Word files.

    python3 Tests/Conformance/import_check.py --waymark .build/debug/waymark

Checks:
  import-docx       every Word document of Tests/Conformance/import-tests/pandoc-docx/ (pandoc's own test
                    suite) imports without a crash (an error is accepted only where pandoc's reader
                    gives up too); every draft reads back without a format error (`waymark check`);
                    and per document the headings of each level, list items, table cells, links and
                    pictures with alt text are as many as `pandoc -f docx -t json` finds, except the
                    differences listed, each with its reason, in docs/import.md ("Differences from
                    pandoc"): a difference not listed fails, and so does one listed that is gone.
  import-roundtrip  every guide in Guides/, written as a Word file by pandoc (`pandoc -f markdown`:
                    pandoc reads the guide format's ::: blocks as its own fenced divs and the front
                    matter as YAML metadata), imported again, has the same headings (level and
                    words), list items, table cells and links (words and address) as the guide.

The drafts' counts come from pandoc reading the draft (`-f commonmark+pipe_tables`), so both sides
of every comparison are read by the same outside reader. Prints one line per document, PASS or
FAIL with what differs underneath; the last line is "N passed, M failed"; exits 1 on any failure.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "Tests" / "Conformance" / "import-tests" / "pandoc-docx"  # a copy of ../shared/import-tests/
MEASURES = ["level 1 headings", "level 2 headings", "level 3 headings", "level 4 headings", "level 5 headings",
            "level 6 headings", "list items", "table cells", "links", "pictures with alt text"]
TIMEOUT = 120


# --------------------------------------------------------------------------
# Reading pandoc's document tree


def pandoc_json(args: list[str]) -> dict | None:
    done = subprocess.run(["pandoc", *args, "-t", "json"], capture_output=True, timeout=TIMEOUT)
    return json.loads(done.stdout) if done.returncode == 0 else None


def plain(inlines) -> str:
    """The words of a list of pandoc inlines."""
    out = []
    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kind, content = node.get("t"), node.get("c")
            if kind == "Str":
                out.append(content)
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif kind in ("Note",):
                return
            elif kind in ("Link", "Image"):
                walk(content[1])
            elif kind in ("Code", "Math", "RawInline"):
                out.append(content[-1])
            elif kind == "Quoted":
                walk(content[1])
            elif kind == "Cite":
                walk(content[1])
            elif kind == "Span":
                walk(content[1])
            else:
                walk(content)
    walk(inlines)
    return normal("".join(out))


def normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "), ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def first_words(blocks) -> str:
    for block in blocks:
        if block.get("t") in ("Para", "Plain", "Header"):
            return plain(block["c"][-1])
    return ""


def survey(doc: dict) -> dict:
    """What pandoc's tree holds: counts for import-docx, and the things import-roundtrip compares."""
    found = {"counts": {m: 0 for m in MEASURES}, "headings": [], "items": [], "cells": [], "links": []}
    counts = found["counts"]

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        kind, content = node.get("t"), node.get("c")
        if kind == "Header":
            level = min(content[0], 6)
            counts[f"level {level} headings"] += 1
            found["headings"].append((level, plain(content[2])))
        elif kind in ("BulletList", "OrderedList"):
            items = content if kind == "BulletList" else content[1]
            counts["list items"] += len(items)
            found["items"] += [first_words(item) for item in items]
        elif kind == "Table":
            head, bodies, foot = content[3], content[4], content[5]
            rows = head[1] + [row for body in bodies for row in body[2] + body[3]] + foot[1]
            for row in rows:
                for cell in row[1]:
                    counts["table cells"] += cell[2] * cell[3]
                    found["cells"].append(plain(cell[4]))
        elif kind == "Link":
            counts["links"] += 1
            found["links"].append((plain(content[1]), content[2][0]))
        elif kind == "Image":
            if plain(content[1]):
                counts["pictures with alt text"] += 1
        walk(content)

    walk(doc["blocks"])
    return found


# --------------------------------------------------------------------------
# Running waymark


def run_import(waymark: str, source: Path, guides: Path) -> tuple[int, str]:
    done = subprocess.run([waymark, "import", "--output", str(guides), str(source)], capture_output=True, text=True, timeout=TIMEOUT)
    return done.returncode, done.stdout + done.stderr


def format_errors(waymark: str, guides: Path, draft: Path | None) -> dict[str, list[str]]:
    """Reading errors (findings of no check) of `waymark check` on the draft (or every guide in
    `guides`), by the draft's file name."""
    done = subprocess.run([waymark, "check", "--guides", str(guides), "--format", "json", *([str(draft)] if draft else [])],
                          capture_output=True, text=True, timeout=TIMEOUT * 4)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        return {"": [f"waymark check gave no report (exit {done.returncode}): {done.stderr.strip()[:300]}"]}
    problems: dict[str, list[str]] = {}
    for guide in report["guides"]:
        name = Path(guide["path"]).name
        if not guide.get("read", True):
            problems.setdefault(name, []).append("the draft does not read as a guide")
        for finding in guide["findings"]:
            if finding.get("rule") is None:
                problems.setdefault(name, []).append(f"{finding['file']}:{finding['line']}:{finding['column']}: {finding['message']}")
    return problems


def read_draft(draft: Path) -> dict | None:
    return pandoc_json(["-f", "commonmark+pipe_tables+yaml_metadata_block", str(draft)])


# --------------------------------------------------------------------------
# The allow-list in docs/import.md


def allowed_differences(doc: Path) -> dict[tuple[str, str], tuple[int, int, str]]:
    """(document, measure) → (pandoc's count, Waymark's count, why), from the table under
    "## Differences from pandoc" in docs/import.md."""
    allowed = {}
    section = False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line.strip() == "## Differences from pandoc"
            continue
        if not section or not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 5:
            continue
        name = cells[0].strip("`")
        try:
            allowed[(name, cells[1])] = (int(cells[2]), int(cells[3]), cells[4])
        except ValueError:
            continue
    return allowed


# --------------------------------------------------------------------------
# The checks


def check_docx(waymark: str, docs: Path, scratch: Path, allowed: dict) -> tuple[int, int]:
    sources = sorted(docs.glob("*.docx"))
    guides = scratch / "docx" / "Guides"
    guides.mkdir(parents=True)

    def prepare(source: Path):
        # Every document into one guides folder (the drafts' and pictures' names differ), two at a time.
        reference = pandoc_json(["-f", "docx", str(source)])
        try:
            status, output = run_import(waymark, source, guides)
        except subprocess.TimeoutExpired:
            status, output = -1, "timed out"
        return reference, status, output

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(os.cpu_count() or 1, 1)) as pool:
        prepared = list(pool.map(prepare, sources))
    drafts = {path.name: path for path in guides.glob("*.md")}
    errors = format_errors(waymark, guides, None)
    passed = failed = 0
    seen = set()
    for source, (reference, status, output) in zip(sources, prepared):
        problems: list[str] = []
        notes: list[str] = []
        written = re.search(r"^imported .* -> (.+?\.md)(?: and \d+ pictures?)?: \d+ things? to decide$", output, re.MULTILINE)
        draft = drafts.get(Path(written.group(1)).name) if written else None
        if status != 0 or draft is None:
            if status not in (0, 1) or "error" not in output:
                problems.append(f"waymark import crashed or hung (exit {status}): {output.strip()[-300:]}")
            elif reference is not None:
                problems.append(f"waymark import failed where pandoc reads the file: {output.strip()[-300:]}")
            else:
                notes.append("pandoc's reader gives up on it too; waymark says: " + output.strip().splitlines()[0][:200])
        else:
            problems += errors.get(draft.name, [])
            ours = read_draft(draft)
            if ours is None:
                problems.append("pandoc cannot read the draft as CommonMark")
            elif reference is None:
                notes.append("pandoc's reader gives up on it; waymark imports it")
            else:
                theirs, mine = survey(reference)["counts"], survey(ours)["counts"]
                for measure in MEASURES:
                    key = (source.name, measure)
                    if theirs[measure] != mine[measure]:
                        if key in allowed and allowed[key][:2] == (theirs[measure], mine[measure]):
                            notes.append(f"{measure}: pandoc {theirs[measure]}, Waymark {mine[measure]} (listed in docs/import.md)")
                            seen.add(key)
                        else:
                            problems.append(f"{measure}: pandoc finds {theirs[measure]}, Waymark {mine[measure]}, and docs/import.md does not list it")
                    elif key in allowed:
                        problems.append(f"{measure}: docs/import.md lists a difference, but both find {mine[measure]} now: take the row out")
                        seen.add(key)
        report(f"import-docx {source.name}", problems, notes)
        passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
    for key in sorted(set(allowed) - seen):
        report(f"import-docx {key[0]}", [f"docs/import.md lists '{key[1]}' for a document that was not checked, or had no difference there"], [])
        failed += 1
    return passed, failed


def check_roundtrip(waymark: str, guides_folder: Path, scratch: Path) -> tuple[int, int]:
    passed = failed = 0
    for guide in sorted(guides_folder.glob("*.md")):
        if guide.name == "README.md":
            continue
        problems: list[str] = []
        work = scratch / "roundtrip" / guide.stem
        guides = work / "Guides"
        guides.mkdir(parents=True)
        docx = work / f"{guide.stem}.docx"
        # Pictures: pandoc needs rsvg-convert to put an SVG in a Word file; without it the pictures
        # are left out, which is why pictures are not among what is compared.
        made = subprocess.run(["pandoc", "-f", "markdown", str(guide), "--resource-path", str(guides_folder), "-o", str(docx)],
                              capture_output=True, text=True, timeout=TIMEOUT)
        if made.returncode != 0:
            report(f"import-roundtrip {guide.name}", [f"pandoc could not write the Word file: {made.stderr.strip()[:300]}"], [])
            failed += 1
            continue
        status, output = run_import(waymark, docx, guides)
        draft = guides / f"{guide.stem}.md"
        if status != 0 or not draft.exists():
            problems.append(f"waymark import failed (exit {status}): {output.strip()[-300:]}")
        else:
            problems += [p for ps in format_errors(waymark, guides, draft).values() for p in ps]
            original, back = pandoc_json(["-f", "markdown", str(guide)]), read_draft(draft)
            if original is None or back is None:
                problems.append("pandoc could not read the guide or the draft")
            else:
                before, after = survey(original), survey(back)
                for what, label in (("headings", "headings"), ("items", "list items"), ("cells", "table cells"), ("links", "links")):
                    if before[what] != after[what]:
                        gone = [x for x in before[what] if x not in after[what]][:3]
                        new = [x for x in after[what] if x not in before[what]][:3]
                        problems.append(f"{label} differ: {len(before[what])} in the guide, {len(after[what])} after the round trip; "
                                        f"only in the guide: {gone}; only after: {new}")
        report(f"import-roundtrip {guide.name}", problems, [])
        passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
    return passed, failed


def report(name: str, problems: list[str], notes: list[str]) -> None:
    print(f"{'FAIL' if problems else 'PASS'}  {name}")
    for problem in problems:
        print(f"      {problem}")
    for note in notes:
        print(f"      note: {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--waymark", default=str(ROOT / ".build" / "debug" / "waymark"))
    parser.add_argument("--docs", default=str(DOCS), help="the folder of Word documents (default Tests/Conformance/import-tests/pandoc-docx)")
    parser.add_argument("--guides", default=str(ROOT / "Guides"), help="the guides for the round trip (default Guides)")
    parser.add_argument("--only", choices=["import-docx", "import-roundtrip"])
    args = parser.parse_args(argv)
    if shutil.which("pandoc") is None:
        print("FAIL  pandoc is not installed (make conformance-deps installs it)")
        return 1
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"reference: {version}")
    docs = Path(args.docs)
    if args.only != "import-roundtrip" and not any(docs.glob("*.docx")):
        print(f"FAIL  no Word documents in {docs}")
        return 1
    allowed = allowed_differences(ROOT / "docs" / "import.md")
    waymark = os.path.abspath(args.waymark)
    with tempfile.TemporaryDirectory(prefix="waymark-import-") as temporary:
        scratch = Path(temporary)
        results = []
        if args.only in (None, "import-docx"):
            results.append(check_docx(waymark, docs, scratch, allowed))
        if args.only in (None, "import-roundtrip"):
            results.append(check_roundtrip(waymark, Path(args.guides), scratch))
    passed = sum(p for p, _ in results)
    failed = sum(f for _, f in results)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
