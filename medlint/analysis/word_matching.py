"""Lexicon patterns tried only at the words their matches can start on.

The claim lexicon's triggers are alternations of phrases; scanning a sentence with one tries
the whole alternation at every position. A match can only start on a word that one of its
phrases starts with (:func:`pattern_words.first_words`), so on a text whose word characters
are ASCII letters and digits (:func:`plain`) the pattern is tried at those words only
(:func:`finditer_at_words`), with the phrases that start on that word only
(:func:`keyed_patterns`), and, on a sentence without apostrophes, not at all unless every
token of one way a phrase can read from there is present (:class:`SentenceWords`). The
matches are those of ``pattern.finditer``: the tests only skip places where nothing can match.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from medlint.analysis.pattern_words import NT_SUFFIX, first_words, whole_expansions

# How claim_lexicon.WORD cuts a lower-case text into tokens (kept in step with it).
_WORD_KEY = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*|[^\sa-z0-9]")
_JOINERS = "-'’"  # characters that may stand inside a WORD token
# A word character WORD does not read as a letter or digit ("_", "é"): such a text is scanned whole.
_UNPLAIN = re.compile(r"[^\W0-9A-Za-z]")


def token_keys(words: frozenset[str] | None) -> frozenset[str] | None:
    """The lower-case WORD tokens a match can start on, given the ``words`` :func:`first_words`
    read off its pattern ("no" for "no", "," for ",\\s*yet"); None when a match may start
    on something else (then scan the text). Tokens with an apostrophe are always tried (a
    trigger may end at the apostrophe: "nothing" in "nothing's"), so ``NT_SUFFIX`` needs no key."""
    if words is None:
        return None
    keys = set()
    for word in words:
        if word == NT_SUFFIX:
            continue
        key = _WORD_KEY.match(word)
        if key is None or key.group() in _JOINERS or word[key.end():key.end() + 1] in tuple(_JOINERS):
            return None
        keys.add(key.group())
    return frozenset(keys)


def word_index(words) -> tuple[dict[str, list[int]], list[int]]:
    """``(start, end, lower-case word)`` tokens -> (word -> its starts, the starts of tokens with
    an apostrophe and the offsets just after each apostrophe in them)."""
    index: dict[str, list[int]] = {}
    inner: list[int] = []
    for start, _, low in words:
        starts = index.get(low)
        if starts is None:
            index[low] = [start]
        else:
            starts.append(start)
        if "'" in low or "’" in low:
            inner.append(start)
            inner.extend(start + i + 1 for i, c in enumerate(low) if c in "'’")
    return index, inner


def plain(text: str) -> bool:
    """Whether every word character of ``text`` is an ASCII letter or digit, so that a match of
    a lexicon pattern can only start where :func:`word_index` puts a token."""
    return _UNPLAIN.search(text) is None


def tokens_by_key(entry: str) -> dict[str, set[frozenset[str]]] | None:
    """For each key (:func:`token_keys`) a match of ``entry`` can start on, the lower-case
    WORD tokens of each way the whole pattern can read from there (literals, literal
    classes, ``(?:a|b)`` groups, ``?``, ``\\s``); None when it cannot be read. Only for a
    :func:`plain` text without apostrophes: there a match's words are whole tokens of the
    text (no apostrophe can join them to a neighbour), so a match needs every token of one
    of these sets."""
    expansions = whole_expansions(entry)
    if expansions is None:
        return None
    out: dict[str, set[frozenset[str]]] = {}
    for x in expansions:
        key = token_keys(frozenset((x.split(" ")[0],)))
        if not key:
            return None
        out.setdefault(next(iter(key)), set()).add(frozenset(_WORD_KEY.findall(x)))
    return out


class Keyed(NamedTuple):
    """A lexicon pattern split by the token its matches start on (:func:`keyed_patterns`)."""

    patterns: dict[str, re.Pattern]   # key -> the alternation of its entries
    unknown: frozenset[str]           # keys some of whose entries cannot be read whole
    by_trigger: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # token -> (key, token set) needing it
    triggers: frozenset[str]          # the tokens of by_trigger


_MAX_TOKEN_SETS = 64
# Words too common to file a token set under when it has a rarer one (any choice is correct:
# the set is only looked at when its filing word is present; a rarer word is looked at less).
_COMMON = frozenset("a an the to of for in on at by as with from than that this it its is are was were be "
                    "been being and or not no do does did has have had can may will would should could "
                    "you your they them their he she we people some any all more most , . ; :".split())


def keyed_patterns(entries, compile_entries) -> Keyed | None:
    """The entries split by the key their matches can start on (see :func:`token_keys`; an
    entry may stand under several keys, in the order given), each key's alternation built by
    ``compile_entries``, with the token sets one of which a match from that key holds
    (:func:`tokens_by_key`), each filed under its rarest-looking token (not the key, not a
    common word, the longest); None
    when some entry's start is unknown. Trying only these at a word is what trying the
    whole alternation there does: no other entry can match at that word."""
    groups: dict[str, list] = {}
    needs: dict[str, set[frozenset[str]] | None] = {}
    for entry in entries:
        keys = token_keys(first_words(str(entry)))
        if keys is None:
            return None
        readings = tokens_by_key(str(entry))
        for key in keys:
            groups.setdefault(key, []).append(entry)
            known = needs.setdefault(key, set())
            if readings is None or known is None:
                needs[key] = None
            else:
                known |= readings.get(key, set())
    unknown = frozenset(k for k, sets in needs.items() if sets is None or len(sets) > _MAX_TOKEN_SETS)
    by_trigger: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for key, sets in needs.items():
        if key not in unknown:
            for tokens in sorted(sets, key=sorted):
                trigger = max(sorted(tokens), key=lambda t: (t != key, t not in _COMMON, len(t)))
                by_trigger.setdefault(trigger, []).append((key, tokens))
    return Keyed({key: compile_entries(group) for key, group in groups.items()}, unknown,
                 {t: tuple(v) for t, v in by_trigger.items()}, frozenset(by_trigger))


def finditer_at_words(pattern: re.Pattern, keys: frozenset[str] | None, text: str,
                      index: tuple[dict[str, list[int]], list[int]] | None,
                      keyed: Keyed | None = None) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a lexicon pattern, tried only at the tokens its
    matches can start on (``keys``, from :func:`token_keys`), on a :func:`plain` text indexed
    by :func:`word_index` (``index``; None: scan). The same matches: finditer's leftmost,
    non-overlapping ones, since no match can start anywhere else. With ``keyed``
    (:func:`keyed_patterns`) a word is tried with the entries that can start on it only (the
    offsets after an apostrophe, with the whole pattern)."""
    if keys is None or index is None:
        return list(pattern.finditer(text))
    by_word, inner = index
    hits = keys.intersection(by_word)
    if keyed is None:
        tries = [(s, pattern) for key in hits for s in by_word[key]]
    else:
        by_key = keyed.patterns
        tries = [(s, by_key[key]) for key in hits for s in by_word[key]]
    if inner:
        apostrophes = set(inner)
        tries = [t for t in tries if t[0] not in apostrophes]
        tries.extend((s, pattern) for s in apostrophes)
    elif not tries:
        return []
    return _leftmost_matches(tries, pattern, text)


