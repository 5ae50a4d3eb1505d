"""Facts the report states in its prose: dates, the statistics period, contact details,
and who issued it. Each fact keeps the span it was read from: the span covers exactly
the characters of the value (or, for dates and periods, of the date text), so a rule
that points at a fact points at what the report wrote.

Dates are read in the forms real reports use: `2021年1月1日`, `2021 年 1 月 1 日`,
`二〇二二年一月二十日` (with 〇, ○, 零 — or a Latin O or a digit 0 that a conversion put
in their place — for zero), `2022年元月20日`, `廿`/`卅` days, full-width digits,
`2021-01-01`, `2021.1.1`, `2021/1/1`.

Periods are two dates joined by 至/到/—/-/~ (with 起, 开始 or a comma before the link and
止 after the end), the end's year may be left out (`2021年1月1日至12月31日`).

Contact details: phone (电话, 热线…), fax (传真), address (地址, 办公地点…, or a street
address such as `府前路1号` with no label), postcode, e-mail and web address, with
labels that may be spaced out by a PDF conversion (`邮 编 ：`).

The issuer's kind is decided by the end of its name, never by a word inside it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
from collections.abc import Iterator
from itertools import chain

from .cache import compile_re
from .labels import CJK_DIGITS, cjk_number, nfkc
from .model import Fact, Issuer, Period, Span
from .text import LineIndex

# Spaces of the three kinds, any number. Not written as the class [ \u3000\xa0]*: re
# compiles a class of three characters that far apart into a bitmap of all 65,536, in
# Python, and the labels use _S dozens of times (a cold start spent 0.09e9 instructions
# on it). This form matches the same strings, longest first, as cheaply.
_S = r"[ \xa0]*(?:\u3000[ \xa0]*)*"
_ZERO = "〇○零OＯ0"
# A year in Chinese numerals: 一九九九, 二〇二二 (also 二O二二, 二0二二 from conversions).
_YEAR_DIGIT = rf"[{_ZERO}一二三四五六七八九]"
_CJK_YEAR = rf"(?:一九|二[{_ZERO}]){_YEAR_DIGIT}{{2}}"
_CJK_SMALL = r"[一二三四五六七八九十廿卅]{1,3}"
_MONTH = rf"\d{{1,2}}|{_CJK_SMALL}|元"
# Patterns searched through the whole text open with the characters they may start
# with, a class or an alternation of single characters: Python's re then skips to
# those, with no try at any other position (before a lookahead, a lookbehind or an
# alternation of groups it tries every one). DATE opens with the first character of its
# year, then looks behind it for the digit or point that may not precede it; what
# follows in the year depends on that first character (a digit: three more; 一: 九 and
# two; 二: a zero and two; 1 or 2 of a numeric date: 9 or 0 and two). A year is four
# characters in every form, the match's first four.
# (a space, or a line end where text copied from a PDF was wrapped: "…至 2023" / "年 12 月 31 日")
_SL = rf"{_S}(?:\n{_S})?"
DATE = compile_re(
    rf"[\d一二](?<![\d.].)(?:(?:(?<=\d)\d{{3}}|(?<=一)九{_YEAR_DIGIT}{{2}}|(?<=二)[{_ZERO}]{_YEAR_DIGIT}{{2}})"
    rf"{_SL}年{_SL}(?P<m>{_MONTH}){_SL}月月?{_SL}(?P<d>\d{{1,2}}|{_CJK_SMALL}){_SL}[日号]"  # (12月月31日, a slip: round 325)
    rf"|(?:(?<=1)9|(?<=2)0)\d\d(?P<sep>[-./]) ?(?P<m2>\d{{1,2}})(?P=sep) ?(?P<d2>\d{{1,2}})(?:(?![\d.])|(?=\d{{1,2}}:\d\d)))"
)


@functools.cache
def _short_date() -> re.Pattern:
    """The end of a period that leaves out the year: 2021年1月1日至12月31日 (compiled
    when a report first has one: its classes of CJK numerals cost re ~4 million
    instructions to compile)."""
    return compile_re(rf"(?P<m>{_MONTH}){_S}月{_S}(?P<d>\d{{1,2}}|{_CJK_SMALL}){_S}[日号]")


_SHORT_NUMERIC = compile_re(r"(?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?![\d.])")
# (…起始时间为2025年1月1日，截止时间为2025年12月31日: a start and an end, each named; and
# 自2022年1月1日起2022年12月31日止, its 至 left out, the end's 止 there)
_PERIOD_LINK = compile_re(
    # (自2021年1月1日起,截止日期为2021年12月31日: first, before 起,截止 alone)
    rf"{_S}(?:起{_S})?[，,]{_S}(?:截至|截止|结束)(?:时间|日期){_S}(?:为|是)?{_S}[:：]?{_S}"
    rf"|{_S}(?:(?:起|开始|始){_S}[，,]?{_S})?(?:截止到|截至到|截至|截止|至|到|－－|——|－|—|–|-{{2,4}}|-|~|～|一(?=\d{{4}}))"
    rf"{_SL}"  # (一 typed for the dash: 2023年1月1日一2023年12月31日; two hyphens or four for it, 2017年1月1日--2017年12月31日)
    rf"|{_S}起{_S}[，,]?{_S}(?=\d{{4}}{_S}年[^。；\n]{{1,12}}?止)"  # (自2018年1月1日起,2018年12月31日止)
    # (自2008年5月1日《条例》实施之日起,至2008年12月31日止: the template of 北京's pages of 2008-09, round 261)
    rf"|{_S}《[^》\n]{{1,16}}》{_S}(?:正式)?(?:施行|实施)之日{_S}(?:起|开始){_S}[，,]?{_S}(?:截止到|截至|截止|至|到){_S}")


def _spaced(word: str) -> str:
    """A label whose characters a PDF conversion may have spaced apart (邮 编)."""
    return _S.join(re.escape(ch) for ch in word)


def _labels(*words: str) -> str:
    return "(?:" + "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True)) + ")"


_COLON = rf"{_S}[:：]?{_S}"
_ADDRESS_COLON = rf"{_S}[:：，,]?{_S}"  # "联系地址，某县…" as well as "地址：某县…"
_PHONE_LABELS = ("联系电话", "咨询电话", "办公电话", "服务电话", "监督电话", "投诉电话", "举报电话", "值班电话",
                 "受理电话", "电话", "热线", "手机", "联系方式", "联系方法", "致电", "拨打")
# (one alternation of words, each opening with its first character: re then skips to the
# positions holding one of those, two and a half times quicker than a look ahead at each)
PHONE = compile_re("(?:" + "|".join([_spaced(w) for w in sorted(_PHONE_LABELS, key=len, reverse=True)]
                                    + ["Tel", "TEL", "tel", "Phone", "PHONE", "phone",
                                       r"联系(?=[(（]\d)"]) + ")")  # (请与某局联系(0482-8310273))
FAX = compile_re(_labels("传真"))
# A phone number alone on the line after its label's line, the line's end before it
_NUMBER_ALONE = compile_re(r"\n[ \u3000]*(?P<v>(?:0\d{2,3}[-－—–][ \u3000]*)?\d{7,8}|1[3-9]\d{9})[ \u3000]*(?=\n|$)")
_PHONE_NUMBER = compile_re(
    r"(?P<v>[(（]?0\d{2,3}[)）]?(?:[ \u3000]*[-－—–‐]{1,2}[ \u3000]*|[ \u3000]?)\d{7,8}(?:[-－转][ \u3000]*\d{1,5})?"
    r"|400[-－ ]?\d{3}[-－ ]?\d{4}|1[3-9]\d{9}|\d{7,8}|12345"
    r"|\d{3,4}[.．]\d{4}(?![.．]?\d))(?!\d)"  # (电话6402.1371: a stray dot in the number, a real 2009 page of 东城区审计局, round 498)
)
# What may stand between a label and the government's hotline written as its number (电话：12345, 拨打12345)
_LABEL_TO_HOTLINE = compile_re(r"[ \u3000:：为是]*")
# A phone number by its form alone: an area code, a dash (or a long one: 0771—5815000), seven or eight digits
# (no digit or dash before it: looked at after its 0, so that re skips to the 0s rather than trying every character)
_DASHED_PHONE = compile_re(r"(?P<v>0(?<![\d\-－—–].)\d{2,3}[-－—–]\d{7,8})(?![\d\-－—–])")
# (or run on after the office's name: 请联系:宜川路街道行政办公室56485012, a real 2015 page)
_CONTACT_NUMBER = compile_re(r"联系[^。；;\n]{0,40}?(?:[，,：:\s]|(?<=[室科处办组])[（(]?)(?P<v>(?:0\d{2,3})?\d{7,8})(?![\d.])")  # (…办公室(4332240、4327511); …办公室(01069842187), its area code run on)
# Not a postal address when just after one of these (网站地址, 电子邮箱地址…); checked in
# contacts(): as lookbehinds they would be tried at every character of the text.
_NOT_POSTAL = ("网站", "网页", "网络", "邮件", "电子", "邮箱", "IP", "链接")  # (对外链接地址,确保…: a real 2025 page)
# What an address names somewhere by (a number, a place, a road, a floor): 办公地点设在党政办公室
# names a room of the body's, no address to write to
_PLACE_OF_ADDRESS = compile_re(r"[\d０-９省市县区州旗盟乡镇村路街巷道号楼栋层]")
# (what may not open the address — a closing quote: the label named, “联系地址”等栏目; a change of
# address, 民办学校地址变更…审批8件, which is a licence; a link, 逐一排查办公地址链接、电话号码…, a check of
# a site's links, a real 2024 page, round 425; a count, 机构概况信息11条、联系地址1条、…, the kinds of information published,
# a real 2023 page of 钦北区林业局, round 683, whose contact it had found there — and
# below what may end an office's name, are written as alternatives, not as a class
# among them: a class of characters this far apart costs re
# a bitmap of all 65,536 built in Python, ~2.4 million instructions at every start)
ADDRESS = compile_re(
    _labels("通讯地址", "通信地址", "办公地址", "联系地址", "单位地址", "邮寄地址", "地址", "办公地点", "受理地点",
              "查阅地点")
    + _ADDRESS_COLON + r"(?:为|是|位于|在)?[ \u3000]*(?P<v>(?![A-Za-z]{2,}|:|：|和|及|与|、|等|以及|或|”|」|』|\"|变更|迁移|搬迁|链接|\d+\s*[条件篇项个])[^，,。；;）)\n]{4,60})"
)
# A street address written without a label: 府前路1号, 河集村001号 (and a building:
# 府前路1号3号楼). Found from its end (路…号, rare) back to the start of its run of
# characters (at most 24): scanning for the start first would try every character of the
# text. The building and the start are found in Python: a range of CJK characters costs
# re some 10 million instructions to compile.
STREET_END = compile_re(r"(?:路|街|大道|大街|巷|胡同|村|社区|组)[东西南北中段侧]{0,3}\d{1,5}号")
_BUILDING = frozenset("楼室院层")
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _is_ideograph(ch: str) -> bool:
    """In the block of CJK unified ideographs (U+4E00–U+9FFF)."""
    return "\u4e00" <= ch <= "\u9fff"


def _building_end(text: str, end: int) -> int:
    """The end of the building after a street address ending at `end` (楼, 室, 院 or 层
    after at most 12 ideographs, digits or Latin letters, the first such), or `end`
    when none follows."""
    for i in range(end, min(end + 13, len(text))):
        ch = text[i]
        if ch in _BUILDING:
            return i + 1
        if not (_is_ideograph(ch) or ch.isdecimal() or ch in _ASCII_LETTERS):
            break
    return end


def _street_end(text: str, pos: int, end: int) -> re.Match | None:
    """STREET_END.search(text, pos, end), tried only before each 号 (re's scan for where
    the pattern may start tried every character of the prose, and a report's prose has
    a 号 or two): a street address ends with a 号 and holds no other, and is at most
    eleven characters long (a word of two, three of 东西南北中段侧, five digits, 号), so
    the first match is the one found in the eleven characters up to the first 号 that
    ends one."""
    at = text.find("号", pos, end)
    while at != -1:
        found = STREET_END.search(text, max(pos, at - 10), at + 1)
        if found is not None:
            return found
        at = text.find("号", at + 1, end)
    return None


def _street_start(text: str, stop: int) -> int | None:
    """Where the run of 2 to 24 ideographs before a street address at `stop` starts,
    or None (a newline just before `stop` passed over, as `$` does in a pattern)."""
    end = stop - 1 if text[stop - 1:stop] == "\n" else stop
    start, first = end, max(0, stop - 24)
    while start > first and _is_ideograph(text[start - 1]):
        start -= 1
    return start if end - start >= 2 else None


def _address_starts(text: str, start: int, end: int) -> list[int]:
    """Where an ADDRESS may start in text[start:end], in order: every label has its 地
    first or third (地址, 办公地点), the characters maybe spaced apart, so at each 地 and
    two characters before it (re's scan for the labels' first characters tried every
    character of the prose; a report's prose has a 地 or two)."""
    found = []
    at = text.find("地", start, end)
    while at != -1:
        first = at
        for _ in range(2):  # back over a character and the spaces after it
            while first > start and text[first - 1] in _SPACES:
                first -= 1
            first -= 1
        if first >= start:
            found.append(first)
        found.append(at)
        at = text.find("地", at + 1, end)
    return sorted(set(found))


POSTCODE = compile_re(_labels("邮政编码", "邮编") + _COLON + r"(?P<v>\d{6})(?!\d)")
EMAIL = compile_re(r"(?P<v>[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")  # (＠: CONTACT-005)
_EMAIL_LOCAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")


def _emails(text: str) -> Iterator[re.Match]:
    """EMAIL.finditer(text), tried only where a run of address characters ends in an
    @: tried at every position, the pattern cost as much as the other contact details
    together. A match needs an @, and whether one follows depends only on what comes
    after it, so the start of the run before each @ is the only start to try."""
    done = 0
    at = _next_at(text, 0)
    while at != -1:
        start = at
        while start > done and text[start - 1] in _EMAIL_LOCAL:
            start -= 1
        m = EMAIL.match(text, start)
        if m is not None:
            yield m
            done = m.end()
            at = _next_at(text, done)
        else:
            at = _next_at(text, at + 1)


def _next_at(text: str, start: int) -> int:
    """The next @ (or full-width ＠) from `start`, -1 if none."""
    found = [i for i in (text.find("@", start), text.find("＠", start)) if i != -1]
    return min(found) if found else -1


_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]"
# the lookbehind after www. (not before it) leaves both branches opening with a letter
URL = compile_re(rf"(?P<v>https?://{_URL_CHARS}+|www\.(?<![A-Za-z0-9./@]www\.)[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+{_URL_CHARS}*)")
_URL_TRAIL = ".,;:!?"


