"""lexing.ReportLines: where its expression matches, at the start of a line, it matches
what report.lark's scanner of every terminal matches there (the same text, the same
terminal), on every report of the samples and the regression set, on mutated reports
and on random lines made of the pieces each terminal looks at."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from nianbao.lexing import OneLoopParser, ReportLines
from nianbao.parse import _parser, grammar

ROOT = Path(__file__).resolve().parent.parent


def _scanner_match(text: str, pos: int) -> tuple[str, str]:
    """What the scanner of every terminal matches at pos: the straightforward way."""
    for expression in grammar().parser.lexer.shared.scanner_of_all()._mres:
        found = expression.match(text, pos)
        if found is not None:
            return found.group(), found.lastgroup
    raise AssertionError("report.lark's TEXT matches any line")


def _checked(text: str) -> set[str]:
    """Every line start of text where the expression matches, checked; the terminals it named."""
    named = set()
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n" and i + 1 < len(text)]
    for pos in starts:
        found = ReportLines.PATTERN.match(text, pos)
        if found is not None:
            assert (found.group(), found.lastgroup) == _scanner_match(text, pos), repr(text[pos:pos + 120])
            named.add(found.lastgroup)
    return named


def _reports() -> list[str]:
    paths = sorted((ROOT / "samples").rglob("*.txt")) + sorted((ROOT / "tests" / "regression").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    assert len(texts) > 20
    return [t if t.endswith("\n") else t + "\n" for t in texts]


def test_report_lark_has_the_shortcut_and_another_grammar_none():
    """It was worked out for report.lark's terminals as they are: a change to them turns it
    off (and this test fails, for it to be worked out again)."""
    from lark import Lark

    from nianbao.lexing import SharedScannerLexer

    from nianbao.resources import data_dir

    assert ReportLines.of(grammar()) is ReportLines.PATTERN
    assert _parser().lines is ReportLines.PATTERN
    # (built afresh, not read back from the cache: the same terminals, their flags a set)
    fresh = Lark((data_dir("grammar") / "report.lark").read_text(encoding="utf-8"), parser="lalr",
                 lexer="contextual", _plugins={"ContextualLexer": SharedScannerLexer})
    assert ReportLines.of(fresh) is ReportLines.PATTERN
    other = Lark("start: LINE*\nLINE: /[^\\n]*\\n/\n", parser="lalr", lexer="contextual",
                 _plugins={"ContextualLexer": SharedScannerLexer})
    assert ReportLines.of(other) is None


def test_it_matches_what_the_scanner_matches_on_every_report():
    named = set()
    for text in _reports():
        named |= _checked(text)
    assert named == {"TEXT", "BLANK", "SECTION_HEAD", "SUB_HEAD"}


_PIECES = ["一、", "二、", "十一.", "三 、", "第一部分", "第 3 页", "第2页/共5页", "- 3 -", "3/12", "1、", "2.", "3．",
           "1、总体情况", "4、其他需要报告", "（一）", "(二)", "（十）", "\t", "\t\t", " ", "  ", "\u3000", "\xa0", "。",
           "；", "，", "号", "〔2022〕3号", "[2021]12号", "告", "报", "年报", "年度报告", "（2021年）", "日",
           "2022年1月20日", "二〇二二年一月二十日", "）", ")", "-", "—", "－", "页", "0", "7", "２", "附件", "/", "12",
           "本年度", "政府信息公开", "行政复议", "收到申请", "某县人民政府", "情况如下", "结果维持", "x", "Ab",
           "总结", "政府信息公开工作总结", "政府信息公开工作情况汇报"]
# (long enough, with a few others, for a line over TAB_CONT's 40 characters: of prose, or
# of a page number, a date or a blank line spaced out)
_LONG = ["本年度政府信息公开工作有序开展", "依申请公开政府信息", " " * 20, "\u3000" * 12, "\xa0" * 16,
         "3" + " " * 40 + "/ 12", "- " + "\u3000" * 40 + "3 -", "2022 年" + " " * 40 + "1 月 20 日"]


def _random_line(rng: random.Random) -> str:
    """Pieces in any order: what starts or ends a terminal's line, and long runs."""
    return "".join(rng.choice(_LONG if rng.random() < 0.3 else _PIECES) for _ in range(rng.randrange(0, 9)))


def test_it_matches_what_the_scanner_matches_on_random_lines():
    rng = random.Random(13)
    named = set()
    for _ in range(20_000):
        lines = [_random_line(rng) if rng.random() < 0.7 else rng.choice(["", " ", "\u3000", "\xa0 ", " " * 45])
                 for _ in range(rng.randrange(1, 9))]
        named |= _checked("\n".join(lines) + "\n")
    assert named == {"TEXT", "BLANK", "SECTION_HEAD", "SUB_HEAD"}


@pytest.mark.parametrize("seed", range(4))
def test_the_tree_is_the_same_without_it_on_mutated_reports(seed):
    """The parse with the expression tried first and without it: the same tokens, at the
    same places (each line cut short, doubled, blanked, given a TAB or a heading)."""
    from test_parse_one_loop import _mutated, _shape

    rng = random.Random(seed)
    reports = _reports()
    plain = OneLoopParser(grammar())
    assert plain.lines is None
    for _ in range(40):
        text = _mutated(rng.choice(reports).split("\n"), rng)
        _checked(text)
        assert _shape(_parser().parse(text)) == _shape(plain.parse(text))



# CELL_LINES and TSV_LINES as they were before their loops over lines (and the runs in
# them that what follows cannot take back) were made possessive (*+, ++): a loop that
# nothing follows but what may match nothing never gives a line back, so the same text
# is matched
_GREEDY = {
    "CELL_LINES": r"\t[^\t\n]*\n(?:\t[^\t\n]*\n|\n(?=\t[^\t\n]*\n)|(?:[ \xa0]*(?:\u3000[ \xa0]*)*\n)+(?=\t[^\t\n]*\n)"
                  r"|(?![ \xa0]*(?:\u3000[ \xa0]*)*\n|[ \u3000]*[一二三四五六七八九十]{1,3}[、.．])[^\n\t。；]{1,40}\n"
                  r"(?=\t[^\t\n]*\n))*(?:(?:[ \xa0]*(?:\u3000[ \xa0]*)*\n)+(?=\t))?",
    "TSV_LINES": r"(?:(?:[^\n\t]+\t|\t[^\n\t]*\t)[^\n]*\n)+",
}

_TABLE_LINES = ["\t0", "\t", "\t 12", "\t本年新", "", "", " ", "\u3000", "\xa0 \u3000", "说明", "公开数量", "维持",
                "一、总体情况", "（一）处理", "\t\t1", "\t1\t", "行政许可\t3\t0", "其他\t\t", "本年度工作有序开展，" * 5, "结果。"]


@pytest.mark.parametrize("name", sorted(_GREEDY))
def test_a_table_terminal_matches_what_it_matched_when_greedy(name):
    import re

    terminal = next(t for t in grammar().parser.lexer.root_lexer.terminals if t.name == name)
    possessive, greedy = re.compile(terminal.pattern.to_regexp()), re.compile(_GREEDY[name])
    assert possessive.pattern != greedy.pattern
    rng = random.Random(7)
    texts = _reports() + ["\n".join(rng.choice(_TABLE_LINES) for _ in range(rng.randrange(1, 30))) + "\n"
                          for _ in range(5_000)]
    for text in texts:
        for pos in [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n" and i + 1 < len(text)]:
            ours, theirs = possessive.match(text, pos), greedy.match(text, pos)
            assert (ours and ours.group()) == (theirs and theirs.group()), repr(text[pos:pos + 80])
