"""Checking many reports: which files a command line names, and checking them on
every core with the results in a stable order.

A worker sends back a `FileResult`, not the parsed `Report`: only what the outputs
print (the violations, the text each points at, the report's year, template, regime
and issuing body), so a batch of thousands moves little data between processes.
"""

from __future__ import annotations

import fnmatch
import functools
import gc
import glob
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .api import check, corpus_context, read_report
from .config import LANGS, available_cores
from .engine import RuleRunError, evaluate
from .i18n import Message
from .ingest import is_report_file
from .model import Report, Violation
from .regimes import regime_for
from .rules import RuleSet, load_rules

if TYPE_CHECKING:  # the pass across reports and the worker processes are imported when a run needs them
    from . import corpus
    from .corpus import Digest, Summary

EXCERPT_CHARS = 200
RECENT_REPORTS = 8  # parsed reports a process keeps during the second pass


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check, or a folder or glob on the command line that named no report."""

    path: str
    nothing_found: bool = False
    unlistable: str | None = None  # a folder that could not be listed: why


@dataclass(slots=True)
class Finding:
    """A violation and the text at its span: what a baseline recognises it by after
    lines above it moved."""

    violation: Violation
    excerpt: str

    def __reduce__(self):  # (as a tuple: dataclass's own pickling of a slotted class is Python code per object)
        return (Finding, (self.violation, self.excerpt))


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
    notes: list[dict[str, str]] = field(default_factory=list)  # what the reader repaired, by language
    findings: list[Finding] = field(default_factory=list)
    rule_errors: list[RuleRunError] = field(default_factory=list)
    known: int = 0  # findings left out because the baseline lists them
    digest: Digest | None = None  # for the rules about other reports; dropped once used
    # what the second pass reads of the report, dropped once used: its stand-in report
    # (corpus.stand_in) in the process that checked it, or its Summary when a worker
    # checked it, pickled (bytes) on its way (_sent_back)
    summary: Report | Summary | bytes | None = None
    text_key: str | None = None  # corpus.text_key: equal for the same report in several formats
    opening: str = ""  # corpus.opening: where it names its place (for the summary's bodies)

    @property
    def ok(self) -> bool:
        return self.error is None

    def __reduce__(self):  # (as Finding's: a worker sends thousands)
        return (FileResult, (self.path, self.error_code, self.error, self.year, self.template, self.regime,
                             self.issuer, self.issuer_kind, self.encoding, self.notes, self.findings,
                             self.rule_errors, self.known, self.digest, self.summary, self.text_key,
                             self.opening))

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
    becomes a `nothing_found` target, at the place it was named; a folder that cannot
    be listed, an `unlistable` one. A file reached twice (named twice, or through a
    symbolic link) is checked once, under the first name it was reached by."""
    targets: list[Target] = []
    seen: set = set()

    def add(target: Target) -> None:
        path = os.path.normpath(target.path)
        key = _identity(path)
        if key not in seen:
            seen.add(key)
            targets.append(Target(path, unlistable=target.unlistable))

    for raw in paths:
        if os.path.isdir(raw):
            found = _report_files_under(raw)
        elif glob.has_magic(raw) and not os.path.exists(raw):
            found = [Target(f) for f in _glob(raw)]
        else:
            add(Target(raw))
            continue
        if not found:
            targets.append(Target(raw, nothing_found=True))
        for target in found:
            add(target)
    return targets


