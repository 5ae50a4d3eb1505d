#!/usr/bin/env python3
"""Make the .docx, .html and .pdf samples from the text reports, and the bad inputs.

Each text report in samples/real/ and samples/synthetic/ (but the one with bar tables)
becomes a Word document with
real Word tables (the merged header cells of the official templates as real merges,
line breaks inside cells as breaks) and a web page as a government site publishes it
(navigation, breadcrumbs, the article in a content element, rowspan/colspan tables,
&nbsp; padding, a footer). The reader tests compare what the parser finds in each
against the text it came from, so the structure is taken from the text as the parser
reads it: the grammar's table regions become tables, everything else paragraphs.

Some documents number their section headings with Word's list numbering instead of
typing 一、; some pages are old table layouts; one page is GBK. A few documents are
converted to PDF with LibreOffice, one PDF is rendered to images (a scan), and a
~30-page document is made to time the reader. Run with the project's virtualenv:

    .venv/bin/python scripts/make_office_samples.py [--bench]
"""

from __future__ import annotations

import argparse
import html
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from lark import Token, Tree
from nianbao.cells import UNITS, looks_like_value
from nianbao.ingest import read_source
from nianbao.labels import core, numbering
from nianbao.parse import parse, parse_tree

ROOT = Path(__file__).resolve().parent.parent
TEXT_DIRS = [ROOT / "samples" / "real", ROOT / "samples" / "synthetic"]
DOCX_DIR = ROOT / "samples" / "docx"
HTML_DIR = ROOT / "samples" / "html"
PDF_DIR = ROOT / "samples" / "pdf"
BAD_DIR = ROOT / "tests" / "data" / "bad"
LARGE_DOCX = ROOT / "tests" / "data" / "large_30_pages.docx"
# Reports converted to PDF (stems), and the one whose first pages are rendered as a scan.
PDF_STEMS = ("001_9015c37c5a0ad370", "002_b65cffdf1b4315e2", "2021_cells_clean", "2019_tsv_clean")
GBK_PAGE = "2021_cells_clean_gbk"


# ------------------------------------------------------------------ the text's structure

@dataclass
class Paragraph:
    text: str
    kind: str  # the grammar's terminal: TEXT, SECTION_HEAD, SUB_HEAD, TITLE_LINE, …


@dataclass
class Cell:
    row: int
    col: int
    text: str           # "\n" where the text broke the cell over lines
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    width: int
    height: int
    cells: list[Cell] = field(default_factory=list)


def read_structure(path: Path) -> list[Paragraph | Table]:
    """A text report as the grammar reads it: paragraphs, and tables as grids with the
    merges the flattened text implies."""
    text = read_source(path).text
    blocks: list[Paragraph | Table] = []

    def visit(children: list) -> None:
        for child in children:
            if isinstance(child, Tree) and child.data == "table":
                blocks.append(build_table(flattened_rows(child.children)))
            elif isinstance(child, Tree):
                visit(child.children)
            elif isinstance(child, Token):
                blocks.append(Paragraph(child.value.rstrip("\n"), child.type))

    visit(parse_tree(text).children)
    return blocks


@dataclass
class _Row:
    cells: list[str]
    layout: str  # cells (one cell per line: a merged cell written once) | tsv


def flattened_rows(tokens: list) -> list[_Row]:
    """Table tokens → rows of cell texts, as the table reader joins them."""
    rows: list[_Row] = []
    for tok in tokens:
        lines = tok.value.split("\n")[:-1]
        if tok.type == "CELL_LINES":
            cells: list[str] = []
            for line in lines:
                if line.startswith("\t"):
                    cells.append(line[1:])
                else:
                    cells[-1] += "\n" + line
            previous = rows[-1] if rows else None
            if previous is not None and len(previous.cells) == 1 and core(cells[0]) in UNITS:
                # "label" then "unit, value" on the next row: the export broke one row in two
                previous.cells.extend(cells)
            else:
                rows.append(_Row(cells, "cells"))
        elif tok.type == "TSV_LINES":
            rows.extend(_Row(line.split("\t"), "tsv") for line in lines)
        elif tok.type == "TAB_CONT":
            last = rows[-1].cells[-1] if rows and rows[-1].cells else ""
            if last.strip() and not looks_like_value(last):
                rows[-1].cells[-1] += "\n" + lines[0]
            else:
                rows.append(_Row([lines[0]], "cells"))
    return rows


