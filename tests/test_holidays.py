"""The rest days deadlines move over (rules/holidays.yaml, first_working_day)."""

import datetime as dt

import pytest

from nianbao.holidays import Calendar, HolidayError, bundled, load_calendar

D = dt.date


@pytest.mark.parametrize("due, ends", [
    (D(2020, 1, 31), D(2020, 2, 3)),   # the Spring Festival holiday, extended to 2 February
    (D(2021, 1, 31), D(2021, 2, 1)),   # a Sunday
    (D(2022, 1, 31), D(2022, 2, 7)),   # the eve of the Spring Festival holiday (31 January to 6 February)
    (D(2023, 1, 31), D(2023, 1, 31)),  # a Tuesday
    (D(2025, 1, 31), D(2025, 2, 5)),   # inside the Spring Festival holiday (28 January to 4 February)
    (D(2026, 1, 31), D(2026, 2, 2)),   # a Saturday
    (D(2012, 3, 31), D(2012, 3, 31)),  # a Saturday made a working day (清明节 2 to 4 April)
    (D(2019, 3, 31), D(2019, 4, 1)),   # a Sunday
])
def test_a_deadline_on_a_rest_day_ends_on_the_first_working_day_after_it(due, ends):
    assert bundled().first_working_day(due) == ends


def test_the_bundled_notices_name_only_weekend_days_as_working_days_and_cover_every_year_of_reports():
    calendar = bundled()
    assert all(d.weekday() >= 5 for d in calendar.work)
    assert not calendar.rest & calendar.work
    assert {d.year for d in calendar.rest} >= set(range(2008, 2027))


def test_a_year_no_notice_covers_has_the_ordinary_week():
    calendar = Calendar(frozenset(), frozenset())
    assert calendar.first_working_day(D(2040, 3, 31)) == D(2040, 4, 2)  # a Saturday
    assert calendar.first_working_day(D(2040, 1, 31)) == D(2040, 1, 31)


@pytest.mark.parametrize("text, says", [
    ('years:\n  2022:\n    work: ["2022-01-31"]\n', "2022-01-31 is a weekday"),
    ('years:\n  2022:\n    rest: [["2022-02-06", "2022-01-31"]]\n', "is no holiday"),
    ('years:\n  2022:\n    rest: [["2022-01-01", "2022-03-01"]]\n', "is no holiday"),
    ('years:\n  2022:\n    rest: [["2022-01-31"]]\n', "a holiday is [first day, last day]"),
    ('years:\n  2022:\n    work: [2022-01-29]\n', 'is not a date written "YYYY-MM-DD"'),
    ('years:\n  2022:\n    rest: [["2022-01-29", "2022-01-30"]]\n    work: ["2022-01-29"]\n',
     "2022-01-29 is both a rest day and a working day"),
])
def test_a_wrong_calendar_is_refused_with_its_file_and_year(tmp_path, text, says):
    path = tmp_path / "holidays.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HolidayError) as caught:
        load_calendar(path)
    assert str(path) in str(caught.value) and says in str(caught.value)
