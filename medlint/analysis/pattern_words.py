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


def _structure(pattern: str, i: int = 0):
    """``(offset, char, depth)`` of every "(", ")" and "|" from ``i`` on, outside escapes and
    character classes; ``depth`` is the group depth before the character."""
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a "]" right after "[" is a literal member of the class
            i = pattern.find("]", i + 2) + 1 or len(pattern)
            continue
        if c in "()|":
            yield i, c, depth
            depth += 1 if c == "(" else -1 if c == ")" else 0
        i += 1


def _skip(pattern: str, i: int) -> int:
    """The index of the "|" or ")" that ends the current alternative (escapes, classes and
    nested groups skipped), or the end of the pattern."""
    for offset, c, depth in _structure(pattern, i):
        if depth == 0 and c in ")|":
            return offset
    return len(pattern)


def ends_every_match_with(pattern: str, tail: str) -> bool:
    """Whether every top-level alternative of ``pattern`` ends with the text ``tail`` (such
    as ``":\\s*$"``), so that no match can end any other way."""
    cuts = _top_level_bars(pattern)
    alternatives = [pattern[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(pattern)])]
    return all(a.endswith(tail) and not a.endswith("\\" + tail) for a in alternatives)


def _top_level_bars(pattern: str) -> list[int]:
    """Offsets of the "|" outside any group or class (escapes skipped)."""
    return [offset for offset, c, depth in _structure(pattern) if c == "|" and depth == 0]


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


def whole_expansions(entry: str) -> set[str] | None:
    """Every lower-case string (white space as one space) a match of ``entry`` can read as,
    read off the whole pattern as :func:`first_words` reads its start; None when it cannot."""
    if _top_level_alternation(entry):
        entry = "(?:" + entry + ")"
    expansions = _expand(entry.lower(), 0, {""}, top=True, whole=True)
    return expansions if isinstance(expansions, set) and expansions else None
