"""Reading calendar dates written the many ways health sites write them.

Used by stale-review-date (and any rule that needs a date): "April 10, 2025", "Apr. 10th, 2025",
"10 April 2025", "3rd of September 2026", "10/04/2025" (day-month order configurable), "2025-04-10",
"2026-05-02T09:30:00Z", "Apr. 2025", "March 2025". A date with only a month stands for the LAST day
of that month, a bare year (only read by :func:`parse_date`, never found in running prose, where
"In 2013 the FDA warned" is not a date) for the last day of that year: a page "updated March 2025"
may have been updated on March 31.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_TIME = r"(?:[T ]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"

# (pattern, kind) in priority order; earlier kinds win over later overlapping ones
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)([-/.])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?![\d/])"
                + _TIME), "ymd"),
    (re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<year>(?:19|20)?\d\d)"
                r"(?![\d/.]\d)(?!\d)"), "numeric"),
    (re.compile(r"(?i)\b" + _MONTH + r"[ \t]+" + _DAY + r",?[ \t]+" + _YEAR), "mdy"),
    (re.compile(r"(?i)\b" + _DAY + r"(?:[ \t]+of)?[ \t]+" + _MONTH + r",?[ \t]+" + _YEAR), "dmy"),
    (re.compile(r"(?i)\b" + _DAY + r"-" + _MONTH + r"-" + _YEAR), "dmy"),  # 05-Sep-2023
    (re.compile(r"(?i)\b" + _MONTH + r",?[ \t]+" + _YEAR), "my"),
    # a month written in numbers: 2023-09 (ISO), 09/2023
    (re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])(?![\d/-])"), "ym"),
    (re.compile(r"(?<![\d/.-])(?P<month>0?[1-9]|1[0-2])/(?P<year>(?:19|20)\d\d)(?![\d/])"), "ym"),
]
_YEAR_ONLY = re.compile(r"\s*(?P<year>(?:19|20)\d\d)\s*")
_TWO_DIGITS = re.compile(r"\d\d")

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: [start, end) in that text, the date, and its precision.

    ``date`` is already the last day of the month/year for month-only or year-only dates.
    """

    start: int
    end: int
    date: _dt.date
    precision: str  # "day", "month" or "year"


def last_day_of_month(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def months_before(day: _dt.date, months: int) -> _dt.date:
    """``day`` moved back by ``months`` calendar months (clamped to the month's last day)."""
    index = day.year * 12 + (day.month - 1) - int(months)
    year, month0 = divmod(index, 12)
    return _dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def months_between(earlier: _dt.date, later: _dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when later is not later)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _build(kind: str, m: re.Match[str], order: str) -> tuple[_dt.date, str] | None:
    try:
        if kind == "ymd":
            return _dt.date(int(m["year"]), int(m["month"]), int(m["day"])), DAY
        if kind == "ym":
            return last_day_of_month(int(m["year"]), int(m["month"])), MONTH
        if kind == "numeric":
            a, b, year = int(m["a"]), int(m["b"]), _year(m["year"])
            # dotted dates (5.9.2023) are written day first wherever they are used
            month, day = (b, a) if order == "dmy" or m.group(2) == "." else (a, b)
            if month > 12 and day <= 12:  # "14/08/2024" can only be day-first
                month, day = day, month
            return _dt.date(year, month, day), DAY
        month = MONTHS[m["month"].lower()]
        if kind in ("mdy", "dmy"):
            return _dt.date(int(m["year"]), month, int(m["day"])), DAY
        return last_day_of_month(int(m["year"]), month), MONTH
    except ValueError:  # 31 February, month 13...
        return None


def find_dates(text: str, order: str = "mdy", start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date written in ``text[start:end]``, in order, offsets into ``text``.

    ``order`` ("mdy" or "dmy") decides how an all-numeric date such as 10/04/2025 is read.
    """
    end = len(text) if end is None else end
    if _TWO_DIGITS.search(text, start, end) is None:
        return []  # every date holds a year of two digits or more
    taken: list[DateMatch] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < t.end and t.start < m.end() for t in taken):
                continue
            built = _build(kind, m, order)
            if built is not None:
                taken.append(DateMatch(m.start(), m.end(), built[0], built[1]))
    return sorted(taken, key=lambda d: d.start)


def parse_date(text: str, order: str = "mdy") -> DateMatch | None:
    """The date that ``text`` consists of (a whole value such as a front-matter field).

    Unlike :func:`find_dates`, a bare year ("2024") is accepted here, as the last day of that year.
    """
    stripped = text.strip().strip("\"'")
    m = _YEAR_ONLY.fullmatch(stripped)
    if m:
        year = int(m["year"])
        return DateMatch(0, len(stripped), _dt.date(year, 12, 31), YEAR)
    found = find_dates(stripped, order)
    if found and not re.sub(r"[\s,;.:|()\-]", "", stripped[:found[0].start]):
        return found[0]
    return None


def coerce_date(value: Any, order: str = "mdy") -> _dt.date | None:
    """A date from a YAML value: ``datetime.date``/``datetime`` objects, strings, or a bare year."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, int) and 1900 <= value <= 2100:
        return _dt.date(value, 12, 31)
    if isinstance(value, str):
        found = parse_date(value, order)
        return found.date if found else None
    return None
