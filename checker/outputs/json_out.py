"""JSON output: the headless contract of DESIGN.md, one object for the whole run,
described by docs/check-output.schema.json. The contract's keys come first and keep
their meaning; the rest (title, related spans, fingerprint, issuing body, regime, rule
errors, summary, baseline) are additions a pipeline may use or ignore."""

from __future__ import annotations

from typing import TextIO

from .. import __version__
from ..baseline import fingerprint
from ..batch import FileResult, Finding
from . import Run, write_json


def write(run: Run, out: TextIO) -> None:
    write_json(document(run), out)


def document(run: Run) -> dict:
    doc: dict = {"files": [_file(run, r) for r in run.results],
                 "tool": {"name": "nianbao", "version": __version__},
                 "rule_file_errors": [{"file": e.file, "line": e.line, "column": e.column, "message": e.message}
                                      for e in run.rule_file_errors]}
    if run.summary:
        from .summary import build

        doc["summary"] = build(run)
    if run.baseline:
        doc["baseline"] = {"path": str(run.baseline.path), "known": run.baseline.known,
                           "fixed": run.baseline.fixed}
    return doc


def _file(run: Run, r: FileResult) -> dict:
    entry = {
        "path": r.path,
        "status": "ok" if r.ok else "error",
        "error": r.error_text(run.lang) if not r.ok else None,
        "year": r.year,
        "template": r.template,
        "violations": [_violation(run, f) for f in r.findings],
        "error_code": r.error_code,
        "issuer": {"name": r.issuer, "kind": r.issuer_kind} if r.issuer else None,
        "regime": r.regime,
        "encoding": r.encoding,
        "notes": [note[run.lang] for note in r.notes],
        "rule_errors": [{"rule": e.rule, "message": e.message} for e in r.rule_errors],
    }
    if run.baseline:
        entry["known"] = r.known
    return entry


def _violation(run: Run, f: Finding) -> dict:
    v = f.violation
    return {"rule": v.rule, "severity": v.severity, "message": v.message(run.lang), **v.span.to_dict(),
            "title": run.title(v.rule), "related": [s.to_dict() for s in v.related],
            "fingerprint": fingerprint(f), **({"other": v.other} if v.other else {})}
