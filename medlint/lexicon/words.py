"""Ordinary English and medical vocabulary: what a misspelled drug name is NOT.

* English: wordfreq's Zipf frequency (a maintained list built from many web and book
  corpora). Web lists also carry drug names and a few common misspellings, so a word counts as
  ordinary English only above a frequency threshold; rarer words get a stricter test in the
  suggester. Importing wordfreq and loading its list takes about 200 ms, so the common words
  (the threshold tests) come from ``medlint/data/english_words.txt``, built from wordfreq by
  ``scripts/build_english_words.py`` and loaded in about 10 ms; wordfreq itself is asked only
  for the exact frequency of the few rare words that resemble a drug name.
* Medical: ``medlint/data/medical_words.txt`` (curated), the FDA pharmacologic class names
  of the lexicon, the taper class words, and words built with clinical suffixes
  ("hematuria", "dyspareunia", "neuropathy").
* Known misspellings: ``rulesets/known_misspellings.yaml``, always reported.
"""
from __future__ import annotations

import re
from functools import lru_cache

from medlint import resources

MEDICAL_FILE = "medical_words.txt"
MISSPELLINGS = "known_misspellings.yaml"
ENGLISH_ZIPF = 2.0  # at or above this a word is ordinary English (drug misspellings score 0-1.7)
NEIGHBOUR_ZIPF = 3.0  # a common word: a typo one edit from it is a typo of English
ENGLISH_FILE = "english_words.txt"
RARE_FILE = "english_rare.bloom"  # Bloom filter of the listed words below ENGLISH_ZIPF
BLOOM_MAGIC = b"MLBLOOM1"
MIN_LISTED = 5  # the shipped list is complete for ASCII words of this many letters and more
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

# Clinical word endings that no drug name has (drug stems end -pril, -olol, -azepam, -mab...).
_MEDICAL_SUFFIX = re.compile(
    r"(?:itis|osis|oses|emia|aemia|uria|algia|algias|ectomy|ectomies|otomy|ostomy|plasty|scopy|"
    r"pathy|pathies|ology|ologist|ologists|ological|ogram|ography|penia|plegia|paresis|rrhea|"
    r"rrhoea|rrhage|trophy|iasis|oma|omas|ectasis|cytosis|spasm|phobia|philia|plasia|"
    r"lepsy|kinesia|tonia|esthesia|aesthesia|somnia|thymia|glycemia|lipidemia|natremia|kalemia)$"
)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English (0 when unknown)."""
    from wordfreq import zipf_frequency  # lazy: loads a large word list on first use

    return zipf_frequency(word, "en")


@lru_cache(maxsize=None)
def _english_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(words with Zipf >= 3, words of 5+ letters with 2 <= Zipf < 3), lower-case ASCII, from
    the shipped list (see :data:`ENGLISH_FILE`)."""
    with open(resources.data_path(ENGLISH_FILE), encoding="utf-8") as handle:
        text = handle.read()
    common, _, listed = text.partition("\n[3]\n")[2].partition("\n[2]\n")
    return frozenset(common.split()), frozenset(listed.split())


@lru_cache(maxsize=None)
def _rare_filter() -> tuple[bytes, int, int]:
    """(bits, number of bits, number of hashes) of the shipped Bloom filter of the rarer words
    wordfreq lists (ASCII, five letters or more, Zipf below :data:`ENGLISH_ZIPF`)."""
    with open(resources.data_path(RARE_FILE), "rb") as handle:
        data = handle.read()
    if data[:8] != BLOOM_MAGIC:
        raise ValueError(f"{RARE_FILE} is not a medlint Bloom filter")
    return data[17:], int.from_bytes(data[8:16], "little"), data[16]


