"""The object side of an efficacy claim: the words after a predicate, the conditions or
symptoms among them, and the other ways a sentence ties a treatment to an outcome (a treated
population, a treatment after the outcome, a comparison with another treatment).

Split from :mod:`medlint.analysis.claim_parts` (the predicate and its subject), which it
shares tokens with.
"""
from __future__ import annotations

from medlint.analysis.claim_lexicon import Lexicon
from medlint.analysis.claim_parts import BE, BOUNDARY, DET_PREP, OBJECT_STOPS, TAKING, Tok


def population_taking(segment: list[Tok], lex: Lexicon) -> bool:
    """"Most people taking X", "patients on X": a treated population as the subject."""
    words = [t.low for t in segment]
    return any(w in lex.population for w in words) and any(w in TAKING for w in words) \
        and any(t.drug or t.low in lex.treatments for t in segment)


def treatment_after(toks: list[Tok], start: int, lex: Lexicon) -> bool:
    """"... feel better with X", "... within weeks of starting X": the treatment follows."""
    end = object_span(toks, start)[1]
    for p in range(start, end):
        t = toks[p]
        if (t.drug or t.low in lex.treatments) and any(
                toks[q].low in _LINKS for q in range(max(start, p - 3), p)):
            return True
    return False


_LINKS = frozenset("with on after of starting taking using".split())


def compared_with_treatment(toks: list[Tok], first: int, lex: Lexicon) -> bool:
    """"Light boxes work better than St John's wort for ...": a subject compared with a
    treatment ("than X", "as well as X") is itself put forward as one."""
    end = min(len(toks), first + 10)
    for p in range(first, end):
        if toks[p].low in OBJECT_STOPS:
            return False
        if toks[p].low in ("than", "as") and p > first and toks[p - 1].low in _COMPARATIVES \
                and any(t.drug or t.low in lex.treatments for t in toks[p + 1:p + 5]):
            return True
    return False


def population_object(toks: list[Tok], start: int, lex: Lexicon) -> bool:
    """"... works for most people", "... works even for patients who ...": the object is a
    population (a quantifier or a determiner may come first)."""
    p = start
    while p < len(toks) and p - start < 3 and (toks[p].low in DET_PREP or toks[p].low in _QUANTIFIERS):
        p += 1
    return p < len(toks) and toks[p].low in lex.population and toks[p].low not in ("you", "anyone", "someone")


_QUANTIFIERS = frozenset("most many all almost nearly half both".split())


_COMPARATIVES = frozenset("better faster quicker sooner more well effective good as".split())


def condition_after(toks: list[Tok], start: int, lex: Lexicon, window: int = 12,
                    *, modifier_check: bool = True) -> str | None:
    """The first condition or symptom word in the object words from token ``start``."""
    found = conditions_after(toks, start, lex, window, modifier_check=modifier_check)
    return found[0] if found else None


def conditions_after(toks: list[Tok], start: int, lex: Lexicon, window: int = 12,
                     *, modifier_check: bool = True) -> list[str]:
    """Every condition or symptom in the object words from token ``start`` (to the clause end)."""
    end = object_span(toks, start, window)[1]
    found: list[str] = []
    p = start
    multiword = lex.multiword_conditions
    # words that open a phrase read below (the other words can only be conditions themselves)
    openers = lex.derived("condition_openers", lambda: frozenset(lex.multiword_conditions).union(
        lex.condition_adjectives, lex.population, lex.functions, lex.measures))
    conditions, exceptions, suffixes = lex.conditions, lex.suffix_exceptions, lex.condition_suffixes
    while p < end:
        low = toks[p].low
        if low in openers:
            phrases = multiword.get(low)
            phrase = next((ph for ph in phrases if tuple(t.low for t in toks[p:p + len(ph)]) == ph),
                          None) if phrases else None
            if phrase:
                found.append(" ".join(phrase))
                p += len(phrase)
                continue
            if low in lex.condition_adjectives and p + 1 < end and _noun_like(toks[p + 1].low, lex) \
                    and toks[p + 1].low not in lex.modifier_heads \
                    and (p + 2 >= end or toks[p + 2].low not in lex.modifier_heads):  # not "overactive nerve cells"
                found.append(low + " " + toks[p + 1].low)  # "an enlarged prostate", "swollen ankles"
                p += 2
                continue
            if low in lex.population and p + 2 < end and toks[p + 1].low == "with":
                # "the best choice for people with (a) mechanical heart valve": what they have is a condition
                q = p + 3 if toks[p + 2].low in ("a", "an", "the", "some") else p + 2
                if q < end and _noun_like(toks[q].low, lex):
                    found.append(" ".join(t.low for t in toks[p:min(end, q + 3)]))
                    p = q + 1
                    continue
            if low in lex.measures and p + 1 < end and toks[p + 1].low == "of":
                # "the number of (night-time) toilet trips": counted episodes are symptoms
                episode = next((q for q in range(p + 2, min(end, p + 6)) if toks[q].low in lex.episodes), None)
                if episode is not None:
                    found.append(" ".join(t.low for t in toks[p:episode + 1]))
                    p = episode + 1
                    continue
            if low in lex.functions and p + 1 < end and toks[p + 1].low in lex.trouble_nouns:
                found.append(low + " " + toks[p + 1].low)  # "sleep problems", "mood swings": a condition
                p += 2
                continue
        # lex.is_condition_word(low), inline (the word is lower case already)
        if low in conditions or (len(low) >= 6 and low not in exceptions and low.endswith(suffixes)) \
                or ("-" in low and lex.is_condition_word(low.rsplit("-", 1)[-1])):
            nxt = toks[p + 1].low if p + 1 < end else ""
            if not (modifier_check and nxt in lex.modifier_heads):
                found.append(low)
        p += 1
    return found


def _noun_like(word: str, lex: Lexicon) -> bool:
    return word.isalpha() and word not in DET_PREP and word not in BOUNDARY and word not in lex.modals \
        and word not in BE and word not in lex.adverbs


def object_span(toks: list[Tok], start: int, window: int = 12) -> tuple[int, int]:
    end = start
    while end < len(toks) and end - start < window and toks[end].low not in OBJECT_STOPS:
        end += 1
    # "so" before a degree word is an adverb ("helped me so much with"), not "so" = therefore
    if end < len(toks) - 1 and end - start < window and toks[end].low == "so" \
            and toks[end + 1].low in _SO_DEGREE:
        return start, object_span(toks, end + 1, window - (end + 1 - start))[1]
    return start, end


_SO_DEGREE = frozenset("much many well far little quickly fast greatly effectively often badly".split())
