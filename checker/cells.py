"""Reading a number out of a table cell, deliberately.

Each odd form real reports use gets a named problem, so a rule can decide how bad it
is, and arithmetic uses only values that are not guesses:

  blank          ""            reads as 0 (an empty cell usually means none)
  word_zero      无 / 没有     reads as 0
  leading_zero   00, 012       reads as the number
  fullwidth      ０, １２      reads as the number
  thousands      1,200         reads as the number
  unit_in_cell   251000元      reads as the number; the unit is kept on the cell
  decimal_count  1.5 in a count column           reads as the number
  negative       -3 in a count column            reads as the number
  dash           — / - ／      no value (not applicable? zero?): unknown
  letter_digit   1O, l0, O     no value: a letter where a digit belongs
  not_a_number   anything else no value
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .cache import compile_re
from .labels import nfkc

DASHES = frozenset({"-", "—", "——", "–", "/", "／", "－", "―", "\\"})
ZERO_WORDS = frozenset({"无", "没有", "零"})
UNITS = ("万元", "亿元", "元", "件", "条", "个", "批次", "次", "人次", "人", "篇", "项", "宗")  # (31批次: 政府集中采购's count, a real 2021 page; 124宗, cases, a real 2020 page, round 421)
_WS = " \t\u3000\xa0"
_NUMBER = compile_re(r"[+\-]?\d+(?:\.\d+)?")
_THOUSANDS = compile_re(r"[+\-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_LETTER_DIGIT = compile_re(r"[\dOoIl]+")
_VALUE_LIKE = compile_re(r"(?:[+\-]|增|减)?[\d,.]*\d[\d,.]*(?:万元|亿元|元|件|条|个|批次|次|人次|人|篇|项|宗|%)?|增|减")
# (增 or 减 alone: a 本年增/减 cell that lost its figure, a value there but no number)
# A change written in words, in the 2019 format's 本年增/减 column: 增10, 减3
_CHANGE_IN_WORDS = compile_re(r"(?P<sign>增|减)\s*(?P<n>\d+)")
# A run of ? before a number: the spaces that padded it, lost to a page's encoding (????0, ???595: a
# real 2022 page's mirror, round 450, every figure so; a ? alone stays no number, a digit may be lost)
_LOST_PADDING = compile_re(r"\?+(?=[+\-]?\d)")


def _without_lost_padding(text: str) -> str:
    """text less a run of ? before its number (_LOST_PADDING)."""
    if text[:1] != "?":
        return text
    padding = _LOST_PADDING.match(text)
    return text[padding.end():] if padding else text


class Memo(dict):
    """make(key) by key, made the first time it is asked for, until MEMO_SIZE are kept:
    looked up as memo[key], about half the cost of an lru_cache hit (a call, and a move
    of the entry to the front of its list), for the loops over every cell of a table."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        if len(self) >= MEMO_SIZE:
            self.clear()
        value = self[key] = self.make(key)
        return value


MEMO_SIZE = 8192


@lru_cache(maxsize=8192)
def looks_like_value(text: str) -> bool:
    """Whether a cell holds a value (or could: blank, dash, 无) rather than a label."""
    t = _without_lost_padding(nfkc(text).strip(_WS))
    if not t or t in DASHES or t in ZERO_WORDS:
        return True
    if _VALUE_LIKE.fullmatch(t):
        return True
    return len(t) <= 6 and any(ch.isdigit() for ch in t) and bool(_LETTER_DIGIT.fullmatch(t))


@lru_cache(maxsize=8192)
def parse_value(raw: str, kind: str = "count") -> tuple[Decimal | None, str | None, str | None]:
    """raw cell text → (value, problem, unit written in the cell). Cached: most cells of
    most reports are "0"."""
    text = raw.strip(_WS)
    norm = _without_lost_padding(nfkc(text).strip(_WS))
    if not norm:
        return Decimal(0), "blank", None
    if norm in ZERO_WORDS:
        return Decimal(0), "word_zero", None
    if norm in DASHES:
        return None, "dash", None
    unit = None
    for u in UNITS:
        if norm.endswith(u) and len(norm) > len(u):
            unit, norm = u, norm[: -len(u)].strip(_WS)
            break
    problem = None
    if kind == "signed" and norm[:1] in ("增", "减"):
        change = _CHANGE_IN_WORDS.fullmatch(norm)
        if change is not None:
            norm = ("-" if change.group("sign") == "减" else "") + change.group("n")
    if _THOUSANDS.fullmatch(norm):
        norm, problem = norm.replace(",", ""), "thousands"
    if not _NUMBER.fullmatch(norm):
        if _LETTER_DIGIT.fullmatch(norm) and any(ch.isdigit() for ch in norm):
            return None, "letter_digit", unit
        return None, "not_a_number", unit
    try:
        value = Decimal(norm)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        return None, "not_a_number", unit
    digits = norm.lstrip("+-")
    if problem is None:
        if unit in ("元", "万元", "亿元"):
            problem = "unit_in_cell"
        elif len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
            problem = "leading_zero"
        elif "." in digits and kind in ("count", "signed"):
            problem = "decimal_count"
        elif value < 0 and kind == "count":
            problem = "negative"
        elif text != nfkc(text):
            problem = "fullwidth"
    return value, problem, unit


# looks_like_value(text) as value_like[text], a plain dict (its subscript is the quickest
# lookup, for every cell of a row): a text it lacks is read by value_like_into()
value_like: dict[str, bool] = {}


def value_like_into(text: str) -> bool:
    """looks_like_value(text), kept in value_like until MEMO_SIZE are."""
    if len(value_like) >= MEMO_SIZE:
        value_like.clear()
    found = value_like[text] = looks_like_value(text)
    return found


# parse_value(raw, kind) as parsed_as[kind][raw], a plain dict (its subscript is the
# quickest lookup): a raw text it lacks is read by parse_into()
parsed_as: Memo = Memo(lambda kind: {})


def parse_into(parsed: dict, raw: str, kind: str) -> tuple[Decimal | None, str | None, str | None]:
    """parse_value(raw, kind), kept in `parsed` (parsed_as[kind]) until MEMO_SIZE are."""
    if len(parsed) >= MEMO_SIZE:
        parsed.clear()
    value = parsed[raw] = parse_value(raw, kind)
    return value
