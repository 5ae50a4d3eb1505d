"""Shortcuts of the engine (speed, issue 18) answer as the straightforward way does: a
rule's `when` that no binding changes asked once before its bindings, and the blank
cells of a report looked for only when two louder findings name the same place."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

from conftest import ROOT
from reportgen import copied, report

from nianbao import engine
from nianbao.api import check_many
from nianbao.engine import _blank_cells, _without_restatements
from nianbao.ingest import read_source
from nianbao.model import Span, Violation
from nianbao.parse import parse
from nianbao.rules import SEVERITIES, load_rules

SAMPLES = sorted((ROOT / "samples" / "real").glob("*.txt"))[:12] + sorted((ROOT / "samples" / "synthetic").glob("*.txt"))
REGRESSION = sorted((ROOT / "tests" / "regression" / "reports").glob("*.txt"))

# rules whose `when` no binding changes, one reading a cell (asked with each binding:
# its cell is shown with the finding), one a parameter, one unknown on most reports
LOCAL_RULES = """
rules:
  - id: SUM-901
    title: 测试
    title_en: test
    severity: warning
    cite: 测试
    check:
      for_each: {c: columns(applications)}
      let: {new: "applications[new, $c]"}
      when: applications[new, total] > 0
      expect: $new < 2
      at: applications[new, $c]
    message: {zh: "{c.label} {new}", en: "{c.label} {new}"}
  - id: SUM-902
    title: 测试
    title_en: test
    severity: info
    cite: 测试
    params: {least: 2020}
    check:
      for_each: {r: rows(active)}
      when: year > $least and exists(active)
      expect: $r.id != "item1.regulations"
    message: {zh: "{r.label}", en: "{r.label}"}
  - id: META-903
    title: 测试
    title_en: test
    severity: warning
    cite: 测试
    check:
      let: {before: previous.year}
      when: previous.year < year - 1
      expect: false
    message: {zh: "{before}", en: "{before}"}
"""


def _reports(folder: Path) -> list[str]:
    """Generated reports of a few bodies over the years (carry-over that holds and that
    does not, a year missing, two reports of one year, a copy), and samples."""
    rng = random.Random(13)
    paths = []
    for b, body in enumerate(["桃源镇人民政府", "某县统计局", "河集乡"]):
        carried = 0
        for year in [2019, 2020, 2021, 2023, 2023]:
            out = rng.randint(0, 3)
            text = report(body, year, seed=rng.randint(0, 999), new=rng.randint(0, 5) + out,
                          carried_in=carried if rng.random() < 0.6 else rng.randint(0, 3), carried_out=out,
                          in_force=(rng.randint(0, 3), rng.randint(3, 9)), issued=(0, rng.randint(0, 2)))
            carried = out
            path = folder / f"{b}-{year}-{len(paths)}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
    copy = folder / "copy.txt"
    copy.write_text(copied(Path(paths[2]).read_text(encoding="utf-8"), 2021, 2022), encoding="utf-8")
    return paths + [str(copy)] + [str(p) for p in SAMPLES]


def _violations(rules, paths: list[str]) -> list[tuple]:
    return [(Path(r.path).name, v.rule, v.span, tuple(v.related), v.other, v.message("zh"), v.message("en"))
            for r in check_many(paths, rules) for v in r.violations]


def test_a_when_no_binding_changes_asked_once_finds_what_asked_with_every_binding(tmp_path, monkeypatch):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "local.yaml").write_text(textwrap.dedent(LOCAL_RULES), encoding="utf-8")
    paths = _reports(tmp_path)
    rules = load_rules([tmp_path / "rules"])
    guarded = {r.id for r in rules.rules if getattr(r.check, "guard", None) is not None}
    assert {"SUM-020", "SUM-021", "META-010", "SUM-902", "META-903"} <= guarded
    assert "SUM-901" not in guarded  # (its `when` reads a cell)
    monkeypatch.setattr(engine, "_binding_free", lambda when, bound: False)
    straightforward = load_rules([tmp_path / "rules"])
    assert not any(getattr(r.check, "guard", None) for r in straightforward.rules)
    for _ in range(2):  # (a rule runs interpreted first, then generated)
        found = _violations(rules, paths)
        assert found == _violations(straightforward, paths)
    seen = {v[1] for v in found}
    assert {"SUM-020", "SUM-021", "META-010", "SUM-901", "SUM-902", "META-903"} <= seen
    assert any(v[1] == "SUM-901" and len(v[3]) > 1 for v in found)  # the cell `when` read, shown


def _restatements_kept(violations: list[Violation], blanks: set[int]) -> list[Violation]:
    """_without_restatements as it was, given every blank cell of the report."""
    loud = [v for v in violations if v.severity != "info"]
    named = {s.start for v in loud for s in (v.span, *v.related)}
    out, said = [], {}
    for v in violations:
        places = {s.start for s in (v.span, *v.related)}
        if v.severity == "info" and v.related and places <= named:
            continue
        rank = SEVERITIES.index(v.severity)
        resting = places & blanks
        if v.severity != "info" and any(said.get(b, 99) <= rank for b in resting):
            continue
        for b in resting:
            said[b] = min(said.get(b, 99), rank)
        out.append(v)
    return out


def test_restatements_left_out_as_when_every_blank_cell_is_known():
    """Over reports with blank cells, their findings and random ones (random severities,
    placed on blank cells, on other cells and elsewhere, in random order)."""
    rules = load_rules()
    rng = random.Random(18)
    compared = blank_said = 0
    for path in REGRESSION + SAMPLES:
        report = parse(read_source(path), rules.templates)
        blanks = _blank_cells(report)
        found = engine.evaluate(report, rules.rules, rules.templates)[0]
        cells = [c.span for t in report.tables for r in t.rows for c in r.cells][:200]
        places = [c for c in cells if c.start in blanks] * 4 + rng.sample(cells, min(len(cells), 8)) + [Span(1, 1, 1, 2, 0, 1)]
        for _ in range(300 if blanks else 20):
            made = [Violation("SUM-999", rng.choice(SEVERITIES), "t", rng.choice(places), {},
                              rng.sample(places, rng.randint(0, min(3, len(places)))))
                    for _ in range(rng.randint(0, 6))]
            violations = sorted(found + made, key=lambda v: v.order) if rng.random() < 0.5 else made
            kept = _without_restatements(violations, report)
            assert kept == _restatements_kept(violations, blanks), path.name
            compared += 1
            blank_said += kept != _restatements_kept(violations, set())  # (a blank cell decided)
    assert compared > 1000 and blank_said > 100


def test_a_list_renderable_as_item_by_item():
    """A list's strings kept as they are, without a call each: the same as renderable of
    each item, for lists of paths and of mixed values (cells among them)."""
    from decimal import Decimal

    from nianbao.expr import FUNCTIONS, UNKNOWN, Env, Match, renderable

    rules = load_rules()
    report = parse(read_source(ROOT / "samples" / "synthetic" / "2021_tsv_clean.txt"), rules.templates)
    cells = FUNCTIONS["cells"].fn(Env(report, rules.templates, None, None), report.tables[0])[:20]
    mixed = ["a.txt", Decimal("1.50"), None, UNKNOWN, True, Match("文字", None), ["b", Decimal(2)], "c.txt", *cells]
    for value in (["x.txt", "y.txt"], mixed, mixed[::-1], []):
        assert renderable(value) == [renderable(v) for v in value]
    assert len(cells) == 10