def _num(text: str) -> int | None:
    if text.isdigit() and text.isascii():
        return int(text)
    if text == "元":
        return 1
    if len(text) == 4 and all(ch in CJK_DIGITS or ch in _ZERO for ch in text):
        return int("".join(str(CJK_DIGITS.get(ch, 0)) for ch in text))
    text = text.replace("廿", "二十").replace("卅", "三十")
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


def _date_of(m: re.Match) -> dt.date | None:
    if m.group("m") is not None:  # 2021年1月1日
        return _date(m.group()[:4], m.group("m"), m.group("d"))
    return _date(m.group()[:4], m.group("m2"), m.group("d2"))


# The (start, end) stretches of a text to look in, in order, each ending after a line end
# or at the text's end, the text outside them blank lines (a report's tables blanked out);
# None: the whole text.
Stretches = list[tuple[int, int]]


def _found(pattern: re.Pattern, text: str, stretches: Stretches | None) -> Iterator[re.Match]:
    """pattern.finditer over each stretch in turn: the same matches as over the whole
    text, for a pattern that neither starts on a blank nor runs on over a line end."""
    if stretches is None:
        return pattern.finditer(text)
    return (m for start, end in stretches for m in pattern.finditer(text, start, end))


def dates(text: str, index: LineIndex, stretches: Stretches | None = None) -> list[Fact]:
    out = []
    for m in _dates_found(nfkc_digits(text), stretches):
        value = _date_of(m)
        if value is not None:
            out.append(Fact("date", value, index.span(m.start(), m.end()), text[m.start():m.end()]))
    return out


def _dates_found(text: str, stretches: Stretches | None) -> Iterator[re.Match]:
    """DATE.finditer over each stretch, DATE tried only where a date can start: a date's
    year is its first four characters, none a space, followed by spaces and 年 or by the
    - . or / of a numeric date, so it starts four characters before the run of spaces
    before a 年, or before a - . or /. re's scan tried every digit, 一 and 二 of the prose
    (a report has some hundred, and some thirty of these marks)."""
    return _found_at(DATE, text, stretches, _date_starts)


def _found_at(pattern: re.Pattern, text: str, stretches: Stretches | None, starts) -> Iterator[re.Match]:
    """pattern.finditer over each stretch, for a pattern that matches only at the places
    starts(text, start, end) gives in a stretch (in order): tried there alone."""
    for start, end in ((0, len(text)),) if stretches is None else stretches:
        done = start
        for at in starts(text, start, end):
            if at >= done:
                m = pattern.match(text, at, end)
                if m is not None:
                    yield m
                    done = m.end()


def _date_starts(text: str, start: int, end: int) -> list[int]:
    """Where a date may start in text[start:end] (see _dates_found), in order."""
    found = set()
    for mark in "年-./":
        at = text.find(mark, start, end)
        while at != -1:
            year_end = at
            if mark == "年":
                while year_end > start and text[year_end - 1] in _SPACES:
                    year_end -= 1
            if year_end - 4 >= start:
                found.add(year_end - 4)
            at = text.find(mark, at + 1, end)
    return sorted(found)


_SPACES = frozenset(" \xa0\u3000")  # (what _S matches)


def nfkc_digits(text: str) -> str:
    """Full-width digits → ASCII, keeping every character's offset (NFKC would not).
    The last text's answer is kept: dates() and periods() both ask for a report's prose."""
    last = _last_digits[0]
    if text is last[0]:
        return last[1]
    # (ten searches for one character each are five times quicker than one for [０-９])
    norm = text.translate(_FULLWIDTH_DIGITS) if any(d in text for d in "０１２３４５６７８９") else text
    _last_digits[0] = text, norm  # (one tuple: a thread reads the text and its answer together)
    return norm


_last_digits: list[tuple[str | None, str | None]] = [(None, None)]  # the text last asked for, and its answer
_FULLWIDTH_DIGITS = {0xFF10 + i: 0x30 + i for i in range(10)}


def periods(text: str, index: LineIndex, all_dates: list[Fact], stretches: Stretches | None = None) -> list[Period]:
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
            end = _date_of(end_match)
        else:
            short = _SHORT_NUMERIC if fact.raw[:4].isdigit() and "年" not in fact.raw else _short_date()
            # (自2014年1月1日起,至同年12月31日止: the start's year, named so; a real 2014 page of 清远市发展和改革局, round 488)
            end_match = short.match(norm, link.end() + (2 if norm.startswith(("同年", "当年"), link.end()) else 0))
            end = _date(str(fact.value.year), end_match.group("m"), end_match.group("d")) if end_match else None
        if end_match is None:
            continue
        stop = end_match.end()
        tail = _UNTIL.match(norm, stop)
        if tail:
            stop = tail.end()
        out.append(Period(fact.value, end, index.span(fact.span.start, stop), text[fact.span.start:stop]))
    taken = {p.span.start for p in out}
    # (_WHOLE_YEAR_RUN_TOGETHER's digits end in 1231, _WHOLE_YEARS_THEN_DATA's years come before 数据如下 or
    # 数据为: where those are not, they are not looked for)
    unsaid = {_WHOLE_YEAR_RUN_TOGETHER} if "1231" not in norm else set()
    if "数据如下" not in norm and "数据为" not in norm:
        unsaid.add(_WHOLE_YEARS_THEN_DATA)
    for m in (m for pattern in (_WHOLE_YEAR_DAMAGED, _WHOLE_YEAR_BY_MONTH, _WHOLE_YEAR_RUN_TOGETHER, _WHOLE_YEARS_BY_YEAR,
                                _WHOLE_YEARS_THEN_DATA)
              if pattern not in unsaid
              for m in _found(pattern, norm, stretches)):
        start = m.start("y")  # (the words before it in _WHOLE_YEAR_RUN_TOGETHER are no part of it)
        if start not in taken:
            taken.add(start)
            year = int(m.group("y"))
            end_year = int(m.group("y2")) if m.group("y2") else year
            out.append(Period(dt.date(year, 1, 1), dt.date(end_year, 12, 31), index.span(start, m.end()),
                              text[start:m.end()]))
    for m in _found(_FROM_NEW_YEAR_DAMAGED, norm, stretches):
        end = _month_day(int(m.group("y2")), m.group("md")) if m.start() not in taken else None
        if end is not None:
            taken.add(m.start())
            out.append(Period(dt.date(int(m.group("y")), 1, 1), end, index.span(m.start(), m.end()),
                              text[m.start():m.end()]))
    return out


def _month_day(year: int, digits: str) -> dt.date | None:
    """The one date a month and a day run together make (1130: 30 November; 111, 1 November
    or 11 January, is none)."""
    dates = {_date(str(year), digits[:k], digits[k:]) for k in (1, 2) if 1 <= len(digits) - k <= 2}
    dates.discard(None)
    return dates.pop() if len(dates) == 1 else None


# A whole year's period whose 年, 月 or 日 a web page lost ("从201711日起至1231日止",
# "202011日至20201231", "20241月1日至12月31日", "202011日起,至20201231日止", even
# "2025111231日" with 至 lost too, the 日 kept at its end, "从20221月1日截止到202212月31日"): read as the
# period it plainly is (PERIOD-004 says how it was read).
# (no digit before the year: looked at after its first digit, `1(?<!\d.)`, so that the
# pattern opens with the 1 or 2 and re skips to those, two and a half times quicker)
_WHOLE_YEAR_DAMAGED = compile_re(
    rf"(?P<y>(?:1(?<!\d.)9|2(?<!\d.)0)\d\d){_S}年?{_S}(?:0?1|元(?={_S}月)){_S}(?:月?{_S}0?1|月(?={_S}日)){_S}日?{_S}[起始]?{_S}[，,]?{_S}"
    rf"(?:截止到|截至到|截止|截至|至|到|——|—|－－|－|-|~|～|(?=12{_S}月?{_S}31{_S}日)|(?:(?<=[起始日])|(?<=[起始日] )|(?<=[起始日]\u3000))(?=(?:19|20)\d\d{_S}年?{_S}12{_S}月?{_S}31)){_S}"
    # (202511——20251231止, 201711日起20171231止, 2020年元月1日至202012月31日止: real 2025, 2017 and 2020 pages;
    # 2017年1月日起至2017年12月31日止, the first day's number lost: a real 2017 page's template, round 228;
    # 自20241月1日202412月31日, its 至 lost too: a real 2024 page of 秀屿区应急管理局, round 267)
    rf"(?:(?P<y2>(?:19|20)\d\d){_S}年?{_S})?12{_S}月?{_S}31{_S}日?{_S}止?(?!\d)")
