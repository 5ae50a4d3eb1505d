"""Facts the report states in its prose: dates, the statistics period, contact details,
and who issued it. Each fact keeps the span it was read from.

Dates are read in the forms real reports use: `2021年1月1日`, `2021 年 1 月 1 日`,
`二〇二二年一月二十日` (with 〇, ○ or 零 for zero), `2021-01-01`, `2021.1.1`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .labels import CJK_DIGITS, cjk_number, nfkc
from .model import Fact, Issuer, Period, Span
from .text import LineIndex

_S = r"[ \u3000]*"
_CJK_YEAR = r"[〇○零一二三四五六七八九]{4}"
_CJK_SMALL = r"[一二三四五六七八九十]{1,3}"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|{_CJK_YEAR}){_S}年{_S}(?P<m>\d{{1,2}}|{_CJK_SMALL}){_S}月{_S}(?P<d>\d{{1,2}}|{_CJK_SMALL}){_S}[日号]"
    rf"|(?P<y2>(?:19|20)\d\d)[-./](?P<m2>\d{{1,2}})[-./](?P<d2>\d{{1,2}})(?!\d)"
)
# The end of a period may leave out the year: 2021年1月1日至12月31日.
_SHORT_DATE = re.compile(rf"(?P<m>\d{{1,2}}|{_CJK_SMALL}){_S}月{_S}(?P<d>\d{{1,2}}|{_CJK_SMALL}){_S}[日号]")
_PERIOD_LINK = re.compile(rf"{_S}(?:起|开始)?{_S}(?:至|到|－|—|-|~|～|－－|——){_S}")

PHONE = re.compile(
    r"(?:联系电话|咨询电话|办公电话|服务电话|电话|热线|传真|Tel|TEL|tel)[^\d\n，。；]{0,6}?"
    r"(?P<v>[(（]?0\d{2,3}[)）]?[-－—–\s]?\d{7,8}(?:[-－转]\d{1,5})?|1[3-9]\d{9}|\d{7,8}|12345)"
)
ADDRESS = re.compile(r"(?:通讯地址|办公地址|联系地址|单位地址|地址|地点)[:：]?[ \u3000]*(?P<v>[^，,。；;）)\n]{4,60})")
POSTCODE = re.compile(r"(?:邮政编码|邮编)[:：]?[ \u3000]*(?P<v>\d{6})(?!\d)")
EMAIL = re.compile(r"(?P<v>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
URL = re.compile(r"(?P<v>https?://[^\s，。；;）)\]】“”\"']+|www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[^\s，。；;）)\]】“”\"']*)")

_CONTACT_PATTERNS = (("phone", PHONE), ("address", ADDRESS), ("postcode", POSTCODE),
                     ("email", EMAIL), ("url", URL))


def _num(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in CJK_DIGITS for ch in text):
        return int("".join(str(CJK_DIGITS[ch]) for ch in text))
    return cjk_number(text)


def _date(y: str | None, m: str, d: str) -> dt.date | None:
    try:
        year = _num(y) if y else None
        month, day = _num(m), _num(d)
        if year is None or month is None or day is None:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


def dates(text: str, index: LineIndex) -> list[Fact]:
    out = []
    for m in DATE.finditer(nfkc_digits(text)):
        if m.group("y"):
            value = _date(m.group("y"), m.group("m"), m.group("d"))
        else:
            value = _date(m.group("y2"), m.group("m2"), m.group("d2"))
        if value is not None:
            out.append(Fact("date", value, index.span(m.start(), m.end()), m.group(0)))
    return out


def nfkc_digits(text: str) -> str:
    """Full-width digits → ASCII, keeping every character's offset (NFKC would not)."""
    return text.translate(_FULLWIDTH_DIGITS)


_FULLWIDTH_DIGITS = {0xFF10 + i: 0x30 + i for i in range(10)}


