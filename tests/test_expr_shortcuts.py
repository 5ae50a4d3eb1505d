"""Shortcuts the engine takes (speed, issue 18) answer as the straightforward way does:
a scope's first need looked for in its whole text first, words alone tested without a
prefilter, comparisons of numbers and cells written inline in generated code, the rules
that apply to a kind of report worked out once."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

from conftest import ROOT, bundled_patterns

from nianbao.api import check_text, default_rules
from nianbao.engine import _generate, evaluate
from nianbao.expr import Env, Scope, candidate_paragraphs, holds_any, literal_words, prefilter, segments
from nianbao.ingest import read_source
from nianbao.parse import parse
from nianbao.rules import load_rules
from nianbao.text import LineIndex

REPORTS = sorted((ROOT / "samples").glob("*/*.txt")) + sorted((ROOT / "tests" / "regression" / "reports").glob("*.txt"))


def _scopes(report) -> list[list[tuple[int | None, str]]]:
    """The scopes rules search: each section's paragraphs, and all of them."""
    scopes = [segments(s) for s in report.sections]
    return scopes + [[seg for scope in scopes for seg in scope]]


def test_the_whole_text_looked_in_first_keeps_the_same_paragraphs(monkeypatch):
    """candidate_paragraphs with the scope's whole text keeps what it keeps without it,
    for every bundled pattern's needs and for needs made of words a report holds and
    words it lacks (a lone word, a list of them), over the samples and regression set."""
    patterns = bundled_patterns(monkeypatch)[1]
    assert len(patterns) > 50
    rules = default_rules()
    needs = [prefilter(p) for p in sorted(patterns) if prefilter(p)]
    rng = random.Random(18)
    compared = kept = 0
    for path in REPORTS:
        report = parse(read_source(path), rules.templates)
        words = sorted({text[i:i + rng.randint(1, 3)] for _, text in segments(report.sections[0]) if text
                        for i in range(0, len(text), 7)} if report.sections else set())
        made = []
        for _ in range(40):  # mutated needs: words of the report and words of none
            picked = rng.sample(words, min(len(words), rng.randint(1, 5))) + ["没有这个词", "§"][:rng.randint(1, 2)]
            made.append([picked[0], tuple(picked)] if rng.random() < 0.5 else [tuple(picked), picked[-1]])
        for segs in _scopes(report):
            whole = "\n".join(text for _, text in segs)
            for needed in needs + made:
                found = candidate_paragraphs(segs, needed, whole)
                assert found == candidate_paragraphs(segs, needed), (path.name, needed)
                compared += 1
                kept += bool(found)
    assert compared > 1000 and kept > 100


def test_words_alone_in_a_scope_of_many_paragraphs_found_as_a_search_finds_them():
    """A pattern of words alone is looked for in a scope's paragraphs joined: a word
    holds no whitespace, so none is found across two paragraphs."""
    import regex

    rules = default_rules()
    for path in REPORTS[:12]:
        report = parse(read_source(path), rules.templates)
        for segs in _scopes(report):
            whole = "\n".join(text for _, text in segs)
            for pattern in ["考核|问责", "其中|季度", "收费", "复议|诉讼", "没有这个词|§"]:
                compiled = regex.compile(pattern, regex.V1 | regex.MULTILINE)
                assert holds_any(literal_words(pattern), whole) == any(compiled.search(t) for _, t in segs)


def test_matches_of_words_in_a_scope_and_in_a_match_agree_with_the_interpreter(tmp_path):
    rules = load_rules([_rule_dir(tmp_path, """
        rules:
          - id: META-901
            title: 测试
            title_en: test
            severity: warning
            cite: 测试
            check:
              for_each:
                m: find(narrative, "(?P<pre>[^。\\n]{0,6})申请")
              expect: not matches($m.pre, "收到|受理") and not matches(narrative, "没有这个词|考核")
            message: {zh: "{m}", en: "{m}"}
    """)], include_bundled=False)
    assert not rules.errors
    for path in REPORTS[:15]:
        report = parse(read_source(path), rules.templates)
        check = rules.rules[0].check
        runs = [[(f.vars["m"].text, f.span) for f in run(_env(report, rules))]
                for run in (_generate(check, set()), check._interpreted)]
        assert runs[0] == runs[1], path.name


