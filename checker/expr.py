"""expr: the rule expression language (grammar/expr.lark), compiled to closures and
evaluated against a Report. Nothing here reaches Python's eval: names, functions and
attributes come from fixed tables, and every value is one of a few known kinds.

Three-valued on purpose. A cell that is missing, unreadable or in a table that could
not be read with confidence evaluates to UNKNOWN, and UNKNOWN spreads through
arithmetic and comparisons; a rule whose check is UNKNOWN reports nothing. That is
how "do no arithmetic on guessed cells" holds for every rule without each rule
having to say so.

Bounds: an expression is at most MAX_EXPR_CHARS long and MAX_DEPTH deep (checked when
the rule is loaded); regular expressions run with a timeout; lists are capped.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import gc
import re
import signal
import time
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation
from functools import lru_cache, partial
from operator import attrgetter
from threading import get_ident, main_thread
from typing import Any, Callable

import regex
from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedInput

from .cache import compile_re
from .holidays import bundled as bundled_holidays
from .labels import cjk_number, nfkc
from .model import (Cell, Fact, Issuer, LostTable, MissingRow, Paragraph, Period, Report, Row, Section, Span, Table,
                    TableProblem)
from .quantity import parse_amount, quantity, unit_names
from . import cache
from .templates import Column, Templates

MAX_EXPR_CHARS = 4000
MAX_DEPTH = 48
MAX_TREE_DEPTH = MAX_DEPTH * 2  # operators and brackets, as the parse tree nests them
MAX_REPEAT = 1000  # the largest count a pattern may repeat something ({n}, {n,m})
MAX_LIST = 10_000
REGEX_TIMEOUT = 0.25  # seconds of the process's CPU time, per search (guarded)


class ExprError(Exception):
    """An expression that cannot be compiled or evaluated. `column` is 1-based within
    the expression text, when known."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


class _Unknown:
    """A value that cannot be known with confidence (missing or unreadable data)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "unknown"

    def __bool__(self) -> bool:
        raise ExprError("an unknown value used as true/false")


UNKNOWN = _Unknown()


# ------------------------------------------------------------------------- runtime values

@dataclass(slots=True)
class CellRef:
    """A table cell used in an expression: a number in arithmetic, a place for `at`."""

    cell: Cell
    row_label: str
    unit: str | None = None          # the unit the template gives the cell's column or row
    column_label: str | None = None  # the template's label of the cell's column

    @property
    def value(self):
        return self.cell.value if self.cell.value is not None else UNKNOWN


@dataclass(frozen=True, slots=True)
class RowRef:
    """A template row as rules name it (rows(), T[$r]): its id, its label, the report's row or None."""

    id: str
    label: str
    row: Row | None


@dataclass(frozen=True, slots=True)
class ColumnRef:
    """A template column as rules name it (columns()): its id, label, unit and kind."""

    id: str
    label: str
    unit: str | None
    kind: str


class Match:
    """A regular-expression match in the report text, with its named groups. A match
    found by a search works out its span (line and column) only when asked: most are
    only read, and a pattern's named groups are matches too."""

    __slots__ = ("text", "groups", "_span", "_place")

    def __init__(self, text: str, span: Span | None, groups: dict[str, "Match"] | None = None,
                 place: tuple | None = None) -> None:
        self.text = text
        self.groups = {} if groups is None else groups
        self._span = span
        self._place = place  # (LineIndex, start, end) until the span is asked for (see found)

    @classmethod
    def found(cls, text: str, index, start: int, end: int, groups: dict[str, "Match"] | None = None) -> "Match":
        return cls(text, None, groups, (index, start, end))

    @property
    def span(self) -> Span | None:
        if self._place is not None:
            index, start, end = self._place
            self._span, self._place = index.span(start, end), None
        return self._span

    @property
    def start(self) -> int | None:
        """Where the match starts in the report text (span.start), without working out its span."""
        if self._place is not None:
            return self._place[1]
        return self._span.start if self._span else None

    def __eq__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.text, self.span, self.groups) == (other.text, other.span, other.groups)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Match(text={self.text!r}, span={self.span!r}, groups={self.groups!r})"


@dataclass(slots=True)
class Scope:
    """Text to search: segments (offset in the report text, text)."""

    segments: list[tuple[int | None, str]]


