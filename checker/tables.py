"""tables: the table regions the grammar found → Tables matched to the official templates.

A region arrives as grammar tokens (CELL_LINES, TSV_LINES, TAB_CONT, TAB_GAP). Reading
goes in four steps:

1. rows: each token becomes raw rows of raw cells, with continuation lines joined to
   the cell they continue ("\t结果" + "维持" → 结果维持);
2. broken labels: a TSV line holding only fragments of the labels above it ("\t处理\t
   公开申请") is joined to them, cell by cell;
3. segments: a region can hold more than one table (when a heading between them is
   lost); labels that only one template uses say where one ends and the next begins;
4. interpretation: each segment is read against every version of its template, in
   the template's shape, and the version that explains it best is kept.

Nothing is invented: a row the template has and the report does not is a MissingRow
at the place it belongs; a row with the wrong number of values keeps its cells but
maps none of them to a column, so no arithmetic is done on guesses.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter
from typing import Any, Iterator

from .cache import compile_re
from .cells import UNITS, Memo, looks_like_value, parse_into, parse_value, parsed_as, value_like, value_like_into
from .labels import core
from .pipetables import BARS, CELLS
from .model import Cell, LostTable, MissingRow, Paragraph, Row, Span, Table, TableProblem, make_span, new_tuple
from .templates import Column, TableTemplate, Templates, TemplateRow
from .text import LineIndex, join_spans

_WS = " \t\u3000\xa0"
_TEXT = attrgetter("raw")  # any(map(_TEXT, cells)): whether a cell has text, without a generator per row
_ID = attrgetter("id")  # list(map(_ID, columns)): their ids, likewise without a frame per row
_LAYOUT = attrgetter("layout")
_CELLS = attrgetter("cells")
_TEMPLATE_ROW = attrgetter("template_row")
_CORE = Memo(core)  # core(label) as _CORE[label]: the labels of every row are looked up, some more than once


@dataclass(slots=True)
class RawRow:
    """A line of a table as read, before it is matched to a template row. Its cells are
    Cells of their raw text and span alone: the reading kept (kept()) sets the value,
    column and row of those it maps to a column, rather than making a Cell again."""

    cells: list[Cell]
    layout: str  # cells | tsv | cont
    span: Span
    parts: tuple[list[Cell], list[Cell]] | None = field(default=None, repr=False, compare=False)
    words: list[str] | None = field(default=None, repr=False, compare=False)

    def split(self) -> tuple[list[Cell], list[Cell]]:
        """Label cells (non-empty, before the values) and the trailing run of value cells.
        Worked out once (a row is read against each version of its template); whoever
        changes a cell's text calls changed(). The lists are shared: not to be changed.
        (The readers' loops take `row.parts or row.split()`: a call costs more than
        looking up the answer kept.)"""
        if self.parts is None:
            cells = self.cells
            i = len(cells)
            try:
                while i > 0 and value_like[cells[i - 1].raw]:
                    i -= 1
            except KeyError:  # (a text not seen before, now and then)
                while i > 0 and value_like_into(cells[i - 1].raw):
                    i -= 1
            labels = []  # (a loop: a list comprehension is a call, per row)
            for cell in cells[:i]:
                if cell.raw:
                    labels.append(cell)
            self.parts = labels, cells[i:]
        return self.parts

    @property
    def texts(self) -> list[str]:
        """The texts of its non-empty cells (worked out once, as split(); shared too)."""
        if self.words is None:
            words = self.words = []  # (a loop, as in split())
            for cell in self.cells:
                if cell.raw:
                    words.append(cell.raw)
        return self.words

    def changed(self) -> None:
        """A cell's text or the cells changed: split() and texts are worked out again."""
        self.parts = None
        self.words = None


# ---------------------------------------------------------------------------- 1. rows

def _raw_rows(tokens: list, index: LineIndex) -> list[RawRow]:
    rows: list[RawRow] = []
    for tok in tokens:
        if tok.type == "CELL_LINES":
            rows.extend(_cell_lines(tok, index))
        elif tok.type == "TSV_LINES":
            rows.extend(_tsv_lines(tok, index))
        elif tok.type in ("TAB_CONT", "TEXT"):
            _continuation(rows, tok, index)
    return rows


def _cell(number: int, line_start: int, start: int, part: str, index: LineIndex) -> Cell:
    """The cell text[start:start + len(part)] on line `number` (which starts at
    line_start), without its surrounding whitespace, on a line where characters spaced
    apart were closed up (LineIndex.plain): its columns are those of the document as it
    was. (Cells of plain lines, most of them, are made in the loops below, without a
    call per cell.)"""
    text = part.strip(_WS)
    if text is not part and text:  # (strip gives back the same string when there is nothing to strip)
        start += part.find(text)  # the text begins where the leading whitespace ends
    end = len(text)
    column = index.column(line_start, start)
    end_column = index.end_column(line_start, start + end) if end else column
    return Cell(text, make_span((number, column, number, end_column, start, start + end)))


def _cell_lines(tok, index: LineIndex) -> list[RawRow]:
    """Rows of a cell per TAB line, a TAB-less line continuing the cell above (the
    grammar guarantees there is one); blank lines end a row."""
    rows: list[RawRow] = []
    cells: list[Cell] = []
    pos = tok.start_pos
    value = tok.value
    lines = value.split("\n")
    all_plain = index.plain(pos, pos + len(value))  # (then so is every line of it)
    if (all_plain and not (" " in value or "\u3000" in value or "\xa0" in value)
            and value.count("\t") == value.count("\n\t") + (value[:1] == "\t") == len(lines) - lines.count("")):
        return _tab_lines(lines, index.line(pos), pos)
    for number, line in enumerate(lines, index.line(pos)):
        if not line:  # (most blank lines: nothing to strip)
            if cells:
                first, last = cells[0].span, cells[-1].span  # (join_spans(), without a call per row)
                rows.append(RawRow(cells, "cells", new_tuple(Span, (first.line, first.column, last.end_line,
                                                                    last.end_column, first.start, last.end))))
                cells = []
            pos += 1
            continue
        text = line.strip(_WS)
        if line[0] == "\t":
            if all_plain or index.plain(pos, pos + len(line)):
                # the cell begins after the TAB (a blank one stays there), unless more
                # than the TAB was stripped (then where its text is found)
                size = len(text)
                column = 2 if size + 1 == len(line) or not size else line.find(text) + 1
                start = pos + column - 1
                cells.append(Cell(text, new_tuple(Span, (number, column, number, column + size, start, start + size))))
            else:
                cells.append(_cell(number, pos, pos + 1, line[1:], index))
        elif text:
            if all_plain or index.plain(pos, pos + len(line)):
                start = pos + line.find(text)
                end = start + len(text)
                span = new_tuple(Span, (number, start - pos + 1, number, end - pos + 1, start, end))
            else:
                span = _cell(number, pos, pos, line, index).span
            _extend(cells[-1], text, span)
        elif cells:
            first, last = cells[0].span, cells[-1].span
            rows.append(RawRow(cells, "cells", new_tuple(Span, (first.line, first.column, last.end_line,
                                                                last.end_column, first.start, last.end))))
            cells = []
        pos += len(line) + 1
    return rows


def _tab_lines(lines: list[str], number: int, pos: int) -> list[RawRow]:
    """_cell_lines() of the usual region: plain lines, no space in them, each either
    blank or a TAB and then the cell's text (every TAB begins a line, and every line that
    is not blank begins with one). Then a cell is its line but the TAB, from column 2:
    nothing to strip or look for, no continuation line."""
    rows: list[RawRow] = []
    cells: list[Cell] = []
    for number, line in enumerate(lines, number):
        if line:
            end = pos + len(line)
            cells.append(Cell(line[1:], new_tuple(Span, (number, 2, number, end - pos + 1, pos + 1, end))))
            pos = end + 1
        else:
            if cells:
                first, last = cells[0].span, cells[-1].span  # (join_spans(), without a call per row)
                rows.append(RawRow(cells, "cells", new_tuple(Span, (first.line, first.column, last.end_line,
                                                                    last.end_column, first.start, last.end))))
                cells = []
            pos += 1
    return rows


def _tsv_lines(tok, index: LineIndex) -> list[RawRow]:
    rows = []
    pos = tok.start_pos
    all_plain = index.plain(pos, pos + len(tok.value))  # (then so is every line of it)
    for number, line in enumerate(tok.value.split("\n")[:-1], index.line(pos)):
        cells, start = [], pos
        plain = all_plain or index.plain(pos, pos + len(line))
        if plain and not (" " in line or "\u3000" in line or "\xa0" in line):
            # (no space to strip from a cell, most lines: each cell is its part of the line)
            at, before = pos, pos - 1  # (a cell's column: its offset less the one before the line)
            for part in line.split("\t"):
                end = at + len(part)
                cells.append(Cell(part, new_tuple(Span, (number, at - before, number, end - before, at, end))))
                at = end + 1
        elif plain:
            for part in line.split("\t"):
                text = part.strip(_WS)
                at = start if text is part else start + part.find(text)  # (find("") is 0)
                column = at - pos + 1
                cells.append(Cell(text, new_tuple(Span, (number, column, number, column + len(text), at, at + len(text)))))
                start += len(part) + 1
        else:
            for part in line.split("\t"):
                cells.append(_cell(number, pos, start, part, index))
                start += len(part) + 1
        if plain:
            text = line.strip(_WS)
            at = pos if text is line else pos + line.find(text)
            column = at - pos + 1
            span = new_tuple(Span, (number, column, number, column + len(text), at, at + len(text)))
        else:
            span = _cell(number, pos, pos, line, index).span
        rows.append(RawRow(cells, "tsv", span))
        pos += len(line) + 1
    return rows


