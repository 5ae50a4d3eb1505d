"""The tables view: each table the reader found, as a grid with its template's row and
column labels and the values as written. The cells a violation names are tinted by
severity; the selected violation's cell is shown reversed and, for a sum, the cells
that take part in it (Violation.related) are marked too."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from nianbao.model import Cell, Report, Row, Span, Table, Violation
from nianbao.templates import Templates, TableTemplate

from .i18n import SEVERITY_BG, tr
from .linebreak import wrap
from .session import SEVERITY_RANK
from .source import RELATED_STYLE
from .violations import fit

CURRENT_STYLE = Style.parse("bold black on #eeeeee")

LABEL_MIN = 12     # cells the row labels keep however narrow the pane
MIN_WIDTH = 3      # a value column at the least
PROBLEM_STYLE = Style.parse("italic #ffaf5f")
MISSING_STYLE = Style.parse("dim italic")


def fit_label(label: str, width: int) -> Text:
    """A label on one line of `width` cells, cut after a whole character with one …."""
    return fit(label, width)


def header(label: str, width: int, lines: int = 2) -> Text:
    """A column header in `width` cells on at most `lines` lines, broken as Chinese is;
    cut (…) only when it does not fit on those lines."""
    pieces = wrap(" ".join(label.split()), max(width, 1))
    if len(pieces) > lines:
        pieces = pieces[:lines - 1] + [fit("".join(pieces[lines - 1:]), width).plain]
    return Text("\n".join(pieces), end="")


def two_line_width(label: str) -> int:
    """The narrowest width at which a header fits on two lines; a header of two
    characters (其他, 总计) is not broken at all."""
    label = " ".join(label.split())
    if cell_len(label) <= 4:
        return cell_len(label)
    width = max((cell_len(label) + 1) // 2, 1)
    while len(wrap(label, width)) > 2:
        width += 1
    return width


def column_widths(labels: list[str], values: list[int], room: int) -> tuple[list[int], int]:
    """The widths of value columns with these header labels and widest values, in
    `room` cells (their padding left out), and the header's height: every header on
    one line if they fit; else on two lines, the columns that cost least given back
    their one line from what is left over; else as wide as the room allows, headers cut."""
    one = [max(cell_len(label), value, MIN_WIDTH) for label, value in zip(labels, values)]
    if sum(one) <= room:
        return one, 1
    two = [max(two_line_width(label), value, MIN_WIDTH) for label, value in zip(labels, values)]
    if sum(two) <= room:
        widths, left = list(two), room - sum(two)
        for i in sorted(range(len(labels)), key=lambda i: one[i] - two[i]):
            if one[i] - two[i] <= left:
                left -= one[i] - two[i]
                widths[i] = one[i]
    else:
        share = room // max(len(labels), 1)
        widths = [max(value, MIN_WIDTH, min(t, share)) for value, t in zip(values, two)]
    return widths, 1 if all(cell_len(label) <= w for label, w in zip(labels, widths)) else 2


@dataclass(slots=True)
class _Place:
    grid: "TableGrid"
    row: str
    column: str
    text: str
    base: Style | None


class TableGrid(DataTable):
    """One block of one table."""

    DEFAULT_CSS = """
    TableGrid { height: auto; margin: 0 0 1 0; scrollbar-size-horizontal: 0; }
    """

    def __init__(self, **kw) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, show_cursor=False, fixed_columns=1, **kw)
        self.spans: dict[tuple[str, str], Span] = {}

    def on_focus(self) -> None:
        self.show_cursor = True

    def on_blur(self) -> None:
        self.show_cursor = False


class TablesView(VerticalScroll):
    """Every table of a report, block by block. Zoomed (`z`), the whole view fills the
    screen, not the one small grid that has the focus."""

    ALLOW_MAXIMIZE = True

    DEFAULT_CSS = """
    TablesView { height: 1fr; padding: 0 1; }
    TablesView > .caption { color: $accent; text-style: bold; margin: 0 0 0 0; }
    TablesView > .note { color: $text-muted; margin: 0 0 1 0; }
    """

    class CellChosen(Message):
        """A cell was selected (Enter): the screen finds its violation."""

        def __init__(self, span: Span) -> None:
            super().__init__()
            self.span = span

    def __init__(self, lang: str = "zh", **kw) -> None:
        super().__init__(**kw)
        self.lang = lang
        self._places: dict[tuple[int, int], _Place] = {}
        self._styled: dict[tuple[int, int], Style | None] = {}
        self._report: Report | None = None
        self._templates: Templates | None = None
        self._built_for = -1
        self._last_highlight: tuple[list[Violation], Violation | None] | None = None
        self.label_width = LABEL_MIN

    def _room(self) -> int:
        width = self.size.width or (self.parent.size.width if self.parent is not None else 0) or 80
        return max(width - 4, 20)   # padding and the scrollbar

    def _label_width(self, table: Table, tpl: TableTemplate | None, room: int) -> int:
        """The row labels' width for one table (the same in each of its blocks): what
        the longest label needs, within what the widest block's columns leave it."""
        missing = cell_len(tr("missing_row", self.lang))
        labels = [cell_len(r.label) for r in [*table.rows, *table.extra]]
        blocks = tpl.blocks if tpl else []
        for block in blocks:
            labels += [cell_len(block.label if tpl.shape == "blocks" else (tpl.row_header or ""))]
            labels += [cell_len(r.label) + missing for r in block.rows]
        need = max(labels + [LABEL_MIN])
        columns = [[two_line_width(c.label) for c in block.columns] for block in blocks] or \
                  [[MIN_WIDTH] * max([len(r.cells) for r in table.rows] + [1])]
        widest = max(sum(max(w, MIN_WIDTH) + 2 for w in block) for block in columns)
        return max(LABEL_MIN, min(need, room - 2 - widest))

    async def on_resize(self) -> None:
        if not self.size.width:
            return
        if self._report is not None and self._templates is not None and self._room() != self._built_for:
            await self.set_report(self._report, self._templates)
            if self._last_highlight is not None:
                self.highlight(*self._last_highlight)

    async def set_report(self, report: Report | None, templates: Templates) -> None:
        await self.remove_children()
        self._report, self._templates = report, templates
        self._built_for = self._room()
        self._places = {}
        self._styled = {}
        if report is None or not report.tables:
            await self.mount(Static(Text(tr("no_tables", self.lang), style="dim italic"), classes="note"))
            return
        widgets = []
        for n, table in enumerate(report.tables, 1):
            tpl = templates.version_of(table.template, table.version)
            widgets.append(Static(self._caption(n, table, tpl), classes="caption"))
            widgets.extend(self._grids(table, tpl))
        await self.mount(*widgets)

    def _caption(self, n: int, table: Table, tpl: TableTemplate | None) -> Text:
        title = tpl.title if tpl else tr("no_template", self.lang)
        bits = [f"{n}. {title}"]
        if table.version:
            bits.append(f"{table.version} {tr('format_suffix', self.lang)}")
        bits.append(f"{table.layout}")
        bits.append(f"L{table.span.line}–{table.span.end_line}")
        return Text(" · ".join(bits), no_wrap=True, overflow="ellipsis", end="")

    def _grids(self, table: Table, tpl: TableTemplate | None) -> list:
        if tpl is None:
            width = max([len(r.cells) for r in table.rows] + [1])
            self.label_width = self._label_width(table, None, self._room())
            return [self._numbered_grid(table.rows, "", width, "r")]
        out: list = []
        missing = {m.row for m in table.missing}
        room = self._room()
        self.label_width = self._label_width(table, tpl, room)
        for block in tpl.blocks:
            grid = TableGrid()
            head = block.label if tpl.shape == "blocks" else (tpl.row_header or "")
            values = [max([cell_len(" ".join(c.raw.split()) or "∅") for r in table.rows for c in r.cells
                           if c.column == col.id] + [1]) for col in block.columns]
            widths, grid.header_height = column_widths([c.label for c in block.columns], values,
                                                       room - self.label_width - 2 * (len(block.columns) + 1))
            grid.add_column(header(head, self.label_width, grid.header_height), width=self.label_width, key="label")
            for col, width in zip(block.columns, widths):
                grid.add_column(header(col.label, width, grid.header_height), width=width, key=col.id)
            for t_i, trow in enumerate(block.rows):
                key = trow.id or f"group{t_i}"
                row = table.row(trow.id) if trow.id else None
                if trow.is_group or trow.id is None:
                    label = fit_label(trow.label, self.label_width)
                    label.stylize("bold")
                    grid.add_row(label, *[Text("")] * len(block.columns), key=key)
                    continue
                if row is None:
                    marker = tr("missing_row", self.lang) if trow.id in missing else ""
                    label = fit_label(trow.label, self.label_width - cell_len(marker))
                    label.append(marker, style=MISSING_STYLE)
                    grid.add_row(label, *[Text("—", style=MISSING_STYLE)] * len(block.columns), key=key)
                    continue
                values = []
                for col in block.columns:
                    cell = row.cell(col.id)
                    values.append(self._cell(grid, key, col.id, cell) if cell else Text("·", style=MISSING_STYLE))
                grid.add_row(self._label(grid, key, trow.label, row.span), *values, key=key)
            out.append(grid)
        if table.extra:
            head = fit_label(tr("extra_row", self.lang), self.label_width)
            out.append(self._numbered_grid(table.extra, head, max(len(r.cells) for r in table.extra), "x"))
        return out

    def _numbered_grid(self, rows: list[Row], head: str | Text, width: int, key_prefix: str) -> TableGrid:
        """Rows whose values map to no template column: their cells under 1, 2, 3…"""
        grid = TableGrid()
        grid.add_column(head, width=self.label_width, key="label")
        values = [max([cell_len(" ".join(r.cells[i].raw.split()) or "∅") for r in rows if i < len(r.cells)] + [1])
                  for i in range(width)]
        widths, _ = column_widths([str(i + 1) for i in range(width)], values,
                                  self._room() - self.label_width - 2 * (width + 1))
        for i, column_width in enumerate(widths):
            grid.add_column(str(i + 1), width=column_width, key=f"c{i}")
        for r_i, row in enumerate(rows):
            key = f"{key_prefix}{r_i}"
            values = [self._cell(grid, key, f"c{i}", c) for i, c in enumerate(row.cells)]
            values += [Text("")] * (width - len(values))
            grid.add_row(self._label(grid, key, row.label, row.span), *values, key=key)
        return grid

    def _label(self, grid: TableGrid, row: str, label: str, span: Span) -> Text:
        text = fit_label(label, self.label_width)
        self._places[(span.start, span.end)] = _Place(grid, row, "label", text.plain, None)
        grid.spans[(row, "label")] = span
        return text

    def _cell(self, grid: TableGrid, row: str, column: str, cell: Cell) -> Text:
        raw = " ".join(cell.raw.split()) or "∅"
        base = PROBLEM_STYLE if cell.problem else None
        text = Text(raw, no_wrap=True, end="", justify="right", style=base or "")
        self._places[(cell.span.start, cell.span.end)] = _Place(grid, row, column, raw, base)
        grid.spans[(row, column)] = cell.span
        return text

    # -- highlighting --------------------------------------------------------------
    def highlight(self, visible: list[Violation], current: Violation | None) -> None:
        """Tint the cells the visible violations name; mark the current one and its
        related cells; scroll the current cell into view."""
        self._last_highlight = (visible, current)
        want: dict[tuple[int, int], Style | None] = {}
        for v in sorted(visible, key=lambda v: -SEVERITY_RANK.get(v.severity, 3)):
            key = (v.span.start, v.span.end)
            if key in self._places:
                want[key] = Style.parse(SEVERITY_BG[v.severity])
        target = None
        if current is not None:
            for s in current.related:
                if (s.start, s.end) in self._places:
                    want[(s.start, s.end)] = RELATED_STYLE
            key = (current.span.start, current.span.end)
            if key in self._places:
                want[key] = CURRENT_STYLE
                target = self._places[key]
            elif current.related:
                target = next((self._places[(s.start, s.end)] for s in current.related
                               if (s.start, s.end) in self._places), None)
        for key in set(self._styled) | set(want):
            style = want.get(key)
            if self._styled.get(key) == style:
                continue
            place = self._places[key]
            base = place.base
            full = (base + style) if (base and style) else (style or base)
            justify = "left" if place.column == "label" else "right"
            text = Text(place.text, no_wrap=True, end="", justify=justify, style=full or "")
            try:
                place.grid.update_cell(place.row, place.column, text)
            except Exception:  # the grid was rebuilt meanwhile
                continue
            if style is None:
                self._styled.pop(key, None)
            else:
                self._styled[key] = style
        if target is not None:
            self._reveal(target)

    def _reveal(self, place: _Place) -> None:
        grid = place.grid
        try:
            row = grid.get_row_index(place.row)
            column = grid.get_column_index(place.column)
        except Exception:
            return
        grid.move_cursor(row=row, column=column, animate=False, scroll=True)
        y = grid.virtual_region.y + (1 if grid.show_header else 0) + row
        self.scroll_to(y=max(0, y - self.scrollable_content_region.height // 2), animate=False)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        grid = event.data_table
        if not isinstance(grid, TableGrid):
            return
        event.stop()
        span = grid.spans.get((event.cell_key.row_key.value, event.cell_key.column_key.value))
        if span is not None:
            self.post_message(self.CellChosen(span))
