"""Lines a copy broke inside a sentence are read joined (linebreaks.py), and every
finding still points at the document's own line and column.

The wrapped texts here are the project's own reports wrapped as a PDF viewer's copy
wraps them: every line of prose cut at one width (a typesetter's way: no line opens
with a heading's number or a space, and a line that ends a sentence ends the paragraph
in the copy too), the tables left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from nianbao.api import check, check_text
from nianbao.ingest import decode, normalise_newlines, plain_text, read_source
from nianbao.linebreaks import _ENDS_ITSELF, _OWN_START, _width, joined_lines
from nianbao.spacing import original_offset

SEEDS = sorted((ROOT / "samples" / "real").glob("*.txt"))
REGRESSION = sorted((ROOT / "tests" / "regression" / "reports").glob("*.txt"))


def _text(path: Path) -> str:
    return normalise_newlines(decode(path.read_bytes())[0])


def _line_ends(text: str) -> set[int]:
    """Where a text's line ends stand, counted in the characters that are not line ends."""
    return {at - k for k, at in enumerate(i for i, ch in enumerate(text) if ch == "\n")}


def _wrapped(text: str, width: int) -> str:
    """The text with every line of prose wider than `width` cut into lines of that width
    as printed (an ASCII letter, digit or space half a Chinese character), a line not
    ending a sentence, a title or a heading, nor the next opening a line of its own;
    table rows (TABs, bars) as they are."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" in line or "|" in line or "｜" in line or _width(line) <= width:
            out.append(line)
            continue
        while _width(line) > width:
            cut = 0
            while _width(line[:cut + 1]) <= width:
                cut += 1
            while (_ENDS_ITSELF.search(line[:cut]) or line[cut - 1].isspace() or line[cut].isspace()
                   or _OWN_START.match(line, cut)):
                cut -= 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


# The regression set's reports kept as a copy wrapped them (their manifest entries say how)
WRAPPED = {"2014_jiangmen_highway_bureau", "2012_beijing_statistics_bureau", "2023_zhangqiu_culture_tourism_bureau",
           "2018_ruian_city_government"}


@pytest.mark.parametrize("path", SEEDS + REGRESSION, ids=lambda p: p.name)
def test_a_text_whose_lines_are_whole_is_read_as_it_is(path: Path):
    """No line of a report as published (the seeds, the regression set's real reports:
    web pages, one cell a line, titles over lines, lists) is joined to another; those a
    copy wrapped are read joined (as a text is read: a mirror's glosses left out first)."""
    breaks = read_source(path).breaks
    if path.stem in WRAPPED:
        assert len(breaks) > 10
    else:
        assert breaks == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("width", [28, 40])
def test_a_report_wrapped_at_the_page_s_width_is_read_as_the_report(path: Path, width: int):
    """Wrapped at the width of a PDF's page (三号 type: 28 characters; a mirror's 40), a
    report is read as it was, gives the findings it gives whole, and each finding points
    at the characters of the wrapped document."""
    text = _text(path)
    wrapped = _wrapped(text, width)
    assert wrapped.count("\n") > text.count("\n") + 10
    joined, gaps, breaks = joined_lines(wrapped)
    assert joined.replace("\n", "") == text.replace("\n", "")
    # every line end the wrap put in is taken out, and (of the report's own) only one a
    # Word document's copy put inside a sentence (上馆镇's 全面推 / 进政务公开工作)
    assert _line_ends(joined) <= _line_ends(text) and len(_line_ends(text) - _line_ends(joined)) <= 1
    assert all(wrapped[original_offset(i, gaps)] == ch for i, ch in enumerate(joined))

    def findings(result) -> Counter:  # (a message naming other lines: those lines differ)
        return Counter((v.rule, v.severity, re.sub(r"line\(s\) [\d, ]+", "", v.message("en"))) for v in result.violations)

    whole, cut = check(path), check_text(wrapped, path=path.name)
    assert findings(cut) == findings(whole)
    lines = wrapped.split("\n")
    for v in cut.violations:
        span = v.span
        if span.end > span.start:  # the first and the last character, where the document has them
            assert lines[span.line - 1][span.column - 1] == cut.report.text[span.start], v
            assert lines[span.end_line - 1][span.end_column - 2] == cut.report.text[span.end - 1], v
    assert any(n.key == "note.joined_lines" for n in cut.report.notes)


WRAPPED_INTRODUCTION = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，现公布青石\n"
    "县交通运输局2014年政府信息公开工作年度报告。本报告由概述、主动公开政府信息情\n"
    "况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请\n"
    "行政复议和提起行政诉讼的情况、存在的主要问题和改进措施六部分组成，统计期限为\n"
    "2014年1月1日至2014年12月31日。\n"
    "一、概述\n"
    "2014年，我局认真贯彻落实《条例》及省、市政府信息公开工作有关精神，按照“以公\n"
    "开为原则，不公开为例外”的要求，积极做好政府信息公开工作，进一步规范公开内容、\n"
    "完善公开制度，全年运行正常，咨询、申请和答复工作均得到顺利开展。\n"
    "（一）健全工作机制。我局将政府信息公开作为转变职能、建设人民满意机关的一项重\n"
    "要工作，明确由局办公室牵头，各科室协调配合，形成主要领导亲自抓、分管领导具体\n"
    "抓的工作格局。\n"
)