# A whole year's period that lost every 年, 月, 日 and 至, its digits run together, right after the
# words that say it is the statistics period, which are no part of it (统计限自20251120251231,
# 统计期限为2016111231: real pages of 2025 and 2016, rounds 274 and 272, told they stated none; or after
# 涵盖, the report's coverage: 内容涵盖市人力资源社保障局2013111231期间的…工作情况, a real 2013 page, round 341).
_WHOLE_YEAR_RUN_TOGETHER = compile_re(
    r"(?:(?:统计(?:期限|时限|限|期)|数据期限)[ \u3000]*(?:为|是|[:：])?[ \u3000]*自?|涵盖[^。；;，,\n\d]{0,20})"
    r"(?P<y>(?:19|20)\d\d)0?10?1(?P<y2>(?:19|20)\d\d)?1231(?!\d)")
# A period from 1 January whose end a web page ran together too, to another day than 31
# December ("统计期限自201411日起至20141130日止": to 30 November, which PERIOD-002 reports).
_FROM_NEW_YEAR_DAMAGED = compile_re(
    rf"(?P<y>(?:1(?<!\d.)9|2(?<!\d.)0)\d\d){_S}0?1{_S}0?1{_S}日{_S}[起始]?{_S}[，,]?{_S}(?:至|到|—|－|-|~|～){_S}"
    rf"(?P<y2>(?:19|20)\d\d)(?P<md>\d{{2,4}}){_S}日{_S}止?")
# Whole years stated by their years alone, in the sentence of the statistics period ("所列数据的统计
# 期限自2003 年至2008 年止", a real 2008 page, round 335): 1 January of the first to 31 December of
# the last (PERIOD-002 says when that is more than one year). Elsewhere years joined by 至 are
# the prose's (2016年至2020年…), no period stated.
_WHOLE_YEARS_BY_YEAR = compile_re(
    rf"(?:统计|数据)[^。；;\n]{{0,12}}?(?:期限|时限|期间|区间)[^。；;\n\d]{{0,6}}?(?P<y>(?:19|20)\d\d){_S}年度?{_S}(?:起|开始)?{_S}[，,]?{_S}"
    rf"(?:至|到|—|－|-|~|～){_S}(?P<y2>(?:19|20)\d\d){_S}年度?(?!{_S}[\d元])(?:{_S}底)?(?:{_S}止)?")
# Whole years whose figures follow ("2013年到2017年,政务信息公开数据如下:", a real 2017 page of 通化市
# 人社局, round 383: five years' figures in a report of one): as _WHOLE_YEARS_BY_YEAR.
# (no digit before the year: looked at after its first digit, as in _WHOLE_YEAR_DAMAGED)
_WHOLE_YEARS_THEN_DATA = compile_re(
    rf"(?P<y>(?:1(?<!\d.)9|2(?<!\d.)0)\d\d){_S}年度?{_S}(?:起|开始)?{_S}(?:至|到|—|－|-|~|～){_S}(?P<y2>(?:19|20)\d\d){_S}年度?(?={_S}[，,]?{_S}"
    rf"(?:的)?(?:政务|政府)?信息公开(?:工作)?(?:的)?(?:统计)?数据(?:如下|为))")
# A whole year stated by its months ("统计时限为2022年1月至2022年12月"): 1 January to 31 December.
_WHOLE_YEAR_BY_MONTH = compile_re(
    rf"(?P<y>(?:1(?<!\d.)9|2(?<!\d.)0)\d\d){_S}年{_S}0?1{_S}月份?{_S}(?:起|开始)?{_S}[，,]?{_S}(?:至|到|—|－|-|~|～){_S}"
    rf"(?:(?P<y2>(?:19|20)\d\d){_S}年{_S})?12{_S}月份?(?![\d日])(?:{_S}止)?")


_UNTIL = compile_re(rf"{_S}止")


def contacts(text: str, index: LineIndex, stretches: Stretches | None = None) -> list[Fact]:
    out: list[Fact] = []

    def add(kind: str, start: int, end: int, raw_start: int) -> None:
        value = text[start:end]
        out.append(Fact(kind, value, index.span(start, end), text[raw_start:end]))

    for kind, label in (("phone", PHONE), ("fax", FAX)):
        for m in _found(label, text, stretches):
            number = None
            # the number follows the label after at most a few characters ("：", "（传真）：")
            for stop in range(m.end(), min(m.end() + 7, len(text))):
                number = _PHONE_NUMBER.match(text, stop)
                if text[stop] == "\n":  # (or alone on the next line: 电话: / 59729483 / 。, a page that set the number
                    number = _NUMBER_ALONE.match(text, stop)  # apart, a real 2011 page of 青浦区民政局, round 632)
                if number or text[stop] in "\n。；;" or (text[stop] in "，," and stop > m.end()) or text[stop].isdigit():
                    break
            if number is not None and number.group("v") == "12345" and not _LABEL_TO_HOTLINE.fullmatch(text, m.end(), number.start("v")):
                number = None  # (电话直呼及12345转接11876次, a count of calls, no number to call: a real 2023 page, round 388)
            if number is not None and not any(f.span.start == number.start("v") for f in out):
                start = number.start("v")
                if text[start] in "(（" and not any(c in ")）" for c in number.group("v")):
                    start += 1  # (the bracket the number stands in: 联系(0482-8310273), no area code's)
                add(kind, start, number.end("v"), m.start())
    if not any(f.kind == "phone" for f in out):  # (a number no label names, as only a phone is written: (某开发区0318-7781000),
        # or a local number after the office to contact: 请联系:某街道党政综合办公室,86515145, or run on after it)
        for m in chain(_found(_DASHED_PHONE, text, stretches), _found(_CONTACT_NUMBER, text, stretches)):
            start, end = m.span("v")
            if not any(f.span.start <= start < f.span.end for f in out):  # (not a fax's number)
                add("phone", start, end, start)
                break
    for kind, found in (("address", _found_at(ADDRESS, text, stretches, _address_starts)),
                        ("postcode", _found(POSTCODE, text, stretches)),
                        ("email", _emails(text))):
        for m in found:
            if kind == "address" and text[max(0, m.start() - 2):m.start()].endswith(_NOT_POSTAL):
                continue
            start, end = m.span("v")
            value = text[start:end]
            start += len(value) - len(value.lstrip(" \u3000\xa0"))
            end -= len(value) - len(value.rstrip(" \u3000\xa0"))
            if kind == "address" and (not any(map(_is_ideograph, text[start:end]))
                                      or not _PLACE_OF_ADDRESS.search(text, start, end)):
                continue
            add(kind, start, end, m.start())
    for m in (_found(URL, text, stretches) if "http" in text or "www" in text or "WWW" in text else ()):
        start, end = m.span("v")
        while end > start and text[end - 1] in _URL_TRAIL:
            end -= 1
        add("url", start, end, start)
    taken = [(f.span.start, f.span.end) for f in out if f.kind == "address"]
    for stretch_start, stretch_end in ((0, len(text)),) if stretches is None else stretches:
        found = _street_end(text, stretch_start, stretch_end)
        while found is not None:
            start, end = _street_start(text, found.start()), _building_end(text, found.end())
            found = _street_end(text, end, stretch_end)
            if start is None or any(s < end and start < e for s, e in taken):
                continue
            add("address", start, end, start)
    out.sort(key=lambda f: (f.span.start, f.kind))
    return out


# ------------------------------------------------------------------------------ issuer
# The kind of body is told by the end of its name, never by a word inside it:
# 某县人民政府办公室 is a department, 某经济开发区管委会 is no people's government,
# 某街道办事处 is a subdistrict office (not a department: 处), 某市国有资产监督管理委员会 is
# a department (not a 管理委员会 of a zone). The first kind whose suffix fits wins.
_KIND_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # (东丽湖街: 天津 names its 街道 so; 东新街道人民政府办事处, a real 2022 page's slip)
    ("subdistrict", ("街道办事处", "街道办", "街道", "街办事处", "街办", "街", "街道人民政府办事处")),
    # (customs, managed from above: no 区's government; a bureau's own offices, 重庆市市场监督管理局机关,
    # a real 2023 page, round 377)
    ("department", ("海关", "关区", "局机关")),
    # a 社区 or 村 is self-governed, no administrative body: none of the kinds the rules name
    ("unknown", ("社区", "社区居委会", "居委会", "居民委员会", "村委会", "村民委员会",
                 "农场", "林场", "农场政府", "林场政府")),  # (a state farm, 蒋湖农场: no people's government)
    ("department", ("监督管理委员会", "城市管理委员会")),  # (天津市城市管理委员会: a city's department, no zone's)
    # (a 新区 is a zone under its 管委会, 重庆两江新区, 银湖湾滨海新区; but 上海's 浦东新区 and 天津's
    # 滨海新区 are districts)
    ("government", ("浦东新区", "天津市滨海新区")),
    # (a 盟's or 地区's 行政公署, the province's or region's agency for its counties: a government's report,
    # published as one; no department, though its name ends in 署)
    ("government", ("行政公署", "行署")),
    ("committee", ("管理委员会", "管委会", "开发区", "经开区", "高新区", "新区", "园区", "示范区", "试验区", "保税区", "合作区",
                   "产业园", "工业园", "度假区", "风景区", "旅游区", "实验区", "管理区", "投资区", "综合保税区",
                   "自贸区", "自由贸易区", "产业区", "集聚区", "功能区", "物流区", "经济区",
                   "园管理办", "园区管理办")),  # (钦州市北部湾华侨投资区: a zone's 管委会; 通航产业园管理办, a park's office under its 管委会)
    # (a township's office is no body of its own: 吉村镇人民政府办公室's report, filed under the town, is the town's)
    ("township", tuple(town + office for town in ("乡人民政府", "镇人民政府", "乡政府", "镇政府", "乡", "镇")
                       for office in ("办公室", "党政办公室", "党政综合办公室", "党政办")
                       if town not in ("乡", "镇") or office != "办公室")),  # (not 统筹城乡办公室)
    # (延安市人民政府研究室, a government's research office, a real 2021 page, round 513; 参事室)
    ("department", ("办公室", "办公厅", "研究室", "参事室", "委员会", "办事处", "局", "厅", "委", "办", "中心", "院", "所", "署", "部",
                    "处", "站", "队", "馆", "会", "供销社", "联社", "合作社", "合作总社", "联合社",  # (宜城市供销联社)
                    # (a vertical body's service named as a whole, 湖北省咸宁市气象部门, a real 2022 page, round 692; a
                    # central bank's branch, 中国人民银行某中心支行)
                    "气象部门", "支行", "分行")),
    ("township", ("乡人民政府", "镇人民政府", "乡政府", "镇政府", "苏木人民政府", "苏木", "乡", "镇", "乡人民政府机关",
                  "镇人民政府机关")),
    ("government", ("人民政府", "政府", "人民政府机关", "自治县", "自治州", "自治区", "县", "区", "市", "州", "盟", "旗", "省")),
)
ISSUER_KINDS = ("township", "subdistrict", "government", "department", "committee", "unknown")


