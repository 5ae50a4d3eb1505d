#!/usr/bin/env python3
"""Write rules/traditional.txt, the table by which a report in traditional characters
is read as simplified (checker/traditional.py), from OpenCC's character table.

    pip download --no-deps opencc-python-reimplemented   # OpenCC's data, Apache-2.0
    python3 scripts/make_traditional_table.py PATH/TO/TSCharacters.txt

Only one character for one character (the first of OpenCC's choices): folding a text
must keep every offset, so that a finding points at the document's own characters.
Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "traditional.txt"
HEADER = """\
# Traditional → simplified characters, one pair a line, read by checker/traditional.py.
# From OpenCC's TSCharacters.txt (https://github.com/BYVoid/OpenCC, Apache License 2.0),
# as shipped by opencc-python-reimplemented 0.1.7: each character that has a simplified
# form other than itself, with the first form OpenCC gives. Written by
# scripts/make_traditional_table.py; not edited by hand.
"""


def main(source: str) -> None:
    pairs = []
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        traditional, choices = line.split("\t")
        simplified = choices.split()[0]
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            pairs.append(f"{traditional} {simplified}")
    OUT.write_text(HEADER + "\n".join(pairs) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
