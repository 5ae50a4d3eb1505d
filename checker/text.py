"""Positions in the ingested text: offsets ↔ (line, column) spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, count
from operator import add

from .model import Span, make_span, new_tuple
from .spacing import original_offset


class LineIndex:
    """Maps code-point offsets of one text to 1-based line and column numbers.

    With `gaps` (the characters taken out of the document: spaces of characters spaced
    apart, see spacing.py, and the like), the column is the one the character has in the
    document as it was. Where line ends were among them (`breaks`: lines a copy broke
    inside a sentence, joined again, see linebreaks.py), the line is the document's too:
    the text read has fewer lines than the document, and a position is worked out in
    the document's (`lines`, where each of its lines starts)."""

    __slots__ = ("text", "starts", "gaps", "breaks", "lines")

    def __init__(self, text: str, gaps: list[int] | None = None, breaks: list[int] | None = None) -> None:
        self.text = text
        self.starts = _line_starts(text)
        self.gaps = gaps or None
        self.breaks = (breaks or None) if self.gaps else None  # (a line end taken out is among the gaps)
        self.lines = None if self.breaks is None else sorted(
            original_offset(at, self.gaps) for at in (*self.starts, *self.breaks))

    def position(self, offset: int) -> tuple[int, int]:
        if self.breaks is not None:
            at = original_offset(offset, self.gaps)
            line = bisect_right(self.lines, at)
            return line, at - self.lines[line - 1] + 1
        line = bisect_right(self.starts, offset)
        return line, self.column(self.starts[line - 1], offset)

    def column(self, line_start: int, offset: int) -> int:
        """The 1-based column of `offset` on the line that starts at `line_start`."""
        if self.gaps is None:
            return offset - line_start + 1
        if self.breaks is not None:
            return self.position(offset)[1]
        return original_offset(offset, self.gaps) - original_offset(line_start, self.gaps) + 1

    def line(self, offset: int) -> int:
        """The 1-based line of `offset` (the document's)."""
        return self.position(offset)[0] if self.breaks is not None else bisect_right(self.starts, offset)

    def plain(self, line_start: int, end: int) -> bool:
        """Whether the columns of a line up to `end` are plain offsets from its start:
        no character was taken out there (most lines)."""
        gaps = self.gaps
        if gaps is None:
            return True
        after = bisect_right(gaps, line_start)  # the first gap past the line's start
        return after == len(gaps) or gaps[after] > end

    def end_column(self, line_start: int, end: int) -> int:
        """The column just after the character before `end` (a span's end): with spaces
        taken out, not after a space that followed the span's last character."""
        if self.gaps is None:
            return end - line_start + 1
        return self.column(line_start, end - 1) + 1

    def span(self, start: int, end: int) -> Span:
        if self.gaps is None:  # (most texts: columns are offsets, worked out here without a call)
            starts = self.starts
            line = bisect_right(starts, start)
            column = start - starts[line - 1] + 1
            if end <= start:
                return new_tuple(Span, (line, column, line, column, start, end))
            # (a span mostly ends on the line it starts on: before the next line's start)
            end_line = line if line == len(starts) or end < starts[line] else bisect_right(starts, end)
            return new_tuple(Span, (line, column, end_line, end - starts[end_line - 1] + 1, start, end))
        line, column = self.position(start)
        if end <= start:
            return make_span((line, column, line, column, start, end))
        if self.text[end - 1] == "\n":
            end_line, end_column = self.position(end)
        else:  # (just after the span's last character)
            end_line, end_column = self.position(end - 1)
            end_column += 1
        return make_span((line, column, end_line, end_column, start, end))

    def trimmed(self, start: int, end: int) -> Span:
        """The span of text[start:end] without its surrounding whitespace."""
        segment = self.text[start:end]
        stripped = segment.strip()
        if not stripped:
            return self.span(start, start)
        lead = len(segment) - len(segment.lstrip())
        return self.span(start + lead, start + lead + len(stripped))

    def line_span(self, line: int) -> Span:
        """The whole of one line (1-based, the document's), without its line end: of a
        line joined to the one before, from where it starts in the text read."""
        if self.breaks is None:
            start = self.starts[line - 1]
        else:
            document_start, gaps = self.lines[line - 1], self.gaps
            start = bisect_left(range(len(self.text) + 1), document_start, key=lambda at: original_offset(at, gaps))
        end = self.text.find("\n", start)
        return self.span(start, len(self.text) if end == -1 else end)


def _line_starts(text: str) -> list[int]:
    """Where each line starts: 0 and after each line end (worked out in C: a report has
    hundreds). The sums of the lengths of the lines with their line ends, as
    splitlines(keepends=True) cuts them where no other character it takes for a line end
    (\r, \x85, \u2028…) is in the text (nearly every text; one sum a line fewer than
    adding the line end to each length); else the lengths of the lines split at \n, plus
    one line end for each."""
    if any(ch in text for ch in _OTHER_LINE_ENDS):
        return [0, *map(add, accumulate(map(len, text.split("\n")[:-1])), count(1))]
    lines = text.splitlines(keepends=True)
    if lines and not text.endswith("\n"):
        lines.pop()  # (the last line, with no line end after it)
    return [0, *accumulate(map(len, lines))]


_OTHER_LINE_ENDS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # (what str.splitlines cuts at besides \n)


def join_spans(first: Span, last: Span) -> Span:
    return new_tuple(Span, (first.line, first.column, last.end_line, last.end_column, first.start, last.end))

