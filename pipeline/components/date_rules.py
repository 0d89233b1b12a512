"""The date rules dateparser lacks (spec section 2), each a small function of the text's parts:
tense-directed weekdays and month-days, "last October", "January this year", "later that year"
against the dates stated before, "'49", "the '80s", fixed-day holidays."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..gazetteer import load_yaml

DATA = resources.files("pipeline") / "data" / "dates.yml"
MONTHS = (
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {"sept": 9}
)
WEEKDAYS = tuple(d.lower() for d in calendar.day_name)


@dataclass(frozen=True)
class Words:
    holidays: dict[str, tuple[int, int]]  # "Christmas Day" → (12, 25)
    future_aux: frozenset[str]
    future_words: frozenset[str]


@lru_cache(maxsize=2)
def load_words(path: str | None = None) -> Words:
    path = Path(path or str(DATA))
    data = load_yaml(path, dict)
    if set(data) != {"holidays", "future_aux", "future_words"}:
        raise InputError(path, "want the keys holidays, future_aux and future_words")
    holidays = {}
    for name, day in (data["holidays"] or {}).items():
        m = re.fullmatch(r"(\d\d)-(\d\d)", str(day))
        if (
            not m
            or not 1 <= int(m.group(1)) <= 12
            or not 1 <= int(m.group(2)) <= calendar.monthrange(2000, int(m.group(1)))[1]
        ):
            raise InputError(path, f"holiday {name!r}: want MM-DD, got {day!r}")
        holidays[str(name)] = (int(m.group(1)), int(m.group(2)))
    lists = [data[k] for k in ("future_aux", "future_words")]
    if not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in lists):
        raise InputError(path, "future_aux and future_words: want lists of words")
    return Words(holidays, *(frozenset(w.lower() for w in v) for v in lists))


def weekday_date(weekday: int, base: dt.date, tense: str) -> dt.date:
    """Past or present: the nearest such weekday on or before ``base``; future: after it."""
    if tense == "future":
        return base + dt.timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def year_for(month: int, day: int | None, base: dt.date, tense: str) -> int:
    """A year-less month or month-day is in ``base``'s year unless the tense puts it after
    publication in the past (the year before) or before publication in the future (the year after)."""
    when, now = (month, day or 0), (base.month, base.day if day else 0)
    if tense == "past" and when > now:
        return base.year - 1
    if tense == "future" and when < now:
        return base.year + 1
    return base.year


def named_month(which: str, month: int, base: dt.date) -> tuple[int, int]:
    """ "last October": the latest October before the publication month; "next March": the first
    after it; "this September": the publication year's."""
    if which == "last":
        return (base.year if month < base.month else base.year - 1), month
    if which == "next":
        return (base.year if month > base.month else base.year + 1), month
    return base.year, month


def anchored(unit: str, step: int, before: list[str]) -> str | None:
    """ "later that year" (step 0), "the following year" (step 1): the last date stated before
    with at least ``unit`` granularity, moved by ``step`` units; ``None`` if there is none."""
    need = {"year": 4, "month": 7, "day": 10}[unit]
    for value in reversed(before):
        if re.fullmatch(r"\d{4}(-\d\d){0,2}", value) and len(value) >= need:
            day = dt.date(
                int(value[:4]), int(value[5:7] or 1) if len(value) > 4 else 1, int(value[8:10]) if len(value) > 7 else 1
            )
            if unit == "year":
                return str(day.year + step)
            if unit == "month":
                y, m = divmod(day.month - 1 + step, 12)
                return f"{day.year + y}-{m + 1:02d}"
            return (day + dt.timedelta(days=step)).isoformat()
    return None


def two_digit_year(digits: int, base: dt.date | None, tense: str) -> int | None:
    """ "'49": the latest such year up to publication (future tense: the first from it on)."""
    if base is None:
        return None
    year = base.year - (base.year - digits) % 100
    return year + 100 if tense == "future" and year < base.year else year


def two_digit_decade(digits: int, base: dt.date | None) -> str:
    """ "the '80s": the latest such decade starting by publication (1900s without one)."""
    if base is None:
        return f"19{digits:02d}s"
    start = base.year - (base.year - digits) % 100
    return f"{start}s"


def holiday_date(name: str, year: int | None, base: dt.date | None, tense: str, words: Words) -> dt.date | None:
    """ "Christmas Day 1998" → 1998-12-25; without a year, the month-day rule places it."""
    month, day = words.holidays[name]
    if year is None:
        if base is None:
            return None
        year = year_for(month, day, base, tense)
    return dt.date(year, month, day)
