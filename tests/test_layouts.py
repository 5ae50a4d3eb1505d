"""Reports laid out as real documents are: framed prose, running headers and page
breaks, characters spaced apart, merged cells, a table cut at the page edge, tables
whose cells ran together, and documents that are no report at all.

The documents are tests/data/layouts/ (made by scripts/make_layout_samples.py; what a
reviewer says about each is in its README.md) and tests/data/not_reports/. Each file
must give exactly the errors and warnings a reviewer gives, the same report in every
format the same findings, and every finding must point at the document's own
characters, whatever the reader repaired.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from nianbao import check, spacing
from nianbao.api import check_text
from nianbao.ingest import plain_text, read_source
from nianbao.spacing import close_up, original_offset
from nianbao.text import LineIndex

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = ROOT / "tests" / "data" / "layouts"
NOT_REPORTS = ROOT / "tests" / "data" / "not_reports"

# What a reviewer says, as (rule, line) of every error and warning (tests/data/layouts/README.md).
# A PDF's lines are those of its text layer as read, a Word document's and a web page's
# those of their text: the same row stands on a different line in each.
EXPECTED = {
    "framed.txt": [], "framed.docx": [], "framed.html": [], "framed.pdf": [],
    "textbox.docx": [], "textbox.pdf": [],
    "paged.txt": [("SUM-004", 68)], "paged.docx": [("SUM-004", 97)], "paged.html": [("SUM-004", 69)],
    "paged.pdf": [("SUM-004", 69)],
    "spaced.txt": [], "spaced.docx": [], "spaced.pdf": [],
    "merged.txt": [], "merged.docx": [], "merged.html": [], "merged.pdf": [], "merged_html.pdf": [],
    "cut.pdf": [("TABLE-019", 40)],
    "official.docx": [], "official.pdf": [],
    "squashed.txt": [], "copied_from_pdf.txt": [],
}
# Reading notes a reviewer is given (info), where a file has them.
EXPECTED_INFO = {"squashed.txt": [("TABLE-018", 19), ("TABLE-018", 35), ("TABLE-018", 65)],
                 "copied_from_pdf.txt": [("TABLE-018", 42), ("TABLE-018", 132), ("TABLE-018", 831)]}


def _findings(path: Path, severities: tuple[str, ...]) -> list[tuple[str, int]]:
    result = check(path)
    assert result.error is None, result.error.render("en")
    return sorted((v.rule, v.span.line) for v in result.violations if v.severity in severities)


def test_every_layout_sample_has_an_expectation():
    assert {p.name for p in LAYOUT.iterdir() if p.suffix != ".md"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_sample_gives_what_a_reviewer_says(name: str):
    assert _findings(LAYOUT / name, ("error", "warning")) == sorted(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED_INFO))
def test_layout_sample_reading_notes(name: str):
    assert _findings(LAYOUT / name, ("info",)) == sorted(EXPECTED_INFO[name])


def _same_report() -> list:
    stems: dict[str, list[Path]] = {}
    for path in sorted(LAYOUT.iterdir()):
        if path.suffix != ".md":
            stems.setdefault(path.name.split(".")[0].removesuffix("_html"), []).append(path)
    return [pytest.param(paths, id=stem) for stem, paths in stems.items() if len(paths) > 1]


@pytest.mark.parametrize("paths", _same_report())
def test_same_report_in_every_format_gives_the_same_findings(paths: list[Path]):
    """Rule for rule, severity and message: only the line differs by format."""
    def findings(path: Path) -> Counter:
        return Counter((v.rule, v.severity, v.message("en")) for v in check(path).violations)

    first = findings(paths[0])
    for other in paths[1:]:
        assert findings(other) == first, other.name


# ------------------------------------------------------------------- what the reader did

@pytest.mark.parametrize(("name", "note"), [
    ("framed.docx", "one-column table"),
    ("textbox.docx", "text box"),
    ("textbox.pdf", "in a frame"),
    ("paged.pdf", "running header or footer"),
    ("spaced.txt", "characters spaced apart closed up"),
    ("spaced.pdf", "characters spaced apart closed up"),
    ("cut.pdf", "run off the right edge of the page"),
])
def test_what_the_reader_repaired_is_said(name: str, note: str):
    path = LAYOUT / name
    notes = read_source(path).notes
    assert any(note in n.render("en") for n in notes)
    tree = subprocess.run([sys.executable, "-m", "nianbao.cli", "parse", "--lang", "en", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert any(line.startswith("  repaired   ") and note in line for line in tree.stdout.splitlines())
    done = subprocess.run([sys.executable, "-m", "nianbao.cli", "check", "--lang", "en", "--format", "json", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert any(note in n for n in json.loads(done.stdout)["files"][0]["notes"])
    zh = subprocess.run([sys.executable, "-m", "nianbao.cli", "check", "--format", "json", str(path)],
                        capture_output=True, text=True, timeout=120)
    assert json.loads(zh.stdout)["files"][0]["notes"] == [n.render("zh") for n in notes]  # Chinese by default


def test_running_headers_and_frames_are_not_text():
    paged = read_source(LAYOUT / "paged.pdf").text.split("\n")
    title = "云岭县青石镇人民政府2023年政府信息公开工作年度报告"
    assert paged.count(title) == 1  # the title, not the header repeated on every page
    assert not any("第" in line and "页" in line and "共" in line for line in paged)
    framed = read_source(LAYOUT / "framed.docx").text
    assert "\t" not in framed.split("一、总体情况")[0]  # the framed introduction is prose


def test_a_table_broken_over_pages_is_one_table_with_every_row():
    from nianbao.parse import parse

    report = parse(read_source(LAYOUT / "paged.pdf"))
    applications = report.table("applications")
    assert applications is not None and applications.header_confirmed
    assert applications.missing == [] and applications.problems == []


def test_an_official_document_s_type_and_pages_are_layout():
    """GB/T 9704's page: the title set large and wrapped inside its words, heading
    numbers set smaller than their headings (pdfplumber puts them on lines of their own,
    after the heading), and a page that opens with a table's block label."""
    from nianbao.parse import parse

    lines = read_source(LAYOUT / "official.pdf").text.split("\n")
    assert lines[:2] == ["云岭县青石镇人民政府2023年政府信息公开", "工作年度报告"]  # (not run into the text below)
    assert lines[2].startswith("本报告由青石镇人民政府")
    assert "二、主动公开政府信息情况" in lines and "二、" not in lines
    # (the page's first row, a block label, is a row of its own, not the rest of 行政许可's)
    assert [line.split("\t")[0] for line in lines if "第二十条第（六）项" in line] == ["第二十条第（六）项"]
    report = parse(read_source(LAYOUT / "official.pdf"))
    assert report.title.text == "云岭县青石镇人民政府2023年政府信息公开工作年度报告"
    active = report.table("active")
    assert active.header_confirmed and active.problems == []
    assert active.row("item5.licensing").cell("decisions").value == 36


