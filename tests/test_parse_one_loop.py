"""lexing.OneLoopParser: Lark's parse of a text, lexer and LALR parser run in one loop,
gives the tree Lark's own parser gives, token for token, place for place."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput

from nianbao.lexing import OneLoopParser, SharedScannerLexer
from nianbao.parse import grammar, parse_tree
from nianbao.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent


def _shape(node):
    """A tree as plain data, with every token's type, text and place (a tree's ==
    compares a token's text alone) and every node's class."""
    if isinstance(node, Token):
        return (type(node), node.type, str(node), node.value, node.start_pos, node.end_pos, node.line, node.column,
                node.end_line, node.end_column)
    return type(node), node.data, [_shape(c) for c in node.children], node._meta


@pytest.fixture(scope="module")
def lark_own() -> Lark:
    return Lark((data_dir("grammar") / "report.lark").read_text(encoding="utf-8"), parser="lalr", lexer="contextual")


def _mutated(lines: list[str], rng: random.Random) -> str:
    """The lines shuffled about, cut, doubled, blanked, TABs put in and taken out, page
    numbers and headings put between: texts whose tables and sections break anywhere."""
    out = list(lines)
    for _ in range(rng.randrange(1, 12)):
        at = rng.randrange(len(out) + 1)
        what = rng.randrange(8)
        if what == 0 and out:
            del out[min(at, len(out) - 1)]
        elif what == 1 and out:
            out.insert(at, out[rng.randrange(len(out))])
        elif what == 2:
            out.insert(at, rng.choice(["", "  ", "\u3000", "- 3 -", "第 2 页", "\t", "\t\t"]))
        elif what == 3 and out:
            i = min(at, len(out) - 1)
            out[i] = out[i].replace("\t", "", 1) if "\t" in out[i] else "\t" + out[i]
        elif what == 4:
            out.insert(at, rng.choice(["三、收到和处理政府信息公开申请情况", "3、主动公开政府信息情况", "（一）说明",
                                       "2022年1月20日", "某县人民政府2021年政府信息公开工作年度报告", "赛政〔2022〕3号"]))
        elif what == 5 and out:
            i = min(at, len(out) - 1)
            out[i] = out[i][: rng.randrange(len(out[i]) + 1)]
        elif what == 6 and len(out) > 2:
            i, j = sorted(rng.sample(range(len(out)), 2))
            out[i:j] = reversed(out[i:j])
        else:
            out.insert(at, "\t" + str(rng.randrange(100)))
    return "\n".join(out) + "\n"


def test_the_tree_is_lark_s_own_on_every_report_and_on_mutated_ones(lark_own):
    paths = sorted((ROOT / "samples").rglob("*.txt")) + sorted((ROOT / "tests" / "regression").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    assert len(texts) > 20
    rng = random.Random(18)
    mutated = [_mutated(rng.choice(texts).split("\n"), rng) for _ in range(150)]
    for text in texts + mutated + ["", "\n", "\n\n\t\n", "一、总体情况", "\t1\n\n\t2\n说明\n\t3\n"]:
        text = text if text.endswith("\n") else text + "\n"
        assert _shape(parse_tree(text)) == _shape(lark_own.parse(text)), text[:200]


GRAMMAR = r"""
start: item* tail?
?item: pair | WORD | group
pair: WORD "=" NUMBER
group: "(" (WORD | NUMBER)+ ")" -> bracketed
tail: (NUMBER NUMBER)+
WORD: /[a-z]+/
NUMBER: /\d+/
%ignore /[ \n]+/
"""

REGEX_GRAMMAR = r"""
start: line* end?
line: (KEY | VALUE)+ NL
?end: DONE rest?
rest: KEY+
KEY: /[a-z]+/
VALUE: /\d+/
DONE: /=+/
NL: /\n/
%ignore /[ ]+/
"""


@pytest.mark.parametrize("source, texts", [
    (GRAMMAR, ["a b=1 (c 2 d) 3 4 5 6", "", "x", "(a)(b 1 2)", "a = 1 1 2"]),
    (REGEX_GRAMMAR, ["a 1 b\nc 2\n", "", "a b\n", "1 2 3\nab cd\n=", "a\n== b c", "a\n1\n2 b\n"]),
])
def test_any_grammar_parses_as_lark_parses_it(source, texts):
    """Rules Lark shapes otherwise (?item inlined, an alias, a star of two terminals,
    a grammar with string terminals, which leaves the lexing to Lark) and texts that
    parse: the same trees."""
    theirs = Lark(source, parser="lalr", lexer="contextual")
    ours = Lark(source, parser="lalr", lexer="contextual", _plugins={"ContextualLexer": SharedScannerLexer})
    for text in texts:
        assert _shape(OneLoopParser(ours).parse(text)) == _shape(theirs.parse(text))


@pytest.mark.parametrize("text", ["a 1 b", "1 2 3\nab cd ef\n!\n", "= a\nb\n", "a\n= 1"])
def test_a_text_that_does_not_parse_raises_lark_s_error(text):
    theirs = Lark(REGEX_GRAMMAR, parser="lalr", lexer="contextual")
    ours = Lark(REGEX_GRAMMAR, parser="lalr", lexer="contextual", _plugins={"ContextualLexer": SharedScannerLexer})
    with pytest.raises(UnexpectedInput) as expected:
        theirs.parse(text)
    with pytest.raises(type(expected.value)) as raised:
        OneLoopParser(ours).parse(text)
    assert str(raised.value) == str(expected.value)


def test_report_lark_s_star_rules_are_appended_to_in_place():
    """Every block of a section is one shift and one append (no Tree per block): the
    rules `X: X a` of report.lark are the ones appended to."""
    from nianbao import lexing

    parser = OneLoopParser(grammar())
    appended = {a[2] for row in parser.actions.values() for a in row.values() if a[0] == lexing._APPEND}
    assert appended == {"__start_star_0", "__front_star_1", "__table_star_2"}
    tree = parser.parse("标题\n一、总体情况\n甲\n乙\n丙\n二、主动公开\n")
    assert isinstance(tree, Tree) and [len(s.children) for s in tree.children] == [1, 4, 1]
