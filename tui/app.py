"""`nianbao tui PATH`: review reports in the terminal, violations beside the source.

    NianbaoApp("samples/real", rule_dirs=["my_rules"], lang="zh").run()

PATH a folder: the report list (FolderScreen), also by body and year; Enter opens a
report (ReportScreen), Escape goes back; `o` on a finding about another report opens
the two side by side (CompareScreen). PATH a file: straight to the report. The rule
files (bundled and --rules DIRs) and the open report are polled for changes; a change
re-checks in a worker and keeps the selection. The TUI never checks anything itself:
every result comes from `nianbao.api.check`, and across a folder's reports from
`corpus_context` and the engine's `evaluate` (tui/across.py).

Tests build the app without running it and drive it with `app.run_test()`; pass
`poll_interval=None` to turn the timer off and call `check_for_changes()` by hand. For
background work they wait for the app's own state, never for time: the workers
running, then `app.pending()` (what is still to check or read) empty.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Iterable

from textual.app import App, SuspendNotSupported, SystemCommand
from textual.command import CommandPalette
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from .bindings import Key
from .commands import NianbaoCommands
from .compare_screen import CompareScreen
from .dialogs import HelpScreen
from .folder_screen import FolderScreen, folder_screen
from .i18n import tr
from .report_screen import ReportScreen, report_screen
from .session import Filters, RuleWatcher

POLL_SECONDS = 1.0
SAY_SECONDS = 4.0

APP_KEYS = [
    Key("ctrl+p", "command_palette", "b_palette", display="^p", help="h_palette"),
    Key("tab", "focus_next", "c_focus", display="Tab"),
    Key("ctrl+q", "quit", "b_quit", display="^q"),
]


def _palette_binding(lang: str) -> Binding:
    # Our own ctrl+p binding, so the footer names the palette in the app's language.
    return Binding("ctrl+p", "command_palette", tr("b_palette", lang), show=False, priority=True)


class NianbaoApp(App):
    TITLE = "nianbao"
    COMMANDS = App.COMMANDS | {NianbaoCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [_palette_binding("zh")]
    _LANG = "zh"

    def __new__(cls, *args, lang: str = "zh", **kw):
        # Bindings are class data: an English app is an instance of an English subclass.
        if lang != cls._LANG and lang in ("zh", "en"):
            cls = _for_lang(cls, lang)
        return super().__new__(cls)

    def __init__(self, path: str | os.PathLike[str], rule_dirs: Iterable[str | os.PathLike[str]] = (),
                 lang: str = "zh", bundled: bool = True, poll_interval: float | None = POLL_SECONDS) -> None:
        super().__init__()
        self.target = Path(path)
        self.lang = lang if lang in ("zh", "en") else "zh"
        self.watcher = RuleWatcher([Path(d) for d in rule_dirs], bundled=bundled)
        self.filters = Filters()
        self.poll_interval = poll_interval
        self.folder_mode = self.target.is_dir()
        self.worker_errors: list[BaseException] = []
        self.said: str | None = None          # a passing notice, shown in the title line (say)
        self._said_timer = None
        self._loading_rules = False
        self.started = time.perf_counter()
        self.timings: dict[str, float] = {}   # first time each milestone was reached, seconds from start
        # Loading the rules is the slowest part of opening (YAML, expressions): it
        # starts now, in a thread, and runs while Textual starts up.
        self._first_rules: Future = Future()
        threading.Thread(target=self._load_first_rules, name="nianbao-rules", daemon=True).start()

    # -- start ---------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        if self.folder_mode:
            return folder_screen(self.target, self.lang)
        return report_screen(self.target, self.lang)

    def _load_first_rules(self) -> None:
        try:
            self._first_rules.set_result(self.watcher.load_fresh())
        except BaseException as e:  # shown by the worker that waits for it
            self._first_rules.set_exception(e)

    def on_mount(self) -> None:
        # The first screen shows at once (the report's text, the folder's file list);
        # the screens check when the rules arrive.
        self._loading_rules = True

        def wait_for_rules() -> None:
            rules, snap = self._first_rules.result()
            try:
                self.call_from_thread(self._rules_loaded, rules, snap, False)
            except RuntimeError:
                pass

        self.run_worker(wait_for_rules, thread=True, group="rules", exit_on_error=False, name="rules")
        if self.poll_interval:
            self.set_interval(self.poll_interval, self.check_for_changes, name="poll")

    def pending(self) -> list[str]:
        """What the app still has to do by its own account: the rules loading, a
        screen's checks or pass across reports not yet shown (empty: settled). Tests
        wait on this, not on time."""
        out = ["rules"] if self._loading_rules or self.watcher.rules is None else []
        for screen in self.screen_stack:
            pending = getattr(screen, "pending", None)
            if pending is not None and screen.is_mounted:
                out += pending()
        return out

    def say(self, text: str, seconds: float = SAY_SECONDS) -> None:
        """A passing notice (rules reloaded, the report changed on disk), shown for a few
        seconds in the screen's title line, where it covers nothing (a toast would lie
        over the rule pane)."""
        self.said = text
        self._refresh_titles()
        if self._said_timer is not None:
            self._said_timer.stop()
        self._said_timer = self.set_timer(seconds, self._unsay) if seconds else None

    def _unsay(self) -> None:
        self.said = None
        self._said_timer = None
        self._refresh_titles()

    def _refresh_titles(self) -> None:
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_title", None)
            if refresh is not None and screen.is_mounted:
                refresh()

    def mark(self, milestone: str) -> None:
        self.timings.setdefault(milestone, time.perf_counter() - self.started)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Workers run with exit_on_error=False: a failure is shown, the app goes on.
        if event.worker.group == "rules" and event.worker.is_finished:
            self._loading_rules = False
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.worker_errors.append(event.worker.error)
            self.notify(f"{type(event.worker.error).__name__}: {event.worker.error}", severity="error", timeout=10)

    # -- live reload ---------------------------------------------------------------
    def check_for_changes(self) -> None:
        """Reload the rules if a rule file changed; re-check the open report if it
        changed on disk. Called by the timer; tests call it directly."""
        if not self._loading_rules and self.watcher.changed():
            self.reload_rules()
        screen = self.screen
        if isinstance(screen, ReportScreen):
            if screen.check_file_changed():
                self.say(tr("report_reloaded", self.lang))
        elif isinstance(screen, FolderScreen) and not self._filling():
            screen.check_files_changed()

    def _filling(self) -> bool:
        return any(w.group == "fill" and not w.is_finished for w in self.workers)

    def reload_rules(self, force_recheck: bool = False) -> None:
        """Load the rule files again in a thread; re-check what is shown when the rule
        set in force changes (or always, with force_recheck)."""
        watcher = self.watcher
        self._loading_rules = True

        def work() -> None:
            rules, snap = watcher.load_fresh()
            try:
                self.call_from_thread(self._rules_loaded, rules, snap, force_recheck)
            except RuntimeError:
                pass

        self.run_worker(work, thread=True, exclusive=True, group="rules", exit_on_error=False, name="rules")

    def _rules_loaded(self, rules, snap, force_recheck: bool) -> None:
        first = self.watcher.rules is None
        self._loading_rules = False
        changed = self.watcher.apply(rules, snap)
        self.mark("rules")
        if changed and not first:
            self.say(tr("rules_reloaded", self.lang, n=len(self.watcher.rules.rules)))
        for screen in self.screen_stack:
            if not screen.is_mounted:
                continue  # its on_mount checks with the rules in force then: once
            if isinstance(screen, ReportScreen):
                screen.update_banner()
                if changed or force_recheck:
                    screen.rules_changed()
            elif isinstance(screen, FolderScreen):
                if force_recheck and not changed:
                    for s in screen.summaries:
                        s.generation = -1
                if changed or force_recheck:
                    screen.rules_changed()
                else:
                    screen.update_banner()

    # -- Textual's own words, in the app's language ------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands in the palette (Theme, Quit, Keys, Maximize, Screenshot…),
        titled in the app's language."""
        for command in super().get_system_commands(screen):
            title, help_ = SYSTEM_COMMANDS.get(command.title, (command.title, command.help))
            if self.lang == "en":
                yield command
            else:
                yield SystemCommand(title, help_, command.callback, command.discover)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=tr("palette_placeholder", self.lang)))

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (Textual's rule, so a copy key pressed by habit loses
        nothing): say how to, in the app's language."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(tr("help_quit", self.lang, binding=key), title=tr("help_quit_title", self.lang))
                return

    # -- editor --------------------------------------------------------------------
    def edit_file(self, path: str, line: int = 1) -> None:
        """Open a file in $VISUAL / $EDITOR (the app suspends), then reload the rules
        and re-check."""
        argv = editor_command(path, line)
        failed: list[str] = []

        def run_editor() -> None:
            try:
                subprocess.call(argv)
            except OSError as e:  # caught inside suspend(), so the terminal is restored
                failed.append(str(e))

        try:
            with self.suspend():
                run_editor()
        except SuspendNotSupported:
            if self.is_headless:   # tests: a non-interactive $EDITOR
                run_editor()
            else:
                self.notify(tr("cannot_suspend", self.lang, path=path), severity="warning")
                return
        if failed:
            self.notify(tr("editor_failed", self.lang, editor=argv[0], error=failed[0]), severity="error")
        self.reload_rules(force_recheck=True)

    # -- help ----------------------------------------------------------------------
    def show_help(self) -> None:
        lang = self.lang
        sections = []
        if self.folder_mode:
            sections.append((tr("folder_screen", lang), FolderScreen.KEYS))
        sections.append((tr("report_screen", lang), ReportScreen.KEYS))
        if self.folder_mode:
            sections.append((tr("compare_screen", lang), CompareScreen.KEYS))
        sections.append((tr("everywhere", lang), APP_KEYS))
        self.push_screen(HelpScreen(sections, lang))