def _continuation(rows: list[RawRow], tok, index: LineIndex) -> None:
    """A TAB-less line in a table: the rest of the cell above in the one-cell-per-line
    layout; a row of one cell (a block label written without TABs) otherwise."""
    line = tok.value.rstrip("\n")
    span = index.trimmed(tok.start_pos, tok.start_pos + len(line))
    last = rows[-1].cells[-1] if rows and rows[-1].cells and rows[-1].layout != "tsv" else None
    if last is not None and last.raw and not looks_like_value(last.raw):
        _extend(last, line, span)
        rows[-1].span = join_spans(rows[-1].span, span)
        rows[-1].changed()
    else:
        rows.append(RawRow([Cell(line.strip(_WS), span)], "cont", span))


def _extend(cell: Cell, line: str, span: Span) -> None:
    cell.raw += line.strip(_WS)
    cell.span = join_spans(cell.span, span) if cell.raw else span


# --------------------------------------------------------------------- 2. broken labels

def _join_values_to_labels(rows: list[RawRow], templates: Templates) -> list[RawRow]:
    """A TSV line of a template row's label (after its block's, perhaps), the next line
    its values alone: one row (a web page's cells copied with a line break after each
    row's label, 规章 | then 0 | 0 | 0 |, a real 2021 page of 赫章县交通运输局, round 575:
    read as two lines, the label's row was blank, its values a row of no template). Not
    a header's labels, nor a row with three labels or more: a header row above the
    first values."""
    if "tsv" not in map(_LAYOUT, rows):
        return rows
    out: list[RawRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and row.layout == "tsv" and prev.layout == "tsv"
                and row.cells[0].raw and row.texts and all(map(looks_like_value, row.texts))):
            labels, values = prev.split()
            if (0 < len(labels) <= 2 and _CORE[labels[-1].raw] in templates.row_labels
                    and not any(_CORE[c.raw] in templates.heading_labels for c in labels)
                    and not any(map(_TEXT, values))):
                prev.cells = [*prev.cells[:prev.cells.index(labels[-1]) + 1], *row.cells]
                prev.span = join_spans(prev.span, row.span)
                prev.changed()
                continue
        out.append(row)
    return out


def _join_broken_labels(rows: list[RawRow], known: Container[str]) -> list[RawRow]:
    """A TSV line of label fragments under a data row continues that row's labels."""
    if "tsv" not in map(_LAYOUT, rows):  # (a region of cells one per line, many: nothing to join)
        return rows
    out: list[RawRow] = []
    for row in rows:
        prev = out[-1] if out else None
        # (only a TSV line is looked at: most rows are not; its texts kept, looked up without a call)
        texts = (row.words or row.texts) if row.layout == "tsv" else None
        if (prev is not None and texts
                and not any(map(looks_like_value, texts))
                and not any(_CORE[t] in known for t in texts)):
            labels, values = prev.split()
            if any(map(_TEXT, values)) and len(texts) <= len(labels):
                fragments = [c for c in row.cells if c.raw]
                for cell, frag in zip(labels, fragments):
                    _extend(cell, frag.raw, frag.span)
                prev.span = join_spans(prev.span, row.span)
                prev.changed()
                continue
        out.append(row)
    return out


# ------------------------------------------------------------------------- 3. segments

@dataclass(slots=True)
class _Segment:
    """Rows one after another that read as one template's (or any, while none is known)."""

    template: str | None
    rows: list[RawRow] = field(default_factory=list)


def _segments(rows: list[RawRow], sole_owner: dict[str, str]) -> list[_Segment]:
    """`sole_owner`: the labels only one template uses, and that template."""
    segments: list[_Segment] = []
    current = _Segment(None)
    for row in rows:
        template = None  # the one template its labels name (None when they name none, or several)
        for cell in row.split()[0]:  # (its trailing values are no labels: they look like values)
            owner = sole_owner.get(_CORE[cell.raw])
            if owner is None or owner == template:
                continue
            try:
                like = value_like[cell.raw]
            except KeyError:  # (a label split() did not look at)
                like = value_like_into(cell.raw)
            if like:
                continue
            if template is not None:
                template = None
                break
            template = owner
        if template is not None:
            if current.template is None:
                current.template = template
            elif template != current.template:
                segments.append(current)
                current = _Segment(template)
        current.rows.append(row)
    segments.append(current)
    return segments


# ------------------------------------------------------------------- 4. interpretation

@dataclass(slots=True)
class _Reading:
    """A segment read against one version of a template, scored, to keep the best."""

    table: Table
    score: float
    complete: bool
    kept: Callable[[], Table]  # the table finished (missing rows, evidence, cells): for the reading kept only


def _match(label: str, tpl: TableTemplate, rows: list[TemplateRow], has_values: bool,
           cursor: int) -> tuple[TemplateRow | None, bool]:
    """The template row a label names among `rows` (tpl's rows, or a block's): exact
    words first, then a close reading. Among several, the one whose kind (data row or
    group) fits, then the next in order."""
    c = _CORE[label]
    if not c:
        return None, False
    # (an answer kept is a non-empty tuple: looked up here, it costs no call)
    candidates, is_exact = tpl.lookups.get((id(rows), c)) or _candidates(tpl, rows, c)
    if not candidates:
        return None, False
    if len(candidates) == 1:
        return candidates[0], is_exact
    return min(candidates, key=lambda r: (r.is_group == has_values, r.order <= cursor, abs(r.order - cursor))), is_exact


_LOOKUPS = 4096  # answers a template version keeps (TableTemplate.lookups): labels of many reports
_NOTHING = object()


def _kept(tpl: TableTemplate, key: tuple, make: Callable[[], Any]) -> Any:
    """tpl.lookups[key], made the first time it is asked for (None is an answer too);
    the answers of many reports' labels are bounded by _LOOKUPS."""
    found = tpl.lookups.get(key, _NOTHING)
    if found is _NOTHING:
        if len(tpl.lookups) >= _LOOKUPS:
            tpl.lookups.clear()
        found = tpl.lookups[key] = make()
    return found


def _candidates(tpl: TableTemplate, rows: list[TemplateRow], c: str) -> tuple[list[TemplateRow], bool]:
    """The rows whose words are c, else those close to it (and whether exact): the same
    labels come back in every report, and the close reading compares each with every row."""
    def make() -> tuple[list[TemplateRow], bool]:
        exact = [r for r in rows if r.core == c]
        return (exact, True) if exact else ([r for r in rows if _close(c, r.core)], False)

    # (rows is a list of tpl's own: its id stays while tpl, which keeps the answer, lives)
    return _kept(tpl, (id(rows), c), make)


def _close(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short):
        return True
    if abs(len(a) - len(b)) > max(len(a), len(b)) // 3:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


_YEAR_IN_NAME = compile_re(r"(?:19|20)\d\d年?度?")  # (本年(2023)制发件数: a column named with its year)


def _said_as_bennian(name: str) -> str:
    """A column's name with this year said as 本年, where it says 本年度 (本年度处理决定数量, a real
    2021 page of 凌源市, round 262), and last year as 上一年, where it says 上一年度 (上一年度项目数量,
    a real 2020 page of 砚山县交通运输局, round 527)."""
    if name.startswith("本年度"):
        return "本年" + name[3:]
    if name.startswith("上一年度"):
        return "上一年" + name[4:]
    return name


def _completed_names(found: list[str], expected: list[str]) -> list[str]:
    """Column names a page cut short completed: a cell that kept only the first line of
    its name ("本年新" of 本年新制作数量 and of 本年新公开数量, when the web page lost the
    line break inside the cell) stands for the next expected name it begins; and a name
    that only adds the year (本年(2023)制发件数) or says 本年度 for 本年 (上一年度 for 上一年) is the name,
    as is one that leaves 新 out of 本年新… where that name is the next expected."""
    if found == expected:  # (a header as the template has it, most: nothing to complete)
        return list(found)
    out, at = [], 0
    for name in found:
        if name not in expected:
            name = _with_its_unit(_YEAR_IN_NAME.sub("", name), expected[at:])
        if name not in expected and _said_as_bennian(name) in expected:
            name = _said_as_bennian(name)
        if name not in expected and name.startswith("本年"):  # (本年度公开数量 for 本年新公开数量, 新 left out, in its place)
            name = next((e for e in expected[at:at + 1] if e.startswith("本年新") and "本年" + e[3:] == _said_as_bennian(name)), name)
        if name not in expected and len(name) >= 3:
            name = next((e for e in expected[at:] if e.startswith(name)), name)
        if name in expected[at:]:
            at = expected.index(name, at) + 1
        out.append(name)
    return out


