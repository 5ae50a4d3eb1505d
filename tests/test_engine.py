"""The rule engine through its public surface: rule files in a folder, load_rules(),
check_text(), and the CLI. One test per way a rule file can be wrong."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, bundled_patterns, run_cli

from nianbao.api import check_text, run_examples
from nianbao.expr import holds_any, literal_words, prefilter, required_literals
from nianbao.ingest import read_source
from nianbao.rules import load_rules

REPORT = """某县某局2022年政府信息公开工作年度报告
一、总体情况
本年度主动公开政府信息120条。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量	3	1	0	0	0	0	4
二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1
三、本年度办理结果	（七）总计	3	1	0	0	0	0	4
四、结转下年度继续办理	1	0	0	0	0	0	1
五、存在的主要问题及改进情况
存在的问题是公开不够及时。
"""


def rule_dir(tmp_path: Path, body: str, name: str = "local.yaml") -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def only(tmp_path: Path, body: str):
    """Load just the rules of one file (no bundled rules)."""
    return load_rules([rule_dir(tmp_path, body)], include_bundled=False)


def rule(check: str, message: str = "问题 / problem", severity: str = "warning", extra: str = "",
         rule_id: str = "META-901") -> str:
    check = textwrap.indent(textwrap.dedent(check).strip(), " " * 6)
    return f"""\
rules:
  - id: {rule_id}
    title: 测试规则
    title_en: A test rule
    severity: {severity}
    cite: 测试
{extra}    check:
{check}
    message:
      zh: "{message}"
      en: "{message}"
