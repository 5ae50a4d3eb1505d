#!/usr/bin/env python3
"""Make tests/data/layouts/: one invented report (scripts/layout_base.txt) written the
ways real published reports lay it out, each way a trap for a reader that takes layout
for content. What a reviewer would say about each document is written by hand in
tests/data/layouts/README.md; tests/test_layouts.py holds the checker to it. (Test
documents, not samples: the same body's report seven ways over, checked as one folder,
would rightly be called copies of each other.)

- framed:   the introduction (who, the statistics period, the contact details) inside
            a one-cell ruled table (.docx, .html, .pdf) — prose, not a table;
- textbox:  the introduction in a Word text box (.docx, .pdf);
- paged:    a running header (the title) and page numbers on every page, a table
            broken over pages with its header rows repeated and rows split at the
            break, and one genuine defect (a review total that does not add up);
- spaced:   headings, the period and the contact details with their characters spaced
            apart (expanded character spacing in Word; in the .txt as a copy from a
            PDF viewer gives it);
- merged:   value cells spanning two grid columns in every row (an empty column in the
            text) and the two-row header of the applications table; a 来源/时间 line
            under the title; its .html is also printed to PDF;
- cut:      the applications table wider than the page: its 总计 column is cut off at
            the page edge (.pdf, printed from a web page);
- official: set as an official document (GB/T 9704): A4 with its margins, the title
            large and wrapped inside its closing words ("…政府信息公" / "开工作年度报告"),
            headings in another typeface than the text (黑体 over 仿宋) with their
            numbers set smaller on the same baseline, tables in small type, "— 1 —"
            page numbers, and a page break just before a table's block label
            (第二十条第（五）项 heading a page): .docx and .pdf;
- squashed: the statistics tables copied as text with their cells run together;
- copied_from_pdf: the text a PDF viewer gives for paged.pdf (pdftotext, where poppler is
            installed): prose wrapped at the page width, page headers and numbers in it,
            table cells one per line or cut into pieces;
- and, in tests/data/not_reports/, documents that are no report at all: a Word
  document and its PDF that say "Hello", a README, a 404 page.

The PDFs are printed by LibreOffice where it is installed (they are committed: the tests
do not need it). Run with the project's virtualenv:

    .venv/bin/python scripts/make_layout_samples.py
"""

from __future__ import annotations

import html
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office  # noqa: E402  (the shared structure and writers)
from nianbao.ingest import read_source  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "scripts" / "layout_base.txt"
OUT = ROOT / "tests" / "data" / "layouts"
NOT_REPORTS = ROOT / "tests" / "data" / "not_reports"  # not samples: `nianbao check samples/` must not meet them
TITLE = "云岭县青石镇人民政府2023年政府信息公开工作年度报告"
WP_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
         'xmlns:v="urn:schemas-microsoft-com:vml" '
         'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
         'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


# Blank lines before official.docx's first table: enough that the page ends after its
# 行政规范性文件 row, so 第二十条第（五）项 heads the next page (found by trial with
# LibreOffice's fonts; a break elsewhere leaves the sample a weaker trap, not a wrong one)
OFFICIAL_BLANK_LINES = 17


# ------------------------------------------------------------------------- the report

def base_text() -> str:
    return BASE.read_text(encoding="utf-8")


def blocks_of(text: str) -> list:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        return office.read_structure(Path(f.name))
    finally:
        Path(f.name).unlink()


def is_intro(block) -> bool:
    """The two paragraphs between the title and section 一 (basis, period, contact)."""
    return isinstance(block, office.Paragraph) and block.kind == "TEXT" and (
        block.text.startswith("本报告由") or block.text.startswith("本报告电子版"))


# ------------------------------------------------------------------------------ .docx

def new_document(header: bool = False, footer: int | None = None):
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")
    if footer is not None:
        office._page_number_footer(document, footer)
    if header:
        document.sections[0].header.paragraphs[0].add_run(TITLE)
    return document


