"""Web page (.html) → Source: the report as a government site publishes it.

A published page is mostly not the report: a site header, navigation, breadcrumbs,
share buttons and a footer surround one article. The reader drops what is plainly
not content, then walks down from <body> into the element that holds most of the
remaining text (the article container, whatever the site calls it), and writes that
element's paragraphs and tables. The page title usually stands just above the
container, so it is put back in front when the article does not repeat it.
"""

from __future__ import annotations

import codecs
import re

from .. import limits
from ..cache import compile_re
from ..i18n import Message
from ..ingest import IngestError, Source
from .layout import MAX_SPAN, Lines, first_line, is_cjk, join_fragments, table_rows

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_META_CHARSET = compile_re(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# GB2312 and GBK pages routinely hold characters only their superset GB18030 has.
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz", "cp936"})
_WESTERN = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})

_DROP = frozenset({"head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
                   "canvas", "nav", "aside", "select", "button", "input", "textarea", "map", "audio",
                   "video"})
_NAV_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "menus", "header", "footer", "foot",
                        "breadcrumb", "breadcrumbs", "crumb", "crumbs", "position", "location", "sidebar",
                        "share", "bdsharebuttonbox", "copyright", "toolbar", "banner", "pagination",
                        "pager", "related", "topbar", "search", "skip"})
_CONTENT_WORDS = frozenset({"content", "article", "zoom", "trs", "editor", "main", "text", "detail",
                            "details", "zw", "zwnr", "body", "con", "news", "view"})
_TITLE_WORDS = frozenset({"title", "tit", "biaoti"})
_HIDDEN = compile_re(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORDS = compile_re(r"[\s_\-]+")
_CANDIDATES = frozenset({"div", "article", "section", "main", "td", "center"})
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                     "section", "article", "main", "blockquote", "pre", "address", "center", "figure",
                     "figcaption", "hr", "form", "fieldset", "legend", "header", "footer", "details",
                     "summary", "caption", "tr", "td", "th", "tbody", "thead", "tfoot"})
_SOURCE_SPACE = compile_re(r"[ \t\r\n\f]+")
_NON_SPACE = compile_re(r"\S")
# A cell longer than any label of a report table: the table lays out the page.
_LAYOUT_CELL_CHARS = 400


