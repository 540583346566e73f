"""Date reading (medlint.analysis.dates): written forms, day-month order, precision."""
from __future__ import annotations

import datetime as dt

import pytest

from medlint.analysis.dates import coerce_date, find_dates, months_before, months_between, parse_date

D = dt.date


@pytest.mark.parametrize("text, expected, precision", [
    ("April 10, 2025", D(2025, 4, 10), "day"),
    ("Apr. 10th, 2025", D(2025, 4, 10), "day"),
    ("10 April 2025", D(2025, 4, 10), "day"),
    ("3rd of September 2026", D(2026, 9, 3), "day"),
    ("2025-04-10", D(2025, 4, 10), "day"),
    ("2026-05-02T09:30:00Z", D(2026, 5, 2), "day"),
    ("2025/04/10", D(2025, 4, 10), "day"),
    ("08/14/2024", D(2024, 8, 14), "day"),
    ("Sept. 2024", D(2024, 9, 30), "month"),
    ("March 2025", D(2025, 3, 31), "month"),
    ("February 2024", D(2024, 2, 29), "month"),
])
def test_written_forms(text, expected, precision):
    found = find_dates(f"Updated {text} by the team")
    assert [(d.date, d.precision) for d in found] == [(expected, precision)]


def test_numeric_day_month_order_is_configurable_and_impossible_orders_flip():
    assert find_dates("10/04/2025")[0].date == D(2025, 10, 4)
    assert find_dates("10/04/2025", order="dmy")[0].date == D(2025, 4, 10)
    assert find_dates("14/08/2024")[0].date == D(2024, 8, 14)  # no 14th month: must be day-first


def test_offsets_point_at_the_date_and_a_glued_word_does_not_hide_it():
    text = "Last updated: April 10, 2025View editorial policy"
    (found,) = find_dates(text)
    assert text[found.start:found.end] == "April 10, 2025"


@pytest.mark.parametrize("text", [
    "In 2013 the FDA warned about heart rhythm.", "(c) 2019 Heart Library", "31/02/2024", "2019-2020 season",
    "take 2-4 tablets", "a 5/325 mg tablet",
])
def test_not_dates(text):
    assert find_dates(text) == []


def test_parse_date_takes_whole_values_and_bare_years():
    assert parse_date("2024").date == D(2024, 12, 31)
    assert parse_date(" 'June 3, 2023' ").date == D(2023, 6, 3)
    assert parse_date("soon") is None
    assert parse_date("reviewed by the board in March 2020") is None


def test_coerce_yaml_values():
    assert coerce_date(D(2024, 3, 2)) == D(2024, 3, 2)
    assert coerce_date(dt.datetime(2024, 3, 2, 10, 0)) == D(2024, 3, 2)
    assert coerce_date(2023) == D(2023, 12, 31)
    assert coerce_date("2024-03-02") == D(2024, 3, 2)
    assert coerce_date(None) is None and coerce_date(["2024"]) is None


def test_month_arithmetic():
    assert months_before(D(2026, 11, 21), 12) == D(2025, 11, 21)
    assert months_before(D(2024, 3, 31), 1) == D(2024, 2, 29)
    assert months_between(D(2025, 3, 31), D(2026, 11, 21)) == 19
    assert months_between(D(2026, 12, 1), D(2026, 11, 21)) == 0


@pytest.mark.parametrize("text, expected, precision", [
    ("05-Sep-2023", D(2023, 9, 5), "day"),
    ("5.9.2023", D(2023, 9, 5), "day"),       # dotted dates are day first, whatever the order setting
    ("2023-09", D(2023, 9, 30), "month"),
    ("09/2023", D(2023, 9, 30), "month"),
])
def test_more_written_forms(text, expected, precision):
    found = find_dates(f"Reviewed {text} by the pharmacy team", "mdy")
    assert [(d.date, d.precision) for d in found] == [(expected, precision)]


@pytest.mark.parametrize("text", ["the 2023-2024 season", "pages 12-2019"])
def test_ranges_of_years_are_not_months(text):
    assert find_dates(text) == []
