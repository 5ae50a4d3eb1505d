"""engine: run rules against a Report and turn their findings into Violations.

Each check kind yields Findings — the variables a message needs and the span it is
about. The engine fills the rule's message in every language, sorts the violations,
and keeps going past a rule that fails at run time (that becomes a RuleRunError, shown
to the user, never a traceback and never a violation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, Iterator

from lark import Tree

from .expr import (FUNCTIONS, GLOBALS, UNKNOWN, Corpus, Emitter, Env, ExprError, Match, candidate_paragraphs,
                   get_attr, guarded, holds_any, limited_search, literal_words, prefilter, render, renderable, segments,
                   span_of, truth, watch_regexes)
from .expr import _search as search_scope  # (a rule's matches in a scope, each search once per report)
from .labels import core
from .model import Report, Span, Violation
from .regimes import regime_for
from .rules import SEVERITIES, Rule
from .templates import Templates
from .text import LineIndex

MAX_BINDINGS = 10_000      # for_each combinations per rule and report
MAX_FINDINGS = 500         # violations per rule and report
GENERATE_AFTER = 2         # runs of an expect rule before it is compiled to one function


@dataclass(slots=True)
class Finding:
    """One binding of a rule that fails: its variables (for the message) and its places."""

    vars: dict[str, Any]
    span: Span | None
    related: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RuleRunError:
    """A rule that could not be evaluated on a report (a bug in the rule, or a pattern
    that took too long)."""

    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


# ------------------------------------------------------------------------ check kinds

class Expect:
    """for_each: bind variables to each item of lists (all combinations); let: name
    values; when: skip bindings where it is not true; expect: must be true, or the
    binding is a finding, located by `at`, shown with the cells it read and the
    places `related` gives.

    Run as one Python function generated from the rule's expressions (see _generate):
    the closures the expressions compile to cost a call per node of their trees, and
    these rules run for every binding of every report. Generated when a rule runs a
    second time (compiling every rule costs about as much as checking ten reports, too
    much for a check of one); the closures remain for the first run and for what the
    generator cannot write (a tree too deep for Python's compiler)."""

    def __init__(self, for_each, lets, when, expect, at, related=None) -> None:
        self.for_each = for_each
        self.lets = lets
        # a `when` that reads no variable of a binding nor a table cell says the same of
        # every binding: asked once, before the bindings are made (the rules about the
        # previous report: most reports of a set have none, and their cells go unread)
        self.guard = when if _binding_free(when, for_each + lets) else None
        self.when = None if self.guard is not None else when
        self.expect = expect
        self.at = at
        self.related = related  # further places to show with the finding
        self._run = None  # the generated function, once made
        self._uses = 0

    def findings(self, env: Env) -> Iterator[Finding]:
        if self.guard is not None and truth(self.guard(env)) is not True:
            return iter(())
        if self._run is None:
            self._uses += 1
            if self._uses < GENERATE_AFTER:
                return self._interpreted(env)
            self._run = _generate(self, set(env.vars)) or self._interpreted
        return self._run(env)

    def _interpreted(self, env: Env) -> Iterator[Finding]:
        for binding in self._bindings(env, dict(env.vars)):
            env.vars = binding  # one dict, updated in place: copied only for a finding
            env.touched = []
            for name, fn in self.lets:
                binding[name] = fn(env)
            if self.when is not None and truth(self.when(env)) is not True:
                continue
            if truth(self.expect(env)) is not False:
                continue  # true, or unknown: nothing to report with confidence
            related = [c.span for c in env.touched if c.span is not None]  # not another report's cells
            if self.related is not None:
                more = self.related(env)
                related += [s for s in map(span_of, more if isinstance(more, list) else [more]) if s is not None]
            span = span_of(self.at(env)) if self.at is not None else self._default_span(binding)
            yield Finding(dict(binding), span, related)

    def _bindings(self, env: Env, binding: dict) -> Iterator[dict]:
        if not self.for_each:
            yield binding
            return
        yield from self._expand(env, binding, 0, [0])

    def _expand(self, env: Env, binding: dict, i: int, count: list[int]) -> Iterator[dict]:
        """The bindings of for_each's names from the i-th on; `count` the innermost
        items so far. (A method, not a closure calling itself: that would be a cycle,
        holding the report until the collector ran.)"""
        name, fn = self.for_each[i]
        env.vars = binding
        items = fn(env)
        if items is None or items is UNKNOWN:
            return
        if not isinstance(items, list):
            raise ExprError(f"for_each.{name} must give a list")
        if i == len(self.for_each) - 1:  # yielded here, not by one more generator per item
            count[0] += len(items)
            if count[0] > MAX_BINDINGS:
                raise ExprError(f"for_each gives more than {MAX_BINDINGS} combinations")
            for item in items:
                binding[name] = item
                yield binding
        else:
            for item in items:
                binding[name] = item
                yield from self._expand(env, binding, i + 1, count)
        binding.pop(name, None)

    def _default_span(self, binding: dict) -> Span | None:
        for name, _ in self.for_each:
            span = span_of(binding.get(name))
            if span is not None:
                return span
        return None


def _binding_free(when, bound: list) -> bool:
    """Whether a rule's `when` gives the same for every binding of a report: it names
    no for_each or let variable and reads no table cell (the cells a binding reads,
    those of its `when` among them, are shown with its finding)."""
    if when is None or when.tree is None or when.variables & {name for name, _ in bound}:
        return False
    return not any(node.data in ("cell", "row") for node in when.tree.iter_subtrees())


def _generate(check: Expect, params: set[str]):
    """The rule as one generator function, written as Python source from the trees of
    its expressions (Emitter) and compiled: the same steps as Expect._interpreted, in
    the same order, with the variables as locals. None when the rule's names clash
    (a let that rebinds a for_each variable: the dict the interpreter keeps says what
    that means) or Python cannot compile what it would take."""
    names = [name for name, _ in check.for_each] + [name for name, _ in check.lets]
    parts = [fn for _, fn in check.for_each + check.lets] + [check.when, check.expect, check.at, check.related]
    if len(set(names)) != len(names) or params & set(names) or any(p is not None and p.tree is None for p in parts):
        return None
    try:
        source, namespace = _source(check, names, params)
        exec(compile(source, "<rule>", "exec"), namespace)
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    return namespace["findings"]


def _source(check: Expect, names: list[str], params: set[str]) -> tuple[str, dict]:
    local = {name: f"v{i}" for i, name in enumerate(names)}
    emit = Emitter(local)
    local.update((name, f"base[{emit.constant(name)}]") for name in sorted(params))
    ns = emit.namespace
    ns.update(Finding=Finding, ExprError=ExprError, span_of=span_of, MAX_BINDINGS=MAX_BINDINGS,
              first_span=_first_span)
    lines = ["def findings(env):", " cache = env._cache", " base = env.vars", " count = 0"]
    depth = 1
    first_test = _outer_test(check)
    for i, (name, fn) in enumerate(check.for_each):
        pad = " " * depth
        items = f"items{i}"
        lines.append(f"{pad}{items} = {emit.emit(fn.tree)}")
        lines.append(f"{pad}if {items} is None or {items} is UNKNOWN:")
        lines.append(f"{pad} {'return' if i == 0 else 'continue'}")
        lines.append(f"{pad}if not isinstance({items}, list):")
        lines.append(f"{pad} raise ExprError({emit.constant(f'for_each.{name} must give a list')})")
        if i == len(check.for_each) - 1:
            lines.append(f"{pad}count += len({items})")
            lines.append(f"{pad}if count > MAX_BINDINGS:")
            lines.append(f"{pad} raise ExprError({emit.constant(f'for_each gives more than {MAX_BINDINGS} combinations')})")
            if first_test is not None:
                lines.append(f"{pad}if {items} and {emit.truth(emit.emit(first_test))} is False:")
                lines.append(f"{pad} {'return' if i == 0 else 'continue'}")
        lines.append(f"{pad}for {local[name]} in {items}:")
        depth += 1
    pad = " " * depth
    skip = "continue" if check.for_each else "return"
    lines.append(f"{pad}env.touched = []")
    for name, fn in check.lets:
        lines.append(f"{pad}{local[name]} = {emit.emit(fn.tree)}")
    if check.when is not None:
        lines.append(f"{pad}if {emit.truth(emit.emit(check.when.tree))} is not True:")
        lines.append(f"{pad} {skip}")
    lines.append(f"{pad}if {emit.truth(emit.emit(check.expect.tree))} is not False:")
    lines.append(f"{pad} {skip}")
    lines.append(f"{pad}related = [c.span for c in env.touched if c.span is not None]")
    if check.related is not None:
        lines.append(f"{pad}more = {emit.emit(check.related.tree)}")
        lines.append(f"{pad}related += [s for s in map(span_of, more if isinstance(more, list) else [more]) "
                     f"if s is not None]")
    if check.at is not None:
        lines.append(f"{pad}span = span_of({emit.emit(check.at.tree)})")
    else:
        lines.append(f"{pad}span = first_span(({''.join(local[n] + ', ' for n, _ in check.for_each)}))")
    bound = ", ".join(f"{emit.constant(n)}: {local[n]}" for n in names)
    lines.append(f"{pad}yield Finding({{**base, {bound}}}, span, related)")
    return "\n".join(lines) + "\n", ns


def _outer_test(check: Expect) -> Tree | None:
    """The first test of a rule's `when` (before its first `and`) when it can be asked
    once for the whole innermost for_each loop (SEC-005: $s.title_match, for every $o):
    it reads none of that loop's variables and no table cell (the cells a binding reads
    are shown with its finding), and the rule has no `let` (a binding computes its lets
    before `when`, and one may fail). Where it is false, no binding of the loop passes."""
    if check.when is None or not check.for_each or check.lets:
        return None
    test = check.when.tree
    while test.data == "and_":
        test = test.children[0]
    innermost = check.for_each[-1][0]
    for node in test.iter_subtrees():
        if node.data in ("cell", "row") or (node.data == "var" and node.children[0][1:] == innermost):
            return None
    return test


def _first_span(values: tuple) -> Span | None:
    """Where a finding with no `at` is: the first of its for_each values with a place."""
    for value in values:
        span = span_of(value)
        if span is not None:
            return span
    return None


class RequireSections:
    def __init__(self, numbers: list[int], when) -> None:
        self.numbers = numbers
        self.when = when

    def findings(self, env: Env) -> Iterator[Finding]:
        for n in self.numbers:
            if env.report.section(n) is None:
                official = env.templates.official(n)
                title = official.title if official else str(n)
                # (its table there all the same, inside another section: the heading is what
                # is missing, where the table starts)
                table = min((t for t in (*env.report.tables, *env.report.lost_tables)
                             if env.templates.section_of(t.template) == n), key=lambda t: t.span.start, default=None)
                span = env.index.line_span(table.span.line) if table else FUNCTIONS["section_place"].fn(env, n)
                yield Finding({**env.vars, "n": n, "title": title, "table_there": table is not None}, span)


class RequirePatterns:
    def __init__(self, scope, every, some, at, when) -> None:
        self.scope = scope
        self.every = every
        self.some = some
        self.at = at
        self.when = when

    def findings(self, env: Env) -> Iterator[Finding]:
        scope = self.scope(env)
        if scope is None or scope is UNKNOWN:
            return  # the scope itself is absent: another rule says so
        paragraphs = segments(scope)
        seen: dict[int, bool] = {}  # by pattern: each is asked about twice

        def occurs(pattern) -> bool:
            found = seen.get(id(pattern))
            if found is None:
                words = literal_words(pattern.pattern)
                if words is not None:  # (its prefilter is the same test: not made first; a word holds no
                    found = holds_any(words, env.whole(scope, paragraphs))  # whitespace, so none runs across paragraphs)
                else:
                    found = _occurs(pattern, [text for _, text in candidate_paragraphs(
                        paragraphs, prefilter(pattern.pattern), env.whole(scope, paragraphs))])
                seen[id(pattern)] = found
            return found

        missing = [name for name, pattern in self.every if not occurs(pattern)]
        found = [name for name, pattern in self.every + self.some if occurs(pattern)]
        if self.some and not any(occurs(p) for _, p in self.some):
            missing.append("、".join(name for name, _ in self.some) if len(self.some) > 1 else self.some[0][0])
        if missing:
            span = span_of(self.at(env)) if self.at is not None else span_of(scope)
            yield Finding({**env.vars, "missing": missing, "found": found}, span)


class ForbidPatterns:
    def __init__(self, scope, patterns, when) -> None:
        self.scope = scope
        self.patterns = patterns
        self.when = when

    def findings(self, env: Env) -> Iterator[Finding]:
        scope = self.scope(env)
        for name, pattern in self.patterns:
            for match in search_scope(env, scope, pattern):
                yield Finding({**env.vars, "match": match, "pattern": name}, match.span)


class MatchTemplate:
    """`unless`: a finding is left out where it holds, its variables bound (TABLE-002: a
    table whose whole section is missing is said once, by SEC-001)."""

    def __init__(self, tables: list[str], find: str, when, unless=None) -> None:
        self.tables = tables
        self.find = find
        self.when = when
        self.unless = unless

    def findings(self, env: Env) -> Iterator[Finding]:
        looks_at = _LOOKS_AT.get(self.find)
        for table_id in self.tables:
            if looks_at is not None:  # a table read, and what it must have for a finding of this kind
                table = env.report.table(table_id)
                if table is None or not getattr(table, looks_at):
                    continue
            for finding in self._table(env, table_id):
                if self.unless is not None:
                    kept, env.vars = env.vars, finding.vars
                    try:
                        if truth(self.unless(env)) is True:
                            continue
                    finally:
                        env.vars = kept
                yield finding

    def _table(self, env: Env, table_id: str) -> Iterator[Finding]:
        versions = env.templates.versions_of(table_id)
        title = versions[0].title if versions else table_id
        table = env.report.table(table_id)
        base = {**env.vars, "table": title, "section": env.templates.section_of(table_id)}
        lost = [t for t in env.report.lost_tables if t.template == table_id]
        if self.find == "unreadable_table":
            for t in lost:
                yield Finding({**base, "label": title, "row": None, "block": None,
                               "detail": "image" if t.image else str(t.labels)}, t.span)
            return
        if self.find == "missing_table":
            if table is None and not lost:  # (a table there but unreadable is not missing)
                section = env.templates.section_of(table_id)
                present = env.report.section(section) if section else None
                span = present.span if present else (FUNCTIONS["section_place"].fn(env, section) if section else None)
                yield Finding({**base, "label": title, "row": None, "block": None, "detail": ""}, span)
            return
        if table is None:
            return
        if (self.find in _AGAINST_ITS_VERSION and table.version
                and (self.find not in _AGAINST_ITS_COLUMNS or table.version_columns)
                and env.regime in {v.version for v in versions} and table.version != env.regime):
            return  # read as another format version than the year's (TABLE-001): that is the one defect
        if self.find == "missing_blocks":
            for block, label, span in _missing_blocks(env, table):
                yield Finding({**base, "label": label, "row": None, "block": block, "detail": ""}, span)
        elif self.find == "missing_rows":
            skip = {b for b, _, _ in _missing_blocks(env, table)}
            for m in table.missing:
                if m.block is None or m.block not in skip:
                    yield Finding({**base, "label": m.label, "row": m.row, "block": m.block, "detail": ""}, m.span)
        elif self.find == "extra_rows":
            for r in table.extra:
                yield Finding({**base, "label": r.label, "row": r.template_row, "block": None, "detail": ""}, r.span)
        elif self.find == "old_labels":
            yield from _old_labels(base, table, versions)
        else:
            kinds = {"unmatched_rows": ("unmatched_row",), "value_count": ("value_count",),
                     "header_missing": ("header_missing",),
                     "header_partial": ("header_partial",), "header_mismatch": ("header_mismatch",)}[self.find]
            # (a block of which nothing but its label is there lacks its header too: that is
            # the one finding of the block missing, missing_blocks')
            empty = {b for b, _, _ in _missing_blocks(env, table)} if self.find == "header_missing" else set()
            for p in table.problems:
                if p.kind in kinds and (p.block is None or p.block not in empty):
                    yield Finding({**base, "label": p.detail, "row": None, "block": None,
                                   "detail": p.detail, "kind": p.kind}, p.span)


# What is found by holding a table against the version it was read as: where that is not
# the year's version, the table's one defect is its version (a table mixing the versions
# lacks, against either, what the other has). Its header is held against the wrong columns
# only where the versions' columns differ (section 二's table).
_AGAINST_ITS_VERSION = {"missing_blocks", "missing_rows", "extra_rows", "old_labels", "header_partial", "header_mismatch"}
_AGAINST_ITS_COLUMNS = {"header_partial", "header_mismatch"}
_LOOKS_AT = {"missing_blocks": "missing", "missing_rows": "missing", "extra_rows": "extra", "old_labels": "rows",
             **{kind: "problems" for kind in ("unmatched_rows", "value_count", "header_missing", "header_partial",
                                              "header_mismatch")}}  # find → the list of a table it reads


def _missing_blocks(env: Env, table) -> list[tuple[str, str, Span]]:
    """Blocks of a blocks-shaped table of which no row was found; but not a block of one
    row whose columns' header, which that block alone has, is there (第二十条第（八）项 /
    信息内容 | 本年收费金额（单位：万元） and no row after it: its row is missing, not the block;
    a block of several rows none of which is there is one finding still, its content)."""
    out = []
    for tpl in env.templates.versions_of(table.template or ""):
        if tpl.version != table.version or tpl.shape != "blocks":
            continue
        missing = {m.row for m in table.missing}
        header = {core(c.raw) for c in table.header}
        for block in tpl.blocks:
            rows = [r.id for r in block.rows if not r.is_group]
            if not rows or not all(r in missing for r in rows):
                continue
            if len(rows) == 1:  # (the column names only this block has: is its header there?)
                own = {core(c.label) for c in block.columns} - {core(c.label) for b in tpl.blocks if b is not block
                                                              for c in b.columns}
                if own & header:
                    continue
            span = next(m.span for m in table.missing if m.row == rows[0])
            out.append((block.id, block.label, span))
    return out


def _old_labels(base: dict, table, versions: list) -> Iterator[Finding]:
    """Rows of a table named as another version of its template names the same row, and
    not as its own version does (a 2021 table's 行政规范性文件 row written 规范性文件, as in
    2019): `label` the row's name, `detail` its own version's name for it."""
    own = next((v for v in versions if v.version == table.version), None)
    if own is None:
        return
    names = {r.id: r for r in own.data_rows}
    for row in table.rows:
        words, expected = core(row.label), names.get(row.template_row)
        if expected is None or words == expected.core:
            continue
        if any(r.id == row.template_row and r.core == words for v in versions if v is not own for r in v.data_rows):
            yield Finding({**base, "label": row.label, "row": row.template_row, "block": None,
                           "detail": expected.label}, row.span)


def _occurs(pattern, texts: list[str]) -> bool:
    """Whether the pattern occurs in one of the texts, searched one by one under one guard."""
    return guarded(lambda timeout: any(limited_search(pattern, text, timeout) is not None for text in texts), pattern)


# ------------------------------------------------------------------------- evaluation

class _Message:
    """A violation's message in each language, its placeholders' values found while the
    report was at hand (each once, though every language names it), rendered as text
    only in a language asked for (a check shows one; a finding folded into another is
    never shown)."""

    __slots__ = ("pieces",)

    def __init__(self, templates: dict[str, str], variables: dict, env: Env) -> None:
        values: dict[str, Any] = {}  # by placeholder
        self.pieces = {}
        for lang, template in templates.items():
            texts, placeholders = _cut(template)
            pieces = [texts[0]]
            for placeholder, text in zip(placeholders, texts[1:]):
                if placeholder not in values:
                    value = _value(placeholder, variables, env)
                    if type(value) is Match:
                        value = _as_written(value, env)
                    values[placeholder] = renderable(value)
                pieces += (values[placeholder], text)
            self.pieces[lang] = pieces

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.pieces)

    def __call__(self, lang: str) -> str | None:
        pieces = self.pieces.get(lang)
        return None if pieces is None else _rendered(pieces, lang)


