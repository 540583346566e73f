"""Citations of every style, the bare trailing-number document style, and what a citation covers."""
from __future__ import annotations

import pytest

from medlint.analysis.citations import author_year, is_source_url
from nlp_docs import make_document, paragraphs


def cited_kinds(document):
    return [(c.kind, c.label) for c in document.citations]


@pytest.mark.parametrize("text, label", [
    ("Warfarin needs INR checks [3].", "3"), ("It is common [1, 2].", "1,2"),
    ("Reported widely [4-6].", "4-6"), ("Reported widely [4\u20136].", "4\u20136"),
])
def test_bracket_numbers(text, label):
    assert cited_kinds(paragraphs(text)) == [("bracket", label)]


@pytest.mark.parametrize("text", [
    "Metoprolol may help migraine [citation needed].", "Written by [Author Name].",
    "See [insert chart here].", "The 2019 label [2019] changed.",
])
def test_bracket_text_that_is_not_a_citation(text):
    assert paragraphs(text).citations == []


def test_parser_markers_are_zero_width_citations_at_their_offset():
    document = make_document([("paragraph", "Take 10 mg daily. Then stop.")],
                             markers=[("superscript", "2", 0, 16), ("footnote", "a", 0, 28)])
    assert [(c.start, c.end, c.kind, c.label) for c in document.citations] == [
        (16, 16, "superscript", "2"), (28, 28, "footnote", "a")]
    assert document.is_cited(5, 10)
    assert document.is_cited(document.prose.index("Then"))


def test_plain_text_caret_footnote_and_unicode_superscripts():
    document = paragraphs("Relief was better together^3.", "Hot flashes eased[^hf].",
                          "Bleeding risk rises\u00b2.", "Dose by area: 100 mg/m\u00b2 weekly.")
    assert cited_kinds(document) == [("caret", "3"), ("footnote", "hf"), ("superscript", "2")]


@pytest.mark.parametrize("text", [
    "(Nguyen et al., 2021)", "(Nguyen et al. 2021)", "(Park & Lee, 2018)", "(Park and Lee, 2018)",
    "(World Health Organization, 2023)", "(American Diabetes Association, 2024)",
    "(ALLHAT Collaborative Research Group, 2002)", "(WHO, 2023)", "(O'Brien, 2015a)",
    "(Nguyen et al., 2021; Park & Lee, 2018)", "(see Tanaka et al., 2017)", "(National Institute for Health and Care Excellence, 2022)",
])
def test_author_year_citations(text):
    found = author_year(f"Lowering the dose helped {text}.")
    assert [c.kind for c in found] == ["author-year"]


@pytest.mark.parametrize("text", [
    "(CBT)", "(2-4 weeks)", "(GABA)", "(approved in 2016)", "(March 2020)", "(since 2019)",
    "(about 5 mg)", "(Updated 2024)", "(Zoloft)", "(for 10 days, 2 times)", "(type 2, 2019 data)",
])
def test_parentheses_that_are_not_author_year(text):
    assert author_year(f"Lowering the dose helped {text}.") == []


def test_narrative_author_year():
    found = author_year("Okafor et al. (2020) found fewer relapses.")
    assert [(c.start, c.end) for c in found] == [(0, 20)]


@pytest.mark.parametrize("href, real", [
    ("https://www.nice.org.uk/guidance/ng28", True), ("http://dailymed.nlm.nih.gov/x", True),
    ("https://doi.org/10.1000/182", True), ("www.cdc.gov/flu", True),
    ("", False), ("#", False), ("#dosage", False), ("insert link", False), ("TODO", False),
    ("http://", False), ("https://example.com/study", False), ("https://www.example.org", False),
    ("http://localhost:8000/a", False), ("http://127.0.0.1/x", False), ("https://site.local/a", False),
    ("https://cms.test/x", False), ("mailto:help@clinic.org", False), ("ftp://files.org/a", False),
    ("https://yourwebsite.com/post", False),
])
def test_is_source_url(href, real):
    assert is_source_url(href) is real


