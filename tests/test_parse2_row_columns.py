"""A matched row's columns are the ids of the template columns its cells map to, in
order, a list of its own (the builder keeps the ids of the last columns added to, and
gives each row a copy)."""

from __future__ import annotations

from conftest import REAL, SYNTHETIC

from nianbao.ingest import read_source
from nianbao.parse import parse


def test_each_row_has_its_own_list_of_the_column_ids_its_cells_map_to():
    checked = 0
    for path in sorted([*REAL.glob("*.txt"), *SYNTHETIC.glob("*.txt")]):
        report = parse(read_source(path))
        for table in report.tables:
            seen = set()
            for row in table.rows:
                assert id(row.columns) not in seen
                seen.add(id(row.columns))
                if row.problem is None and row.cells:
                    assert [c.column for c in row.cells][-len(row.columns):] == row.columns
                    checked += 1
    assert checked > 100
