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


def test_a_template_rule_s_unless_knows_its_finding_s_variables(tmp_path):
    """`unless` is read with the finding's variables ($section, $table) bound; a name the
    finding has not is an error at its place."""
    rule = """\
        rules:
          - id: TABLE-950
            title: 测试
            title_en: test
            severity: error
            cite: 测试
            check:
              match_template: {{table: [active, applications], find: missing_table}}
              unless: {unless}
            message:
              zh: "未找到“{{table}}”（第{{section}}部分）"
              en: "“{{table}}” is missing (section {{section}})"
        """
    good = rule_file(tmp_path, rule.format(unless="not exists(section($section))"), "good.yaml")
    assert "check.unless" not in out(run_cli("rules", "lint", str(good)))  # (it lacks only examples)
    bad = rule_file(tmp_path, rule.format(unless="$sektion == 2"), "good.yaml")
    result = run_cli("rules", "lint", str(bad))
    assert result.returncode == 1 and any(":9:" in line and "check.unless" in line and "sektion" in line
                                          for line in out(result).splitlines())


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


# ------------------------------------------------------------------ rules test, every way to fail

EXAMPLE_RULE = """\
rules:
  - id: META-951
    title: 测试：写了“政务信息公开”
    title_en: "Test: 政务信息公开"
    severity: warning
    cite: 测试用规则（tests/test_cli_rules.py）
    check:
{check}
    message:
      zh: "写作“{{match}}”"
      en: "written “{{match}}”"
    examples:
{examples}
"""
FORBID = "      forbid_patterns:\n        scope: text\n        patterns: [\"政务信息公开\"]"
TITLE = "某县2022年政务信息公开工作年度报告"


def rules_test(tmp_path, check=FORBID, examples="", files=None):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    (folder / "local.yaml").write_text(EXAMPLE_RULE.format(check=check, examples=examples), encoding="utf-8")
    return run_cli("rules", "test", "--rules", str(folder), "META-951")


def test_rules_test_passes_good_examples(tmp_path):
    result = rules_test(tmp_path, examples=f"""\
      pass:
        - text: "某县2022年政府信息公开工作年度报告\\n"
      fail:
        - text: "{TITLE}\\n一、总体情况\\n政务信息公开\\n"
          count: 2
          lines: [1, 3]""")
    assert result.returncode == 0, out(result)
    assert out(result) == "✓ 2 examples passed in 1 rule(s)\n"


def test_rules_test_fails_over_a_rule_that_does_not_load(tmp_path):
    """A rule file's error (here an expectation that does not parse) is said, and the run
    fails with no ✓ over the rules that did load."""
    broken = EXAMPLE_RULE.replace("META-951", "META-952").format(
        check="      expect: (1 == 1))", examples="      pass:\n        - text: \"某县2022年政府信息公开工作年度报告\\n\"")
    result = rules_test(tmp_path, examples="""\
      pass:
        - text: "某县2022年政府信息公开工作年度报告\\n\"""", files={"broken.yaml": broken.encode("utf-8")})
    assert result.returncode == 2, out(result)
    assert "META-952" in result.stderr.decode() and "✓" not in out(result)
    assert out(result).splitlines()[-1].startswith("✗ ") and "error(s) in the rule files" in out(result)


def test_rules_test_reports_a_wrong_lines(tmp_path):
    result = rules_test(tmp_path, examples=f"""\
      fail:
        - text: "{TITLE}\\n一、总体情况\\n政务信息公开\\n"
          lines: [1, 2]""")
    assert result.returncode == 1
    assert "✗ META-951 (fail example)" in out(result)
    assert "expected lines [1, 2], got [1, 3]" in out(result)
    assert out(result).splitlines()[-1] == "1 of 1 example(s) failed in 1 rule(s)"


def test_rules_test_reports_a_wrong_count_and_an_example_that_does_not_fail(tmp_path):
    result = rules_test(tmp_path, examples=f"""\
      fail:
        - text: "{TITLE}\\n"
          count: 2
        - text: "某县2022年政府信息公开工作年度报告\\n\"""")
    assert result.returncode == 1
    text = out(result)
    assert "expected 2 violation(s), got 1" in text and "expected a violation, got none" in text
    assert text.splitlines()[-1] == "2 of 2 example(s) failed in 1 rule(s)"


def test_rules_test_reports_a_rule_that_fails_to_run(tmp_path):
    """A rule that cannot run never passes its examples (a pass example included)."""
    numbers = "[" + ",".join(["1"] * 200) + "]"
    check = f"      for_each:\n        a: {numbers}\n        b: {numbers}\n      let:\n        match: $a\n      expect: true"
    result = rules_test(tmp_path, check=check, examples="""\
      pass:
        - text: "某县2022年政府信息公开工作年度报告\\n\"""")
    assert result.returncode == 1
    assert "the rule failed to run: " in out(result) and "more than 10000 combinations" in out(result)


def test_rules_test_reports_an_unreadable_example_file(tmp_path):
    """An example file that exists but cannot be read as a report fails the example: it
    would otherwise pass every `pass` example by finding nothing."""
    result = rules_test(tmp_path, files={"empty.txt": b"", "binary.txt": b"\x00\x01\x02" * 10}, examples="""\
      pass:
        - file: empty.txt
      fail:
        - file: binary.txt""")
    assert result.returncode == 1
    lines = out(result).splitlines()
    assert any("cannot read an example file: file is empty" in line for line in lines)
    assert any("cannot read an example file: not a text file" in line for line in lines)
    assert lines[-1] == "2 of 2 example(s) failed in 1 rule(s)"


# ------------------------------------------------------------------ any() and all()

def test_any_and_all_in_an_expression(tmp_path):
    """any(list) and all(list), as docs/rules.md documents them: true, false, or unknown
    when an unknown item could change the answer (and an unknown expect reports nothing)."""
    from nianbao.api import check_text
    from nianbao.rules import load_rules as load

    cases = {
        "META-961": "not any([year == 2022, year == 1999])",         # fires: one is true
        "META-962": "any([year == 2021, year == 1999])",              # fires: none is true
        "META-963": "all([year > 2000, year < 2030])",                # holds
        "META-964": "all([year > 2000, year > 2030])",                # fires: one is false
        "META-965": 'any([number("x") > 1, false])',                  # unknown: nothing reported
        "META-966": 'all([number("x") > 1, false])',                  # false whatever the unknown: fires
        "META-967": 'any([number("x") > 1, true])',                   # true whatever the unknown
        "META-968": "not all([])",                                    # all of nothing is true: fires
    }
    body = "rules:\n" + "".join(f"""\
  - id: {rule_id}
    title: 测试
    title_en: test
    severity: info
    cite: 测试
    check:
      expect: '{expression}'
    message: {{zh: "x", en: "x"}}
""" for rule_id, expression in cases.items())
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "anyall.yaml").write_text(body, encoding="utf-8")
    rules = load([folder], include_bundled=False)
    assert not rules.errors, rules.errors
    result = check_text("某县2022年政府信息公开工作年度报告\n", rules=rules)
    assert not result.rule_errors, result.rule_errors
    assert sorted({v.rule for v in result.violations}) == ["META-961", "META-962", "META-964", "META-966", "META-968"]
