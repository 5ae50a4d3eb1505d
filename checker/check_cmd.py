"""`nianbao check PATH…`: check reports headless and print the violations."""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

from .ingest import is_report_file

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="check reports and print every violation")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders (searched recursively) or globs")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path,
                   help="a further folder of rule files (repeatable; a rule with the same id replaces ours)")
    p.add_argument("--select", action="append", default=[], metavar="ID", help="only these rules (id or prefix)")
    p.add_argument("--ignore", action="append", default=[], metavar="ID", help="not these rules (id or prefix)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning",
                   help="lowest severity that makes the exit status 1 (default: warning)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the messages")
    p.set_defaults(run=run)


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to check, in a stable order, and the paths that named nothing."""
    files: list[str] = []
    unmatched: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and is_report_file(f))
            if not found:
                unmatched.append(raw)
            files.extend(found)
        elif any(ch in raw for ch in "*?[") and not p.exists():
            found = sorted(f for f in glob.glob(raw, recursive=True) if Path(f).is_file())
            if not found:
                unmatched.append(raw)
            files.extend(found)
        else:
            files.append(raw)
    return list(dict.fromkeys(files)), unmatched


def run(args: argparse.Namespace) -> int:
    from .api import check
    from .rules import load_rules

    rules = load_rules(args.rules)
    for e in rules.errors:
        print(f"{e}", file=sys.stderr)
    files, unmatched = expand(args.paths)
    results = [check(f, rules, select=args.select, ignore=args.ignore) for f in files]
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "json":
            out.write(json.dumps(to_json(results, args.lang), ensure_ascii=False, indent=2) + "\n")
        else:
            write_text(results, args.lang, out, color=out.isatty())
    finally:
        if args.output:
            out.close()
    for raw in unmatched:
        print(f"{raw}: no report files found", file=sys.stderr)
    threshold = SEVERITY_RANK[args.fail_on]
    if unmatched or rules.errors or any(r.error for r in results):
        return 2
    if any(SEVERITY_RANK[v.severity] >= threshold for r in results for v in r.violations):
        return 1
    return 0


def to_json(results, lang: str) -> dict:
    files = []
    for r in results:
        files.append({
            "path": r.path,
            "status": "error" if r.error else "ok",
            "error": r.error.render(lang) if r.error else None,
            "year": r.report.year if r.report else None,
            "template": r.report.template if r.report else None,
            "violations": [{"rule": v.rule, "severity": v.severity, "message": v.message(lang), **v.span.to_dict()}
                           for v in r.violations],
        })
    return {"files": files}


_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def write_text(results, lang: str, out, color: bool) -> None:
    counts = {"error": 0, "warning": 0, "info": 0}
    bad = 0
    for r in results:
        if r.error:
            bad += 1
            out.write(f"{r.path}: error: {r.error.render(lang)}\n")
            continue
        for v in r.violations:
            counts[v.severity] += 1
            sev = f"{_COLORS[v.severity]}{v.severity}\033[0m" if color else v.severity
            out.write(f"{r.path}:{v.span.line}:{v.span.column}: {v.rule} {sev} {v.message(lang)}\n")
        for e in r.rule_errors:
            out.write(f"{r.path}: rule error: {e}\n")
    checked = len(results) - bad
    if lang == "zh":
        out.write(f"检查了 {checked} 份报告（{bad} 份无法读取）：{counts['error']} 个错误，"
                  f"{counts['warning']} 个警告，{counts['info']} 个提示\n")
    else:
        out.write(f"{checked} report(s) checked ({bad} unreadable): {counts['error']} error(s), "
                  f"{counts['warning']} warning(s), {counts['info']} info\n")
