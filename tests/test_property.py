"""Property: whatever text comes in — a sample report cut up, shuffled and sprinkled
with TABs, digits, Chinese numerals and random characters, or plain noise — the
whole pipeline (`check_text`: parse and every bundled rule) finishes without an
exception or a rule run error, and every span it reports lies inside the text."""

from __future__ import annotations

from bisect import bisect_right

from conftest import REAL, SYNTHETIC
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao.api import check_text
from nianbao.ingest import read_source

SAMPLE_TEXTS = [read_source(p).text for p in sorted(REAL.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt"))]
CJK_NUMERALS = "〇零一二三四五六七八九十百千万亿两"
REPORT_WORDS = ["一、", "二、", "（一）", "(二)", "三、收到和处理政府信息公开申请情况", "总计", "合计", "万元", "元",
                "件", "条", "年", "月", "日", "2021年", "2023年1月1日", "至", "12月31日", "\t", "\t\t", "\n",
                "\n\n", "：", "电话", "邮箱", "地址", "行政复议", "行政诉讼", "维持", "纠正", "0", "00", "-1",
                "1.5", "１２", "年度报告", "政府信息公开工作年度报告"]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

noise = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
inserts = st.one_of(noise, st.sampled_from(REPORT_WORDS), st.text(alphabet="0123456789", min_size=1, max_size=9),
                    st.text(alphabet=CJK_NUMERALS, min_size=1, max_size=6), st.just("\t"))


@st.composite
def mutated_report(draw) -> str:
    lines = draw(st.sampled_from(SAMPLE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace", "truncate", "join"]))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        j = draw(st.integers(0, max(0, len(lines) - 1)))
        if not lines:
            lines = [draw(inserts)]
        elif kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(inserts) + lines[i][at:]
        elif kind == "replace":
            lines[i] = draw(inserts)
        elif kind == "truncate":
            lines = lines[:i] + [lines[i][:draw(st.integers(0, len(lines[i])))]]
        elif kind == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
    return "\n".join(lines)


random_text = st.lists(st.one_of(st.sampled_from(REPORT_WORDS), noise), max_size=60).map("".join)


READ_AS_SPACE = "\t?•●▪◆■"


def assert_spans_inside(result) -> None:
    """Every span lies inside the report, its line and column in the document as it is
    (characters spaced apart closed up or not) point at the character its offset reads."""
    if result.error is not None:  # random text is mostly no report at all: one clear result
        assert result.error.msg.key == "check.not_a_report", result.error.render("en")
        return
    assert result.rule_errors == [], result.rule_errors
    text = result.report.text
    original = (result.report.original_text or text).split("\n")
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for v in result.violations:
        for span in (v.span, *v.related):
            where = f"{v.rule} {span}"
            assert 1 <= span.line <= span.end_line <= len(lines), where
            assert 1 <= span.column <= len(original[span.line - 1]) + 1, where
            assert 1 <= span.end_column <= len(original[span.end_line - 1]) + 1, where
            assert span.line < span.end_line or span.column <= span.end_column, where
            assert 0 <= span.start <= span.end <= len(text), where
            assert bisect_right(starts, span.start) == span.line, f"{where}: offset {span.start} is not on its line"
            if span.start < len(text) and text[span.start] != "\n":
                shown = original[span.line - 1][span.column - 1]
                # (or a character the reader read as a space, one for one: a page's lost indent, ?, or a
                # bullet or TAB before a section's heading)
                assert shown == text[span.start] or (text[span.start] == " " and shown in READ_AS_SPACE), \
                    f"{where}: the character at the line and column is not the one at offset {span.start}"


@FAST
@given(mutated_report())
def test_mutated_reports_check_cleanly(rules, text):
    result = check_text(text, rules=rules)
    assert_spans_inside(result)


@FAST
@given(random_text)
def test_random_text_checks_cleanly(rules, text):
    result = check_text(text, rules=rules)
    assert_spans_inside(result)


TABLE_LINES = ["\t一、本年新收政府信息公开申请数量", "\t二、上年结转政府信息公开申请数量", "\t0", "\t 3 ", "\t", "\t\u3000",
               "", "  ", "\u3000", "\xa0", "结果", "维持", "- 3 -", "第 4 页", "\t1\t2\t", "规章\t0\t0\t1",
               "三、收到和处理政府信息公开申请情况", "（一）予以公开", "\t（七）总计", "自然人\t商业企业"]


@FAST
@given(st.lists(st.sampled_from(TABLE_LINES), max_size=80).map("\n".join))
def test_every_table_cell_is_the_text_at_its_span(text):
    """However rows, blank lines, continuations and page numbers are mixed, a cell on
    one line holds exactly the text its span covers, and its line and column agree."""
    from nianbao.ingest import Source
    from nianbao.parse import parse
    from nianbao.text import LineIndex

    report = parse(Source("x.txt", text, "utf-8"))
    index = LineIndex(text)
    for table in report.tables:
        for cell in [c for r in table.rows + table.extra for c in r.cells] + table.header:
            span = cell.span
            assert index.span(span.start, span.end) == span, (cell, text)
            if span.line == span.end_line:
                assert text[span.start:span.end] == cell.raw, (cell, text)


@given(st.text(alphabet="ab", min_size=0, max_size=30), st.data())
def test_two_removals_joined_are_one_removal_from_the_text_as_it_was(text, data):
    """spacing.joined_gaps: characters taken out in two steps (pinyin glosses, then
    spaces) map every offset back to the text as it was, as one step would."""
    from nianbao.spacing import original_offset, joined_gaps

    def remove(s: str, drop: set[int]) -> tuple[str, list[int], list[int]]:
        kept = [i for i in range(len(s)) if i not in drop]
        gaps = sorted(len([k for k in kept if k < i]) for i in drop)
        return "".join(s[i] for i in kept), gaps, kept

    first_drop = data.draw(st.sets(st.integers(0, max(len(text) - 1, 0))).filter(lambda d: all(i < len(text) for i in d)))
    middle, first, kept1 = remove(text, first_drop)
    second_drop = data.draw(st.sets(st.integers(0, max(len(middle) - 1, 0))).filter(lambda d: all(i < len(middle) for i in d)))
    final, second, kept2 = remove(middle, second_drop)
    gaps = joined_gaps(first, second)
    assert [original_offset(i, gaps) for i in range(len(final))] == [kept1[kept2[i]] for i in range(len(final))]