def test_a_wrapped_introduction_is_read_through_its_breaks():
    """The body, the year and the period of an introduction wrapped at the page's width
    (a mirror's copy of a PDF, as 江门市公路局's 2014 report reads on one): the body and
    the report are named across a line end."""
    source = plain_text("wrapped.txt", WRAPPED_INTRODUCTION)
    lines = source.text.split("\n")
    assert lines[0].endswith("现公布青石县交通运输局2014年政府信息公开工作年度报告。本报告由概述、主动公开政府信息情况、"
                             "依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、"
                             "存在的主要问题和改进措施六部分组成，统计期限为2014年1月1日至2014年12月31日。")
    assert lines[1] == "一、概述"  # (a heading stands alone)
    assert lines[3].startswith("（一）健全工作机制。") and lines[3].endswith("分管领导具体抓的工作格局。")
    result = check_text(WRAPPED_INTRODUCTION)
    report = result.report
    assert report.issuer is not None and report.issuer.name == "青石县交通运输局"
    assert report.year == 2014
    period = report.period
    assert period is not None and (period.span.line, period.span.column) == (5, 1)


FIGURE_LINES = (
    "依据《中华人民共和国政府信息公开条例》（国务院令第\n"
    "492\n"
    "号）有关规定，编制本年度报告。本年度报告中所列数据的统计期限为\n"
    "2011\n"
    "年\n"
    "1\n"
    "月\n"
    "1\n"
    "日至\n"
    "2011\n"
    "年\n"
    "12\n"
    "月\n"
    "31\n"
    "日。\n"
)


def test_figures_on_lines_of_their_own_are_read_in_their_sentence():
    """A web page whose figures were elements of their own, copied a figure a line."""
    joined, gaps, breaks = joined_lines(FIGURE_LINES)
    assert joined == ("依据《中华人民共和国政府信息公开条例》（国务院令第492号）有关规定，编制本年度报告。"
                      "本年度报告中所列数据的统计期限为2011年1月1日至2011年12月31日。\n")
    assert len(breaks) == 14
    report = check_text(FIGURE_LINES).report
    period = report.period
    assert (period.start.year, period.end.month, period.end.day) == (2011, 12, 31)
    assert (period.span.line, period.span.column, period.span.end_line, period.span.end_column) == (4, 1, 15, 2)


def test_a_heading_before_a_figure_stays_a_heading():
    """A paragraph that opens with its year on a line of its own, under its heading: the
    year joins the paragraph, not the heading."""
    text = "一、基本情况概述\n2011\n年，我县认真贯彻《条例》。\n" + FIGURE_LINES
    joined = joined_lines(text)[0]
    assert joined.startswith("一、基本情况概述\n2011年，我县认真贯彻《条例》。\n")
    assert check_text(text).report.sections[0].number == 1


