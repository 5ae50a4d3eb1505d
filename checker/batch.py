"""Checking many reports: which files a command line names, and checking them on
every core with the results in a stable order.

A worker sends back a `FileResult`, not the parsed `Report`: only what the outputs
print (the violations, the text each points at, the report's year, template, regime
and issuing body), so a batch of thousands moves little data between processes.
"""

from __future__ import annotations

import functools
import gc
import glob
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus
from .api import CheckResult, check, corpus_context, read_report
from .config import LANGS
from .corpus import Digest
from .engine import RuleRunError, evaluate
from .ingest import IngestError, is_report_file
from .model import Violation
from .regimes import regime_for
from .rules import RuleSet, load_rules

EXCERPT_CHARS = 200
RECENT_REPORTS = 8  # parsed reports a process keeps during the second pass
NOTHING_FOUND = {"zh": "没有找到报告文件", "en": "no report files found"}


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check, or a folder or glob on the command line that named no report."""

    path: str
    nothing_found: bool = False


@dataclass(slots=True)
class Finding:
    """A violation and the text at its span: what a baseline recognises it by after
    lines above it moved."""

    violation: Violation
    excerpt: str


@dataclass(slots=True)
class FileResult:
    """What the outputs need to know about one checked (or unreadable) file."""

    path: str
    error_code: str | None = None
    error: dict[str, str] | None = None  # the error line, by language
    year: int | None = None
    template: str | None = None
    regime: str | None = None
    issuer: str | None = None
    issuer_kind: str | None = None
    encoding: str | None = None
    findings: list[Finding] = field(default_factory=list)
    rule_errors: list[RuleRunError] = field(default_factory=list)
    known: int = 0  # findings left out because the baseline lists them
    digest: Digest | None = None  # for the rules about other reports; dropped once used
    text_key: str | None = None  # corpus.text_key: equal for the same report in several formats

    @property
    def ok(self) -> bool:
        return self.error is None

    def error_text(self, lang: str) -> str:
        return self.error[lang] if self.error else ""


@dataclass(frozen=True, slots=True)
class RuleChoice:
    """Which rules a run uses: enough to load the same rules again in a worker."""

    rule_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


# ------------------------------------------------------------------------ targets

def expand(paths: Iterable[str]) -> list[Target]:
    """Files to check in a stable order: a folder's report files sorted (hidden
    files and folders skipped), a glob's matches sorted, a plain path as given (so a
    missing file is reported as missing). A folder or glob that names no report
    becomes a `nothing_found` target, at the place it was named."""
    targets: list[Target] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        path = os.path.normpath(path)
        if path not in seen:
            seen.add(path)
            targets.append(Target(path))

    for raw in paths:
        if os.path.isdir(raw):
            found = _report_files_under(raw)
        elif glob.has_magic(raw) and not os.path.exists(raw):
            found = sorted(f for f in glob.glob(raw, recursive=True)
                           if os.path.isfile(f) and is_report_file(Path(f)))
        else:
            add(raw)
            continue
        if not found:
            targets.append(Target(raw, nothing_found=True))
        for path in found:
            add(path)
    return targets


def _report_files_under(folder: str) -> list[str]:
    found = []
    for directory, subdirs, files in os.walk(folder):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        found.extend(os.path.join(directory, f) for f in files if is_report_file(Path(f)))
    return sorted(found)


# ------------------------------------------------------------------------ checking

def settle_collector() -> None:
    """Before a run of many reports, once the rules are loaded: what is loaded lives as
    long as the process, so the cyclic garbage collector stops scanning it (gc.freeze);
    and it runs after 20,000 new objects rather than 700, since reference counting
    frees nearly everything a report leaves behind. About 10 % more reports a second."""
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


class Checker:
    """Checks one file at a time against rules loaded once. With `across` set (a check
    of several files, with rules about other reports selected), each result also
    carries the file's Digest for the second pass."""

    def __init__(self, rules: RuleSet, choice: RuleChoice) -> None:
        self.rules = rules
        self.choice = choice
        self.across = False
        self.corpus_rules = [r for r in rules.selected(choice.select, choice.ignore) if r.corpus]
        # the second pass reads a report again and, for a copied one, the report it
        # resembles, most often the same body's of the year before, read a moment ago
        self.recent = functools.lru_cache(maxsize=RECENT_REPORTS)(lambda path: read_report(path, rules.templates))

    @classmethod
    def load(cls, choice: RuleChoice) -> Checker:
        return cls(load_rules([Path(d) for d in choice.rule_dirs]), choice)

    def __call__(self, path: str) -> FileResult:
        try:
            result = check(path, self.rules, select=self.choice.select, ignore=self.choice.ignore)
        except Exception as e:  # a reader's bug must not end a batch of thousands
            result = CheckResult(path, None, error=IngestError("check.internal", error=f"{type(e).__name__}: {e}"))
        if result.error is not None:
            return FileResult(path, error_code=result.error.msg.key,
                              error={lang: result.error.render(lang) for lang in LANGS})
        report = result.report
        return FileResult(
            path=path, year=report.year, template=report.template, regime=regime_for(report.year),
            issuer=report.issuer.name if report.issuer else None,
            issuer_kind=report.issuer.kind if report.issuer else None,
            encoding=report.encoding,
            findings=_findings(report.text, result.violations),
            rule_errors=result.rule_errors,
            digest=corpus.digest(path, report) if self.across else None,
            text_key=corpus.text_key(report.text))

    def across_reports(self, path: str, context: CorpusLinks) -> tuple[list[Finding], list[RuleRunError]]:
        """The second pass for one file: the rules about other reports, with what the
        first pass learnt about the others (the file is read and parsed again: keeping
        thousands of parsed reports would cost more; the last few are kept)."""
        try:
            report = self.recent(path)
            if report is None:
                return [], []
            context_for = corpus_context(report, context.links, self.recent)
            violations, errors = evaluate(report, self.corpus_rules, self.rules.templates, context_for)
        except Exception:  # the first pass already reported what was wrong with this file
            return [], []
        return _findings(report.text, violations), errors


