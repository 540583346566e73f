"""The parts of an efficacy claim inside one sentence: predicates, their subject and object.

Shallow, rule-based clause reading over word tokens (no parser): a *predicate* is an efficacy
verb in a finite form ("reduces", "can ease", "has been shown to lower") or a multiword
predicate ("provides relief from", "is effective for", "works better than"); its *subject* is
the words back to the clause boundary (or, for "that/which", the noun the relative pronoun
refers to); its *object* is the words after it up to the clause end. A claim needs a
treatment subject and a condition or symptom object.
"""
from __future__ import annotations

import bisect
from typing import NamedTuple

from medlint.analysis.claim_lexicon import WORD, Lexicon
from medlint.analysis.word_matching import plain

DET_PREP = frozenset(
    "a an the of for with from in on by at as into these those this your my our their its his her "
    "some many any no every each than about after before without against".split())
BE = frozenset("is are was were be been being am get gets got become becomes".split())
PERFECT = frozenset("has have had".split())
VERB_GROUP_EXTRA = frozenset("to not never has have had been be is are was were being help helps helped".split())
BOUNDARY = frozenset(
    ", ; : \u2014 \u2013 but however although though whereas while because since so if unless when "
    "and or that which who whom whose where than".split())
RELATIVE = frozenset(("that", "which", "who"))
HARD_BOUNDARY = BOUNDARY - frozenset(("and", "or", ","))
OBJECT_STOPS = frozenset(
    ". ; : , ? ! but although though because while whereas so if unless which who when".split())
GENERIC = frozenset("other some certain many several any all various".split())
GERUND_STOP = frozenset(
    "during according nothing something anything everything morning evening being regarding "
    "following concerning depending including bring thing king spring string ring sibling "
    "wedding pudding ceiling".split())
_ING_AFTER = frozenset("report reports reported start starts started begin begins began keep keeps kept".split())
TAKING = frozenset("taking on using given treated receiving take took use used starting started after "
                   "finish finishes finished complete completes completed attend attended".split())

# Core words of multiword predicates: negation and hedging are judged at these words.
_ANCHORS = ("effective", "efficacious", "helpful", "beneficial", "useful", "relief", "cure",
            "remedy", "antidote", "fix", "work", "works", "worked", "benefit", "benefits")


class Tok(NamedTuple):
    """A word (or punctuation mark) of a sentence, lower-cased, at prose offsets."""

    start: int
    end: int
    low: str
    drug: bool = False


class Predicate(NamedTuple):
    """An efficacy predicate of a sentence (a NamedTuple: built for every candidate verb)."""

    kind: str        # "verb" or a phrase name from the lexicon ("relief", "works", ...)
    start: int
    end: int
    anchor: int      # offset of the core word, where context is judged
    first: int       # index of the first token
    last: int        # index of the last token
    text: str


def tokens(text: str, offset: int, drug_spans: list[tuple[int, int]]) -> list[Tok]:
    """The words of ``text`` at prose offsets; ``drug`` marks a word inside a drug or
    treatment span (``drug_spans``: prose offsets)."""
    new = tuple.__new__  # Tok(...) without the NamedTuple constructor's extra call (hot path)
    out = [new(Tok, (m.start() + offset, m.end() + offset, m.group().lower(), False)) for m in WORD.finditer(text)]
    if drug_spans:
        starts = [t.start for t in out]
        for a, b in drug_spans:
            i = max(0, bisect.bisect_right(starts, a) - 1)
            while i < len(out) and out[i].start < b:
                if out[i].end > a:
                    out[i] = new(Tok, (out[i].start, out[i].end, out[i].low, True))
                i += 1
    return out


def index_at(toks: list[Tok], position: int) -> int:
    for i, t in enumerate(toks):
        if t.end > position:
            return i
    return len(toks) - 1