def test_inline_comparisons_find_and_fail_as_compare_does(tmp_path):
    """Generated code compares two numbers (not NaN: compare reports that) and a number
    with a cell inline: the same findings and errors as the closures, for numbers, NaN,
    unknown, cells with and without a value."""
    expects = ["$a < $b", "$a >= $b", "$a > 1", "$nan < 1", "$nan == $nan", "$a <= applications[new, total]",
               "$total == applications[new, total]", "$total != applications[new, total]",
               "$u == applications[new, total]", "$a == applications[withheld.state_secret, total]",
               "applications[new, total] == $total", "$u >= 1"]
    body = "rules:\n" + "".join(f"""
  - id: META-9{i:02}
    title: 测试
    title_en: test
    severity: warning
    cite: 测试
    check:
      for_each:
        s: sections
      let:
        a: number($s.number)
        b: 3
        nan: number("NaN")
        total: sum(applications[new, natural|commercial|research|nonprofit|legal|other])
        u: number("x")
      expect: '{expect}'
    message: {{zh: "{{s.number}}", en: "{{s.number}}"}}
""" for i, expect in enumerate(expects))
    rules = load_rules([_rule_dir(tmp_path, body)], include_bundled=False)
    assert not rules.errors and len(rules.rules) == len(expects)
    outcomes = []
    for path in [ROOT / "samples" / "synthetic" / "2021_tsv_clean.txt", *REPORTS[:6]]:
        report = parse(read_source(path), rules.templates)
        for r in rules.rules:
            runs = []
            for run in (_generate(r.check, set()), r.check._interpreted):
                try:
                    runs.append([(f.vars["s"].number, f.span) for f in run(_env(report, rules))])
                except Exception as e:
                    runs.append(f"{type(e).__name__}: {e}")
            assert runs[0] == runs[1], (r.id, path.name)
            outcomes.append(runs[0])
    assert any(isinstance(o, str) and "cannot compare" in o for o in outcomes)  # NaN
    assert any(isinstance(o, list) and o for o in outcomes) and any(o == [] for o in outcomes)


def test_the_rules_that_apply_follow_the_report_and_the_list(tmp_path):
    """Which rules run is worked out once per kind of report and list of rules: a report
    of another kind, or a list changed in place, is answered afresh."""
    text = read_source(ROOT / "samples" / "synthetic" / "2021_tsv_clean.txt").text
    body = "rules:\n" + "".join(f"""
  - id: META-9{i:02}
    title: 测试
    title_en: test
    severity: warning
    cite: 测试
{applies}    check:
      expect: false
    message: {{zh: "x", en: "x"}}
""" for i, applies in enumerate(["", "    applies: {regimes: [pre2019]}\n", "    applies: {regimes: ['2021']}\n"]))
    rules = load_rules([_rule_dir(tmp_path, body)], include_bundled=False)
    assert [v.rule for v in check_text(text, rules=rules).violations] == ["META-900", "META-902"]
    older = text.replace("2021", "2017").replace("2022", "2018")
    assert [v.rule for v in check_text(older, rules=rules).violations] == ["META-900", "META-901"]
    report = parse(read_source(ROOT / "samples" / "synthetic" / "2021_tsv_clean.txt"), rules.templates)
    assert sorted(v.rule for v in evaluate(report, rules.rules, rules.templates)[0]) == ["META-900", "META-902"]
    rules.rules.pop(0)
    assert sorted(v.rule for v in evaluate(report, rules.rules, rules.templates)[0]) == ["META-902"]


def _rule_dir(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "local.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def _env(report, rules) -> Env:
    from nianbao.regimes import regime_for

    env = Env(report, rules.templates, LineIndex(report.text), regime_for(report.year))
    env.vars = {}
    return env


def test_a_scope_kept_whole_once_per_report():
    rules = default_rules()
    report = parse(read_source(REPORTS[0]), rules.templates)
    env = _env(report, rules)
    scope = Scope(segments(report.sections[0]))
    assert env.whole(scope, scope.segments) is env.whole(scope, scope.segments)
    assert env.whole(scope, scope.segments) == "\n".join(t for _, t in scope.segments)


def test_matches_in_one_match_finds_what_a_search_finds(monkeypatch):
    """matches($m.pre, pattern) asks whether the pattern is in the match's text without
    making a Match of what it finds: the same answer as the search find() makes, for
    every bundled pattern, in pieces of the samples' paragraphs."""
    from nianbao.expr import FUNCTIONS, Match, Pattern, _search

    patterns = [Pattern(p) for p in sorted(bundled_patterns(monkeypatch)[1])]
    rules = default_rules()
    asked = found = 0
    for path in REPORTS[:10]:
        report = parse(read_source(path), rules.templates)
        env = _env(report, rules)
        pieces = [Match.found(text[i:i + 40], env.index, start + i, start + min(len(text), i + 40))
                  for segs in _scopes(report)[:-1] for start, text in segs for i in range(0, len(text), 25)]
        for pattern in patterns:
            for piece in pieces[::3]:
                answer = FUNCTIONS["matches"].fn(env, piece, pattern)
                assert answer == bool(_search(env, piece, pattern, first=True)), (pattern.pattern, piece.text)
                asked += 1
                found += answer
    assert asked > 10_000 and found > 100
