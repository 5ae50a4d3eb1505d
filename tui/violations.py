"""The violations list: one row per violation — severity, rule id, line, message — with
the message cut to the width of the pane (measured in terminal cells, so Chinese text
lines up). Cells are always `rich.text.Text`, never strings, so a message holding
square brackets is not read as markup."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from nianbao.model import Violation

from .i18n import SEVERITY_GLYPH, SEVERITY_STYLE, tr

SEV_WIDTH = {"zh": 6, "en": 7}
SHORT = {"warning": "warn"}
RULE_WIDTH = 11
LINE_WIDTH = 5


def fit(text: str, width: int) -> Text:
    """One line of at most `width` cells, with an ellipsis when cut (after a whole
    character: a wide one that would not fit is left out, not padded)."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return Text(text, no_wrap=True, end="")
    kept, used = [], 0
    for ch in text:
        if used + cell_len(ch) > max(width - 1, 0):
            break
        kept.append(ch)
        used += cell_len(ch)
    return Text("".join(kept) + "…", no_wrap=True, end="")


MIN_SHARED = 4   # characters another message must share before the start gives way
_OPENING = "“‘「『（(《【"
_BOUNDARIES = _OPENING + "：:，,；; 、"


def shared_starts(texts: list[str]) -> list[int]:
    """For each text, how long a start it shares with another of the texts (0 when it
    shares none, or when another text is the same throughout: nothing tells them apart)."""
    order = sorted(range(len(texts)), key=lambda i: texts[i])
    shared = [0] * len(texts)
    for a, b in zip(order, order[1:]):
        n = _common_prefix(texts[a], texts[b])
        shared[a], shared[b] = max(shared[a], n), max(shared[b], n)
    return [0 if n >= len(text) else n for text, n in zip(texts, shared)]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def fit_apart(text: str, shared: int, width: int) -> Text:
    """`text` in `width` cells. When it must be cut and its first `shared` characters are
    another message's too, the shared start gives way (…) to the part that differs, from
    the earliest quotation mark, bracket or punctuation before the difference that still
    lets the rest fit."""
    if shared < MIN_SHARED or cell_len(text) <= width:
        return fit(text, width)
    starts = [i if text[i] in _OPENING else i + 1 for i, ch in enumerate(text[:shared + 1]) if ch in _BOUNDARIES]
    fitting = [i for i in starts if cell_len(text[i:]) + 1 <= width]
    start = fitting[0] if fitting else (starts[-1] if starts else shared)
    return fit("…" + text[start:], width)


def severity_label(severity: str, lang: str) -> Text:
    label = SHORT.get(severity, severity) if lang == "en" else tr(severity, lang)
    return Text(f"{SEVERITY_GLYPH.get(severity, '?')} {label}", style=SEVERITY_STYLE.get(severity, ""),
                no_wrap=True, end="")


LIST_BINDINGS = [
    Binding("j", "cursor_down", show=False),
    Binding("k", "cursor_up", show=False),
    Binding("home", "scroll_top", show=False),
    Binding("end", "scroll_bottom", show=False),
]


class ListTable(DataTable):
    """A row-cursor table with vi keys, Home and End moving to the first / last row."""

    BINDINGS = LIST_BINDINGS


class ViolationList(ListTable):
    DEFAULT_CSS = """
    ViolationList { height: 1fr; overflow-x: hidden; }
    """

    def __init__(self, lang: str = "zh", **kw) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, show_row_labels=False, **kw)
        self.lang = lang
        self.items: list[Violation] = []
        self._lang_messages = lang
        self._built_width = -1

    def on_mount(self) -> None:
        self._columns()

    def _message_width(self) -> int:
        width = self.size.width or 80
        # columns carry a padding of one cell on each side; keep room for the scrollbar
        used = SEV_WIDTH[self.lang] + RULE_WIDTH + LINE_WIDTH + 2 * 4 + 2
        return max(12, width - used)

    def _columns(self) -> None:
        self.clear(columns=True)
        self.add_column(tr("severity_col", self.lang), width=SEV_WIDTH[self.lang], key="sev")
        self.add_column(tr("rule_col", self.lang), width=RULE_WIDTH, key="rule")
        self.add_column(tr("line_col", self.lang), width=LINE_WIDTH, key="line")
        self._built_width = self._message_width()
        self.add_column(tr("message_col", self.lang), width=self._built_width, key="msg")

    def show(self, items: list[Violation], select: int | None = None) -> None:
        """Replace the rows; put the cursor on `select` (an index into `items`)."""
        self.items = list(items)
        self._fill()
        if self.items:
            self.move_cursor(row=select if select is not None else 0, animate=False)

    def _fill(self) -> None:
        row = self.cursor_row
        self.clear(columns=False)
        width = self._built_width
        messages = [v.message(self.lang) for v in self.items]
        # rows whose messages differ only after a long shared start show where they differ
        starts = shared_starts(messages)
        for i, (v, message, start) in enumerate(zip(self.items, messages, starts)):
            self.add_row(severity_label(v.severity, self.lang),
                         Text(v.rule, no_wrap=True, end=""),
                         Text(str(v.span.line), justify="right", no_wrap=True, end=""),
                         fit_apart(message, start, width), key=str(i))
        if self.items and 0 <= row < len(self.items):
            self.move_cursor(row=row, animate=False)

    def on_resize(self) -> None:
        if self._message_width() != self._built_width:
            row = self.cursor_row
            self._columns()
            self._fill()
            if self.items:
                self.move_cursor(row=min(row, len(self.items) - 1), animate=False)

    @property
    def current(self) -> int | None:
        if not self.items:
            return None
        return min(max(self.cursor_row, 0), len(self.items) - 1)
