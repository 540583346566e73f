"""The only module that imports spaCy.

The default pipeline is ``spacy.blank("en")`` (the rule-based English tokenizer, no download,
no model) plus medlint's own sentence component, ``medlint_sentences``, whose boundaries come
from :mod:`medlint.sentence_rules`. ``--model NAME`` loads an installed spaCy model instead; the
medlint component then runs before its parser, which keeps the boundaries it is given.
Each pipeline is built once per process and cached.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

_PIPELINES: dict[str | None, Any] = {}
COMPONENT = "medlint_sentences"


def get_pipeline(model: str | None = None) -> Any:
    """The process-wide pipeline for ``model`` (None: blank English + medlint components)."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        nlp = _PIPELINES[model] = _build(model)
    return nlp


def set_sentence_boundaries(doc: Any) -> Any:
    """Mark every token's ``is_sent_start`` from :func:`sentence_rules.sentence_offsets`."""
    from medlint import sentence_rules  # pure-Python boundary logic; cheap, kept beside its user

    starts = set(sentence_rules.sentence_offsets(doc.text))
    pending = False
    for i, token in enumerate(doc):
        hit = pending or token.idx in starts
        if hit and token.is_space:  # a boundary on whitespace moves to the next real token
            token.is_sent_start = i == 0
            pending = True
            continue
        token.is_sent_start = hit or i == 0
        pending = False
    return doc


def _build(model: str | None) -> Any:
    import spacy  # the only spaCy import in medlint; lazy so --help/rules/explain stay fast

    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except OSError as exc:
            from medlint.errors import UsageError  # only on this error path
            raise UsageError(f"spaCy model {model!r} is not installed ({exc})") from None
    else:
        nlp = spacy.blank("en")

    if not spacy.Language.has_factory(COMPONENT):
        spacy.Language.component(COMPONENT, func=set_sentence_boundaries)

    for name in ("senter", "sentencizer"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT)
    return nlp


def make_doc(text: str, model: str | None = None) -> Any:
    """One spaCy ``Doc`` over ``text`` with medlint's sentence boundaries."""
    return get_pipeline(model)(text)


def pipe(texts: Iterable[str], model: str | None = None, batch_size: int = 32) -> Iterator[Any]:
    """``Doc`` objects for many texts, through one pipeline (``nlp.pipe``)."""
    return get_pipeline(model).pipe(texts, batch_size=batch_size)


def matcher_spans(doc: Any, patterns: list, key: str = "medlint") -> list[tuple[int, int]]:
    """Character spans of ``doc`` matched by spaCy Matcher token ``patterns``.

    Overlapping matches keep the longest (``filter_spans``). House ``pattern`` rules call this
    so that spaCy stays imported by this module only. Raises ``ValueError`` for a bad pattern.
    """
    import json  # lazy, like the rest of this module: only house pattern rules need it

    from spacy.util import filter_spans  # lazy: spaCy is imported only when text is linted

    matcher = _matcher(doc.vocab, key, json.dumps(patterns, sort_keys=True))
    spans = filter_spans([doc[start:end] for _, start, end in matcher(doc)])
    return sorted((span.start_char, span.end_char) for span in spans)


_MATCHERS: dict[tuple[int, str, str], Any] = {}


def _matcher(vocab: Any, key: str, patterns_json: str) -> Any:
    """A validated Matcher per (vocab, patterns), built once per process."""
    import json  # lazy: see matcher_spans

    from spacy.matcher import Matcher  # lazy: spaCy is imported only when text is linted

    cache_key = (id(vocab), key, patterns_json)
    if cache_key not in _MATCHERS:
        matcher = Matcher(vocab, validate=True)
        matcher.add(key, json.loads(patterns_json))
        _MATCHERS[cache_key] = matcher
    return _MATCHERS[cache_key]