@pytest.mark.parametrize("text", [
    # a table set a cell a line: a figure, then the next row's label
    "信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n3\n行政规范性文件\n5\n1\n12\n",
    # one figure alone, in a phrase (FIGURE_LINES: at least two)
    "统计期限为\n2023\n年1月1日至2023年12月31日。\n",
    # a table of contents: its entries padded to one width by their leaders (a real 2019 page, round 680)
    "目录\n" + "".join(f"{entry} {'.' * (52 - 2 * len(entry))} {page}\n" for entry, page in (
        ("一、总体情况", 1), ("（一）围绕机制保障强化公开，全面加强政务公开能力建设", 1), ("一是健全工作机制", 1),
        ("二是完善工作制度。", 2), ("三是规范政策性文件管理。", 3), ("四是强化工作考核。", 3),
        ("（二）围绕政策解读创新公开，强化政策发布解读时效", 4), ("一是厅领导带头宣讲政策。", 4),
        ("二是创新形式解读政策。", 6), ("三是疫情期间创新服务举措。", 7), ("（三）围绕重点领域深化公开", 8),
        ("一是落实重大决策预公开。", 8), ("二是搭建交通运输政务公开网上服务平台。", 8))),
    # short lines of a list, each whole
    "（一）主动公开情况\n（二）依申请公开情况\n1.规章\n2.规范性文件\n第一部分 总体情况\n",
])
def test_lines_that_are_whole_stay_apart(text: str):
    assert joined_lines(text) == (text, [], [])


def test_a_table_s_rows_set_apart_by_spaces_stay_rows():
    """A table's header rows, their cells set apart by spaces, as wide as the prose wrapped
    under them (a flipbook's page, round 681): the prose is joined, no row to another."""
    rows = ("四、因政府信息公开工作被申请行政复议提起行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
            "结果 结果 其他 尚未 总\n维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总\n"
            "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n")
    prose = ("总结我局本年度政府信息公开工作，公开信息数量明显增加，公开形式更加规范，但仍存在以下问题：一是组织建设仍需改进，"
             "政府信息公开工作业务骨干以兼职为主，队伍建设整体不够稳定，法律、互联网及相关业务领域的专业人员配备不足；"
             "二是由于信访工作的特殊性，我局产生的政府信息大多属于不公开发布的信息内容，政府信息公开内容较少，不够丰富，"
             "与公众的需求还存在一些差距。针对以上问题，我局将加大培训力度，制定业务培训计划和考核考评办法，分级组织实施。")
    text = rows + "五、政府信息公开工作存在的主要问题及改进情况\n" + _wrapped(prose, 29) + "\n"
    assert joined_lines(text)[0] == rows + "五、政府信息公开工作存在的主要问题及改进情况\n" + prose + "\n"


