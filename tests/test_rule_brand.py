"""MED402 brand-without-generic: the first mention of a brand needs its generic in the same unit."""
from __future__ import annotations

import pytest

from conftest import quote_of

RULE = ["brand-without-generic"]


def flagged(lint, text, fmt="markdown"):
    return [(quote_of(text, f), f.suggestions[0]) for f in lint(text, fmt, select=RULE)]


def test_first_mention_without_generic_is_flagged_once(lint):
    text = "Ativan can make you sleepy. Many people keep Ativan by the bed."
    assert flagged(lint, text) == [("Ativan", "Ativan (lorazepam)")]


@pytest.mark.parametrize("text", [
    "Ativan (lorazepam) can make you sleepy.",
    "Lorazepam, sold under the brand name Ativan, can make you sleepy.",
    "Ativan, whose generic name is lorazepam, can make you sleepy.",
    "Tenormin (atenolol tablets) is taken once a day.",
    "Vicodin combines hydrocodone with acetaminophen.",  # any ingredient of a combination
    "Ask about acetaminophen, also sold as Tylenol or Panadol.",
])
def test_generic_in_the_same_sentence(lint, text):
    assert flagged(lint, text) == []


def test_generic_in_the_next_sentence_does_not_count(lint):
    text = "Lexapro is widely prescribed. Its generic name is escitalopram."
    assert flagged(lint, text) == [("Lexapro", "Lexapro (escitalopram)")]


def test_headings_count_and_a_paired_heading_satisfies_the_brand(lint):
    assert flagged(lint, "# Is Lexapro safe?\n\nEscitalopram is an SSRI.\n") == [
        ("Lexapro", "Lexapro (escitalopram)")]
    assert flagged(lint, "# Lexapro (escitalopram) guide\n\nLexapro is an SSRI.\n") == []


def test_release_suffix_is_part_of_the_brand(lint):
    text = "Switching to Wellbutrin XL once a day is common."
    findings = lint(text, select=RULE)
    assert [quote_of(text, f) for f in findings] == ["Wellbutrin XL"]
    assert findings[0].message == "Brand 'Wellbutrin XL' is first mentioned without its generic name (bupropion)"


def test_a_brand_family_is_reported_once(lint):
    text = "Ambien helps sleep. Ambien CR lasts longer."
    assert [q for q, _ in flagged(lint, text)] == ["Ambien"]


def test_each_brand_gets_its_own_finding(lint):
    text = "Motrin and Aleve are common pain relievers."
    assert flagged(lint, text) == [("Motrin", "Motrin (ibuprofen)"), ("Aleve", "Aleve (naproxen)")]


def test_reference_lists_are_not_checked(lint):
    text = ("Atenolol lowers the heart rate.\n\n## References\n\n"
            "1. Tenormin prescribing information. 2019.\n")
    assert flagged(lint, text) == []


def test_related_question_lists_are_not_checked(lint):
    text = ("Atenolol lowers the heart rate.\n\n## Related questions\n\n"
            "- Is Tenormin safe in pregnancy?\n")
    assert flagged(lint, text) == []


def test_front_matter_is_not_prose(lint):
    text = "---\ntitle: Ativan guide\n---\n\nLorazepam (Ativan) is a benzodiazepine.\n"
    assert flagged(lint, text) == []


def test_plain_text_and_html(lint):
    assert [q for q, _ in flagged(lint, "Norvasc lowers blood pressure.\n", "text")] == ["Norvasc"]
    html = "<html><body><p>Norvasc lowers blood pressure.</p></body></html>"
    assert [q for q, _ in flagged(lint, html, "html")] == ["Norvasc"]


def test_a_table_row_pairs_brand_and_generic(lint):
    text = "| Brand | Generic |\n|---|---|\n| Ativan | lorazepam |\n| Norvasc | |\n"
    assert [q for q, _ in flagged(lint, text)] == ["Norvasc"]


def test_one_active_moiety_under_several_names(lint):
    assert flagged(lint, "Valproate (Depakote) needs blood tests.") == []


def test_drug_page_label_lines_pair_brand_and_generic(lint):
    html = "<p><b>Generic name:</b> baclofen</p><p><b>Brand names:</b> Lioresal, Ozobax</p><p>It relaxes muscles.</p>"
    assert flagged(lint, html, "html") == []
    text = "Brand name: Tenormin\nGeneric name: atenolol\n"
    assert flagged(lint, text, "text") == []


def test_a_brand_label_without_its_generic_nearby_is_flagged(lint):
    text = "Brand names: Catapres\n\nIt lowers blood pressure.\n"
    assert [q for q, _ in flagged(lint, text, "text")] == ["Catapres"]


def test_a_generic_with_a_release_qualifier_pairs_with_its_brand(lint):
    assert flagged(lint, "Lamictal XR (lamotrigine extended-release) is taken once a day.") == []
