"""Masking and matching for similarity.py, against their plain definitions on random
texts: the quick ways must find what the plain ones find."""

from __future__ import annotations

import random
import re
from difflib import SequenceMatcher

from nianbao import similarity

# the characters masking turns on: place words, government words, numbers and what
# stops them, noise, marks and a # already there
_ALPHABET = list("省市县区旗乡镇街道村社区苏木嘎查人民政府办事处河集睢某年月日件一二十两0１9.,#\0\1\2 ，。\n") + ["a"]


def _texts(seed: int, n: int, longest: int = 60):
    rnd = random.Random(seed)
    for _ in range(n):
        text = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, longest)))
        names = tuple("".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 3))) for _ in range(rnd.randint(0, 3)))
        yield text, names


def _plain_normalise(text: str, names: tuple[str, ...]) -> tuple[str, list[int]]:
    """normalise as first written: character by character."""
    masked = list(text)
    for name in sorted(filter(None, names), key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            for i in range(m.start(), m.end()):
                masked[i] = "\0"
    joined = "".join(masked)
    for pattern, mark in ((similarity._NAME, "\1"), (similarity._NUMBER, "\2")):
        for m in pattern.finditer(joined):
            for i in range(m.start(), m.end()):
                masked[i] = mark if masked[i] != "\0" else "\0"
        joined = "".join(masked)
    out, offsets, previous = [], [], ""
    for i, ch in enumerate(joined):
        if ch in "\0\1\2":
            ch = "#"
            if previous == "#":
                continue
        elif similarity._NOISE.fullmatch(ch):
            continue
        out.append(ch)
        offsets.append(i)
        previous = ch
    return "".join(out), offsets


def test_names_are_found_where_the_pattern_finds_them():
    for text, _ in _texts(1, 10_000):
        assert [m.span() for m in similarity._names(text)] == [m.span() for m in similarity._NAME.finditer(text)], text


def test_masked_text_is_the_patterns_substitutions():
    for text, names in _texts(2, 5_000):
        plain = text
        for name in sorted(filter(None, names), key=len, reverse=True):
            plain = plain.replace(name, "\0")
        plain = similarity._NUMBER.sub("\2", similarity._NAME.sub("\1", plain))
        plain = similarity._MARKS.sub("#", similarity._NOISE.sub("", plain))
        assert similarity.masked(text, names) == plain, (text, names)


def test_normalise_masks_and_keeps_offsets_as_character_by_character():
    for text, names in _texts(3, 5_000):
        assert similarity.normalise(text, names) == _plain_normalise(text, names), (text, names)


def test_long_blocks_are_the_matching_blocks_that_long():
    rnd = random.Random(4)
    for _ in range(3_000):
        base = "".join(rnd.choice("甲乙丙丁戊己#12") for _ in range(rnd.randint(0, 120)))
        other = list(base)
        for _ in range(rnd.randint(0, 12)):  # a copy with a few characters changed, added or taken out
            at = rnd.randint(0, len(other))
            other[at:at + rnd.randint(0, 2)] = rnd.choice(["", "乙", "x", "12"])
        other = "".join(other)
        for minimum in (1, 5, 20):
            plain = [tuple(m) for m in SequenceMatcher(None, base, other, autojunk=False).get_matching_blocks()
                     if m.size >= minimum]
            assert similarity.long_blocks(base, other, minimum) == plain, (base, other, minimum)


def test_numbers_are_found_where_the_plain_pattern_finds_them():
    plain = re.compile(r"[0-9０-９]+(?:[.,][0-9]+)*|[〇○零一二三四五六七八九十百千万两]+(?=[年月日件条次个份项人余]|$)")
    for text, _ in _texts(5, 10_000):
        assert [m.span() for m in similarity._NUMBER.finditer(text)] == [m.span() for m in plain.finditer(text)], text
