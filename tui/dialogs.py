"""Modal screens: key bindings (?), the violation filter (f) and the rule errors (!)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from nianbao.rules import FAMILIES

from .bindings import Key, key_text
from .i18n import SEVERITY_GLYPH, SEVERITY_STYLE, tr
from .rulepane import Wrapped, short_path
from .session import SEVERITIES, Filters

DIALOG_CSS = """
{name} {{ align: center middle; background: $background 60%; }}
{name} > Vertical {{
    width: {width}; max-width: 95%; height: auto; max-height: 90%;
    border: round $accent; background: $surface; padding: 0 1;
}}
{name} .dialog-title {{ text-style: bold; color: $accent; width: auto; }}
"""


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = DIALOG_CSS.format(name="HelpScreen", width=72) + """
    HelpScreen VerticalScroll { height: auto; max-height: 100%; }
    """
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", show=False)]

    def __init__(self, sections: list[tuple[str, list[Key]]], lang: str) -> None:
        super().__init__()
        self.sections = sections
        self.lang = lang

    def compose(self) -> ComposeResult:
        table = Table(box=None, padding=(0, 2), show_header=False, expand=True)
        table.add_column(style="bold #ffaf00", no_wrap=True, min_width=8)
        table.add_column(ratio=1)
        for n, (where, keys) in enumerate(self.sections):
            if n:
                table.add_row("", "")
            table.add_row(Text(where, style="bold underline"), "")
            for k in keys:
                table.add_row(key_text(k), Wrapped(tr(k.help or k.label, self.lang)))
        with Vertical():
            yield Static(tr("help_title", self.lang), classes="dialog-title")
            with VerticalScroll():
                yield Static(table)


class FilterScreen(ModalScreen[None]):
    """Severities and families, toggled with Space; changes apply at once."""

    DEFAULT_CSS = DIALOG_CSS.format(name="FilterScreen", width=48) + """
    FilterScreen SelectionList { width: 44; height: auto; max-height: 16; border: none; }
    """
    BINDINGS = [Binding("escape,f", "dismiss", show=False)]

    def __init__(self, filters: Filters, counts: dict[str, int], lang: str, on_change) -> None:
        super().__init__()
        self.filters = filters
        self.counts = counts
        self.lang = lang
        self.on_change = on_change

    def compose(self) -> ComposeResult:
        options = []
        for sev in SEVERITIES:
            label = Text.assemble((f"{SEVERITY_GLYPH[sev]} {tr(sev, self.lang)}", SEVERITY_STYLE[sev]),
                                  f"  ({self.counts.get(sev, 0)})")
            options.append(Selection(label, f"sev:{sev}", sev in self.filters.severities))
        for fam in FAMILIES:
            label = Text(f"{fam:<8}({self.counts.get(fam, 0)})")
            options.append(Selection(label, f"fam:{fam}", fam in self.filters.families))
        with Vertical():
            yield Static(tr("filter_title", self.lang), classes="dialog-title")
            yield SelectionList[str](*options, id="filter-list")

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        chosen = set(event.selection_list.selected)
        self.filters.severities = {s for s in SEVERITIES if f"sev:{s}" in chosen}
        self.filters.families = {f for f in FAMILIES if f"fam:{f}" in chosen}
        self.on_change()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


class RuleErrorsScreen(ModalScreen[None]):
    DEFAULT_CSS = DIALOG_CSS.format(name="RuleErrorsScreen", width=100) + """
    RuleErrorsScreen VerticalScroll { height: auto; max-height: 100%; }
    """
    BINDINGS = [Binding("escape,exclamation_mark,q,enter", "dismiss", show=False)]

    def __init__(self, lines: list[str], lang: str) -> None:
        super().__init__()
        self.lines = lines
        self.lang = lang

    def compose(self) -> ComposeResult:
        body = Text("\n".join(self.lines) if self.lines else "—")
        with Vertical():
            yield Static(tr("rule_errors_title", self.lang), classes="dialog-title")
            with VerticalScroll():
                yield Static(body)


def rule_error_lines(load_errors, run_errors) -> list[str]:
    out = [f"{short_path(e.file)}:{e.line}:{e.column}: {e.message}" for e in load_errors]
    out += [f"{e.rule}: {e.message}" for e in run_errors]
    return out


def append_first_lines(text: Text, lines: list[str], shown: int = 2) -> None:
    """A banner's first few error lines, then how many more there are (`!` lists all)."""
    for line in lines[:shown]:
        text.append("\n  " + line)
    if len(lines) > shown:
        text.append(f"\n  … +{len(lines) - shown}", style="dim")
