#!/usr/bin/env python3
"""Compare two output folders file by file: are the builds byte-identical? (issue #23)

    compare_outputs.py BEFORE AFTER [--quiet]

Every file under BEFORE must be under AFTER with the same bytes, and no file may be
under AFTER alone. EPUBs and ZIPs are also read entry by entry (names, order, how each
is stored, the bytes of each), so a difference is reported by entry, not only by file.
A build manifest (`.waymark-build`: lines of text, or JSON before issue #23's fifth round)
and a site record (`.waymark-site`: lines of text, or a JSON entry before its sixth) are
compared without their `key`, which holds
the binary's identity (path, size, time) and so differs between any two binaries; the
output lock (`.waymark-lock`, the process id of the build that held it) is left out.

Prints one line per difference and a summary; the exit status is 0 when the folders
are the same, 1 when they differ. Python standard library only.
"""

import argparse
import json
import os
import sys
import zipfile

MANIFEST = ".waymark-build"
SITE_ENTRY = ".waymark-site"
LOCK = ".waymark-lock"
ZIPPED = (".epub", ".zip")


def files(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            if name != LOCK:
                found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def first_difference(a, b):
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return index
    return min(len(a), len(b))


def describe(a, b):
    at = first_difference(a, b)
    return (f"{len(a)} and {len(b)} bytes, first difference at byte {at}: "
            f"{a[max(0, at - 20):at + 20]!r} / {b[max(0, at - 20):at + 20]!r}")


def zip_entries(data, path):
    import io
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info.filename, info.compress_type, archive.read(info)) for info in archive.infolist()]
    except zipfile.BadZipFile as error:
        raise SystemExit(f"compare: {path} is not a ZIP archive: {error}")


def compare_zip(path, a, b, problems):
    """Entry by entry; returns how many entries were compared."""
    left, right = zip_entries(a, path), zip_entries(b, path)
    names_left, names_right = [e[0] for e in left], [e[0] for e in right]
    if names_left != names_right:
        problems.append(f"{path}: entries differ: {names_left} / {names_right}")
    for (name, method, content), (name2, method2, content2) in zip(left, right):
        if name != name2:
            continue
        if method != method2:
            problems.append(f"{path} [{name}]: stored with method {method} / {method2}")
        if content != content2:
            problems.append(f"{path} [{name}]: {describe(content, content2)}")
        if name.endswith(ZIPPED) and content == content2:
            compare_zip(f"{path} [{name}]", content, content2, problems)
    if a != b and not problems:
        problems.append(f"{path}: every entry is the same but the archive bytes differ: {describe(a, b)}")
    return len(left)


def unescaped(field):
    return field.decode().replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def without_key(data):
    """A manifest's or site entry's content less its key. A guide's manifest, in either format,
    becomes its files, pictures and whether it is listed, so the two formats compare."""
    if data.startswith(b"waymark-build "):
        manifest = {"files": [], "pictures": [], "listed": False}
        for line in data.split(b"\n")[1:]:
            tag, _, rest = line.partition(b" ")
            if tag == b"listed":
                manifest["listed"] = rest == b"1"
            elif tag == b"file":
                size, _, path = rest.partition(b" ")
                manifest["files"].append((unescaped(path), int(size)))
            elif tag == b"picture":
                size, digest, path = rest.split(b" ", 2)
                manifest["pictures"].append([unescaped(path), int(size), digest.decode(), []])
            elif tag == b"source":
                manifest["pictures"][-1][3].append(unescaped(rest))
        return manifest
    if data.startswith(b"waymark-site "):
        record = {}
        for line in data.split(b"\n")[2:]:
            tag, _, rest = line.partition(b" ")
            if tag:
                record[tag.decode()] = unescaped(rest)
        return record
    value = json.loads(data)
    value.pop("key", None)
    if "sizes" in value:
        return {
            "files": list(zip(value["files"], value["sizes"])),
            "pictures": [[p["file"], p["size"], p["digest"], p["sources"]] for p in value["pictures"]],
            "listed": value.get("listed", "site" in value),
        }
    return value


def listing(entry):
    """What a site record of the sixth round keeps of a JSON site entry: its listing. (Its two
    catalogue entries are checked through opds.xml and opds.json, which must be the same.)"""
    fields = {
        "slug": entry["slug"], "title": entry["title"], "summary": entry["summary"],
        "audience": entry.get("audience"), "language": entry["language"],
        "language-name": entry["languageName"], "publisher": entry["publisher"],
        "published": entry["published"],
        "reading-age": None if entry.get("readingAge") is None else str(entry["readingAge"]),
        "topic": (entry.get("keywords") or [None])[0], "translation-of": entry.get("translationOf"),
    }
    return {name: value for name, value in fields.items() if value is not None}


def compare_manifest(path, a, b, problems):
    try:
        left, right = without_key(a), without_key(b)
        # A JSON site entry beside a site record: compared on what the record keeps of it.
        if "entry" in left and "opds" in right:
            left, right = listing(left["entry"]), {k: v for k, v in right.items() if k not in ("atom", "opds")}
        elif "opds" in left and "entry" in right:
            left, right = {k: v for k, v in left.items() if k not in ("atom", "opds")}, listing(right["entry"])
    except ValueError:
        if a != b:
            problems.append(f"{path}: {describe(a, b)}")
        return
    if left != right:
        problems.append(f"{path}: the manifests differ (besides the key)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--quiet", action="store_true", help="print only the summary and the first 50 differences")
    args = parser.parse_args()
    before, after = files(args.before), files(args.after)
    problems = []
    for path in sorted(before - after):
        problems.append(f"{path}: only in {args.before}")
    for path in sorted(after - before):
        problems.append(f"{path}: only in {args.after}")
    compared = entries = 0
    for path in sorted(before & after):
        with open(os.path.join(args.before, path), "rb") as handle:
            a = handle.read()
        with open(os.path.join(args.after, path), "rb") as handle:
            b = handle.read()
        compared += 1
        found = []
        if os.path.basename(path) in (MANIFEST, SITE_ENTRY):
            compare_manifest(path, a, b, found)
        elif path.endswith(ZIPPED):
            entries += compare_zip(path, a, b, found)
        elif a != b:
            found.append(f"{path}: {describe(a, b)}")
        problems += found
    shown = problems[:50] if args.quiet else problems
    for problem in shown:
        print(problem)
    if len(shown) < len(problems):
        print(f"... and {len(problems) - len(shown)} more")
    verdict = "the same" if not problems else f"{len(problems)} differences"
    print(f"compared {compared} files ({entries} ZIP and EPUB entries, one by one): {verdict}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
