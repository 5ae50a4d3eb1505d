"""A region of one cell per line is read the same whether it takes the quick way (plain
lines, each blank or a TAB and a cell's text) or the general one: each cell its text
without the spaces around it, at the span where that text stands, a TAB-less line
continuing the cell above, a blank line ending the row."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lark import Token

from nianbao.tables import _WS, _cell_lines
from nianbao.text import LineIndex, join_spans

_LINE = st.one_of(
    st.text(alphabet=st.sampled_from("a一0"), max_size=4).map(lambda t: "\t" + t),  # the quick way's lines
    st.text(alphabet=st.sampled_from("a一0 \u3000\xa0\t"), max_size=5).map(lambda t: "\t" + t),
    st.text(alphabet=st.sampled_from("a一0 "), max_size=4).filter(lambda t: t.strip(_WS)),  # a continuation
)
_ROW_END = st.sampled_from(["", "", " ", "\u3000"])  # a blank line, or spaces alone


def _straightforward(value: str, before: str) -> list[tuple[list[tuple[str, tuple]], tuple]]:
    """Each line stripped and looked up in the text, one at a time."""
    index = LineIndex(before + value)
    rows, cells = [], []
    pos = len(before)
    for line in value.split("\n"):
        text = line.strip(_WS)
        if line.startswith("\t"):
            at = pos + line.find(text) if text else pos + 1
            cells.append([text, index.span(at, at + len(text))])
        elif text:
            at = pos + line.find(text)
            span = index.span(at, at + len(text))
            cells[-1][0] += text
            cells[-1][1] = join_spans(cells[-1][1], span) if cells[-1][0] else span
        elif cells:
            rows.append(([tuple(c) for c in cells], join_spans(cells[0][1], cells[-1][1])))
            cells = []
        pos += len(line) + 1
    return rows


@given(st.lists(st.tuples(st.lists(_LINE, min_size=1, max_size=6), _ROW_END), min_size=1, max_size=4),
       st.sampled_from(["", "前言\n"]))
def test_cell_lines_read_as_the_straightforward_way(groups, before):
    """Rows of TAB lines and continuations (a row begins with a TAB line), each ended by a
    blank line or one of spaces alone."""
    lines = [line for group, end in groups for line in ["\t" + group[0].lstrip("\t"), *group[1:], end]]
    value = "\n".join(lines) + "\n"
    tok = Token("CELL_LINES", value, start_pos=len(before), line=before.count("\n") + 1)
    read = _cell_lines(tok, LineIndex(before + value))
    assert [([(c.raw, c.span) for c in row.cells], row.span) for row in read] == _straightforward(value, before)
    assert all(row.layout == "cells" for row in read)


def test_the_usual_region_takes_the_quick_way_and_reads_the_same():
    value = "\t规章\n\t0\n\t\n\t12\n\n\n\t行政规范性文件\n\t2\n\n"
    tok = Token("CELL_LINES", value, start_pos=3, line=2)
    read = _cell_lines(tok, LineIndex("标题\n" + value))
    assert [([(c.raw, c.span) for c in row.cells], row.span) for row in read] == _straightforward(value, "标题\n")
    assert [[c.raw for c in row.cells] for row in read] == [["规章", "0", "", "12"], ["行政规范性文件", "2"]]
