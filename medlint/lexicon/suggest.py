"""Spelling suggestions for a word that may be a misspelled drug name.

Candidates come from two places:

* well-known drug names (single-word generics and brands of U.S. prescription products, not
  brands that double as everyday words) within a length-aware Damerau-Levenshtein distance
  (1 up to 7 letters, 2 up to 11, 3 beyond), found through buckets of names sharing the first
  letter or the last three letters;
* the drugs the article itself names (their generic and every brand of it), which may be
  further away in spelling but close in sound ("clonapine" ~ Klonopin, metaphone KLNPN) or
  share a long beginning ("lorazapine" ~ lorazepam, Jaro-Winkler 0.91).

They are ranked by a similarity that mixes normalized edit distance, Jaro-Winkler (which
rewards a shared beginning) and phonetic agreement (metaphone, NYSIIS), and a drug named in
the article comes before any other: a writer who misspells a word in an article about
clonazepam means clonazepam, not clozapine.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from medlint.lexicon import store, words

_ARTICLE_BONUS = 0.25
_ALIAS_PENALTY = 0.02  # another name of a generic (salt form, former British name) ranks below it
_ARTICLE_JARO = 0.9  # a word this close (Jaro-Winkler) to a drug the article names is evidence


@dataclass(frozen=True)
class Suggestion:
    text: str          # what to write instead ("sertraline", "Xanax")
    generic: str       # the drug it names
    distance: int      # edit distance from the word to ``text``'s closest name
    score: float
    in_article: bool   # the article names this drug elsewhere


def max_distance(word: str) -> int:
    """Largest edit distance at which ``word`` may still be a misspelling of a name."""
    n = len(word)
    return 1 if n <= 7 else 2 if n <= 11 else 3


def similarity(word: str, name: str) -> float:
    """0..1.1: normalized edit distance and Jaro-Winkler, plus a bonus when they sound alike."""
    from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler  # lazy: C extension, rule-only

    d = DamerauLevenshtein.distance(word, name)
    score = 0.5 * (1 - d / max(len(word), len(name))) + 0.5 * JaroWinkler.similarity(word, name)
    return score + (0.1 if sounds_alike(word, name) else 0.0)


@lru_cache(maxsize=8192)
def _phonetic(word: str) -> tuple[str, str]:
    import jellyfish  # lazy: phonetic codes only for candidate words

    return jellyfish.metaphone(word), jellyfish.nysiis(word)


def sounds_alike(a: str, b: str) -> bool:
    pa, pb = _phonetic(a), _phonetic(b)
    return pa[0] == pb[0] or pa[1] == pb[1]


class Targets:
    """Well-known single-word drug names, bucketed by first letter or last three letters and
    by length, so a word is compared only with names that could be within reach."""

    def __init__(self, lexicon: store.Lexicon):
        self.entries: dict[str, store.Entry] = {}
        self.buckets: dict[tuple[str, int], list[str]] = {}
        for key, entry in lexicon.entries.items():
            if (" " in key or len(key) < 5 or not key.isalpha() or "r" not in entry.flags
                    or "w" in entry.flags or not entry.marketed):
                continue
            self.entries[key] = entry
            self.buckets.setdefault((key[0], len(key)), []).append(key)
            self.buckets.setdefault((key[-3:], len(key)), []).append(key)

    @lru_cache(maxsize=16384)
    def near(self, word: str, limit: int) -> tuple[tuple[str, int], ...]:
        """Names within ``limit`` edits of ``word`` (lower case), closest first."""
        from rapidfuzz import process  # lazy: C extension, rule-only
        from rapidfuzz.distance import OSA  # Damerau-Levenshtein without re-edits: fast, bit-parallel

        found: dict[str, int] = {}
        pool = [name for size in range(len(word) - limit, len(word) + limit + 1)
                for key in ((word[0], size), (word[-3:], size)) for name in self.buckets.get(key, ())]
        for name, dist, _ in process.extract(word, pool, scorer=OSA.distance, score_cutoff=limit, limit=None):
            found[name] = int(dist)
        return tuple(sorted(found.items(), key=lambda item: (item[1], item[0])))


@lru_cache(maxsize=None)
def targets() -> Targets:
    return Targets(store.load())


@lru_cache(maxsize=65536)
def plainly_not_a_drug(low: str) -> bool:
    """True for a lower-case word that cannot be a misspelled drug name in any article: a known
    name (or the plural of one: "opioids", "statins"), a medical term, or ordinary English.

    Most words of a draft are such words, and they repeat from draft to draft, so the answer
    is cached for the process and the distance search runs only for the rest."""
    lex = store.load()
    if low in lex.entries or low in lex.name_heads() or words.is_medical(low):
        return True
    if low.endswith("s") and not low.endswith("ss") and (low[:-1] in lex.entries or low[:-2] in lex.entries):
        return True  # "opioids", "statins" (not "eliquiss": a name ending in s takes no plural s)
    return words.is_english(low)


@lru_cache(maxsize=8192)
def english_typo(low: str) -> bool:
    """One edit from a common English word that is not a drug name ("prevenst" ~ prevents)."""
    return words.has_english_neighbour(low, store.load().entries)


class ArticleNames(dict):
    """Lower-case name -> generic for the drugs an article names (a dict), with the lists a
    whole-list distance search needs, made once per article instead of once per word."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = list(self)
        self.generics = list(self.values())
        self.generic_set = frozenset(self.generics)
        self.primed: dict[str, tuple[dict[int, int], set[int]]] = {}

    def prime(self, words: list[str]) -> None:
        """Compare every word with every name in two C calls (OSA distance, Jaro-Winkler) and
        keep, per word, the names within reach of :func:`_article_candidates`, so that a
        document's unknown words are not compared one call at a time."""
        if not self.names or not words:
            return
        import numpy  # lazy: the matrices of rapidfuzz.process.cdist (numpy is loaded with spaCy)
        from rapidfuzz import process  # lazy: C extension, rule-only
        from rapidfuzz.distance import OSA, JaroWinkler

        reach = numpy.array([max_distance(w) + 2 for w in words])[:, None]
        dist = process.cdist(words, self.names, scorer=OSA.distance, score_cutoff=int(reach.max()))
        near = {w: {} for w in words}
        for r, c in zip(*numpy.nonzero(dist <= reach)):
            near[words[r]][int(c)] = int(dist[r, c])
        jaro = {w: set() for w in words}
        sim = process.cdist(words, self.names, scorer=JaroWinkler.similarity, score_cutoff=_ARTICLE_JARO)
        for r, c in zip(*numpy.nonzero(sim >= _ARTICLE_JARO)):
            jaro[words[r]].add(int(c))
        self.primed.update((w, (near[w], jaro[w])) for w in words)