class Ratio(Decimal):
    """A share of a whole, 0 to 1 (a similarity): a number in expressions, a percentage
    in messages (相似度86%)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Written:
    """How a cell reads, for a message: blank, or its text (该栏空白 / 该栏写作“3”)."""

    raw: str


@dataclass(slots=True)
class SimilarReport:
    """The most similar other report of a set (corpus.link); `passages` are the stretches
    of text both share, located in this report, worked out only when a rule asks."""

    path: str
    score: Decimal
    issuer: str | None
    year: Decimal | None
    same_body: bool
    find_passages: Callable[[], list]

    def passages(self) -> list:
        return self.find_passages()


@dataclass(slots=True)
class Corpus:
    """What a check of many reports knows about one of them: the same body's previous
    report, other reports of the same body and year, the most similar report."""

    previous: Report | None = None
    same_year: list[str] = field(default_factory=list)
    similar: SimilarReport | None = None
    same_report: list[str] = field(default_factory=list)


class Env:
    """What an expression sees while it is evaluated against one report."""

    def __init__(self, report: Report, templates: Templates, index, regime: str | None,
                 corpus: Corpus | None = None) -> None:
        self.report = report
        self.templates = templates
        self.index = index  # LineIndex of the report text
        self.regime = regime
        self.corpus = corpus
        self.vars: dict[str, Any] = {}
        self.touched: list[Cell] = []
        self._cache: dict[str, Any] = {}
        self.selections: dict[tuple[int, str, str], tuple[Any, list[Cell]]] = {}  # see _selected
        self.tables: dict[int, _Sheet] = {}  # by table: its cells as rules read them
        self.every_cell = True  # whether a rule gives every cell of a table (cells()): see _Sheet
        self.searches: dict[tuple[int, str, bool], tuple[Any, list[Match]]] = {}  # see _search
        self.wholes: dict[int, tuple[Any, str]] = {}  # by scope: see whole

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def whole(self, scope, segs: list[tuple[int | None, str]]) -> str:
        """A scope's paragraphs joined by newlines (what candidate_paragraphs looks in
        first), kept for a scope that lives as long as the report, or a list of them that a
        rule searches for each of its patterns (with the scope, so that its id is not taken
        for another's)."""
        key = id(scope)
        kept = self.wholes.get(key)
        if kept is not None and kept[0] is scope:
            return kept[1]
        text = "\n".join([text for _, text in segs])
        if isinstance(scope, (Scope, Section, list)):  # (a list: [narrative, headings], searched for each of a rule's patterns)
            self.wholes[key] = (scope, text)
        return text

    def joined(self, scope, segs: list[tuple[int | None, str]]):
        """A scope's paragraphs joined by newlines, with where each one starts in the
        joined text and in the report; None if a paragraph holds a newline itself."""
        key = f"joined:{id(scope)}"
        if key in self._cache:
            return self._cache[key]
        joined = _join(segs)
        if isinstance(scope, (Scope, Section)):  # objects that live as long as the report
            self._cache[key] = joined
        return joined


Fn = Callable[[Env], Any]


@dataclass(slots=True)
class CellReference:
    """A literal table reference found in an expression, for load-time checking."""

    table: str
    row: str | None      # selector text, None when it is a variable
    column: str | None


@dataclass(slots=True)
class Compiled:
    """An expression compiled: its closure, the variables, facts and cells it names, its tree."""

    source: str
    fn: Fn
    variables: set[str]
    names: set[str]
    cells: list[CellReference]
    tree: Tree | None = None  # what engine.Expect generates its Python from (see Emitter)

    def __call__(self, env: Env) -> Any:
        return self.fn(env)


# ------------------------------------------------------------------------------ parsing

@lru_cache(maxsize=1)
def _parser() -> Lark:
    return cache.grammar("expr.lark", maybe_placeholders=True)


@lru_cache(maxsize=1)
def _grammar_version() -> str:
    """What a cached parse tree depends on: the expression grammar and Lark."""
    import hashlib

    import lark

    from .resources import data_dir

    text = (data_dir("grammar") / "expr.lark").read_text(encoding="utf-8")
    return hashlib.sha256(f"{lark.__version__}|{text}".encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _code_version() -> str:
    """What an answer of this module kept in the cache (required_literals) depends on:
    the module's text, so that the cache never serves what an earlier version said."""
    import hashlib

    with open(__file__, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def _parse(source: str) -> Tree:
    """The expression's parse tree, from the cache when this text was parsed before.
    A tree deeper than the compiler goes (a chain of 900 `not`, 1,900 `+`) is refused
    here, before anything walks it recursively (the compiler, the cache)."""
    key = ("tree", _grammar_version(), source)
    tree = cache.RULES.get(key)
    if not isinstance(tree, Tree):  # (not kept, or a planted file's wrong data)
        tree = _parser().parse(source)
        depth = _tree_depth(tree)
        if depth > MAX_TREE_DEPTH:
            raise ExprError(f"expression nested too deeply ({depth} levels of operators, at most {MAX_TREE_DEPTH})")
        cache.RULES.put(key, tree)
    return tree


def _tree_depth(tree: Tree) -> int:
    """How deep a parse tree is, found without recursion."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))
    return deepest


class Pattern:
    """A rule's regular expression (regex module, V1; ^ and $ at the start and end of
    every line, so of every paragraph of a scope), compiled on first use: compiling
    is slow in the regex module, a check runs only the patterns a report gives it reason
    to, and a pattern known to compile (the cache remembers) needs no compiling to be
    checked when the rules load. Compiled from the engine code kept of an earlier run
    when there is some (cache.compile_regex)."""

    __slots__ = ("pattern", "_compiled", "_searched", "_behind", "_branches", "_joinable", "_groups", "_clause")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled = self._searched = self._behind = self._branches = None
        self._joinable = self._groups = self._clause = None
        problem = repetition_problem(pattern)
        if problem:  # checked every time: compiling is where `a{1000000000}` would grow without end
            raise regex.error(problem)
        key = ("regex", regex.__version__, pattern)
        if cache.RULES.get(key) is None:
            self.compiled()  # raises regex.error for a bad pattern
            cache.RULES.put(key, True)
        key = ("literals", _code_version(), pattern)  # what required_literals reads from it, kept too
        kept = cache.RULES.get(key)
        if kept is None:
            cache.RULES.put(key, [sorted(words) for words in required_literals(pattern)])
        elif pattern not in _KNOWN_LITERALS:
            _KNOWN_LITERALS[pattern] = tuple(frozenset(words) for words in kept)

    def compiled(self):
        if self._compiled is None:
            self._compiled = cache.compile_regex(self.pattern, PATTERN_FLAGS)
        return self._compiled

    def searched(self):
        """What a search runs: the pattern compiled, or for one whose leading lookbehinds
        reach far back (lookbehind_split) the rest of it, its lookbehinds compiled apart
        (self._behind, else False) and tried only where the rest matches
        (_behind_finditer). Such a lookbehind, run at every place of the text, walks back
        over up to hundreds of characters: most of the pattern's search. A pattern whose
        branches are searched apart (lookbehind_branches) keeps them in self._branches
        (else False)."""
        if self._searched is None:
            split = lookbehind_split(self.pattern)
            branches = () if split else lookbehind_branches(self.pattern)
            self._branches = tuple(cache.compile_regex(b, PATTERN_FLAGS) for b in branches) or False
            if split:
                self._behind = cache.compile_regex(self.pattern[:split], PATTERN_FLAGS)
                self._searched = cache.compile_regex(self.pattern[split:], PATTERN_FLAGS)
            else:
                self._behind = False
                self._searched = self.compiled()
        return self._searched

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def joinable(self) -> bool:
        """Whether a scope's paragraphs may be searched joined by newlines (_matches): not
        when the pattern anchors at the whole text (\\A, \\Z, \\z). Read once."""
        if self._joinable is None:
            self._joinable = not _WHOLE_TEXT_ANCHOR.search(self.pattern)
        return self._joinable

    @property
    def groups(self) -> tuple[str, ...]:
        """The names of its groups, as the regex module lists them (groupindex, a new dict
        each time it is asked)."""
        if self._groups is None:
            self._groups = tuple(self.searched().groupindex)  # (a split pattern's groups are all its rest's)
        return self._groups

    @property
    def clause(self) -> tuple[str, tuple[str, ...]] | None:
        """(stops, words) when every match starts a clause that holds one of the words
        (clause_opening), else None. Read once."""
        if self._clause is None:
            self._clause = clause_opening(self.pattern) or False
        return self._clause or None


PATTERN_FLAGS = regex.V1 | regex.MULTILINE
LOOKBEHIND_FAR = 50  # characters a lookbehind may reach back over to be tried apart


def lookbehind_split(pattern: str) -> int:
    """Where the rest of a pattern starts after its leading lookbehinds, when one of
    them may reach LOOKBEHIND_FAR characters back (the list of a report's parts before
    a match: (?<!(?:报告|全文)[^。]{0,200})…) and the pattern can be searched as its rest,
    the lookbehinds tried where that matches; else 0. Not when a lookbehind captures
    (the rest's groups would be numbered otherwise), a flag is set (its scope would
    change), or a | outside every group splits the rest (the lookbehinds bind only its
    first branch)."""
    end, far = 0, False
    while pattern.startswith(("(?<!", "(?<="), end):
        close = _group_end(pattern, end)
        if close is None or _captures_or_sets_flag(pattern, end + 4, close):
            return 0
        far = far or _reaches_far(pattern, end, close)
        end = close
    if not far or _has_top_level_branch(pattern, end) or _FLAG.search(pattern, end):
        return 0
    return end


def lookbehind_branches(pattern: str) -> list[str]:
    """The branches of a pattern (its parts between the | that stand outside every group)
    when one of them opens with a lookbehind and no group captures or sets a flag; else [].
    The regex module tries each branch of such a pattern at every character of the text,
    while it searches a branch alone for where it can start: the branches searched apart
    and their matches merged (_branches_finditer) are the same matches, found several
    times faster (META-016's blanks: seven branches, one opening with a lookbehind, took
    a fifth of a report's rule time)."""
    if _captures_or_sets_flag(pattern, 0):
        return []
    bars = [i for i, ch, depth in _syntax(pattern, 0) if ch == "|" and depth == 0]
    if not bars:
        return []
    branches = [pattern[start + 1:end] for start, end in zip([-1, *bars], [*bars, len(pattern)])]
    return branches if any(b.startswith(("(?<=", "(?<!")) for b in branches) else []


def _captures_or_sets_flag(pattern: str, start: int, end: int | None = None) -> bool:
    """Whether a group between start and end captures or sets a flag."""
    return any(ch == "(" and _CAPTURE_OR_FLAG.match(pattern, i) for i, ch, _ in _syntax(pattern, start, end))


_CAPTURE_OR_FLAG = compile_re(r"\((?!\?)|\(\?(?:P?<\w|'|\||[aiLmsuxbefprvVw^-]+[:)])")
_FLAG = compile_re(r"\(\?[aiLmsuxbefprvVw^-]+[:)]")


def _reaches_far(pattern: str, start: int, end: int) -> bool:
    """Whether the lookbehind from start to end may reach LOOKBEHIND_FAR characters back or
    more: it repeats something that many times, or without bound (spaces, \\s* or \\s+,
    are no reach)."""
    for i, ch, _ in _syntax(pattern, start, end):
        if ch in "*+" and not (pattern.startswith("\\s", i - 2) and pattern[i - 3:i - 2] != "\\"):
            return True
        if ch == "{" and (found := _QUANTIFIER.match(pattern, i, end)) and (found.group(1) or found.group(2)):
            if found.group(2) == "" or int(found.group(2) or found.group(1)) >= LOOKBEHIND_FAR:
                return True
    return False


def _group_end(pattern: str, start: int) -> int | None:
    """Just after the ")" that closes the group opening at start, or None."""
    return next((i + 1 for i, ch, depth in _syntax(pattern, start) if ch == ")" and depth == 0), None)


def _has_top_level_branch(pattern: str, start: int) -> bool:
    """Whether a | outside every group stands in the pattern after start."""
    return any(ch == "|" and depth == 0 for _, ch, depth in _syntax(pattern, start))


def _syntax(pattern: str, start: int, end: int | None = None):
    """(place, character, depth of groups after it) of each character of the pattern from
    start (to end) that is neither escaped nor in a class."""
    depth, i, n = 0, start, len(pattern) if end is None else end
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        depth += (ch == "(") - (ch == ")")
        yield i, ch, depth
        i += 1


_QUANTIFIER = compile_re(r"\{(\d*)(?:,(\d*))?\}")
_BRACED_ESCAPES = frozenset("pPNxuUgk")


def repetition_problem(pattern: str) -> str | None:
    """Why a pattern repeats too much to compile safely, or None. The regex module
    writes a counted repetition out in full when it compiles it, so `a{1000000000}`
    (or `(a{1000}){1000}`) takes memory and time without bound before it ever runs:
    a count may be at most MAX_REPEAT, and counts nested in each other multiply to at
    most MAX_REPEAT ** 2 // 10."""
    limit = MAX_REPEAT ** 2 // 10
    frames = [1]         # per open group: the most its content repeats anything
    last_group = 1       # what the group just closed repeats (a quantifier after it multiplies it)
    after_group = False
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            if i - 1 < n and pattern[i - 1] in _BRACED_ESCAPES and i < n and pattern[i] in "{<":
                close = pattern.find("}" if pattern[i] == "{" else ">", i)
                i = n if close < 0 else close + 1
            after_group = False
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            after_group = False
            continue
        if ch == "(":
            if pattern.startswith("(?#", i):
                close = pattern.find(")", i)
                i = n if close < 0 else close + 1
                continue
            frames.append(1)
            i += 1
            after_group = False
            continue
        if ch == ")" and len(frames) > 1:
            last_group = frames.pop()
            frames[-1] = max(frames[-1], last_group)
            after_group = True
            i += 1
            continue
        found = _QUANTIFIER.match(pattern, i) if ch == "{" else None
        if found and (found.group(1) or found.group(2)):
            count = max(int(found.group(1) or 0), int(found.group(2) or 0))
            if count > MAX_REPEAT:
                return f"a repetition count of {count} (at most {MAX_REPEAT})"
            weight = count * (last_group if after_group else 1)
            if weight > limit:
                return f"repetitions nested {weight} times over (at most {limit})"
            frames[-1] = max(frames[-1], weight)
            i = found.end()
            after_group = False
            continue
        after_group = False
        i += 1
    return None


def _class_end(pattern: str, start: int) -> int:
    """Where the character class opening at `start` ends (sets nest in regex's V1)."""
    depth, i, n = 0, start, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
            i += 1
            if pattern.startswith("^", i):
                i += 1
            if pattern.startswith("]", i):  # a ] first in a set is a character
                i += 1
            continue
        if ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def clause_opening(pattern: str) -> tuple[str, tuple[str, ...]] | None:
    """(S, the words) of a pattern that opens at a clause holding one of a few words:
    (?:^|(?<=[S])), S single characters among them a newline, then in a lookahead or a
    named group [^S]*? (or *) and the words, (?:w1|w2|…) or one w, unrepeated; with no |
    outside its groups nor in the group the words open, no inline flag but a first (?x) and no \\G. Else None. A match of
    such a pattern starts where a clause starts (at the start of the text or after a
    character of S, a newline being one: ^ matches only there too) that holds one of the
    words before its end (the next character of S). Read with str methods: compiling a
    pattern that reads patterns costs ~3M instructions at every start."""
    verbose = pattern.startswith("(?x)")
    at = _after_layout(pattern, 4, True) if verbose else 0
    if not pattern.startswith("(?:^|(?<=[", at) or "\\G" in pattern:
        return None
    close = pattern.find("]))", at)
    stops = pattern[at + 10:close]
    if close < 0 or "\\n" not in stops or not _stands_for_itself(stops.replace("\\n", ""), _CLASS_SYNTAX):
        return None
    group = _after_layout(pattern, close + 3, verbose)
    if pattern.startswith("(?=", group):
        at = group + 3
    elif pattern.startswith("(?P<", group) and pattern[group + 4:pattern.find(">", group)].isidentifier():
        at = pattern.find(">", group) + 1
    else:
        return None
    scan = f"[^{stops}]*"
    if not pattern.startswith(scan, at):
        return None
    at += len(scan) + pattern.startswith("?", at + len(scan))
    if pattern.startswith("(?:", at):
        close = pattern.find(")", at)
        words, after = pattern[at + 3:close].split("|"), close + 1
    else:
        after = at
        while after < len(pattern) and _stands_for_itself(pattern[after], _SYNTAX):
            after += 1
        words = [pattern[at:after]]
    if not all(words) or not all(_stands_for_itself(w, _SYNTAX) for w in words) or _repeated(pattern, after, verbose):
        return None
    flag = pattern.find("(?", 4 if verbose else 0)
    while flag >= 0:
        if pattern[flag + 2:flag + 3].isalpha() and pattern[flag + 2:flag + 4] not in ("P<", "P=", "P>"):
            return None
        flag = pattern.find("(?", flag + 2)
    depth, closed = 0, None
    for at, ch in _structure(pattern, verbose):
        if ch == "|" and (depth == 0 or (depth == 1 and at > group and closed is None)):
            return None  # (nor in the group the words open: (?=…(?:收到|…)…|上年结转…) needs none of them)
        depth += 1 if ch == "(" else -1 if ch == ")" else 0
        if ch == ")" and depth == 0 and closed is None and at > group:
            closed = at
    if closed is None or _repeated(pattern, closed + 1, verbose):
        return None
    return stops.replace("\\n", "\n"), tuple(words)


_SYNTAX = frozenset("\\.^$*+?{}[]()|#")
_CLASS_SYNTAX = frozenset("\\[]^-&|~")  # in a class (with regex V1's set operations)


def _stands_for_itself(text: str, syntax: frozenset[str]) -> bool:
    """Whether text is characters that stand for themselves (none of syntax, no space)."""
    return not any(ch in syntax or ch.isspace() for ch in text)


def _after_layout(pattern: str, at: int, verbose: bool) -> int:
    """Where the pattern goes on after the spaces from `at` (layout only if verbose)."""
    if verbose:
        while at < len(pattern) and pattern[at].isspace():
            at += 1
    return at


def _repeated(pattern: str, at: int, verbose: bool) -> bool:
    """Whether a quantifier stands at `at` (after layout): what comes before it may repeat."""
    return pattern[_after_layout(pattern, at, verbose):][:1] in ("*", "+", "?", "{")


def _structure(pattern: str, verbose: bool):
    """The brackets and bars of a pattern, (index, character), outside classes, escapes
    and comments."""
    at = 0
    while (piece := _PIECE.search(pattern, at)) is not None:
        token, at = piece[0], piece.end()
        if token == "[":
            at = _class_end(pattern, piece.start())
        elif token == "(?#" or (token == "#" and verbose):
            close = pattern.find(")" if token == "(?#" else "\n", at)
            at = len(pattern) if close < 0 else close + 1
        elif token in ("(", ")", "|"):
            yield piece.start(), token


_PIECE = compile_re(r"\\.|\[|\(\?#|#|[()|]", re.DOTALL)


def compile_expr(source: str, templates: Templates, bound: set[str]) -> Compiled:
    """Compile an expression. `bound` are the variable names (without $) in scope."""
    if not isinstance(source, str):
        source = str(source)
    if len(source) > MAX_EXPR_CHARS:
        raise ExprError(f"expression too long ({len(source)} characters, at most {MAX_EXPR_CHARS})")
    depth = _nesting(source)
    if depth > MAX_DEPTH:
        raise ExprError(f"expression nested too deeply ({depth} levels, at most {MAX_DEPTH})")
    try:
        tree = _parse(source)
    except UnexpectedInput as e:
        expected = sorted({_TOKEN_NAMES.get(t, t) for t in (getattr(e, "expected", None)
                                                            or getattr(e, "allowed", None) or [])})
        hint = f"; expected {' or '.join(expected[:8])}" if expected else ""
        raise ExprError(f"syntax error at column {e.column}{hint}", e.column) from None
    except LarkError as e:
        raise ExprError(f"syntax error: {e}") from None
    compiler = _Compiler(templates, bound)
    fn = compiler.compile(tree)
    return Compiled(source, fn, compiler.variables, compiler.names, compiler.cells, tree)


# Functions that read of a table only its template (which columns it has), none of its rows.
_TEMPLATE_ONLY = frozenset({"columns"})


def rows_read(tree: Tree, table_ids: set[str],
              found: dict[str, frozenset[str] | None] | None = None) -> dict[str, frozenset[str] | None]:
    """The template rows of each table an expression may read, added to `found` (what
    other expressions read) when given: for a table it only indexes by rows written out
    (T[row, …], previous.T[row|other, …]), those rows; for one only given to columns(),
    none; for one read any other way (rows(T), cells(T), T[$r, …], T[withheld.*, …], a
    variable bound to T), None: any row. Tables it does not name are left out."""
    found = {} if found is None else found
    read = partial(add_rows, found)

    def table_named(node) -> str | None:
        if isinstance(node, Tree) and node.data == "name" and str(node.children[0]) in table_ids:
            return str(node.children[0])
        if (isinstance(node, Tree) and node.data == "attr" and isinstance(node.children[0], Tree)
                and node.children[0].data == "name" and str(node.children[0].children[0]) == "previous"
                and str(node.children[1]) in table_ids):
            return str(node.children[1])
        return None

    def visit(node) -> None:
        if not isinstance(node, Tree):
            return
        table = table_named(node)
        if table is not None:
            read(table, None)
            return
        children = node.children
        if node.data in ("cell", "row") and (table := table_named(children[0])) is not None:
            selector = children[1]
            literal = selector.data == "selector" and "*" not in str(selector.children[0])
            read(table, frozenset(str(selector.children[0]).split("|")) if literal else None)
            children = children[2:]
        elif (node.data == "call" and str(children[0]) in _TEMPLATE_ONLY and children[1] is not None
              and all(table_named(arg) for arg in children[1].children)):
            for arg in children[1].children:
                read(table_named(arg), frozenset())
            return
        for child in children:
            visit(child)

    visit(tree)
    return found


def add_rows(found: dict[str, frozenset[str] | None], table: str, rows: frozenset[str] | None) -> None:
    """Add to the rows read of each table (rows_read) those read of one more."""
    held = found.get(table, frozenset())
    found[table] = None if held is None or rows is None else held | rows


_TOKEN_NAMES = {
    "LPAR": "(", "RPAR": ")", "LSQB": "[", "RSQB": "]", "COMMA": ",", "DOT": ".", "MINUS": "-",
    "NAME": "a name", "VAR": "a $variable", "NUMBER": "a number", "QUANTITY": "an amount",
    "STRING": "a string", "SELECTOR": "a row or column id", "COMPARE": "a comparison",
    "ADD": "+ or -", "MUL": "* or /", "$END": "the end", "AND": "and", "OR": "or", "NOT": "not",
    "IN": "in", "TRUE": "true", "FALSE": "false", "NULL": "null",
}


def _nesting(source: str) -> int:
    depth = deepest = 0
    for ch in source:
        if ch in "([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]":
            depth -= 1
    return deepest


def _raw_string(token: str) -> str:
    quote = token[0]
    return token[1:-1].replace("\\" + quote, quote)


class _Compiler:
    def __init__(self, templates: Templates, bound: set[str]) -> None:
        self.templates = templates
        self.table_ids = {t.id for t in templates.tables}
        self.bound = bound
        self.variables: set[str] = set()
        self.names: set[str] = set()
        self.cells: list[CellReference] = []
        self.depth = 0

    def compile(self, node) -> Fn:
        self.depth += 1
        if self.depth > MAX_TREE_DEPTH:
            raise ExprError("expression nested too deeply")
        try:
            if isinstance(node, Token):
                raise ExprError(f"unexpected {node!r}")
            method = getattr(self, "_" + node.data.rstrip("_"))
            return method(*node.children)
        finally:
            self.depth -= 1

    # literals
    def _number(self, tok: Token) -> Fn:
        return _constant(Decimal(tok))

    def _quantity(self, tok: Token) -> Fn:
        text = str(tok)
        split = next(i for i, ch in enumerate(text) if not (ch.isdigit() or ch == "."))
        number, unit = Decimal(text[:split]), text[split:]
        if unit not in unit_names():
            raise ExprError(f"unknown unit {unit!r} in {text!r} (units: {', '.join(sorted(unit_names()))})",
                            tok.column)
        return _constant(quantity(number, unit))

    def _string(self, tok: Token) -> Fn:
        return _constant(_raw_string(tok))

    def _true(self) -> Fn:
        return _constant(True)

    def _false(self) -> Fn:
        return _constant(False)

    def _null(self) -> Fn:
        return _constant(None)

    def _list(self, args=None) -> Fn:
        items = [self.compile(a) for a in args.children] if args is not None else []
        return lambda env: [f(env) for f in items]

    # names
    def _var(self, tok: Token) -> Fn:
        name = tok[1:]
        if name not in self.bound:
            raise ExprError(f"unknown variable ${name} (bound here: "
                            f"{', '.join('$' + b for b in sorted(self.bound)) or 'none'})", tok.column)
        self.variables.add(name)
        return lambda env: env.vars[name]

    def _name(self, tok: Token) -> Fn:
        name = str(tok)
        self.names.add(name)
        if name in GLOBALS:
            getter = GLOBALS[name]
            return lambda env: env.cached(name, lambda: getter(env))
        if name in self.table_ids:
            return lambda env: env.cached("table:" + name, lambda: env.report.table(name))
        raise ExprError(f"unknown name {name!r} (facts: {', '.join(sorted(GLOBALS))}; tables: "
                        f"{', '.join(sorted(self.table_ids))})", tok.column)

    def _call(self, name: Token, args=None) -> Fn:
        fname = str(name)
        if fname not in FUNCTIONS:
            raise ExprError(f"unknown function {fname}() (functions: {', '.join(sorted(FUNCTIONS))})",
                            name.column)
        spec = FUNCTIONS[fname]
        arg_nodes = args.children if args is not None else []
        if not spec.min_args <= len(arg_nodes) <= spec.max_args:
            want = (str(spec.min_args) if spec.min_args == spec.max_args
                    else f"{spec.min_args}–{spec.max_args}")
            raise ExprError(f"{fname}() takes {want} argument(s), got {len(arg_nodes)}", name.column)
        compiled = []
        for i, node in enumerate(arg_nodes):
            if i in spec.regex_args:
                compiled.append(self._regex_literal(node, fname))
            else:
                compiled.append(self.compile(node))
        impl = spec.fn
        return lambda env: impl(env, *[f(env) for f in compiled])

    def _regex_literal(self, node, fname: str) -> Fn:
        if not (isinstance(node, Tree) and node.data == "string"):
            raise ExprError(f"{fname}(): the pattern must be a string literal")
        tok = node.children[0]
        pattern = _raw_string(tok)
        try:
            compiled = Pattern(pattern)
        except regex.error as e:
            raise ExprError(f"bad regular expression {pattern!r}: {e}", tok.column) from None
        return lambda env: compiled

    # structure
    def _attr(self, obj, name: Token) -> Fn:
        target = self.compile(obj)
        attr = str(name)
        return lambda env: get_attr(target(env), attr)

    def _cell(self, table, row_sel, col_sel) -> Fn:
        return self._table_ref(table, row_sel, col_sel)

    def _row(self, table, row_sel) -> Fn:
        return self._table_ref(table, row_sel, None)

    def _table_ref(self, table, row_sel, col_sel) -> Fn:
        target = self.compile(table)
        row = self._selector(row_sel)
        col = self._selector(col_sel) if col_sel is not None else None
        name = None  # applications[…] or previous.applications[…]: check the ids at load time
        if isinstance(table, Tree) and table.data == "name":
            name = table.children[0]
        elif isinstance(table, Tree) and table.data == "attr" and table.children[0].data == "name" \
                and str(table.children[0].children[0]) == "previous":
            name = table.children[1]
        if name is not None:
            literal = lambda s: str(s.children[0]) if s is not None and s.data == "selector" else None
            self.cells.append(CellReference(str(name), literal(row_sel), literal(col_sel)))
        if col is None:
            return lambda env: select_rows(env, target(env), row(env))
        return lambda env: select_cells(env, target(env), row(env), col(env))

    def _selector(self, node) -> Fn:
        if node.data == "var":
            return self._var(node.children[0])
        text = str(node.children[0])
        return lambda env: text

    # operators
    def _neg(self, operand) -> Fn:
        f = self.compile(operand)
        if _is_constant(f):
            return _constant(_negate(f.constant))
        return lambda env: _negate(f(env))

    def _binop(self, left, op: Token, right) -> Fn:
        lf, rf, o = self.compile(left), self.compile(right), str(op)
        if _is_constant(rf) and o == "/" and _is_zero(rf.constant):
            raise ExprError("division by zero", op.column)
        if _is_constant(lf) and _is_constant(rf):  # known now: an error is the rule's, at load time
            return _constant(_at(op, arithmetic, o, lf.constant, rf.constant))
        return lambda env: arithmetic(o, lf(env), rf(env))

    def _compare(self, left, op: Token, right) -> Fn:
        lf, rf, o = self.compile(left), self.compile(right), str(op)
        if _is_constant(lf) and _is_constant(rf):
            return _constant(_at(op, compare, o, lf.constant, rf.constant))
        return lambda env: compare(o, lf(env), rf(env))

    def _in(self, left, right) -> Fn:
        lf, rf = self.compile(left), self.compile(right)
        return lambda env: contains(rf(env), lf(env))

    def _not_in(self, left, right) -> Fn:
        lf, rf = self.compile(left), self.compile(right)
        return lambda env: logical_not(contains(rf(env), lf(env)))

    def _and(self, left, right) -> Fn:
        lf, rf = self.compile(left), self.compile(right)

        def run(env):
            a = truth(lf(env))
            if a is False:
                return False
            b = truth(rf(env))
            if b is False:
                return False
            return UNKNOWN if UNKNOWN in (a, b) else True
        return run

    def _or(self, left, right) -> Fn:
        lf, rf = self.compile(left), self.compile(right)

        def run(env):
            a = truth(lf(env))
            if a is True:
                return True
            b = truth(rf(env))
            if b is True:
                return True
            return UNKNOWN if UNKNOWN in (a, b) else False
        return run

    def _not(self, operand) -> Fn:
        f = self.compile(operand)
        return lambda env: logical_not(f(env))


class Emitter:
    """Python source for compiled expressions, put together by engine.Expect into one
    function per rule: the same operations as _Compiler's closures, called in the same
    order, without a closure call per node of the tree. Nothing a rule writes becomes
    code: its strings, numbers, patterns and names enter the source only as constants
    (the names k0, k1… of `namespace`); its variables are the function's locals, named
    by `local`. The source refers to the locals `env` and `cache` (env._cache)."""

    def __init__(self, local: dict[str, str]) -> None:
        self.local = local
        self.namespace: dict[str, Any] = {
            "UNKNOWN": UNKNOWN, "truth": truth, "get_attr": get_attr, "select_cells": select_cells,
            "select_rows": select_rows, "arithmetic": arithmetic, "compare": compare, "contains": contains,
            "_negate": _negate, "_fill": _fill, "Decimal": Decimal, "CellRef": CellRef}
        self.constants: dict[str, Any] = {}  # name → value, of the constants made here
        self._temps = 0

    def constant(self, value) -> str:
        name = f"k{len(self.constants)}"
        self.constants[name] = self.namespace[name] = value
        return name

    def temp(self) -> str:
        self._temps += 1
        return f"t{self._temps}"

    def emit(self, node) -> str:
        return getattr(self, "_" + node.data.rstrip("_"))(*node.children)

    def _folded(self, src: str) -> bool:
        return src in self.constants

    # literals
    def _number(self, tok: Token) -> str:
        return self.constant(Decimal(tok))

    def _quantity(self, tok: Token) -> str:
        text = str(tok)
        split = next(i for i, ch in enumerate(text) if not (ch.isdigit() or ch == "."))
        return self.constant(quantity(Decimal(text[:split]), text[split:]))

    def _string(self, tok: Token) -> str:
        return self.constant(_raw_string(tok))

    def _true(self) -> str:
        return self.constant(True)

    def _false(self) -> str:
        return self.constant(False)

    def _null(self) -> str:
        return self.constant(None)

    def _list(self, args=None) -> str:
        return "[" + ", ".join(self.emit(a) for a in (args.children if args is not None else [])) + "]"

    # names
    def _var(self, tok: Token) -> str:
        return self.local[tok[1:]]

    def _name(self, tok: Token) -> str:
        name = str(tok)
        if name in GLOBALS:
            key, getter = self.constant(name), self.constant(GLOBALS[name])
        else:
            key, getter = self.constant("table:" + name), self.constant(lambda env: env.report.table(name))
        return f"(cache[{key}] if {key} in cache else _fill(env, {key}, {getter}))"

    def _call(self, name: Token, args=None) -> str:
        spec = FUNCTIONS[str(name)]
        parts = ["env"]
        for i, node in enumerate(args.children if args is not None else []):
            parts.append(self.constant(Pattern(_raw_string(node.children[0]))) if i in spec.regex_args
                         else self.emit(node))
        return f"{self.constant(spec.fn)}({', '.join(parts)})"

    # structure
    def _attr(self, obj, name: Token) -> str:
        """get_attr, with its first answer (a getter of the value's type) looked up inline."""
        value, getter = self.temp(), self.temp()
        getters, attr = self.constant(_getters_of(str(name))), self.constant(str(name))
        return (f"({getter}({value}) if ({getter} := {getters}.get(type({value} := {self.emit(obj)}))) "
                f"is not None else get_attr({value}, {attr}))")

    def _selector(self, node) -> str:
        return self._var(node.children[0]) if node.data == "var" else self.constant(str(node.children[0]))

    def _cell(self, table, row_sel, col_sel) -> str:
        return f"select_cells(env, {self.emit(table)}, {self._selector(row_sel)}, {self._selector(col_sel)})"

    def _row(self, table, row_sel) -> str:
        return f"select_rows(env, {self.emit(table)}, {self._selector(row_sel)})"

    # operators
    def _neg(self, operand) -> str:
        x = self.emit(operand)
        return self.constant(_negate(self.constants[x])) if self._folded(x) else f"_negate({x})"

    def _binop(self, left, op: Token, right) -> str:
        a, b, o = self.emit(left), self.emit(right), str(op)
        if self._folded(a) and self._folded(b):
            return self.constant(arithmetic(o, self.constants[a], self.constants[b]))
        return f"arithmetic({self.constant(o)}, {a}, {b})"

    def _compare(self, left, op: Token, right) -> str:
        a, b, o = self.emit(left), self.emit(right), str(op)
        if self._folded(a) and self._folded(b):
            return self.constant(compare(o, self.constants[a], self.constants[b]))
        x, y = self.temp(), self.temp()
        if o not in ("==", "!="):  # two numbers (not NaN, which compare reports): compare's answer, inline
            return (f"({x} {o} {y} if type({x} := {a}) is type({y} := {b}) is Decimal and not {x}.is_nan() "
                    f"and not {y}.is_nan() else compare({self.constant(o)}, {x}, {y}))")
        # two numbers or two strings, or a number and a cell with a value ($parts == $total): compare's
        # answer, inline
        return (f"({x} {o} {y} if type({x} := {a}) is type({y} := {b}) and (type({x}) is Decimal or type({x}) is str) "
                f"else {x} {o} {y}.cell.value if type({y}) is CellRef and type({x}) is Decimal "
                f"and type({y}.cell.value) is Decimal else compare({self.constant(o)}, {x}, {y}))")

    def _in(self, left, right) -> str:
        a, b = self.emit(left), self.emit(right)
        return f"contains({b}, {a})"  # the list first, as the closure does

    def _not_in(self, left, right) -> str:
        return self._negated(self._in(left, right))

    def truth(self, src: str) -> str:
        """truth(src), without the call when it is true or false already."""
        t = self.temp()
        return f"({t} if ({t} := {src}) is True or {t} is False else truth({t}))"

    def _and(self, left, right) -> str:
        a, b, x, y = self.emit(left), self.emit(right), self.temp(), self.temp()
        return (f"(False if ({x} := {self.truth(a)}) is False else False if ({y} := {self.truth(b)}) is False "
                f"else UNKNOWN if {x} is UNKNOWN or {y} is UNKNOWN else True)")

    def _or(self, left, right) -> str:
        a, b, x, y = self.emit(left), self.emit(right), self.temp(), self.temp()
        return (f"(True if ({x} := {self.truth(a)}) is True else True if ({y} := {self.truth(b)}) is True "
                f"else UNKNOWN if {x} is UNKNOWN or {y} is UNKNOWN else False)")

    def _not(self, operand) -> str:
        return self._negated(self.emit(operand))

    def _negated(self, src: str) -> str:
        """logical_not(src), without the call."""
        t = self.temp()
        return f"(UNKNOWN if ({t} := {self.truth(src)}) is UNKNOWN else not {t})"


@lru_cache(maxsize=None)
def _getters_of(name: str) -> dict[type, Callable[[Any], Any]]:
    """By type, the getter get_attr answers first for an attribute (of a Report, none: a
    report's attribute may be a table's name)."""
    return {kind: attrs[name] for kind, attrs in _ATTRS.items() if kind is not Report and name in attrs}


def _fill(env: Env, key: str, getter: Callable[[Env], Any]):
    """env.cached(key, lambda: getter(env)), for generated code that looked first."""
    value = env._cache[key] = getter(env)
    return value


def _constant(value) -> Fn:
    """A literal, or an operation on literals done while compiling (so that `1/0` or
    `1200元 == 5` is an error `rules lint` reports at the rule's line)."""
    fn = lambda env: value  # noqa: E731
    fn.constant = value  # type: ignore[attr-defined]
    return fn


def _is_constant(fn: Fn) -> bool:
    return hasattr(fn, "constant")


def _at(op: Token, operation, *args):
    try:
        return operation(*args)
    except ExprError as e:
        raise ExprError(e.message, e.column or op.column) from None


# ------------------------------------------------------------------------- semantics

def number(value) -> Any:
    """A value as a number: Decimal, a pint Quantity, a date, or UNKNOWN."""
    if type(value) is Decimal:  # the common case, answered first
        return value
    if isinstance(value, CellRef):
        return value.value
    if isinstance(value, bool):
        raise ExprError("true/false used as a number")
    if isinstance(value, int):
        return Decimal(value)
    if value is None:
        return UNKNOWN
    return value


def truth(value) -> Any:
    if value is UNKNOWN or value is None:
        return UNKNOWN if value is UNKNOWN else False
    if isinstance(value, bool):
        return value
    if isinstance(value, (list, str)):
        return bool(value)
    if isinstance(value, Decimal):
        return value != 0
    return True


def logical_not(value) -> Any:
    t = truth(value)
    return UNKNOWN if t is UNKNOWN else not t


def _negate(value):
    v = number(value)
    return UNKNOWN if v is UNKNOWN else -v


def arithmetic(op: str, a, b):
    if op == "+" and type(a) is list and type(b) is list:  # (two lists joined: tables + unread_tables)
        return a + b
    x, y = number(a), number(b)
    if x is UNKNOWN or y is UNKNOWN:
        return UNKNOWN
    try:
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        return x / y
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        if op == "/" and _is_zero(y):
            raise ExprError(f"division by zero ({render(x, 'en')} / {render(y, 'en')})") from None
        raise ExprError(f"cannot compute {render(x, 'en')} {op} {render(y, 'en')}") from None
    except TypeError:
        raise ExprError(f"cannot compute {_kind(x)} {op} {_kind(y)}") from None
    except Exception as e:  # pint's DimensionalityError and friends
        raise ExprError(f"cannot compute {_kind(x)} {op} {_kind(y)}: {e}") from None


def compare(op: str, a, b):
    x = a if type(a) is Decimal or type(a) is str else (  # the common cases first
        number(a) if isinstance(a, (CellRef, int)) and not isinstance(a, bool) else a)
    y = b if type(b) is Decimal or type(b) is str else (
        number(b) if isinstance(b, (CellRef, int)) and not isinstance(b, bool) else b)
    if type(x) is Match and (type(y) is str or type(y) is Match) or type(y) is Match and type(x) is str:
        x, y = _text_of(x), _text_of(y)  # a match is its text: $m.named == issuer.name
    if type(x) is type(y) and (type(x) is Decimal or type(x) is str):  # two numbers, two strings: as _equal finds
        if op in ("==", "!="):
            return (x == y) if op == "==" else not (x == y)
    else:
        if x is UNKNOWN or y is UNKNOWN:
            return UNKNOWN
        if op in ("==", "!="):
            equal = _equal(x, y, strict=True)
            return equal if op == "==" else not equal
        if x is None or y is None:
            return UNKNOWN
    try:
        if op == "<":
            return x < y
        if op == "<=":
            return x <= y
        if op == ">":
            return x > y
        return x >= y
    except TypeError:
        raise ExprError(f"cannot compare {_kind(x)} {op} {_kind(y)}") from None
    except Exception as e:
        raise ExprError(f"cannot compare {_kind(x)} {op} {_kind(y)}: {e}") from None


def _text_of(value):
    return value.text if type(value) is Match else value


def _equal(x, y, strict: bool = False) -> bool:
    """x == y. Amounts are equal in any unit of the same kind. Strict (the `==` and `!=`
    of a rule): values of two kinds that cannot be compared (an amount and a plain
    number, a string and a number) are an error, not silently unequal: `1200元 == 5`
    is a mistake in the rule, and false would make it report a violation. `in` looks
    for an item among others of any kind, so there they are just not equal."""
    if _is_quantity(x) and _is_quantity(y):
        try:
            return x.to(y.units).magnitude == y.magnitude
        except Exception as e:
            if not strict:
                return False
            raise ExprError(f"cannot compare amounts: {e}") from None
    if strict:
        kx, ky = _kind(x), _kind(y)
        if kx != ky and kx in _SCALAR_KINDS and ky in _SCALAR_KINDS:
            raise ExprError(f"cannot compare {kx} with {ky} ({render(x, 'en')} == {render(y, 'en')})")
    return x == y


_SCALAR_KINDS = frozenset({"a number", "a string", "an amount", "a date", "bool"})


def _is_zero(v) -> bool:
    try:
        return v == 0 or (_is_quantity(v) and v.magnitude == 0)
    except Exception:
        return False


def _is_quantity(v) -> bool:
    return hasattr(v, "units") and hasattr(v, "magnitude")


def contains(container, item):
    if container is UNKNOWN or item is UNKNOWN:
        return UNKNOWN
    if isinstance(container, str) and isinstance(item, str):
        return item in container
    if isinstance(container, list):
        if isinstance(item, str) or item is None:
            return item in container
        item = number(item) if isinstance(item, CellRef) else item
        return any(_equal(item, c) for c in container)
    raise ExprError(f"`in` needs a list or a string on its right, not {_kind(container)}")


def _kind(v) -> str:
    if isinstance(v, Decimal):
        return "a number"
    if isinstance(v, str):
        return "a string"
    if isinstance(v, list):
        return "a list"
    if _is_quantity(v):
        return "an amount"
    if isinstance(v, dt.date):
        return "a date"
    if v is None:
        return "null"
    return type(v).__name__.lower()


# ------------------------------------------------------------------------------ tables

def _template_for(env: Env, table: Table):
    return env.templates.version_of(table.template, table.version)


def _pick(ids: list[str], selector: str) -> list[str]:
    """Ids matching a selector; a plain id (no *, no |) picks at most itself."""
    key = (id(ids), selector)
    found = _PICKED.get(key)
    if found is None or found[0] is not ids:
        found = _PICKED[key] = (ids, _pick_uncached(ids, selector))
    return found[1]


_PICKED: dict[tuple[int, str], tuple[list[str], list[str]]] = {}  # ids live as long as their template


def _pick_uncached(ids: list[str], selector: str) -> list[str]:
    out = []
    for alternative in selector.split("|"):
        if "*" in alternative:
            out.extend(i for i in ids if fnmatch.fnmatchcase(i, alternative) and i not in out)
        elif alternative in ids and alternative not in out:
            out.append(alternative)
    return out


def _single(selector) -> bool:
    return isinstance(selector, (RowRef, ColumnRef)) or ("*" not in selector and "|" not in selector)


def _selector_text(selector) -> str:
    if isinstance(selector, (RowRef, ColumnRef)):
        return selector.id
    if isinstance(selector, str):
        return selector
    raise ExprError(f"a table row or column must be an id or a row/column variable, not {_kind(selector)}")


def select_cells(env: Env, table, row_sel, col_sel):
    if not isinstance(table, Table):
        if table is None or table is UNKNOWN:
            return UNKNOWN if _single(row_sel) and _single(col_sel) else []
        raise ExprError(f"only a table can be indexed, not {_kind(table)}")
    row_text = row_sel if type(row_sel) is str else row_sel.id if type(row_sel) is RowRef else _selector_text(row_sel)
    col_text = col_sel if type(col_sel) is str else col_sel.id if type(col_sel) is ColumnRef else _selector_text(col_sel)
    sheet = env.tables.get(id(table)) or _sheet(env, table)
    one_row = "*" not in row_text and "|" not in row_text
    one_column = "*" not in col_text and "|" not in col_text
    if one_row and one_column:
        ref = sheet.readable.get((row_text, col_text))  # one id each: at most one cell, looked up at once
        if ref is None and (sheet.rows is None or (ref := _read_cell(sheet, row_text, col_text)) is None):
            return UNKNOWN
        env.touched.append(ref.cell)
        return ref
    key = (id(table), row_text, col_text)
    found = env.selections.get(key)
    if found is None:  # (a row or column variable is one row or column, whatever its id: _single)
        single = (one_row or not isinstance(row_sel, str)) and (one_column or not isinstance(col_sel, str))
        found = env.selections[key] = _selected(sheet, row_text, col_text, single)
    env.touched += found[1]
    return found[0]


def _selected(sheet: _Sheet, row_text: str, col_text: str, single: bool):
    """What a selection of several ids (| or *) gives and the cells it reads: worked out
    once per report (many rules read the same cells; a table does not change while its
    report is checked)."""
    readable = sheet.readable
    columns = _pick(sheet.info.column_ids, col_text)
    cell_by_cell = sheet.rows is not None
    out, touched = [], []
    for r in _pick(sheet.info.row_ids, row_text):
        for c in columns:
            ref = readable.get((r, c))
            if ref is None and cell_by_cell:
                ref = _read_cell(sheet, r, c)
            if ref is None:
                out.append(UNKNOWN)
            else:
                out.append(ref)
                touched.append(ref.cell)
    if single:
        return (out[0] if out else UNKNOWN), touched
    return out, touched


@dataclass(frozen=True, slots=True)
class _CellInfo:
    """What a template says about its cells: the ids a selector may pick, units and
    column and row labels, its columns as columns() gives them. Computed once per
    template."""

    row_ids: list[str]
    column_ids: list[str]
    units: dict[str, str]
    labels: dict[str, str]
    blocks: dict[str, str | None]  # row id → its block
    row_labels: dict[str, str]
    columns: list[ColumnRef]  # each column id once, as its first block has it


_NO_TEMPLATE = _CellInfo([], [], {}, {}, {}, {}, [])
_CELL_INFO: dict[int, tuple[object, _CellInfo]] = {}  # by template (kept, so its id is not reused)


def _cell_info(tpl) -> _CellInfo:
    if tpl is None:
        return _NO_TEMPLATE
    found = _CELL_INFO.get(id(tpl))
    if found is not None and found[0] is tpl:
        return found[1]
    columns = [c for b in tpl.blocks for c in b.columns]
    column_ids = ["value", "unit"] if tpl.shape == "labelled_values" else list(dict.fromkeys(c.id for c in columns))
    units = {c.id: c.unit for c in columns if c.unit}
    units.update({r.id: r.unit for r in tpl.rows if r.id and r.unit in unit_names()})
    first: dict[str, Column] = {}
    for c in columns:
        first.setdefault(c.id, c)
    info = _CellInfo([r.id for r in tpl.data_rows], column_ids, units, {c.id: c.label for c in columns},
                     {r.id: r.block for r in tpl.rows if r.id}, {r.id: r.label for r in tpl.rows if r.id},
                     [ColumnRef(c.id, c.label, c.unit, c.kind) for c in first.values()])
    _CELL_INFO[id(tpl)] = (tpl, info)
    return info


@dataclass(slots=True)
class _Sheet:
    """A table's cells as rules read them. Where a rule gives every cell (cells()), all
    are made in one pass the first time a rule reads the table (the rules read most
    cells of every table, one selection at a time); otherwise (the rules about other
    reports read a few cells of two tables) each is made when it is first read, from
    `rows`."""

    info: _CellInfo
    readable: dict[tuple[str, str], CellRef]  # (row id, column id) → the cell, if a rule may read it
    refs: list[CellRef] | None  # every cell but the unit column's, in order: what cells() gives
    rows: dict[str, Row] | None = None  # made cell by cell: the row each readable cell is read from, by id
    rows_read: list[RowRef] | None = None  # what rows() gives, once asked


def _sheet(env: Env, table: Table) -> _Sheet:
    sheet = env.tables.get(id(table))
    if sheet is None:
        info = _cell_info(_template_for(env, table))
        sheet = env.tables[id(table)] = (_read_sheet(table, info) if env.every_cell
                                         else _Sheet(info, {}, None, _readable_rows(table, info)))
    return sheet


def _read_sheet(table: Table, info: _CellInfo) -> _Sheet:
    """Each cell's CellRef (its unit from its column, else its row), and which a rule may
    read: those of the rows _readable_rows gives, the first cell of each template column."""
    units, labels = info.units, info.labels
    column_ids = set(info.column_ids)
    readable_rows = _readable_rows(table, info)
    readable: dict[tuple[str, str], CellRef] = {}
    refs: list[CellRef] = []
    for row in table.rows:
        row_id = row.template_row
        read = readable_rows.get(row_id) is row
        label = row.label
        for cell in row.cells:
            column = cell.column or ""
            ref = CellRef(cell, label, units.get(column) or units.get(cell.row or ""), labels.get(column))
            if column != "unit":
                refs.append(ref)
            if read and column in column_ids and (row_id, column) not in readable:
                readable[row_id, column] = ref
    return _Sheet(info, readable, refs)


def _readable_rows(table: Table, info: _CellInfo) -> dict[str, Row]:
    """The rows whose cells a rule may read, by template row id: the first row matched to
    each template data row, unless it has a problem or its block is unreliable (its cells
    read as unknown)."""
    row_ids = set(info.row_ids)
    rows: dict[str, Row] = {}
    rows_seen: set[str | None] = set()
    for row in table.rows:
        row_id = row.template_row
        if (row_id not in rows_seen and row_id in row_ids and not row.problem
                and (not table.problems or table.reliable_for(info.blocks.get(row_id)))):
            rows[row_id] = row
        rows_seen.add(row_id)
    return rows


def _read_cell(sheet: _Sheet, row_id: str, column: str) -> CellRef | None:
    """One cell of a sheet made cell by cell, as _read_sheet would have made it."""
    row = sheet.rows.get(row_id)
    if row is None or column not in sheet.info.column_ids:
        return None
    for cell in row.cells:
        if (cell.column or "") == column:
            info = sheet.info
            ref = sheet.readable[row_id, column] = CellRef(
                cell, row.label, info.units.get(column) or info.units.get(cell.row or ""), info.labels.get(column))
            return ref
    return None


def select_rows(env: Env, table, row_sel):
    if not isinstance(table, Table):
        return [] if table is None or table is UNKNOWN else _raise(f"only a table can be indexed, not {_kind(table)}")
    tpl = _template_for(env, table)
    info = _cell_info(tpl)
    ids = _pick(info.row_ids, _selector_text(row_sel))  # (the template's list: _pick keeps its answer by it)
    refs = [RowRef(i, info.row_labels.get(i, i), table.row(i)) for i in ids]
    return refs[0] if _single(row_sel) and refs else (None if _single(row_sel) else refs)


def _raise(message: str):
    raise ExprError(message)


# ----------------------------------------------------------------------------- scopes

def segments(value) -> list[tuple[int | None, str]]:
    if type(value) is Match:  # the most common scopes first: a match ($m.pre), then narrative
        return [(value.start, value.text)]
    if value is None or value is UNKNOWN:
        return []
    if isinstance(value, Scope):
        return value.segments
    if isinstance(value, Section):  # its body: a heading such as 存在的主要问题及改进情况 proves nothing
        return [(p.span.start, p.text) for p in value.paragraphs]
    if isinstance(value, Paragraph):
        return [(value.span.start, value.text)]
    if isinstance(value, Match):
        return [(value.start, value.text)]
    if isinstance(value, str):
        return [(None, value)]
    if isinstance(value, list):
        return [seg for item in value for seg in segments(item)]
    if isinstance(value, Fact):
        return [(value.span.start, value.raw)]
    raise ExprError(f"cannot search in {_kind(value)}")


def _search(env: Env, scope, pattern, first: bool = False) -> list[Match]:
    """_matches, kept for the report with the scope they were found in (kept alive, so
    its id is not reused): rules that look for the same pattern in the same text
    (ZERO-002 and ZERO-011, their cause and its numbers) search it once."""
    key = (id(scope), pattern.pattern, first)
    kept = env.searches.get(key)
    if kept is not None and kept[0] is scope:
        return kept[1]
    found = _matches(env, scope, pattern, first)
    env.searches[key] = (scope, found)
    return found


def _matches(env: Env, scope, pattern, first: bool) -> list[Match]:
    """Every match of pattern in the scope, paragraph by paragraph: a match never runs
    from one paragraph into the next. The paragraphs are searched together, joined by
    newlines, in one call (one call is much cheaper than one per paragraph; patterns
    are compiled with ^ and $ at every line, so at every paragraph); should a match
    cross a newline, or the pattern use \\A or \\Z, they are searched one by one."""
    needed = prefilter(pattern.pattern)
    every = segments(scope)
    segs = candidate_paragraphs(every, needed, env.whole(scope, every) if len(every) > 2 and needed else None)
    if not segs:
        return []
    joined = None
    if len(segs) > 2 and pattern.joinable:
        joined = env.joined(scope, segs) if segs is every else _join(segs)
    names = pattern.groups

    def run(timeout: float) -> list[Match]:
        if joined is not None:
            text, starts, offsets = joined
            out = []
            for m in limited_finditer(pattern, text, timeout):
                if "\n" in m.group(0):
                    break
                i = bisect_right(starts, m.start()) - 1
                out.append(_match(env, m, None if offsets[i] is None else offsets[i] - starts[i], names))
                if first or len(out) >= MAX_LIST:
                    return out
            else:
                return out
        out = []
        for offset, text in segs:
            for m in limited_finditer(pattern, text, timeout):
                out.append(_match(env, m, offset, names))
                if first or len(out) >= MAX_LIST:
                    return out
        return out

    return guarded(run, pattern)


def candidate_paragraphs(segs: list[tuple[int | None, str]], needed,
                         whole: str | None = None) -> list[tuple[int | None, str]]:
    """The paragraphs that hold what every match needs (prefilter): the only ones a match
    can be in. `whole`, the paragraphs joined, is searched first for the first need (the
    one every paragraph is tested for): one search of the text rather than one per
    paragraph and word, and the words it lacks (most of a list such as 余|多|约|近…)
    are then not looked for paragraph by paragraph. A match needs a paragraph that holds
    the word, so a text that lacks it has no match."""
    if whole is not None and needed:
        first = needed[0]
        if type(first) is str:
            if first not in whole:
                return []
        else:
            held = [word for word in first if word in whole]
            if not held:
                return []
            needed = [held[0] if len(held) == 1 else held, *needed[1:]]
    for holds in needed:
        if type(holds) is str:
            segs = [seg for seg in segs if holds in seg[1]]
        else:  # holds_any, written out: a call per paragraph costs more than its test
            kept = []
            for seg in segs:
                text = seg[1]
                for word in holds:
                    if word in text:
                        kept.append(seg)
                        break
            segs = kept
        if not segs:
            break
    return segs


def guarded(run, pattern):
    """run(timeout) under the regex time limit. The regex module counts the limit in the
    process's CPU time (clock()), from the call that starts a search to each match it
    finds: other threads of the process and Python work between two matches (a garbage
    collection) use it up too, while the regex itself may have done little; time other
    processes take does not count. A search that times out is run once more with the
    collector off, and if that times out though this thread spent under half the limit
    on the CPU (other threads took the rest), once more with a limit ten times as long.
    Only a regex that really works too long fails (ExprError): a catastrophic one after
    about twice the limit. This thread's clock (a system call) is read only once a
    search has timed out.

    While the watch runs in this thread (watch_regexes), the first run is given no limit
    (None) and the watch stops it instead (TimeoutError), after half the limit to the
    whole of it: the regex module's limit reads the clock at the start of every search
    and match, which cost about a twelfth of checking a report."""
    global _watching, _watched_runs
    try:
        if _watched_thread != get_ident():
            return run(REGEX_TIMEOUT)
        _watched_runs += 1
        _watching = True
        try:
            return run(None)
        finally:
            _watching = False
    except TimeoutError:
        _watching = False  # (should the watch have fired as the run ended)
    collecting = gc.isenabled()
    gc.disable()
    try:
        started = time.thread_time()
        try:
            return run(REGEX_TIMEOUT)
        except TimeoutError:
            if time.thread_time() - started >= REGEX_TIMEOUT / 2:
                raise _too_long(pattern) from None
        try:
            return run(REGEX_TIMEOUT * 10)
        except TimeoutError:
            raise _too_long(pattern) from None
    finally:
        if collecting:
            gc.enable()


# The watch over the first run of each search (guarded): an interval timer on the
# process's CPU time (ITIMER_VIRTUAL), whose signal's handler stops a watched run that
# was already running when it last fired: one that has run for at least a tick
# (REGEX_TIMEOUT / 2 of CPU time), at most two. The regex module looks for signals as it
# works, so the handler's TimeoutError is raised from within the search. Only in the
# main thread (the one Python runs signal handlers in), where setitimer exists, and when
# nothing else uses that timer; elsewhere every search gives the regex module its limit.
_watched_thread: int | None = None  # the thread whose first runs are watched, while the timer runs
_watching = False  # a watched run is under way
_watched_runs = 0  # counts the watched runs, to tell them apart
_run_at_last_tick = -1


def _tick(signum, frame) -> None:
    global _run_at_last_tick
    if _watching and _watched_runs == _run_at_last_tick:
        raise TimeoutError
    _run_at_last_tick = _watched_runs


@contextmanager
def watch_regexes():
    """The regex watch on, for the checks run within (see guarded), if it can be."""
    global _watched_thread, _run_at_last_tick
    if (_watched_thread is not None or not hasattr(signal, "setitimer")
            or get_ident() != main_thread().ident
            or signal.getsignal(signal.SIGVTALRM) != signal.SIG_DFL or signal.getitimer(signal.ITIMER_VIRTUAL)[0]):
        yield
        return
    signal.signal(signal.SIGVTALRM, _tick)
    _run_at_last_tick = -1
    signal.setitimer(signal.ITIMER_VIRTUAL, REGEX_TIMEOUT / 2, REGEX_TIMEOUT / 2)
    _watched_thread = get_ident()
    try:
        yield
    finally:
        _watched_thread = None
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, signal.SIG_DFL)


def _too_long(pattern) -> ExprError:
    return ExprError(f"regular expression {pattern.pattern!r} took too long "
                     f"(over {REGEX_TIMEOUT}s on one paragraph)")


def limited_finditer(pattern: Pattern, text: str, timeout: float):
    """pattern.finditer(text, timeout=timeout), its arguments given by position (string,
    pos, endpos, overlapped, concurrent, partial, timeout): the regex module reads keyword
    arguments through a slow general path, about 3,000 instructions a call, a third of a
    short search. (test_engine checks that the limit still stops a search.) A pattern
    that opens at a clause is tried only where it can match (_clause_finditer)."""
    clause = pattern._clause  # (pattern.clause and pattern.searched(), their calls saved once known)
    if clause is None:
        clause = pattern.clause or False
    compiled = pattern._searched or pattern.searched()
    if pattern._behind:
        return _behind_finditer(pattern, text, timeout)
    if pattern._branches:
        return _branches_finditer(pattern, text, timeout)
    if clause is not False:
        return _clause_finditer(compiled, text, timeout, *clause)
    return compiled.finditer(text, None, None, False, None, False, timeout)


def limited_search(pattern: Pattern, text: str, timeout: float):
    """pattern.search(text, timeout=timeout), its arguments given by position (string, pos,
    endpos, concurrent, partial, timeout), as limited_finditer."""
    compiled = pattern.searched()
    if pattern._behind:
        return next(_behind_finditer(pattern, text, timeout), None)
    if pattern._branches:
        return next(_branches_finditer(pattern, text, timeout), None)
    clause = pattern.clause
    if clause is not None:
        return next(_clause_finditer(compiled, text, timeout, *clause), None)
    return compiled.search(text, None, None, None, False, timeout)


def _behind_finditer(pattern: Pattern, text: str, timeout: float):
    """pattern.compiled().finditer(text) of a pattern searched as its rest (Pattern.searched):
    each match of the rest whose start its lookbehinds allow, found from where the last
    one ended; where they do not, the pattern has no match there either, and the next
    search starts a character later. After an empty match finditer itself goes on from
    where the last match ended (as _clause_finditer)."""
    rest, behind = pattern._searched, pattern._behind
    at = end = 0
    while True:
        found = rest.search(text, at, None, None, False, timeout)
        if found is None:
            return
        start = found.start()
        if behind.match(text, start, None, None, False, timeout) is None:
            at = start + 1
            continue
        if found.end() == start:
            yield from pattern.compiled().finditer(text, end, None, False, None, False, timeout)
            return
        yield found
        at = end = found.end()


def _branches_finditer(pattern: Pattern, text: str, timeout: float):
    """pattern.compiled().finditer(text) of a pattern searched as its branches
    (lookbehind_branches): from where the last match ended, each branch's next match;
    the one that starts first is the pattern's (of two at one place, the earlier
    branch's, as the whole pattern tries its branches in order there). A branch's match
    that starts at or after that end stays its next. After an empty match finditer
    itself goes on from where the last match ended (as _clause_finditer)."""
    branches = pattern._branches
    found = [b.search(text, 0, None, None, False, timeout) for b in branches]
    end = 0
    while True:
        first = None
        for m in found:
            if m is not None and (first is None or m.start() < first.start()):
                first = m
        if first is None:
            return
        if first.end() == first.start():
            yield from pattern.compiled().finditer(text, end, None, False, None, False, timeout)
            return
        yield first
        end = first.end()
        for i, m in enumerate(found):
            if m is not None and m.start() < end:
                found[i] = branches[i].search(text, end, None, None, False, timeout)


def _clause_finditer(compiled, text: str, timeout: float, stops: str, words: tuple[str, ...]):
    """compiled.finditer(text) of a pattern that opens at a clause holding one of the words
    (clause_opening): the same matches, each found by a match() at the start of such a
    clause (found with str.find), in order, from where the last one ended. A search
    tries the pattern at every character, and at each clause's start reads the clause for
    the words: about 1,600 instructions a character. Each match() has the time limit (one
    paragraph's search, cut in pieces). After an empty match (finditer then goes on from it
    otherwise) finditer itself goes on from where the last match ended."""
    starts = set()
    for word in words:
        at, last, last_start = text.find(word), -1, 0
        while at >= 0:
            start = at
            while start > last and start and text[start - 1] not in stops:
                start -= 1
            if start == last:  # no stop since the word's last place: its clause (each character read once)
                start = last_start
            starts.add(start)
            last, last_start = at, start
            at = text.find(word, at + 1)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        found = compiled.match(text, start, None, None, False, timeout)
        if found is None:
            continue
        if found.end() == start:
            yield from compiled.finditer(text, end, None, False, None, False, timeout)
            return
        yield found
        end = found.end()


_WHOLE_TEXT_ANCHOR = compile_re(r"(?<!\\)\\[AZz]")


def _join(segs: list[tuple[int | None, str]]):
    """Paragraphs joined by newlines, with where each starts in the joined text and in
    the report; None if a paragraph holds a newline itself."""
    if any("\n" in text for _, text in segs):
        return None
    starts, pos = [], 0
    for _, text in segs:
        starts.append(pos)
        pos += len(text) + 1
    return "\n".join(text for _, text in segs), starts, [offset for offset, _ in segs]


@lru_cache(maxsize=4096)
def literal_words(pattern: str) -> frozenset[str] | None:
    """The words of a pattern that is nothing but words between | (复议|诉讼), or None.
    Such a pattern occurs in a paragraph exactly when one of its words does: `in` tells
    that without a search (which costs a call into the regex module and its clock)."""
    return None if _METACHARACTER.search(pattern) else frozenset(pattern.split("|"))


_METACHARACTER = compile_re(r"[\\.^$*+?{}\[\]()#\s]")


def any_word_in(words: frozenset[str], texts: list[str]) -> bool:
    """Whether a pattern of literal_words occurs in one of the texts."""
    return any(holds_any(words, text) for text in texts)


@lru_cache(maxsize=4096)
def prefilter(pattern: str) -> list[str | tuple[str, ...]]:
    """required_literals as tests on a paragraph: a lone word to look for with `in`, or a
    tuple of several words, one of which must be there (holds_any). Shared: not to be
    changed."""
    required = sorted(required_literals(pattern), key=len)  # lone words first (`in` is the cheapest test), then the fewest
    return [next(iter(words)) if len(words) == 1 else tuple(sorted(words)) for words in required]


def holds_any(words, text: str) -> bool:
    """Whether text holds one of the words. Cheaper, word by word, than one search for any
    of them with Python's re, which tests every character against a set: over the
    prefilter's tests in checking 100 reports, 1.2M instructions a report against 2.1M."""
    for word in words:
        if word in text:
            return True
    return False


@lru_cache(maxsize=4096)
def required_literals(pattern: str) -> tuple[frozenset[str], ...]:
    """What every match must contain, if that can be told without doubt: for each
    set given, one of its strings. A text lacking one cannot match, and `in` is much
    cheaper than a search. Read from the pattern's syntax tree (Python's own regular-
    expression parser, which reads the patterns rules use): literal runs, classes of a
    few characters, the branches of a group that cannot be skipped, what a positive
    lookaround requires. Empty when
    nothing is certain (or the pattern uses syntax only the regex module knows). Known
    without reading the pattern again when the rules cache kept it (Pattern)."""
    known = _KNOWN_LITERALS.get(pattern)
    if known is not None:
        return known
    if any(op in pattern for op in _SET_OPERATIONS):
        return ()  # the regex module's set operations read differently in re
    try:
        from re import _parser as sre_parse

        tree = sre_parse.parse(_as_re_reads_it(pattern))
    except Exception:
        return ()
    if tree.state.flags & re.IGNORECASE:
        return ()
    return tuple(_requirements(list(tree), sre_parse))


_SET_OPERATIONS = ("[[", "--[", "&&", "||", "~~")
# required_literals of the rules' patterns, as the rules cache kept them (by pattern; as
# many as the rules loaded have patterns)
_KNOWN_LITERALS: dict[str, tuple[frozenset[str], ...]] = {}


def _as_re_reads_it(pattern: str) -> str:
    """The pattern rewritten so Python's re parser reads it, for required_literals
    only: named and branch-reset groups made plain, a backreference read as any text
    (the regex module allows a name twice), lookbehinds left out (it allows them of any
    width; they take no width, so what stands either side of one is still adjacent).
    Each of these only takes requirements away, so what is left is still certain; so does
    a conditional group read as a choice of nothing or its branches ((?(upto)…|…)), and a
    comment left out of a pattern that opens verbose ((?x)…  # …: a comment may hold
    brackets). The pattern is returned unchanged when it cannot be followed exactly (one
    made verbose further in): re then refuses it, or reads it as it is."""
    verbose = pattern.startswith("(?x)")
    if "#" in pattern and "(?x" in pattern and not verbose:
        return pattern
    out: list[str] = []
    dropping = 0  # depth of the group that opened the lookbehind being left out; 0: none
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            piece, i = pattern[i:i + 2], i + 2
        elif ch == "#" and verbose:  # a comment, to the line's end
            j = pattern.find("\n", i)
            piece, i = "", n if j < 0 else j
        elif ch == "[":  # a class: up to its closing ], which may come first ([]…], [^]…])
            j = i + 1 + (pattern.startswith("^", i + 1))
            j += pattern.startswith("]", j)
            while j < n and pattern[j] != "]":
                if pattern[j] == "[":
                    return pattern  # a set inside a set (regex V1): not followed here
                j += 2 if pattern[j] == "\\" else 1
            piece, i = pattern[i:j + 1], j + 1
        elif ch == "(":
            depth += 1
            group = _GROUP_OPENING.match(pattern, i)
            if group is None:
                piece, i = ch, i + 1
            elif group["behind"]:
                dropping = dropping or depth
                piece, i = group[0], group.end()
            elif group["ref"]:  # a backreference: text that requires nothing (its ")" closes it)
                piece, i = "(?:.*", group.end()
            elif group["cond"]:  # a conditional group: nothing, or one of its branches
                piece, i = "(?:|", group.end()
            else:
                piece, i = "(?:", group.end()
        elif ch == ")":
            piece, i = ch, i + 1
            if dropping == depth:
                dropping, piece = 0, ""
            depth -= 1
        else:
            piece, i = ch, i + 1
        if not dropping:
            out.append(piece)
    return "".join(out)


# What opens a lookbehind, a named group ((?P<n>, (?<n>, (?'n')), a branch-reset group
# ((?|: the same strings as (?:, only its groups numbered otherwise), a backreference
# to one ((?P=n)) or a group conditional on one ((?(n)…)).
_GROUP_OPENING = compile_re(r"\(\?(?:(?P<behind><=|<!)|P?<\w+>|'\w+'|\||(?P<ref>P=\w+)(?=\))|(?P<cond>\(\w+\)))")


def _requirements(items: list, sre) -> list[frozenset[str]]:
    """Every requirement of a sequence of syntax-tree items (all must hold)."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            found.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        close_run()
        if op is sre.SUBPATTERN and not arg[1] & re.IGNORECASE:  # (?i:…) matches other cases
            found += _requirements(list(arg[-1]), sre)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and arg[0] >= 1:
            found += _requirements(list(arg[2]), sre)
        elif op is sre.ASSERT:
            found += _requirements(list(arg[1]), sre)
        elif op is sre.IN and len(arg) <= 8 and all(item is sre.LITERAL for item, _ in arg):
            found.append(frozenset(chr(c) for _, c in arg))  # a few characters: [余多]
        elif op is sre.BRANCH:
            best = [max(r, key=lambda c: min(map(len, c)), default=None)
                    for r in (_requirements(list(b), sre) for b in arg[1])]
            if all(best):
                found.append(frozenset().union(*best))
    close_run()
    return found




def _match(env: Env, m, offset: int | None, names: tuple[str, ...]) -> Match:
    """A Match of the regex module's match m (its pattern's group names: Pattern.groups)."""
    if offset is None:
        groups = {name: Match(m.group(name), None) for name in names if m.group(name) is not None}
        return Match(m.group(0), None, groups)
    index = env.index
    groups = {}
    for name in names:  # (Match.found, written out: a call fewer per match and group)
        text = m.group(name)
        if text is not None:
            start, end = m.span(name)
            groups[name] = Match(text, None, None, (index, offset + start, offset + end))
    start, end = m.span()
    return Match(m.group(0), None, groups, (index, offset + start, offset + end))


# --------------------------------------------------------------------------- functions

@dataclass(frozen=True, slots=True)
class Function:
    """A function of the expression language: its implementation, arity, help, and which
    arguments are regular expressions (written as string literals, checked at load time)."""

    fn: Callable
    min_args: int
    max_args: int
    doc: str
    regex_args: tuple[int, ...] = ()


def _f_section(env: Env, n):
    n = number(n)
    if n is UNKNOWN:
        return None
    return env.report.section(int(n))


def _f_table_of(env: Env, n):
    """The statistics table the format puts in section n, wherever the report has it;
    null when it was not read (missing, or there but unreadable)."""
    n = number(n)
    if n is UNKNOWN:
        return None
    ids = {t.id for t in env.templates.tables if t.section == int(n)}
    return next((t for t in env.report.tables if t.template in ids), None)


def _f_exists(env: Env, value):
    return value is not None and value is not UNKNOWN and not (isinstance(value, CellRef) and value.value is UNKNOWN)


def _f_count(env: Env, value):
    if value is None:
        return Decimal(0)
    if value is UNKNOWN:
        return UNKNOWN
    if not isinstance(value, list):
        raise ExprError(f"count() needs a list, not {_kind(value)}")
    return Decimal(len(value))


def _f_sum(env: Env, values):
    if values is UNKNOWN:
        return UNKNOWN
    if not isinstance(values, list):
        values = [values]
    total = Decimal(0)
    for v in values:
        if type(v) is CellRef:  # number(v), for the common case
            n = v.cell.value
            if n is None:
                return UNKNOWN
        else:
            n = _numeric(env, v)
            if n is UNKNOWN:
                return UNKNOWN
        total = total + n
    return total


def _numeric(env: Env, v):
    """A number of a value: of a match or a text as number() reads it ("1,200", "六")."""
    return _f_number(env, v) if isinstance(v, (Match, str)) else number(v)


def _f_running_sums(env: Env, values):
    """The totals of the first one, two, … items: where a list that runs on past its parts
    (其中电话咨询430人次,现场咨询290人次,专栏访问量1406人次) first reaches a total."""
    if values is UNKNOWN:
        return UNKNOWN
    sums, total = [], Decimal(0)
    for v in values if isinstance(values, list) else [values]:
        n = _f_sum(env, [v])
        if n is UNKNOWN:
            return UNKNOWN
        total = total + n
        sums.append(total)
    return sums


def _any_unknown(values: list) -> bool:
    """UNKNOWN in values, by identity alone: `in` would compare each Decimal with it, and
    Decimal's comparison with another kind asks the numbers ABCs (isinstance, slow)."""
    return any(v is UNKNOWN for v in values)


def _extreme(pick):
    def run(env: Env, *values):
        items = values[0] if len(values) == 1 and isinstance(values[0], list) else list(values)
        nums = [_numeric(env, v) for v in items]
        if not nums or _any_unknown(nums):
            return UNKNOWN
        return pick(nums)
    return run


def _f_abs(env: Env, value):
    n = number(value)
    return UNKNOWN if n is UNKNOWN else abs(n)


def _f_any(env: Env, values):
    seen_unknown = False
    for v in _as_list(values, "any"):
        t = truth(v)
        if t is True:
            return True
        seen_unknown |= t is UNKNOWN
    return UNKNOWN if seen_unknown else False


def _f_all(env: Env, values):
    seen_unknown = False
    for v in _as_list(values, "all"):
        t = truth(v)
        if t is False:
            return False
        seen_unknown |= t is UNKNOWN
    return UNKNOWN if seen_unknown else True


def _as_list(values, fname: str) -> list:
    if values is UNKNOWN:
        return [UNKNOWN]
    if not isinstance(values, list):
        raise ExprError(f"{fname}() needs a list, not {_kind(values)}")
    return values


def _f_matches(env: Env, scope, pattern):
    if scope is UNKNOWN or scope is None:
        return UNKNOWN
    words = literal_words(pattern.pattern)
    if words is not None:  # (the prefilter of such a pattern is the same test: not made first)
        if type(scope) is Match:  # the most common scope by far ($m.pre)
            return holds_any(words, scope.text)
        segs = segments(scope)  # (a word holds no whitespace: none runs from one paragraph into the next)
        return holds_any(words, env.whole(scope, segs)) if len(segs) > 2 else any_word_in(words, [t for _, t in segs])
    if type(scope) is Match:  # one paragraph ($m.pre): whether the pattern is in it, without a Match of what it finds
        text = scope.text
        return bool(candidate_paragraphs([(None, text)], prefilter(pattern.pattern))) and guarded(
            lambda timeout: limited_search(pattern, text, timeout) is not None, pattern)
    return bool(_search(env, scope, pattern, first=True))


def _f_find(env: Env, scope, pattern):
    return _search(env, scope, pattern)


def _f_first(env: Env, values):
    if values is UNKNOWN:
        return UNKNOWN
    if values is None:  # (the paragraphs of a section the report lacks: as count() counts them, none)
        return None
    if not isinstance(values, list):
        raise ExprError(f"first() needs a list, not {_kind(values)}")
    return values[0] if values else None


def _f_number(env: Env, value):
    if isinstance(value, list):
        return [_f_number(env, v) for v in value]
    if isinstance(value, (CellRef, Decimal)):
        return number(value)
    if isinstance(value, Match):
        value = value.text
    if value is None or value is UNKNOWN:
        return UNKNOWN
    if not isinstance(value, str):
        raise ExprError(f"number() needs text, not {_kind(value)}")
    text = nfkc(value).strip().replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        n = cjk_number(text)
        return Decimal(n) if n is not None else UNKNOWN


def _f_qty(env: Env, value, unit=None):
    if value is None or value is UNKNOWN:
        return UNKNOWN
    if isinstance(value, CellRef):
        cell_unit = value.cell.unit or value.unit or unit
        n = value.value
        if n is UNKNOWN or cell_unit is None:
            return UNKNOWN
        return quantity(n, cell_unit)
    if isinstance(value, Decimal):
        if unit is None:
            raise ExprError("qty() of a bare number needs a unit: qty(x, \"万元\")")
        return quantity(value, unit)
    text = value.text if isinstance(value, Match) else value
    if not isinstance(text, str):
        raise ExprError(f"qty() needs an amount, not {_kind(value)}")
    found = parse_amount(text)
    if found is None and unit is not None:
        n = _f_number(env, text)
        return UNKNOWN if n is UNKNOWN else quantity(n, unit)
    return found if found is not None else UNKNOWN


def _f_to(env: Env, amount, unit):
    if amount is UNKNOWN:
        return UNKNOWN
    if not _is_quantity(amount):
        raise ExprError(f"to() needs an amount, not {_kind(amount)}")
    return amount.to(unit).magnitude


def _f_date(env: Env, y, m, d):
    parts = [number(v) for v in (y, m, d)]
    if _any_unknown(parts):
        return UNKNOWN
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, TypeError) as e:
        raise ExprError(f"date(): {e}") from None


