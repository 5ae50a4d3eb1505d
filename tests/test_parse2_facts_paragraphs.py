"""Shortcuts of the parse stage give what the straightforward way gives: a paragraph
with nothing around its text takes its line's span without slicing the line again,
nfkc_digits keeps its last answer (a report's prose is asked for twice), and the
patterns of a title's year are compiled once."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from lark import Token

from nianbao import facts
from nianbao.ingest import Source
from nianbao.model import Paragraph
from nianbao.labels import core, nfkc
from nianbao.parse import _Reader, _title_key
from nianbao.templates import bundled
from nianbao.text import LineIndex

_DIGITS = {0xFF10 + i: 0x30 + i for i in range(10)}
_TEXT = st.text(alphabet=st.sampled_from("年月日0１２９a 一\u3000"), max_size=12)


@given(st.lists(_TEXT, min_size=1, max_size=6))
def test_nfkc_digits_is_the_translation_of_each_text_asked_for(texts):
    """Equal texts as distinct strings, the same string twice, and texts in turn."""
    for text in texts + [t + "" for t in texts] + texts[:1] * 2:
        assert facts.nfkc_digits(text) == text.translate(_DIGITS)
        copy = "".join(list(text))  # (an equal text that is another string)
        assert facts.nfkc_digits(copy) == copy.translate(_DIGITS)


def _straightforward(tok: Token, index: LineIndex, kind: str) -> Paragraph:
    line = tok.value.rstrip("\n")
    return Paragraph(line.strip(" \u3000\t"), index.trimmed(tok.start_pos, tok.start_pos + len(line)), kind)


@given(st.lists(st.text(alphabet=st.sampled_from("一二a. \u3000\t\xa0"), max_size=8), min_size=1, max_size=5))
def test_a_paragraph_is_its_line_stripped_at_its_trimmed_span(lines):
    text = "".join(line + "\n" for line in lines)
    reader = _Reader(Source("x.txt", text, "utf-8"), bundled())
    start = 0
    for number, line in enumerate(lines, 1):
        tok = Token("TEXT", line + "\n", start_pos=start, line=number)
        assert reader.paragraph(tok) == _straightforward(tok, reader.index, "text")
        start += len(line) + 1


@given(st.text(alphabet=st.sampled_from("2019年度〇一二九 \u3000政府信息a０"), max_size=14))
def test_the_year_of_a_title_and_its_key_are_those_of_the_patterns_searched_for_directly(title):
    """year_in() and _title_key() with their patterns compiled once, as re.search and
    re.sub with the patterns written out give."""
    m = re.search(r"(?<!\d)(?P<y>(?:19|20)\d\d|" + facts._CJK_YEAR + r")(?:[ \u3000]*年|(?=政务|政府|信息))",
                  nfkc(title))
    assert facts.year_in(title) == (facts._num(m.group("y")) if m else None)
    assert _title_key(title) == core(re.sub(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*(?:年度?)?", "", title))
    assert facts.issuer_kind(title) == facts.issuer_kind(re.sub(r"[\s\u3000]+", "", title))