def add_paragraph(document, text: str, kind: str, spaced: bool = False):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = kind in ("SECTION_HEAD", "TITLE_LINE")
    if kind == "TITLE_LINE":
        paragraph.alignment = 1
    if spaced:  # expanded character spacing: a PDF text layer spaces the characters apart
        run._r.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="120"/>'))
    return paragraph


def write_docx(blocks: list, path: Path, *, frame: str | None = None, spaced=frozenset(), header=False,
               footer: int | None = None, table_hook=None, before_table=None, rng=None) -> None:
    rng = rng or random.Random(7)
    document = new_document(header, footer)
    intro = [b for b in blocks if is_intro(b)]
    tables = 0
    for block in blocks:
        if isinstance(block, office.Table):
            tables += 1
            if before_table:
                before_table(document, tables)
            if table_hook:
                table_hook(document, block, tables, rng)
            else:
                office._write_docx_table(document, block, rng)
            continue
        if block in intro and frame:
            if block is intro[0]:
                (framed_cell if frame == "cell" else text_box)(document, [b.text for b in intro])
            continue
        add_paragraph(document, block.text, block.kind, spaced=block.kind in spaced or any(
            w in block.text for w in spaced if isinstance(w, str) and len(w) > 12))
    document.save(path)


# Stand-ins for the official typefaces (方正小标宋, 黑体, 仿宋_GB2312) that a machine
# without them has: a serif for the title and the text, a sans for the headings.
_SERIF, _SANS = "Noto Serif CJK SC", "Noto Sans CJK SC"


def _official_run(paragraph, text: str, font: str, size: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold = font, Pt(size), bold
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def write_official_docx(blocks: list, path: Path, blank_lines_before_first_table: int) -> None:
    """The report set as an official document: GB/T 9704's page, a 22 pt title, 黑体
    headings whose numbers are set in 12 pt (Word's list numbers in another size than
    their heading), 16 pt 仿宋 text, 10.5 pt tables. The blank lines before the first
    table put a page break just before one of its block labels."""
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    office._page_number_footer(document, 0)
    tables = 0
    for block in blocks:
        if isinstance(block, office.Table):
            tables += 1
            if tables == 1:
                for _ in range(blank_lines_before_first_table):
                    document.add_paragraph("")
            office._write_docx_table(document, block, random.Random(7))
            for row in document.tables[-1].rows:
                for cell in row.cells:
                    for run in (r for p in cell.paragraphs for r in p.runs):
                        run.font.size = Pt(10.5)
            continue
        paragraph = document.add_paragraph()
        if block.kind == "TITLE_LINE":
            paragraph.alignment = 1
            _official_run(paragraph, block.text, _SERIF, 22, bold=True)
        elif block.kind == "SECTION_HEAD":
            number = re.match(r"[一二三四五六七八九十]+、", block.text)
            _official_run(paragraph, number.group(), _SANS, 12)
            _official_run(paragraph, block.text[number.end():], _SANS, 16)
        else:
            _official_run(paragraph, block.text, _SERIF, 16)
    document.save(path)


def framed_cell(document, texts: list[str]) -> None:
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    cell.paragraphs[0].add_run(texts[0])
    for text in texts[1:]:
        cell.add_paragraph(text)


def text_box(document, texts: list[str]) -> None:
    """A text box anchored to an empty paragraph, as Word writes one: the DrawingML
    shape and its VML fallback, each holding the same paragraphs."""
    inner = "".join(f"<w:p><w:r><w:t>{html.escape(t)}</w:t></w:r></w:p>" for t in texts)
    xml = f'''<w:p {WP_NS}><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">
<wp:extent cx="5760000" cy="2160000"/><wp:docPr id="1" name="文本框 1"/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5760000" cy="2160000"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="TextBox1" style="width:453.5pt;height:170pt" stroked="t">
<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>'''
    document.element.body.append(parse_xml(xml))
    # python-docx appends before the section properties; keep sectPr last
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        body.remove(sect)
        body.append(sect)


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)


