#!/usr/bin/env python3
"""Writes the Word document the import golden test reads:

    python3 scripts/make-import-fixture.py     # writes Tests/WaymarkTests/Fixtures/import/council-guide.docx

A small guide as a council would have it in Word, holding everything `waymark import`
handles: document properties; headings from Heading 1, from a style based on Heading 2 and
from a German style name ("Überschrift 3"); a Title paragraph; bold and italic (direct and
through a character style); bulleted and numbered lists, nested, one restarted by an
override; a table with a header row and merged cells; links (external, to a heading, a
HYPERLINK field, "click here"); a picture with alt text and one without; a footnote; a
comment; a tracked deletion and insertion; hidden text; a phone number; a quotation; a
table of contents. The same bytes every time: entries stored (not deflated, so no zlib
version changes them), in a fixed order, dated 1980-01-01.
"""
from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "Tests" / "WaymarkTests" / "Fixtures" / "import" / "council-guide.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small one-colour PNG (PNG 3rd edition: signature, IHDR, IDAT, IEND)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def run(text: str, props: str = "") -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}<w:t{space}>{text}</w:t></w:r>"


def para(content: str, style: str | None = None, extra: str = "") -> str:
    pPr = f'<w:pStyle w:val="{style}"/>' if style else ""
    pPr += extra
    return f"<w:p>{f'<w:pPr>{pPr}</w:pPr>' if pPr else ''}{content}</w:p>"


