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

from medlint.analysis.types import DrugMention
from medlint.lexicon import store, taper
from medlint.lexicon.normalize import RELEASE_SUFFIXES, TOKEN

_JOINERS = frozenset({" ", "-", "\u00a0", "\u2011"})
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "nurse"})


def find_drugs(document) -> list[DrugMention]:
    """Every drug mention in ``document.prose``, in order."""
    return scan(document.prose)


def scan(text: str, lexicon: store.Lexicon | None = None) -> list[DrugMention]:
    """Drug mentions in ``text`` (offsets into ``text``).

    Only tokens that are a name or the first word of one are looked at: most tokens are
    neither, and the tokens, their matches and their lower-case forms come from C-level calls."""
    lex = lexicon or store.load()
    entries, max_words, firsts = lex.entries, lex.max_words, lex.first_tokens()
    matches = list(TOKEN.finditer(text))  # one match object a token (no Python call per token)
    words = TOKEN.findall(text)
    lowered = "\n".join(words).lower().split("\n") if words else []  # ASCII tokens: lower() keeps them apart
    out: list[DrugMention] = []
    n = len(matches)
    next_free = 0  # the first token not inside a mention found so far
    for i in [j for j, w in enumerate(lowered) if w in firsts]:
        if i < next_free:
            continue
        found = _longest_name(text, matches, lowered, i, entries, max_words)
        if found is None or not _plausible(text, matches, words, lowered, i, found[1]):
            continue
        k, entry = found
        end_index = i + k - 1
        brand = entry.brand
        if brand is not None and end_index + 1 < n and _is_suffix(text, matches, words, end_index + 1):
            end_index += 1
            brand = brand + text[matches[end_index - 1].end():matches[end_index].start()] + words[end_index].upper()
        start, end = matches[i].start(), matches[end_index].end()
        out.append(DrugMention(start, end, text[start:end], generic_name(entry.generics),
                               taper.classes_for(entry.generics), brand is not None, brand))
        next_free = end_index + 1
    return out


def _longest_name(text: str, matches, lowered, i: int, entries, max_words) -> tuple[int, store.Entry] | None:
    """(number of tokens, entry) of the longest lexicon name starting at token ``i``."""
    for k in range(min(max_words.get(lowered[i], 1), len(lowered) - i), 0, -1):
        if k > 1 and not _joined(text, matches, i, k):
            continue
        entry = entries.get(lowered[i] if k == 1 else " ".join(lowered[i:i + k]))
        if entry is not None:
            return k, entry
    return None


def generic_name(generics: tuple[str, ...]) -> str:
    """One display name for a drug's ingredients ("oxycodone and acetaminophen")."""
    if len(generics) <= 2:
        return " and ".join(generics)
    return ", ".join(generics[:-1]) + " and " + generics[-1]


def _joined(text: str, matches, i: int, k: int) -> bool:
    return all(text[matches[j].end():matches[j + 1].start()] in _JOINERS for j in range(i, i + k - 1))


def _is_suffix(text: str, matches, words, j: int) -> bool:
    word = words[j]
    return (word.lower() in RELEASE_SUFFIXES and not word.islower()
            and text[matches[j - 1].end():matches[j].start()] in _JOINERS)


def _plausible(text: str, matches, words, lowered, i: int, entry: store.Entry) -> bool:
    """Guards for brands that double as everyday words or names (flag ``w``) and for
    abbreviations of generics (flag ``k``: "APAP", "HCTZ", never "asa" or "Asa")."""
    flags = entry.flags
    if "w" not in flags:
        return "k" not in flags or words[i].isupper()
    word = words[i]
    if not word[:1].isupper():
        return False
    if i > 0 and lowered[i - 1] in _HONORIFICS:
        return False
    if i + 1 < len(matches) and text[matches[i].end():matches[i + 1].start()] == " ":
        following = words[i + 1]
        if following[:1].isupper() and not following.isupper() and following.lower() not in RELEASE_SUFFIXES:
            return store.load().entries.get(lowered[i + 1]) is not None
    return True