@dataclass(frozen=True, slots=True)
class CorpusLinks:
    """What the second pass needs of the first: how the reports hang together."""

    links: corpus.Links


def _findings(text: str, violations: list[Violation]) -> list[Finding]:
    return [Finding(v, text[v.span.start:min(v.span.end, v.span.start + EXCERPT_CHARS)]) for v in violations]


def check_all(targets: list[Target], checker: Checker, jobs: int,
              progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """One result per target, in the targets' order whatever order the workers finish
    in. With one file or one job everything runs in this process. Then, when several
    reports were checked and rules about other reports are selected, a second pass
    runs those rules on the reports that have a counterpart in the set."""
    files = [t.path for t in targets if not t.nothing_found]
    checker.across = len(files) > 1 and bool(checker.corpus_rules)
    checked = iter(_check_files(files, checker, jobs))
    results = []
    for target in targets:
        if target.nothing_found:
            results.append(FileResult(target.path, error_code="check.nothing_found", error=dict(NOTHING_FOUND)))
        else:
            results.append(next(checked))
        if progress:
            progress(1)
    if checker.across:
        _across_reports(results, checker, jobs)
    return results


def _across_reports(results: list[FileResult], checker: Checker, jobs: int) -> None:
    digests = [r.digest for r in results if r.digest is not None]
    links = corpus.link(digests)
    involved = [r for r in results if r.digest is not None and links.has_counterpart(r.path)]
    # a body's reports one after another, year by year: a report copied from the year
    # before is read with its original (for the passages they share), and the original
    # was then most often just read, which Checker.recent keeps; a folder per year would
    # put a whole year of reports between the two
    involved.sort(key=lambda r: (r.digest.body or "", r.digest.year or 0))
    for r in results:
        r.digest = None
    context = CorpusLinks(links)
    for result, (found, errors) in zip(involved, _map(checker, "across", [(r.path, context) for r in involved], jobs)):
        result.findings = sorted(result.findings + found, key=lambda f: f.violation.order)
        result.rule_errors += errors


def _check_files(files: list[str], checker: Checker, jobs: int) -> Iterator[FileResult]:
    return _map(checker, "check", files, jobs)


def _map(checker: Checker, task: str, items: list, jobs: int) -> Iterator:
    """checker's `task` over items, on up to `jobs` processes, results in order."""
    if jobs <= 1 or len(items) <= 1:
        return iter([_run(checker, task, item) for item in items]) if task == "across" else map(checker, items)
    return _pooled(checker, task, items, jobs)


def _run(checker: Checker, task: str, item):
    return checker.across_reports(*item) if task == "across" else checker(item)


def _pooled(checker: Checker, task: str, items: list, jobs: int) -> Iterator:
    from concurrent.futures import ProcessPoolExecutor

    global _worker_checker
    _worker_checker = checker  # a forked worker inherits it and loads nothing
    jobs = min(jobs, len(items))
    chunk = max(1, min(64, len(items) // (jobs * 8)))
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(checker.choice, checker.across))
    try:
        yield from pool.map(_in_worker, [task] * len(items), items, chunksize=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_worker_checker: Checker | None = None


def _start_worker(choice: RuleChoice, across: bool) -> None:
    """Worker start-up: load the rules once, unless inherited from the parent (fork).
    Ctrl-C is the parent's to handle; workers ignore it rather than each printing a
    traceback."""
    global _worker_checker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker_checker is None or _worker_checker.choice != choice:
        _worker_checker = Checker.load(choice)
    _worker_checker.across = across
    settle_collector()


def _in_worker(task: str, item):
    return _run(_worker_checker, task, item)

