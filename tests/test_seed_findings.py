"""What the bundled rules find in each seed: a reviewed snapshot per seed, the TABLE and
SUM findings a reading of each seed against the format notices found (国办公开办函
〔2021〕30号 for 2021 on, 〔2019〕60号 for 2019–2020, 国办发〔2014〕32号's statistics
table before), and none of what checks out; and the same findings, rule for rule,
whatever format a report comes in."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REAL, SAMPLES, SEEDS, SYNTHETIC

from nianbao.api import check


def findings(path, rules) -> list[tuple[str, str, int]]:
    result = check(path, rules)
    assert result.error is None and not result.rule_errors, (result.error, result.rule_errors)
    return [(v.rule, v.severity, v.span.line) for v in result.violations]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_findings_of_each_seed(seed, rules, snapshot):
    result = check(SEEDS[seed], rules)
    lines = [f"{v.span.line}:{v.span.column} {v.rule} {v.severity} {v.message()}" for v in result.violations]
    snapshot.snapshot_dir = Path(__file__).parent / "snapshots" / "seed_findings"
    snapshot.assert_match("\n".join(lines) + "\n", f"{seed}.txt")


def test_001_leading_zero_is_the_only_table_finding(rules):
    found = [f for f in findings(SEEDS["001"], rules) if f[0].startswith(("TABLE", "SUM"))]
    assert found == [("TABLE-010", "error", 33)]


def test_002_uses_the_2019_format_in_a_2022_report(rules):
    found = [f for f in findings(SEEDS["002"], rules) if f[0].startswith(("TABLE", "SUM"))]
    # section 三's table differs only by its single （六）其他处理 row: the finding is at that row
    assert found == [("TABLE-001", "error", 14), ("TABLE-001", "error", 321)]
    messages = [v.message() for v in check(SEEDS["002"], rules).violations if v.rule == "TABLE-001"]
    assert "第二十条第（九）项" in messages[0] or "本年新制作数量" in messages[0]
    assert "（六）其他处理" in messages[1]


def test_004_incomplete_tables_are_reported_not_invented(rules):
    found = Counter(f[0] for f in findings(SEEDS["004"], rules) if f[0].startswith(("TABLE", "SUM")))
    assert found == {"TABLE-003": 3, "TABLE-004": 3, "TABLE-006": 1, "TABLE-007": 1}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_the_seed_tables_add_up(seed, rules):
    """The arithmetic relations of the format notices' tables (国办公开办函〔2021〕30号
    附件表三's 勾稽关系 and the like) hold in every seed (all zero tables); 003's statistics
    table totals hold (SUM-017 is the blank cell below, not a sum)."""
    assert not [f for f in findings(SEEDS[seed], rules) if f[0].startswith("SUM") and f[0] != "SUM-017"]


def test_003_blank_normative_documents_issued(rules):
    """003: 制发规范性文件总数 is blank while 主动公开规范性文件数 is 6 (国办发〔2014〕32号
    统计表: the normative documents published are among those issued; a warning). The
    blank cell is the table's one blank, and the warning names it: one finding, not a
    second note about the blank cell."""
    found = [f for f in findings(SEEDS["003"], rules) if f[0] in ("TABLE-013", "SUM-017")]
    assert sorted(found) == [("SUM-017", "warning", 90)]


@pytest.mark.parametrize("path", sorted(SYNTHETIC.glob("*.txt")), ids=lambda p: p.name)
def test_clean_synthetic_reports_have_no_error_or_warning(path, rules):
    assert [f for f in findings(path, rules) if f[1] != "info"] == []


OTHER_FORMATS = [(txt, other) for txt in sorted(REAL.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt"))
                 for folder, suffix in (("docx", ".docx"), ("html", ".html"))
                 if (other := SAMPLES / folder / (txt.stem + suffix)).exists()]


# Rules that find something in every report, and say in their messages what they read:
# every cell of every table (its row, column, text and value), every section, every
# contact and date, and the prose's figures. Most samples are clean (no finding of the
# bundled rules): compared through these, two formats of one report must read the same.
PROBES = r"""
rules:
  - id: TABLE-991
    title: 探针：每个单元格
    title_en: "Probe: every cell"
    severity: info
    cite: 测试用规则（tests/test_seed_findings.py）
    cap: 10000  # every finding, none folded: the probes are compared one by one
    check:
      for_each:
        t: tables
        c: cells($t)
      expect: false
      at: $c
    message:
      zh: "{t.title}|{c.label}|{c.column_label}|{c.raw}|{c.value}|{c.problem}"
      en: "{t.title}|{c.label}|{c.column_label}|{c.raw}|{c.value}|{c.problem}"
  - id: SEC-991
    title: 探针：每个部分
    title_en: "Probe: every section"
    severity: info
    cite: 测试用规则（tests/test_seed_findings.py）
    cap: 10000  # every finding, none folded: the probes are compared one by one
    check:
      for_each:
        s: sections
      expect: false
      at: $s
    message:
      zh: "{s.number}|{s.canonical}|{s.title}|{s.title_match}"
      en: "{s.number}|{s.canonical}|{s.title}|{s.title_match}"
  - id: META-991
    title: 探针：标题、年度、机关、联系方式、日期
    title_en: "Probe: title, year, body, contacts, dates"
    severity: info
    cite: 测试用规则（tests/test_seed_findings.py）
    cap: 10000  # every finding, none folded: the probes are compared one by one
    check:
      expect: false
    message:
      zh: "{title}|{year}|{issuer}|{contacts}|{dates}|{period}"
      en: "{title}|{year}|{issuer}|{contacts}|{dates}|{period}"
  - id: ZERO-991
    title: 探针：正文中的数
    title_en: "Probe: figures in the prose"
    severity: info
    cite: 测试用规则（tests/test_seed_findings.py）
    cap: 10000  # every finding, none folded: the probes are compared one by one
    check:
      forbid_patterns:
        scope: narrative
        patterns: ['\d+(?:\.\d+)?(?:条|件|个|次|人|万元|元)']
    message:
      zh: "{match}"
      en: "{match}"
"""


@pytest.fixture(scope="module")
def probed(rules, tmp_path_factory):
    from nianbao.rules import load_rules

    folder = tmp_path_factory.mktemp("probes")
    (folder / "probes.yaml").write_text(PROBES, encoding="utf-8")
    probes = load_rules([folder], include_bundled=False)
    assert not probes.errors, probes.errors
    return probes


_FOLDED_LINES = re.compile(r"，在第[\d、]+行")


@pytest.mark.parametrize("txt, other", OTHER_FORMATS, ids=lambda p: p.name)
def test_the_same_report_in_another_format_gives_the_same_findings(txt, other, rules, probed):
    def rule_for_rule(path, ruleset):
        # (a folded finding names the lines of the places it lists, which differ between formats)
        return sorted((v.rule, v.severity, _FOLDED_LINES.sub("", v.message())) for v in check(path, ruleset).violations)

    assert rule_for_rule(other, rules) == rule_for_rule(txt, rules)
    probes = rule_for_rule(txt, probed)
    assert rule_for_rule(other, probed) == probes
    assert {"SEC-991", "META-991"} <= {rule for rule, _, _ in probes}
    assert sum(rule == "TABLE-991" for rule, _, _ in probes) >= 20   # the tables, cell by cell
