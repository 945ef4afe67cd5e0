"""The download site's checks (issue 18), called by run.py as the `site` check.

For every folder searched that holds a site (an `index.html` beside guide folders):
- every link on every site page, in both catalogues and in the JSON-LD leads to a file
  that is there (relative links only, unless the build was given a site address);
- every size and page count a page shows is the file's own (sizes as GOV.UK writes them:
  whole KB rounded up under a megabyte, else MB to one decimal place);
- each guide's ZIP holds exactly the files its page offers, byte for byte, and a README;
- `opds.json` validates against the OPDS 2.0 JSON schemas (kept in schemas/opds2, resolved
  locally: nothing is fetched), and `opds.xml` parses as Atom with OPDS link relations and types;
- the JSON-LD parses, and its accessibility matches what each guide's EPUBs declare.
"""
from __future__ import annotations

import html
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE / "schemas" / "opds2"
ATOM = "{http://www.w3.org/2005/Atom}"
OPDS_ACQUISITION = "http://opds-spec.org/acquisition/open-access"
OPDS_TYPES = {"application/atom+xml;profile=opds-catalog;kind=acquisition"}
LINK = re.compile(r"""<(a|link)\b[^>]*?\bhref\s*=\s*"([^"]*)\"""", re.IGNORECASE)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
FACTS_P = re.compile(r'<p class="facts" id="([^"]+)">([^<]*)</p>')
ITEM = re.compile(r'<a href="([^"]+)" type="([^"]+)" aria-describedby="([^"]+)"')


def site_roots(paths: list[Path]) -> list[Path]:
    """The folders searched that hold a site."""
    return [p for p in paths if p.is_dir() and (p / "index.html").is_file() and (p / "opds.json").is_file()]


