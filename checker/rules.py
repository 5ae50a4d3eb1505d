"""Rules: loading and validating the YAML rule files under rules/ (and any --rules DIR).

A rule file is `rules: [ … ]`, and optionally `patterns: {name: …}`: pieces of regular
expressions that several of its rules share, written in their checks as {{name}} (one
place to mend a piece, not one per rule that uses it). Every error in a file is reported as
`file:line:column: message` — all of them, not only the first — and the valid rules
of every file still load. Load-time checks cover the schema (unknown keys, wrong
types, missing keys), ids (family prefix, duplicates), regular expressions,
expressions (syntax, unknown names, functions and variables, nesting), table, row and
column names against the templates, message placeholders, units and regimes.

The check kinds (exactly one per rule):
  expect            an expression that must hold, with for_each / let / when / at
  require_sections  official sections that must be present
  require_patterns  patterns that must occur in a scope (all of / any of)
  forbid_patterns   patterns that must not occur in a scope (one finding per match)
  match_template    what the table reader found missing or foreign in a table
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import regex

from . import yamlsafe
from . import cache
from .cache import compile_re
from .expr import FUNCTIONS, GLOBALS, ExprError, Pattern, compile_expr, rows_read
from .facts import ISSUER_KINDS
from .holidays import bundled as bundled_holidays
from .regimes import bundled as bundled_regimes
from .resources import data_dir
from .templates import Templates, bundled as bundled_templates
from .yamlsafe import LocDict, LocList, Pos, YamlError

FAMILIES = ("SEC", "PERIOD", "CONTACT", "TABLE", "SUM", "ZERO", "UNIT", "DATE", "META")
SEVERITIES = ("error", "warning", "info")
_ID = compile_re(r"^(?P<family>[A-Z]+)-(?P<number>\d{3})$")
_PLACEHOLDER = compile_re(r"\{([^{}]*)\}")
_PLACEHOLDER_NAME = compile_re(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$")
_VAR_NAME = compile_re(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SHARED_USE = compile_re(r"\{\{([^{}]*)\}\}")  # {{name}}: no regular expression writes two braces
_CALL = compile_re(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")  # a function an expression calls (or seems to, in a string)
MAX_PATTERNS = 200
CORPUS_FACTS = {"previous", "same_year", "similar", "same_report"}
TEMPLATE_FINDINGS = ("missing_table", "unreadable_table", "missing_rows", "missing_blocks", "extra_rows",
                     "old_labels", "unmatched_rows", "header_missing", "header_partial", "header_mismatch", "value_count")

RULE_KEYS = {"id", "title", "title_en", "severity", "applies", "cite", "description", "params",
             "message", "check", "examples", "cap", "cap_scope"}
# At most this many findings of one rule in one table or section: the rest are folded into
# the last one ("and 23 more"), as one cause seldom shows once. A rule may set its own `cap`,
# and count it over the whole report (`cap_scope: report`: a placeholder left in the
# introduction and again in a section is one slip, said once).
DEFAULT_CAP = 3
CAP_SCOPES = ("place", "report")
REQUIRED_RULE_KEYS = ("id", "title", "title_en", "severity", "cite", "message", "check")
CHECK_KINDS = {
    "expect": {"for_each", "let", "when", "at", "related"},
    "require_sections": {"when"},
    "require_patterns": {"when"},
    "forbid_patterns": {"when"},
    "match_template": {"when", "unless"},
}
# Variables each kind gives its message, besides params, for_each and let names.
KIND_VARIABLES = {
    "expect": set(),
    "require_sections": {"n", "title", "table_there"},
    "require_patterns": {"missing", "found"},
    "forbid_patterns": {"match", "pattern"},
    "match_template": {"table", "label", "row", "block", "detail", "section"},
}


@dataclass(frozen=True, slots=True)
class RuleError:
    """A problem in a rule file, at file:line:column."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(slots=True, repr=False, eq=False)
class Example:
    """A report a rule must pass or fail, written in its rule file (run by `nianbao rules test`)."""

    expect_fail: bool
    text: str | None
    file: Path | None
    count: int | None = None
    lines: list[int] | None = None
    line: int = 0  # where the example is written in the rule file
    others: list[tuple[str | None, Path | None]] = field(default_factory=list)  # the rest of a set of reports


@dataclass(frozen=True, slots=True)
class MessageCase:
    """A case in which a rule's message reads otherwise: when `when` holds of a finding."""

    when: Any  # the compiled expression
    message: dict[str, str]