PRINTED = ROOT / "tests" / "data" / "printed"


@pytest.mark.parametrize("pdf", sorted(PRINTED.glob("*.pdf")), ids=lambda p: p.name)
def test_a_regression_report_printed_to_pdf_gives_the_findings_of_its_text(pdf: Path):
    """Real reports (the regression set's) printed as most bodies publish them
    (scripts/make_printed_samples.py): a PDF's layout adds no finding and hides none."""
    text = ROOT / "tests" / "regression" / "reports" / f"{pdf.name.split('.')[0]}.txt"

    def findings(path: Path) -> Counter:
        return Counter((v.rule, v.severity, v.message("en")) for v in check(path).violations)

    assert findings(pdf) == findings(text)


def test_a_column_cut_at_the_page_edge_is_not_read():
    from nianbao.parse import parse

    applications = parse(read_source(LAYOUT / "cut.pdf")).table("applications")
    assert all(row.cell("total") is None for row in applications.rows)
    new = applications.row("new")
    assert [c.column for c in new.cells] == ["natural", "commercial", "research", "nonprofit", "legal", "other"]
    assert [int(c.value) for c in new.cells] == [5, 1, 0, 0, 0, 0]


# ------------------------------------------------------------------ characters spaced apart

def test_spaced_out_characters_close_up_and_map_back():
    cases = {
        "一 、 总 体 情 况": "一、总体情况",
        "联 系 电 话 ： 0 8 7 9 -6 2 3 1 4 5 8 ；": "联系电话：0879-6231458；",
        "电 子 邮 箱 ：q s z x x g k @ y u n . c n 。": "电子邮箱：qszxxgk@yun.cn。",
        "人民政府 2023 年政府": "人民政府2023年政府",
        "规章 0 0 0": "规章 0 0 0",              # values of a row stay apart
        "青石镇 人民政府": "青石镇 人民政府",      # words stay apart
        "Tel : 0879 6231458": "Tel : 0879 6231458",
    }
    for text, expected in cases.items():
        closed, gaps = close_up(text)
        assert closed == expected, text
        assert all(text[original_offset(i, gaps)] == ch for i, ch in enumerate(closed))
    closed, gaps = close_up("电 话 ： 0 8 7 9 ；")
    index = LineIndex(closed, gaps)
    assert [index.span(*at)[1:4:2] for at in ((0, 2), (3, 7))] == [(1, 4), (7, 14)]  # 电 话 / 0 8 7 9, no space after


def test_long_numbers_and_many_spaced_lines_are_read_in_one_pass():
    """A 20,000-digit number once took 17 s (each digit tried as a run's start), and
    counting the lines of 20,000 spaced-out lines 28 s (the text counted from its start
    for each space); both are now a single pass."""
    number = "三 a\n" + "1" * 20_000
    assert close_up(number) == (number, [])
    source = plain_text("spaced.txt", "电 话 ： 0 8 7 9\n" * 20_000)
    assert [n.render("en") for n in source.notes] == ["characters spaced apart closed up on 20000 line(s) (120000 spaces)"]