def doubled(table: office.Table, column: int) -> office.Table:
    """The table with grid column `column` made two grid columns wide in every row (a
    value cell merged over two columns: in text, an empty cell after it)."""
    out = office.Table(table.width + 1, table.height)
    for c in table.cells:
        col = c.col + (1 if c.col > column else 0)
        span = c.colspan + (1 if c.col <= column < c.col + c.colspan else 0)
        out.cells.append(office.Cell(c.row, col, c.text, c.rowspan, span))
    return out


# ------------------------------------------------------------------------------ .html

def write_html(blocks: list, path: Path, *, frame: bool = False, source_line: bool = False,
               tables: dict | None = None, table_width: dict | None = None) -> None:
    rng = random.Random(11)
    intro = [b for b in blocks if is_intro(b)]
    parts: list[str] = []
    table_number = 0
    for block in blocks:
        if isinstance(block, office.Table):
            table_number += 1
            table = (tables or {}).get(table_number, block)
            markup = office._html_table(table, rng)
            if table_number in (table_width or {}):  # fixed pixels, wider than the printed page
                markup = markup.replace('width="100%"', f'width="{table_width[table_number]}"', 1)
            parts.append(markup)
        elif block.kind == "TITLE_LINE":
            continue
        elif block in intro and frame:
            if block is intro[0]:
                inner = "".join(f'<p style="text-indent:2em">{html.escape(b.text)}</p>' for b in intro)
                parts.append(f'<table border="1" cellspacing="0" width="100%"><tr><td>{inner}</td></tr></table>')
        else:
            parts.append(office._html_paragraph(block, rng))
    info = ('<div class="info">来源：青石镇人民政府&nbsp;&nbsp;&nbsp;时间：2024-01-26&nbsp;&nbsp;'
            '【字体：大 中 小】</div>' if source_line else "")
    page = f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{TITLE}_云岭县人民政府</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<div class="article">