_UNIT_AFTER = compile_re(r"(?:单位)?(万元|亿元|元)$")


def _with_its_unit(name: str, expected: list[str]) -> str:
    """The expected column name a name stands for that only adds its unit to it, or
    writes the same unit otherwise (采购总金额（万元）for 采购总金额, 本年收费金额（万元）for
    本年收费金额（单位：万元））; else the name. Never a name of another unit."""
    unit = _UNIT_AFTER.search(name)
    if unit is None:
        return name
    for e in expected:
        theirs = _UNIT_AFTER.search(e)
        if ((theirs is None and e == name[:unit.start()])
                or (theirs is not None and theirs[1] == unit[1] and e[:theirs.start()] == name[:unit.start()])):
            return e
    return name


def _header_state(found: list[str], expected: list[str]) -> str:
    found = _completed_names(found, expected)
    if not found:
        return "missing"
    if found == expected:
        return "confirmed"
    remaining = iter(expected)
    if all(any(f == e for e in remaining) for f in found):
        return "partial"
    return "mismatch"


def _header_row(header: list[Cell], labels: list[Cell], words: set[str]) -> bool:
    """Whether a row without values is a row of column names, added to the header if so:
    the ends of names begun in the row above, or names (perhaps the start of some)."""
    if _join_header_ends(header, labels, words):
        return True
    if _header_pieces([_CORE[c.raw] for c in labels], words):
        header.extend(labels)
        return True
    return False


def _header_pieces(cores: list[str], words: set[str]) -> bool:
    """A row of column names, some perhaps broken over two lines in the original
    (商业 | 科研 | … above 企业 | 机构): each a name or the start of one, one at least whole."""
    return any(map(words.__contains__, cores)) and all(
        c in words or (len(c) >= 2 and any(w.startswith(c) for w in words)) for c in cores)


def _join_header_ends(header: list[Cell], pieces: list[Cell], words: set[str]) -> bool:
    """A row of pieces that end column names begun in the header above (企业 | 机构 under
    商业 | 科研), joined to them in order. Nothing is joined unless every piece ends one."""
    begun = [_CORE[c.raw] for c in header]
    targets, start = [], 0
    for piece in pieces:
        end = _CORE[piece.raw]
        k = next((i for i in range(start, len(header)) if begun[i] not in words and begun[i] + end in words), None)
        if k is None:
            return False
        targets.append(k)
        start = k + 1
    for k, piece in zip(targets, pieces):
        header[k] = Cell(header[k].raw + piece.raw, join_spans(header[k].span, piece.span))
    return True


def _unmapped(values: list[Cell], row_id: str | None) -> list[Cell]:
    """The cells of a row not mapped to columns, each read as a value; a blank one is no
    value (nor a blank read as 0, TABLE-013): the row's cells are not read as the table's."""
    return [Cell(cell.raw, cell.span, *parse_value(cell.raw), None, row_id) if cell.raw.strip()
            else Cell(cell.raw, cell.span, None, None, None, None, row_id) for cell in values]


def _fit(values: list[Cell], expected: int) -> list[Cell]:
    """Drop blank cells beyond the expected count: at the end (a trailing TAB), then at
    the start (an empty cell of a label column). Not a copy when nothing is dropped."""
    if len(values) <= expected:
        return values
    values = list(values)
    while len(values) > expected and not values[-1].raw:
        values.pop()
    while len(values) > expected and not values[0].raw:  # a blank label column
        values.pop(0)
    return values


def _header_problem(state: str, where: Span, detail: str, block: str | None = None,
                    missing: list[str] | None = None) -> TableProblem | None:
    """A header that is not the template's: missing, partial (the names found are in
    the template's order, some are missing: `detail` then names those), or mismatch."""
    if state == "partial" and missing:
        return TableProblem("header_partial", "、".join(missing), where, block)
    if state in ("missing", "partial", "mismatch", "unit"):
        return TableProblem(f"header_{state}", detail, where, block)
    return None


def _unit_only(found: list[str], expected: list[str]) -> bool:
    """Whether column names differ from the template's only by a unit (本年收费金额单位元 for
    本年收费金额单位万元)."""
    return len(found) == len(expected) and all(
        _UNIT_AFTER.sub("", f) == _UNIT_AFTER.sub("", e) for f, e in zip(found, expected))


def _confirmed_columns(found: list[str], expected: list[str], columns: list[Column]) -> list[Column]:
    """The columns a header lets be read. A header that names some of the template's
    columns in order but not others (a column cut off at the page edge, a name lost)
    does not confirm the others: they are not read, and nothing is computed from them.
    A complete header, none at all (the values read in the template's order) or one
    that contradicts the template (then nothing is reliable) leaves every column."""
    if _header_state(found, expected) != "partial":
        return columns
    named = set(_completed_names(found, expected))
    return [c for c in columns if _CORE[c.label] in named]


def _unread(columns: list[Column], read: list[Column] | None) -> list[str]:
    """The labels of the columns a header leaves unread (None: every column is read).
    (Most headers leave none: then no column is compared with another.)"""
    if read is None or read is columns:
        return []
    return [c.label for c in columns if c not in read]


def _only(values: list[Cell], columns: list[Column], read: list[Column]) -> list[Cell]:
    """A row's values for the columns that are read, when not all are (callers check
    that first): as many as those (blank cells beyond them dropped), or one per
    template column cut down to those."""
    fitted = _fit(values, len(read))
    if len(fitted) == len(read):
        return fitted
    values = _fit(values, len(columns))
    if len(values) != len(columns):
        return values
    keep = {c.id for c in read}
    return [v for v, c in zip(values, columns) if c.id in keep]


@dataclass(slots=True)
class _Contrast:
    """What the other versions of a template have, to tell a reading against this one
    apart from theirs (worked out once per version, kept in TableTemplate.lookups)."""

    others: list[TableTemplate]
    data_rows: dict[str, TemplateRow]  # their data rows by words
    own_rows: list[TemplateRow]        # this version's rows none of theirs is (words and kind)
    own_labels: list[tuple[str, str]]  # this version's block and column labels they lack, with their words


def _contrast(tpl: TableTemplate, all_versions: list[TableTemplate]) -> _Contrast:
    others = [v for v in all_versions if v.version != tpl.version]

    def make() -> _Contrast:
        their_rows = {(r.core, r.is_group) for o in others for r in o.rows}
        their_labels = set().union(*(o.labels for o in others)) if others else set()
        return _Contrast(
            others, {r.core: r for v in others for r in v.data_rows},
            [r for r in tpl.rows if (r.core, r.is_group) not in their_rows],
            [(label, _CORE[label]) for b in tpl.blocks for label in [b.label] + [c.label for c in b.columns]
             if _CORE[label] not in their_labels])

    # (the answer keeps `others`, so their ids stay theirs)
    return _kept(tpl, ("contrast", *map(id, others)), make)


@dataclass(slots=True)
class _Words:
    """The words of a version's header and captions (worked out once per version, kept
    in TableTemplate.lookups): each reading of a table compares its header with them."""

    header: list[str]           # of each header label, in the template's order
    header_set: set[str]
    captions: set[str]
    header_or_caption: set[str]


def _words(tpl: TableTemplate) -> _Words:
    def make() -> _Words:
        header, captions = [_CORE[h] for h in tpl.header], {_CORE[c] for c in tpl.captions}
        return _Words(header, set(header), captions, set(header) | captions)

    return _kept(tpl, ("words",), make)


_UNORDERED = 10**6  # the place of a row that is no row of the template: after all of them


