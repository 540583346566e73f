"""Claim mechanisms added after the blind drafts of tests/drafts_blind_c: what a treatment
"helps" a person do when that is itself the outcome ("help you quit"), an endorsement naming
its condition ("swear by it for"), an abbreviation the article defines for a drug standing in
for it ("naltrexone (LDN)"), the agentless "backed by science", and a study described only by
its country ("a 2021 Swedish trial found") as an unnamed source -- each on sentences written
for this test, with traps that must stay clean."""
from __future__ import annotations

import pytest

from conftest import quote_of
from medlint.analysis.claims import find_claims

from nlp_docs import paragraphs


def claim_texts(*texts: str) -> list[str]:
    return [c.text for c in find_claims(paragraphs(*texts))]


@pytest.mark.parametrize("sentence", [
    "Nicotine lozenges help smokers quit within three months.",
    "Melatonin gummies help you fall asleep on long-haul flights.",
    "Acamprosate can help people stay sober after detox.",
    "Many dermatologists swear by azelaic acid cream for rosacea.",
])
def test_new_claim_shapes_are_claims(sentence):
    assert claim_texts(sentence) == [sentence]


def test_a_defined_abbreviation_stands_for_its_drug():
    first = "Our clinic offers transdermal buprenorphine (TDB) to older adults."
    second = "TDB eased my knee pain within a week."
    assert claim_texts(first, second) == [second]


@pytest.mark.parametrize("sentences", [
    # negated, a consult, a question
    ("Nicotine gum does not help you quit on its own.",),
    ("Ask your doctor to help you quit.",),
    ("Can varenicline help you quit?",),
    # "help you" with no outcome, a support group is no treatment
    ("A pharmacist can help you choose a patch strength.",),
    ("Support groups help you quit.",),
    # swearing by something with no condition named
    ("Runners swear by compression socks.",),
    # an abbreviation never defined for a drug: an organisation
    ("The NHS (UK) covers the cost.", "UK clinics eased waiting lists for pain."),
])
def test_traps_stay_clean(sentences):
    assert claim_texts(*sentences) == []


@pytest.mark.parametrize("sentence, phrase", [
    ("This formula is backed by science and gentle on the stomach.", "backed by science"),
    ("Our science-backed blend supports joint comfort.", "science-backed"),
    ("A 2021 Swedish trial found no benefit for back pain.", "A 2021 Swedish trial found"),
])
def test_unnamed_sources_are_vague(lint, sentence, phrase):
    found = [f for f in lint(sentence) if f.name == "vague-attribution"]
    assert [quote_of(sentence, f) for f in found] == [phrase]


@pytest.mark.parametrize("sentence", [
    "In the Swedish HOPE trial, researchers found fewer falls with vitamin D [4].",
    "The Danish Medicines Agency study found no increase in risk (https://laegemiddelstyrelsen.dk/en).",
    "The Karolinska trial found that exercise eased low back pain.",
    "This claim is not backed by science.",
])
def test_named_or_cited_sources_are_not_vague(lint, sentence):
    assert [f for f in lint(sentence) if f.name == "vague-attribution"] == []
