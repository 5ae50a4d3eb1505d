"""Positions in the ingested text: offsets ↔ (line, column) spans."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .model import Span, make_span


class LineIndex:
    """Maps code-point offsets of one text to 1-based line and column numbers."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]  # where each line starts: after each line end
        self.starts.extend(accumulate(len(line) + 1 for line in text.split("\n")[:-1]))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end) if end > start else (line, column)
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
        """The whole of one line (1-based), without its line end."""
        start = self.starts[line - 1]
        end = self.text.find("\n", start)
        return self.span(start, len(self.text) if end == -1 else end)


def join_spans(first: Span, last: Span) -> Span:
    return make_span((first.line, first.column, last.end_line, last.end_column, first.start, last.end))