class _Builder:
    """Collects one reading of one segment against one template version."""

    def __init__(self, tpl: TableTemplate, layout: str, span: Span, all_versions: list[TableTemplate]) -> None:
        self.tpl = tpl
        self.all_versions = all_versions
        self.orders = tpl.row_orders
        self.blocks = tpl.row_blocks
        self.table = Table(span=span, layout=layout, template=tpl.id, title=tpl.title, version=tpl.version)
        self.matched: dict[str, Row] = {}
        self.exact = 0
        self.fuzzy = 0
        self.unmatched: list[RawRow] = []
        self.header_hits = 0
        self.values: list[tuple[Row, list[Cell], list[Column], str | None]] = []  # see add()
        self.column_ids: tuple[list[Column], list[str]] = ([], [])  # the last columns added to, and their ids

    def add(self, trow: TemplateRow, is_exact: bool, labels: list[Cell], values: list[Cell],
            columns: list[Column], kind: str | None = None) -> None:
        label = labels[-1].raw if labels else ""
        first, last = (labels or values)[0].span, (values or labels)[-1].span
        # (join_spans(first, last), without a call per row)
        span = new_tuple(Span, (first.line, first.column, last.end_line, last.end_column, first.start, last.end))
        if trow.id in self.matched:
            self.table.problems.append(TableProblem("duplicate_row", label, span))
            return
        last = self.column_ids
        if last[0] is not columns:  # (most rows are added to the columns of the row before: their ids kept)
            last = self.column_ids = columns, list(map(_ID, columns))
        ids = last[1]
        width = len(columns)
        if len(values) > width:
            values = _fit(values, width)
        if 0 < len(values) < width and not any(map(_TEXT, values)):
            # "规章 |" and its other cells each on a line of their own ("|"): a row of blank
            # cells, whatever number of them survived the copy
            values = values + [Cell("", values[-1].span) for _ in range(width - len(values))]
        if len(values) == width:
            # (its cells are read by kept(), once a reading is kept: a segment is read
            # against each version of its template, and all but one reading are dropped)
            row = Row(label, span, [], trow.id, ids[:])
            self.values.append((row, values, columns, kind))
        else:
            row = Row(label, span, _unmapped(values, trow.id), trow.id, ids[:],
                      problem=f"value_count:{len(values)}/{len(columns)}")
            self.table.problems.append(TableProblem(
                "value_count", f"{label}: {len(values)}/{len(columns)}", span))
        self.matched[trow.id] = row
        self.table.rows.append(row)
        if is_exact:
            self.exact += 1
        else:
            self.fuzzy += 1

    def unmatched_row(self, row: RawRow) -> None:
        self.unmatched.append(row)

    def finish(self) -> _Reading:
        """The reading's score, and whether it is complete: every data row found (then
        no row is missing), none unmatched (then none is another version's) and the
        header as the template has it. The table is finished by kept(), for the reading
        kept only."""
        score = self.exact + 0.5 * self.fuzzy + self.header_hits - len(self.unmatched)
        complete = (not self.unmatched and self.table.header_confirmed
                    and all(map(self.matched.__contains__, map(_ID, self.tpl.data_rows))))
        return _Reading(self.table, score, complete, self.kept)

    def kept(self) -> Table:
        """The table with its rows in the template's order, the rows it lacks, the rows
        not matched (another version's, or none), what marks its version, and each
        matched row's cells (after any a shape put first: the unit of a labelled value):
        the row's raw cells themselves, each given its value, column and row (a segment's
        rows are read once per version, and only the reading kept comes here)."""
        t, tpl = self.table, self.tpl
        orders, blocks = self.orders, self.blocks
        # (sorted by their places, worked out in C: a key function would be a call per row)
        places = list(map(orders.get, map(_TEMPLATE_ROW, t.rows), repeat(_UNORDERED)))
        t.rows = [t.rows[i] for i in sorted(range(len(places)), key=places.__getitem__)]
        missing = [trow for trow in tpl.data_rows if trow.id not in self.matched]
        if missing:
            placed = [(orders.get(r.template_row, _UNORDERED), blocks.get(r.template_row), r) for r in t.rows]
            t.missing.extend(MissingRow(trow.id, trow.label, self._anchor(trow, placed), trow.block)
                             for trow in missing)
        contrast = _contrast(tpl, self.all_versions)
        other_labels = contrast.data_rows
        own_labels = tpl.row_cores
        for raw in self.unmatched:
            labels, values = raw.parts or raw.split()
            hit = next((other_labels[_CORE[c.raw]] for c in reversed(labels)
                        if _CORE[c.raw] in other_labels and _CORE[c.raw] not in own_labels), None)
            if hit is not None:
                t.extra.append(Row(labels[-1].raw, raw.span, _unmapped(values, None), hit.id))
            else:
                t.problems.append(TableProblem("unmatched_row", " / ".join(raw.texts), raw.span))
        t.version_evidence, t.evidence_at = self._evidence(contrast)
        t.version_columns = bool(contrast.own_labels)
        read_as, parsed = None, None  # the kind of the cell before, and its memo (most cells share one)
        for row, values, columns, kind in self.values:
            row_id = row.template_row
            for cell, col in zip(values, columns):
                if (kind or col.kind) != read_as:
                    read_as = kind or col.kind
                    parsed = parsed_as[read_as]
                try:  # (a plain dict's subscript: the quickest lookup there is)
                    cell.value, cell.problem, cell.unit = parsed[cell.raw]
                except KeyError:
                    cell.value, cell.problem, cell.unit = parse_into(parsed, cell.raw, read_as)
                cell.column, cell.row = col.id, row_id
            row.cells.extend(values)
        return self.table

    def _anchor(self, trow: TemplateRow, placed: list[tuple[int, str | None, Row]]) -> Span:
        """Where a missing row belongs: the row of its block it should follow, else the
        first row found after it, else the table itself. `placed`: the rows found, in
        order, each with its order and block in the template."""
        for order, block, r in reversed(placed):  # (the last of its block before it)
            if order < trow.order and block == trow.block:
                return r.span
        after = next((r for order, _, r in placed if order > trow.order), None)
        if after is not None:
            return after.span
        return self.table.rows[-1].span if self.table.rows else self.table.span

    def _evidence(self, contrast: _Contrast) -> tuple[list[str], Span | None]:
        """What in the report marks this version: rows (a data row where the other
        versions have a group counts too) and column or block labels no other has; and,
        when one thing alone marks it (the single （六）其他处理 row), where it stands."""
        if not contrast.others:
            return [], None
        matched, theirs = self.matched, contrast.data_rows
        # (a row named as another version names it marks that one: 规范性文件 in a 2021 table)
        marks = [(r.label, matched[r.id].span) for r in contrast.own_rows
                 if r.id in matched and _CORE[matched[r.id].label] not in theirs]
        if self.table.header and contrast.own_labels:  # (labels no other version has: often none)
            header = {_CORE[c.raw]: c.span for c in reversed(self.table.header)}
            marked = {label for label, _ in marks}
            for label, words in contrast.own_labels:
                if words in header and label not in marked:
                    marks.append((label, header[words]))
                    marked.add(label)
        return [label for label, _ in marks], marks[0][1] if len(marks) == 1 else None


def _rejoin_split_rows(rows: list[RawRow], width: int) -> list[RawRow]:
    """A row a page break cut in two (its label and first values, then the rest of its
    values on the next page) is one row again, when together the values fill it exactly."""
    out: list[RawRow] = []
    for row in rows:
        if out:
            labels, values = out[-1].parts or out[-1].split()
            more_labels, more = row.parts or row.split()
            if (labels and not more_labels and more and len(values) < width
                    and len(_fit(values, width)) + len(_fit(more, width)) == width):
                out[-1] = RawRow(out[-1].cells + row.cells, out[-1].layout, join_spans(out[-1].span, row.span))
                continue
        out.append(row)
    return out


def _interpret_grid(rows: list[RawRow], tpl: TableTemplate, b: _Builder) -> None:
    words = _words(tpl)
    captions, header_words, expected = words.captions, words.header_or_caption, words.header
    columns = tpl.blocks[0].columns
    read: list[Column] | None = None  # the columns the header confirms, known at the first data row
    cursor = -1
    for row in _rejoin_split_rows(rows, len(columns)):
        labels, values = row.parts or row.split()
        has_number = any(map(_TEXT, values))
        if labels and not has_number and _header_row(b.table.header, labels, header_words):
            continue
        if not labels:
            if has_number:
                b.unmatched_row(row)
            continue
        trow, is_exact = _match(labels[-1].raw, tpl, tpl.rows, bool(values), cursor)
        if trow is None and len(labels) > 1:
            trow, is_exact = _match(labels[0].raw, tpl, tpl.rows, bool(values), cursor)
        if trow is None:
            if has_number or not _titles_only([_CORE[c.raw] for c in labels], tpl):
                b.unmatched_row(row)
            continue
        cursor = trow.order
        if trow.is_group:
            if has_number:
                b.unmatched_row(row)
            continue
        if read is None:
            read = _confirmed_columns([_CORE[c.raw] for c in b.table.header if _CORE[c.raw] not in captions],
                                      expected, columns)
        b.add(trow, is_exact, labels, values if read is columns else _only(values, columns, read), read)
    found = [_CORE[c.raw] for c in b.table.header if _CORE[c.raw] not in captions]
    b.header_hits = sum(map(expected.__contains__, found))
    state = _header_state(found, expected)
    b.table.header_confirmed = state == "confirmed"
    if state != "confirmed":  # (then there is a problem to tell: not with most headers)
        # (the columns not read: those the header did not confirm, also where no data row was
        # there to read them, as in a table cut off after its header)
        unread = _unread(columns, read if read is not None else _confirmed_columns(found, expected, columns))
        problem = _header_problem(state, b.table.rows[0].span if b.table.rows else b.table.span,
                                  " ".join(found), missing=unread)
        if problem:
            b.table.problems.append(problem)


def _titles_only(cores: list[str], tpl: TableTemplate) -> bool:
    """Whether a row without values only repeats the table's title (主动公开政府信息情况 |
    ||| at the top of the table, as a page may): no row of it, nor another one."""
    return all(c == _CORE[tpl.title] for c in cores if c)


