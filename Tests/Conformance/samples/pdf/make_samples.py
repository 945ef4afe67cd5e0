#!/usr/bin/env python3
"""Remake the PDF samples for selftest.py: the good ones with Typst, the bad ones by
breaking copies of good-large-print.pdf with pikepdf, one kind of fault each.

    python3 -m venv /tmp/pdfvenv && /tmp/pdfvenv/bin/pip install typst==0.15.0 pikepdf==10.18.0
    /tmp/pdfvenv/bin/python Tests/Conformance/samples/pdf/make_samples.py

Typst output is byte-identical for the same source (the date is fixed in the source);
pikepdf saves with static_id so the bad ones are too.
"""
from pathlib import Path

import pikepdf
import typst

HERE = Path(__file__).resolve().parent
FONTS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/andika"]  # Debian fonts-sil-andika


def compile_typst(source: str | Path, out: str) -> None:
    data = source.encode("utf-8") if isinstance(source, str) else source.read_bytes()
    pdf = typst.compile(data, root=str(HERE), format="pdf", pdf_standards=["ua-1"],
                        font_paths=FONTS, ignore_system_fonts=True)
    (HERE / out).write_bytes(pdf)


def elements(node):
    """Every structure element under node, depth first."""
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def kids_of(element) -> pikepdf.Array:
    kids = element.get("/K")
    if not isinstance(kids, pikepdf.Array):
        element.K = pikepdf.Array([kids] if kids is not None else [])
    return element.K


def first(pdf, role):
    return next(e for e in elements(pdf.Root.StructTreeRoot) if e.S == role)


def save(pdf, name: str) -> None:
    pdf.save(HERE / name, static_id=True)


def unwrap_header(pdf) -> None:
    """Take the running head of page 2 out of its /Artifact marked content."""
    page = pdf.pages[1]
    ops = list(pikepdf.parse_content_stream(page))
    for i, (operands, op) in enumerate(ops):
        if str(op) == "BDC" and operands[0] == "/Artifact" and operands[1].get("/Subtype") == "/Header":
            depth = 0
            for j in range(i + 1, len(ops)):
                name = str(ops[j][1])
                depth += name in ("BDC", "BMC")
                if name == "EMC":
                    if depth == 0:
                        del ops[j]
                        break
                    depth -= 1
            del ops[i]
            break
    page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))


def main() -> None:
    good = HERE / "good-large-print.typ"
    compile_typst(good, "good-large-print.pdf")
    compile_typst(HERE / "good-easy-read.typ", "good-easy-read.pdf")

    # pdf-print: 16pt body in a large-print PDF, and a heading left at the foot of page 1
    source = good.read_text(encoding="utf-8")
    source = source.replace("size: 18pt", "size: 16pt").replace(
        "#show heading: set block(sticky: true)", "#show heading: set block(sticky: false)").replace(
        "== Part 2: who can help", "#v(6.5cm)\n\n== Part 2: who can help")
    compile_typst(source, "bad-print-large-print.pdf")

    # pdfua alone: an annotation (not a link) with no /Contents (UA-18-001)
    with pikepdf.open(HERE / "good-large-print.pdf") as pdf:
        note = pdf.make_indirect(pikepdf.Dictionary(Type="/Annot", Subtype="/Square",
                                                    Rect=[100, 100, 150, 150], F=4))
        pdf.pages[0].obj.Annots.append(note)
        save(pdf, "bad-pdfua-large-print.pdf")

    # pdfua and pdf-structure alike: what both should catch
    with pikepdf.open(HERE / "good-large-print.pdf") as pdf:
        del pdf.Root.Lang
        del pdf.Root.MarkInfo
        pdf.Root.ViewerPreferences.DisplayDocTitle = False
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            del meta["pdfuaid:part"]
        del first(pdf, "/Figure").Alt
        for annot in pdf.pages[0].obj.Annots:
            if annot.Subtype == "/Link":
                del annot.Contents
        unwrap_header(pdf)
        save(pdf, "bad-tags-large-print.pdf")

    # pdf-structure alone: what pdfua 0.1 does not look at
    with pikepdf.open(HERE / "good-large-print.pdf") as pdf:
        root = pdf.Root.StructTreeRoot
        document = first(pdf, "/Document")
        first(pdf, "/H2").S = pikepdf.Name("/H3")                       # H1 then H3
        lists = first(pdf, "/L")
        items = kids_of(lists)
        stray = items[len(items) - 1]
        del items[len(items) - 1]                                        # an LI outside its L
        stray.P = document
        kids_of(document).append(stray)
        kids_of(document).append(pdf.make_indirect(pikepdf.Dictionary(  # an empty L
            Type="/StructElem", S="/L", P=document, K=pikepdf.Array())))
        for element in elements(root):                                   # TH without /Scope
            if element.S == "/TH":
                for attribute in element.A:
                    if isinstance(attribute, pikepdf.Dictionary) and "/Scope" in attribute:
                        del attribute.Scope
        outlines = pdf.Root.Outlines                                     # the last chapter's bookmark gone
        top = outlines.First
        last = top.Last
        previous = last.Prev
        del previous.Next
        top.Last = previous
        top.Count = int(top.Count) - 1 if int(top.Count) > 0 else int(top.Count) + 1
        outlines.Count = int(outlines.Count) - 1
        pdf.Root.Lang = pikepdf.String("de-DE")                          # not the guide's language
        save(pdf, "bad-structure-large-print.pdf")

    # pdf-fonts: the regular font not embedded, the bold one without a ToUnicode map
    with pikepdf.open(HERE / "good-large-print.pdf") as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            name = str(font.BaseFont)
            descendant = font.DescendantFonts[0]
            if name.endswith("+DejaVuSans"):
                del descendant.FontDescriptor.FontFile2
            elif name.endswith("+DejaVuSans-Bold"):
                del font.ToUnicode
        save(pdf, "bad-fonts-large-print.pdf")


if __name__ == "__main__":
    main()
