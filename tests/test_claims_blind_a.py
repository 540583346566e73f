"""Claim-lexicon mechanisms added after the blind drafts of tests/drafts_blind_a: praise
idioms as predicates ("a game changer for"), immune-system objects of a claim verb, the
active voice of a use statement ("clinicians use X to ..."), and opinion verbs of an
unnamed source ("some researchers think it ...") -- each on sentences written for this test."""
from __future__ import annotations

import pytest

from conftest import quote_of
from medlint.analysis.claims import find_claims

from nlp_docs import paragraphs


def claim_texts(*texts: str) -> list[str]:
    return [c.text for c in find_claims(paragraphs(*texts))]


@pytest.mark.parametrize("sentence", [
    "Buspirone has been a game changer for my panic attacks.",
    "For me, mirtazapine was a real lifesaver for insomnia.",
    "Echinacea drops strengthen the immune system during the winter months.",
    "Magnesium glycinate boosts immune function in older adults.",
])
def test_praise_idioms_and_immune_objects_are_claims(sentence):
    assert claim_texts(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    # a use statement in the active voice, like "is used to treat"
    "Hospitals use a short course of temazepam to settle agitation after surgery.",
    "Many neurologists use oxcarbazepine tablets to control focal seizures.",
    # a harm to the immune system is not a claim (a lowering verb on a function)
    "Budesonide tablets can lower the immune response.",
    # not a praise idiom: no "a/the ... for"
    "The new formulation changed the game.",
])
def test_use_statements_and_harms_are_not_claims(sentence):
    assert claim_texts(sentence) == []


def test_a_claim_after_using_is_still_a_claim():
    """"using" is not the use-statement trigger: "using X helps to ..." asserts an effect."""
    sentence = "Using a nortriptyline patch helps to ease nerve pain in the feet."
    assert claim_texts(sentence) == [sentence]


@pytest.mark.parametrize("sentence, phrase", [
    ("Some researchers think it also calms restless legs.", "Some researchers think it"),
    ("Many cardiologists think that nadolol protects against migraines.", "Many cardiologists think that"),
])
def test_opinion_of_unnamed_sources_is_vague(lint, sentence, phrase):
    found = [quote_of(sentence + "\n", f) for f in lint(sentence + "\n", fmt="markdown",
                                                         select=["vague-attribution"])]
    assert found == [phrase]


def test_how_sources_think_about_a_topic_is_not_an_attribution(lint):
    text = "The findings may change how doctors think about famotidine for hives.\n"
    assert lint(text, fmt="markdown", select=["vague-attribution"]) == []
