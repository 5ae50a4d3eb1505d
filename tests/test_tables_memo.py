"""The memos the table reader looks cells and labels up in (cells.Memo) give what the
functions they stand for give, and keep no more than MEMO_SIZE answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nianbao import cells
from nianbao.cells import Memo, looks_like_value, parse_into, parse_value, parsed_as, value_like, value_like_into
from nianbao.labels import core
from nianbao.model import Cell, Span
from nianbao.tables import _CORE, RawRow

_RAW = st.text(alphabet=st.sampled_from("0１2,.-—无元万件 \u3000Ol一（）"), max_size=8)


@given(_RAW, st.sampled_from(["count", "signed", "amount", "text"]))
def test_a_cell_looked_up_is_the_cell_read(raw, kind):
    parsed = parsed_as[kind]
    assert parse_into(parsed, raw, kind) == parse_value(raw, kind)
    assert parsed[raw] == parse_value(raw, kind) and parsed_as[kind] is parsed  # (kept)
    assert value_like_into(raw) is looks_like_value(raw) and value_like[raw] is looks_like_value(raw)
    assert _CORE[raw] == core(raw)


def test_a_memo_keeps_no_more_than_its_size(monkeypatch):
    monkeypatch.setattr(cells, "MEMO_SIZE", 3)
    calls = []
    memo = Memo(lambda key: calls.append(key) or key * 2)
    assert [memo[k] for k in (1, 2, 1, 3, 4, 1)] == [2, 4, 2, 6, 8, 2]
    assert calls == [1, 2, 3, 4, 1] and len(memo) <= 3
    parsed: dict = {}
    for raw in ("1", "2", "3", "4", "1"):
        assert parse_into(parsed, raw, "count") == parse_value(raw, "count") and len(parsed) <= 3
        assert value_like_into(raw) and len(cells.value_like) <= 3


@given(st.lists(_RAW, max_size=6), st.booleans())
def test_a_row_splits_into_its_labels_and_trailing_values(texts, forget):
    """(as read cell by cell, whether the memo knows the texts or not)"""
    if forget:
        cells.value_like.clear()
    span = Span(1, 1, 1, 1, 0, 0)
    labels, values = RawRow([Cell(t, span) for t in texts], "tsv", span).split()
    i = len(texts)
    while i > 0 and looks_like_value(texts[i - 1]):
        i -= 1
    assert [c.raw for c in labels] == [t for t in texts[:i] if t]
    assert [c.raw for c in values] == texts[i:]
