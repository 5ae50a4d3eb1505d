"""Reports as Word documents, web pages and PDFs read the same as their text.

Through the public surface: `read_source`, `parse`, and `nianbao parse` run as a user
runs it. The samples come from scripts/make_office_samples.py; small documents that
pin one behaviour each are built here.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx  # the readers' libraries are dependencies of nianbao: a plain install has them
import pytest
from nianbao.ingest import REPORT_SUFFIXES, IngestError, is_report_file, read_source
from nianbao.parse import parse

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
BAD = ROOT / "tests" / "data" / "bad"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _pairs() -> list:
    """(text report, the same report in another format) for every converted report, and
    for the layout samples (the same report framed, paged, spaced apart, merged)."""
    pairs = []
    for txt in sorted([*SAMPLES.glob("real/*.txt"), *SAMPLES.glob("synthetic/*.txt")]):
        for folder, suffix in (("docx", ".docx"), ("html", ".html"), ("pdf", ".pdf")):
            other = SAMPLES / folder / f"{txt.stem}{suffix}"
            if other.exists():
                pairs.append(pytest.param(txt, other, id=f"{txt.stem}{suffix}"))
    for txt in sorted((ROOT / "tests" / "data" / "layouts").glob("*.txt")):
        for other in sorted(txt.parent.glob(f"{txt.stem}[._]*")):
            if other != txt:
                pairs.append(pytest.param(txt, other, id=f"layout-{other.name}"))
    return pairs


def _summary(report) -> dict:
    """What rules read from a report, without positions (they differ by format)."""
    return {
        "title": report.title.text if report.title else None,
        "year": report.year,
        "issuer": report.issuer.name if report.issuer else None,
        "period": (report.period.start, report.period.end) if report.period else None,
        "contacts": [(c.kind, c.value) for c in report.contacts],
        "published": report.publication_date.value if report.publication_date else None,
        "sections": [(s.number, s.canonical, s.title) for s in report.sections],
        "tables": [{
            "template": t.template, "version": t.version,
            "rows": [(r.template_row, [(c.column, c.value, c.problem) for c in r.cells]) for r in t.rows],
            "missing": [m.row for m in t.missing],
            "problems": sorted(p.kind for p in t.problems),
        } for t in report.tables],
    }


# ------------------------------------------------------------------ same report, any format

def test_every_text_report_has_been_converted():
    converted = {p.values[1].suffix for p in _pairs()}
    assert {".docx", ".html"} <= converted
    stems = {p.values[0].stem for p in _pairs() if p.values[1].suffix == ".docx"}
    assert {t.stem for t in SAMPLES.glob("real/*.txt")} <= stems


@pytest.mark.parametrize(("txt", "other"), _pairs())
def test_report_reads_the_same_as_its_text(txt: Path, other: Path):
    source = read_source(other)
    assert source.text.endswith("\n")
    assert source.origin is not None and len(source.origin) == source.text.count("\n")
    assert _summary(parse(source)) == _summary(parse(read_source(txt)))


# ----------------------------------------------------------------------------- bad input

BAD_INPUTS = {
    "not_a_zip.docx": "ingest.docx_not_zip",
    "truncated.docx": "ingest.docx_not_zip",
    "legacy_word97.docx": "ingest.docx_legacy",
    "no_document_xml.docx": "ingest.docx_missing_part",
    "broken_xml.docx": "ingest.docx_corrupt",
    "spreadsheet_renamed.docx": "ingest.docx_not_word",
    "bad_crc.docx": "ingest.docx_corrupt",
    "no_text.docx": "ingest.no_text",
    "comments_only.html": "ingest.html_unparsable",
    "no_text.html": "ingest.no_text",
    "image_named.html": "ingest.binary_nul",
    "not_a_pdf.pdf": "ingest.pdf_not_pdf",
    "truncated.pdf": "ingest.pdf_truncated",
    "corrupt.pdf": "ingest.pdf_corrupt",
    "scanned.pdf": "ingest.pdf_scanned",
}


def test_every_bad_input_has_an_expectation():
    assert {p.name for p in BAD.iterdir()} == set(BAD_INPUTS)


@pytest.mark.parametrize(("name", "key"), sorted(BAD_INPUTS.items()))
def test_bad_input_is_one_clear_error(name: str, key: str):
    with pytest.raises(IngestError) as raised:
        read_source(BAD / name)
    assert raised.value.msg.key == key
    for lang in ("zh", "en"):
        message = raised.value.render(lang)
        assert message and "\n" not in message


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_cli_parse_of_bad_input_exits_2_with_one_line(name: str):
    done = subprocess.run([sys.executable, "-m", "nianbao.cli", "parse", str(BAD / name), "--lang", "en"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{BAD / name}: ")


def test_scanned_pdf_says_it_has_no_text_layer():
    with pytest.raises(IngestError) as raised:
        read_source(BAD / "scanned.pdf")
    assert "no text layer" in raised.value.render("en")
    assert "OCR" in raised.value.render("zh")


@pytest.mark.parametrize(("suffix", "module"), [(".docx", "docx"), (".html", "lxml"), (".pdf", "pdfplumber")])
def test_missing_library_says_how_to_install_it(tmp_path: Path, monkeypatch, suffix: str, module: str):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n" if suffix == ".pdf" else b"<p>x</p>")
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(IngestError) as raised:
        read_source(path)
    assert raised.value.msg.key == "ingest.missing_library"
    library = {"docx": "python-docx"}.get(module, module)
    assert raised.value.render("en").endswith(f"missing here: pip install {library}")


def test_reader_libraries_load_only_when_used():
    code = ("import sys, nianbao.cli, nianbao.ingest, nianbao.readers; "
            "print(sorted(m for m in ('docx', 'lxml', 'pdfplumber') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_office_files_are_report_files():
    from nianbao.readers import READERS

    assert set(READERS) <= REPORT_SUFFIXES
    for name in ("a.docx", "a.html", "a.HTM", "a.pdf", "a.txt"):
        assert is_report_file(Path(name))
    assert not is_report_file(Path("a.doc"))


# ------------------------------------------------------------------------------- .docx


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(path)


def _lines(source) -> list[str]:
    return source.text.split("\n")[:-1]


def test_docx_origin_of_every_line(tmp_path: Path):
    def build(d):
        d.add_paragraph("一、总体情况")
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "信息内容", "本年制发件数"
        table.cell(1, 0).text, table.cell(1, 1).text = "规章", "0"
        d.add_paragraph("二、主动公开政府信息情况")

    source = _read(tmp_path, "r.docx", _docx_bytes(build))
    assert _lines(source) == ["一、总体情况", "", "信息内容\t本年制发件数", "规章\t0", "", "二、主动公开政府信息情况"]
    assert source.origin == ["paragraph 1", "table 1", "table 1 row 1", "table 1 row 2", "table 1", "paragraph 2"]
    assert source.encoding == "docx"


def test_docx_sample_table_rows_say_where_they_came_from():
    source = read_source(SAMPLES / "docx" / "2021_cells_clean.docx")
    line = next(i for i, text in enumerate(_lines(source)) if text.startswith("一、本年新收政府信息公开申请数量\t"))
    assert re.fullmatch(r"table \d+ row \d+", source.origin[line])


def test_docx_merged_cells_fill_the_grid(tmp_path: Path):
    def build(d):
        table = d.add_table(rows=3, cols=4)
        table.cell(0, 0).merge(table.cell(1, 1)).text = "申请人情况"    # 2×2: gridSpan and vMerge
        table.cell(0, 2).merge(table.cell(0, 3)).text = "法人或其他组织"  # gridSpan 2
        table.cell(1, 2).text, table.cell(1, 3).text = "商业企业", "科研机构"
        row = table.rows[2].cells
        row[0].text = "一、本年新收"
        row[1].text, row[2].text, row[3].text = "1", "2", "3"

    source = _read(tmp_path, "m.docx", _docx_bytes(build))
    assert _lines(source)[1:4] == ["申请人情况\t\t法人或其他组织\t", "\t\t商业企业\t科研机构", "一、本年新收\t1\t2\t3"]


def test_docx_cell_line_breaks_are_joined(tmp_path: Path):
    def build(d):
        table = d.add_table(rows=2, cols=2)
        cell = table.cell(0, 0)
        run = cell.paragraphs[0].add_run("结果")
        run.add_break()
        run.add_text("维持")
        cell.add_paragraph("（一审）")
        table.cell(0, 1).text = "1"
        latin = table.cell(1, 0)
        latin.paragraphs[0].add_run("Total")
        latin.add_paragraph("count")
        table.cell(1, 1).text = "2"
        paragraph = d.add_paragraph("第一行")
        paragraph.runs[0].add_break()
        paragraph.add_run("第二行")

    source = _read(tmp_path, "b.docx", _docx_bytes(build))
    assert _lines(source)[1:3] == ["结果维持（一审）\t1", "Total count\t2"]
    assert _lines(source)[4:] == ["第一行", "第二行"]
    assert source.origin[4:] == ["paragraph 1", "paragraph 1"]


def test_docx_nested_table_rows_follow_the_row_holding_them(tmp_path: Path):
    def build(d):
        outer = d.add_table(rows=2, cols=2)
        outer.cell(0, 0).text, outer.cell(0, 1).text = "甲", "乙"
        inner = outer.cell(0, 1).add_table(rows=1, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "内1", "内2"
        outer.cell(1, 0).text, outer.cell(1, 1).text = "丙", "丁"

    source = _read(tmp_path, "n.docx", _docx_bytes(build))
    assert _lines(source)[1:4] == ["甲\t乙", "内1\t内2", "丙\t丁"]
    assert source.origin[1:4] == ["table 1 row 1", "table 1 row 1 table 1 row 1", "table 1 row 2"]


def test_docx_body_order_and_what_is_left_out(tmp_path: Path):
    def build(d):
        d.add_paragraph("前言")
        d.add_table(rows=1, cols=2).cell(0, 0).text = "表"
        d.add_paragraph("后记")
        d.sections[0].footer.paragraphs[0].text = "— 1 —"
        d.sections[0].header.paragraphs[0].text = "某县人民政府文件"
        deleted = d.add_paragraph("保留")
        deleted._p.append(docx.oxml.parse_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'))

    source = _read(tmp_path, "o.docx", _docx_bytes(build))
    assert _lines(source) == ["前言", "", "表\t", "", "后记", "保留"]


# Word list numbering: a numbering.xml of our own, paragraphs that refer to it.
_LEVELS = {
    "chapters": [("chineseCounting", "%1、", "nothing"), ("chineseCounting", "（%2）", "nothing"),
                 ("decimal", "%3.", "nothing")],
    "paren": [("decimalEnclosedParen", "%1", "nothing")],
    "stems": [("ideographTraditional", "%1、", "nothing")],
    "thousand": [("chineseCountingThousand", "第%1部分", "space")],
    "bullets": [("bullet", "•", "tab")],
    "custom": [("cardinalText", "%1", "tab")],
}


def _numbered_docx(paragraphs: list[tuple[str, str | None, int]], extra_nums: str = "",
                   style_numbered: bool = False) -> bytes:
    """A document whose paragraphs (text, list name or numId, level) are numbered by Word.
    With `style_numbered`, Heading 1 and Heading 2 carry the "chapters" list in their
    style, each linked to its level (w:lvl/w:pStyle), as Word's multilevel headings do;
    and a list style "ReportList" points at it (w:numStyleLink, numId 60)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    names = list(_LEVELS)

    def build(d):
        numbering = d.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        for a, name in enumerate(names, 1):
            levels = "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                + (f'<w:pStyle w:val="Heading{i + 1}"/>' if style_numbered and name == "chapters" else "")
                + f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/></w:lvl>'
                for i, (fmt, text, suff) in enumerate(_LEVELS[name]))
            numbering.append(parse_xml(
                f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{a}">{levels}</w:abstractNum>'))
        if style_numbered:
            numbering.append(parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="60">'
                                       '<w:numStyleLink w:val="ReportList"/></w:abstractNum>'))
        for a, _ in enumerate(names, 1):
            numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{a}"><w:abstractNumId w:val="{a}"/></w:num>'))
        for xml in filter(None, extra_nums.split("|")):
            numbering.append(parse_xml(xml.replace("<w:num ", f'<w:num xmlns:w="{W_NS}" ')))
        if style_numbered:
            numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="60"><w:abstractNumId w:val="60"/></w:num>'))
            list_style = d.styles.add_style("ReportList", WD_STYLE_TYPE.LIST)
            for style in (d.styles["Heading 1"], d.styles["Heading 2"], list_style):
                style.element.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="1"/></w:numPr>'))
        for text, lst, level in paragraphs:
            if lst in ("Heading 1", "Heading 2"):
                d.add_paragraph(text, style=lst)
                continue
            paragraph = d.add_paragraph(text)
            if lst is not None:
                num_id = str(names.index(lst) + 1) if lst in names else lst
                paragraph._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    return _docx_bytes(build)


def test_word_numbered_section_headings_are_recovered():
    path = SAMPLES / "docx" / "000_e183fea0d8446ead.docx"
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<w:numPr>" in xml and "三、收到和处理" not in xml  # Word draws the number
    source = read_source(path)
    assert "三、收到和处理政府信息公开申请情况" in _lines(source)
    assert [s.number for s in parse(source).sections] == [1, 2, 3, 4, 5, 6]
    assert not source.notes


def test_word_numbering_levels_restart_under_each_heading(tmp_path: Path):
    data = _numbered_docx([
        ("总体情况", "chapters", 0), ("主动公开", "chapters", 1), ("依申请公开", "chapters", 1),
        ("要点", "chapters", 2), ("收到和处理", "chapters", 0), ("申请情况", "chapters", 1),
        ("正文", None, 0), ("存在的主要问题", "chapters", 0),
    ])
    assert _lines(_read(tmp_path, "n.docx", data)) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "1.要点", "二、收到和处理", "（一）申请情况",
        "正文", "三、存在的主要问题"]