def _trailing_values(cells: list[str]) -> int:
    n = 0
    while n < len(cells) and looks_like_value(cells[len(cells) - 1 - n].replace("\n", "")):
        n += 1
    return n


def _has_number(cells: list[str]) -> bool:
    n = _trailing_values(cells)
    return any(c.strip() for c in cells[len(cells) - n:]) if n else False


def _official_header(cores: list[str], labels: int) -> list[tuple[int, bool]] | None:
    """The header rows of the official templates as Word's text export writes them
    (each merged cell once) → (column span, continues the cell above) per cell, with
    `labels` the width of the label columns; None for any other row."""
    if cores == ["本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和", "申请人情况"]:
        return [(labels, False), (7, False)]
    if cores == ["", "自然人", "法人或其他组织", "总计"]:
        return [(labels, True), (1, False), (5, False), (1, False)]
    if cores == ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]:
        return [(labels, True), (1, True)] + [(1, False)] * 5 + [(1, True)]
    if cores == ["行政复议", "行政诉讼"]:
        return [(5, False), (10, False)]
    if cores == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]:
        return [(1, False)] * 5 + [(5, False), (5, False)]
    if cores == [""] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2:
        return [(1, True)] * 5 + [(1, False)] * 10
    return None


def build_table(rows: list[_Row]) -> Table:
    """Rows of flattened cells → a grid with merges.

    Rows in the one-cell-per-line layout wrote each merged cell once: the official
    header rows get the template's spans; in a data row the values fill the value
    columns from the right and the last label spans what is left of the label columns.
    In TSV rows every grid cell is there: a header cell followed by empty cells spans
    them. In both, an empty label cell under a cell of the same place continues it."""
    width = max(len(r.cells) for r in rows)
    data = [r for r in rows if _has_number(r.cells)]
    values = max((_trailing_values(r.cells) for r in data), default=0)
    labels = width - values
    placed: list[list[tuple[int, int, str, bool]]] = []  # per row: (col, span, text, continues)
    for row in rows:
        cells = row.cells
        spans: list[tuple[int, bool]]
        official = _official_header([core(c) for c in cells], labels) if row.layout == "cells" else None
        if official is not None:
            spans = official
        elif row.layout == "tsv":
            spans = _tsv_spans(cells, _has_number(cells))
        elif _has_number(cells):
            n_values = min(_trailing_values(cells), values)
            n_labels = len(cells) - n_values
            label_spans = [1] * n_labels
            if n_labels:
                label_spans[-1] += max(0, labels - n_labels)
            value_spans = [1] * n_values
            if n_values:
                value_spans[-1] += max(0, values - n_values)
            spans = [(s, False) for s in label_spans + value_spans]
        else:
            spans = [(1, False)] * len(cells)
            spans[-1] = (width - len(cells) + 1, False)
        line: list[tuple[int, int, str, bool]] = []
        col = 0
        for text, (span, continues) in zip(_span_texts(cells, spans), spans, strict=True):
            line.append((col, span, text, continues))
            col += span
        if col < width:
            line.append((col, width - col, "", False))
        placed.append(line)
    _mark_vertical(placed, labels)
    return _grid(placed, width)


def _tsv_spans(cells: list[str], has_number: bool) -> list[tuple[int, bool]]:
    """In a TSV header row, a cell with text followed by empty cells spans them."""
    if has_number:
        return [(1, False)] * len(cells)
    spans: list[tuple[int, bool]] = []
    owner = False  # whether the span being built starts with text
    for text in cells:
        if not text.strip() and owner:
            spans[-1] = (spans[-1][0] + 1, False)
        else:
            spans.append((1, False))
            owner = bool(text.strip())
    return spans


