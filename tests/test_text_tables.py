"""Tables in a text report as text taken from a web page has them (docs/check.md,
"Tables in a text report").

Through the public surface: `nianbao.check` on the bar sample and `check_text` on the
TSV samples rewritten here, with bars (one row per line, a bar after each cell; and
Markdown, a bar first and a rule under the header), and with their cells one per line
(rows rebuilt from the template). A report must read the same whichever way its tables
were written, with every violation at the file's own line and column; a table whose
rows cannot be told apart is said once to be unreadable (TABLE-018), never missing.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from conftest import ROOT, SYNTHETIC

import nianbao
from nianbao.api import check_text
from nianbao.ingest import plain_text
from nianbao.pipetables import pipe_tables
from nianbao.text import LineIndex

TSV_SAMPLES = ["2021_tsv_clean.txt", "2019_tsv_clean.txt", "2021_tsv_noisy.txt"]
CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def with_bars(text: str, markdown: bool = False) -> str:
    """Every TAB row of a report written with bars instead."""
    out = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("\t")]
        if markdown:
            out.append("| " + " | ".join(cells) + " |")
            if not out[-2].startswith("|"):  # the first row of a table: its header rule
                out.append("|" + "---|" * len(cells))
        else:
            out.append("".join(f"{c} | " if c else "| " for c in cells).rstrip())
    return "\n".join(out)


def findings(result) -> list[tuple[str, int, str]]:
    assert result.ok, result.error
    assert not result.rule_errors, result.rule_errors
    return [(v.rule, v.span.line, v.message("en")) for v in result.violations]


def tables(result) -> list[tuple[str | None, list]]:
    return [(t.template, [(r.template_row, [c.value for c in r.cells]) for r in t.rows]) for t in result.report.tables]


def test_the_bar_sample_reads_clean():
    result = nianbao.check(SYNTHETIC / "2021_bars_clean.txt")
    assert findings(result) == []
    assert [t.template for t in result.report.tables] == ["active", "applications", "appeals"]
    assert all(t.header_confirmed and not t.problems for t in result.report.tables)


def test_bars_and_tabs_read_the_same(rules):
    for name in TSV_SAMPLES:
        text = (SYNTHETIC / name).read_text(encoding="utf-8")
        tabs = check_text(text, rules=rules)
        for markdown in (False, True):
            bars = check_text(with_bars(text, markdown), rules=rules)
            assert tables(bars) == tables(tabs), (name, markdown)
            if markdown:  # (the Markdown rules add lines, so the line numbers move)
                assert [(r, m) for r, _, m in findings(bars)] == [(r, m) for r, _, m in findings(tabs)], name
            else:
                assert findings(bars) == findings(tabs), name


def _labels_on_lines_of_their_own(text: str) -> str:
    """with_bars(text), each row of labels and values broken after its last label
    (规章 | then 0 | 0 | 0 |), as a real 2021 page of 赫章县交通运输局 has it (round 575)."""
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        values = next((k for k in range(len(cells)) if all(re.fullmatch(r"[\d.]+", c) for c in cells[k:])), None)
        if "\t" in line and values and cells[values - 1]:
            out += ["".join(f"{c} | " if c else "| " for c in cells[:values]).rstrip(),
                    " | ".join(cells[values:]) + " |"]
        else:
            out.append(with_bars(line))
    return "\n".join(out)


def test_a_row_s_values_on_the_line_under_its_label_are_its_values(rules):
    """Not a blank row and a line of values that is no row of the format (TABLE-009, TABLE-013)."""
    for name in TSV_SAMPLES:
        text = (SYNTHETIC / name).read_text(encoding="utf-8")
        broken = _labels_on_lines_of_their_own(text)
        assert broken.count("\n") > with_bars(text).count("\n") + 10, name
        tabs, bars = check_text(text, rules=rules), check_text(broken, rules=rules)
        assert tables(bars) == tables(tabs), name
        assert [(r, m) for r, _, m in findings(bars)] == [(r, m) for r, _, m in findings(tabs)], name
    # (a label's row whose values stand on no line of their own stays blank)
    text = (SYNTHETIC / TSV_SAMPLES[0]).read_text(encoding="utf-8")
    rows = dict(tables(check_text(with_bars(text).replace("规章 | 0 | 0 | 0 |", "规章 | | | |"), rules=rules))[0][1])
    assert rows["item1.regulations"] == [0, 0, 0]


def test_a_wrong_total_is_found_at_its_cell_in_the_file(rules):
    text = (SYNTHETIC / "2021_bars_clean.txt").read_text(encoding="utf-8")
    row = "一、本年新收政府信息公开申请数量 | | 6 | 2 | 0 | 0 | 1 | 0 | 9 |"
    assert row in text
    text = text.replace(row, row.replace("| 9 |", "| 8 |"))
    [v] = [v for v in check_text(text, rules=rules).violations if v.rule == "SUM-002"]
    line = text.split("\n")[v.span.line - 1]
    assert line.startswith("一、本年新收")
    assert line[v.span.column - 1:v.span.end_column - 1] == "8"
    assert text[v.span.start:v.span.end] == "8"


def test_the_rewrite_keeps_every_line_and_column():
    text = (SYNTHETIC / "2021_bars_clean.txt").read_text(encoding="utf-8")
    rewritten, count = pipe_tables(text)
    assert count == 3
    assert len(rewritten) == len(text)
    for before, after in zip(text, rewritten):
        assert before == after or (before in "|｜" and after in "\t ")
    assert "|" not in rewritten


def test_a_source_says_its_tables_were_written_with_bars():
    source = plain_text("x.txt", (SYNTHETIC / "2021_bars_clean.txt").read_text(encoding="utf-8"))
    assert [n.render("en") for n in source.notes] == ["3 table(s) written with vertical bars (|) read as TAB-separated rows"]
    assert [n.render("zh") for n in source.notes] == ["3张表格用竖线（|）分隔单元格，已按TAB分隔的行读取"]
    assert plain_text("y.txt", "一、总体情况\n本年度工作有序开展。\n").notes == []


def test_a_row_whose_closing_bar_stands_alone_on_the_next_line():
    """规章 | 0 | 0 | 0 / | (a real page's copy): the rows of 第二十条第（一）项 are read (TABLE-003
    had said the block was missing); a lone bar under a cell of its own (信息内容 |) stays
    as it was, and a copy cut off inside its last row is no row closed."""
    text = ("第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 1\n|\n"
            "行政规范性文件 | 2 | 0 | 5\n|\n")
    rewritten, count = pipe_tables(text)
    assert count == 1 and len(rewritten) == len(text)
    assert rewritten.split("\n")[2:6] == ["规章 \t 0 \t 0 \t 1", " ", "行政规范性文件 \t 2 \t 0 \t 5", " "]
    assert pipe_tables("信息内容 |\n|\n规章 |\n")[1] == 0
    assert pipe_tables("规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0\n")[0].endswith("行政规范性文件 | 1 | 0\n")


def test_markdown_rules_and_edges():
    text = "| 信息内容 | 本年处理决定数量 | |\n|---|---|---|\n| 行政许可 | 3 | |\n"
    rewritten, count = pipe_tables(text)
    assert count == 1
    assert rewritten.split("\n") == ["  信息内容 \t 本年处理决定数量 \t  ", " " * 13, "  行政许可 \t 3 \t  ", ""]


def test_an_empty_first_cell_stays_a_cell():
    text = "三、本年度办理结果 | （一）予以公开 | 1 | 1 |\n| （二）部分公开 | 0 | 0 |\n"
    rewritten, _ = pipe_tables(text)
    assert [line.split("\t") for line in rewritten.split("\n")[:2]] == [
        ["三、本年度办理结果 ", " （一）予以公开 ", " 1 ", " 1  "], ["", " （二）部分公开 ", " 0 ", " 0  "]]


def test_bars_that_are_not_a_table_are_left_alone():
    prose = "一、总体情况\n网址：http://example.gov.cn/a|b，查询方式：电话|信函。\n"
    assert pipe_tables(prose) == (prose, 0)
    one_row = "信息内容 | 本年处理决定数量 |\n本年度工作有序开展。\n"
    assert pipe_tables(one_row) == (one_row, 0)
    # one cell per line: which cells make a row is lost, and guessing would misplace values
    cell_per_line = "信息内容 |\n本年制发件数 |\n本年废止件数 |\n规章 |\n0 |\n0 |\n||\n"
    assert pipe_tables(cell_per_line) == (cell_per_line, 0)
    # a line with a TAB of its own is a TAB row already
    tab_rows = "规章\t0 | 1\t0\n行政规范性文件\t0 | 2\t0\n"
    assert pipe_tables(tab_rows) == (tab_rows, 0)


@given(st.text(alphabet=st.sampled_from("|｜ \u3000\t\nab0一-:"), max_size=200))
@example("|0|0\n\t|0|")  # (a row indented by a TAB: its TAB made a space, found by a random run)
def test_any_text_keeps_its_length_and_changes_only_bars(text):
    """Only bars change (to TABs or spaces), a Markdown rule's dashes and colons (to spaces),
    and the TABs that indent a row rewritten (to spaces: a page's indentation, not cells)."""
    rewritten, _ = pipe_tables(text)
    assert len(rewritten) == len(text)
    assert all(a == b or (a in "|｜" and b in "\t ") or (a in "-:" and b == " ") or (a == "\t" and b == " ")
               for a, b in zip(text, rewritten))
    assert rewritten.count("\n") == text.count("\n")


def test_prose_figures_are_compared_with_a_bar_table(rules):
    """A narrative check needs the table read: ZERO-001 on a bar table."""
    text = ("某县某局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局未收到政府信息公开申请。\n"
            "三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"
            "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    assert [(v.rule, v.span.line) for v in check_text(text, rules=rules).violations if v.rule == "ZERO-001"] == [
        ("ZERO-001", 3)]
    assert re.search(r"\t", plain_text("t", text).text)


# ------------------------------------------------------------------ cells one per line

def cells_one_per_line(text: str, bars: bool) -> str:
    """Every TAB row of a report with its cells one per line, as a web page copied as
    plain text has them: the cells with text only, or each cell followed by a bar (an
    empty one a bar alone)."""
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t")] if "\t" in line else None
        if cells is None:
            out.append(line)
        else:
            out += [f"{c} |" if c else "|" for c in cells] if bars else [c for c in cells if c]
    return "\n".join(out)


def without_a_cell(text: str) -> str:
    """The text with the first value line after each table's first row label taken out,
    as a copy that dropped a blank cell leaves it: that row one value short."""
    out, dropping = [], False
    for line in text.split("\n"):
        cell = line.strip(" |")
        if cell in ("规章", "一、本年新收政府信息公开申请数量", "行政复议"):
            dropping = True
        elif dropping and re.fullmatch(r"\d+(\.\d+)?", cell):
            dropping = False
            continue
        out.append(line)
    return "\n".join(out)


def test_a_table_with_its_cells_one_per_line_is_read_as_the_table(rules):
    """Each row label followed by exactly its columns' values, the header and every row
    the template's: the rows can be told apart, and the table reads as the TSV one does,
    with each cell at its own line of the text."""
    for name in TSV_SAMPLES:
        text = (SYNTHETIC / name).read_text(encoding="utf-8")
        expected = check_text(text, rules=rules)
        for bars in (False, True):
            flat = cells_one_per_line(text, bars)
            result = check_text(flat, rules=rules)
            assert tables(result) == tables(expected), (name, bars)
            assert [t.layout for t in result.report.tables] == ["lines"] * 3
            # (四、结转下年度继续办理, after the numbers of the row before, is a row, not a section)
            assert [(s.number, s.canonical) for s in result.report.sections] == [
                (s.number, s.canonical) for s in expected.report.sections]
            assert result.report.lost_tables == []
            assert sorted(v.rule for v in result.violations) == sorted(v.rule for v in expected.violations)
            lines = flat.split("\n")
            for t in result.report.tables:
                for row in t.rows:
                    for c in row.cells:
                        line = lines[c.span.line - 1]
                        assert line[c.span.column - 1:c.span.end_column - 1] == c.raw, (name, bars, c)


def test_real_reports_with_their_tables_one_cell_per_line_read_every_table(rules):
    """Three reports of the regression set as their pages have them (a bar after each cell,
    or blank lines between cells; one in traditional characters): every table read."""
    for name in ("2019_datonghu_kgx_dept.txt", "2020_hebao_town.txt", "2021_lueyang_zrzyj_dept.txt"):
        report = nianbao.check(ROOT / "tests" / "regression" / "reports" / name, rules=rules).report
        assert [(t.template, t.layout) for t in report.tables] == [
            ("active", "lines"), ("applications", "lines"), ("appeals", "lines")], name
        assert report.lost_tables == []


def test_a_table_whose_rows_cannot_be_told_apart_is_unreadable_not_missing(rules):
    """A row a value short (a blank cell the copy dropped): which column is blank cannot
    be known, so the table is not read at all, and said once to be unreadable."""
    for name in TSV_SAMPLES:
        text = (SYNTHETIC / name).read_text(encoding="utf-8")
        for bars in (False, True):
            flat = without_a_cell(cells_one_per_line(text, bars))
            result = check_text(flat, rules=rules)
            assert result.report.tables == [], (name, bars)
            assert sorted({v.rule for v in result.violations}) == ["TABLE-018"], (name, bars, findings(result))
            assert [v.severity for v in result.violations] == ["info"] * 3


def test_a_table_cut_short_is_unreadable_not_missing_rows(rules):
    """A table whose cells stand one per line and whose last rows stand apart (a page's
    running header between them, or the copy ends): not read, so no row is said missing."""
    text = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8")
    flat = cells_one_per_line(text, bars=False)
    cut = flat.replace("行政强制\n", "青岚县白沙镇人民政府2022年政府信息公开工作年度报告。\n行政强制\n", 1)
    result = check_text(cut, rules=rules)
    assert [t.template for t in result.report.tables] == ["applications", "appeals"]
    assert [(v.rule, v.severity) for v in result.violations] == [("TABLE-018", "info")]


def test_the_unreadable_table_is_found_where_its_first_label_stands(rules):
    text = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8")
    flat = without_a_cell(cells_one_per_line(text, bars=True))
    lines = flat.split("\n")
    spans = [v.span for v in check_text(flat, rules=rules).violations]
    assert [lines[s.line - 1] for s in spans] == ["第二十条第（一）项 |", f"{CAPTION} |", "行政复议 |"]
    assert all(lines[s.end_line - 1].strip() != "" for s in spans)


def test_a_page_s_menu_above_the_first_section_is_not_where_a_table_stands(rules):
    """A site's menu of document kinds above the report (地方性法规 / 规章 / 行政规范性文件, a
    real 2020 page of 宣城市气象局, round 375) names labels of section 二's table: the table
    that could not be read is said to stand in section 二, where its labels are."""
    text = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8")
    flat = without_a_cell(cells_one_per_line(text, bars=True))
    lines = flat.split("\n")
    menu = "地方性法规\n规章\n行政规范性文件\n其他文件\n用微信扫描二维码分享至好友和朋友圈\n"
    spans = [v.span for v in check_text(lines[0] + "\n" + menu + "\n".join(lines[1:]), rules=rules).violations]
    assert [lines[s.line - 6] for s in spans] == ["第二十条第（一）项 |", f"{CAPTION} |", "行政复议 |"]


def test_a_few_labels_in_prose_are_no_table(rules):
    text = ("某镇2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n本年度作出的决定：\n行政许可\n行政处罚\n"
            "行政强制\n以上均已公开。\n")
    result = check_text(text, rules=rules)
    assert result.report.lost_tables == []
    assert "TABLE-002" in {v.rule for v in result.violations}


# ------------------------------------------------------------ header cells broken over lines

def test_column_names_broken_over_two_lines_are_joined(rules):
    """A line break inside a header cell became a row of its own (商业 | 科研 over
    企业 | 机构; 结果 | 其他 over 维持 | 结果): read as the names they are, not as a data
    row 其他 and an extra row 企业 / 机构."""
    text = (SYNTHETIC / "2021_bars_clean.txt").read_text(encoding="utf-8")
    whole = check_text(text, rules=rules)
    applicants = "| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |"
    appeals = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |"
    assert applicants in text and appeals in text
    broken = text.replace(applicants, "| | | 商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 | |\n企业 | 机构 |").replace(
        appeals, "结果 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n维持 | 纠正 | 结果 | 审结 |")
    result = check_text(broken, rules=rules)
    assert findings(result) == []
    assert tables(result) == tables(whole)
    [table] = [t for t in result.report.tables if t.template == "applications"]
    assert "商业企业" in [c.raw for c in table.header] and "企业" not in [c.raw for c in table.header]
    assert all(t.header_confirmed for t in result.report.tables)


def test_pieces_that_end_no_column_name_are_not_joined(rules):
    text = (SYNTHETIC / "2021_bars_clean.txt").read_text(encoding="utf-8")
    applicants = "| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |"
    broken = text.replace(applicants, "| | | 商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 | |\n企业 | 单位 |")
    result = check_text(broken, rules=rules)
    assert {v.rule for v in result.violations} >= {"TABLE-008"}  # the header is not the template's


@given(st.text(alphabet=st.sampled_from(" \n\ta一"), max_size=40), st.data())
def test_a_span_is_where_its_start_and_end_stand(text, data):
    """LineIndex.span, worked out without position() where the columns are plain
    offsets, gives each end's line and column as position() finds them."""
    index = LineIndex(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    line, column = index.position(start)
    end_line, end_column = (line, column) if end <= start else index.position(end)
    assert index.span(start, end) == (line, column, end_line, end_column, start, end)


def _loud(result) -> list[tuple[str, int]]:
    return sorted((v.rule, v.span.line) for v in result.violations if v.severity in ("error", "warning"))


def test_a_column_name_with_its_unit_written_after_it_is_that_column(rules):
    """采购总金额(万元) for the format's 采购总金额 (a real 2020 subdistrict's report) is the
    same column, and so is 本年收费金额（万元）for 本年收费金额（单位：万元）: the table is
    read and checked as the clean one, not said to break the format (TABLE-008). A name
    of another unit (本年收费金额（元）) is the format's column in another unit: UNIT-001 says so,
    once, and its values are not trusted."""
    for name, column, written in (("2019_tsv_clean.txt", "采购总金额", "采购总金额(万元)"),
                                  ("2021_tsv_clean.txt", "本年收费金额（单位：万元）", "本年收费金额（万元）")):
        clean = (SYNTHETIC / name).read_text(encoding="utf-8")
        assert column in clean
        assert _loud(check_text(clean.replace(column, written), rules=rules)) == _loud(check_text(clean, rules=rules))
    other = (SYNTHETIC / "2021_tsv_clean.txt").read_text(encoding="utf-8").replace("本年收费金额（单位：万元）", "本年收费金额（元）")
    found = check_text(other, rules=rules)
    assert "UNIT-001" in [rule for rule, _ in _loud(found)] and "TABLE-008" not in [rule for rule, _ in _loud(found)]
    assert not found.report.table("active").reliable_for("item8")


ACTIVE_WITH_BARS = """某街道2023年政府信息公开工作年度报告
二、主动公开政府信息情况
主动公开政府信息情况 | |||
第二十条第(一)项 | |||
信息内容 | 本年(2023)制发件数 | 本年(2023)废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
规范性文件 | 0 | 1 | 0 |
"""


def test_a_header_that_names_the_year_and_the_table_s_title_repeated_are_the_format_s():
    """本年(2023)制发件数 is the column 本年制发件数; the table's title repeated as its first
    line (主动公开政府信息情况 | |||, a real 2023 page) is no row of another kind."""
    found = check_text(ACTIVE_WITH_BARS)
    table = found.report.table("active")
    assert [p.kind for p in table.problems] == []
    assert not {"TABLE-008", "TABLE-009"} & {v.rule for v in found.violations}
    assert "TABLE-009" in {v.rule for v in check_text(ACTIVE_WITH_BARS.replace("主动公开政府信息情况 | |||",
                                                                             "信息公开目录 | |||")).violations}


def test_a_header_that_says_bennian_du_for_bennian_is_the_format_s():
    """本年度处理决定数量 is the column 本年处理决定数量 (a real 2021 page of 凌源市, round 262:
    TABLE-008's error had said the header differs from the format)."""
    text = ("某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(五)项 | |||\n"
            "信息内容 | 本年度处理决定数量 | ||\n行政许可 | 61 | ||\n")
    found = check_text(text)
    table = found.report.table("active")
    assert [p.kind for p in table.problems if p.kind.startswith("header")] == []
    assert "TABLE-008" not in {v.rule for v in found.violations}


def test_a_header_that_says_du_and_leaves_xin_out_is_the_format_s():
    """本年度新制作数量 | 本年度公开数量 | 对外公开总数量 and 上一年度项目数量 | 本年增/减 | 处理决定数量: the 2019
    format's columns, in order, 本年度 for 本年, 上一年度 for 上一年, 新 left out (a real 2020 page of 砚山县交通运输局,
    round 527: TABLE-008's error had said the header differs, in four blocks)."""
    text = ("某县交通运输局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
            "信息内容 | 本年度新制作数量 | 本年度公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 0 |\n规范性文件 | 0 | 0 | 0 |\n"
            "第二十条第(五)项 | |||\n信息内容 | 上一年度项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 2 | 2 | 2 |\n")
    found = check_text(text)
    table = found.report.table("active")
    assert [p.kind for p in table.problems if p.kind.startswith("header")] == []
    assert "TABLE-008" not in {v.rule for v in found.violations}


def test_a_page_s_metadata_written_with_bars_is_no_table():
    """索引号 | … | 主题分类 | 其他 | (a real 2022 subdistrict's page): 其他 is a label of the
    applications table, but these lines are the page's; they were read as that table,
    one cause of five errors and two warnings."""
    found = check_text("索引号 | 11/2023-00063 | 主题分类 | 其他 |\n发布机构 | 海陵区政府办 | 发文日期 | 2023-01-18 |\n"
                       "发文字号 | 时 效 | 有效 |\n某街道2022年政府信息公开工作年度报告\n一、总体情况\n本年度工作有序开展。\n")
    assert found.report.tables == []
    assert not [v for v in found.violations if v.rule in ("TABLE-004", "TABLE-006", "TABLE-007", "TABLE-009")]


def test_a_header_cut_off_before_any_row_names_the_columns_it_lacks():
    """自然人 | 法人或其他组织 | 总计 | and the copy ends (a real 2023 township's excerpt): the
    finding names the columns not there, 商业企业…其他, not those that are."""
    found = check_text("某镇2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                       "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||\n"
                       "自然人 | 法人或其他组织 | 总计 | |||||||\n")
    (message,) = [v.rendered("zh") for v in found.violations if v.rule == "TABLE-019"]
    assert "商业企业" in message and "自然人" not in message


def test_a_table_run_on_in_a_one_line_page_is_unreadable_not_missing():
    """A page put on one line, its table's cells running on between bars after the
    heading (a real 2021 bureau's page): the table is there, unread (TABLE-018, once, at its
    first cell), not missing (TABLE-002, an error, had said so)."""
    line = ("徐水区交通运输局2021年政府信息公开工作年度报告 一、总体情况 全年主动公开政府信息9条。 "
            "二、主动公开政府信息情况 第二十条第(一)项 | 信息内容 | 本年新 制发数量 | 本年新 废止数量 | 现行有效数量 | "
            "规章 | 0 | 0 | 0 | 规范性文件 | 0 | 0 | 0 | 第二十条第(五)项 | 信息内容 | 本年处理决定数量 | 行政许可 | 650 | "
            "第二十条第(六)项 | 信息内容 | 本年处理决定数量 | 行政处罚 | 100 | 行政强制 | 0 |")
    found = [v for v in check_text(line).violations if v.rule.startswith("TABLE")]
    assert [(v.rule, v.severity) for v in found] == [("TABLE-018", "info")]
    assert line[found[0].span.column - 1:].startswith("第二十条第(一)项")


def test_a_table_run_on_without_bars_up_to_the_next_heading_is_unreadable_not_missing():
    """二's table on one line after its heading, its cells parted by spaces, running on into
    三's heading (a real 2025 page of 汉台区农业农村局, round 284): unread (TABLE-018), not
    missing (TABLE-002, an error, had said so)."""
    text = ("某区农业农村局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息52条。\n"
            "二、主动公开政府信息情况 第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规 章 0 0 0 "
            "行政规范性文件 0 0 0 第二十条第(五)项 信息内容 本年处理决定数量 行政许可 52 第二十条第(六)项 信息内容 "
            "本年处理决定数量 行政处罚 15 行政强制 0 第二十条第(八)项 信息内容 本年收费金额(单位:万元) 行政事业性收费 0 "
            "三、收到和处理政府信息公开申请情况 本年未收到申请。\n")
    found = [(v.rule, v.severity) for v in check_text(text).violations if v.rule.startswith("TABLE")]
    assert found == [("TABLE-018", "info")]


def test_a_bar_table_whose_blank_cells_stand_a_bar_per_line_is_unreadable_not_wrong():
    """Each row's label and first value on a line, then a bar alone for each blank cell,
    then the total (a real 2020 page of a 广东 district's 发改局, round 287): which cells make a row
    cannot be told, so the table is said once to be unread (TABLE-018), with no row cut short
    (TABLE-007, an error) nor a value taken for a row (TABLE-009)."""
    rows = [("一、本年新收政府信息公开申请数量", "25"), ("二、上年结转政府信息公开申请数量", "0"),
            ("三、本年度办理结果 | (一)予以公开", "7")]
    body = "".join(f"{label} | {value} |\n" + "|\n" * 4 + f"| {value} |\n" for label, value in rows)
    text = ("某市某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |\n申请人情况 |\n"
            "自然人 | 法人或其他组织 | 总计 |\n商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n" + body)
    found = [(v.rule, v.severity) for v in check_text(text).violations if v.rule.startswith("TABLE")]
    assert found == [("TABLE-018", "info")]


def test_a_change_cell_that_lost_its_figure_is_a_cell_not_part_of_the_label():
    """行政处罚 | 0 | 增 | 25 (a real 2020 bureau's 2019-form table): 增 alone is the 本年增/减
    cell without its figure (TABLE-011), not words of the row's label (TABLE-004, an error,
    had called the 行政处罚 row missing and TABLE-009 the row foreign)."""
    text = ("某市民政局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项 | ||||\n"
            "信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 | |\n规章 | 0 | 0 | 0 | |\n规范性文件 | 8 | 8 | 0 | |\n"
            "第二十条第(五)项 | ||||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |\n行政许可 | 92 | 增98 | 0 | |\n"
            "其他对外管理服务事项 | 0 | 0 | 0 | |\n第二十条第(六)项 | ||||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |\n"
            "行政处罚 | 0 | 增 | 25 | |\n行政强制 | 0 | 0 | 0 | |\n第二十条第(八)项 | ||||\n信息内容 | 上一年项目数量 | 本年增/减 | ||\n"
            "行政事业性收费 | 4 | 0 | ||\n第二十条第(九)项 | ||||\n信息内容 | 采购项目数量 | 采购总金额 | ||\n政府集中采购 | 9 | 712万元 | ||\n")
    found = [(v.rule, v.span.line) for v in check_text(text).violations if v.rule.startswith("TABLE")]
    assert ("TABLE-011", 13) in found
    assert not [f for f in found if f[0] in ("TABLE-004", "TABLE-009")], found