def item(text: str, num: int, level: int = 0) -> str:
    return para(run(text), "ListParagraph", f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def picture(rid: str, number: int, descr: str | None) -> str:
    alt = f' descr="{descr}"' if descr is not None else ""
    return (f'<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="{number}" name="Picture {number}"{alt}/>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{number}" name="image{number}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>'
            f'</wp:inline></w:drawing></w:r>')


def cell(text: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{para(run(text))}</w:tc>"


BODY = "".join([
    para(run("Going to a Review Meeting"), "Title"),
    # A table of contents, as Word writes one: left out.
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>'
    + para(run("Contents"), "TOCHeading") + para(run("What is a review? 1"), "TOC1") + "</w:sdtContent></w:sdt>",
    para('<w:bookmarkStart w:id="1" w:name="_Toc1"/>' + run("What is a review?") + '<w:bookmarkEnd w:id="1"/>', "Heading1"),
    para(run("A review is a ") + run("meeting", "<w:b/>") + run(" about ") + run("your", '<w:rStyle w:val="Emphasis"/>')
         + run(" plan. It happens every ") + run("six months", "<w:i/>") + run(".")
         + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
    para(run("The people who come are:")),
    item("you, if you want to", 1),
    item("your social worker", 1),
    item("who writes the plan", 1, 1),
    item("your family", 1),
    para(run("What happens, in order:")),
    item("Everyone says hello.", 2),
    item("You say what you think.", 2),
    para(run("Afterwards:")),
    item("The plan is written down.", 3),
    item("You get a copy.", 3),
    para(run("Who will be there?"), "SectionHeading"),
    para(run("It is usually the same people. ")
         + '<w:commentRangeStart w:id="0"/>' + run("Ask if you want to know.") + '<w:commentRangeEnd w:id="0"/>'
         + '<w:r><w:commentReference w:id="0"/></w:r>'
         + '<w:del w:id="5" w:author="Editor" w:date="2026-01-01T00:00:00Z"><w:r><w:delText> This sentence was deleted.</w:delText></w:r></w:del>'
         + '<w:ins w:id="6" w:author="Editor" w:date="2026-01-01T00:00:00Z">' + run(" You can bring a friend.") + "</w:ins>"
         + run(" Staff only: file under R7.", "<w:vanish/>")),
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
    '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell("Who") + cell("What they do") + cell("When") + "</w:tr>"
    '<w:tr>' + cell("Chairperson", '<w:vMerge w:val="restart"/>') + cell("Runs the meeting") + cell("Always") + "</w:tr>"
    '<w:tr>' + cell("", "<w:vMerge/>") + cell("Writes the notes") + cell("Always") + "</w:tr>"
    '<w:tr>' + cell("Advocate") + cell("Helps you say what you think", '<w:gridSpan w:val="2"/>') + "</w:tr>"
    "</w:tbl>",
    para(run("Where to get help"), "Überschrift3"),
    para(run("Call Childline on 0800 1111. You can also read ")
         + '<w:hyperlink r:id="rIdLink1">' + run("Childline's advice on meetings") + "</w:hyperlink>"
         + run(", go back to ") + '<w:hyperlink w:anchor="_Toc1">' + run("what a review is") + "</w:hyperlink>"
         + run(", or ") + '<w:hyperlink r:id="rIdLink2">' + run("click here") + "</w:hyperlink>" + run(".")),
    para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.example.org/reviews" </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("The council's page about reviews")
         + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    para(run("If you are in danger now, call 999."), "Quote"),
    para(picture("rIdImage1", 1, "A group of people sitting round a table")),
    para(picture("rIdImage2", 2, None)),
])

DOCUMENT = (DECL + f'<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}">'
            + f"<w:body>{BODY}<w:sectPr/></w:body></w:document>")


def style(kind: str, sid: str, name: str, extra: str = "", default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}" w:styleId="{sid}"{flag}><w:name w:val="{name}"/>{extra}</w:style>'


STYLES = (DECL + f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults>'
          + style("paragraph", "Normal", "Normal", default=True)
          + style("paragraph", "Title", "Title", '<w:basedOn w:val="Normal"/>')
          + style("paragraph", "Heading1", "heading 1", '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>')
          + style("paragraph", "Heading2", "heading 2", '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>')
          + style("paragraph", "SectionHeading", "Section Heading", '<w:basedOn w:val="Heading2"/>')
          + style("paragraph", "Überschrift3", "Überschrift 3", '<w:basedOn w:val="Normal"/>')
          + style("paragraph", "Quote", "Quote", '<w:basedOn w:val="Normal"/>')
          + style("paragraph", "ListParagraph", "List Paragraph", '<w:basedOn w:val="Normal"/>')
          + style("paragraph", "TOCHeading", "TOC Heading", '<w:basedOn w:val="Heading1"/>')
          + style("paragraph", "TOC1", "toc 1", '<w:basedOn w:val="Normal"/>')
          + style("character", "Emphasis", "Emphasis", "<w:rPr><w:i/></w:rPr>")
          + "</w:styles>")


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'


NUMBERING = (DECL + f'<w:numbering xmlns:w="{W}">'
             + '<w:abstractNum w:abstractNumId="10">' + level(0, "bullet", "•") + level(1, "bullet", "o") + "</w:abstractNum>"
             + '<w:abstractNum w:abstractNumId="20">' + level(0, "decimal", "%1.") + "</w:abstractNum>"
             + '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
             + '<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>'
             + '<w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
             + "</w:numbering>")

FOOTNOTES = (DECL + f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
             + '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + run(" Or sooner, if things change.") + "</w:p></w:footnote></w:footnotes>")

COMMENTS = (DECL + f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="Team manager">'
            + para(run("Check this with the chair before we publish.")) + "</w:comment></w:comments>")

CORE = (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Going to a Review Meeting</dc:title><dc:subject>A guide for young people</dc:subject>"
        "<dc:creator>A. Writer</dc:creator><dc:language>en-GB</dc:language><cp:keywords>review, meeting</cp:keywords>"
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-01T09:00:00Z</dcterms:modified></cp:coreProperties>')

CONTENT_TYPES = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 "</Types>")


def rels(items: list[tuple[str, str, str, bool]]) -> str:
    mode = ' TargetMode="External"'
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"{mode if external else ""}/>'
                   for i, t, target, external in items)
    return DECL + f'<Relationships xmlns="{PKG}">{body}</Relationships>'


OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = rels([("rId1", f"{OD}/officeDocument", "word/document.xml", False),
                     ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", False)])
DOCUMENT_RELS = rels([
    ("rIdStyles", f"{OD}/styles", "styles.xml", False), ("rIdNumbering", f"{OD}/numbering", "numbering.xml", False),
    ("rIdFootnotes", f"{OD}/footnotes", "footnotes.xml", False), ("rIdComments", f"{OD}/comments", "comments.xml", False),
    ("rIdImage1", f"{OD}/image", "media/image1.png", False), ("rIdImage2", f"{OD}/image", "media/image2.png", False),
    ("rIdLink1", f"{OD}/hyperlink", "https://www.childline.org.uk/info-advice/", True),
    ("rIdLink2", f"{OD}/hyperlink", "https://www.example.org/", True),
])


def main() -> int:
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS), ("docProps/core.xml", CORE),
        ("word/document.xml", DOCUMENT), ("word/_rels/document.xml.rels", DOCUMENT_RELS), ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING), ("word/footnotes.xml", FOOTNOTES), ("word/comments.xml", COMMENTS),
        ("word/media/image1.png", png(4, 4, (0, 90, 156))), ("word/media/image2.png", png(4, 4, (200, 30, 30))),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(OUT, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