<h1 class="title">{TITLE}</h1>
{info}
<div id="zoom" class="content">
{chr(10).join(parts)}
</div>
</div>
<div class="footer">主办：云岭县人民政府办公室 &nbsp; 网站标识码：5300000000</div>
</body></html>
'''
    path.write_text(page, encoding="utf-8")


# -------------------------------------------------------------------------- text forms

_CJK_RUN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def spaced_out(line: str) -> str:
    """A line as a PDF viewer's copy gives text set with expanded character spacing:
    a space after every character but the last, digits kept together."""
    out = []
    for i, ch in enumerate(line):
        out.append(ch)
        nxt = line[i + 1] if i + 1 < len(line) else ""
        if nxt and not (ch.isdigit() and nxt.isdigit()) and not (ch.isascii() and nxt.isascii()) \
                and (_CJK_RUN.match(ch) or _CJK_RUN.match(nxt)):
            out.append(" ")
    return "".join(out)


def spaced_text(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        if re.match(r"[一二三四五六]、", line) or line.startswith("本报告"):
            line = spaced_out(line)
        lines.append(line)
    return "\n".join(lines)


def squashed_text(text: str) -> str:
    """The tables copied out of a page whose table markup was lost: each row one line,
    its cells run together with single spaces (or none between digits)."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            cells = [c for c in line.split("\t") if c.strip()]
            line = " ".join(cells) if cells else ""
        out.append(line)
    return "\n".join(out)


def paged_text(text: str) -> str:
    """The report with its one genuine defect: the review total written as 2."""
    return text.replace("\n1\t0\t0\t0\t1\t0\t", "\n1\t0\t0\t0\t2\t0\t")


# ----------------------------------------------------------------------- PDF printing

def to_pdf(paths: list[Path], filter_: str | None = None, target: Path = OUT) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) not found: PDFs not made", file=sys.stderr)
        return
    convert_to = "pdf" if filter_ is None else f"pdf:{filter_}"
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", convert_to,
                        "--outdir", out, *map(str, paths)], check=True, capture_output=True, timeout=600)
        for path in paths:
            made = Path(out) / f"{path.stem}.pdf"
            suffix = "" if path.suffix == ".docx" else path.suffix.replace(".", "_")
            made.replace(target / f"{path.stem}{suffix}.pdf")


# --------------------------------------------------------------------------- the set

def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    text = base_text()
    blocks = blocks_of(text)
    docs: list[Path] = []

    # framed: the intro in a one-cell ruled table
    (OUT / "framed.txt").write_text(text, encoding="utf-8")
    write_docx(blocks, OUT / "framed.docx", frame="cell")
    write_html(blocks, OUT / "framed.html", frame=True)
    docs.append(OUT / "framed.docx")

    # textbox: the intro in a Word text box
    write_docx(blocks, OUT / "textbox.docx", frame="box")
    docs.append(OUT / "textbox.docx")

    # paged: running header, page numbers, the applications table over a page break
    paged = paged_text(text)
    (OUT / "paged.txt").write_text(paged, encoding="utf-8")
    paged_blocks = blocks_of(paged)

    def push_down(document, number: int) -> None:
        if number == 2:  # start the applications table low on a page: it breaks over the next
            page_break(document)
            for _ in range(26):
                document.add_paragraph("")

    write_docx(paged_blocks, OUT / "paged.docx", header=True, footer=1, before_table=push_down)
    write_html(paged_blocks, OUT / "paged.html")
    docs.append(OUT / "paged.docx")

    # spaced: characters spaced apart
    (OUT / "spaced.txt").write_text(spaced_text(text), encoding="utf-8")
    write_docx(blocks, OUT / "spaced.docx", spaced=frozenset({"SECTION_HEAD"}) | {
        b.text for b in blocks if is_intro(b)}, footer=0)
    docs.append(OUT / "spaced.docx")

    # merged: a value column two grid columns wide; a 来源/时间 line under the title
    applications = [b for b in blocks if isinstance(b, office.Table)][1]
    wide = doubled(applications, 2)

    def merged_table(document, table, number, rng):
        office._write_docx_table(document, wide if number == 2 else table, rng)

    write_docx(blocks, OUT / "merged.docx", table_hook=merged_table)
    write_html(blocks, OUT / "merged.html", source_line=True, tables={2: wide})
    docs.append(OUT / "merged.docx")
    # the page as a browser copies it: every table row a line, each grid cell one TAB apart
    (OUT / "merged.txt").write_text(read_source(OUT / "merged.html").text, encoding="utf-8")

    # cut: the applications table wider than the page, printed from the web page: its
    # 总计 column falls off the right edge (the header and most rows lose it; a row
    # whose label is short keeps the start of it)
    write_html(blocks, OUT / "cut.html", table_width={2: 730})

    # official: GB/T 9704's page and type; a page break just before 第二十条第（五）项
    write_official_docx(blocks, OUT / "official.docx", OFFICIAL_BLANK_LINES)
    docs.append(OUT / "official.docx")

    # squashed: tables whose cells ran together
    (OUT / "squashed.txt").write_text(squashed_text(text), encoding="utf-8")

    # not reports at all
    NOT_REPORTS.mkdir(parents=True, exist_ok=True)
    hello = new_document()
    hello.add_paragraph("Hello")
    hello.save(NOT_REPORTS / "hello.docx")
    (NOT_REPORTS / "readme.txt").write_text(
        "# 使用说明\n\n本目录存放各乡镇报送的材料。文件命名规则：乡镇名称_年份.docx。\n"
        "如有问题请联系县政务公开办。\n", encoding="utf-8")
    (NOT_REPORTS / "404.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 页面不存在</title></head><body>'
        '<div class="error"><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除。</p>'
        '<p><a href="/">返回首页</a></p></div></body></html>\n', encoding="utf-8")

    to_pdf(docs)
    to_pdf([OUT / "merged.html", OUT / "cut.html"], "writer_web_pdf_Export")
    to_pdf([NOT_REPORTS / "hello.docx"], target=NOT_REPORTS)
    (OUT / "cut_html.pdf").replace(OUT / "cut.pdf")
    (OUT / "cut.html").unlink()  # only its PDF is a sample
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None and (OUT / "paged.pdf").exists():
        subprocess.run([pdftotext, str(OUT / "paged.pdf"), str(OUT / "copied_from_pdf.txt")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
