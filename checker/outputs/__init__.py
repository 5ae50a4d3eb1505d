"""Output formats of `nianbao check`. Every writer is fed the same `Run` — the results
of one run in the order the files were named — and writes one stream; each format's
module is imported only when it is asked for."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

from ..batch import FileResult, Finding
from ..cache import compile_re
from ..config import SEVERITIES
from ..rules import Rule, RuleError, RuleSet

if TYPE_CHECKING:
    from ..baseline import BaselineOutcome

FORMAT_MODULES = {"text": "text", "json": "json_out", "sarif": "sarif", "csv": "csv_out"}


@dataclass(slots=True, repr=False, eq=False)
class Run:
    """Everything an output format writes about one run of `nianbao check`."""

    results: list[FileResult]
    rules: RuleSet
    lang: str = "zh"
    rule_file_errors: list[RuleError] = field(default_factory=list)
    summary: bool = False
    baseline: BaselineOutcome | None = None
    selected: list[Rule] | None = None  # the rules run (--select/--ignore); None: all of them

    @property
    def rules_run(self) -> list[Rule]:
        return self.rules.rules if self.selected is None else self.selected

    def title(self, rule_id: str, lang: str | None = None) -> str:
        """A rule's title in the run's language (the violation carries only Chinese)."""
        rule = self.rules.get(rule_id)
        if rule is None:
            return ""
        return rule.title_en if (lang or self.lang) == "en" and rule.title_en else rule.title

    def severity_counts(self) -> dict[str, int]:
        return severity_counts(f for result in self.results for f in result.findings)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.violation.severity] += 1
    return counts


@cache
def _unsafe() -> re.Pattern:
    """What must not reach a terminal or break a `path:line:col:` record as it is: control
    characters (newline, ESC…), line and paragraph separators, bidirectional overrides,
    and a file name's undecodable bytes (which Python holds as lone surrogates). Compiled
    when a text, CSV or summary line is first written: JSON and SARIF need none, and re
    builds this class (a bitmap of all 65,536 characters) in Python, ~3 million
    instructions. (The escapes are re's, so the pattern holds no lone surrogate: its code
    can be kept.)"""
    return compile_re(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str, keep: str = "") -> str:
    """Text for a line of text output: each unsafe character (but those in `keep`)
    as a backslash escape, `\\n`, `\\x1b`, `\\u202e`; an undecodable byte of a file
    name as `\\xff`."""
    unsafe = _unsafe()
    return unsafe.sub(lambda m: _escape(m.group(), keep), text) if unsafe.search(text) else text


def _escape(ch: str, keep: str) -> str:
    code = ord(ch)
    if ch in keep:
        return ch
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def write(format: str, run: Run, out: TextIO, *, colour: bool = False) -> None:
    module = import_module(f".{FORMAT_MODULES[format]}", __name__)
    if format == "text":
        module.write(run, out, colour=colour)
    else:
        module.write(run, out)


def write_json(value, out: TextIO) -> None:
    """JSON indented by two spaces, except that each item of a list three or more
    levels down (a violation, a SARIF result or rule) is written on one line: as easy
    to read and to grep, and written by json's C encoder. json's indenting encoder is
    pure Python: it took 0.5 ms a report, as long as reading a report's tables."""
    _write_json(value, out, 0, False)
    out.write("\n")


# json.dumps(value, ensure_ascii=False) makes an encoder at each call: one does for all
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _write_json(value, out: TextIO, depth: int, one_line: bool) -> None:
    if one_line or not isinstance(value, (dict, list)) or not value:
        out.write(_encode(value))
        return
    indent = "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        out.write("{")
        for i, (key, item) in enumerate(value.items()):
            key = key if isinstance(key, str) else _encode(key)  # 1 → "1", as json.dump writes it
            out.write(f"{',' if i else ''}{indent}{_encode(key)}: ")
            _write_json(item, out, depth + 1, False)
        out.write("\n" + "  " * depth + "}")
    else:
        out.write("[")
        for i, item in enumerate(value):
            out.write("," + indent if i else indent)
            _write_json(item, out, depth + 1, depth >= 3)
        out.write("\n" + "  " * depth + "]")
