"""Amounts of money with their unit (元, 万元, 亿元), through pint.

pint never sees report text: it would read "1,5元" as 15. Numbers are read here with
a strict pattern into Decimal, and pint gets only the number and the unit word. The
registry is empty but for `rules/units.txt`, built on first use (a few ms).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from .cache import compile_re
from .labels import nfkc
from .resources import data_dir

_AMOUNT = compile_re(r"^\s*(?P<n>[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<u>亿元|万元|元)\s*$")


@lru_cache(maxsize=1)
def registry():
    import pint

    ureg = pint.UnitRegistry(None, non_int_type=Decimal)
    ureg.load_definitions(str(data_dir("rules") / "units.txt"))
    return ureg


def quantity(value: Decimal, unit: str):
    return registry().Quantity(value, unit)


def parse_amount(text: str):
    """"1200元", "0.12 万元", "1,200元" → a pint Quantity; None if it is not one."""
    m = _AMOUNT.match(nfkc(text))
    if not m:
        return None
    return quantity(Decimal(m.group("n").replace(",", "")), m.group("u"))


@lru_cache(maxsize=1)
def unit_names() -> frozenset[str]:
    """The unit words units.txt defines, read without loading pint (rules are checked
    at load time, and pint costs ~0.1 s to import)."""
    names: set[str] = set()
    for line in (data_dir("rules") / "units.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" in line:
            parts = [p.strip() for p in line.split("=")]
            names.add(parts[0])
            names.update(p for p in parts[2:] if p)
    return frozenset(names)