def _leftmost_matches(tries: list, pattern: re.Pattern, text: str) -> list[re.Match]:
    """finditer's leftmost, non-overlapping matches, from ``(offset, regex)`` start candidates."""
    tries.sort(key=_first)
    out = []
    end = 0
    for p, regex in tries:
        if p < end:
            continue
        m = regex.match(text, p)
        if m is not None:
            if m.end() == p:  # an empty match: finditer's own stepping applies
                return list(pattern.finditer(text))
            out.append(m)
            end = m.end()
    return out


def _first(pair: tuple) -> int:
    return pair[0]


class SentenceWords:
    """One sentence's tokens (``(start, end, lower-case word)``, by claim_lexicon.WORD) and
    their set ``present``, for trying lexicon patterns only where they can match. The word
    index is built on first need; the patterns are tried as :func:`finditer_at_words` does,
    and on a plain text without apostrophes a key none of whose token sets is present is not
    tried at all (so most patterns cost a set intersection)."""

    def __init__(self, text: str, words, present: set[str]) -> None:
        self.text = text
        self.words = words
        self.present = present
        self._clean: bool | None = None
        self._index: tuple[dict[str, list[int]], list[int]] | None | bool = False

    @property
    def clean(self) -> bool:
        """Plain (:func:`plain`) and without apostrophes: its words are whole tokens."""
        if self._clean is None:
            self._clean = "'" not in self.text and "’" not in self.text and plain(self.text)
        return self._clean

    def index(self) -> tuple[dict[str, list[int]], list[int]] | None:
        if self._index is False:
            self._index = word_index(self.words) if plain(self.text) else None
        return self._index  # type: ignore[return-value]

    def cannot_match(self, keyed: Keyed | None) -> bool:
        """True when a pattern split as ``keyed`` surely has no match here (the cheap test
        :meth:`finditer` starts with; False: try it)."""
        if keyed is None or not self.clean:
            return False
        present = self.present
        return keyed.triggers.isdisjoint(present) and keyed.unknown.isdisjoint(present)

    def finditer(self, pattern: re.Pattern, keys: frozenset[str] | None, keyed: Keyed | None) -> list[re.Match]:
        """``list(pattern.finditer(text))``, tried where it can match."""
        if keys is None:
            return list(pattern.finditer(self.text))
        if keyed is None or not self.clean:
            return finditer_at_words(pattern, keys, self.text, self.index(), keyed)
        present = self.present
        if keyed.triggers.isdisjoint(present) and keyed.unknown.isdisjoint(present):
            return []  # the common case: no key has all the tokens one of its readings needs
        hits = {key for t in keyed.triggers.intersection(present) for key, needed in keyed.by_trigger[t]
                if needed <= present}
        hits.update(keyed.unknown.intersection(present))
        if not hits:
            return []
        by_word = self.index()[0]  # type: ignore[index]
        by_key = keyed.patterns
        tries = [(s, by_key[key]) for key in hits for s in by_word[key]]
        return _leftmost_matches(tries, pattern, self.text)
