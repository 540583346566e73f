"""The only module that imports spaCy.

The default pipeline is ``spacy.blank("en")`` plus medlint's own sentence component: no
download, no model. ``--model NAME`` loads an installed spaCy model instead (its parser or
senter is then replaced by medlint's block-aware sentence boundaries only where blocks end).
The pipeline is built once per process and cached.
"""
from __future__ import annotations

from functools import lru_cache

_PIPELINES: dict[str | None, object] = {}


def get_pipeline(model: str | None = None):
    """The process-wide pipeline for ``model`` (None: blank English + medlint components)."""
    if model not in _PIPELINES:
        _PIPELINES[model] = _build(model)
    return _PIPELINES[model]


def _build(model: str | None):
    import spacy  # the only spaCy import in medlint; lazy so --help/rules/explain stay fast

    from medlint import sentence_rules  # pure-Python boundary logic, shared with tests

    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except OSError as exc:
            from medlint.errors import UsageError
            raise UsageError(f"spaCy model {model!r} is not installed ({exc})") from None
    else:
        nlp = spacy.blank("en")

    if not spacy.Language.has_factory("medlint_sentences"):
        @spacy.Language.component("medlint_sentences")
        def medlint_sentences(doc):
            starts = sentence_rules.sentence_starts([t.text for t in doc], [t.whitespace_ for t in doc])
            for token, is_start in zip(doc, starts):
                token.is_sent_start = is_start
            return doc

    first = "parser" if "parser" in nlp.pipe_names else None
    if first:
        nlp.add_pipe("medlint_sentences", before=first)
    else:
        nlp.add_pipe("medlint_sentences")
    return nlp


def make_doc(text: str, model: str | None = None):
    return get_pipeline(model)(text)


def pipe(texts, model: str | None = None, batch_size: int = 32):
    return get_pipeline(model).pipe(texts, batch_size=batch_size)
