"""How much a report may hold once it is read, whatever its size on disk.

The file-size limit (ingest.DEFAULT_MAX_BYTES, 20 MB) counts bytes on disk; a small
file can expand far beyond it: a .docx is a ZIP package, a PDF's streams are
compressed, an HTML cell spans a hundred columns, 20 MB of newlines is twenty million
lines. These limits count what the bytes become, each checked before the expensive
step it guards, so that one worker stays within a few hundred megabytes on any input
and a file over a limit is one clear error (exit 2) while the batch goes on. Each is
far beyond any real annual report (a report is some 300 lines, 5 tables, 1,500 cells,
a 2 MB document.xml, 30 PDF pages of 2,000 characters).
"""

from __future__ import annotations

MB = 1024 * 1024

# .docx: each member of the ZIP package, and all of them, as they are once inflated
# (python-docx reads every part into memory and parses the XML ones).
MAX_ZIP_XML_PART = 10 * MB
MAX_ZIP_PART = 32 * MB
MAX_ZIP_TOTAL = 64 * MB
MAX_ZIP_RATIO = 200          # inflated / compressed, for a member over 1 MB
MAX_ZIP_MEMBERS = 5_000

# HTML: elements parsed, and each table's grid (columns, and rows times columns).
MAX_HTML_TAGS = 200_000
MAX_GRID_WIDTH = 500
MAX_GRID_CELLS = 100_000

# PDF: decoded stream bytes per page and in all; characters and shapes (lines,
# rectangles, curves, images: each costs some 12 KB by the time pdfplumber's table
# finder has its edges) per page; pages.
MAX_PDF_PAGE_DECODED = 16 * MB
MAX_PDF_DECODED = 64 * MB
MAX_PDF_PAGE_CHARS = 50_000
MAX_PDF_PAGE_SHAPES = 10_000
MAX_PDF_CHARS = 400_000      # in all: time too is bounded (laying out costs some 50 µs an object)
MAX_PDF_SHAPES = 100_000
MAX_PDF_PAGES = 2_000

# Any report, once read: characters (as many as the largest .txt accepted has), lines
# (blank ones too) and table cells (TABs).
MAX_CHARS = 20 * 1024 * 1024
MAX_LINES = 100_000
MAX_TABS = 200_000


def megabytes(n: int) -> str:
    return f"{n / MB:.1f} MB"


def too_large(key: str, size: int, limit: int, **params) -> IngestError:
    """Something that would be too large once decompressed or decoded (sizes in MB)."""
    from .ingest import IngestError  # here: ingest uses this module

    return IngestError(key, size=megabytes(size), limit=megabytes(limit), **params)


def too_many(key: str, count: int, limit: int, **params) -> IngestError:
    """Too many of something a report holds a few of (lines, cells, elements, pages)."""
    from .ingest import IngestError

    return IngestError(key, count=f"{count:,}", limit=f"{limit:,}", **params)


def check_source_size(text: str) -> None:
    """Lines and table cells of a report's text, counted without making an object per
    line (20 MB of newlines used to cost 9.6 GB by the time the rules had run)."""
    if len(text) > MAX_CHARS:
        raise too_many("ingest.too_many_chars", len(text), MAX_CHARS)
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise too_many("ingest.too_many_lines", lines, MAX_LINES)
    tabs = text.count("\t")
    if tabs > MAX_TABS:
        raise too_many("ingest.too_many_cells", tabs, MAX_TABS)
