"""The TUI, driven with Textual's Pilot on the sample reports and on generated ones.

Every test runs in a scratch folder (copies of samples/real, or reports made by
tests/reportgen.py, and a rules folder of its own, the bundled rules left out), so the
violations — and the snapshots — do not move while the bundled rules are being
written, and every path shown is relative. The tests across reports use the bundled
rules about other reports (META-008, SUM-020…) and assert only on those."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import REAL, SEEDS
from rich.cells import cell_len  # noqa: E402
from reportgen import copied, report  # noqa: E402

from nianbao.tui.app import NianbaoApp, editor_command  # noqa: E402
from nianbao.tui.app import settle as settle_app  # noqa: E402
from nianbao.tui.compare_screen import CompareScreen  # noqa: E402
from nianbao.tui.dialogs import FilterScreen, HelpScreen, RuleErrorsScreen  # noqa: E402
from nianbao.tui.folder_screen import FolderScreen  # noqa: E402
from nianbao.tui.report_screen import ReportScreen  # noqa: E402
from nianbao.tui.session import display_text, line_pieces  # noqa: E402
from nianbao.tui.source import CURRENT_STYLE as SOURCE_CURRENT_STYLE  # noqa: E402
from nianbao.tui.source import RELATED_STYLE, SourceView  # noqa: E402
from nianbao.tui.tables import CURRENT_STYLE, TablesView  # noqa: E402
from nianbao.tui.violations import ViolationList, fit  # noqa: E402

RULES = """\
rules:
  - id: META-901
    title: 测试：应为“政府信息公开”而非“政务信息公开”
    title_en: "Test: 政府信息公开, not 政务信息公开"
    severity: warning
    cite: 测试用规则（tests/test_tui.py）
    message:
      zh: "写作“{match}”，应为“政府信息公开”"
      en: "written “{match}”; should be 政府信息公开"
    check:
      forbid_patterns:
        scope: text
        patterns: ["政务信息公开"]
  - id: SUM-901
    title: 测试：申请情况表总计列多一
    title_en: "Test: applications total column off by one"
    severity: error
    cite: 测试用规则（tests/test_tui.py）
    description: 一条总是不成立的加法，用来检查表格视图中参与求和的单元格。
    check:
      let:
        received: applications[new, total] + applications[carried_in, total]
        settled: applications[results_total, total] + applications[carried_out, total]
      expect: $received == $settled + 1
      at: applications[results_total, total]
    message:
      zh: "总计列：{received} ≠ {settled} + 1"
      en: "total column: {received} ≠ {settled} + 1"
  - id: CONTACT-901
    title: 测试：书签残留
    title_en: "Test: leftover bookmark"
    severity: info
    cite: 测试用规则
    message:
      zh: "书签残留“{match}”"
      en: "leftover bookmark “{match}”"
    check:
      forbid_patterns:
        scope: text
        patterns: ["\\\\[bookmark: _GoBack\\\\]"]
"""

BROKEN = """\
rules:
  - id: DATE-901
    title: 坏规则
    title_en: broken
    severity: fatal
    cite: x
    message: {zh: "x", en: "x"}
    check:
      forbid_patterns:
        scope: text
        patterns: ["("]
