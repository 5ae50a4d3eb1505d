"""Hostile files, made on the spot by the tests that need them and never committed:
a Word package whose document.xml inflates far beyond the file, a web page whose
table spans grow a huge grid, a PDF whose stream inflates to gigabytes, text of
nothing but line ends. Each maker writes to a path; the size is the caller's, so a
test can make a small one just over a limit, or one the size of the real thing."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

TITLE = "某县某局2022年政府信息公开工作年度报告"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_PACKAGE = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_MAIN}"/></Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        '</Relationships>',
}


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(paragraphs: Iterable[str]) -> bytes:
    """A Word package with just a body, built without python-docx."""
    buffer = io.BytesIO()
    _write_docx(buffer, ["".join(map(_paragraph, paragraphs))])
    return buffer.getvalue()


def _write_docx(target, body_chunks: Iterable[str]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in _PACKAGE.items():
            z.writestr(name, xml)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
                    .encode())
            for chunk in body_chunks:
                f.write(chunk.encode())
            f.write(b"</w:body></w:document>")


def docx_bomb(path: Path, inflated: int) -> None:
    """A .docx of a few KB per MB whose document.xml inflates to `inflated` bytes."""
    chunk = _paragraph("a") * 10_000
    _write_docx(path, [_paragraph(TITLE), *(chunk for _ in range(inflated // len(chunk) + 1))])


def html_wide_table(path: Path, cells: int = 1000, colspan: int = 100, rows: int = 200) -> None:
    """One row of `cells` cells of colspan=`colspan` over `rows` short rows."""
    wide = "<tr>" + f"<td colspan={colspan}>x</td>" * cells + "</tr>"
    path.write_text(f"<html><body><h1>{TITLE}</h1><table>{wide}{'<tr><td>a</td><td>1</td></tr>' * rows}"
                    "</table></body></html>", encoding="utf-8")


def html_many_elements(path: Path, elements: int) -> None:
    path.write_text(f"<html><body><h1>{TITLE}</h1>{'<b>a</b>' * elements}</body></html>", encoding="utf-8")


def pdf(path: Path, content: Iterable[bytes], pages: int = 1) -> None:
    """A PDF whose pages all show one Flate-compressed content stream, made of `content`."""
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(chunk) for chunk in content) + compressor.flush()
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                b"/Resources << /Font << /F1 4 0 R >> >> >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())


def pdf_flate_bomb(path: Path, inflated: int) -> None:
    """A page with a line of text, then `inflated` bytes of spaces in its content stream."""
    chunk = b" " * (1 << 20)
    pdf(path, [b"BT /F1 12 Tf 72 720 Td (Report 2022) Tj ET\n",
               *(chunk for _ in range(inflated // len(chunk) + 1))])


def pdf_text(path: Path, characters: int, pages: int = 1) -> None:
    """Pages of `characters` characters each, in one small stream."""
    pdf(path, [b"BT /F1 1 Tf 10 10 Td (" + b"a" * characters + b") Tj ET\n"], pages)


def text_lines(path: Path, line: bytes, count: int) -> None:
    """A report title, then `count` times `line` (b"\\n", b"\\t\\n"…)."""
    path.write_bytes(f"{TITLE}\n".encode() + line * count)