def _interpret_blocks(rows: list[RawRow], tpl: TableTemplate, b: _Builder) -> None:
    row_header = _CORE[tpl.row_header or ""]
    block = None
    headers: dict[str | None, list[str]] = {}
    cursor = -1
    first_span: dict[str | None, Span] = {}
    read_for: dict[tuple[str | None, int], list[Column]] = {}  # (block, header names so far) → columns read
    blocks_by_id, lookups = _blocks_by_id(tpl), tpl.lookups
    for row in rows:
        labels, values = row.parts or row.split()
        cores = []  # (a loop: a list comprehension is a call, per row)
        for cell in labels:
            cores.append(_CORE[cell.raw])
        has_number = any(map(_TEXT, values))
        named = None
        for c in cores:
            named = lookups.get(("block", c), _NOTHING)  # (_block_named's answer kept, without a call)
            if named is _NOTHING:
                named = _block_named(tpl, c)
            if named is not None:
                break
        if named is not None:
            block = named
            first_span.setdefault(block.id, row.span)
            continue
        if labels and not has_number and (cores[0] == row_header or _column_pieces(_column_words(tpl, block), cores)):
            key = block.id if block else None
            headers.setdefault(key, []).extend(c for c in cores if c != row_header)
            b.table.header.extend(labels)
            first_span.setdefault(key, row.span)
            continue
        if not labels:
            if has_number:
                b.unmatched_row(row)
            continue
        pool = block.rows if block else tpl.rows
        trow, is_exact = _match(labels[-1].raw, tpl, pool, True, cursor)
        if trow is None and block is not None:
            trow, is_exact = _match(labels[-1].raw, tpl, tpl.rows, True, cursor)
        if trow is None and len(labels) >= 3 and value_like_into(labels[1].raw):
            # (其他对外管理服务事项 | 3 | 其中自然灾害救助…: words written in a value's cell, the
            # row the format's all the same; the words are a value that is no number, TABLE-011's)
            trow, is_exact = _match(labels[0].raw, tpl, pool, True, cursor)
            if trow is not None and len(labels) - 1 <= len(blocks_by_id[trow.block].columns):
                labels, values = labels[:1], labels[1:]
            else:  # (more cells than the row's columns: words beside the table, not in it)
                trow = None
        if trow is None:
            if has_number or not _titles_only(cores, tpl):
                b.unmatched_row(row)
            continue
        cursor = trow.order
        if block is None and None in headers and trow.block not in headers:
            # (column names above the first block's rows, the block's label lost on the page: its header)
            headers[trow.block] = headers.pop(None)
            first_span.setdefault(trow.block, first_span.pop(None))
        block = blocks_by_id[trow.block]
        found = headers.get(block.id, [])
        read = read_for.get((block.id, len(found)))  # (a block's header names only grow)
        if read is None:
            read = read_for[block.id, len(found)] = _confirmed_columns(
                found, [_CORE[c.label] for c in block.columns], block.columns)
        b.add(trow, is_exact, labels, values if read is block.columns else _only(values, block.columns, read), read)
    confirmed = True
    for bl, expected in zip(tpl.blocks, _column_names(tpl)):
        found = _completed_names(headers.get(bl.id, []), expected)
        if bl.id not in first_span and not any(r.block == bl.id for r in tpl.rows if r.id in b.matched):
            confirmed = False
            continue  # a missing block: its rows are reported missing
        b.header_hits += sum(map(expected.__contains__, found))
        state = _header_state(found, expected)
        if state == "confirmed":  # (then there is no problem to tell: most blocks)
            continue
        confirmed = False
        if state == "mismatch" and _unit_only(found, expected):
            state = "unit"  # (本年收费金额（单位：元）: the column in another unit, UNIT-001's to tell)
        unread = [c.label for c in bl.columns if _CORE[c.label] not in found]
        problem = _header_problem(state, first_span.get(bl.id) or b.table.span, f"{bl.label}: {' '.join(found)}",
                                  bl.id, missing=[f"{bl.label} {label}" for label in unread])
        if problem:
            b.table.problems.append(problem)
    b.table.header_confirmed = confirmed


def _block_named(tpl: TableTemplate, c: str):
    """The block of a blocks-shaped template whose label the words c are, or begin with
    (第二十条第（八）项（单位：万元）); None if none."""
    found = tpl.lookups.get(("block", c), _NOTHING)  # (most often: then no function is made, nor called)
    if found is not _NOTHING:
        return found

    def make():
        block_by_core = {_CORE[bl.label]: bl for bl in tpl.blocks}
        return next((bl for label, bl in block_by_core.items()
                     if c == label or (len(label) >= 6 and c.startswith(label))), None)

    return _kept(tpl, ("block", c), make)


def _column_names(tpl: TableTemplate) -> list[list[str]]:
    """The words of each block's column names, in the order of the blocks."""
    return _kept(tpl, ("column names",), lambda: [[_CORE[c.label] for c in bl.columns] for bl in tpl.blocks])


def _blocks_by_id(tpl: TableTemplate) -> dict:
    """A blocks-shaped template's blocks by id (the first, should two share one)."""
    return _kept(tpl, ("blocks by id",), lambda: {bl.id: bl for bl in reversed(tpl.blocks)})


def _column_pieces(words: set[str], cores: list[str]) -> bool:
    """Whether each of cores is a column name, or its start of three characters at least:
    a header a page broke over lines, its cells cut short (本年新 of 本年新制作数量:
    _completed_names completes them)."""
    return words.issuperset(cores) or all(c in words or (len(c) >= 3 and any(w.startswith(c) for w in words))
                                          for c in cores)


def _column_words(tpl: TableTemplate, block) -> set[str]:
    """The words of the column names of a block, or of every block when none is known."""
    # (a block of tpl's own, or None)
    return _kept(tpl, ("columns", id(block)),
                 lambda: {_CORE[c.label] for bl in ([block] if block else tpl.blocks) for c in bl.columns})


def _interpret_column_groups(rows: list[RawRow], tpl: TableTemplate, b: _Builder) -> None:
    words = _words(tpl)
    header_words = words.header_set
    columns = tpl.blocks[0].columns
    data: RawRow | None = None
    for row in rows:
        labels, values = row.parts or row.split()
        if labels and not any(map(_TEXT, values)) and _header_row(b.table.header, labels, header_words):
            continue
        if not labels and any(map(_TEXT, values)) and data is None:
            data = row
        elif row.texts:
            b.unmatched_row(row)
    found = [_CORE[c.raw] for c in b.table.header]
    state = _header_state(found, words.header)
    b.header_hits = sum(map(header_words.__contains__, found))
    b.table.header_confirmed = state == "confirmed"
    problem = _header_problem(state, data.span if data else b.table.span, " ".join(found))
    if problem:
        b.table.problems.append(problem)
    if data is None:
        return
    values = _fit(data.cells, len(tpl.groups) * len(columns))
    if len(values) != len(tpl.groups) * len(columns):
        b.table.problems.append(TableProblem(
            "value_count", f"{len(values)}/{len(tpl.groups) * len(columns)}", data.span))
        return
    for i, trow in enumerate(tpl.data_rows):
        group_values = values[i * len(columns):(i + 1) * len(columns)]
        anchor = [Cell(trow.label, group_values[0].span)]
        b.add(trow, True, anchor, group_values, columns)


def _interpret_labelled_values(rows: list[RawRow], tpl: TableTemplate, b: _Builder) -> None:
    """Rows of label, unit, value (the pre-2019 statistics table)."""
    words = _words(tpl)
    header_words = words.header_or_caption
    unit_column = Column(id="unit", label="单位", kind="text")
    value_column = tpl.blocks[0].columns[0]
    cursor = -1
    for cells, span in _label_unit_value_rows(rows):
        if all(_CORE[c.raw] in header_words for c in cells if c.raw):
            b.table.header.extend(c for c in cells if c.raw)
            continue
        label = cells[0]
        unit_cell = cells[1] if len(cells) >= 3 else None
        value_cell = cells[-1] if len(cells) >= 2 else None  # after blanks of merged cells, if any
        trow, is_exact = _match(label.raw, tpl, tpl.rows, value_cell is not None and bool(value_cell.raw), cursor)
        if trow is None:
            b.unmatched_row(RawRow(cells, "cells", span))
            continue
        cursor = trow.order
        if trow.is_group:
            continue
        kind = trow.kind or ("amount" if trow.unit in ("万元", "元") else "count")
        b.add(trow, is_exact, [label], [value_cell] if value_cell is not None else [], [value_column], kind)
        if unit_cell is not None and trow.id in b.matched:
            b.matched[trow.id].cells.insert(0, Cell(unit_cell.raw, unit_cell.span, None, None, None,
                                                    unit_column.id, trow.id))
    found = [_CORE[c.raw] for c in b.table.header if _CORE[c.raw] not in words.captions]
    b.header_hits = sum(map(header_words.__contains__, found))
    b.table.header_confirmed = _header_state(found, words.header) == "confirmed"


