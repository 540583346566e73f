"""Claim mechanisms added after the blind drafts of tests/drafts_blind_b: comparative
"works about as well as X for Y", counted episodes after a measure ("the number of night-time
awakenings"), practices named by a gerund head ("Balance training"), "more likely to stay
well" after a treated population, "works for <population>", an effect compared with a
treatment's, faculty verbs ("sharpen focus"), and cutting out a trigger as habit advice --
each on sentences written for this test, with traps that must stay clean."""
from __future__ import annotations

import pytest

from medlint.analysis.claims import find_claims

from nlp_docs import paragraphs


def claim_texts(*texts: str) -> list[str]:
    return [c.text for c in find_claims(paragraphs(*texts))]


@pytest.mark.parametrize("sentence", [
    "Several trials found that peppermint capsules work about as well as mebeverine for cramping.",
    "Desmopressin cuts the number of night-time awakenings by half.",
    "Loperamide reduces the frequency of bathroom dashes within a day.",
    "Balance training cures dizziness in most older adults within a month.",
    "People who complete a rehab programme are more likely to stay abstinent than those who do not.",
    "A 2020 trial found that candesartan lowered arterial pressure more than losartan did.",
    "This ginkgo supplement is guaranteed to sharpen focus in two weeks.",
    "A 2012 meta-analysis found that silodosin shortened the time to pass a kidney stone.",
])
def test_new_claim_shapes_are_claims(sentence):
    assert claim_texts(sentence) == [sentence]


def test_works_for_a_population_is_a_claim_despite_a_negated_relative_clause():
    first = "I have taken clozapine since 2019."
    second = "One review found that it works even for patients who had not improved on two other drugs."
    assert claim_texts(first, second) == [second]


@pytest.mark.parametrize("sentence", [
    # mechanism, side effect, negation, use statement
    "Octreotide reduces the release of growth hormone.",
    "Topiramate reduces appetite more than placebo does.",
    "Desmopressin does not reduce the number of night-time awakenings.",
    "Trospium is used to reduce the number of bathroom trips.",
    # a measure without counted episodes
    "The clinic reduced the number of forms patients fill in.",
    # cutting out a trigger is advice on habits
    "Cutting down on tea can make urgency easier to manage.",
    # a population that is not treated
    "People who live alone are more likely to stay sober than expected.",
])
def test_traps_stay_clean(sentence):
    assert claim_texts(sentence) == []


def test_a_question_is_not_a_claim():
    assert claim_texts("Does bladder training cure urgency?") == []
