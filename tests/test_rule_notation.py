"""error-prone-notation (MED302): Joint Commission / ISMP notation next to doses, and its table."""
from __future__ import annotations

import pytest

from conftest import quote_of
from medlint import resources
from medlint.rules.dosing.notation_table import NotationTable, load_table

RULE = ["error-prone-notation"]


def _findings(lint, sentence, fmt="markdown"):
    text = f"# Warfarin\n\n{sentence}\n"
    return text, lint(text, fmt=fmt, select=RULE)


@pytest.mark.parametrize("sentence, quote, suggestion, fixed", [
    ("Start with 0.25 mg to .5 mg at night.", ".5 mg", "0.5 mg", "0.5"),
    ("The usual dose is 0.5 mg to 1.0 mg once a day.", "1.0 mg", "1 mg", "1"),
    ("Raise it from 12.5 mg to 25.0 mg after two weeks.", "25.0 mg", "25 mg", "25"),
    ("A range of 2.5-6.0 mg/day was used.", "6.0 mg", "6 mg", "6"),
    ("The syrup holds 125 mg per 5 cc.", "5 cc", "mL", "mL"),
    ("Inject 10 U before breakfast.", "10 U", "units", "units"),
    ("Take 1,000 IU of vitamin D.", "1,000 IU", "units", "units"),
    ("Give 50 µg/kg over an hour.", "50 µg", "mcg", "mcg"),
    ("Take 20 ug once a day.", "20 ug", "mcg", "mcg"),
    ("Restless legs: 300 mg qd", "qd", "daily", "daily"),
    ("Maintenance: 10 mg QD", "QD", "daily", "daily"),
    ("Alternate days: 20 mg qod", "qod", "every other day", "every other day"),
    ("Methotrexate 7.5 mg TIW is wrong.", "TIW", "3 times weekly", "3 times weekly"),
    ("Heparin 5,000 units SC twice daily.", "SC", "subcut", "subcut"),
    ("Take 1 tablet by mouth qd.", "qd", "daily", "daily"),
    ("Take 10 mg once a day (QD).", "QD", "daily", "daily"),
])
def test_safe_replacements(lint, sentence, quote, suggestion, fixed):
    text, findings = _findings(lint, sentence)
    assert [quote_of(text, f) for f in findings] == [quote]
    finding = findings[0]
    assert finding.suggestions[0] == suggestion
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.replacement == fixed
    patched = text[:finding.fix.start] + finding.fix.replacement + text[finding.fix.end:]
    assert suggestion in patched


@pytest.mark.parametrize("sentence, quote, suggestion", [
    ("Restless legs: 600 mg HS", "HS", "at bedtime"),
    ("Never D/C this medicine on your own.", "D/C", "discontinue"),
    ("Switching from oral MSO4 needs a conversion.", "MSO4", "morphine sulfate"),
    ("Eclampsia is treated with MgSO4 in hospital.", "MgSO4", "magnesium sulfate"),
    ("Give MS 10 mg every 4 hours.", "MS", "morphine sulfate"),
    ("Use 1 drop OU twice daily.", "OU", "both eyes"),
])
def test_ambiguous_notation_has_suggestions_but_no_safe_fix(lint, sentence, quote, suggestion):
    text, findings = _findings(lint, sentence)
    assert [quote_of(text, f) for f in findings] == [quote]
    assert findings[0].suggestions[0] == suggestion
    assert findings[0].fix is None


@pytest.mark.parametrize("sentence", [
    "The U.S. Food and Drug Administration approved it.",
    "See the U.S. prescribing information.",
    "MS patients may take 10 mg of baclofen.",
    "I cc'd my doctor on the email.",
    "Aim for an HbA1c below 7.0%.",
    "Skin pH is about 5.0 on average.",
    "The app was updated to version 6.0 last year.",
    "The conversion ratio is about 1.5 to 1.",
    "Uric acid above 6.0 mg/dL needs treatment.",
    "ALT was 40 U/L.",
    "Baclofen 10 mg helps some MS patients.",
    "Donepezil 10 mg in AD patients was studied.",
    "An OD of 100 mg can be fatal.",
    "The usual dose is 7.5 mg daily.",
])
def test_not_flagged(lint, sentence):
    assert _findings(lint, sentence)[1] == []


def test_plain_text_and_html(lint):
    text = "Prednisone\n\nAlternate-day therapy: 20 mg qod\n"
    assert [quote_of(text, f) for f in lint(text, fmt="text", select=RULE)] == ["qod"]
    html = "<h1>Duloxetine</h1>\n<ul><li>Diabetic nerve pain: 60 mg QD</li></ul>\n"
    assert [quote_of(html, f) for f in lint(html, fmt="html", select=RULE)] == ["QD"]


