"""Characters spaced apart: `三 、 本 年 度 办 理 结 果`, `电 话 ： 0 8 7 9`.

A PDF whose text is set with expanded character spacing (or justified to the margin)
has its characters far enough apart that text extraction, and a copy from a PDF viewer,
puts a space between every two of them; a Word document may have the spaces typed in
to spread a short heading. Labels, headings, periods and contact details must match
through them, so the text is read with those spaces taken out. Only runs of single
characters (a CJK character, an ASCII character, or a run of digits), each one space
from the next, at least three of them CJK, are closed up: ordinary spaces between words
(`青石镇 人民政府`) and between the values of a row (`0 0 0`) stay.

The spaces taken out are remembered, so that a position in the text read (an offset)
still gives the line and column of the character in the document (`LineIndex`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from .cache import compile_re

_CJK_RANGES = (("\u2e80", "\u2fff"), ("\u3001", "\u9fff"), ("\uf900", "\ufaff"), ("\ufe30", "\ufe4f"),
               ("\uff00", "\uffef"))
_CJK_MARKS = "‘’“”—…·"
_CJK = "".join(f"{first}-{last}" for first, last in _CJK_RANGES) + _CJK_MARKS
_TOKEN = rf"(?:[{_CJK}]|\d++|[!-~])"
# (a run never starts inside a number: one that could would start at its first digit,
# and trying each digit of a long number again made reading it quadratic)
_FIRST_TOKEN = rf"(?:[{_CJK}]|(?<!\d)\d++|[!-~])"
# re spends ~14 million instructions building the bitmap of _CJK each time a pattern
# holds it, and once more for a pattern that opens with it (the characters a match can
# start with): the patterns below look for any character outside ASCII where a CJK one
# is wanted, and is_cjk tells whether it is one; the pattern of runs, which cannot, is
# compiled when a text first has a CJK character spaced from the next.
# Where to look: every run that counts has a CJK character then a space, and so has a
# number set off by spaces (opening with the space, re skips straight to the spaces;
# with the space alone, as in most texts, as fast as str.find: ~5x faster than a class).
_SPACE_AFTER_WIDE = compile_re(r"[ \xa0](?<=[^\x00-\x7f][ \xa0])\S")
_SPACE_ALONE_AFTER_WIDE = compile_re(r" (?<=[^\x00-\x7f] )\S")
# A CJK character inside a number (the full-width digits are both): a run can count
# through these without a CJK character spaced from the next (`1 2 3 ２０２３`). Few
# texts have one, and asking `in` for each digit is ~8x faster than the pattern.
_WIDE_DIGITS = "０１２３４５６７８９"
_WIDE_DIGIT_IN_NUMBER = compile_re(rf"[{_WIDE_DIGITS}]\d")
# A number with a space on each side (read from the space before it).
_SPACED_NUMBER = compile_re(r"[ \xa0]\d[\d.,]*[ \xa0]")
# A section's heading run on into its prose, the prose opening with a year (五、存在的主要问题及改进情况 2022 年,我办…, a
# document-sharing site's copy, round 553): the space after the heading is where the heading ends, not a gap in a number
_HEADING_BEFORE = compile_re(r"(?:^|\n)[ \u3000]*[一二三四五六][、.．][ \u3000]*[^\n\d]{2,24}(?:情况|事项)$")
MIN_CJK = 3  # CJK characters in a run of at least MIN_TOKENS, for it to count as spaced apart
MIN_TOKENS = 4


def close_up(text: str) -> tuple[str, list[int]]:
    """The text with the spaces of spaced-out runs taken out, and where they were: the
    offsets, in the new text, of the character that followed each one (ascending).

    A run counts when it has MIN_CJK CJK characters among MIN_TOKENS characters or
    more, or when it touches (no space between) a run that counts: a line wrapped in
    the PDF and joined again meets the next line without a space (`0 8 7 9 -` +
    `6 2 3 1`), and an e-mail address after `：` has no CJK character of its own.
    A number set off by a space on each side between two CJK characters (`人民政府
    2023 年`, as mixed Latin and Chinese fonts leave it) is closed up too."""
    spaces_after_cjk = _spaces_after_cjk(text)
    if not spaces_after_cjk:
        return text, []
    wide_digits = []
    if any(digit in text for digit in _WIDE_DIGITS):
        wide_digits = [m.start() for m in _WIDE_DIGIT_IN_NUMBER.finditer(text)]
    runs = [[m.start(), m.end(), m.group(), False]
            for m in _runs_on_lines(text, sorted(spaces_after_cjk + wide_digits))]
    for run in runs:
        run[3] = _cjk_count(run[2]) >= MIN_CJK and len(_RUN_SPLIT.split(run[2])) >= MIN_TOKENS
    for ordered in (runs, runs[::-1]):
        for before, after in zip(ordered, ordered[1:]):
            touching = before[1] == after[0] or after[1] == before[0]
            if touching and before[3]:
                after[3] = True
    spaces = [start + i for start, _, run, counts in runs if counts
              for i, ch in enumerate(run) if ch in " \xa0"]
    spaces += [i for start, end in _spaced_numbers(text, spaces_after_cjk) for i in (start, end - 1)]
    if not spaces:
        return text, []
    spaces = sorted(set(spaces))
    parts: list[str] = []
    gaps: list[int] = []
    pos = 0
    for removed, at in enumerate(spaces):
        parts.append(text[pos:at])
        gaps.append(at - removed)  # where the next character lands in the new text
        pos = at + 1
    parts.append(text[pos:])
    return "".join(parts), gaps


# Where _CJK's characters start and stop (the character after one, marks as ranges of
# one): a character is one of them when an odd number of these are at or below it.
_CJK_BOUNDS = sorted([first for first, _ in _CJK_RANGES] + [chr(ord(last) + 1) for _, last in _CJK_RANGES]
                     + list(_CJK_MARKS) + [chr(ord(mark) + 1) for mark in _CJK_MARKS])


def is_cjk(char: str) -> bool:
    """Whether a character is one of _CJK's."""
    return bisect_right(_CJK_BOUNDS, char) % 2 == 1


