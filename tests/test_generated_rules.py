"""An expect rule runs twice over: interpreted (its expressions' closures) the first
time, as one generated Python function after (engine._generate). Both must find the
same things: every bundled rule, on the sample reports, through both."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from nianbao.api import default_rules
from nianbao.engine import Expect, _generate, _source
from nianbao.expr import Env
from nianbao.ingest import read_source
from nianbao.parse import parse
from nianbao.regimes import regime_for
from nianbao.text import LineIndex

SAMPLES = sorted((ROOT / "samples" / "real").glob("*.txt")) + sorted((ROOT / "samples" / "synthetic").glob("*.txt"))


def _run(rule, report, templates, generated: bool) -> list:
    env = Env(report, templates, report.line_index or LineIndex(report.text), regime_for(report.year))
    env.vars = dict(rule.params)
    check = rule.check
    run = _generate(check, set(env.vars)) if generated else check._interpreted
    assert run is not None, f"{rule.id}: no function generated"
    try:
        return [(f.vars, f.span, f.related) for f in run(env)]
    except Exception as e:  # the same error either way
        return [("error", type(e).__name__, str(e))]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: Path(p).name)
def test_generated_rules_find_what_the_interpreter_finds(path):
    rules = default_rules()
    report = parse(read_source(path), rules.templates)
    for rule in rules.rules:
        if isinstance(rule.check, Expect) and not rule.corpus:
            assert _run(rule, report, rules.templates, True) == _run(rule, report, rules.templates, False), rule.id


def test_rule_text_enters_generated_code_only_as_constants():
    """A rule's strings, patterns and names are k0, k1… of the namespace, never code."""
    rules = default_rules()
    for rule in rules.rules:
        if isinstance(rule.check, Expect):
            source, namespace = _source(rule.check, [n for n, _ in rule.check.for_each + rule.check.lets],
                                        set(rule.params))
            for value in namespace.values():
                if isinstance(value, str) and len(value) > 3:
                    assert repr(value) not in source and f'"{value}"' not in source, rule.id
