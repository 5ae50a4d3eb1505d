"""The source pane: the report's text, read-only, with line numbers, every violation's
span painted by severity, a severity marker in the gutter, the selected violation and
the cells that take part in it, and search matches.

A read-only `TextArea` (cursor shown, so `move_cursor(..., center=True)` scrolls);
the painting happens in `get_line`, the documented hook, and the gutter marker is put
on the rendered strip. Whenever the marks change, `notify_style_update()` drops the
TextArea's line cache.

Long lines are wrapped as Chinese is (tui/linebreak.py): filled to the width, never
starting a line with closing punctuation, never splitting a number, word, path or
e-mail address. The TextArea's wrapped view is given that rule (`CJKWrappedDocument`:
Textual's own wrapping code, with our break offsets)."""

from __future__ import annotations

import types

import textual.document._wrapped_document as _wrapped
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import TextArea

from nianbao.model import Span, Violation

from .i18n import SEVERITY_BG, SEVERITY_GLYPH, SEVERITY_STYLE
from .linebreak import break_offsets
from .session import SEVERITY_RANK, display_text, line_pieces


def cjk_wrap_offsets(text: str, width: int, tab_size: int, fold: bool = True,
                     precomputed_tab_sections: list[tuple[str, int]] | None = None) -> list[int]:
    """Textual's compute_wrap_offsets, answered by linebreak.break_offsets."""
    tab_size = min(tab_size, width)
    sections = precomputed_tab_sections or get_tab_widths(text, tab_size)
    return break_offsets(text, width, [w for _, w in sections][:text.count("\t")])


def _with_our_breaks(function):
    """A WrappedDocument method whose call to compute_wrap_offsets is ours."""
    namespace = dict(_wrapped.__dict__, compute_wrap_offsets=cjk_wrap_offsets)
    return types.FunctionType(function.__code__, namespace, function.__name__, function.__defaults__,
                              function.__closure__)


class CJKWrappedDocument(WrappedDocument):
    """The TextArea's wrapped view of the document, broken as Chinese text is."""

    wrap = _with_our_breaks(WrappedDocument.wrap)
    wrap_range = _with_our_breaks(WrappedDocument.wrap_range)

CURRENT_STYLE = Style.parse("bold reverse")
RELATED_STYLE = Style.parse("bold black on #d7af5f")
MATCH_STYLE = Style.parse("black on #87d787")
MATCH_CURRENT_STYLE = Style.parse("bold black on #5fff00")
_SEV_BG = {k: Style.parse(v) for k, v in SEVERITY_BG.items()}
_SEV_FG = {k: Style.parse(v) for k, v in SEVERITY_STYLE.items()}


