"""`nianbao check` as a script uses it: paths, text output, exit codes, parallel runs,
config files, baselines, start-up. Most tests run only the marker rules of
tests/data/check_rules (each fires on a marker word), so they say exactly which
violations a report has whatever the bundled rules find."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, SYNTHETIC

from nianbao.batch import Target, expand

CHECK_RULES = ROOT / "tests" / "data" / "check_rules"
MARKERS = ["--no-config", "--rules", str(CHECK_RULES), "--select", "META-9"]
TITLE = "某县某局2022年政府信息公开工作年度报告"


def report(folder: Path, name: str, *lines: str) -> Path:
    """A report with a title and the given lines (markers among them)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join((TITLE, *lines)) + "\n", encoding="utf-8")
    return path


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


# ---------------------------------------------------------------------- text output

def test_text_output_is_grouped_per_file_with_a_summary_line(cli, tmp_path):
    report(tmp_path, "a.txt", "警告标记在这里", "  错误标记")
    report(tmp_path, "b.txt", "没有问题")
    report(tmp_path, "c.txt", "提示标记")
    result = cli("check", *MARKERS, "--lang", "en", "a.txt", "b.txt", "c.txt", cwd=tmp_path)
    assert out(result) == (
        "a.txt:2:1: META-902 warning found “警告标记”\n"
        "a.txt:3:3: META-901 error found “错误标记”\n"
        "\n"
        "c.txt:2:1: META-903 info found “提示标记”\n"
        "3 report(s) checked, 0 input(s) could not be read: 1 error(s), 1 warning(s), 1 info\n")
    assert result.returncode == 1
    assert "\033" not in out(result), "no colour when piped"


def test_messages_in_chinese_by_default(cli, tmp_path):
    report(tmp_path, "a.txt", "错误标记")
    result = cli("check", *MARKERS, "a.txt", cwd=tmp_path)
    assert out(result) == ("a.txt:2:1: META-901 error 出现了“错误标记”\n"
                           "检查了 1 份报告，0 个输入无法读取：1 个错误，0 个警告，0 个提示\n")


@pytest.mark.parametrize(("line", "fail_on", "code"), [
    ("没有问题", None, 0),
    ("提示标记", None, 0),
    ("提示标记", "info", 1),
    ("警告标记", None, 1),
    ("警告标记", "error", 0),
    ("错误标记", "error", 1),
])
def test_exit_code_follows_fail_on(cli, tmp_path, line, fail_on, code):
    report(tmp_path, "a.txt", line)
    flags = ["--fail-on", fail_on] if fail_on else []
    assert cli("check", *MARKERS, *flags, str(tmp_path / "a.txt")).returncode == code


