"""The reports of a folder taken together, without Textual: the rules about other
reports (rule.corpus: carry-over from last year, copied reports, two reports for one
year) and the side-by-side comparison of a report with the report a finding names.

A folder may hold thousands of reports, so what is kept of each is its
`corpus.Digest`, taken when the report is checked, never its parsed Report. The pass
across reports links the digests and runs the corpus rules on each report that has
a counterpart, reading and parsing only those again — as the headless check does
(checker/batch.py). The rules themselves run in the checker: `corpus_context` and
`evaluate`."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass

from nianbao import corpus
from nianbao.api import corpus_context, read_report
from nianbao.corpus import Digest, Links
from nianbao.engine import RuleRunError, evaluate
from nianbao.model import Report, Span, Violation
from nianbao.rules import Rule, RuleSet
from nianbao.text import LineIndex


RECENT_REPORTS = 8  # parsed reports kept during a pass across reports


def link(digests: list[Digest]) -> Links:
    """corpus.link on copies: it writes each digest's body, and the digests kept are
    shared with threads that link again."""
    return corpus.link([dataclasses.replace(d) for d in digests])


def corpus_rules(rules: RuleSet) -> list[Rule]:
    """The rules about other reports: they run only in the pass across reports."""
    return [r for r in rules.rules if r.corpus]


def violations_across(report: Report, links: Links, rules: RuleSet,
                      other_report: Callable[[str], Report | None] | None = None
                      ) -> tuple[list[Violation], list[RuleRunError]]:
    """What the rules about other reports find in one report, given the links.
    `other_report(path)` gives another report (for the passages a copy shares);
    by default it is read again."""
    chosen = corpus_rules(rules)
    if not chosen or not links.has_counterpart(report.path):
        return [], []
    context = corpus_context(report, links, other_report or (lambda other: read_report(other, rules.templates)))
    return evaluate(report, chosen, rules.templates, context)


@dataclass(slots=True)
class AcrossPass:
    """The outcome of one pass across a folder's reports."""

    links: Links
    found: dict[str, list[Violation]]   # path → violations of the corpus rules (linked reports only)


def pass_across(digests: list[Digest], rules: RuleSet,
                cancelled: Callable[[], bool] = lambda: False) -> AcrossPass | None:
    """Link the reports and run the corpus rules on each linked one (None: cancelled).
    The last few reports read are kept: a report's counterpart is most often the same
    body's report for the year before, checked just before it in a folder's order."""
    links = link(digests)
    found: dict[str, list[Violation]] = {}
    if not corpus_rules(rules) or len(digests) < 2:
        return AcrossPass(links, found)
    recent = functools.lru_cache(maxsize=RECENT_REPORTS)(lambda path: read_report(path, rules.templates))
    for d in digests:
        if cancelled():
            return None
        if not links.has_counterpart(d.path):
            continue
        report = recent(d.path)
        if report is None:
            continue
        try:
            found[d.path], _ = violations_across(report, links, rules, recent)
        except Exception:  # a bug must not end the pass; the report's own check says what is wrong
            found[d.path] = []
    return AcrossPass(links, found)


class AcrossReports:
    """A folder's digests and the links of its latest pass across reports. The folder
    screen fills it; a report screen opened from the folder asks it for the findings
    about other reports of the report it shows."""

    def __init__(self) -> None:
        self.digests: dict[str, Digest] = {}
        self.links: Links | None = None

    def remember(self, path: str, digest: Digest | None) -> None:
        if digest is None:
            self.digests.pop(path, None)
        else:
            self.digests[path] = digest

    def violations_for(self, report: Report, rules: RuleSet) -> tuple[list[Violation], list[RuleRunError]]:
        """The corpus rules on a report as it is now: linked again first if it changed
        since the folder's pass (safe to call from a thread)."""
        links = self.links
        if links is None or not corpus_rules(rules):
            return [], []
        fresh = corpus.digest(report.path, report)
        if fresh != self.digests.get(report.path):
            others = [d for path, d in list(self.digests.items()) if path != report.path]
            links = link(others + [fresh])
        return violations_across(report, links, rules)


# ------------------------------------------------------------------------ comparison

@dataclass(slots=True)
class Comparison:
    """Two reports side by side: the marked places on each, and the pairs of places
    that correspond (stepped through together)."""

    kind: str   # passages (shared by a copy and its original) | table (the same table) | title
    this_marks: list[Span]
    other_marks: list[Span]
    pairs: list[tuple[Span, Span | None]]


def compare(report: Report, other: Report, violation: Violation, by_similarity: bool) -> Comparison:
    """What to mark for a finding about another report. A copied report: the passages
    the two share, each paired with the same passage in the other. Otherwise (last
    year's carry-over): the violation's cell beside the same table of the other report,
    its same column marked."""
    if by_similarity:
        mine = sorted({s.start: s for s in [violation.span, *violation.related]}.values(), key=lambda s: s.start)
        index = other.line_index or LineIndex(other.text)
        theirs = [index.span(a, b) for a, b in corpus.shared_passages(other, report)]
        if theirs:
            partners = {a: index.span(*partner) for (a, _), partner in corpus.passage_pairs(report, other) if partner}
            pairs = [(s, partners.get(s.start)) for s in mine]
            return Comparison("passages", mine, theirs, pairs)
    marks = [violation.span, *[s for s in violation.related if s != violation.span]]
    table, column = _table_of(report, violation.span)
    counterpart = other.table(table.template) if table is not None and table.template else None
    if counterpart is not None:
        cells = [c.span for r in counterpart.rows for c in r.cells if column and c.column == column and c.span]
        section = next((s for s in other.sections if any(t is counterpart for t in s.tables)), None)
        return Comparison("table", marks, cells, [(violation.span, section.span if section else counterpart.span)])
    title = other.title.span if other.title else None
    return Comparison("title", marks, [title] if title else [], [(violation.span, title)])


def _table_of(report: Report, span: Span):
    """The table and template column of the cell a span points at (None, None: not a cell)."""
    for table in report.tables:
        if table.span.start <= span.start <= table.span.end:
            for row in table.rows:
                for cell in row.cells:
                    if cell.span and cell.span.start <= span.start < max(cell.span.end, cell.span.start + 1):
                        return table, cell.column
            return table, None
    return None, None
