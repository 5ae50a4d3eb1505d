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
