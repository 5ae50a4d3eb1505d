"""The report model: plain dataclasses that every later stage reads.

Everything a rule can point at carries a `Span`, so a violation can always be shown
beside the line and column it comes from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, NamedTuple


class Span(NamedTuple):
    """A region of the ingested text. Lines and columns are 1-based; the end column is
    exclusive (the column just after the last character), as in SARIF. `start`/`end`
    are code-point offsets into `Source.text`. A named tuple: a report has thousands,
    and a tuple is three times quicker to make than a frozen dataclass."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}

    def __str__(self) -> str:
        return f"{self.line}:{self.column}-{self.end_line}:{self.end_column}"


def make_span(fields: tuple[int, int, int, int, int, int]) -> Span:
    """Span(*fields) without the named tuple's own __new__, a Python function: twice as
    quick, for the places that make a span per cell or per line."""
    return new_tuple(Span, fields)


# make_span(fields) is new_tuple(Span, fields): the loops over cells call it so, without
# make_span's own call
new_tuple = tuple.__new__


@dataclass(slots=True)
class Paragraph:
    """A line of prose, a sub-heading, the title, a document number or a date line."""
    text: str
    span: Span
    kind: str = "text"  # text | subheading | title | doc_number | date


@dataclass(slots=True)
class Cell:
    """One table cell: what was written, what number it is, and why not if it is not."""

    raw: str
    span: Span
    value: Decimal | None = None
    problem: str | None = None  # see the list in cells.py
    unit: str | None = None     # a unit written inside the cell (251000元)
    column: str | None = None   # template column id, once matched
    row: str | None = None      # template row id, once matched


@dataclass(slots=True)
class Row:
    """A row of a table as read: its label, its value cells, and the template row it
    was matched to (None when it matches none)."""

    label: str
    span: Span
    cells: list[Cell]
    template_row: str | None = None
    columns: list[str] = field(default_factory=list)  # column ids the cells map to
    problem: str | None = None  # e.g. "value_count" when the cells cannot be mapped

    def cell(self, column: str) -> Cell | None:
        for c in self.cells:  # a row has at most a few cells
            if c.column == column:
                return c
        return None


@dataclass(slots=True)
class MissingRow:
    """A template row absent from the report; `span` is where it should have been."""

    row: str
    label: str
    span: Span
    block: str | None = None


@dataclass(slots=True)
class TableProblem:
    """What is wrong with a table against its template (the TABLE rules read these)."""
    kind: str       # header_missing | header_mismatch | value_count | unmatched_row | ...
    detail: str
    span: Span
    block: str | None = None  # the block of a blocks-shaped table it concerns, if only one


@dataclass(slots=True)
class Table:
    """A table matched to an official template (or to none)."""

    span: Span
    layout: str                       # cells (one cell per line) | tsv (tab-separated rows)
    template: str | None = None       # template table id, e.g. "applications"
    title: str | None = None          # the template's title, e.g. 收到和处理政府信息公开申请情况
    version: str | None = None        # template version: "2021", "2019", "pre2019"
    version_evidence: list[str] = field(default_factory=list)
    evidence_at: Span | None = None   # where the first of that evidence stands
    section: int | None = None        # number of the section the table sits in
    header: list[Cell] = field(default_factory=list)
    header_confirmed: bool = False
    rows: list[Row] = field(default_factory=list)
    missing: list[MissingRow] = field(default_factory=list)
    extra: list[Row] = field(default_factory=list)  # rows from another template version
    problems: list[TableProblem] = field(default_factory=list)
    # whether its version has column or block labels the other versions lack (section 二's
    # table): read as another version than the year's, its header, value counts and blanks
    # are measured against the wrong columns
    version_columns: bool = False
    _rows_by_id: dict = field(default_factory=dict, repr=False, compare=False)
    _reliable: dict = field(default_factory=dict, repr=False, compare=False)  # block → reliable_for

    @property
    def reliable(self) -> bool:
        """Whether arithmetic on this table's cells may be trusted."""
        return not any(p.kind in UNRELIABLE_PROBLEMS for p in self.problems)

    def reliable_for(self, block: str | None) -> bool:
        """Whether the cells of one block may be trusted (a header that contradicts the
        template in one block says nothing about the others)."""
        key = (block, len(self.problems))  # asked for every cell a rule reads
        found = self._reliable.get(key)
        if found is None:
            found = self._reliable[key] = not any(p.kind in UNRELIABLE_PROBLEMS and p.block in (None, block)
                                                  for p in self.problems)
        return found

    def row(self, row_id: str) -> Row | None:
        if len(self._rows_by_id) != len(self.rows):
            self._rows_by_id.clear()
            self._rows_by_id.update((r.template_row, r) for r in reversed(self.rows))
        return self._rows_by_id.get(row_id)

    def cell(self, row_id: str, column: str) -> Cell | None:
        r = self.row(row_id)
        return r.cell(column) if r else None


UNRELIABLE_PROBLEMS = frozenset({"header_mismatch", "header_unit", "unreadable"})  # (a column in another unit too)


@dataclass(slots=True)
class Section:
    """A top-level section (一、…六、). `number` is the number the heading claims;
    `canonical` the official section it was matched to (1–6), if any."""

    number: int | None
    heading: str
    span: Span
    title: str
    canonical: int | None = None
    # exact | article | wording (meaning kept) | variant | fuzzy | none; untitled: no heading at
    # all, the section known by its items (span: the first item's line)
    title_match: str = "none"
    numbering: str = "cjk"     # cjk (三、) | arabic (3、: auto-numbering noise)
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    body_span: Span | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(slots=True)
class Fact:
    """A value found in the text, with where it was found."""

    kind: str
    value: object
    span: Span
    raw: str = ""