def _f_first_working_day(env: Env, d):
    """The day a deadline falling on d ends: d, or the first working day after it when d is
    a rest day (民法典第二百零三条), a Saturday or a Sunday or a public holiday as the State
    Council's notice for the year sets them (rules/holidays.yaml: a weekend day made a
    working day is none)."""
    if d is None or d is UNKNOWN:
        return UNKNOWN
    if not isinstance(d, dt.date):
        raise ExprError(f"first_working_day() needs a date, not {_kind(d)}")
    return bundled_holidays().first_working_day(d)


def _table_arg(table, fname: str) -> Table | None:
    if table is None or table is UNKNOWN:
        return None
    if not isinstance(table, Table):
        raise ExprError(f"{fname}() needs a table, not {_kind(table)}")
    return table


def _f_rows(env: Env, table):
    t = _table_arg(table, "rows")
    if t is None:
        return []
    sheet = _sheet(env, t)
    if sheet.rows_read is None:  # made once per table and report, as cells() is (several rules go through them)
        labels = sheet.info.row_labels
        sheet.rows_read = [RowRef(r.template_row, labels.get(r.template_row, r.label), r)
                           for r in t.rows if r.template_row]
    return sheet.rows_read


def _f_columns(env: Env, table):
    t = _table_arg(table, "columns")
    if t is None:
        return []
    return _sheet(env, t).info.columns