# Textual's system commands in Chinese: title → (title, help)
SYSTEM_COMMANDS = {
    "Theme": ("主题", "更换配色主题"),
    "Quit": ("退出", "立即退出 nianbao"),
    "Keys": ("按键", "显示 / 隐藏当前窗格的按键说明"),
    "Maximize": ("放大窗格", "放大当前窗格，占满屏幕"),
    "Minimize": ("还原窗格", "把放大的窗格还原"),
    "Screenshot": ("截图", "把当前屏幕保存为 SVG 图片"),
}

_APP_CLASSES: dict[tuple[type, str], type] = {}


def _for_lang(cls: type, lang: str) -> type:
    key = (cls, lang)
    if key not in _APP_CLASSES:
        _APP_CLASSES[key] = type(cls.__name__, (cls,), {"BINDINGS": [_palette_binding(lang)], "_LANG": lang,
                                                        "__module__": cls.__module__})
    return _APP_CLASSES[key]


# Editors that open a file at a line given as +N before it (vi and its family, emacs,
# nano, micro, kakoune, joe, gedit…), and those that take FILE:N.
PLUS_LINE = frozenset({"vi", "vim", "nvim", "view", "vimdiff", "gvim", "mvim", "neovide", "nano", "pico", "rnano",
                       "emacs", "emacsclient", "micro", "kak", "kakoune", "joe", "jstar", "mg", "ne", "jed",
                       "mcedit", "vis", "amp", "gedit", "pluma", "xed", "mousepad", "kate", "nvi", "elvis", "ex",
                       "busybox"})
