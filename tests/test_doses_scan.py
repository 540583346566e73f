"""The dose scan tries its pattern only where an amount can start, the route and food patterns
only where their words are: the shortcuts must find exactly what full scans find."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.analysis import doses
from medlint.analysis.doses import dose_mentions

_ATOMS = ("one", "Two", "THREE", "half a", "Half  a", "twenty-five", "one hundred", "ſix", "\u0130", "\u0131",
          "mg", "MG", "g", "mL", "units", "IU", "U", "mcg", "\u00b5g", "mEq", "international units", "cc", "grams",
          "5", "10", "0.5", ".5", "1,000", "2.5", "10/325", "\u0662", " ", " ", "\u00a0", "\u2009", "-", "\u2013",
          "to", "or", "and", "/", "per", "kg", "day", "extra", "more", "weeks", "times", ".", ",", "(", ")", "\n",
          "oral", "ORALLY", "P.O.", "IV", "Intravenous", "SC", "under the tongue", "nasal spray", "patch",
          "salt", "Sugar", "water", "intake", "below", "a", "daily")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ATOMS), st.sampled_from(("", " "))), min_size=1, max_size=20))
def test_shortcut_scans_equal_full_scans(parts):
    text = "".join(a + b for a, b in parts)
    expected = [(m.span(), m.groupdict()) for m in doses._DOSE.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in doses._dose_matches(text)] == expected
    route = next((name for name, pattern, _ in doses._ROUTES if pattern.search(text)), None)
    assert doses._route(text, 0, len(text), None) == route
    for start in range(0, len(text) + 1, 5):
        full = doses._FOOD_BEFORE.search(text, max(0, start - 50), start) is not None
        assert doses._food_before(text, start) == full


@pytest.mark.parametrize("text, amounts", [
    ("Give .5 mL of the drops, then 1,000 IU of vitamin D and 10/325 mg tablets.", [".5", "1,000", "10/325"]),
    ("Take Two milligrams at night; then ONE gram every eight hours.", ["Two", "ONE"]),
    ("Week 2 - 4 mg daily; week 3 to 6 extra units.", ["2-4", "3 to 6"]),
    ("After 2 weeks, 5 people took 3 tablets (4 times).", []),
])
def test_amounts_found_where_they_start(text, amounts):
    assert [d.amount for d in dose_mentions(text)] == amounts


@pytest.mark.parametrize("text, unit", [
    # every way a dose goes on after its number: each first character the scan lets through
    ("Tablets come in 5 and 10 mg strengths.", "mg"), ("Use 2 additional units if high.", "units"),
    ("Take 1 further mg.", "mg"), ("Add 5 extra units.", "units"), ("Take 5 international units.", "international units"),
    ("Give 2 cc now.", "cc"), ("It is 2 U daily.", "U"), ("Take 4 IU daily.", "IU"), ("Take 3 \u00b5g daily.", "\u00b5g"),
    ("Take 3 \u03bcg daily.", "\u03bcg"), ("Take 250 mcg.", "mcg"), ("Give 5 MG.", "MG"), ("Use 2 more units.", "units"),
    ("Take 2 or 3 mg.", "mg"), ("Take 2 to 3 mg.", "mg"), ("Take 2\u20133 mg.", "mg"), ("Take 2 \u2014 3 mg.", "mg"),
    ("Take 10/325 mg.", "mg"), ("Take 20 ug.", "ug"), ("Take 1 gram.", "gram"), ("Take 2 gm.", "gm"),
    ("Take 2 mEq.", "mEq"), ("Give 5 mmol.", "mmol"), ("Take 2 Mg.", "Mg"), ("Give 5 ML.", "ML"),
])
def test_every_continuation_after_a_number(text, unit):
    assert [d.unit for d in dose_mentions(text)] == [unit]


@pytest.mark.parametrize("text, route", [
    ("Give 4 mg IV now.", "intravenous"), ("Give 4 mg iv now.", None), ("Take 5 mg BY MOUTH daily.", "oral"),
    ("Take 5 mg P.O. daily.", "oral"), ("Use one 5 mg Patch weekly.", "transdermal"), ("Use 2 mg nightly.", None),
])
def test_routes_written_in_capitals_or_not_at_all(text, route):
    assert [d.route for d in dose_mentions(text)] == [route]


@pytest.mark.parametrize("food", ["salt", "SODIUM", "sugar", "fat", "protein", "fibre", "fiber", "carbs", "carbohydrate",
                                  "alcohol", "water", "fluid", "juice", "coffee", "tea", "milk", "calories", "food",
                                  "diet"])
def test_food_amounts_are_not_doses(food):
    assert dose_mentions(f"Keep {food} below 30 g a day.") == []


def test_food_amounts_are_not_doses_in_any_case():
    assert dose_mentions("Keep SALT intake below 6 g a day.") == []
    assert [d.amount for d in dose_mentions("Keep your intake below 6 g a day.")] == ["6"]
    assert re.search("6 g", "Keep SALT intake below 6 g a day.")  # the text does hold the amount
