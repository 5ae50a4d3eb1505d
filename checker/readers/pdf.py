"""PDF → Source, with pdfplumber.

A PDF has no paragraphs or tables, only characters and ruling lines on pages. Ruled
tables are found from their lines; a ruled box with one column (a frame round the
introduction, a one-cell table, a text box) holds prose, not a table, and is read as
text. The text is read line by line and the lines a paragraph was wrapped into are
joined again, because facts such as the statistics period or a web address must not be
cut in half by a line end: a line continues on the next when the next line's first word
would not have fitted in the room left before the right margin (of the page, or of the
frame it stands in), the line is not centred (a title), the next line is not indented,
is set in the same size and typeface, and does not start with a heading number. Pieces
of one printed line that pdfplumber parts (a heading number set smaller on the heading's
baseline) are one line again. Wrapped pieces join without a space (in a Chinese report a break inside
Latin text is inside a web address, an e-mail or a number). A table that runs on over a
page break is one table (its header rows repeated on the new page left out), and a row
Word split at the page break is one row again. Page numbers are dropped, and so are
running headers and footers (a line repeated in the top or bottom margin of several
pages, such as the title). A PDF of page images (a scan) has no text to read and says so.
"""

from __future__ import annotations

import gc
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from ..cache import compile_re
from ..i18n import Message
from ..ingest import IngestError, Source
from .layout import Lines, first_line, is_cjk, pad
from .pdf_bounds import bounded, check_pages

# A page number: "3", "- 3 -", "第 3 页", "第3页 共9页", "3 / 9".
_PAGE_NUMBER = compile_re(r"[-—–－\s]*\d{1,4}[-—–－\s]*"
                          r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
                          r"|\d{1,4}\s*/\s*\d{1,4}")
_DASHED_NUMBER = compile_re(r"[-—–－]+\s*\d{1,4}\s*[-—–－]+")
_NUMBERED_START = compile_re(r"[（(]?[一二三四五六七八九十]{1,3}[、.．）)]|\d{1,2}[、.．]"
                             r"|第[一二三四五六七八九十]{1,3}部分")
# A block label of the active-disclosure table (第二十条第（五）项): a row of its own, never
# the rest of a row cut at a page break.
_TABLE_BLOCK_LABEL = compile_re(r"第[一二三四五六七八九十]{1,4}条")
_MARGIN_ZONE = 0.1  # the top and bottom tenth of a page, where page numbers stand
_ONE_CELL_MAX_HEIGHT = 60.0  # points: two or three lines of text
_SAME_EDGE = 2.0  # points: column lines this close are one


@dataclass(slots=True)
class _TextLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    lead: float  # width of the line's first word (one CJK character, or a Latin run)
    size: float  # the font size most of its characters are set in
    font: str | None  # the font nearly all its Chinese characters are set in, if one is
    box: tuple | None = None  # the frame it stands in (page, frame number), None on the page itself
    margin: bool = False  # in the top or bottom margin zone of its page


@dataclass(slots=True)
class _Table:
    top: float
    rows: list[list[str]]
    edges: list[float]  # the left edge of each column
    right: float


@dataclass(slots=True)
class _Page:
    number: int
    items: list[_TextLine | _Table] = field(default_factory=list)
    has_text: bool = False
    cut_tables: int = 0  # tables that run off the right edge of the page


def read_pdf(path: str, data: bytes) -> Source:
    """The text and ruled tables of every page, in reading order."""
    try:
        import pdfplumber
    except ImportError:
        raise IngestError("ingest.missing_library", format=".pdf", library="pdfplumber") from None
    if b"%PDF" not in data[:1024]:
        raise IngestError("ingest.pdf_not_pdf")
    if b"%%EOF" not in data[-2048:]:
        raise IngestError("ingest.pdf_truncated")
    try:
        with bounded() as budget, pdfplumber.open(io.BytesIO(data)) as pdf:
            check_pages(pdf.doc)
            pages = []
            for n, page in enumerate(pdf.pages, 1):
                budget.new_page(n)
                pages.append(_read_page(page, n))
                page.close()  # its characters and layout are read: one page's worth in memory at a time
                gc.collect()  # pdfminer's layout is cyclic: freed only by the collector, which a batch runs rarely
        if budget.exceeded:  # raised where pdfminer swallowed it
            raise budget.exceeded
    except Exception as e:  # pdfminer raises many kinds on a damaged file
        cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
        if isinstance(cause, IngestError):  # a limit (pdf_bounds), raised inside pdfminer
            raise cause from None
        if "Password" in type(cause).__name__ or "Encrypt" in type(cause).__name__:
            raise IngestError("ingest.pdf_encrypted") from None
        raise IngestError("ingest.pdf_corrupt", reason=f"{type(cause).__name__}: {first_line(cause)}") from None
    if not pages:
        raise IngestError("ingest.pdf_corrupt", reason="no page could be found")
    if not any(p.has_text for p in pages):
        raise IngestError("ingest.pdf_scanned")
    notes = [Message("note.pdf_no_text", {"page": p.number}) for p in pages if not p.has_text]
    dropped, running = _drop_running_lines(pages)
    if dropped:
        notes.append(Message("note.pdf_running", {"n": dropped, "texts": " / ".join(running)}))
    for p in pages:
        if p.cut_tables:
            notes.append(Message("note.pdf_cut_table", {"page": p.number, "n": p.cut_tables}))
    frames = sum(1 for p in pages for i in p.items if isinstance(i, _TextLine) and i.box is not None)
    if frames:
        notes.append(Message("note.pdf_frame", {"n": frames}))
    return _write(pages).source(path, "pdf", notes)


