"""duplicate-content (MED503): verbatim and near repeats, what is not a repeat, and big documents."""
from __future__ import annotations

import random

import pytest

from conftest import quote_of
from medlint import nlp

RULE = ["duplicate-content"]
SENTENCE = "Keep a written list of every medicine you take and show it to the pharmacist at each visit."


def _quotes(lint, text, fmt="markdown"):
    return [quote_of(text, f) for f in lint(text, fmt=fmt, select=RULE)]


def test_verbatim_repeat_is_flagged_on_the_second_occurrence(lint):
    text = f"# Amlodipine\n\n{SENTENCE}\n\nAmlodipine can cause ankle swelling.\n\n## Summary\n\n{SENTENCE} Call us any time.\n"
    findings = lint(text, select=RULE)
    assert [quote_of(text, f) for f in findings] == [SENTENCE]
    assert findings[0].start == text.rindex(SENTENCE)
    assert "line 3" in findings[0].message


@pytest.mark.parametrize("first, second", [
    ("Amlodipine can interact with other medicines, so tell your pharmacist about everything you take, including supplements.",
     "Amlodipine can interact with other medicines, so tell your pharmacist about everything you are taking, including supplements"),
    ("Always read the label and check whether a cold remedy already contains paracetamol before taking more.",
     "Always read the label and check whether a cold remedy already contains paracetamol before you take more."),
])
def test_near_repeats_are_flagged(lint, first, second):
    text = f"Amlodipine guide\n\n{first}\n\nSomething else about blood pressure today.\n\n  • {second}\n"
    assert _quotes(lint, text, "text") == [second]


@pytest.mark.parametrize("first, second", [
    ("Take 1 tablet by mouth every morning with a full glass of water for seven days.",
     "Take 2 tablets by mouth every morning with a full glass of water for seven days."),
    ("Amlodipine lowers blood pressure by relaxing the muscles in the walls of your blood vessels.",
     "Amlodipine can cause flushing, headaches and swollen ankles in the first weeks of treatment."),
    ("Short line repeated here.", "Short line repeated here."),
])
def test_not_repeats(lint, first, second):
    assert _quotes(lint, f"# Amlodipine\n\n{first}\n\n{second}\n") == []


def test_title_repeated_as_heading_or_paragraph_is_not_duplicate(lint):
    title = "Amlodipine for High Blood Pressure: Doses, Side Effects and When to Take It Each Day"
    text = f"# {title}\n\nwritten by\n\n{title}\n\nAmlodipine is a calcium channel blocker.\n\n## {title}\n\nMore text.\n"
    assert _quotes(lint, text) == []


def test_repeated_paragraph_of_short_sentences(lint):
    para = "Store it below 25 C. Keep it dry. Keep it away from children. Do not freeze it."
    text = f"# Amlodipine\n\n{para}\n\nAmlodipine is a calcium channel blocker.\n\n{para}\n"
    findings = lint(text, select=RULE)
    assert [quote_of(text, f) for f in findings] == [para]
    assert findings[0].start == text.rindex(para)


def test_consecutive_repeated_sentences_make_one_finding(lint):
    other = "Stand up slowly if you feel dizzy, especially during the first week of taking the tablets."
    text = f"# Amlodipine\n\n{SENTENCE} {other}\n\nMiddle paragraph.\n\n{SENTENCE} {other}\n"
    assert _quotes(lint, text) == [f"{SENTENCE} {other}"]


def test_reference_lists_are_ignored(lint):
    ref = "Smith J, Jones K. Amlodipine and ankle oedema in older adults: a randomised trial. Lancet. 2020;395:100-110."
    text = f"# Amlodipine\n\nAmlodipine is a calcium channel blocker.\n\n## References\n\n1. {ref}\n2. {ref}\n"
    assert _quotes(lint, text) == []


@pytest.mark.slow
def test_big_document_completes(lint):
    """20,000 generated sentences (a few exact repeats) go through; time is measured, not asserted."""
    rng = random.Random(7)
    words = ("dose tablet doctor take with food water daily morning evening pain relief blood pressure heart "
             "liver kidney risk side effect nausea headache sleep the a your of and").split()
    sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(12, 16))).capitalize() + "."
                 for _ in range(20_000)]
    for i in range(10):
        sentences[10_000 + i] = sentences[i]
    paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    text = "Big document\n\n" + "\n\n".join(paragraphs) + "\n"
    pipeline = nlp.get_pipeline()
    old = pipeline.max_length
    pipeline.max_length = max(old, len(text) + 1)
    try:
        findings = lint(text, fmt="text", select=RULE)
    finally:
        pipeline.max_length = old
    quotes = [quote_of(text, f) for f in findings]
    assert all(any(sentences[i] in q for q in quotes) for i in range(10))
    assert all(f.start > text.index(sentences[9]) for f in findings)


def test_the_same_clauses_in_another_order_are_a_repeat(lint):
    first = "Because rivaroxaban raises the risk of bleeding, tell your dentist about it before any extraction or implant."
    second = "Tell your dentist about it before any extraction or implant, because rivaroxaban raises the risk of bleeding."
    text = f"# Rivaroxaban\n\n{first}\n\nIt is taken once a day with the evening meal.\n\n{second}\n"
    assert _quotes(lint, text) == [second]


def test_swapped_clauses_that_change_the_meaning_are_not_a_repeat(lint):
    first = "Take the rivaroxaban tablet with your evening meal every day, not on an empty stomach in the morning."
    second = "Take the rivaroxaban tablet on an empty stomach in the morning, not with your evening meal every day."
    assert _quotes(lint, f"# Rivaroxaban\n\n{first}\n\n{second}\n") == []


def test_message_names_the_original_line_in_a_crlf_file(lint):
    text = (f"Rivaroxaban\r\n\r\nIntro line without a stop\r\n\r\n{SENTENCE}\r\n\r\nOther text here.\r\n\r\n{SENTENCE}\r\n")
    findings = lint(text, fmt="text", select=RULE)
    assert [quote_of(text, f) for f in findings] == [SENTENCE]
    assert "(line 5)" in findings[0].message and findings[0].line == 9
