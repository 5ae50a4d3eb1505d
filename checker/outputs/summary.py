"""The folder summary (`--summary`): per report its issuing body, year, template and
counts by severity; per body and year the same, with the names taken as one body;
per rule how many reports break it. A reviewer with a folder of a county's reports
sees at a glance which bodies and which rules need attention.

One report saved in several formats (files whose text, as read, is the same:
corpus.text_key) is counted once per body and year, and each of its files says which
others it was taken with. In the text output the per-report table comes last, the
worst reports first, so the end of a long run's output says where to look."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TextIO

from . import SEVERITIES, Run, severity_counts, shown

HEADINGS = {
    "zh": {"reports": "报告", "rules": "规则", "path": "文件", "issuer": "发布机关", "year": "年度",
           "template": "表格格式", "error": "错误", "warning": "警告", "info": "提示", "rule": "规则",
           "severity": "级别", "broken_in": "报告数", "violations": "违反次数", "title": "标题",
           "unreadable": "无法读取", "bodies": "机关与年度", "body": "机关", "names": "报告中的名称",
           "same_report": "同一份报告", "reports_worst_first": "报告（问题多的在前）"},
    "en": {"reports": "Reports", "rules": "Rules", "path": "file", "issuer": "issuing body", "year": "year",
           "template": "template", "error": "errors", "warning": "warnings", "info": "info", "rule": "rule",
           "severity": "severity", "broken_in": "reports", "violations": "violations", "title": "title",
           "unreadable": "could not be read", "bodies": "Bodies and years", "body": "body",
           "names": "names in the reports", "same_report": "same report as",
           "reports_worst_first": "Reports (worst first)"},
}


def build(run: Run) -> dict:
    """The summary as data: what the json output holds under "summary"."""
    reports = []
    reports_per_rule: Counter[str] = Counter()
    violations_per_rule: Counter[str] = Counter()
    same = _same_report(run)
    for result in run.results:
        rules_here = Counter(f.violation.rule for f in result.findings)
        reports_per_rule.update(rules_here.keys())
        violations_per_rule.update(rules_here)
        reports.append({"path": result.path, "status": "ok" if result.ok else "error",
                        "error": result.error_text(run.lang) or None, "issuer": result.issuer,
                        "year": result.year, "template": result.template,
                        "counts": severity_counts(result.findings), "same_report": same.get(result.path, [])})
    rules = []
    for rule_id, broken_in in sorted(reports_per_rule.items(), key=lambda item: (-item[1], item[0])):
        rule = run.rules.get(rule_id)
        rules.append({"rule": rule_id, "severity": rule.severity if rule else None,
                      "title": run.title(rule_id), "reports": broken_in,
                      "violations": violations_per_rule[rule_id]})
    return {"reports": reports, "bodies": bodies(run), "rules": rules}


def _same_report(run: Run) -> dict[str, list[str]]:
    from ..corpus import same_reports

    return same_reports([(r.path, r.text_key) for r in run.results if r.ok])


def bodies(run: Run) -> list[dict]:
    """Per body and year, the reports and their counts. A body's name varies between its
    reports (河集乡 / 睢县河集乡人民政府): `names` shows which names were taken as one.
    One report in several files counts once, with the findings of the first file."""
    from ..corpus import group_reports, one_per_report

    results = {r.path: r for r in run.results if r.ok}
    same = _same_report(run)
    groups = group_reports([(r.path, r.issuer, r.year, r.opening) for r in results.values()])
    rows = []
    for key, group in sorted(groups.items()):
        by_year: dict[int, list[str]] = {}
        for member in group.members:
            by_year.setdefault(member.year, []).append(member.path)
        for year, paths in sorted(by_year.items()):
            counted = one_per_report(paths, same)
            findings = [f for p in counted for f in results[p].findings]
            rows.append({"body": key, "names": sorted(group.names), "year": year, "reports": len(counted),
                         "paths": paths, "counts": severity_counts(findings)})
    return rows



def write_text(run: Run, out: TextIO) -> None:
    """The summary as three aligned tables: by body and year, by rule, and by report
    last, the worst reports (unreadable, then most errors, warnings, info) first."""
    h = HEADINGS[run.lang]
    summary = build(run)
    sep = "、" if run.lang == "zh" else ", "
    out.write(f"\n{h['bodies']}\n")
    rows = [[b["body"], _text(b["year"]), str(b["reports"]), *(str(b["counts"][s]) for s in SEVERITIES),
             sep.join(b["names"])] for b in summary["bodies"]]
    _table(out, [h[k] for k in ("body", "year", "reports", *SEVERITIES, "names")], rows,
           numeric_from=2, numeric_to=2 + 1 + len(SEVERITIES))
    out.write(f"\n{h['rules']}\n")
    rows = [[r["rule"], r["severity"] or "-", str(r["reports"]), str(r["violations"]), r["title"]]
            for r in summary["rules"]]
    _table(out, [h[k] for k in ("rule", "severity", "broken_in", "violations", "title")], rows,
           numeric_from=2, numeric_to=4)
    rows = []
    for r in worst_first(summary["reports"]):
        if r["status"] == "error":
            rows.append([r["path"], h["unreadable"], "", "", "", "", "", ""])
        else:
            rows.append([r["path"], r["issuer"] or "-", _text(r["year"]), r["template"] or "-",
                         *(str(r["counts"][s]) for s in SEVERITIES), _some(r["same_report"], sep)])
    out.write(f"\n{h['reports_worst_first']}\n")
    _table(out, [h[k] for k in ("path", "issuer", "year", "template", *SEVERITIES, "same_report")], rows,
           numeric_from=4, numeric_to=4 + len(SEVERITIES))
    out.write("\n")


def worst_first(reports: list[dict]) -> list[dict]:
    """Unreadable files first, then by errors, warnings and info, most first; ties in
    the order the files were named."""
    def badness(item):
        i, r = item
        if r["status"] == "error":
            return (0, 0, 0, 0, i)
        return (1, *(-r["counts"][s] for s in SEVERITIES), i)

    return [r for _, r in sorted(enumerate(reports), key=badness)]


def _some(paths: list[str], sep: str, shown: int = 2) -> str:
    """A few paths, then how many more (the violation META-013 names them all)."""
    text = sep.join(paths[:shown])
    return text + (f" +{len(paths) - shown}" if len(paths) > shown else "")


def _text(value: object) -> str:
    return "-" if value is None else str(value)


def _table(out: TextIO, header: list[str], rows: list[list[str]], numeric_from: int,
           numeric_to: int | None = None) -> None:
    """Columns padded to their widest cell, Chinese characters counted as two; what
    would break a line or reach the terminal (a file name's newline or ESC) escaped."""
    header, rows = [shown(c) for c in header], [[shown(c) for c in row] for row in rows]
    widths = [max(map(display_width, column)) for column in zip(header, *rows)]
    numeric = range(numeric_from, numeric_to if numeric_to is not None else len(header))
    for row in (header, *rows):
        cells = []
        for i, (cell, width) in enumerate(zip(row, widths)):
            pad = " " * (width - display_width(cell))
            cells.append(pad + cell if i in numeric else cell + pad)
        out.write("  ".join(cells).rstrip() + "\n")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
