"""lexing: Lark's contextual lexer, scanning with one expression for every parser state.

Lark's ContextualLexer compiles, for each set of terminals some parser state accepts,
one regular expression of them all. report.lark's states need five such sets on an
ordinary report, and Python's re takes ≈ 7 ms to compile each (its classes of Chinese
characters become bitmaps built in a Python loop): a third of a one-file check's
parsing. Here the expression of every terminal serves all states. Terminals are tried
in one order whatever the state (priority, then length, then name), so when the
terminal it matches is one the state accepts, the state's own expression would have
matched the same (the terminals before it in that order match nothing here); when the
state does not accept it, the state's terminals after it are tried one at a time, each
compiled alone (short, and rarely needed: a short line before a table, a blank line
after one).

It serves grammars whose terminals are all regular expressions, without lexer
callbacks (report.lark); for any other, the lexer is Lark's own.

parse() goes further: it runs this lexer and Lark's LALR parser together in one loop
over Lark's own parse table, with the reductions looked up once per grammar rather than
through Lark's callbacks at every token (see OneLoopParser).
"""

from __future__ import annotations

import hashlib
import re
from functools import partial

from lark import Lark, Tree
from lark.lexer import BasicLexer, ContextualLexer, PatternRE, Scanner, Token
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
from lark.parsers.lalr_analysis import Shift
from lark.utils import TextSlice

from .cache import compile_re


class _Shared:
    """The scanner of every terminal, and each terminal's own, compiled when first needed."""

    def __init__(self, root: BasicLexer) -> None:
        self.root = root
        self.order = [t.name for t in root.terminals]  # the order every state's scanner tries them in
        self.after = {name: self.order[i + 1:] for i, name in enumerate(self.order)}
        self.terminals = {t.name: t for t in root.terminals}
        self.scanner: Scanner | None = None
        self.alone: dict[str, Scanner] = {}

    def match(self, text, pos: int, accepts: frozenset[str]):
        """What the scanner of the terminals `accepts` would match at `pos`: (text, type) or None."""
        found = self.scanner_of_all().match(text, pos)
        if found is None or found[1] in accepts:
            return found
        return self.after_match(text, pos, found[1], accepts)

    def scanner_of_all(self) -> Scanner:
        if self.scanner is None:
            self.scanner = self._scanner(self.root.terminals)
        return self.scanner

    def after_match(self, text, pos: int, found: str, accepts: frozenset[str]):
        """What the scanner of `accepts` would match at `pos` where the scanner of every
        terminal matched `found`, one `accepts` lacks: (text, type) or None."""
        for name in self.after[found]:
            if name in accepts:
                alone = self.alone.get(name) or self.alone.setdefault(name, self._scanner([self.terminals[name]]))
                found = alone.match(text, pos)
                if found is not None:
                    return found
        return None

    def _scanner(self, terminals) -> Scanner:
        root = self.root
        return Scanner(terminals, root.g_regex_flags, _KeptRe if root.re is re else root.re, root.use_bytes)


class _KeptRe:
    """re for Lark's Scanner (which calls only its compile), the engine code of the
    expression of every terminal kept by the cache (compile_re): re takes ~10 ms to
    compile it at every start."""

    compile = staticmethod(compile_re)


class _StateLexer(BasicLexer):
    shared: _Shared | None = None
    accepts: frozenset[str] = frozenset()

    def match(self, text, pos):
        if self.shared is None:
            return super().match(text, pos)
        return self.shared.match(text, pos, self.accepts)