def predicates(text: str, offset: int, toks: list[Tok], lex: Lexicon,
               words: frozenset[str] | set[str] | None = None) -> list[Predicate]:
    """Every efficacy predicate of the sentence ``text`` (``words``: its lower-case words)."""
    found: list[Predicate] = []
    if words is None:
        words = {t.low for t in toks}
    new = tuple.__new__  # Predicate(...) without the NamedTuple constructor's extra call
    verb_forms_of = lex.verb_forms_of
    for i, t in enumerate(toks):
        forms = verb_forms_of.get(t.low)
        if forms and form_ok(toks, i, forms, lex):
            found.append(new(Predicate, ("verb", t.start, t.end, t.start, i, i, t.low)))
    phrase_keywords, phrase_requires = lex.phrase_keywords, lex.phrase_requires
    for name, regex in lex.phrases.items():
        if name == "works_tail" or words.isdisjoint(phrase_keywords[name]):
            continue
        required = phrase_requires[name]
        if required and words.isdisjoint(required):
            continue
        for m in regex.finditer(text):
            start, end = m.start() + offset, m.end() + offset
            first, last = index_at(toks, start), index_at(toks, end - 1)
            if name in ("relief", "outcome", "effective", "effective_bare") and not form_ok(toks, first, None, lex) \
                    and not (name == "outcome" and toks[first].low in _LIKELIHOOD):
                continue  # ("more likely to stay sober" follows a copula: no finite verb of its own)
            found.append(new(Predicate, (name, start, end, _anchor(toks, first, last), first, last, m.group())))
    # ``words`` (from the lower-cased text) are the tokens' words when the text is plain
    if not words.isdisjoint(_WORK) or not plain(text):
        tail = lex.phrases["works_tail"]
        for i, t in enumerate(toks):
            if t.low in _WORK:
                m = tail.match(text, t.end - offset)
                if m and form_ok(toks, i, {"base"} if t.low == "work" else {"s"}, lex):
                    last = index_at(toks, m.end() + offset - 1)
                    found.append(new(Predicate, ("works", t.start, m.end() + offset, t.start, i, last,
                                                 text[t.start - offset:m.end()])))
    return sorted(found, key=_predicate_order)


def _predicate_order(p: Predicate) -> tuple[int, int]:
    return p.start, -p.end


_WORK = frozenset(("work", "works", "worked"))
_LIKELIHOOD = frozenset(("more", "less", "much", "far"))


def _anchor(toks: list[Tok], first: int, last: int) -> int:
    for t in toks[first:last + 1]:
        if t.low in _ANCHORS:
            return t.start
    return toks[first].start


def _previous(toks: list[Tok], i: int, skip: frozenset[str]) -> int:
    j = i - 1
    while j >= 0 and toks[j].low in skip:
        j -= 1
    return j


def form_ok(toks: list[Tok], i: int, forms, lex: Lexicon) -> bool:
    """Whether the verb at ``i`` is used as a finite predicate (not a noun or an adjective,
    not a purpose or use infinitive such as "used to treat")."""
    word = toks[i].low
    if forms is None:  # first word of a multiword predicate: accept finite-looking forms
        if word in _ADJECTIVAL and _after_copula(toks, i, lex):
            return True  # "it's as effective as", "is highly effective for"
        forms = set(lex.verb_forms_of.get(word, ())) or ({"s"} if word.endswith("s") else {"base", "ed"})
    j = _previous(toks, i, lex.adverbs)
    prev = toks[j] if j >= 0 else None
    if word.endswith("ing") and prev is not None and prev.low in _ING_AFTER:
        return True  # "patients report feeling calmer", "start feeling better"
    if "s" in forms and (prev is None or prev.low not in DET_PREP):
        return True
    if "ed" in forms and (prev is None or prev.low in PERFECT
                          or (prev.low not in DET_PREP and prev.low not in BE)):
        return True
    if "base" in forms and prev is not None:
        low = prev.low
        if low in lex.modals or low in ("help", "helps", "helped", "they", "both", "together"):
            return True
        if low in ("and", "or"):
            return _governed_by_modal(toks, j, lex)  # "can shift the clock and ease jet lag"
        if low == "to":
            k = _previous(toks, j, lex.adverbs)
            return k >= 0 and toks[k].low in lex.evidential
        if prev.drug or low in lex.treatments or _plural(low):
            return True
        if low not in DET_PREP and low not in BE and low not in lex.modals:
            # "steroid injections into the spine cure sciatica": a plural head further back
            k = j
            while k >= 0 and j - k < 6 and toks[k].low not in BOUNDARY:
                if _plural(toks[k].low) or toks[k].drug:
                    return True
                k -= 1
    return False