def _on_a_terminal(args: list[str], cwd: Path, env: dict) -> tuple[str, int]:
    """Run `nianbao ARGS` with stdout and stderr on a pseudo-terminal."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "nianbao.cli", *args], cwd=cwd, env=env,
                            stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace"), proc.wait(timeout=120)


def test_colour_and_progress_bar_on_a_terminal(tmp_path):
    for i in range(12):
        report(tmp_path, f"r{i:02}.txt", "错误标记" if i == 3 else "没有问题")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["COLUMNS"] = "100"
    screen, code = _on_a_terminal(["check", *MARKERS, "--jobs", "1", "."], tmp_path, env)
    assert code == 1
    assert "\033[31merror\033[0m" in screen
    assert "checking" in screen, "a progress bar for more than a few files"
    screen, _ = _on_a_terminal(["check", *MARKERS, "--jobs", "1", "."], tmp_path, {**env, "CI": "true"})
    assert "checking" not in screen, "no progress bar in CI"


def test_no_progress_bar_when_piped(cli, tmp_path):
    for i in range(12):
        report(tmp_path, f"r{i:02}.txt", "没有问题")
    result = cli("check", *MARKERS, ".", cwd=tmp_path)
    assert result.returncode == 0
    assert err(result) == ""


# ---------------------------------------------------------------------- paths and order

def test_expand_walks_folders_and_globs_in_a_stable_order(tmp_path, monkeypatch):
    for name in ("b/2.txt", "b/1.txt", "a.txt", "b/notes.md", ".hidden/x.txt", "b/.x.txt", "c/d/e.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    assert expand([".", "a.txt", "empty", "b/*.txt", "nothing*.txt", "missing.txt"]) == [
        Target("a.txt"), Target("b/1.txt"), Target("b/2.txt"), Target("c/d/e.html"),
        Target("empty", nothing_found=True),
        Target("nothing*.txt", nothing_found=True),
        Target("missing.txt")]


def test_parallel_output_is_in_the_order_of_the_paths(cli, tmp_path):
    names = []
    for i in range(40):
        names.append(report(tmp_path, f"r{i:02}.txt", *(["错误标记"] * (i % 4)), "警告标记" * (i % 3)).name)
    serial = cli("check", *MARKERS, "--format", "json", "--jobs", "1", ".", cwd=tmp_path)
    parallel = cli("check", *MARKERS, "--format", "json", "--jobs", "2", ".", cwd=tmp_path)
    assert serial.returncode == parallel.returncode == 1
    assert out(serial) == out(parallel)
    files = json.loads(out(parallel))["files"]
    assert [f["path"] for f in files] == names
    assert [len(f["violations"]) for f in files] == [i % 4 + i % 3 for i in range(40)]


# ---------------------------------------------------------------------- usage errors

@pytest.mark.parametrize(("args", "message"), [
    ([], "no PATH given"),
    (["--jobs", "0", "x.txt"], "--jobs: expected a whole number of at least 1, not '0'"),
    (["--format", "xml", "x.txt"], "invalid choice: 'xml'"),
    (["--select", "NOPE-1", "x.txt"], "nianbao check: --select NOPE-1: no such rule"),
    (["-o", "/nonexistent-folder/out.json", "x.txt"], "nianbao check: /nonexistent-folder/out.json: "
                                                      "No such file or directory"),
])
def test_usage_errors_exit_2_with_one_message(cli, tmp_path, args, message):
    report(tmp_path, "x.txt", "没有问题")
    result = cli("check", "--no-config", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in err(result)
    assert "Traceback" not in err(result)


def test_a_rule_file_with_errors_is_printed_and_exits_2(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("rules:\n  - id: SUM-999\n    title: x\n", encoding="utf-8")
    report(tmp_path, "a.txt", "没有问题")
    result = cli("check", "--no-config", "--rules", str(rules), "--format", "json", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{rules / 'bad.yaml'}:2:5: rule SUM-999" in err(result)
    doc = json.loads(out(result))
    assert doc["files"][0]["status"] == "ok", "the valid rules still ran"
    assert doc["rule_file_errors"][0]["file"] == str(rules / "bad.yaml")


# ---------------------------------------------------------------------- config files

def test_config_is_found_upward_and_flags_win(cli, tmp_path):
    (tmp_path / "nianbao.toml").write_text(
        f'rules = ["{CHECK_RULES.as_posix()}"]\nselect = ["META-9"]\nlang = "en"\nfail-on = "error"\n',
        encoding="utf-8")
    work = tmp_path / "reports" / "2023"
    report(work, "a.txt", "警告标记")
    result = cli("check", "a.txt", cwd=work)
    assert out(result).splitlines()[0] == "a.txt:2:1: META-902 warning found “警告标记”"
    assert result.returncode == 0, "fail-on = error from the config"
    result = cli("check", "--lang", "zh", "--fail-on", "warning", "a.txt", cwd=work)
    assert out(result).splitlines()[0] == "a.txt:2:1: META-902 warning 出现了“警告标记”"
    assert result.returncode == 1
    shown = cli("check", "--show-config", "--lang", "zh", cwd=work)
    assert shown.returncode == 0
    assert out(shown).splitlines()[0] == f"# config file: {tmp_path / 'nianbao.toml'}"
    assert f'lang = "zh"  # command line' in out(shown)
    assert f'fail-on = "error"  # {tmp_path / "nianbao.toml"}' in out(shown)
    assert '  # default' in out(shown)


def test_config_rule_folders_are_relative_to_the_config_file(cli, tmp_path):
    (tmp_path / "our-rules").symlink_to(CHECK_RULES)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.nianbao]\nrules = ["our-rules"]\nselect = "META-901"\n', encoding="utf-8")
    report(tmp_path / "sub", "a.txt", "错误标记 警告标记")
    result = cli("check", "--format", "json", "a.txt", cwd=tmp_path / "sub")
    assert [v["rule"] for v in json.loads(out(result))["files"][0]["violations"]] == ["META-901"]
    assert out(cli("check", "--show-config", cwd=tmp_path / "sub")).startswith(
        f"# config file: {tmp_path / 'pyproject.toml'}\n")


@pytest.mark.parametrize(("text", "message"), [
    ("fail_on = 'never'\n", "nianbao.toml: fail_on must be one of error, warning, info, not 'never'"),
    ("colour = true\n", "nianbao.toml: unknown setting 'colour' (known: rules, select, ignore, fail-on, lang, "
                        "format, jobs)"),
    ("jobs = 0\n", "nianbao.toml: jobs must be a whole number of at least 1"),
    ("lang = 'en'\nfail-on =\n", "nianbao.toml:2:10: invalid TOML: Invalid value"),
])
def test_a_bad_config_file_is_a_usage_error(cli, tmp_path, text, message):
    (tmp_path / "nianbao.toml").write_text(text, encoding="utf-8")
    report(tmp_path, "a.txt", "没有问题")
    result = cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert err(result).startswith(f"nianbao check: {tmp_path / message}")
    assert cli("check", "--no-config", "a.txt", cwd=tmp_path).returncode in (0, 1)


# ---------------------------------------------------------------------- baselines

def test_a_baseline_hides_known_violations_and_survives_edits_above_them(cli, tmp_path):
    a = report(tmp_path, "reports/a.txt", "错误标记一处", "其他", "警告标记")
    b = report(tmp_path, "reports/b.txt", "提示标记", "错误标记")
    run = lambda *extra: cli("check", *MARKERS, "--lang", "en", "--fail-on", "info", *extra, "reports",
                             cwd=tmp_path)
    written = run("--write-baseline", "known.json")
    assert written.returncode == 0, "everything written is known"
    assert "wrote 4 violation(s) to known.json" in err(written)
    entries = json.loads((tmp_path / "known.json").read_text(encoding="utf-8"))["violations"]
    assert {e["path"] for e in entries} == {"reports/a.txt", "reports/b.txt"}

    # The reviewer's copy is edited: lines above move every violation; one is fixed; one is new.
    a.write_text("\n".join((TITLE, "新增的一段", "又一段", "错误标记一处", "其他", "警告标记", "错误标记")) + "\n",
                 encoding="utf-8")
    b.write_text("\n".join((TITLE, "错误标记")) + "\n", encoding="utf-8")
    result = run("--baseline", "known.json")
    assert out(result) == (
        "reports/a.txt:7:1: META-901 error found “错误标记”\n"
        "2 report(s) checked, 0 input(s) could not be read: 1 error(s), 0 warning(s), 0 info "
        "(baseline known.json: 3 known violation(s) not shown, 1 no longer found)\n")
    assert result.returncode == 1
    doc = json.loads(out(run("--baseline", "known.json", "--format", "json")))
    assert doc["baseline"] == {"path": "known.json", "known": 3, "fixed": 1}
    assert [f["known"] for f in doc["files"]] == [2, 1]


def test_a_baseline_that_is_not_one_is_a_usage_error(cli, tmp_path):
    report(tmp_path, "a.txt", "错误标记")
    (tmp_path / "base.json").write_text('{"something": "else"}', encoding="utf-8")
    result = cli("check", *MARKERS, "--baseline", "base.json", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert err(result) == ("nianbao check: base.json: not a nianbao baseline (version 1); "
                           "write one with --write-baseline\n")


# ---------------------------------------------------------------------- start-up

def test_check_does_not_import_the_tui(tmp_path):
    seed = next(iter(SEEDS.values()))
    trace = subprocess.run([sys.executable, "-X", "importtime", "-m", "nianbao.cli", "check", "--no-config",
                            "--format", "json", str(seed)], capture_output=True, text=True, cwd=ROOT)
    assert trace.returncode in (0, 1), trace.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in trace.stderr.splitlines() if line.startswith("import time:")}
    assert "nianbao.check_cmd" in imported
    assert not {m for m in imported if m.split(".")[0] == "textual" or m.startswith("nianbao.tui")}


def test_a_warm_start_does_not_import_pyyaml(tmp_path):
    """What the bundled YAML files give is kept in the cache: once it is warm, a check
    reads no YAML and does without PyYAML's import."""
    seed = next(iter(SEEDS.values()))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-X", "importtime", "-m", "nianbao.cli", "check", "--no-config", str(seed)]
    first = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    second = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    assert first.returncode == second.returncode and first.returncode in (0, 1), second.stderr[-2000:]
    assert first.stdout == second.stdout

    def imported(run):
        return {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "yaml" in imported(first)
    assert "yaml" not in imported(second)


def test_the_collector_is_off_while_the_rules_load_and_on_again_for_the_reports(monkeypatch, capsys):
    """The start makes what lives as long as the process: the cyclic garbage collector
    does not scan it over and over while the rules load, and runs again afterwards."""
    import gc

    from nianbao import batch
    from nianbao.cli import main

    enabled = {}
    load = batch.Checker.load

    def loading(choice):
        enabled["loading"] = gc.isenabled()
        return load(choice)

    monkeypatch.setattr(batch.Checker, "load", loading)
    monkeypatch.setattr(batch, "settle_collector", lambda: enabled.setdefault("settled", gc.isenabled()))
    seed = next(iter(SEEDS.values()))
    assert main(["check", "--no-config", "--format", "json", str(seed)]) == 1
    assert json.loads(capsys.readouterr().out)["files"][0]["violations"]
    assert enabled == {"loading": False, "settled": True} and gc.isenabled()


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_gbk_and_utf8_copies_give_the_same_violations(cli, tmp_path, seed):
    """A seed (each has findings) and the same text in GB18030 with CRLF line ends: the
    same violations, rule, place and message, and each says the other holds the same
    report (META-013) instead of being a second report for the year or a copy."""
    utf8, gbk = tmp_path / "utf8.txt", tmp_path / "gbk.txt"
    text = SEEDS[seed].read_text(encoding="utf-8")
    utf8.write_text(text, encoding="utf-8")
    gbk.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    doc = json.loads(out(cli("check", "--no-config", "--format", "json", str(utf8), str(gbk))))
    first, second = doc["files"]
    assert (first["encoding"], second["encoding"]) == ("utf-8", "gb18030")

    def found(entry, other):
        notes = [v for v in entry["violations"] if v["rule"] == "META-013"]
        assert len(notes) == 1 and str(other) in notes[0]["message"]
        return [{k: v[k] for k in ("rule", "severity", "message", "line", "column", "end_line", "end_column")}
                for v in entry["violations"] if v["rule"] != "META-013"]

    assert found(first, gbk) == found(second, utf8) != []
    assert not {"META-008", "META-009"} & {v["rule"] for v in first["violations"] + second["violations"]}


def test_a_crash_while_checking_one_report_is_its_error_line(rules, monkeypatch):
    import nianbao.batch as batch

    def crash(*args, **kwargs):
        raise ValueError("a reader's bug")

    monkeypatch.setattr(batch, "check", crash)
    result = batch.Checker(rules, batch.RuleChoice())("report.docx")
    assert (result.ok, result.error_code) == (False, "check.internal")
    assert "ValueError: a reader's bug" in result.error["en"]


def test_a_reader_s_bug_is_the_file_s_error_in_the_api(rules, monkeypatch, tmp_path):
    import nianbao.api as api

    def broken_reader(path):
        raise KeyError("w:tbl")

    monkeypatch.setattr(api, "read_source", broken_reader)
    result = api.check(tmp_path / "report.docx", rules)
    assert result.error is not None and result.error.msg.key == "check.internal"
    assert "KeyError" in result.error.render("en")
