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


def _expand(pattern: str, i: int, partials: set[str], top: bool = False):
    """Expand ``pattern[i:]`` (up to the end or the ")" closing a group) onto ``partials``;
    at the top level stop once every partial holds a space (its first word is complete)."""
    while i < len(pattern):
        if all(" " in p for p in partials):
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
            alternatives, i = _group(pattern, i + 3)
            if alternatives is None:
                return None
            options = {p + a for p in partials for a in alternatives}
        elif c == "[":
            close = pattern.find("]", i)
            chars = pattern[i + 1:close]
            if close < 0 or not chars or any(not (ch.isalnum() or ch in " '’-") for ch in chars):
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


def _group(pattern: str, i: int):
    """The expansions of a group's alternatives from ``i`` (after "(?:") and the index after
    its ")"."""
    out: set[str] = set()
    while True:
        result = _expand(pattern, i, {""})
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


def keyed_patterns(entries, compile_entries) -> dict[str, re.Pattern] | None:
    """key -> ``compile_entries`` of the entries whose matches can start on that key (see
    :func:`token_keys`; an entry may stand under several keys, in the order given), or None
    when some entry's start is unknown. Trying only these at a word is what trying the whole
    alternation there does: no other entry can match at that word."""
    groups: dict[str, list] = {}
    for entry in entries:
        keys = token_keys(first_words(str(entry)))
        if keys is None:
            return None
        for key in keys:
            groups.setdefault(key, []).append(entry)
    return {key: compile_entries(group) for key, group in groups.items()}


def finditer_at_words(pattern: re.Pattern, keys: frozenset[str] | None, text: str,
                      index: tuple[dict[str, list[int]], list[int]] | None,
                      by_key: dict[str, re.Pattern] | None = None) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a lexicon pattern, tried only at the tokens its
    matches can start on (``keys``, from :func:`token_keys`), on a :func:`plain` text indexed
    by :func:`word_index` (``index``; None: scan). The same matches: finditer's leftmost,
    non-overlapping ones, since no match can start anywhere else. With ``by_key``
    (:func:`keyed_patterns`) a word is tried with the entries that can start on it only;
    the offsets after an apostrophe, with the whole pattern."""
    if keys is None or index is None:
        return list(pattern.finditer(text))
    by_word, inner = index
    hits = keys.intersection(by_word)
    if by_key is None:
        tries = [(s, pattern) for key in hits for s in by_word[key]]
    else:
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