def _span_texts(cells: list[str], spans: list[tuple[int, bool]]) -> list[str]:
    """The text of each spanned cell: in a TSV row a span swallows the empty cells
    after its text; elsewhere there is one text per span."""
    if len(spans) == len(cells):
        return cells
    out, i = [], 0
    for span, _ in spans:
        out.append(cells[i])
        i += span
    return out


def _mark_vertical(placed: list[list[tuple[int, int, str, bool]]], labels: int) -> None:
    """An empty label cell right under a cell in the same columns continues it."""
    for r in range(1, len(placed)):
        above = {(c, s) for c, s, text, cont in placed[r - 1] if text.strip() or cont}
        row = placed[r]
        if not any(text.strip() for _, _, text, _ in row):
            continue
        for i, (c, s, text, cont) in enumerate(row):
            if not text.strip() and not cont and c < labels and (c, s) in above:
                row[i] = (c, s, text, True)


def _grid(placed: list[list[tuple[int, int, str, bool]]], width: int) -> Table:
    table = Table(width, len(placed))
    open_cells: dict[tuple[int, int], Cell] = {}
    for r, row in enumerate(placed):
        current: dict[tuple[int, int], Cell] = {}
        for c, s, text, continues in row:
            if continues and (c, s) in open_cells:
                cell = open_cells[(c, s)]
                cell.rowspan += 1
            else:
                cell = Cell(r, c, text, 1, s)
                table.cells.append(cell)
            current[(c, s)] = cell
        open_cells = current
    return table


# ----------------------------------------------------------------------------- .docx

HEADING_LIST, DECIMAL_LIST = 9001, 9002


