"""MED203 absolute-claim: guarantees and absolutes about outcomes or safety; negations and
instructions are not absolutes, and citations do not excuse them."""
from __future__ import annotations

import pytest

from conftest import quote_of

RULE = ["absolute-claim"]


def flagged(lint, text, fmt="markdown"):
    return [quote_of(text, f) for f in lint(text, fmt=fmt, select=RULE)]


@pytest.mark.parametrize("sentence, phrase", [
    ("Echinacea cures the common cold.", "cures"),
    ("It is a proven cure for psoriasis.", "proven cure"),
    ("Results are guaranteed within a week.", "guaranteed"),
    ("This supplement is 100% safe for children.", "100% safe"),
    ("Taken at night, it is completely safe.", "completely safe"),
    ("Low-dose aspirin is perfectly safe for everyone.", "perfectly safe"),
    ("Our balm has no side effects.", "no side effects"),
    ("It never causes serious side effects.", "never causes serious side effects"),
    ("There is zero chance of becoming addicted.", "zero chance of becoming addicted"),
    ("Many call it a miracle pill for arthritis.", "miracle"),
    ("A three-day course is risk-free.", "risk-free"),
    ("This inhaler always works.", "always works"),
    ("The herbal drops are totally harmless.", "totally harmless"),
])
def test_absolutes_are_flagged_on_the_phrase(lint, sentence, phrase):
    assert flagged(lint, sentence + "\n") == [phrase]


@pytest.mark.parametrize("sentence", [
    "There is no cure for eczema, but creams can control it.",
    "Ibuprofen is not a cure for arthritis.",
    "Levothyroxine does not cure thyroid disease.",
    "No medicine is risk-free.",
    "No painkiller is completely without risk.",
    "Nothing is 100% safe in pregnancy.",
    "There is no guarantee that the patch will work.",
    "It is not a miracle drug.",
    "Researchers hope to find a cure for Parkinson's disease.",
    "Cure rates for hepatitis C now exceed 95%.",
    "Most people have no side effects at all.",
    "Never take two doses at once.",
    "Never crush or chew the tablets.",
    "Never stop baclofen cold turkey.",
    "Always read the label before you give a child medicine.",
    "Is ibuprofen completely safe?",
])
def test_negations_instructions_and_questions_are_not_flagged(lint, sentence):
    assert flagged(lint, sentence + "\n") == []


def test_a_citation_does_not_excuse_an_absolute(lint):
    assert flagged(lint, "Paracetamol is completely safe in pregnancy [1].\n") == ["completely safe"]


def test_overlapping_patterns_give_one_finding(lint):
    assert flagged(lint, "Colloidal silver is a miracle cure.\n") == ["miracle cure"]


def test_each_absolute_in_a_sentence_is_reported(lint):
    text = "It is 100% safe and has no side effects.\n"
    assert flagged(lint, text) == ["100% safe", "no side effects"]


def test_conditions_are_not_absolutes(lint):
    assert flagged(lint, "If you have no side effects after a week, the dose may be raised.\n") == []


@pytest.mark.parametrize("sentence, phrase", [
    # describing words before the harm
    ("Unlike statins, this extract never causes muscle problems.", "never causes muscle problems"),
    # a negation ends at a new finite verb: the second clause is not negated
    ("The gummy is not habit-forming and has no side effects.", "no side effects"),
])
def test_more_absolutes(lint, sentence, phrase):
    assert flagged(lint, sentence + "\n") == [phrase]


@pytest.mark.parametrize("sentence", [
    # one "not" negates a series of single verbs
    "This cream is not intended to diagnose, treat, cure or prevent any disease.",
    "Rest won't cure a torn ligament.",
    "Nobody can promise that a supplement is risk-free.",
    "Nothing about pregnancy is guaranteed.",
])
def test_more_negated_absolutes(lint, sentence):
    assert flagged(lint, sentence + "\n") == []


def test_completely_non_drowsy_is_an_absolute(lint):
    assert flagged(lint, "This antihistamine is completely non-drowsy, so you can drive.\n") == ["completely non-drowsy"]