def _f_missing_rows(env: Env, table):
    t = _table_arg(table, "missing_rows")
    return list(t.missing) if t else []


def _f_extra_rows(env: Env, table):
    t = _table_arg(table, "extra_rows")
    return list(t.extra) if t else []


def _f_problems(env: Env, table, kind=None):
    t = _table_arg(table, "problems")
    if t is None:
        return []
    return [p for p in t.problems if kind is None or p.kind == kind or p.kind.startswith(f"{kind}_")]


def _f_where(env: Env, items, attr, value):
    """The items whose attribute `attr` equals value (or is in it, when value is a list)."""
    if items is None or items is UNKNOWN:
        return []
    if not isinstance(items, list) or not isinstance(attr, str):
        raise ExprError("where() needs a list and an attribute name: where(cells($t), \"problem\", \"blank\")")
    wanted = value if isinstance(value, list) else [value]
    if all(isinstance(w, (str, bool)) or w is None for w in wanted):  # the common case, made quick
        positions = _where_index(env, items, attr)
        found = [i for w in set(wanted) for i in positions.get(w, ())]
        return [items[i] for i in sorted(found)]
    return [item for item in items if any(_equal(get_attr(item, attr), w) for w in wanted)]


def _where_index(env: Env, items: list, attr: str) -> dict[Any, list[int]]:
    """Where each value of `attr` occurs in items. Kept for the report when items is a
    list the report keeps (cells($t)): six rules pick a report's cells by their
    problem, and one pass serves them all."""
    key = f"where:{id(items)}:{attr}"
    kept = env._cache.get(key)
    if kept is not None and kept[0] is items:
        return kept[1]
    positions: dict[Any, list[int]] = {}
    getters: dict[type, Callable] = {}
    kind = getter = None  # the type of the item before, and its getter (the items are mostly of one type)
    for i, item in enumerate(items):
        if type(item) is not kind:
            kind = type(item)
            getter = getters.get(kind)
            if getter is None:
                getter = getters[kind] = (_ATTRS.get(kind, {}).get(attr) or (lambda x, attr=attr: get_attr(x, attr)))
        try:
            found = positions.get(value := getter(item))
        except TypeError:  # unhashable: equal to none of the values where() looks for
            continue
        if found is None:
            positions[value] = [i]
        else:
            found.append(i)
    env._cache[key] = (items, positions)  # items kept with it, so its id is not reused
    return positions


