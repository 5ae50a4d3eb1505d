"""The CLI around the rules as a reviewer meets it: rule ids in any case, a mistyped
flag, `rules list | cat` and `rules show ID | cat` (the YAML as written), `rules lint`
with every error of a rule at once, and `rules test` failing for each reason an
example can fail."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import SEEDS, run_cli

from nianbao.rules import load_rules


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


def rule_file(tmp_path: Path, body: str, name: str = "local.yaml") -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


# ------------------------------------------------------------------ rule ids, any case

def test_rule_ids_are_case_insensitive():
    rules = load_rules()
    assert rules.get("sum-004") is rules.get("SUM-004") is not None
    assert [r.id for r in rules.selected(["sum-00"])] == [r.id for r in rules.selected(["SUM-00"])] != []
    assert rules.selected(["Sum"], ["sum-001"]) == [r for r in rules.selected(["SUM"]) if r.id != "SUM-001"]


def test_rule_ids_are_case_insensitive_on_the_command_line():
    seed = str(SEEDS["004"])
    upper = run_cli("check", "--no-config", "--select", "TABLE-003", seed)
    lower = run_cli("check", "--no-config", "--select", "table-003", seed)
    assert out(lower) == out(upper) and "TABLE-003" in out(upper) and lower.returncode == 1
    shown = run_cli("rules", "show", "sum-004")
    assert shown.returncode == 0 and out(shown).startswith("SUM-004")
    tested = run_cli("rules", "test", "sum-004")
    assert tested.returncode == 0 and "passed in 1 rule(s)" in out(tested)


# ------------------------------------------------------------------ rules lint

def test_rules_lint_reports_every_error_of_a_rule_at_once(tmp_path):
    """Keys, severity, expressions, message placeholders and examples are all checked,
    whichever of them is wrong: one run of lint lists everything to fix."""
    folder = rule_file(tmp_path, """\
        rules:
          - id: META-950
            titel: 测试
            title_en: test
            severity: fatal
            cite: 测试
            check:
              let:
                x: nosuchfact + 1
              expect: $x == (
            message:
              zh: "{y}"
              en: "{x}"
            examples:
              pass: [{text: "a", count: 1}]
        """)
    result = run_cli("rules", "lint", str(folder))
    lines = out(result).splitlines()
    assert result.returncode == 1
    expected = [(":3:5:", "unknown key `titel` (did you mean `title`?)"),
                (":2:5:", "missing required key `title`"),
                (":5:15:", "severity must be one of error, warning, info, not 'fatal'"),
                (":9:12:", "let.x: unknown name 'nosuchfact'"),
                (":10:21:", "check.expect: syntax error"),
                (":12:11:", "message.zh: unknown placeholder {y}"),
                (":15:26:", "examples.pass: unknown key `count`")]
    assert len(lines) == len(expected), lines
    for line, (where, what) in zip(lines, expected):
        assert where in line and what in line, (line, where, what)
    assert "0 rules checked, 7 problem(s)" in err(result)


# ------------------------------------------------------------------ a mistyped flag

def test_a_mistyped_flag_names_the_one_meant():
    result = run_cli("check", "--fromat", "json", str(SEEDS["001"]))
    assert result.returncode == 2 and out(result) == ""
    assert err(result).splitlines()[-1] == ("nianbao check: error: unrecognized arguments: --fromat "
                                            "(did you mean --format?)")
    result = run_cli("rules", "list", "--selct", "SUM")
    assert "nianbao rules list: error: unrecognized arguments: --selct (did you mean --select?)" in err(result)
    result = run_cli("check", "--zzzz", str(SEEDS["001"]))
    assert err(result).splitlines()[-1] == "nianbao check: error: unrecognized arguments: --zzzz"


# ------------------------------------------------------------------ rules list, rules show

def test_rules_list_piped_keeps_every_title_whole():
    result = run_cli("rules", "list")
    lines = out(result).splitlines()
    rules = load_rules().rules
    assert result.returncode == 0 and len(lines) == len(rules) + 1
    assert lines[0].split() == ["id", "severity", "regimes", "title"]
    for line, rule in zip(lines[1:], rules):
        assert line.startswith(rule.id) and line.endswith(rule.title), line
    widest = max(rules, key=lambda r: len(r.title))
    assert any(line.endswith(widest.title) for line in lines)   # not cut at 80 columns


def test_rules_list_selects():
    lines = out(run_cli("rules", "list", "--select", "sum-00", "--ignore", "SUM-001")).splitlines()[1:]
    assert [line.split()[0] for line in lines] == [r.id for r in load_rules().selected(["SUM-00"], ["SUM-001"])]


def test_rules_show_piped_prints_the_yaml_as_written():
    rule = load_rules().get("SUM-004")
    result = run_cli("rules", "show", "SUM-004")
    text = out(result)
    assert result.returncode == 0
    assert text.endswith("\n\n" + rule.yaml)      # byte for byte, long lines and indentation kept
    assert max(len(line) for line in rule.yaml.splitlines()) > 80
    assert f"cite     {rule.cite}\n" in text


def test_rules_show_of_an_unknown_rule():
    result = run_cli("rules", "show", "SUM-999")
    assert result.returncode == 2 and err(result) == "no rule SUM-999\n"


# ------------------------------------------------------------------ values in messages

def test_a_similarity_reads_as_a_percentage_and_a_blank_cell_as_blank():
    from decimal import Decimal

    from nianbao.expr import Ratio, Written, render

    assert [render(Ratio(x)) for x in ("0.86", "0.859", "1", "0.005")] == ["86%", "86%", "100%", "1%"]
    assert Ratio("0.86") < Decimal("0.9") and Ratio("0.86") * 100 == 86   # still a number in expressions
    assert (render(Written("")), render(Written("  "), "en")) == ("空白", "is blank")
    assert (render(Written("〇")), render(Written("〇"), "en")) == ("写作“〇”", "reads “〇”")
    [v] = [v for v in nianbao_check(SEEDS["003"]) if v.rule == "SUM-017"]
    assert v.message("zh").endswith("多于制发规范性文件总数0件（该栏空白）")
    assert v.message("en").endswith("more than the 0 issued (the cell is blank)")


def nianbao_check(path):
    from nianbao.api import check

    return check(path).violations
