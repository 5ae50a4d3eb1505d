"""The rule pane: everything about the selected violation's rule — title, citation,
message in full, where it applies, where the violation is — and the rule's YAML as
written, with the rule file's own line numbers."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.rule import Rule as HLine
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from nianbao.model import Violation
from nianbao.rules import Rule

from .i18n import SEVERITY_GLYPH, SEVERITY_STYLE, tr

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
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(tr("message", lang), Text(v.message(lang)))
    grid.add_row(tr("where", lang), Text(tr("line_col_fmt", lang, line=v.span.line, column=v.span.column)))
    if v.related:
        grid.add_row(tr("related", lang), Text(tr("related_fmt", lang, n=len(v.related))))
    parts: list = [head, grid]
    if rule is None:
        parts.append(Text(tr("rule_gone", lang), style="italic dim"))
        return Group(*parts)
    grid.add_row(tr("cite", lang), Text(rule.cite))
    grid.add_row(tr("applies", lang), Text(regimes_text(rule, lang)))
    if rule.description.strip():
        grid.add_row(tr("description", lang), Text(unwrap(rule.description)))
    grid.add_row(tr("rule_file", lang), Text(f"{short_path(rule.file)}:{rule.line}", style="underline"))
    if rule.yaml:
        parts.append(HLine(style="dim"))
        parts.append(Syntax(rule.yaml.rstrip("\n"), "yaml", theme="ansi_dark", line_numbers=True,
                            start_line=rule.line or 1, word_wrap=True, background_color="default"))
    return Group(*parts)


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

    def show(self, v: Violation | None, rule: Rule | None) -> None:
        if v is None:
            self._body.update(Text(tr("select_violation", self.lang), style="dim italic"))
        else:
            self._body.update(rule_renderable(v, rule, self.lang))
        self.scroll_home(animate=False)