def read_html(path: str, data: bytes) -> Source:
    """The article of a web page, as lines."""
    try:
        import lxml.html
        from lxml import etree
    except ImportError:
        raise IngestError("ingest.missing_library", format=".html", library="lxml") from None
    tags = data.count(b"<")  # an upper bound on the elements lxml would build, before it builds them
    if tags > limits.MAX_HTML_TAGS:
        raise limits.too_many("ingest.html_too_many_elements", tags, limits.MAX_HTML_TAGS)
    text, charset, notes = _decode(data)
    try:
        root = lxml.html.document_fromstring(
            text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True,
                                                               remove_pis=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise IngestError("ingest.html_unparsable", reason=first_line(e)) from None
    body = root.find("body")
    if body is None:
        raise IngestError("ingest.no_text")
    _drop_clutter(body)
    container = _article(body)
    article = Lines()
    _Page(article).write(container)
    lines = Lines()
    title = _page_title(container)
    if title is not None and title[0] not in article.lines:
        lines.paragraph(title[0], f"page title (line {title[1]})")
    lines.extend(article)
    return lines.source(path, f"html:{charset}", notes)


# ------------------------------------------------------------------------ decoding

def _decode(data: bytes) -> tuple[str, str, list[Message]]:
    """Bytes → (text, charset, notes): a BOM, else the declared charset, else UTF-8, else
    GB18030; a page valid in none keeps its declared charset with the bad bytes replaced."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec if codec == "utf-16" else "utf-8-sig", errors="replace"), codec, []
    if b"\x00" in data:
        raise IngestError("ingest.binary_nul", offset=data.index(b"\x00"))
    declared = _declared_charset(data[:8192])
    if declared in _WESTERN:  # a CMS default left in the template, never a Chinese report's charset
        tried = ["utf-8", "gb18030", declared]
    else:
        tried = [c for c in dict.fromkeys([declared, "utf-8", "gb18030"]) if c]
    for codec in tried:
        try:
            return data.decode(codec), codec, []
        except UnicodeDecodeError:
            continue
    text = data.decode(tried[0], errors="replace")
    return text, tried[0], [Message("note.html_undecodable", {"charset": tried[0], "n": text.count(chr(0xFFFD))})]


def _declared_charset(head: bytes) -> str | None:
    found = _META_CHARSET.search(head)
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
        "<p>\u4e00</p>".encode("utf-8").decode(name, errors="replace")  # a charset, not rot13, base64, zlib, idna…
    except Exception:  # LookupError, UnicodeError, and whatever an odd codec raises
        return None
    return "gb18030" if name in _GB_FAMILY else name


# ----------------------------------------------------------------- finding the article

def _words(el) -> set[str]:
    return set(_WORDS.split(f"{el.get('class', '')} {el.get('id', '')}".lower())) - {""}


def _count(text: str | None) -> int:
    return len(_NON_SPACE.findall(text)) if text else 0


def _measure(root) -> dict:
    """Element → (characters of text, characters inside links), whitespace not counted."""
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    in_link = {root: False}
    for el in elements:
        for child in el:
            in_link[child] = in_link[el] or el.tag == "a"
    sizes: dict = {}
    for el in reversed(elements):  # children before their parents
        linked = in_link[el] or el.tag == "a"
        total = _count(el.text)
        links = total if linked else 0
        for child in el:
            tail = _count(child.tail)
            child_total, child_links = sizes.get(child, (0, 0))
            total += child_total + tail
            links += child_links + (tail if linked else 0)
        sizes[el] = (total, links)
    return sizes


def _drop_clutter(body) -> None:
    """Remove what is plainly not the report: scripts and styles, hidden elements,
    site headers and footers, navigation, breadcrumbs, share bars, link lists. Nothing
    holding half the page's text is removed, whatever its name."""
    for el in list(body.iterdescendants()):
        if not isinstance(el.tag, str) or el.tag in _DROP or _HIDDEN.search(el.get("style", "")) \
                or el.get("hidden") is not None:
            _remove(el)
    for el in list(body.iter("header", "footer")):
        if not any(a.tag in ("article", "main") for a in el.iterancestors()):
            _remove(el)
    sizes = _measure(body)
    page = max(1, sizes[body][0] - sizes[body][1])
    for el in list(body.iterdescendants()):
        if el not in sizes or el.getparent() is None:
            continue
        total, links = sizes[el]
        if (total - links) * 2 >= page:
            continue
        named_navigation = _words(el) & _NAV_WORDS and el.find(".//h1") is None  # a header with the title stays
        link_list = (el.tag in ("div", "ul", "ol", "dl", "table", "section") and total and links / total >= 0.6
                     and sum(1 for _ in el.iter("a")) >= 3)
        if named_navigation or link_list:
            _remove(el)


def _remove(el) -> None:
    """Drop an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _article(body):
    """Walk down from <body> while one candidate element holds most of the text: what
    remains around it (a title line, a date, a share bar) is not the report. An element
    named as content (content, article, zoom, TRS_Editor, main…) needs only half the
    text, if no sibling comes near it."""
    sizes = _measure(body)

    def text(el) -> int:
        total, links = sizes.get(el, (0, 0))
        return total - links

    current = body
    while True:
        candidates = sorted(_nearest_candidates(current), key=text, reverse=True)
        if not candidates:
            return current
        best, runner_up = candidates[0], (text(candidates[1]) if len(candidates) > 1 else 0)
        named = bool(_words(best) & _CONTENT_WORDS) or best.tag in ("article", "main")
        if text(best) >= 0.85 * text(current) or (
                named and text(best) >= 0.5 * text(current) and text(best) >= 3 * runner_up):
            current = best
        else:
            return current


def _nearest_candidates(el):
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _CANDIDATES:
            yield child
        else:
            yield from _nearest_candidates(child)


def _page_title(container) -> tuple[str, int] | None:
    """The heading just above the article (h1–h3 or an element called title), within the
    container's nearest ancestors: where sites put the report's title."""
    chain = set(container.iterancestors())
    ancestor = container
    for _ in range(3):
        ancestor = ancestor.getparent()
        if ancestor is None:
            return None
        heading = None
        for el in ancestor.iter():
            if el is container:
                break
            if el not in chain and isinstance(el.tag, str) and (
                    el.tag in ("h1", "h2", "h3") or _words(el) & _TITLE_WORDS):
                heading = el
        if heading is not None and "".join(heading.xpath(".//text()[not(ancestor::a)]")).strip():
            text = _line(heading.text_content())
            if 0 < len(text) <= 100:
                return text, heading.sourceline or 0
    return None


# ------------------------------------------------------------------------- writing

def _line(raw: str) -> str:
    """Text from the page source → one line: source line breaks vanish between CJK
    characters and are a space elsewhere; padding (&nbsp;, full-width spaces) is dropped."""

    def space(m: re.Match) -> str:
        if "\n" in m.group() or "\r" in m.group():
            before = raw[m.start() - 1] if m.start() else ""
            after = raw[m.end()] if m.end() < len(raw) else ""
            if before and after and (is_cjk(before) or is_cjk(after)):
                return ""
        return " "

    return _SOURCE_SPACE.sub(space, raw).replace("\xa0", " ").strip(" \u3000")


class _Flow:
    """The content of an element laid out as blocks: inline text gathers into a line
    until a block element or <br> ends it; tables are handed over whole."""

    def __init__(self, on_line, on_table) -> None:
        self.on_line = on_line
        self.on_table = on_table
        self.parts: list[str] = []
        self.source_line = 0

    def run(self, el) -> None:
        self._content(el)
        self._flush()

    def _content(self, el) -> None:
        self._text(el.text, el)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "br":
                self._flush()
            elif tag == "table":
                self._flush()
                self.on_table(child)
            elif tag in _BLOCKS:
                self._flush()
                self._content(child)
                self._flush()
            elif tag:
                self._content(child)
            self._text(child.tail, el)

    def _text(self, text: str | None, el) -> None:
        if text:
            if not self.parts:
                self.source_line = el.sourceline or 0
            self.parts.append(text)

    def _flush(self) -> None:
        if self.parts:
            text = _line("".join(self.parts))
            self.parts.clear()
            if text:
                self.on_line(text, self.source_line)


class _Page:
    """Writes the article: its lines as paragraphs, its tables as grids."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.paragraphs = 0
        self.tables = 0

    def write(self, container) -> None:
        _Flow(self.paragraph, self.table).run(container)

    def paragraph(self, text: str, source_line: int) -> None:
        self.paragraphs += 1
        self.lines.paragraph(text, f"paragraph {self.paragraphs} (line {source_line})")

    def table(self, table) -> None:
        rows = _rows(table)
        if _is_layout(rows):
            for tr in rows:
                for td in _cells(tr):
                    _Flow(self.paragraph, self.table).run(td)
            return
        caption = table.find("caption")
        if caption is not None:
            _Flow(self.paragraph, self.table).run(caption)
        self.tables += 1
        where = f"table {self.tables}"
        self.lines.table(_grid(rows, where), f"{where} (line {table.sourceline or 0})")


def _rows(table) -> list:
    return table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")


def _cells(tr) -> list:
    return tr.xpath("./td | ./th")


def _is_layout(rows: list) -> bool:
    """A table with a single column, or with a cell longer than any report table's
    label, arranges the page rather than holding data."""
    width = max((len(_cells(tr)) for tr in rows), default=0)
    return width <= 1 or any(len(_line(td.text_content())) > _LAYOUT_CELL_CHARS
                             for tr in rows for td in _cells(tr))


def _span(td, name: str) -> int:
    try:
        return min(max(1, int(td.get(name, "1").strip())), MAX_SPAN)
    except ValueError:
        return 1


def _cell(td, where: str) -> tuple[str, list[tuple[list[str], str]]]:
    """A cell's text on one line (its lines joined), and the rows of tables nested in it."""
    fragments: list[str] = []
    nested: list[tuple[list[str], str]] = []
    count = 0

    def table(inner) -> None:
        nonlocal count
        count += 1
        nested.extend(_grid(_rows(inner), f"{where} table {count}"))

    _Flow(lambda text, _source_line: fragments.append(text), table).run(td)
    return join_fragments(fragments), nested


def _grid(rows: list, where: str) -> list[tuple[list[str], str]]:
    """HTML rows → the full grid: colspan gives the text then empty cells, a cell under a
    rowspan is empty; each row is followed by the rows of tables nested in it."""
    covered: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    grid: list[list[str]] = []
    nested: list[list[tuple[list[str], str]]] = []
    width = 0
    for r, tr in enumerate(rows, 1):
        cells: list[str] = []
        inner: list[tuple[list[str], str]] = []
        for td in _cells(tr):
            _fill_covered(cells, covered)
            text, tables = _cell(td, f"{where} row {r}")
            inner.extend(tables)
            colspan, rowspan = _span(td, "colspan"), _span(td, "rowspan")
            for column in range(len(cells), len(cells) + colspan):
                if rowspan > 1:
                    covered[column] = rowspan - 1
            cells.extend([text] + [""] * (colspan - 1))
            _check_grid(len(cells), len(grid) + 1)
        still = [c for c, n in covered.items() if n > 0 and c >= len(cells)]
        _fill_covered(cells, covered, until=max(still) + 1 if still else 0)
        width = max(width, len(cells))
        _check_grid(width, len(grid) + 1)  # the rows will be padded to the widest: bound that first
        grid.append(cells)
        nested.append(inner)
    return table_rows(grid, nested, where)


def _check_grid(width: int, rows: int) -> None:
    """A grid within bounds once its rows are padded to the widest (spans are capped,
    but one row of 1,000 cells of colspan=100 over 200 short rows made 20 million)."""
    if width > limits.MAX_GRID_WIDTH:
        raise limits.too_many("ingest.table_too_wide", width, limits.MAX_GRID_WIDTH)
    if width * rows > limits.MAX_GRID_CELLS:
        raise limits.too_many("ingest.too_many_cells", width * rows, limits.MAX_GRID_CELLS)


def _fill_covered(cells: list[str], covered: dict[int, int], until: int = 0) -> None:
    """Empty cells for the columns that rowspans from above cover next in the row (and
    for every column up to `until`)."""
    while covered.get(len(cells), 0) > 0 or len(cells) < until:
        if covered.get(len(cells), 0) > 0:
            covered[len(cells)] -= 1
        cells.append("")
