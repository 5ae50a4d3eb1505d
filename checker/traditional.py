"""Reports in traditional characters (繁体字), as some sites serve their pages (a 繁体
button, a mirror of the page): read as simplified, character for character.

Every label, heading and pattern nianbao knows is written in simplified characters, so
a report in traditional ones would match none of them (公開, 報告, 第二十條). The text is
read with each traditional character replaced by its simplified form (the table in
rules/traditional.txt, from OpenCC), one character for one, so every offset, line and
column stays the document's; the user still sees the document as it was.
"""

from __future__ import annotations

from functools import cache

from .resources import data_dir

# Characters that a report in traditional characters is bound to hold some of, and
# simplified text does not: looked for first, so that most texts cost a few scans only.
_MARKS = "報開條處縣鎮鄉區國關資請務與發總會時內"
# A simplified text may hold a few traditional characters (a name, a quoted title): the
# text is read as traditional only when this many characters change, and this share.
MIN_CHANGED = 20
MIN_SHARE = 0.02


@cache
def _table() -> dict[int, str]:
    table = {}
    for line in (data_dir("rules") / "traditional.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simplified = line.split()
            table[ord(traditional)] = simplified
    return table


def simplified(text: str) -> tuple[str, int] | None:
    """The text in simplified characters and how many characters changed, or None when
    it is not written in traditional ones."""
    if not any(mark in text for mark in _MARKS):
        return None
    folded = text.translate(_table())
    changed = sum(a != b for a, b in zip(text, folded))
    if changed < MIN_CHANGED or changed < MIN_SHARE * len(text):
        return None
    for taiwanese, mainland in _WORDS:  # (of the same length: offsets stay)
        folded = folded.replace(taiwanese, mainland)
    return folded, changed


# Words a site's conversion to Taiwan's usage put for the mainland's, in the format's labels:
# 行政規範性檔案 for 行政规范性文件 (檔案, Taiwan's word for a file; 档案馆 elsewhere stays);
# 資訊 for 信息 (政府資訊公開條例, 資訊內容: a gateway's page has it for every 信息)
_WORDS = (("规范性档案", "规范性文件"), ("资讯", "信息"))
