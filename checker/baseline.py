"""Baselines: a recorded set of known violations, so that only new ones fail a run.

A reviewer records what a report (or a folder) breaks today with `--write-baseline`;
re-checking with `--baseline` then shows only what is new, and says how many of the
recorded violations are gone. A violation is recognised by its rule, its file (relative
to the baseline file, so the baseline moves with the folder) and a fingerprint of the
text at its span and its message, never by its line number: an edit above it moves the
line, not the fingerprint. Identical violations are counted, so a second copy of a
known one is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_text_atomic
from .batch import FileResult, Finding
from .cache import compile_re

FORMAT_VERSION = 1
_SPACE = compile_re(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class BaselineOutcome:
    """What a baseline did to a run: the findings it left out, the entries no longer found."""

    path: Path
    known: int   # violations left out because the baseline lists them
    fixed: int   # baseline entries for the files checked that no longer occur


def fingerprint(finding: Finding) -> str:
    """What a violation is, without where it is: rule, text at the span, message."""
    v = finding.violation
    key = "\0".join((v.rule, _SPACE.sub(" ", finding.excerpt).strip(), (v.rendered("zh") or "")))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def _relative(path: str, folder: Path) -> str:
    """A report's path as the baseline in `folder` (symlinks resolved) records it."""
    real = os.path.realpath(path)
    try:
        return Path(os.path.relpath(real, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(real).as_posix()


def write(path: Path, results: list[FileResult]) -> int:
    """Record every violation of `results`; returns how many."""
    folder = path.resolve().parent
    entries = []
    for result in results:
        where = _relative(result.path, folder)
        for f in result.findings:
            entries.append({"path": where, "rule": f.violation.rule, "fingerprint": fingerprint(f),
                            "line": f.violation.span.line, "excerpt": f.excerpt,
                            "message": (f.violation.rendered("zh") or "")})
    doc = {"nianbao_baseline": FORMAT_VERSION, "violations": entries}
    try:  # whole or not at all; a file name's undecodable bytes as JSON escapes
        write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n", errors="backslashreplace")
    except OSError as e:
        raise BaselineError(f"{path}: cannot write: {e.strerror or e}") from None
    return len(entries)


class Baseline:
    """The violations a baseline file records, counted by file and fingerprint."""

    def __init__(self, path: Path, entries: Counter[tuple[str, str]]) -> None:
        self.path = path
        self.entries = entries

    @classmethod
    def read(cls, path: Path) -> Baseline:
        return cls(path, _read(path))

    def apply(self, results: list[FileResult]) -> BaselineOutcome:
        """Leave out of `results` (in place) the violations this baseline lists."""
        folder = self.path.resolve().parent
        remaining = Counter(self.entries)
        checked = set()
        for result in results:
            if not result.ok:
                continue
            where = _relative(result.path, folder)
            checked.add(where)
            new = []
            for f in result.findings:
                key = (where, fingerprint(f))
                if remaining[key] > 0:
                    remaining[key] -= 1
                else:
                    new.append(f)
            result.known += len(result.findings) - len(new)
            result.findings = new
        fixed = sum(n for (where, _), n in remaining.items() if where in checked)
        return BaselineOutcome(self.path, sum(r.known for r in results), fixed)


def _read(path: Path) -> Counter[tuple[str, str]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise BaselineError(f"{path}: cannot read the baseline: {e.strerror or e}") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise BaselineError(f"{path}: not a baseline file (invalid JSON: {e})") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a baseline file (nested too deeply)") from None
    if not isinstance(doc, dict) or doc.get("nianbao_baseline") != FORMAT_VERSION \
            or not isinstance(doc.get("violations"), list):
        raise BaselineError(f"{path}: not a nianbao baseline (version {FORMAT_VERSION}); "
                            f"write one with --write-baseline")
    entries: Counter[tuple[str, str]] = Counter()
    for i, entry in enumerate(doc["violations"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) \
                or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: entry {i + 1} needs a path and a fingerprint")
        entries[(entry["path"], entry["fingerprint"])] += 1
    return entries