"""


# ----------------------------------------------------------------------- check kinds

def test_a_message_reads_as_its_first_case_that_holds(tmp_path):
    """`message.cases`: the wording for a finding whose variables make a case's `when`
    true (“为3项”, not “为3至3项”), the first such; else the message itself."""
    body = rule("""
        for_each:
          c: columns(applications)
        let:
          new: applications[new, $c]
          old: applications[carried_in, $c]
        expect: $new == 0
        at: applications[new, $c]
    """, message="{c.label}：{old}至{new}") + textwrap.indent(textwrap.dedent("""\
        cases:
          - when: $new - $old == 3
            zh: "{c.label}：多{new}"
            en: "{c.label}: {new} more"
          - when: $old == 0 or $new == 4
            zh: "{c.label}：0起"
            en: "{c.label}: from 0"
        """), " " * 6)
    result = check_text(REPORT, rules=only(tmp_path, body))
    assert [v.message() for v in result.violations] == ["自然人：1至3", "商业企业：0起", "总计：多4"]
    assert [v.message("en") for v in result.violations] == ["自然人：1至3", "商业企业: from 0", "总计: 4 more"]


def test_expect_with_for_each_let_when_and_at(tmp_path):
    rules = only(tmp_path, rule("""
        for_each:
          c: columns(applications)
        let:
          new: applications[new, $c]
        when: $new > 0
        expect: $new < 3
        at: applications[new, $c]
    """, message="{c.label}={new}"))
    result = check_text(REPORT, rules=rules)
    assert [(v.span.line, v.span.column, v.message()) for v in result.violations] == [
        (6, 18, "自然人=3"), (6, 30, "总计=4")]
    assert result.violations[0].related  # the cells the check read


def test_rows_and_columns_are_the_same_for_every_rule_that_asks(tmp_path):
    """rows() and columns() are worked out once per table and report and shared by the
    rules that ask: each rule sees every row read and every column, in order."""
    rules = only(tmp_path, rule("""
        for_each:
          r: rows(applications)
        let:
          total: applications[$r, total]
        expect: $total < 4
    """, message="{r.label}={total}") + rule("""
        for_each:
          r: rows(applications)
          c: columns(applications)
        when: $c.id == "natural"
        expect: applications[$r, $c] < 3
    """, message="{r.id}/{c.label}", rule_id="META-902").removeprefix("rules:\n") + rule("""
        expect: count(rows(applications)) == 4 and count(columns(applications)) == 7
    """, rule_id="META-903").removeprefix("rules:\n"))
    found = check_text(REPORT, rules=rules).violations
    assert [(v.rule, v.span.line, v.message()) for v in found] == [
        ("META-901", 6, "一、本年新收政府信息公开申请数量=4"), ("META-902", 6, "new/自然人"),
        ("META-901", 8, "（七）总计=4"), ("META-902", 8, "results_total/自然人")]
    no_table = "某县某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息120条。\n"
    assert [v.rule for v in check_text(no_table, rules=rules).violations] == ["META-903"]


def test_a_first_test_of_when_asked_once_for_the_inner_loop_finds_the_same(tmp_path):
    """A rule's generated function asks the first test of `when` once for the whole
    innermost loop when that test reads none of the loop's variables and no cell (and the
    rule has no let): the same findings and the same errors as asking it per binding."""
    from nianbao.engine import Expect, _generate, _outer_test
    from nianbao.expr import Env
    from nianbao.parse import parse
    from nianbao.text import LineIndex

    checks = {
        "META-901": ("$s.number >= 3 and $o > 1", "{s.title}/{o}"),
        "META-902": ("$s.number == \"x\" and $o > 1", "{o}"),   # an error, raised either way
        "META-903": ("$o > 1 and $s.number >= 3", "{o}"),         # reads the inner variable: asked per binding
    }
    rules = only(tmp_path, "rules:\n" + "".join(rule(f"""
        for_each:
          s: sections
          o: [1, 2, 3]
        when: {when}
        expect: false
    """, message=message, rule_id=rule_id).removeprefix("rules:\n") for rule_id, (when, message) in checks.items()))
    report = parse(read_source(sorted((ROOT / "samples" / "synthetic").glob("*.txt"))[0]), rules.templates)
    outcomes = {}
    for r in rules.rules:
        assert isinstance(r.check, Expect)
        runs = []
        for run in (_generate(r.check, set()), r.check._interpreted):
            env = Env(report, rules.templates, LineIndex(report.text), "2021")
            env.vars = {}
            try:
                runs.append([(f.vars["o"], f.span) for f in run(env)])
            except Exception as e:
                runs.append(str(e))
        assert runs[0] == runs[1], r.id
        outcomes[r.id] = runs[0]
    assert [o for o, _ in outcomes["META-901"]] == [2, 3, 2, 3, 2, 3, 2, 3]
    assert outcomes["META-902"].startswith("cannot compare")
    assert outcomes["META-903"] == outcomes["META-901"]
    assert _outer_test(rules.rules[0].check) is not None and _outer_test(rules.rules[2].check) is None


def test_generated_not_equality_and_attributes_find_what_the_closures_find(tmp_path):
    """The generated function answers `not`, `==`, `!=` and an attribute inline in the
    common cases (truth already known, two numbers or two strings, a getter of the
    value's type) and calls not, compare and get_attr otherwise: the same findings, and
    the same errors, as the closures, on numbers, strings, cells, unknown and null."""
    from nianbao.engine import _generate
    from nianbao.expr import Env
    from nianbao.parse import parse
    from nianbao.text import LineIndex

    expects = ["not ($s.number == 3)", "$s.title != \"总体情况\"", "not $s.title_match", "$s.number != $s.canonical",
               "not (applications[new, total] == 0)", "applications[withheld.state_secret, total] == 0",
               "$s.number == \"3\"", "not (null == $s.number)", "year != 2022", "$s.nothing == 1",
               "not ($s.title == applications[new, total])", "not [1]", "not (\"总体\" in $s.title)"]
    rules = only(tmp_path, "rules:\n" + "".join(rule(f"""
        for_each:
          s: sections
        expect: '{expect}'
    """, rule_id=f"META-9{i:02}").removeprefix("rules:\n") for i, expect in enumerate(expects)))
    assert not rules.errors and len(rules.rules) == len(expects)
    report = parse(read_source(ROOT / "samples" / "synthetic" / "2021_tsv_clean.txt"), rules.templates)
    outcomes = []
    for r in rules.rules:
        runs = []
        for run in (_generate(r.check, set()), r.check._interpreted):
            env = Env(report, rules.templates, LineIndex(report.text), "2021")
            env.vars = {}
            try:
                runs.append([(f.vars["s"].number, f.span) for f in run(env)])
            except Exception as e:
                runs.append(str(e))
        assert runs[0] == runs[1], r.id
        outcomes.append(runs[0])
    assert outcomes[0] and outcomes[1] and outcomes[4] == []  # (some bindings fail, some pass)
    assert "cannot compare" in outcomes[6] and "has no attribute" in outcomes[9]


def test_unknown_cells_report_nothing(tmp_path):
    rules = only(tmp_path, rule("expect: applications[withheld.state_secret, total] == 99"))
    assert check_text(REPORT, rules=rules).violations == []  # the row is not in the report


def test_require_sections_locates_the_missing_section_where_it_belongs(tmp_path):
    rules = only(tmp_path, rule("require_sections: [1, 2, 3, 4, 5, 6]", message="缺少{title}"))
    found = check_text(REPORT, rules=rules).violations
    assert [(v.span.line, v.message()) for v in found] == [
        (10, "缺少政府信息公开行政复议、行政诉讼情况"), (11, "缺少其他需要报告的事项")]


def test_require_patterns_all_and_any(tmp_path):
    rules = only(tmp_path, rule("""
        require_patterns:
          scope: section(5)
          all: {问题: "问题|不足", 改进: "改进|下一步"}
    """, message="缺少：{missing}"))
    [v] = check_text(REPORT, rules=rules).violations
    assert (v.span.line, v.message()) == (10, "缺少：改进")


def test_forbid_patterns_one_violation_per_match(tmp_path):
    rules = only(tmp_path, rule("""
        forbid_patterns:
          scope: narrative
          patterns: ["\\\\d+条"]
    """, message="“{match}”"))
    [v] = check_text(REPORT, rules=rules).violations
    assert (v.span.line, v.span.column, v.span.end_column, v.message()) == (3, 12, 16, "“120条”")


def test_cap_counts_per_place_or_over_the_whole_report(tmp_path):
    """`cap` counts a rule's findings in each table or section (the introduction stands
    apart); with `cap_scope: report`, over the whole report: the rest folded into the first."""
    check = """
        forbid_patterns:
          scope: "[narrative, headings]"
          patterns: ["\\\\d+条|情况"]
    """
    text = "某县某局2022年政府信息公开工作年度报告\n现将2022年情况报告如下。\n一、总体情况\n本年度主动公开政府信息120条。\n"
    per_place = check_text(text, rules=only(tmp_path, rule(check, message="“{match}”", extra="    cap: 1\n"))).violations
    assert [v.span.line for v in per_place] == [2, 3]
    whole = check_text(text, rules=only(tmp_path, rule(check, message="“{match}”",
                                                        extra="    cap: 1\n    cap_scope: report\n"))).violations
    assert [(v.span.line, v.message()) for v in whole] == [(2, "“情况”（另有2处同类问题，在第3、4行）")]


def test_match_template_missing_rows(tmp_path):
    rules = only(tmp_path, rule("""
        match_template:
          table: applications
          find: missing_rows
    """, message="{label}", extra="    cap: 50\n"))
    found = check_text(REPORT, rules=rules).violations
    assert len(found) == 21 and found[0].message() == "（一）予以公开"


def test_quantities_compare_across_units(tmp_path):
    rules = only(tmp_path, rule("expect: 1200元 == 0.12万元 and qty(\"1,200元\") == 1200元"))
    assert check_text(REPORT, rules=rules).violations == []
    rules = only(tmp_path, rule("expect: 1200元 == 0.2万元"))
    assert len(check_text(REPORT, rules=rules).violations) == 1


def test_a_match_compares_as_its_text(tmp_path):
    """`==` and `!=` compare a match found in the text with a string, or with another
    match, by its text (they had compared the match object itself: never equal to a
    string, and a rule saying `$m.named == issuer.name` silently never held)."""
    found = 'first(find(narrative, "存在的问题"))'
    other = 'first(find(narrative, "存在的问题(?=是)"))'
    expect = (f"let:\n  m: {found}\n  o: {other}\n"
              'expect: $m == "存在的问题" and "存在的问题" == $m and $m != "问题" and $m == $o and $m.text == "存在的问题"')
    result = check_text(REPORT, rules=only(tmp_path, rule(expect)))
    assert (result.error, result.rule_errors, result.violations) == (None, [], [])
    body = rule(f'let:\n  m: {found}\nexpect: $m != "存在的问题"')
    assert len(check_text(REPORT, rules=only(tmp_path, body)).violations) == 1


def test_running_sums_and_the_largest_of_numbers_found_in_the_text(tmp_path):
    """running_sums(list) gives the totals of the first one, two, … items; max, like sum,
    reads the numbers a find() matched (it had compared the matches themselves: an internal
    error)."""
    found = 'find(narrative, "(?P<v>\\d+)条")'
    for expect in (f"let:\n  n: {found}\nexpect: running_sums($n.v) == [120] and max($n.v) == 120 and sum($n.v) == 120",
                   "expect: running_sums([1, 2, 3]) == [1, 3, 6] and 3 in running_sums([1, 2, 3])"):
        result = check_text(REPORT, rules=only(tmp_path, rule(expect)))
        assert (result.error, result.rule_errors, result.violations) == (None, [], [])
    body = rule("expect: 4 in running_sums([1, 2, 3])")
    assert len(check_text(REPORT, rules=only(tmp_path, body)).violations) == 1


def test_applies_by_regime_and_issuer(tmp_path):
    body = rule("expect: false", extra="    applies: {regimes: [pre2019]}\n")
    assert check_text(REPORT, rules=only(tmp_path, body)).violations == []
    body = rule("expect: false", extra="    applies: {issuers: [department]}\n")
    assert len(check_text(REPORT, rules=only(tmp_path, body)).violations) == 1


def test_params_are_variables(tmp_path):
    body = rule("expect: year <= $latest", extra="    params: {latest: 2021}\n", message="{year}>{latest}")
    [v] = check_text(REPORT, rules=only(tmp_path, body)).violations
    assert v.message() == "2022>2021"


def test_examples_are_run_by_rules_test(tmp_path):
    body = rule("expect: false", extra="""\
    examples:
      pass:
        - text: "某县2022年政府信息公开工作年度报告"
      fail:
        - text: "某县2022年政府信息公开工作年度报告"
          count: 2
