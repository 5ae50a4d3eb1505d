"""CSV output for spreadsheets: one row per violation, with the report's issuing body
and year on every row, one row for each file that could not be read (status "error")
and one for each rule that failed to run on a report (status "rule_error"). UTF-8 with
a BOM, because without it Excel reads the Chinese text as the local ANSI code page.

With `--summary` the rows are the reports instead: one per file, with its counts by
severity — the folder overview a reviewer sorts and filters.
"""

from __future__ import annotations

import csv
from typing import TextIO

from ..cache import compile_re
from . import SEVERITIES, Run, severity_counts, shown

BOM = "\ufeff"
VIOLATION_COLUMNS = ("path", "status", "error", "issuer", "year", "template", "rule", "severity", "title",
                     "message", "line", "column", "end_line", "end_column")
REPORT_COLUMNS = ("path", "status", "error", "issuer", "year", "template", "regime", "errors", "warnings", "infos")
# A cell a spreadsheet would run as a formula (report text is untrusted); numbers are fine.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # startswith: a regex call cost 5x more, on every cell
_NUMBER = compile_re(r"^[+-]?\d+(\.\d+)?$")


def write(run: Run, out: TextIO) -> None:
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    if run.summary:
        writer.writerow(REPORT_COLUMNS)
        writer.writerows(map(_safe_row, _report_rows(run)))
    else:
        writer.writerow(VIOLATION_COLUMNS)
        writer.writerows(map(_safe_row, _violation_rows(run)))


def _violation_rows(run: Run):
    for r in run.results:
        report = [shown(r.path), "ok" if r.ok else "error", r.error_text(run.lang), r.issuer, r.year, r.template]
        if not r.ok:
            yield report + [None] * 8
        for f in r.findings:
            v = f.violation
            yield report + [v.rule, v.severity, run.title(v.rule), v.message(run.lang),
                            v.span.line, v.span.column, v.span.end_line, v.span.end_column]
        for e in r.rule_errors:
            yield [shown(r.path), "rule_error", None, r.issuer, r.year, r.template, e.rule, None, run.title(e.rule),
                   e.message, None, None, None, None]


def _report_rows(run: Run):
    for r in run.results:
        counts = severity_counts(r.findings)
        yield [shown(r.path), "ok" if r.ok else "error", r.error_text(run.lang), r.issuer, r.year, r.template,
               r.regime, *(counts[s] if r.ok else None for s in SEVERITIES)]


def _safe_row(row: list) -> list:
    return ["" if cell is None else _safe(cell) if isinstance(cell, str) else cell for cell in row]


def _safe(cell: str) -> str:
    if cell.startswith(_FORMULA_STARTS) and not _NUMBER.match(cell):
        return "'" + cell
    return cell