def periods(text: str, index: LineIndex, all_dates: list[Fact]) -> list[Period]:
    """Pairs of dates joined by 至/到/—: the periods the report states."""
    norm = nfkc_digits(text)
    out = []
    for fact in all_dates:
        link = _PERIOD_LINK.match(norm, fact.span.end)
        if not link:
            continue
        end_match = DATE.match(norm, link.end())
        end: dt.date | None
        if end_match:
            if end_match.group("y"):
                end = _date(end_match.group("y"), end_match.group("m"), end_match.group("d"))
            else:
                end = _date(end_match.group("y2"), end_match.group("m2"), end_match.group("d2"))
        else:
            end_match = _SHORT_DATE.match(norm, link.end())
            end = _date(str(fact.value.year), end_match.group("m"), end_match.group("d")) if end_match else None
        if end_match is None:
            continue
        stop = end_match.end()
        if norm.startswith("止", stop):
            stop += 1
        out.append(Period(fact.value, end, index.span(fact.span.start, stop), text[fact.span.start:stop]))
    return out


def contacts(text: str, index: LineIndex) -> list[Fact]:
    out = []
    for kind, pattern in _CONTACT_PATTERNS:
        for m in pattern.finditer(text):
            value = m.group("v").strip()
            start = m.start("v")
            out.append(Fact(kind, value, index.span(start, start + len(value)), m.group(0)))
    out.sort(key=lambda f: f.span.start)
    return out


# ------------------------------------------------------------------------------ issuer
# The kind of body is told by the end of its name, never by a word inside it:
# 某县人民政府办公室 is a department, 某经济开发区管委会 is no people's government.
_KIND_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("committee", ("管理委员会", "管委会")),
    ("department", ("办公室", "办公厅", "委员会", "局", "厅", "委", "办", "中心", "院", "所", "署", "部", "处", "站", "队", "馆", "会")),
    ("subdistrict", ("街道办事处", "街道办", "街道")),
    ("township", ("乡人民政府", "镇人民政府", "乡政府", "镇政府", "苏木人民政府", "苏木", "乡", "镇")),
    ("government", ("人民政府", "政府", "自治县", "自治州", "自治区", "县", "区", "市", "州", "盟", "旗", "省")),
)
ISSUER_KINDS = ("township", "subdistrict", "government", "department", "committee", "unknown")


def issuer_kind(name: str) -> str:
    name = name.strip()
    for kind, suffixes in _KIND_SUFFIXES:
        if name.endswith(suffixes):
            return kind
    return "unknown"


_TITLE_BODY = re.compile(
    r"^(?:关于)?(?P<name>.+?)(?:[（(]?(?:\d{4}|" + _CJK_YEAR + r")[ \u3000]*年度?[)）]?|政府信息公开|政务信息公开|政务公开|信息公开)"
)
_SIGNATURE = re.compile(r"^[ \u3000]*(?P<name>[^\s，。；：:,]{2,40}?(?:人民政府|政府|办事处|委员会|管委会|办公室|办公厅|局|厅|委|办|中心|院|乡|镇|街道))[ \u3000]*$")


def issuer_from_title(title: str, span: Span, index: LineIndex) -> Issuer | None:
    m = _TITLE_BODY.match(title)
    if not m:
        return None
    name = m.group("name").strip(" \u3000：:")
    if len(name) < 2 or name[-1].isdigit():
        return None
    start = span.start + title.index(name)
    return Issuer(name, issuer_kind(name), index.span(start, start + len(name)), "title")


def signature_line(line: str) -> str | None:
    m = _SIGNATURE.match(line)
    return m.group("name") if m else None


def best_issuer(candidates: list[Issuer]) -> Issuer | None:
    """The fullest name wins when one name contains another (河集乡 ⊂ 睢县河集乡人民政府);
    otherwise the earliest candidate (the title) is kept."""
    if not candidates:
        return None
    best = candidates[0]
    for other in candidates[1:]:
        if _same_body(best.name, other.name) and len(other.name) > len(best.name):
            best = other
    return best


_GOV_WORDS = re.compile(r"(?:人民政府|政府|办事处)$")


def _same_body(a: str, b: str) -> bool:
    a, b = _GOV_WORDS.sub("", a), _GOV_WORDS.sub("", b)
    return bool(a) and bool(b) and (a in b or b in a)


def iter_lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def year_in(text: str) -> int | None:
    m = re.search(r"(?P<y>(?:19|20)\d\d|" + _CJK_YEAR + r")[ \u3000]*年", nfkc(text))
    return _num(m.group("y")) if m else None
