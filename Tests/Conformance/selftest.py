#!/usr/bin/env python3
"""Tests the conformance checks themselves, before they judge Output/.

Builds a folder like Output/ from Tests/Conformance/samples (the EPUBs are
zipped from their source folders), runs every check of run.py on it once, and
asserts that each good sample passes every check and each bad sample fails
exactly the checks it was broken for, with the expected rule ids. Then some
quick cases for the parts that need no outside tool.

    .venv-test/bin/python Tests/Conformance/selftest.py [--keep DIR]

Exits 1, naming each unmet expectation, if a checker no longer catches what it
should (or flags what it should not).
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts in the work tree
sys.path.insert(0, str(HERE))
import run  # noqa: E402

SAMPLES = HERE / "samples"


def make_epub(source: Path, target: Path) -> None:
    """Zip an EPUB source folder: mimetype first and stored, as OCF requires."""
    with zipfile.ZipFile(target, "w") as book:
        book.write(source / "mimetype", "mimetype", compress_type=zipfile.ZIP_STORED)
        for folder, dirs, names in os.walk(source):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                member = path.relative_to(source).as_posix()
                if member != "mimetype":
                    book.write(path, member, compress_type=zipfile.ZIP_DEFLATED)


def build_tree(root: Path) -> None:
    (root / "good").mkdir(parents=True)
    (root / "bad").mkdir(parents=True)
    make_epub(SAMPLES / "epub-good", root / "good" / "good.epub")
    make_epub(SAMPLES / "epub-bad", root / "bad" / "bad.epub")
    for name in ("good-large-print.html", "good-easy-read.html"):
        shutil.copy(SAMPLES / name, root / "good" / name)
    for name in ("bad-large-print.html", "bad-easy-read.html", "split-easy-read.html"):
        shutil.copy(SAMPLES / name, root / "bad" / name)
    (root / "good" / "good.txt").write_text(
        "Keeping safe online\n\nYou can phone a helpline. See https://www.example.org/help\n", encoding="utf-8")
    (root / "README.md").write_text("Not an output: skipped by the scan.\n", encoding="utf-8")


# (check, file) -> None for PASS, or the set of rule ids that must all be among the findings.
EXPECTED = {
    ("epubcheck", "good/good.epub"): None,
    ("ace-metadata", "good/good.epub"): None,
    ("axe", "good/good.epub"): None,
    ("self-contained", "good/good.epub"): None,
    ("nu-html", "good/good-large-print.html"): None,
    ("axe", "good/good-large-print.html"): None,
    ("print-body-size", "good/good-large-print.html"): None,
    ("print-headings", "good/good-large-print.html"): None,
    ("self-contained", "good/good-large-print.html"): None,
    ("nu-html", "good/good-easy-read.html"): None,
    ("axe", "good/good-easy-read.html"): None,
    ("print-body-size", "good/good-easy-read.html"): None,
    ("print-headings", "good/good-easy-read.html"): None,
    ("print-rows", "good/good-easy-read.html"): None,
    ("self-contained", "good/good-easy-read.html"): None,
    ("self-contained", "good/good.txt"): None,

    ("epubcheck", "bad/bad.epub"): {"RSC-001", "RSC-006", "OPF-014"},
    ("ace-metadata", "bad/bad.epub"): {
        "metadata-accessibilitysummary-missing", "metadata-accessmode-invalid",
        "metadata-accessibilityfeature-invalid", "metadata-accessibilityhazard-invalid",
        "metadata-accessmodesufficient-invalid"},
    ("axe", "bad/bad.epub"): {"image-alt"},
    ("self-contained", "bad/bad.epub"): {"no-script", "no-event-handler", "no-remote-resource"},
    ("nu-html", "bad/bad-large-print.html"): {"nu-error"},
    ("axe", "bad/bad-large-print.html"): {"image-alt"},
    ("print-body-size", "bad/bad-large-print.html"): {"print-body-size"},
    ("print-headings", "bad/bad-large-print.html"): {"print-heading-at-page-end"},
    ("self-contained", "bad/bad-large-print.html"): {"no-script", "no-event-handler", "no-remote-resource"},
    # promises 17pt, prints 16pt: only the size check may fail
    ("nu-html", "bad/bad-easy-read.html"): None,
    ("axe", "bad/bad-easy-read.html"): None,
    ("print-body-size", "bad/bad-easy-read.html"): {"print-body-size"},
    ("print-headings", "bad/bad-easy-read.html"): None,
    ("print-rows", "bad/bad-easy-read.html"): None,
    ("self-contained", "bad/bad-easy-read.html"): None,
    # one row far longer than a page, allowed to break: only the row check may fail
    ("nu-html", "bad/split-easy-read.html"): None,
    ("axe", "bad/split-easy-read.html"): None,
    ("print-body-size", "bad/split-easy-read.html"): None,
    ("print-headings", "bad/split-easy-read.html"): None,
    ("print-rows", "bad/split-easy-read.html"): {"print-row-split"},
    ("self-contained", "bad/split-easy-read.html"): None,
}


class Expectations:
    def __init__(self):
        self.failures: list[str] = []
        self.count = 0

    def check(self, condition: bool, what: str) -> None:
        self.count += 1
        if not condition:
            self.failures.append(what)
            print(f"SELFTEST UNMET: {what}", flush=True)


OLD_CHECKS = set(run.CHECKS) - set(run.PHONE_CHECKS) - set(run.PDF_CHECKS) - {"braille"}


def check_samples(tree: Path, expect: Expectations) -> None:
    buffer = io.StringIO()
    report = run.run([str(tree)], only=OLD_CHECKS, report=run.Report(out=buffer))
    log = buffer.getvalue()
    got = {}
    for result in report.results:
        key = (result.check, Path(result.path).resolve().relative_to(tree.resolve()).as_posix())
        got[key] = result
    for key, rules in EXPECTED.items():
        result = got.get(key)
        expect.check(result is not None, f"{key[0]} did not run on {key[1]}")
        if result is None:
            continue
        found = {f.rule for f in result.findings}
        detail = "; ".join(run.describe(result, f) for f in result.findings)[:1500]
        if rules is None:
            expect.check(result.passed, f"{key[0]} should PASS {key[1]} but failed: {detail}")
        else:
            expect.check(not result.passed, f"{key[0]} should FAIL {key[1]} but passed")
            missing = rules - found
            expect.check(not missing, f"{key[0]} on {key[1]} should report {', '.join(sorted(missing))}; "
                                      f"it reported {', '.join(sorted(found)) or 'nothing'}")
    unexpected = set(got) - set(EXPECTED)
    expect.check(not unexpected, f"unexpected results: {sorted(unexpected)}")
    heading = got.get(("print-headings", "bad/bad-large-print.html"))
    if heading and heading.findings:
        expect.check(heading.findings[0].document == "page 1",
                     f"the heading should be found at the foot of page 1, not {heading.findings[0].document}")
    nu = got.get(("nu-html", "bad/bad-large-print.html"))
    if nu:
        expect.check(any("font-colour" in f.message for f in nu.findings),
                     "an unknown CSS property (font-colour) must stay an error")
    expect.check("does not know the CSS property text-underline-offset" in log,
                 "text-underline-offset in good-large-print.html should be noted as unknown to vnu 20.6.30")
    # the closing line that CI reads, and the exit code
    out = io.StringIO()
    report.out = out
    code = report.finish()
    last = out.getvalue().rstrip("\n").splitlines()[-1]
    passed = sum(1 for v in EXPECTED.values() if v is None)
    expect.check(code == 1, "a run with failures must exit 1")
    expect.check(last == f"{passed} passed, {len(EXPECTED) - passed} failed",
                 f"the closing line should be '{passed} passed, {len(EXPECTED) - passed} failed', not {last!r}")
    expect.check("CONFORMANCE FAILURES" in out.getvalue(), "failures should be listed again at the end")
    expect.check("INFO fonts" in log, "pdffonts should be recorded for the printed pages")


PHONES = SAMPLES / "phones"
# The phone checks (reflow, dark, names) on their own tree: samples/phones/ and two EPUBs.
EXPECTED_PHONES = {
    ("reflow", "good/good-large-print.html"): None,
    ("dark", "good/good-large-print.html"): None,
    ("names", "good/good-large-print.html"): None,
    ("reflow", "good/good-rtl-easy-read.html"): None,
    ("dark", "good/good-rtl-easy-read.html"): None,
    ("names", "good/good-rtl-easy-read.html"): None,
    ("reflow", "good/good.epub"): None,
    ("dark", "good/good.epub"): None,
    ("names", "good/good.epub"): None,
    # a 600 px unbreakable line: every mode fails, nothing else
    ("reflow", "bad/bad-reflow-large-print.html"): {"reflow-overflow"},
    ("dark", "bad/bad-reflow-large-print.html"): None,
    ("names", "bad/bad-reflow-large-print.html"): None,
    # fits at 320 px, not with WCAG 1.4.12 text spacing
    ("reflow", "bad/bad-spacing-easy-read.html"): {"reflow-overflow"},
    ("dark", "bad/bad-spacing-easy-read.html"): None,
    ("names", "bad/bad-spacing-easy-read.html"): None,
    # right to left, skip link at left: -10000px
    ("reflow", "bad/bad-rtl-easy-read.html"): {"reflow-overflow"},
    ("dark", "bad/bad-rtl-easy-read.html"): None,
    ("names", "bad/bad-rtl-easy-read.html"): None,
    # grey on black, a black pictogram with no tile, no border in forced colours, dark print
    ("reflow", "bad/bad-dark-large-print.html"): None,
    ("dark", "bad/bad-dark-large-print.html"): {"color-contrast", "dark-picture", "forced-colors-urgent-border",
                                                "print-colors"},
    ("names", "bad/bad-dark-large-print.html"): None,
    # "0800 1111" read as numbers; a name without the visible digits; visible text spelled out
    ("reflow", "bad/bad-names-easy-read.html"): None,
    ("dark", "bad/bad-names-easy-read.html"): None,
    ("names", "bad/bad-names-easy-read.html"): {"names-digit-run", "names-number-word", "names-label-in-name",
                                                "names-visible-changed"},
    # an EPUB content document with a 600 px line and an unnamed phone number
    ("reflow", "bad/bad-phones.epub"): {"reflow-overflow"},
    ("dark", "bad/bad-phones.epub"): None,
    ("names", "bad/bad-phones.epub"): {"names-digit-run", "names-number-word"},
}


def build_phone_tree(root: Path) -> None:
    (root / "good").mkdir(parents=True)
    (root / "bad").mkdir(parents=True)
    make_epub(SAMPLES / "epub-good", root / "good" / "good.epub")
    make_epub(SAMPLES / "epub-phones-bad", root / "bad" / "bad-phones.epub")
    for page in sorted(PHONES.glob("*.html")):
        shutil.copy(page, root / ("good" if page.name.startswith("good") else "bad") / page.name)


def modes_of(result) -> set[str]:
    return {f.document.rsplit("@", 1)[-1] for f in result.findings if "@" in f.document}


def check_phone_samples(tree: Path, expect: Expectations) -> None:
    buffer = io.StringIO()
    report = run.run([str(tree)], only=set(run.PHONE_CHECKS), report=run.Report(out=buffer))
    log = buffer.getvalue()
    got = {(r.check, Path(r.path).resolve().relative_to(tree.resolve()).as_posix()): r for r in report.results}
    for key, rules in EXPECTED_PHONES.items():
        result = got.get(key)
        expect.check(result is not None, f"{key[0]} did not run on {key[1]}")
        if result is None:
            continue
        found = {f.rule for f in result.findings}
        detail = "; ".join(run.describe(result, f) for f in result.findings)[:1500]
        if rules is None:
            expect.check(result.passed, f"{key[0]} should PASS {key[1]} but failed: {detail}")
        else:
            expect.check(not result.passed, f"{key[0]} should FAIL {key[1]} but passed")
            missing = rules - found
            expect.check(not missing, f"{key[0]} on {key[1]} should report {', '.join(sorted(missing))}; "
                                      f"it reported {', '.join(sorted(found)) or 'nothing'}")
    unexpected = set(got) - set(EXPECTED_PHONES)
    expect.check(not unexpected, f"unexpected phone results: {sorted(unexpected)}")
    every = {mode for mode, _, _ in run.REFLOW_MODES}
    wide = got.get(("reflow", "bad/bad-reflow-large-print.html"))
    if wide:
        expect.check(modes_of(wide) == every, f"a 600 px line must fail every reflow mode, not only {sorted(modes_of(wide))}")
        expect.check(any("unbreakable" in f.message or "line" in f.message for f in wide.findings),
                     "the reflow finding should name the wide line")
    spacing = got.get(("reflow", "bad/bad-spacing-easy-read.html"))
    if spacing:
        expect.check(modes_of(spacing) == {m for m in every if "spacing" in m},
                     f"the nowrap phrase should fail only with text spacing, not {sorted(modes_of(spacing))}")
    rtl = got.get(("reflow", "bad/bad-rtl-easy-read.html"))
    if rtl:
        expect.check(all("skip-link" in f.message and "left" in f.message for f in rtl.findings),
                     "the RTL finding should name the skip link and the left edge")
    epub = got.get(("reflow", "bad/bad-phones.epub"))
    if epub:
        expect.check(all(f.document.startswith("EPUB/chapter-1.xhtml") for f in epub.findings),
                     f"only the chapter should overflow: {[f.document for f in epub.findings]}")
    expect.check("INFO names" in log and "espeak-ng says" in log, "the first phone link of each file should be spoken in an INFO line")


PDFS = SAMPLES / "pdf"  # made by samples/pdf/make_samples.py (Typst 0.15 and pikepdf)
# The PDF checks on their own tree: each bad PDF beside a copy of the HTML page it was made from.
PASS_ALL = {check: None for check in run.PDF_CHECKS}
EXPECTED_PDF_FILES = {
    "good/good-large-print.pdf": PASS_ALL,
    "good/good-easy-read.pdf": PASS_ALL,
    # an annotation with no /Contents: only pdfua looks at annotations other than links
    "bad/bad-pdfua-large-print.pdf": {**PASS_ALL, "pdfua": {"UA-18-001"}},
    # faults that pdfua and our own checks both see
    "bad/bad-tags-large-print.pdf": {**PASS_ALL,
        "pdfua": {"UA-01-002", "UA-01-003", "UA-06-001", "UA-13-004", "UA-18-005", "UA-07-002"},
        "pdf-structure": {"structure-pdfua-id", "structure-lang", "structure-display-doc-title", "structure-marked",
                          "structure-figure-alt", "structure-link", "structure-untagged-text"}},
    # faults that pdfua 0.1 does not look for
    "bad/bad-structure-large-print.pdf": {**PASS_ALL, "pdf-structure": {
        "structure-lang", "structure-heading-levels", "structure-list", "structure-th-scope", "structure-outline"}},
    # a font not embedded, one without a Unicode map: its words (the headings) are lost to pdftotext too
    "bad/bad-fonts-large-print.pdf": {**PASS_ALL, "pdf-fonts": {"fonts-not-embedded", "fonts-no-unicode"},
                                      "pdf-text": {"text-missing"}},
    # the good PDF against a page with two paragraphs swapped and one more
    "bad/bad-order-large-print.pdf": {**PASS_ALL, "pdf-text": {"text-missing", "text-order"}},
    # 16pt body, a heading left at the foot of page 1
    "bad/bad-print-large-print.pdf": {**PASS_ALL, "pdf-print": {"pdf-body-size", "pdf-heading-at-page-end"}},
}
EXPECTED_PDF = {(check, name): rules for name, checks in EXPECTED_PDF_FILES.items() for check, rules in checks.items()}


def build_pdf_tree(root: Path) -> None:
    (root / "good").mkdir(parents=True)
    (root / "bad").mkdir(parents=True)
    for name in EXPECTED_PDF_FILES:
        folder, file = name.split("/")
        source = PDFS / ("good-large-print.pdf" if file == "bad-order-large-print.pdf" else file)
        shutil.copy(source, root / name)
        page = PDFS / file.replace(".pdf", ".html")
        if not page.exists():
            page = PDFS / ("good-easy-read.html" if "easy-read" in file else "good-large-print.html")
        shutil.copy(page, root / folder / file.replace(".pdf", ".html"))


def check_pdf_samples(tree: Path, expect: Expectations) -> None:
    buffer = io.StringIO()
    report = run.run([str(tree)], only=set(run.PDF_CHECKS), report=run.Report(out=buffer))
    log = buffer.getvalue()
    got = {(r.check, Path(r.path).resolve().relative_to(tree.resolve()).as_posix()): r for r in report.results}
    for key, rules in EXPECTED_PDF.items():
        result = got.get(key)
        expect.check(result is not None, f"{key[0]} did not run on {key[1]}")
        if result is None:
            continue
        found = {f.rule for f in result.findings}
        detail = "; ".join(run.describe(result, f) for f in result.findings)[:1500]
        if rules is None:
            expect.check(result.passed, f"{key[0]} should PASS {key[1]} but failed: {detail}")
        else:
            expect.check(not result.passed, f"{key[0]} should FAIL {key[1]} but passed")
            missing = rules - found
            expect.check(not missing, f"{key[0]} on {key[1]} should report {', '.join(sorted(missing))}; "
                                      f"it reported {', '.join(sorted(found)) or 'nothing'}")
    unexpected = set(got) - set(EXPECTED_PDF)
    expect.check(not unexpected, f"unexpected PDF results: {sorted(unexpected)}")
    expect.check(log.count("INFO pdf ") == len(EXPECTED_PDF_FILES), "one INFO pdf line (pages, size, fonts) per PDF")
    structure = got.get(("pdf-structure", "bad/bad-tags-large-print.pdf"))
    if structure:
        untagged = [f for f in structure.findings if f.rule == "structure-untagged-text"]
        expect.check(any(f.document == "page 2" and "Keeping safe online" in f.message for f in untagged),
                     f"the untagged running head should be named on page 2: {[f.message for f in untagged]}")
    heading = got.get(("pdf-print", "bad/bad-print-large-print.pdf"))
    if heading:
        expect.check([f.document for f in heading.findings if f.rule == "pdf-heading-at-page-end"] == ["page 1"],
                     "the heading should be found at the foot of page 1 only")
    easy = got.get(("pdf-print", "good/good-easy-read.pdf"))
    if easy:
        expect.check("body 16.0pt" in easy.note and "≥ 16pt" in easy.note, f"easy read should measure 16pt: {easy.note}")


def check_pdf_logic(expect: Expectations) -> None:
    andika = [run.PdfFont("Andika", True, True), run.PdfFont("Andika-Bold", True, True)]
    ratio, _, _ = run.height_ratio(andika, run.TYPST_FONT_HEIGHT_RATIO, run.TYPST_HEIGHT_PER_POINT_MIN)
    expect.check(ratio == 1.611, f"Andika in Typst's PDFs should be calibrated at 1.611, not {ratio}")
    typst_fallback = run.height_ratio([run.PdfFont("LibertinusSerif-Regular-Identity-H", True, True)],
                                      run.TYPST_FONT_HEIGHT_RATIO, run.TYPST_HEIGHT_PER_POINT_MIN)[0]
    expect.check(typst_fallback == 1.14, f"Typst's Libertinus fallback should be known: {typst_fallback}")
    expect.check(run.same_language("en-GB", "en") and run.same_language("cy-GB", "CY-gb")
                 and not run.same_language("en-GB", "cy"), "language tags compare by case and primary subtag")
    pages = [[run.Line(1, 0, 10, "Keeping safe online", [10]), run.Line(1, 20, 30, "words", [10]),
              run.Line(1, 800, 810, "Tudalen 1 o 2", [10])],
             [run.Line(2, 0, 10, "Keeping safe online", [10]), run.Line(2, 20, 30, "more", [10]),
              run.Line(2, 800, 810, "Tudalen 2 o 2", [10])]]
    running = run.running_lines(pages)
    expect.check(running == {(0, 0), (0, 2), (1, 0), (1, 2)},
                 f"a Welsh page footer and the running head should be recognised: {sorted(running)}")
    parser = run.MainBlocks()
    parser.feed('<body><p>out</p><main><nav><p>Contents</p></nav><h1>Title</h1><p>One <a href="#">two</a>'
                '<span class="visually-hidden">hidden</span></p><ul><li>a</li></ul></main></body>')
    blocks = [" ".join(b.split()) for b in parser.blocks]
    expect.check(blocks == ["Title", "One two", "a"], f"<main> blocks without nav or hidden text: {blocks}")


BRAILLE = SAMPLES / "braille"  # good.brf and good.txt: Waymark's build of Tests/WaymarkTests/Fixtures/guides/braille.md


def braille_samples() -> dict[str, tuple[bytes, set[str] | None]]:
    """The good BRF and a copy broken in one way for each rule, with the rules it must fail."""
    good = (BRAILLE / "good.brf").read_bytes()
    pages = good.split(b"\x0c")

    def page(number: int, change) -> bytes:
        changed = list(pages)
        changed[number - 1] = change(changed[number - 1])
        return b"\x0c".join(changed)

    def lines(number: int, change) -> bytes:
        return page(number, lambda text: b"\r\n".join(change(text.split(b"\r\n"))))

    return {
        "good": (good, None),
        "bad-characters": (good.replace(b",CALL", b",call", 1), {"brf-characters"}),
        "bad-line-ends": (good.replace(b"\r\n", b"\n", 3), {"brf-characters"}),
        "bad-width": (lines(3, lambda ls: ls[:2] + [ls[2] + b" ,ALSO ,MORE ,WORDS ,THAN ,A ,LINE ,HOLDS"] + ls[3:]), {"brf-line-width"}),
        "bad-length": (lines(3, lambda ls: ls[:2] + [b",M"] * 24 + ls[2:]), {"brf-page-length"}),
        "bad-number": (lines(2, lambda ls: [ls[0][:-2] + b"#C"] + ls[1:]), {"brf-page-number"}),
        "bad-count": (page(1, lambda text: text.replace(b"#D BRL PAGES", b"#E BRL PAGES")), {"brf-page-count"}),
        "bad-contents": (lines(2, lambda ls: [l[:-2] + b"#D" if l.startswith(b",CALL") else l for l in ls]), {"brf-contents"}),
        "bad-words": (lines(3, lambda ls: [ls[0]] + [b",XYZ QQQ" for _ in ls[1:]]), {"brf-words"}),
    }


def check_braille_samples(tmp: Path, expect: Expectations) -> None:
    tree = tmp / "braille"
    samples = braille_samples()
    for name, (data, _) in samples.items():
        (tree / name).mkdir(parents=True)
        (tree / name / f"{name}.brf").write_bytes(data)
        shutil.copy(BRAILLE / "good.txt", tree / name / f"{name}.txt")
    buffer = io.StringIO()
    report = run.run([str(tree)], only={"braille"}, report=run.Report(out=buffer))
    got = {Path(r.path).name: r for r in report.results}
    for name, (_, rules) in samples.items():
        result = got.get(f"{name}.brf")
        expect.check(result is not None, f"braille did not run on {name}.brf")
        if result is None:
            continue
        found = {f.rule for f in result.findings}
        if rules is None:
            detail = "; ".join(run.describe(result, f) for f in result.findings)[:1500]
            expect.check(result.passed, f"braille should PASS {name}.brf but failed: {detail}")
            expect.check("of the text's" in result.note and "missing:" in result.note,
                         f"the back-translation's score and differences should be in the note: {result.note}")
        else:
            expect.check(not result.passed, f"braille should FAIL {name}.brf but passed")
            expect.check(rules <= found, f"braille on {name}.brf should report {', '.join(sorted(rules - found))}; "
                                         f"it reported {', '.join(sorted(found)) or 'nothing'}")
    narrow = run.run([str(tree / "good")], only={"braille"}, report=run.Report(out=io.StringIO()), braille_page="32x25")
    expect.check({f.rule for r in narrow.results for f in r.findings} >= {"brf-line-width", "brf-page-number"},
                 "a 40-cell file checked as 32x25 must fail on its line widths and number lines")
    expect.check(run.braille_check.braille_number(1250) == "#ABEJ" and run.braille_check.number_value("#AJ") == 10,
                 "braille page numbers are the number sign and the letters a to j")


def check_empty_and_text_only(tmp: Path, expect: Expectations) -> None:
    empty = tmp / "empty"
    (empty / "guide").mkdir(parents=True)
    (empty / "guide" / "guide.txt").write_text("Plain text only.\n", encoding="utf-8")
    buffer = io.StringIO()
    report = run.run([str(empty)], report=run.Report(out=buffer))
    text = buffer.getvalue()
    for kind in ("no EPUB files found: skipped", "no large-print HTML files found: skipped",
                 "no easy-read HTML files found: skipped"):
        expect.check(kind in text, f"a text-only folder should say '{kind}'")
    expect.check(report.finish() == 0, "a text-only folder with clean text must pass")


def check_scan(expect: Expectations) -> None:
    cases = [
        ('<p>See <a href="https://www.example.org/help">the help website</a>.</p>', set()),
        ("Phone 0800 1111 or go to https://www.example.org. Someone=1 only.", set()),
        ('<link rel="stylesheet" href="style.css"/><img src="images/a.png" alt="A"/>', set()),
        ('<img src="data:image/png;base64,AAAA" alt=""/>', set()),
        ("body { background: url(images/paper.png); }", set()),
        ('<img src="//cdn.example.org/a.png" alt="A">', {"no-remote-resource"}),
        ('<img srcset="a.png 1x, https://example.org/b.png 2x" src="a.png" alt="A">', {"no-remote-resource"}),
        ('<svg><use xlink:href="https://example.org/icons.svg#phone"/></svg>', {"no-remote-resource"}),
        ("<picture><source srcset='http://example.org/a.webp'></picture>", {"no-remote-resource"}),
        ('<iframe src="https://example.org/video"></iframe>', {"no-remote-resource"}),
        ("h1 { background: url( 'https://example.org/x.png' ) }", {"no-remote-resource"}),
        ('@import "https://fonts.example.org/a.css";', {"no-remote-resource"}),
        ("@import url(//fonts.example.org/a.css);", {"no-remote-resource"}),
        ("<SCRIPT>alert(1)</SCRIPT>", {"no-script"}),
        ('<script src="app.js"></script>', {"no-script"}),
        ('<body onload="go()">', {"no-event-handler"}),
        ("<a href='#x' ONMOUSEOVER = 'x()'>x</a>", {"no-event-handler"}),
    ]
    for text, rules in cases:
        found = {rule for rule, _, _ in run.scan_text(text)}
        expect.check(found == rules, f"scan of {text!r} found {sorted(found)}, expected {sorted(rules)}")


OPF = """<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="u">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{meta}</metadata><manifest/><spine/></package>"""


def metadata_rules(meta: str) -> set[str]:
    package = run.Package("OEBPS/content.opf", ET.fromstring(OPF.format(meta=meta)), {}, [])
    return {f.rule for f in run.check_metadata(package)}


def check_metadata(expect: Expectations) -> None:
    good = ('<meta property="schema:accessMode">textual</meta>'
            '<meta property="schema:accessModeSufficient">textual</meta>'
            '<meta property="schema:accessibilityFeature">structuralNavigation</meta>'
            '<meta property="schema:accessibilityFeature">displayTransformability/font-size</meta>'
            '<meta property="schema:accessibilityHazard">none</meta>'
            '<meta property="schema:accessibilitySummary">Fine.</meta>')
    expect.check(metadata_rules(good) == set(), f"good metadata flagged: {metadata_rules(good)}")
    epub2 = ('<meta name="schema:accessMode" content="textual"/>'
             '<meta name="schema:accessModeSufficient" content="textual"/>'
             '<meta name="schema:accessibilityFeature" content="tableOfContents"/>'
             '<meta name="schema:accessibilityHazard" content="noFlashingHazard"/>'
             '<meta name="schema:accessibilitySummary" content="Fine."/>')
    expect.check(metadata_rules(epub2) == set(), f"EPUB 2 style metadata flagged: {metadata_rules(epub2)}")
    conflict = good.replace("structuralNavigation", "none") + \
        '<meta property="schema:accessibilityHazard">flashing</meta>'
    found = metadata_rules(conflict)
    expect.check({"accessibilityfeature-conflict", "accessibilityhazard-conflict"} <= found,
                 f"none together with other values should be flagged, got {found}")
    expect.check("metadata-accessmode-missing" in metadata_rules(""), "missing accessMode should be flagged")
    refines = '<meta property="schema:accessibilitySummary" refines="#x">only refining</meta>'
    expect.check("metadata-accessibilitysummary-missing" in metadata_rules(refines),
                 "a refining meta is not the publication's summary")


def check_page_logic(expect: Expectations) -> None:
    body = [1.117 * 18] * 10

    def line(page, y, text, size):
        return run.Line(page, y - size, y, text, [1.117 * size] * len(text.split()))

    pages = [[line(1, 100, "Some body text here", 18), line(1, 700, "A heading", 23.4), line(1, 800, "1", 18)],
             [line(2, 100, "More body text", 18), line(2, 800, "Page 2 of 2", 18)]]
    heights = body + [1.117 * 23.4]
    size, headings, _ = run.check_printed(pages, heights, 18, "test")
    expect.check(not size, f"18pt text should pass an 18pt minimum: {size}")
    expect.check([f.document for f in headings] == ["page 1"],
                 f"a heading above the page number should be found on page 1: {[f.message for f in headings]}")
    size, _, _ = run.check_printed(pages, [1.117 * 17] * 10, 18, "test")
    expect.check(bool(size), "17pt text must fail an 18pt minimum")
    # fonts not in the calibration table: the smallest ratio, 1.10, decides
    for font, ratio in (("Liberation Serif", 1.107), ("DejaVu Sans", 1.164)):
        size, _, _ = run.check_printed(pages, [ratio * 18] * 10, 18, "test")
        expect.check(not size, f"18pt {font} (height {ratio} x size) should pass an 18pt minimum")
        size, _, _ = run.check_printed(pages, [ratio * 17] * 10, 18, "test")
        expect.check(bool(size), f"17pt {font} (height {ratio} x size) must fail an 18pt minimum")
    # calibrated fonts: exact to a tenth of a point
    dejavu = [run.PdfFont("DejaVuSans", True, True), run.PdfFont("DejaVuSans-Bold", True, True)]
    ratio, tolerance, _ = run.height_ratio(dejavu)
    expect.check(ratio == 1.164, f"DejaVu Sans should be calibrated at 1.164, not {ratio}")
    size, _, note = run.check_printed(pages, [1.164 * 18] * 10, 18, "test", ratio, tolerance)
    expect.check(not size and "body ≈ 18.0pt" in note, f"18pt DejaVu Sans should pass and read as 18.0pt: {note}")
    size, _, _ = run.check_printed(pages, [1.164 * 17.8] * 10, 18, "test", ratio, tolerance)
    expect.check(bool(size), "17.8pt DejaVu Sans must fail an 18pt minimum")
    mixed = dejavu + [run.PdfFont("LiberationSerif", True, True)]
    expect.check(run.height_ratio(mixed)[0] == 1.107, "with two calibrated families the smaller ratio decides")
    unknown = dejavu + [run.PdfFont("AtkinsonHyperlegible-Regular", True, True)]
    expect.check(run.height_ratio(unknown)[:2] == (1.10, 1.0), "an uncalibrated font falls back to 1.10")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", help="build the sample tree in this folder and keep it (to run run.py on by hand)")
    args = parser.parse_args()
    expect = Expectations()
    check_scan(expect)
    check_metadata(expect)
    check_page_logic(expect)
    check_pdf_logic(expect)
    with tempfile.TemporaryDirectory(prefix="waymark-selftest-") as tmp:
        tree = Path(args.keep) if args.keep else Path(tmp) / "samples"
        if tree.exists():
            shutil.rmtree(tree)
        build_tree(tree)
        check_empty_and_text_only(Path(tmp), expect)
        check_braille_samples(Path(tmp), expect)
        check_samples(tree, expect)
        phones = Path(args.keep + "-phones") if args.keep else Path(tmp) / "phones"
        if phones.exists():
            shutil.rmtree(phones)
        build_phone_tree(phones)
        check_phone_samples(phones, expect)
        pdfs = Path(args.keep + "-pdf") if args.keep else Path(tmp) / "pdf"
        if pdfs.exists():
            shutil.rmtree(pdfs)
        build_pdf_tree(pdfs)
        check_pdf_samples(pdfs, expect)
    if expect.failures:
        print(f"selftest: {len(expect.failures)} of {expect.count} expectations UNMET: the checkers are broken", flush=True)
        return 1
    print(f"selftest: all {expect.count} expectations met (good samples pass, bad samples fail as they should)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
