"""Sentence boundaries: the pure-Python rules, the spaCy component, and the sentences analysis."""
from __future__ import annotations

import pytest

from medlint import nlp, sentence_rules
from nlp_docs import make_document, paragraphs


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_rules.sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # abbreviations and titles do not end sentences
    ("Ask a pharmacist, e.g. at the counter. Then wait.",
     ["Ask a pharmacist, e.g. at the counter.", "Then wait."]),
    ("Dr. Okafor reviewed it. It was fine.", ["Dr. Okafor reviewed it.", "It was fine."]),
    ("Hughes et al. reported fewer falls. The trial was small.",
     ["Hughes et al. reported fewer falls.", "The trial was small."]),
    ("The U.S. Food and Drug Administration approved it in 2004. Europe followed.",
     ["The U.S. Food and Drug Administration approved it in 2004.", "Europe followed."]),
    ("Naproxen vs. Ibuprofen is a common question. Both are NSAIDs.",
     ["Naproxen vs. Ibuprofen is a common question.", "Both are NSAIDs."]),
    # initials belong to names; a lone letter after a noun ends the sentence
    ("Reviewed by Dr. K. Mensah last year. Thanks.", ["Reviewed by Dr. K. Mensah last year.", "Thanks."]),
    ("Take it with vitamin D. Calcium helps too.", ["Take it with vitamin D.", "Calcium helps too."]),
    # units and decimals
    ("The dose is 2.5 mg. Take it at night.", ["The dose is 2.5 mg.", "Take it at night."]),
    ("Use .25 mg to 0.75 mg daily. Stop if drowsy.", ["Use .25 mg to 0.75 mg daily.", "Stop if drowsy."]),
    ("Approx. 4 mg is absorbed (see Fig. 2). No. 3 is next.",
     ["Approx. 4 mg is absorbed (see Fig. 2).", "No. 3 is next."]),
    # bare trailing citation numbers stay with their sentence
    ("Courses should stay short (3-5 days) 2. Children need less.",
     ["Courses should stay short (3-5 days) 2.", "Children need less."]),
    ("Lithium needs level checks 4, 5. Thyroid tests matter too.",
     ["Lithium needs level checks 4, 5.", "Thyroid tests matter too."]),
    ("It is given on days 3 through 7 2. Most people finish it.",
     ["It is given on days 3 through 7 2.", "Most people finish it."]),
    # citations glued after the period stay with their sentence
    ("Take 10 mg daily.[2] Review after a month.", ["Take 10 mg daily.[2]", "Review after a month."]),
    ("Take 10 mg daily. [2, 3] Review after a month.", ["Take 10 mg daily. [2, 3]", "Review after a month."]),
    # parenthetical and quoted endings
    ("(This is uncommon.) Report it anyway.", ["(This is uncommon.)", "Report it anyway."]),
    ('She said "stop now." Then she left.', ['She said "stop now."', "Then she left."]),
    ("Is it habit-forming? Yes! It can be.", ["Is it habit-forming?", "Yes!", "It can be."]),
    # a list number opening the sentence is not a sentence
    ("3. Can I drive after a dose? Not at first.", ["3. Can I drive after a dose?", "Not at first."]),
    # a lower-case word after a period does not start a sentence
    ("Take 5 mg. then rest", ["Take 5 mg. then rest"]),
    # blank lines and bullet lines always start a sentence
    ("Key points:\n  \u2022 start low\n  - go slow\n\nNext block", ["Key points:", "\u2022 start low", "- go slow", "Next block"]),
    ("Doses differ, etc. Ask first.", ["Doses differ, etc.", "Ask first."]),
])
def test_sentence_spans(text, expected):
    assert split(text) == expected


def test_sentence_starts_token_view_matches_offsets():
    words = ["Take", "5", "mg", ".", "Then", "rest", "."]
    spaces = [" ", " ", "", " ", " ", "", ""]
    assert sentence_rules.sentence_starts(words, spaces) == [True, False, False, False, True, False, False]


def test_pipeline_is_built_once_and_carries_the_component():
    first = nlp.get_pipeline()
    assert nlp.get_pipeline() is first
    assert nlp.COMPONENT in first.pipe_names


def test_doc_sentences_follow_the_rules():
    text = "Dr. Lee advises 0.5 mg at night (Lee et al., 2020). Some patients need 1 mg 3. Few need more."
    doc = nlp.make_doc(text)
    assert [s.text for s in doc.sents] == split(text)
    assert len(split(text)) == 3


def test_sentences_never_cross_blocks_and_know_their_block():
    document = paragraphs("First block has no period", "Second block. It has two sentences.")
    texts = [(s.text, s.block_index) for s in document.sentences]
    assert texts == [("First block has no period", 0), ("Second block.", 1), ("It has two sentences.", 1)]


def test_sentences_without_a_doc_equal_those_with_one():
    blocks = [("heading", "Dosing", 2), ("paragraph", "Most adults take 25 mg (range 12.5-50 mg). Older adults take less."),
              ("list_item", "Night-time dose: 12.5 mg"), ("paragraph", "See Smith et al. for details. Ask your GP.")]
    with_doc = make_document(blocks).sentences
    without = make_document(blocks, with_doc=False).sentences
    assert with_doc == without
    assert [s.text for s in with_doc][1:3] == ["Most adults take 25 mg (range 12.5-50 mg).", "Older adults take less."]


def test_sentence_at_finds_the_containing_sentence():
    document = paragraphs("One sentence here. Another one there.")
    offset = document.prose.index("Another")
    assert document.sentence_at(offset).text == "Another one there."


def test_primed_tokenizer_gives_the_same_tokens_as_spacy():
    text = "It's e.g. Dr. Lee's advice.\n\nDon't stop (2-4 weeks) 1.\n\nNext block isn't short."
    pipeline = nlp.get_pipeline()
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in pipeline.tokenizer.inner(text)]


def test_empty_and_blank_texts():
    assert list(nlp.make_doc("").sents) == []
    assert split("   \n\n  ") == []


def test_missing_model_is_a_usage_error():
    from medlint.errors import UsageError

    with pytest.raises(UsageError, match="not installed"):
        nlp.get_pipeline("medlint_no_such_model")
