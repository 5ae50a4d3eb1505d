"""Label normalisation: compare labels the way a reader would, not byte by byte.

Real reports write the same label as `（二）部分公开（区分处理的，只计这一情形…）`,
`(二) 部分公开(区分处理的, 只计…)` or `2、部分公开…`; split it over lines; and put
Word's auto-numbering in front. `core()` strips all of that so the labels compare equal;
`numbering()` keeps the number apart, for the places where it matters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .cache import compile_re

CJK_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}

# Leading numbering: 一、 （一） (一) 1. 1、 1． 第一部分 …, possibly repeated ("三、(一)").
_NUMBERING = compile_re(
    r"^(?:\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s{0,2}[、.．]"
    r"|\d{1,2}(?:[、．]|\.(?!\d))|第[一二三四五六七八九十]{1,3}部分[:：]?))+"  # (第二部分:主动公开…: round 328)
)
# A note in brackets that a province's copy of the template adds to a label: "上一年项目数量
# （指2018年事项数）", "规范性文件（指各行政机关印发的有正式文号的文件）", "规章(县级无此项)".
_NOTE = compile_re(r"[（(](?:指|注[:：]?|含|即)[^（）()]*[）)]|[（(][^（）()]{0,8}(?:无此项|不适用|不涉及)[）)]"
                   r"|[（(][^（）()]{0,60}(?:应|须|需)(?:提供|填写|填报)[^（）()]{0,8}[）)]")  # (设区的市、自治州人民政府应提供相关数据,
# or with words a mirror site put in: 自治州bat365官网登录下载…平台应提供相关数据)
_NOISE = compile_re(r"[\ue000-\uf8ff\s\u3000\xa0、，,.．。:：;；?？“”\"'‘’「」『』《》<>()（）\[\]【】/／\\|｜·•*_\-—–]+")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text); for a long text (a whole report's) about ten
    times as quick: CPython normalises a text holding any character to change (a report's
    ，（）：) a character at a time, in C but slowly (0.3 ms for 3,600 characters). The
    compatibility characters it holds (full-width forms, ideographic space) are first
    replaced by their NFKD form, one str.replace each, which leaves the text's NFKD form,
    and so its NFKC form, as it was; what is left then most often passes the quick check.
    (A label or a cell is normalised directly: the table that takes would cost more.)"""
    if len(text) < _LONG_TEXT:
        return unicodedata.normalize("NFKC", text)
    table, present = _compatibility()
    for char in set(present.findall(text)):
        text = text.replace(char, table[char])
    return unicodedata.normalize("NFKC", text)


_LONG_TEXT = 1000


@cache
def _compatibility() -> tuple[dict[str, str], re.Pattern]:
    """The characters of the blocks reports use (Latin-1, punctuation, enclosed and
    CJK compatibility forms, full- and half-width forms) whose NFKD form is their NFKC
    form, with that form; and a pattern that finds them."""
    table = {}
    for first, last in _COMPATIBILITY_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            decomposed = unicodedata.normalize("NFKD", char)
            if decomposed != char and decomposed == unicodedata.normalize("NFKC", char):
                table[char] = decomposed
    codes = sorted(map(ord, table))
    starts = [c for i, c in enumerate(codes) if not i or codes[i - 1] != c - 1]
    ends = [c for i, c in enumerate(codes) if i + 1 == len(codes) or codes[i + 1] != c + 1]
    # (as ranges of consecutive characters: re reads a class of 1,357 characters one by one)
    ranges = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in zip(starts, ends))
    return table, compile_re(f"[{ranges}]")


_COMPATIBILITY_BLOCKS = ((0x00A0, 0x00FF), (0x2000, 0x206F), (0x2460, 0x24FF), (0x3000, 0x30FF), (0x3200, 0x33FF),
                         (0xF900, 0xFAFF), (0xFE30, 0xFE6F), (0xFF00, 0xFFEF))


@lru_cache(maxsize=4096)
def core(label: str) -> str:
    """The words of a label, without numbering, spaces, punctuation or bracket styles (and
    with the second 第 a block label may leave out: 第二十条(一)项 is 第二十条第（一）项)."""
    text = nfkc(label).strip()
    text = _NUMBERING.sub("", text)
    if ("指" in text or "注" in text or "含" in text or "即" in text or "无此项" in text or "不适" in text or "不涉及" in text
            or "提供" in text or "填" in text):
        text = _NOTE.sub("", text)
    text = _NOISE.sub("", text)
    if text.startswith(_REGULATION):  # (中华人民共和国政府信息公开条例 第二十条第(一)项: the article's own)
        text = text[text.index("第"):]
    return "第二十条第" + text[4:] if _ITEM_WITHOUT_DI.match(text) else text


_REGULATION = ("中华人民共和国政府信息公开条例第", "政府信息公开条例第", "条例第")


_ITEM_WITHOUT_DI = compile_re(r"第二十条[一二三四五六七八九十]{1,3}项$")


def cjk_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None if it is not a CJK numeral up to 99."""
    if not text or any(ch not in CJK_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + CJK_DIGITS[ch]
        return value
    tens, _, units = text.partition("十")
    if "十" in units:
        return None
    return (CJK_DIGITS[tens] if tens else 1) * 10 + (CJK_DIGITS[units] if units else 0)


_LEAD_NUMBER = compile_re(
    r"^\s*(?:(?P<paren>[(（](?P<pn>[一二三四五六七八九十\d]{1,3})[)）])"
    r"|(?P<cjk>[一二三四五六七八九十]{1,3})\s{0,2}[、.．]|(?P<arabic>\d{1,2})(?:[、．]|\.(?!\d))"
    r"|第(?P<part>[一二三四五六七八九十]{1,3})部分)"
)


def numbering(label: str) -> tuple[str, int] | None:
    """The leading number of a label: ("cjk", 3) for 三、, ("paren", 2) for （二）,
    ("arabic", 3) for 3、 or 3., ("part", 1) for 第一部分."""
    m = _LEAD_NUMBER.match(nfkc(label))
    if not m:
        return None
    if m.group("paren"):
        pn = m.group("pn")
        value = int(pn) if pn.isdigit() else cjk_number(pn)
        return ("paren", value) if value is not None else None
    if m.group("cjk"):
        value = cjk_number(m.group("cjk"))
        return ("cjk", value) if value is not None else None
    if m.group("arabic"):
        return ("arabic", int(m.group("arabic")))
    value = cjk_number(m.group("part"))
    return ("part", value) if value is not None else None


def strip_numbering(label: str) -> str:
    return _NUMBERING.sub("", nfkc(label)).strip()