def _as_article_names(in_article: dict[str, str]) -> ArticleNames:
    return in_article if isinstance(in_article, ArticleNames) else ArticleNames(in_article)


def article_names(generics: Iterable[str], brands: Iterable[str] = ()) -> ArticleNames:
    """Lower-case name -> generic for the drugs an article names: each generic, the brands the
    article uses and every single-ingredient brand of those generics."""
    lex = store.load()
    names: dict[str, str] = {}
    for generic in generics:
        names.setdefault(generic, generic)
        for brand in lex.brands_of(generic):
            names.setdefault(brand.lower(), generic)
    for brand in brands:
        entry = lex.lookup(brand)
        if entry is not None and entry.generics:
            names.setdefault(brand.lower(), entry.generics[0])
    return ArticleNames({n: g for n, g in names.items() if " " not in n})


def suggest(word: str, in_article: dict[str, str], *, frequency: float = 0.0,
            limit: int = 3) -> list[Suggestion]:
    """Ranked suggestions for ``word``, or [] when it is not close enough to any drug name.

    ``in_article`` maps the article's drug names to their generics (see :func:`article_names`).
    ``frequency`` is the word's Zipf frequency: a word that some word list knows (1 to 2) is a
    misspelling only one edit away from a name far more frequent than itself ("asprin").
    """
    low = word.lower()
    limit_d = max_distance(low) if frequency <= 0 else 1
    lex = store.load()
    best: dict[str, tuple[float, str, int, bool]] = {}  # generic -> (score, name, distance, in article)

    def offer(name: str, generic: str, dist: int, article: bool) -> None:
        score = similarity(low, name) + (_ARTICLE_BONUS if article else 0.0)
        entry = lex.entries.get(name)
        score += 0.01 * math.log10((entry.weight if entry else 0) + 1)
        if entry is not None and entry.brand is None and entry.generics != (name,):
            score -= _ALIAS_PENALTY  # an equally close canonical name first ("amoxicillin", not "amoxycillin")
        if generic not in best or score > best[generic][0]:
            best[generic] = (score, name, dist, article)

    article = _as_article_names(in_article)
    evidence = False
    for name, generic, dist, close in _article_candidates(low, article, limit_d, frequency):
        if close or (frequency <= 0 and dist <= limit_d + 2 and sounds_alike(low, name)):
            evidence = evidence or close
            offer(name, generic, dist, True)
    for name, dist in targets().near(low, limit_d):
        if frequency > 0 and words.zipf(name) < frequency + 1.0:
            continue
        evidence = True
        entry = targets().entries[name]
        generic = entry.generics[0]
        offer(name, generic, dist, generic in article.generic_set)
    if not evidence:
        return []
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[:limit]
    return [Suggestion(_display(low, generic, name, dist, limit_d, lex), generic, dist, score, article)
            for generic, (score, name, dist, article) in ranked]


