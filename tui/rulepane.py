"""The rule pane: everything about the selected violation's rule — title, citation,
message in full, where it applies, where the violation is — and the rule's YAML as
written, with the rule file's own line numbers. Text is wrapped as Chinese is
(linebreak.py), a wrapped YAML line hanging under its own indentation."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.rule import Rule as HLine
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from nianbao.model import Violation
from nianbao.rules import Rule

from .i18n import SEVERITY_GLYPH, SEVERITY_STYLE, tr
from .linebreak import break_offsets


class Wrapped:
    """A Text broken into lines as Chinese text is, at whatever width it is given;
    lines after the first of a paragraph start `hanging` cells in."""

    def __init__(self, text: Text | str, hanging: int = 0) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.hanging = hanging

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((line.cell_len for line in self.text.split("\n")), default=0)
        return Measurement(min(4, widest), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 2)
        for line in self.text.split("\n", allow_blank=True):
            yield from self._lines(line, width)

    def _lines(self, line: Text, width: int):
        hang = self.hanging if self.hanging < width // 2 else 0
        first = True
        while True:
            room = width if first else width - hang
            cuts = break_offsets(line.plain, room)
            piece, rest = (line, None) if not cuts else line.divide([cuts[0]])[:2]
            if not first:   # a space the line broke before is not carried to the next line
                piece = piece[len(piece.plain) - len(piece.plain.lstrip(" ")):]
            out = piece.copy() if first else Text(" " * hang) + piece
            out.no_wrap, out.end = True, "\n"
            yield out
            if rest is None:
                return
            line, first = rest, False

REGIME_ORDER = ("pre2019", "2019", "2021")


def regimes_text(rule: Rule, lang: str) -> str:
    if rule.regimes is None:
        text = tr("regimes_all", lang)
    else:
        sep = "；" if lang == "zh" else "; "
        text = sep.join(tr(f"regime_{r}", lang) for r in sorted(rule.regimes, key=_regime_pos))
    if rule.issuers:
        sep = "、" if lang == "zh" else ", "
        text += " · " + sep.join(tr(f"issuer_{k}", lang) for k in sorted(rule.issuers))
    return text


def unwrap(text: str) -> str:
    """A YAML block of prose as one paragraph: a line break becomes a space only
    between two non-CJK characters (Chinese is written without spaces)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    out = ""
    for line in lines:
        if not line:
            continue
        if out and (out[-1].isascii() and line[0].isascii()):
            out += " "
        out += line
    return out


def _regime_pos(r: str) -> int:
    return REGIME_ORDER.index(r) if r in REGIME_ORDER else len(REGIME_ORDER)


def said(app, title: Text) -> Text:
    """A title line with the app's passing notice (NianbaoApp.say) in front."""
    notice = getattr(app, "said", None)
    if not notice:
        return title
    return Text.assemble(("✓ " + notice, "bold #87d787"), "  ", title, no_wrap=True, overflow="ellipsis", end="")


def short_path(path: str) -> str:
    """A rule file's path relative to the working folder when it is under it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path


def rule_renderable(v: Violation, rule: Rule | None, lang: str):
    head = Text()
    head.append(f"{SEVERITY_GLYPH.get(v.severity, '?')} {tr(v.severity, lang)}  ", style=SEVERITY_STYLE.get(v.severity, ""))
    head.append(v.rule, style="bold")
    title = (rule.title_en if lang == "en" and rule and rule.title_en else (rule.title if rule else v.title))
    head.append("  " + title, style="bold")

    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(tr("message", lang), Wrapped(v.message(lang)))
    grid.add_row(tr("where", lang), Wrapped(tr("line_col_fmt", lang, line=v.span.line, column=v.span.column)))
    if v.related:
        grid.add_row(tr("related", lang), Wrapped(tr("related_fmt", lang, n=len(v.related))))
    parts: list = [Wrapped(head), grid]
    if rule is None:
        parts.append(Text(tr("rule_gone", lang), style="italic dim"))
        return Group(*parts)
    grid.add_row(tr("cite", lang), Wrapped(rule.cite))
    grid.add_row(tr("applies", lang), Wrapped(regimes_text(rule, lang)))
    if rule.description.strip():
        grid.add_row(tr("description", lang), Wrapped(unwrap(rule.description)))
    grid.add_row(tr("rule_file", lang), Wrapped(Text(f"{short_path(rule.file)}:{rule.line}", style="underline")))
    if rule.yaml:
        parts.append(HLine(style="dim"))
        parts.append(yaml_renderable(rule.yaml, rule.line or 1))
    return Group(*parts)


def yaml_renderable(yaml: str, first_line: int) -> Table:
    """A rule's YAML as written, highlighted, with the rule file's line numbers; a long
    line wraps (as Chinese is) and hangs under its own indentation, never back to the
    left edge."""
    code = yaml.rstrip("\n")
    highlighted = Syntax(code, "yaml", theme="ansi_dark", background_color="default").highlight(code)
    lines = highlighted.split("\n", allow_blank=True)
    numbers = len(str(first_line + len(lines)))
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(no_wrap=True, justify="right", style="dim")
    table.add_column(ratio=1)
    for n, line in enumerate(lines, first_line):
        plain = line.plain
        indent = len(plain) - len(plain.lstrip(" "))
        hanging = indent + (2 if plain.lstrip().startswith("- ") else 0) + 2
        table.add_row(Text(str(n).rjust(numbers)), Wrapped(line, hanging=hanging))
    return table


class RulePane(VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    RulePane { height: 1fr; padding: 0 1; }
    RulePane > Static { width: 100%; }
    """

    def __init__(self, lang: str = "zh", **kw) -> None:
        super().__init__(**kw)
        self.lang = lang
        self._body = Static(Text(tr("select_violation", lang), style="dim italic"))

    def compose(self):
        yield self._body

    def show(self, v: Violation | None, rule: Rule | None, problem: str | None = None) -> None:
        if problem:
            text = Text(f"{SEVERITY_GLYPH['error']} {tr('unreadable', self.lang)}", style=SEVERITY_STYLE["error"])
            text.append("\n" + problem, style="")
            self._body.update(Wrapped(text))
        elif v is None:
            self._body.update(Text(tr("select_violation", self.lang), style="dim italic"))
        else:
            self._body.update(rule_renderable(v, rule, self.lang))
        self.scroll_home(animate=False)