@dataclass(slots=True)
class LostTable:
    """A statistics table whose labels stand in the text one per line, with nothing
    (no TAB, no bar between cells) to tell its cells and rows apart, as when a table is
    copied from a web page as plain text; or a page's picture of it (`image`, its file's
    name where the table should be): there, but not readable."""

    template: str
    title: str
    span: Span
    labels: int  # how many of the template's own labels stand as lines
    image: bool = False
    # the format its labels show, where they show one (2019: labels only that format has,
    # none only the other has), the labels that show it, and where the first stands
    version: str | None = None
    evidence: tuple[str, ...] = ()
    evidence_at: Span | None = None


@dataclass(slots=True)
class Issuer:
    """The body a report is of, and where that was read."""
    name: str
    kind: str   # township | subdistrict | county_gov | city_gov | province_gov | department | committee | unknown
    span: Span | None
    source: str  # title | signature | cover_letter | text


@dataclass(slots=True)
class Period:
    """The period a report covers, as written."""
    start: dt.date | None
    end: dt.date | None
    span: Span
    raw: str


@dataclass(slots=True)
class Report:
    """A report as read: its text, front matter, sections, tables and facts."""
    path: str
    text: str
    encoding: str
    title: Paragraph | None
    year: int | None
    year_source: str | None
    issuer: Issuer | None             # the body the report is of, from every place that names it
    period: Period | None
    periods: list[Period]
    contacts: list[Fact]
    dates: list[Fact]                 # every date written in the report
    publication_date: Fact | None     # signature or cover-letter date
    preamble: list[Paragraph]         # cover letter before the title, if any
    intro: list[Paragraph]            # text between the title and the first section
    sections: list[Section]
    tables: list[Table]
    origin: list[str] | None = None   # per line: where it came from in the original file
    original_text: str | None = None  # the text as the document has it, when `text` closed up spaced-out characters
    notes: list = field(default_factory=list)  # what the reader repaired (Source.notes: i18n.Message)
    title_issuer: Issuer | None = None  # the body its title names
    signed_by: Issuer | None = None     # the body its signature names
    line_index: object = field(default=None, repr=False, compare=False)  # the text.LineIndex of `text`
    layout_lost: bool = False         # headings run together on a line: the structure was lost
    tables_not_in_text: bool = False  # sections 二–四 headings alone, their tables nowhere: a page's pictures?
    lost_tables: list[LostTable] = field(default_factory=list)  # tables there, but not readable
    dated_month: Fact | None = None   # a date to the month only (2018年3月), under the title or the signature, when no full date is given
    own_date: Fact | None = None      # the date the report itself gives (signature, cover letter, under the title) when the page's date is taken as its publication

    @property
    def template(self) -> str | None:
        """The table template the report's tables follow, judged per table."""
        versions = {t.version for t in self.tables if t.version}
        if not versions:
            return None
        if len(versions) == 1:
            return versions.pop()
        return "mixed"

    def section(self, canonical: int) -> Section | None:
        for s in self.sections:
            if s.canonical == canonical:
                return s
        return None

    def table(self, template: str) -> Table | None:
        for t in self.tables:
            if t.template == template:
                return t
        return None


@dataclass(slots=True, eq=False)
class Violation:
    """One finding of one rule: where it is, how bad, and what to tell the reviewer
    (in each language). `related` are further places that take part, such as every
    cell of a sum that does not add up; `other` is the path of another report the
    finding is about (the report this one copies, last year's report).

    `messages` holds the messages rendered so far; `render` renders one in another
    language when asked (the engine leaves each to be rendered when shown: a check
    shows one language). Read them with message(); a violation is compared, copied
    and sent to another process with every message rendered."""

    rule: str
    severity: str
    title: str
    span: Span
    messages: dict[str, str]
    related: list[Span] = field(default_factory=list)
    other: str | None = None
    render: Callable[[str], str | None] | None = field(default=None, repr=False)

    def message(self, lang: str = "zh") -> str:
        return self.rendered(lang) or self.rendered("zh")

    def rendered(self, lang: str) -> str | None:
        """The message in that language, None if the violation has none in it."""
        text = self.messages.get(lang)
        if text is None and self.render is not None:
            text = self.render(lang)
            if text is not None:
                self.messages[lang] = text
        return text

    def languages(self) -> tuple[str, ...]:
        more = getattr(self.render, "languages", ())
        return tuple(self.messages) + tuple(lang for lang in more if lang not in self.messages)

    def all_messages(self) -> dict[str, str]:
        return {lang: text for lang in self.languages() if (text := self.rendered(lang)) is not None}

    def __eq__(self, other) -> bool:
        if not isinstance(other, Violation):
            return NotImplemented
        return (self.rule, self.severity, self.title, self.span, self.all_messages(), self.related, self.other) == \
            (other.rule, other.severity, other.title, other.span, other.all_messages(), other.related, other.other)

    __hash__ = None  # type: ignore[assignment]  (mutable, as before)

    def __reduce__(self):
        return (Violation, (self.rule, self.severity, self.title, self.span, self.all_messages(),
                            self.related, self.other))

    @property
    def order(self) -> tuple[int, int, str]:
        """The order findings are listed in: as they stand in the text, then by rule."""
        return (self.span.start, self.span.end, self.rule)
