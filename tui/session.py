"""What the TUI knows, without Textual: the rule set in force and how it reloads, the
reports of a folder and their one-line summaries (also by body and year), the
violation filters, and where a span falls on the lines of the source. Everything here is plain Python, so it can be
tested and reused without a terminal; the checking itself is `nianbao.api.check`."""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.cells import cell_len

from nianbao.api import CheckResult
from nianbao.corpus import group_reports, one_per_report, opening, same_reports, text_key
from nianbao.ingest import is_report_file
from nianbao.model import Span, Violation
from nianbao.rules import RuleError, RuleSet, load_rules, rule_files

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def family(rule_id: str) -> str:
    return rule_id.split("-", 1)[0]


# ----------------------------------------------------------------------------- rules

Snapshot = dict[str, tuple[int, int]]


class RuleWatcher:
    """The rule set in force, and the rule files it came from.

    A reload that gives errors keeps the last clean rule set in force (the errors are
    shown); while no clean set has been loaded yet, the newest partial set is used (a
    broken file's rules are missing from it, the rest work)."""

    def __init__(self, extra_dirs: list[Path] | tuple = (), bundled: bool = True) -> None:
        self.extra_dirs = [Path(d) for d in extra_dirs]
        self.bundled = bundled
        self.rules: RuleSet | None = None
        self.errors: list[RuleError] = []   # of the latest load
        self.clean = False                  # the set in force loaded without errors
        self.kept_previous = False          # the latest load failed and an older set is in force
        self.generation = 0                 # bumped whenever the set in force changes
        self.snapshot: Snapshot = {}

    def directories(self) -> list[Path]:
        if self.rules is not None:
            return list(self.rules.directories)
        from nianbao.rules import bundled_rules_dir

        return ([bundled_rules_dir()] if self.bundled else []) + self.extra_dirs

    def take_snapshot(self) -> Snapshot:
        snap: Snapshot = {}
        for d in self.directories():
            try:
                files = rule_files(d) if d.is_dir() else []
            except OSError:
                files = []
            for f in files:
                try:
                    st = f.stat()
                except OSError:
                    continue
                snap[str(f)] = (st.st_mtime_ns, st.st_size)
        return snap

    def changed(self) -> bool:
        return self.take_snapshot() != self.snapshot

    def load_fresh(self) -> tuple[RuleSet, Snapshot]:
        """Load the rule files as they are now (safe to call from a thread)."""
        snap = self.take_snapshot()
        return load_rules(self.extra_dirs, include_bundled=self.bundled), snap

    def apply(self, rules: RuleSet, snap: Snapshot) -> bool:
        """Adopt a freshly loaded set, unless it has errors and a clean set is in force.
        Returns whether the set in force changed."""
        self.snapshot = snap
        self.errors = list(rules.errors)
        if rules.errors and self.clean and self.rules is not None:
            self.kept_previous = True
            return False
        self.rules = rules
        self.clean = not rules.errors
        self.kept_previous = False
        self.generation += 1
        return True

    def load(self) -> bool:
        return self.apply(*self.load_fresh())


# ----------------------------------------------------------------------------- folder

