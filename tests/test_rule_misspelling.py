"""MED401 drug-name-misspelling: what is flagged, what is not, and which suggestion comes first."""
from __future__ import annotations

import pytest

from conftest import quote_of
from medlint.lexicon import suggest

RULE = ["drug-name-misspelling"]


def flagged(lint, text, fmt="markdown"):
    return [(quote_of(text, f), f.suggestions[0]) for f in lint(text, fmt, select=RULE)]


@pytest.mark.parametrize("text, word, first", [
    ("Lisinoprel lowers blood pressure.", "Lisinoprel", "lisinopril"),
    ("Adults may take escitalopran once a day.", "escitalopran", "escitalopram"),
    ("Take amlodapine in the morning.", "amlodapine", "amlodipine"),
    ("Ask whether hydrocodon is right for you.", "hydrocodon", "hydrocodone"),
    ("Warfarine needs regular blood tests.", "Warfarine", "warfarin"),
    ("Never mix tramadal with alcohol.", "tramadal", "tramadol"),
    ("The pharmacist swapped the zanax for another pill.", "zanax", "Xanax"),
    ("Many people confuse propanolol with other drugs.", "propanolol", "propranolol"),
])
def test_misspellings_are_flagged_with_the_intended_drug(lint, text, word, first):
    assert flagged(lint, text) == [(word, first)]


def test_message_names_word_and_suggestion(lint):
    (finding,) = lint("Lisinoprel lowers blood pressure.", select=RULE)
    assert finding.code == "MED401"
    assert finding.message == "'Lisinoprel' is not a known drug name; did you mean 'lisinopril'?"
    assert finding.fix is not None and not finding.fix.safe and finding.fix.replacement == "Lisinopril"


def test_a_drug_named_in_the_article_comes_first(lint):
    text = "Lorazepam (Ativan) eases acute anxiety. Do not drive after taking lorazapine."
    assert flagged(lint, text) == [("lorazapine", "lorazepam")]
    assert flagged(lint, "Do not drive after taking lorazapine.") == [("lorazapine", "loratadine")]


def test_article_context_beats_a_one_letter_neighbour():
    context = suggest.article_names(["clonazepam"], ["Klonopin"])
    ranked = [s.text for s in suggest.suggest("clonapine", context)]
    assert ranked[0] == "clonazepam"
    assert "clozapine" in ranked
    assert [s.text for s in suggest.suggest("clonapine", {})][0] == "clozapine"


@pytest.mark.parametrize("text", [
    "Clobazam and esketamine are correctly spelled rare drugs.",
    "Brands such as Onfi, Spravato and Xanax are names, not errors.",
    "Dyspareunia, hematuria and levonorgestrel are medical words.",
    "Prednisolone is not prednisone, hydroxyzine is not hydralazine, tramadol is not trazodone.",
    "Levocetirizine is not levetiracetam; Celebrex is not Celexa.",
    "Opioids, statins, NSAIDs and SSRIs are classes of medicine.",
    "The morning walk helped, and the evening was calm.",
    "Rhabdomyolysis and thrombocytopenia are rare adverse effects.",
])
def test_correct_words_are_not_flagged(lint, text):
    assert flagged(lint, text) == []


def test_people_are_not_flagged(lint):
    text = ("# Sumatriptan for migraine\n\n"
            "By Marisol Carvedo, health editor\n\n"
            "Sumatriptan works best early in an attack, says Dr. Amlodin.\n\n"
            "## References\n\n"
            "1. Lisinoprel J, Sertral K. A trial of triptans. Lancet. 2019;3(2):1-9.\n")
    assert flagged(lint, text) == []


def test_capitalized_mid_sentence_needs_the_drug_in_the_article(lint):
    # two slips from carvedilol: a capitalized word needs the article to name the drug
    assert flagged(lint, "We spoke with Carvadilos about the study.") == []
    text = "Carvedilol slows the heart. Patients on Carvadilos should check their pulse."
    assert flagged(lint, text) == [("Carvadilos", "carvedilol")]


def test_capitalized_word_beside_initials_or_a_title_is_a_name(lint):
    text = "Carvedilol slows the heart, as Carvadilos JM and Dr. Carvadilos reported."
    assert flagged(lint, text) == []