def _after_copula(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    k = _previous(toks, i, lex.derived("degree_skip", lambda: lex.adverbs | _DEGREE))
    if k < 0:
        return False
    low = toks[k].low
    return low in BE or low in _COPULAS or low in _PRONOUN_COPULAS


def _governed_by_modal(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """Whether the verb after "and"/"or" at ``j`` shares a modal or an evidential "to" with
    the verb before it, in the same clause ("may shift X and ease Y", "shown to lower X and
    prevent Y")."""
    k = j - 1
    while k >= 0 and j - k <= 12 and toks[k].low not in HARD_BOUNDARY and toks[k].low != ".":
        low = toks[k].low
        if low in lex.modals and low not in ("do", "does", "did"):
            return True
        if low == "to":
            m = _previous(toks, k, lex.adverbs)
            return m >= 0 and toks[m].low in lex.evidential
        k -= 1
    return False


_ADJECTIVAL = frozenset("effective efficacious helpful beneficial useful".split())
_DEGREE = frozenset("as so very highly equally just quite really extremely remarkably particularly "
                    "especially more most far much fairly pretty surprisingly".split())
_COPULAS = frozenset("remain remains remained seem seems seemed appear appears appeared prove proves "
                     "proved proven become becomes became".split())
_PRONOUN_COPULAS = frozenset("it's it’s that's that’s they're they’re what's what’s".split())


def _plural(word: str) -> bool:
    """A plural-looking noun, which can govern a bare verb ("lozenges shorten colds")."""
    return (len(word) > 3 and word.isalpha() and word.endswith("s")
            and not word.endswith(("ss", "us", "is", "ous", "ys")) and word not in _NOT_PLURAL)


_NOT_PLURAL = frozenset("does has was this its always perhaps across plus less whereas "
                        "sometimes besides towards afterwards nevertheless".split())


def subject(toks: list[Tok], first: int, lex: Lexicon) -> tuple[list[Tok], str]:
    """The subject words of the predicate starting at token ``first``, and how they were
    found: "clause", "relative" (the noun a that/which/who refers to) or "coordinated"."""
    skip = lex.derived("subject_skip", lambda: lex.modals | lex.adverbs | lex.evidential | VERB_GROUP_EXTRA)
    j = _previous(toks, first, skip)
    lead = enumerator_length(toks)  # "4. Eases low mood": the number is not a subject
    segment: list[Tok] = []
    while j >= lead and toks[j].low not in BOUNDARY:
        segment.insert(0, toks[j])
        j -= 1
    if j < lead:
        j = -1
    if segment and j >= 0 and toks[j].low in ("and", "or", ","):
        # "Alternating ice and heat eases ...": the boundary may sit inside the subject
        k = j - 1
        while k >= 0 and toks[k].low not in HARD_BOUNDARY:
            k -= 1
        return toks[k + 1:j + 1] + segment, "coordinated-subject"
    if segment or j < 0:
        return segment, "clause"
    if toks[j].low in RELATIVE:
        return _antecedent(toks, j), "relative"
    # "X lowers blood pressure and prevents strokes": the verb shares the earlier subject
    shared: list[Tok] = []
    hops = 0
    while j >= 0 and hops < 4:
        j -= 1
        while j >= 0 and toks[j].low not in BOUNDARY:
            shared.insert(0, toks[j])
            j -= 1
        hops += 1
        if j >= 0 and toks[j].low in RELATIVE and shared:
            break
    return shared, "coordinated"


def enumerator_length(toks: list[Tok]) -> int:
    """Tokens of a leading list number ("4.", "2)", "(3)", "#5") in a heading or list item."""
    lows = [t.low for t in toks[:3]]
    if len(lows) >= 2 and lows[0].isdigit() and len(lows[0]) <= 2 and lows[1] in (".", ")", ":"):
        return 2
    if len(lows) >= 2 and lows[0] == "#" and lows[1].isdigit():
        return 2
    if len(lows) == 3 and lows[0] == "(" and lows[1].isdigit() and lows[2] == ")":
        return 3
    return 0


def _antecedent(toks: list[Tok], j: int) -> list[Tok]:
    k = j - 1
    if k >= 0 and toks[k].low == ",":
        k -= 1
    if k >= 0 and toks[k].low == ")":  # "Klonopin (clonazepam), which ..."
        while k >= 0 and toks[k].low != "(":
            k -= 1
        k -= 1
    out: list[Tok] = []
    while k >= 0 and len(out) < 3 and toks[k].low not in BOUNDARY and toks[k].low not in ("(", ")"):
        out.insert(0, toks[k])
        if toks[k].low in DET_PREP:
            break
        k -= 1
    return out


def is_gerund(word: str) -> bool:
    return word.endswith("ing") and len(word) > 5 and word.isalpha() and word not in GERUND_STOP


def treatment_subject(segment: list[Tok], how: str, lex: Lexicon, pronoun_ok: bool) -> bool:
    """Whether the subject words name a treatment, a practice, or refer back to one."""
    if not segment:
        return False
    words = [t.low for t in segment]
    if how == "relative":
        return not (GENERIC & set(words)) and any(t.drug or t.low in lex.treatments for t in segment)
    head = next((w for w in words if w not in DET_PREP and not w.isdigit()), "")
    if head in lex.non_agents:
        return False
    if any(t.drug or t.low in lex.treatments for t in segment):
        return True
    if is_gerund(words[0]) and words[0] not in lex.non_agents:
        return True  # a practice: "Alternating the two medicines", "Taking it every day"
    if len(words) > 1 and is_gerund(words[-1]) and words[-1] not in lex.non_agents \
            and not any(w in lex.population for w in words):
        return True  # a practice named by its head: "Pelvic floor training", "Daily brisk walking"
    return pronoun_ok and any(w in lex.pronouns for w in words)