class SharedScannerLexer(ContextualLexer):
    """Lark's ContextualLexer, its states scanning with one shared expression (see the
    module's docstring). Given to Lark as `_plugins={"ContextualLexer": ...}`."""

    BasicLexer = _StateLexer

    shared: _Shared | None = None

    def __init__(self, conf, states, always_accept=()) -> None:
        super().__init__(conf, states, always_accept)
        if conf.callbacks or not all(isinstance(t.pattern, PatternRE) for t in conf.terminals):
            return  # string terminals become callbacks of the regular ones (Lark's _create_unless): its own way
        self.shared = shared = _Shared(self.root_lexer)
        for lexer in (*self.lexers.values(), self.root_lexer):
            lexer.shared = shared
            lexer.accepts = frozenset(t.name for t in lexer.terminals)
            lexer.callback = {}  # (what building its own scanner would have set, with no callbacks)
        self.accepts_of = {state: lexer.accepts for state, lexer in self.lexers.items()}

    def lex(self, lexer_state, parser_state):
        """The tokens, as ContextualLexer.lex and its states' next_token make them, in one
        loop: a token of a report is one call of Python here (this generator's), not ten
        (the parser state's position, its lexer, the lexer's match, the scanner's, the
        line counter's feed, Token's two constructors)."""
        shared = self.shared
        if shared is None:
            yield from super().lex(lexer_state, parser_state)
            return
        accepts_of, ignore, multiline = self.accepts_of, self.root_lexer.ignore_types, self.root_lexer.newline_types
        text, counter = lexer_state.text, lexer_state.line_ctr
        source, end, newline = text.text, text.end, counter.newline_char
        pos, line, line_start = counter.char_pos, counter.line, counter.line_start_pos
        new_token = str.__new__
        # (the scanner's own match, Scanner.match, inlined; the parser's state is the top of
        # its stack, a list the parser changes in place: ParserState.position without a call)
        expressions, states = shared.scanner_of_all()._mres, parser_state.state_stack
        while pos < end:
            found = None
            for expression in expressions:
                found = expression.match(source, pos, end)
                if found is not None:
                    break
            if found is not None:
                value, type_ = found.group(), found.lastgroup
                accepts = accepts_of[states[-1]]
                if type_ not in accepts:
                    found = shared.after_match(text, pos, type_, accepts)
                    if found is not None:
                        value, type_ = found
            if found is None:  # Lark's own lexer raises the error it raises
                yield from super().lex(lexer_state, parser_state)
                return
            start, start_line, start_column = pos, line, pos - line_start + 1
            newlines = value.count(newline) if type_ in multiline else 0
            if newlines:
                line += newlines
                line_start = pos + value.rindex(newline) + 1
            pos += len(value)
            counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
            counter.column = pos - line_start + 1
            if type_ in ignore:
                continue
            token = new_token(Token, value)
            token.type, token.start_pos, token.value, token.line, token.column = (
                type_, start, value, start_line, start_column)
            token.end_line, token.end_column, token.end_pos = line, counter.column, pos
            lexer_state.last_token = token
            yield token


# What the parser does on a terminal or a rule's name in a state (OneLoopParser.actions):
_SHIFT = 0  # (_SHIFT, state): push the token, or the rule's value, and go to the state
_BUILD = 1  # (_BUILD, size, name): pop size values, push Tree(name, them)
_APPEND = 2  # (_APPEND, size, name): X: X a…, the a… appended to X's tree, that tree kept
_CALL = 3  # (_CALL, size, name, callback): pop size values, push callback(them), as Lark does


