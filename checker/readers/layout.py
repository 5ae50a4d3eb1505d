"""The text layout every reader writes, in one place, so .docx, .html and .pdf read
into exactly the lines the grammar expects for a .txt report:

- a paragraph is one line (a line break inside it starts a new line);
- a table row is one line of TAB-separated cells, every row of a table as wide as the
  widest, a row of one cell ending in a TAB, no TAB or line break inside a cell;
- a table has a blank line before and after it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..cache import compile_re
from ..i18n import Message
from ..ingest import IngestError, Source

# How many columns or rows one cell may span: far beyond any report table, and small
# enough that a malformed span cannot blow the grid up.
MAX_SPAN = 100
_CONTROL = compile_re(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_SPACES = compile_re(r"[ \t\xa0]+")


def is_cjk(ch: str) -> bool:
    """Whether a character belongs to CJK writing, where a line break joins without a
    space: ideographs, kana, CJK and full-width punctuation, Chinese quotation marks."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF
            or ch in "‘’“”—…·")


def join_fragments(parts: Iterable[str]) -> str:
    """Pieces of one cell (its paragraphs and broken lines) → one line: CJK pieces join
    directly (结果 + 维持 → 结果维持), others with a space."""
    out = ""
    for part in parts:
        part = clean(part).strip()
        if not part:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(part[0])):
            out += " "
        out += part
    return out


def clean(text: str) -> str:
    """Text as it may stand inside a line: no TAB (it would make a table row), no
    control characters, no line breaks."""
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\r", " ").replace("\n", " "))
    return text.replace("\xa0", " ")


class Lines:
    """The text being written, line by line, with where each line came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origin: list[str] = []

    def paragraph(self, text: str, origin: str) -> None:
        """A paragraph; each line break in it starts a new line."""
        for line in text.split("\n"):
            self.lines.append(clean(line).rstrip())
            self.origin.append(origin)

    def blank(self, origin: str) -> None:
        self.lines.append("")
        self.origin.append(origin)

    def table(self, rows: list[tuple[list[str], str]], origin: str) -> None:
        """A table: (cells, origin) per row, each row already as wide as its table
        (see `pad`), the rows of nested tables after the row holding them."""
        if not rows:
            return
        self.blank(origin)
        for cells, row_origin in rows:
            self.row(cells, row_origin)
        self.blank(origin)

    def row(self, cells: list[str], origin: str) -> None:
        cells = [clean(c).strip() for c in cells] or [""]
        line = "\t".join(cells)
        self.lines.append(line + "\t" if len(cells) == 1 else line)
        self.origin.append(origin)

    def extend(self, other: Lines) -> None:
        self.lines.extend(other.lines)
        self.origin.extend(other.origin)

    def source(self, path: str, encoding: str, notes: list[Message]) -> Source:
        """The finished Source; a file that yielded no text at all is an error."""
        if not any(_SPACES.sub("", line).strip("\u3000") for line in self.lines):
            raise IngestError("ingest.no_text")
        return Source(path, "\n".join(self.lines) + "\n", encoding, origin=list(self.origin), notes=notes)


def pad(rows: list[list[str]]) -> list[list[str]]:
    """Every row as wide as the widest: a merged or missing cell at the end of a row is
    an empty cell, so the columns line up."""
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def table_rows(grid: list[list[str]], nested: list[list[tuple[list[str], str]]],
               where: str) -> list[tuple[list[str], str]]:
    """A table's rows, padded to its width, each followed by the rows of the tables
    nested in it, with where each came from ("table 2 row 3")."""
    out: list[tuple[list[str], str]] = []
    for r, (cells, inner) in enumerate(zip(pad(grid), nested, strict=True), 1):
        out.append((cells, f"{where} row {r}"))
        out.extend(inner)
    return out


def first_line(error: BaseException) -> str:
    """An exception as a short reason inside a one-line message."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else type(error).__name__
    return text if len(text) <= 160 else text[:159] + "…"
