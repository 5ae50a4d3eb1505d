"""The folder screen: every report under a folder, one row each — issuing body, year,
format, errors, warnings, info, file — sortable and filterable. The list shows at once;
a thread worker checks the reports one by one and fills in the counts."""

from __future__ import annotations

import time
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from nianbao.api import CheckResult, check

from .bindings import Key, localized, make_bindings
from .i18n import SEVERITY_STYLE, tr
from .rulepane import short_path
from .session import (SORT_COLUMNS, Summary, file_stamp, list_reports, matches_query, sort_summaries,
                      summarize)
from .violations import ListTable, fit

ISSUER_WIDTH = 24
COLUMN_LABELS = {"issuer": "issuer", "year": "year", "template": "template", "errors": "errors",
                 "warnings": "warnings", "infos": "infos", "file": "file"}
FLUSH_SECONDS = 0.5


class FilterInput(Input):
    BINDINGS = [("escape", "close", "")]

    def action_close(self) -> None:
        self.screen.close_filter()  # type: ignore[attr-defined]


class FolderScreen(Screen):
    KEYS = [
        Key("enter", "open", "b_open", display="⏎", help="h_open"),
        Key("slash", "filter", "b_filter", display="/", command="c_filter_folder", help="h_folder_filter"),
        Key("s", "sort", "b_sort", help="h_sort"),
        Key("S", "reverse", "b_reverse", show=False, help="h_reverse"),
        Key("r", "recheck", "b_recheck", show=False, command="c_recheck", help="h_recheck"),
        Key("exclamation_mark", "rule_errors", "b_rule_errors", show=False, display="!", command="c_rule_errors"),
        Key("question_mark", "help", "b_help", display="?", command="c_help"),
        Key("q", "app.quit", "b_quit"),
    ]
    BINDINGS = make_bindings(KEYS, "zh")

    DEFAULT_CSS = """
    FolderScreen #title { height: 1; background: $panel; padding: 0 1; }
    FolderScreen #banner { height: auto; max-height: 4; background: $error 25%; padding: 0 1; display: none; }
    FolderScreen #banner.shown { display: block; }
    FolderScreen #filter { display: none; border: none; height: 1; padding: 0 1; background: $boost; }
    FolderScreen #filter.shown { display: block; }
    FolderScreen #reports { height: 1fr; overflow-x: hidden; }
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
        self.query_text = ""
        self.shown: list[Summary] = []
        self.stale = False
        self.fill_started = 0.0
        self.fill_seconds: float | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="banner")
        yield FilterInput(placeholder=tr("filter_placeholder", self.lang), id="filter")
        yield Static(tr("no_reports", self.lang), id="empty", classes="shown" if not self.summaries else "")
        yield ListTable(cursor_type="row", zebra_stripes=True, id="reports")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._columns()
        self.rebuild()
        self.query_one("#reports", DataTable).focus()
        self.update_banner()
        self.fill()
        self.app.mark("list")

    def _widths(self) -> tuple[int, int]:
        """(issuer, file) column widths for the screen width: the list never needs
        scrolling sideways."""
        width = self.app.size.width or 120
        issuer = ISSUER_WIDTH if width >= 110 else 16
        fixed = issuer + 5 + 8 + 5 + 5 + 5 + 2 * 7 + 2   # cell padding, scrollbar
        return issuer, max(12, width - fixed)

    def _columns(self) -> None:
        table = self.query_one("#reports", DataTable)
        lang = self.lang
        self._built_widths = self._widths()
        issuer, file = self._built_widths
        table.clear(columns=True)
        table.add_column(tr("issuer", lang), width=issuer, key="issuer")
        table.add_column(tr("year", lang), width=5, key="year")
        table.add_column(tr("template", lang), width=8, key="template")
        table.add_column(tr("errors", lang), width=5, key="errors")
        table.add_column(tr("warnings", lang), width=5, key="warnings")
        table.add_column(tr("infos", lang), width=5, key="infos")
        table.add_column(tr("file", lang), width=file, key="file")

    def on_resize(self) -> None:
        if self._widths() != getattr(self, "_built_widths", None):
            self._columns()
            self.rebuild()

    # -- the list ------------------------------------------------------------------
    def rebuild(self) -> None:
        table = self.query_one("#reports", DataTable)
        keep = self.shown[table.cursor_row].path if self.shown and 0 <= table.cursor_row < len(self.shown) else None
        items = [s for s in self.summaries if matches_query(s, self.query_text)]
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
            _fit_path(s.name, file_width, "dim" if not s.checked else ""),
        ]

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
        if self.query_text:
            text.append(f" · “{self.query_text}” {len(self.shown)}")
        arrow = "↓" if self.reverse else "↑"
        text.append(f" · {tr('sorted_by', lang)}: {tr(COLUMN_LABELS[self.sort_column], lang)}{arrow}", style="dim")
        self.query_one("#title", Static).update(text)

    def update_banner(self) -> None:
        watcher = self.app.watcher
        banner = self.query_one("#banner", Static)
        if not watcher.errors:
            banner.remove_class("shown")
            return
        from .dialogs import rule_error_lines

        key = "rule_errors_banner" if watcher.kept_previous else "rule_errors_banner_partial"
        text = Text("⚠ " + tr(key, self.lang, n=len(watcher.errors)), style="bold", end="")
        lines = rule_error_lines(watcher.errors, [])
        for line in lines[:2]:
            text.append("\n  " + line)
        if len(lines) > 2:
            text.append(f"\n  … +{len(lines) - 2}", style="dim")
        banner.update(text)
        banner.add_class("shown")

    # -- checking in the background --------------------------------------------------
    def fill(self) -> None:
        """Check every report not yet checked with the rules in force, in a thread;
        the rows fill in as results arrive (visible order first)."""
        watcher = self.app.watcher
        rules, generation = watcher.rules, watcher.generation
        if rules is None:
            return  # the rules are loading; rules_changed() calls again
        todo = [s for s in self.shown if s.generation != generation]
        todo += [s for s in self.summaries if s.generation != generation and s not in todo]
        self.stale = False
        self.fill_started = time.perf_counter()
        self.fill_seconds = None
        if not todo:
            return
        lang = self.lang

        def work() -> None:
            worker = get_current_worker()
            batch: list[tuple[Summary, CheckResult, tuple[int, int] | None]] = []
            last = time.monotonic()
            for s in todo:
                if worker.is_cancelled:
                    return
                stamp = file_stamp(s.path)
                batch.append((s, check(s.path, rules), stamp))
                if time.monotonic() - last >= FLUSH_SECONDS:
                    if not self._flush(batch, generation, lang):
                        return
                    batch, last = [], time.monotonic()
            self._flush(batch, generation, lang, done=True)

        self.run_worker(work, thread=True, exclusive=True, group="fill", exit_on_error=False, name="fill")

    def _flush(self, batch, generation: int, lang: str, done: bool = False) -> bool:
        try:
            self.app.call_from_thread(self._apply, batch, generation, lang, done)
        except RuntimeError:
            return False
        return True

    def _apply(self, batch, generation: int, lang: str, done: bool) -> None:
        if generation != self.app.watcher.generation or not self.is_attached:
            return
        for s, result, stamp in batch:
            summarize(result, s, generation, lang, stamp)
            self.update_row(s)
        if done:
            self.fill_seconds = time.perf_counter() - self.fill_started
            if self.sort_column not in ("file",):
                self.rebuild()
        self.update_title()

    def check_files_changed(self) -> bool:
        """Re-check the reports that changed on disk (called by the app's poll)."""
        changed = [s for s in self.summaries if s.checked and file_stamp(s.path) != s.stamp]
        for s in changed:
            s.generation = -1
        if changed:
            self.fill()
        return bool(changed)

    def rules_changed(self) -> None:
        self.update_banner()
        if self.app.screen is self:
            self.fill()
        else:
            self.stale = True

    def on_screen_resume(self) -> None:
        self.update_banner()
        if self.stale:
            self.fill()

    # -- actions -------------------------------------------------------------------
    @on(DataTable.RowSelected, "#reports")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one("#reports", DataTable)
        if self.shown and 0 <= table.cursor_row < len(self.shown):
            self.open(self.shown[table.cursor_row].path)

    def open(self, path: str | None) -> None:
        if not path:
            return
        from .report_screen import report_screen

        def closed(result: CheckResult | None) -> None:
            s = self.by_path.get(path)
            screen_gen = self.app.watcher.generation
            if s is not None and result is not None:
                summarize(result, s, screen_gen, self.lang, file_stamp(path))
                self.update_row(s)
                self.update_title()

        self.app.push_screen(report_screen(path, self.lang), closed)

    @on(DataTable.HeaderSelected, "#reports")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = str(event.column_key.value)
        if column == self.sort_column:
            self.reverse = not self.reverse
        else:
            self.sort_column = column
            self.reverse = column in ("errors", "warnings", "infos")
        self.rebuild()

    def action_sort(self) -> None:
        i = SORT_COLUMNS.index(self.sort_column)
        self.sort_column = SORT_COLUMNS[(i + 1) % len(SORT_COLUMNS)]
        self.reverse = self.sort_column in ("errors", "warnings", "infos")
        self.rebuild()

    def sort_by(self, column: str) -> None:
        self.sort_column = column
        self.reverse = column in ("errors", "warnings", "infos")
        self.rebuild()

    def action_reverse(self) -> None:
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
        self.query_one("#reports", DataTable).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.rebuild()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#reports", DataTable).focus()

    def action_recheck(self) -> None:
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
                out.append((tr(k.command, lang), _action(self, k.action), tr(k.label, lang)))
        for col in SORT_COLUMNS:
            out.append((tr("c_sort", lang, col=tr(COLUMN_LABELS[col], lang)), lambda col=col: self.sort_by(col), ""))
        for s in self.shown[:200]:
            name = f"{s.issuer or ''} {s.name}".strip()
            out.append((tr("c_open", lang, name=name), lambda p=s.path: self.open(p), ""))
        return out


def _action(screen: Screen, action: str):
    async def run() -> None:
        await screen.run_action(action)
    return run


def _count(n: int | None, severity: str, checked: bool) -> Text:
    if n is None:
        return Text("…" if not checked else "—", style="dim", justify="right", end="")
    return Text(str(n), style=SEVERITY_STYLE[severity] if n else "dim", justify="right", end="")


def _fit_path(name: str, width: int, style: str) -> Text:
    """A file name cut in the middle, so both its start and its end show."""
    if cell_len(name) <= width:
        return Text(name, no_wrap=True, end="", style=style)
    head, tail = "", ""
    i, j = 0, len(name)
    room = max(width - 1, 2)
    while i < j:
        if cell_len(head) <= cell_len(tail):
            if cell_len(head + name[i]) + cell_len(tail) > room:
                break
            head += name[i]
            i += 1
        else:
            if cell_len(head) + cell_len(name[j - 1] + tail) > room:
                break
            tail = name[j - 1] + tail
            j -= 1
    return Text(head + "…" + tail, no_wrap=True, end="", style=style)


def _rel(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return path.name


def folder_screen(folder: Path | str, lang: str) -> FolderScreen:
    return localized(FolderScreen, lang)(folder, lang)