def _f_header(env: Env, table):
    t = _table_arg(table, "header")
    if t is None:
        return []
    return [Match(c.raw, c.span) for c in t.header]


def _f_cells(env: Env, table):
    t = _table_arg(table, "cells")
    if t is None:
        return []
    sheet = _sheet(env, t)
    if sheet.refs is None:  # (made cell by cell, as no rule was to call cells(): made whole now)
        sheet = env.tables[id(t)] = _read_sheet(t, sheet.info)
    return sheet.refs  # the same list each time: where() indexes it once


def _f_section_place(env: Env, n):
    """Where section n would stand if it were there: the heading of the next present
    section, else just after the last one before it, else the first line."""
    n = number(n)
    if n is UNKNOWN:
        return UNKNOWN
    sections = [s for s in env.report.sections if s.canonical]
    later = [s for s in sections if s.canonical > n]
    if later:
        return later[0].span
    if sections:
        end = sections[-1].body_span or sections[-1].span
        return env.index.span(end.end, end.end)
    return env.index.line_span(1)


def _f_out_of_order(env: Env, sections):
    out, highest = [], 0
    for s in _as_list(sections, "out_of_order"):
        if isinstance(s, Section) and s.canonical:
            if s.canonical < highest:
                out.append(s)
            highest = max(highest, s.canonical)
    return out


