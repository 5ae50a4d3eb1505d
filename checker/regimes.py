"""Regimes: which regulation and table format is in force for a report year.

Loaded from `rules/regimes.yaml`; the windows are checked for overlaps and gaps when
they are loaded, so a year can never fall between two regimes or into two at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .resources import data_dir
from .yamlsafe import load_plain


class RegimeError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Regime:
    """The regulation and table format in force for the reports of a span of years."""

    id: str
    start: int
    end: int | None
    title: str

    def covers(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


def load_regimes(path: Path) -> tuple[Regime, ...]:
    doc = load_plain(path)
    regimes = tuple(sorted(
        (Regime(id=str(r["id"]), start=int(r["from"]), end=int(r["to"]) if "to" in r else None,
                title=str(r.get("title", ""))) for r in doc["regimes"]),
        key=lambda r: r.start))
    for before, after in zip(regimes, regimes[1:]):
        if before.end is None or before.end >= after.start:
            raise RegimeError(f"{path}: regimes {before.id} and {after.id} overlap")
        if before.end + 1 != after.start:
            raise RegimeError(f"{path}: no regime covers {before.end + 1}–{after.start - 1}")
    if regimes and regimes[-1].end is not None:
        raise RegimeError(f"{path}: the last regime ({regimes[-1].id}) must be open-ended")
    return regimes


@lru_cache(maxsize=1)
def bundled() -> tuple[Regime, ...]:
    return load_regimes(data_dir("rules") / "regimes.yaml")


def regime_for(year: int | None, regimes: tuple[Regime, ...] | None = None) -> str | None:
    if year is None:
        return None
    for r in regimes or bundled():
        if r.covers(year):
            return r.id
    return None