def _identity(path: str):
    """What makes two paths one file: its device and inode (a link, a loop, `./x` and
    `x`), or, for a path that does not exist, the path."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return path
    return (st.st_dev, st.st_ino)


def _report_files_under(folder: str) -> list[Target]:
    """The report files in a folder and the folders below it (symbolic links to folders
    are not followed), and each folder that could not be listed, in path order."""
    found: list[Target] = []

    def unlistable(e: OSError) -> None:
        found.append(Target(e.filename or folder, unlistable=e.strerror or str(e)))

    for directory, subdirs, files in os.walk(folder, onerror=unlistable):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        found.extend(Target(os.path.join(directory, f)) for f in files if is_report_file(Path(f)))
    return sorted(found, key=lambda t: t.path)


def _glob(pattern: str) -> list[str]:
    """The report files a glob matches, sorted. `**` is walked here rather than by
    glob.glob, which follows links to folders: a link back up (a loop) made it list the
    same files again and again, endlessly with two such links. Here each folder is
    listed once, whatever path reaches it."""
    parts = pattern.replace(os.sep, "/").split("/")
    if "**" not in parts:
        return sorted(f for f in glob.glob(pattern) if os.path.isfile(f) and is_report_file(Path(f)))
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else ".")
    rest = parts[fixed:]
    matches = []
    visited: set = set()
    for directory, subdirs, files in os.walk(root, followlinks=True):
        key = _identity(directory)
        if key in visited:
            subdirs[:] = []
            continue
        visited.add(key)
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") or rest[0].startswith("."))
        relative = os.path.relpath(directory, root)
        prefix = [] if relative == "." else relative.split(os.sep)
        for name in files:
            path = os.path.join(directory, name)
            if _glob_match(rest, prefix + [name]) and is_report_file(Path(name)):
                matches.append(os.path.normpath(path) if root != "." else os.path.relpath(path))
    return sorted(matches)


def _glob_match(pattern: list[str], parts: list[str]) -> bool:
    """Whether path parts match pattern parts, `**` standing for any number of folders;
    as glob does, a wildcard does not match a name starting with a dot."""
    if not pattern:
        return not parts
    head = pattern[0]
    if head == "**":
        return any(_glob_match(pattern[1:], parts[i:]) for i in range(len(parts) + 1)
                   if not any(p.startswith(".") for p in parts[:i]))
    if not parts:
        return False
    name = parts[0]
    if name.startswith(".") and not head.startswith("."):
        return False
    return fnmatch.fnmatchcase(name, head) and _glob_match(pattern[1:], parts[1:])


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
    carries the file's Digest, and what the second pass reads of it when the rules about
    other reports read only what a Summary holds (`summarised`): its stand-in report, or
    in a worker process (`packs`) its Summary, packed to be sent. `text_keys`: whether
    results carry their text_key without that (for the summary of a run)."""

    def __init__(self, rules: RuleSet, choice: RuleChoice) -> None:
        self.rules = rules
        self.choice = choice
        self.across = False
        self.text_keys = True
        self.packs = False
        self.corpus_rules = [r for r in rules.selected(choice.select, choice.ignore) if r.corpus]
        self.corpus_reads = frozenset().union(*(r.reads for r in self.corpus_rules))
        # without a Summary, the second pass reads a report again and, for a copied one,
        # the report it resembles, most often the same body's of the year before, read a
        # moment ago
        self.recent = functools.lru_cache(maxsize=RECENT_REPORTS)(lambda path: read_report(path, rules.templates))

    @classmethod
    def load(cls, choice: RuleChoice) -> Checker:
        return cls(load_rules([Path(d) for d in choice.rule_dirs]), choice)

    @functools.cached_property
    def summarised(self) -> bool:
        from .corpus import summary_serves

        return summary_serves(self.corpus_rules, {t.id for t in self.rules.templates.tables})

    @functools.cached_property
    def corpus_rows(self) -> corpus.RowsRead | None:
        """The rows of each table the rules about other reports may read (corpus.rows_read)."""
        from .corpus import rows_read

        return rows_read(self.corpus_rules)

    def __call__(self, path: str) -> FileResult:
        try:
            result = self._check(path)
        except Exception as e:  # a bug must not end a batch of thousands: this file says so
            result = _failed(path, "check.internal", error=f"{type(e).__name__}: {e}")
        if not result.ok:
            # an error's traceback holds the frames that held the file's bytes and text, in
            # a cycle the collector, set to run rarely in a batch (settle_collector), would
            # leave for long: a worker that met a few large bad files would keep them all
            gc.collect()
        return result

    def _check(self, path: str) -> FileResult:
        result = check(path, self.rules, select=self.choice.select, ignore=self.choice.ignore)
        if result.error is not None:
            return FileResult(path, error_code=result.error.msg.key,
                              error={lang: result.error.render(lang) for lang in LANGS})
        report = result.report
        digest = summary = text_key = None
        opening = ""
        if self.across:
            from . import corpus

            digest = corpus.digest(path, report, self.corpus_reads, self.corpus_rows)
            if self.summarised:
                keep = corpus.summary if self.packs else corpus.stand_in
                summary = keep(report, self.corpus_reads, self.corpus_rows)
            text_key, opening = digest.text_key, digest.opening
        elif self.text_keys:
            from .corpus import opening as opening_of
            from .corpus import text_key as key_of

            text_key, opening = key_of(report.text), opening_of(report)
        return FileResult(
            path=path, year=report.year, template=report.template, regime=regime_for(report.year),
            issuer=report.issuer.name if report.issuer else None,
            issuer_kind=report.issuer.kind if report.issuer else None,
            encoding=report.encoding, notes=[{lang: n.render(lang) for lang in LANGS} for n in report.notes],
            findings=_findings(report.text, result.violations),
            rule_errors=result.rule_errors, digest=digest, summary=summary, text_key=text_key, opening=opening)

    def across_reports(self, item: str | tuple[Report | Summary | bytes, Report | Summary | bytes | None],
                       context: CorpusLinks) -> tuple[list[Finding], list[RuleRunError]]:
        """The second pass for one file: the rules about other reports, with what the
        first pass learnt about the others. The item is what the first pass kept of the
        report (FileResult.summary; with that of the report most like it, for the
        passages they share), or, when the rules read more than a Summary holds, its
        path: the file is read and parsed again (keeping thousands of parsed reports
        would cost more; the last few are kept)."""
        try:
            if isinstance(item, str):
                report = self.recent(item)
                if report is None:
                    return [], []
                other_report = self.recent
            else:
                mine, similar = item
                report = _opened(mine)

                def other_report(path: str) -> Report | None:
                    # (asked only for the passages of a copy, so the similar Summary is
                    # opened for the few reports that read as copies)
                    other = _opened(similar, tables=False)
                    return other if other is not None and other.path == path else self.recent(path)
            context_for = corpus_context(report, context.links, other_report)
            violations, errors = evaluate(report, self.corpus_rules, self.rules.templates, context_for)
        except Exception:  # the first pass already reported what was wrong with this file
            return [], []
        return _findings(report.text, violations), errors


