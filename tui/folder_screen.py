"""The folder screen: every report under a folder, one row each — issuing body, year,
format, errors, warnings, info, file — sortable and filterable. The list shows at once;
a thread worker checks the reports one by one and fills in the counts. Once all are
checked, a second worker runs the rules about other reports across them (carry-over,
copies, two reports for a year) and adds what they find.

`b` shows the same reports by body and year instead: one row per body (its names in
the reports taken as one, corpus.group_reports) and year, with the counts summed;
Enter opens the row's report, or lists its reports when there are several."""

from __future__ import annotations

import time
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Input, Static
from textual.worker import get_current_worker

from nianbao import corpus
from nianbao.api import CheckResult, check

from .across import AcrossPass, AcrossReports, corpus_rules, pass_across
from .bindings import Key, NianbaoFooter, action_callback, localized, make_bindings
from .i18n import SEVERITY_STYLE, tr
from .report_screen import ReportScreen, report_screen
from .rulepane import said, short_path
from .session import (BODY_SORT_COLUMNS, COUNT_COLUMNS, SORT_COLUMNS, BodyYear, Summary, body_matches_query,
                      body_years, file_stamp, list_reports, matches_query, severity_counts, shorten_apart,
                      sort_body_years, sort_summaries, summarize)
from .violations import ListTable, fit

ISSUER_WIDTH = 24   # before any issuing body is read
MIN_ISSUER = 8
MIN_FILE = 18       # file names keep at least this, enough to tell a folder's names apart
YEAR, TEMPLATE, COUNT = 4, 7, 5
COLUMN_LABELS = {"issuer": "issuer", "year": "year", "template": "template", "errors": "errors",
                 "warnings": "warnings", "infos": "infos", "file": "file", "body": "body",
                 "reports": "reports_col"}
FLUSH_SECONDS = 0.5


class FilterInput(Input):
    BINDINGS = [("escape", "close", "")]

    def action_close(self) -> None:
        self.screen.close_filter()  # type: ignore[attr-defined]


