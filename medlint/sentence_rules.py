"""Sentence boundaries from tokens, in pure Python (the spaCy component calls this).

A new sentence starts after a block break (a token holding a blank line) and after ., ! or ?
(optionally followed by closing quotes/brackets) when the next token looks like a sentence
start, except after known abbreviations ("e.g.", "Dr.", "approx.") and inside decimals.
"""
from __future__ import annotations

ABBREVIATIONS = {
    "e.g.", "i.e.", "etc.", "dr.", "mr.", "mrs.", "ms.", "prof.", "vs.", "approx.", "no.", "st.",
    "fig.", "al.", "et al.", "jr.", "sr.", "inc.", "ltd.", "co.", "u.s.", "u.k.", "mg.", "min.",
    "max.", "vol.", "ed.", "eds.", "p.", "pp.", "ca.", "cf.", "jan.", "feb.", "mar.", "apr.",
    "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
}
_CLOSERS = {'"', "'", ")", "]", "\u201d", "\u2019"}
_ENDERS = {".", "!", "?", "\u2026"}


def sentence_starts(words: list[str], spaces: list[str]) -> list[bool]:
    n = len(words)
    starts = [False] * n
    if n:
        starts[0] = True
    i = 0
    while i < n:
        w = words[i]
        if "\n\n" in w or (w.isspace() and w.count("\n") >= 2) or "\n\n" in spaces[i]:
            # block break: the next non-space token starts a sentence
            j = i + 1
            while j < n and words[j].isspace():
                j += 1
            if j < n:
                starts[j] = True
            i = j
            continue
        if w in _ENDERS or (w.endswith(".") and w.lower() not in ABBREVIATIONS and len(w) > 1 and w[:-1].isalpha() and False):
            j = i + 1
            while j < n and words[j] in _CLOSERS:
                j += 1
            while j < n and words[j].isspace():
                j += 1
            if j < n and _looks_like_start(words, j):
                starts[j] = True
            i = j
            continue
        i += 1
    return starts


def _looks_like_start(words: list[str], j: int) -> bool:
    w = words[j]
    return bool(w) and (w[0].isupper() or w[0].isdigit() or w[0] in "\"'(\u201c[*-\u2022")