_BLANKS = compile_re(r"[\s\u3000]+")
# A district's 办事处 named by its place alone, no 街道 said: the district's street office (not a
# government's office in another city, 驻京办事处, nor a body's 办事处 of its own, 某局某办事处)
_DISTRICT_OFFICE = compile_re(r"区(?:人民政府)?(?:(?!中心|[驻局委厅院所站队])[\u4e00-\u9fff]){2,4}办事处$")
_JOINT_NAME = compile_re(r"[区县市]人民政府[\s\u3000、]+\S{2,16}(?:管委会|管理委员会)$"
                         r"|(?:管委会|管理委员会)[（(][^（）()\s]{2,16}[区县市]人民政府[）)]$"  # (苏州高新区管委会(虎丘区人民政府): round 311)
                         r"|(?:高新区|开发区|经开区)[（(][^（）()\s]{1,16}(?<![园新发济])[区县市](?:人民政府)?[）)]$")  # (高新区(新市区): round 332)


def issuer_kind(name: str) -> str:
    if _JOINT_NAME.search(name):  # (广州市黄埔区人民政府 广州开发区管委会: one body, two names, a government)
        return "government"
    name = _BLANKS.sub("", nfkc(name))
    if _DISTRICT_OFFICE.search(name):  # (铜陵市铜官区东郊办事处, 郑州高新区双桥办事处: a street office)
        return "subdistrict"
    for kind, suffixes in _KIND_SUFFIXES:
        if name.endswith(suffixes):
            return kind
    return "unknown"


_YEAR = rf"(?:\d{{4}}|{_CJK_YEAR})"
_TITLE_BODY = compile_re(  # (after a bullet or a table cell's bar, a web page's label of the article, if any: 【图文】, or of its title: 标  题,
    # 名  称, 公报标题 (a 公报's page, round 518), 中文名 (an encyclopedia mirror's box), 图解: (its version as a graphic), a flipbook's Page 2 -; and after
    # a year, 2025湖口县大垅乡2025年度…)
    r"^[-•·*|｜\s\u3000《]*(?:【[^】\n]{1,8}】[ \u3000]*|(?:(?:信息|公报)?[标名][ \u3000]*[题称]|中文名|图解)[ \u3000]*[:：|]?[ \u3000]*"
    r"|(?:音频|视频|图文)[ \u3000]*[|｜:：][ \u3000]*"  # (音频|长沙市开福区2023年度…: the page's label of a version read aloud)
    r"|Page[ \u3000]*\d+[ \u3000]*-[ \u3000]*)?(?:关于)?(?:" + _YEAR + r"[ \u3000]*年?度?)?[ \u3000]*(?P<name>.+?)[ \u3000]*(?:关于|的)?[ \u3000]*"
    r"(?:[（(]?" + _YEAR + r"(?:[ \u3000]*(?:年度?|度)|(?=政务|政府|信息))[)）]?|政府信息公开|政务信息公开|政务公开|信息公开"
    # (or 政府 of 政府信息公开 set before the year, after a department's name: 坡头区住建局政府2019年信息公开工作年度报告,
    # a real 2019 page, round 443, whose 住建局政府 had been read as a government)
    r"|(?:(?<=局)|(?<=委)|(?<=委员会)|(?<=办公室)|(?<=中心))政府(?=[ \u3000]*" + _YEAR + r"[ \u3000]*年度?[ \u3000]*信息公开))"
)
_SIGNATURE = compile_re(r"^[ \u3000]*(?P<name>[^\s，。；：:,]{2,40}?(?:人民政府|政府|办事处|委员会|管委会|办公室|办公厅|局|厅|委|办|中心|院|乡|镇|街道))[ \u3000]*$")


_GENERIC_NAME = compile_re(r"(?:人民)?政府|政务|本(?:机关|单位|部门|级政府|级)|我(?:局|委|办|厅|署|乡|镇|县|区|市|旗|州|盟|单位)"
                           r"|(?:街道)?办事处|办公室|委员会|管委会")  # (a kind of body, no body's name)


def without_second_name(name: str) -> str:
    """A name less the second name after it (武昌经开区管委会(滨江商务区管委会), X(以下简称…))."""
    return _ALIAS.sub("", name)


def is_generic_name(name: str) -> bool:
    """Whether a name is a kind of body only (人民政府, 办公室, 我局), no body's name."""
    return _GENERIC_NAME.fullmatch(name) is not None


def _body_before_matter(text: str) -> tuple[int, int] | None:
    """Where the body stands in a title, or a sentence that names the report as a title
    does: before the year or the matter (政府信息公开…)."""
    m = _TITLE_BODY.match(nfkc_digits(text))
    if not m:
        return None
    start, end = m.span("name")
    # "某县人民政府信息公开工作年度报告": the body is 某县人民政府, its 政府 shared with the title.
    if text[start:end].endswith("人民") and text.startswith("政府", end):
        end += 2
    return start, end


def issuer_from_title(title: str, span: Span, index: LineIndex) -> Issuer | None:
    found = _body_before_matter(title)
    if found is None:
        return None
    start, end = found
    written = title[start:end].strip(" \u3000：:“”\"")  # (2024年北京市“政府信息公开…”: the quote no part of it)
    name = _ALIAS.sub("", written) or written  # (遵义市播州区人民政府(区政府办公室): the body, not its second name)
    # (a list's number, 1、2022年市政府信息公开工作年度报告 on a document-sharing site's page, round 592: no name)
    if (len(name) < 2 or name[-1].isdigit() or name.endswith("年") or _GENERIC_NAME.fullmatch(name)
            or not any("\u4e00" <= ch <= "\u9fff" for ch in name)):
        # (or the body in brackets after it: 2024年政府信息公开工作年度报告(上海市嘉定区国防动员办公室))
        after = _BODY_AFTER_TITLE.search(title)
        if after is None or issuer_kind(after.group("name")) == "unknown":
            return None
        name, start = after.group("name"), after.start("name")
    at = span.start + title.index(name, start)
    department = _DEPARTMENT_AFTER_YEAR.match(nfkc_digits(title), end) if name.endswith(_PLACE_ENDS) else None
    if department is not None:  # (宣城市2021年气象局…: the body is 宣城市气象局, the year inside its name)
        name += department.group("name")
        return Issuer(name, issuer_kind(name), index.span(at, span.start + department.end()), "title")
    return Issuer(name, _kind_by_names(written, name), index.span(at, at + len(name)), "title")


# A department's name after the year, its place before it (宣城市2021年气象局政府信息公开工作年度报告, a real
# 2021 page, round 545, whose body had been read as the city's government)
_PLACE_ENDS = ("省", "市", "县", "区", "州", "旗", "盟")
_DEPARTMENT_AFTER_YEAR = compile_re(
    r"[ \u3000]*" + _YEAR + r"[ \u3000]*年度?[ \u3000]*(?P<name>[\u4e00-\u9fff]{1,12}?(?:局|委员会|委|办公室|厅|署|中心))"
    r"(?=[ \u3000]*(?:政府信息公开|政务信息公开|政务公开|信息公开))")


def _kind_by_names(written: str, name: str) -> str:
    """The kind of a body written with its second name in brackets after it (`written`),
    `name` its first: one body under two names, a zone's and a district's, is a government
    (苏州高新区管委会(虎丘区人民政府), 高新区(新市区)), as issuer_kind says of the two apart."""
    return "government" if _JOINT_NAME.search(written) else issuer_kind(name)


_BODY_AFTER_TITLE = compile_re(r"(?:年度报告|年报)[ \u3000]*[（(](?P<name>[^（）()\n\d]{2,24})[）)][ \u3000|｜]*$")


# Sentences of an introduction that name the body whose report it is, when no title line
# does (a web page shows the title only around the article): "现公布开阳县冯三镇人民政府
# 2020年…年度报告", "由两城镇人民政府党政办公室编写", "唐村镇政府编制2020年…年度报告",
# "发布机构：参内乡", "请与盐城市大丰区人民政府办公室联系". The body of the report, not the
# office inside it that drafted it or answers questions.
@functools.cache
def _publishes() -> re.Pattern:
    """"现公布…", "现向社会公开《…》", "现向社会公开X2024年…", "现公开X2024年…", "编制完成《…》", "编制形成2021年X…",
    "制作X2023年…", "特编制2020年度X…", "特制定X2019年度…工作报告",
    "现编制并发布X2025年度…", "全面总结X2025年政府信息公开工作情况", "…，结合X2024年政府信息公开工作实际" (or
    "…，结合2023年X政府信息公开工作实际", "…,结合2021年X政府信息公开工作编制而成" (the year first only: with X first it
    may be a township's copy of its district's words, 结合杭州市滨江区人民政府2022年度…编制而成 in a street's report),
    "…,结合X政府信息公开(工作)情况编制" (天津's opening, no year: 结合滨海新区政府信息公开工作情况编制),
    "全面总结了X…", "总结梳理X2023年政务公开工作…", "…编制,涵盖X2024年信息公开工作情况", "根据《…》和2019年X政府信息公开工作开展情况编制", "根据2023年X信息公开
    工作实际编制而成"),
    "…要求,发布X2024年政府信息公开…": compiled when an opening
    paragraph first holds one of those words (most reports' do not; its classes of CJK
    characters cost re ~2.5 million instructions to compile)."""
    return compile_re(r"(?=[现特向公编制发总结和根涵])(?:现|特|现特|特此|现将)?(?:向全?社会)?(?:公布(?!于)|(?<=[现此会并])发布|(?<=[现会])公开(?:发布)?(?=[《“]|[^。；;\n《]{0,40}?(?:19|20)\d\d年)"
                      r"|(?<=[，,文告])涵盖(?=[^。；;\n《]{0,40}?(?:19|20)\d\d年度?(?:政府信息|政务|信息)公开)"
                      r"|(?<=[，,])发布(?=《?[^。；;\n《》]{2,40}?(?:19|20)\d\d年度?(?:政府信息|政务|信息)公开)"
                      r"|(?:编制|制作|(?<=特)制定)(?:完成|形成|了)?(?![本我并和及与形发公好工，,、])(?=《|[^。；;\n《]{0,40}?(?:19|20)\d\d年)"
                      r"|(?:(?<=全面)总结了?|总结梳理)(?=[^。；;\n《]{0,40}?(?:19|20)\d\d年度?(?:政府信息|政务|信息)公开)"
                      r"|(?<=[，,])结合(?=[^。；;\n《]{0,40}?(?:19|20)\d\d年度?(?:政府信息|政务|信息)公开工作(?:实际|情况)"
                      r"|(?:19|20)\d\d年度?[^。；;\n《]{2,24}?(?:政府信息|政务|信息)公开工作(?:实际|情况|编制)"
                      r"|[^。；;\n《\d]{2,24}?(?:政府信息|政务|信息)公开(?:工作)?情况编制(?![^。；;\n]{0,2}而成))"
                      r"|(?<=[》)）])和(?=(?:19|20)\d\d年度?[^。；;\n《]{2,24}?(?:政府信息|政务|信息)公开工作(?:开展)?情况编制)"
                      r"|根据(?=(?:19|20)\d\d年度?[^。；;\n《]{2,24}?(?:政府信息|政务|信息)公开工作(?:实际|开展情况|情况)编制))"
                      r"(?P<rest>[^。；;\n]{4,60})")


# "郑州高新技术产业开发区管委会国土规划住建局向社会公布2022年度…年度报告": the sentence's subject
_PUBLISHES_ITS_OWN = compile_re(r"[ \u3000]*(?P<name>[^，,。；;：:\n《》“”]{2,40}?)(?:现|特此|正式)?向社会(?:公布|发布|公开)了?"
                                r"(?=《?(?:19|20)\d\d[ \u3000]*年)")