def _f_contains(env: Env, text, part):
    if text is None or part is None or UNKNOWN in (text, part):
        return UNKNOWN
    return str(_plain(part)) in str(_plain(text))


_BODY_CORE = compile_re(r"^(?P<core>.+?)(?:人民政府|政府|办事处)?"
                        r"(?:党政综合办公室|党政办公室|综合办公室|党政办|办公室|办公厅|综合办)?$")


def _f_body_core(env: Env, name):
    """A body's name less 人民政府 (政府, 办事处) and an office of it after them: 某县人民政府办公室,
    某县人民政府 and 某县 name one body (a title's and a signature's, META-014, -022)."""
    if name is None or name is UNKNOWN:
        return name
    return _BODY_CORE.match(str(_plain(name))).group("core")


def _f_abbreviates(env: Env, short, name):
    """Whether `short` may be `name` written short: each of its characters stands in
    name, in order (县民宗局 for 建水县民族宗教事务局, 市人社局 for 某市人力资源和社会保障局).
    Another body's name keeps characters the name lacks (建水县民族宗教事务局 for 建水县面甸镇)."""
    if short is None or name is None or UNKNOWN in (short, name):
        return UNKNOWN
    rest = iter(str(_plain(name)))
    short = str(_plain(short))
    return len(short) >= 2 and all(c in rest for c in short)


