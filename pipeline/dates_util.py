"""Date values as calendar ranges, for the spec's "a dated claim absorbs coarser ones" rule."""

from __future__ import annotations

import calendar
import datetime as dt
import re

VALUE = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{3})0s$|^(\d{4}(?:-\d{2}){0,2})/(\d{4}(?:-\d{2}){0,2})$", re.ASCII
)


def valid_value(value: str | None) -> bool:
    """A DATE value per spec (YYYY, YYYY-MM, YYYY-MM-DD, a decade YYY0s, or start/end) of real calendar dates."""
    if value is None:
        return True
    if not VALUE.fullmatch(value):
        return False
    try:  # "2019-13" or "2019-02-30" match the shape but name no day ("0000" neither)
        return all(dt.date.fromisoformat(day) for day in date_range(value))
    except ValueError:
        return False


def date_range(value: str) -> tuple[str, str]:
    """The first and last day a value covers, as ISO strings (comparable as text)."""
    m = VALUE.match(value)
    if not m:
        raise ValueError(value)
    if m.group(4):
        return f"{m.group(4)}0-01-01", f"{m.group(4)}9-12-31"
    if m.group(5):
        return date_range(m.group(5))[0], date_range(m.group(6))[1]
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        return value, value
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def coarser(outer: str | None, inner: str | None) -> bool:
    """True when ``outer`` strictly contains ``inner`` (``None`` contains every date)."""
    if outer == inner or inner is None:
        return False
    if outer is None:
        return True
    (a, b), (c, d) = date_range(outer), date_range(inner)
    # Two spellings of one range ("1990s", "1990/1999") do not absorb each other: both would go.
    return a <= c and d <= b and (a, b) != (c, d)
