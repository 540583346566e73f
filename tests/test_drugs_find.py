"""find_drugs / scan: dictionary lookup of drug names over prose."""
from __future__ import annotations

from medlint.analysis.drugs import generic_name, scan
from nlp_docs import make_document


def names(text):
    return [(m.text, m.generic, m.brand) for m in scan(text)]


def test_generic_and_brand_with_offsets():
    text = "Ask about Ativan (lorazepam) before bed."
    found = scan(text)
    assert [(m.text, m.generic, m.is_brand, m.brand) for m in found] == [
        ("Ativan", "lorazepam", True, "Ativan"), ("lorazepam", "lorazepam", False, None)]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert found[0].classes == ("benzodiazepine",)


def test_case_insensitive_and_word_boundaries():
    assert names("LORAZEPAM and lorazepam's half-life") == [
        ("LORAZEPAM", "lorazepam", None), ("lorazepam", "lorazepam", None)]
    assert names("prelorazepamx is not a word") == []


def test_longest_match_first_for_multi_word_names():
    assert names("She switched to valproic acid last year.") == [("valproic acid", "valproate", None)]
    assert names("It contains metoprolol succinate.") == [("metoprolol succinate", "metoprolol", None)]


def test_release_suffix_joins_the_brand():
    assert names("Ambien CR lasts longer than Toprol-XL.") == [
        ("Ambien CR", "zolpidem", "Ambien CR"), ("Toprol-XL", "metoprolol", "Toprol-XL")]


def test_hyphenated_brand():
    assert names("A Z-Pak is a five-day course.") == [("Z-Pak", "azithromycin", "Z-Pak")]


def test_combination_brand_names_every_ingredient():
    (m,) = scan("Vicodin was prescribed.")
    assert m.generic == "hydrocodone and acetaminophen"
    assert m.classes == ("opioid",)


def test_word_like_brand_needs_a_capital_and_is_not_a_name():
    assert names("The soma of a neuron") == []
    assert names("Soma relaxes muscles.") == [("Soma", "carisoprodol", "Soma")]
    assert names("Written by Dr. Camila Ortiz.") == []


def test_ordinary_words_are_not_drugs():
    assert names("Today, focus on being alert and drink water.") == []


def test_find_drugs_on_a_document():
    document = make_document([("heading", "Keppra dosing", 1),
                              ("paragraph", "Levetiracetam is taken twice daily.")], with_doc=False)
    assert [(m.text, m.generic) for m in document.drugs] == [("Keppra", "levetiracetam"),
                                                            ("Levetiracetam", "levetiracetam")]


def test_generic_name_joins_ingredients():
    assert generic_name(("a",)) == "a"
    assert generic_name(("a", "b")) == "a and b"
    assert generic_name(("a", "b", "c")) == "a, b and c"


def test_offsets_hold_around_characters_whose_lower_case_changes_length():
    # U+0130 lower-cases to two characters and U+212A (Kelvin sign) to ASCII "k": the scan must
    # still report offsets into the text as written
    text = "\u0130stanbul clinic: Xanax XR, and \u212aeppra is not Keppra."
    found = scan(text)
    assert [(m.text, m.brand) for m in found] == [("Xanax XR", "Xanax XR"), ("Keppra", "Keppra")]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_names_joined_by_a_non_breaking_space_or_hyphen():
    assert names("Toprol\u00a0XL and valproic\u2011acid") == [
        ("Toprol\u00a0XL", "metoprolol", "Toprol\u00a0XL"), ("valproic\u2011acid", "valproate", None)]


def test_a_brand_right_after_a_title_is_a_person():
    assert names("Dr. Burkhart prescribed Ativan.") == [("Ativan", "lorazepam", "Ativan")]
    assert names("Do not miss Ativan doses.") == [("Ativan", "lorazepam", "Ativan")]


def test_generic_abbreviation_acth():
    assert names("ACTH (corticotropin) gel") == [("ACTH", "corticotropin", None), ("corticotropin", "corticotropin", None)]