def _label_unit_value_rows(rows: list[RawRow]) -> list[tuple[list[Cell], Span]]:
    """Each row as its cells from the label on (placeholders before it dropped); a row
    holding only a label is joined with the next row when that one starts with its
    unit or value (the label cell was broken over lines in the original). Blank cells
    after a value are a page's padding (政府信息公开专项经费 | 0 | |): no value after a
    unit of 0."""
    out: list[tuple[list[Cell], Span]] = []
    for row in rows:
        cells = list(row.cells)
        while cells and not cells[0].raw:
            cells.pop(0)
        if len(cells) >= 3 and not cells[-1].raw:
            end = len(cells)
            while not cells[end - 1].raw:
                end -= 1
            if end >= 2 and looks_like_value(cells[end - 1].raw):
                del cells[end:]
        if not cells:
            continue
        first = cells[0].raw
        if out and sum(map(bool, map(_TEXT, out[-1][0]))) == 1 and (_CORE[first] in UNITS or looks_like_value(first)):
            previous, span = out[-1]
            out[-1] = ([c for c in previous if c.raw] + cells, join_spans(span, row.span))
            continue
        out.append((cells, row.span))
    return out


def _label_bound(tpl: TableTemplate, label: str, has_number: bool | None = None) -> float | None:
    """The most a row that a label names can add to a reading's score against tpl: 1
    for a row of tpl in those words, ½ for a row close to them (a duplicate adds 0);
    None when it names none (the row is then unmatched). With has_number (the grid's
    reading): a label naming only groups adds 0, or loses 1 with values (a group has none)."""
    c = _CORE[label]
    if not c:
        return None
    candidates, is_exact = _candidates(tpl, tpl.rows, c)
    if not candidates:
        return None
    if has_number is not None and all(r.is_group for r in candidates):
        return -1 if has_number else 0
    return 1 if is_exact else 0.5


def _grid_row_bound(tpl: TableTemplate, labels: tuple[str, ...], has_number: bool) -> float:
    """The most a row can add to _interpret_grid's score against tpl: what its label
    can (-1 naming none), and without values as much as a header row if it may be one
    (each name of tpl's header it holds, or not yet a name of tpl's: the ends a row
    below brings may be joined to it); a row without labels 0 (it may be joined to
    the row above)."""
    if not labels:
        return 0
    added = _label_bound(tpl, labels[-1], has_number)
    if added is None and len(labels) > 1:
        added = _label_bound(tpl, labels[0], has_number)
    if added is None:
        added = -1
    if not has_number:
        words = _words(tpl)
        header_words, expected = words.header_or_caption, words.header_set
        cores = [_CORE[label] for label in labels]
        # (a header row's pieces each begin a name or end one: _header_pieces, _join_header_ends)
        if all(any(w.endswith(c) or (len(c) >= 2 and w.startswith(c)) for w in header_words) for c in cores):
            added = max(added, sum(1 for c in cores if c in expected or c not in header_words))
    return added


def _blocks_row_bound(tpl: TableTemplate, labels: tuple[str, ...], has_number: bool) -> float:
    """The most a row can add to _interpret_blocks's score against tpl: a row naming a
    block 0; a row of column names (信息内容 first, or names of tpl's only) one for each
    that is or begins a column name of tpl's; a row without labels -1 with values; any
    other row what its label can."""
    if len(_blocks_by_id(tpl)) < len(tpl.blocks):
        return float("inf")  # (the names found for an id that blocks share count once for each)
    cores = [_CORE[label] for label in labels]
    if any(_block_named(tpl, c) is not None for c in cores):
        return 0
    if not labels:
        return -1 if has_number else 0
    added = _label_bound(tpl, labels[-1])
    if added is None:
        added = -1
    row_header, names = _CORE[tpl.row_header or ""], _column_words(tpl, None)
    if not has_number and (cores[0] == row_header or all(c in names for c in cores)):
        hits = sum(1 for c in cores if c != row_header
                   and (c in names or (len(c) >= 3 and any(name.startswith(c) for name in names))
                        or _said_as_bennian(c) in names))  # (as _completed_names reads them)
        added = hits if cores[0] == row_header else max(added, hits)
    return added


def _score_bound(rows: list[RawRow], tpl: TableTemplate) -> float:
    """No less than the score of a reading of the rows against tpl: each row's most
    (the rows of a template's shape are read one by one), kept per version for the
    row's labels and whether it has values."""
    row_bound, lookups = _ROW_BOUNDS[tpl.shape], tpl.lookups
    bound = 0.0
    for row in rows:
        labels, values = row.parts or row.split()
        key = (row_bound, tuple(map(_TEXT, labels)), any(map(_TEXT, values)))
        # (an answer kept is a number: looked up here, it costs no call)
        added = lookups.get(key)
        if added is None:
            added = _kept(tpl, key, lambda: row_bound(tpl, key[1], key[2]))
        bound += added
    return bound


_ROW_BOUNDS = {"grid": _grid_row_bound, "blocks": _blocks_row_bound}  # (the shapes that have one)


_SHAPES = {
    "grid": _interpret_grid,
    "blocks": _interpret_blocks,
    "column_groups": _interpret_column_groups,
    "labelled_values": _interpret_labelled_values,
}


def _drop_empty_columns(rows: list[RawRow]) -> list[RawRow]:
    """A column empty in every TSV row of a table is a layout artefact, not a column: a
    cell merged over two grid columns in every row (a Word or web table copied as
    text) leaves an empty cell beside it. Such columns are left out, so the values
    line up with the template's columns; a row keeps its other cells and their places.
    Only a column every row has counts: rows of a copy that left out cells (a header row
    without the cells a rowspan covered) say nothing about the columns they lack."""
    tsv = [r for r in rows if r.layout == "tsv"]
    if len(tsv) < 2:
        return rows
    width = min(map(len, map(_CELLS, tsv)))
    # (the columns of the rows up to the width all have, a tuple of cells each)
    empty = [k for k, column in enumerate(zip(*map(_CELLS, tsv))) if not any(map(_TEXT, column))]
    if not empty or len(empty) == width:
        return rows
    drop = set(empty)
    return [RawRow([c for k, c in enumerate(r.cells) if k not in drop], r.layout, r.span)
            if r.layout == "tsv" and len(r.cells) > empty[0] else r for r in rows]


def _read_segment(seg: _Segment, templates: Templates, preferred: str | None) -> Table:
    seg.rows = _drop_empty_columns(seg.rows)
    layout = "tsv" if list(map(_LAYOUT, seg.rows)).count("tsv") * 2 > len(seg.rows) else "cells"
    span = join_spans(seg.rows[0].span, seg.rows[-1].span)
    versions = templates.versions_of(seg.template) if seg.template else []
    if not versions:
        table = Table(span=span, layout=layout)
        table.problems.append(TableProblem("unrecognised", " / ".join(seg.rows[0].texts[:3]), span))
        return table
    if seg.template in templates.neutral:  # the versions do not differ: one reading, no version
        table = _reading(seg, versions[0], layout, span, versions).kept()
        table.version = None
        return table
    readings = []
    ordered = sorted(versions, key=lambda t: t.version != preferred)
    outscored = False  # the last version left unread: its reading would have scored less than one before
    for tpl in ordered:
        if (tpl is ordered[-1] and readings and tpl.shape in _ROW_BOUNDS
                and _score_bound(seg.rows, tpl) < max(r.score for r in readings)):
            outscored = True
            break
        reading = _reading(seg, tpl, layout, span, versions)
        readings.append(reading)
        if reading.complete:  # every row found and the header as the template has it
            break
    best = max(readings, key=lambda r: (r.score, r.table.version == preferred, r.table.version or ""))
    table = best.kept()
    if (not table.version_evidence and not outscored and len(readings) > 1
            and all(r.score == best.score for r in readings)):
        table.version = None  # nothing in the table tells the versions apart
    return table


def _reading(seg: _Segment, tpl: TableTemplate, layout: str, span: Span, versions: list[TableTemplate]) -> _Reading:
    builder = _Builder(tpl, layout, span, versions)
    _SHAPES[tpl.shape](seg.rows, tpl, builder)
    return builder.finish()


def is_table_label(text: str, templates: Templates) -> bool:
    """Whether a line is a label of some template (a block label such as 第二十条第（一）项
    written on a line of its own, without TABs, just before its table)."""
    c = core(text)
    return c in templates.label_owners or any(
        len(label) >= 6 and c.startswith(label) and label.startswith("第二十条")
        for label in templates.label_owners)


_PAGE_METADATA = compile_re(r"\s*[\[【［]?\s*(?:索\s*引\s*号|主题分类|体裁分类|发布(?:机构|单位)|发文(?:日期|字号|机关)|成文日期|发布日期|信息来源"
                            r"|文\s*号|文件编号|(?:发文|发布)时间|时\s*效|公开(?:方式|目录|范围|时限)|所属机构|有\s*效\s*性|(?:文件)?有效期|效力状态|关\s*键\s*词|标\s*题|名\s*称)"
                            r"\s*[\]】］]?\s*[:：]?\s*$")
_MARKDOWN_RULE = compile_re(r"[ :：\-—|｜]*$")  # (the rule under a table's first row when a page was saved as Markdown: ---|---|)


# (a table's caption naming who filled it in: 单位:东阳市农业农村局 | | 2019年度; not a unit, 单位：万元)
_FILLED_BY = compile_re(r"\s*(?:填报|报送|填表)?单位\s*[:：]\s*(?![件条个次项元万亿%])\S{2,}")