def _close_up_trying_every_character(text: str) -> tuple[str, list[int]]:
    """close_up as it was: the pattern of runs tried at every character of the text, the
    spaced numbers found by one pattern with the CJK class."""
    cjk = spacing._CJK
    if not re.search(rf"[{cjk}][ \xa0]\S", text):
        return text, []
    number = re.compile(rf"(?<=[{cjk}])[ \xa0]\d[\d.,]*[ \xa0](?=[{cjk}])")
    runs = [[m.start(), m.end(), m.group(), False] for m in spacing._spaced_run().finditer(text)]
    for run in runs:
        run[3] = sum(map(spacing.is_cjk, run[2])) >= 3 and len(re.split(r"[ \xa0]", run[2])) >= 4
    for ordered in (runs, runs[::-1]):
        for before, after in zip(ordered, ordered[1:]):
            if (before[1] == after[0] or after[1] == before[0]) and before[3]:
                after[3] = True
    spaces = [start + i for start, _, run, counts in runs if counts for i, ch in enumerate(run) if ch in " \xa0"]
    spaces += [i for m in number.finditer(text) for i in (m.start(), m.end() - 1)]
    gaps = [at - removed for removed, at in enumerate(sorted(set(spaces)))]
    return "".join(ch for i, ch in enumerate(text) if i not in set(spaces)), gaps


def test_closing_up_looks_only_at_lines_with_a_cjk_character_spaced_from_the_next():
    """close_up tries the pattern of runs only on the lines where a CJK character, a space
    and a character not a space follow each other, and reads spaced numbers from those
    spaces: the same text and gaps as trying it at every character, on random texts of
    runs that count, runs that only touch one that does, numbers, and characters outside
    ASCII that are not CJK (①, é, the ideographic space; full-width digits are CJK)."""
    rng = random.Random(18)
    characters = "年中、１２３a-@.,01①é\u3000\t"
    separators = [" "] * 8 + ["\xa0", "", "  ", "\n", "\n"]
    closed = 0
    for _ in range(20_000):
        text = "".join(rng.choice(characters) * rng.choice((1, 1, 1, 3)) + rng.choice(separators)
                       for _ in range(rng.randint(0, 16)))
        expected = _close_up_trying_every_character(text)
        assert close_up(text) == expected, repr(text)
        closed += bool(expected[1])
    assert closed > 2_000


def test_a_finding_in_spaced_out_text_points_at_the_document():
    text = (LAYOUT / "spaced.txt").read_text(encoding="utf-8")
    wrong = text.replace("至 2023 年 12 月 31 日", "至 2023 年 11 月 30 日")
    assert wrong != text
    result = check_text(wrong)
    found = [v for v in result.violations if v.rule == "PERIOD-002"]
    assert len(found) == 1
    span = found[0].span
    line = wrong.split("\n")[span.line - 1]
    assert line[span.column - 1] == result.report.text[span.start]
    assert line[span.end_column - 2] == result.report.text[span.end - 1]  # the span ends at its last character
    assert line[span.column - 1:span.end_column - 1].replace(" ", "") == result.report.text[span.start:span.end]


# ------------------------------------------------------------------------- not a report

@pytest.mark.parametrize("name", sorted(p.name for p in NOT_REPORTS.iterdir()))
def test_a_document_that_is_no_report_gets_one_clear_result(name: str):
    result = check(NOT_REPORTS / name)
    assert result.error is not None and result.error.msg.key == "check.not_a_report"
    assert result.violations == []
    done = subprocess.run([sys.executable, "-m", "nianbao.cli", "check", "--format", "json", str(NOT_REPORTS / name)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    entry = json.loads(done.stdout)["files"][0]
    assert entry["status"] == "error" and entry["error_code"] == "check.not_a_report" and entry["violations"] == []


def test_a_table_whose_values_ran_into_their_labels_is_unreadable_not_missing():
    text = ("某镇2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 本年处理决定数量\n"
            "行政许可12\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚3\n行政强制0\n")
    violations = check_text(text).violations
    assert [(v.rule, v.span.line) for v in violations if v.rule == "TABLE-018"] == [("TABLE-018", 3)]
    assert not [v for v in violations if v.rule == "TABLE-002" and "主动公开政府信息情况" in v.message()]


def test_a_note_in_chinese_words_its_place_in_chinese():
    """Where a Word reader was ("paragraph 2") is worded in the note's language."""
    framed, boxed = (read_source(LAYOUT / name).notes for name in ("framed.docx", "textbox.docx"))
    assert [n.render("zh") for n in boxed] == ["锚定在第2段的文本框已按段落读取"]
    assert [n.render("en") for n in boxed] == ["a text box anchored at paragraph 2 read as paragraphs"]
    assert framed[0].render("zh").startswith("第1段之后的单列表格")