class FolderScreen(Screen):
    KEYS = [
        Key("enter", "open", "b_open", display="⏎", help="h_open"),
        Key("b", "toggle_view", "b_bodies", command="c_bodies", help="h_bodies"),
        Key("slash", "filter", "b_filter", display="/", command="c_filter_folder", help="h_folder_filter"),
        Key("s", "sort", "b_sort", help="h_sort"),
        Key("S", "reverse", "b_reverse", show=False, help="h_reverse"),
        Key("r", "recheck", "b_recheck", show=False, command="c_recheck", help="h_recheck"),
        Key("exclamation_mark", "rule_errors", "b_rule_errors", show=False, display="!", command="c_rule_errors"),
        Key("escape", "back", "b_back", display="esc", help="h_folder_back"),
        Key("question_mark", "help", "b_help", display="?", command="c_help"),
        Key("q", "app.quit", "b_quit"),
    ]
    BINDINGS = make_bindings(KEYS, "zh")
    FOOTER_DROP = ("sort", "filter", "toggle_view")   # left out of a narrow footer first

    DEFAULT_CSS = """
    FolderScreen #title { height: 1; background: $panel; padding: 0 1;
                          text-wrap: nowrap; text-overflow: ellipsis; }
    FolderScreen #banner { height: auto; max-height: 4; background: $error 25%; padding: 0 1; display: none; }
    FolderScreen #banner.shown { display: block; }
    FolderScreen #filter { display: none; border: none; height: 1; padding: 0 1; background: $boost; }
    FolderScreen #filter.shown { display: block; }
    FolderScreen #views { height: 1fr; }
    FolderScreen #reports, FolderScreen #bodies { height: 1fr; overflow-x: hidden; }
    FolderScreen #empty { padding: 1 2; color: $text-muted; display: none; }
    FolderScreen #empty.shown { display: block; }
    """

    def __init__(self, folder: Path | str, lang: str = "zh") -> None:
        super().__init__()
        self.folder = Path(folder)
        self.lang = lang
        self.summaries: list[Summary] = [Summary(str(p), _rel(p, self.folder)) for p in list_reports(self.folder)]
        self.by_path = {s.path: s for s in self.summaries}
        self.sort_column = "file"
        self.reverse = False
        self.body_sort_column = "body"
        self.body_reverse = False
        self.query_text = ""
        self.shown: list[Summary] = []
        self.bodies: list[BodyYear] = []      # the rows of the view by body and year
        self.only: BodyYear | None = None     # the report list shows this body-year's reports only
        self.stale = False
        self.fill_started = 0.0
        self.fill_seconds: float | None = None
        self.across = AcrossReports()
        self.across_stale = False             # a report was checked since the last pass across reports
        self.across_running = False
        self.across_seconds: float | None = None
        self._across_seq = 0
        self._fill_seq = 0
        self._fill_pending: set[str] = set()   # paths the running fill has still to report
        self._fill_generation = -1

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="banner")
        yield FilterInput(placeholder=tr("filter_placeholder", self.lang), id="filter")
        yield Static(tr("no_reports", self.lang), id="empty", classes="shown" if not self.summaries else "")
        with ContentSwitcher(initial="reports", id="views"):
            yield ListTable(cursor_type="row", zebra_stripes=True, id="reports")
            yield ListTable(cursor_type="row", zebra_stripes=True, id="bodies")
        yield NianbaoFooter(compact=True)

    def on_mount(self) -> None:
        self._columns()
        self.rebuild()
        self.query_one("#reports", DataTable).focus()
        self.update_banner()
        self.fill()
        self.app.mark("list")

    def _widths(self) -> tuple[int, int]:
        """(issuer, file) column widths for the screen width: the list never needs
        scrolling sideways. The issuing body gets what its longest name needs (up to
        half of what the two share), the file names the rest."""
        width = self.app.size.width or 120
        shared = max(MIN_ISSUER + MIN_FILE, width - (YEAR + TEMPLATE + 3 * COUNT + 2 * 7 + 2))   # padding, scrollbar
        names = [cell_len(s.issuer) for s in self.summaries if s.issuer]
        need = max(names) if names else ISSUER_WIDTH
        issuer = min(max(need, MIN_ISSUER), shared - MIN_FILE)
        return issuer, shared - issuer

    def _short_names(self, width: int) -> dict[str, str]:
        """The file names cut to the column, each keeping what tells it apart from the
        others (session.shorten_apart); worked out again only when the names or the width
        change."""
        key = (width, tuple(s.name for s in self.summaries))
        if getattr(self, "_short_key", None) != key:
            self._short_key = key
            self._short = shorten_apart([s.name for s in self.summaries], width)
        return self._short

    def _columns(self) -> None:
        table = self.query_one("#reports", DataTable)
        lang = self.lang
        self._built_widths = self._widths()
        issuer, file = self._built_widths
        table.clear(columns=True)
        table.add_column(tr("issuer", lang), width=issuer, key="issuer")
        table.add_column(tr("year", lang), width=YEAR, key="year")
        table.add_column(tr("template", lang), width=TEMPLATE, key="template")
        table.add_column(tr("errors", lang), width=COUNT, key="errors")
        table.add_column(tr("warnings", lang), width=COUNT, key="warnings")
        table.add_column(tr("infos", lang), width=COUNT, key="infos")
        table.add_column(tr("file", lang), width=file, key="file")
        bodies = self.query_one("#bodies", DataTable)
        bodies.clear(columns=True)
        bodies.add_column(tr("body", lang), width=issuer, key="body")
        bodies.add_column(tr("year", lang), width=YEAR, key="year")
        bodies.add_column(tr("reports_col", lang), width=COUNT, key="reports")
        bodies.add_column(tr("errors", lang), width=COUNT, key="errors")
        bodies.add_column(tr("warnings", lang), width=COUNT, key="warnings")
        bodies.add_column(tr("infos", lang), width=COUNT, key="infos")
        # the reports column is narrower than the format column: the names get the rest
        bodies.add_column(tr("names", lang), width=file + TEMPLATE - COUNT, key="names")

    def on_resize(self) -> None:
        if self._widths() != getattr(self, "_built_widths", None):
            self._columns()
            self.rebuild()
            self.rebuild_bodies()

    @property
    def view(self) -> str:
        """Which list is shown: "reports" or "bodies"."""
        return self.query_one("#views", ContentSwitcher).current or "reports"

    # -- the list ------------------------------------------------------------------
    def rebuild(self) -> None:
        table = self.query_one("#reports", DataTable)
        keep = self.shown[table.cursor_row].path if self.shown and 0 <= table.cursor_row < len(self.shown) else None
        items = [s for s in self.summaries if matches_query(s, self.query_text)
                 and (self.only is None or s.path in self.only.paths)]
        self.shown = sort_summaries(items, self.sort_column, self.reverse)
        table.clear()
        for s in self.shown:
            table.add_row(*self._cells(s), key=s.path)
        if keep is not None:
            for i, s in enumerate(self.shown):
                if s.path == keep:
                    table.move_cursor(row=i, animate=False)
                    break
        self.update_title()

    def _cells(self, s: Summary) -> list[Text]:
        dim = "dim"
        issuer_width, file_width = getattr(self, "_built_widths", (ISSUER_WIDTH, 40))
        if s.problem:
            issuer = Text(tr("unreadable", self.lang), style="italic " + SEVERITY_STYLE["error"], no_wrap=True, end="")
        elif s.issuer:
            issuer = fit(s.issuer, issuer_width)
        else:
            issuer = Text("…" if not s.checked else "?", style=dim, end="")
        return [
            issuer,
            Text(str(s.year) if s.year else ("…" if not s.checked else "?"), style="" if s.year else dim, end=""),
            Text(s.template or ("…" if not s.checked else "—"), style="" if s.template else dim, end=""),
            _count(s.errors, "error", s.checked),
            _count(s.warnings, "warning", s.checked),
            _count(s.infos, "info", s.checked),
            Text(self._short_names(file_width).get(s.name, s.name), no_wrap=True, end="",
                 style="dim" if not s.checked else ""),
        ]

    def rebuild_bodies(self) -> None:
        """The view by body and year, from the summaries as they are now."""
        table = self.query_one("#bodies", DataTable)
        keep = _body_key(self.bodies[table.cursor_row]) if self.bodies and 0 <= table.cursor_row < len(self.bodies) \
            else None
        items = [b for b in body_years(self.summaries) if body_matches_query(b, self.query_text)]
        self.bodies = sort_body_years(items, self.body_sort_column, self.body_reverse)
        table.clear()
        issuer_width, names_width = self._built_widths[0], table.columns["names"].width
        sep = "、" if self.lang == "zh" else ", "
        for b in self.bodies:
            table.add_row(fit(b.body, issuer_width), Text(str(b.year), end=""),
                          Text(str(b.reports), justify="right", end=""),
                          _count(b.errors, "error", True), _count(b.warnings, "warning", True),
                          _count(b.infos, "info", True), fit(sep.join(b.names), names_width), key=_body_key(b))
        for i, b in enumerate(self.bodies):
            if _body_key(b) == keep:
                table.move_cursor(row=i, animate=False)
                break
        if self.view == "bodies":
            self.update_title()

    def update_row(self, s: Summary) -> None:
        table = self.query_one("#reports", DataTable)
        if s.path not in table.rows:
            return
        for key, value in zip(("issuer", "year", "template", "errors", "warnings", "infos", "file"), self._cells(s)):
            table.update_cell(s.path, key, value)

    def update_title(self) -> None:
        lang = self.lang
        total = len(self.summaries)
        done = sum(1 for s in self.summaries if s.checked)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append("nianbao ", style="bold")
        text.append(short_path(str(self.folder)), style="bold")
        text.append(f" · {total} {tr('reports', lang)}")
        if done < total:
            text.append(f" · {tr('checked', lang)} {done}/{total}", style="italic")
        elif self.across_running:
            text.append(f" · {tr('checking_across', lang)}", style="italic")
        bodies = self.view == "bodies"
        if bodies:
            text.append(f" · {tr('by_body_year', lang)} {len(self.bodies)} {tr('rows', lang)}", style="bold")
        elif self.only is not None:
            only = self.only
            files = "" if len(only.paths) == only.reports else tr("files_fmt", lang, n=len(only.paths))
            text.append(" · " + tr("only_fmt", lang, body=only.body, year=only.year, n=only.reports, files=files),
                        style="bold")
        if self.query_text:
            text.append(f" · “{self.query_text}” {len(self.bodies if bodies else self.shown)}")
        column, reverse = (self.body_sort_column, self.body_reverse) if bodies else (self.sort_column, self.reverse)
        arrow = "↓" if reverse else "↑"
        text.append(f" · {tr('sorted_by', lang)}: {tr(COLUMN_LABELS[column], lang)}{arrow}", style="dim")
        self.query_one("#title", Static).update(said(self.app, text))

    def refresh_title(self) -> None:
        self.update_title()

    def update_banner(self) -> None:
        watcher = self.app.watcher
        banner = self.query_one("#banner", Static)
        if not watcher.errors:
            banner.remove_class("shown")
            return
        from .dialogs import append_first_lines, rule_error_lines

        key = "rule_errors_banner" if watcher.kept_previous else "rule_errors_banner_partial"
        text = Text("⚠ " + tr(key, self.lang, n=len(watcher.errors)), style="bold", end="")
        append_first_lines(text, rule_error_lines(watcher.errors, []))
        banner.update(text)
        banner.add_class("shown")

    # -- checking in the background --------------------------------------------------
    def fill(self) -> None:
        """Check every report not yet checked with the rules in force, in a thread;
        the rows fill in as results arrive (visible order first). Called again while
        a fill is under way, it starts another only when there is more to check than
        the running one will report (a file changed after it was checked, new rules):
        the screen is filled once, however the rules' arrival and the mount interleave."""
        watcher = self.app.watcher
        rules, generation = watcher.rules, watcher.generation
        if rules is None:
            return  # the rules are loading; rules_changed() calls again
        todo = [s for s in self.shown if s.generation != generation]
        todo += [s for s in self.summaries if s.generation != generation and s not in todo]
        self.stale = False
        if not todo:
            return
        if generation == self._fill_generation and {s.path for s in todo} <= self._fill_pending:
            return  # the running fill checks all of these with these rules
        self._fill_seq += 1
        seq = self._fill_seq
        self._fill_generation = generation
        self._fill_pending = {s.path for s in todo}
        self.fill_started = time.perf_counter()
        self.fill_seconds = None
        self._stop_across()
        lang = self.lang
        digests = bool(corpus_rules(rules))  # kept only when there are rules about other reports

        def work() -> None:
            worker = get_current_worker()
            batch: list[tuple[Summary, CheckResult, tuple[int, int] | None, corpus.Digest | None]] = []
            last = time.monotonic()
            for s in todo:
                if worker.is_cancelled:
                    return
                stamp = file_stamp(s.path)
                result = check(s.path, rules)
                digest = corpus.digest(s.path, result.report) if digests and result.report is not None else None
                batch.append((s, result, stamp, digest))
                if time.monotonic() - last >= FLUSH_SECONDS:
                    if not self._flush(batch, seq, generation, lang):
                        return
                    batch, last = [], time.monotonic()
            self._flush(batch, seq, generation, lang, done=True)

        self.run_worker(work, thread=True, exclusive=True, group="fill", exit_on_error=False, name="fill")

    def _flush(self, batch, seq: int, generation: int, lang: str, done: bool = False) -> bool:
        try:
            self.app.call_from_thread(self._apply, batch, seq, generation, lang, done)
        except RuntimeError:
            return False
        return True

    def _apply(self, batch, seq: int, generation: int, lang: str, done: bool) -> None:
        # a superseded fill's results are dropped: the fill that replaced it checks them too
        if seq != self._fill_seq or generation != self.app.watcher.generation or not self.is_attached:
            return
        self._fill_pending.difference_update(s.path for s, *_ in batch)
        if done:
            self._fill_pending = set()
        for s, result, stamp, digest in batch:
            summarize(result, s, generation, lang, stamp)
            self.across.remember(s.path, digest)
            self.update_row(s)
        if self._widths() != self._built_widths:   # a longer issuing body was read: columns again
            self._columns()
            self.rebuild()
        self.across_stale = self.across_stale or bool(batch)
        if self.view == "bodies":
            self.rebuild_bodies()
        if done:
            self.fill_seconds = time.perf_counter() - self.fill_started
            if self.sort_column not in ("file",):
                self.rebuild()
            self.app.mark("counts")
            self.check_across()
        self.update_title()

    def pending(self) -> list[str]:
        """The work under way or due (NianbaoApp.pending): reports to check with the
        rules in force, the pass across reports. Nothing while the screen waits, out of
        sight, to be filled again on its return."""
        generation = self.app.watcher.generation
        if self.app.watcher.rules is None or self.stale:
            return []
        unchecked = sum(1 for s in self.summaries if s.generation != generation)
        if unchecked:
            return [f"folder: {unchecked} to check"]
        if self.across_running or self.across_stale:
            return ["folder: the pass across reports"]
        return []

    # -- the pass across reports -------------------------------------------------------
    def check_across(self) -> None:
        """Run the rules about other reports across the folder, in a thread, once every
        report is checked; their findings are added to the reports' counts."""
        watcher = self.app.watcher
        rules, generation = watcher.rules, watcher.generation
        if rules is None or not self.across_stale or any(not s.checked for s in self.summaries):
            return
        self.across_stale = False
        self._across_seq += 1
        seq = self._across_seq
        digests = list(self.across.digests.values())
        self.across_running = True
        started = time.perf_counter()

        def work() -> None:
            worker = get_current_worker()
            outcome = pass_across(digests, rules, cancelled=lambda: worker.is_cancelled)
            if outcome is None:
                return
            try:
                self.app.call_from_thread(self._apply_across, outcome, seq, generation, started)
            except RuntimeError:  # the app has gone
                pass

        self.run_worker(work, thread=True, exclusive=True, group="across", exit_on_error=False, name="across")

    def _stop_across(self) -> None:
        """A report is being checked again: a pass under way would use its old digest."""
        self._across_seq += 1
        self.across_running = False
        self.app.workers.cancel_group(self, "across")

    def _apply_across(self, outcome: AcrossPass, seq: int, generation: int, started: float) -> None:
        if seq != self._across_seq or generation != self.app.watcher.generation or not self.is_attached:
            return
        self.across_running = False
        self.across.links = outcome.links
        for s in self.summaries:
            found = outcome.found.get(s.path)
            counts = severity_counts(found) if found else {}
            if counts != s.across:
                s.across = counts
                self.update_row(s)
        self.across_seconds = time.perf_counter() - started
        self.app.mark("across")
        if self.sort_column in COUNT_COLUMNS:
            self.rebuild()
        self.rebuild_bodies()
        self.update_title()
        for screen in self.app.screen_stack:
            if isinstance(screen, ReportScreen) and screen.across is self.across:
                screen.recheck()

    def refresh_file_list(self) -> bool:
        """Take in report files added to the folder, and let go of those removed, since
        it was listed (whether the list changed)."""
        found = {str(p): p for p in list_reports(self.folder)}
        added = [path for path in found if path not in self.by_path]
        removed = [s for s in self.summaries if s.path not in found]
        if not added and not removed:
            return False
        for s in removed:
            self.summaries.remove(s)
            del self.by_path[s.path]
            self.across.remember(s.path, None)
        for path in added:
            s = Summary(path, _rel(found[path], self.folder))
            self.summaries.append(s)
            self.by_path[path] = s
        self.across_stale = True
        self.query_one("#empty").set_class(not self.summaries, "shown")
        if self._widths() != self._built_widths:
            self._columns()
        self.rebuild()
        self.rebuild_bodies()
        return True

    def check_files_changed(self) -> bool:
        """Re-check the reports that changed on disk, and check those added (called by
        the app's poll, and on coming back from a report); the pass across reports
        follows."""
        listed = self.refresh_file_list()
        changed = [s for s in self.summaries if s.checked and file_stamp(s.path) != s.stamp]
        for s in changed:
            s.generation = -1
        if changed or listed:
            self.fill()
            if listed and not any(s.generation != self.app.watcher.generation for s in self.summaries):
                self.check_across()   # only removals: the pass across reports again
        return bool(changed or listed)

    def rules_changed(self) -> None:
        if not self.is_mounted:
            return  # on_mount fills with the rules in force then
        self.update_banner()
        if self.app.screen is self:
            self.fill()
        else:
            self.stale = True

    def on_screen_resume(self) -> None:
        self.update_banner()
        if self.stale:
            self.fill()
        else:
            self.check_files_changed()

    # -- actions -------------------------------------------------------------------
    @on(DataTable.RowSelected, "#reports")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open(event.row_key.value)

    @on(DataTable.RowSelected, "#bodies")
    def _body_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        if self.view == "bodies":
            table = self.query_one("#bodies", DataTable)
            if self.bodies and 0 <= table.cursor_row < len(self.bodies):
                self.open_body_year(self.bodies[table.cursor_row])
            return
        table = self.query_one("#reports", DataTable)
        if self.shown and 0 <= table.cursor_row < len(self.shown):
            self.open(self.shown[table.cursor_row].path)

    def open(self, path: str | None) -> None:
        if path:
            self.app.push_screen(report_screen(path, self.lang, self.across))

    def open_body_year(self, b: BodyYear) -> None:
        """A body's report for a year; when it has several files (several reports, or
        one saved in several formats), the list of them."""
        if len(b.paths) == 1:
            self.open(b.paths[0])
            return
        self.only = b
        self.show_view("reports")

    def show_view(self, view: str) -> None:
        """Show the list by report or by body and year (which lists every report again)."""
        if view == "bodies":
            self.only = None
            self.rebuild_bodies()
        self.query_one("#views", ContentSwitcher).current = view
        self.rebuild()
        self.query_one(f"#{view}", DataTable).focus()
        self.refresh_bindings()

    def action_toggle_view(self) -> None:
        self.show_view("reports" if self.view == "bodies" else "bodies")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Esc is in the footer, and works, only in the list of one body-year's reports
        if action == "back":
            return self.only is not None
        return True

    def action_back(self) -> None:
        self.show_view("bodies")

    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = str(event.column_key.value)
        if column == "names":
            return
        current = self.body_sort_column if self.view == "bodies" else self.sort_column
        if column == current:
            self.action_reverse()
        else:
            self.sort_by(column)

    def action_sort(self) -> None:
        columns = BODY_SORT_COLUMNS if self.view == "bodies" else SORT_COLUMNS
        current = self.body_sort_column if self.view == "bodies" else self.sort_column
        self.sort_by(columns[(columns.index(current) + 1) % len(columns)])

    def sort_by(self, column: str) -> None:
        """Sort the list shown by a column: counts most first, the rest ascending."""
        if self.view == "bodies":
            self.body_sort_column, self.body_reverse = column, column in COUNT_COLUMNS
            self.rebuild_bodies()
        else:
            self.sort_column, self.reverse = column, column in COUNT_COLUMNS
            self.rebuild()

    def action_reverse(self) -> None:
        if self.view == "bodies":
            self.body_reverse = not self.body_reverse
            self.rebuild_bodies()
        else:
            self.reverse = not self.reverse
            self.rebuild()

    def action_filter(self) -> None:
        box = self.query_one("#filter", FilterInput)
        box.add_class("shown")
        box.focus()

    def close_filter(self) -> None:
        box = self.query_one("#filter", FilterInput)
        box.value = ""
        box.remove_class("shown")
        self.query_one(f"#{self.view}", DataTable).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.rebuild()
        self.rebuild_bodies()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_one(f"#{self.view}", DataTable).focus()

    def action_recheck(self) -> None:
        self.refresh_file_list()   # files added since: checked with the others
        self.app.reload_rules(force_recheck=True)

    def recheck_all(self) -> None:
        for s in self.summaries:
            s.generation = -1
        self.fill()

    def action_rule_errors(self) -> None:
        from .dialogs import RuleErrorsScreen, rule_error_lines

        self.app.push_screen(RuleErrorsScreen(rule_error_lines(self.app.watcher.errors, []), self.lang))

    def action_help(self) -> None:
        self.app.show_help()

    def palette_commands(self):
        lang = self.lang
        out = []
        for k in self.KEYS:
            if k.command:
                out.append((tr(k.command, lang), action_callback(self, k.action), tr(k.label, lang)))
        for col in BODY_SORT_COLUMNS if self.view == "bodies" else SORT_COLUMNS:
            out.append((tr("c_sort", lang, col=tr(COLUMN_LABELS[col], lang)), lambda col=col: self.sort_by(col), ""))
        for s in self.shown[:200]:
            name = f"{s.issuer or ''} {s.name}".strip()
            out.append((tr("c_open", lang, name=name), lambda p=s.path: self.open(p), ""))
        return out


def _count(n: int | None, severity: str, checked: bool) -> Text:
    if n is None:
        return Text("…" if not checked else "—", style="dim", justify="right", end="")
    return Text(str(n), style=SEVERITY_STYLE[severity] if n else "dim", justify="right", end="")


def _body_key(b: BodyYear) -> str:
    return f"{b.body}\t{b.year}"


def _rel(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return path.name


def folder_screen(folder: Path | str, lang: str) -> FolderScreen:
    return localized(FolderScreen, lang)(folder, lang)