def test_a_list_of_documents_at_one_width_stays_a_list():
    """Titles of documents a line each, about as long as each other, none ending a
    sentence, in a report whose paragraphs run past their width: not a wrapped text."""
    text = _text(SEEDS[0])
    listed = "".join(f"关于印发青石县2023年{topic}的通知\n" for topic in (
        "政务公开工作要点", "政府信息公开工作方案", "基层政务公开标准目录", "重点领域信息公开清单",
        "政务新媒体管理办法", "政府网站信息发布规定", "依申请公开办理规程", "政策解读工作细则"))
    at = text.index("\n", len(text) // 3) + 1
    listed_text = text[:at] + listed + text[at:]
    assert joined_lines(listed_text) == (listed_text, [], [])


def test_a_pdf_viewer_s_copy_reads_its_sentences_whole():
    """The layout sample copied out of a PDF viewer (tests/data/layouts): its wrapped
    paragraphs, their figures set apart by spaces (2023 年 1 月 1 日起至…: no row of a
    table, words and figures in turn), are read whole; its tables' rows stay rows."""
    from nianbao.ingest import read_source

    source = read_source(ROOT / "tests" / "data" / "layouts" / "copied_from_pdf.txt")
    assert "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。" in source.text
    assert "请与青石镇党政综合办公室联系，联系地址：云岭县青石镇府前路18号；邮编：671505；联系电话：0879-6231458；" in source.text
    assert len(source.breaks) == 24


def test_a_wrapped_copy_with_pinyin_glosses_is_joined_as_printed():
    """A mirror's copy that glosses characters with pinyin (公(gōng)开(kāi)) and keeps a
    PDF's line ends: the glosses are left out before the lines are measured (they make a
    line look wider than it was printed), and every position stays the document's."""
    glossed = WRAPPED_INTRODUCTION.replace("公", "公(gōng)").replace("报", "报(bào)")
    plain, source = plain_text("wrapped.txt", WRAPPED_INTRODUCTION), plain_text("glossed.txt", glossed)
    assert source.text == plain.text and len(source.breaks) == len(plain.breaks) > 0
    result = check_text(glossed)
    lines = glossed.split("\n")
    for v in result.violations + [result.report.period]:
        span = v.span
        assert lines[span.line - 1][span.column - 1] == result.report.text[span.start]


def test_a_page_s_number_between_two_pages_is_no_part_of_the_sentence():
    """A PDF's copy keeps the page's number on a line of its own where one page ends and
    the next begins (a regression helper's probe on 章丘区文化和旅游局 2023): the line before
    does not run on into it (…对3)."""
    lines = WRAPPED_INTRODUCTION.split("\n")
    numbered = "\n".join(lines[:7] + ["3"] + lines[7:])
    joined = joined_lines(numbered)[0].split("\n")
    assert "3" in joined and not any(line.endswith("“以公3") for line in joined)


# A forum's copy of a web page whose inline elements each came out on a line of their own (a real page, round 703)
FRAGMENTED = (
    "某区2009年政府信息公开工作年度报告\n"
    "本年度报告是根据《中华人民共和国政府信息公开条例》\n"
    "(以下简称《条例》\n"
    ")和《市政府信息公开规定》\n"
    "(以下简称《规定》\n"
    ")要求编制。\n"
    "一、概述\n"
    "根据《规定》要求,年\n"
    "5月1日起,本区开始开展政府信息公开工作。为此,专门配备了\n"
    "132名专、兼职工作人员,设立了\n"
    "50个专门的信息申请受理点\n"
    ";开辟了区档案馆作为区政府信息公开公共查阅中心。\n"
    "二、主动公开政府信息情况\n"
    "本区到年底累计主动公开政府信息\n"
    "5928\n"
    "条,全文电子化率达\n"
    "90.3%\n"
    ",其中,本年度新增主动公开政府信息\n"
    "2110\n"
    "条。\n"
)


def test_a_line_that_opens_with_a_closing_mark_continues_the_line_before():
    """)和《…》 after (以下简称《条例》, ;开辟了… after a clause, ,其中… after a figure: no line of
    its own opens so; in a text broken a figure a line, a figure with its unit opening a line
    (132名…, 5月1日起…) runs on from a phrase left open too. The year left out of 年5月1日
    is then seen (META-016), as on the page."""
    joined = joined_lines(FRAGMENTED)[0].split("\n")
    assert joined[2:4] == ["(以下简称《条例》)和《市政府信息公开规定》", "(以下简称《规定》)要求编制。"]
    assert joined[5] == ("根据《规定》要求,年5月1日起,本区开始开展政府信息公开工作。为此,专门配备了132名专、兼职工作人员,"
                         "设立了50个专门的信息申请受理点;开辟了区档案馆作为区政府信息公开公共查阅中心。")
    assert joined[7] == "本区到年底累计主动公开政府信息5928条,全文电子化率达90.3%,其中,本年度新增主动公开政府信息2110条。"
    blank_year = [v for v in check_text(FRAGMENTED).violations if v.rule == "META-016"]
    assert [(v.span.line, v.span.column) for v in blank_year] == [(8, 10)]


@pytest.mark.parametrize("text", [
    # a mirror's ? for characters it lost, opening a line under the title
    "某区管委会2021年政府信息公开工作年度报告\n????????某区管委会\n??2021年政府信息公开工作年度报告\n",
    # a table's row, its cells set apart by TABs
    "信息内容\t本年制发件数\n,规章\t0\n",
    # a figure and its unit opening a line in a text not broken a figure a line
    "专门配备了\n132名专、兼职工作人员。\n",
])
def test_lines_a_mark_or_a_figure_opens_stay_apart_where_no_copy_broke_them(text: str):
    assert joined_lines(text) == (text, [], [])
