"""Readers for the formats reports are published in: Word, web pages and PDF.

Each reader turns the file's bytes into the same `Source` the grammar parses, in the
text conventions of `grammar/report.lark` (paragraphs one per line, each table row one
TAB-separated line with the table's full column count, a blank line around each
table), with `Source.origin` saying for every line where in the original it came from.
The third-party libraries are imported inside the reader functions, so the rest of
the tool starts fast and works without them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..ingest import Source
from .docx import read_docx
from .html import read_html
from .pdf import read_pdf

READERS: dict[str, Callable[[str, bytes], Source]] = {
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}