def test_word_numbering_formats(tmp_path: Path):
    data = _numbered_docx([
        ("甲项", "paren", 0), ("乙项", "paren", 0), ("天干一", "stems", 0), ("天干二", "stems", 0),
        ("总则", "thousand", 0), ("要点", "bullets", 0),
    ])
    assert _lines(_read(tmp_path, "f.docx", data)) == [
        "⑴甲项", "⑵乙项", "甲、天干一", "乙、天干二", "第一部分 总则", "要点"]


def test_word_numbering_restarts_with_start_override_and_continues_otherwise(tmp_path: Path):
    restart = ('<w:num w:numId="50"><w:abstractNumId w:val="2"/>'
               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
               '|<w:num w:numId="51"><w:abstractNumId w:val="2"/></w:num>')
    data = _numbered_docx([("一", "paren", 0), ("二", "paren", 0), ("重新", "50", 0), ("接着", "51", 0)],
                          extra_nums=restart)
    assert _lines(_read(tmp_path, "r.docx", data)) == ["⑴一", "⑵二", "⑴重新", "⑵接着"]


def test_word_numbering_from_paragraph_styles_and_list_styles(tmp_path: Path):
    data = _numbered_docx([
        ("总体情况", "Heading 1", 0), ("主动公开", "Heading 2", 0), ("依申请公开", "Heading 2", 0),
        ("主动公开政府信息情况", "Heading 1", 0), ("规章", "Heading 2", 0), ("经由列表样式", "60", 0),
    ], style_numbered=True)
    assert _lines(_read(tmp_path, "s.docx", data)) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况", "（一）规章",
        "三、经由列表样式"]


