"""Word .docx → Source.

python-docx opens the package; the body is then read on its XML with lxml, because
python-docx's own view falls short in each place a report needs: it lists paragraphs
and tables apart rather than in document order, repeats a merged cell in every grid
position it covers, and does not know the numbers Word's lists draw, nor what a text
box holds. A table of one column is a frame round prose (an introduction in a ruled
box), and a text box holds prose too (the paragraphs of a box drawn on the page, read
where it is anchored): both are read as paragraphs. Headers and footers (running
titles, page numbers) are not part of the report's text and are left out.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from .. import limits
from ..cache import compile_re
from ..i18n import Message, Place
from ..ingest import IngestError, Source
from .layout import MAX_SPAN, Lines, first_line, join_fragments, table_rows
from .numbering import ListNumbering, W, int_value

_P, _TBL, _TR, _TC, _R = W + "p", W + "tbl", W + "tr", W + "tc", W + "r"
_SDT, _SDT_CONTENT, _CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
_VAL = W + "val"
# Elements whose children are the block, row or cell they wrap (content controls, custom XML).
_WRAPPERS = frozenset({_SDT, _SDT_CONTENT, _CUSTOM_XML})
# Elements inside a paragraph whose runs are part of its visible text. Anything else —
# properties, deleted or moved-away text, field codes, drawings, text boxes
# (mc:AlternateContent, w:pict), ruby annotations — is not.
_INLINE_CONTAINERS = frozenset({W + n for n in (
    "hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
    "dir", "bdo", "ruby", "rubyBase")})
_T = W + "t"
_TEXT_BOX = W + "txbxContent"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RUN_MARKS = {W + "tab": " ", W + "ptab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_QUOTED = compile_re(r"'([^']+)'")
_CONTENT_TYPE = compile_re(r"content type is '([^']+)'")


def read_docx(path: str, data: bytes) -> Source:
    """Paragraphs and tables of the document body, in document order."""
    try:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE
    except ImportError:
        raise IngestError("ingest.missing_library", format=".docx", library="python-docx") from None
    document = _open(data, docx)
    numbering = ListNumbering(_related(document, RELATIONSHIP_TYPE.NUMBERING),
                              _related(document, RELATIONSHIP_TYPE.STYLES))
    content = document.element.body
    if content is None:
        raise IngestError("ingest.no_text")
    body = _Body(numbering)
    body.read(content)
    return body.lines.source(path, "docx", body.notes + numbering.notes)


def _open(data: bytes, docx):
    if data.startswith(_OLE_MAGIC):
        raise IngestError("ingest.docx_legacy")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError("ingest.docx_not_zip")
    _check_unpacked_size(data)
    try:
        return docx.Document(io.BytesIO(data))
    except KeyError as e:  # a part the package's relationships name is not in the ZIP
        found = _QUOTED.search(str(e))
        raise IngestError("ingest.docx_missing_part", part=found.group(1) if found else first_line(e)) from None
    except ValueError as e:  # python-docx: "file … is not a Word file, content type is '…'"
        found = _CONTENT_TYPE.search(str(e))
        if found:
            raise IngestError("ingest.docx_not_word", content_type=found.group(1)) from None
        raise IngestError("ingest.docx_corrupt", reason=first_line(e)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:  # a damaged member of the ZIP package
        raise IngestError("ingest.docx_corrupt", reason=f"damaged ZIP data ({first_line(e)})") from None
    except Exception as e:  # broken XML, and whatever else a damaged package makes python-docx raise
        raise IngestError("ingest.docx_corrupt", reason=f"{type(e).__name__}: {first_line(e)}") from None


def _check_unpacked_size(data: bytes) -> None:
    """The package's parts as they will be once inflated, checked before python-docx
    reads every one of them into memory: each part, all of them, and how much each
    inflates (a 645 KB zip bomb held a 210 MB document.xml). The sizes come from the
    ZIP directory, and zipfile never inflates a part beyond the size it declares."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return  # python-docx says what is wrong with it
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise limits.too_many("ingest.docx_too_many_parts", len(members), limits.MAX_ZIP_MEMBERS)
    for m in members:
        limit = limits.MAX_ZIP_XML_PART if m.filename.endswith((".xml", ".rels")) else limits.MAX_ZIP_PART
        if m.file_size > limit:
            raise limits.too_large("ingest.docx_part_too_large", m.file_size, limit, part=m.filename)
        if m.file_size > limits.MB and m.file_size > limits.MAX_ZIP_RATIO * max(1, m.compress_size):
            raise IngestError("ingest.docx_ratio", part=m.filename, ratio=m.file_size // max(1, m.compress_size),
                              limit=limits.MAX_ZIP_RATIO)
    total = sum(m.file_size for m in members)
    if total > limits.MAX_ZIP_TOTAL:
        raise limits.too_large("ingest.docx_too_large", total, limits.MAX_ZIP_TOTAL)


def _related(document, reltype: str):
    """The XML of a part the document refers to (numbering, styles), or None."""
    try:
        return document.part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def _children(el, wanted: str):
    """The `wanted` children of `el`, looking through content controls and custom XML."""
    for child in el:
        if child.tag == wanted:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, wanted)


