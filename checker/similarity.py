"""Similarity of report texts, for copied reports (内容雷同).

What is compared is the prose a body writes itself: paragraphs, not tables or headings
(every report shares the template's), with numbers, dates and place or body names
masked, so a report copied from last year with only the year and the figures changed
still reads as the same text.

Each text becomes a set of character shingles, summarised in a MinHash signature by
one-permutation hashing (one hash per shingle, the minimum kept per bin; empty bins
borrow from the next), so a signature costs one pass over the text. Candidate pairs
come from locality-sensitive hashing on bands of the signature: reports are only
compared with the few that share a band, so a set of n reports costs about n, not n².
The estimate is then checked against the threshold the rule sets.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from .cache import compile_re

SHINGLE = 6        # characters per shingle
BINS = 128         # signature length
BANDS = 32         # LSH bands of BINS // BANDS values each
_MASK64 = (1 << 64) - 1
_EMPTY = _MASK64

# Numbers (Arabic or Chinese), dates and years, and names of places and bodies.
# A number: Arabic digits and their decimals, or Chinese numerals before what they count
# or at the end. (Written to start with one class of every first character, which `re`
# looks for quickly, not trying the two alternatives at every character; the look-behind
# picks the alternative the first character starts.)
_DIGITS, _NUMERALS = "0-9０-９", "〇○零一二三四五六七八九十百千万两"
_NUMBER = compile_re(rf"[{_DIGITS}{_NUMERALS}](?:(?<=[{_DIGITS}])[{_DIGITS}]*(?:[.,][0-9]+)*"
                     rf"|(?<=[{_NUMERALS}])[{_NUMERALS}]*(?=[年月日件条次个份项人余]|$))")
# (the look-ahead, which every match passes, spares the lazy run its twelve endings at
# each of the many places no name starts: twice as quick)
_NAME = compile_re(r"(?=[\u4e00-\u9fff]{1,8}[省市县区旗乡镇街村社苏嘎])"
                   r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|乡|镇|街道|村|社区|苏木|嘎查)(?:人民政府|政府|办事处)?")
_PLACE_WORD = compile_re(r"省|市|县|区|旗|乡|镇|街道|村|社区|苏木|嘎查")  # the words _NAME ends with


def _names(text: str):
    """The matches of _NAME in the text, as finditer gives them, but looked for only
    just before each word a name ends with (which `re` finds by its first character),
    not at every CJK character: a name runs at most 8 characters up to the first such
    word after where it starts, and one runs up to that word whenever the character
    before the word is CJK."""
    pos = 0  # where the next name may start
    while (word := _PLACE_WORD.search(text, pos + 1)) is not None:
        end = word.start()
        if "\u4e00" <= text[end - 1] <= "\u9fff":
            found = _NAME.search(text, max(pos, end - 8))
            yield found
            pos = found.end()
        else:
            pos = end
_NOISE = compile_re(r"[\s\u3000\xa0，,。.、；;：:！!？?“”\"'‘’（）()《》<>【】\[\]—\-…·]+")


def masked(text: str, names: tuple[str, ...] = ()) -> str:
    """The text as `normalise` reads it, without the offsets: the fast path, for the
    signature of every report."""
    for name in sorted(filter(None, names), key=len, reverse=True):
        text = text.replace(name, "\0")
    text = _NUMBER.sub("\2", _marked(text, (m.span() for m in _names(text)), "\1"))
    text = _NOISE.sub("", text)
    return _MARKS.sub("#", text)


_MARKS = compile_re(r"[\0\1\2#]+")


def normalise(text: str, names: tuple[str, ...] = ()) -> tuple[str, list[int]]:
    """Masked, punctuation-free text and, for each of its characters, its offset in
    `text` (to turn a shared passage back into a span)."""
    joined = text  # the text with each masked character replaced by its mark, offsets kept
    for name in sorted(filter(None, names), key=len, reverse=True):
        joined = _marked(joined, (m.span() for m in re.finditer(re.escape(name), text)), "\0")
    joined = _marked(joined, (m.span() for m in _names(joined)), "\1")
    joined = _marked(joined, (m.span() for m in _NUMBER.finditer(joined)), "\2")
    kept, offsets, last = [], [], 0
    for noise in _NOISE.finditer(joined):
        kept.append(joined[last:noise.start()])
        offsets += range(last, noise.start())
        last = noise.end()
    kept.append(joined[last:])
    offsets += range(last, len(joined))
    kept_text = "".join(kept)
    # one mark per masked run: a mark right after a mark or a # is left out
    out, out_offsets, last = [], [], 0
    for run in _MARK_RUN.finditer(kept_text):
        out.append(kept_text[last:run.start() + 1])
        out_offsets += offsets[last:run.start() + 1]
        last = run.end()
    out.append(kept_text[last:])
    out_offsets += offsets[last:]
    return "".join(out).translate(_AS_HASH), out_offsets


_MARK_RUN = compile_re(r"[\0\1\2#][\0\1\2]+")
_AS_HASH = str.maketrans("\0\1\2", "###")


def _marked(text: str, spans, mark: str) -> str:
    """The text with each character of the spans (in order, not overlapping) replaced
    by `mark`, so that offsets stay as they were. (The characters names and numbers are
    matched by are never a mark: one masking leaves the others' places alone.)"""
    pieces, last = [], 0
    for start, end in spans:
        pieces += (text[last:start], mark * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def signature(text: str) -> tuple[int, ...] | None:
    """MinHash signature of a normalised text; None for a text too short to judge."""
    if len(text) < SHINGLE * 8:
        return None
    mins = [_EMPTY] * BINS
    data = text.encode("utf-32-le")  # 4 bytes a character: shingles are slices
    width = 4 * SHINGLE
    crc32 = zlib.crc32
    for i in range(0, len(data) - width + 4, 4):
        h = (crc32(data[i:i + width]) * 0x9E3779B97F4A7C15) & _MASK64
        b = h % BINS
        if h < mins[b]:
            mins[b] = h
    if _EMPTY not in mins:  # (every bin filled, as in about half of the reports: nothing to densify)
        return tuple(mins)
    # densify: an empty bin takes the next filled bin's value (rotation), so two
    # signatures stay comparable bin by bin
    filled = [i for i, v in enumerate(mins) if v != _EMPTY]
    if not filled:
        return None
    for i in range(BINS):
        if mins[i] == _EMPTY:
            j = next((f for f in filled if f > i), filled[0])
            mins[i] = mins[j]
    return tuple(mins)


def packed(signature: tuple[int, ...]) -> int:
    """A signature as one integer, its values 64 bits each, for estimate(): a folder of
    reports written from one template gives each report about a hundred candidates to
    compare, and compared this way a pair costs less than half of a value-by-value sum."""
    return int.from_bytes(array("Q", signature).tobytes(), "little")


def estimate(a: int, b: int) -> float:
    """The share of bins in which two signatures (packed) agree, their Jaccard
    similarity estimated: the 64-bit words of a ^ b that are 0, counted in C."""
    return array("Q", (a ^ b).to_bytes(8 * BINS, "little")).count(0) / BINS


def candidates(signatures: dict[str, tuple[int, ...]]) -> list[tuple[str, str]]:
    """Pairs of keys whose signatures share at least one band, each (smaller, larger),
    sorted: the same whatever the hash seed."""
    rows = BINS // BANDS
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for key, sig in signatures.items():
        # (each band's key, (band, its values), made by zip: one signature's values in rows)
        for band in zip(range(BANDS), zip(*[iter(sig)] * rows)):
            buckets[band].append(key)
    pairs: set[tuple[str, str]] = set()
    for members in buckets.values():
        if 1 < len(members) <= 50:  # a bucket shared by many is template text, not copying
            pairs.update(combinations(sorted(members), 2))
    return sorted(pairs)


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text two reports share: offsets into each report's prose."""

    start: int
    end: int
    other_start: int
    other_end: int


def shared_passages(a: str, a_offsets: list[int], b: str, b_offsets: list[int],
                    minimum: int = 20) -> list[Passage]:
    """The common stretches of two normalised texts, at least `minimum` characters
    long, as offsets into the original texts."""
    return [Passage(a_offsets[i], a_offsets[i + size - 1] + 1, b_offsets[j], b_offsets[j + size - 1] + 1)
            for i, j, size in long_blocks(a, b, minimum)]


def long_blocks(a: str, b: str, minimum: int) -> list[tuple[int, int, int]]:
    """The blocks of SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    at least `minimum` (≥ 1) long, found as it finds them (the longest match of the
    whole, then of what lies before it and after it, and so on) but without looking
    into a stretch whose longest match is shorter: no block in it can be longer. (And
    without junk no two blocks touch, so no short one would join a long one.)

    Its find_longest_match walks every place in b of every character of a, and Chinese
    prose repeats characters a lot: here the longest match of a stretch is taken from
    the runs at least `minimum` long (_long_runs) instead. Every match that long is a
    run cut to the stretch, so the longest is the longest cut, the one starting first
    in a and then in b as find_longest_match picks it; shorter than `minimum`, the
    stretch holds no block."""
    blocks = []
    stretches = [(0, len(a), 0, len(b), _long_runs(a, b, minimum))]
    while stretches:
        a_low, a_high, b_low, b_high, runs = stretches.pop()
        inside = []  # the runs with at least `minimum` characters in the stretch
        best = (1, 0, 0)  # (-size, i, j) of the longest cut: the least is kept
        for run in runs:
            i, j, size = run
            cut = max(0, a_low - i, b_low - j)  # characters before the stretch
            size = min(size, a_high - i, b_high - j) - cut
            if size >= minimum:
                inside.append(run)
                best = min(best, (-size, i + cut, j + cut))
        if inside:
            size, i, j = -best[0], best[1], best[2]
            blocks.append((i, j, size))
            if len(inside) > 1:  # (a single run is all in the block)
                stretches += ((a_low, i, b_low, j, inside), (i + size, a_high, j + size, b_high, inside))
    return sorted(blocks)


def _long_runs(a: str, b: str, minimum: int) -> list[tuple[int, int, int]]:
    """Every (i, j, size) with a[i:i + size] == b[j:j + size], at least `minimum` long
    and longer neither way. A run that long holds one of a's q-grams starting at a
    multiple of q (q = ⌈minimum / 2⌉): each place in b of each of those (str.find, in C)
    is a seed, stretched both ways; a seed inside a run already found on its diagonal
    is passed over."""
    q = (minimum + 1) // 2
    run_ends: dict[int, int] = {}  # diagonal j - i: where in a the last run found on it ends
    runs = []
    for i in range(0, len(a) - q + 1, q):
        gram = a[i:i + q]
        j = b.find(gram)
        while j >= 0:
            if i >= run_ends.get(j - i, 0):
                first_i, first_j = i, j
                while first_i and first_j and a[first_i - 1] == b[first_j - 1]:
                    first_i, first_j = first_i - 1, first_j - 1
                end = i + q + _common_length(a, i + q, b, j + q)
                run_ends[j - i] = end
                if end - first_i >= minimum:
                    runs.append((first_i, first_j, end - first_i))
            j = b.find(gram, j + 1)
    return runs


def _common_length(a: str, i: int, b: str, j: int) -> int:
    """How many characters a[i:] and b[j:] start with alike: compared in slices (in C),
    twice as long each time, then halves of the slice that differs."""
    most = min(len(a) - i, len(b) - j)
    length, step = 0, 16
    while True:
        if step >= most - length:
            step = most - length
            if a[i + length:i + most] == b[j + length:j + most]:
                return most
            break
        if a[i + length:i + length + step] != b[j + length:j + length + step]:
            break
        length += step
        step *= 2
    while step > 1:  # a[i + length:i + length + step] differs from b's: the first half?
        half = step // 2
        if a[i + length:i + length + half] == b[j + length:j + length + half]:
            length, step = length + half, step - half
        else:
            step = half
    return length