def _numbering_definitions(document) -> None:
    """Two list definitions: 一、/（一） for headings, 1. for numbered items."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstracts = [
        f'''<w:abstractNum {nsdecls("w")} w:abstractNumId="{HEADING_LIST}">
          <w:multiLevelType w:val="multilevel"/>
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
            <w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/>
            <w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
            <w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/>
            <w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
        </w:abstractNum>''',
        f'''<w:abstractNum {nsdecls("w")} w:abstractNumId="{DECIMAL_LIST}">
          <w:multiLevelType w:val="singleLevel"/>
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
            <w:suff w:val="nothing"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
            <w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
        </w:abstractNum>''',
    ]
    for xml in abstracts:
        element = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{HEADING_LIST}">'
                               f'<w:abstractNumId w:val="{HEADING_LIST}"/></w:num>'))


def _new_decimal_list(document, num_id: int) -> None:
    """A fresh instance of the 1. list that starts again at 1."""
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{DECIMAL_LIST}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def _number_paragraph(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


_LIST_ITEM = re.compile(r"^(\s*)(\d{1,2})[.．](?!\d)")


def list_numbering_plan(blocks: list[Paragraph | Table]) -> dict[int, tuple[str, int, int]]:
    """Which paragraphs to number with Word lists instead of typed numbers: section
    headings 一、… counting from 一, the （一）… sub-headings under each, counting
    from （一）, and runs of items 1. 2. 3. — block index → (list, level, run)."""
    plan: dict[int, tuple[str, int, int]] = {}
    heads = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.kind == "SECTION_HEAD"]
    if heads and [numbering(blocks[i].text) for i in heads] == [("cjk", k) for k in range(1, len(heads) + 1)]:
        plan.update({i: ("heading", 0, 0) for i in heads})
        bounds = heads + [len(blocks)]
        for start, end in zip(bounds, bounds[1:], strict=False):
            subs = [i for i in range(start + 1, end)
                    if isinstance(blocks[i], Paragraph) and blocks[i].kind == "SUB_HEAD"]
            if [numbering(blocks[i].text) for i in subs] == [("paren", k) for k in range(1, len(subs) + 1)]:
                plan.update({i: ("heading", 1, 0) for i in subs})
    run, expected = 0, 1
    for i, b in enumerate(blocks):
        found = _LIST_ITEM.match(b.text) if isinstance(b, Paragraph) and b.kind == "TEXT" else None
        number = int(found.group(2)) if found else None
        if number == 1:
            run, expected = run + 1, 1
        if number is not None and number == expected:
            plan[i] = ("decimal", 0, run)
            expected += 1
        else:
            expected = 1
    return plan


def _strip_number(text: str) -> str:
    m = re.match(r"^[ \u3000]*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．])"
                 r"[ \u3000]*", text)
    return text[m.end():] if m else text


def _page_number_footer(document, style: int) -> None:
    """A footer with the page number, as official documents have ("— 3 —" or
    "第 3 页 共 9 页"): the .docx reader leaves footers out, the PDF reader drops them."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field(code: str) -> None:
        for xml in (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
                    f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
                    f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
                    f'<w:r {nsdecls("w")}><w:t>1</w:t></w:r>',
                    f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'):
            paragraph._p.append(parse_xml(xml))

    if style % 2:
        paragraph.add_run("第 ")
        field("PAGE")
        paragraph.add_run(" 页 共 ")
        field("NUMPAGES")
        paragraph.add_run(" 页")
    else:
        paragraph.add_run("— ")
        field("PAGE")
        paragraph.add_run(" —")


def write_docx(blocks: list[Paragraph | Table], path: Path, word_numbering: bool, rng: random.Random) -> None:
    document = docx.Document()
    _page_number_footer(document, rng.randrange(2))
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")
    plan = list_numbering_plan(blocks) if word_numbering else {}
    if plan:
        _numbering_definitions(document)
    decimal_ids: dict[int, int] = {}
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            _write_docx_table(document, block, rng)
            continue
        text = block.text
        paragraph = document.add_paragraph()
        if i in plan:
            kind, level, run = plan[i]
            if kind == "heading":
                _number_paragraph(paragraph, HEADING_LIST, level)
            else:
                if run not in decimal_ids:
                    decimal_ids[run] = DECIMAL_LIST + 1 + run
                    _new_decimal_list(document, decimal_ids[run])
                _number_paragraph(paragraph, decimal_ids[run], 0)
            text = _strip_number(text)
        if block.kind == "TITLE_LINE":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        bold = block.kind in ("SECTION_HEAD", "NUM_HEAD", "TITLE_LINE")
        run_ = paragraph.add_run(text)
        run_.bold = bold
    document.save(path)


def _write_docx_table(document, table: Table, rng: random.Random) -> None:
    word = document.add_table(rows=table.height, cols=table.width)
    word.style = "Table Grid"
    for r in range(_header_height(table)):  # repeated at the top of every page, as the templates ask
        word.rows[r]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    for cell in table.cells:
        target = word.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(word.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        parts = cell.text.split("\n")
        paragraph = target.paragraphs[0]
        paragraph.add_run(parts[0])
        for part in parts[1:]:
            if rng.random() < 0.5:  # a soft line break, or a paragraph of its own
                run = paragraph.add_run()
                run.add_break()
                run.add_text(part)
            else:
                target.add_paragraph(part)


def _header_height(table: Table) -> int:
    """The rows above the first row with a number: the column headings."""
    numbered = [c.row for c in table.cells if c.text.strip() and looks_like_value(c.text) and c.row > 0]
    return min(numbered, default=0) if table.width > 4 else 0


# ----------------------------------------------------------------------------- .html

_SITES = [
    ("青岚县人民政府", "qinglan"), ("柏岭县人民政府", "bailing"), ("桐溪县人民政府", "tongxi"),
]


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _wrap(text: str, rng: random.Random) -> str:
    """Escape, and break long text over source lines between two CJK characters, as
    Word's HTML export does (a reader must not turn these breaks into spaces)."""
    out, since = [], 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        out.append(html.escape(a, quote=False))
        since += 1
        if since > 38 and _cjk(a) and _cjk(b) and rng.random() < 0.3:
            out.append("\n")
            since = 0
    return "".join(out)


def _html_paragraph(p: Paragraph, rng: random.Random) -> str:
    text = p.text.strip(" \u3000")
    if p.kind in ("SECTION_HEAD", "NUM_HEAD"):
        return f'<p style="text-indent:2em"><strong>{_wrap(text, rng)}</strong></p>'
    if p.kind == "SUB_HEAD" and len(text) < 30:
        return f'<p style="text-indent:2em"><b>{_wrap(text, rng)}</b></p>'
    if p.kind == "TITLE_LINE":
        return (f'<p style="text-align:center"><strong><span style="font-size:18pt">{_wrap(text, rng)}'
                '</span></strong></p>')
    padding = rng.choice(["&nbsp;&nbsp;&nbsp;&nbsp;", "\u3000\u3000", ""])
    return f'<p style="text-indent:2em">{padding}{_wrap(text, rng)}</p>'


def _html_table(table: Table, rng: random.Random) -> str:
    by_row: dict[int, list[Cell]] = {}
    for cell in table.cells:
        by_row.setdefault(cell.row, []).append(cell)
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse" width="100%">',
           "<tbody>"]
    for r in range(table.height):
        out.append("<tr>")
        for cell in sorted(by_row.get(r, []), key=lambda c: c.col):
            attrs = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + \
                    (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
            parts = [html.escape(p, quote=False) for p in cell.text.split("\n")]
            if not cell.text.strip():
                inner = "<p>&nbsp;</p>"
            elif rng.random() < 0.5:
                inner = "<br>".join(parts)
            else:
                inner = "".join(f'<p style="text-align:center">{p}</p>' for p in parts)
            out.append(f'<td{attrs} valign="center">{inner}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _article_html(blocks: list[Paragraph | Table], rng: random.Random) -> str:
    out: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Table):
            out.append(_html_table(block, rng))
        elif (block.kind == "TEXT" and i + 1 < len(blocks) and isinstance(blocks[i + 1], Paragraph)
              and blocks[i + 1].kind == "DATE_LINE" and len(block.text.strip()) <= 30):
            # a signature and its date: one paragraph, a <br> between
            out.append(f'<p style="text-align:right">{_wrap(block.text.strip(), rng)}<br>\n'
                       f'{_wrap(blocks[i + 1].text.strip(), rng)}</p>')
            i += 1
        else:
            out.append(_html_paragraph(block, rng))
        i += 1
    return "\n".join(out)


def _split_title(blocks: list[Paragraph | Table], title_lines: set[int],
                 line_of: dict[int, int]) -> tuple[list[str], list]:
    """Lift the title out of the article when it stands first, as sites show it in an
    <h1> above the article; otherwise the article keeps it."""
    lines, i = [], 0
    while i < len(blocks) and isinstance(blocks[i], Paragraph) and line_of.get(i) in title_lines:
        lines.append(blocks[i].text.strip())
        i += 1
    return (lines, blocks[i:]) if lines else ([], blocks)


def write_html(blocks: list[Paragraph | Table], path: Path, title: str, title_lines: set[int],
               line_of: dict[int, int], style: int, encoding: str, rng: random.Random) -> None:
    site, slug = _SITES[style % len(_SITES)]
    heading, body_blocks = _split_title(blocks, title_lines, line_of)
    heading_html = "<br>".join(html.escape(h) for h in heading) or html.escape(title)
    article = _article_html(body_blocks, rng)
    charset = "gb2312" if encoding == "gbk" else "utf-8"
    nav = "".join(f'<li><a href="/{slug}/{k}/">{name}</a></li>' for k, name in
                  enumerate(["首页", "政务公开", "政务服务", "互动交流", "走进" + site[:3]]))
    crumbs = ('当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>'
              '&nbsp;&gt;&nbsp;<a href="/zwgk/ndbg/">政府信息公开年报</a>')
    old_nav = "".join(f'<td><a href="/{k}">{n}</a></td>'
                      for k, n in enumerate(["首页", "政务公开", "办事服务", "互动交流", "专题专栏"]))
    zoom_links = ('【<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> '
                  '<a href="javascript:doZoom(12)">小</a>】')
    footer = (f'<p>主办单位：{site}办公室&nbsp;&nbsp;承办单位：{site}政务服务数据管理局</p>'
              f'<p>地址：{site[:3]}政府大楼&nbsp;&nbsp;电话：0854-0000000&nbsp;&nbsp;网站标识码：5200000000</p>'
              f'<p>ICP备案号：黔ICP备00000000号</p>')
    share = ('<div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a>'
             '<a href="#" class="bds_tsina">微博</a><a href="#" class="bds_qzone">QQ空间</a></div>'
             '<div class="print-close"><a href="javascript:window.print()">【打印本页】</a>'
             '<a href="javascript:window.close()">【关闭窗口】</a></div>')
    head = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f'<title>{html.escape(title)}_{site}</title>\n'
            '<link rel="stylesheet" href="/css/style.css">\n'
            '<style>.article p{line-height:2em;font-size:16px} .footer{color:#666}</style>\n'
            '<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); })();</script>')
    meta = ('<div class="article-info">发布时间：<span>2024-01-26 09:30</span>&nbsp;&nbsp;来源：'
            f'{site}办公室&nbsp;&nbsp;浏览次数：<span id="hits"><script>document.write(1024)</script></span>'
            '&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>')
    if style % 3 == 0:  # a current CMS page: divs, TRS editor content in div#zoom
        page = f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{head}
</head>
<body>
<div class="header">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="{site}"></a></div>
  <div class="top-nav"><ul>{nav}</ul></div>
  <div class="search-box"><input type="text" name="q" value="请输入关键字"><button>搜索</button></div>
</div>
<div class="main-wrap">
  <div class="position">{crumbs}</div>
  <div class="article">
    <h1 class="article-title">{heading_html}</h1>
    {meta}
    <div id="zoom" class="TRS_Editor">
<div class="Custom_UnionStyle">
{article}
</div>
    </div>
    {share}
  </div>
  <div class="related"><h3>相关链接</h3><ul><li><a href="/a">{site}2022年政府信息公开工作年度报告</a></li>
  <li><a href="/b">{site}2021年政府信息公开工作年度报告</a></li><li><a href="/c">政府信息公开指南</a></li></ul></div>
</div>
<div class="footer">{footer}<script src="/js/stat.js"></script></div>
</body>
</html>
'''
    elif style % 3 == 1:  # an old site laid out with tables, content in a td
        page = f'''<html>
<head>
{head}
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="120" background="/images/top.jpg"><table><tr>{old_nav}</tr></table></td></tr>
  <tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">信息公开</a>
    &gt;&gt; 年度报告</td></tr>
  <tr><td>
    <table width="100%" border="0" cellpadding="0" cellspacing="0">
      <tr><td align="center" class="bt_title"><font size="5"><b>{heading_html}</b></font></td></tr>
      <tr><td align="center" class="bt_time">日期：2024-01-26&nbsp;&nbsp;&nbsp;&nbsp;{zoom_links}</td></tr>
      <tr><td class="bt_content" id="zoom">
{article}
      </td></tr>
    </table>
  </td></tr>
  <tr><td align="center" class="bottom">{footer}</td></tr>
</table>
</body>
</html>
'''
    else:  # an HTML5 page: <article> with its own <header>
        page = f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
{head}
</head>
<body>
<header class="site-header"><nav><ul>{nav}</ul></nav></header>
<nav class="breadcrumb">{crumbs}</nav>
<main>
  <article class="detail">
    <header><h1>{heading_html}</h1>{meta}</header>
    <div class="detail-content">
{article}
    </div>
    <footer class="detail-foot">{share}</footer>
  </article>
  <aside><h3>热点信息</h3><ul><li><a href="/x">关于做好春节期间有关工作的通知</a></li></ul></aside>
</main>
<footer class="site-footer">{footer}</footer>
</body>
</html>
'''
    data = page.encode(encoding, errors="xmlcharrefreplace")
    path.write_bytes(data)


# --------------------------------------------------------------------------- samples

def text_reports() -> list[Path]:
    # (not the report whose tables are written with bars: that is how text taken from a
    # web page looks, which a .docx or a web page itself never does)
    return sorted(p for d in TEXT_DIRS if d.is_dir() for p in d.glob("*.txt") if "_bars_" not in p.name)


def make_samples() -> list[Path]:
    """A .docx and an .html for every text report; returns the .docx written."""
    for d in (DOCX_DIR, HTML_DIR):
        d.mkdir(parents=True, exist_ok=True)
    written = []
    for k, path in enumerate(text_reports()):
        rng = random.Random(path.stem)
        blocks = read_structure(path)
        report = parse(read_source(path))
        title = report.title.text if report.title else path.stem
        title_lines = set(range(report.title.span.line, report.title.span.end_line + 1)) if report.title else set()
        line_of = _block_lines(path, blocks)
        target = DOCX_DIR / f"{path.stem}.docx"
        write_docx(blocks, target, word_numbering=k % 2 == 0, rng=rng)
        written.append(target)
        encoding = "gbk" if path.stem == GBK_PAGE else "utf-8"
        write_html(blocks, HTML_DIR / f"{path.stem}.html", title, title_lines, line_of, k, encoding, rng)
    return written


def _block_lines(path: Path, blocks: list[Paragraph | Table]) -> dict[int, int]:
    """Block index → the text line a paragraph block came from (for lifting the title)."""
    text = read_source(path).text
    out: dict[int, int] = {}

    def visit(children: list, counter: list[int]) -> None:
        for child in children:
            if isinstance(child, Tree) and child.data == "table":
                counter[0] += 1
            elif isinstance(child, Tree):
                visit(child.children, counter)
            elif isinstance(child, Token):
                out[counter[0]] = child.line
                counter[0] += 1

    visit(parse_tree(text).children, [0])
    return out


def make_pdfs() -> None:
    """PDFs of some documents, by LibreOffice; and a scan (page images, no text)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) not found: PDFs not made", file=sys.stderr)
        return
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    sources = [DOCX_DIR / f"{stem}.docx" for stem in PDF_STEMS if (DOCX_DIR / f"{stem}.docx").exists()]
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(PDF_DIR), *map(str, sources)], check=True, capture_output=True, timeout=600)
    make_scan(PDF_DIR / f"{PDF_STEMS[0]}.pdf", BAD_DIR / "scanned.pdf")


def make_scan(pdf: Path, target: Path) -> None:
    """The first two pages of a PDF as images in a new PDF: a scanned report."""
    from PIL import Image

    if shutil.which("pdftoppm") is None or not pdf.exists():
        print("pdftoppm (poppler-utils) not found: the scanned PDF not made", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "60", "-gray", "-png", "-f", "1", "-l", "2", str(pdf), f"{tmp}/page"],
                       check=True, timeout=120)
        images = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("page*.png"))]
        target.parent.mkdir(parents=True, exist_ok=True)
        images[0].save(target, "PDF", resolution=60, save_all=True, append_images=images[1:])


# ------------------------------------------------------------------------ bad inputs

def make_bad_inputs(good_docx: Path, good_pdf: Path | None) -> None:
    """Damaged files of each kind, named for what is wrong with them."""
    BAD_DIR.mkdir(parents=True, exist_ok=True)
    data = good_docx.read_bytes()
    (BAD_DIR / "not_a_zip.docx").write_bytes("这不是Word文档，只是一段文字。\n".encode())
    (BAD_DIR / "truncated.docx").write_bytes(data[: len(data) // 2])
    (BAD_DIR / "legacy_word97.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Word.Document.8")
    (BAD_DIR / "no_document_xml.docx").write_bytes(_rezip(data, drop="word/document.xml"))
    (BAD_DIR / "broken_xml.docx").write_bytes(_rezip(data, cut="word/document.xml"))
    (BAD_DIR / "spreadsheet_renamed.docx").write_bytes(_rezip(data, replace=(
        "[Content_Types].xml", b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")))
    damaged = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    damaged[start + info.compress_size // 2] ^= 0xFF
    (BAD_DIR / "bad_crc.docx").write_bytes(bytes(damaged))
    empty = docx.Document()
    empty.add_paragraph("")
    empty.save(BAD_DIR / "no_text.docx")
    (BAD_DIR / "comments_only.html").write_text("<!-- 页面已删除 -->\n", encoding="utf-8")
    (BAD_DIR / "no_text.html").write_text(
        '<html><head><title>年度报告</title><script>location.href="/";</script></head>'
        '<body><div class="nav"><a href="/">首页</a></div><div id="zoom">&nbsp;</div></body></html>',
        encoding="utf-8")
    (BAD_DIR / "image_named.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    (BAD_DIR / "not_a_pdf.pdf").write_text("<html><body>404 Not Found</body></html>\n", encoding="utf-8")
    (BAD_DIR / "corrupt.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\n"
                                          b"endobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 7 0 R >>\n"
                                          b"startxref\n9999\n%%EOF\n")
    if good_pdf is not None and good_pdf.exists():
        pdf = good_pdf.read_bytes()
        (BAD_DIR / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])


def _rezip(data: bytes, drop: str | None = None, cut: str | None = None,
           replace: tuple[str, bytes, bytes] | None = None) -> bytes:
    """The package again without member `drop`, with member `cut` cut in half, or with
    `replace` = (member, old, new) applied."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == drop:
                continue
            blob = src.read(info)
            if info.filename == cut:
                blob = blob[: len(blob) // 2]
            if replace is not None and info.filename == replace[0]:
                blob = blob.replace(replace[1], replace[2])
            dst.writestr(info, blob)
    return out.getvalue()


# ----------------------------------------------------------------------- large document

def make_large_docx(target: Path, pages: int = 30) -> None:
    """A long report (~`pages` pages): every section's narrative many times over, and
    the tables repeated, to time the reader on the biggest reports seen."""
    source = ROOT / "samples" / "synthetic" / "2021_cells_clean.txt"
    if not source.exists():
        source = text_reports()[0]
    blocks = read_structure(source)
    narrative = [b for b in blocks if isinstance(b, Paragraph) and b.kind == "TEXT" and len(b.text) > 60][:3]
    chars_per_page = 720  # with the tables, what makes `pages` pages in LibreOffice
    copies_per_section = pages * chars_per_page // max(1, 6 * sum(len(n.text) for n in narrative))
    out: list[Paragraph | Table] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, Paragraph) and block.kind == "SECTION_HEAD":
            out.extend(Paragraph(n.text, "TEXT") for _ in range(copies_per_section) for n in narrative)
        if isinstance(block, Table):
            out.extend([Paragraph("（续表）", "TEXT"), block] * 2)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_docx(out, target, word_numbering=True, rng=random.Random(0))


def bench(path: Path, repeat: int = 5) -> float:
    """The best of `repeat` times to read `path` (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        read_source(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", action="store_true", help="only time reading the large .docx")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice conversion")
    args = parser.parse_args()
    if not args.bench:
        written = make_samples()
        if not args.no_pdf:
            make_pdfs()
        make_large_docx(LARGE_DOCX)
        pdf = PDF_DIR / f"{PDF_STEMS[0]}.pdf"
        make_bad_inputs(written[0], pdf if pdf.exists() else None)
        print(f"{len(written)} .docx and .html written; bad inputs in {BAD_DIR.relative_to(ROOT)}")
    print(f"reading {LARGE_DOCX.relative_to(ROOT)}: {bench(LARGE_DOCX) * 1000:.0f} ms (best of 5)")
    for folder in (HTML_DIR, PDF_DIR):
        biggest = max(folder.glob("*.*"), key=lambda p: p.stat().st_size, default=None)
        if biggest is not None:
            print(f"reading {biggest.relative_to(ROOT)}: {bench(biggest, 3) * 1000:.0f} ms (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