def _cjk_count(run: str) -> int:
    return 0 if run.isascii() else sum(map(is_cjk, run))


def _spaces_after_cjk(text: str) -> list[int]:
    """Where a CJK character, a space and a character not a space follow each other: the
    offsets of the spaces."""
    spaces = _SPACE_AFTER_WIDE if "\xa0" in text else _SPACE_ALONE_AFTER_WIDE
    return [m.start() for m in spaces.finditer(text) if is_cjk(text[m.start() - 1])]


@cache
def _spaced_run() -> re.Pattern:
    """A run of single characters each one space from the next."""
    return compile_re(rf"{_FIRST_TOKEN}(?:[ \xa0]{_TOKEN})+")


def _runs_on_lines(text: str, places: list[int]):
    """The runs of the lines that hold one of `places` (offsets, ascending), as finditer
    over the whole text finds them there. No run spans a line end, so each line is
    looked at alone; and a run that counts has a CJK character followed by a space or
    (a full-width digit) by a digit, so on a line without one no run counts or touches
    one that does (trying the pattern at every character of the text cost ~0.4 ms a
    report)."""
    runs = _spaced_run()
    end = -1
    for at in places:
        if at > end:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            if end < 0:
                end = len(text)
            yield from runs.finditer(text, start, end)


def _spaced_numbers(text: str, spaces_after_cjk: list[int]):
    """(start, end) of each number set off by a space on each side between two CJK
    characters, as finditer would give them: the space before it is one of
    spaces_after_cjk (the space after one may be the next one's, after a full-width
    digit, and is then not looked at again)."""
    end = 0
    for space in spaces_after_cjk:
        if space >= end and (m := _SPACED_NUMBER.match(text, space)) and m.end() < len(text) \
                and is_cjk(text[m.end()]) and not _HEADING_BEFORE.search(text, max(0, space - 40), space):
            end = m.end()
            yield space, end


_RUN_SPLIT = compile_re(r"[ \xa0]")


def joined_gaps(first: list[int], second: list[int]) -> list[int]:
    """The gaps of two removals one after the other (`first` from the text as it was,
    `second` from what that left) as one removal from the text as it was: each of
    `first`'s moved back by the characters `second` took out before it."""
    if not first:
        return second
    return sorted(second + moved(first, second))


def moved(offsets: list[int], gaps: list[int]) -> list[int]:
    """Offsets in a text → the same characters' offsets once the characters `gaps` says
    (close_up's form) are taken out of it."""
    if not gaps or not offsets:
        return offsets
    taken = [g + k for k, g in enumerate(gaps)]  # (where the characters taken out stood)
    return [at - bisect_left(taken, at) for at in offsets]


def original_offset(offset: int, gaps: list[int]) -> int:
    """An offset in the closed-up text → the offset of the same character in the text
    as it was (every space taken out before it counted back in)."""
    return offset + bisect_right(gaps, offset)