# "现将柞水县医疗保障局2024年政府信息公开工作年度报告如下" (or …向社会公布, …进行公布): whose report follows
_AS_FOLLOWS = compile_re(r"现将(?P<rest>[^。；;\n]{4,60}?(?:年度报告|工作报告|年报))[》”]?(?:[（(][^（）()\n]{1,16}[）)])?"
                         r"(?:(?:公布|发布|报告)?如下|予以(?:公开)?(?:公布|发布|公开)|向社会(?:公布|发布|公开)|进行(?:公布|发布|公开))")
# "现就疏勒县人民政府2020年度政府信息公开情况报告如下" (or 现将平江县三墩乡2025年度…工作情况报告如下,
# a real 2025 page, where 全面展现乡 of a later sentence had been taken for the body): whose year it reports on
# (or its parts listed, 现将任留街道办事处2023年度信息公开工作的总体情况、主动公开信息情况、…等方面的报告如下: a real
# 2023 page, round 412)
_REPORTS_ON = compile_re(r"现(?:就|将(?=[^。；;\n]{4,120}?(?:情况|方面的)报告如下))(?P<rest>[^。；;\n]{4,120}?)报告如下")
# "本报告为舟山市发展和改革委员会政府信息公开工作年度报告" (a real 2022 page): whose report this is
_IS_REPORT_OF = compile_re(r"本(?:年度)?报告为(?P<rest>[^。；;\n《]{4,60}?(?:年度报告|工作报告|年报))")
# "汇总2016年度溶江乡政府的政务公开年度报告编制而成" (丽水 townships' template): whose report it brings together
_GATHERS = compile_re(r"汇总(?P<rest>(?:19|20)\d\d[^。；;\n]{4,60}?(?:年度报告|年报))编制")
_OPENS_AS_TITLE = compile_re(r"《?(?P<rest>[^，,。；;：:\n《》“”]{2,40}?(?:19|20)\d\d[ \u3000]*年度?[^，,。；;\n《》]{0,16}?"
                             r"(?:年度报告|年报)|(?:19|20)\d\d[ \u3000]*年度?[^，,。；;：:\n《》“”\d]{0,30}?(?:年度报告|年报))》?"
                             r"(?:[（(]以下简称[^（）()\n]{1,12}[）)])?"  # (its short name: …年度报告(以下简称年报)是根据…)
                             r"(?:是|由|根据|依据|按照|[，,])")  # (or the year first: 2024年丽水市…年度报告根据…编制)
# (and 2009年年报根据…编制, the year and 年报 alone: a real 2009 page of 海南省, round 491, whose year had been unknown)
# (or the name as the subject of the first sentence: 2024年柳北区人民政府办公室…年度报告,坚持以…, a real
# 2024 page, round 399)
# (or in its marks, an encyclopedia's first line: 《泰安市财政局2010年信息公开工作年度报告》是泰安市财政局2010年发布的一份报告,
# a real 2010 page, round 563)


def report_named_first(text: str) -> str | None:
    """The report's name a paragraph opens with, as its title would give it (常太镇2019年
    政府信息公开年度报告是根据…编制; 2024年柳北区人民政府办公室…年度报告,坚持以…)."""
    m = _OPENS_AS_TITLE.match(text)
    return m.group("rest") if m else None


_BY = (r"由(?P<name>[^，,。；;（(\n由]{2,30}?)(?:[（(][^（）()\n]{1,20}[）)])?"  # (its second name, 以下简称…)
       r"(?:(?:根据|依据|按照|结合|综合)[^。；;\n]{0,160}?)?(?:负责)?(?:汇总)?(?:共同|联合)?")  # (根据 two notices' names; 汇总编制;
# 由闸北区政府、静安区政府共同编制, two districts' report in the year they merged: a real 2015 page)
_COMPILED_BY = compile_re(_BY + r"编(?:制|写|印)")
_MADE_BY = compile_re(_BY + r"制作(?=本|《|[^。；;\n]{0,12}(?:年度报告|年报))")  # (由广州市生态环境局制作本报告)
# (由X综合各部门…编制: X brings the reports of the government's parts together, so the report
# is the government's; its general office doing so stands for it, 由区人民政府办公室综合…)
_CONSOLIDATING_OFFICE = compile_re(r"(?P<government>.*人民政府)(?:政务公开|信息公开)?办公(?:室|厅)$")  # (杨陵区人民政府政务公开办公室)
# (no 报告 in the name: 本年度报告由周湾镇人民政府编制 is _COMPILED_BY's, a real 2021 page, round 102)
_COMPILES = compile_re(r"(?:^|[，,。；;：:\s])(?!由)(?P<name>(?:(?!报告)[^，,。；;：:\s]){2,30}?)编(?:制|写)(?:了|完成)?(?:本|" + _YEAR
                       + r"[ \u3000]*年度?)?[^。；;\n]{0,12}(?:年度报告|年报|(?<=本)报告|(?<=公开)工作报告)")  # (…编制了2017年政府信息公开工作报告)
_PUBLISHER_LINE = compile_re(r"^[-*·•\s]*(?:(?:发布机构|发布单位|信息来源|来源|工作机构名称)[ \u3000]*[:：]|发文机关[ \u3000]*[:：]?)"
                             r"[ \u3000]*(?P<name>[^\s，,。；;:：]{2,30})")
_PUBLISHER_FIELD = compile_re(r"(?<=[ \u3000])(?:发布机构|发布单位|信息来源)[ \u3000]*[:：][ \u3000]*(?P<name>[^\s，,。；;:：]{2,30})")
# (a county's, district's or city's 人民政府办公室 is a body of its own, the government's general
# office: 请联系：向阳区人民政府办公室 under that office's own report; a township's is its office;
# a 政府 of a place only, 朝阳乡政府信息公开办公室, not of a school, 怀远二中政府信息公开办公室: the school's unit, round 388)
_DRAFTING_OFFICE = compile_re(r"(?P<body>(?<![县区市州旗盟省]人民)(?<=[乡镇县区市州旗盟省民木])政府|(?<=[中学校院所])(?=政府信息公开)|办事处|委员会|管委会|区|县|市|旗|局|委|厅|中心|馆|乡|镇|街道|(?<=[联合作供销])社"  # (临沂市供销合作社联合社办公室: the 联合社's, round 535)
                              r"|办公室(?=[\u4e00-\u9fff]{0,4}[科股]$)"  # (某市人民防空办公室综合科: the 办公室 a body)
                              r"|办公室(?=(?:政府信息公开|政务公开|信息公开)[\u4e00-\u9fff]{0,8}?领导小组办公室$)"  # (…外事办公室政府信息公开领导小组办公室)
                              r"|(?<=政府)办公[室厅])"  # (…人民政府办公室政务公开办, …办公厅政府信息公开处 or 办公室: its unit)
                              r"(?:(?:政府信息公开|政务公开|信息公开)[\u4e00-\u9fff]{0,8}?领导小组办公室|(?<=[室厅局委会心馆中学校院所])(?:政府信息|政务)公开(?:工作)?(?:[处科]|办公室)"
                              r"|(?:政府信息公开)?申请受理(?:机构|窗口|部门)|(?:政务公开|政府信息公开)(?:工作)?机构"
                              r"|(?!人民防空|人防|扶贫|地方志|史志|金融|口岸|机要|保密|信访|外事|侨务|国防动员|防汛|打私|海防)"
                              r"(?:(?!政府|中心|[局委厅院办乡镇街区县市旗馆站队所])[\u4e00-\u9fff]){0,6}办公室|(?<=[乡镇]人民政府)[\u4e00-\u9fff]{1,10}(?:室|中心)|政务公开办|党政办|党政综合办|党政综合科|综合办|党建办|综治办|综合事务部|党政综合部"
                              r"|(?<=[局厅])(?:指挥中心|信息中心)|(?<=[局厅委室])[\u4e00-\u9fff]{0,4}[科股])$")
# (an office of the body's, 党政办公室, 综合督考办公室, a 局's 指挥中心 or 综合科, a township government's
# 综合信息指挥室…: not a body of its own, 财政局, 某镇, 高新区, 档案馆…; but a city's 人民防空办公室, 地方志办公室,
# 金融工作办公室… are departments of their own)
# (a name may hold a short bracket of its own, 中国(福建)自由贸易试验区福州片区管理委员会; a longer one
# after it, its other name or its phone, ends it)
_CONTACT_OFFICE = compile_re(r"请(?:与|联系[ \u3000]*[:：]?[ \u3000]*)(?P<name>(?:[^，,。；;（(：:\n]|[（(][^（）()，,。；;：:\n]{1,6}[）)]){2,30}?)"
                             r"(?:联系|，|,|。|；|;|[（(](?![^（）()，,。；;：:\n]{1,6}[）)])|$)")
# (如有疑问，可与…联系; 与 left out, 可X党政办联系; 可向…联系; 直接与…联系; not a way to write first,
# 可通过网站的…意见箱反映或直接与漳平市人民政府办公室联系: a real 2022 page, whose clause had been read as a body's name;
# 可到X联系, a real 2024 page of 秀屿区应急管理局, round 535: not 到X)
_MAY_CONTACT = compile_re(r"(?:可直接|可|直接)[与向到]?(?P<name>(?:(?!通过|或)[^，,。；;（(：:\n]){2,30}?)联系")  # (可直接与X联系)
_CALL_OFFICE = compile_re(r"可?致电(?P<name>[^，,。；;（(：:\n]{2,30}?)(?:，|,|。|（|\(|$)")  # (可致电X办公室，电话…)
# "杭州市余杭区司法局(区行政复议局)根据《…》等规定编制本报告": the paragraph's subject compiled it
# (or a clause's: "…的通知》要求,上饶市人民政府根据全市…情况,编制本报告")
_SUBJECT_COMPILES = compile_re(r"(?:^|[，,。；;])[ \u3000]*(?P<name>[^，,。；;（(《\n]{2,30}?)(?:[（(][^（）()\n]{1,16}[）)])?"
                               r"(?:根据|依据|依照|按照)[^。；;\n]{0,100}?编(?:制|写)(?:了)?本(?:年度)?报告")
# who drafted the report, who answers about it (the body, not its office), with a word each
# needs and how far before the word's first place a match can start at most (由, a name of 30,
# 根据 and what it names, 负责 before 编; a mark and a name before 编; 请 itself; the
# paragraph's start):
# searched from there (_COMPILES, which opens with no character re can skip to, is tried at
# every position)
_DRAFTED_OR_ANSWERED = ((_COMPILED_BY, "编", 240), (_MADE_BY, "制作", 240), (_COMPILES, "编", 31), (_CONTACT_OFFICE, "请", 0),
                        (_MAY_CONTACT, "可", 0), (_CALL_OFFICE, "致电", 1),
                        (_SUBJECT_COMPILES, "编", 10_000))
