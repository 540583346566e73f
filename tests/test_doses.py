"""Dose mentions: amounts with drug units, ranges, strengths, frequency and route; look-alikes excluded."""
from __future__ import annotations

import pytest

from medlint.analysis.doses import dose_mentions
from nlp_docs import paragraphs


def one(text):
    found = dose_mentions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, amount, unit, frequency", [
    ("Adults take 0.5 to 1 mg twice daily.", "0.5 to 1", "mg", "twice daily"),
    ("It starts at 0.125 mg to .25 mg once a day.", "0.125 to .25", "mg", "once a day"),
    ("Usual range 1.5-4.0 mg/day.", "1.5-4.0", "mg/day", None),
    ("The syrup has 250 mg per 5 mL.", "250", "mg per 5 mL", None),
    ("The syrup has 125 mg/5 mL.", "125", "mg/5 mL", None),
    ("Give 2 g every 12 hours.", "2", "g", "every 12 hours"),
    ("The maximum is 3,200 mg a day.", "3,200", "mg", "a day"),
    ("Start at 10 mg to 20.0 mg in the morning.", "10 to 20.0", "mg", "in the morning"),
    ("Children get 20 mg/kg/day in two divided doses.", "20", "mg/kg/day", "in two divided doses"),
    ("A patch delivers 25 mcg/hr.", "25", "mcg/hr", None),
    ("Infuse 1.4 mg/m2 weekly.", "1.4", "mg/m2", "weekly"),
    ("Take 1,000 IU of vitamin D3 daily.", "1,000", "IU", "daily"),
    ("Inject 10 units before breakfast.", "10", "units", None),
    ("Use 5 mL three times a day.", "5", "mL", "three times a day"),
    ("Take 50 mcg once daily.", "50", "mcg", "once daily"),
    ("Take 25 \u00b5g daily.", "25", "\u00b5g", "daily"),
    ("Take 400 mg of naproxen every 8 to 12 hours.", "400", "mg", "every 8 to 12 hours"),
    ("Take 15 mg QHS.", "15", "mg", "QHS"),
    ("Take 250 mg bid.", "250", "mg", "bid"),
    ("Take 250 mg b.i.d. with food.", "250", "mg", "b.i.d."),
    ("Take 100 mg at bedtime.", "100", "mg", "at bedtime"),
    ("Take 5 mg every other day.", "5", "mg", "every other day"),
    ("Take 30 mg as needed.", "30", "mg", "as needed"),
    ("A 300-mg capsule is enough.", "300", "mg", None),
    ("Between 2 and 4 mg per day is typical.", "2 and 4", "mg", "per day"),
])
def test_dose_amount_unit_frequency(text, amount, unit, frequency):
    dose = one(text)
    assert (dose.amount, dose.unit, dose.frequency) == (amount, unit, frequency)
    assert text[dose.start:dose.end] == dose.text
    assert dose.text.startswith(amount.split()[0].split("-")[0])


def test_several_doses_in_one_sentence():
    found = dose_mentions("Start with 100 mg on day one, 100 mg twice on day two and 100 mg three times on day three.")
    assert [(d.text, d.frequency) for d in found] == [
        ("100 mg", None), ("100 mg twice", "twice"), ("100 mg three times", "three times")]


@pytest.mark.parametrize("text, route", [
    ("Give 4 mg IV every 6 hours.", "intravenous"), ("Take 10 mg by mouth daily.", "oral"),
    ("Inject 40 mg subcutaneously once daily.", "subcutaneous"), ("Give 1 g IM once.", "intramuscular"),
    ("Use 200 mcg inhaled twice daily.", "inhaled"), ("Take 5 mg daily.", None),
])
def test_route(text, route):
    assert one(text).route == route


def test_route_is_looked_for_in_the_dose_sentence_only():
    document = paragraphs("Take 10 mg daily. The IV form is used in hospital.")
    assert [(d.text, d.route) for d in document.doses] == [("10 mg daily", None)]


