"""Text output: one line per violation, `path:line:col: RULE severity message`, which
editors and `grep` understand; the violations of a file together, files in the order
they were named; one line for a file that could not be read; a summary line last.
The words `error`, `rule error` and the severities stay English in every language, so
scripts can match them."""

from __future__ import annotations

from typing import TextIO

from . import Run, shown

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
TAB = "\t"

_SUMMARY = {
    "zh": "检查了 {checked} 份报告，{unreadable} 个输入无法读取：{error} 个错误，{warning} 个警告，{info} 个提示",
    "en": "{checked} report(s) checked, {unreadable} input(s) could not be read: "
          "{error} error(s), {warning} warning(s), {info} info",
}
_RULE_ERRORS = {"zh": "；{n} 次规则运行错误", "en": "; {n} rule run error(s)"}
_BASELINE = {"zh": "（基线 {path}：{known} 个已知违规未显示，{fixed} 个已不再出现）",
             "en": " (baseline {path}: {known} known violation(s) not shown, {fixed} no longer found)"}


def write(run: Run, out: TextIO, *, colour: bool = False) -> None:
    lang = run.lang
    printed_any = previous_had_findings = False
    for result in run.results:
        lines = []
        path = shown(result.path)  # a newline or ESC in a file name must not break the record or reach the terminal
        if not result.ok:
            lines.append(f"{path}: error: {shown(result.error_text(lang))}")
        for f in result.findings:
            v = f.violation
            rule, severity = v.rule, v.severity
            if colour:
                rule, severity = f"{_BOLD}{rule}{_RESET}", f"{_COLOURS[severity]}{severity}{_RESET}"
            message = shown(v.message(lang), keep=TAB)
            lines.append(f"{path}:{v.span.line}:{v.span.column}: {rule} {severity} {message}")
        lines.extend(f"{path}: rule error: {e.rule}: {shown(e.message)}" for e in result.rule_errors)
        if not lines:
            continue
        if printed_any and (result.findings or previous_had_findings):
            out.write("\n")  # a blank line around each file's violations; error lines stay together
        out.write("\n".join(lines) + "\n")
        printed_any, previous_had_findings = True, bool(result.findings)
    if run.summary:
        from .summary import write_text

        write_text(run, out)
    out.write(summary_line(run) + "\n")


def summary_line(run: Run) -> str:
    lang = run.lang
    unreadable = sum(1 for r in run.results if not r.ok)
    line = _SUMMARY[lang].format(checked=len(run.results) - unreadable, unreadable=unreadable,
                                 **run.severity_counts())
    rule_errors = sum(len(r.rule_errors) for r in run.results)
    if rule_errors:
        line += _RULE_ERRORS[lang].format(n=rule_errors)
    if run.baseline:
        b = run.baseline
        line += _BASELINE[lang].format(path=shown(str(b.path)), known=b.known, fixed=b.fixed)
    return line