def size_text(size: int) -> tuple[int, int]:
    """A file's size as the site shows it: (whole KB, 0) under a megabyte, else (tenths of MB, 1)."""
    kilobytes = max(1, (size + 1023) // 1024)
    if kilobytes < 1024:
        return kilobytes, 0
    return (size * 10 + 1024 * 1024 // 2) // (1024 * 1024), 1


def shown_size(number: str) -> tuple[int, int]:
    number = number.replace(",", ".")
    if "." in number:
        whole, tenth = number.split(".", 1)
        return int(whole) * 10 + int(tenth), 1
    return int(number), 0


def local_target(base: Path, href: str, root: Path) -> Path | None:
    """The file a relative link leads to, or None for a link that leaves the site."""
    parsed = urllib.parse.urlsplit(href)
    if parsed.scheme or parsed.netloc:
        return None
    path = urllib.parse.unquote(parsed.path)
    if not path:
        return base
    target = (base.parent / path).resolve()
    return target


def pdf_pages(path: Path) -> int | None:
    try:
        import pikepdf
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)
    except Exception:  # noqa: BLE001 - a PDF the pdf checks judge; here only its pages count
        return None


def epub_accessibility(path: Path) -> dict[str, list[str]]:
    """schema: meta properties of an EPUB's package document."""
    with zipfile.ZipFile(path) as book:
        container = ET.fromstring(book.read("META-INF/container.xml"))
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
        package = ET.fromstring(book.read(rootfile))
    values: dict[str, list[str]] = {}
    for meta in package.iter("{http://www.idpf.org/2007/opf}meta"):
        prop = meta.get("property") or ""
        if prop.startswith("schema:"):
            values.setdefault(prop[len("schema:"):], []).append((meta.text or "").strip())
    return values


def check_json_ld(page: Path, text: str, site_url: str | None) -> list[tuple[str, str]]:
    problems = []
    blocks = JSON_LD.findall(text)
    if len(blocks) != 1:
        return [("json-ld", f"{len(blocks)} JSON-LD blocks; one is expected")]
    try:
        data = json.loads(blocks[0])
    except json.JSONDecodeError as error:
        return [("json-ld", f"the JSON-LD does not parse: {error}")]
    if data.get("@context") != "https://schema.org":
        problems.append(("json-ld", "the JSON-LD's @context is not https://schema.org"))
    if data.get("@type") == "Book":
        book_keys = ("accessMode", "accessModeSufficient", "accessibilityFeature", "accessibilityHazard", "accessibilitySummary")
        for encoding in data.get("encoding", []):
            href = encoding.get("contentUrl", "")
            if site_url:
                href = href[len(site_url):] if href.startswith(site_url) else href
                target = local_target(page.parent.parent / "index.html", href, page.parent.parent)
            else:
                target = local_target(page, href, page.parent)
            if target is None or not target.is_file():
                problems.append(("json-ld-link", f"the JSON-LD names {encoding.get('contentUrl')}, which is not there"))
                continue
            if encoding.get("encodingFormat") == "application/epub+zip":
                declared = epub_accessibility(target)
                for key in book_keys:
                    expected = declared.get(key, [])
                    got = encoding.get(key)
                    got = [got] if isinstance(got, str) else (got or [])
                    if sorted(got) != sorted(expected):
                        problems.append(("json-ld-accessibility", f"{href}: {key} is {got}, the EPUB declares {expected}"))
                if not target.name.endswith("-easy-read.epub"):
                    for key in book_keys:
                        got = data.get(key)
                        got = [got] if isinstance(got, str) else (got or [])
                        if sorted(got) != sorted(declared.get(key, [])):
                            problems.append(("json-ld-accessibility", f"the Book's {key} is {got}, {href} declares {declared.get(key, [])}"))
            size_expected = size_text(target.stat().st_size)
            match = re.match(r"^([\d.]+) (KB|MB)$", encoding.get("contentSize", ""))
            if not match or shown_size(match.group(1)) != size_expected:
                problems.append(("json-ld-size", f"{href}: contentSize {encoding.get('contentSize')!r} is not the file's size ({target.stat().st_size} bytes)"))
    return problems


def pages_in_json_ld(text: str, href: str) -> int | None:
    """numberOfPages of the JSON-LD's MediaObject for `href`."""
    for block in JSON_LD.findall(text):
        try:
            data = json.loads(block)
        except json.JSONDecodeError:
            return None
        for encoding in data.get("encoding", []):
            if encoding.get("contentUrl", "").endswith("/" + href) or encoding.get("contentUrl") == href:
                return encoding.get("numberOfPages")
    return None


def check_page(page: Path, root: Path, site_url: str | None) -> list[tuple[str, str]]:
    text = page.read_text(encoding="utf-8")
    problems = []
    for _, href in LINK.findall(text):
        if href.startswith(("mailto:", "tel:", "sms:", "#")):
            continue
        target = local_target(page, href, root)
        if target is None:
            if not href.startswith("https://"):
                problems.append(("link", f"{href} is not a relative link to a file of the site"))
            continue
        if not target.is_file():
            problems.append(("link", f"{href} leads to nothing"))
    facts = dict(FACTS_P.findall(text))
    for href, media_type, described in ITEM.findall(text):
        target = local_target(page, urllib.parse.unquote(href), root)
        fact = facts.get(described)
        if target is None or not target.is_file() or fact is None:
            problems.append(("facts", f"{href}: no file, or no size shown for it"))
            continue
        # Any language: the first number is the size (whole KB, or MB to one decimal place with the
        # language's mark); a second, for a PDF, the pages (some languages write "two pages" as a word).
        numbers = re.findall(r"\d+(?:[.,]\d)?", html.unescape(fact))
        if not numbers:
            problems.append(("facts", f"{href}: '{html.unescape(fact)}' shows no size"))
            continue
        if shown_size(numbers[0]) != size_text(target.stat().st_size):
            problems.append(("size", f"{href}: the page says {html.unescape(fact)!r}, the file is {target.stat().st_size} bytes"))
        if media_type == "application/pdf":
            pages = pdf_pages(target)
            if pages is None or (len(numbers) > 1 and int(numbers[1]) != pages) or pages_in_json_ld(text, href) != pages:
                problems.append(("pages", f"{href}: the page says {html.unescape(fact)!r} (JSON-LD {pages_in_json_ld(text, href)}), the PDF has {pages} pages"))
        if target.suffix == ".zip":
            problems += check_zip(target, page, [h for h, _, _ in ITEM.findall(text) if not h.endswith(".zip")])
    if page.parent != root:
        problems += check_json_ld(page, text, site_url)
    elif not JSON_LD.search(text):
        problems.append(("json-ld", "the list of guides has no JSON-LD"))
    return problems


def check_zip(bundle: Path, page: Path, offered: list[str]) -> list[tuple[str, str]]:
    problems = []
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        if "README.txt" not in names:
            problems.append(("zip", f"{bundle.name} has no README.txt"))
        for href in offered:
            name = urllib.parse.unquote(href)
            if name not in names:
                problems.append(("zip", f"{bundle.name} lacks {name}"))
            elif archive.read(name) != (page.parent / name).read_bytes():
                problems.append(("zip", f"{bundle.name}: {name} differs from the file beside it"))
        extra = set(names) - {"README.txt"} - {urllib.parse.unquote(h) for h in offered}
        if extra:
            problems.append(("zip", f"{bundle.name} holds files the page does not offer: {sorted(extra)}"))
    return problems


def opds2_validator():
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource

    resources = []
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        text = path.read_text(encoding="utf-8")
        # JavaScript-style named groups, as the README says, for Python's re.
        text = text.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")
        schema = json.loads(text)
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    feed = registry.contents("https://drafts.opds.io/schema/feed.schema.json")
    return Draft7Validator(feed, registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER)


def check_opds2(path: Path, root: Path, site_url: str | None) -> list[tuple[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return [("opds2-json", f"does not parse: {error}")]
    problems = []
    for error in sorted(opds2_validator().iter_errors(data), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path)
        problems.append(("opds2-schema", f"{where or '(root)'}: {error.message[:200]}"))
    for publication in data.get("publications", []):
        acquisitions = [l for l in publication.get("links", []) if l.get("rel") == OPDS_ACQUISITION]
        if not acquisitions:
            problems.append(("opds2-acquisition", f"{publication.get('metadata', {}).get('title')}: no open-access link"))
        for link in publication.get("links", []) + publication.get("images", []):
            problems += check_href(link.get("href", ""), root, site_url, "opds2-link")
            if "size" in link and not site_url:
                target = root / urllib.parse.unquote(link["href"])
                if target.is_file() and target.stat().st_size != link["size"]:
                    problems.append(("opds2-size", f"{link['href']}: size {link['size']}, the file has {target.stat().st_size}"))
    return problems


def check_href(href: str, root: Path, site_url: str | None, rule: str) -> list[tuple[str, str]]:
    if site_url and href.startswith(site_url):
        href = href[len(site_url):].lstrip("/")
    parsed = urllib.parse.urlsplit(href)
    if parsed.scheme or parsed.netloc:
        return [(rule, f"{href} is not a link into the site")]
    if not (root / urllib.parse.unquote(parsed.path)).is_file():
        return [(rule, f"{href} leads to nothing")]
    return []


def check_atom(path: Path, root: Path, site_url: str | None) -> list[tuple[str, str]]:
    try:
        feed = ET.parse(path).getroot()
    except ET.ParseError as error:
        return [("atom-xml", f"does not parse: {error}")]
    problems = []
    if feed.tag != ATOM + "feed":
        return [("atom", f"the root is {feed.tag}, not an Atom feed")]
    for name in ("id", "title", "updated"):
        if feed.find(ATOM + name) is None:
            problems.append(("atom", f"the feed has no <{name}>"))
    selves = [l for l in feed.findall(ATOM + "link") if l.get("rel") == "self"]
    if not selves or selves[0].get("type") not in OPDS_TYPES:
        problems.append(("atom-opds", "the feed's self link is missing or is not an OPDS acquisition feed type"))
    entries = feed.findall(ATOM + "entry")
    if not entries:
        problems.append(("atom", "the feed has no entries"))
    for entry in entries:
        title = entry.findtext(ATOM + "title")
        for name in ("id", "title", "updated"):
            if entry.find(ATOM + name) is None:
                problems.append(("atom", f"{title}: no <{name}>"))
        links = entry.findall(ATOM + "link")
        if not any(l.get("rel") == OPDS_ACQUISITION for l in links):
            problems.append(("atom-opds", f"{title}: no open-access acquisition link"))
        if not any(l.get("rel") == "http://opds-spec.org/image" for l in links):
            problems.append(("atom-opds", f"{title}: no cover (http://opds-spec.org/image)"))
        for link in links:
            if not link.get("type"):
                problems.append(("atom-opds", f"{title}: a link with no type"))
            problems += check_href(link.get("href", ""), root, site_url, "atom-link")
    return problems


def site_url_of(root: Path) -> str | None:
    """The address the site was built for, from its OPDS 2.0 self link."""
    try:
        data = json.loads((root / "opds.json").read_text(encoding="utf-8"))
        href = next(l["href"] for l in data["links"] if l.get("rel") == "self")
    except (OSError, ValueError, StopIteration, KeyError):
        return None
    return href[: -len("opds.json")] if href.startswith("https://") else None


def site_checks(paths: list[Path]) -> list[tuple[Path, list[tuple[str, str]], str]]:
    """(file, problems, note) for every site page and catalogue under `paths`."""
    results = []
    for root in site_roots(paths):
        site_url = site_url_of(root)
        pages = [root / "index.html"] + sorted(p / "index.html" for p in root.iterdir() if (p / "index.html").is_file())
        for page in pages:
            results.append((page, check_page(page, root, site_url), "links, sizes, pages, ZIP, JSON-LD"))
        results.append((root / "opds.json", check_opds2(root / "opds.json", root, site_url), "OPDS 2.0 schemas, links"))
        results.append((root / "opds.xml", check_atom(root / "opds.xml", root, site_url), "Atom, OPDS 1.2 relations, links"))
    return results
