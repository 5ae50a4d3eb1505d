"""Bounds on what pdfminer builds from a PDF, whatever the file's size on disk: the
bytes its streams decode to (per page and in all), the characters and shapes of a
page, the pages. A 1 MB PDF whose one content stream inflates to a gigabyte (a
"Flate bomb") used to take 2.1 GB; a 3 MB one of text operators, 7 GB and minutes.

pdfminer decodes a stream in one call with no size limit, so its decoders are
replaced, once, by ones that charge a budget as they produce bytes and stop when it
runs out; its layout analyser's drawing calls charge each object they add. Outside a
`bounded()` block (no budget) they behave as pdfminer's own.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from io import BytesIO
from itertools import islice

from .. import limits
from ..ingest import IngestError

_CHUNK = 1 << 20
_OBJECT_LIMITS = {"chars": (limits.MAX_PDF_PAGE_CHARS, limits.MAX_PDF_CHARS),
                  "shapes": (limits.MAX_PDF_PAGE_SHAPES, limits.MAX_PDF_SHAPES)}


class Budget:
    """What one PDF has used so far; the first limit it goes over is kept in `exceeded`
    (pdfminer swallows some exceptions, so read_pdf raises it again at the end)."""

    def __init__(self) -> None:
        self.decoded = 0
        self.page_decoded = 0
        self.page_objects = {"chars": 0, "shapes": 0}
        self.all_objects = {"chars": 0, "shapes": 0}
        self.page = 0
        self.exceeded: IngestError | None = None

    def new_page(self, number: int) -> None:
        self.page, self.page_decoded = number, 0
        self.page_objects = {"chars": 0, "shapes": 0}

    def _fail(self, error: IngestError) -> None:
        self.exceeded = self.exceeded or error
        raise self.exceeded

    def decode(self, n: int) -> None:
        self.decoded += n
        self.page_decoded += n
        if self.decoded > limits.MAX_PDF_DECODED:
            self._fail(IngestError("ingest.pdf_too_large", limit=limits.megabytes(limits.MAX_PDF_DECODED)))
        if self.page_decoded > limits.MAX_PDF_PAGE_DECODED:
            self._fail(IngestError("ingest.pdf_page_too_large", page=max(self.page, 1),
                                   limit=limits.megabytes(limits.MAX_PDF_PAGE_DECODED)))

    def objects(self, kind: str, n: int) -> None:
        self.page_objects[kind] += n
        self.all_objects[kind] += n
        on_page, in_all = _OBJECT_LIMITS[kind]
        if self.page_objects[kind] > on_page:
            self._fail(IngestError(f"ingest.pdf_page_too_many_{kind}", page=max(self.page, 1), limit=f"{on_page:,}"))
        if self.all_objects[kind] > in_all:
            self._fail(IngestError(f"ingest.pdf_too_many_{kind}", limit=f"{in_all:,}"))

    def left(self) -> int:
        return max(0, min(limits.MAX_PDF_DECODED - self.decoded, limits.MAX_PDF_PAGE_DECODED - self.page_decoded))


_BUDGET: ContextVar[Budget | None] = ContextVar("nianbao_pdf_budget", default=None)


@contextmanager
def bounded() -> Iterator[Budget]:
    """Within the block, pdfminer decodes and lays out within a fresh Budget."""
    _install()
    budget = Budget()
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def check_pages(doc) -> None:
    """At most MAX_PDF_PAGES pages, counted before pdfplumber makes an object of each."""
    from pdfminer.pdfpage import PDFPage

    if sum(1 for _ in islice(PDFPage.create_pages(doc), limits.MAX_PDF_PAGES + 1)) > limits.MAX_PDF_PAGES:
        raise IngestError("ingest.pdf_too_many_pages", limit=f"{limits.MAX_PDF_PAGES:,}")


# ------------------------------------------------------------------ bounded decoders

def _inflate(data: bytes, decompressor=None) -> bytes:
    """zlib.decompress, in steps of at most what the budget has left."""
    budget = _BUDGET.get()
    d = decompressor or zlib.decompressobj()
    if budget is None:
        return d.decompress(data)
    out = []
    chunk = d.decompress(data, min(_CHUNK, budget.left() + 1))
    while chunk:
        budget.decode(len(chunk))
        out.append(chunk)
        chunk = d.decompress(d.unconsumed_tail, min(_CHUNK, budget.left() + 1)) if d.unconsumed_tail else b""
    return b"".join(out)


class _BoundedDecompressor:
    """zlib.decompressobj() as pdfminer's decompress_corrupted uses it, a byte at a time."""

    def __init__(self) -> None:
        self._d = zlib.decompressobj()

    def decompress(self, data: bytes) -> bytes:
        return _inflate(data, self._d)


class _Zlib:
    """What pdfminer.pdftypes uses of zlib."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        d = zlib.decompressobj()
        out = _inflate(data, d)
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib.decompress says it
        return out

    @staticmethod
    def decompressobj() -> _BoundedDecompressor:
        return _BoundedDecompressor()


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    budget = _BUDGET.get()
    out = []
    for chunk in LZWDecoder(BytesIO(data)).run():
        if budget is not None:
            budget.decode(len(chunk))
        out.append(chunk)
    return b"".join(out)


def _rldecode(data: bytes) -> bytes:
    from pdfminer.runlength import rldecode

    budget = _BUDGET.get()
    if budget is not None:  # a run of up to 128 bytes from 2: measure before making it
        budget.decode(_rl_length(data))
    return rldecode(data)


def _rl_length(data: bytes) -> int:
    n = i = 0
    while i < len(data) and data[i] != 128:
        if data[i] < 128:
            n += data[i] + 1
            i += data[i] + 2
        else:
            n += 257 - data[i]
            i += 2
    return n


def _counting(method, kind: str):
    """A layout analyser's drawing call, charging the objects it adds to the page."""
    def counted(self, *args, **kwargs):
        budget = _BUDGET.get()
        before = len(self.cur_item) if budget is not None else 0
        result = method(self, *args, **kwargs)
        if budget is not None:
            budget.objects(kind, max(1, len(self.cur_item) - before))
        return result
    return counted


_installed = False


def _install() -> None:
    global _installed
    if _installed:
        return
    from pdfminer import pdftypes
    from pdfminer.converter import PDFLayoutAnalyzer

    pdftypes.zlib = _Zlib
    pdftypes.lzwdecode = _lzwdecode
    pdftypes.rldecode = _rldecode
    for name, kind in (("render_char", "chars"), ("paint_path", "shapes"), ("render_image", "shapes")):
        setattr(PDFLayoutAnalyzer, name, _counting(getattr(PDFLayoutAnalyzer, name), kind))
    _installed = True