@dataclass(slots=True, repr=False, eq=False)
class Rule:
    """A rule as its file defines it, validated and compiled, ready to run."""

    id: str
    family: str
    title: str
    title_en: str
    severity: str
    cite: str
    message: dict[str, str]
    kind: str
    check: Any                     # one of the Check classes in engine.py
    regimes: frozenset[str] | None
    issuers: frozenset[str] | None
    params: dict[str, Any]
    facts: frozenset[str] = frozenset()  # the facts (year, previous, similar…) its expressions use
    reads: frozenset[str] = frozenset()  # those, the functions it calls and the facts its messages name
    rows: dict[str, frozenset[str] | None] | None = None  # about other reports: the rows it may read (rows_read)
    corpus: bool = False           # about other reports too (uses `previous`, `same_year` or `similar`)
    description: str = ""
    examples: list[Example] = field(default_factory=list)
    file: str = ""
    line: int = 0
    yaml: str = ""                 # the rule as written, for `rules show` and the TUI
    cap: int = DEFAULT_CAP         # findings in one table or section before the rest are folded
    cap_scope: str = "place"       # where `cap` counts: each table or section (place), or the whole report
    message_cases: tuple[MessageCase, ...] = ()  # where the message reads otherwise (the first that holds)

    def applies_to(self, regime: str | None, issuer_kind: str | None) -> bool:
        if self.regimes is not None and regime not in self.regimes:
            return False
        if self.issuers is not None and issuer_kind not in self.issuers:
            return False
        return True


@dataclass(slots=True, repr=False, eq=False)
class RuleSet:
    """The rules loaded (bundled and extra folders), the errors of their files, the templates they read."""

    rules: list[Rule]
    errors: list[RuleError]
    templates: Templates
    directories: list[Path]
    _selections: dict = field(default_factory=dict, repr=False, compare=False)
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def get(self, rule_id: str) -> Rule | None:
        """The rule of an id (asked for each violation written, so found by a dict)."""
        if len(self._by_id) != len(self.rules):
            self._by_id.clear()
            self._by_id.update((r.id, r) for r in reversed(self.rules))  # the first, as a search finds it
        return self._by_id.get(rule_id.upper())   # ids are written in capitals; sum-004 names SUM-004

    def selected(self, select: list[str] | tuple = (), ignore: list[str] | tuple = ()) -> list[Rule]:
        """Rules by id or id prefix (SUM, SUM-00, SUM-001). Kept: a batch asks for each
        report. The list is shared, not to be changed."""
        key = (tuple(select), tuple(ignore), len(self.rules))
        found = self._selections.get(key)
        if found is None:
            def hit(rule: Rule, keys) -> bool:   # sum, Sum-00 and SUM-001 alike
                return any(rule.id.startswith(k.upper()) for k in keys)
            found = self._selections[key] = [r for r in self.rules
                                             if (not select or hit(r, select)) and not hit(r, ignore)]
        return found


def bundled_rules_dir() -> Path:
    return data_dir("rules")


