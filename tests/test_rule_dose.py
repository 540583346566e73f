"""dose-without-citation (MED301): one finding per uncited sentence, list item or table row."""
from __future__ import annotations

from conftest import quote_of, run_lint
from medlint.rules.dosing.dose_without_citation import DoseWithoutCitation
from nlp_docs import make_document, paragraphs


def findings(document):
    return [(document.text[f.start:f.end], f.message) for f in DoseWithoutCitation().check(document)]


def test_uncited_dose_sentence_is_flagged_once():
    document = paragraphs("Most adults take 20 mg of famotidine twice daily, or 40 mg at bedtime. It is well tolerated.")
    assert findings(document) == [(
        "Most adults take 20 mg of famotidine twice daily, or 40 mg at bedtime.",
        "Dose statement '20 mg of famotidine twice daily' has no citation")]


def test_cited_sentence_is_not_flagged_but_its_uncited_neighbour_is():
    document = paragraphs("Start at 2.5 mg daily. The dose can rise to 10 mg daily [1].")
    assert [q for q, _ in findings(document)] == ["Start at 2.5 mg daily."]


def test_every_citation_style_covers_the_sentence():
    document = make_document([
        ("paragraph", "Adults take 500 mg twice daily (Kumar et al., 2016)."),
        ("paragraph", "Children take 10 mg/kg twice daily."),
        ("paragraph", "The label lists 250 mg per 5 mL."),
        ("paragraph", "Older adults take 250 mg daily^2."),
    ], markers=[("superscript", "4", 1, 35)], links=[("https://dailymed.nlm.nih.gov/x", 2, 4, 9)])
    assert findings(document) == []


def test_list_items_and_table_rows():
    document = make_document([
        ("list_item", "Migraine prevention: 100 mg daily"),
        ("list_item", "Tremor: 40 mg twice daily [3]"),
        ("table_cell", "Angina", 0, 1), ("table_cell", "50 to 100 mg twice daily", 0, 1),
        ("table_cell", "Heart failure", 0, 2), ("table_cell", "12.5 mg daily", 0, 2), ("table_cell", "[2]", 0, 2),
    ])
    assert [q for q, _ in findings(document)] == ["Migraine prevention: 100 mg daily", "50 to 100 mg twice daily"]


def test_questions_headings_references_and_related_lists_are_not_checked():
    document = make_document([
        ("heading", "Is 40 mg of omeprazole too much?", 2),
        ("paragraph", "Can I take 800 mg of ibuprofen at once?"),
        ("heading", "Related questions", 2), ("paragraph", "Is 2 mg of lorazepam a high dose?"),
        ("heading", "References", 2), ("list_item", "Trial of 75 mg clopidogrel daily. Lancet. 2001."),
    ])
    assert findings(document) == []


def test_non_doses_are_not_flagged():
    document = paragraphs("Effects last 4 to 6 hours.", "Keep LDL under 100 mg/dL.", "Pour 200 mL of water.",
                          "Start at XX mg.", "Use for 2-4 weeks.")
    assert findings(document) == []


def test_bare_trailing_number_style_cites_dose_sentences():
    text = ("Adults usually take 5 mg once daily for hypertension 1. Some need 10 mg once daily 2. "
            "Older adults may start at 2.5 mg once daily.")
    document = paragraphs(text)
    assert [q for q, _ in findings(document)] == ["Older adults may start at 2.5 mg once daily."]


def test_lint_text_reports_source_positions():
    text = "Amlodipine\n\nThe usual dose is 5 mg once daily.\n"
    found = run_lint(text, fmt="text", select=["dose-without-citation"])
    assert [(f.code, quote_of(text, f), f.line) for f in found] == [
        ("MED301", "The usual dose is 5 mg once daily.", 3)]


def test_markdown_table_rows_and_footnotes():
    text = ("# Valproate\n\n| Use | Dose |\n|---|---|\n| Epilepsy | 10 to 15 mg/kg/day |\n"
            "| Mania | 750 mg daily in divided doses[^1] |\n\n[^1]: Label. 2020.\n")
    found = run_lint(text, fmt="markdown", select=["dose-without-citation"])
    assert [quote_of(text, f) for f in found] == ["10 to 15 mg/kg/day"]


def test_html_superscripts_cover_list_items():
    text = ("<h2>Dosing</h2><ul><li>Adults: 5 mg daily<sup>2</sup></li>"
            "<li>Children: 0.1 mg/kg daily</li></ul>")
    found = run_lint(text, fmt="html", select=["dose-without-citation"])
    assert [quote_of(text, f) for f in found] == ["Children: 0.1 mg/kg daily"]


def test_label_lines_split_by_a_line_break_are_separate_statements():
    html = ("<h2>Baclofen doses</h2><p>Adults: 5 mg three times a day<br>"
            "Older adults: 2.5 mg three times a day [2]</p>")
    found = run_lint(html, fmt="html", select=["dose-without-citation"])
    assert [quote_of(html, f) for f in found] == ["Adults: 5 mg three times a day"]


def test_a_hard_wrapped_sentence_stays_one_unit():
    text = "Baclofen doses\n\nMost adults start with 5 mg three times a day and some\nneed more later [2].\n"
    assert run_lint(text, fmt="text", select=["dose-without-citation"]) == []


def test_a_plain_text_line_with_a_dose_and_frequency_is_checked_even_if_it_looks_like_a_title():
    text = "Baclofen doses\n\nAdults\t5 mg three times a day\n\nBaclofen 10 mg tablets\n\nThey are white [1].\n"
    found = run_lint(text, fmt="text", select=["dose-without-citation"])
    assert [quote_of(text, f) for f in found] == ["Adults\t5 mg three times a day"]