def test_every_occurrence_is_reported(lint):
    text = "Metforman is cheap. Take metforman with food."
    assert [q for q, _ in flagged(lint, text)] == ["Metforman", "metforman"]


def test_identifiers_and_addresses_are_not_words(lint):
    assert flagged(lint, "Write to lisinoprel@example.org or see file lisinoprel_2.txt.") == []


def test_typos_of_ordinary_words_are_not_drug_misspellings(lint):
    # "prevenst" is one edit from a brand (Prefest) but also from the common word "prevents"
    assert flagged(lint, "This medicine prevenst migraines in many adults.") == []


def test_a_long_capitalized_word_one_slip_from_a_brand(lint):
    assert flagged(lint, "Many adults take Lexipro for anxiety.") == [("Lexipro", "Lexapro")]


def test_body_paragraphs_with_author_year_citations_are_checked(lint):
    text = "Lisinoprel lowered pressure in trials (Okafor et al., 2019), and Dahl and colleagues agreed."
    assert flagged(lint, text) == [("Lisinoprel", "lisinopril")]


def test_unnumbered_reference_entries_are_skipped(lint):
    text = "Lisinopril is an ACE inhibitor.\n\nLisinoprel AB, Amlodipen C. Blood pressure trials. BMJ. 2020.\n"
    assert flagged(lint, text) == []


def test_a_short_capitalized_brand_misspelling_that_sounds_like_the_brand(lint):
    assert flagged(lint, "Last year my GP switched me to Prozak.") == [("Prozak", "Prozac")]
    assert flagged(lint, "A neighbour did well on Zolof for years.") == [("Zolof", "Zoloft")]  # cut short


def test_a_short_capitalized_name_one_letter_from_a_brand_is_not_flagged(lint):
    assert flagged(lint, "I spoke to Advik yesterday about the plan.") == []  # Advil: not alike in sound
    assert flagged(lint, "We met Lorena Prozan at the clinic.") == []         # after a first name


def test_a_brand_the_article_names_is_suggested_when_vowels_are_swapped(lint):
    text = "Entresto (sacubitril and valsartan) helps the heart. Refill your Entrusta before it runs out."
    assert flagged(lint, text) == [("Entrusta", "Entresto")]


def test_article_context_beats_an_ordinary_word_one_slip_away(lint):
    # "neurotin" is one slip from Neurontin and from "neurotic"
    text = "Neurontin (gabapentin) eases nerve pain. Take neurotin at night."
    assert flagged(lint, text) == [("neurotin", "Neurontin")]
    assert flagged(lint, "Take neurotin at night.") == []


def test_a_name_ending_in_s_takes_no_plural_s(lint):
    assert flagged(lint, "Take Eliquis twice daily; skipping eliquiss raises stroke risk.") == [
        ("eliquiss", "Eliquis")]


def test_the_first_word_of_a_multi_word_generic_is_a_name(lint):
    text = "The reversal agent andexanet alfa is given by infusion, and andexanet works within minutes."
    assert flagged(lint, text) == []


def test_international_names_are_correct_and_suggested_as_written(lint):
    assert flagged(lint, "Hyoscine, frusemide and glyceryl trinitrate are British names.") == []
    text = "Salbutamol opens the airways. Carry your salbutomol inhaler."
    assert flagged(lint, text) == [("salbutomol", "salbutamol")]


def test_generics_sold_only_as_salts_are_suggestion_targets(lint):
    # rizatriptan is marketed as rizatriptan benzoate: still a prescription drug to suggest
    assert flagged(lint, "Ask about rizatriptin for migraine.") == [("rizatriptin", "rizatriptan")]


def test_an_equally_close_canonical_name_comes_before_another_name_of_it(lint):
    # amoxycillin (former British name) and amoxicillin are both one slip away
    assert flagged(lint, "The nurse gave me amoxocillin after the procedure.") == [
        ("amoxocillin", "amoxicillin")]


def test_a_word_of_a_longer_drug_name_is_not_a_misspelling(lint):
    # British "co-" names: "co-careldopa" is carbidopa with levodopa, "co-beneldopa" benserazide with it
    assert flagged(lint, "Co-careldopa and co-beneldopa both contain levodopa.") == []
