"""The date rules dateparser lacks, as plain functions (no model)."""

import datetime as dt

import pytest

from pipeline.components.date_rules import (
    anchored,
    holiday_date,
    load_words,
    named_month,
    two_digit_decade,
    two_digit_year,
    weekday_date,
    year_for,
)
from pipeline.errors import InputError

MON = dt.date(2020, 6, 15)  # a Monday


@pytest.mark.parametrize(
    "weekday, tense, expected",
    [
        (2, "past", "2020-06-10"),
        (0, "past", "2020-06-15"),
        (0, "present", "2020-06-15"),
        (6, "past", "2020-06-14"),
        (1, "future", "2020-06-16"),
        (0, "future", "2020-06-22"),
        (6, "future", "2020-06-21"),
    ],
)
def test_weekday_follows_tense(weekday, tense, expected):
    assert weekday_date(weekday, MON, tense).isoformat() == expected


@pytest.mark.parametrize(
    "month, day, base, tense, year",
    [
        (12, 15, dt.date(2023, 1, 10), "past", 2022),  # "the talks on Dec. 15" in a January article
        (12, 15, dt.date(2023, 1, 10), "future", 2023),
        (1, 3, dt.date(2023, 1, 10), "future", 2024),  # before publication, future: next year
        (1, 3, dt.date(2023, 1, 10), "past", 2023),
        (3, 2, dt.date(2023, 1, 10), "present", 2023),  # present: the publication year
        (12, None, dt.date(2019, 11, 28), "past", 2018),
        (12, None, dt.date(2019, 11, 28), "future", 2019),
        (11, None, dt.date(2019, 11, 28), "past", 2019),
        (3, None, dt.date(2019, 11, 28), "future", 2020),
    ],
)
def test_year_of_month_day_follows_tense(month, day, base, tense, year):
    assert year_for(month, day, base, tense) == year


@pytest.mark.parametrize(
    "which, month, base, expected",
    [
        ("last", 10, dt.date(2017, 9, 20), (2016, 10)),
        ("last", 8, dt.date(2017, 9, 20), (2017, 8)),
        ("last", 9, dt.date(2017, 9, 20), (2016, 9)),
        ("this", 9, dt.date(2017, 9, 20), (2017, 9)),
        ("next", 3, dt.date(2017, 9, 20), (2018, 3)),
        ("next", 10, dt.date(2017, 9, 20), (2017, 10)),
    ],
)
def test_named_month(which, month, base, expected):
    assert named_month(which, month, base) == expected


@pytest.mark.parametrize(
    "unit, step, before, expected",
    [
        ("year", 0, ["1998-03"], "1998"),
        ("year", 1, ["2004"], "2005"),
        ("month", 0, ["2011-05-03"], "2011-05"),
        ("month", 1, ["1956-12"], "1957-01"),
        ("day", 1, ["1995-05-09"], "1995-05-10"),
        ("year", 0, ["1967", "1972"], "1972"),  # the last stated
        ("month", 0, ["1998-03", "2001"], "1998-03"),  # of that granularity
        ("year", 0, ["1980s", "1972/1975"], None),
        ("year", 0, [], None),
    ],
)
def test_anchored_to_the_date_stated_before(unit, step, before, expected):
    assert anchored(unit, step, before) == expected


@pytest.mark.parametrize(
    "digits, base, tense, expected",
    [
        (49, dt.date(2020, 6, 15), "past", 1949),
        (5, dt.date(2020, 6, 15), "past", 2005),
        (20, dt.date(2020, 6, 15), "past", 2020),
        (72, dt.date(1999, 5, 1), "past", 1972),
        (30, dt.date(2020, 6, 15), "future", 2030),
        (49, None, "past", None),
    ],
)
def test_two_digit_year(digits, base, tense, expected):
    assert two_digit_year(digits, base, tense) == expected


@pytest.mark.parametrize(
    "digits, base, expected",
    [(80, dt.date(2020, 1, 1), "1980s"), (20, dt.date(2025, 1, 1), "2020s"), (60, None, "1960s")],
)
def test_two_digit_decade(digits, base, expected):
    assert two_digit_decade(digits, base) == expected


def test_holidays():
    words = load_words()
    assert holiday_date("Christmas Day", 1998, None, "past", words) == dt.date(1998, 12, 25)
    assert holiday_date("Christmas Day", None, dt.date(2020, 1, 10), "past", words) == dt.date(2019, 12, 25)
    assert holiday_date("New Year's Day", None, dt.date(2021, 12, 30), "future", words) == dt.date(2022, 1, 1)


def test_bad_date_words_name_the_file(tmp_path):
    path = tmp_path / "dates.yml"
    path.write_text('holidays: {Christmas Day: "12-32"}\nfuture_aux: [will]\nfuture_words: []\n', encoding="utf-8")
    with pytest.raises(InputError, match="dates.yml: holiday 'Christmas Day'"):
        load_words(str(path))