class SourceView(TextArea):
    """The report text with its violations painted on it."""

    DEFAULT_CSS = """
    SourceView { border: none; padding: 0; }
    SourceView:focus { border: none; }
    """

    def __init__(self, text: str = "", **kw) -> None:
        super().__init__(display_text(text), read_only=True, show_line_numbers=True, soft_wrap=True,
                         line_number_start=1, highlight_cursor_line=True, show_cursor=True,
                         tab_behavior="focus", **kw)
        self._lengths: list[int] = [len(line) for line in self.document.lines]
        self._paint: dict[int, list[tuple[int, int, Style]]] = {}
        self._gutter: dict[int, str] = {}          # row → worst severity on it
        self._current: list[tuple[int, int, int]] = []
        self._related: list[tuple[int, int, int]] = []
        self._matches: dict[int, list[tuple[int, int]]] = {}   # row → (start, end)
        self._match_current: tuple[int, int, int] | None = None

    gutter_digits = 0   # at least this many digits for line numbers (the comparison: both sides alike)

    @property
    def gutter_width(self) -> int:
        if not self.show_line_numbers:
            return 0
        return max(len(str(self.document.line_count - 1 + self.line_number_start)), self.gutter_digits) + 2

    def _rewrap_and_refresh_virtual_size(self) -> None:
        # the TextArea makes a new WrappedDocument for each text it loads: give it our breaks
        if type(self.wrapped_document) is WrappedDocument:
            self.wrapped_document.__class__ = CJKWrappedDocument
        super()._rewrap_and_refresh_virtual_size()

    # -- content -------------------------------------------------------------------
    def load_text_fresh(self, text: str) -> None:
        """Show a new text from its top."""
        self.load_text(display_text(text))
        self._lengths = [len(line) for line in self.document.lines]

    def set_text(self, text: str) -> None:
        """Replace the text, keeping the scroll position and the cursor row."""
        row, col = self.cursor_location
        scroll = self.scroll_offset
        self.load_text(display_text(text))
        self._lengths = [len(line) for line in self.document.lines]
        row = min(row, self.document.line_count - 1)
        self.move_cursor((row, min(col, self._lengths[row] if self._lengths else 0)))
        self.scroll_to(scroll.x, scroll.y, animate=False, immediate=True)

    def set_violations(self, violations: list[Violation]) -> None:
        paint: dict[int, list[tuple[int, int, Style]]] = {}
        gutter: dict[int, str] = {}
        # Paint the milder severities first, so an error wins where spans overlap.
        for v in sorted(violations, key=lambda v: -SEVERITY_RANK.get(v.severity, 3)):
            style = _SEV_BG.get(v.severity)
            if style is None:
                continue
            for row, start, end in line_pieces(v.span, self._lengths):
                paint.setdefault(row, []).append((start, end, style))
            row = v.span.line - 1
            if row not in gutter or SEVERITY_RANK[v.severity] < SEVERITY_RANK[gutter[row]]:
                gutter[row] = v.severity
        self._paint, self._gutter = paint, gutter
        self._restyle()

    def set_current(self, span: Span | None, related: list[Span] | tuple = ()) -> None:
        self._current = line_pieces(span, self._lengths) if span else []
        self._related = [p for s in related for p in line_pieces(s, self._lengths)]
        self._restyle()

    def set_matches(self, matches: list[tuple[int, int, int]], current: int | None) -> None:
        by_row: dict[int, list[tuple[int, int]]] = {}
        for row, start, end in matches:
            by_row.setdefault(row, []).append((start, end))
        self._matches = by_row
        self._match_current = matches[current] if current is not None and matches else None
        self._restyle()

    def go_to(self, line: int, column: int = 1, top: bool = False) -> None:
        """Put the cursor on a 1-based line and column and scroll it to the middle
        (with `top`, to the top: the start of a table, with the table under it)."""
        if not self._lengths:
            return
        row = min(max(line - 1, 0), len(self._lengths) - 1)
        col = min(max(column - 1, 0), self._lengths[row])
        self.move_cursor((row, col), center=not top)
        # and again once the layout has settled (the first time, the pane may not
        # have its final size yet)
        if top:
            self.call_after_refresh(self._scroll_row_to_top, row)
        else:
            self.call_after_refresh(self.scroll_cursor_visible, center=True)

    def _scroll_row_to_top(self, row: int) -> None:
        self.scroll_to(y=self.wrapped_document.location_to_offset((row, 0)).y, animate=False, immediate=True)

    def _restyle(self) -> None:
        self.notify_style_update()
        self.refresh()

    # -- painting ------------------------------------------------------------------
    def get_line(self, line_index: int) -> Text:
        text = super().get_line(line_index)
        for start, end, style in self._paint.get(line_index, ()):
            text.stylize(style, start, end)
        for row, start, end in self._related:
            if row == line_index:
                text.stylize(RELATED_STYLE, start, end)
        for row, start, end in self._current:
            if row == line_index:
                text.stylize(CURRENT_STYLE, start, end)
        for start, end in self._matches.get(line_index, ()):
            current = (line_index, start, end) == self._match_current
            text.stylize(MATCH_CURRENT_STYLE if current else MATCH_STYLE, start, end)
        return text

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not self._gutter or not self.show_line_numbers:
            return strip
        wrapped = self.wrapped_document
        absolute_y = self.scroll_offset.y + y
        if absolute_y >= wrapped.height:
            return strip
        row, column = wrapped.offset_to_location(Offset(0, absolute_y))
        severity = self._gutter.get(row)
        if severity is None or column != 0:
            return strip
        at = self.gutter_width - 2   # the gutter is the number, then two spaces
        if at < 0 or strip.cell_length <= at:
            return strip
        base = _style_at(strip, at)
        marker = Strip([Segment(SEVERITY_GLYPH[severity], base + _SEV_FG[severity])], 1)
        return Strip.join([strip.crop(0, at), marker, strip.crop(at + 1, strip.cell_length)])


def _style_at(strip: Strip, x: int) -> Style:
    pos = 0
    for seg in strip:
        width = seg.cell_length
        if pos <= x < pos + width:
            return seg.style or Style()
        pos += width
    return Style()
