"""Masking and matching for similarity.py, against their plain definitions on random
texts: the quick ways must find what the plain ones find."""

from __future__ import annotations

import random
import re
from difflib import SequenceMatcher

from conftest import REAL, SYNTHETIC
from reportgen import copied, report

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


def _difflib_long_blocks(a: str, b: str, minimum: int) -> list[tuple[int, int, int]]:
    """long_blocks as first written: find_longest_match of each stretch, by difflib."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    queue = [(0, len(a), 0, len(b))]
    blocks = []
    while queue:
        a_low, a_high, b_low, b_high = queue.pop()
        i, j, size = matcher.find_longest_match(a_low, a_high, b_low, b_high)
        if size >= minimum:
            blocks.append((i, j, size))
            if a_low < i and b_low < j:
                queue.append((a_low, i, b_low, j))
            if i + size < a_high and j + size < b_high:
                queue.append((i + size, a_high, j + size, b_high))
    return sorted(blocks)


def _assert_long_blocks_as_difflib(a: str, b: str, minimums) -> int:
    found = 0
    for minimum in minimums:
        for first, second in ((a, b), (b, a)):
            blocks = similarity.long_blocks(first, second, minimum)
            assert blocks == _difflib_long_blocks(first, second, minimum), (first, second, minimum)
            found += len(blocks)
    return found


def test_long_blocks_are_difflibs_on_random_texts_of_few_letters():
    """Few letters: long repeats, runs longer than the stretch they are cut to, and
    ties between equally long matches, everywhere."""
    rnd = random.Random(6)
    found = 0
    for _ in range(500):
        letters = "甲乙丙丁"[:rnd.randint(1, 4)]
        a = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 90)))
        if rnd.random() < 0.5:  # a copy with a few stretches changed, repeated or taken out
            b = list(a)
            for _ in range(rnd.randint(0, 6)):
                at = rnd.randint(0, len(b))
                b[at:at + rnd.randint(0, 8)] = rnd.choice(["", "x", "甲乙丙", a[at:at + 12], "乙" * 5])
            b = "".join(b)
        else:
            b = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 90)))
        found += _assert_long_blocks_as_difflib(a, b, (1, 2, 3, 4, 7, 20))
    assert found > 3_000


def test_long_blocks_are_difflibs_on_report_texts():
    """Generated reports and their copies, and the samples against each other."""
    texts = [similarity.normalise(path.read_text(encoding="utf-8", errors="replace"))[0]
             for path in sorted(REAL.glob("*.txt")) + sorted(SYNTHETIC.glob("2021_*.txt"))[:3]]
    for seed in range(3):  # a report, and a copy with its lines reordered, every third left out, one changed
        original = report("桃源镇", 2021, seed=seed, new=4)
        lines = copied(original, 2021, 2022).split("\n")
        lines[5] = lines[5][:20] + "另行" + lines[5][20:]
        texts += [similarity.normalise(original)[0], similarity.normalise("\n".join(lines[::3] + lines[1::3]))[0]]
    found = 0
    for k, a in enumerate(texts):
        for b in texts[k:k + 2]:
            found += _assert_long_blocks_as_difflib(a, b, (20,))
    assert found > 100


def test_long_blocks_at_the_edges():
    text = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
    cases = [("", ""), ("", text), ("甲", "甲"), (text[:19], text[:19]), (text, text),
             (text[5:15], text), ("xx" + text + "yy", text), (text + text, text), (text * 3, "z" + text * 2),
             ("甲" * 50, "甲" * 30), ("甲乙" * 40, "乙甲" * 25), (text[:12] + "x" + text[12:], text)]
    for a, b in cases:
        _assert_long_blocks_as_difflib(a, b, (1, 2, 3, 10, 19, 20, 21, 24, 200))
    assert similarity.long_blocks(text, "xx" + text, 20) == [(0, 2, 22)]
    assert similarity.long_blocks("甲" * 50, "甲" * 30, 20) == [(0, 0, 30)]


def test_numbers_are_found_where_the_plain_pattern_finds_them():
    plain = re.compile(r"[0-9０-９]+(?:[.,][0-9]+)*|[〇○零一二三四五六七八九十百千万两]+(?=[年月日件条次个份项人余]|$)")
    for text, _ in _texts(5, 10_000):
        assert [m.span() for m in similarity._NUMBER.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_candidates_are_the_pairs_sharing_a_band():
    """Each pair of keys whose signatures hold the same values in one band, in a band
    that at most 50 keys share, once, as (smaller, larger), sorted, whatever order the
    keys come in: counted here band by band, against every pair."""
    rnd = random.Random(7)
    rows = similarity.BINS // similarity.BANDS
    keys = [f"{rnd.randrange(1000):03d}/{i}" for i in range(120)]
    rnd.shuffle(keys)
    # few values per place, so that bands are often shared; the first 60 keys share
    # their first band (more than 50: a bucket left out)
    signatures = {key: tuple(0 if i < rows and n < 60 else rnd.randrange(3) for i in range(similarity.BINS))
                  for n, key in enumerate(keys)}
    shared: dict = {}
    for sig in signatures.values():
        for band in range(similarity.BANDS):
            values = (band, sig[band * rows:(band + 1) * rows])
            shared[values] = shared.get(values, 0) + 1
    expected = sorted((a, b) for a in signatures for b in signatures if a < b and any(
        signatures[a][band * rows:(band + 1) * rows] == signatures[b][band * rows:(band + 1) * rows]
        and shared[(band, signatures[a][band * rows:(band + 1) * rows])] <= 50 for band in range(similarity.BANDS)))
    assert 0 < len(expected) < 120 * 119 // 2
    assert similarity.candidates(signatures) == expected


def test_two_signatures_agree_in_the_bins_that_hold_the_same_value():
    """estimate, which compares two signatures packed into one integer each, against
    counting the bins that hold the same value: on signatures of reports and on
    random ones agreeing in any number of bins, with values of any width up to 64 bits
    (a value that differs in one bit, in its top bit, or is 0, agrees with nothing else)."""
    from operator import eq

    rng = random.Random(64)
    texts = [path.read_bytes().decode("utf-8", "replace")  # (a seed or two is GBK: any text will do)
             for path in sorted(REAL.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt"))]
    signatures = [s for s in (similarity.signature(similarity.masked(t)) for t in texts) if s is not None]
    for _ in range(2000):
        a = [rng.choice([0, 1, (1 << 64) - 1, 1 << 63, rng.getrandbits(rng.randint(1, 64))])
             for _ in range(similarity.BINS)]
        b = list(a)
        for i in rng.sample(range(similarity.BINS), rng.randint(0, similarity.BINS)):
            b[i] = rng.choice([0, a[i] ^ (1 << rng.randrange(64)), rng.getrandbits(64)])
        signatures.append(tuple(rng.choice([a, b])))
        signatures.append(tuple(b))
    for a, b in zip(signatures, signatures[1:]):
        agree = sum(map(eq, a, b))
        assert similarity.estimate(similarity.packed(a), similarity.packed(b)) == agree / similarity.BINS