def read_region(tokens: list, index: LineIndex, templates: Templates,
                preferred: str | None = None) -> list[Table | Paragraph]:
    """One table region of the grammar → the tables in it (or, for a region that is no
    table at all, such as a TAB-indented paragraph, its text as paragraphs). The region
    may start with a TEXT token that is_table_label() accepted."""
    owners = templates.label_owners
    rows = _join_broken_labels(_join_values_to_labels(_raw_rows(tokens, index), templates), owners)
    if not rows:
        return []
    out: list[Table | Paragraph] = []
    # (a web page's metadata written as a table, 索引号 | … | 主题分类 | 其他 |: no statistics
    # table, though a cell of it is one's label)
    while rows and rows[0].texts and (_PAGE_METADATA.match(rows[0].texts[0]) or _FILLED_BY.match(rows[0].texts[0])
                                      or (out and all(_MARKDOWN_RULE.match(t) for t in rows[0].texts))):
        out.append(Paragraph("".join(rows[0].texts), rows[0].span))
        rows = rows[1:]
    # (a section's heading on a line of its own between two tables, its number lost: 收到和处理政府信息
    # 公开申请情况 after 二's table, before 三's, a real 2024 page of 碑林区投资合作局: the heading, not a
    # row of either table)
    run: list[RawRow] = []
    for row in rows:
        # (as the format words it, no number: 13、 收到…, a slip, stays)
        if row.layout == "cont" and len(row.cells) == 1 and row.cells[0].raw in templates.later_section_titles:
            _read_rows(run, templates, preferred, out)
            out.append(Paragraph(row.cells[0].raw, row.span))
            run = []
            continue
        run.append(row)
    _read_rows(run, templates, preferred, out)
    return out


def _read_rows(rows: list[RawRow], templates: Templates, preferred: str | None, out: list) -> None:
    """The tables of a run of rows of a region (or its text, where it is no table), into out."""
    for seg in _segments(rows, templates.sole_owner) if rows else ():
        if seg.template is None and not any(looks_like_value(t) for r in seg.rows for t in r.texts):
            out.extend(Paragraph("".join(r.texts), r.span) for r in seg.rows if r.texts)
            continue
        out.append(_read_segment(seg, templates, preferred))


# ------------------------------------------------------- tables flattened to a cell per line

_EDGES = "|｜ \u3000\xa0\t"  # what a cell line has around its text: spaces, and bars from a web page
_CELL_LINE_MAX = 60  # the longest label of the templates, with its numbering, is 37 characters
# What makes a table rebuilt from cell lines untrustworthy: a row whose values are not as
# many as its columns (a blank cell the copy dropped: which column is it?), a line that is
# no row of the template, or a header that is not the template's whole header (a PDF's
# text puts the columns of the next page after the table: 本年废止件数 / 0 / 1 …).
_UNSURE = frozenset({"value_count", "unmatched_row", "unrecognised", "duplicate_row", "header_missing",
                     "header_partial", "header_mismatch", "header_unit"})


def flattened_tables(paragraphs: list[Paragraph], index: LineIndex, templates: Templates,
                     preferred: str | None = None) -> tuple[list[Paragraph], list[Table]]:
    """Statistics tables whose cells stand one per line with nothing between them (a
    table copied from a web page as text, perhaps with a bar after each cell), read as
    tables where the rows can be told apart for certain, and the paragraphs left.

    A row is its labels and the values that follow them: a value line after a label
    line belongs to that label's row, and the next label line begins the next row. The
    template tells which labels before a row's own are column names or a block's label.
    A table so rebuilt is kept only when it is whole: every row of the template there,
    with as many values as its columns, and every line the template's. Else its lines
    stay prose, and lost_tables() says once that the table is there, unread: a blank cell
    the copy dropped leaves no way to know which number is in which column, and the rows
    after a page's running header, or the columns of the next page, stand apart. Where
    every cell is closed by a bar and a blank cell is a bar alone (_bar_stacked), the bars
    keep each blank in its column."""
    runs = _cell_line_runs(paragraphs, index.text, templates)
    if not runs:
        return paragraphs, []
    found: list[Table] = []
    taken: set[int] = set()
    for first, last in runs:
        rows = _rows_of_cell_lines(paragraphs[first:last], index, templates)
        for seg in _segments(rows, templates.sole_owner):
            if seg.template is None:
                continue
            table = _read_segment(seg, templates, preferred)
            if table.missing or any(problem.kind in _UNSURE for problem in table.problems):
                continue
            table.layout = "lines"
            found.append(table)
            start, end = table.span.start, table.span.end
            taken.update(k for k in range(first, last) if start <= paragraphs[k].span.start < end)
    if not taken:
        return paragraphs, []
    return [p for k, p in enumerate(paragraphs) if k not in taken], found


def is_cell_line(paragraph: Paragraph, before: int, text: str, templates: Templates) -> bool:
    """Whether a paragraph reads as a line of a table copied a cell per line, right before
    offset `before` (blank lines only between): a template's label, a value, or a blank
    cell's bar."""
    cell = paragraph.text.strip(_EDGES)
    return (len(cell) <= _CELL_LINE_MAX and not text[paragraph.span.end:before].strip()
            and (not cell or _CORE[cell] in templates.label_owners or looks_like_value(cell)))


def _cell_line_runs(paragraphs: list[Paragraph], text: str, templates: Templates) -> list[tuple[int, int]]:
    """Runs of paragraphs [first, end) that can be a table's cells, a line each: short,
    no sentence in them, one after another in the text (nothing but blank lines between),
    from a template's label to the last label or value, with LOST_TABLE_LABELS labels
    that only one template uses."""
    runs: list[tuple[int, int]] = []
    owners, sole = templates.label_owners, templates.sole_owner
    first = end = 0
    own: set[str] | None = None  # the labels only one template uses, in the run under way (None: no run)
    for k, p in enumerate(paragraphs):
        cell = p.text.strip(_EDGES)
        fits = len(cell) <= _CELL_LINE_MAX and "。" not in cell
        if own is not None and not (fits and not text[paragraphs[k - 1].span.end:p.span.start].strip()):
            if len(own) >= LOST_TABLE_LABELS:
                runs.append((first, end))
            own = None
        if not fits or not cell:
            if own is not None and not cell and ("|" in p.text or "｜" in p.text):
                end = k + 1  # (a blank cell's bar, or the bar closing the last row, is the table's)
            continue
        label = _CORE[cell]
        if own is None:
            if label in owners:
                first, own = k, set()
            else:
                continue
        if label in owners or looks_like_value(cell):
            end = k + 1
            if label in sole:
                own.add(label)
    if own is not None and len(own) >= LOST_TABLE_LABELS:
        runs.append((first, end))
    return runs


def _rows_of_cell_lines(paragraphs: list[Paragraph], index: LineIndex, templates: Templates) -> list[RawRow]:
    """The rows of cell lines: each row its labels, then its values (see _row_of_cell_lines).
    A label piece that, with the line after it, makes a template's label is joined to it
    (本年新 / 制作数量: the page broke the cell's text)."""
    cells: list[Cell] = []
    owners = templates.label_owners
    text = index.text
    stacked = _bar_stacked(paragraphs)
    for p in paragraphs:
        cell = p.text.strip(_EDGES)
        if not cell:  # each bar a blank cell where it stands (_row_values says which are kept)
            cells.extend(Cell("", index.span(p.span.start + k, p.span.start + k))
                         for k, ch in enumerate(p.text) if ch in "|｜")
            continue
        start = text.find(cell, p.span.start)
        if (cells and not looks_like_value(cell) and not looks_like_value(cells[-1].raw)
                and _CORE[cells[-1].raw] not in owners and _CORE[cells[-1].raw + cell] in owners):
            _extend(cells[-1], cell, index.span(start, start + len(cell)))
            continue
        cells.append(Cell(cell, index.span(start, start + len(cell))))
    rows: list[RawRow] = []
    labels: list[Cell] = []
    values: list[Cell] = []
    table = None  # the template the last label only one template uses names
    for cell in cells:
        if looks_like_value(cell.raw):
            values.append(cell)
            continue
        if values:
            rows.extend(_row_of_cell_lines(labels, _row_values(values, stacked), table, templates))
            labels, values = [], []
        labels.append(cell)
        table = templates.sole_owner.get(_CORE[cell.raw], table)
    if labels or values:
        rows.extend(_row_of_cell_lines(labels, _row_values(values, stacked), table, templates))
    return rows


def _bar_stacked(paragraphs: list[Paragraph]) -> bool:
    """Whether cell lines are a web page's table cells a line each, every one closed by a
    bar, and every row closed by a line of bars alone, blank cells' bars among them
    (`规章 |`, `0 |`, `|`, `|`; `第二十条第（一）项 |`, `||||`): then a bar alone is a blank
    cell, in its column, and the row's last bar closes the row. (Rows not closed so, a
    value and then the next row's label, leave a blank cell's column unknown: an empty
    label column, or a value the copy dropped.)"""
    alone = 0
    after_value = False
    for p in paragraphs:
        line = p.text.strip(" \u3000\xa0\t")
        if not line.strip("|｜"):
            alone += 1
            after_value = False
        elif line[-1] in "|｜" and "|" not in line[:-1] and "｜" not in line[:-1]:
            is_value = looks_like_value(line[:-1].strip(_EDGES))
            if after_value and not is_value:
                return False  # (a row's values, then the next row's label: the row was not closed)
            after_value = is_value
        else:
            return False
    return alone > 0 and not after_value