FILE_COLON_LINE = frozenset({"hx", "helix", "subl", "sublime_text", "zed", "zeditor", "lapce"})
GOTO = frozenset({"code", "code-insiders", "codium", "vscodium", "cursor", "windsurf"})
EDITOR_LINE_ENV = "NIANBAO_EDITOR_LINE"


def editor_command(path: str, line: int = 1) -> list[str]:
    """The editor command for a file at a line: $VISUAL, else $EDITOR, else vi; `+N FILE`
    for the editors that take it, `FILE:N` for helix, sublime and zed, `-g FILE:N` for VS
    Code and its kin. For any other editor, NIANBAO_EDITOR_LINE says how it takes a
    line: the arguments that follow the editor, with {file} and {line} (`-l {line}
    {file}`); without it, the file alone."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        argv = shlex.split(editor)
    except ValueError:
        argv = [editor]
    if not argv:
        argv = ["vi"]
    template = os.environ.get(EDITOR_LINE_ENV)
    if template:
        try:
            return argv + [part.replace("{file}", path).replace("{line}", str(line))
                           for part in shlex.split(template)]
        except ValueError:
            pass
    name = Path(argv[0]).name.lower().removesuffix(".exe")
    if name in GOTO:
        return argv + ["--wait", "-g", f"{path}:{line}"]
    if name in FILE_COLON_LINE:
        return argv + [f"{path}:{line}"]
    if name == "kate":
        return argv + ["-l", str(line), path]
    if name in PLUS_LINE:
        return argv + [f"+{line}", path]
    return argv + [path]


async def settle(pilot, rounds: int = 200) -> bool:
    """With Textual's test driver: wait until the app is settled by its own account —
    every worker finished, nothing pending (NianbaoApp.pending), the messages they
    posted handled. Each round waits for the workers running, then for the app to go
    idle; never for time. A worker superseded by newer work (cancelled) or one that
    failed (NianbaoApp.worker_errors has it) is not waited for again. Whether it
    settled within `rounds`."""
    from textual.worker import WorkerCancelled, WorkerFailed

    app = pilot.app
    for _ in range(rounds):
        for worker in list(app.workers):
            try:
                await worker.wait()
            except (WorkerCancelled, WorkerFailed):
                pass
        await pilot.pause()
        if not app.pending() and all(w.is_finished for w in app.workers):
            return True
    return False


def run(args) -> int:
    """The `nianbao tui` subcommand."""
    path = Path(args.path)
    if not path.exists():
        print(f"{args.path}: " + ("文件或文件夹不存在" if args.lang == "zh" else "no such file or folder"),
              file=sys.stderr)
        return 2
    for d in args.rules:
        if not Path(d).is_dir():
            print(f"{d}: " + ("规则文件夹不存在" if args.lang == "zh" else "no such rules folder"), file=sys.stderr)
            return 2
    app = NianbaoApp(path, rule_dirs=args.rules, lang=args.lang)
    app.run()
    return app.return_code or 0
