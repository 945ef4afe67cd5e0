#!/usr/bin/env python3
"""Turn Waymark guides into plain Pandoc Markdown, for the pandoc baseline.

    to_pandoc.py --guides DIR --out DIR [SLUG ...]

For each DIR/<slug>.md writes OUT/<slug>.md, and copies DIR/pictures/ to
OUT/pictures/ so that relative picture paths still work. The front matter
becomes Pandoc metadata (title, subtitle, lang, author, date, description);
the body keeps its Markdown, and the directives become plain Markdown:

- `:::contact` → the service's name in bold, then a bulleted list of its details
- `:::urgent`, `:::note` → a block quote
- `:::write` → a paragraph (the prompt)
- `:::easy-read` → its rows as paragraphs (picture and sentences)

and the glossary and abbreviations are added at the end as a definition list,
so that pandoc has about the same content to write as Waymark. Python standard
library only; reads only the YAML shapes that guides use (scalars, `>` folded
text, `[a, b]` lists, one level of mapping, lists of mappings in `phone:`).
"""

import argparse
import os
import shutil
import sys


def unquote(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_yaml(lines):
    """A small YAML reader for front matter and contact cards."""
    result = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#") or line.startswith(" "):
            i += 1
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if " #" in value:
            value = value.split(" #", 1)[0].strip()
        i += 1
        if value in (">", "|", ">-", "|-"):
            block = []
            while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
                block.append(lines[i].strip())
                i += 1
            result[key] = " ".join(b for b in block if b) if value.startswith(">") else "\n".join(block)
        elif value == "":
            nested = []
            while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
                nested.append(lines[i])
                i += 1
            items = [n.strip() for n in nested if n.strip()]
            if items and items[0].startswith("- "):
                entries, current = [], None
                for n in items:
                    if n.startswith("- "):
                        current = {}
                        entries.append(current)
                        n = n[2:]
                    k, _, v = n.partition(":")
                    if current is not None:
                        current[k.strip()] = unquote(v)
                result[key] = entries
            else:
                mapping = {}
                for n in items:
                    k, _, v = n.partition(":")
                    mapping[unquote(k)] = unquote(v)
                result[key] = mapping
        elif value.startswith("[") and value.endswith("]"):
            result[key] = [unquote(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            result[key] = unquote(value)
    return result


def yaml_string(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


CONTACT_LABELS = [
    ("phone", "Phone"), ("text", "Text"), ("email", "Email"), ("website", "Website"),
    ("chat", "Chat"), ("hours", "Hours"), ("cost", "Cost"), ("for", "For"), ("about", "About"),
]


def contact_markdown(body):
    card = parse_yaml(body)
    out = [f"**{card.get('name', 'Contact')}**", ""]
    for key, label in CONTACT_LABELS:
        value = card.get(key)
        if not value:
            continue
        if isinstance(value, list):
            for entry in value:
                number = entry.get("number", "")
                hours = entry.get("hours")
                out.append(f"- {label}: {number}" + (f" ({hours})" if hours else ""))
        elif key in ("website", "chat"):
            out.append(f"- {label}: <{value}>")
        elif key == "email":
            out.append(f"- {label}: <{value}>")
        else:
            out.append(f"- {label}: {value}")
    return out


def convert_body(lines):
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(":::") and stripped != ":::":
            head = stripped[3:].split()
            name = head[0] if head else ""
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != ":::":
                body.append(lines[i])
                i += 1
            i += 1  # the closing :::
            if name == "contact":
                out += contact_markdown(body)
            elif name in ("urgent", "note"):
                out += [("> " + b) if b.strip() else ">" for b in body]
            elif name == "write":
                out += body
            elif name == "easy-read":
                # Each row (picture line + sentences) becomes one paragraph.
                out += body
            else:
                out += body
            out.append("")
            continue
        out.append(line)
        i += 1
    return out


def convert(source):
    text = source.replace("\r\n", "\n")
    lines = text.split("\n")
    meta, body = {}, lines
    if lines and lines[0].strip() == "---":
        end = lines.index("---", 1)
        meta = parse_yaml(lines[1:end])
        body = lines[end + 1:]
    front = ["---"]
    for key, pandoc_key in [("title", "title"), ("subtitle", "subtitle"), ("language", "lang"),
                            ("publisher", "author"), ("published", "date"), ("summary", "description")]:
        if meta.get(key):
            front.append(f"{pandoc_key}: {yaml_string(meta[key])}")
    if meta.get("keywords"):
        front.append("keywords: [" + ", ".join(yaml_string(k) for k in meta["keywords"]) + "]")
    front.append("---")
    out = front + [""] + convert_body(body)
    glossary = meta.get("glossary") or {}
    abbreviations = meta.get("abbreviations") or {}
    if glossary or abbreviations:
        out += ["", "# Glossary", ""]
        for term, meaning in list(glossary.items()) + list(abbreviations.items()):
            out += [term, f":   {meaning}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--guides", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("slugs", nargs="*", help="only these guides (default: every DIR/*.md)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pictures = os.path.join(args.guides, "pictures")
    if os.path.isdir(pictures):
        shutil.copytree(pictures, os.path.join(args.out, "pictures"), dirs_exist_ok=True)
    slugs = args.slugs or sorted(f[:-3] for f in os.listdir(args.guides) if f.endswith(".md"))
    for slug in slugs:
        with open(os.path.join(args.guides, slug + ".md"), encoding="utf-8") as handle:
            markdown = convert(handle.read())
        with open(os.path.join(args.out, slug + ".md"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(markdown)
    print(f"{len(slugs)} guides -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
