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
from .session import SEVERITY_RANK
from .source import RELATED_STYLE

CURRENT_STYLE = Style.parse("bold black on #eeeeee")

LABEL_WIDTH = 28   # at most
VALUE_WIDTH = 14   # at most; a column is as wide as its label, within the room there is
MIN_WIDTH = 4
PROBLEM_STYLE = Style.parse("italic #ffaf5f")
MISSING_STYLE = Style.parse("dim italic")


def fit_label(label: str, width: int) -> Text:
    label = " ".join(label.split())
    text = Text(label, no_wrap=True, end="", overflow="ellipsis")
    if cell_len(label) > width:
        text.truncate(width, overflow="ellipsis")
    return text


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
    """Every table of a report, block by block."""

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
        self.label_width = LABEL_WIDTH

    def _room(self) -> int:
        width = self.size.width or (self.parent.size.width if self.parent is not None else 0) or 80
        return max(width - 4, 20)   # padding and the scrollbar

    def _value_width(self, columns: int) -> int:
        room = self._room()
        self.label_width = min(LABEL_WIDTH, max(12, room * 2 // 5))
        per = (room - (self.label_width + 2)) // max(columns, 1) - 2
        return min(max(per, MIN_WIDTH), VALUE_WIDTH)

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
            return [self._numbered_grid(table.rows, "", width, "r")]
        out: list = []
        missing = {m.row for m in table.missing}
        for block in tpl.blocks:
            grid = TableGrid()
            head = block.label if tpl.shape == "blocks" else (tpl.row_header or "")
            value_width = self._value_width(len(block.columns))
            grid.add_column(fit_label(head, self.label_width), width=self.label_width, key="label")
            for col in block.columns:
                width = min(max(cell_len(col.label), MIN_WIDTH), value_width)
                grid.add_column(fit_label(col.label, width), width=width, key=col.id)
            for t_i, trow in enumerate(block.rows):
                key = trow.id or f"group{t_i}"
                row = table.row(trow.id) if trow.id else None
                if trow.is_group or trow.id is None:
                    label = fit_label(trow.label, self.label_width)
                    label.stylize("bold")
                    grid.add_row(label, *[Text("")] * len(block.columns), key=key)
                    continue
                if row is None:
                    label = fit_label(trow.label, self.label_width - 4)
                    label.append(tr("missing_row", self.lang) if trow.id in missing else "", style=MISSING_STYLE)
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
        value_width = self._value_width(width)
        for i in range(width):
            grid.add_column(str(i + 1), width=value_width, key=f"c{i}")
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