# What no body's name holds: a clause's punctuation or a notice's words, or ends as 我乡 does,
# or a year (…工作的通知》的要求,现将我局, ,是本镇, 度我乡 of 2018年度我乡: pieces of a sentence
# a pattern took for a name); nor a clause's subject (政府信息公开工作是全区…, round 482), nor a hall
# (办事大厅, a website's channel listed under 我厅, round 483), nor what a sentence is about (对43个省会城市及
# 较大的市政府网站…进行测评, round 491)
_NO_NAME = compile_re(r"[，,。；;：:《》“”\"!！？?]|通知|要求|现将|现公开|工作是|大厅$|\d+个|[我本](?:局|委|办|乡|镇|县|区|市|旗|州|盟|单位|机关|部门|街道|街|中心)$"
                      # (全镇, the whole town, after a verb or alone; not 福全镇, 万全镇: a real 2011 page of 福全镇, round 313;
                      # 形成全镇总动员的良好形势, a real 2013 township's page, round 479)
                      r"|(?:(?<![\u4e00-\u9fff])|实现|覆盖|推进|推动|负责|形成|营造|在|对|到|为)全(?:局|委|办|乡|镇|县|区|市|旗|州|盟|单位|机关|部门|街道|街|中心)$"
                      r"|(?<![\u4e00-\u9fff])全(?:街道|乡|镇)|(?:大|全|格|布|开|结)局$|^(?:实现|利用|推动|推进|促进|指导|监督|协调|统筹|带动|组织|督促|确保|目前|当前|今年|全年|认真|做好|抓好|切实|落实|涵盖|包括|涉及|加快|加大|对)"
                      r"|^[县区市州旗盟省乡镇](?:人民)?政府(?:办公[室厅])?$"  # (区政府, 区人民政府办公室, 镇政府: which district's, which town's?)
                      r"|乡镇$|累计"  # (主动公开系统累计公开街乡镇动态信息: townships in general)
                      r"|负责[局委办厅署]$"  # (专门负责厅机关政府信息公开工作: a real 2019 page of 辽宁省民政厅, round 380)
                      r"|^(?:所有|一切|全部|各类|各项)|由(?:局|委|办)$"  # (所有公开信息由局办公室主动收集: a real 2020 page, round 302)
                      r"|^[我本](?:乡|镇|县|区|市|旗|街道|局|委|办)"  # (现公布我乡人民政府…: which 乡?)
                      r"|^(?:党政综合|党政|综合事务|综合|党建|综治)(?:办公室|办)$"  # (请与党政综合办公室联系: an office, whose?)
                      r"|^(?:工作)?领导小组"  # (领导小组办公室根据…: the group's office, whose?)
                      r"|(?:19|20)\d\d年")  # (特向社会公开2021年度由黄思湾街道 of …由黄思湾街道编制的…年度报告: a clause)
# (…(以下简称…), or the body's second name: 苏州高新区管委会(虎丘区人民政府), one body)
_OFFICE_ALIAS = compile_re(r"[（(][\u4e00-\u9fff]{0,8}?人民政府(?P<office>办公厅|办公室)[）)]$")
_ALIAS = compile_re(r"[（(](?:(?:以下简称|下称|简称)[^)）]*[)）]?|[^（）()\n]{2,20}[)）])$")  # (its ) lost on a page, too)
# What a body does as the subject of a report's sentence (2025年，某局认真…, 某县人民政府坚持…)
_ACTS = r"(?:认真|坚持|按照|本着|准确把握|严格|始终|依法|切实|积极|全面|进一步|高度|十分|深入|紧紧围绕|围绕|不断|主动|重视|加强|着力|扎实|持续|坚决|贯彻|紧扣|聚焦|立足)"  # (贯彻: 贯彻落实, 贯彻执行, 贯彻党中央…)
# (某镇人民政府在县委、县政府的领导下…, 包头市人民政府办公室以习近平…思想为指导, 二七区人民政府办公室以
# 提升…质量为抓手: the sentence's subject too)
_LED = r"(?:在[^，,。]{0,30}(?:领导|指导|部署|指引)下|以[^，,。]{0,30}为(?:指导|统领|引领|指引|抓手|契机|主线|导向))"


def _body_of_office(name: str) -> str:
    """The body an office's name names (_DRAFTING_OFFICE): 某局办公室 → 某局; and 某局局党政办公室
    (the bureau's 局党政办公室: 硚口区教育局局党政办公室, a real 2024 page, round 562) → 某局."""
    body = _DRAFTING_OFFICE.sub(r"\g<body>", name)
    return body[:-1] if body.endswith("局局") and body != name else body


# The body as the subject of a sentence of its own report: "2023年，在区委、区政府的领导下，
# 官洲街道办事处认真落实…", "南薰乡未收取任何费用", "2022年,白云街以…为指导" (a street office's
# short name, as Guangzhou's write it) (the last resort, when nothing else names it).
@functools.cache
def _subject() -> re.Pattern:
    """(compiled when a report first needs this last resort: its CJK range costs re
    ~10 million instructions to compile)"""
    return compile_re(
        r"(?:^|[，,。；;])(?:在?\d{4}年(?:度)?(?:以来)?[，,]?)?(?:在[^，,。]{0,24}[，,])?"  # (2017年以来红石砬子镇认真…: not 以来X, round 533)
        r"(?P<name>(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{2,10}[）)]){2,16}?(?:街道办事处|街道|街|人民政府办公室|人民政府|[乡镇]政府|(?<![办室表委、和及与])[县区市旗]政府|委员会|管委会|管理局|办公室|局|厅|署|(?<![党工])委|乡|镇|县|(?<!红)旗"
        r"|(?<![服务信息数据指挥])中心|机关(?:事务)?服务中心"  # (2021年,珠海市不动产登记中心全面…: a centre of its own, no hall of a body's;
        # 2025年,句容市机关服务中心认真…, the government's services to its offices, a real page, round 514)
        r"|市|区))"  # (2024年,朔州市认真…: a name of three characters at least, no 城区 or 市区; 2019年,东乌旗深入…)
        r"(?:(?:党工委|党委)[、和]?(?:办事处|人民政府|政府)?)?"  # (新开河街道党工委、办事处按照…: the street's)
        r"(?:[（(](?:以下简称|简称|下称)[^（）()\n]{1,12}[）)])?"  # (北京市西城区教育委员会(以下简称区教委)坚持…)
        # (or a sentence saying what the body is: 绍兴市卫生健康委是主管全市…的市政府职能部门, a real 2020 page, round 516)
        r"(?=(?:(?:政府)?(?:信息公开|政务公开)工作)?(?:" + _ACTS + r"|根据|依据|未|共|全年|通过|以|" + _LED
        + r"|是(?=[^。；;\n]{0,40}?(?:职能部门|工作部门|组成部门|直属机构|派出机构|主管部门))))")


_GENERAL_OFFICE = compile_re(r"[县区市州旗盟省](?:人民)?政府办公[室厅]$")
_SELF = compile_re(r"(?:我|本)(?P<suffix>局|委|厅|镇|乡|街道|中心)")
_FUNCTION_WORDS = frozenset("于无的了和与及对向从将为是有在把被等由尚已均我本各该此")  # (a clause, not a name)
# What opens a clause, not a name (根据市政府乡镇…目录, 线下依托镇政务服务大厅…, 以下简称经开区管委会)
_CLAUSE_OPENINGS = ("根据", "依据", "依照", "按照", "对照", "依托", "通过", "结合", "围绕", "针对", "线上", "线下",
                    "以下简称", "简称", "继续", "进一步", "并", "同时", "加强", "健全", "完善", "不断", "持续", "积极", "深入",
                    "紧密", "紧紧", "坚持", "立足", "聚焦",  # (紧密结合矾山镇2024年度…: no name)
                    "大力", "着力", "全力", "努力", "认真", "切实", "扎实", "推进", "推动", "做好", "抓好", "规范", "提升",
                    "开展", "落实", "具体",  # (大力加强镇政府信息公开建设: a verb's object, the town's 政府 after it)
                    "服务大局", "服务大中心",  # (…中心工作,服务大中心,不断提升…: a slogan, a real 2022 page of 华容区, round 609)
                    "正式", "推出",  # (正式推出市教育局官方公众号: the account launched, no body, a real 2017 page of 海口市, round 643)
                    "内容", "涵盖")  # (内容涵盖镇政府2011年…: the report's contents, a real 2011 page, round 321)
# What opens a clause that names another body, no subject (…要求,会同区司法局全面做好…: 会同, together with;
# 会同县 is a county). Not left out of the bodies a report names beside 我局 (会同市林业局、市农业农村局:
# two bodies named, no guess; one of them left out would leave the other to be taken)
_TOGETHER_WITH = ("会同区", "会同市")
# "机构改革后成立X局": X局; "发文机关X镇人民政府" (a web page's metadata label run on): X镇; "可联系X局办公室": X局
# (a real 2023 page of 同安区统计局, round 517, had been 可联系厦门市同安区统计局)
_FOUNDED = compile_re(r"(?:.*(?:成立|组建|设立|建立|挂牌)|(?:发文|发布|所属|主办)(?:机关|机构|单位)|信息来源|来源|[可请](?:直接)?联系"
                      r"|(?:主动)?(?:公开|发布|公布))?")  # (…,主动公开湖南省司法厅2023年部门预算…: the body the verb's object's, round 552)
# (or at the head of a document it made: 制定《河西区市场监管局政务信息发布流程》; not a word the kind opens:
# 宣传维护镇域形象, a real 2025 page of 安定镇, round 249, named no 宣传维护镇; nor 定期通报乡村振兴, a real 2025
# township's page, round 343, no 定期通报乡; nor a ranking, 考核结果位列街道前20名, round 391)
_NAMED = (r"(?:^|[，,。；;、（(“]|(?<=制定|印发|出台|修订|编制)《)"
          r"(?P<name>[\u4e00-\u9fff]{{2,16}}?{suffix})(?![\u4e00-\u9fff]{{0,1}}(?:长|员|属)|[域区情貌级内村前])")


def issuer_from_prose(paragraphs: list, index: LineIndex) -> Issuer | None:
    """A body a report's own sentences name as their subject, or the one body of its
    kind a report names while it calls itself 我局 / 本镇: the last resort for a report
    that names itself nowhere else (no title line, no signature)."""
    for p in paragraphs:
        for m in _subject().finditer(p.text):
            # (the body, not its office: 宁波国家高新区(新材料科技城)管委会办公室…工作按照…, the committee's; but
            # a county's or city's 政府办公室 is a body of its own, 2022年,朔州市政府办公室共受理…)
            name = m.group("name")
            if not _GENERAL_OFFICE.search(name):
                name = _body_of_office(name)
            kind = issuer_kind(name)
            if (kind != "unknown" and not _GENERIC_NAME.fullmatch(name) and not name.startswith(("我", "本", "各", "全"))
                    and not name.startswith(_CLAUSE_OPENINGS + _TOGETHER_WITH) and not _NO_NAME.search(name)):
                start = p.span.start + m.start("name")
                return Issuer(name, kind, index.span(start, start + len(name)), "text")
    selves = [m.group("suffix") for p in paragraphs for m in _SELF.finditer(p.text)]
    if not selves:
        return None
    suffix = max(set(selves), key=selves.count)
    named = re.compile(_NAMED.format(suffix=suffix))
    found = set()
    for p in paragraphs:
        for m in named.finditer(p.text):
            lead = _FOUNDED.match(m.group("name"))
            name, at = m.group("name")[lead.end():], m.start("name") + lead.end()
            if (len(name) >= 4 and _FUNCTION_WORDS.isdisjoint(name) and not any(w in name for w in _CLAUSE_OPENINGS)
                    and not _NO_NAME.search(name)):  # (nor a clause's words inside it: 进下一步规范做好局政府信息公开审查工作)
                found.add((name, p.span.start + at))
    names = {name for name, _ in found}
    if len(names) != 1:
        return None  # none, or several bodies of the kind: no guess
    name, start = min(found, key=lambda f: f[1])
    kind = issuer_kind(name)
    return Issuer(name, kind, index.span(start, start + len(name)), "text") if kind != "unknown" else None