@dataclass(frozen=True, slots=True)
class CorpusLinks:
    """What the second pass needs of the first: how the reports hang together."""

    links: corpus.Links


def _opened(kept: Report | Summary | bytes | None, tables: bool = True) -> Report | None:
    """The report the second pass reads of what the first kept: the stand-in itself, or
    made from a Summary, pickled if a worker sent it (_sent_back); without its tables
    (`tables=False`) when only its prose is read."""
    if isinstance(kept, bytes):
        kept = pickle.loads(kept)
    return kept if kept is None or isinstance(kept, Report) else kept.report(tables)


def _findings(text: str, violations: list[Violation]) -> list[Finding]:
    return [Finding(v, text[v.span.start:min(v.span.end, v.span.start + EXCERPT_CHARS)]) for v in violations]


def check_all(targets: list[Target], checker: Checker, jobs: int,
              progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """One result per target, in the targets' order whatever order the workers finish
    in. With one file or one job everything runs in this process. Then, when several
    reports were checked and rules about other reports are selected, a second pass
    runs those rules on the reports that have a counterpart in the set (the first
    pass's workers have ended by then)."""
    files = [t.path for t in targets if not t.nothing_found and not t.unlistable]
    checker.across = len(files) > 1 and bool(checker.corpus_rules)
    jobs = clamp_jobs(jobs, len(files))
    checked = _map(checker, "check", files, jobs)
    results = []
    try:
        for target in targets:
            if target.nothing_found:
                results.append(_failed(target.path, "check.nothing_found"))
            elif target.unlistable:
                results.append(_failed(target.path, "check.unlistable", reason=target.unlistable))
            else:
                outcome = next(checked)
                died = isinstance(outcome, _Died)
                results.append(_failed(target.path, "check.died", reason=outcome.reason) if died else outcome)
            if progress:
                progress(1)
    finally:
        checked.close()  # ends the workers now, not when the generator is collected
    if checker.across:
        _across_reports(results, checker, jobs)
    return results


def clamp_jobs(jobs: int, files: int) -> int:
    """No more workers than files to check or cores to run them on."""
    return max(1, min(jobs, files, available_cores()))


def _failed(path: str, key: str, **params) -> FileResult:
    message = Message(key, params)
    return FileResult(path, error_code=key, error={lang: message.render(lang) for lang in LANGS})


def _across_reports(results: list[FileResult], checker: Checker, jobs: int) -> None:
    from . import corpus

    digests = [r.digest for r in results if r.digest is not None]
    links = corpus.link(digests)
    involved = [r for r in results if r.digest is not None and links.has_counterpart(r.path)]
    # a body's reports one after another, year by year: a report copied from the year
    # before is read with its original (for the passages they share), and the original
    # was then most often just read, which Checker.recent keeps; a folder per year would
    # put a whole year of reports between the two
    involved.sort(key=lambda r: (r.digest.body or "", r.digest.year or 0))
    summaries = {r.path: r.summary for r in results if r.summary is not None}
    items = [r.path if r.summary is None else
             (r.summary, summaries.get(links.similar[r.path].path) if r.path in links.similar else None)
             for r in involved]
    for r in results:
        r.digest = r.summary = None
    del summaries
    context = CorpusLinks(links)
    across = _map(checker, "across", items, clamp_jobs(jobs, len(involved)), context)
    try:
        for result, outcome in zip(involved, across):
            if isinstance(outcome, _Died):  # the findings of the first pass stand
                died = _failed(result.path, "check.died", reason=outcome.reason)
                result.error_code, result.error = died.error_code, died.error
                continue
            found, errors = outcome
            if found:  # (the first pass's findings are in order already)
                result.findings = sorted(result.findings + found, key=lambda f: f.violation.order)
            result.rule_errors += errors
    finally:
        across.close()


def _map(checker: Checker, task: str, items: list, jobs: int, shared=None) -> Generator:
    """checker's `task` over items (with `shared`, what every item's task needs), on
    up to `jobs` processes, results in order."""
    if jobs <= 1 or len(items) <= 1:
        return (_run(checker, task, item, shared) for item in items)
    return _Workers(checker, jobs, task, shared).map(items)


def _run(checker: Checker, task: str, item, shared):
    return checker.across_reports(item, shared) if task == "across" else checker(item)


# ------------------------------------------------------------------------ workers

@dataclass(frozen=True, slots=True)
class _Died:
    """What a task gives when the process running it died (killed, out of memory, a
    crash in a C library)."""

    reason: str


class _Workers:
    """Worker processes, each given a few items at a time (one after another in the
    list, so a worker's recent reports are the ones the next item refers to) and
    sending back each item's result as it is done. So when a worker dies, the item it
    was checking is known: that item is reported as not checked, the rest of its
    share goes back in the queue, a new worker takes its place, and every other item
    is still checked. (A ProcessPoolExecutor breaks as a whole when a worker dies, and
    cannot say which item killed it.)"""

    def __init__(self, checker: Checker, jobs: int, task: str, shared=None) -> None:
        global _worker_checker
        _worker_checker = checker  # a forked worker inherits it and loads nothing
        self.checker = checker
        self.jobs = jobs
        self.task = task
        self.shared = shared  # sent once to each worker, not with every item
        import multiprocessing  # (a check of one file, or with one job, does without it)

        self.context = multiprocessing.get_context()
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(target=_worker_main, daemon=True, args=(
            theirs, self.checker.choice, (self.checker.across, self.checker.text_keys), self.task, self.shared))
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def map(self, items: list) -> Generator:
        from multiprocessing.connection import wait

        waiting = deque(enumerate(items))
        chunk = max(1, min(64, len(items) // (self.jobs * 8)))
        finished: dict[int, object] = {}
        following = 0
        try:
            self.workers = [self._start() for _ in range(min(self.jobs, len(items)))]
            while following < len(items):
                for i, worker in enumerate(self.workers):
                    if not worker.jobs and waiting:
                        if not worker.process.is_alive():  # ended while idle: not the next item's doing
                            worker.end()
                            worker = self.workers[i] = self._start()
                        worker.give([waiting.popleft() for _ in range(min(chunk, len(waiting)))])
                busy = [w for w in self.workers if w.jobs]
                ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy]))
                for worker in busy:
                    if worker.connection in ready or worker.process.sentinel in ready:
                        index, outcome, rest = worker.receive()
                        finished[index] = outcome
                        waiting.extendleft(reversed(rest))
                while following in finished:
                    yield finished.pop(following)
                    following += 1
        finally:
            self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.end()
        self.workers = []


