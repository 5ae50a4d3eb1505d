"""Regression set of real published reports, read by hand (tests/regression/).

Each report in tests/regression/manifest.yaml carries the findings a careful reviewer wants
(`expect`, judged by the regulation, the format notices and practice, and mapped to nianbao
rule ids) and the traps: things that look wrong and are not. The checker, run through its
public API, must give exactly the expected errors and warnings, compared as sets of (rule,
line); info findings are free unless an expectation names one. A failure is a false finding
or a miss of the checker, not a reason to change the expectations.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from nianbao.api import check

REGRESSION = ROOT / "tests" / "regression"
MANIFEST = yaml.safe_load((REGRESSION / "manifest.yaml").read_text(encoding="utf-8"))["reports"]
ENTRIES = {entry["id"]: entry for entry in MANIFEST}
LOUD = ("error", "warning")


def _findings(entry, rules):
    result = check(ROOT / entry["path"], rules)
    assert result.error is None, result.error
    assert not result.rule_errors, result.rule_errors
    return result.violations


def _describe(pairs, violations):
    lines = []
    for rule, line in sorted(pairs):
        said = [v for v in violations if v.rule == rule and v.span.line == line]
        text = said[0].message() if said else ""
        lines.append(f"  {rule} line {line} {text}")
    return "\n".join(lines) or "  (none)"


@pytest.mark.parametrize("report_id", sorted(ENTRIES))
def test_expected_findings(report_id, rules):
    entry = ENTRIES[report_id]
    violations = _findings(entry, rules)
    expect = entry.get("expect") or []
    wanted = {(e["rule"], e["line"]) for e in expect if e["severity"] in LOUD}
    given = {(v.rule, v.span.line) for v in violations if v.severity in LOUD}
    extra, missing = given - wanted, wanted - given
    # info expectations, where listed, must be there (as info)
    infos = {(e["rule"], e["line"]) for e in expect if e["severity"] == "info"}
    given_info = {(v.rule, v.span.line) for v in violations if v.severity == "info"}
    missing_info = infos - given_info
    assert not (extra or missing or missing_info), (
        f"{report_id}: findings differ from the hand reading\n"
        f"false or unwanted findings:\n{_describe(extra, violations)}\n"
        f"missed findings:\n{_describe(missing | missing_info, violations)}"
    )


@pytest.mark.parametrize("report_id", sorted(ENTRIES))
def test_expected_severities(report_id, rules):
    """A finding at the expected rule and line has the expected severity."""
    entry = ENTRIES[report_id]
    violations = _findings(entry, rules)
    wrong = []
    for e in entry.get("expect") or []:
        at = [v for v in violations if v.rule == e["rule"] and v.span.line == e["line"]]
        if at and all(v.severity != e["severity"] for v in at):
            wrong.append(f"  {e['rule']} line {e['line']}: {at[0].severity}, expected {e['severity']}")
    assert not wrong, f"{report_id}: wrong severities\n" + "\n".join(wrong)


@pytest.mark.parametrize("report_id", sorted(ENTRIES))
def test_traps(report_id, rules):
    """The traps: a rule named there must not fire as an error or warning (at its line, if given)."""
    entry = ENTRIES[report_id]
    violations = _findings(entry, rules)
    sprung = []
    for trap in entry.get("traps") or []:
        for v in violations:
            if v.rule == trap["rule"] and v.severity in LOUD and trap.get("line") in (None, v.span.line):
                sprung.append(f"  {v.rule} {v.severity} line {v.span.line}: {v.message()}  [trap: {trap['why']}]")
    assert not sprung, f"{report_id}: traps sprung\n" + "\n".join(sprung)


def test_every_report_has_a_manifest_entry_with_a_source():
    listed = {Path(entry["path"]).resolve() for entry in MANIFEST}
    files = sorted((REGRESSION / "reports").glob("*.txt"))
    assert files
    unlisted = [f.name for f in files if f.resolve() not in listed]
    assert not unlisted, f"reports without a manifest entry: {unlisted}"
    for entry in MANIFEST:
        assert (ROOT / entry["path"]).is_file(), entry["id"]
        assert str(entry.get("source") or "").strip(), f"{entry['id']} has no source"
        for key in ("body", "level", "year", "layout", "reconstruction"):
            assert entry.get(key) not in (None, ""), f"{entry['id']} has no {key}"
        for e in entry.get("expect") or []:
            assert e["severity"] in ("error", "warning", "info"), (entry["id"], e)
            assert isinstance(e["line"], int) and e.get("why"), (entry["id"], e)
        for t in entry.get("traps") or []:
            assert t.get("rule") and t.get("why"), (entry["id"], t)


def test_manifest_ids_are_unique_and_rules_exist(rules):
    ids = [entry["id"] for entry in MANIFEST]
    assert len(ids) == len(set(ids))
    known = {r.id for r in rules.rules}
    for entry in MANIFEST:
        for item in (entry.get("expect") or []) + (entry.get("traps") or []):
            assert item["rule"] in known, (entry["id"], item["rule"])