class OneLoopParser:
    """Lark's LALR parse with its contextual lexer (SharedScannerLexer), in one loop: the
    same tree, made of the same tokens, with no call of Python per token (Lark makes
    five: its lexer's generator, the parser state's feed_token, the rule's hash, the
    tree builder's filter and a Tree for every block of a star rule, thrown away at the
    next). Anything it does not expect (a grammar of other callbacks, a text that
    does not parse) it leaves to Lark, whose parse gives the result or raises the error.

    A rule `X: X a…` whose value Lark's tree builder makes as a new Tree of the children
    of X's tree (the same list, a… appended), every rule of X making a new Tree named X,
    appends a… to X's tree and keeps it: no one else holds that tree, so the result is
    the same tree."""

    def __init__(self, lark: Lark, lines: re.Pattern | None = None) -> None:
        """`lines`: an expression whose match, where it matches, is the scanner's (the same
        text, its last group the same terminal), tried first (ReportLines)."""
        self.lark = lark
        self.lines = lines
        frontend = lark.parser
        lexer = frontend.lexer
        starts = frontend.parser_conf.start
        self.lexer = (lexer if isinstance(lexer, SharedScannerLexer) and lexer.shared is not None and len(starts) == 1
                      else None)
        parser = frontend.parser.parser
        table, callbacks = parser.parse_table, parser.callbacks
        start = starts[0]
        self.start_state, self.end_state = table.start_states[start], table.end_states[start]
        builds_own_tree = {}  # rule name → whether each of its rules makes a new Tree of that name
        for rule, callback in callbacks.items():
            name = rule.origin.name
            builds_own_tree[name] = builds_own_tree.get(name, True) and _new_tree_named(callback, name)
        reductions = {}
        for rule, callback in callbacks.items():
            name, size = rule.origin.name, len(rule.expansion)
            if _tree_of(callback, name):
                reductions[rule] = (_BUILD, size, name)
            elif (builds_own_tree[name] and size >= 2 and rule.expansion[0].name == name
                  and callback.to_include == [(0, True)] + [(i, False) for i in range(1, size)]):
                reductions[rule] = (_APPEND, size, name)
            else:
                reductions[rule] = (_CALL, size, name, callback)
        self.actions = {state: {symbol: (_SHIFT, arg) if action is Shift else reductions[arg]
                                for symbol, (action, arg) in row.items()}
                        for state, row in table.states.items()}

    def parse(self, text: str) -> Tree:
        """lark.parse(text)."""
        lexer = self.lexer
        if lexer is None:
            return self.lark.parse(text)
        shared = lexer.shared
        accepts_of, ignore, multiline = lexer.accepts_of, lexer.root_lexer.ignore_types, lexer.root_lexer.newline_types
        expressions, actions, end_state = shared.scanner_of_all()._mres, self.actions, self.end_state
        lines = self.lines.match if self.lines is not None else None
        states, values = [self.start_state], []
        new_token = str.__new__
        pos, line, line_start, end = 0, 1, 0, len(text)
        sliced = None
        while pos < end:
            found = lines(text, pos, end) if lines is not None else None
            if found is None:
                for expression in expressions:
                    found = expression.match(text, pos, end)
                    if found is not None:
                        break
            if found is not None:
                value, type_ = found.group(), found.lastgroup
                accepts = accepts_of[states[-1]]
                if type_ not in accepts:
                    if sliced is None:
                        sliced = TextSlice(text, 0, end)
                    found = shared.after_match(sliced, pos, type_, accepts)
                    if found is not None:
                        value, type_ = found
            if found is None:
                return self.lark.parse(text)  # (which raises the error)
            start, start_line, start_column = pos, line, pos - line_start + 1
            if type_ in multiline and "\n" in value:
                line += value.count("\n")
                line_start = pos + value.rindex("\n") + 1
            pos += len(value)
            if type_ in ignore:
                continue
            token = new_token(Token, value)
            token.type, token.start_pos, token.value, token.line, token.column = (
                type_, start, value, start_line, start_column)
            token.end_line, token.end_column, token.end_pos = line, pos - line_start + 1, pos
            while True:
                action = actions[states[-1]].get(type_)
                if action is None:
                    return self.lark.parse(text)
                kind = action[0]
                if kind == _SHIFT:
                    states.append(action[1])
                    values.append(token)
                    break
                if kind == _APPEND and action[1] == 2:
                    del states[-2:]
                    tail = values.pop()
                    values[-1].children.append(tail)
                else:
                    self._reduce(action, states, values)
                states.append(actions[states[-1]][action[2]][1])
        while True:  # the end: reduce until the start rule is whole
            action = actions[states[-1]].get("$END")
            if action is None or action[0] == _SHIFT:
                return self.lark.parse(text)
            self._reduce(action, states, values)
            states.append(actions[states[-1]][action[2]][1])
            if states[-1] == end_state:
                return values[-1]

    @staticmethod
    def _reduce(action: tuple, states: list, values: list) -> None:
        """Pop a rule's values and push what it makes (its new state is pushed after)."""
        kind, size = action[0], action[1]
        if size:
            children = values[-size:]
            del states[-size:]
            del values[-size:]
        else:
            children = []
        if kind == _APPEND:
            children[0].children.extend(children[1:])
            values.append(children[0])
        elif kind == _BUILD:
            values.append(Tree(action[2], children))
        else:
            values.append(action[3](children))


def _tree_of(callback, name: str) -> bool:
    """Whether the callback is Tree(name, children)."""
    return (isinstance(callback, partial) and callback.func is Tree and callback.args == (name,)
            and not callback.keywords)