class _Worker:
    def __init__(self, process, connection) -> None:
        self.process = process
        self.connection = connection
        self.jobs: deque[tuple[int, object]] = deque()  # (index, item) given and not yet done

    def give(self, jobs: list[tuple[int, object]]) -> None:
        self.jobs.extend(jobs)
        try:
            self.connection.send([item for _, item in jobs])
        except OSError:  # it has died already; receive() says so
            pass

    def receive(self) -> tuple[int, object, list[tuple[int, object]]]:
        """The outcome of the next job given: its result, or _Died when the process
        ended before sending one; then also the jobs it had not started, to give again."""
        index, _ = self.jobs.popleft()
        try:
            if self.connection.poll():
                return index, self.connection.recv(), []
        except (EOFError, OSError):
            pass
        self.process.join()
        rest, self.jobs = list(self.jobs), deque()
        return index, _Died(_death(self.process.exitcode)), rest

    def end(self) -> None:
        """Ask the worker to finish (it ends when it reads None), or end it if it is
        still busy (an interrupted run)."""
        try:
            if not self.jobs and self.process.is_alive():
                self.connection.send(None)
            else:
                self.process.terminate()
        except OSError:
            pass
        self.process.join()
        self.connection.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"{name}{' (out of memory?)' if name == 'SIGKILL' else ''}"
    return f"exit status {exitcode}"


