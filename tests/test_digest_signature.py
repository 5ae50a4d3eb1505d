"""similarity.signature is the plain MinHash: each shingle hashed, the least hash of each
bin kept, an empty bin taking the next filled one's; with every bin filled (returned at
once) and with bins left empty (short texts, few distinct shingles)."""

from __future__ import annotations

import random
import zlib

from conftest import REAL, SYNTHETIC

from nianbao import similarity
from nianbao.ingest import read_source
from nianbao.parse import parse
from nianbao import corpus


def _plain_signature(text: str) -> tuple[int, ...] | None:
    """The signature as defined: each shingle hashed, the least hash of each bin kept,
    an empty bin taking the next filled one's (the first's after the last)."""
    if len(text) < similarity.SHINGLE * 8:
        return None
    bins: dict[int, int] = {}
    for i in range(len(text) - similarity.SHINGLE + 1):
        shingle = text[i:i + similarity.SHINGLE].encode("utf-32-le")
        h = zlib.crc32(shingle) * 0x9E3779B97F4A7C15 % 2**64
        bins[h % similarity.BINS] = min(h, bins.get(h % similarity.BINS, h))
    if not bins:
        return None
    filled = sorted(bins)
    return tuple(bins[i] if i in bins else bins[next((f for f in filled if f > i), filled[0])]
                 for i in range(similarity.BINS))


def _texts() -> list[str]:
    texts = []
    for path in sorted(p for d in (REAL, SYNTHETIC) for p in d.glob("*.txt")):
        report = parse(read_source(path))
        texts.append(similarity.masked(corpus.prose(report), corpus.report_names(report)))
    rnd = random.Random(18)
    alphabet = "政府信息公开年度报告本机关依申请#一二三\0\n"
    texts += ["".join(rnd.choice(alphabet) for _ in range(n))
              for n in [*range(0, 60), *(rnd.randrange(60, 3000) for _ in range(60))]]
    # texts sharing passages, as reports written to one template do
    texts += [texts[i][: len(texts[i]) // 2] + texts[j][len(texts[j]) // 3:]
              for i, j in zip(range(0, 40), range(40, 80))]
    return texts


def test_signature_is_the_plain_minhash():
    texts = _texts()
    signatures = [similarity.signature(t) for t in texts]
    assert signatures == [_plain_signature(t) for t in texts]
    filled = [s for s in signatures if s is not None and len(set(s)) == similarity.BINS]
    assert filled and len(filled) < len([s for s in signatures if s is not None])  # (both ways taken)