""")
    rules = only(tmp_path, body)
    results = run_examples(rules.rules[0], rules)
    assert [r.passed for r in results] == [False, False]
    assert "expected 2 violation(s), got 1" in results[1].detail


# --------------------------------------------------------------- rule file errors

ERROR_CASES = {
    "yaml_syntax": ("rules:\n  - id: [unclosed\n", 3, "YAML syntax error"),
    "not_a_rule_file": ("- a\n- b\n", 1, "a rule file must be a mapping with the key `rules:`"),
    "unknown_shared_pattern": ("patterns: {year_word: '年度?'}\n" + rule('expect: matches(text, "{{year_wrd}}")'), 9,
                               "no pattern `year_wrd` in the file's `patterns:` (did you mean `year_word`?)"),
    "unused_shared_pattern": ("patterns:\n  unused: '年度?'\n" + rule("expect: true"), 2,
                              "patterns.unused: no rule in this file uses it"),
    "bad_shared_pattern": ("patterns:\n  broken: '(年'\n" + rule("expect: true"), 2,
                           "patterns.broken: bad regular expression '(年'"),
    "quoted_shared_pattern": ("patterns:\n  quoted: '\"年\"'\n" + rule("expect: true"), 2,
                              "patterns.quoted: may hold no quote"),
    "unknown_key": (rule("expect: true").replace("    cite: 测试\n", "    cite: 测试\n    severty: error\n"), 7,
                    "unknown key `severty` (did you mean `severity`?)"),
    "missing_key": (rule("expect: true").replace("    cite: 测试\n", ""), 2, "missing required key `cite`"),
    "wrong_type": (rule("expect: true").replace("title: 测试规则", "title: [a, b]"), 3, "`title` must be text"),
    "bad_id": (rule("expect: true", rule_id="META-1"), 2, "id must be a family prefix and three digits"),
    "unknown_family": (rule("expect: true", rule_id="FOO-001"), 2, "unknown family 'FOO'"),
    "bad_severity": (rule("expect: true", severity="fatal"), 5, "severity must be one of error, warning, info"),
    "unknown_regime": (rule("expect: true", extra="    applies: {regimes: [2030]}\n"), 7, "unknown regime 2030"),
    "unknown_issuer": (rule("expect: true", extra="    applies: {issuers: [village]}\n"), 7, "unknown issuer 'village'"),
    "bad_regex": (rule('expect: matches(text, "(unclosed")'), 8, "bad regular expression '(unclosed'"),
    "syntax": (rule("expect: 1 +* 2"), 8, "syntax error at column 4; expected"),
    "unknown_function": (rule("expect: frobnicate(1)"), 8, "unknown function frobnicate()"),
    "unknown_variable": (rule("expect: $nope > 1"), 8, "unknown variable $nope"),
    "unknown_name": (rule("expect: nope > 1"), 8, "unknown name 'nope'"),
    "unknown_row": (rule("expect: applications[news, total] > 1"), 8, "table `applications` has no row `news` (did you mean `new`?)"),
    "unknown_column": (rule("expect: applications[new, totl] > 1"), 8, "table `applications` has no column `totl` (did you mean `total`?)"),
    "arity": (rule("expect: date(2022, 1)"), 8, "date() takes 3 argument(s), got 2"),
    "unknown_unit": (rule("expect: 12美元 > 1元"), 8, "unknown unit '美元'"),
    "placeholder": (rule("expect: true", message="{nothing}"), 10, "unknown placeholder {nothing}"),
    "two_kinds": (rule("expect: true\nrequire_sections: [1]"), 8, "`check` needs exactly one of"),
    "message_lang": (rule("expect: true").replace('      en: "问题 / problem"\n', ""), 10, "`message` must have exactly `zh` and `en`"),
    "message_case_keys": (rule("expect: true") + "      cases:\n        - when: true\n          zh: 一\n", 13,
                          "message.cases[0] must have exactly `when`, `zh` and `en`"),
    "message_case_when": (rule("expect: true") + "      cases:\n        - {when: $nope > 1, zh: 一, en: one}\n", 13,
                          "message.cases[0].when: unknown variable $nope"),
    "message_case_placeholder": (rule("expect: true") + "      cases:\n        - {when: true, zh: \"{nothing}\", en: one}\n",
                                 13, "message.cases[0].zh: unknown placeholder {nothing}"),
    "duplicate_key": (rule("expect: true").replace("    cite: 测试\n", "    cite: 测试\n    cite: 二\n"), 7, "duplicate key 'cite' (first at line 6)"),
    "alias": ("rules:\n  - &a {id: META-001}\n  - *a\n", 3, "YAML aliases (*name) are not allowed"),
    "python_tag": ("rules:\n  - !!python/object/apply:os.system ['echo hacked']\n", 2, "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    "deep": (rule("expect: " + "(" * 60 + "1" + ")" * 60), 8, "expression nested too deeply (60 levels, at most 48)"),
    "example_file": (rule("expect: true", extra="    examples:\n      pass:\n        - file: nowhere.txt\n"), 9, "example file not found: nowhere.txt"),
    "bad_param": (rule("expect: true", extra="    params: {x: {a: 1}}\n"), 7, "parameter `x` must be a number"),
    "cap_scope": (rule("expect: true", extra="    cap_scope: table\n"), 7, "`cap_scope` must be one of place, report"),
}


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_each_way_a_rule_file_can_be_wrong(tmp_path, case):
    body, line, message = ERROR_CASES[case]
    folder = rule_dir(tmp_path, body, "broken.yaml")
    rules = load_rules([folder], include_bundled=False)
    assert rules.errors, "no error reported"
    error = rules.errors[0]
    assert error.file == str(folder / "broken.yaml")
    assert error.line == line, str(error)
    assert message in error.message, str(error)
    assert str(error).startswith(f"{folder / 'broken.yaml'}:{line}:")


def test_shared_patterns_are_written_out_where_named(tmp_path):
    """A file's `patterns:` are pieces its rules' checks name as {{name}}: the piece is
    written out there (in an expression's string and in require_patterns alike), and
    `rules show` gives the pieces under the rule as written."""
    body = "patterns:\n  new_count: '新收[^，。]{0,8}?申请'\n" + rule("""\
        require_patterns:
          scope: section(1)
          all: ['{{new_count}}']""") + rule('expect: not matches(section(1), "本年度{{ new_count }}")',
                                           rule_id="META-902").replace("rules:\n", "")
    folder = rule_dir(tmp_path, body)
    rules = load_rules([folder], include_bundled=False)
    assert rules.errors == []
    found = check_text(REPORT, rules=rules).violations
    assert [v.rule for v in found] == ["META-901"]  # (section 一 names no new applications)
    found = check_text(REPORT.replace("本年度主动公开", "本年度新收政府信息公开申请3件，主动公开"), rules=rules).violations
    assert [v.rule for v in found] == ["META-902"]
    shown = run_cli("rules", "show", "META-902", "--rules", str(folder))
    assert shown.stdout.decode().endswith("# {{new_count}} (patterns: in this file): 新收[^，。]{0,8}?申请\n")


def test_all_errors_are_reported_and_other_files_still_load(tmp_path):
    folder = rule_dir(tmp_path, rule("expect: nope", rule_id="META-901"), "a_broken.yaml")
    rule_dir(tmp_path, rule("expect: true", severity="fatal", rule_id="META-902")
             + rule("expect: true", rule_id="META-903").replace("rules:\n", ""), "b_mixed.yaml")
    rule_dir(tmp_path, rule("expect: true", rule_id="META-904"), "c_good.yaml")
    rules = load_rules([folder], include_bundled=False)
    assert [e.file.rsplit("/", 1)[1] for e in rules.errors] == ["a_broken.yaml", "b_mixed.yaml"]
    assert [r.id for r in rules.rules] == ["META-903", "META-904"]


def test_duplicate_ids_in_one_folder(tmp_path):
    folder = rule_dir(tmp_path, rule("expect: true"), "a.yaml")
    rule_dir(tmp_path, rule("expect: true"), "b.yaml")
    rules = load_rules([folder], include_bundled=False)
    assert len(rules.rules) == 1
    [error] = rules.errors
    assert (error.file.endswith("b.yaml"), error.line) == (True, 2)
    assert "duplicate rule id META-901 (also at" in error.message


# ------------------------------------------------------------------- hostile files

def test_catastrophic_regex_is_stopped_with_a_clear_error(tmp_path):
    """Without the limit the search would run for ages; the error says it was stopped
    (no bound on the wall clock here: a loaded machine must not fail it)."""
    rules = only(tmp_path, rule('expect: not matches(text, "(a|aa)+$")'))
    result = check_text("某县2022年政府信息公开工作年度报告\n" + "a" * 60 + "!\n", rules=rules)
    [error] = result.rule_errors
    assert error.rule == "META-901" and "took too long" in error.message
    assert result.violations == []


def test_catastrophic_regex_in_require_patterns_is_stopped_too(tmp_path):
    """require_patterns searches paragraph by paragraph (expr.limited_search), matches()
    all at once (expr.limited_finditer): both under the time limit."""
    rules = only(tmp_path, rule('require_patterns:\n  scope: text\n  all: ["(a|aa)+$"]'))
    result = check_text("某县2022年政府信息公开工作年度报告\n" + "a" * 60 + "!\n", rules=rules)
    [error] = result.rule_errors
    assert error.rule == "META-901" and "took too long" in error.message
    assert result.violations == []


def test_a_huge_rule_file_is_rejected(tmp_path):
    folder = rule_dir(tmp_path, "rules:\n" + "  # padding\n" * 120_000)
    [error] = load_rules([folder], include_bundled=False).errors
    assert "file too large for a rule file" in error.message


def test_yaml_that_would_run_code_is_refused_before_anything_runs(tmp_path):
    marker = tmp_path / "pwned"
    folder = rule_dir(tmp_path, f"rules:\n  - !!python/object/apply:os.system ['touch {marker}']\n")
    assert load_rules([folder], include_bundled=False).errors
    assert not marker.exists()


def test_expressions_cannot_reach_python(tmp_path):
    for source in ("__import__", "x.__class__", "exec(1)", "open('f')"):
        rules = only(tmp_path, rule(f"expect: {source}"))
        assert rules.errors, source


def test_too_many_combinations_is_an_error_not_a_hang(tmp_path):
    numbers = "[" + ",".join(["1"] * 200) + "]"
    rules = only(tmp_path, rule(f"for_each:\n  a: {numbers}\n  b: {numbers}\nexpect: true"))
    [error] = check_text(REPORT, rules=rules).rule_errors
    assert "more than 10000 combinations" in error.message


# --------------------------------------------------------------------------- CLI

def test_a_rule_dropped_into_a_folder_runs_through_the_cli(tmp_path):
    folder = rule_dir(tmp_path, rule('require_patterns:\n  scope: text\n  all: ["考核"]',
                                     message="本地规则：未写考核", rule_id="SEC-901"))
    result = run_cli("check", "--rules", str(folder), "--select", "SEC-901", str(SEEDS["001"]))
    assert result.returncode == 1
    assert f"{SEEDS['001'].relative_to(SEEDS['001'].parents[2])}:1:1: SEC-901 warning 本地规则：未写考核" in \
        result.stdout.decode()


def test_a_rule_in_a_folder_replaces_the_bundled_rule_with_its_id(tmp_path):
    folder = rule_dir(tmp_path, rule("expect: false", message="替换后的规则", rule_id="SUM-001"))
    result = run_cli("rules", "show", "SUM-001", "--rules", str(folder))
    assert "替换后的规则" in result.stdout.decode()
    assert result.returncode == 0


def test_rules_lint_reports_every_error_and_exits_1(tmp_path):
    folder = rule_dir(tmp_path, rule("expect: nope") + rule("expect: $x", rule_id="META-902").replace("rules:\n", ""))
    result = run_cli("rules", "lint", str(folder))
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 1
    assert any(":8:" in line and "unknown name 'nope'" in line for line in lines)
    assert any("unknown variable $x" in line for line in lines)


def test_rules_test_fails_on_a_failing_example(tmp_path):
    folder = rule_dir(tmp_path, rule("expect: true", extra="""\
    examples:
      fail:
        - text: "某县2022年政府信息公开工作年度报告"
""", rule_id="META-901"))
    result = run_cli("rules", "test", "--rules", str(folder), "META-901")
    assert result.returncode == 1
    assert "✗ META-901 (fail example)" in result.stdout.decode()


def test_select_and_ignore_by_prefix():
    rules = load_rules()
    assert {r.family for r in rules.selected(["SUM"])} == {"SUM"}
    assert not any(r.id == "SUM-001" for r in rules.selected(["SUM"], ["SUM-001"]))


# ------------------------------------------------------------- the paragraph prefilter

def test_what_a_pattern_requires_is_read_through_regex_module_syntax():
    # a name given twice, a lookbehind of any width, a backreference: re cannot read
    # these, so before, such a pattern was searched through every paragraph
    clause = r"(?:^|(?<=[，。]))(?<!除[^。]*)(?P<n>\d+)件收到|(?P<n>[一二]+)个收到"
    assert required_literals(clause) == (frozenset({"件收到", "个收到"}),)
    assert required_literals(r"x(?P<a>q)y(?P=a)yz") == (frozenset({"xqy"}), frozenset({"yz"}))
    assert required_literals(r"(?<=申请)\d+件(?<!\d{3}件)答复") == (frozenset({"件答复"}),)
    assert required_literals(r"\d+\s*[余多]\s*件|约\d+件") == (frozenset({"余", "多", "约"}),)
    # a branch-reset group (?|…) matches what (?:…) does: CONTACT-003's e-mail pattern
    assert required_literals(r"(?|邮箱[:：](?P<v>\w+)|(?P<v>\w+[@＠]\w+))") == (frozenset({"邮箱", "@", "＠"}),)
    # what cannot be followed exactly gives no requirement, never a wrong one
    assert required_literals(r"[[a-z]--[aeiou]]收到") == ()
    # a verbose pattern's comments are left out (their brackets no syntax), a conditional group is a choice
    assert required_literals("(?x) (?P<a>收到) # a comment (with a bracket\n |(?P<a>申请)") == (frozenset({"收到", "申请"}),)
    assert required_literals(r"(?P<u>截至)?(?P<y>\d{4})年(?(u)底|度)收到") == (frozenset({"年"}), frozenset({"收到"}))


def test_the_prefilter_keeps_every_paragraph_a_bundled_pattern_matches(monkeypatch):
    """Soundness: a paragraph is skipped only when no match could be in it."""
    import regex

    bundled, seen = bundled_patterns(monkeypatch)
    texts = [read_source(p).text for p in sorted((ROOT / "samples").rglob("*.txt"))]
    texts += [e.text for r in bundled.rules for e in r.examples if e.text]
    paragraphs = {line for text in texts for line in text.split("\n") if line.strip()}
    checked = 0
    for pattern in sorted(seen):
        needed = required_literals(pattern)
        if not needed:
            continue
        compiled = regex.compile(pattern, regex.V1 | regex.MULTILINE)
        for paragraph in paragraphs:
            if compiled.search(paragraph):
                checked += 1
                assert all(any(word in paragraph for word in words) for words in needed), (pattern, paragraph)
                assert all(holds in paragraph if isinstance(holds, str) else holds_any(holds, paragraph)
                           for holds in prefilter(pattern)), (pattern, paragraph)
    assert len(seen) > 50 and checked > 100


def test_a_pattern_of_words_alone_is_answered_without_a_search(tmp_path, monkeypatch):
    """matches() and require_patterns answer a pattern that is only words between | with
    `in`, and find what a search finds."""
    import regex

    from nianbao import expr

    assert literal_words("复议|诉讼") == {"复议", "诉讼"}
    assert all(literal_words(p) is None for p in ("收取[^。；]{0,10}费", "a.b", "(?i)ab", "a b", r"\d"))
    bundled = sorted(p for p in bundled_patterns(monkeypatch)[1] if literal_words(p) is not None)
    assert len(bundled) > 15  # (enough to try the shortcut on)
    texts = [read_source(p).text for p in sorted((ROOT / "samples").rglob("*.txt"))]
    paragraphs = {line for text in texts for line in text.split("\n") if line.strip()}
    for pattern in ["考核", "追究|问责|追责", "其中|季度|半年|各部门|各单位|所属|下属|如|若", *bundled]:
        compiled = regex.compile(pattern, regex.V1 | regex.MULTILINE)
        for paragraph in paragraphs:
            assert any(w in paragraph for w in literal_words(pattern)) == bool(compiled.search(paragraph))

    searched = []
    real = expr._matches
    monkeypatch.setattr(expr, "_matches", lambda env, scope, pattern, first: searched.append(pattern.pattern)
                        or real(env, scope, pattern, first))
    rules = only(tmp_path, rule("""
        expect: not matches(narrative, "主动公开|依申请")
    """) + rule("""
        expect: matches(narrative, "依申请|申请人")
    """, rule_id="META-902").removeprefix("rules:\n") + rule("""
        require_patterns:
          scope: section(5)
          all: {问题: "问题|不足", 改进: "改进|下一步"}
    """, message="缺少：{missing}", rule_id="META-903").removeprefix("rules:\n"))
    found = check_text(REPORT, rules=rules).violations
    assert sorted((v.rule, v.span.line, v.message()) for v in found) == [
        ("META-901", 1, "问题 / problem"), ("META-902", 1, "问题 / problem"), ("META-903", 10, "缺少：改进")]
    assert searched == []


def test_a_pattern_searched_once_per_report_for_all_rules_that_ask(tmp_path, monkeypatch):
    from nianbao import expr

    searched = []
    real = expr._matches
    monkeypatch.setattr(expr, "_matches", lambda env, scope, pattern, first: searched.append(first)
                        or real(env, scope, pattern, first))
    rules = only(tmp_path, rule("""
        for_each:
          m: find(narrative, "\\d+条")
        expect: false
    """, message="“{m}”") + rule("""
        forbid_patterns:
          scope: narrative
          patterns: ["\\\\d+条"]
    """, message="“{match}”", rule_id="META-902").removeprefix("rules:\n") + rule("""
        expect: not matches(narrative, "\\d+条")
    """, rule_id="META-903").removeprefix("rules:\n") + rule("""
        expect: not matches(narrative, "\\d+条")
    """, rule_id="META-904").removeprefix("rules:\n"))
    found = check_text(REPORT, rules=rules).violations
    assert sorted((v.rule, v.span.line, v.span.column, v.message()) for v in found) == [
        ("META-901", 3, 12, "“120条”"), ("META-902", 3, 12, "“120条”"),
        ("META-903", 1, 1, "问题 / problem"), ("META-904", 1, 1, "问题 / problem")]
    assert searched == [False, True]  # every match once, whether there is one once


def test_cells_made_as_they_are_read_or_all_at_once_give_the_same_findings(tmp_path, monkeypatch):
    """Where no rule gives every cell of a table (cells()), a table's cells are made one
    by one as rules read them (the rules about other reports read a few); where one
    does, all at once. The rules find the same either way."""
    from nianbao import expr
    from nianbao.api import check

    made_one_by_one = []
    real = expr._read_cell
    monkeypatch.setattr(expr, "_read_cell", lambda *a: made_one_by_one.append(a) or real(*a))

    bundled = load_rules()
    sums = [r for r in bundled.rules if r.id.startswith("SUM")]
    assert sums and not any("cells" in r.reads for r in sums)
    with_cells = load_rules([rule_dir(tmp_path, rule("expect: count(cells(applications)) >= 0"))])

    def found(result):
        return [(v.rule, v.span, v.related, v.message("zh"), v.message("en")) for v in result.violations]

    seen = 0
    for path in sorted((ROOT / "samples").glob("*/*.txt")):
        one_by_one = check(path, bundled, select=["SUM"])
        assert made_one_by_one, path.name
        made_one_by_one.clear()
        all_at_once = check(path, with_cells, select=["SUM", "META-901"])
        assert not made_one_by_one
        assert found(one_by_one) == found(all_at_once), path.name
        seen += len(one_by_one.violations)
    assert seen


@pytest.mark.parametrize("name", ["synthetic/2021_cells_clean_gbk.txt", "synthetic/2021_tsv_noisy.txt",
                                  "synthetic/2019_cells_clean.txt"])
def test_a_checked_report_is_freed_as_soon_as_it_is_let_go(name):
    """Nothing of a report is held in a reference cycle (an error kept with its
    traceback, a closure calling itself): a batch of thousands would keep each report
    until the collector, set to run rarely there, came by."""
    import gc

    from nianbao.api import check
    from nianbao.model import Report

    rules = load_rules()
    path = str(ROOT / "samples" / name)
    check(path, rules)  # (caches filled)
    gc.collect()
    gc.disable()
    try:
        gc.set_debug(gc.DEBUG_SAVEALL)
        assert check(path, rules).report is not None
        gc.collect()
        kept = [type(o).__name__ for o in gc.garbage if type(o).__module__.startswith("nianbao") or isinstance(o, Report)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert kept == []