@pytest.mark.parametrize("text", [
    "Effects start within 30 to 60 minutes.", "Use it for 2-4 weeks.", "Take it for 5 to 7 days.",
    "It is approved for children aged 6 and older.", "Keep glucose below 180 mg/dL.",
    "Clearance below 50 mL/min needs a lower dose.", "If eGFR is 30-45 mL/min/1.73 m2, halve it.",
    "The target is under 70 mg/dL.", "Aim for HbA1c below 7%.", "Blood pressure of 140/90 mmHg is high.",
    "The cyst measured 3.2 cm.", "Take 2 tablets.", "Mix with 4 ounces of water.",
    "Avoid more than 1.5 litres a day of grapefruit juice.", "Start at XX mg and taper.",
    "The conversion ratio is about 1.5 to 1.", "Potassium of 5.5 mmol/L is high.",
    "Drink no more than 14 units of alcohol a week.", "Most adults need 30 g of fibre a day.",
    "Limit salt to 2,300 mg of sodium a day.", "It is sold in all 50 U.S. states.",
    "COVID-19 cases rose.", "Haemoglobin was 9.8 g/dL.", "The child weighs 20 kg.",
    "An HbA1c of 48 mmol/mol is the threshold.", "Urine ACR above 30 mg/g is abnormal.", "ALT was 56 U/L.",
])
def test_not_doses(text):
    assert dose_mentions(text) == []


def test_document_doses_use_prose_offsets():
    document = paragraphs("Intro line.", "Adults take 75 mg once daily.")
    (dose,) = document.doses
    assert document.prose[dose.start:dose.end] == "75 mg once daily"


@pytest.mark.parametrize("text, found", [
    ("A kitchen teaspoon is not 5 mL.", []), ("The bottle holds 150 mL.", []),
    ("Give 5 mL of the syrup.", ["5 mL"]), ("The dose is 7.5 mL.", ["7.5 mL"]),
    ("Measure 10 mL every 6 hours.", ["10 mL every 6 hours"]),
    ("Use the syringe; a teaspoon is not 5 mL.", []),
])
def test_a_bare_volume_is_a_dose_only_when_given(text, found):
    assert [d.text for d in dose_mentions(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Each tablet holds 7.5/325 mg of hydrocodone and acetaminophen.", ["7.5/325 mg"]),
    ("Some people need 3 to 6 extra units of rapid-acting insulin.", ["3 to 6 extra units"]),
    ("Add 2 additional units at lunch.", ["2 additional units"]),
    ("The usual dose is 15 milligrammes at night.", ["15 milligrammes at night"]),
    ("Give 125 micrograms each morning.", ["125 micrograms each morning"]),
])
def test_combination_strengths_extra_units_and_british_spellings(text, found):
    assert [d.text for d in dose_mentions(text)] == found


@pytest.mark.parametrize("text", [
    "Try to keep salt under 5 g a day.",
    "Sugar intake should stay below 25 g a day.",
    "Protein intake of 1.2 g/kg per day suits most athletes.",
    "Sodium should be kept under 1,500 mg a day.",
    "Carbamazepine blood levels of 4 to 12 mcg/mL are usually aimed for.",
    "A trough concentration of 10-20 mcg/mL is the target.",
])
def test_food_amounts_and_blood_levels_are_not_doses(text):
    assert dose_mentions(text) == []


@pytest.mark.parametrize("text, found", [
    ("Drink a full glass of water and take 10 mg at bedtime.", ["10 mg at bedtime"]),
    ("The oral solution contains 2 mg/mL of morphine.", ["2 mg/mL"]),
    ("Check the level after starting 200 mg twice daily.", ["200 mg twice daily"]),
])
def test_guards_leave_real_doses_alone(text, found):
    assert [d.text for d in dose_mentions(text)] == found


@pytest.mark.parametrize("text, found", [
    ("A 50 g tube of the gel lasts about a month.", []),
    ("Pharmacies sell it in a 100-mL bottle.", []),
    ("Each 15 g pack costs less than the brand.", []),
    ("Apply 2 g of gel to the knee four times a day.", ["2 g"]),
])
def test_pack_sizes_are_not_doses(text, found):
    assert [d.text for d in dose_mentions(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Adults may take one gram every six hours.", ["one gram every six hours"]),
    ("Two milligrams at bedtime is the usual start.", ["Two milligrams at bedtime"]),
    ("Some need one to two grams a day.", ["one to two grams a day"]),
    ("Give 2.5\u202fmg once daily.", ["2.5\u202fmg once daily"]),
    ("TAKE 20 MG BY MOUTH DAILY.", ["20 MG BY MOUTH DAILY"]),
    ("Start with 100 mg on day one and 100 mg twice on day two and 50 mg at night.",
     ["100 mg", "100 mg twice", "50 mg at night"]),
])
def test_spelled_amounts_capitals_and_narrow_spaces(text, found):
    assert [d.text for d in dose_mentions(text)] == found


@pytest.mark.parametrize("text", ["Take one tablet twice a day.", "Ten people in the trial took it.",
                                  "He needed four units of blood after surgery."])
def test_spelled_numbers_without_a_drug_unit_are_not_doses(text):
    assert dose_mentions(text) == []