def bloom_positions(word: str, size: int, hashes: int) -> list[int]:
    """The bit positions of ``word`` in a Bloom filter of ``size`` bits (double hashing over
    BLAKE2b; also used by ``scripts/build_english_words.py``)."""
    try:
        from _blake2 import blake2b  # lazy, and without hashlib's OpenSSL start-up (6 ms)
    except ImportError:  # pragma: no cover - CPython always has it
        from hashlib import blake2b
    digest = blake2b(word.encode("utf-8"), digest_size=16).digest()
    first, step = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1
    return [(first + i * step) % size for i in range(hashes)]


def _maybe_rare(low: str) -> bool:
    bits, size, hashes = _rare_filter()
    return all(bits[p >> 3] >> (p & 7) & 1 for p in bloom_positions(low, size, hashes))


def frequency(word: str) -> float:
    """:func:`zipf`, without wordfreq for a plain ASCII word of five letters or more that the
    shipped data shows wordfreq does not list at all (then 0.0): most misspelled drug names.
    Every other word, and a Bloom-filter false positive, asks wordfreq, so the value is exact."""
    low = word.lower()
    if _plain_ascii(low) and len(low) >= MIN_LISTED:
        common, listed = _english_lists()
        if low not in common and low not in listed and not _maybe_rare(low):
            return 0.0
    return zipf(low)


def _plain_ascii(low: str) -> bool:
    return low.isascii() and low.isalpha() and low.islower()


def _edits(low: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from ``low``."""
    splits = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    edits.discard(low)
    return edits


def english_neighbour(word: str, exclude=()) -> str | None:
    """A common English word (Zipf >= 3) one edit away from ``word`` ("prevenst" -> "prevents"),
    ignoring words in ``exclude`` (drug names, which web word lists also contain)."""
    best = None
    for candidate in _edits(word.lower()):
        if candidate in exclude:
            continue
        freq = zipf(candidate)
        if freq >= NEIGHBOUR_ZIPF and (best is None or freq > best[0]):
            best = (freq, candidate)
    return best[1] if best else None


def has_english_neighbour(word: str, exclude=()) -> bool:
    """Whether :func:`english_neighbour` finds a word, answered from the shipped list for
    plain ASCII words (no wordfreq needed)."""
    low = word.lower()
    if not _plain_ascii(low):
        return english_neighbour(low, exclude) is not None
    common = _english_lists()[0]
    return any(c in common and c not in exclude for c in _edits(low))


def is_english(word: str) -> bool:
    """An ordinary English word (or name) at least as frequent as :data:`ENGLISH_ZIPF`.

    Plain ASCII words are answered from the shipped list (complete for five letters and more);
    only others ask wordfreq."""
    low = word.lower()
    if _plain_ascii(low):
        common, listed = _english_lists()
        if low in common or low in listed:
            return True
        if len(low) >= MIN_LISTED:
            return False
    return zipf(low) >= ENGLISH_ZIPF


@lru_cache(maxsize=None)
def medical_vocabulary() -> frozenset[str]:
    """Curated clinical words plus the words of the FDA class names and taper class terms."""
    from medlint.lexicon import store, taper  # lazy: only when the vocabulary is first needed

    words: set[str] = set()
    with open(resources.data_path(MEDICAL_FILE), encoding="utf-8") as handle:
        for line in handle:
            word = line.split("#", 1)[0].strip().lower()
            if word:
                words.add(word)
    for name in store.load().class_names:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", name))
    for cls in taper.load().values():
        for term in cls.terms:
            words.update(term.split())
    return frozenset(words)


def is_medical(word: str) -> bool:
    """A clinical term that is not a drug name ("dyspareunia", "neuropathic", "SSRIs")."""
    low = word.lower()
    if _MEDICAL_SUFFIX.search(low):
        return True
    vocabulary = medical_vocabulary()
    return low in vocabulary or (low.endswith("s") and low[:-1] in vocabulary)


@lru_cache(maxsize=None)
def known_misspellings() -> dict[str, str]:
    """Misspelling -> intended canonical generic, from the shipped YAML."""

    data = resources.load_ruleset_yaml(MISSPELLINGS)
    return {str(k).lower(): str(v["drug"]) for k, v in (data.get("misspellings") or {}).items()}