class _Folded:
    """The message of the last finding kept of a rule in a table or section, with how
    many more there are and where."""

    __slots__ = ("last", "more")

    def __init__(self, last: Violation, more: dict[str, str]) -> None:
        self.last = last
        self.more = more

    @property
    def languages(self) -> tuple[str, ...]:
        return self.last.languages()

    def __call__(self, lang: str) -> str | None:
        text = self.last.rendered(lang)
        return None if text is None else text + self.more[lang]


def _as_written(match: Match, env: Env) -> Match | str:
    """A match quoted in the document's own characters: a report written in traditional
    characters is read in simplified ones, one for one (traditional.py), and a message
    quoting 乡镇文件8条 from a page that reads 鄉鎮文件8條 could not be found in it."""
    written = env.cached("written", lambda: _traditional_original(env.report))
    start = match.start
    if written is None or start is None:
        return match
    end = start + len(match.text)
    return written[start:end] if env.report.text[start:end] == match.text else match


def _traditional_original(report: Report) -> str | None:
    """The text as the document has it, where it was read in simplified characters one
    for one (and nothing else changed its length)."""
    original = report.original_text
    if (original is None or len(original) != len(report.text)
            or not any(note.key == "note.traditional" for note in report.notes)):
        return None
    return original


def _rendered(pieces: list, lang: str) -> str:
    """A message in pieces (text, value, text, … text: _Message) as it reads in a language."""
    return "".join(piece if i % 2 == 0 else render(piece, lang) for i, piece in enumerate(pieces))


