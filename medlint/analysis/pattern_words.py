"""The words a regular-expression phrase can start with, read off the pattern.

The claim lexicon's triggers are regular-expression fragments ("(?:fails?|failed) to"). A
sentence that holds none of the words a trigger can start with cannot match it, so the
trigger need not be tried there: most sentences skip most triggers (see
:mod:`medlint.analysis.context` and the vague-attribution scan). The reading covers literals,
``[...]`` classes of literal characters, ``(?:a|b)`` groups, ``?`` and ``\\s``; anything else
before the first word ends gives None, and the caller then tries the pattern everywhere.
"""
from __future__ import annotations

import re
from typing import NamedTuple

NT_SUFFIX = "*n't"   # stands for any word ending in "n't" (the trigger "\w+n['’]t")
_NT_ENTRY = re.compile(r"^\\w\+n\[['’]+\]t$")
_MAX_PARTIALS = 400


def first_words(entry: str) -> frozenset[str] | None:
    """The lower-case words a match of the trigger ``entry`` can start with, read off the
    pattern: literals, ``[...]`` classes of literal characters, ``(?:a|b)`` groups and ``?``.
    None when the pattern holds anything else before its first word ends; the caller then
    tries the trigger on every sentence."""
    if _NT_ENTRY.match(entry):
        return frozenset((NT_SUFFIX,))
    if _top_level_alternation(entry):
        entry = "(?:" + entry + ")"
    partials = _expand(entry.lower(), 0, {""}, top=True)
    if partials is None:
        return None
    words = {p.split(" ")[0] for p in partials}
    return None if "" in words else frozenset(words)


def _expand(pattern: str, i: int, partials: set[str], top: bool = False, whole: bool = False):
    """Expand ``pattern[i:]`` (up to the end or the ")" closing a group) onto ``partials``;
    at the top level stop once every partial holds a space (its first word is complete),
    unless ``whole`` asks for the whole expansions."""
    while i < len(pattern):
        if not whole and all(" " in p for p in partials):
            if top:
                return partials
            return partials, _skip(pattern, i)  # the first word is complete: skip the rest
        c = pattern[i]
        if pattern.startswith("\\s", i):  # white space: "\s+", "\s*", "\s"
            i += 2
            optional = i < len(pattern) and pattern[i] == "*"
            i += i < len(pattern) and pattern[i] in "+*"
            options = {p + " " for p in partials} | (partials if optional else set())
            partials = options
            continue
        if c == ")" or c == "|":
            return partials, i
        if c == "(":
            if not pattern.startswith("(?:", i):
                return None
            alternatives, i = _group(pattern, i + 3, whole)
            if alternatives is None:
                return None
            options = {p + a for p in partials for a in alternatives}
        elif c == "[":
            close = pattern.find("]", i)
            chars = pattern[i + 1:close]
            if close < 0 or not chars or any(not (ch.isalnum() or ch in " '’-") for ch in chars) \
                    or "-" in chars[1:-1]:  # a range ("a-z") is not its three characters
                return None
            options = {p + ch for p in partials for ch in chars}
            i = close + 1
        elif c.isalnum() or c in " '’-,":
            options = {p + c for p in partials}
            i += 1
        else:
            return None
        if i < len(pattern) and pattern[i] == "?":
            options |= partials
            i += 1
        if len(options) > _MAX_PARTIALS:
            return None
        partials = options
    return partials if top else (partials, i)


def _group(pattern: str, i: int, whole: bool = False):
    """The expansions of a group's alternatives from ``i`` (after "(?:") and the index after
    its ")"."""
    out: set[str] = set()
    while True:
        result = _expand(pattern, i, {""}, whole=whole)
        if result is None or not isinstance(result, tuple):
            return None, i
        partials, i = result
        out |= partials
        if i >= len(pattern):
            return None, i
        if pattern[i] == ")":
            return out, i + 1
        i += 1  # "|"


def _skip(pattern: str, i: int) -> int:
    """The index of the "|" or ")" that ends the current alternative (escapes, classes and
    nested groups skipped), or the end of the pattern."""
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.find("]", i + 1) + 1 or len(pattern)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif c == "|" and depth == 0:
            return i
        i += 1
    return i


def ends_every_match_with(pattern: str, tail: str) -> bool:
    """Whether every top-level alternative of ``pattern`` ends with the text ``tail`` (such
    as ``":\\s*$"``), so that no match can end any other way."""
    cuts = _top_level_bars(pattern)
    alternatives = [pattern[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(pattern)])]
    return all(a.endswith(tail) and not a.endswith("\\" + tail) for a in alternatives)


def _top_level_bars(pattern: str) -> list[int]:
    """Offsets of the "|" outside any group or class (escapes skipped)."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.find("]", i + 2) + 1 or len(pattern)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(i)
        i += 1
    return out


def _top_level_alternation(pattern: str) -> bool:
    depth = 0
    for i, c in enumerate(pattern):
        if c == "\\":
            continue
        if c == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif c == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
    return False


# -- matching at word starts only -------------------------------------------------------------
# How claim_lexicon.WORD cuts the start of a lower-case word (kept in step with it).
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


_TOKEN = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*|[^\sa-z0-9]")  # claim_lexicon.WORD on lower case


def tokens_by_key(entry: str) -> dict[str, set[frozenset[str]]] | None:
    """For each key (:func:`token_keys`) a match of ``entry`` can start on, the lower-case
    WORD tokens of each way the whole pattern can read from there (literals, literal
    classes, ``(?:a|b)`` groups, ``?``, ``\\s``); None when it cannot be read. Only for a
    :func:`plain` text without apostrophes: there a match's words are whole tokens of the
    text (no apostrophe can join them to a neighbour), so a match needs every token of one
    of these sets."""
    if _top_level_alternation(entry):
        entry = "(?:" + entry + ")"
    expansions = _expand(entry.lower(), 0, {""}, top=True, whole=True)
    if not expansions:
        return None
    out: dict[str, set[frozenset[str]]] = {}
    for x in expansions:
        key = token_keys(frozenset((x.split(" ")[0],)))
        if not key:
            return None
        out.setdefault(next(iter(key)), set()).add(frozenset(_TOKEN.findall(x)))
    return out


class Keyed(NamedTuple):
    """A lexicon pattern split by the token its matches start on (:func:`keyed_patterns`)."""

    patterns: dict[str, re.Pattern]   # key -> the alternation of its entries
    unknown: frozenset[str]           # keys some of whose entries cannot be read whole
    by_trigger: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # token -> (key, token set) needing it
    triggers: frozenset[str]          # the tokens of by_trigger


_MAX_TOKEN_SETS = 64


def keyed_patterns(entries, compile_entries) -> Keyed | None:
    """The entries split by the key their matches can start on (see :func:`token_keys`; an
    entry may stand under several keys, in the order given), each key's alternation built by
    ``compile_entries``, with the token sets one of which a match from that key holds
    (:func:`tokens_by_key`), each filed under its rarest-looking token (its longest other
    than the key); None
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
                trigger = max(sorted(tokens), key=lambda t: (t != key, len(t)))  # not the key, long
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
        tries.sort(key=_first)
        out = []
        end = 0
        text = self.text
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
