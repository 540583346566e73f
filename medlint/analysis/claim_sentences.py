"""What the claim analysis reads per sentence, computed once per document.

* Sentence views: each sentence with its lower-case words (for cheap keyword checks) and
  whether it may assert something at all: not a question, not in a references, related
  questions or disclaimer section, and not a reference entry ("Smith AB, Jones C. Title.
  Journal. 2011.") in a list that has no "References" heading.
* Coined product names: a CamelCase name in the page title ("CalmLeaf CBD Drops for Deeper
  Sleep", "FolliMax Pro: Thicker Hair") is the product the page sells; its mentions count as
  a treatment, as a drug the lexicon knows would.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from medlint.analysis import claim_lexicon, context
from medlint.analysis.types import Sentence
from medlint.prose import HEADING

SKIPPED_SECTIONS = frozenset(("references", "related", "disclaimer"))
# "Bergamaschi MM, et al. ...", "1. Law S, Derry S, Moore RA. ...": an author list opens a reference entry
_REFERENCE_ENTRY = re.compile(r"^\W*(?:\d+\.\s*)?[A-Z][\w'’-]+ [A-Z]{1,3}(?:,| and| &)\s+(?:[A-Z][\w'’-]+ [A-Z]{1,3}\b|et al)")
_CAMEL = re.compile(r"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b")
# "low-dose naltrexone (LDN)", "nicotine replacement therapy (NRT)": an abbreviation the
# article defines for a drug (up to three words after its name) and then uses in its place
_ABBREVIATION = re.compile(r"(?:[ \t-]+[A-Za-z][\w-]*){0,3}?[ \t]*\(([A-Z][A-Z0-9]{1,5})\)")


class SentenceView(NamedTuple):
    """A sentence with its lower-case words, and whether it may assert something."""

    sentence: Sentence
    words: frozenset[str]
    assertive: bool   # not a question, not in references / related questions / disclaimers
    low: str          # the sentence text in lower case


def sentence_views(document) -> list[SentenceView]:
    """Every sentence with its words and its assertive flag (computed once per document;
    :attr:`LintedDocument.claim_sentences` caches it for the claim rules)."""
    sections = [(s.start, s.end, s.kind in SKIPPED_SECTIONS) for s in document.sections]
    out = []
    k = 0
    last_section = len(sections) - 1
    findall = claim_lexicon.WORD.findall
    new = tuple.__new__  # SentenceView(...) without the NamedTuple constructor's extra call (hot path)
    entries: dict[int, bool] = {}  # block index -> whether it is a reference entry
    blocks = document.blocks
    prose = document.prose
    entry_match = _REFERENCE_ENTRY.match
    for sentence in document.sentences:
        start = sentence.start
        while k < last_section and sections[k][1] <= start:
            k += 1
        text = sentence.text
        block = sentence.block_index
        if sections and sections[k][2] and sections[k][0] <= start:
            assertive = False
        elif block >= 0 and (entries[block] if block in entries else entries.setdefault(
                block, entry_match(prose[blocks[block].start:blocks[block].end]) is not None)):
            assertive = False  # a reference entry ("Smith AB, Jones C. Title. 2011.")
        elif "?" not in text and text[-1:] in (".", "!", ":"):
            assertive = True  # is_question's common case, decided without a call
        else:
            assertive = not context.is_question(text)
        low = text.lower()
        out.append(new(SentenceView, (sentence, frozenset(findall(low)), assertive, low)))
    return out


def views_of(document) -> list[SentenceView]:
    """The cached views of ``document`` (or freshly computed for a document without the cache)."""
    views = getattr(document, "claim_sentences", None)
    return views if views is not None else sentence_views(document)


def assertive_views(document) -> Iterator[SentenceView]:
    """Sentences that may assert something (not questions, not in references, related
    questions or disclaimers), with their words for cheap keyword checks."""
    return (v for v in views_of(document) if v.assertive)


def product_spans(document) -> list[tuple[int, int]]:
    """Prose spans of the coined product names the page title introduces and of the
    abbreviations the article defines for a drug ("naltrexone (LDN)"), sorted."""
    blocks = document.blocks
    if not blocks:
        return []
    title = next((b for b in blocks if b.kind == HEADING and b.level == 1), blocks[0])
    prose = document.prose
    names = {m.group() for m in _CAMEL.finditer(prose[title.start:title.end])}
    names -= {d.text for d in document.drugs}
    for d in document.drugs:
        m = _ABBREVIATION.match(prose, d.end)
        if m:
            names.add(m.group(1))
    if not names:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")
    return [m.span() for m in pattern.finditer(prose)]
