"""Where to break a line of Chinese (and mixed) text to fit a width, as Chinese
typesetting does (a light 禁则, kinsoku):

- a line may break between any two Chinese characters, and at a run of spaces (after
  it, or before it when it does not fit); a space does not make an early break: the
  line is filled, then broken;
- a line never starts with closing punctuation (，。、；：）」』！？》…) and never ends with
  opening punctuation (（「『《“…), when another break is possible;
- a run of other characters — a number, a Latin word, a path, an e-mail address, a
  URL — is not split, unless it is wider than a whole line (then it is folded).

Widths are terminal cells (a Chinese character is two); a TAB counts the width it has
at its place in the whole line (`tab_widths`), as the source pane draws it. Plain
Python, so the rule pane (Rich) and the source pane (a Textual TextArea) share it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from rich.cells import get_character_cell_size

# A line may not start with these (closing and middle punctuation), nor end with the
# opening ones. ASCII forms too, for punctuation typed half-width in Chinese text.
NO_START = frozenset("，。、；：？！）」』》〉】〕〗｝”’…—‥·%‰℃°,.;:?!)]}>")
NO_END = frozenset("（「『《〈【〔〖｛“‘([{<")


def _breakable(ch: str) -> bool:
    """A character that stands alone for line breaking: Chinese, Japanese and Korean
    characters and the full-width punctuation around them (not full-width letters or
    digits, which belong to a run as ASCII ones do)."""
    if ch in NO_START or ch in NO_END:
        return not ch.isascii()
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return False  # full-width digits and letters: part of a number or word
    return unicodedata.east_asian_width(ch) in "WF"


def _opportunity(text: str, i: int) -> bool:
    """Whether the line may break before text[i] (0 < i < len(text))."""
    before, after = text[i - 1], text[i]
    if after in NO_START or before in NO_END:
        return False
    if after.isspace():
        return not before.isspace()  # only when the spaces do not fit on the line they follow
    if before.isspace():
        return True
    return _breakable(before) or _breakable(after)


def cell_widths(text: str, tab_widths: Sequence[int] | None = None) -> list[int]:
    """The width of each character in cells; a TAB takes its width from `tab_widths`
    (one entry per TAB, in order), or 1."""
    widths, tabs = [], iter(tab_widths or ())
    for ch in text:
        widths.append(next(tabs, 1) if ch == "\t" else get_character_cell_size(ch))
    return widths


def break_offsets(text: str, width: int, tab_widths: Sequence[int] | None = None) -> list[int]:
    """The code-point offsets to break `text` at so that every piece fits in `width`
    cells. Empty when it fits."""
    if width <= 0 or not text:
        return []
    widths = cell_widths(text, tab_widths)
    breaks: list[int] = []
    start, n = 0, len(text)
    while True:
        used, end = 0, start
        while end < n and used + widths[end] <= width:
            used += widths[end]
            end += 1
        if end >= n:
            return breaks
        if end == start:  # one character wider than the line
            end = start + 1
        cut = next((i for i in range(end, start, -1) if _opportunity(text, i)), None)
        if cut is None:  # one run wider than the line: folded where it overflows, or a character
            cut = end if text[end] not in NO_START or end - 1 <= start else end - 1   # before, to keep 禁则
        breaks.append(cut)
        start = cut


def wrap(text: str, width: int) -> list[str]:
    """The lines `text` breaks into at `width` (no TABs expected)."""
    pieces, start = [], 0
    for cut in break_offsets(text, width):
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
