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
"""

from __future__ import annotations

from lark.lexer import BasicLexer, ContextualLexer, PatternRE, Scanner, Token


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
        return Scanner(terminals, root.g_regex_flags, root.re, root.use_bytes)


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