def _each_match(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of a pattern starting at each place in turn, overlapping: one whose
    words run over the next's start does not hide it."""
    m = pattern.search(text)
    while m is not None:
        yield m
        m = pattern.search(text, m.start() + 1)


def _township_of_office(name: str) -> str:
    """A township's for its government's office (特编制2023年度和静县克尔古提乡人民政府办公室…年度
    报告: the township's report; a township's office publishes none of its own)."""
    body = _body_of_office(name)
    return body if body != name and body.endswith(("乡人民政府", "镇人民政府")) else name


def _named_body(m: re.Match) -> bool:
    """Whether the words a sentence publishes name a body before the report's year or
    matter, a name no clause's words (_NO_NAME)."""
    body = _body_before_matter(m.group("rest"))  # (less its second name: X(以下简称"区政府办公室")2025年…)
    return body is not None and not _NO_NAME.search(_ALIAS.sub("", m.group("rest")[body[0]:body[1]]))


_CHUNK_NUMBER = compile_re(r"\d{1,2}[、.．][ \u3000]*")
_LEADING_DOMAIN = compile_re(r"(?:www\.)?(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|org|gov|top|xyz|cc|info)(?![A-Za-z0-9.])")


def issuer_from_intro(paragraphs: list, index: LineIndex) -> list[Issuer]:
    """Bodies the opening paragraphs name as the report's own: whose report is
    published, who compiled it, and, after those, the publisher a web page states above
    it (信息来源：平川区人民政府 above a 局's report: the portal's line, not the report's
    words)."""
    out: list[Issuer] = []
    publishers: list[Issuer] = []
    for p in paragraphs:
        found: list[tuple[str, int, list[Issuer]]] = []
        # (each pattern is searched for only in a paragraph holding the word it needs)
        text = p.text
        # (of each sentence that publishes a report, the first whose words name a body: not
        # 《关于做好2020年度…年度报告编制公布工作的通知》 before 特编制2020年度扶风县水利局…)
        publishes = _each_match(_publishes(), text) if ("公布" in text or "发布" in text or "公开《" in text
                                                       or "现公开" in text or "社会公开" in text or "编制" in text or "制作" in text or "特制定" in text
                                                       or "全面总结" in text or "总结梳理" in text or "涵盖" in text or "结合" in text
                                                       or "开展情况编制" in text) else ()
        for m in (next((m for m in publishes if _named_body(m)), None),
                  _AS_FOLLOWS.search(text) if "现将" in text else None,
                  _REPORTS_ON.search(text) if "现就" in text or "情况报告如下" in text or "方面的报告如下" in text else None,
                  _IS_REPORT_OF.search(text) if "报告为" in text else None,
                  _GATHERS.search(text) if "汇总" in text else None,
                  # (常太镇2019年政府信息公开年度报告是根据…编制: named as in its title)
                  _OPENS_AS_TITLE.match(text) if "年度报告" in text or "年报" in text else None):
            body = _body_before_matter(m.group("rest")) if m else None
            if body:
                found.append((_township_of_office(m.group("rest")[body[0]:body[1]]), m.start("rest") + body[0], out))
        m = _PUBLISHES_ITS_OWN.match(text) if "向社会" in text else None  # (X向社会公布2022年度…年度报告)
        if m:
            found.append((_township_of_office(m.group("name")), m.start("name"), out))
        m = _PUBLISHER_LINE.match(p.text)  # (it opens with ^: search would try every position)
        if m is None and ("发布机构" in text or "发布单位" in text or "信息来源" in text):
            m = _PUBLISHER_FIELD.search(text)  # (索引号:… 发布日期:… 发布机构:X, the page's fields on one line; 发布时间:… 信息来源:洪江市教育局, round 546)
        if m:
            found.append((m.group("name"), m.start("name"), publishers))
        for pattern, needed, reach in _DRAFTED_OR_ANSWERED:
            at = p.text.find(needed)
            m = pattern.search(p.text, max(0, at - reach)) if at != -1 else None
            while m:
                name = m.group("name").rstrip(" \u3000")  # (请联系:柳北区教育局办公室 ,电话…)
                if pattern is _COMPILED_BY and p.text.startswith(("综合", "汇总"), m.end("name")):
                    name = _CONSOLIDATING_OFFICE.sub(r"\g<government>", name)
                found.append((_body_of_office(name), m.start("name"), out))
                # (and each further body to ask: one pasted from another's report may stand first)
                m = pattern.search(p.text, m.end()) if pattern is _CONTACT_OFFICE else None
        for name, at, into in found:
            bare = name.lstrip(" \u3000：:《")  # (《温泉镇2022年…年度报告》: the name is inside the title's marks)
            # (and after a mirror site's domain, put in place of the county's name: puroview.com溪下乡)
            bare = bare[len(domain.group()):] if (domain := _LEADING_DOMAIN.match(bare)) else bare
            # (or after a document viewer's chunk number, 1、重庆市2020年…年度报告根据…, a real 2020 page, round 534)
            bare = bare[len(number.group()):] if (number := _CHUNK_NUMBER.match(bare)) else bare
            written = bare.rstrip(" \u3000：:》")
            name, at = _ALIAS.sub("", written), at + len(name) - len(bare)
            shown = len(name)  # (where the name stands in the text: an office's words are in the brackets after it)
            # (a government whose second name is its general office, 贵阳市人民政府(市人民政府办公厅): the office's
            # own report, a department's, beside the government's of all its parts: round 317)
            office = _OFFICE_ALIAS.search(written) if name.endswith("人民政府") else None
            if office:
                name += office.group("office")
            kind = _kind_by_names(written, name)
            if (len(name) >= 2 and kind != "unknown" and not _GENERIC_NAME.fullmatch(name) and not name[-1].isdigit()
                    and not _NO_NAME.search(name)):
                start = p.span.start + at
                into.append(Issuer(name, kind, index.span(start, start + shown), "intro"))
    return out + publishers


def signature_line(line: str) -> str | None:
    m = _SIGNATURE.match(line)
    return m.group("name") if m else None


_GOVERNMENT_OFFICE = compile_re(r"(?P<government>.+?(?P<level>[县区市州旗盟])人民政府)办公[室厅]")
_COMPILING = compile_re(r"编制|编写|汇总|形成")
_NOTE = r"(?:[（(][^（）()\n]{1,16}[）)])?"  # 桐梓县人民政府(县人民政府办公室)坚持…


def speaking_for(issuer: Issuer | None, prose: str, index: LineIndex) -> Issuer | None:
    """A county's (district's, city's) 人民政府办公室 found outside the title, as the office a
    report names for questions, stands for its government when the report speaks as the
    government (我区, or the government's name as a sentence's subject: 柏岭县人民政府坚持…;
    never 我办): 请与盐城市大丰区人民政府办公室联系 under a district's report. Where it
    speaks as the office (区政府办认真…), or says nothing, the office stays. And a place's
    government inferred from the office a report names for questions (请与东至县政务公开办公室
    联系) is its 人民政府办公室 where the report's sentences speak as that office. And a
    department a report names only for questions (请与鄂温克族自治旗政务服务与数据管理局联系)
    stands for the place's government when a sentence has the place as its subject
    (2025年,鄂温克族自治旗坚持…; 2020年,武汉市坚持… under 请与市政务服务和大数据管理局联系)."""
    if issuer is not None and issuer.kind == "department" and issuer.source == "intro":
        government = _government_of_contact(issuer, prose, index)
        if government is not None:
            return government
    if issuer is not None and issuer.kind == "government" and issuer.source == "intro":
        # (the other way: a place only, 东至县 of 请与东至县政务公开办公室联系, or 台州市政府 of 请与台州市
        # 政府办公室联系, under a report whose sentences' subject is the place's 人民政府办公室: the
        # office's report; not a government the report names in full as its own, 向社会公布北戴河区
        # 人民政府2023年…年度报告, though its office speaks in it)
        place = _GOV_WORDS.sub("", issuer.name) if not issuer.name.endswith("人民政府") else ""
        office = place and re.search(re.escape(place) + r"人民政府办公[室厅]" + _NOTE + f"(?:{_ACTS}|{_LED})", prose)
        if office and not re.search(re.escape(place) + r"(?:人民)?政府" + _NOTE + _ACTS, prose):
            name = office.group()[:office.group().index("办公") + 3]
            return Issuer(name, "department", index.span(office.start(), office.start() + len(name)), issuer.source)
    m = _GOVERNMENT_OFFICE.fullmatch(issuer.name) if issuer is not None and issuer.source != "title" else None
    if m is None or "我办" in prose or "本办" in prose or re.search(
            r"(?:公布|公开|现将)《?" + re.escape(issuer.name) + r"\S{0,6}?\d{4}", prose) or _acts_as(issuer.name, prose):
        # (…or the report's own words name the office: 现公布(现公开)X区人民政府办公室2023年…, X办公室坚持…;
        # not where its act is to compile the report: X办公室按照…根据各部门…年度报告编制而成, or 由X办公室
        # 编制 over a report that speaks as the district, 我区…, as 上海's districts' reports do)
        return issuer
    name = m.group("government")
    place = name.removesuffix("人民政府")  # (2023年,福州市坚持…: the city speaking, as its government)
    short = _AUTONOMOUS.sub("", place)  # (耿马县 of 耿马傣族佤族自治县, as its prose calls it)
    level = m.group("level")
    speaks = (("我" + level) in prose or re.search(f"全{level}[^。，,；;]{{0,12}}(?:政府信息|政务)公开", prose)
              or re.search(f"(?:{re.escape(name)}|{re.escape(place)}(?:政府)?|{re.escape(short)}){_NOTE}(?:{_ACTS}|{_LED})", prose))
    # (昌图县政府严格按照…, its 人民 left out: the county speaking, a real 2022 page, round 252)
    # (全县…政府信息公开: the county's figures, its government's report; but 2023年区政府办主动
    # 公开信息158条, 2023年,市政府办公厅持续…: the office speaking as itself)
    if not speaks or re.search(f"{level}政府办(?:公室|公厅)?(?:{_ACTS}|主动|共|全年)", prose):
        return issuer
    span = index.span(issuer.span.start, issuer.span.start + len(name)) if issuer.span else None
    return Issuer(name, "government", span, issuer.source)


_AUTONOMOUS = compile_re(r"(?:[\u4e00-\u9fff]{1,3}族)+自治(?=[县州旗])")
@functools.cache
def _place_acts() -> re.Pattern:
    """A sentence whose subject is a place, or its government: 2024年,东胜区坚持…; 2024年,德惠市政府
    坚持… (a real page, round 588) (compiled when first asked for: its CJK range is costly to compile)."""
    return compile_re(_SENTENCE_OPENING + r"(?P<place>[\u4e00-\u9fff]{1,12}?[市县区旗州盟])(?:人民)?(?:政府)?" + _NOTE + _ACTS)


# A sentence's start, perhaps with its year first (2024年,…; 在2023年…)
_SENTENCE_OPENING = r"(?:^|[。；;\n])[ \u3000]*(?:在?\d{4}年度?[，,]?)?"
_AS_CONTACT = compile_re(r"(?:请与|可与|联系|致电|来源|发布机构|发布单位)[ \u3000:：]*$")  # (来源:X, the page's field: who posted it)


def _government_of_contact(issuer: Issuer, prose: str, index: LineIndex) -> Issuer | None:
    """The place's government, where the department `issuer` is named only as the one to
    ask (every time after 请与/可与/联系/致电) and a sentence has its place as the subject:
    its own place (东胜区 of 鄂尔多斯市东胜区行政审批政务服务与数据管理局), or, for a name that
    gives only its level (市政务服务和大数据管理局), a place of that level; or, where the report
    speaks as 我市 (我县…), the place of that level its name begins with (枣阳市 of 枣阳市行政审批局).
    A page's field naming it as the one who posted the page (来源:, 发布机构:) is no more
    than that; nor is it where the department, by its short name, is a sentence's subject
    (区文广新旅局对政府信息进行了梳理 under 请与珠山区文广新旅局办公室联系 and a 我区 copied from
    the district's report: a real 2022 page, whose SEC-011 had held it to a government's duty)."""
    name = issuer.name
    if any(not _AS_CONTACT.search(prose, max(0, m.start() - 6), m.start()) for m in re.finditer(re.escape(name), prose)):
        return None
    if any(len(name) - at > 3 and re.search(re.escape(name[at:]) + f"(?:{_ACTS}|{_LED}|对|主动|共|全年)", prose)
           for at, level in enumerate(name) if level in "市县区旗州盟"):
        return None
    for m in _place_acts().finditer(prose):
        place = m.group("place")
        at = name.find(place)
        if (at != -1 and name[at + len(place):].strip()) or (len(name) > 1 and name[0] == place[-1] and name[0] in "市县区旗"):
            # (我县 speaking of 县政务信息化服务中心: the county's government, by no other name than 县人民政府)
            full = name[:at + len(place)] if at != -1 else place.removeprefix("我").removeprefix("本")
        else:
            continue
        start = m.start("place")
        return Issuer(full + "人民政府", "government", index.span(start, start + len(place)), issuer.source)
    for m in _speaks_as_place().finditer(prose):  # (我市 speaking of 枣阳市行政审批局: the city its name begins with)
        level = name.find(m.group("place")[-1])
        if level > 0 and issuer.span is not None:
            government = name[:level + 1] + "人民政府"  # (where it stands in the name: 盐城市大丰区人民政府办公室, 枣阳市…)
            shown = len(government) if name.startswith(government) else level + 1
            return Issuer(government, "government", index.span(issuer.span.start, issuer.span.start + shown), issuer.source)
    return None


@functools.cache
def _speaks_as_place() -> re.Pattern:
    """A sentence whose subject is the report's own place, 我市 or 本县, whatever it does: 2023年,
    我市通过… (compiled when first asked for, as _place_acts)."""
    return compile_re(_SENTENCE_OPENING + r"(?P<place>[我本][市县区旗州盟])(?![\u4e00-\u9fff]{0,3}[局委办])")


def _acts_as(name: str, prose: str) -> bool:
    """Whether a sentence of the report has `name` as its subject, doing the body's work
    (X办公室坚持…; 2021年,台山市人民政府办公室根据新修订的《条例》…,认真落实…, a real page
    of round 263), not compiling the report (X办公室按照…根据各部门…年度报告编制而成)."""
    for acts in re.finditer(re.escape(name) + f"(?:{_ACTS}|{_LED}|根据|依据)", prose):
        end = prose.find("。", acts.end())
        if not _COMPILING.search(prose, acts.end(), len(prose) if end == -1 else end):
            return True
    return False


def speaking_first(candidates: list[Issuer], prose: str) -> list[Issuer]:
    """The bodies the opening names for the report, the one its sentences speak as first
    where the opening names two bodies, neither the other (a contact pasted from another
    body's report, 请与斑竹园镇人民政府办公室联系, before 请与金寨县统计局联系, under 2020年,金寨县
    统计局以…为引领…): only there, and only when one of them alone is a sentence's subject."""
    if len(candidates) < 2 or any(c.source != "intro" for c in candidates):
        return candidates
    if all(_same_body(candidates[0].name, c.name) for c in candidates[1:]):
        return _department_speaking(candidates, prose)
    acting = [c for c in candidates if _acts_as(c.name, prose)]
    if not acting or any(not _same_body(acting[0].name, c.name) for c in acting[1:]) or acting[0] is candidates[0]:
        return candidates
    return [acting[0], *(c for c in candidates if c is not acting[0])]


def _department_speaking(candidates: list[Issuer], prose: str) -> list[Issuer]:
    """A department of the place named first, where the place alone was read (由益阳市政务公开办
    综合…编制, a city's summary report's sentence pasted into 益阳市司法局's, whose questions go to
    益阳市司法局…领导小组办公室) and the report speaks as the department by its short name
    (2023年市司法局坚持…): the department's report. So is it where the place's government was
    read (…丰满区人民政府信息公开工作实际) and the report speaks as 我局, never as its place."""
    place = candidates[0]
    if place.kind != "government" or re.search(
            r"(?:公布|公开|现将)《?" + re.escape(place.name) + r"\S{0,6}?\d{4}", prose):
        return candidates  # (…, or the report is published as the place's: 现向社会公开《大荔县2020年…》)
    if _GOV_WORDS.search(place.name):
        # (or the place's government, of 结合…吉林市丰满区人民政府信息公开工作实际, over 请联系吉林市丰满区民政局,
        # in a report that speaks as 我局, never as its place, 我区: a real 2021 page, whose SEC-011 had held the
        # bureau to a government's duty)
        level = _GOV_WORDS.sub("", place.name)[-1:]
        for c in candidates[1:]:
            if (c.kind == "department" and "我" + c.name[-1] in prose and level
                    and "我" + level not in prose and "本" + level not in prose):
                return [c, *(o for o in candidates if o is not c)]
        return candidates
    for c in candidates[1:]:
        rest = c.name.removeprefix(place.name)
        if c.kind == "department" and rest != c.name and _acts_as(place.name[-1] + rest, prose):
            return [c, *(o for o in candidates if o is not c)]
    return candidates


def best_issuer(candidates: list[Issuer]) -> Issuer | None:
    """The fullest name wins when one name contains another (河集乡 ⊂ 睢县河集乡人民政府)
    and both are the same kind of body; otherwise the earliest candidate (the title) is
    kept."""
    if not candidates:
        return None
    best = candidates[0]
    for other in candidates[1:]:
        # A fuller name of the same kind of body, or a name that tells the kind when the
        # first did not. A county government's report signed by the county's 人民政府办公室
        # (the competent department that publishes it, art. 49 ¶2) stays the government's.
        if ((_same_body(best.name, other.name, best.kind == "unknown") and len(other.name) > len(best.name)
             and best.kind in (other.kind, "unknown") and not _doubled_end(best.name, other.name)
             and not _unit_within(best.name, other.name)) or _placeless_short(best, other)
                or _town_of_kindless(best, other)):
            best = other
    return best


def _town_of_kindless(kindless: Issuer, town: Issuer) -> bool:
    """Whether a name that told no kind is a town's that the other names with its kind: the
    title dropped 镇 and the text has it, the town the same after the last place in either
    (南谯区沙河 and 沙河镇政府, a real 2020 page, round 566; 阿拉善盟阿右旗雅布赖 and 阿拉善右旗雅布赖镇
    人民政府, a real 2023 page, round 581: the township's rules had not run)."""
    if kindless.kind != "unknown" or town.kind not in ("township", "subdistrict"):
        return False
    core = _PLACE_LEVEL.split(_TOWNSHIP_WORDS.sub("", _GOV_WORDS.sub("", town.name)))[-1]
    return len(core) >= 2 and _PLACE_LEVEL.split(kindless.name)[-1] == core


_PLACE_LEVEL = compile_re(r"[省市县区旗州盟]")


def _placeless_short(short: Issuer, full: Issuer) -> bool:
    """Whether a name that opens with its level and no place (市发改委 of a title) is the
    other written short, the other naming its place (由岳阳市发展和改革委员会编制 in the opening):
    each character of the short one in the full one, in order, its level after the place
    (a real 2019 page, round 248: the reports of two cities' 市发改委 had been taken for one
    body's, and the one the previous report of the other)."""
    name, longer = short.name, full.name
    if short.kind != full.kind or len(longer) <= len(name) or not _BARE_LEVEL_START.match(name):
        return False
    rest = iter(longer)
    return all(c in rest for c in name) and longer.find(name[0]) > 0


BARE_LEVEL = r"[省市县区旗州盟](?![省市县区旗州盟])"  # (a name's level with no place before it: 市发改委, 县交通运输局)
_BARE_LEVEL_START = compile_re(BARE_LEVEL)


def _unit_within(name: str, longer: str) -> bool:
    """Whether the longer name is a unit inside the body `name` names, not a fuller name of
    it: 广州市统计局数据管理中心, the centre the report names for questions, under a title of
    广州市统计局 (a real 2015 page, round 239), or its desk stationed elsewhere, 湖南省自然资源厅驻湖南省
    政务服务大厅 (a real 2020 page, round 356); or a hospital's or a school's office named to ask,
    淮北市人民医院办公室, 义乌工商职业技术学院党院办 (probes of real 2022 pages, round 688: the office, no
    hospital or school by its name, had been held to a department's deadline)."""
    return (longer.startswith(name) and name.endswith(_BODIES_WITH_UNITS)
            and (bool(_UNIT_END.search(longer)) or longer.startswith("驻", len(name))))


_BODIES_WITH_UNITS = ("局", "厅", "委", "委员会", "医院", "卫生院", "保健院", "学校", "学院", "大学", "中学", "小学", "幼儿园")
_UNIT_END = compile_re(r"(?:中心|科|处|室|股|站|所|队|院办|党政办)$")


def _doubled_end(name: str, longer: str) -> bool:
    """Whether the longer name is the name with its end typed twice (安庆市数据资源管理局局): a
    slip, not a fuller name."""
    extra = longer[len(name):] if longer.startswith(name) else ""
    return bool(extra) and name.endswith(extra)


# (人民 written as optional, not as a third word: of alternatives that each open with a
# character, re would build a bitmap of all 65,536 for a search that skips to them, ~2.4
# million instructions at every start, for names of a few characters)
_GOV_WORDS = compile_re(r"(?:(?:人民)?政府|办事处)$")


def _same_body(a: str, b: str, kindless: bool = False) -> bool:
    """Whether two names name one body: one holds the other, less 人民政府 (河集乡 and 睢县
    河集乡人民政府); and, for a name that told no kind (`kindless`), less the kind too
    (衡山县贯塘 of a title that dropped 乡, and 贯塘乡人民政府)."""
    a, b = _GOV_WORDS.sub("", a), _GOV_WORDS.sub("", b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    if not kindless:
        return False
    a, b = _TOWNSHIP_WORDS.sub("", a), _TOWNSHIP_WORDS.sub("", b)
    return len(min(a, b, key=len)) >= 2 and (a in b or b in a)


_TOWNSHIP_WORDS = compile_re(r"(?:乡|镇|街道)$")


def year_in(text: str) -> int | None:
    """The year a title names: 2021年, 二〇二一年, or 2021 run on into the matter
    ("2019政务信息公开年报")."""
    m = _title_year().search(nfkc(text))
    return _num(m.group("y")) if m else None


@functools.cache
def _title_year() -> re.Pattern:
    """year_in()'s pattern, compiled when first asked for (not at import), then kept:
    re.search with it would join it and look it up in re's cache at every call."""
    return compile_re(r"(?<!\d)(?P<y>(?:19|20)\d\d|" + _CJK_YEAR + r")(?:[ \u3000]*年|(?=政务|政府|信息))")