def _blocks(el):
    """Paragraphs and tables under a body or cell, in document order."""
    for child in el:
        if child.tag == _P or child.tag == _TBL:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(_VAL, "1") not in ("0", "false", "off")


def _inline_text(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == _R:
            if not _hidden(child):
                for item in child:
                    if item.tag == _T:
                        out.append(item.text or "")
                    elif item.tag in _RUN_MARKS:
                        out.append(_RUN_MARKS[item.tag])
        elif tag in _INLINE_CONTAINERS:
            _inline_text(child, out)


def _is_frame(tbl) -> bool:
    """A table whose every row is one cell: a ruled box round prose, not a table."""
    rows = list(_children(tbl, _TR))
    return bool(rows) and all(len(list(_children(tr, _TC))) == 1 and _grid_skip(tr.find(W + "trPr"), "gridBefore")
                              + _grid_skip(tr.find(W + "trPr"), "gridAfter") == 0 for tr in rows)


def _text_boxes(p) -> list:
    """The contents of the text boxes drawn in a paragraph. Word writes a box twice, as
    a drawing and as its VML fallback (mc:AlternateContent): each is read once, from
    the drawing where there is one. Boxes inside boxes are read with their box."""
    found = [el for el in p.iter(_TEXT_BOX)
             if not any(a.tag == _TEXT_BOX for a in el.iterancestors())]
    if not found:
        return []
    chosen = [el for el in found if not any(a.tag == _MC + "Fallback" for a in el.iterancestors())]
    return chosen or found


def _grid_skip(row_props, name: str) -> int:
    """Grid columns a row leaves empty before its first or after its last cell."""
    if row_props is None:
        return 0
    return min(max(0, int_value(row_props.find(W + name), 0)), MAX_SPAN)


class _Body:
    """Walks the body once, numbering paragraphs as Word does, and writes the lines."""

    def __init__(self, numbering: ListNumbering) -> None:
        self.numbering = numbering
        self.lines = Lines()
        self.notes: list[Message] = []

    def read(self, body) -> None:
        self.paragraphs = self.tables = 0
        self.blocks(body)
        if body.find(W + "altChunk") is not None:
            self.notes.append(Message("note.docx_altchunk"))

    def blocks(self, el) -> None:
        """The paragraphs and tables under `el` (the body, a frame's cell, a text box)."""
        for block in _blocks(el):
            if block.tag == _P:
                self.paragraphs += 1
                where = f"paragraph {self.paragraphs}"
                self.lines.paragraph(self.paragraph(block, where), where)
                for box in _text_boxes(block):
                    self.notes.append(Message("note.docx_text_box", {"where": Place(where)}))
                    self.blocks(box)
            elif _is_frame(block):
                after = f"paragraph {self.paragraphs}" if self.paragraphs else "the start"
                self.notes.append(Message("note.docx_frame", {"where": Place(after)}))
                for tc in (tc for tr in _children(block, _TR) for tc in _children(tr, _TC)):
                    self.blocks(tc)
            else:
                self.tables += 1
                where = f"table {self.tables}"
                self.lines.table(self.table(block, where), where)

    def paragraph(self, p, where: str) -> str:
        """The paragraph's text as Word shows it: list number, then runs; "\n" at breaks."""
        parts: list[str] = [self.numbering.prefix(p, where)]
        _inline_text(p, parts)
        return "".join(parts)

    def table(self, tbl, where: str) -> list[tuple[list[str], str]]:
        """Rows of the grid (merged cells as text then empty cells, a vertical
        continuation as an empty cell), each followed by the rows of tables nested in it."""
        grid: list[list[str]] = []
        nested: list[list[tuple[list[str], str]]] = []
        for r, tr in enumerate(_children(tbl, _TR), 1):
            props = tr.find(W + "trPr")
            cells = [""] * _grid_skip(props, "gridBefore")
            inner: list[tuple[list[str], str]] = []
            for tc in _children(tr, _TC):
                text, tables = self.cell(tc, f"{where} row {r}")
                inner.extend(tables)
                tc_pr = tc.find(W + "tcPr")
                span, continued = 1, False
                if tc_pr is not None:
                    span = min(max(1, int_value(tc_pr.find(W + "gridSpan"), 1)), MAX_SPAN)
                    v_merge, h_merge = tc_pr.find(W + "vMerge"), tc_pr.find(W + "hMerge")
                    continued = ((v_merge is not None and v_merge.get(_VAL, "continue") == "continue")
                                 or (h_merge is not None and h_merge.get(_VAL, "continue") == "continue"))
                cells.append("" if continued else text)
                cells.extend([""] * (span - 1))
            cells.extend([""] * _grid_skip(props, "gridAfter"))
            grid.append(cells)
            nested.append(inner)
        return table_rows(grid, nested, where)

    def cell(self, tc, where: str) -> tuple[str, list[tuple[list[str], str]]]:
        """A cell's text on one line, and the rows of the tables nested in it."""
        fragments: list[str] = []
        nested: list[tuple[list[str], str]] = []
        tables = 0
        for block in _blocks(tc):
            if block.tag == _P:
                fragments.extend(self.paragraph(block, where).split("\n"))
            else:
                tables += 1
                nested.extend(self.table(block, f"{where} table {tables}"))
        return join_fragments(fragments), nested

