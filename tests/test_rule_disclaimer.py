"""missing-disclaimer (MED502): document-level; accepted wordings and what is not a disclaimer."""
from __future__ import annotations

import pytest

from conftest import quote_of

RULE = ["missing-disclaimer"]
ARTICLE = ("# Naproxen for period pain\n\nNaproxen is an anti-inflammatory medicine. Adults usually take "
           "250 mg to 500 mg twice a day with food. Side effects include heartburn.\n\n")


def _findings(lint, text, fmt="markdown", **kwargs):
    return lint(text, fmt=fmt, select=RULE, **kwargs)


@pytest.mark.parametrize("ending", [
    "",
    "Talk to your doctor or pharmacist before you start.",
    "Always consult your doctor before changing how you take any medication.",
    "Ask your doctor if naproxen is right for you.",
    "Naproxen is not a substitute for physical therapy.",
    "Naproxen does not replace a healthy diet and regular exercise.",
    "Naproxen is not intended to treat migraine.",
])
def test_missing_disclaimer_is_flagged_on_the_title(lint, ending):
    text = ARTICLE + ending + "\n"
    findings = _findings(lint, text)
    assert [quote_of(text, f) for f in findings] == ["Naproxen for period pain"]
    assert findings[0].message.startswith("No medical disclaimer")


@pytest.mark.parametrize("disclaimer", [
    "This article is for general information only and is not a substitute for professional medical advice.",
    "The information on this page is educational and does not replace a consultation with a qualified healthcare professional.",
    "This answer is provided for informational purposes only and does not replace personalised medical advice.",
    "Content on this site is provided for educational purposes and should not be used in place of advice from your physician.",
    "These statements are not intended to diagnose, treat, cure or prevent any disease.",
    "Nothing on this page constitutes medical advice.",
    "This page does not constitute medical advice.",
    "This content is not intended to be a substitute for professional medical advice, diagnosis, or treatment.",
    "It is no substitute for professional advice.",
    "This guide does not take the place of talking with your doctor.",
    "For educational use only.",
    "*Educational content only: please rely on your own pharmacist, not this page, for decisions about your treatment.*",
    "This information is intended for healthcare professionals and does not replace professional discretion.",
    "*Disclaimer: this guide was written by pharmacists and reviewed for general readers only.*",
])
def test_accepted_wordings(lint, disclaimer):
    assert _findings(lint, ARTICLE + disclaimer + "\n") == []


def test_a_disclaimer_section_counts(lint):
    text = ARTICLE + "## Professional Medical Disclaimer\n\nReaders should check every decision with the clinician who knows their history.\n"
    assert _findings(lint, text) == []


def test_extra_phrases_option(lint):
    text = ARTICLE + "Our pharmacists wrote this guide to help you ask better questions.\n"
    assert len(_findings(lint, text)) == 1
    options = {"missing-disclaimer": {"phrases": ["wrote this guide to help you ask better questions"]}}
    assert _findings(lint, text, rule_options=options) == []


def test_no_treatment_information_no_finding(lint):
    assert _findings(lint, "# Spring walks\n\nThe parks are green and the paths are dry this week.\n") == []


def test_plain_text_and_html(lint):
    text = "Naproxen for period pain\n\nAdults usually take 250 mg twice a day.\n\nAsk your pharmacist.\n"
    assert [quote_of(text, f) for f in _findings(lint, text, "text")] == ["Naproxen for period pain"]
    html = ("<h1>Naproxen</h1>\n<p>Adults take 250 mg twice a day.</p>\n"
            "<p><small>Content on this site is provided for educational purposes and should not be used in place "
            "of advice from your physician.</small></p>\n")
    assert _findings(lint, html, "html") == []


@pytest.mark.parametrize("disclaimer", [
    "Read this page to get ready for your appointment, not to replace your pharmacist's advice.",
    "What follows is general information, not personalised medical advice.",
    "Nothing here should be taken as individual medical advice.",
    "Nothing on our website is intended as professional advice.",
    "The answers below should not be taken as medical advice.",
])
def test_more_wordings_of_information_not_advice(lint, disclaimer):
    assert _findings(lint, ARTICLE + disclaimer + "\n") == []


@pytest.mark.parametrize("ending", [
    "Naproxen does not replace your physiotherapy appointments.",
    "A generic tablet, not the brand, is what most pharmacies stock.",
])
def test_near_wordings_that_are_not_disclaimers(lint, ending):
    assert len(_findings(lint, ARTICLE + ending + "\n")) == 1


@pytest.mark.parametrize("disclaimer", [
    "Never disregard professional medical advice or delay seeking it because of something you read here.",
    "Information on this page should not be used to self-diagnose or self-treat.",
    "This page is meant to inform, not to diagnose or treat.",
    "Our content does not replace the relationship between you and your doctor.",
    "I'm an AI assistant and can't give medical advice.",
    "We are not doctors; check changes with your healthcare provider.",
    "Disclaimer: the above is general guidance.",
    "This summary is not a substitute for the prescribing information or a doctor's advice.",
    "This article is general health information.",
])
def test_wordings_seen_on_cms_pages_and_ai_answers(lint, disclaimer):
    assert _findings(lint, ARTICLE + disclaimer + "\n") == []


@pytest.mark.parametrize("ending", [
    "Your doctor cannot give you medical advice over email without an appointment.",
    "Exercise does not replace the medicine your doctor prescribed.",
    "Always seek the advice of your physician with any questions.",
])
def test_sentences_near_disclaimers_that_are_not_disclaimers(lint, ending):
    assert len(_findings(lint, ARTICLE + ending + "\n")) == 1


@pytest.mark.parametrize("ending", [
    "Nothing on this page replaces a conversation with your own doctor.",
    "Nothing here can take the place of your pharmacist's advice.",
    "Nothing in this guide is a substitute for professional care.",
])
def test_nothing_here_replaces_your_doctor_is_a_disclaimer(lint, ending):
    assert _findings(lint, ARTICLE + ending + "\n") == []


@pytest.mark.parametrize("ending", [
    "Nothing replaces a good night of sleep.",
    "Nothing on this page replaces the naproxen your doctor prescribed.",
])
def test_nothing_replaces_something_else_is_not_a_disclaimer(lint, ending):
    assert len(_findings(lint, ARTICLE + ending + "\n")) == 1
