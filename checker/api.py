"""The public API: check a report file (or text) against a rule set.

    from nianbao import check, load_rules
    result = check("report.txt")
    for v in result.violations:
        print(v.span.line, v.rule, v.message("en"))
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from .engine import RuleRunError, evaluate
from .expr import Corpus, Match, SimilarReport
from .ingest import IngestError, Source, plain_text, read_source
from .model import Report, Violation
from .parse import academy_report, looks_like_report, parse, school_year_report
from .rules import Example, Rule, RuleSet, load_rules
from .text import LineIndex

if TYPE_CHECKING:  # (a check of one report does without the rules about other reports)
    from .corpus import Links


@dataclass(slots=True)
class CheckResult:
    """What checking one file gives: its report and violations, or why it could not be read."""

    path: str
    report: Report | None
    violations: list[Violation] = field(default_factory=list)
    error: IngestError | None = None
    rule_errors: list[RuleRunError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def check(target: str | os.PathLike[str] | Source, rules: RuleSet | None = None, *,
          select: list[str] | tuple = (), ignore: list[str] | tuple = ()) -> CheckResult:
    """Read, parse and check one report. A file that cannot be read gives a result
    with `error` set and no violations; it never raises for bad input."""
    rules = rules or default_rules()
    if isinstance(target, Source):
        source = target
    else:
        try:
            source = read_source(target)
        except IngestError as e:
            return CheckResult(str(target), None, error=e)
        except Exception as e:  # a reader's bug, as below: this file's error, not a traceback
            return CheckResult(str(target), None, error=IngestError("check.internal", error=f"{type(e).__name__}: {e}"))
    try:
        report = parse(source, rules.templates)
        if not looks_like_report(report):
            return CheckResult(source.path, None, error=IngestError("check.not_a_report"))
        if school_year_report(report):
            return CheckResult(source.path, None, error=IngestError("check.school_year_report"))
        if academy_report(report):
            return CheckResult(source.path, None, error=IngestError("check.academy_report"))
        violations, errors = evaluate(report, rules.selected(select, ignore), rules.templates)
    except Exception as e:  # a bug must not stop a batch of thousands: report it for this file
        return CheckResult(source.path, None, error=IngestError("check.internal", error=f"{type(e).__name__}: {e}"))
    return CheckResult(source.path, report, violations, None, errors)


def read_report(path: str | os.PathLike[str], templates) -> Report | None:
    """Read and parse a report (None: it cannot be read), as the rules about other
    reports need the other report, parsed again."""
    try:
        return parse(read_source(path), templates)
    except IngestError:
        return None


def check_many(targets: list, rules: RuleSet | None = None, *, select: list[str] | tuple = (),
               ignore: list[str] | tuple = ()) -> list[CheckResult]:
    """Check several reports, each alone and then against each other: the rules about
    the same body's previous report and about copied reports (rule.corpus) run here."""
    rules = rules or default_rules()
    results = [check(t, rules, select=select, ignore=ignore) for t in targets]
    chosen = [r for r in rules.selected(select, ignore) if r.corpus]
    if not chosen or len(results) < 2:
        return results
    from . import corpus

    reports = {r.path: r.report for r in results if r.report is not None}
    links = corpus.link([corpus.digest(path, report) for path, report in reports.items()])
    for result in results:
        if result.report is None:
            continue
        context = corpus_context(result.report, links, reports.get)
        found, errors = evaluate(result.report, chosen, rules.templates, context)
        result.violations = sorted(result.violations + found, key=lambda v: v.order)
        result.rule_errors += errors
    return results


def corpus_context(report: Report, links: Links, other_report) -> Corpus:
    """What the rules about other reports need for one report. `other_report(path)`
    gives another report of the set (parsed again if need be), for shared passages."""
    from . import corpus

    previous = links.previous.get(report.path)
    similar = None
    best = links.similar.get(report.path)
    if best is not None:
        found: list[Match] | None = None

        def passages(best=best) -> list[Match]:
            """Worked out once: a rule asks for a report's passages twice (where its
            finding is, and what to show with it), and each costs a diff of two texts."""
            nonlocal found
            if found is None:
                other = other_report(best.path)
                index = report.line_index or LineIndex(report.text)
                found = [] if other is None else [Match(report.text[a:b], index.span(a, b))
                                                  for a, b in corpus.shared_passages(report, other)]
            return list(found)

        similar = SimilarReport(best.path, Decimal(str(round(best.score, 3))), best.issuer,
                                Decimal(best.year) if best.year else None, best.same_body, passages)
    return Corpus(previous=corpus.previous_report(previous) if previous else None,
                  same_year=[d.path for d in links.same_year.get(report.path, [])], similar=similar,
                  same_report=list(links.same_report.get(report.path, [])))


def check_text(text: str, path: str = "<text>", rules: RuleSet | None = None, **kw) -> CheckResult:
    return check(plain_text(path, text), rules, **kw)


_DEFAULT: RuleSet | None = None


def default_rules() -> RuleSet:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_rules()
    return _DEFAULT


# ---------------------------------------------------------------------- rule examples

def _example_source(text: str | None, file, path: str) -> Source:
    if file is not None:
        return read_source(file)
    return plain_text(path, text or "")


@dataclass(slots=True)
class ExampleResult:
    """Whether a rule gave, on one of its examples, what the example says it should."""

    rule: Rule
    example: Example
    passed: bool
    detail: str


def run_examples(rule: Rule, rules: RuleSet) -> list[ExampleResult]:
    """Run one rule on each of its examples: a `pass` example must give no violation,
    a `fail` example at least one (exactly `count`, on `lines`, when given)."""
    out = []
    for ex in rule.examples:
        where = f"{rule.file}:{ex.line}"
        try:
            sources = [_example_source(text, file, f"{where}#{i}")
                       for i, (text, file) in enumerate([(ex.text, ex.file)] + ex.others)]
        except IngestError as e:
            out.append(ExampleResult(rule, ex, False, f"{where}: cannot read an example file: {e.render('en')}"))
            continue
        subset = RuleSet([rule], [], rules.templates, rules.directories)
        result = check_many(sources, subset)[0] if rule.corpus else check(sources[0], subset)
        found, errors = result.violations, result.rule_errors
        lines = sorted(v.span.line for v in found)
        if result.error is not None:  # (an example that is not checked must not pass as clean)
            out.append(ExampleResult(rule, ex, False, f"{where}: the example was not checked: {result.error.render('en')}"))
        elif errors:
            out.append(ExampleResult(rule, ex, False, f"{where}: the rule failed to run: {errors[0].message}"))
        elif not ex.expect_fail:
            detail = "" if not found else f"{where}: expected no violation, got {len(found)} (lines {lines}): " \
                                          f"{found[0].message('en')}"
            out.append(ExampleResult(rule, ex, not found, detail))
        else:
            problems = []
            if not found:
                problems.append("expected a violation, got none")
            if ex.count is not None and len(found) != ex.count:
                problems.append(f"expected {ex.count} violation(s), got {len(found)}")
            if ex.lines is not None and lines != sorted(ex.lines):
                problems.append(f"expected lines {sorted(ex.lines)}, got {lines}")
            out.append(ExampleResult(rule, ex, not problems, f"{where}: " + "; ".join(problems) if problems else ""))
    return out


__all__ = ["check", "check_many", "corpus_context", "check_text", "CheckResult", "default_rules", "load_rules", "run_examples", "ExampleResult"]