def list_reports(folder: Path) -> list[Path]:
    """The report files under a folder (recursively), in a stable order."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root, name)
            if is_report_file(p):
                out.append(p)
    return out


@dataclass(slots=True)
class Summary:
    """One line of the folder list. Its counts add what the report's check alone found
    and what the rules about other reports found (after the folder's pass across them)."""

    path: str
    name: str
    issuer: str | None = None
    year: int | None = None
    template: str | None = None
    alone: dict[str, int] | None = None   # violations by severity, the report checked alone
    across: dict[str, int] = field(default_factory=dict)  # by the rules about other reports
    problem: str | None = None   # why the file could not be checked
    generation: int = -1         # rule generation the counts come from (-1: not checked)
    stamp: tuple[int, int] | None = None  # (mtime_ns, size) of the file when it was checked
    text_key: str | None = None  # corpus.text_key: the same for one report saved in several formats
    opening: str = ""  # corpus.opening: where it names its place (one body under its varying names)

    @property
    def checked(self) -> bool:
        return self.generation >= 0

    def count(self, severity: str) -> int | None:
        if self.alone is None:
            return None
        return self.alone.get(severity, 0) + self.across.get(severity, 0)

    @property
    def errors(self) -> int | None:
        return self.count("error")

    @property
    def warnings(self) -> int | None:
        return self.count("warning")

    @property
    def infos(self) -> int | None:
        return self.count("info")


def file_stamp(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def severity_counts(violations: list[Violation]) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for v in violations:
        counts[v.severity] = counts.get(v.severity, 0) + 1
    return counts


def summarize(result: CheckResult, summary: Summary, generation: int, lang: str,
              stamp: tuple[int, int] | None = None) -> Summary:
    summary.generation = generation
    summary.stamp = stamp
    if result.error is not None:
        summary.problem = result.error.render(lang)
        summary.alone = None
        summary.text_key = None
        summary.opening = ""
        return summary
    summary.problem = None
    report = result.report
    if report is not None:
        summary.issuer = report.issuer.name if report.issuer else None
        summary.year = report.year
        summary.template = report.template
        summary.text_key = text_key(report.text)
        summary.opening = opening(report)
    summary.alone = severity_counts(result.violations)
    return summary


SORT_COLUMNS = ("issuer", "year", "template", "errors", "warnings", "infos", "file")
COUNT_COLUMNS = ("errors", "warnings", "infos")  # sorted most first
_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple:
    """A file name as people sort it: the numbers in it by value (report_2 before
    report_10), the rest ignoring case."""
    parts = _DIGITS.split(name.lower())
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


def sort_summaries(items: list[Summary], column: str, reverse: bool) -> list[Summary]:
    if column == "file":
        return _sorted(items, lambda s: natural_key(s.name), reverse, lambda s: s.path)
    return _sorted(items, lambda s: getattr(s, column), reverse, lambda s: s.path)


# ----------------------------------------------------------------------------- names that fit

def shorten_apart(names: list[str], width: int) -> dict[str, str]:
    """Each name that is wider than `width` cells cut in the middle (…), keeping what
    tells it apart from the other names: of the ways to keep a start and an end, the one
    closest to even whose kept start and end no other name shares (when there is one).
    `docx/2019_cells_clean.docx` beside `docx/2019_tsv_clean.docx` and
    `docx/2019_cells_noisy.docx` becomes `docx…s_clean.docx`, not `docx/2019_…lean.docx`."""
    ordered = sorted(set(names))
    stretches: dict[tuple[int, int], Counter] = {}
    out: dict[str, str] = {}
    for name in names:
        if name in out:
            continue
        if cell_len(name) <= width:
            out[name] = name
            continue
        out[name] = _shorten(name, max(width - 1, 2), ordered, stretches)
    return out


def _shorten(name: str, room: int, ordered: list[str], stretches: dict[tuple[int, int], Counter]) -> str:
    """`stretches` counts, for a (start, end), how many names hold each text there: made
    once for all the names, as comparing each name with every other one at every start
    took 30 s for 2,000 names that differ only in the middle."""
    splits = []   # (head chars, tail chars) using the room, from all head to all tail
    tail_cells, t = 0, 0
    while True:
        head_chars, head_cells = 0, 0
        while head_chars < len(name) - t and head_cells + cell_len(name[head_chars]) + tail_cells <= room:
            head_cells += cell_len(name[head_chars])
            head_chars += 1
        splits.append((head_chars, t, abs(head_cells - tail_cells)))
        if t >= len(name) or tail_cells + cell_len(name[len(name) - t - 1]) > room:
            break
        t += 1
        tail_cells += cell_len(name[len(name) - t])
    for head, tail, _ in sorted(splits, key=lambda split: split[2]):
        if not _shared(name, name[:head], name[len(name) - tail:], ordered):
            return name[:head] + "…" + name[len(name) - tail:]
    # what tells it apart is in the middle: a stretch of it between two ellipses that no
    # other name has at the same place, starting where a part of the name starts (after
    # / _ - . or a space) if one can, else the one nearest the end
    found = []
    for start in range(len(name) - 1, 0, -1):
        end, cells = start, 0
        while end < len(name) and cells + cell_len(name[end]) <= room - 1:
            cells += cell_len(name[end])
            end += 1
        if end == len(name):
            continue
        stretch = name[start:end]
        counts = stretches.get((start, end))
        if counts is None:
            counts = stretches[start, end] = Counter(other[start:end] for other in ordered)
        if counts[stretch] == 1:   # this name's own
            found.append((name[start - 1] not in "/_-. ", -start, stretch))
    if found:
        return "…" + min(found)[2] + "…"
    head, tail = min(splits, key=lambda split: split[2])[:2]
    return name[:head] + "…" + name[len(name) - tail:]


def _shared(name: str, head: str, tail: str, ordered: list[str]) -> bool:
    """Whether another name starts with `head` and ends with `tail`."""
    from bisect import bisect_left

    i = bisect_left(ordered, head)
    while i < len(ordered) and ordered[i].startswith(head):
        other = ordered[i]
        if other != name and other.endswith(tail) and len(other) >= len(head) + len(tail):
            return True
        i += 1
    return False


def _sorted(items: list, value, reverse: bool, tiebreak) -> list:
    """Sorted by `value`, ties by `tiebreak`; unknown values last, whichever the direction."""
    known = [x for x in items if value(x) is not None]
    unknown = [x for x in items if value(x) is None]
    known.sort(key=lambda x: (value(x), tiebreak(x)), reverse=reverse)
    unknown.sort(key=tiebreak)
    return known + unknown


def matches_query(s: Summary, query: str) -> bool:
    return _matches(query, s.name, s.path, s.issuer or "", s.year or "", s.template or "")


def _matches(query: str, *fields: object) -> bool:
    q = query.strip().lower()
    if not q:
        return True
    hay = " ".join(str(x) for x in fields).lower()
    return all(part in hay for part in q.split())


# ----------------------------------------------------------------------------- bodies and years

@dataclass(slots=True)
class BodyYear:
    """One line of the overview: a body's reports for one year, with their counts
    summed, and the names in the reports that were taken as this one body."""

    body: str
    year: int
    names: list[str]
    paths: list[str]
    errors: int
    warnings: int
    infos: int
    n_reports: int | None = None   # reports, one saved in several formats counted once (None: one per path)

    @property
    def reports(self) -> int:
        return len(self.paths) if self.n_reports is None else self.n_reports


BODY_SORT_COLUMNS = ("body", "year", "reports", "errors", "warnings", "infos")


def body_years(summaries: list[Summary]) -> list[BodyYear]:
    """The checked reports by body (corpus.group_reports: one body under its varying
    names) and year. One report saved in several formats counts once (the counts of
    its first file); its files are all listed."""
    by_path = {s.path: s for s in summaries if s.checked and s.alone is not None}
    groups = group_reports([(s.path, s.issuer, s.year, s.opening) for s in by_path.values()])
    same = same_reports([(s.path, s.text_key) for s in by_path.values()])
    out = []
    for key, group in groups.items():
        by_year: dict[int, list[str]] = {}
        for member in group.members:
            by_year.setdefault(member.year, []).append(member.path)
        for year, paths in by_year.items():
            counted = [by_path[p] for p in one_per_report(paths, same)]
            out.append(BodyYear(key, year, sorted(group.names), sorted(paths),
                                *(sum(s.count(sev) or 0 for s in counted) for sev in SEVERITIES),
                                n_reports=len(counted)))
    return out


def sort_body_years(items: list[BodyYear], column: str, reverse: bool) -> list[BodyYear]:
    return _sorted(items, lambda b: getattr(b, column), reverse, lambda b: (b.body, b.year))


def body_matches_query(b: BodyYear, query: str) -> bool:
    return _matches(query, b.body, b.year, *b.names)


# ----------------------------------------------------------------------------- violations

@dataclass(slots=True)
class Filters:
    """Which violations are shown. Kept by the app, so they carry from one report to
    the next while walking a folder."""

    severities: set[str] = field(default_factory=lambda: set(SEVERITIES))
    families: set[str] = field(default_factory=set)   # empty: every family

    def accepts(self, v: Violation) -> bool:
        return v.severity in self.severities and (not self.families or family(v.rule) in self.families)

    @property
    def active(self) -> bool:
        return self.severities != set(SEVERITIES) or bool(self.families)

    def clear(self) -> None:
        self.severities = set(SEVERITIES)
        self.families = set()

    def toggle_severity(self, sev: str) -> None:
        if sev in self.severities:
            self.severities.discard(sev)
        else:
            self.severities.add(sev)

    def only_family(self, fam: str | None) -> None:
        self.families = {fam} if fam else set()


def selection_key(v: Violation) -> tuple[str, int, int]:
    return (v.rule, v.span.line, v.span.column)


def find_selection(visible: list[Violation], key: tuple[str, int, int] | None) -> int | None:
    """The index of the violation that matches a kept selection: same rule and line
    (and column, when several match)."""
    if key is None:
        return None
    rule, line, column = key
    same = [i for i, v in enumerate(visible) if v.rule == rule and v.span.line == line]
    if not same:
        return None
    for i in same:
        if visible[i].span.column == column:
            return i
    return same[0]


def next_index(visible: list[Violation], current: int | None, step: int, cursor_line: int | None = None) -> int | None:
    """The violation after (step=1) or before (step=-1) the current one, wrapping. With
    `cursor_line` (1-based; moving from the source pane), the first violation after or
    before that line instead."""
    if not visible:
        return None
    n = len(visible)
    if cursor_line is not None:
        if step > 0:
            after = [i for i, v in enumerate(visible)
                     if v.span.line > cursor_line or (v.span.line == cursor_line and current is not None and i > current)]
            return after[0] if after else 0
        before = [i for i, v in enumerate(visible)
                  if v.span.line < cursor_line or (v.span.line == cursor_line and current is not None and i < current)]
        return before[-1] if before else n - 1
    if current is None:
        return 0 if step > 0 else n - 1
    return (current + step) % n


# ----------------------------------------------------------------------------- spans on lines

def line_pieces(span: Span, line_lengths: list[int]) -> list[tuple[int, int, int]]:
    """A span cut into (row, start, end) pieces, 0-based rows and code-point columns,
    one per line it covers. An empty span marks one character (or the line end)."""
    out = []
    last = len(line_lengths) - 1
    if last < 0:
        return out
    first_row = min(max(span.line - 1, 0), last)
    end_row = min(max(span.end_line - 1, first_row), last)
    for row in range(first_row, end_row + 1):
        length = line_lengths[row]
        start = span.column - 1 if row == first_row else 0
        end = span.end_column - 1 if row == end_row else length
        start = min(max(start, 0), length)
        end = min(max(end, start), length)
        if end == start:
            end = min(start + 1, max(length, start + 1))
        out.append((row, start, end))
    return out


# Characters Python's str.splitlines() breaks on besides "\n": the TextArea would cut
# the line there and every later line number would be off. Show them as visible
# one-column stand-ins instead, so columns stay where the checker put them.
# Other control characters would render as nothing and shift the columns after them.
_SPLITTERS = {chr(c): chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_SPLITTERS.update({"\x7f": "␡", "\x85": "⏎", "\u2028": "⏎", "\u2029": "¶"})
_DISPLAY = str.maketrans(_SPLITTERS)


def display_text(text: str) -> str:
    """The report text as the source pane shows it: same lines, same columns."""
    return text.translate(_DISPLAY)


def display_lines(text: str) -> list[str]:
    return display_text(text).split("\n")
