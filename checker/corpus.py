"""Across reports: which reports are the same body's, which is a body's previous
report, and which report is most like each one (内容雷同).

A check of many reports first checks each alone; each report then leaves a `Digest`:
its body, year, the values of the tables the rules read and a similarity signature —
small enough to send between processes by the thousand. `link()` puts the digests
together:

- bodies: a body's name varies between reports (河集乡 / 睢县河集乡人民政府 /
  河集乡政府): names are reduced to a key — township-level bodies by their own name,
  other bodies by their full name without 人民政府 — and a shorter name joins a longer
  one that ends with it when only one does. Each group keeps the names it matched.
- previous: the same body's report with the greatest year before this one.
- similar: the most similar other report, among the candidates locality-sensitive
  hashing proposes (similarity.py), so n reports cost about n.
- same report: files whose text, as read, is the same (`text_key`: what a format can
  change left out — spaces and line breaks, full- or half-width forms, a numbering
  Word adds in front of the one typed) are one report saved in several formats: neither
  a copy of the other nor a second report for the year. Any other pair is two reports,
  however alike: a copy with two figures changed is a copy. The files taken as one
  are named (Links.same_report), so that nothing is set aside in silence.

Everything is ordered: the same digests give the same links whatever the hash seed
(sets are walked sorted, a tie between two equally similar reports goes to the first
path).

Cross-report rules are ordinary YAML rules that use the facts `previous` and
`similar`; the engine evaluates them with the Links of a report (engine.Corpus).
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby
from operator import attrgetter

from . import similarity
from .cache import compile_re
from .expr import add_rows
from .facts import BARE_LEVEL
from .labels import nfkc
from .model import Cell, MissingRow, Paragraph, Report, Row, Section, Span, Table, TableProblem, new_tuple
from .text import LineIndex

# (a government's 人民政府办公室 is a body of its own: its report and the government's are two)
_GOVERNMENT_WORDS = compile_re(r"(?:人民政府|政府|办事处)$")
_ADMIN_BREAK = compile_re(r"(?<=[省市县区旗州盟])")
_TOWNSHIP = compile_re(r"(?:乡|镇|街道|苏木)$")


@dataclass(slots=True)
class TableDigest:
    template: str | None
    version: str | None
    unreliable_blocks: tuple[str | None, ...]   # blocks whose header contradicts the template
    values: dict[str, dict[str, tuple[str | None, str | None]]]  # row → column → (value, problem)


@dataclass(slots=True)
class Digest:
    path: str
    issuer: str | None
    issuer_kind: str | None
    year: int | None
    tables: list[TableDigest]
    signature: tuple[int, ...] | None
    body: str | None = None  # set by link()
    text_key: str | None = None  # text_key(report.text): the same in every format of one report
    opening: str = ""  # its title and first lines (OPENING characters): the places it names


def prose(report: Report) -> str:
    """What a body writes itself: its paragraphs, not tables, headings or sub-headings'
    titles (own_paragraphs)."""
    return "\n".join(p.text for s in report.sections for p in own_paragraphs(s, report))


# A sub-heading that runs on into prose on its line, as many reports write every item of
# 总体情况: "（一）主动公开情况。全年主动公开…": its title, up to the first stop, is the
# template's; what follows is the body's own. (Read as a sub-heading whole, the prose of
# one report in six was nothing at all: no copy of it could be found.)
_RUN_IN = compile_re(r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．])"
                     r"[^。：:；;！!？?\n]{1,40}?[。：:；;！!？?]+[ \u3000]*")


def own_paragraphs(section: Section, report: Report) -> list[Paragraph]:
    """A section's paragraphs of prose and, of each sub-heading that runs on into prose on
    its line, that prose, as a paragraph of its own in its place."""
    own = []
    for p in section.paragraphs:
        if p.kind == "text":
            own.append(p)
        elif p.kind == "subheading" and (title := _RUN_IN.match(p.text)) and title.end() < len(p.text):
            index = report.line_index or LineIndex(report.text)
            own.append(Paragraph(p.text[title.end():], index.span(p.span.start + title.end(), p.span.end)))
    return own


def report_names(report: Report) -> tuple[str, ...]:
    return tuple(n for n in ((report.issuer.name if report.issuer else None),) if n)


_ENUMERATION = compile_re(r"\([一二三四五六七八九十]{1,3}\)")


def text_key(text: str) -> str:
    """A key of a report's text as read, equal for the same report in any format and
    different for any other text: the characters, NFKC-normalised (full- and half-width
    forms alike), without white space (a layout's TABs, a PDF's line breaks) or the
    parenthesised numbers of sub-headings (which Word numbering may add in front of the
    typed ones). A changed figure or an added sentence changes it."""
    text = _ENUMERATION.sub("", "".join(nfkc(text).split()))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def digest(path: str, report: Report, reads: frozenset[str] | set[str] | None = None,
           rows: RowsRead | None = None) -> Digest:
    """A report's Digest; with `reads` (the union of the rules' Rule.reads), of its
    tables only those the rules name, and with `rows` (rows_read), of those only the
    rows the rules may read (previous_report's tables are all that reads them)."""
    tables = []
    every_table = reads is None or bool(reads & {"tables", "table_of"})
    for t in report.tables:
        if t.template is None or not (every_table or t.template in reads):
            continue
        kept = None if rows is None else rows.get(t.template)
        values = {r.template_row: {c.column: _shared((None if c.value is None else str(c.value), c.problem))
                                   for c in r.cells if c.column}
                  for r in t.rows if r.template_row and not r.problem and (kept is None or r.template_row in kept)}
        unreliable = tuple(sorted({p.block or "" for p in t.problems if not t.reliable_for(p.block)}))
        tables.append(TableDigest(t.template, t.version, tuple(b or None for b in unreliable), values))
    text = similarity.masked(prose(report), report_names(report))
    return Digest(path, report.issuer.name if report.issuer else None,
                  report.issuer.kind if report.issuer else None, report.year, tables,
                  similarity.signature(text), text_key=text_key(report.text), opening=opening(report))


OPENING = 400


def opening(report: Report) -> str:
    """A report's title and first lines, up to OPENING characters: where it names its
    place, if it does (现公布清水县教育局2023年…, under a title 县教育局2023年…)."""
    lines = ([report.title] if report.title else []) + list(report.intro[:6]) + (
        list(report.sections[0].paragraphs[:3]) if report.sections else [])
    return "\n".join(p.text for p in lines)[:OPENING]


_SHARED: dict = {}
_SHARED_MAX = 100_000


def _shared(value, key=None, kept: dict = _SHARED):
    """An equal value kept once (by `key`, itself if not given): the digests of
    thousands of reports hold the same few cell values (('0', None) most of all), each
    a tuple and a text of its own."""
    key = value if key is None else key
    found = kept.get(key)
    if found is None:
        if len(kept) >= _SHARED_MAX:
            kept.clear()
        found = kept[key] = value
    return found


def previous_report(d: Digest) -> Report:
    """A stand-in Report for a previous report known only by its digest: its year,
    issuer and table values (cells without a place in the current report's text)."""
    from .model import Issuer

    tables = []
    for td in d.tables:
        rows = [Row(row_id, None, [Cell(value or "", None, None if value is None else _decimal(value), problem, None,
                                        col, row_id) for col, (value, problem) in cols.items()],
                    row_id, list(cols)) for row_id, cols in td.values.items()]
        problems = [TableProblem("header_mismatch", "", None, block) for block in td.unreliable_blocks]
        tables.append(Table(span=None, layout="", template=td.template, version=td.version, rows=rows,
                            problems=problems))
    issuer = Issuer(d.issuer, d.issuer_kind or "unknown", None, "digest") if d.issuer else None
    return Report(path=d.path, text="", encoding="", title=None, year=d.year, year_source="digest",
                  issuer=issuer, period=None, periods=[], contacts=[], dates=[], publication_date=None,
                  preamble=[], intro=[], sections=[], tables=tables)


# ------------------------------------------------------------- what the second pass keeps

# What a rule may use and still run on a Summary's stand-in report: every fact and
# function but those that read the sections' paragraphs (a Summary keeps only the prose),
# and only these, so that a function added later is not trusted unseen. A rule that uses
# anything else runs on the report read and parsed again.
SUMMARY_FACTS = frozenset({
    "year", "regime", "previous", "same_year", "same_report", "similar", "template", "layout_lost", "issuer",
    "title_issuer", "signed_by", "title", "period", "periods", "published", "contacts", "dates", "tables", "text",
    "intro", "preamble", "front"})
SUMMARY_FUNCTIONS = frozenset({
    "exists", "table_of", "count", "len", "sum", "min", "max", "abs", "any", "all", "matches", "find", "first",
    "number", "qty", "to", "date", "rows", "columns", "missing_rows", "extra_rows", "problems", "cells", "header",
    "where", "contains", "issuer_kind", "before", "close"})
SUMMARY_KINDS = frozenset({"expect", "require_patterns", "forbid_patterns"})


def summary_serves(rules, table_ids) -> bool:
    """Whether every rule reads only what a Summary holds."""
    allowed = SUMMARY_FACTS | SUMMARY_FUNCTIONS | set(table_ids)
    return all(rule.kind in SUMMARY_KINDS and rule.reads <= allowed for rule in rules)


RowsRead = dict[str, "frozenset[str] | None"]  # table → the template rows rules may read (None: any)


def rows_read(rules) -> RowsRead | None:
    """Of each table the rules about other reports name, the rows they may read (their
    Rule.rows together); None when one may read tables in a way its expressions do not
    show: a kind that reads them itself, or every table at once (tables, table_of). They
    read two rows of the largest table: a Summary and a Digest keep no more."""
    if any(rule.rows is None or rule.kind not in SUMMARY_KINDS or rule.reads & {"tables", "table_of"}
           for rule in rules):
        return None
    found: RowsRead = {}
    for rule in rules:
        for table, rows in rule.rows.items():
            add_rows(found, table, rows)
    return found


_NO_SPAN = (-1, -1, -1, -1, -1, -1)


@dataclass(slots=True)
class Summary:
    """What the pass across reports needs of one report, kept from its first check so
    that the second pass parses nothing again: the text (excerpts, lines, passages), the
    facts the rules read, where each section and its prose paragraphs stand, and the
    tables packed flat — each span as six integers in one array, each number shared
    with those written the same in other reports; of a table the rules do not name,
    only what the engine reads of every table (its place, its blank cells). `report()`
    gives the stand-in Report the rules run on (see SUMMARY_FACTS for what it lacks)."""

    path: str
    text: str
    gaps: list[int] | None                # the LineIndex's, for the columns of the document as it was
    breaks: list[int] | None              # the LineIndex's, for its lines where a copy's were joined
    facts: tuple                          # the Report's small fields, by name (_SUMMARY_FIELDS)
    section_count: int
    table_count: int
    ints: array                           # the sections' and tables' spans and counts, in order
    refs: tuple                           # their texts and other values, in order

    def report(self, tables: bool = True) -> Report:
        """The stand-in Report; without its tables (`tables=False`) for the passages a
        report shares with this one, which read only the prose and the issuer."""
        unpack = _Unpacker(self)
        sections = [unpack.section() for _ in range(self.section_count)]
        tables = [unpack.table() for _ in range(self.table_count)] if tables else []
        return _stand_in(self.path, self.text, self.gaps, self.breaks, self.facts, sections, tables)


class _LinesWhenAsked(LineIndex):
    """A Summary's report's LineIndex, which finds where its lines start when first
    asked: the Summary keeps every span the first pass made, so the second pass makes
    new ones only now and then (the passages of a copy)."""

    __slots__ = ()

    def __init__(self, text: str, gaps: list[int] | None, breaks: list[int] | None) -> None:
        self.text, self.gaps, self.breaks = text, gaps or None, breaks or None

    def __getattr__(self, name: str):  # (called only for an attribute not set: `starts` and `lines`, until asked)
        if name not in ("starts", "lines"):
            raise AttributeError(name)
        LineIndex.__init__(self, self.text, self.gaps, self.breaks)
        return getattr(self, name)


_SUMMARY_FIELDS = ("encoding", "title", "year", "year_source", "issuer", "period", "periods", "contacts", "dates",
                   "publication_date", "preamble", "intro", "title_issuer", "signed_by", "layout_lost")
# The lists of facts a Summary keeps only for rules that read them (a Summary's
# report has them empty otherwise).
_LISTS_READ_AS = {"periods": {"periods"}, "contacts": {"contacts"}, "dates": {"dates"},
                  "preamble": {"preamble", "front"}, "intro": {"intro", "front"}}


def summary(report: Report, reads: frozenset[str] | set[str] = SUMMARY_FACTS, rows: RowsRead | None = None) -> Summary:
    """A report's Summary, for rules that read `reads` (the union of their Rule.reads)
    and, of each table, `rows` (rows_read; None: every row)."""
    ints: array = array("i" if len(report.text) < 2**31 else "q")  # offsets into the text, line numbers
    refs: list = []
    for s in report.sections:
        _pack_section(s, own_paragraphs(s, report), report.text, ints, refs)
    for table, rows_kept in _tables_read(report, reads, rows):
        _pack_table(table, ints, refs, rows_kept)
    index = report.line_index
    return Summary(report.path, report.text, index.gaps if index is not None else None,
                   index.breaks if index is not None else None, _facts(report, reads),
                   len(report.sections), len(report.tables), ints, tuple(refs))


def stand_in(report: Report, reads: frozenset[str] | set[str] = SUMMARY_FACTS, rows: RowsRead | None = None) -> Report:
    """The report summary(report, reads, rows).report() gives, made from the report
    itself, sharing its paragraphs, cells and rows rather than packing them to make
    them again: for a second pass in the same process (a run of one job), where
    nothing is sent to another. It holds more objects than a Summary, not more text."""
    sections = [Section(s.number, s.heading, s.span, s.title, s.canonical, s.title_match, s.numbering,
                        own_paragraphs(s, report), [], s.body_span) for s in report.sections]
    tables = [table if rows_kept is None else _with_rows(table, rows_kept)
              for table, rows_kept in _tables_read(report, reads, rows)]
    index = report.line_index
    return _stand_in(report.path, report.text, index.gaps if index is not None else None,
                     index.breaks if index is not None else None, _facts(report, reads),
                     sections, tables)


def _stand_in(path: str, text: str, gaps: list[int] | None, breaks: list[int] | None, facts: tuple, sections: list[Section],
              tables: list[Table]) -> Report:
    report = Report(path=path, text=text, sections=sections, tables=tables, lost_tables=[],
                    **dict(zip(_SUMMARY_FIELDS, facts)))
    report.line_index = _LinesWhenAsked(text, gaps, breaks)
    return report


def _facts(report: Report, reads: frozenset[str] | set[str]) -> tuple:
    """The Report's small fields a Summary keeps (_SUMMARY_FIELDS), a list the rules do
    not read left empty."""
    return tuple(getattr(report, name) if name not in _LISTS_READ_AS or reads & _LISTS_READ_AS[name] else []
                 for name in _SUMMARY_FIELDS)


def _tables_read(report: Report, reads: frozenset[str] | set[str],
                 rows: RowsRead | None) -> Iterator[tuple[Table, list[Row] | None]]:
    """Each table as far as rules that read `reads` and `rows` read it, with the rows
    kept in place of its own (None: its own): of a table they do not name its skeleton;
    of one they read only some rows of, those rows whole and of the others the blank
    cells (_rows_kept); any other whole."""
    every_table = bool(reads & {"tables", "table_of"})
    for table in report.tables:
        if not (every_table or table.template in reads):
            yield _skeleton(table), None
        elif rows is not None and (kept := rows.get(table.template)) is not None:
            yield table, _rows_kept(table, kept)
        else:
            yield table, None


def _skeleton(t: Table) -> Table:
    """What the engine reads of every table, whatever the rules: its place, its format
    version (Report.template) and its blank cells (one cause, one finding)."""
    return Table(t.span, t.layout, t.template, t.title, t.version, section=t.section, rows=_blank_rows(t.rows))


def _blank_rows(rows: list[Row]) -> list[Row]:
    """Of each row that has blank cells, those cells."""
    return [Row(r.label, r.span, blank, r.template_row, r.columns, r.problem)
            for r in rows if (blank := [c for c in r.cells if c.problem == "blank"])]


def _with_rows(t: Table, rows: list[Row]) -> Table:
    """The table with other rows."""
    return Table(t.span, t.layout, t.template, t.title, t.version, t.version_evidence, t.evidence_at, t.section,
                 t.header, t.header_confirmed, rows, t.missing, t.extra, t.problems, t.version_columns)


def _rows_kept(t: Table, kept: frozenset[str]) -> list[Row]:
    """Of a table the rules read only the rows `kept` of, the rows packed: those rows
    whole, of the others what _skeleton keeps."""
    rows: list[Row] = []
    for r in t.rows:
        rows += [r] if r.template_row in kept else _blank_rows([r])
    return rows


def _pack_section(s: Section, prose: list[Paragraph], text: str, ints: array, refs: list) -> None:
    """A section's place and fields, and its prose paragraphs, `prose` (their text only
    where it is not the report's text at their span)."""
    refs += (s.number, s.heading, s.title, s.canonical, s.title_match, s.numbering)
    _pack_span(s.span, ints)
    _pack_span(s.body_span, ints)
    ints.append(len(prose))
    for p in prose:
        span = p.span  # (a paragraph always has its place)
        ints.extend(span)
        refs.append(None if text[span.start:span.end] == p.text else p.text)


def _short(text):
    """A cell's text shared with every equal one (most are a few digits)."""
    return sys.intern(text) if text is not None and len(text) <= 16 else text


_NUMBERS: dict[str, Decimal] = {}


def _number(value: Decimal) -> Decimal:
    """A cell's number shared with every one written the same (1.0 is not 1): kept as
    the number, so the second pass makes none again, and once, as most are a few digits."""
    return _shared(value, str(value), _NUMBERS)


def _decimal(text: str) -> Decimal:
    """The number a digest keeps as its text (str of the cell's number), made once."""
    found = _NUMBERS.get(text)
    return found if found is not None else _number(Decimal(text))


def _pack_span(span, ints: array) -> None:
    ints.extend(_NO_SPAN if span is None else span)


def _pack_cells(cells: list[Cell], ints: array, refs: list) -> None:
    """Cells one after another, in one loop (the most of what a Summary packs)."""
    for cell in cells:
        value = cell.value
        refs += (_short(cell.raw), _number(value) if type(value) is Decimal else value, cell.problem, cell.unit,
                 cell.column, cell.row)
        span = cell.span
        ints.extend(_NO_SPAN if span is None else span)


def _pack_row(row: Row, ints: array, refs: list) -> None:
    refs += (row.label, row.template_row, tuple(row.columns), row.problem)
    ints.append(len(row.cells))
    _pack_span(row.span, ints)
    _pack_cells(row.cells, ints, refs)


def _pack_table(t: Table, ints: array, refs: list, rows: list[Row] | None = None) -> None:
    """A table, with `rows` (_rows_kept) in place of its rows if given."""
    rows = t.rows if rows is None else rows
    refs += (t.layout, t.template, t.title, t.version, tuple(t.version_evidence), t.section, t.header_confirmed,
             t.version_columns)
    ints.extend((len(t.header), len(rows), len(t.missing), len(t.extra), len(t.problems)))
    _pack_span(t.span, ints)
    _pack_span(t.evidence_at, ints)
    _pack_cells(t.header, ints, refs)
    for row in rows:
        _pack_row(row, ints, refs)
    for m in t.missing:
        refs += (m.row, m.label, m.block)
        _pack_span(m.span, ints)
    for row in t.extra:
        _pack_row(row, ints, refs)
    for p in t.problems:
        refs += (p.kind, p.detail, p.block)
        _pack_span(p.span, ints)


class _Unpacker:
    """The sections and tables _pack_section and _pack_table packed, as they were, read
    in the order they were packed."""

    def __init__(self, s: Summary) -> None:
        self.text, self.ints, self.refs = s.text, s.ints, s.refs
        self.i = self.r = 0  # where the next integer and the next value are

    def span(self):
        i = self.i = self.i + 6
        ints = self.ints
        return None if ints[i - 6] < 0 else new_tuple(Span, ints[i - 6:i])

    def values(self, n: int):
        r = self.r = self.r + n
        return self.refs[r - n:r]

    def count(self) -> int:
        self.i += 1
        return self.ints[self.i - 1]

    def section(self) -> Section:
        number, heading, title, canonical, title_match, numbering = self.values(6)
        span, body_span = self.span(), self.span()
        count = self.count()
        r, i = self.r, self.i
        self.r, self.i = r + count, i + 6 * count
        text, spans = self.text, iter(self.ints[i:self.i])  # (each paragraph's six integers zipped, as cells')
        prose = [Paragraph(text[p_span[4]:p_span[5]] if own is None else own, new_tuple(Span, p_span), "text")
                 for own, p_span in zip(self.refs[r:self.r], zip(*[spans] * 6))]
        return Section(number, heading, span, title, canonical, title_match, numbering, prose, [], body_span)

    def cells(self, count: int) -> list[Cell]:
        """`count` cells packed one after another, made in one loop: a Summary's tables
        hold a few hundred cells, the most of what the second pass unpacks. (Each cell's
        six values and six integers come in sixes from one iterator each, zipped with
        itself six times, rather than sliced out one cell at a time.)"""
        r, i = self.r, self.i
        self.r, self.i = r + 6 * count, i + 6 * count
        values, spans = iter(self.refs[r:self.r]), iter(self.ints[i:self.i])
        return [Cell(raw, None if span[0] < 0 else new_tuple(Span, span), value, problem, unit, column, row_id)
                for (raw, value, problem, unit, column, row_id), span in zip(zip(*[values] * 6), zip(*[spans] * 6))]

    def row(self) -> Row:
        label, template_row, columns, problem = self.values(4)
        count = self.count()
        span = self.span()
        return Row(label, span, self.cells(count), template_row, list(columns), problem)

    def table(self) -> Table:
        layout, template, title, version, evidence, section, confirmed, version_columns = self.values(8)
        i = self.i = self.i + 5
        headers, rows, missing, extra, problems = self.ints[i - 5:i]
        span, evidence_at = self.span(), self.span()
        table = Table(span, layout, template, title, version, list(evidence), evidence_at, section,
                      self.cells(headers), confirmed, [self.row() for _ in range(rows)], version_columns=version_columns)
        for _ in range(missing):
            row, label, block = self.values(3)
            table.missing.append(MissingRow(row, label, self.span(), block))
        table.extra = [self.row() for _ in range(extra)]
        for _ in range(problems):
            kind, detail, block = self.values(3)
            table.problems.append(TableProblem(kind, detail, self.span(), block))
        return table


# ------------------------------------------------------------------------------ bodies

def body_key(name: str) -> str:
    """The part of a body's name that stays the same between its reports."""
    name = _GOVERNMENT_WORDS.sub("", re.sub(r"\s+", "", name))
    parts = [p for p in _ADMIN_BREAK.split(name) if p]
    if parts and _TOWNSHIP.search(parts[-1]) and len(parts[-1]) >= 2:
        return parts[-1]
    return name


@dataclass(slots=True)
class Group:
    key: str
    names: set[str] = field(default_factory=set)
    members: list[Digest] = field(default_factory=list)


@dataclass(slots=True)
class Similar:
    path: str
    score: float
    issuer: str | None
    year: int | None
    same_body: bool


@dataclass(slots=True)
class Links:
    groups: dict[str, Group]
    previous: dict[str, Digest]          # path → the same body's previous report
    same_year: dict[str, list[Digest]]   # path → other reports of the same body and year
    similar: dict[str, Similar]          # path → the most similar other report
    same_report: dict[str, list[str]] = field(default_factory=dict)  # path → the other files of its report

    def has_counterpart(self, path: str) -> bool:
        """Whether the rules about other reports have anything to look at for a report."""
        return path in self.previous or path in self.same_year or path in self.similar or path in self.same_report


def _county_of(name: str) -> str:
    """The county (district, city…) a township's name puts it in, if it names one: 武山县
    of 甘肃省天水市武山县城关镇."""
    parts = [p for p in _ADMIN_BREAK.split(_GOVERNMENT_WORDS.sub("", re.sub(r"\s+", "", name))) if p]
    return parts[-2] if len(parts) >= 2 and _TOWNSHIP.search(parts[-1]) else ""


def _groups(digests: list[Digest]) -> dict[str, Group]:
    keyed: dict[str, Group] = {}
    for d in digests:
        if d.issuer and d.year:
            key = body_key(d.issuer)
            group = keyed.setdefault(key, Group(key))
            group.names.add(d.issuer)
            group.members.append(d)
    # townships of one name in two counties are two (城关镇 of 武山县 and of 广河县); one
    # whose name gives no county stays with them only when there is one county, and no
    # report of that county's of the same year (太平镇人民政府 2025 beside 施甸县太平镇 2025: 姚安县's)
    for key, group in list(keyed.items()):
        counties = {_county_of(d.issuer) for d in group.members} - {""}
        named_years = {d.year for d in group.members if _county_of(d.issuer)}
        another = any(not _county_of(d.issuer) and d.year in named_years for d in group.members)
        if len(counties) > 1 or another:
            del keyed[key]
            for county in sorted(counties) + [""]:
                members = [d for d in group.members if _county_of(d.issuer) == county]
                if members:
                    keyed[county + key] = Group(county + key, {d.issuer for d in members}, members)
    # a shorter key joins the one longer key that ends with it (统计局 → 某县统计局) when
    # its reports name the longer one's place (某县): in a folder of many counties, the
    # one 清水县教育局 there is not what a title 县教育局 of 民和县 means
    by_length = sorted(keyed, key=lambda k: (len(k), k))
    suffixes: dict[str, list[str]] = defaultdict(list)
    for key in by_length:
        for i in range(1, len(key) - 1):
            suffixes[key[i:]].append(key)
    for key in by_length:
        longer = [k for k in suffixes.get(key, []) if k in keyed and k != key]
        if len(longer) == 1 and any(longer[0][:-len(key)] in d.opening for d in keyed[key].members):
            target = keyed[longer[0]]
            target.names |= keyed[key].names
            target.members += keyed[key].members
            del keyed[key]
    # a name that opens with its level and no place (县交通运输局: a title or sentence that left
    # 元谋 out) with two reports of one year is two bodies' names, not one body's two
    # reports: which goes with which cannot be told, so none is linked
    for key, group in list(keyed.items()):
        years = [d.year for d in group.members]
        if len(years) != len(set(years)) and all(_names_no_place(d.issuer) for d in group.members):
            del keyed[key]
            for d in group.members:
                keyed[f"{key} ({d.path})"] = Group(f"{key} ({d.path})", {d.issuer}, [d])
    for key, group in keyed.items():
        for d in group.members:
            d.body = key
    return keyed


_BARE_LEVEL = compile_re(BARE_LEVEL  # (县交通运输局: which county's?)
                         + r"|(?:国家)?(?:高新区|高新技术产业开发区|经开区|经济技术开发区|经济开发区|开发区|工业园区|产业园区|新区)"
                         r"(?![\u4e00-\u9fff]*(?:乡|镇|街道)$)")  # (高新区, 经开区…: which city's?)


# (a department's name with neither place nor level in it: 住建局, 自然资源和规划局; 市场 and 城市 are
# no level, 市场监督管理局; a national body's is its own, 国家税务总局, 海关总署办公厅)
_DEPARTMENT_ALONE = compile_re(r"(?!.*(?:国家|国务院|中国|中华|全国|中央|总署|总局))"
                               r"(?:市场|城市|[^省市县区旗州盟乡镇街])+(?:局|委员会|委|厅|办公室)")


def _names_no_place(name: str) -> bool:
    """Whether a body's name opens with its level and no place: 县交通运输局, 区人民政府, or
    with a kind of zone and no place: 高新区, 经开区管委会, or is a department's alone: 住建局.
    (A township's name alone, 桃源镇, is the name it goes by.)"""
    name = re.sub(r"\s+", "", name)
    return bool(_BARE_LEVEL.match(name) or _DEPARTMENT_ALONE.fullmatch(name))


def group_reports(reports: list[tuple[str, str | None, int | None, str]]) -> dict[str, Group]:
    """(path, issuing body, year, opening) of checked reports → their bodies, names matched."""
    return _groups([Digest(path, issuer, None, year, [], None, opening=text) for path, issuer, year, text in reports])


def same_reports(keyed: list[tuple[str, str | None]]) -> dict[str, list[str]]:
    """(path, text_key) → for each path whose text another file shares, those other
    files (in path order): one report saved in several formats."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for path, key in keyed:
        if key is not None:
            by_key[key].append(path)
    out: dict[str, list[str]] = {}
    for paths in by_key.values():
        if len(paths) > 1:
            for path in paths:
                out[path] = sorted(p for p in paths if p != path)
    return out


def one_per_report(paths: list[str], same: dict[str, list[str]]) -> list[str]:
    """The paths (sorted), one per report: of the files holding the same report
    (`same_reports`), the first."""
    out: list[str] = []
    for path in sorted(paths):
        if not any(other in out for other in same.get(path, ())):
            out.append(path)
    return out


def link(digests: list[Digest]) -> Links:
    groups = _groups(digests)
    signatures = {d.path: d.signature for d in digests if d.signature}
    packed = {path: similarity.packed(signature) for path, signature in signatures.items()}
    by_path = {d.path: d for d in digests}
    same = same_reports([(d.path, d.text_key) for d in digests])
    best: dict[str, Similar] = {}
    for a, b in similarity.candidates(signatures):  # (sorted already)
        if b in same.get(a, ()):
            continue  # one report in two files: not a copy of itself
        score = similarity.estimate(packed[a], packed[b])
        da, db = by_path[a], by_path[b]
        same_body = da.body is not None and da.body == db.body
        for this, other in ((da, db), (db, da)):
            held = best.get(this.path)
            if held is None or score > held.score or (score == held.score and other.path < held.path):
                best[this.path] = Similar(other.path, score, other.issuer, other.year, same_body)
    previous: dict[str, Digest] = {}
    same_year: dict[str, list[Digest]] = {}
    for group in groups.values():
        # (a year's reports after another: a body of many reports costs as many steps,
        # not their square)
        before = None  # the last report of the years before, in (year, path) order
        for _, of_year in groupby(sorted(group.members, key=lambda d: (d.year, d.path)), key=attrgetter("year")):
            of_year = list(of_year)
            for d in of_year:
                if before is not None:
                    previous[d.path] = before
                twins = [o for o in of_year if o.path != d.path and o.path not in same.get(d.path, ())]
                if twins:
                    same_year[d.path] = twins
            before = of_year[-1]
    return Links(groups, previous, same_year, best, same)


# ------------------------------------------------------------------ shared passages

class _Prose:
    """A report's prose (as `prose` gives it) and where each of its paragraphs stands,
    in the prose and in the report's text."""

    def __init__(self, report: Report) -> None:
        paragraphs = [p for s in report.sections for p in own_paragraphs(s, report)]
        self.text = "\n".join(p.text for p in paragraphs)
        self.starts = [0]
        for p in paragraphs[:-1]:
            self.starts.append(self.starts[-1] + len(p.text) + 1)
        self.ends = [start + len(p.text) for start, p in zip(self.starts, paragraphs)]
        self.text_starts = [p.span.start for p in paragraphs]

    def paragraph(self, offset: int) -> tuple[int, int, int]:
        """(start, end) in the prose of the paragraph holding an offset, and where it
        starts in the report's text."""
        from bisect import bisect_right

        i = bisect_right(self.starts, offset) - 1
        return self.starts[i], self.ends[i], self.text_starts[i]


def shared_passages(report: Report, other: Report, minimum: int = 20) -> list[tuple[int, int]]:
    """The stretches of this report's prose that the other report also has (after
    masking names and numbers), as (start, end) offsets into this report's text, one
    per paragraph they run through."""
    return [mine for mine, _ in passage_pairs(report, other, minimum)]


def passage_pairs(report: Report, other: Report,
                  minimum: int = 20) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """shared_passages, each with the same stretch in the other report's text (None
    if it holds nothing but what masking and punctuation take out): where a copy's
    passage stands in its original, to show the two side by side."""
    from bisect import bisect_left

    mine, theirs = _Prose(report), _Prose(other)
    a, a_offsets = similarity.normalise(mine.text, report_names(report))
    b, b_offsets = similarity.normalise(theirs.text, report_names(other))

    def their_stretch(j0: int, j1: int, runs_in: bool, runs_on: bool) -> tuple[int, int]:
        """The other's text from its j0-th to its j1-th masked character; as this report's
        stretch does, from just after the character before when the passage runs in from
        the paragraph before, to just before the next when it runs on."""
        start, end = b_offsets[j0], b_offsets[j1] + 1
        first_paragraph, last_paragraph = theirs.paragraph(start), theirs.paragraph(end - 1)
        if runs_in:
            start = max(b_offsets[j0 - 1] + 1, first_paragraph[0])
        if runs_on:
            end = min(b_offsets[j1 + 1], last_paragraph[1])
        return (first_paragraph[2] + start - first_paragraph[0], last_paragraph[2] + end - last_paragraph[0])

    out: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
    for passage in similarity.shared_passages(a, a_offsets, b, b_offsets, minimum):
        # the passage is one run of equal masked characters: the k-th of its characters
        # in this report is the k-th in the other
        first_a, first_b = bisect_left(a_offsets, passage.start), bisect_left(b_offsets, passage.other_start)
        last_a = bisect_left(a_offsets, passage.end) - 1
        position = passage.start
        while position < passage.end:
            prose_start, prose_end, text_start = mine.paragraph(position)
            stop = min(passage.end, prose_end)
            if stop - position >= minimum // 2:
                k0, k1 = bisect_left(a_offsets, position), bisect_left(a_offsets, stop) - 1
                partner = None
                if k0 <= k1:
                    partner = their_stretch(first_b + k0 - first_a, first_b + k1 - first_a,
                                            k0 > first_a, k1 < last_a)
                out.append(((text_start + position - prose_start, text_start + stop - prose_start), partner))
            position = prose_end + 1
    return out
