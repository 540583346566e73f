"""Sentence boundaries of prose text, in pure Python (the spaCy component calls this).

Why not spaCy's own ``sentencizer``: it splits after every period, so "e.g.", "Dr. A. Patel",
"et al." and "approx. 5 mg" break sentences, and it cannot know that in "... (2-4 weeks) 1.
Patients should ..." the bare "1" is a citation that belongs to the sentence before it.

The rules, applied to the text (not tokens, so "daily.[1]" and "al." read the same however
the tokenizer cut them):

* a blank line (a block break) always starts a sentence; so does a line that starts with a
  bullet or a list number ("\u2022 item", "- item", "2. item");
* ".", "!", "?" or an ellipsis, with any closing quotes/brackets and a bracketed citation
  ("[3]", "[1, 2]") glued to it, ends a sentence when whitespace follows and the next word
  looks like a sentence start (capital letter, digit, quote, opening bracket, bullet);
* a period does not end a sentence after an abbreviation ("e.g.", "Dr.", "vs.", "et al.",
  "U.S."), after an initial ("Dr. A. Patel"), after a list number that opens the sentence
  ("1. Can I ..."), or, before a number, after a number-taking abbreviation ("approx. 5 mg",
  "Fig. 3", "No. 2").
"""
from __future__ import annotations

import bisect
import re

# Never end a sentence (titles, Latin abbreviations, country codes).
ABBREVIATIONS = frozenset({
    "e.g", "eg", "i.e", "ie", "dr", "drs", "mr", "mrs", "ms", "mx", "prof", "vs", "v", "cf", "viz",
    "u.s", "u.k", "u.n", "st", "mt", "rev", "hon", "gen", "col", "lt", "sgt", "capt", "messrs",
    "approx", "esp", "incl", "resp", "dept", "univ", "assoc",
})
# Do not end a sentence when a number follows ("Fig. 3", "approx. 5 mg", "Jan. 12").
NUMBER_ABBREVIATIONS = frozenset({
    "no", "nos", "fig", "figs", "p", "pp", "vol", "vols", "ch", "chap", "ca", "max", "min", "ref",
    "refs", "eq", "tab", "sec", "art", "n", "ed", "eds", "ver", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "st", "rev", "gen", "sir"})

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LIST_LINE = re.compile(r"\n[ \t]*(?=(?:[\u2022\u25e6\u25aa\u2023\u00b7\u2043*+\-\u2013]|\d{1,3}[.)])\s)")
# an ender, optional closers, an optional glued citation, then whitespace
# (every branch of ``punct`` opens with a literal, so the regex engine skips ahead to the next
# candidate character instead of trying the pattern at every position; the trailing
# whitespace is consumed, which moves no later match: an ender never starts on whitespace)
_ENDER = re.compile(
    r"(?P<punct>\.\.\.|\u2026|\.[.!?]*|![.!?]*|\?[.!?]*)(?P<close>[\"'\u201d\u2019)\]]*)"
    r"(?P<cite>\s?\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\])?\s+"
)
_SPACE = re.compile(r"\s*")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_DELIMITERS = "\"'([\u201c\u2018"  # with whitespace: what ends the word before a period
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,3}|[A-Za-z]|[ivxlIVXL]{1,5})$")
_OPENERS = "\"'(\u201c\u2018[\u2022*\u00bf\u00a1"


def sentence_offsets(text: str) -> list[int]:
    """Offsets in ``text`` where a sentence starts (sorted, the first non-space char first)."""
    starts: set[int] = set()
    first = _skip_space(text, 0)
    if first < len(text):
        starts.add(first)
    for m in _BLOCK_BREAK.finditer(text):
        if m.end() < len(text):
            starts.add(m.end())
    for m in _LIST_LINE.finditer(text):
        starts.add(m.end())
    fixed = sorted(starts)  # block and list starts; ender starts are added in text order
    last_added = -1
    n = len(text)
    bisect_right = bisect.bisect_right
    for m in _ENDER.finditer(text):
        nxt = m.end()  # the first character after the whitespace
        if nxt >= n or nxt in starts:
            continue
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in _OPENERS):
            continue  # what _ends_sentence answers first, without a call
        end = m.start()
        i = bisect_right(fixed, end) - 1
        sentence_start = max(fixed[i] if i >= 0 else 0, last_added if last_added <= end else -1)
        if _ends_sentence(text, m, nxt, starts, sentence_start):
            starts.add(nxt)
            last_added = nxt
    return sorted(starts)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, whitespace trimmed, never crossing a blank line."""
    offsets = sentence_offsets(text)
    spans = []
    for i, start in enumerate(offsets):
        end = offsets[i + 1] if i + 1 < len(offsets) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def sentence_starts(words: list[str], spaces: list[str]) -> list[bool]:
    """Token-level view of :func:`sentence_offsets` (``True`` where a token starts a sentence)."""
    text = "".join(w + s for w, s in zip(words, spaces))
    offsets = set(sentence_offsets(text))
    out, pos, pending = [], 0, False
    for word, space in zip(words, spaces):
        hit = pending or pos in offsets
        # a boundary that falls on whitespace moves to the next real token
        if hit and word.isspace():
            out.append(False)
            pending = True
        else:
            out.append(hit)
            pending = False
        pos += len(word) + len(space)
    if out:
        out[0] = True
    return out


def _word_before(before: str) -> str:
    """The run of non-delimiters that ends ``before`` (or ends just before one final newline),
    as ``re.search(r"([^\\s\"'(\\[\u201c\u2018]*)$", before)`` finds it, without that regex's
    attempt at every position."""
    if before.endswith("\n"):
        before = before[:-1]
    if not before or before[-1].isspace():
        return ""
    word = before.rsplit(None, 1)[-1]
    for c in _WORD_DELIMITERS:
        if c in word:
            word = word[word.rfind(c) + 1:]
    return word


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()  # regex \s is str.isspace


def _ends_sentence(text: str, m: re.Match, nxt: int, starts: set[int], sentence_start: int) -> bool:
    ch = text[nxt]
    if not (ch.isupper() or ch.isdigit() or ch in _OPENERS):
        return False
    if m.group("punct") != ".":
        return True
    before = text[max(0, m.start() - 40):m.start()]
    word = _word_before(before)
    key = word.lower()
    if key in ABBREVIATIONS:
        return False
    if key == "al" and before[:-2].rstrip().lower().endswith("et"):
        return False
    if key in NUMBER_ABBREVIATIONS and ch.isdigit():
        return False
    if len(word) == 1 and word.isupper() and _is_initial(text, m.start(), nxt, starts):
        return False
    if _DOTTED.fullmatch(key) and ch.isupper() is False:
        return False
    if _ENUMERATOR.match(text[sentence_start:m.start()]):
        return False  # "1. Can I ..." / "b. Take ..." : a list number, not a sentence
    return True


def _is_initial(text: str, dot: int, nxt: int, starts: set[int]) -> bool:
    """A capital letter + "." is an initial ("Dr. A. Patel", "J. R. Smith"), not "vitamin D."."""
    prev = text[max(0, dot - 12):dot - 1].rstrip()
    prev_word = _word_before(prev).rstrip(".").lower()
    if prev_word in _TITLES:
        return True
    if re.search(r"(?:^|\s)[A-Z]\.$", prev):  # another initial before it
        return True
    if re.match(r"[A-Z]\.\s", text[nxt:nxt + 3]):  # another initial after it
        return True
    # the letter opens its sentence or block: "J. Smith found ..."
    letter = dot - 1
    return letter in starts or letter == _skip_space(text, 0)