def _article_candidates(low: str, article: ArticleNames, limit_d: int, frequency: float):
    """``(name, generic, distance, close)`` for the article's names that are within
    ``limit_d + 2`` edits (OSA: Damerau-Levenshtein without re-edits, as for the well-known
    names) of ``low`` or, for an unlisted word of seven letters or more, within Jaro-Winkler
    reach; in the article's order. The distances come from :meth:`ArticleNames.prime`, for
    all of a document's unknown words at once."""
    from rapidfuzz.distance import OSA  # lazy: C extension, rule-only

    names = article.names
    if not names:
        return []
    if low not in article.primed:
        article.prime([low])
    primed_near, primed_jaro = article.primed[low]
    near = {i: d for i, d in primed_near.items() if d <= limit_d + 2}
    jaro = primed_jaro if frequency <= 0 and len(low) >= 7 else set()
    out = []
    for i in sorted(near.keys() | jaro):
        dist = near[i] if i in near else OSA.distance(low, names[i])
        out.append((names[i], article.generics[i], dist, dist <= limit_d or i in jaro))
    return out


def _display(low: str, generic: str, name: str, dist: int, limit_d: int, lex: store.Lexicon) -> str:
    """The closest name when it is close enough (within reach, or one slip beyond it with the
    same beginning and shape: "xeralto" -> Xarelto), else the generic ("clonapine" ->
    clonazepam, whose brand Klonopin is three slips away)."""
    chosen = name if dist <= limit_d or (dist == limit_d + 1 and _same_shape(low, name)) else generic
    entry = lex.entries.get(chosen)
    if entry is not None and entry.brand:
        return entry.brand
    return chosen


def _same_shape(low: str, name: str) -> bool:
    """Same first letter and length, and Jaro-Winkler at least :data:`_ARTICLE_JARO` (vowels
    swapped or misplaced: "xeralto" / "xarelto")."""
    from rapidfuzz.distance import JaroWinkler  # lazy: C extension, rule-only

    return (low[:1] == name[:1] and len(low) == len(name)
            and JaroWinkler.similarity(low, name) >= _ARTICLE_JARO)