_worker_checker: Checker | None = None


def _sent_back(outcome):
    """What a worker sends its parent: a FileResult's Summary pickled on its own, as
    bytes. The parent does not read Summaries, only passes them on to the second pass's
    workers; unpickled and pickled again there, they made the parent the bottleneck of a
    run with several jobs."""
    if isinstance(outcome, FileResult) and outcome.summary is not None:
        outcome.summary = pickle.dumps(outcome.summary, pickle.HIGHEST_PROTOCOL)
    return outcome


def _start_worker(choice: RuleChoice, flags: tuple[bool, bool]) -> None:
    """Worker start-up: load the rules once, unless inherited from the parent (fork);
    `flags`: the parent checker's `across` and `text_keys`. Ctrl-C is the parent's to
    handle; workers ignore it rather than each printing a traceback."""
    global _worker_checker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker_checker is None or _worker_checker.choice != choice:
        _worker_checker = Checker.load(choice)
    _worker_checker.across, _worker_checker.text_keys = flags
    _worker_checker.packs = True  # (what it keeps for the second pass is sent to the parent)
    settle_collector()


def _worker_main(connection, choice: RuleChoice, flags: tuple[bool, bool], task: str, shared) -> None:
    """A worker's life: start up, then run the task on each item it is sent, sending
    back each result as it is done, until it is sent None (or its parent is gone)."""
    _start_worker(choice, flags)
    while True:
        try:
            items = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if items is None:
            return
        for item in items:
            try:
                outcome = _sent_back(_run(_worker_checker, task, item, shared))
            except Exception as e:  # the checker catches what a report can cause; this is a last resort
                outcome = _Died(f"{type(e).__name__}: {e}")
            try:
                connection.send(outcome)
            except (OSError, ValueError):
                return
            except Exception as e:  # a result that cannot be sent back
                connection.send(_Died(f"{type(e).__name__}: {e}"))
