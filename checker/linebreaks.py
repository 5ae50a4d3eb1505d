"""Lines a copy broke inside a sentence, joined: `现公布江门市公路局` / `2014年政府信息公开…`.

Text copied out of a PDF viewer, or kept by a mirror of one, ends every printed line
with a line end: each line of the page is cut at the same width, in the middle of a
word (`…本报告由概述、主动公开政府信息情` / `况、政府信息公开咨询处理情况…`). A web page
whose figures sat in their own elements comes out with each figure on a line of its
own (`统计期限为` / `2011` / `年` / `1` / `月` …). Read line by line, a title, a period or a
phrase broken so is not found, and a line's second half is taken for a paragraph. So
such line ends are taken out before the text is read, and only such:

- **a text wrapped at one width** (_wrapped_at): most of its long lines end within a
  few characters of the same width, hardly any runs past it, and most of those end
  inside a sentence. Then a line as wide as that, not closing a sentence, a title, a heading or
  a table's row, runs on into the next unless the next is indented, blank, a heading,
  an item of a list, a row or a page's number.
- **a figure on a line of its own** (_figure_breaks): a number alone on its line,
  followed by a line that opens with its unit or a mark (`2011` / `年…`, `492` / `号,`),
  joins it, and so does the line before it when that ends inside a phrase (`…为` /
  `2011`: not a heading or a title); at least FIGURE_LINES of them in the text, so a
  table set a cell a line (a figure, then the next row's label) is never touched. In
  such a text a line that opens with a figure and its unit (`…专门配备了` / `132名…`)
  runs on from a line left inside a phrase as well.
- **a line that opens with a mark no line can open with** (_mark_breaks): a closing
  bracket or a sentence's inner stop (`（以下简称《条例》` / `）和《规定》`, `…受理点` /
  `；开辟了…`) continues the line before it, in any text, where that line is a phrase of
  MARKED_LINE characters or more (not a table's cell a PDF's narrow column cut into bits).

Lines holding a TAB (table rows) are never joined. The line ends taken out are gaps, as
spacing.py's spaces are: every position still gives the document's line and column.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from .cache import compile_re

MIN_WIDTH = 20     # the narrowest width a page is wrapped at (a PDF in 三号 type: 28 characters)
MAX_WIDTH = 60     # the widest (a mirror's: 45); a line of twice as many characters is wider
FULL_SHARE = 0.85  # a line this share of the width or wider fills it (punctuation is squeezed)
FULL_LINES = 8     # lines that fill the width, at least, for a text to count as wrapped
FIGURE_LINES = 2   # figures alone on a line inside a phrase, at least
MARKED_LINE = 6    # characters, at least, of a line a line opening with a mark runs on from

# What a line that fills the width may end with and still run on: anything but a sentence's end
_CLOSES_SENTENCE = "。！？!?；;：:"
# A row of a table whose cells a copy set apart by spaces: short words, at least four (维持 纠正 结果 审结 计 …,
# a header row of a flipbook's page as wide as its prose, round 681), or figures (0 0 0 0); not prose whose
# figures a copy set apart (2023 年 1 月 1 日起至 2023 年 12 月 31 日止: words and figures in turn)
_ROW = (r"^[ \u3000]*(?:(?:[^ \u3000\n\d]{1,6}[ \u3000]+){3,}[^ \u3000\n\d]{1,6}"
        r"|(?:[\d.,%％]+[ \u3000]+){3,}[\d.,%％]+)[ \u3000]*$")
# A line that ends where it stands though as wide as the page: a sentence's end; a title (a
# running header repeating it), which has no comma; a heading, with no sentence after its number
# (【bookmark: _GoBack】（一）强化认识，加强组织领导: a Word bookmark's name before it); an entry of a
# table of contents, its leaders and page number (一是健全工作机制 ....... 1: a real 2019 page, round 680)
_ENDS_ITSELF = compile_re(rf"[{_CLOSES_SENTENCE}][ \u3000]*$|^[^，,。；;]*(?:年度报告|工作报告|年报)[ \u3000]*$"
                          r"|(?:^|[\]】 \u3000])(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^。！？!?；;]*$"
                          r"|[.．·…]{3}[ \u3000]*\d{1,3}[ \u3000]*$|" + _ROW)
_IS_ROW = compile_re(_ROW)
# A page's number on a line of its own, between a page's last line and the next page's first (a PDF's copy)
_PAGE_NUMBER = compile_re(r"[ \u3000]*(?:[-—－]\s*)?\d{1,3}(?:\s*[-—－])?[ \u3000]*")
# A line that starts something of its own: indented, a heading's or an item's number, a bullet
_OWN_START = compile_re(r"[ \u3000\t\xa0]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                        r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[部章条节]|[•●▪◆■※★☆]")
# A figure alone on its line, followed by a line that opens with its unit, a date's part or a mark
_FIGURE_LINE = compile_re(r"\n[\d.,%％]*\d[\d.,%％]*(?=\n"
                          r"(?:[年月日号件条次项份万元亿余多名家户期篇批天起类场册台套宗座处周届个%％‰，,、。.．)）》”;；:：至]|人(?!民)))")
# What a line before a figure may end with, the phrase running on: a Chinese character that
# ends no sentence, or an opening bracket
_BEFORE_FIGURE = compile_re(r"[\u4e00-\u9fff（(《“]")
# A figure and its unit opening a line, what follows on the line (…专门配备了 / 132名专、兼职工作人员)
_FIGURE_OPENS = compile_re(r"\n(?=[\d.,%％]*\d[\d.,%％]*(?:[年月日号件条次项份万元亿余多名家户期篇批天类场册台套宗座处周届个%％‰]|人(?!民))[^\n\t]+)")
# A line that opens with a mark no line of its own opens with: a closing bracket or quote, a
# sentence's inner stop or end (after a line that is there, neither holding a TAB; not a question
# or exclamation mark: a mirror writes the characters it lost as ?, ????????重庆市… under a title)
_MARK_OPENS = compile_re(r"(?<=[^\n\t])\n(?=[)）\]】》」』”’，,、；;：:。][^\n\t]*(?:\n|$))")


def joined_lines(text: str) -> tuple[str, list[int], list[int]]:
    """The text with the line ends a copy put inside sentences taken out, the gaps that
    leaves (spacing.close_up's form: for each character taken out, the offset in the new
    text of the character that followed), and where lines were joined (the offsets, in
    the new text, of the first character of each line joined to the one before)."""
    if text.count("\n") < 2:
        return text, [], []
    ends = _figure_breaks(text) | _mark_breaks(text)  # (the offsets of the line ends to take out)
    lines = text.split("\n")
    wrapped = _wrapped_at(lines)
    if wrapped:
        line_ends = list(accumulate(len(line) + 1 for line in lines))  # (each one past its line's end)
        ends |= {line_ends[i - 1] - 1 for i in wrapped}
    if not ends:
        return text, [], []
    parts: list[str] = []
    gaps: list[int] = []
    breaks: list[int] = []
    pos = size = 0  # (where the text not yet copied starts; the length of the new text so far)
    for end in sorted(ends):  # (this line runs on into the next: its trailing spaces and line end go)
        kept = text[pos:end].rstrip(" \u3000\xa0")
        parts.append(kept)
        size += len(kept)
        gaps += [size] * (end - pos - len(kept) + 1)
        breaks.append(size)
        pos = end + 1
    parts.append(text[pos:])
    return "".join(parts), gaps, breaks


def _wrapped_at(lines: list[str]) -> list[int]:
    """The lines (indices) that run on from the line before, in a text wrapped at one
    width; none in any other text."""
    shortest = MIN_WIDTH * FULL_SHARE  # (a line has at least as many characters as its width)
    sizes = list(map(len, lines))
    long = [i for i, size in enumerate(sizes) if size >= shortest]
    # (most texts end here: their paragraphs run past any page's width, or end with their sentences)
    if len(long) < FULL_LINES or sum(1 for i in long if sizes[i] > 2 * MAX_WIDTH) * 10 > len(long):
        return []
    long = [i for i in long if "\t" not in lines[i]]
    if sum(1 for i in long if lines[i].rstrip()[-1:] not in _CLOSES_SENTENCE) * 2 < len(long) or len(long) < FULL_LINES:
        return []
    widths = {i: _width(lines[i]) for i in long}
    ordered = sorted(w for w in widths.values() if w >= shortest)
    if len(ordered) < FULL_LINES:
        return []
    # the width most long lines fill: the top of the narrow band that holds the most of them
    best, band = 0, (0, 0)
    for i, top in enumerate(ordered):
        low = bisect_left(ordered, top * FULL_SHARE)
        if i + 1 - low >= best:
            best, band = i + 1 - low, (low, i)
    width = ordered[band[1]]
    # (a line fills it from a share of the band's middle, not of its widest: spaces around figures make a few lines
    # wider than printed, 章丘区文旅局 2023's 26 measured 27.5, round 689; and the few lines a copy ran past it, a
    # cover's line run on into the first: 北京市统计局 2012)
    middle = ordered[(band[0] + band[1]) // 2]
    full = [i for i, w in widths.items() if w >= middle * FULL_SHARE]
    beyond = sum(1 for w in ordered if w > width)
    if width < MIN_WIDTH or len(full) < FULL_LINES or len(full) * 2 < len(ordered) or beyond * 10 > len(ordered):
        return []
    runs_on = [i for i in full if i + 1 < len(lines) and lines[i + 1].strip() and not _ENDS_ITSELF.search(lines[i])]
    if len(runs_on) * 2 < len(full):
        return []
    return [i + 1 for i in runs_on if "\t" not in lines[i + 1] and not _OWN_START.match(lines[i + 1])
            and not _IS_ROW.match(lines[i + 1]) and not _PAGE_NUMBER.fullmatch(lines[i + 1])]


def _width(line: str) -> float:
    """How wide a line is printed, in Chinese characters: an ASCII letter, digit or space
    half one (a copy writes a PDF's full-width marks as ASCII ones: they count whole)."""
    line = line.rstrip()
    if line.isascii():
        return len(line) / 2
    return len(line) - sum(1 for ch in line if ch.isascii() and (ch.isalnum() or ch == " ")) / 2


def _figure_breaks(text: str) -> set[int]:
    """The line ends (offsets) around figures alone on their lines that run on; none
    where fewer than FIGURE_LINES such figures stand inside phrases."""
    ends: set[int] = set()
    inside = 0
    for m in _FIGURE_LINE.finditer(text):
        before, after = m.start(), m.end()  # (the line ends before and after the figure)
        next_end = text.find("\n", after + 1)
        if "\t" in text[after:next_end if next_end != -1 else len(text)]:
            continue
        ends.add(after)
        if _leaves_phrase_open(_line_before(text, before)):
            ends.add(before)
            inside += 1
    if inside < FIGURE_LINES:
        return set()
    ends.update(m.start() for m in _FIGURE_OPENS.finditer(text) if _leaves_phrase_open(_line_before(text, m.start())))
    return ends


def _mark_breaks(text: str) -> set[int]:
    """The line ends before lines that open with a closing bracket or a stop (_MARK_OPENS),
    where the line before holds no TAB and is a phrase, not a table's cell cut into bits
    of a few characters (a PDF's narrow column: （一 / ）予 / 以公 / 开)."""
    ends: set[int] = set()
    for m in _MARK_OPENS.finditer(text):
        line = _line_before(text, m.start())
        if len(line.strip()) >= MARKED_LINE and "\t" not in line:
            ends.add(m.start())
    return ends


def _line_before(text: str, end: int) -> str:
    """The line that the line end at `end` closes."""
    return text[text.rfind("\n", 0, end) + 1:end]


def _leaves_phrase_open(line: str) -> bool:
    """Whether a line (no table row) ends inside a phrase that a figure on the next line
    goes on: not a heading, a title or a sentence's end."""
    return bool(line) and "\t" not in line and bool(_BEFORE_FIGURE.fullmatch(line[-1])) and not _ENDS_ITSELF.search(line)
