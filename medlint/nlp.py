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
TEXT = "medlint_text"  # doc.user_data: the text the Doc was made from
SENTENCE_STARTS = "medlint_sentence_starts"  # doc.user_data: offsets set by the component
_MAX_PRIMED = 200_000  # block hashes remembered by the tokenizer before it starts afresh


def get_pipeline(model: str | None = None) -> Any:
    """The process-wide pipeline for ``model`` (None: blank English + medlint components)."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        nlp = _PIPELINES[model] = _build(model)
    return nlp


def set_sentence_boundaries(doc: Any) -> Any:
    """Set every token's sentence start from :func:`sentence_rules.sentence_offsets`.

    Written in one ``Doc.from_array`` call: assigning ``token.is_sent_start`` token by token
    re-checks the whole Doc each time (quadratic; 40 ms on a 1,500-word draft). The text comes
    from the tokenizer (``Doc.text`` rebuilds it token by token), and the character offsets of
    the sentence-start tokens are kept in ``doc.user_data`` for :func:`sentence_starts`.
    """
    import numpy  # lazy, like spaCy itself (spaCy depends on it)
    from spacy.attrs import IDX, IS_SPACE, SENT_START  # lazy: spaCy is imported only when text is linted

    from medlint import sentence_rules  # pure-Python boundary logic, unit-tested on its own

    if not len(doc):
        doc.user_data[SENTENCE_STARTS] = []
        return doc
    text = doc.user_data.get(TEXT)
    if not isinstance(text, str):  # a Doc from another tokenizer
        text = doc.text
    starts = numpy.array(sentence_rules.sentence_offsets(text), dtype="uint64")
    columns = doc.to_array([IDX, IS_SPACE])
    is_space = columns[:, 1].astype(bool)
    hit = numpy.isin(columns[:, 0], starts)
    values = numpy.where(hit, 1, -1).astype("int64")
    values[0] = 1
    for i in numpy.flatnonzero(hit & is_space).tolist():  # rare: a boundary on whitespace
        if i:  # ... moves to the next real token
            values[i] = -1
            following = numpy.flatnonzero(~is_space[i + 1:])
            if len(following):
                values[i + 1 + following[0]] = 1
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    doc.user_data[SENTENCE_STARTS] = columns[values == 1, 0].tolist()
    return doc


def sentence_starts(doc: Any) -> list[int] | None:
    """Character offsets of the tokens that start a sentence, as ``medlint_sentences`` set
    them (None for a Doc the component has not seen). With ``--model`` the parser runs after
    the component, so read ``doc.sents`` there instead."""
    return doc.user_data.get(SENTENCE_STARTS)


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
        # The blank pipeline only tokenizes: spaCy's 1,000,000-character guard exists for the
        # memory of parsers and NER, and would refuse a long (20 MB) draft here.
        nlp.max_length = 200_000_000

    if not spacy.Language.has_factory(COMPONENT):
        spacy.Language.component(COMPONENT, func=set_sentence_boundaries)

    nlp.tokenizer = _BlockPrimedTokenizer(nlp.tokenizer)
    for name in ("senter", "sentencizer"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT)
    return nlp


class _BlockPrimedTokenizer:
    """spaCy's tokenizer, primed block by block so that its cache keeps working.

    spaCy stops caching a text's chunks once one of them hits a special case ("e.g.", "it's";
    spaCy#1250), so a draft is tokenized the slow way from its first contraction on (7 ms per
    1,500 words instead of under 1 ms). Tokenizing each block first fills the cache, since
    every call starts afresh; the whole text then comes mostly from the cache.

    A block is primed the first time it is seen only: priming it again caches nothing new
    (the cache only grows), so a block already seen (a re-linted draft, a shared boilerplate
    paragraph) costs nothing beyond the whole-text call. The tokenizer also records the text
    in ``doc.user_data`` for the sentence component.
    """

    def __init__(self, inner: Any):
        self.inner = inner
        self._primed: set[int] = set()  # hashes of the blocks tokenized on their own

    def __call__(self, text: str) -> Any:
        if "\n\n" in text:
            primed = self._primed
            if len(primed) > _MAX_PRIMED:
                primed.clear()
            for block in text.split("\n\n"):
                if block:
                    key = hash(block)
                    if key not in primed:
                        primed.add(key)
                        self.inner(block)
        doc = self.inner(text)
        doc.user_data[TEXT] = text
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def make_doc(text: str, model: str | None = None) -> Any:
    """One spaCy ``Doc`` over ``text`` with medlint's sentence boundaries."""
    return get_pipeline(model)(text)


def pipe(texts: Iterable[Any], model: str | None = None, batch_size: int = 32, as_tuples: bool = False) -> Iterator[Any]:
    """``Doc`` objects for many texts, through one pipeline (``nlp.pipe``); with ``as_tuples``
    the items are ``(text, context)`` pairs and ``(doc, context)`` pairs come back."""
    return get_pipeline(model).pipe(texts, batch_size=batch_size, as_tuples=as_tuples)


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
