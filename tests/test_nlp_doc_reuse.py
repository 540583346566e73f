"""The Doc pipeline's shortcuts: blocks primed once, sentence starts kept on the Doc and read
back by the sentences analysis (same answers as ``doc.sents`` and the pure-Python rules)."""
from __future__ import annotations

from medlint import nlp, sentence_rules
from medlint.analysis import sentences
from nlp_docs import make_document


class _CountingTokenizer:
    def __init__(self, inner):
        self.inner = inner
        self.calls: list[str] = []

    def __call__(self, text):
        self.calls.append(text)
        return self.inner(text)


def test_a_block_is_primed_only_the_first_time_it_is_seen():
    spacy_tokenizer = nlp.get_pipeline().tokenizer.inner
    counting = _CountingTokenizer(spacy_tokenizer)
    tokenizer = nlp._BlockPrimedTokenizer(counting)
    first = "Don't skip the inhaler.\n\nIt's fine to rinse, e.g. with water."
    tokenizer(first)
    assert counting.calls == ["Don't skip the inhaler.", "It's fine to rinse, e.g. with water.", first]
    counting.calls.clear()
    second = "It's fine to rinse, e.g. with water.\n\nA new paragraph about spacers."
    doc = tokenizer(second)
    assert counting.calls == ["A new paragraph about spacers.", second]
    assert [t.text for t in doc] == [t.text for t in spacy_tokenizer(second)]


def test_the_doc_remembers_its_text_and_sentence_starts():
    text = "Dr. Osei prescribes 2.5 mg (see Fig. 2). Most adults tolerate it.\n\nAsk first. Then start."
    doc = nlp.make_doc(text)
    assert doc.user_data[nlp.TEXT] == text
    assert nlp.sentence_starts(doc) == [s.start_char for s in doc.sents]
    assert nlp.sentence_starts(doc) == sentence_rules.sentence_offsets(text)
    assert nlp.sentence_starts(nlp.make_doc("")) == []


def test_sentences_from_recorded_starts_equal_those_from_doc_sents():
    blocks = [("heading", "Inhaler technique", 2),
              ("paragraph", "Shake it, e.g. five times. Breathe out fully.  \n\nHold for 10 s."),
              ("list_item", "\u2022 rinse after steroid doses"), ("paragraph", "See Park et al. 2021. Ask a nurse.")]
    document = make_document(blocks)
    recorded = sentences.find_sentences(document)
    document.model = "a-model-with-a-parser"  # then doc.sents is read instead
    from_sents = sentences.find_sentences(document)
    without_doc = sentences.find_sentences(make_document(blocks, with_doc=False))
    assert recorded == from_sents == without_doc
    assert [s.text for s in recorded][1:4] == ["Shake it, e.g. five times.", "Breathe out fully.", "Hold for 10 s."]


def test_the_word_before_a_period_starts_after_an_opening_bracket_or_quote():
    text = 'Ask your nurse (Dr. Rao covers weekends). Bring the card ("approx. 3 doses") too. Done.'
    assert [text[a:b] for a, b in sentence_rules.sentence_spans(text)] == [
        "Ask your nurse (Dr. Rao covers weekends).", 'Bring the card ("approx. 3 doses") too.', "Done."]
    assert sentence_rules._word_before("see [Fig") == "Fig"
    assert sentence_rules._word_before("call \u201cDr") == "Dr"
    assert sentence_rules._word_before("a list\n") == "list"
    assert sentence_rules._word_before("ends in space ") == ""