def _read_page(page, number: int) -> _Page:
    out = _Page(number, has_text=bool(page.chars))
    if not out.has_text:
        return out
    page = page.dedupe_chars()
    finder = page.debug_tablefinder()
    # A ruled region of one column is a frame round prose (an introduction in a box, a
    # one-cell table, a text box): its text is read as lines, within the frame's margins.
    frames = [t.bbox for t in finder.tables if len(t.columns) <= 1]
    tables = [(t.bbox, t.extract(), [c.bbox[0] for c in t.columns]) for t in finder.tables if len(t.columns) > 1]
    # pdfplumber leaves out tables of one cell; a report's table may start with a row of
    # one merged cell at the foot of a page ("第二十条第（一）项"), so a one-cell box of
    # a line or two of text is kept as a table (prose again unless the table goes on).
    in_tables = {cell for t in finder.tables for cell in t.cells}
    for cell in finder.cells:
        if cell in in_tables:
            continue
        text = page.crop(cell, strict=False).extract_text() if cell[3] - cell[1] <= _ONE_CELL_MAX_HEIGHT else ""
        if 0 < len(text) <= 100:
            tables.append((cell, [[text]], [cell[0]]))
        else:
            frames.append(cell)
    width = float(page.width)
    # A table that reaches the right edge of the page runs off it: its last column is
    # cut, its header and values in part or not at all on the page. That column is
    # not read (a header without it does not confirm it: nothing is computed from it).
    for i, (bbox, extracted, edges) in enumerate(tables):
        if bbox[2] >= width - _SAME_EDGE and len(edges) > 1:
            tables[i] = (bbox, [row[:len(edges) - 1] for row in extracted], edges[:-1])
            out.cut_tables += 1
    boxes = [bbox for bbox, _, _ in tables]

    def outside_tables(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        if x > width or x < 0:  # off the page: not seen by anyone reading it
            return False
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    height = float(page.height)
    for line in _on_one_baseline(page.filter(outside_tables).extract_text_lines()):
        text = line["text"].strip()
        in_margin = line["bottom"] < height * _MARGIN_ZONE or line["top"] > height * (1 - _MARGIN_ZONE)
        if not text or _DASHED_NUMBER.fullmatch(text) or (in_margin and _PAGE_NUMBER.fullmatch(text)):
            continue
        frame = next((k for k, (x0, top, x1, bottom) in enumerate(frames)
                      if x0 <= line["x0"] and line["x1"] <= x1 + 1 and top <= line["top"] and line["bottom"] <= bottom), None)
        out.items.append(_TextLine(text, line["x0"], line["x1"], line["top"], line["bottom"],
                                   _lead_width(line["chars"]), _main_size(line["chars"]), _cjk_font(line["chars"]),
                                   None if frame is None else (number, frame), in_margin))
    for bbox, extracted, edges in tables:
        rows = [[_join((cell or "").split("\n")) for cell in row] for row in extracted]
        if any(any(row) for row in rows):
            out.items.append(_Table(bbox[1], pad(rows), edges, bbox[2]))
    out.items.sort(key=lambda item: item.top)
    return out


def _on_one_baseline(lines: list[dict]) -> list[dict]:
    """pdfplumber's lines, with the pieces of one printed line joined again: it groups
    characters by their tops, so a run set smaller on the same baseline (Word's list
    number 一、 in another size than its heading) becomes a line of its own, put after
    the text it numbers. Pieces that stand side by side within the taller one's height
    and end on one baseline are one line."""
    out: list[dict] = []
    for line in sorted(lines, key=lambda l: (l["bottom"], l["x0"])):
        last = out[-1] if out else None
        if (last is not None and abs(line["bottom"] - last["bottom"]) <= _SAME_BASELINE
                and line["top"] >= last["top"] - _SAME_BASELINE * 4 and last["top"] <= line["bottom"]
                and (line["x1"] <= last["x0"] or line["x0"] >= last["x1"])):
            left, right = (line, last) if line["x0"] < last["x0"] else (last, line)
            gap = " " if right["x0"] - left["x1"] > (right["bottom"] - right["top"]) / 2 else ""
            out[-1] = {**last, "text": left["text"] + gap + right["text"], "chars": left["chars"] + right["chars"],
                       "x0": left["x0"], "x1": right["x1"], "top": min(last["top"], line["top"])}
        else:
            out.append(line)
    return sorted(out, key=lambda l: l["top"])


_SAME_BASELINE = 1.5  # points


_RUNNING_DIGITS = compile_re(r"\d+")


def _drop_running_lines(pages: list[_Page]) -> tuple[int, list[str]]:
    """Leave out running headers and footers: a line in the top or bottom margin zone
    that stands, the same but for its numbers, at the same height on two pages or more
    (the title repeated at the head of every page). Returns how many lines were left
    out, and their texts."""
    seen: dict[tuple[str, int], set[int]] = {}
    first: dict[tuple[str, int], str] = {}
    for page in pages:
        for item in page.items:
            if isinstance(item, _TextLine) and item.margin:
                seen.setdefault(_running_key(item), set()).add(page.number)
                first.setdefault(_running_key(item), item.text)
    running = {key for key, on in seen.items() if len(on) >= 2}
    dropped = 0
    for page in pages:
        kept = [i for i in page.items if not (isinstance(i, _TextLine) and i.margin and _running_key(i) in running)]
        dropped += len(page.items) - len(kept)
        page.items = kept
    return dropped, sorted({first[key] for key in running})


def _running_key(line: _TextLine) -> tuple[str, int]:
    return _RUNNING_DIGITS.sub("#", line.text.replace(" ", "")), round(line.top / 3)


def _lead_width(chars: list[dict]) -> float:
    """The width of the first word: one CJK character, or Latin up to a space or CJK."""
    chars = chars[next((i for i, c in enumerate(chars) if c["text"].strip()), len(chars)):]
    if not chars:
        return 0.0
    end = chars[0]
    if not is_cjk(end["text"]):
        for c in chars[1:]:
            if not c["text"].strip() or is_cjk(c["text"]):
                break
            end = c
    return end["x1"] - chars[0]["x0"]


def _main_size(chars: list[dict]) -> float:
    """The font size most of a line's characters are set in (to the half point)."""
    sizes = Counter(round(c["size"] * 2) / 2 for c in chars if c["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _cjk_font(chars: list[dict]) -> str | None:
    """The font (less its subset tag, ABCDEF+) of nine in ten of a line's Chinese
    characters; None when they are mixed or too few. (Latin and digits are left out: a
    report sets them in another font, and a wrapped web address is all Latin.)"""
    fonts = Counter(c["fontname"].split("+", 1)[-1] for c in chars if is_cjk(c["text"]))
    total = sum(fonts.values())
    if total < 2:
        return None
    font, count = fonts.most_common(1)[0]
    return font if count >= 0.9 * total else None


def _join(parts: list[str]) -> str:
    return "".join(p.strip() for p in parts)


def _mode(values: list[float]) -> float | None:
    counted = Counter(round(v) for v in values)
    return counted.most_common(1)[0][0] if counted else None


def _write(pages: list[_Page]) -> Lines:
    """Pages → lines: wrapped lines of a paragraph joined (across a page break too),
    tables as rows, a table that goes on at the top of the next page continued."""
    text_lines = [i for p in pages for i in p.items if isinstance(i, _TextLine)]
    margins = {None: _page_margins([t for t in text_lines if t.box is None])}
    for box in {t.box for t in text_lines} - {None}:  # a frame's own margins: its lines' extent
        inside = [t for t in text_lines if t.box == box]
        margins[box] = (min(t.x0 for t in inside), max(t.x1 for t in inside))
    lines = Lines()
    paragraph: list[str] = []
    paragraph_origin = ""
    previous: _TextLine | None = None
    previous_page = 0
    table: list[tuple[list[str], str]] = []
    table_origin = ""
    table_shape: _Table | None = None  # the columns of the table being collected

    def flush() -> None:
        nonlocal table
        if paragraph:
            lines.paragraph(_join(paragraph), paragraph_origin)
            paragraph.clear()
        if table:
            if all(len(cells) <= 1 for cells, _ in table):  # a one-cell box that no table continued: prose
                for cells, origin in table:
                    lines.paragraph(cells[0] if cells else "", origin)
            else:
                lines.table(table, table_origin)
            table = []

    for page in pages:
        tables = 0
        for index, item in enumerate(page.items):
            if isinstance(item, _Table):
                tables += 1
                where = f"page {page.number} table {tables}"
                rows = [(row, f"{where} row {r}") for r, row in enumerate(item.rows, 1)]
                if index == 0 and table and table_shape is not None and _same_extent(table_shape, item):
                    table_shape = _continue_table(table, table_shape, rows, item)
                else:
                    flush()
                    table, table_origin, table_shape = rows, where, item
                previous = None
                continue
            if not (previous is not None and previous.box == item.box
                    and _continues(previous, item, *margins[item.box], previous_page == page.number)):
                flush()
                paragraph_origin = f"page {page.number}"
            paragraph.append(item.text)
            previous, previous_page = item, page.number
    flush()
    return lines


def _page_margins(lines: list[_TextLine]) -> tuple[float | None, float | None]:
    """The text's left and right margins: where most lines start, and where most of the
    lines that run nearly to the right end, end (not the commonest end of all: where
    most lines are short, a table's cells one per line, that is no margin, and a line
    would run on into the heading below it)."""
    left = _mode([t.x0 for t in lines])
    ends = [t.x1 for t in lines if len(t.text) >= 10]
    if left is None or not ends:
        return left, None
    far = max(ends)
    return left, _mode([x for x in ends if x >= left + 0.8 * (far - left)])


def _same_extent(a: _Table, b: _Table) -> bool:
    return abs(a.edges[0] - b.edges[0]) <= _SAME_EDGE and abs(a.right - b.right) <= _SAME_EDGE


def _continue_table(table: list[tuple[list[str], str]], shape: _Table, rows: list[tuple[list[str], str]],
                    more: _Table) -> _Table:
    """Add the rows a table goes on with after a page break, less the header rows Word
    repeats on every page; returns the columns of the whole. The two parts are put on
    the columns of both (a part whose rows merge cells has fewer column lines). The
    first row left is the rest of a row Word split at the break when it holds only
    text, no number, no row number and no block label (第二十条…), and only in columns
    where the row before has text that is no number (a number is never wrapped)."""
    edges = _union(shape.edges, more.edges)
    if edges != shape.edges:
        table[:] = [(_regrid(cells, shape.edges, edges), origin) for cells, origin in table]
    rows = [(_regrid(cells, more.edges, edges), origin) for cells, origin in rows]
    repeated = 0
    while repeated < min(len(rows) - 1, len(table)) and rows[repeated][0] == table[repeated][0]:
        repeated += 1
    rows = rows[repeated:]
    last, first = table[-1][0], rows[0][0]
    split = any(first) and all(
        not text or (last[i] and not _looks_like_number(last[i]) and not _looks_like_number(text)
                     and not _NUMBERED_START.match(text) and not _TABLE_BLOCK_LABEL.match(text))
        for i, text in enumerate(first))
    if split:
        table[-1] = ([a + b for a, b in zip(last, first, strict=True)], table[-1][1])
        rows = rows[1:]
    table.extend(rows)
    return _Table(shape.top, [], edges, shape.right)


def _union(a: list[float], b: list[float]) -> list[float]:
    """The column edges of two parts of one table, edges within a point or two as one."""
    out: list[float] = []
    for x in sorted(a + b):
        if not out or x - out[-1] > _SAME_EDGE:
            out.append(x)
    return out


def _regrid(cells: list[str], edges: list[float], union: list[float]) -> list[str]:
    """A row on finer columns: each cell's text in the column at its left edge, the
    columns it spans empty."""
    out = [""] * len(union)
    for text, x in zip(cells, edges, strict=False):
        out[min(range(len(union)), key=lambda i: abs(union[i] - x))] = text
    return out


def _looks_like_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d,.\-+%]+", text))


def _continues(previous: _TextLine, line: _TextLine, left: float | None, right: float | None,
               same_page: bool) -> bool:
    """Whether `line` carries on the paragraph `previous` ends: the first word of `line`
    would not have fitted after `previous`, `previous` is not centred (a title: the room
    after it is only half its margins), `line` is set in the same size and font (a title
    is larger than the text under it, a heading set in 黑体 above text in 仿宋), is not
    indented, not numbered like a heading, and (on one page) not set apart by a
    paragraph gap."""
    if left is None or right is None:
        return False
    size = max(previous.bottom - previous.top, 1.0)
    before, after = previous.x0 - left, right - previous.x1
    if (min(before, after) > 1.5 * size and abs(before - after) <= size) or abs(previous.size - line.size) > 1:
        return False
    if previous.font is not None and line.font is not None and previous.font != line.font:
        return False
    return (after < line.lead + 1.5 * size and line.x0 <= left + 0.5 * size
            and not _NUMBERED_START.match(line.text)
            and not (same_page and line.top - previous.bottom > size))