def test_real_links_cite_their_sentence_only():
    text = "Start at 5 mg as the label says. Raise it slowly."
    document = make_document([("paragraph", text)], links=[("https://dailymed.nlm.nih.gov/x", 0, 23, 28),
                                                           ("https://example.com", 0, 40, 44)])
    assert [(c.kind, c.start) for c in document.citations] == [("url", 23)]
    assert document.is_cited(9, 13)
    assert not document.is_cited(text.index("Raise"))


def test_url_left_in_plain_text_prose_counts():
    document = paragraphs("Guidance: https://www.heart.org/en/topics. Other: https://example.com/x.")
    assert [(c.kind, c.label) for c in document.citations] == [("url", "https://www.heart.org/en/topics")]


def test_citation_covers_its_sentence_not_the_paragraph():
    document = paragraphs("Most adults take 50 mg daily. Some need 100 mg daily [1].")
    first = document.prose.index("50 mg")
    second = document.prose.index("100 mg")
    assert not document.is_cited(first, first + 5)
    assert document.is_cited(second, second + 6)


def test_citation_covers_the_whole_list_item_and_table_row():
    document = make_document([
        ("list_item", "Adults: 10 mg daily. Children: 5 mg daily [2]."),
        ("table_cell", "Adults", 0, 7), ("table_cell", "10 mg daily", 0, 7), ("table_cell", "Label [3]", 0, 7),
        ("table_cell", "Children", 0, 8), ("table_cell", "5 mg daily", 0, 8),
    ])
    prose = document.prose
    assert document.is_cited(prose.index("10 mg"))
    assert document.is_cited(prose.index("10 mg daily", 30))
    assert not document.is_cited(prose.index("5 mg daily", 60))


BARE_STYLE = [
    "Levothyroxine is usually started at 1.6 mcg/kg per day in healthy adults 1.",
    "Older adults often start lower, at 25 to 50 mcg daily (over 6 weeks) 2.",
    "Absorption falls when it is taken with calcium or iron 2, 3.",
    "It is given on days 1 through 5 4.",
    "Many people feel better within 2 weeks.",
]


def test_bare_trailing_numbers_are_citations_in_a_document_using_them():
    document = paragraphs(" ".join(BARE_STYLE))
    bare = [(c.label, document.prose[c.start:c.end]) for c in document.citations if c.kind == "bare-number"]
    assert bare == [("1", "1"), ("2", "2"), ("2, 3", "2, 3"), ("4", "4")]
    assert not document.is_cited(document.prose.index("within 2 weeks"))


def test_one_trailing_number_does_not_make_a_style():
    document = paragraphs("Levothyroxine is started at 1.6 mcg/kg per day in healthy adults 1.",
                          "Check thyroid levels after 6 weeks.")
    assert document.citations == []


@pytest.mark.parametrize("sentence", [
    "Take a dose of 1.", "Take it once daily for 5.", "In a crisis call the phone number 988.",
    "The tablets are scored and you take 2.", "Most people have type 2.", "Symptoms peak on day 3.",
    "The usual adult dose is 500 mg.", "Doses were reviewed in 2019.",
])
def test_counts_and_quantities_are_not_trailing_citations(sentence):
    document = paragraphs(sentence, "Another such line ends with a dose of 2.", "Grade 3.", sentence)
    assert [c for c in document.citations if c.kind == "bare-number"] == []


def test_list_numbering_and_reference_entries_are_not_trailing_citations():
    document = make_document([
        ("paragraph", "1. Start low."), ("paragraph", "2. Go slow."),
        ("heading", "References", 2), ("paragraph", "1. Label. Drugs at FDA 1."),
        ("paragraph", "2. Review. Lancet 2."),
    ])
    assert document.citations == []


