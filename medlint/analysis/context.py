"""ConText-style modifiers of one sentence: negation, limitation, hedging, mechanism, use,
administration advice, advice to consult a professional, hypotheticals, and questions.

A small, fast take on NegEx / ConText (Chapman et al. 2001; Harkema et al. 2009; medspaCy's
``context`` component): a *trigger* phrase of a category modifies the words in its *scope*,
which runs FORWARD (after the trigger), BACKWARD (before it) or both, and stops at a
terminator ("but", "however", ";" ...), after ``max_scope`` words, or at the sentence end.
Pseudo-triggers ("not only", "no doubt") hide the trigger words they contain. The triggers
are data: ``rulesets/claim_lexicon.yaml``.

Offsets are those of the text given (add ``offset`` for prose offsets).
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from medlint.analysis import claim_lexicon
from medlint.analysis.claim_lexicon import WORD
from medlint.analysis.pattern_words import NT_SUFFIX
from medlint.analysis.word_matching import SentenceWords

NEGATED = "negated"
LIMITATION = "limitation"
HEDGED = "hedged"
MECHANISM = "mechanism"
USE = "use"
ADMINISTRATION = "administration"
CONSULT = "consult"
HYPOTHETICAL = "hypothetical"

_HARD_STOPS = {";", ":", "\u2014", "\u2013", "?", "!"}
_QUESTION_END = re.compile(r"\?[\s\"'\u201d\u2019)\]*_]*(?:\[\d+\]|\d{1,3}|\^\d+)?[\s.]*$")


class Modifier(NamedTuple):
    """A trigger of ``category`` at [start, end) whose scope is [scope_start, scope_end)."""

    category: str
    start: int
    end: int
    scope_start: int
    scope_end: int
    text: str

    def covers(self, position: int) -> bool:
        """Whether ``position`` is in the scope or in the trigger itself ("not a cure")."""
        return self.scope_start <= position < self.scope_end or self.start <= position < self.end


class SentenceContext:
    """The modifiers of one sentence, found once and queried by position."""

    def __init__(self, text: str, offset: int = 0, words: list[tuple[int, int, str]] | None = None,
                 categories: frozenset[str] | None = None):
        """``words``: the (start, end, lower-case word) tokens of ``text`` by
        :data:`claim_lexicon.WORD`, when the caller already has them; ``categories``: the
        only categories the caller asks about (None: all)."""
        self.text = text
        self.offset = offset
        lexicon = claim_lexicon.load()
        if words is None:
            words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
        self._words = words
        self.modifiers = _find_modifiers(text, words, lexicon, offset, categories)

    def categories_at(self, position: int, *, ignore: tuple[int, int] | None = None) -> set[str]:
        """Categories that modify prose ``position``. Triggers overlapping ``ignore`` (a
        phrase's own words, such as the "no" of "no side effects") are left out."""
        return {m.category for m in self.modifiers
                if m.covers(position) and (ignore is None or m.end <= ignore[0] or m.start >= ignore[1])}

    def has(self, category: str, position: int, *, ignore: tuple[int, int] | None = None) -> bool:
        return category in self.categories_at(position, ignore=ignore)

    def any(self, category: str) -> bool:
        return any(m.category == category for m in self.modifiers)


def _find_modifiers(text: str, words, lexicon, offset: int, categories=None) -> list[Modifier]:
    # A rule is tried only when the sentence holds a word its triggers can start with
    # (most sentences hold none of most rules' words); the scopes are worked out only then.
    # On a plain text (ASCII word characters) a pattern is tried only at the words its
    # matches can start on, not at every position (word_matching.SentenceWords).
    present = {w[2] for w in words}
    for w in [w for w in present if "'" in w or "’" in w] if "'" in text or "’" in text else ():
        present.add(w.replace("’", "'").split("'")[0])  # "nothing's": a trigger may end at the apostrophe
        if w.endswith(("n't", "n’t")):
            present.add(NT_SUFFIX)
    found = []
    sentence = SentenceWords(text, words, present)
    if lexicon.context_any is not None and sentence.clean and present.isdisjoint(lexicon.context_any):
        return []  # no trigger of any rule has its words here
    for rule in lexicon.context_rules:
        if categories is not None and rule.category not in categories:
            continue
        if rule.first_words is None or not present.isdisjoint(rule.first_words):
            if sentence.cannot_match(rule.by_key):
                continue
            found.extend((rule, m) for m in sentence.finditer(rule.pattern, rule.keys, rule.by_key))
    if not found:
        return []
    pseudo = None  # only negation triggers are checked against the pseudo-triggers
    starts = [w[0] for w in words]
    terminators = set() if sentence.cannot_match(lexicon.terminate_by_key) else \
        {_index_at(starts, m.start())
         for m in sentence.finditer(lexicon.terminate, lexicon.terminate_keys, lexicon.terminate_by_key)}
    series = _series_commas(words) if "," in present else _NO_SERIES
    out: list[Modifier] = []
    for rule, m in found:
        if rule.category == NEGATED:
            if pseudo is None:
                pseudo = [(p.start(), p.end()) for p in
                          sentence.finditer(lexicon.pseudo, lexicon.pseudo_keys, lexicon.pseudo_by_key)]
            if any(a <= m.start() and m.end() <= b for a, b in pseudo):
                continue
        first = _index_at(starts, m.start())
        last = _index_at(starts, max(m.start(), m.end() - 1))
        lo, hi = len(text), 0
        if rule.direction in ("forward", "bidirectional"):
            j, steps = last + 1, 0
            while j < len(words) and steps < rule.max_scope and not _ends(words[j][2], j, terminators, rule, series):
                steps += j not in series  # a series comma is not a word of the scope
                j += 1
            if j > last + 1:
                lo, hi = min(lo, words[last + 1][0]), max(hi, words[j - 1][1])
        if rule.direction in ("backward", "bidirectional"):
            j, steps = first - 1, 0
            while j >= 0 and steps < rule.max_scope and not _ends(words[j][2], j, terminators, rule, series):
                j, steps = j - 1, steps + 1
            if j < first - 1:
                lo, hi = min(lo, words[j + 1][0]), max(hi, words[first - 1][1])
        if hi > 0:
            out.append(Modifier(rule.category, m.start() + offset, m.end() + offset,
                                lo + offset, hi + offset, m.group()))
    return out


def _series_commas(words) -> set[int]:
    """Commas inside a series of single words ("diagnose, treat, cure or prevent"): they
    separate items of one list, so they do not end a scope as a clause comma does."""
    out = set()
    for j in range(len(words) - 2):
        if words[j][2] == "," and words[j + 1][2].isalpha() and words[j + 1][2] not in _CONJUNCTIONS \
                and words[j + 2][2] in _SERIES_NEXT:
            out.add(j)
    return out


_NO_SERIES: frozenset[int] = frozenset()
_CONJUNCTIONS = frozenset("and or nor but so yet then".split())
_SERIES_NEXT = frozenset((",", "and", "or", "nor"))


def _ends(word: str, index: int, terminators: set[int], rule, series: set[int] = frozenset()) -> bool:
    if word in _HARD_STOPS or index in terminators:
        return True
    if word == "," and rule.comma_ends and index not in series:
        return True
    return rule.and_ends and word in ("and", "or")


def _index_at(starts: list[int], position: int) -> int:
    return max(0, bisect.bisect_right(starts, position) - 1)


def is_question(text: str) -> bool:
    """A question: it ends with "?" (before any citation marker), or it opens with an
    interrogative word and has no closing full stop (FAQ headings, titles)."""
    stripped = text.strip()
    if not stripped:
        return False
    if "?" in stripped:
        if _QUESTION_END.search(stripped):
            return True
    elif stripped[-1] in ".!:":
        return False  # the common case, decided without tokenizing
    words = WORD.findall(stripped[:40])
    if not words or stripped[-1] in ".!:":
        return False
    lexicon = claim_lexicon.load()
    first = words[0].lower()
    second = words[1].lower() if len(words) > 1 else ""
    return first in lexicon.interrogatives and second != "not" and not second.endswith(("n't", "n’t"))