def test_unrecoverable_word_numbering_keeps_the_text_and_says_so(tmp_path: Path):
    data = _numbered_docx([("未定义", "77", 0), ("自定义格式", "custom", 0)])
    source = _read(tmp_path, "u.docx", data)
    assert _lines(source) == ["未定义", "自定义格式"]
    assert len(source.notes) == 2
    first, second = (n.render("en") for n in source.notes)
    assert "paragraph 1" in first and "numId 77" in first
    assert "cardinalText" in second


# ------------------------------------------------------------------------------- .html

_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>年度报告_某县人民政府</title><script>var a = "<p>不是正文</p>";</script>
<style>p {{ color: red }}</style></head>
<body>
<div id="header"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li>
<li><a href="/b">政务服务</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/x">信息公开</a></div>
<div class="main">
<h1>某县2023年政府信息公开工作年度报告</h1>
<div class="info">发布时间：2024-01-20 来源：县政府办</div>
<div id="zoom" class="TRS_Editor">
<p>&nbsp;&nbsp;&nbsp;&nbsp;一、总体<span>情况</span></p>
<p>　　2023年，某县政府坚持
以公开为常态。<br>联系电话：0839-1234567</p>
<table border="1">
<tr><td rowspan="2" colspan="2">申请人情况</td><td colspan="2">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td></tr>
<tr><td>三、本年度<br>办理结果</td><td>（一）予以公开</td><td>1</td><td>&nbsp;</td><td>2</td></tr>
</table>
<div class="bdsharebuttonbox">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ</a></div>
</div>
</div>
<div class="footer"><p>主办单位：某县人民政府办公室 地址：某县人民路1号</p></div>
</body></html>
"""


def test_html_article_is_found_and_laid_out(tmp_path: Path):
    source = _read(tmp_path, "p.html", _PAGE.format(charset="utf-8").encode("utf-8"))
    assert _lines(source) == [
        "某县2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，某县政府坚持以公开为常态。",
        "联系电话：0839-1234567",
        "",
        "申请人情况\t\t法人或其他组织\t\t总计",
        "\t\t商业企业\t科研机构\t",
        "三、本年度办理结果\t（一）予以公开\t1\t\t2",
        "",
    ]
    assert source.encoding == "html:utf-8"
    assert source.origin[0].startswith("page title")
    assert source.origin[5].startswith("table 1 row 1")


@pytest.mark.parametrize(("charset", "encoding"), [("gb2312", "gbk"), ("GBK", "gb18030"), ("utf-8", "gbk")])
def test_html_charset_declared_or_found(tmp_path: Path, charset: str, encoding: str):
    page = _PAGE.format(charset=charset).replace("某县", "𠀋县" if encoding == "gb18030" else "某县")
    source = _read(tmp_path, "c.html", page.encode(encoding))
    assert source.encoding == "html:gb18030"
    assert "一、总体情况" in _lines(source)


def test_html_with_a_bom(tmp_path: Path):
    source = _read(tmp_path, "b.htm", b"\xef\xbb\xbf" + "<p>二、主动公开政府信息情况</p>".encode())
    assert _lines(source) == ["二、主动公开政府信息情况"]


def test_html_gbk_sample_reads_as_its_text():
    path = SAMPLES / "html" / "2021_cells_clean_gbk.html"
    assert b"charset=gb2312" in path.read_bytes()[:2000]
    assert read_source(path).encoding == "html:gb18030"


# -------------------------------------------------------------------------------- .pdf

def test_pdf_lines_say_which_page_and_table_they_came_from():
    source = read_source(SAMPLES / "pdf" / "2021_cells_clean.pdf")
    assert source.encoding == "pdf"
    assert source.origin[0] == "page 1"
    assert any(re.fullmatch(r"page \d+ table \d+ row \d+", o) for o in source.origin)
    assert not any(re.fullmatch(r"(第\s*\d+\s*页.*|[-—]\s*\d+\s*[-—])", line) for line in _lines(source))