def rule_files(directory: Path) -> list[Path]:
    """The rule files of a folder: *.yaml / *.yml, not the templates, regimes or holidays."""
    files = sorted(p for p in directory.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
    return [p for p in files if p.name not in ("regimes.yaml", "holidays.yaml")]


def load_rules(extra_dirs: list[Path] | tuple = (), include_bundled: bool = True,
               templates: Templates | None = None) -> RuleSet:
    """Bundled rules, then each extra folder in order; a later rule with the same id
    replaces the earlier one."""
    templates = templates or bundled_templates()
    dirs = ([bundled_rules_dir()] if include_bundled else []) + [Path(d) for d in extra_dirs]
    by_id: dict[str, Rule] = {}
    errors: list[RuleError] = []
    for directory in dirs:
        if not directory.is_dir():
            errors.append(RuleError(str(directory), 1, 1, "no such rules folder"))
            continue
        seen_here: dict[str, Rule] = {}
        for path in rule_files(directory):
            rules, file_errors = load_file(path, templates)
            errors.extend(file_errors)
            for rule in rules:
                if rule.id in seen_here:
                    first = seen_here[rule.id]
                    errors.append(RuleError(rule.file, rule.line, 1,
                                            f"duplicate rule id {rule.id} (also at {first.file}:{first.line})"))
                    continue
                seen_here[rule.id] = rule
                by_id[rule.id] = rule
    rules = sorted(by_id.values(), key=lambda r: (FAMILIES.index(r.family), r.id))
    bundled_holidays()  # (first_working_day's calendar, read with the rules: the cache keeps what a start reads)
    cache.RULES.save()
    cache.YAML.save()
    cache.keep_patterns()  # (those of the modules, compiled on import: a check's start)
    return RuleSet(rules=rules, errors=errors, templates=templates, directories=dirs)


def load_file(path: Path, templates: Templates) -> tuple[list[Rule], list[RuleError]]:
    errors: list[RuleError] = []
    file = str(path)
    try:
        text = yamlsafe.read(path)
        doc = yamlsafe.load(text)
    except YamlError as e:
        return [], [RuleError(file, e.pos.line, e.pos.column, e.message)]
    except (OSError, UnicodeDecodeError) as e:
        return [], [RuleError(file, 1, 1, f"cannot read: {e}")]
    if doc is None:
        return [], []
    if (not isinstance(doc, LocDict) or "rules" not in doc or not set(doc) <= {"rules", "patterns"}
            or not isinstance(doc["rules"], LocList)):
        pos = doc.pos if isinstance(doc, (LocDict, LocList)) else Pos(1, 1)
        return [], [RuleError(file, pos.line, pos.column, "a rule file must be a mapping with the key `rules:`, "
                                                           "holding a list of rules, and optionally `patterns:`")]
    shared = SharedPatterns(doc.get("patterns"), doc.value_pos.get("patterns"), file, errors)
    text_lines = text.splitlines()
    rules: list[Rule] = []
    items = doc["rules"]
    for i, item in enumerate(items):
        pos = items.item_pos[i]
        end = items.item_pos[i + 1].line - 1 if i + 1 < len(items) else len(text_lines)
        v = _Validator(file, templates, errors, shared)
        rule = v.rule(item, pos, path.parent)
        if rule is not None:
            rule.yaml = "\n".join(text_lines[pos.line - 1:end]).rstrip() + "\n" + shared.shown(v.shared_used)
            rules.append(rule)
    shared.report_unused()
    return rules, errors


class SharedPatterns:
    """A rule file's `patterns:`, pieces of regular expressions that its rules' checks write
    as {{name}}: each is written out, as it stands, wherever it is named, before the check is
    read (so a piece in a (?x) pattern loses its spaces there, and keeps them elsewhere).
    A piece must compile alone and hold no quote (it may stand inside an expression's
    string) and no {{…}} of its own; a piece no rule names is an error, as dead code."""

    def __init__(self, value, pos: Pos | None, file: str, errors: list[RuleError]) -> None:
        self.file = file
        self.errors = errors
        self.pieces: dict[str, str] = {}
        self.positions: dict[str, Pos] = {}
        self.used: set[str] = set()
        if value is None:
            return
        if not isinstance(value, LocDict):
            self._error(pos or Pos(1, 1), "`patterns` must be a mapping of names to pieces of regular expressions")
            return
        for name, piece in value.items():
            where = value.value_pos[name]
            if not isinstance(name, str) or not _VAR_NAME.match(name):
                self._error(value.key_pos[name], f"patterns: {name!r} is not a name (letters, digits and _)")
            elif not isinstance(piece, str):
                self._error(where, f"patterns.{name}: must be text, not {_value_kind(piece)}")
            elif '"' in piece or "'" in piece or "{{" in piece:
                self._error(where, f"patterns.{name}: may hold no quote (\" or ') and no {{{{…}}}}")
            else:
                key = ("piece", regex.__version__, piece)  # (known to compile: not compiled at each start)
                try:
                    if cache.RULES.get(key) is None:
                        regex.compile(piece, regex.V0)
                        cache.RULES.put(key, True)
                except regex.error as e:
                    self._error(where, f"patterns.{name}: bad regular expression {piece!r}: {e}")
                    continue
                self.pieces[name] = piece
                self.positions[name] = value.key_pos[name]

    def _error(self, pos: Pos, message: str) -> None:
        self.errors.append(RuleError(self.file, pos.line, pos.column, message))

    def written_out(self, value, pos: Pos, what: str, used: set[str], error) -> object:
        """A check (its mappings, lists and texts) with each {{name}} written out: a copy,
        positions kept (the file's parsed YAML may be kept and read again)."""
        if isinstance(value, str):
            if "{{" not in value:
                return value

            def piece(m) -> str:
                name = m.group(1).strip()
                if name not in self.pieces:
                    hint = _closest(name, self.pieces)
                    error(pos, f"{what}: no pattern `{name}` in the file's `patterns:`"
                               + (f" (did you mean `{hint}`?)" if hint else ""))
                    return m.group(0)
                used.add(name)
                self.used.add(name)
                return self.pieces[name]

            return _SHARED_USE.sub(piece, value)
        if isinstance(value, LocDict):
            out = LocDict((k, self.written_out(v, value.value_pos[k], what, used, error)) for k, v in value.items())
            out.pos, out.key_pos, out.value_pos = value.pos, value.key_pos, value.value_pos
            return out
        if isinstance(value, LocList):
            out = LocList(self.written_out(v, p, what, used, error) for v, p in zip(value, value.item_pos))
            out.pos, out.item_pos = value.pos, value.item_pos
            return out
        return value

    def shown(self, names: set[str]) -> str:
        """The pieces a rule names, as YAML comments under it (`rules show`)."""
        return "".join(f"# {{{{{name}}}}} (patterns: in this file): {self.pieces[name]}\n" for name in sorted(names))

    def report_unused(self) -> None:
        for name in sorted(set(self.pieces) - self.used):
            self._error(self.positions[name], f"patterns.{name}: no rule in this file uses it")


class _Invalid(Exception):
    """Raised inside the validator once a rule is known to be unusable."""


class _Validator:
    def __init__(self, file: str, templates: Templates, errors: list[RuleError],
                 shared: SharedPatterns | None = None) -> None:
        self.file = file
        self.templates = templates
        self.errors = errors
        self.shared = shared
        self.shared_used: set[str] = set()  # the file's shared patterns the rule names
        self.failed = False
        self.names: set[str] = set()  # facts the rule's expressions use
        self.reads: set[str] = set()  # those, the functions they call, the facts the messages name
        self.trees: list = []  # the expressions' trees

    def error(self, pos: Pos, message: str) -> None:
        self.errors.append(RuleError(self.file, pos.line, pos.column, message))
        self.failed = True

    # -- helpers -----------------------------------------------------------------
    def _type(self, value, types, pos: Pos, what: str, name: str) -> bool:
        if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
            ok = False
        else:
            ok = isinstance(value, types)
        if not ok:
            self.error(pos, f"{what}: `{name}` must be {_type_name(types)}, not {_value_kind(value)}")
        return ok

    def _keys(self, mapping: LocDict, allowed: set[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                hint = _closest(str(key), allowed)
                self.error(mapping.key_pos[key], f"{what}: unknown key `{key}`"
                           + (f" (did you mean `{hint}`?)" if hint else "")
                           + f"; allowed: {', '.join(sorted(allowed))}")

    def _compile(self, source, pos: Pos, bound: set[str], what: str):
        if isinstance(source, bool):  # YAML reads `expect: false` as a boolean
            source = "true" if source else "false"
        elif isinstance(source, LocList) and all(isinstance(x, (str, int, float)) for x in source):
            source = "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in source) + "]"
        if not isinstance(source, (str, int, float)):
            self.error(pos, f"{what}: an expression must be text, not {_value_kind(source)}")
            return None
        try:
            compiled = compile_expr(str(source), self.templates, bound)
        except ExprError as e:
            column = pos.column + (e.column - 1 if e.column and "\n" not in str(source) else 0)
            self.error(Pos(pos.line, column), f"{what}: {e.message}")
            return None
        for ref in compiled.cells:
            self._table_ref(ref, pos, what)
        self.names |= compiled.names
        self.reads |= compiled.names | {f for f in _CALL.findall(str(source)) if f in FUNCTIONS}
        self.trees.append(compiled.tree)
        return compiled

    def _table_ref(self, ref, pos: Pos, what: str) -> None:
        if not self.templates.versions_of(ref.table):
            return  # a name that is not a table is reported by the compiler
        row_ids, col_ids = self.templates.ids_of(ref.table)
        for selector, ids, kind in ((ref.row, row_ids, "row"), (ref.column, col_ids, "column")):
            if selector is None:
                continue
            for alternative in selector.split("|"):
                if not _names_any(alternative, ids):
                    hint = _closest(alternative, ids)
                    self.error(pos, f"{what}: table `{ref.table}` has no {kind} `{alternative}`"
                               + (f" (did you mean `{hint}`?)" if hint else ""))

    def _regex(self, pattern, pos: Pos, what: str):
        if not isinstance(pattern, str):
            self.error(pos, f"{what}: a pattern must be text, not {_value_kind(pattern)}")
            return None
        try:
            return Pattern(pattern)
        except regex.error as e:
            self.error(pos, f"{what}: bad regular expression {pattern!r}: {e}")
            return None

    def _patterns(self, value, pos: Pos, what: str) -> list[tuple[str, Any]] | None:
        """A list of patterns, or a mapping of names (for messages) to patterns."""
        if isinstance(value, LocList):
            items = [(p, p, value.item_pos[i]) for i, p in enumerate(value)]
        elif isinstance(value, LocDict):
            items = [(str(k), v, value.value_pos[k]) for k, v in value.items()]
        else:
            self.error(pos, f"{what}: patterns must be a list, or a mapping of names to patterns")
            return None
        if not items:
            self.error(pos, f"{what}: no patterns given")
        if len(items) > MAX_PATTERNS:
            self.error(pos, f"{what}: too many patterns ({len(items)}, at most {MAX_PATTERNS})")
            return None
        out = []
        for name, pattern, ppos in items:
            compiled = self._regex(pattern, ppos, what)
            if compiled is not None:
                out.append((name, compiled))
        return out

    # -- a rule ------------------------------------------------------------------
    def rule(self, item, pos: Pos, base: Path) -> Rule | None:
        if not isinstance(item, LocDict):
            self.error(pos, f"a rule must be a mapping, not {_value_kind(item)}")
            return None
        rule_id = item.get("id")
        what = f"rule {rule_id}" if isinstance(rule_id, str) else "rule"
        self._keys(item, RULE_KEYS, what)
        for key in REQUIRED_RULE_KEYS:
            if key not in item:
                self.error(item.pos, f"{what}: missing required key `{key}`")
        # the rest is validated all the same: every error of a rule is reported at once
        try:
            rule = self._build(item, what, base)
        except _Invalid:
            return None
        return None if self.failed else rule

    def _build(self, item: LocDict, what: str, base: Path) -> Rule | None:
        vp = item.value_pos
        rule_id = item.get("id")
        family = ""
        if "id" in item and self._type(rule_id, str, vp["id"], what, "id"):
            m = _ID.match(rule_id)
            if not m:
                self.error(vp["id"], f"{what}: id must be a family prefix and three digits, such as SUM-001")
            elif m.group("family") not in FAMILIES:
                self.error(vp["id"], f"{what}: unknown family {m.group('family')!r}; families: {', '.join(FAMILIES)}")
            else:
                family = m.group("family")
        for key in ("title", "title_en", "cite"):
            if key in item:
                self._type(item[key], str, vp[key], what, key)
        if "description" in item:
            self._type(item["description"], str, vp["description"], what, "description")
        severity = item.get("severity")
        if "severity" in item and severity not in SEVERITIES:
            self.error(vp["severity"], f"{what}: severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
        regimes, issuers = self._applies(item.get("applies"), vp.get("applies"), what)
        params = self._params(item.get("params"), vp.get("params"), what)
        variables = None  # the names a message may use; unknown when the check is not a usable mapping
        if "check" in item:
            written = item["check"]
            if self.shared is not None:
                written = self.shared.written_out(written, vp["check"], what, self.shared_used, self.error)
            try:
                kind, check, variables = self._check(written, vp["check"], what, set(params))
            except _Invalid:
                pass
        if "message" in item:
            message, message_cases = self._message(item["message"], vp["message"], what,
                                                   None if variables is None else variables | set(params))
        examples = self._examples(item.get("examples"), vp.get("examples"), what, base)
        cap = item.get("cap", DEFAULT_CAP)
        if not isinstance(cap, int) or isinstance(cap, bool) or cap < 1:
            self.error(vp.get("cap") or item.pos, f"{what}: `cap` must be a whole number of at least 1, not {cap!r}")
        cap_scope = item.get("cap_scope", "place")
        if cap_scope not in CAP_SCOPES:
            self.error(vp.get("cap_scope") or item.pos,
                       f"{what}: `cap_scope` must be one of {', '.join(CAP_SCOPES)}, not {cap_scope!r}")
        if self.failed:
            return None
        corpus = bool(self.names & CORPUS_FACTS)
        rows = None
        if corpus:  # (only where needed: a walk of every rule's trees costs 4 ms a start)
            rows, table_ids = {}, {t.id for t in self.templates.tables}
            for tree in self.trees:
                rows_read(tree, table_ids, rows)
        return Rule(id=rule_id, family=family, title=item["title"], title_en=item["title_en"],
                    severity=severity, cite=item["cite"], message=message, message_cases=message_cases,
                    kind=kind, check=check,
                    regimes=regimes, issuers=issuers, params=params,
                    facts=frozenset(self.names), reads=frozenset(self.reads), rows=rows,
                    corpus=corpus,
                    description=item.get("description", ""), examples=examples,
                    file=self.file, line=item.pos.line, cap=cap, cap_scope=cap_scope)

    def _applies(self, value, pos: Pos | None, what: str):
        if value is None:
            return None, None
        if not isinstance(value, LocDict):
            self.error(pos, f"{what}: `applies` must be a mapping with `regimes` and/or `issuers`")
            return None, None
        self._keys(value, {"regimes", "issuers"}, f"{what}: applies")
        known_regimes = {r.id for r in bundled_regimes()}
        out = []
        for key, known in (("regimes", known_regimes), ("issuers", set(ISSUER_KINDS))):
            items = value.get(key)
            if items is None:
                out.append(None)
                continue
            if not isinstance(items, LocList) or not items:
                self.error(value.value_pos[key], f"{what}: applies.{key} must be a non-empty list")
                out.append(None)
                continue
            for i, entry in enumerate(items):
                if str(entry) not in known:
                    self.error(items.item_pos[i], f"{what}: unknown {key[:-1]} {entry!r}; known: "
                                                  f"{', '.join(sorted(known))}")
            out.append(frozenset(str(e) for e in items))
        return out[0], out[1]

    def _params(self, value, pos: Pos | None, what: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, LocDict):
            self.error(pos, f"{what}: `params` must be a mapping of names to values")
            return {}
        out = {}
        for key, v in value.items():
            kpos = value.key_pos[key]
            if not isinstance(key, str) or not _VAR_NAME.match(key):
                self.error(kpos, f"{what}: parameter name {key!r} must be a plain identifier")
                continue
            if isinstance(v, bool) or isinstance(v, (str, dt.date)):
                out[key] = v
            elif isinstance(v, (int, float)):
                out[key] = Decimal(str(v))
            elif isinstance(v, LocList) and all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in v):
                out[key] = [Decimal(x) if isinstance(x, int) else x for x in v]
            else:
                self.error(value.value_pos[key], f"{what}: parameter `{key}` must be a number, text, date, "
                                                 f"true/false or a list of numbers or texts")
        return out

    def _check(self, value, pos: Pos, what: str, params: set[str]):
        from . import engine

        if not isinstance(value, LocDict):
            self.error(pos, f"{what}: `check` must be a mapping")
            raise _Invalid
        kinds = [k for k in value if k in CHECK_KINDS]
        if len(kinds) != 1:
            self.error(value.pos, f"{what}: `check` needs exactly one of: {', '.join(CHECK_KINDS)}"
                                  + (f" (found {', '.join(kinds)})" if kinds else ""))
            raise _Invalid
        kind = kinds[0]
        self._keys(value, {kind} | CHECK_KINDS[kind], f"{what}: check")
        ctx = f"{what}: check.{kind}"
        bound = set(params)
        when = None
        if "when" in value and kind != "expect":
            when = self._compile(value["when"], value.value_pos["when"], bound, f"{what}: check.when")
        variables = set(KIND_VARIABLES[kind])
        if kind == "expect":
            check = self._expect(value, what, bound, variables)
        elif kind == "require_sections":
            numbers = value[kind]
            if not isinstance(numbers, LocList) or not all(isinstance(n, int) and 1 <= n <= 6 for n in numbers):
                self.error(value.value_pos[kind], f"{ctx}: a list of official section numbers (1–6)")
                raise _Invalid
            check = engine.RequireSections(list(numbers), when)
        elif kind == "require_patterns":
            check = self._require_patterns(value[kind], value.value_pos[kind], ctx, bound, when)
        elif kind == "forbid_patterns":
            check = self._forbid_patterns(value[kind], value.value_pos[kind], ctx, bound, when)
        else:
            unless = None
            if "unless" in value:  # (per finding: its variables are bound)
                unless = self._compile(value["unless"], value.value_pos["unless"], bound | variables,
                                       f"{what}: check.unless")
            check = self._match_template(value[kind], value.value_pos[kind], ctx, when, unless)
        return kind, check, variables   # check None: its errors are reported; the names it binds still count

    def _expect(self, value: LocDict, what: str, bound: set[str], variables: set[str]):
        from . import engine

        for_each = []
        spec = value.get("for_each")
        if spec is not None:
            if not isinstance(spec, LocDict) or not spec:
                self.error(value.value_pos["for_each"], f"{what}: `for_each` must map variable names to lists")
            else:
                for name, source in spec.items():
                    if not isinstance(name, str) or not _VAR_NAME.match(name):
                        self.error(spec.key_pos[name], f"{what}: for_each variable {name!r} must be a plain identifier")
                        continue
                    compiled = self._compile(source, spec.value_pos[name], set(bound), f"{what}: for_each.{name}")
                    for_each.append((name, compiled))
                    bound.add(name)
                    variables.add(name)
        lets = []
        spec = value.get("let")
        if spec is not None:
            if not isinstance(spec, LocDict):
                self.error(value.value_pos["let"], f"{what}: `let` must map names to expressions")
            else:
                for name, source in spec.items():
                    if not isinstance(name, str) or not _VAR_NAME.match(name):
                        self.error(spec.key_pos[name], f"{what}: let name {name!r} must be a plain identifier")
                        continue
                    lets.append((name, self._compile(source, spec.value_pos[name], set(bound), f"{what}: let.{name}")))
                    bound.add(name)
                    variables.add(name)
        when = (self._compile(value["when"], value.value_pos["when"], set(bound), f"{what}: check.when")
                if "when" in value else None)
        expect = self._compile(value["expect"], value.value_pos["expect"], set(bound), f"{what}: check.expect")
        at = self._compile(value["at"], value.value_pos["at"], set(bound), f"{what}: check.at") if "at" in value else None
        related = (self._compile(value["related"], value.value_pos["related"], set(bound), f"{what}: check.related")
                   if "related" in value else None)
        if self.failed:
            return None
        return engine.Expect(for_each, lets, when, expect, at, related)

    def _require_patterns(self, value, pos: Pos, ctx: str, bound: set[str], when):
        from . import engine

        if not isinstance(value, LocDict):
            self.error(pos, f"{ctx}: must be a mapping with `scope` and `all` and/or `any`")
            return None
        self._keys(value, {"scope", "all", "any", "at"}, ctx)
        if "scope" not in value or not ({"all", "any"} & set(value)):
            self.error(value.pos, f"{ctx}: needs `scope` and at least one of `all`, `any`")
            return None
        scope = self._compile(value["scope"], value.value_pos["scope"], bound, f"{ctx}.scope")
        every = self._patterns(value["all"], value.value_pos["all"], f"{ctx}.all") if "all" in value else []
        some = self._patterns(value["any"], value.value_pos["any"], f"{ctx}.any") if "any" in value else []
        at = self._compile(value["at"], value.value_pos["at"], bound, f"{ctx}.at") if "at" in value else None
        if self.failed:
            return None
        return engine.RequirePatterns(scope, every or [], some or [], at, when)

    def _forbid_patterns(self, value, pos: Pos, ctx: str, bound: set[str], when):
        from . import engine

        if not isinstance(value, LocDict):
            self.error(pos, f"{ctx}: must be a mapping with `scope` and `patterns`")
            return None
        self._keys(value, {"scope", "patterns"}, ctx)
        if "scope" not in value or "patterns" not in value:
            self.error(value.pos, f"{ctx}: needs `scope` and `patterns`")
            return None
        scope = self._compile(value["scope"], value.value_pos["scope"], bound, f"{ctx}.scope")
        patterns = self._patterns(value["patterns"], value.value_pos["patterns"], f"{ctx}.patterns")
        if self.failed:
            return None
        return engine.ForbidPatterns(scope, patterns or [], when)

    def _match_template(self, value, pos: Pos, ctx: str, when, unless):
        from . import engine

        if not isinstance(value, LocDict):
            self.error(pos, f"{ctx}: must be a mapping with `table` (one table id or a list) and `find`")
            return None
        self._keys(value, {"table", "find"}, ctx)
        table, find = value.get("table"), value.get("find")
        tables = list(table) if isinstance(table, list) else [table]
        ids = sorted({t.id for t in self.templates.tables})
        for name in tables:
            if name not in ids:
                self.error(value.value_pos.get("table", value.pos),
                           f"{ctx}: unknown table {name!r}; tables: {', '.join(ids)}")
        if find not in TEMPLATE_FINDINGS:
            self.error(value.value_pos.get("find", value.pos),
                       f"{ctx}: `find` must be one of {', '.join(TEMPLATE_FINDINGS)}")
        if self.failed:
            return None
        return engine.MatchTemplate(tables, find, when, unless)

    def _message(self, value, pos: Pos, what: str,
                 variables: set[str] | None) -> tuple[dict[str, str], tuple[MessageCase, ...]]:
        """The message, and the cases in which it reads otherwise (`cases`: a list of
        `when` with its own `zh` and `en`, the first whose `when` holds taking the place of
        the message: “所列部分为5项”, not “为5至5项”)."""
        if not isinstance(value, LocDict) or set(value) - {"cases"} != {"zh", "en"}:
            self.error(pos, f"{what}: `message` must have exactly `zh` and `en` (and perhaps `cases`)")
            return {}, ()
        cases = []
        if "cases" in value:
            items = value["cases"]
            if not isinstance(items, LocList) or not items or not all(isinstance(c, LocDict) for c in items):
                self.error(value.value_pos["cases"], f"{what}: message.cases must be a list of mappings "
                                                     "with `when`, `zh` and `en`")
            else:
                for k, case in enumerate(items):
                    where = f"{what}: message.cases[{k}]"
                    if set(case) != {"when", "zh", "en"}:
                        self.error(case.pos, f"{where} must have exactly `when`, `zh` and `en`")
                        continue
                    when = self._compile(case["when"], case.value_pos["when"], set(variables or ()), f"{where}.when")
                    texts = self._texts(case, where, variables)
                    if when is not None:
                        cases.append(MessageCase(when, texts))
        return self._texts(value, f"{what}: message", variables), tuple(cases)

    def _texts(self, value: LocDict, what: str, variables: set[str] | None) -> dict[str, str]:
        """A message's text in each language, its placeholders checked."""
        for lang in ("zh", "en"):
            text = value[lang]
            lpos = value.value_pos[lang]
            if not isinstance(text, str) or not text.strip():
                self.error(lpos, f"{what}.{lang} must be non-empty text")
                continue
            for m in _PLACEHOLDER.finditer(text):
                name = m.group(1).strip()
                if not _PLACEHOLDER_NAME.match(name):
                    self.error(lpos, f"{what}.{lang}: bad placeholder {{{m.group(1)}}}")
                    continue
                head = name.split(".")[0]
                if head in GLOBALS:
                    self.reads.add(head)
                if variables is not None and head not in variables and head not in GLOBALS:
                    known = sorted(variables) + sorted(GLOBALS)
                    self.error(lpos, f"{what}.{lang}: unknown placeholder {{{name}}}; "
                                     f"known: {', '.join(known)}")
        return {"zh": value["zh"], "en": value["en"]}

    def _examples(self, value, pos: Pos | None, what: str, base: Path) -> list[Example]:
        self.base = base
        if value is None:
            return []
        if not isinstance(value, LocDict):
            self.error(pos, f"{what}: `examples` must be a mapping with `pass` and/or `fail`")
            return []
        self._keys(value, {"pass", "fail"}, f"{what}: examples")
        out = []
        for key in ("pass", "fail"):
            items = value.get(key)
            if items is None:
                continue
            if not isinstance(items, LocList):
                self.error(value.value_pos[key], f"{what}: examples.{key} must be a list")
                continue
            for i, ex in enumerate(items):
                epos = items.item_pos[i]
                allowed = {"text", "file", "others"} | ({"count", "lines"} if key == "fail" else set())
                path = self._example_report(ex, epos, what)
                if path is False:
                    continue
                self._keys(ex, allowed, f"{what}: examples.{key}")
                others = []
                if "others" in ex:
                    if not isinstance(ex["others"], LocList):
                        self.error(ex.value_pos["others"], f"{what}: `others` must be a list of reports")
                    else:
                        for j, other in enumerate(ex["others"]):
                            other_path = self._example_report(other, ex["others"].item_pos[j], what)
                            if other_path is not False:
                                self._keys(other, {"text", "file"}, f"{what}: examples.{key}.others")
                                others.append((other.get("text"), other_path))
                count = ex.get("count")
                if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
                    self.error(ex.value_pos["count"], f"{what}: example count must be a whole number ≥ 1")
                lines = ex.get("lines")
                if lines is not None and not (isinstance(lines, LocList) and all(isinstance(n, int) for n in lines)):
                    self.error(ex.value_pos["lines"], f"{what}: example lines must be a list of line numbers")
                out.append(Example(key == "fail", ex.get("text") if "text" in ex else None, path,
                                   count, list(lines) if lines is not None else None, epos.line, others))
        return out

    def _example_report(self, ex, pos: Pos, what: str):
        """An example report given as `text` or `file`: its path (None for text), or
        False when it is malformed (the error is reported)."""
        if not isinstance(ex, LocDict) or len({"text", "file"} & set(ex)) != 1:
            self.error(pos, f"{what}: each example needs exactly one of `text` or `file`")
            return False
        if "file" in ex:
            path = (self.base / str(ex["file"])).resolve()
            if not path.is_file():
                self.error(ex.value_pos["file"], f"{what}: example file not found: {ex['file']}")
            return path
        if not isinstance(ex["text"], str):
            self.error(ex.value_pos["text"], f"{what}: example text must be text")
        return None


def _names_any(pattern: str, names: frozenset[str]) -> bool:
    """Whether a row or column selector (a name, or a glob) names one of `names`."""
    if not any(ch in pattern for ch in "*?["):
        return pattern in names  # (fnmatch would compile a pattern for each name)
    import fnmatch

    return any(fnmatch.fnmatchcase(name, pattern) for name in names)


def _closest(word: str, options) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, sorted(map(str, options)), n=1, cutoff=0.6)
    return found[0] if found else None


def _type_name(types) -> str:
    names = {str: "text", int: "a whole number", float: "a number", bool: "true/false",
             LocDict: "a mapping", LocList: "a list", dict: "a mapping", list: "a list"}
    types = types if isinstance(types, tuple) else (types,)
    return " or ".join(names.get(t, t.__name__) for t in types)


def _value_kind(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__
