"""The spaCy Doc is built only when something asks for it; sentences never need it."""
from __future__ import annotations

from medlint import sentence_rules
from nlp_docs import paragraphs


def test_sentences_do_not_build_the_doc_and_match_the_doc_path():
    text = "Dr. A. Patel advises approx. 5 mg daily.[2] Then stop. e.g. never twice. Eat."
    lazy = paragraphs(text, "Ask first.", with_doc=False)
    sentences = lazy.sentences
    assert lazy.built_doc is None
    eager = paragraphs(text, "Ask first.")
    assert eager.built_doc is not None
    assert sentences == eager.sentences
    assert [s.text for s in sentences] == [
        "Dr. A. Patel advises approx. 5 mg daily.[2]", "Then stop. e.g. never twice.", "Eat.", "Ask first."]
    assert [(s.start, s.end) for s in sentences][:3] == sentence_rules.sentence_spans(text)


def test_doc_is_built_on_first_use_over_the_prose_and_kept():
    document = paragraphs("Take one tablet.", "Stop slowly.", with_doc=False)
    doc = document.doc
    assert doc.text == document.prose
    assert [t.text for t in doc][:3] == ["Take", "one", "tablet"]
    assert document.doc is doc and document.built_doc is doc