def _new_tree_named(callback, name: str) -> bool:
    """Whether the callback makes a new Tree named `name` (of whatever children)."""
    return _tree_of(callback, name) or (type(callback) is ChildFilterLALR_NoPlaceholders
                                        and _tree_of(callback.node_builder, name))


class ReportLines:
    """An expression that matches, at the start of the lines most of a report is made
    of, what report.lark's scanner of every terminal matches there (the same text, its
    last group named as the terminal), and nowhere else: it fails at once on other
    lines (a TAB, a date…), left to the scanner. The scanner tries each terminal in turn,
    and on a line of prose every one of them reads the line: ≈ 25,000 instructions a
    line; ≈ 15,000 for blank lines, behind which TAB_GAP looks for a TAB line every way
    it can; here ≈ 7,000 and ≈ 5,000.

    TEXT: a line on which every terminal tried before TEXT fails, as its first and last
    characters and its length tell. Without a TAB (CELL_LINES, TSV_LINES); not starting
    with a space or what starts a heading (NUM_HEAD's 1、, SECTION_HEAD's 一、 and
    第一部分, SUB_HEAD's （一）); not ending with a space or what ends a page number, a
    date or a title (-, 页, a digit, 日, 告 of 年度报告, 工作报告, 年度工作报告 and 信息公开报告, 报, 结 of 工作总结, a bracket, the
    bar of a layout table's empty cells after a title, the last letter of a file's extension, .doc, .docx, .pdf, .wps), so not
    blank either (TAB_GAP, BLANK); and longer than TAB_CONT's 40 characters, or ending
    with 。 or ；, which TAB_CONT's may not hold (a document number is 35 characters at
    most, and ends with 号).

    BLANK: the blank lines there are, when the line after them has no TAB and is no
    line TAB_GAP's look-ahead may cross to reach one (a heading 一、, over 40 characters,
    or holding 。 or ；): no terminal before BLANK but TAB_GAP matches a blank line.

    SECTION_HEAD 一、… and SUB_HEAD （一）… (with no space before them), without a TAB:
    no terminal tried before them matches such a line."""

    PATTERN = compile_re(
        r"(?P<TEXT>(?![^\n]*\t)(?:[^\n\t \u3000\xa0一二三四五六七八九十第（(1-9]|[1-9](?![、.．]))"
        r"(?:[^\n]{39,}[^\n\t\d\-—–－页日告报结）) \u3000\xa0|｜cfsx]|[^\n]*[。；])\n)"
        r"|(?P<BLANK>(?:[ \xa0\u3000]*\n)++)(?=(?![^\n]*\t)(?:[ \u3000]*[一二三四五六七八九十]{1,3}[、.．]"
        r"|[^\n]{41,}\n|[^\n。；]*[。；]))"
        r"|(?P<SECTION_HEAD>[一二三四五六七八九十]{1,3}[ \u3000]{0,2}[、.．](?![^\n]*\t)[^\n]*\n)"
        r"|(?P<SUB_HEAD>[（(][一二三四五六七八九十]{1,3}[）)](?![^\n]*\t)[^\n]*\n)")
    # (a line's TAB looked for once, backwards from its end: re reads a class of characters
    # such as [^\n\t] a character at a time, several times slower)
    # report.lark's terminals, as the scanner tries them, and the ignored ones, that the
    # above was worked out for (_terminals()): another grammar has no such expression
    TERMINALS = "0bfbc138bae42914"

    @classmethod
    def of(cls, lark: Lark) -> re.Pattern | None:
        """The expression for lark, if its terminals are report.lark's."""
        lexer = lark.parser.lexer
        if isinstance(lexer, SharedScannerLexer) and _terminals(lexer.root_lexer) == cls.TERMINALS:
            return cls.PATTERN
        return None


def _terminals(root: BasicLexer) -> str:
    """A digest of a lexer's terminals, in the order they are tried, and of those ignored
    (the same for a grammar read from the cache: its flags are a list, not a frozenset)."""
    described = [(t.name, t.priority, t.pattern.value, sorted(t.pattern.flags)) for t in root.terminals]
    return hashlib.sha256(repr(described + sorted(root.ignore_types)).encode()).hexdigest()[:16]
