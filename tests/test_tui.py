"""The TUI, driven with Textual's Pilot on the sample reports.

Every test runs in a scratch folder (copies of samples/real and a rules folder of its
own, the bundled rules left out), so the violations — and the snapshots — do not move
while the bundled rules are being written, and every path shown is relative."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("textual")

from conftest import REAL, SEEDS  # noqa: E402

from nianbao.tui.app import NianbaoApp, editor_command  # noqa: E402
from nianbao.tui.dialogs import FilterScreen, HelpScreen, RuleErrorsScreen  # noqa: E402
from nianbao.tui.folder_screen import FolderScreen  # noqa: E402
from nianbao.tui.report_screen import ReportScreen  # noqa: E402
from nianbao.tui.session import display_text, line_pieces  # noqa: E402
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


async def settle(pilot) -> None:
    """Wait for the background work (checks, rule loads) and the messages it posts."""
    app = pilot.app
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if all(w.is_finished for w in app.workers):
            break
    assert not app.worker_errors, app.worker_errors


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
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(REAL.glob("*.txt"))
    for i in range(500):
        shutil.copy(seeds[i % len(seeds)], folder / f"{i:03d}_{seeds[i % len(seeds)].name}")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "test.yaml").write_text(RULES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = NianbaoApp(folder, rule_dirs=[rules], bundled=False, poll_interval=None)
    start = time.perf_counter()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        shown = time.perf_counter() - start
        screen = app.screen
        table = screen.query_one("#reports")
        assert table.row_count == 500           # every row is there before the counts
        assert not all(s.checked for s in screen.summaries)
        await pilot.press("down", "down")        # and the keys still work meanwhile
        assert table.cursor_row == 2
        await settle(pilot)
        filled = time.perf_counter() - start
        assert all(s.checked for s in screen.summaries)
        assert sum(s.errors for s in screen.summaries) == 300  # 000, 001, 002 have SUM-901
        print(f"\n500 reports: the list built {app.timings['list']:.2f}s after NianbaoApp() "
              f"(first pause in the test: {shown:.2f}s), rules in force at {app.timings['rules']:.2f}s, "
              f"counts filled after {filled:.2f}s (the checking itself {screen.fill_seconds:.2f}s)")


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


def test_editor_command_goes_to_the_rule_line(monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "vim")
    assert editor_command("rules/x.yaml", 12) == ["vim", "+12", "rules/x.yaml"]
    monkeypatch.setenv("EDITOR", "code")
    assert editor_command("rules/x.yaml", 12) == ["code", "--wait", "--goto", "rules/x.yaml:12"]
    monkeypatch.setenv("VISUAL", "my-editor --flag")
    assert editor_command("r.yaml", 3) == ["my-editor", "--flag", "r.yaml"]


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
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"只看类别 SUM")
        from textual.command import CommandList

        commands = app.screen.query_one(CommandList)
        for _ in range(100):   # the palette searches in the background
            await pilot.pause(0.02)
            if commands.option_count and "SUM" in str(commands.get_option_at_index(0).prompt):
                break
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
            assert isinstance(app.screen, ReportScreen) and app.screen.result is not None


def test_fit_measures_wide_characters():
    from rich.cells import cell_len

    t = fit("写作“政务信息公开”，应为“政府信息公开”", 11)
    assert cell_len(t.plain) <= 11 and t.plain.endswith("…")
    assert fit("SUM-001 ok", 20).plain == "SUM-001 ok"


async def test_opening_time(ws):
    """Not an assertion: how long opening a seed-sized report takes, printed (run with -s).
    Measured inside the app, from its construction: the text shown, the rules loaded,
    the violations shown (the source pane, list and rule pane filled)."""
    lines = []
    for label, kw in (("test rules", {}), ("bundled rules", {"bundled": True, "rule_dirs": []})):
        for _ in range(3):
            app = make_app(ws.seed, ws, **kw)
            async with app.run_test(size=(160, 48)) as pilot:
                await settle(pilot)
                assert app.screen.result is not None
            t = app.timings
            lines.append(f"  {label:13}: text {t['source']:.3f}s, rules {t['rules']:.3f}s, "
                         f"violations {t['violations']:.3f}s")
    print(f"\nopening {ws.seed.name} ({ws.seed.stat().st_size} bytes), seconds from NianbaoApp():\n"
          + "\n".join(lines))


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


async def test_snapshot_report_english(ws, snapshot):
    await _snap(make_app(ws.seed, ws, lang="en"), (160, 48), snapshot, "report_en.svg", keys=["p"])


async def test_snapshot_help(ws, snapshot):
    await _snap(make_app(ws.reports, ws), (80, 24), snapshot, "help.svg", keys=["question_mark"])


async def test_snapshot_broken_rules(ws, snapshot):
    (ws.rules / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    await _snap(make_app(ws.seed, ws), (160, 48), snapshot, "broken_rules.svg")
