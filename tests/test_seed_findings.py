"""What the bundled rules find in each seed: a reviewed snapshot per seed, the TABLE and
SUM findings REGULATION.md §5 lists (and none of what it says checks out), and the
same findings, rule for rule, whatever format a report comes in."""

from __future__ import annotations

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
    """REGULATION.md §5: ARI-001…004 hold in every seed (all zero tables); 003's
    statistics table totals hold (SUM-017 is the blank cell below, not a sum)."""
    assert not [f for f in findings(SEEDS[seed], rules) if f[0].startswith("SUM") and f[0] != "SUM-017"]


def test_003_blank_normative_documents_issued(rules):
    """003: 制发规范性文件总数 is blank while 主动公开规范性文件数 is 6 (OLD-002 of the 2014
    statistics table: a warning). The blank cell is the table's one blank, and the warning
    names it: one finding, not a second note about the blank cell (issue 15 §1)."""
    found = [f for f in findings(SEEDS["003"], rules) if f[0] in ("TABLE-013", "SUM-017")]
    assert sorted(found) == [("SUM-017", "warning", 90)]


@pytest.mark.parametrize("path", sorted(SYNTHETIC.glob("*.txt")), ids=lambda p: p.name)
def test_clean_synthetic_reports_have_no_error_or_warning(path, rules):
    assert [f for f in findings(path, rules) if f[1] != "info"] == []


OTHER_FORMATS = [(txt, other) for txt in sorted(REAL.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt"))
                 for folder, suffix in (("docx", ".docx"), ("html", ".html"))
                 if (other := SAMPLES / folder / (txt.stem + suffix)).exists()]


@pytest.mark.parametrize("txt, other", OTHER_FORMATS, ids=lambda p: p.name)
def test_the_same_report_in_another_format_gives_the_same_findings(txt, other, rules):
    def rule_for_rule(path):
        return sorted((v.rule, v.severity, v.message()) for v in check(path, rules).violations)

    assert rule_for_rule(other) == rule_for_rule(txt)
