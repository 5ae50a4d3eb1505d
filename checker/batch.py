"""Checking many reports: which files a command line names, and checking them on
every core with the results in a stable order.

A worker sends back a `FileResult`, not the parsed `Report`: only what the outputs
print (the violations, the text each points at, the report's year, template, regime
and issuing body), so a batch of thousands moves little data between processes.
"""

from __future__ import annotations

import glob
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .api import CheckResult, check
from .config import LANGS
from .engine import RuleRunError
from .ingest import IngestError, is_report_file
from .model import Violation
from .regimes import regime_for
from .rules import RuleSet, load_rules

EXCERPT_CHARS = 200
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

class Checker:
    """Checks one file at a time against rules loaded once."""

    def __init__(self, rules: RuleSet, choice: RuleChoice) -> None:
        self.rules = rules
        self.choice = choice

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
        text = report.text
        return FileResult(
            path=path, year=report.year, template=report.template, regime=regime_for(report.year),
            issuer=report.issuer.name if report.issuer else None,
            issuer_kind=report.issuer.kind if report.issuer else None,
            encoding=report.encoding,
            findings=[Finding(v, text[v.span.start:min(v.span.end, v.span.start + EXCERPT_CHARS)])
                      for v in result.violations],
            rule_errors=result.rule_errors)


def check_all(targets: list[Target], checker: Checker, jobs: int,
              progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """One result per target, in the targets' order whatever order the workers finish
    in. With one file or one job everything runs in this process."""
    files = [t.path for t in targets if not t.nothing_found]
    checked = iter(_check_files(files, checker, jobs))
    results = []
    for target in targets:
        if target.nothing_found:
            results.append(FileResult(target.path, error_code="check.nothing_found", error=dict(NOTHING_FOUND)))
        else:
            results.append(next(checked))
        if progress:
            progress(1)
    return results


def _check_files(files: list[str], checker: Checker, jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(files) <= 1:
        yield from map(checker, files)
        return
    from concurrent.futures import ProcessPoolExecutor

    global _worker_checker
    _worker_checker = checker  # a forked worker inherits it and loads nothing
    jobs = min(jobs, len(files))
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(checker.choice,))
    try:
        yield from pool.map(_check_in_worker, files, chunksize=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_worker_checker: Checker | None = None


def _start_worker(choice: RuleChoice) -> None:
    """Worker start-up: load the rules once, unless inherited from the parent (fork).
    Ctrl-C is the parent's to handle; workers ignore it rather than each printing a
    traceback."""
    global _worker_checker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker_checker is None or _worker_checker.choice != choice:
        _worker_checker = Checker.load(choice)


def _check_in_worker(path: str) -> FileResult:
    return _worker_checker(path)