def _f_contains_nearly(env: Env, text, part):
    """Whether `part` stands in `text` but for one character left out or added, in a part
    of five characters or more: a name written with a slip (玉皇北街街道 in 兴庆区玉皇阁北街
    街道办事处); or a street office named by its road without 路/道/街 (前进街道 in 前进道街道
    办事处). A character changed is another name (河东乡, 河西乡)."""
    if text is None or part is None or UNKNOWN in (text, part):
        return UNKNOWN
    text, part = str(_plain(text)), str(_plain(part))
    if part in text:
        return True
    if part.endswith("街道") and any(part[:-2] + road + "街道" in text for road in "路道街"):
        return True  # (前进街道 for 前进道街道, 解放街道 for 解放路街道: a street office named by its road, short)
    if len(part) < 5:
        return False
    for i in range(len(part) + 1):
        if re.search(re.escape(part[:i]) + "." + re.escape(part[i:]), text):  # one character added
            return True
        if i < len(part) and part[:i] + part[i + 1:] in text:  # one left out
            return True
    return False


def _plain(value):
    return value.text if isinstance(value, (Match, Paragraph)) else value


def _f_len(env: Env, value):
    value = _plain(value)
    if value is None or value is UNKNOWN:
        return UNKNOWN
    if not isinstance(value, (str, list)):
        raise ExprError(f"len() needs text or a list, not {_kind(value)}")
    return Decimal(len(value))


def _f_kind_of(env: Env, name):
    from .facts import issuer_kind

    name = _plain(name)
    if name is None or name is UNKNOWN:
        return UNKNOWN
    return issuer_kind(str(name))


def _f_before(env: Env, value, n):
    """before(x, n): the text of at most n characters just before x (a match, fact,
    period, section, cell…) on the same line, as a match with its place; unknown when x
    has no place in the text. For the words that introduce a value: 统计期限为 before a
    period, 约 before a figure."""
    n = number(n)
    span = span_of(value)
    if span is None or n is UNKNOWN:
        return UNKNOWN
    text = env.report.text
    line_start = text.rfind("\n", 0, span.start) + 1
    start = max(line_start, span.start - max(int(n), 0))
    return Match(text[start:span.start], env.index.span(start, span.start))


def _f_after(env: Env, value, n):
    """after(x, n): the text of at most n characters just after x on the same line, as a
    match with its place (before()'s mirror): what a value is said with, 2016年8月19日起…
    (区于8月19日正式挂牌成立) after a period."""
    n = number(n)
    span = span_of(value)
    if span is None or n is UNKNOWN:
        return UNKNOWN
    text = env.report.text
    line_end = text.find("\n", span.end)
    end = min(len(text) if line_end == -1 else line_end, span.end + max(int(n), 0))
    return Match(text[span.end:end], env.index.span(span.end, end))


def _f_close(env: Env, a, b):
    """close(a, b): a and b agree to the precision they were written with: the
    difference is at most half a unit of the last written digit of the coarser of the
    two. Works on plain numbers and on amounts in any unit (through pint), so a table's
    42.75 (万元) agrees with a narrative's 427512元 and 0.12万元 with 1200元, while 1200
    (万元) and 1200元 do not. Zero agrees only with zero (a 0 written for "none" is not a
    rounding of 1200元). Unknown if either is unknown."""
    x, y = number(a), number(b)
    if x is UNKNOWN or y is UNKNOWN or x is None or y is None:
        return UNKNOWN

    def ulp(d) -> Decimal:
        exponent = Decimal(d).as_tuple().exponent
        return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(0)

    if _is_quantity(x) != _is_quantity(y):
        raise ExprError(f"close() needs two amounts or two numbers, not {_kind(x)} and {_kind(y)}")
    try:
        mx, my = (x.magnitude, y.magnitude) if _is_quantity(x) else (x, y)
        if mx == 0 or my == 0:
            return mx == my
        if _is_quantity(x):
            unit = x.units
            step_x = ulp(x.magnitude)
            step_y = quantity(ulp(y.magnitude), str(y.units)).to(unit).magnitude
            diff = abs(x.magnitude - y.to(unit).magnitude)
        else:
            step_x, step_y = ulp(x), ulp(y)
            diff = abs(x - y)
        return diff <= max(step_x, step_y) / 2
    except (TypeError, InvalidOperation):
        raise ExprError(f"close() cannot compare {_kind(x)} and {_kind(y)}") from None
    except Exception as e:  # pint's DimensionalityError and friends
        raise ExprError(f"close(): {e}") from None


FUNCTIONS: dict[str, Function] = {
    "section": Function(_f_section, 1, 1, "section(n): the section matched to official section n (1–6), or null"),
    "exists": Function(_f_exists, 1, 1, "exists(x): x is there and known"),
    "table_of": Function(_f_table_of, 1, 1, "table_of(n): the statistics table of section n (2–4), wherever "
                                              "it stands, or null"),
    "count": Function(_f_count, 1, 1, "count(list): how many items"),
    "len": Function(_f_len, 1, 1, "len(x): length of a text or a list"),
    "sum": Function(_f_sum, 1, 1, "sum(list): total of numbers or cells; unknown if any is unknown"),
    "running_sums": Function(_f_running_sums, 1, 1, "running_sums(list): the totals of the first 1, 2, … items"),
    "min": Function(_extreme(min), 1, 8, "min(a, b, …) or min(list)"),
    "max": Function(_extreme(max), 1, 8, "max(a, b, …) or max(list)"),
    "abs": Function(_f_abs, 1, 1, "abs(x)"),
    "any": Function(_f_any, 1, 1, "any(list): some item is true"),
    "all": Function(_f_all, 1, 1, "all(list): every item is true"),
    "matches": Function(_f_matches, 2, 2, "matches(scope, \"regex\"): the pattern occurs in the scope", (1,)),
    "find": Function(_f_find, 2, 2, "find(scope, \"regex\"): every match, with its span and named groups", (1,)),
    "first": Function(_f_first, 1, 1, "first(list): the first item, or null (of an empty list or of null)"),
    "number": Function(_f_number, 1, 1, "number(x): a number from text (\"1,200\", \"六\") or a cell"),
    "qty": Function(_f_qty, 1, 2, "qty(x[, unit]): an amount of money from \"1200元\" or a 万元 cell"),
    "to": Function(_f_to, 2, 2, "to(amount, \"万元\"): the amount's number in that unit"),
    "date": Function(_f_date, 3, 3, "date(y, m, d)"),
    "first_working_day": Function(_f_first_working_day, 1, 1, "first_working_day(d): d, or the first working day "
                                  "after it when d is a weekend day or a public holiday (rules/holidays.yaml): "
                                  "a deadline on a rest day moves to the next working day"),
    "rows": Function(_f_rows, 1, 1, "rows(table): the rows read, as $r with .id and .label"),
    "columns": Function(_f_columns, 1, 1, "columns(table): the template's columns, as $c with .id and .label"),
    "missing_rows": Function(_f_missing_rows, 1, 1, "missing_rows(table): template rows the report lacks"),
    "extra_rows": Function(_f_extra_rows, 1, 1, "extra_rows(table): rows that belong to another format version"),
    "problems": Function(_f_problems, 1, 2, "problems(table[, kind]): what the reader could not read"),
    "cells": Function(_f_cells, 1, 1, "cells(table): every value cell"),
    "header": Function(_f_header, 1, 1, "header(table): the header cells read, as text with a span"),
    "where": Function(_f_where, 3, 3, "where(list, \"attr\", value): the items whose attribute equals value "
                                      "(or one of a list of values)"),
    "section_place": Function(_f_section_place, 1, 1, "section_place(n): where section n belongs"),
    "out_of_order": Function(_f_out_of_order, 1, 1, "out_of_order(sections): sections after a later one"),
    "contains": Function(_f_contains, 2, 2, "contains(text, part)"),
    "body_core": Function(_f_body_core, 1, 1, "body_core(name): the name less 人民政府 (政府, 办事处) and an "
                          "office after them (某县人民政府办公室 → 某县)"),
    "abbreviates": Function(_f_abbreviates, 2, 2, "abbreviates(short, name): each character of short stands in "
                            "name, in order (县民宗局 for 建水县民族宗教事务局)"),
    "contains_nearly": Function(_f_contains_nearly, 2, 2, "contains_nearly(text, part): part stands in text but "
                                "for one character left out or added (a name of 5 or more written with a slip)"),
    "issuer_kind": Function(_f_kind_of, 1, 1, "issuer_kind(name): township, subdistrict, government, department…"),
    "before": Function(_f_before, 2, 2, "before(x, n): the text of at most n characters just before x, on its line"),
    "after": Function(_f_after, 2, 2, "after(x, n): the text of at most n characters just after x, on its line"),
    "close": Function(_f_close, 2, 2, "close(a, b): equal to the precision written (42.75万元 ~ 427512元)"),
}