@lru_cache(maxsize=4096)
def _cut(template: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A message template cut at its placeholders: its texts (one more than the
    placeholders) and the placeholders between them."""
    texts, placeholders, pos = [], [], 0
    while True:
        start = template.find("{", pos)
        end = template.find("}", start) if start != -1 else -1
        if end == -1:
            texts.append(template[pos:])
            return tuple(texts), tuple(placeholders)
        texts.append(template[pos:start])
        placeholders.append(template[start + 1:end])
        pos = end + 1


def _message_of(rule: Rule, finding: Finding, env: Env) -> dict[str, str]:
    """The rule's message as it reads for a finding: that of the first of its cases whose
    `when` holds of the finding's variables, else its own."""
    bindings, env.vars = env.vars, finding.vars
    try:
        return next((case.message for case in rule.message_cases if truth(case.when(env)) is True), rule.message)
    finally:
        env.vars = bindings


def _value(placeholder: str, variables: dict, env: Env):
    """What a placeholder ({r.label}) names: a variable, or a global, and its attributes."""
    path = placeholder.strip().split(".")
    head = path[0]
    if head in variables:
        value = variables[head]
    elif head in GLOBALS:
        value = GLOBALS[head](env)
    else:
        value = None
    for attr in path[1:]:
        value = get_attr(value, attr)
    return value


def evaluate(report: Report, rules: list[Rule], templates: Templates,
             corpus: Corpus | None = None) -> tuple[list[Violation], list[RuleRunError]]:
    """Run rules on one report. Rules about other reports (rule.corpus) run only when
    `corpus` says what the other reports are (a check of many reports); alone, a
    report is checked by the other rules only."""
    index = report.line_index or LineIndex(report.text)
    regime = regime_for(report.year)
    issuer_kind = report.issuer.kind if report.issuer else None
    env = Env(report, templates, index, regime, corpus)
    fallback = report.title.span if report.title else index.line_span(1)
    violations: list[Violation] = []
    errors: list[RuleRunError] = []
    containers: list[tuple[int, int]] | None = None  # (made when a rule finds more than its cap)
    about_others = corpus is not None
    applicable, env.every_cell = _applicable(rules, regime, issuer_kind, about_others)
    with watch_regexes():  # (the regexes' time limit, kept at little cost)
        for rule in applicable:
            env.vars = {**rule.params}
            env.touched = []
            check = rule.check
            found: list[Violation] = []
            try:
                if (not isinstance(check, Expect) and (when := getattr(check, "when", None)) is not None
                        and truth(when(env)) is not True):
                    continue
                for finding in islice(check.findings(env), MAX_FINDINGS):
                    message = _Message(_message_of(rule, finding, env) if rule.message_cases else rule.message,
                                       finding.vars, env)
                    other = _other_report(rule, corpus) if about_others else None
                    found.append(Violation(rule.id, rule.severity, rule.title, finding.span or fallback, {},
                                           _unique(finding.related), other, message))
            except ExprError as e:
                errors.append(RuleRunError(rule.id, e.message))
            if len(found) > rule.cap:
                if rule.cap_scope == "report":
                    found = _folded(found, rule.cap, [(0, len(report.text) + 1)])
                else:
                    if containers is None:
                        containers = _containers(report)
                    found = _folded(found, rule.cap, containers)
            violations.extend(found)
    violations.sort(key=lambda v: v.order)
    violations = _without_restatements(violations, report)
    return violations, errors


def _applicable(rules: list[Rule], regime: str | None, issuer_kind: str | None,
                about_others: bool) -> tuple[list[Rule], bool]:
    """The rules that run on a report of a regime and issuer kind (alone, or with the
    reports it is checked with), and whether one of them gives every cell of a table
    (cells(): the rules about other reports read a few). Worked out once per kind of
    report: a batch checks thousands with the same rules."""
    key = (id(rules), regime, issuer_kind, about_others)
    kept = _APPLICABLE.get(key)
    if kept is None or kept[0] != tuple(rules):  # (the same rules: compared by identity first)
        if len(_APPLICABLE) > 64:
            _APPLICABLE.clear()
        kept = _APPLICABLE[key] = (tuple(rules), [r for r in rules if r.corpus == about_others
                                                  and r.applies_to(regime, issuer_kind)],
                                   any("cells" in r.reads for r in rules))
    return kept[1], kept[2]


_APPLICABLE: dict[tuple, tuple[tuple[Rule, ...], list[Rule], bool]] = {}  # by rule list and kind of report


def _blank_cells(report: Report) -> set[int]:
    """Where the blank cells of a report's tables start (each read as 0)."""
    return {c.span.start for t in report.tables for r in t.rows for c in r.cells if c.problem == "blank"}


def _without_restatements(violations: list[Violation], report: Report) -> list[Violation]:
    """One cause, one finding. Leave out a reading note (info) every place of which an
    error or a warning already names (the blank cell a sum rests on), and a finding that
    rests on a blank cell that a finding before it, as loud or louder, already names (a
    blank 总计 column: the rows that do not add up are said once, not again as the column
    whose results add up to 0). The blank cells are looked for only when two errors or
    warnings name the same place: a note silences no louder finding, so otherwise no
    finding is left out for resting on a blank cell."""
    places_of = [{s.start for s in (v.span, *v.related)} for v in violations]
    named: set[int] = set()
    shared: set[int] = set()  # places that two errors or warnings name
    for v, places in zip(violations, places_of):
        if v.severity != "info":
            shared |= named & places
            named |= places
    blanks = _blank_cells(report) if shared else set()
    out: list[Violation] = []
    said: dict[int, int] = {}  # a blank cell named → the loudest rank that named it
    for v, places in zip(violations, places_of):
        if v.severity == "info" and v.related and places <= named:
            continue
        rank = SEVERITIES.index(v.severity)  # 0 the loudest
        resting = places & blanks
        if v.severity != "info" and any(said.get(b, 99) <= rank for b in resting):
            continue
        for b in resting:
            said[b] = min(said.get(b, 99), rank)
        out.append(v)
    return out


def _containers(report: Report) -> list[tuple[int, int]]:
    """The tables and sections of a report, as (start, end) offsets, tables first: what
    a rule's findings are counted in for its cap."""
    spans = [t.span for t in report.tables] + [s.body_span or s.span for s in report.sections]
    return [(s.start, s.end) for s in spans]


def _folded(found: list[Violation], cap: int, containers: list[tuple[int, int]]) -> list[Violation]:
    """A rule's findings (more than `cap`) with at most `cap` in one table or section: the
    rest are folded into the last one kept, whose message says how many more and where,
    and whose related places include theirs. One cause seldom shows only once."""
    groups: dict[object, list[Violation]] = {}
    for v in found:
        key = next((c for c in containers if c[0] <= v.span.start < c[1]), None)
        groups.setdefault(key, []).append(v)
    out: list[Violation] = []
    for key, group in groups.items():
        if key is None or len(group) <= cap:
            out.extend(group)
            continue
        group.sort(key=lambda v: v.order)
        kept, rest = group[:cap], group[cap:]
        last = kept[-1]
        lines = "、".join(str(line) for line in sorted({v.span.line for v in rest})[:12])
        more = {"zh": f"（另有{len(rest)}处同类问题，在第{lines}行）", "en": f" (and {len(rest)} more, on line(s) {lines.replace('、', ', ')})"}
        kept[-1] = Violation(last.rule, last.severity, last.title, last.span, {},
                             _unique(last.related + [s for v in rest for s in (v.span, *v.related)]), last.other,
                             _Folded(last, more))
        out.extend(kept)
    return out


def _other_report(rule: Rule, corpus: Corpus | None) -> str | None:
    """The other report a finding of a rule about other reports concerns."""
    if corpus is None:
        return None
    if "similar" in rule.facts and corpus.similar is not None:
        return corpus.similar.path
    if "previous" in rule.facts and corpus.previous is not None:
        return corpus.previous.path
    if "same_year" in rule.facts and corpus.same_year:
        return corpus.same_year[0]
    return None


def _unique(spans: list[Span]) -> list[Span]:
    seen, out = set(), []
    for s in spans:
        if s.start not in seen:
            seen.add(s.start)
            out.append(s)
    return out

