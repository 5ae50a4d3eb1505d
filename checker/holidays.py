"""Rest days and working days as the State Council's yearly notices set them
(国务院办公厅关于…年部分节假日安排的通知), for deadlines: a period whose last day is a rest
day ends on the first working day after it (民法典第二百零三条). A report due on 31 January
2022, the eve of the Spring Festival holiday (31 January to 6 February), was due on 7
February; one due on Saturday 31 March 2012, a weekend day made a working day, was due
that Saturday.

Loaded from `rules/holidays.yaml`, checked when it is loaded: every working day named is
a Saturday or a Sunday, every holiday a short run of days in order. A year the file does
not hold has the ordinary week: Saturday and Sunday are its only rest days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .resources import data_dir
from .yamlsafe import load_plain

LONGEST_HOLIDAY = 10  # days: the Spring Festival's, the longest, is eight or nine at most (2020's, extended, ten)


class HolidayError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Calendar:
    rest: frozenset[dt.date]  # holidays, the weekdays taken off in exchange (调休) among them
    work: frozenset[dt.date]  # Saturdays and Sundays made working days (上班)

    def is_rest_day(self, d: dt.date) -> bool:
        return d in self.rest or (d.weekday() >= 5 and d not in self.work)

    def first_working_day(self, d: dt.date) -> dt.date:
        """d, or the first working day after it."""
        while self.is_rest_day(d):
            d += dt.timedelta(days=1)
        return d


def load_calendar(path: Path) -> Calendar:
    doc = load_plain(path)
    rest: set[dt.date] = set()
    work: set[dt.date] = set()
    for year, entry in sorted((doc.get("years") or {}).items()):
        where = f"{path}: {year}"
        for pair in entry.get("rest") or []:
            if not isinstance(pair, list) or len(pair) != 2:
                raise HolidayError(f"{where}: a holiday is [first day, last day], not {pair!r}")
            first, last = (_date(text, where) for text in pair)
            if not 0 <= (last - first).days < LONGEST_HOLIDAY:
                raise HolidayError(f"{where}: {first} to {last} is no holiday")
            rest.update(first + dt.timedelta(days=k) for k in range((last - first).days + 1))
        for text in entry.get("work") or []:
            day = _date(text, where)
            if day.weekday() < 5:
                raise HolidayError(f"{where}: {day} is a weekday, no weekend day made a working day")
            work.add(day)
    if rest & work:
        raise HolidayError(f"{path}: {min(rest & work)} is both a rest day and a working day")
    return Calendar(frozenset(rest), frozenset(work))


def _date(text, where: str) -> dt.date:
    """A date written as a quoted "YYYY-MM-DD" (the cache keeps the file as JSON, which has
    no dates: an unquoted date would make it read by PyYAML at every start)."""
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise HolidayError(f"{where}: {text!r} is not a date written \"YYYY-MM-DD\"") from None


@lru_cache(maxsize=1)
def bundled() -> Calendar:
    return load_calendar(data_dir("rules") / "holidays.yaml")