def test_shipped_table_names_a_known_source_for_every_entry():
    table = load_table(resources.read_ruleset_text("error_prone_notation.yaml"))
    assert set(table.sources) == {"tjc", "ismp"}
    assert {"trailing-zero", "naked-decimal"} <= set(table.designations)
    for form in ("qd", "qod", "U", "IU", "cc", "µg", "HS", "TIW", "D/C", "MSO4", "MgSO4", "SC", "SQ"):
        assert form in table.by_form, form
    for notation in table.notations:
        assert notation.sources and notation.use


def test_table_rejects_entries_without_a_source_or_with_an_unknown_context():
    base = {"sources": {"tjc": {"name": "TJC"}}, "dose_units": ["mg"], "designations": []}
    with pytest.raises(ValueError, match="sources"):
        NotationTable({**base, "abbreviations": [{"forms": ["qd"], "context": "dose", "means": "daily",
                                                   "mistaken_for": "qid", "use": ["daily"], "sources": ["nope"]}]})
    with pytest.raises(ValueError, match="context"):
        NotationTable({**base, "abbreviations": [{"forms": ["qd"], "context": "near", "means": "daily",
                                                   "mistaken_for": "qid", "use": ["daily"], "sources": ["tjc"]}]})


@pytest.mark.parametrize("sentence, quote", [
    # after an amount with dosing words between (a frequency, a route verb)
    ("Usual dose: 2,500 units every 12 hours, injected SQ.", "SQ"),
    ("Do not swallow the 200 mg dose hs.", "hs"),
    # after an administration verb and at most two words, with no amount in sight
    ("Take it qd if your doctor says so.", "qd"),
    ("Nurses inject dalteparin sub-q in the thigh.", "sub-q"),
    ("Fondaparinux is given SubQ once a day.", "SubQ"),
    ("Some patients are told to apply the cream QOD.", "QOD"),
    # dotted and mixed-case spellings of listed forms
    ("Dialysis patients get 1,000 units T.I.W.", "T.I.W."),
    ("Insulin detemir 8 units qHS.", "qHS"),
    ("Inject 0.3 mg S.C. at the first sign of a reaction.", "S.C."),
])
def test_forms_in_dosing_position(lint, sentence, quote):
    text, findings = _findings(lint, sentence)
    assert [quote_of(text, f) for f in findings] == [quote]


@pytest.mark.parametrize("sentence", [
    "Minocycline is also used for HS in adults.",
    "Hidradenitis suppurativa (HS) flares were less frequent on adalimumab.",
    "TAKE 1 TABLET BY MOUTH AS DIRECTED.",
    "Take 5 mg with AD medicines only if your neurologist agrees.",
    "The clinic in Columbia, SC gives 10 mg doses.",
])
def test_same_letters_outside_dosing_position(lint, sentence):
    assert _findings(lint, sentence)[1] == []


@pytest.mark.parametrize("sentence, quotes", [
    ("Apixaban tablets come in 2.5, 5.0 and 10 mg strengths.", ["5.0"]),
    ("Studied doses were .25, .5 and 1 mg.", [".25", ".5"]),
    ("QOD dosing confuses patients.", ["QOD"]),
    ("An SC injection of 40 mg is given.", ["SC"]),
])
def test_lists_sharing_a_unit_and_dosing_nouns(lint, sentence, quotes):
    text, findings = _findings(lint, sentence)
    assert [quote_of(text, f) for f in findings] == quotes


@pytest.mark.parametrize("sentence", [
    "Version 2.0 and 10 mg tablets were compared.",
    "Stage 1.0 or 2 mg? Neither.",
    "Trials of AD doses of donepezil ran for a year.",
])
def test_numbers_after_labels_and_ambiguous_forms_before_dose_nouns(lint, sentence):
    assert _findings(lint, sentence)[1] == []


def test_word_lists_must_be_strings():
    base = {"sources": {"tjc": {"name": "TJC"}}, "dose_units": ["mg"], "designations": [], "abbreviations": [],
            "not_an_object": ["for", False]}
    with pytest.raises(ValueError, match="quote them"):
        NotationTable(base)


@pytest.mark.parametrize("sentence, quote", [
    ("Rub a thin layer of the cream on the rash qd.", "qd"),
    ("Change the inhaler spacer q.o.d. if it looks cloudy.", "q.o.d."),
])
def test_lower_case_qd_and_qod_are_flagged_without_a_dose(lint, sentence, quote):
    text, found = _findings(lint, sentence)
    assert [quote_of(text, f) for f in found] == [quote]


def test_capital_qd_needs_a_dose(lint):
    _, found = _findings(lint, "The QD display on the meter shows your last reading.")
    assert found == []
