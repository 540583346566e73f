"""Drug mentions: dictionary lookup of generic and brand names over the prose.

The prose is split into alphanumeric tokens once; at each token the longest lexicon name that
starts there wins ("Abilify Maintena" before "Abilify"), where the words of a multi-word name
may be separated by one space or hyphen ("Toprol-XL", "Z-Pak"). Matching is case-insensitive,
with three guards against everyday words:

* a brand that is also an ordinary word or first name ("Soma", "Versed", "Camila") counts only
  when written with a capital, and not when it reads as part of a person's name ("Dr. Camila
  Ortiz");
* a brand may carry a release suffix written after it ("Xanax XR", "Toprol-XL", "Ambien CR"),
  which becomes part of the mention and of its brand spelling;
* URLs, code and markup never reach the prose, so nothing inside them is matched.
"""
from __future__ import annotations

from medlint.analysis.types import DrugMention
from medlint.lexicon import store, taper
from medlint.lexicon.normalize import RELEASE_SUFFIXES, TOKEN

_JOINERS = frozenset({" ", "-", "\u00a0", "\u2011"})
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "nurse"})


def find_drugs(document) -> list[DrugMention]:
    """Every drug mention in ``document.prose``, in order."""
    return scan(document.prose)


def scan(text: str, lexicon: store.Lexicon | None = None) -> list[DrugMention]:
    """Drug mentions in ``text`` (offsets into ``text``)."""
    lex = lexicon or store.load()
    entries, max_words = lex.entries, lex.max_words
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    lowered = [t[2].lower() for t in tokens]
    out: list[DrugMention] = []
    i, n = 0, len(tokens)
    while i < n:
        width = min(max_words.get(lowered[i], 1), n - i)
        found = None
        for k in range(width, 0, -1):
            if k > 1 and not _joined(text, tokens, i, k):
                continue
            key = lowered[i] if k == 1 else " ".join(lowered[i:i + k])
            entry = entries.get(key)
            if entry is not None:
                found = (k, entry)
                break
        if found is None or not _plausible(text, tokens, lowered, i, found[1]):
            i += 1
            continue
        k, entry = found
        end_index = i + k - 1
        brand = entry.brand
        if brand is not None and end_index + 1 < n and _is_suffix(text, tokens, end_index + 1):
            end_index += 1
            suffix = tokens[end_index][2]
            brand = brand + text[tokens[end_index - 1][1]:tokens[end_index][0]] + suffix.upper()
        start, end = tokens[i][0], tokens[end_index][1]
        out.append(DrugMention(start, end, text[start:end], generic_name(entry.generics),
                               taper.classes_for(entry.generics), brand is not None, brand))
        i = end_index + 1
    return out


def generic_name(generics: tuple[str, ...]) -> str:
    """One display name for a drug's ingredients ("oxycodone and acetaminophen")."""
    if len(generics) <= 2:
        return " and ".join(generics)
    return ", ".join(generics[:-1]) + " and " + generics[-1]


def _joined(text: str, tokens, i: int, k: int) -> bool:
    return all(text[tokens[j][1]:tokens[j + 1][0]] in _JOINERS for j in range(i, i + k - 1))


def _is_suffix(text: str, tokens, j: int) -> bool:
    word = tokens[j][2]
    return (word.lower() in RELEASE_SUFFIXES and not word.islower()
            and text[tokens[j - 1][1]:tokens[j][0]] in _JOINERS)


def _plausible(text: str, tokens, lowered, i: int, entry: store.Entry) -> bool:
    """Guards for brands that double as everyday words or names (flag ``w``)."""
    if "w" not in entry.flags:
        return True
    word = tokens[i][2]
    if not word[:1].isupper():
        return False
    if i > 0 and lowered[i - 1] in _HONORIFICS:
        return False
    if i + 1 < len(tokens) and text[tokens[i][1]:tokens[i + 1][0]] == " ":
        following = tokens[i + 1][2]
        if following[:1].isupper() and not following.isupper() and following.lower() not in RELEASE_SUFFIXES:
            return store.load().entries.get(lowered[i + 1]) is not None
    return True
