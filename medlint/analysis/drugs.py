"""Drug mentions: dictionary lookup of generic and brand names over the prose.

The prose is split into alphanumeric tokens once; at each token the longest lexicon name that
starts there wins ("Abilify Maintena" before "Abilify"), where the words of a multi-word name
may be separated by one space or hyphen ("Toprol-XL", "Z-Pak"). Matching is case-insensitive,
with three guards against everyday words:

* a brand that is also an ordinary word or first name ("Soma", "Versed", "Camila") counts only
  when written with a capital, and not when it reads as part of a person's name ("Dr. Camila
  Ortiz");
* an abbreviation of a generic ("APAP", "HCTZ", "ASA") counts only when written in capitals;
* a brand may carry a release suffix written after it ("Xanax XR", "Toprol-XL", "Ambien CR"),
  which becomes part of the mention and of its brand spelling;
* URLs, code and markup never reach the prose, so nothing inside them is matched.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress

from medlint.analysis.types import DrugMention
from medlint.lexicon import store, taper
from medlint.lexicon.normalize import RELEASE_SUFFIXES, TOKEN

_JOINERS = frozenset({" ", "-", "\u00a0", "\u2011"})
_SPLIT = re.compile(f"({TOKEN.pattern})")  # separators and tokens, alternately
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "nurse"})
_TITLES = frozenset({"dr", "mr", "mrs", "prof", "professor"})  # before any brand ("miss", "nurse" are also verbs)


def find_drugs(document) -> list[DrugMention]:
    """Every drug mention in ``document.prose``, in order."""
    return scan(document.prose)


def scan(text: str, lexicon: store.Lexicon | None = None) -> list[DrugMention]:
    """Drug mentions in ``text`` (offsets into ``text``).

    The text is split once into separators and tokens (``parts``: separator, token, separator,
    ..., separator) and their running lengths give every token's offsets, all from C-level
    calls. Only tokens that are a name or the first word of one are looked at: most tokens
    are neither."""
    lex = lexicon or store.load()
    entries, max_words, firsts = lex.entries, lex.max_words, lex.first_tokens()
    if "\u0130" in text or "\u212a" in text:  # the two characters whose lower case is (or holds) ASCII
        parts = _SPLIT.split(text)
        words = parts[1::2]
        lowered = "\n".join(words).lower().split("\n")  # ASCII tokens: lower() keeps them apart
    else:  # lower() maps every other character to one character, ASCII letters to ASCII letters
        parts = _SPLIT.split(text.lower())
        lowered = parts[1::2]
        words = None
    candidates = list(compress(range(len(lowered)), map(firsts.__contains__, lowered)))
    if not candidates:
        return []
    ends = list(accumulate(map(len, parts)))  # token j spans ends[2j]..ends[2j + 1]
    if words is None:
        words = _Written(text, ends, len(lowered))  # separators compare alike in lower case
    out: list[DrugMention] = []
    n = len(words)
    next_free = 0  # the first token not inside a mention found so far
    for i in candidates:
        if i < next_free:
            continue
        found = _longest_name(parts, lowered, i, entries, max_words)
        if found is None or not _plausible(parts, words, lowered, i, found[1]):
            continue
        k, entry = found
        end_index = i + k - 1
        brand = entry.brand
        if brand is not None and end_index + 1 < n and _is_suffix(parts, words, end_index + 1):
            end_index += 1
            brand = brand + parts[2 * end_index] + words[end_index].upper()
        start, end = ends[2 * i], ends[2 * end_index + 1]
        generics = entry.generics
        out.append(DrugMention(start, end, text[start:end], _generic_name(generics),
                               _classes_for(generics), brand is not None, brand))
        next_free = end_index + 1
    return out


class _Written:
    """Token ``j`` as written, cut from the text on demand (only candidates need it)."""

    __slots__ = ("text", "ends", "n")

    def __init__(self, text: str, ends: list[int], n: int):
        self.text, self.ends, self.n = text, ends, n

    def __getitem__(self, j: int) -> str:
        return self.text[self.ends[2 * j]:self.ends[2 * j + 1]]

    def __len__(self) -> int:
        return self.n


def _longest_name(parts, lowered, i: int, entries, max_words) -> tuple[int, store.Entry] | None:
    """(number of tokens, entry) of the longest lexicon name starting at token ``i``; the words
    of a longer name must be joined by one space or hyphen."""
    most = max_words.get(lowered[i], 1)
    if most > 1:
        run, last = 1, min(most, len(lowered) - i)
        while run < last and parts[2 * (i + run)] in _JOINERS:
            run += 1
        for k in range(run, 1, -1):
            entry = entries.get(" ".join(lowered[i:i + k]))
            if entry is not None:
                return k, entry
    entry = entries.get(lowered[i])
    return (1, entry) if entry is not None else None


def generic_name(generics: tuple[str, ...]) -> str:
    """One display name for a drug's ingredients ("oxycodone and acetaminophen")."""
    if len(generics) <= 2:
        return " and ".join(generics)
    return ", ".join(generics[:-1]) + " and " + generics[-1]


_generic_name = lru_cache(maxsize=4096)(generic_name)
_classes_for = lru_cache(maxsize=4096)(taper.classes_for)


def _is_suffix(parts, words, j: int) -> bool:
    word = words[j]
    return word.lower() in RELEASE_SUFFIXES and not word.islower() and parts[2 * j] in _JOINERS


def _plausible(parts, words, lowered, i: int, entry: store.Entry) -> bool:
    """Guards for brands that double as everyday words or names (flag ``w``), for any brand
    right after a title ("Dr. Burkhart"), and for abbreviations of generics (flag ``k``:
    "APAP", "HCTZ", never "asa" or "Asa")."""
    flags = entry.flags
    if entry.brand is not None and i > 0 and lowered[i - 1] in _TITLES:
        return False  # "Dr. Burkhart", "Ms. Hailey": a person
    if "w" not in flags:
        return "k" not in flags or words[i].isupper()
    if not words[i][:1].isupper():
        return False
    if i + 1 < len(words) and parts[2 * i + 2] == " ":
        following = words[i + 1]
        if following[:1].isupper() and not following.isupper() and following.lower() not in RELEASE_SUFFIXES:
            return store.load().entries.get(lowered[i + 1]) is not None
    return True
