"""The comparison screen: a report beside the other report a finding names
(Violation.other). For a copied report (内容雷同) the passages the two share are
marked on both sides and `n` / `p` step through them in step; for last year's
carry-over the other side shows last year's same table, its same column marked."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from nianbao.api import read_report
from nianbao.model import Report, Violation

from .across import Comparison, compare
from .bindings import Key, NianbaoFooter, action_callback, localized, make_bindings
from .i18n import SEVERITY_GLYPH, SEVERITY_STYLE, tr
from .rulepane import said, short_path
from .source import SourceView


class CompareScreen(Screen):
    KEYS = [
        Key("n", "step(1)", "b_next_passage", command="c_next_passage", help="h_next_passage"),
        Key("p", "step(-1)", "b_prev_passage", command="c_prev_passage", help="h_prev_passage"),
        Key("escape", "back", "b_back", display="esc", command="c_compare_back", help="h_compare_back"),
        Key("question_mark", "help", "b_help", display="?", command="c_help"),
        Key("q", "app.quit", "b_quit"),
    ]
    BINDINGS = make_bindings(KEYS, "zh")
    FOOTER_DROP = ()   # left out of a narrow footer first

    DEFAULT_CSS = """
    CompareScreen { layout: vertical; }
    CompareScreen #title { height: 1; background: $panel; color: $text; padding: 0 1;
                           text-wrap: nowrap; text-overflow: ellipsis; }
    CompareScreen #sides { height: 1fr; }
    CompareScreen .side { width: 1fr; height: 1fr; }
    CompareScreen #this-side { border-right: vkey $panel-lighten-2; }
    CompareScreen #other-side { border-left: blank; }
    CompareScreen SourceView { scrollbar-gutter: stable; }
    CompareScreen .head { height: 1; background: $boost; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    CompareScreen #status { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, report: Report, violation: Violation, by_similarity: bool, lang: str = "zh") -> None:
        super().__init__()
        self.report = report
        self.violation = violation
        self.by_similarity = by_similarity
        self.lang = lang
        self.comparison: Comparison | None = None
        self.step_index = 0
        self._loading = False

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="title")
        with Horizontal(id="sides"):
            with Vertical(id="this-side", classes="side"):
                yield Static(self._head(self.report, tr("this_report", self.lang)), classes="head")
                yield SourceView(self.report.original_text or self.report.text, id="this")
            with Vertical(id="other-side", classes="side"):
                yield Static(Text(short_path(self.violation.other or ""), style="dim"), id="other-head", classes="head")
                yield SourceView("", id="other")
        yield Static(id="status")
        yield NianbaoFooter(compact=True)

    def on_resize(self, event) -> None:
        # both sides exactly as wide, so that both wrap at the same width
        half = event.size.width // 2
        for side in self.query(".side"):
            side.styles.width = half

    def _same_gutters(self) -> None:
        this, other = self.query_one("#this", SourceView), self.query_one("#other", SourceView)
        digits = max(len(str(view.document.line_count)) for view in (this, other))
        for view in (this, other):
            if view.gutter_digits != digits:
                view.gutter_digits = digits
                view._rewrap_and_refresh_virtual_size()

    def on_mount(self) -> None:
        this = self.query_one("#this", SourceView)
        this.set_current(self.violation.span, self.violation.related)
        this.go_to(self.violation.span.line, self.violation.span.column)
        this.focus()
        self._status()
        self.load_other()

    def load_other(self) -> None:
        """Read and parse the other report in a thread, then mark both sides."""
        rules = self.app.watcher.rules
        path = self.violation.other or ""
        self._loading = True

        def work() -> None:
            other = read_report(path, rules.templates)
            comparison = compare(self.report, other, self.violation, self.by_similarity) if other else None
            try:
                self.app.call_from_thread(self._show_other, other, comparison)
            except RuntimeError:  # the app has gone
                pass

        self.run_worker(work, thread=True, group="compare", exit_on_error=False, name=f"compare {Path(path).name}")

    def pending(self) -> list[str]:
        return ["comparison: reading the other report"] if self._loading else []

    def _show_other(self, other: Report | None, comparison: Comparison | None) -> None:
        if not self.is_attached:
            return
        self._loading = False
        head = self.query_one("#other-head", Static)
        if other is None or comparison is None:   # the other report cannot be read
            head.update(Text(f"{short_path(self.violation.other or '')}: {tr('unreadable', self.lang)}",
                             style="italic " + SEVERITY_STYLE["error"]))
            return
        self.comparison = comparison
        head.update(self._head(other, tr("other_report", self.lang)))
        self.query_one("#other", SourceView).load_text_fresh(other.original_text or other.text)
        self._same_gutters()
        self.show_step(0)
        self.refresh_bindings()

    def show_step(self, index: int) -> None:
        """Put both sides on the index-th pair of corresponding places."""
        comparison = self.comparison
        if comparison is None or not comparison.pairs:
            return
        self.step_index = index % len(comparison.pairs)
        mine, theirs = comparison.pairs[self.step_index]
        this, other = self.query_one("#this", SourceView), self.query_one("#other", SourceView)
        this.set_current(mine, comparison.this_marks)
        this.go_to(mine.line, mine.column)
        table = comparison.kind == "table"
        other.set_current(None if table else theirs, comparison.other_marks)
        if theirs is not None:
            other.go_to(theirs.line, theirs.column, top=table)
        self._status()

    def _status(self) -> None:
        comparison = self.comparison
        if comparison is None:
            text = Text(tr("loading_other", self.lang), style="italic")
        elif comparison.kind == "passages":
            text = Text(tr("passage_fmt", self.lang, i=self.step_index + 1, n=len(comparison.pairs)))
        else:
            text = Text(tr(f"compare_{comparison.kind}", self.lang))
        self.query_one("#status", Static).update(text)

    def _title(self) -> Text:
        v = self.violation
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append("nianbao ", style="bold")
        text.append(f"{SEVERITY_GLYPH.get(v.severity, '?')} {v.rule} ", style=SEVERITY_STYLE.get(v.severity, ""))
        text.append(v.message(self.lang))
        return said(self.app, text) if self.is_attached else text

    def refresh_title(self) -> None:
        self.query_one("#title", Static).update(self._title())

    def _head(self, report: Report, label: str) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(label + " ", style="bold")
        text.append(report.issuer.name if report.issuer else tr("unknown", self.lang))
        if report.year:
            text.append(f" · {report.year}{tr('year_suffix', self.lang)}")
        text.append("  " + short_path(report.path), style="dim")
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # n / p are in the footer, and work, only when there are places to step through
        if action == "step":
            return self.comparison is not None and len(self.comparison.pairs) > 1
        return True

    def action_step(self, step: int) -> None:
        self.show_step(self.step_index + step)

    def action_back(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        self.app.show_help()

    def palette_commands(self):
        lang = self.lang
        return [(tr(k.command, lang), action_callback(self, k.action), tr(k.label, lang))
                for k in self.KEYS if k.command and self.check_action(k.action.split("(")[0], ())]


def compare_screen(report: Report, violation: Violation, by_similarity: bool, lang: str) -> CompareScreen:
    return localized(CompareScreen, lang)(report, violation, by_similarity, lang)
