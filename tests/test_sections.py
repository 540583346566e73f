"""Sections: kinds from headings, inheritance, question runs, footnotes, bare title lines."""
from __future__ import annotations

import pytest

from medlint.analysis.sections import heading_kind
from nlp_docs import make_document


@pytest.mark.parametrize("title, kind", [
    ("References", "references"), ("## Sources", "references"), ("Bibliography", "references"),
    ("Citations:", "references"), ("Footnotes", "references"), ("Article sources", "references"),
    ("References and further reading", "references"), ("Works cited", "references"),
    ("Related questions", "related"), ("Related Articles", "related"), ("People also ask", "related"),
    ("You may also like", "related"), ("Related topics", "related"), ("See also", "related"),
    ("FAQ", "faq"), ("FAQs about lisinopril", "faq"), ("Frequently asked questions", "faq"),
    ("Common questions", "faq"), ("Disclaimer", "disclaimer"), ("Medical disclaimer", "disclaimer"),
    ("Professional Medical Disclaimer", "disclaimer"),
    # ordinary headings
    ("Sources of vitamin D", "body"), ("Dosage", "body"), ("Notes on switching from warfarin", "body"),
    ("How lisinopril works", "body"), ("Questions to ask your pharmacist about timing", "body"),
])
def test_heading_kind(title, kind):
    assert heading_kind(title) == kind


def kinds(document):
    return [(s.kind, s.heading) for s in document.sections]


def test_sections_partition_the_prose_by_heading():
    document = make_document([
        ("paragraph", "Intro text."), ("heading", "Dosage", 2), ("paragraph", "Take 5 mg."),
        ("heading", "Frequently asked questions", 2), ("heading", "Can I drink alcohol?", 3),
        ("paragraph", "Better not."), ("heading", "Disclaimer", 2), ("paragraph", "Not advice."),
        ("heading", "References", 2), ("list_item", "Label. FDA."),
    ])
    assert kinds(document) == [("body", ""), ("body", "Dosage"), ("faq", "Frequently asked questions"),
                               ("faq", "Can I drink alcohol?"), ("disclaimer", "Disclaimer"),
                               ("references", "References")]
    sections = document.sections
    assert sections[0].start == 0 and sections[-1].end == len(document.prose)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))
    assert document.section_at(document.prose.index("Better")).kind == "faq"
    assert document.section_at(document.prose.index("Label")).kind == "references"


def test_sub_heading_inherits_and_next_peer_heading_ends_it():
    document = make_document([
        ("heading", "References", 2), ("heading", "Guidelines", 3), ("paragraph", "NICE 2023."),
        ("heading", "Side effects", 2), ("paragraph", "Nausea."),
    ])
    assert kinds(document) == [("references", "References"), ("references", "Guidelines"), ("body", "Side effects")]


def test_question_headings_at_the_same_level_stay_in_the_faq():
    # plain text gives every heading the same level
    document = make_document([
        ("heading", "Common questions", 1), ("heading", "1. Is it safe in pregnancy?", 1),
        ("paragraph", "Ask your midwife."), ("heading", "How to store it", 1), ("paragraph", "Keep dry."),
    ])
    assert [k for k, _ in kinds(document)] == ["faq", "faq", "body"]


def test_run_of_related_questions_ends_at_the_next_prose_paragraph():
    document = make_document([
        ("paragraph", "Body text."), ("paragraph", "Related Questions"),
        ("paragraph", "Can I take amlodipine at night?"), ("paragraph", "Is losartan safer than lisinopril?"),
        ("paragraph", "This page was produced by our editorial team and checked last month."),
    ])
    assert [k for k, _ in kinds(document)] == ["body", "related", "body"]
    assert document.section_at(document.prose.index("Is losartan")).kind == "related"
    assert document.section_at(document.prose.index("This page")).kind == "body"


def test_related_list_of_titles_runs_to_the_next_heading():
    document = make_document([
        ("heading", "Related articles", 2), ("list_item", "Amlodipine side effects"),
        ("list_item", "Lisinopril and cough"), ("heading", "About us", 2),
    ])
    assert [k for k, _ in kinds(document)] == ["related", "body"]
    assert document.section_at(document.prose.index("Lisinopril")).kind == "related"


def test_footnote_definitions_are_references_wherever_they_stand():
    document = make_document([
        ("heading", "Dosage", 2), ("paragraph", "Take 5 mg."), ("footnote", "Smith J. Trial. 2019."),
        ("paragraph", "More body text."),
    ])
    assert [k for k, _ in kinds(document)] == ["body", "references", "body"]
    assert document.section_at(document.prose.index("More body")).heading == "Dosage"


def test_long_paragraph_mentioning_a_title_word_is_not_a_heading():
    document = make_document([("paragraph", "Sources"), ("paragraph", "1. Label."),
                              ("paragraph", "See the references below for the sources.")])
    assert kinds(document)[0] == ("references", "Sources")
    assert len(document.sections) == 1


def test_label_line_holding_a_link_is_not_a_heading():
    document = make_document([("paragraph", "Body text."), ("paragraph", "Source:"), ("paragraph", "More body text.")],
                             links=[("https://www.nhs.uk/medicines/", 1, 7, 7)])
    assert [k for k, _ in kinds(document)] == ["body"]


def test_table_cells_and_list_items_never_head_a_section():
    document = make_document([
        ("table_cell", "Dose", 0, 1), ("table_cell", "Sources", 0, 1),
        ("list_item", "References"), ("paragraph", "Take 5 mg daily."),
    ])
    assert [k for k, _ in kinds(document)] == ["body"]
    assert heading_kind("Notes") == "body"


@pytest.mark.parametrize("title, kind", [
    ("Related:", "related"), ("More from WellCare Pharmacy", "related"), ("Popular articles", "related"),
    ("Trending now", "related"), ("Recommended for you", "related"), ("Up next", "related"),
    ("Other people asked", "related"), ("More on this topic", "related"), ("FAQ: baclofen", "faq"),
    ("More about baclofen", "body"), ("More on dosing", "body"), ("Recommended dose", "body"),
    ("Related side effects", "body"), ("Popular brands", "body"),
])
def test_more_page_furniture_headings(title, kind):
    assert heading_kind(title) == kind
