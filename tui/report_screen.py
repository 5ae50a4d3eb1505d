"""The report screen: the source and the violations side by side (stacked on narrow
terminals), the rule pane under the list, and a tables view in place of the source.
Opened from a folder, it also shows what the rules about other reports find (the
folder's AcrossReports), and `o` puts the report a finding names beside this one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Input, Static, TextArea

from nianbao.api import CheckResult, check
from nianbao.ingest import IngestError, read_source
from nianbao.model import Violation
from nianbao.regimes import regime_for
from nianbao.rules import FAMILIES

from .across import AcrossReports
from .bindings import Key, NianbaoFooter, action_callback, localized, make_bindings
from .dialogs import FilterScreen, RuleErrorsScreen, append_first_lines, rule_error_lines
from .i18n import SEVERITY_GLYPH, SEVERITY_STYLE, tr
from .rulepane import RulePane, said, short_path
from .session import SEVERITIES, family, file_stamp, find_selection, next_index, selection_key
from .source import SourceView
from .tables import TablesView
from .violations import ViolationList

NARROW = 100  # below this many columns the panes are stacked
UNREADABLE_HIDES = frozenset({"next", "prev", "toggle_tables", "filter", "search", "edit_rule", "goto_source",
                              "zoom", "toggle_severity", "clear_filter"})


class SearchInput(Input):
    BINDINGS = [
        Binding("down", "step(1)", show=False),
        Binding("up", "step(-1)", show=False),
        Binding("escape", "close", show=False),
    ]

    def action_step(self, step: int) -> None:
        self.screen.search_step(step)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.screen.close_search()  # type: ignore[attr-defined]


class ReportScreen(Screen):
    KEYS = [
        Key("n", "next", "b_next", command="c_next", help="h_next"),
        Key("p", "prev", "b_prev", command="c_prev", help="h_prev"),
        Key("t", "toggle_tables", "b_tables", command="c_tables", help="h_tables"),
        Key("o", "compare", "b_compare", command="c_compare", help="h_compare"),
        Key("f", "filter", "b_filter", command="c_filter", help="h_filter"),
        Key("slash", "search", "b_search", display="/", command="c_search", help="h_search"),
        Key("e", "edit_rule", "b_edit", command="c_edit", help="h_edit"),
        Key("escape", "back", "b_back", display="esc", command="c_back", help="h_back"),
        Key("question_mark", "help", "b_help", display="?", command="c_help"),
        Key("1", "toggle_severity('error')", "b_errors_only", show=False, help="h_sev1"),
        Key("2", "toggle_severity('warning')", "b_warnings_only", show=False, help="h_sev2"),
        Key("3", "toggle_severity('info')", "b_info_only", show=False, help="h_sev3"),
        Key("0", "clear_filter", "b_clear_filter", show=False, command="c_clear_filter"),
        Key("g", "goto_source", "b_goto", show=False, help="h_goto"),
        Key("z", "zoom", "b_zoom", show=False, command="c_zoom", help="h_zoom"),
        Key("r", "recheck", "b_recheck", show=False, command="c_recheck", help="h_recheck"),
        Key("exclamation_mark", "rule_errors", "b_rule_errors", show=False, display="!", command="c_rule_errors"),
        Key("q", "app.quit", "b_quit"),
    ]
    BINDINGS = make_bindings(KEYS, "zh")
    FOOTER_DROP = ("search", "filter", "edit_rule", "toggle_tables")   # left out of a narrow footer first

    DEFAULT_CSS = """
    ReportScreen { layout: vertical; }
    ReportScreen #title { height: 1; background: $panel; color: $text; padding: 0 1;
                          text-wrap: nowrap; text-overflow: ellipsis; }
    ReportScreen #banner { height: auto; max-height: 4; background: $error 25%; color: $text; padding: 0 1;
                           display: none; }
    ReportScreen #banner.shown { display: block; }
    ReportScreen #main { layout: horizontal; height: 1fr; }
    ReportScreen #left { width: 1fr; height: 1fr; }
    ReportScreen #side { width: 45%; height: 1fr; border-left: vkey $panel-lighten-2; }
    ReportScreen #switch { height: 1fr; }
    ReportScreen #problem { padding: 1 2; color: $error; display: none; }
    ReportScreen #notes { height: auto; max-height: 2; padding: 0 1; color: $text-muted; display: none; }
    ReportScreen #notes.shown { display: block; }
    ReportScreen #problem.shown { display: block; }
    ReportScreen #searchbar { height: 1; display: none; }
    ReportScreen #searchbar.shown { display: block; }
    ReportScreen #search { border: none; height: 1; width: 1fr; padding: 0 1; background: $boost; }
    ReportScreen #search-count { width: auto; min-width: 10; padding: 0 1; color: $text-muted; }
    ReportScreen #filterbar { height: 1; padding: 0 1; background: $boost; }
    ReportScreen #violations { height: 1fr; }
    ReportScreen #rule { height: 1fr; border-top: hkey $panel-lighten-2; }
    ReportScreen.narrow #main { layout: vertical; }
    ReportScreen.narrow #left { width: 1fr; height: 1fr; }
    ReportScreen.narrow #side { width: 1fr; height: 50%; border-left: none; border-top: hkey $panel-lighten-2; }
    ReportScreen.narrow #violations { height: 1fr; min-height: 4; }
    ReportScreen.narrow #rule { height: 4; }
    """

    def __init__(self, path: Path | str, lang: str = "zh", across: AcrossReports | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.lang = lang
        self.across = across
        self.result: CheckResult | None = None
        self.listed: list[Violation] = []
        self.selected: int | None = None
        self._keep: tuple[str, int, int] | None = None
        self._seq = 0
        self._shown_seq = 0
        self._stamp: tuple[int, int] | None = None
        self._text: str | None = None
        self._tables_dirty = True
        self._matches: list[tuple[int, int, int]] = []
        self._match: int | None = None
        self.checked_generation = -1

    # -- layout --------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(self._title_text(), id="title")
        yield Static(id="banner")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Static(id="problem")
                yield Static(id="notes")
                with ContentSwitcher(initial="source", id="switch"):
                    yield SourceView("", id="source")
                    yield TablesView(lang, id="tables")
                with Horizontal(id="searchbar"):
                    yield SearchInput(placeholder=tr("search_placeholder", lang), id="search")
                    yield Static("", id="search-count")
            with Vertical(id="side"):
                yield Static(self._filter_text(), id="filterbar")
                yield ViolationList(lang, id="violations")
                yield RulePane(lang, id="rule")
        yield NianbaoFooter(compact=True)

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW, "narrow")
        # what Esc can do depends on the view and the zoom: the footer follows them
        self.watch(self.query_one(ContentSwitcher), "current", lambda _: self.refresh_bindings(), init=False)
        self.watch(self, "maximized", lambda _: self.refresh_bindings(), init=False)
        self.query_one(ViolationList).focus()
        self.update_banner()
        self.recheck()

    def on_resize(self, event) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    # -- checking ------------------------------------------------------------------
    def recheck(self) -> None:
        """Read the report and check it (in a thread) with the rules in force. Until
        the rules are loaded, the text alone is shown."""
        self._seq += 1
        seq = self._seq
        rules = self.app.watcher.rules
        generation = self.app.watcher.generation
        path = self.path
        across = self.across

        def work() -> None:
            stamp = file_stamp(path)
            try:
                source = read_source(path)
            except IngestError as e:
                result = CheckResult(str(path), None, error=e)
            except Exception as e:  # a reader's bug: said for this file, as `check` says it
                result = CheckResult(str(path), None,
                                     error=IngestError("check.internal", error=f"{type(e).__name__}: {e}"))
            else:
                if rules is None:
                    self._call(self._show_text, source.original or source.text, seq)
                    return
                result = check(source, rules)
                if across is not None and result.report is not None:
                    found, errors = across.violations_for(result.report, rules)
                    result.violations = sorted(result.violations + found, key=lambda v: v.order)
                    result.rule_errors += errors
            self._call(self._show_result, result, seq, stamp, generation)

        self.run_worker(work, thread=True, group="check", exit_on_error=False, name=f"check {path.name}")

    def _call(self, fn, *args) -> None:
        try:
            self.app.call_from_thread(fn, *args)
        except RuntimeError:  # the app has gone
            pass

    def _show_text(self, text: str, seq: int) -> None:
        if seq < self._shown_seq or not self.is_attached or self._text is not None:
            return
        self.query_one(SourceView).load_text_fresh(text)
        self._text = text
        self.app.mark("source")

    async def _show_result(self, result: CheckResult, seq: int, stamp, generation: int) -> None:
        if seq < self._shown_seq or not self.is_attached:
            return
        self._shown_seq = seq
        if self.selected is not None and self.selected < len(self.listed):
            self._keep = selection_key(self.listed[self.selected])
        first = self.result is None
        self.result = result
        self._stamp = stamp
        self.checked_generation = generation
        problem = self.query_one("#problem", Static)
        source = self.query_one(SourceView)
        switch = self.query_one(ContentSwitcher)
        if result.error is not None or result.report is None:
            # the error stands where the text would be, and in the title, the violation
            # pane and the rule pane: never "no violations" beside an empty source
            problem.update(Text(f"{short_path(str(self.path))}: {self._problem()}"))
            problem.add_class("shown")
            switch.display = False
            self._text = None
            source.set_text("")
        else:
            problem.remove_class("shown")
            switch.display = True
            text = result.report.original_text or result.report.text  # the document's own text
            if text != self._text:
                if self._text is None:
                    source.load_text_fresh(text)
                    self.app.mark("source")
                else:
                    source.set_text(text)
                self._text = text
                self._refresh_matches()
        self._tables_dirty = True
        self.refresh_bindings()
        self._show_notes(result.report.notes if result.report else [])
        self.query_one("#title", Static).update(self._title_text())
        self.update_banner()
        self.apply_filters(keep_scroll=not first)
        if self.query_one(ContentSwitcher).current == "tables":
            await self._build_tables()
        if first:
            self.app.mark("violations")

    def pending(self) -> list[str]:
        """A check under way, or due with the rules now in force (NianbaoApp.pending)."""
        watcher = self.app.watcher
        if self._seq != self._shown_seq or (watcher.rules is not None
                                            and self.checked_generation != watcher.generation):
            return [f"report {self.path.name}: checking"]
        return []

    def _problem(self) -> str | None:
        """Why the report could not be read or checked (None: it was)."""
        result = self.result
        if result is None or (result.error is None and result.report is not None):
            return None
        return result.error.render(self.lang) if result.error else "?"

    def check_file_changed(self) -> bool:
        """Re-check when the report changed on disk (called by the app's poll)."""
        if self.result is None:
            return False
        stamp = file_stamp(self.path)
        if stamp != self._stamp:
            self._stamp = stamp
            self.recheck()
            return True
        return False

    def rules_changed(self) -> None:
        if self.is_mounted:   # before, on_mount checks with the rules in force then
            self.recheck()

    # -- violations ----------------------------------------------------------------
    def apply_filters(self, keep_scroll: bool = False) -> None:
        """Show the violations the filters let through, keeping the selection."""
        filters = self.app.filters
        all_ = self.result.violations if self.result else []
        if self.selected is not None and self.selected < len(self.listed):
            self._keep = selection_key(self.listed[self.selected])
        self.listed = [v for v in all_ if filters.accepts(v)]
        index = find_selection(self.listed, self._keep)
        restored = index is not None
        if index is None and self.listed:
            index = min(self.selected or 0, len(self.listed) - 1)
        lst = self.query_one(ViolationList)
        self.selected = None
        lst.show(self.listed, select=index)
        self.query_one(SourceView).set_violations(self.listed)
        self.query_one("#filterbar", Static).update(self._filter_text())
        if index is None:
            self.query_one(SourceView).set_current(None)
            self.query_one(RulePane).show(None, None, problem=self._problem())
            self._tables_highlight()
            self.refresh_bindings()
        else:
            # keep the source where it was when the same violation is still there
            self.select(index, move_source=not (keep_scroll and restored))

    def select(self, index: int, move_source: bool = True) -> None:
        if not self.listed:
            return
        index = min(max(index, 0), len(self.listed) - 1)
        v = self.listed[index]
        same = index == self.selected
        self.selected = index
        self._keep = selection_key(v)
        source = self.query_one(SourceView)
        source.set_current(v.span, v.related)
        if move_source and not (same and source.cursor_location == (v.span.line - 1, v.span.column - 1)):
            source.go_to(v.span.line, v.span.column)
        rule = self.app.watcher.rules.get(v.rule) if self.app.watcher.rules else None
        self.query_one(RulePane).show(v, rule)
        self._tables_highlight()
        self.refresh_bindings()

    @property
    def current(self) -> Violation | None:
        if self.selected is None or self.selected >= len(self.listed):
            return None
        return self.listed[self.selected]

    @on(DataTable.RowHighlighted, "#violations")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key is None or event.row_key.value is None:
            return
        if event.cursor_row != event.data_table.cursor_row:
            return  # a stale event from refilling the list
        index = int(event.row_key.value)
        if index != self.selected:
            self.select(index)

    @on(DataTable.RowSelected, "#violations")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_goto_source()

    @on(TablesView.CellChosen)
    def _cell_chosen(self, event: TablesView.CellChosen) -> None:
        span = event.span
        for i, v in enumerate(self.listed):
            if (v.span.start, v.span.end) == (span.start, span.end):
                self._move_list(i)
                return
        for i, v in enumerate(self.listed):
            if any((s.start, s.end) == (span.start, span.end) for s in v.related):
                self._move_list(i)
                return
        self.query_one(ContentSwitcher).current = "source"
        source = self.query_one(SourceView)
        source.go_to(span.line, span.column)
        source.focus()

    def _move_list(self, index: int, move_source: bool = True) -> None:
        lst = self.query_one(ViolationList)
        self.select(index, move_source=move_source)
        lst.move_cursor(row=index, animate=False)

    @on(TextArea.SelectionChanged, "#source")
    def _source_cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        """Moving through the source selects the violation under the cursor, so the
        rule pane always says what is wrong where the reviewer is reading."""
        source = self.query_one(SourceView)
        if self.focused is not source or not self.listed:
            return
        row, col = source.cursor_location
        line, column = row + 1, col + 1
        current = self.current
        if current is not None and _covers(current, line, column):
            return
        on_line = [i for i, v in enumerate(self.listed) if _covers(v, line, column)]
        if not on_line:
            on_line = [i for i, v in enumerate(self.listed) if v.span.line == line]
        if on_line and on_line[0] != self.selected:
            self._move_list(on_line[0], move_source=False)

    def _step(self, step: int) -> None:
        if not self.listed:
            return
        source = self.query_one(SourceView)
        cursor_line = source.cursor_location[0] + 1 if self.focused is source else None
        if cursor_line is not None and self.current is not None and self.current.span.line != cursor_line:
            index = next_index(self.listed, None, step, cursor_line)
        else:
            index = next_index(self.listed, self.selected, step)
        if index is not None:
            self._move_list(index)

    def action_next(self) -> None:
        self._step(1)

    def action_prev(self) -> None:
        self._step(-1)

    def action_goto_source(self) -> None:
        v = self.current
        self.query_one(ContentSwitcher).current = "source"
        source = self.query_one(SourceView)
        if v is not None:
            source.go_to(v.span.line, v.span.column)
        source.focus()

    # -- filters -------------------------------------------------------------------
    def action_toggle_severity(self, severity: str) -> None:
        self.app.filters.toggle_severity(severity)
        self.apply_filters()

    def action_clear_filter(self) -> None:
        self.app.filters.clear()
        self.apply_filters()

    def only_family(self, fam: str | None) -> None:
        self.app.filters.only_family(fam)
        self.apply_filters()

    def action_filter(self) -> None:
        counts: dict[str, int] = {}
        for v in self.result.violations if self.result else []:
            counts[v.severity] = counts.get(v.severity, 0) + 1
            counts[family(v.rule)] = counts.get(family(v.rule), 0) + 1
        self.app.push_screen(FilterScreen(self.app.filters, counts, self.lang, self.apply_filters))

    def _filter_text(self) -> Text:
        lang = self.lang
        filters = self.app.filters
        all_ = self.result.violations if self.result else []
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.result is None:
            text.append(tr("checking" if self.app.watcher.rules else "loading_rules", lang), style="italic")
            return text
        if self._problem():
            text.append(f"{SEVERITY_GLYPH['error']} {tr('unreadable', lang)}：{self._problem()}"
                        if lang == "zh" else f"{SEVERITY_GLYPH['error']} {tr('unreadable', lang)}: {self._problem()}",
                        style=SEVERITY_STYLE["error"])
            return text
        for sev in SEVERITIES:
            n = sum(1 for v in all_ if v.severity == sev)
            on_ = sev in filters.severities
            style = SEVERITY_STYLE[sev] if on_ else "dim strike"
            text.append(f"{SEVERITY_GLYPH[sev]} {n}", style=style)
            text.append(" ")
        text.append(" │ ", style="dim")
        fams = "、".join(sorted(filters.families, key=FAMILIES.index)) if filters.families else tr("all", lang)
        text.append(f"{tr('families', lang)}: {fams}", style="bold" if filters.families else "")
        text.append(" │ ", style="dim")
        if not all_:
            text.append(tr("no_violations", lang), style="green")
        elif not self.listed:
            text.append(tr("none_visible", lang), style="italic")
        else:
            text.append(f"{tr('shown', lang)} {len(self.listed)}/{len(all_)}")
        return text

    def _title_text(self) -> Text:
        lang = self.lang
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        report = self.result.report if self.result else None
        text.append("nianbao ", style="bold")
        if self._problem():
            text.append(f"{tr('unreadable', lang)}：{self._problem()}" if lang == "zh"
                        else f"{tr('unreadable', lang)}: {self._problem()}", style=SEVERITY_STYLE["error"])
        elif report is not None:
            issuer = report.issuer.name if report.issuer else tr("unknown", lang)
            text.append(issuer, style="bold")
            if report.year:
                text.append(f" · {report.year}{tr('year_suffix', lang)}")
            if report.template:
                text.append(f" · {report.template} {tr('format_suffix', lang)}")
            regime = regime_for(report.year)
            if regime and report.template and regime != report.template:
                note = tr("regime_note", lang, regime=tr(f"regime_short_{regime}", lang))
                text.append(f"（{note}）" if lang == "zh" else f" ({note})", style="bold #ffaf5f")
        text.append("  " + short_path(str(self.path)), style="dim")
        return said(self.app, text)

    def refresh_title(self) -> None:
        self.query_one("#title", Static).update(self._title_text())

    def _show_notes(self, notes: list) -> None:
        """What the reader repaired to read the document (running headers left out,
        characters spaced apart closed up…), above the source: the reviewer knows the
        text was read through them."""
        pane = self.query_one("#notes", Static)
        if not notes:
            pane.remove_class("shown")
            return
        text = Text(tr("reader_notes", self.lang), style="bold", overflow="ellipsis")
        text.append(("；" if self.lang == "zh" else "; ").join(n.render(self.lang) for n in notes), style="")
        pane.update(text)
        pane.add_class("shown")

    def update_banner(self) -> None:
        watcher = self.app.watcher
        run_errors = self.result.rule_errors if self.result else []
        banner = self.query_one("#banner", Static)
        if not watcher.errors and not run_errors:
            banner.remove_class("shown")
            return
        text = Text(end="")
        if watcher.errors:
            key = "rule_errors_banner" if watcher.kept_previous else "rule_errors_banner_partial"
            text.append("⚠ " + tr(key, self.lang, n=len(watcher.errors)), style="bold")
            if run_errors:
                text.append("；" if self.lang == "zh" else "; ")
        if run_errors:
            text.append(("" if watcher.errors else "⚠ ") + tr("rule_run_errors", self.lang, n=len(run_errors)),
                        style="bold")
        text.append(f"（{tr('press_bang', self.lang)}）" if self.lang == "zh" else f" ({tr('press_bang', self.lang)})",
                    style="dim")
        append_first_lines(text, rule_error_lines(watcher.errors, run_errors))
        banner.update(text)
        banner.add_class("shown")

    def action_rule_errors(self) -> None:
        run_errors = self.result.rule_errors if self.result else []
        self.app.push_screen(RuleErrorsScreen(rule_error_lines(self.app.watcher.errors, run_errors), self.lang))

    # -- tables --------------------------------------------------------------------
    async def action_toggle_tables(self) -> None:
        switch = self.query_one(ContentSwitcher)
        if switch.current == "tables":
            tables = self.query_one(TablesView)
            if self.focused is not None and tables in self.focused.ancestors_with_self:
                self.query_one(SourceView).focus()
            switch.current = "source"
            self.refresh_bindings()
            return
        switch.current = "tables"
        self.refresh_bindings()
        await self._build_tables()

    async def _build_tables(self) -> None:
        if self._tables_dirty:
            self._tables_dirty = False
            report = self.result.report if self.result else None
            await self.query_one(TablesView).set_report(report, self.app.watcher.rules.templates)
        self._tables_highlight()

    def _tables_highlight(self) -> None:
        if self._tables_dirty or self.query_one(ContentSwitcher).current != "tables":
            return
        self.query_one(TablesView).highlight(self.listed, self.current)

    # -- search --------------------------------------------------------------------
    def action_search(self) -> None:
        bar = self.query_one("#searchbar")
        bar.add_class("shown")
        self.query_one(ContentSwitcher).current = "source"
        self.query_one(SearchInput).focus()
        self.refresh_bindings()

    def close_search(self) -> None:
        self.query_one("#searchbar").remove_class("shown")
        search = self.query_one(SearchInput)
        search.value = ""
        self._matches, self._match = [], None
        source = self.query_one(SourceView)
        source.set_matches([], None)
        source.focus()
        self.refresh_bindings()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._refresh_matches(jump=True)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.search_step(1)

    def _refresh_matches(self, jump: bool = False) -> None:
        query = self.query_one(SearchInput).value
        source = self.query_one(SourceView)
        self._matches = []
        if query:
            needle = query.casefold()
            for row, line in enumerate(source.document.lines):
                hay = line.casefold()
                if len(hay) != len(line):  # casefold changed the length: match as written
                    hay, n = line, query
                else:
                    n = needle
                start = hay.find(n)
                while start != -1:
                    self._matches.append((row, start, start + len(n)))
                    start = hay.find(n, start + max(len(n), 1))
        self._match = None
        if self._matches and jump:
            row, col = source.cursor_location
            after = [i for i, (r, c, _) in enumerate(self._matches) if (r, c) >= (row, col)]
            self._match = after[0] if after else 0
        self._show_match()

    def search_step(self, step: int) -> None:
        if not self._matches:
            return
        if self._match is None:
            self._match = 0 if step > 0 else len(self._matches) - 1
        else:
            self._match = (self._match + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        source = self.query_one(SourceView)
        source.set_matches(self._matches, self._match)
        count = self.query_one("#search-count", Static)
        query = self.query_one(SearchInput).value
        if not query:
            count.update("")
        elif not self._matches:
            count.update(Text(tr("no_match", self.lang), style="italic"))
        else:
            current = (self._match + 1) if self._match is not None else 0
            count.update(f"{current}/{len(self._matches)}")
        if self._match is not None and self._matches:
            row, start, _ = self._matches[self._match]
            source.go_to(row + 1, start + 1)

    # -- the other report ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `o` is in the footer, and works, only on a violation about another report;
        # Esc only when it has something to do (close, restore, go back)
        if action == "compare":
            return self._comparable()
        if action == "back":
            return self._can_go_back()
        if action in UNREADABLE_HIDES and self._problem():
            return False   # a report that could not be read has no text, tables or violations to walk
        return True

    def _can_go_back(self) -> bool:
        if len(self.app.screen_stack) > 1 and getattr(self.app, "folder_mode", False):
            return True
        if self.maximized is not None:
            return True
        search, switch = self.query("#searchbar"), self.query(ContentSwitcher)   # none yet while composing
        return bool(search and search.first().has_class("shown")) or bool(switch and switch.first().current == "tables")

    def _comparable(self) -> bool:
        v = self.current
        return v is not None and v.other is not None and self.result is not None and self.result.report is not None

    def action_compare(self) -> None:
        """Open the report the selected violation is about beside this one (only
        called when there is one: check_action)."""
        from .compare_screen import compare_screen

        v = self.current
        rules = self.app.watcher.rules
        rule = rules.get(v.rule) if rules is not None else None
        by_similarity = rule is not None and "similar" in rule.facts
        self.app.push_screen(compare_screen(self.result.report, v, by_similarity, self.lang))

    # -- the rest ------------------------------------------------------------------
    def action_edit_rule(self) -> None:
        v = self.current
        rules = self.app.watcher.rules
        rule = rules.get(v.rule) if (v is not None and rules is not None) else None
        if rule is None or not rule.file:
            self.app.notify(tr("no_editor_rule", self.lang), severity="warning")
            return
        self.app.edit_file(rule.file, rule.line)

    def action_recheck(self) -> None:
        self.app.reload_rules(force_recheck=True)

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused)   # a table's grid: the whole tables view (TablesView.ALLOW_MAXIMIZE)
        self.refresh_bindings()

    def action_back(self) -> None:
        if self.query_one("#searchbar").has_class("shown"):
            self.close_search()
        elif self.maximized is not None:
            self.minimize()
        elif self.query_one(ContentSwitcher).current == "tables":
            self.query_one(ContentSwitcher).current = "source"
        elif len(self.app.screen_stack) > 1 and getattr(self.app, "folder_mode", False):
            self.dismiss(self.result)
            return
        self.refresh_bindings()

    def action_help(self) -> None:
        self.app.show_help()

    def palette_commands(self):
        lang = self.lang
        out = []
        for k in self.KEYS:
            if k.command and (k.action != "compare" or self._comparable()):
                out.append((tr(k.command, lang), action_callback(self, k.action), tr(k.label, lang)))
        for sev in SEVERITIES:
            out.append((tr("c_toggle_sev", lang, sev=tr(sev, lang)),
                        action_callback(self, f"toggle_severity('{sev}')"), ""))
        for fam in FAMILIES:
            out.append((tr("c_family", lang, family=fam), lambda fam=fam: self.only_family(fam), ""))
        return out


def _covers(v: Violation, line: int, column: int) -> bool:
    s = v.span
    if (line, column) < (s.line, s.column):
        return False
    return (line, column) < (s.end_line, s.end_column) or (line, column) == (s.line, s.column)


def report_screen(path: Path | str, lang: str, across: AcrossReports | None = None) -> ReportScreen:
    return localized(ReportScreen, lang)(path, lang, across)
