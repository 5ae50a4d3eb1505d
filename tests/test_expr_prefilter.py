"""The paragraph prefilter (expr.prefilter, expr.candidate_paragraphs): a test for any of
several words keeps exactly the paragraphs one of them is in."""

import re

from nianbao.expr import candidate_paragraphs, holds_any, prefilter


def test_a_test_for_several_words_keeps_the_paragraphs_holding_one_of_them():
    pattern = r"\d+\s*[余多]\s*件|约\d+件|若干(?:人次|件)"
    tests = prefilter(pattern)
    assert tests == [("余", "多", "约", "若干")]
    search = re.compile("余|多|约|若干").search
    paragraphs = ["收到申请约3件", "共5件", "余下", "", "多", "若干件", "若干人", "若", "干", "若 干"]
    for paragraph in paragraphs:
        assert holds_any(tests[0], paragraph) == (search(paragraph) is not None)
    segs = list(enumerate(paragraphs))
    assert candidate_paragraphs(segs, tests) == [seg for seg in segs if search(seg[1])]
    assert prefilter(pattern) is tests  # kept: the same tests for every paragraph and report


def test_every_requirement_must_hold_and_lone_words_are_tried_first():
    pattern = r"收到(?P<n>\d+)件[，,](?:办结|答复)"
    tests = prefilter(pattern)
    assert tests[0] == "收到" and tests[-1] == ("办结", "答复")
    segs = [(0, "收到3件，办结2件"), (10, "收到3件，其余"), (20, "办结2件"), (30, "收到1件,答复")]
    assert candidate_paragraphs(segs, tests) == [(0, "收到3件，办结2件"), (30, "收到1件,答复")]
    assert candidate_paragraphs([], tests) == []


def test_the_approximate_figures_pattern_finds_what_it_found_before_and_rules_out_more_paragraphs():
    """META-006 writes its 上十/数百/几千… as twelve words, not (?:上|数|几)[十百千万]: the
    same strings, but the prefilter then needs one of the words, not 上 or 数, which most
    paragraphs hold. The same matches (spans and groups) as the pattern written the old
    way, over the samples' paragraphs, the lines of the rules' files and random texts."""
    import random

    import regex
    from conftest import REAL, ROOT, SYNTHETIC

    from nianbao.ingest import read_source
    from nianbao.parse import parse
    from nianbao.rules import load_rules

    loaded = load_rules()
    [rule] = [r for r in loaded.rules if r.id == "META-006"]
    [(_, pattern)] = rule.check.patterns
    words = "(?:上十|上百|上千|上万|数十|数百|数千|数万|几十|几百|几千|几万)"
    assert pattern.pattern.count(words) == 1
    before = pattern.pattern.replace(words, "(?:上|数|几)[十百千万]")
    [tests] = prefilter(pattern.pattern)
    assert "上" not in tests and "数" not in tests and "上百" in tests and "多" in tests
    texts = []
    for path in sorted(REAL.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt")):
        texts += [p.text for s in parse(read_source(path), loaded.templates).sections for p in s.paragraphs]
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        texts += path.read_text(encoding="utf-8").splitlines()
    rng = random.Random(6)
    pieces = list("0123456789.余多约近上数几逾两一二三五十百千万条份件次篇项期批封张册本幅则场节最签 ") + ["左右", "人次", "\n"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(30))) for _ in range(30000)]
    new, old = (regex.compile(p, regex.V1 | regex.MULTILINE) for p in (pattern.pattern, before))
    hits = 0
    for text in texts:
        found = [(m.span(), m.groups()) for m in new.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in old.finditer(text)], text
        hits += len(found)
    assert hits > 3000
    kept = [text for text in texts if candidate_paragraphs([(0, text)], [tests])]
    assert all(text in kept for text in texts if new.search(text))