# ----------------------------------------------------------------------------- globals

# A news site's or portal's keywords above the report (关键词: 山西省政府 年度报告 … 不予公开 三公经费, a real
# 2012 page of 山西省, round 625): the page's words, not the report's (SEC-022 had taken 不予公开 for its content)
_PAGE_KEYWORDS = compile_re(r"[ \u3000]*关[ \u3000]*键[ \u3000]*[词字][ \u3000]*[:：]")


def _scope_of(paragraphs: list[Paragraph]) -> Scope:
    return Scope([(p.span.start, p.text) for p in paragraphs])


def _narrative(env: Env) -> Scope:
    r = env.report
    paras = list(r.preamble) + ([r.title] if r.title else []) + list(r.intro)
    segs = [(p.span.start, p.text) for p in paras if not _PAGE_KEYWORDS.match(p.text)]
    for s in r.sections:
        segs.extend(segments(s))
    return Scope(segs)


def _headings(env: Env) -> Scope:
    """The sections' headings where they stand (a heading joined from two lines, 一、 and its
    words below, stands nowhere as one: left out, so that a match is placed exactly)."""
    text = env.report.text
    return Scope([(s.span.start, s.heading) for s in env.report.sections
                  if s.span is not None and text.startswith(s.heading, s.span.start)])


GLOBALS: dict[str, Callable[[Env], Any]] = {
    "year": lambda env: Decimal(env.report.year) if env.report.year is not None else UNKNOWN,
    "regime": lambda env: env.regime,
    "previous": lambda env: env.corpus.previous if env.corpus else None,
    "same_year": lambda env: list(env.corpus.same_year) if env.corpus else [],
    "same_report": lambda env: list(env.corpus.same_report) if env.corpus else [],
    "similar": lambda env: env.corpus.similar if env.corpus else None,
    "template": lambda env: env.report.template,
    "layout_lost": lambda env: env.report.layout_lost,
    "tables_not_in_text": lambda env: env.report.tables_not_in_text,
    "unread_tables": lambda env: list(env.report.lost_tables),
    "issuer": lambda env: env.report.issuer,
    "title_issuer": lambda env: env.report.title_issuer,
    "signed_by": lambda env: env.report.signed_by,
    "title": lambda env: env.report.title,
    "period": lambda env: env.report.period,
    "periods": lambda env: list(env.report.periods),
    "published": lambda env: env.report.publication_date,
    "dated_month": lambda env: env.report.dated_month,
    "own_date": lambda env: env.report.own_date,
    "contacts": lambda env: list(env.report.contacts),
    "dates": lambda env: list(env.report.dates),
    "sections": lambda env: list(env.report.sections),
    "tables": lambda env: list(env.report.tables),
    "text": lambda env: Scope([(0, env.report.text)]),
    "narrative": _narrative,
    "headings": _headings,
    "intro": lambda env: _scope_of(env.report.intro),
    "preamble": lambda env: _scope_of(env.report.preamble),
    "front": lambda env: _scope_of(list(env.report.preamble) + ([env.report.title] if env.report.title else [])
                                   + list(env.report.intro)),
}

GLOBAL_DOCS = {
    "year": "the report year (from the title, else the statistics period)",
    "regime": "the regime in force for the year: pre2019, 2019 or 2021 (rules/regimes.yaml)",
    "previous": "in a check of many reports, the same body's previous report: .year, .issuer, and its "
                "tables (previous.applications[carried_out, total]); null otherwise",
    "same_year": "in a check of many reports, the paths of the same body's other reports for the same year",
    "same_report": "in a check of many reports, the paths of the other files holding this report (the same text, "
                   "as read, in another format): taken as one report, not as a copy nor a second report",
    "similar": "in a check of many reports, the most similar other report: .path, .score (0–1; a percentage in messages), .issuer, "
               ".year, .same_body, .passages (the shared stretches, located in this report); null otherwise",
    "template": "the table format the report's tables follow: 2021, 2019, pre2019, mixed or null",
    "layout_lost": "true when the report's lines were run together on the way (section headings inside "
                   "lines): its sections and tables cannot be checked one by one",
    "unread_tables": "the statistics tables there but not read (TABLE-018's): .template, .title, .version (2019 where "
                     "only that format's own labels stand there), .evidence, .evidence_at, .image",
    "tables_not_in_text": "true when sections 二–四 (at least two of them) stand as headings alone and none "
                          "of their statistics tables is anywhere in the text, the other's being there "
                          "(pictures on a page, lost in a copy, or left out)",
    "issuer": "the issuing body: .name, .kind (township, subdistrict, government, department, committee, unknown)",
    "title_issuer": "the body the title names (.name, .kind), or null",
    "signed_by": "the body the signature at the end names (.name, .kind), or null",
    "title": "the title paragraph: .text",
    "period": "the statistics period: .start, .end (dates), .text",
    "periods": "every period the report states",
    "published": "the publication or signature date: .value (a date), .kind (published: the date the web page gives; "
                 "date: the report's signature or cover letter)",
    "dated_month": "a date written to the month only (2018年3月) under the title or the signature, when the report "
                   "gives no full date: .value (the month's first day), .text (as written); null otherwise",
    "own_date": "the date the report itself gives (its signature, its cover letter's, or under its title) when the "
                "web page's date is taken as its publication (`published`): .value, .kind (date); null otherwise",
    "contacts": "contact details found: each with .kind (address, phone, fax, postcode, email, url) and .value",
    "dates": "every date written in the report",
    "sections": "the top-level sections: .number, .canonical, .title, .title_match, .numbering",
    "tables": "every table read",
    "text": "the whole text, to search",
    "narrative": "all prose (front matter and sections, not tables), to search",
    "headings": "the section headings as written, to search (narrative holds their bodies, not them)",
    "intro": "the paragraphs between the title and the first section",
    "preamble": "a cover letter before the title",
    "front": "cover letter, title and introduction",
}


# -------------------------------------------------------------------------- attributes

# type → attribute → getter. Only these attributes exist in the language.
_ATTRS: dict[type, dict[str, Callable[[Any], Any]]] = {
    CellRef: {"value": attrgetter("value"), "raw": attrgetter("cell.raw"), "written": lambda v: Written(v.cell.raw),
              "problem": attrgetter("cell.problem"),
              "unit": attrgetter("cell.unit"), "column": attrgetter("cell.column"), "row": attrgetter("cell.row"),
              "label": attrgetter("row_label"), "column_label": lambda v: v.column_label or v.cell.column},
    RowRef: {"id": attrgetter("id"), "label": attrgetter("label")},
    ColumnRef: {"id": attrgetter("id"), "label": attrgetter("label"), "unit": attrgetter("unit"), "kind": attrgetter("kind")},
    Section: {"number": lambda v: _dec(v.number), "canonical": lambda v: _dec(v.canonical),
              "title": attrgetter("title"), "heading": attrgetter("heading"), "title_match": attrgetter("title_match"),
              "numbering": attrgetter("numbering"), "tables": lambda v: list(v.tables),
              "paragraphs": lambda v: list(v.paragraphs)},
    Table: {"template": attrgetter("template"), "title": attrgetter("title"), "version": attrgetter("version"),
            "reliable": attrgetter("reliable"), "header_confirmed": attrgetter("header_confirmed"),
            "section": lambda v: _dec(v.section), "layout": attrgetter("layout"),
            "evidence": lambda v: _evidence_text(v.version_evidence),
            "evidence_at": lambda v: v.evidence_at or v.span, "version_columns": attrgetter("version_columns")},
    LostTable: {"template": attrgetter("template"), "title": attrgetter("title"), "version": attrgetter("version"),
                "evidence": lambda v: _evidence_text(list(v.evidence)), "evidence_at": lambda v: v.evidence_at or v.span,
                "image": attrgetter("image")},
    Paragraph: {"text": attrgetter("text"), "kind": attrgetter("kind")},
    Fact: {"value": attrgetter("value"), "kind": attrgetter("kind"), "text": attrgetter("raw")},
    Period: {"start": attrgetter("start"), "end": attrgetter("end"), "text": attrgetter("raw")},
    Issuer: {"name": attrgetter("name"), "kind": attrgetter("kind"), "source": attrgetter("source")},
    MissingRow: {"row": attrgetter("row"), "label": attrgetter("label"), "block": attrgetter("block")},
    TableProblem: {"kind": attrgetter("kind"), "detail": attrgetter("detail")},
    Row: {"id": attrgetter("template_row"), "label": attrgetter("label")},
    dt.date: {"year": lambda v: Decimal(v.year), "month": lambda v: Decimal(v.month), "day": lambda v: Decimal(v.day)},
    SimilarReport: {"path": attrgetter("path"), "score": lambda v: Ratio(v.score), "issuer": attrgetter("issuer"),
                    "year": attrgetter("year"), "same_body": attrgetter("same_body"),
                    "passages": lambda v: v.passages()},
    Report: {"year": lambda v: _dec(v.year), "issuer": attrgetter("issuer"), "path": attrgetter("path")},
}


def _evidence_text(labels: list[str], shown: int = 4) -> str:
    text = "、".join(labels[:shown])
    return text + "等" if len(labels) > shown else text


def _dec(v):
    return Decimal(v) if v is not None else None


def get_attr(obj, name: str):
    """An attribute from the whitelist of the value's kind; on a list, of each item
    (find(…, "(?P<n>\\d+)条").n is the list of the n groups)."""
    attrs = _ATTRS.get(type(obj))
    if attrs is not None and type(obj) is not Report:  # the common case, answered first
        getter = attrs.get(name)
        if getter is not None:
            return getter(obj)
    if isinstance(obj, Match):  # the next most common ($m.pre)
        if name == "text":
            return obj.text
        if name in obj.groups:
            return obj.groups[name]
        return None  # an optional group that did not take part
    if obj is UNKNOWN:
        return UNKNOWN
    if obj is None:
        return None
    if isinstance(obj, list):
        return [get_attr(item, name) for item in obj]
    if isinstance(obj, Report) and name not in _ATTRS[Report]:
        return obj.table(name)  # previous.applications: a table of another report
    attrs = _ATTRS.get(type(obj))
    if attrs is None:
        attrs = next((a for typ, a in _ATTRS.items() if isinstance(obj, typ)), None)
        if attrs is None:
            raise ExprError(f"{_kind(obj)} has no attribute {name!r}")
    getter = attrs.get(name)
    if getter is None:
        raise ExprError(f"{_kind(obj)} has no attribute {name!r} (it has: {', '.join(sorted(attrs))})")
    return getter(obj)


# --------------------------------------------------------------------------- locations

def span_of(value) -> Span | None:
    """Where a value is in the report, for a violation's location."""
    if isinstance(value, Span):
        return value
    if isinstance(value, CellRef):
        return value.cell.span
    if isinstance(value, RowRef):
        return value.row.span if value.row else None
    if isinstance(value, Match):
        return value.span
    if isinstance(value, list):
        return next((s for s in map(span_of, value) if s is not None), None)
    span = getattr(value, "span", None)
    return span if isinstance(span, Span) else None


def render(value, lang: str = "zh") -> str:
    """A value as it reads in a message."""
    if type(value) is str:  # the most common value by far (paths, labels, matches rendered when found)
        return value
    if value is UNKNOWN or value is None:
        return "未知" if lang == "zh" else "unknown"
    if isinstance(value, CellRef):
        value = value.value
        if value is UNKNOWN:
            return "未知" if lang == "zh" else "unknown"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, Ratio):
        return f"{_decimal_text((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))}%"
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, Written):
        if not value.raw.strip():
            return "空白" if lang == "zh" else "is blank"
        return f"写作“{value.raw}”" if lang == "zh" else f"reads “{value.raw}”"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日" if lang == "zh" else value.isoformat()
    if _is_quantity(value):
        return f"{_decimal_text(Decimal(value.magnitude))}{value.units:~}".replace("wanyuan", "万元").replace(
            "yiyuan", "亿元").replace("yuan", "元")
    if isinstance(value, list):
        return ("、" if lang == "zh" else ", ").join(render(v, lang) for v in value)
    if isinstance(value, (Match, Paragraph)):
        return value.text
    if isinstance(value, Section):
        return value.heading
    if isinstance(value, (RowRef, ColumnRef)):
        return value.label
    if isinstance(value, Fact):
        return render(value.value, lang)
    if isinstance(value, Issuer):
        return value.name
    if isinstance(value, Period):
        return value.raw
    if isinstance(value, MissingRow):
        return value.label
    if isinstance(value, Table):
        return value.title or value.template or "?"
    if isinstance(value, SimilarReport):
        return value.path
    if isinstance(value, Report):
        return value.path
    return str(value)


def renderable(value):
    """A value that renders as `value` does in every language and holds nothing of its
    report: what a violation keeps to render its message later (a batch keeps thousands
    of violations, not their reports). Values whose rendering depends on the language
    stay values; the rest are rendered now."""
    if value is None or value is UNKNOWN or isinstance(value, (bool, Decimal, Written, dt.date, str)):
        return value
    if isinstance(value, CellRef):
        return renderable(value.value)
    if isinstance(value, list):  # (most often of paths or texts: a string is itself, without a call)
        return [v if type(v) is str else renderable(v) for v in value]
    if isinstance(value, Fact):
        return renderable(value.value)
    return render(value, "zh")


def _decimal_text(value: Decimal) -> str:
    """A number as a report writes it: no exponent, no trailing zeros; exact however many
    digits it has (quantize, like any Decimal operation, stops at 28)."""
    if not value.is_finite():
        return str(value)
    integral = value.to_integral_value()
    if value == integral:
        return format(integral, "f")
    return format(value.normalize(), "f")