def test_trailing_number_labels_beyond_the_reference_list_are_not_citations():
    document = make_document([
        ("paragraph", "Start with 12.5 mg daily for most adults 1. Raise it at week two if tolerated 2."),
        ("paragraph", "There were 90 patients in the study arm 97."),
        ("heading", "References", 2), ("list_item", "Label."), ("list_item", "Trial."),
    ])
    assert [c.label for c in document.citations] == ["1", "2"]


def test_trailing_number_after_a_closed_rate_or_noun_phrase():
    document = paragraphs("Relief depends on the dose 1. Do not exceed 3 g per day 2. "
                          "Older adults take at most 2 g a day 2. Fever usually settles on day 3.")
    labels = [(c.label, document.prose[c.start - 4:c.end]) for c in document.citations]
    assert labels == [("1", "ose 1"), ("2", "day 2"), ("2", "day 2")]


def test_trailing_number_after_a_complete_quantity_but_not_after_a_letter():
    document = paragraphs("The dose may be raised to 10 mg 2. Aim for an HbA1c below 7% 3. "
                          "Keep LDL under 2.6 mmol/L 1. Take it with vitamin D 3.")
    assert [c.label for c in document.citations] == ["2", "3", "1"]


@pytest.mark.parametrize("text, label", [
    ("Adults take 50 mg at night [Ref 4].", "4"), ("Adults take 50 mg at night [ref. 2, 3].", "2,3"),
    ("Adults take 50 mg at night (ref. 4).", "4"), ("Adults take 50 mg at night (see reference 7).", "7"),
    ("Adults take 50 mg at night (refs 1-2).", "1-2"),
])
def test_named_reference_numbers_in_brackets_and_parentheses(text, label):
    assert cited_kinds(paragraphs(text)) == [("bracket", label)]


@pytest.mark.parametrize("text", [
    "(U.S. Food and Drug Administration [FDA], 2023)", "(van der Berg et al., 2018)",
    "(de Souza and colleagues, 2020)", "(Okoro and colleagues, 2019)",
])
def test_more_author_year_forms(text):
    assert [c.kind for c in author_year(f"The starting dose was halved {text}.")] == ["author-year"]


@pytest.mark.parametrize("text", ["(in 2019)", "(the 2020 update)", "(see the 2021 label)"])
def test_particles_alone_are_not_authors(text):
    assert author_year(f"The starting dose was halved {text}.") == []


def test_parenthesized_trailing_numbers_are_citations_in_a_document_using_them():
    document = paragraphs("Bisoprolol starts at 1.25 mg once daily in heart failure (3).",
                          "The dose is doubled every 2 weeks if tolerated (3, 4).",
                          "Older adults may need longer between increases (5-6).",
                          "The target is 10 mg once daily.")
    assert [(c.kind, c.label) for c in document.citations] == [
        ("bare-number", "3"), ("bare-number", "3, 4"), ("bare-number", "5-6")]
    assert not document.is_cited(document.prose.index("10 mg"))


def test_one_parenthesized_number_is_not_a_style():
    document = paragraphs("Bisoprolol starts at 1.25 mg once daily (3).", "It is taken in the morning.")
    assert document.citations == []


def test_parenthesized_labels_need_only_avoid_label_words():
    document = paragraphs("Use the liquid for pain that breaks through, as needed (2).",
                          "Doses are checked again after a week (3).",
                          "Read the instructions in step (4).")
    assert [c.label for c in document.citations] == ["2", "3"]


def test_narrative_and_colleagues():
    found = author_year("Mensah and colleagues (2023) raised the target dose.")
    assert [(c.kind, c.start) for c in found] == [("author-year", 0)]
    assert author_year("Doctors and nurses (2023) agreed.") == []


@pytest.mark.parametrize("text, found", [
    ("(NHS website, 2024)", True), ("(FDA label, 2023)", True), ("(NICE guideline, 2022)", True),
    ("(website, 2024)", False), ("(label updated 2023)", False), ("(fact sheet 2020)", False),
])
def test_publisher_and_source_kind_with_a_year(text, found):
    assert bool(author_year(f"Most adults take 10 mg at night {text}.")) is found