def _row_values(values: list[Cell], stacked: bool) -> list[Cell]:
    """A row's values and blank cells (a bar alone each): in the layout _bar_stacked tells,
    all but the bar that closes the row; else the blanks only of a row with no value at
    all (every cell of it blank, so none's column is in doubt), a row with values its
    values alone (a blank among them may be an empty label column, or a value dropped)."""
    if stacked:
        return values[:-1] if values and not values[-1].raw else values
    return [v for v in values if v.raw] if any(v.raw for v in values) else values


def _row_of_cell_lines(labels: list[Cell], values: list[Cell], table: str | None,
                       templates: Templates) -> list[RawRow]:
    """A row's labels and values, after what was written before them: column names, one
    row together; a block's label (第二十条第（一）项) or a group's (三、本年度办理结果), a
    row each. The row's own labels are the last of the table's row labels and what
    follows it (a unit: 条); a table whose data row has no label (行政复议 … 结果维持 …,
    then the numbers) has only column names before its values."""
    versions = templates.versions_of(table) if table else templates.tables
    row_labels, apart = _kept(versions[0], ("cell_line_rows", table), lambda: (
        {r.core for t in versions if t.shape != "column_groups" for r in t.rows},
        {r.core for t in versions for r in t.rows if r.is_group} | templates.block_labels))
    own = len(labels)
    if values:
        own = next((k for k in range(len(labels) - 1, -1, -1) if _CORE[labels[k].raw] in row_labels), len(labels))
    out: list[RawRow] = []
    header: list[Cell] = []
    for cell in labels[:own]:
        if _CORE[cell.raw] in apart:
            if header:
                out.append(_row(header))
                header = []
            out.append(_row([cell]))
        else:
            header.append(cell)
    if header:
        out.append(_row(header))
    if own < len(labels) or values:
        out.append(_row(labels[own:] + values))
    return out


def _row(cells: list[Cell]) -> RawRow:
    return RawRow(cells, "cells", join_spans(cells[0].span, cells[-1].span))


# ------------------------------------------------------------------- tables lost on the way

_GLUED_VALUES = compile_re(r"(?<=\D)[\d.,]+$")


def _cell_labels(p: Paragraph, templates: Templates, index: LineIndex) -> Iterator[tuple[str, Span]]:
    """The template labels a paragraph holds as a table row, each with where it stands; in
    a page put on one line, a table's cells run on in the prose between bars (…二、主动公开
    政府信息情况 第二十条第(一)项 | 信息内容 | 本年新 制发数量 | … | 规章 | 0 | 0 | 0 | …):
    each cell between two bars is looked at as a line of its own."""
    if sum(map(p.text.count, BARS)) < _RUN_ON_BARS:
        for label in _table_line_labels(p.text, templates):
            yield label, p.span
        return
    for cell in CELLS.finditer(p.text):
        for label in _table_line_labels(cell.group(), templates):
            yield label, index.span(p.span.start + cell.start(), p.span.start + cell.end())


_RUN_ON_BARS = 8  # (a few bars are prose's; a table's row alone has its own line, not this many)


def _table_line_labels(text: str, templates: Templates) -> list[str]:
    """The template labels a line of text holds when it is a table row whose cells ran
    together: the line itself as one label, or words each a label (perhaps with its
    values run on: `行政许可36`) or a value; or a whole table's, a page put on one line,
    up to the next section's heading run on after it (…行政事业性收费0三、收到和处理政府信息公开
    申请情况 …: a real 2025 page of 汉台区农业农村局, round 284, told its table was missing)."""
    whole = core(text)  # (without a bar after it: core() drops bars)
    if whole in templates.label_owners:
        return [whole]
    words = [word for word in text.split() if word.strip("|｜")]  # (a bar alone closes a cell: no word of it)
    labels = []
    for word in words:
        label = _CORE[word]
        if label not in templates.label_owners and (word[-1].isdecimal() or word[-1] in ".,"):
            label = _CORE[_GLUED_VALUES.sub("", word)]  # (only a word ending in a value can have one run on)
        if label in templates.label_owners:
            labels.append(label)
        elif looks_like_value(word):
            continue
        elif (glued := _glued_labels(word, templates)) is not None:
            labels += glued
        else:
            return labels if len(labels) >= LOST_TABLE_LABELS else []
    return labels


def _glued_labels(word: str, templates: Templates) -> list[str] | None:
    """The labels of a word that is labels and values run together (行政许可0第二十条第(六)项: a row's
    label, its value and the next block's label, the spaces between them closed up with the
    spaced-out characters of a table put on one line), or None."""
    if len(word) > _GLUED_ROW or not _VALUE_RUN.search(word):
        return None
    pieces = [piece for piece in _VALUE_RUN.split(word) if piece]
    cores = [_CORE[piece] for piece in pieces]
    if not all(c in templates.label_owners or looks_like_value(piece) for piece, c in zip(pieces, cores)):
        return None
    return [c for c in cores if c in templates.label_owners]


_VALUE_RUN = compile_re(r"(\d+(?:\.\d+)?)")
_GLUED_ROW = 60  # (a label, a value and the next label run together; a longer word is prose)


# Own labels of a table, each a line of its own, that show it is there: four, or three of
# which two are long and one names a column or a block, not a row (申请人情况, 法人或其他组织:
# text copied from a PDF keeps only a few cells whole, the rest cut into pieces; a list of
# 行政许可, 行政处罚, 行政强制 in prose is no table).
LOST_TABLE_LABELS = 4


def lost_tables(paragraphs: list[Paragraph], found: set[str | None], templates: Templates,
                index: LineIndex) -> list[LostTable]:
    """Statistics tables not read as tables whose labels stand in the prose: one per
    line (a bar after each is allowed), the table's cells one per line with nothing to
    tell which make a row; or a row to a line with its cells run together by spaces
    (`规章 0 0 0`, `结果维持 结果纠正 其他结果`), with nothing to tell which value is in
    which column once a cell is blank. Only labels no other table uses count, and only
    when enough of them do (see LOST_TABLE_LABELS), so prose naming a row or two is not a
    table."""
    if all(t.id in found for t in templates.tables):
        return []
    labels: dict[str, dict[str, Span]] = {}  # table → its labels seen, each where it first stands
    spans: dict[str, list[Span]] = {}
    for p in paragraphs:
        for label, span in _cell_labels(p, templates, index):
            owner = templates.sole_owner.get(label)
            if owner is not None and owner not in found:
                labels.setdefault(owner, {}).setdefault(label, span)
                spans.setdefault(owner, []).append(span)
    lost = []
    for table_id, seen in labels.items():  # (a line may name labels of several tables)
        if len(seen) >= LOST_TABLE_LABELS or (len(seen) >= LOST_TABLE_LABELS - 1 and seen.keys() & templates.heading_labels
                                              and sum(len(label) >= 4 for label in seen) >= 2):
            where = spans[table_id]
            versions = templates.versions_of(table_id)
            version, evidence = _version_shown(seen, versions)
            lost.append(LostTable(table_id, versions[0].title, join_spans(where[0], where[-1]),
                                  len(seen), version=version, evidence=tuple(_as_written(label, seen[label], index)
                                                                             for label in evidence),
                                  evidence_at=seen[evidence[0]] if evidence else None))
    return sorted(lost, key=lambda t: t.span.start)


def _as_written(label: str, span: Span, index: LineIndex) -> str:
    """A label as the text writes it where it stands alone there (本年增/减, 第二十条第(九)项),
    else as the templates know it."""
    text = index.text[span.start:span.end].strip(_EDGES)
    return text if _CORE[text] == label else label


def _version_shown(seen: dict[str, Span], versions: list[TableTemplate]) -> tuple[str | None, list[str]]:
    """The format version a table not read shows by its labels alone: the one whose own
    labels (no other version has them: 本年新制作数量, 上一年项目数量 of 2019) stand there
    while no other version's own do; and those labels, in the order they stand. A table
    that shows two versions' own labels mixes them (a block of 2019's columns among
    2021's blocks), and is the older one's, as a table read so is (TABLE-001), when
    at least two of that one's own labels stand there (a lone row name written short,
    规范性文件, is no block of another format)."""
    shown = []
    for tpl in versions:
        own = tpl.labels.difference(*(other.labels for other in versions if other is not tpl))
        if own & seen.keys():
            shown.append((tpl.version, sorted(own & seen.keys(), key=lambda label: seen[label].start)))
    if len(shown) > 1:
        oldest = min(shown, key=lambda version_labels: version_labels[0] or "")
        return oldest if len(oldest[1]) >= 2 else (None, [])
    return shown[0] if shown else (None, [])