"""

SEED = "000"  # 赛尔龙乡: 10 × META-901, 1 × CONTACT-901, 1 × SUM-901 with the rules above


@pytest.fixture
def ws(tmp_path, monkeypatch):
    """A scratch workspace: reports/ (copies of samples/real), rules/test.yaml; cwd."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for p in sorted(REAL.glob("*.txt")):
        shutil.copy(p, reports / p.name)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "test.yaml").write_text(RULES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    seed = Path("reports") / SEEDS[SEED].name
    return SimpleNamespace(root=tmp_path, reports=Path("reports"), rules=Path("rules"),
                           rule_file=Path("rules/test.yaml"), seed=seed)


def make_app(path, ws, lang="zh", **kw) -> NianbaoApp:
    kw.setdefault("rule_dirs", [ws.rules])
    kw.setdefault("bundled", False)
    kw.setdefault("poll_interval", None)
    return NianbaoApp(path, lang=lang, **kw)


SETTLE_ROUNDS = 200


async def settle(pilot) -> None:
    """Wait until the app is settled by its own account (nianbao.tui.app.settle: every
    worker finished, nothing pending — rules loading, reports to check, a pass across
    reports, a comparison to read — the messages posted handled); never for time. Fails,
    saying what is still pending, when the app does not settle, and when a worker failed."""
    app = pilot.app
    if not await settle_app(pilot, SETTLE_ROUNDS):
        running = [(w.name, w.state.name) for w in app.workers if not w.is_finished]
        raise AssertionError(f"the app did not settle in {SETTLE_ROUNDS} rounds: pending {app.pending()}, "
                             f"workers running {running}")
    assert not app.worker_errors, app.worker_errors


def gate_folder_checks(monkeypatch, held):
    """The folder screen's checks of the files `held(path)` picks wait until the event
    returned is set: a test sees the screen while it is still being filled, for sure."""
    import threading

    import nianbao.tui.folder_screen as folder_module

    gate = threading.Event()
    check = folder_module.check

    def gated(path, rules):
        if held(str(path)):
            gate.wait(timeout=120)
        return check(path, rules)

    monkeypatch.setattr(folder_module, "check", gated)
    return gate


async def wait_for_rules(pilot) -> None:
    """Wait for the first rules to be in force (the worker that brings them finished)."""
    app = pilot.app
    for worker in [w for w in app.workers if w.group == "rules"]:
        await worker.wait()
    assert app.watcher.rules is not None


def touch_later(path: Path, text: str) -> None:
    """Rewrite a file so that its modification stamp surely changes."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    if st.st_mtime_ns == before:
        os.utime(path, ns=(st.st_atime_ns, before + 1_000_000))


def widget_text(widget) -> str:
    """What a widget shows, as plain text (its own lines, not its children's)."""
    from textual.geometry import Region

    width, height = widget.size
    return "\n".join("".join(seg.text for seg in strip)
                     for strip in widget.render_lines(Region(0, 0, width, height)))


def source_row_visible(source: SourceView, row: int) -> bool:
    y = source.wrapped_document.location_to_offset((row, 0)).y
    top = source.scroll_offset.y
    return top <= y < top + source.scrollable_content_region.height


# ------------------------------------------------------------------------ report screen

async def test_open_report_shows_violations_and_jumps_to_the_first(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        rules = [v.rule for v in screen.listed]
        assert rules.count("META-901") == 10 and rules.count("SUM-901") == 1 and rules.count("CONTACT-901") == 1
        first = screen.listed[0]
        assert screen.selected == 0
        source = screen.query_one(SourceView)
        assert source.cursor_location == (first.span.line - 1, first.span.column - 1)
        assert screen.query_one(ViolationList).row_count == 12


async def test_selecting_a_violation_moves_the_source_to_its_line(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        lst = screen.query_one(ViolationList)
        lst.focus()
        source = screen.query_one(SourceView)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        v = screen.listed[3]
        assert screen.selected == 3
        assert source.cursor_location == (v.span.line - 1, v.span.column - 1)
        await pilot.press("end")  # the last violation, far down in the tables: SUM-901 on line 361
        await pilot.pause()
        v = screen.listed[-1]
        assert v.rule == "SUM-901" and screen.current is v
        assert source.cursor_location[0] == v.span.line - 1
        assert source_row_visible(source, v.span.line - 1)
        # the rule pane shows the rule
        text = widget_text(screen.query_one("#rule").query_one("Static"))
        assert "SUM-901" in text


async def test_n_and_p_walk_the_violations_from_the_list_and_from_the_source(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        source = screen.query_one(SourceView)
        await pilot.press("n")
        assert screen.selected == 1
        await pilot.press("n", "n")
        assert screen.selected == 3
        await pilot.press("p")
        assert screen.selected == 2
        assert source.cursor_location[0] == screen.listed[2].span.line - 1
        await pilot.press("p", "p", "p")  # wraps round to the last
        await pilot.pause()
        assert screen.selected == len(screen.listed) - 1
        await pilot.press("n")
        assert screen.selected == 0
        # from the source pane: the next violation after the cursor
        source.focus()
        source.move_cursor((19, 0))  # line 20
        await pilot.press("n")
        await pilot.pause()
        assert screen.current.span.line == 21 and screen.current.rule == "CONTACT-901"
        assert app.focused is source  # n/p from the source keep the focus there
        source.move_cursor((199, 0))  # line 200: previous is the last violation before it
        await pilot.press("p")
        await pilot.pause()
        assert screen.current.span.line == 28


async def test_moving_in_the_source_selects_the_violation_under_the_cursor(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        source = screen.query_one(SourceView)
        source.focus()
        await pilot.pause()
        target = next(v for v in screen.listed if v.span.line == 11)
        source.move_cursor((10, 0))          # line 11, before the span: the line's violation
        await pilot.pause()
        assert screen.current is target
        assert source.cursor_location == (10, 0)   # the source does not jump
        source.move_cursor((20, 40))         # line 21, column 41: inside the META-901 at 21:38
        await pilot.pause()
        assert (screen.current.rule, screen.current.span.column) == ("META-901", 38)
        assert screen.query_one(ViolationList).cursor_row == screen.selected


async def test_severity_and_family_filters(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("n", "n", "n", "n", "n")  # META-901 on line 21, after CONTACT-901
        kept = screen.current
        assert (kept.rule, kept.span.line) == ("META-901", 21)
        await pilot.press("1")  # hide errors
        await pilot.pause()
        assert all(v.severity != "error" for v in screen.listed) and len(screen.listed) == 11
        assert screen.current is kept
        await pilot.press("3")  # hide info too
        assert {v.severity for v in screen.listed} == {"warning"}
        assert "10/12" in widget_text(screen.query_one("#filterbar"))
        await pilot.press("0")  # clear
        assert len(screen.listed) == 12
        assert screen.current is kept
        screen.only_family("SUM")
        await pilot.pause()
        assert [v.rule for v in screen.listed] == ["SUM-901"]
        assert screen.query_one(SourceView).cursor_location[0] == screen.listed[0].span.line - 1
        screen.only_family(None)
        # the filter dialog: space toggles the option under the cursor (errors first)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        await pilot.press("space")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert all(v.severity != "error" for v in screen.listed)
        assert "error" not in app.filters.severities


async def test_filters_carry_over_to_the_next_report(ws):
    app = make_app(ws.reports, ws)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("2")  # hide warnings
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.path.name.startswith("001")
        assert all(v.severity != "warning" for v in screen.listed)
        assert [v.rule for v in screen.result.violations].count("META-901") == 1


async def test_folder_list_report_and_back(ws):
    app = make_app(ws.reports, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        folder = app.screen
        assert isinstance(folder, FolderScreen)
        assert all(s.checked for s in folder.summaries)
        by_name = {s.name[:3]: s for s in folder.summaries}
        assert (by_name["000"].issuer, by_name["000"].year, by_name["000"].template) == ("赛尔龙乡人民政府", 2021, "2021")
        assert (by_name["000"].errors, by_name["000"].warnings, by_name["000"].infos) == (1, 10, 1)
        assert by_name["004"].errors == 0 and by_name["004"].warnings == 0
        # sort: s cycles issuer → year → template → errors (most first)
        await pilot.press("s", "s", "s", "s")
        assert folder.sort_column == "errors" and folder.reverse
        assert [s.errors for s in folder.shown] == sorted((s.errors for s in folder.shown), reverse=True)
        await pilot.press("S")
        assert [s.errors for s in folder.shown] == sorted(s.errors for s in folder.shown)
        # filter
        await pilot.press("slash", *"景罕", "enter")
        await pilot.pause()
        assert [s.name[:3] for s in folder.shown] == ["001"]
        # open, back
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen) and report.path.name.startswith("001")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is folder
        assert [s.name[:3] for s in folder.shown] == ["001"]  # the filter is still there
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(folder.shown) == 5


async def test_the_folder_is_filled_once_however_the_rules_and_the_mount_interleave(ws, monkeypatch):
    """The rules in before the folder screen is mounted (as on a loaded machine): one
    check of the folder, one pass across reports; none started twice, none cancelled."""
    started = []
    run_worker = FolderScreen.run_worker

    def counting(self, work, *args, **kw):
        started.append(kw.get("group"))
        return run_worker(self, work, *args, **kw)

    monkeypatch.setattr(FolderScreen, "run_worker", counting)
    app = make_app(ws.reports, ws)
    app._first_rules.result(timeout=120)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        folder = app.screen
        folder.fill()             # called again with nothing new to check: nothing starts
        folder.rules_changed()
        await settle(pilot)
        assert all(s.checked for s in folder.summaries) and folder.across.links is not None
    assert started == ["fill", "across"]


async def test_settle_fails_loudly_when_the_app_does_not_settle(ws, monkeypatch):
    app = make_app(ws.reports, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app, "pending", lambda: ["a check that never ends"])
        with pytest.raises(AssertionError, match="did not settle.*a check that never ends"):
            await settle(pilot)


async def test_a_report_changed_on_disk_updates_its_row_in_the_list(ws):
    app = make_app(ws.reports, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        folder = app.screen
        s = next(s for s in folder.summaries if s.name.startswith("004"))
        assert s.warnings == 0
        path = ws.reports / s.name
        touch_later(path, path.read_text(encoding="utf-8") + "\n政务信息公开\n政务信息公开\n")
        app.check_for_changes()
        await settle(pilot)
        assert s.warnings == 2
        assert folder.query_one("#reports").get_cell(s.path, "warnings").plain == "2"


async def test_escape_closes_search_and_tables_before_going_back(ws):
    app = make_app(ws.reports, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        await pilot.press("t")
        await settle(pilot)
        assert report.query_one("#switch").current == "tables"
        await pilot.press("slash")
        await pilot.press("escape")   # closes the search (which showed the source)
        assert not report.query_one("#searchbar").has_class("shown")
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("escape")   # tables → source
        assert app.screen is report and report.query_one("#switch").current == "source"
        await pilot.press("escape")   # → the list
        await pilot.pause()
        assert isinstance(app.screen, FolderScreen)


async def test_a_folder_of_500_reports_shows_at_once_and_fills_in_the_background(tmp_path, monkeypatch):
    """100 bodies × 5 years, every tenth body copying its previous year's report, checked
    with the bundled rules: the list is there at once, the counts fill in, then the pass
    across reports adds the copies (META-008) and the broken carry-over (SUM-020)."""
    folder = tmp_path / "many"
    folder.mkdir()
    copies = []
    for body in range(100):
        name = f"第{body}号镇" if body % 2 else f"某县第{body}号镇人民政府"
        last = None
        for year in range(2019, 2024):
            text = report(name, year, seed=body * 10 + year, new=3, carried_in=1, carried_out=1)
            if body % 10 == 0 and last is not None:
                text = copied(last, year - 1, year)
                copies.append(f"{body:03d}_{year}.txt")
            (folder / f"{body:03d}_{year}.txt").write_text(text, encoding="utf-8")
            last = text
    monkeypatch.chdir(tmp_path)
    gate = gate_folder_checks(monkeypatch, lambda path: True)   # nothing is checked until the gate opens
    app = NianbaoApp(folder, poll_interval=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_rules(pilot)
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#reports")
        assert table.row_count == 500           # every row is there before the counts
        assert not any(s.checked for s in screen.summaries)
        await pilot.press("down", "down")        # and the keys still work meanwhile
        assert table.cursor_row == 2
        gate.set()
        await settle(pilot)
        assert all(s.checked for s in screen.summaries)
        assert screen.across.links is not None and not screen.across_running
        flagged = sorted(s.name for s in screen.summaries if s.across.get("warning") or s.across.get("info"))
        assert set(copies) <= set(flagged)       # META-008, and SUM-021 (an info: the stock is recounted)


# ------------------------------------------------------------------------ live reload

async def test_a_rule_edited_on_disk_is_picked_up_and_the_selection_kept(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("n", "n", "n", "n", "n", "n")  # META-901 on line 21 (the second there)
        before = screen.current
        assert before.rule == "META-901" and before.span.line == 21
        generation = app.watcher.generation
        new = RULES.replace('zh: "写作“{match}”，应为“政府信息公开”"', 'zh: "改过的信息：{match}"') \
                   .replace("severity: warning", "severity: error")
        touch_later(ws.rule_file, new)
        app.check_for_changes()
        await settle(pilot)
        assert app.watcher.generation == generation + 1
        now = screen.current
        assert (now.rule, now.span.line, now.span.column) == (before.rule, before.span.line, before.span.column)
        assert now.severity == "error" and now.message("zh").startswith("改过的信息")
        assert "改过的信息" in widget_text(screen.query_one("#rule").query_one("Static"))
        # nothing changed: nothing reloaded
        app.check_for_changes()
        await settle(pilot)
        assert app.watcher.generation == generation + 1


async def test_a_new_rule_file_in_the_rules_folder_is_picked_up(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not any(v.rule == "META-902" for v in screen.listed)
        extra = RULES.replace("META-901", "META-902").replace("SUM-901", "SUM-902").replace("CONTACT-901", "CONTACT-902")
        (ws.rules / "more.yaml").write_text(extra, encoding="utf-8")
        app.check_for_changes()
        await settle(pilot)
        assert sum(v.rule == "META-902" for v in screen.listed) == 10


async def test_a_broken_rule_file_is_shown_and_the_last_good_rules_stay(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        before = [(v.rule, v.span.line) for v in screen.listed]
        banner = screen.query_one("#banner")
        assert not banner.has_class("shown")
        # break the rule file that is in force
        touch_later(ws.rule_file, RULES.replace("severity: info", "severity: fatal"))
        app.check_for_changes()
        await settle(pilot)
        assert app.watcher.errors and app.watcher.kept_previous
        assert banner.has_class("shown")
        shown = widget_text(banner)
        assert "rules/test.yaml" in shown and "fatal" in shown
        assert [(v.rule, v.span.line) for v in screen.listed] == before  # old rules in force
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, RuleErrorsScreen)
        await pilot.press("escape")
        # fix it: the errors go, the new rules apply
        touch_later(ws.rule_file, RULES.replace("severity: info", "severity: warning"))
        app.check_for_changes()
        await settle(pilot)
        assert not app.watcher.errors and not banner.has_class("shown")
        assert all(v.severity == "warning" for v in screen.listed if v.rule == "CONTACT-901")


async def test_a_broken_rule_file_at_start_is_not_fatal(ws):
    (ws.rules / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (ws.rules / "garbage.yaml").write_text("rules: [\n  - id: x\n", encoding="utf-8")  # not even YAML
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        assert len(screen.listed) == 12            # the good file's rules work
        banner = widget_text(screen.query_one("#banner"))
        assert "rules/broken.yaml" in banner or "rules/garbage.yaml" in banner
        assert len(app.watcher.errors) >= 3


async def test_the_report_changed_on_disk_is_rechecked(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("n", "n")
        kept = screen.current
        text = ws.seed.read_text(encoding="utf-8")
        touch_later(ws.seed, text + "\n附言：本报告的政务信息公开部分已更正。\n")
        app.check_for_changes()
        await settle(pilot)
        assert sum(v.rule == "META-901" for v in screen.listed) == 11
        assert screen.current.rule == kept.rule and screen.current.span.line == kept.span.line
        assert screen.query_one(SourceView).document.line_count == text.count("\n") + 3


async def test_e_opens_the_rule_in_the_editor_and_rechecks(ws, monkeypatch):
    script = ws.root / "fake_editor.py"
    script.write_text(textwrap.dedent("""\
        import sys, pathlib
        path = pathlib.Path(sys.argv[-1])
        path.write_text(path.read_text(encoding="utf-8").replace("政务信息公开", "赛尔龙乡"), encoding="utf-8")
        pathlib.Path(sys.argv[-1] + ".args").write_text(" ".join(sys.argv[1:]), encoding="utf-8")
    """), encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.current.rule == "META-901"
        await pilot.press("e")
        await settle(pilot)
        assert Path(str(ws.rule_file.resolve()) + ".args").exists()
        # the pattern now finds 赛尔龙乡 instead
        assert all(v.message("zh").startswith("写作“赛尔龙乡") for v in screen.listed if v.rule == "META-901")


@pytest.mark.parametrize(("editor", "argv"), [
    ("vim", ["vim", "+12", "x.yaml"]), ("vi", ["vi", "+12", "x.yaml"]), ("nvim", ["nvim", "+12", "x.yaml"]),
    ("emacs -nw", ["emacs", "-nw", "+12", "x.yaml"]), ("emacsclient -t", ["emacsclient", "-t", "+12", "x.yaml"]),
    ("nano", ["nano", "+12", "x.yaml"]), ("micro", ["micro", "+12", "x.yaml"]), ("kak", ["kak", "+12", "x.yaml"]),
    ("/usr/local/bin/hx", ["/usr/local/bin/hx", "x.yaml:12"]), ("helix", ["helix", "x.yaml:12"]),
    ("code", ["code", "--wait", "-g", "x.yaml:12"]), ("subl -w", ["subl", "-w", "x.yaml:12"]),
    ("kate", ["kate", "-l", "12", "x.yaml"]), ("my-editor --flag", ["my-editor", "--flag", "x.yaml"]),
])
def test_editor_command_goes_to_the_rule_line(monkeypatch, editor, argv):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("NIANBAO_EDITOR_LINE", raising=False)
    monkeypatch.setenv("EDITOR", editor)
    assert editor_command("x.yaml", 12) == argv


def test_any_other_editor_is_told_the_line_by_nianbao_editor_line(monkeypatch):
    monkeypatch.setenv("VISUAL", "my-editor --flag")
    monkeypatch.setenv("NIANBAO_EDITOR_LINE", "--line {line} '{file}'")
    assert editor_command("my rules/x.yaml", 7) == ["my-editor", "--flag", "--line", "7", "my rules/x.yaml"]
    monkeypatch.delenv("VISUAL")
    monkeypatch.delenv("EDITOR", raising=False)
    assert editor_command("x.yaml", 7) == ["vi", "--line", "7", "x.yaml"]


# ------------------------------------------------------------------------ tables, search, help

async def test_tables_view_marks_the_sum_and_its_cells(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("t")
        await settle(pilot)
        tables = screen.query_one(TablesView)
        assert screen.query_one("#switch").current == "tables"
        await pilot.press("p")  # wraps to the last: SUM-901
        await pilot.pause()
        v = screen.current
        assert v.rule == "SUM-901" and len(v.related) == 4
        assert tables._styled[(v.span.start, v.span.end)] == CURRENT_STYLE
        others = [s for s in v.related if (s.start, s.end) != (v.span.start, v.span.end)]
        assert others and all(tables._styled[(s.start, s.end)] == RELATED_STYLE for s in others)
        grid = tables._places[(v.span.start, v.span.end)].grid
        assert grid.get_cell("results_total", "total").plain == "0"
        # Enter on a cell of the sum selects the sum's violation
        await pilot.press("n")
        assert screen.current.rule != "SUM-901"
        grid.focus()
        grid.move_cursor(row=grid.get_row_index("new"), column=grid.get_column_index("total"))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current.rule == "SUM-901"


async def test_search_the_source(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        source = screen.query_one(SourceView)
        await pilot.press("slash", *"总计")
        await pilot.pause()
        matches = screen._matches
        assert matches and all(source.document.lines[r][a:b] == "总计" for r, a, b in matches)
        first = source.cursor_location
        await pilot.press("enter")
        assert source.cursor_location != first
        await pilot.press("up")
        assert source.cursor_location == first
        count = widget_text(screen.query_one("#search-count")).strip()
        assert count.endswith(f"/{len(matches)}")
        await pilot.press("escape")
        assert not screen.query_one("#searchbar").has_class("shown") and screen._matches == []


async def test_help_screen_and_command_palette(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        titles = [t for t, _, _ in screen.palette_commands()]
        assert "下一条问题" in titles and "只看类别 SUM" in titles
        # a report alone has no finding about another report: no comparison offered
        assert "与另一份报告对照" not in titles and "o" not in screen.active_bindings
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"只看类别 SUM")
        from textual.command import CommandList

        commands = app.screen.query_one(CommandList)
        await settle(pilot)   # the palette searches in a worker
        assert commands.option_count and "SUM" in str(commands.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert [v.rule for v in screen.listed] == ["SUM-901"]


async def test_english_messages_and_bindings(ws):
    app = make_app(ws.seed, ws, lang="en")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        lst = screen.query_one(ViolationList)
        assert lst.get_row_at(0)[3].plain.startswith("written “政务信息公开”")
        assert lst.get_row_at(0)[0].plain == "▲ warn"
        descriptions = {b.description for b in screen._bindings.key_to_bindings.get("n", [])}
        assert descriptions == {"next"}
        assert "SUM-901" in [v.rule for v in screen.listed]


async def test_layout_adapts_to_the_width(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("narrow")
        side, left = screen.query_one("#side"), screen.query_one("#left")
        assert side.region.y > left.region.y            # stacked
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert not screen.has_class("narrow")
        assert side.region.x > left.region.x and side.region.y == left.region.y  # side by side


async def test_an_unreadable_report_is_shown_not_fatal(ws):
    empty = ws.reports / "empty.txt"
    empty.write_bytes(b"")
    app = make_app(empty, ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.result.error is not None and screen.listed == []
        assert screen.query_one("#problem").has_class("shown")
        # the error in the title, the violation pane and the rule pane; no "no violations",
        # no empty source with a line number 1
        for where in ("#title", "#filterbar"):
            assert "无法读取：文件为空" in widget_text(screen.query_one(where))
        assert "没有发现问题" not in widget_text(screen.query_one("#filterbar"))
        assert "文件为空" in widget_text(screen.query_one("#rule").query_one("Static"))
        assert not screen.query_one("#switch").display
        assert not {"n", "p", "t", "f", "e", "escape"} & set(screen.active_bindings)   # nothing to walk
        await pilot.press("n", "p", "t", "e", "f", "escape")
        await settle(pilot)


async def test_line_breaking_characters_do_not_shift_the_lines(ws):
    path = ws.reports / "odd.txt"
    text = SEEDS[SEED].read_text(encoding="utf-8").replace("县政府办：", "县政府办：\x0c\u2028")
    path.write_text(text, encoding="utf-8")
    app = make_app(path, ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        source = screen.query_one(SourceView)
        report_text = screen.result.report.text
        assert source.document.line_count == report_text.count("\n") + 1
        for v in screen.listed:
            row, start, end = line_pieces(v.span, source._lengths)[0]
            assert display_text(report_text).split("\n")[row][start:end] == source.document.lines[row][start:end]
            if v.rule == "META-901":
                assert source.document.lines[row][start:end] == "政务信息公开"


async def test_bundled_rules_on_every_sample_do_not_crash():
    """The app as users start it (bundled rules), on each seed: whatever the rules say."""
    for path in sorted(REAL.glob("*.txt")):
        app = NianbaoApp(path, poll_interval=None)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("n", "t", "p", "t", "question_mark", "escape")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ReportScreen) and screen.result.error is None
            assert not screen.result.rule_errors and screen.listed == screen.result.violations
            assert screen.query_one(ViolationList).row_count == len(screen.listed)


def test_fit_measures_wide_characters():
    from rich.cells import cell_len

    t = fit("写作“政务信息公开”，应为“政府信息公开”", 11)
    assert cell_len(t.plain) <= 11 and t.plain.endswith("…")
    assert fit("SUM-001 ok", 20).plain == "SUM-001 ok"


# ------------------------------------------------------------------------ across reports

CORPUS_RULES = """\
rules:
  - id: META-908
    title: 测试：与另一份报告内容雷同
    title_en: "Test: a near copy of another report"
    severity: warning
    cite: 测试用规则（tests/test_tui.py）
    params:
      threshold: 0.7
    check:
      let:
        match: similar
        score: similar.score
        other_year: similar.year
      when: exists($match) and (not similar.same_body or similar.year < year)
      expect: $score < $threshold
      at: first(similar.passages)
      related: similar.passages
    message:
      zh: "正文与{other_year}年度报告雷同"
      en: "the prose is a near copy of the {other_year} report"
  - id: SUM-920
    title: 测试：上年结转与上年报告不一致
    title_en: "Test: carried in ≠ last year's carried out"
    severity: warning
    cite: 测试用规则（tests/test_tui.py）
    check:
      for_each:
        c: columns(applications)
      let:
        carried_in: applications[carried_in, $c]
        last_year: previous.applications[carried_out, $c]
      when: previous.year == year - 1
      expect: $carried_in == $last_year
      at: applications[carried_in, $c]
    message:
      zh: "“{c.label}”列：上年结转{carried_in}件，上年报告结转下年度{last_year}件"
      en: "column {c.label}: {carried_in} carried in, last year's report carried out {last_year}"
"""


@pytest.fixture
def pairs(tmp_path, monkeypatch):
    """Two bodies, two years each, each body under two names: 桃源镇 copied its 2021
    report for 2022; 李家乡 carried 2 applications out of 2021 and 1 into 2022."""
    reports = tmp_path / "reports"
    reports.mkdir()
    last = report("桃源镇人民政府", 2021, seed=1, new=4, carried_out=2)
    texts = {
        "a_2021.txt": last,
        "a_2022.txt": copied(last, 2021, 2022).replace("桃源镇人民政府", "桃源镇"),
        "b_2021.txt": report("李家乡", 2021, seed=11, new=3, carried_out=2),
        "b_2022.txt": report("李家乡人民政府", 2022, seed=12, new=5, carried_in=1, in_force=(0, 6)),
    }
    for name, text in texts.items():
        (reports / name).write_text(text, encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "test.yaml").write_text(RULES, encoding="utf-8")
    (rules / "corpus.yaml").write_text(CORPUS_RULES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return SimpleNamespace(root=tmp_path, reports=Path("reports"), rules=Path("rules"),
                           corpus_rules=Path("rules/corpus.yaml"),
                           copy=Path("reports/a_2022.txt"), original=Path("reports/a_2021.txt"),
                           carried=Path("reports/b_2022.txt"), last_year=Path("reports/b_2021.txt"))


def bundled_app(path) -> NianbaoApp:
    return NianbaoApp(path, poll_interval=None)


def summary_of(folder: FolderScreen, path: Path):
    return folder.by_path[str(path)]


async def open_report(pilot, path: Path) -> ReportScreen:
    folder = pilot.app.screen
    folder.open(str(path))
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReportScreen)
    return pilot.app.screen


async def select_rule(pilot, screen: ReportScreen, rule: str):
    """Walk the list with n until the violation of `rule` is selected."""
    for _ in range(len(screen.listed)):
        if screen.current is not None and screen.current.rule == rule:
            return screen.current
        await pilot.press("n")
    raise AssertionError(f"{rule} not in {[v.rule for v in screen.listed]}")


def styles_at(source: SourceView, span) -> set:
    """The styles painted over the whole first line piece of a span in a source pane."""
    row, start, end = line_pieces(span, source._lengths)[0]
    return {s.style for s in source.get_line(row).spans if s.start <= start and s.end >= end}


async def test_a_report_copied_from_last_year_shows_meta_008_after_the_background_work(pairs):
    app = bundled_app(pairs.reports)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        folder = app.screen
        assert app.timings["across"] >= app.timings["counts"]
        copy, original = summary_of(folder, pairs.copy), summary_of(folder, pairs.original)
        assert copy.across.get("warning", 0) >= 1 and not original.across
        assert copy.warnings == copy.alone["warning"] + copy.across["warning"]
        assert folder.query_one("#reports").get_cell(copy.path, "warnings").plain == str(copy.warnings)
        screen = await open_report(pilot, pairs.copy)
        [similar] = [v for v in screen.listed if v.rule == "META-008"]
        assert similar.other == str(pairs.original) and len(similar.related) >= 5
        assert similar.span.line == 4     # the first shared passage: 总体情况's first paragraph
        await pilot.press("escape")
        screen = await open_report(pilot, pairs.original)
        assert not [v for v in screen.listed if v.rule == "META-008"]   # the original is not the copy


async def test_the_overview_lists_each_body_once_a_year_with_the_names_matched(pairs):
    twin = pairs.reports / "b_2022_bis.txt"
    twin.write_text(report("李家乡", 2022, seed=13, new=5, carried_in=2, in_force=(0, 6)), encoding="utf-8")
    app = bundled_app(pairs.reports)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        folder = app.screen
        await pilot.press("b")
        await pilot.pause()
        assert folder.view == "bodies" and app.focused is folder.query_one("#bodies")
        rows = [(b.body, b.year, b.reports) for b in folder.bodies]
        assert rows == [("李家乡", 2021, 1), ("李家乡", 2022, 2), ("桃源镇", 2021, 1), ("桃源镇", 2022, 1)]
        taoyuan = folder.bodies[3]
        assert taoyuan.names == ["桃源镇", "桃源镇人民政府"]
        assert taoyuan.warnings == summary_of(folder, pairs.copy).warnings > 0
        table = folder.query_one("#bodies")
        assert table.get_row_at(3)[6].plain == "桃源镇、桃源镇人民政府"
        assert "按机关与年度 4 行" in widget_text(folder.query_one("#title"))
        # sorted and filtered like the report list
        await pilot.press("s")
        assert folder.body_sort_column == "year" and [b.year for b in folder.bodies] == [2021, 2021, 2022, 2022]
        await pilot.press("s", "s", "s")   # reports, errors, warnings: most first
        assert folder.body_sort_column == "warnings" and folder.bodies[0].warnings >= folder.bodies[-1].warnings
        await pilot.press("slash", *"桃源", "enter")
        await pilot.pause()
        assert [b.body for b in folder.bodies] == ["桃源镇", "桃源镇"]
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(folder.bodies) == 4
        await pilot.press("s", "s")   # info, then back round to the body
        assert folder.body_sort_column == "body"
        # Enter on a body-year with one report opens it; Esc comes back to the overview
        table.move_cursor(row=2)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen) and app.screen.path == pairs.original
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is folder and folder.view == "bodies"
        # with several reports, Enter lists them; Esc goes back to the overview
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        assert folder.view == "reports" and folder.only is not None
        assert [s.name for s in folder.shown] == ["b_2022.txt", "b_2022_bis.txt"]
        assert "李家乡 2022 年度的 2 份报告" in widget_text(folder.query_one("#title"))
        assert "escape" in folder.active_bindings
        await pilot.press("escape")
        await pilot.pause()
        assert folder.view == "bodies" and folder.only is None and "escape" not in folder.active_bindings
        await pilot.press("b")
        assert folder.view == "reports" and len(folder.shown) == 5


async def test_the_overview_counts_one_report_in_several_formats_once(pairs):
    """b_2021.txt again as GB18030 with CRLF: one report in two files. By body and year
    it counts once, with one file's counts; Enter lists both files."""
    text = (pairs.reports / "b_2021.txt").read_text(encoding="utf-8")
    (pairs.reports / "b_2021_gbk.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    app = make_app(pairs.reports, pairs)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        folder = app.screen
        one, other = summary_of(folder, pairs.last_year), folder.by_path["reports/b_2021_gbk.txt"]
        assert one.errors == other.errors and one.warnings == other.warnings
        await pilot.press("b")
        await pilot.pause()
        [row] = [b for b in folder.bodies if (b.body, b.year) == ("李家乡", 2021)]
        assert row.reports == 1 and len(row.paths) == 2
        assert (row.errors, row.warnings, row.infos) == (one.errors, one.warnings, one.infos)
        table = folder.query_one("#bodies")
        table.move_cursor(row=folder.bodies.index(row))
        await pilot.press("enter")
        await pilot.pause()
        assert [s.name for s in folder.shown] == ["b_2021.txt", "b_2021_gbk.txt"]
        assert "李家乡 2021 年度的 1 份报告，2 个文件" in widget_text(folder.query_one("#title"))


async def test_o_on_a_copied_report_opens_both_with_the_shared_passages_marked(pairs):
    app = bundled_app(pairs.reports)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = await open_report(pilot, pairs.copy)
        titles = [t for t, _, _ in screen.palette_commands()]
        await select_rule(pilot, screen, "SUM-020")
        assert screen.check_action("compare", ()) is True
        similar = await select_rule(pilot, screen, "META-008")
        assert "与另一份报告对照" in [t for t, _, _ in screen.palette_commands()] and "与另一份报告对照" in titles
        assert screen.active_bindings["o"].binding.description == "对照"    # in the footer
        await pilot.press("o")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        this, other = compare.query_one("#this", SourceView), compare.query_one("#other", SourceView)
        comparison = compare.comparison
        assert comparison.kind == "passages" and len(comparison.pairs) == len(comparison.this_marks) >= 5
        assert comparison.this_marks == sorted({similar.span, *similar.related}, key=lambda s: s.start)
        original = pairs.original.read_text(encoding="utf-8")
        copy_text = pairs.copy.read_text(encoding="utf-8")
        assert other.document.text == original
        no_digits = lambda t: "".join(ch for ch in t if not ch.isdigit())  # noqa: E731
        for mine, theirs in comparison.pairs:   # each passage beside the same passage, figures aside
            assert no_digits(copy_text[mine.start:mine.end]).replace("桃源镇", "") in \
                no_digits(original[theirs.start:theirs.end]).replace("桃源镇人民政府", "")
        # the first passage is the current one on both sides, in view; the others are marked
        mine, theirs = comparison.pairs[0]
        assert SOURCE_CURRENT_STYLE in styles_at(this, mine) and SOURCE_CURRENT_STYLE in styles_at(other, theirs)
        assert all(RELATED_STYLE in styles_at(this, s) for s in comparison.this_marks[1:])
        assert all(RELATED_STYLE in styles_at(other, s) for s in comparison.other_marks if s != theirs)
        assert source_row_visible(this, mine.line - 1) and source_row_visible(other, theirs.line - 1)
        assert "1/" in widget_text(compare.query_one("#status"))
        # n / p move both sides in step
        await pilot.press("n")
        await pilot.pause()
        mine, theirs = comparison.pairs[1]
        assert compare.step_index == 1
        assert this.cursor_location[0] == mine.line - 1 and other.cursor_location[0] == theirs.line - 1
        assert SOURCE_CURRENT_STYLE in styles_at(this, mine) and SOURCE_CURRENT_STYLE in styles_at(other, theirs)
        await pilot.press("p", "p")   # wraps round to the last passage, far down the report
        await pilot.pause()
        mine, theirs = comparison.pairs[-1]
        assert compare.step_index == len(comparison.pairs) - 1
        assert source_row_visible(this, mine.line - 1) and source_row_visible(other, theirs.line - 1)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_o_on_a_broken_carry_over_opens_last_years_report_at_its_table(pairs):
    app = bundled_app(pairs.reports)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = await open_report(pilot, pairs.carried)
        assert not [v for v in screen.listed if v.rule == "META-008"]
        carry = await select_rule(pilot, screen, "SUM-020")
        assert carry.other == str(pairs.last_year)
        await pilot.press("o")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen) and compare.comparison.kind == "table"
        this, other = compare.query_one("#this", SourceView), compare.query_one("#other", SourceView)
        assert SOURCE_CURRENT_STYLE in styles_at(this, carry.span) and source_row_visible(this, carry.span.line - 1)
        last_year = pairs.last_year.read_text(encoding="utf-8").split("\n")
        heading = last_year.index("三、收到和处理政府信息公开申请情况")
        # last year's applications table from its section heading down, at the top of the pane
        assert other.scroll_offset.y == other.wrapped_document.location_to_offset((heading, 0)).y
        carried_out = next(i for i, line in enumerate(last_year) if line.startswith("四、结转下年度继续办理"))
        assert source_row_visible(other, carried_out)
        # its natural-person column (the violation's) is marked, the carried-out 2 among it
        marks = compare.comparison.other_marks
        assert all(RELATED_STYLE in styles_at(other, s) for s in marks)
        assert [s.line - 1 for s in marks if last_year[s.line - 1].startswith("四、结转")] == [carried_out]
        assert "n" not in compare.active_bindings     # one place: n / p are not offered
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_report_opened_before_the_pass_across_reports_gets_its_findings_when_it_ends(pairs, monkeypatch):
    (pairs.reports / "z_other.txt").write_text(report("第1号镇", 2022, seed=100), encoding="utf-8")
    gate = gate_folder_checks(monkeypatch, lambda path: path.endswith("z_other.txt"))
    app = make_app(pairs.reports, pairs)
    async with app.run_test(size=(120, 30)) as pilot:
        folder = app.screen
        await wait_for_rules(pilot)
        folder.open(str(pairs.copy))      # while the folder is still being checked
        for worker in [w for w in app.workers if w.group == "check"]:
            await worker.wait()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.result is not None
        assert folder.across.links is None and not [v for v in screen.listed if v.other]
        gate.set()
        await settle(pilot)
        assert app.screen is screen and folder.across.links is not None
        assert screen._seq >= 2           # checked when opened, and again once the pass ended
        assert [v.rule for v in screen.listed if v.other] == ["META-908", "SUM-920", "SUM-920"]


async def test_a_copy_rewritten_on_disk_and_an_edited_rule_rerun_the_pass_across_reports(pairs):
    app = make_app(pairs.reports, pairs)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        folder = app.screen
        copy = summary_of(folder, pairs.copy)
        assert copy.across == {"error": 0, "warning": 3, "info": 0}   # META-908, SUM-920 × 2
        # the rule file changes: everything is checked again, then the pass across reports
        touch_later(pairs.corpus_rules, CORPUS_RULES.replace("severity: warning", "severity: error", 1))
        app.check_for_changes()
        await settle(pilot)
        assert copy.across == {"error": 1, "warning": 2, "info": 0}
        # the copy is rewritten honestly: its row loses what it had from the others
        touch_later(pairs.copy, report("桃源镇", 2022, seed=5, new=3, carried_in=2))
        app.check_for_changes()
        await settle(pilot)
        assert copy.across == {}
        screen = await open_report(pilot, pairs.copy)
        assert not [v for v in screen.listed if v.rule in ("META-908", "SUM-920")]


# ------------------------------------------------------------------------ snapshots

SIZES = [(80, 24), (160, 48)]


async def _snap(app, size, snapshot, name, keys=()):
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for k in keys:
            await pilot.press(k)
            await settle(pilot)
        svg = app.export_screenshot()
    snapshot.assert_match(svg, name)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_snapshot_report(ws, snapshot, size):
    await _snap(make_app(ws.seed, ws), size, snapshot, "report.svg", keys=["n", "n", "n", "n"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_snapshot_tables(ws, snapshot, size):
    await _snap(make_app(ws.seed, ws), size, snapshot, "tables.svg", keys=["t", "p"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_snapshot_folder(ws, snapshot, size):
    await _snap(make_app(ws.reports, ws), size, snapshot, "folder.svg")


@pytest.fixture
def samples_tree(ws):
    """samples/ as it is in the repository (every format), in the scratch workspace."""
    from conftest import SAMPLES

    folder = ws.root / "samples"
    for sub in ("docx", "html", "pdf", "real", "synthetic"):
        shutil.copytree(SAMPLES / sub, folder / sub, ignore=shutil.ignore_patterns("*.md"))
    return Path("samples")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_snapshot_folder_of_every_format(ws, samples_tree, snapshot, size):
    """47 files whose names differ in the middle (docx/2019_cells_clean.docx beside
    docx/2019_tsv_clean.docx): each row's name keeps what tells it apart."""
    await _snap(make_app(samples_tree, ws), size, snapshot, "samples.svg", keys=["end"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_snapshot_report_english(ws, snapshot, size):
    await _snap(make_app(ws.seed, ws, lang="en"), size, snapshot, "report_en.svg", keys=["p"])


async def test_snapshot_zoomed_table(ws, snapshot):
    """t, Shift+Tab into a table, z: the tables view fills the screen."""
    await _snap(make_app(ws.seed, ws), (80, 24), snapshot, "zoomed.svg", keys=["t", "shift+tab", "z"])


async def test_snapshot_unreadable_report(ws, snapshot):
    (ws.reports / "empty.txt").write_bytes(b"")
    await _snap(make_app(ws.reports / "empty.txt", ws), (80, 24), snapshot, "unreadable.svg")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_snapshot_help(ws, snapshot, lang):
    await _snap(make_app(ws.reports, ws, lang=lang), (80, 24), snapshot, f"help_{lang}.svg", keys=["question_mark"])


async def test_snapshot_broken_rules(ws, snapshot):
    (ws.rules / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    await _snap(make_app(ws.seed, ws), (160, 48), snapshot, "broken_rules.svg")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_snapshot_bodies(pairs, snapshot, size):
    await _snap(make_app(pairs.reports, pairs), size, snapshot, "bodies.svg", keys=["b"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_snapshot_compare(pairs, snapshot, size):
    # the copy is the second report; its first violation is META-908, the similarity
    await _snap(make_app(pairs.reports, pairs), size, snapshot, "compare.svg", keys=["down", "enter", "o", "n"])



# ------------------------------------------------------------------------ at 80×24, in Chinese

def footer_text(app) -> str:
    """The footer line as drawn."""
    return "".join(seg.text for seg in app.screen._compositor.render_strips()[-1])


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_footer_at_80_columns_keeps_help_and_quit(ws, lang):
    help_, quit_ = ("? 帮助", "q 退出") if lang == "zh" else ("? help", "q quit")
    app = make_app(ws.reports, ws, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert help_ in footer_text(app) and quit_ in footer_text(app)
        await pilot.press("enter")            # a report from the folder: Esc goes back
        await settle(pilot)
        line = footer_text(app)
        assert help_ in line and quit_ in line and "esc" in line
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert ("/ 搜索" if lang == "zh" else "/ search") in footer_text(app)   # room again for the rest


async def test_escape_in_a_single_report_is_offered_only_when_it_does_something(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "escape" not in screen.active_bindings and "esc" not in footer_text(app)
        await pilot.press("t")                 # tables: Esc goes back to the source
        await settle(pilot)
        assert "escape" in screen.active_bindings and "esc 返回" in footer_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#switch").current == "source" and "escape" not in screen.active_bindings
        await pilot.press("z")                 # zoomed: Esc restores
        await pilot.pause()
        assert screen.maximized is not None and "escape" in screen.active_bindings


async def test_a_zoomed_table_fills_the_screen(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("shift+tab", "z")
        await pilot.pause()
        tables = screen.query_one(TablesView)
        assert screen.maximized is tables
        assert tables.region.width == 80 and tables.region.height >= 20


async def test_the_tables_view_sizes_columns_from_their_headers_and_values(ws):
    """At 160×48 no header of the applications table is cut: each is whole on one or two
    lines; at 80×24 the narrow review table's headers are whole too."""
    from nianbao.tui.tables import TableGrid

    for size in ((160, 48), (80, 24)):
        app = make_app(ws.seed, ws)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
            grids = list(app.screen.query(TableGrid))
            assert grids
            for grid in grids:
                for column in list(grid.columns.values())[1:]:
                    shown = column.label.plain
                    assert "…" not in shown and "".join(shown.split("\n")) == "".join(shown.split()), shown
                    assert all(cell_len(line) <= column.width for line in shown.split("\n"))
                labels = [grid.get_row_at(i)[0].plain for i in range(grid.row_count)]
                assert not [label for label in labels if label.count("…") > 1]


async def test_rows_with_the_same_start_show_where_they_differ():
    """Seed 004's three TABLE-003 findings differ only in the block they name: the list
    shows that part, not three identical cut-off messages."""
    app = NianbaoApp(SEEDS["004"], poll_interval=None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        lst = screen.query_one(ViolationList)
        rows = [lst.get_row_at(i)[3].plain for i, v in enumerate(screen.listed) if v.rule == "TABLE-003"]
        assert len(rows) == 3 and len(set(rows)) == 3, rows
        assert all(any(block in row for block in ("（五）", "（六）", "（八）")) for row in rows), rows


def wrapped_pieces(source: SourceView) -> list[str]:
    return [piece for pieces in source.wrapped_document.lines for piece in pieces]


async def test_the_source_wraps_chinese_as_chinese_is_set(ws):
    """No line starts with closing punctuation or ends with an opening one; numbers,
    words, paths and e-mail addresses stay whole; a space does not break early."""
    import re

    text = ("一、总体情况\n" + "本机关严格落实政务公开要求，全年主动公开政府信息“一百二十”条（含文件12份）。" * 6
            + "咨询请发邮件至 gongkai@example.gov.cn 或见 rules/sec.yaml:120，电话0871-6000001。\n"
            + "[bookmark: _GoBack]" + "根据文件要求，现将本机关2021年政府信息公开工作报告如下。" * 4 + "\n")
    path = ws.reports / "wrap.txt"
    path.write_text("某县2021年政府信息公开工作年度报告\n" + text, encoding="utf-8")
    for width in (80, 100, 160):
        app = make_app(path, ws)
        async with app.run_test(size=(width, 30)) as pilot:
            await settle(pilot)
            source = app.screen.query_one(SourceView)
            pieces = wrapped_pieces(source)
            assert max(cell_len(p) for p in pieces) <= source.wrap_width
            for before, after in zip(pieces, pieces[1:]):
                assert not after or after[0] not in "，。、；：）」』！？”", (before, after)
                assert not before or before[-1] not in "（「『“", (before, after)
            joined = "\n".join(pieces)
            for whole in ("gongkai@example.gov.cn", "rules/sec.yaml:120", "0871-6000001", "2021", "_GoBack]"):
                assert whole in joined, whole
            bookmark = next(p for p in pieces if p.startswith("[bookmark:"))
            assert cell_len(bookmark) > source.wrap_width - 4    # filled (but for 禁则), not broken at the space
            assert re.search(r"12份", joined)


async def test_both_sides_of_a_comparison_wrap_at_the_same_width(pairs):
    app = make_app(pairs.reports, pairs)
    for size in ((80, 24), (121, 40)):
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await open_report(pilot, pairs.copy)
            await select_rule(pilot, app.screen, "META-908")
            await pilot.press("o")
            await settle(pilot)
            this, other = app.screen.query_one("#this", SourceView), app.screen.query_one("#other", SourceView)
            assert this.wrap_width == other.wrap_width > 0 and this.gutter_width == other.gutter_width
        app = make_app(pairs.reports, pairs)


async def test_a_report_added_to_an_open_folder_appears(ws):
    app = make_app(ws.reports, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        folder = app.screen
        shutil.copy(SEEDS["001"], ws.reports / "new_report.txt")
        app.check_for_changes()          # the poll
        await settle(pilot)
        new = folder.by_path[str(ws.reports / "new_report.txt")]
        assert new.checked and new.issuer == "景罕镇人民政府" and folder.query_one("#reports").row_count == 6
        shutil.copy(SEEDS["002"], ws.reports / "another.txt")
        await pilot.press("r")            # re-check all finds it too
        await settle(pilot)
        assert folder.by_path[str(ws.reports / "another.txt")].checked
        (ws.reports / "new_report.txt").unlink()
        app.check_for_changes()
        await settle(pilot)
        assert str(ws.reports / "new_report.txt") not in folder.by_path and len(folder.summaries) == 6


async def test_file_names_are_sorted_naturally_and_cut_apart(ws, samples_tree):
    for name in ("r_2.txt", "r_10.txt", "r_1.txt"):
        shutil.copy(SEEDS["001"], samples_tree / name)
    app = make_app(samples_tree, ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        folder = app.screen
        names = [s.name for s in folder.shown]
        assert names.index("r_1.txt") < names.index("r_2.txt") < names.index("r_10.txt")
        table = folder.query_one("#reports")
        shown = [table.get_cell(s.path, "file").plain for s in folder.shown]
        width = table.columns["file"].width
        assert len(set(shown)) == len(shown) and all(cell_len(name) <= width for name in shown)
        issuers = [table.get_cell(s.path, "issuer").plain for s in folder.shown]
        assert "柏岭县卫生健康局" in issuers     # the body column is as wide as its names need, up to half


async def test_textual_own_words_are_in_chinese(ws):
    from textual.command import CommandInput, CommandPalette

    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"主题", "退出", "按键", "截图"} <= set(titles) and "Quit" not in titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).placeholder == "搜索命令…"
        await pilot.press("escape")
        await pilot.pause()
        app.action_help_quit()
        await pilot.pause()
        [note] = list(app._notifications)
        assert "退出 nianbao" in note.message and note.title == "要退出吗？"


async def test_the_rules_reloaded_notice_covers_no_pane(ws):
    app = make_app(ws.seed, ws)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        touch_later(ws.rule_file, RULES.replace("severity: info", "severity: warning"))
        app.check_for_changes()
        await settle(pilot)
        assert not list(app._notifications)            # no toast over the rule pane
        assert "规则已重新加载" in widget_text(app.screen.query_one("#title"))
        app._unsay()
        assert "规则已重新加载" not in widget_text(app.screen.query_one("#title"))


async def test_a_report_whose_lines_a_copy_broke_shows_the_document_s_lines(ws):
    """A text copied out of a PDF viewer, its lines broken at the page's width, is read
    with them joined; the source pane shows the document's own lines, and a violation
    on a line the copy broke off the one before is painted on its characters there."""
    copied = (Path(__file__).parent / "data" / "layouts" / "copied_from_pdf.txt").read_text(encoding="utf-8")
    path = ws.reports / "copied.txt"
    wrong = copied.replace("2023 年 1 月 1 日起至 2023 年 12 月 31 日止", "2023 年 1 月 1 日起至 2023 年 11 月 30 日止", 1)
    assert wrong != copied
    path.write_text(wrong, encoding="utf-8")
    app = NianbaoApp(path, poll_interval=None)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        source = screen.query_one(SourceView)
        assert source.document.text == display_text(wrong)
        assert "接上后读取" in widget_text(screen.query_one("#notes"))
        period = next(v for v in screen.listed if v.rule == "PERIOD-002")
        pieces = line_pieces(period.span, source._lengths)
        assert [row for row, _, _ in pieces] == [4]  # (line 5, read as the end of line 4's sentence)
        painted = "".join(source.document.lines[row][start:end] for row, start, end in pieces)
        assert painted.replace(" ", "") == screen.result.report.text[period.span.start:period.span.end].replace(" ", "")


async def test_a_report_read_through_spaced_out_characters_shows_the_document_as_it_is(ws):
    """The source pane shows the document's own text (characters spaced apart, as a PDF
    viewer copies them), what the reader repaired is said above it, and each violation
    is painted on the characters it is about."""
    spaced = (Path(__file__).parent / "data" / "layouts" / "spaced.txt").read_text(encoding="utf-8")
    path = ws.reports / "spaced.txt"
    path.write_text(spaced.replace("至 2023 年 12 月 31 日", "至 2023 年 11 月 30 日"), encoding="utf-8")
    app = NianbaoApp(path, poll_interval=None)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        source = screen.query_one(SourceView)
        assert source.document.text == display_text(path.read_text(encoding="utf-8"))
        assert screen.query_one("#notes").has_class("shown")
        assert "字与字之间的空格" in widget_text(screen.query_one("#notes"))  # said in the UI's language
        period = next(v for v in screen.listed if v.rule == "PERIOD-002")
        row, start, end = line_pieces(period.span, source._lengths)[0]
        assert source.document.lines[row][start:end].replace(" ", "") == \
            screen.result.report.text[period.span.start:period.span.end]
