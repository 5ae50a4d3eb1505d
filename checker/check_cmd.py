"""`nianbao check PATH…`: check reports headless — one report, a folder of thousands,
in a script — and write text, JSON, SARIF or CSV.

Exit status: 0 no violation at or above --fail-on; 1 violations; 2 a usage or config
error, a rule file with errors, an input that could not be read, or a rule that failed
to run (every other file is still checked and reported).
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from . import config as configuration
from .atomic import atomic_text
from .cache import keep_patterns
from .config import FORMATS, LANGS, SEVERITIES

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
PROGRESS_MIN_FILES = 10
EXIT_INTERRUPTED = 130


def add_parser(sub) -> None:
    p = sub.add_parser(
        "check", help="check reports and print every violation",
        description="Check reports and print every violation. Settings not given here come from nianbao.toml "
                    "or [tool.nianbao] in pyproject.toml, here or in a folder above (see --show-config). "
                    "Exit status: 0 none at or above --fail-on, 1 violations, 2 usage error or an input that "
                    "could not be read.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="report files, folders (searched recursively) or globs")
    p.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--rules", action="append", metavar="DIR",
                   help="a further folder of rule files (repeatable; a rule with the same id replaces ours)")
    p.add_argument("--select", action="append", metavar="ID", help="only these rules (id or prefix; repeatable or A,B)")
    p.add_argument("--ignore", action="append", metavar="ID", help="not these rules (id or prefix; repeatable or A,B)")
    p.add_argument("--fail-on", choices=SEVERITIES,
                   help="lowest severity that makes the exit status 1 (default: warning)")
    p.add_argument("--lang", choices=LANGS, help="language of the messages (default: zh)")
    p.add_argument("-j", "--jobs", type=_positive, metavar="N", help="check N files at a time (default: all cores)")
    p.add_argument("--summary", action="store_true",
                   help="add a summary per report and per rule (with csv: one row per report)")
    base = p.add_mutually_exclusive_group()
    base.add_argument("--baseline", type=Path, metavar="FILE",
                      help="leave out the violations recorded in FILE; only new ones are shown and fail")
    base.add_argument("--write-baseline", type=Path, metavar="FILE",
                      help="record every violation found in FILE (then they count as known)")
    conf = p.add_mutually_exclusive_group()
    conf.add_argument("--config", type=Path, metavar="FILE",
                      help="read settings from FILE instead of looking for nianbao.toml / pyproject.toml")
    conf.add_argument("--no-config", action="store_true", help="use no config file")
    p.add_argument("--show-config", action="store_true", help="print the config file used and the settings, then exit")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    p.set_defaults(run=run, parser=p)


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return n


def run(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
    except configuration.ConfigError as e:
        print(f"nianbao check: {e}", file=sys.stderr)
        return 2
    if args.show_config:
        searched_from = None if args.no_config or args.config else Path.cwd()
        sys.stdout.write(configuration.describe(settings, searched_from))
        return 0
    if not args.paths:
        args.parser.error("no PATH given: name report files, folders or globs to check")
    return _check(args, settings)


def _settings(args: argparse.Namespace) -> configuration.Settings:
    if args.no_config:
        found = configuration.Config()
    elif args.config:
        found = configuration.load(args.config)
    else:
        path = configuration.discover(Path.cwd())
        found = configuration.load(path) if path else configuration.Config()
    flags = {"rules": args.rules, "select": args.select, "ignore": args.ignore, "fail_on": args.fail_on,
             "lang": args.lang, "format": args.format, "jobs": args.jobs}
    return configuration.resolve(flags, found)


def _check(args: argparse.Namespace, settings: configuration.Settings) -> int:
    # Importing and loading the rules make what lives as long as the process: the collector,
    # run every 700 new objects, would scan it again and again for nothing (2 % of a
    # one-file check). What they leave unreachable (~900 objects, 0.2 MB: mostly the
    # classes dataclass(slots=True) replaces) is kept with the rest by settle_collector.
    gc.disable()
    try:
        from . import outputs
        from .batch import Checker, RuleChoice, check_all, expand, settle_collector

        checker = Checker.load(RuleChoice(tuple(map(str, settings.rules)), tuple(settings.select),
                                          tuple(settings.ignore)))
    finally:
        gc.enable()
    checker.text_keys = args.summary  # (the summary counts a report saved in several formats once)
    settle_collector()
    rules = checker.rules
    for e in rules.errors:
        print(e, file=sys.stderr)
    if not _selection_is_known(settings, rules):
        return 2
    targets = expand(args.paths)
    problem = _output_problem(args, targets)
    if problem:
        print(f"nianbao check: {problem}", file=sys.stderr)
        return 2
    failures: tuple[type[Exception], ...] = (OSError,)
    if args.baseline or args.write_baseline:  # (the baseline module is imported only then)
        from . import baseline as baselines

        failures = (OSError, baselines.BaselineError)
    try:
        baseline = baselines.Baseline.read(args.baseline) if args.baseline else None
        try:
            with _progress_bar(len(targets), enabled=not args.no_progress) as advance:
                results = check_all(targets, checker, settings.jobs, advance)
        except KeyboardInterrupt:
            print("nianbao check: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        if args.write_baseline:
            n = baselines.write(args.write_baseline, results)
            print(f"nianbao check: wrote {n} violation(s) to {args.write_baseline}", file=sys.stderr)
            baseline = baselines.Baseline.read(args.write_baseline)
        run = outputs.Run(results, rules, lang=settings.lang, rule_file_errors=rules.errors,
                          summary=args.summary, baseline=baseline.apply(results) if baseline else None,
                          selected=rules.selected(settings.select, settings.ignore))
        status = _exit_status(results, rules, settings.fail_on)
        try:
            with _output(args.output, settings.format) as out:
                colour = settings.format == "text" and out.isatty() and "NO_COLOR" not in os.environ
                outputs.write(settings.format, run, out, colour=colour)
        except BrokenPipeError:  # `| head`: the reader has seen enough; the verdict stands
            discard_stdout()
            return status
        finally:
            keep_patterns()  # (those compiled on first use by the check: the next check's start)
    except failures as e:
        print(f"nianbao check: {_describe_error(e)}", file=sys.stderr)
        return 2
    return status


def _output_problem(args: argparse.Namespace, targets) -> str | None:
    """Why the files to write cannot be written, found before anything is read: -o or
    --write-baseline naming an input (it would be emptied), the baseline read, or each
    other; a folder to write in that is not there."""
    written = [(flag, path) for flag, path in (("-o", args.output), ("--write-baseline", args.write_baseline)) if path]
    if len(written) == 2 and _same_file(args.output, args.write_baseline):
        return f"-o and --write-baseline name the same file ({args.output})"
    for flag, path in written:
        for target in targets:
            if not target.nothing_found and not target.unlistable and _same_file(path, Path(target.path)):
                return f"{flag} {path}: is one of the reports to check; it would be overwritten"
        if args.baseline and _same_file(path, args.baseline):
            return f"{flag} {path}: is the baseline read; it would be overwritten"
        if not Path(os.path.realpath(path)).parent.is_dir():
            return f"{path}: {os.strerror(errno.ENOENT)}"
        if Path(path).is_dir():
            return f"{path}: {os.strerror(errno.EISDIR)}"
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def discard_stdout() -> None:
    """After a broken pipe: what is left in standard output's buffer goes nowhere,
    rather than failing again (and changing the exit status) when Python exits."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _selection_is_known(settings: configuration.Settings, rules) -> bool:
    """A --select that names no rule would pass every report: refuse it. An --ignore
    that names none only deserves a warning."""
    unknown = [k for k in settings.select if not rules.selected([k])]
    if unknown:
        print(f"nianbao check: --select {', '.join(unknown)}: no such rule", file=sys.stderr)
        return False
    for k in settings.ignore:
        if not rules.selected([k]):
            print(f"nianbao check: warning: --ignore {k}: no such rule", file=sys.stderr)
    return True


