"""MED202 vague-attribution: appeals to unnamed sources without a citation."""
from __future__ import annotations

import pytest

from conftest import quote_of

RULE = ["vague-attribution"]


def flagged(lint, text, fmt="markdown"):
    return [quote_of(text, f) for f in lint(text, fmt=fmt, select=RULE)]


@pytest.mark.parametrize("sentence, phrase", [
    ("Experts agree that melatonin is safe for short trips.", "Experts agree"),
    ("Research shows that yoga lowers stress.", "Research shows"),
    ("Studies have found that zinc shortens colds.", "Studies have found"),
    ("Some studies suggest that saffron lifts mood.", "Some studies suggest"),
    ("Many rheumatologists recommend fish oil for stiff joints.", "Many rheumatologists recommend"),
    ("Recent research has shown that walking eases back pain.", "Recent research has shown"),
    ("A study published in 2012 found that honey soothes coughs.", "A study published in 2012 found"),
    ("According to experts, you should take it at night.", "According to experts"),
    ("Doctors often recommend starting with a low dose.", "Doctors often recommend"),
    ("It is widely believed that vitamin C prevents colds.", "It is widely believed"),
    ("It has been proven that collagen smooths wrinkles.", "It has been proven that"),
    ("This serum is clinically proven to fade scars.", "clinically proven"),
])
def test_vague_attributions_are_flagged_on_the_phrase(lint, sentence, phrase):
    assert flagged(lint, sentence + "\n") == [phrase]


@pytest.mark.parametrize("sentence", [
    "Studies have found that zinc shortens colds [4].",
    "Some clinicians suggest vitamin B6 for irritability (Romoli et al., 2020).",
    "In the HOPE trial, researchers found that ramipril prevented strokes.",
    "The NICE guideline recommends sertraline for panic disorder.",
    "In a Cochrane review, the authors found that honey eased coughs.",
    "The FDA warned that fluoroquinolones can damage tendons.",
    "These studies show that the effect is small.",
    "Your doctor may recommend a lower dose.",
    "Many people believe that antibiotics cure colds.",
    "Do studies show that melatonin works?",
])
def test_named_cited_or_non_source_phrases_are_not_flagged(lint, sentence):
    assert flagged(lint, sentence + "\n") == []


def test_superscript_citation_in_html_covers_the_sentence(lint):
    text = "<p>Researchers found that lavender oil eases anxiety<sup>2</sup>.</p><p>Experts agree it is pleasant.</p>"
    assert flagged(lint, text, fmt="html") == ["Experts agree"]


def test_bare_trailing_numbers_count_in_documents_that_use_them(lint):
    text = (
        "Metformin lowers blood sugar 1. Most adults start at a low dose 2. "
        "Studies have found that it rarely causes low blood sugar 3. Kidney function is checked yearly 4.\n"
    )
    assert flagged(lint, text, fmt="text") == []


def test_related_questions_are_skipped(lint):
    text = "Zinc is a mineral.\n\n## Related questions\n\n- Why do experts say zinc helps colds\n"
    assert flagged(lint, text) == []


@pytest.mark.parametrize("sentence, phrase", [
    # endorsement verbs
    ("Leading dermatologists trust this serum for rosacea.", "Leading dermatologists trust"),
    ("Many midwives swear by raspberry leaf tea.", "Many midwives swear by"),
    # "according to" with any unnamed source noun or a bare study
    ("Ginger eases nausea, according to several reviews.", "according to several reviews"),
    ("According to a recent survey, most parents give too much syrup.", "According to a recent survey"),
    # a single unnamed study dated or sized in passing
    ("A small trial in 2016 found that cherry juice eased gout.", "A small trial in 2016 found"),
    ("One review of 14 studies concluded that zinc shortens colds.", "One review of 14 studies concluded"),
])
def test_more_vague_attributions(lint, sentence, phrase):
    assert flagged(lint, sentence + "\n") == [phrase]


@pytest.mark.parametrize("sentence", [
    "According to the British Heart Foundation, most adults should eat oily fish twice a week.",
    "A 2021 Cochrane review found that honey eased children's coughs.",
    "Patients trust their pharmacist to check for interactions.",
])
def test_named_sources_and_non_appeals_stay_unflagged(lint, sentence):
    assert flagged(lint, sentence + "\n") == []


@pytest.mark.parametrize("text", [
    "Some studies suggest that zinc helps, and many doctors recommend it; according to experts it is safe.",
    "It is widely believed, and clinically proven, that a recent study found nothing.",
    "Most cardiologists agree. Neurologists often say so. Dermatologists trust it.",
    "A 2019 review of 30 trials found no effect on 2,000 patients.",
    "None of this was known; the data showed otherwise and researchers have long argued.",
])
def test_word_started_scan_finds_what_the_full_scan_finds(text):
    from medlint.analysis import claim_lexicon
    lex = claim_lexicon.load()
    fast = [(m.span(), m.group()) for m in lex.vague_matches(text)]
    assert fast and fast == [(m.span(), m.group()) for m in lex.vague.finditer(text)]
