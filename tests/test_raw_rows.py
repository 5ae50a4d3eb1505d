"""Where tables.py puts what it reads: each cell of a TSV line or of a cell-per-line row
is its text without the spaces around it, at the span where that text stands; a missing
row of a table is placed after the row of its block it should follow."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lark import Token

from conftest import REAL, SYNTHETIC

from nianbao.ingest import read_source
from nianbao.parse import parse
from nianbao.tables import _WS, _cell_lines, _tsv_lines
from nianbao.text import LineIndex

REGRESSION = Path(__file__).parent / "regression" / "reports"
_CELL = st.text(alphabet=st.sampled_from("a一0 \u3000\xa0"), max_size=6)


def _token(kind: str, before: str, value: str) -> tuple[Token, LineIndex]:
    text = before + value
    return Token(kind, value, start_pos=len(before), line=before.count("\n") + 1), LineIndex(text)


def _at_its_text(cell, text: str, index: LineIndex) -> None:
    assert text[cell.span.start:cell.span.end] == cell.raw
    assert cell.span == index.span(cell.span.start, cell.span.end)


@given(st.lists(st.lists(_CELL, min_size=2, max_size=5), min_size=1, max_size=4), st.sampled_from(["", "前言\n"]))
def test_a_tsv_cell_is_its_text_where_it_stands(lines, before):
    """Lines with spaces around their cells and lines with none (read without stripping
    each cell) alike."""
    value = "".join("\t".join(cells) + "\n" for cells in lines)
    tok, index = _token("TSV_LINES", before, value)
    rows = _tsv_lines(tok, index)
    assert [[c.raw for c in row.cells] for row in rows] == [[c.strip(_WS) for c in cells] for cells in lines]
    for row in rows:
        for cell in row.cells:
            _at_its_text(cell, index.text, index)
        line = index.text[row.span.start:row.span.end]
        assert line == line.strip(_WS) and row.span == index.span(row.span.start, row.span.end)


@given(st.lists(st.lists(_CELL.filter(lambda c: c.strip(_WS) or not c), min_size=1, max_size=4), min_size=1,
                max_size=3))
def test_a_cell_per_line_is_its_text_where_it_stands(rows):
    value = "\n".join("".join(f"\t{c}\n" for c in cells) for cells in rows) + "\n"
    tok, index = _token("CELL_LINES", "标题\n", value)
    read = _cell_lines(tok, index)
    assert [[c.raw for c in row.cells] for row in read] == [[c.strip(_WS) for c in cells] for cells in rows]
    for row in read:
        for cell in row.cells:
            if cell.raw:
                _at_its_text(cell, index.text, index)
            else:  # a blank cell stands just after its TAB
                assert index.text[cell.span.start - 1] == "\t" and cell.span.start == cell.span.end


def _with_rows_dropped(text: str) -> str:
    """Every third TSV line left out: rows go missing all over the tables."""
    return "\n".join(line for i, line in enumerate(text.split("\n")) if not (line.count("\t") > 1 and i % 3 == 0))


def test_a_missing_row_stands_after_the_row_of_its_block_before_it(rules):
    """Each missing row of every table of the samples and regression reports, whole and
    with rows dropped, where the plain reading of the rule puts it: after the last row
    found of its block that comes before it in the template, else at the first row found
    after it, else at the last row (or the table)."""
    checked = 0
    for path in sorted([*REAL.glob("*.txt"), *SYNTHETIC.glob("*.txt"), *REGRESSION.glob("*.txt")]):
        source = read_source(path)
        for text in (source.text, _with_rows_dropped(source.text)):
            for table in parse(replace(source, text=text, gaps=[]), rules.templates).tables:
                versions = rules.templates.versions_of(table.template) if table.template else []
                neutral = table.template in rules.templates.neutral  # (read against its first version)
                tpl = next((t for t in versions if t.version == table.version or neutral), None)
                if tpl is None:  # (no template, or versions nothing told apart)
                    continue
                order = {r.id: r.order for r in tpl.rows}
                block = {r.id: r.block for r in tpl.rows}
                for missing in table.missing:
                    at = order[missing.row]
                    before = [r for r in table.rows if order.get(r.template_row, 10**6) < at
                              and block.get(r.template_row) == missing.block]
                    after = [r for r in table.rows if order.get(r.template_row, 10**6) > at]
                    expected = (before[-1].span if before else after[0].span if after
                                else table.rows[-1].span if table.rows else table.span)
                    assert missing.span == expected, (path.name, missing.row)
                    checked += 1
    assert checked > 100


def test_each_cell_of_a_table_is_a_cell_of_its_own_in_its_row_and_column():
    """The cells of the reading kept are the rows' raw cells given their value, column
    and row: no cell stands twice in a report's tables (a row of blank cells made up to
    the template's columns too), and each carries its row and a column of its row's."""
    from nianbao.ingest import Source

    head = "某县某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    padded = head + "\t一、本年新收政府信息公开申请数量\n\t\n\t\n\n\t二、上年结转政府信息公开申请数量\n" + "\t1\n" * 7
    reports = [parse(Source("x.txt", padded, "utf-8"))]
    reports += [parse(read_source(p)) for p in (*sorted(REAL.glob("*.txt")), *sorted(SYNTHETIC.glob("*.txt")),
                                                *sorted(REGRESSION.glob("*.txt")))]
    new = reports[0].table("applications").row("new")
    assert [c.raw for c in new.cells] == [""] * 7 and [c.column for c in new.cells] == new.columns
    for rep in reports:
        cells = [c for t in rep.tables for c in (*t.header, *(c for r in t.extra for c in r.cells))]
        for row in (r for t in rep.tables for r in t.rows):
            cells += row.cells
            assert all(c.row == row.template_row for c in row.cells)
            if row.problem is None:  # (a labelled value's unit is a cell before it, in no column of the row's)
                assert [c.column for c in row.cells if c.column != "unit"] == row.columns
        assert len({id(c) for c in cells}) == len(cells)
