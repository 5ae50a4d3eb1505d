"""text.LineIndex: where each line starts, however the text's lines end."""

from __future__ import annotations

import random
from pathlib import Path

from nianbao.text import LineIndex

ROOT = Path(__file__).resolve().parent.parent


def _starts(text: str) -> list[int]:
    """0 and the place after each \\n, the plain way."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def test_a_line_starts_after_each_line_end_and_nowhere_else():
    """Only \\n ends a line, whatever else str.splitlines would cut at (\\r, \\x85,
    \\u2028…), with or without a line end at the text's end: over the samples and
    random texts."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "samples").rglob("*.txt"))]
    texts += ["", "a", "\n", "a\n", "\n\n", "a\nb", "a\r\nb\n", "a\rb", "\u2028\n", "x\x85y\n\n", "a\nb\x0c"]
    alphabet = "ab \n\n\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029中"
    rnd = random.Random(18)
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(20_000)]
    texts += ["".join(rnd.choice("ab\n中") for _ in range(rnd.randint(0, 12))) for _ in range(5_000)]
    for text in texts:
        assert LineIndex(text).starts == _starts(text), repr(text)