def _exit_status(results, rules, fail_on: str) -> int:
    if rules.errors or any(not r.ok or r.rule_errors for r in results):
        return 2
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.violation.severity] >= threshold for r in results for f in r.findings):
        return 1
    return 0


def _describe_error(e: Exception) -> str:
    if isinstance(e, OSError) and e.filename:
        return f"{e.filename}: {e.strerror or e}"
    return str(e)


@contextmanager
def _output(path: Path | None, format: str):
    """The stream to write to: FILE through a temporary file that replaces it only
    when complete (Ctrl-C, a full disk or a crash leave it as it was), or standard
    output. Machine formats are UTF-8 whatever the locale; CSV writes its own line
    ends. What the encoding cannot hold (a file name's undecodable bytes, Chinese
    under PYTHONIOENCODING=ascii) is written as a backslash escape, never an error."""
    newline = "" if format == "csv" else None
    if path is not None:
        with atomic_text(path, encoding="utf-8", newline=newline, errors="backslashreplace") as f:
            yield f
        return
    if hasattr(sys.stdout, "reconfigure"):
        if format != "text":
            sys.stdout.reconfigure(encoding="utf-8", newline=newline, errors="backslashreplace")
        else:
            sys.stdout.reconfigure(errors="backslashreplace")
    yield sys.stdout
    sys.stdout.flush()  # here, where a broken pipe is caught, not when Python exits


@contextmanager
def _progress_bar(total: int, enabled: bool):
    """A progress bar on a terminal (stderr) for more than a few files; a no-op when
    piped, in CI, or asked not to."""
    if not enabled or total < PROGRESS_MIN_FILES or os.environ.get("CI") or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("checking", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("check", total=total)
        yield lambda n: progress.advance(task, n)
