"""The TUI's plain-Python half (tui/session.py): rule reloading policy, folder
summaries and sorting, violation filters and navigation, spans on lines. No terminal."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from conftest import REAL, ROOT, SAMPLES, SEEDS
from rich.cells import cell_len

from nianbao.api import check
from nianbao.model import Span, Violation
from nianbao.tui.session import (Filters, RuleWatcher, Summary, body_matches_query, body_years, display_lines,
                                 display_text, find_selection, line_pieces, list_reports, matches_query, next_index,
                                 sort_body_years, sort_summaries, summarize)

GOOD = """\
rules:
  - id: META-901
    title: 测试
    title_en: test
    severity: warning
    cite: 测试
    message: {zh: "见到“{match}”", en: "found “{match}”"}
    check:
      forbid_patterns:
        scope: text
        patterns: ["政务信息公开"]
"""


def v(rule: str, line: int, column: int = 1, severity: str = "warning") -> Violation:
    return Violation(rule, severity, "t", Span(line, column, line, column + 1, 0, 1), {"zh": "x", "en": "x"})


def test_rule_watcher_keeps_the_last_clean_set(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    w = RuleWatcher([tmp_path], bundled=False)
    assert w.load() and w.clean and w.generation == 1
    assert [r.id for r in w.rules.rules] == ["META-901"]
    assert not w.changed()
    (tmp_path / "a.yaml").write_text(GOOD.replace("warning", "fatal"), encoding="utf-8")
    assert w.changed()
    assert not w.load()                      # errors: the clean set stays in force
    assert w.errors and w.kept_previous and w.rules.get("META-901").severity == "warning"
    (tmp_path / "a.yaml").write_text(GOOD.replace("warning", "error"), encoding="utf-8")
    assert w.load() and not w.errors and w.rules.get("META-901").severity == "error"


def test_rule_watcher_uses_a_partial_set_until_a_clean_one_loads(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("rules: [", encoding="utf-8")
    w = RuleWatcher([tmp_path], bundled=False)
    assert w.load() and not w.clean and w.errors
    assert [r.id for r in w.rules.rules] == ["META-901"]   # the good file's rule works
    (tmp_path / "c.yaml").write_text(GOOD.replace("META-901", "META-902"), encoding="utf-8")
    assert w.load()                       # still not clean: the newer partial set is adopted
    assert {r.id for r in w.rules.rules} == {"META-901", "META-902"}


@pytest.fixture
def test_rules(tmp_path):
    """Our own rule, not the bundled ones (which change while they are written)."""
    from nianbao.rules import load_rules

    d = tmp_path / "rules"
    d.mkdir()
    (d / "a.yaml").write_text(GOOD, encoding="utf-8")
    return load_rules([d], include_bundled=False)


def test_folder_summaries_sorting_and_query(test_rules):
    rules = test_rules
    paths = list_reports(REAL)
    assert [p.name for p in paths] == sorted(p.name for p in REAL.glob("*.txt"))
    summaries = [summarize(check(p, rules), Summary(str(p), p.name), 1, "zh") for p in paths]
    assert all(s.checked and s.issuer and s.year for s in summaries)
    assert [s.warnings for s in summaries] == [10, 1, 0, 2, 0]
    by_year = sort_summaries(summaries, "year", reverse=False)
    assert [s.year for s in by_year] == sorted(s.year for s in summaries)
    unknown = Summary("/x/zzz.txt", "zzz.txt")
    ordered = sort_summaries(summaries + [unknown], "errors", reverse=True)
    assert ordered[-1] is unknown            # unknown counts last, whichever the direction
    assert sort_summaries(summaries + [unknown], "errors", reverse=False)[-1] is unknown
    assert [s.name for s in summaries if matches_query(s, "景罕 2021")] == [SEEDS["001"].name]


def test_summary_of_an_unreadable_file(tmp_path, test_rules):
    rules = test_rules
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    s = summarize(check(empty, rules), Summary(str(empty), "empty.txt"), 3, "zh")
    assert s.problem == "文件为空" and s.errors is None and s.checked


def test_counts_add_the_findings_about_other_reports_and_bodies_sum_them():
    def checked(path: str, issuer: str, year: int, alone: int, across: int = 0) -> Summary:
        return Summary(path, path, issuer, year, "2021", {"error": alone, "warning": 0, "info": 0},
                       {"error": across} if across else {}, generation=1)

    summaries = [checked("a.txt", "桃源镇人民政府", 2021, 1), checked("b.txt", "桃源镇", 2022, 0, across=2),
                 checked("c.txt", "睢县河集乡政府", 2022, 3), checked("d.txt", "睢县河集乡", 2022, 1, across=1),
                 Summary("e.txt", "e.txt")]   # not checked yet: in no body
    assert summaries[1].errors == 2 and summaries[3].errors == 2 and summaries[4].errors is None
    rows = sort_body_years(body_years(summaries), "body", reverse=False)
    assert [(b.body, b.year, b.reports, b.errors) for b in rows] == [("桃源镇", 2021, 1, 1), ("桃源镇", 2022, 1, 2),
                                                                      ("河集乡", 2022, 2, 5)]
    assert rows[2].names == ["睢县河集乡", "睢县河集乡政府"] and rows[2].paths == ["c.txt", "d.txt"]
    assert [b.errors for b in sort_body_years(rows, "errors", reverse=True)] == [5, 2, 1]
    assert [b.year for b in rows if body_matches_query(b, "睢县")] == [2022]


def test_filters():
    f = Filters()
    assert f.accepts(v("SUM-001", 1, severity="error")) and not f.active
    f.toggle_severity("error")
    assert not f.accepts(v("SUM-001", 1, severity="error")) and f.active
    f.only_family("SUM")
    assert not f.accepts(v("META-001", 1)) and f.accepts(v("SUM-002", 1))
    f.clear()
    assert not f.active


def test_navigation():
    items = [v("A-001", 3), v("A-001", 5, 2), v("A-001", 5, 9), v("B-001", 9)]
    assert next_index(items, None, 1) == 0 and next_index(items, None, -1) == 3
    assert next_index(items, 3, 1) == 0 and next_index(items, 0, -1) == 3
    assert next_index(items, None, 1, cursor_line=4) == 1
    assert next_index(items, None, -1, cursor_line=5) == 0
    assert next_index(items, 1, 1, cursor_line=5) == 2        # same line, after the current
    assert next_index(items, None, 1, cursor_line=99) == 0    # wraps
    assert next_index([], None, 1) is None
    assert find_selection(items, ("A-001", 5, 9)) == 2
    assert find_selection(items, ("A-001", 5, 4)) == 1        # same rule and line
    assert find_selection(items, ("A-001", 7, 1)) is None


def test_line_pieces_and_display_text():
    lengths = [5, 0, 10]
    assert line_pieces(Span(1, 2, 1, 4, 1, 3), lengths) == [(0, 1, 3)]
    assert line_pieces(Span(1, 4, 3, 3, 3, 10), lengths) == [(0, 3, 5), (1, 0, 1), (2, 0, 2)]
    assert line_pieces(Span(3, 4, 3, 4, 0, 0), lengths) == [(2, 3, 4)]     # empty span: one cell
    assert line_pieces(Span(9, 1, 9, 2, 0, 0), lengths) == [(2, 0, 1)]     # clamped
    text = "甲\x0c乙\u2028丙\n\t丁\x07"
    assert display_lines(text) == ["甲␌乙⏎丙", "\t丁␇"]
    assert len(display_text(text)) == len(text)


def test_cli_tui_rejects_a_missing_path(tmp_path, capsys):
    from nianbao.tui.app import run

    args = argparse.Namespace(path=str(tmp_path / "nope"), rules=[], lang="en")
    assert run(args) == 2
    assert "no such file or folder" in capsys.readouterr().err
    args = argparse.Namespace(path=str(REAL), rules=[str(tmp_path / "no-rules")], lang="zh")
    assert run(args) == 2


def test_only_tui_imports_textual():
    code = ("import sys, nianbao.cli, nianbao.api, nianbao.check_cmd, nianbao.rules_cmd; "
            "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    import re

    imports = re.compile(r"^\s*(from|import)\s+textual\b", re.M)
    outside = [p for p in (ROOT / "checker").rglob("*.py") if imports.search(p.read_text(encoding="utf-8"))]
    assert not outside, outside


# ----------------------------------------------------------------------------- line breaking

def test_chinese_line_breaking():
    from nianbao.tui.linebreak import NO_END, NO_START, break_offsets, wrap

    text = "本机关全年主动公开政府信息（含文件）一百二十条，收到申请12件；咨询邮箱gongkai@example.gov.cn，路径rules/sec.yaml:120。"
    for width in range(8, 60):
        lines = wrap(text, width)
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines)
        for before, after in zip(lines, lines[1:]):
            if not (before[-1].isascii() and after[0].isascii()):   # not a run too wide, folded
                assert after[0] not in NO_START and before[-1] not in NO_END, (width, before, after)
        for whole in ("gongkai@example.gov.cn", "rules/sec.yaml:120", "12"):
            if cell_len(whole) + 2 <= width:   # with the punctuation that may not start a line after it
                assert any(whole in line for line in lines), (width, lines)
    # a space in Chinese text does not send the rest to the next line
    assert wrap("[bookmark: _GoBack]根据文件要求，现将报告如下", 24) == ["[bookmark: _GoBack]根据", "文件要求，现将报告如下"]
    # a run wider than the line is folded; an empty or fitting text is not broken
    assert wrap("x" * 10, 4) == ["xxxx", "xxxx", "xx"] and break_offsets("短", 10) == [] and break_offsets("", 5) == []
    # TABs take the width they have at their place
    assert break_offsets("一\t二三四", 8, [6]) == [2]


def test_shorten_apart_keeps_what_tells_names_apart():
    from nianbao.tui.session import shorten_apart

    names = sorted(str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*") if p.is_file() and p.suffix != ".md")
    for width in (17, 18, 24, 30, 60):
        short = shorten_apart(names, width)
        assert len(set(short.values())) == len(names), width
        assert all(cell_len(text) <= width for text in short.values())
        assert all(text == name for name, text in short.items() if cell_len(name) <= width)
    short = shorten_apart(["docx/2019_cells_clean.docx", "docx/2019_cells_noisy.docx", "docx/2019_tsv_clean.docx"], 17)
    assert len(set(short.values())) == 3 and all(v.endswith(".docx") for v in short.values())
    assert shorten_apart(["某县2022年政府信息公开工作年度报告.docx", "某县2023年政府信息公开工作年度报告.docx"], 20) == {
        "某县2022年政府信息公开工作年度报告.docx": "某县2022年…报告.docx",
        "某县2023年政府信息公开工作年度报告.docx": "某县2023年…报告.docx"}


def test_file_names_sort_naturally():
    from nianbao.tui.session import natural_key

    names = ["r_10.txt", "r_2.txt", "R_1.txt", "r_2a.txt", "a/r_1.txt"]
    assert sorted(names, key=natural_key) == ["a/r_1.txt", "R_1.txt", "r_2.txt", "r_2a.txt", "r_10.txt"]
    summaries = [Summary(n, n) for n in names]
    assert [s.name for s in sort_summaries(summaries, "file", False)][:2] == ["a/r_1.txt", "R_1.txt"]


def test_messages_that_share_a_start_show_where_they_differ():
    from nianbao.tui.violations import fit, fit_apart, shared_starts

    messages = ["主动公开情况表缺少“第二十条第（五）项”整块内容", "主动公开情况表缺少“第二十条第（六）项”整块内容",
                "写作“政务信息公开”，应为“政府信息公开”", "写作“政务信息公开”，应为“政府信息公开”"]
    starts = shared_starts(messages)
    assert starts[2:] == [0, 0]                      # the same throughout: nothing to tell apart
    shown = [fit_apart(m, s, 30).plain for m, s in zip(messages, starts)]
    assert shown[:2] == ["…“第二十条第（五）项”整块内容", "…“第二十条第（六）项”整块内容"]
    assert shown[2] == fit(messages[2], 30).plain == "写作“政务信息公开”，应为“政府…"
    assert fit_apart(messages[0], starts[0], 80).plain == messages[0]   # fits: shown whole


def test_table_columns_take_their_headers_on_one_line_then_two_then_cut():
    from nianbao.tui.tables import column_widths, header, two_line_width

    labels, values = ["自然人", "商业企业", "社会公益组织", "其他", "总计"], [1, 1, 1, 1, 2]
    assert column_widths(labels, values, 100) == ([6, 8, 12, 4, 4], 1)
    widths, height = column_widths(labels, values, 24)
    assert height == 2 and sum(widths) <= 24 and widths[3:] == [4, 4]     # 其他, 总计 never broken
    assert all(len(header(label, w).plain.split("\n")) <= 2 and "…" not in header(label, w).plain
               for label, w in zip(labels, widths))
    widths, _ = column_widths(labels, values, 12)
    assert all(w >= 3 for w in widths)
    assert two_line_width("社会公益组织") == 6 and header("社会公益组织", 6).plain == "社会公\n益组织"
