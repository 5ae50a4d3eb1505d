"""Running unattended over files and rule folders nobody vetted (issue 16): memory
bounded by what a file really holds, one file cannot take a batch down, nothing the
user had is lost, rule files from elsewhere stay harmless, output a terminal and a
script can trust. Every hostile file is made here, small, and nothing depends on
timing."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from conftest import SYNTHETIC, run_cli
from test_engine import REPORT, only, rule, rule_dir

from nianbao.api import check_text

# ------------------------------------------------------------ 4. rule files from elsewhere


@pytest.mark.parametrize(("pattern", "message"), [
    ("a{1000000000}", "a repetition count of 1000000000 (at most 1000)"),
    ("(?:ab{999}){999}", "repetitions nested 998001 times over (at most 100000)"),
    ("[x]{5000}", "a repetition count of 5000"),
])
def test_a_pattern_that_repeats_without_bound_is_refused_when_the_rules_load(tmp_path, pattern, message):
    rules = only(tmp_path, rule(f'expect: not matches(text, "{pattern}")'))
    [error] = rules.errors
    assert error.line == 8 and message in error.message, str(error)


def test_counts_that_only_look_like_repetitions_are_fine(tmp_path):
    for pattern in (r"\\{99999\\}", "[{]99999}", r"\\p{Han}{2,8}", "(?#{99999})a", "a{3}b{1000}"):
        rules = only(tmp_path, rule(f'expect: not matches(text, "{pattern}")'))
        assert not rules.errors, (pattern, rules.errors)


@pytest.mark.parametrize("expression", ["not " * 900 + "true", "-" * 1500 + "1 > 0", "1" + "+1" * 1900 + " > 0"])
def test_a_long_chain_of_operators_is_a_rule_error_not_a_crash(tmp_path, expression):
    """The chains stay under the length limit and have no brackets; they used to crash
    with RecursionError when the compiled rules were cached."""
    folder = rule_dir(tmp_path, rule(f"expect: {expression}"))
    result = run_cli("rules", "lint", str(folder), env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    out = result.stdout.decode()
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert ":8:" in out and "expression nested too deeply" in out, out


@pytest.mark.parametrize(("expression", "message"), [
    ("1 / 0 > 0", "division by zero"),
    ("count(find(text, \"x\")) / 0 > 0", "division by zero"),
    ("1200元 == 5", "cannot compare an amount with a number"),
    ("2022 != \"2022\"", "cannot compare a number with a string"),
    ("1200元 > 5", "cannot compare an amount > a number"),
])
def test_what_cannot_be_computed_is_a_load_error_when_it_is_known_then(tmp_path, expression, message):
    [error] = only(tmp_path, rule(f"expect: {expression}")).errors
    assert error.line == 8 and message in error.message, str(error)


@pytest.mark.parametrize(("extra", "expression", "message"), [
    ("    params: {z: 0}\n", "1 / $z > 0", "division by zero"),
    ("", "qty(\"1200元\") == 5", "cannot compare an amount with a number"),
])
def test_what_cannot_be_computed_at_run_time_is_a_rule_error_never_a_silent_false(tmp_path, extra, expression,
                                                                                   message):
    rules = only(tmp_path, rule(f"expect: {expression}", extra=extra))
    assert not rules.errors
    result = check_text(REPORT, rules=rules)
    assert result.violations == []
    [error] = result.rule_errors
    assert error.rule == "META-901" and message in error.message


def test_a_list_of_mixed_kinds_is_searched_without_error(tmp_path):
    rules = only(tmp_path, rule('expect: 5 in ["5", 5元, 5]'))
    result = check_text(REPORT, rules=rules)
    assert (result.violations, result.rule_errors, rules.errors) == ([], [], [])


def test_a_number_of_thirty_digits_in_the_prose_is_checked_and_written_out():
    """Decimal stops at 28 digits: rendering the message used to raise, and the whole
    report went unchecked."""
    big = "1234567890123456789012345678901"
    text = (SYNTHETIC / "2021_cells_clean.txt").read_text(encoding="utf-8")
    result = check_text(text.replace("全年共收到政府信息公开申请23件", f"全年共收到政府信息公开申请{big}件"))
    assert result.ok and not result.rule_errors
    assert any(big in v.message("en") for v in result.violations if v.rule == "ZERO-002")


def _planted_pickle(marker: Path) -> bytes:
    class Plant:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))
    return pickle.dumps(Plant())


def test_the_cache_runs_no_code_planted_in_it_and_stays_json(tmp_path):
    cache = tmp_path / "cache" / "nianbao"
    cache.mkdir(parents=True)
    marker = tmp_path / "pwned"
    names = ["rules-0.1.0.pickle", "report.lark.cache", "expr.lark.cache", "rules-0.1.0.json",
             "report.lark-0.1.0.json", "expr.lark-0.1.0.json"]
    for name in names:
        (cache / name).write_bytes(_planted_pickle(marker))
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = run_cli("check", "--no-config", "r.txt", cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr.decode()
    assert not marker.exists()
    for name in names[3:]:  # rebuilt, as JSON
        json.loads((cache / name).read_text(encoding="utf-8"))


def test_the_cache_ignores_a_file_too_large_or_too_deep_and_leaves_no_temporary_files(tmp_path):
    cache = tmp_path / "cache" / "nianbao"
    cache.mkdir(parents=True)
    (cache / "rules-0.1.0.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (cache / "expr.lark-0.1.0.json").write_bytes(b" " * (9 * 1024 * 1024))
    dead = cache / ".rules-0.1.0.json.999999999.tmp"  # left by a process killed while writing
    dead.write_text("{", encoding="utf-8")
    alive = cache / f".rules-0.1.0.json.{os.getpid()}.tmp"  # being written by a process that runs
    alive.write_text("{", encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    result = run_cli("check", "--no-config", "r.txt", cwd=tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert not dead.exists() and alive.exists()
    assert (cache / "rules-0.1.0.json").stat().st_size < 8 * 1024 * 1024
    json.loads((cache / "rules-0.1.0.json").read_text(encoding="utf-8"))


def test_the_rules_cache_is_bounded(tmp_path, monkeypatch):
    from nianbao import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "MAX_ENTRIES", 10)
    store = cache.Store("bounded")
    for i in range(25):
        store.put(("tree", str(i)), i)
    store.save()
    again = cache.Store("bounded")
    assert [again.get(("tree", str(i))) for i in (14, 15, 24)] == [None, 15, 24]
