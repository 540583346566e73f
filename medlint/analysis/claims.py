"""Efficacy claims: sentences that say a treatment works for a condition or symptom.

A claim is "treatment + efficacy predicate + condition": "Ibuprofen reduces swelling",
"Taking X every day lowers your risk of stroke", "Some studies suggest it can ease the pain
of knee osteoarthritis" (hedged), or a lead-in naming the benefits of a treatment followed by
its list items (one claim spanning the lead-in and the items).

Not claims: negated or limiting statements, questions, mechanism-only statements, what a drug
is prescribed/used/approved for, administration advice ("taking it with food reduces
nausea"), advice to consult a professional, conditionals, and anything in a references,
related-questions or disclaimer section. Whether a claim is cited is for the rules to judge
(:meth:`LintedDocument.is_cited`); claims are returned cited or not.
"""
from __future__ import annotations

import bisect
import re

from medlint.analysis import claim_lexicon, claim_objects, claim_parts, context
from medlint.analysis.claim_sentences import (  # noqa: F401  (re-exported: the document calls sentence_views)
    SKIPPED_SECTIONS, SentenceView, assertive_views, product_spans, sentence_views, views_of)
from medlint.analysis.types import Claim, Sentence
from medlint.prose import HEADING, LIST_ITEM, TABLE_CELL

_EXCLUDING = frozenset((context.NEGATED, context.LIMITATION, context.MECHANISM, context.USE,
                        context.CONSULT, context.HYPOTHETICAL))
_LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022\u2023\u25e6\u2043\u2219]|\(?\d{1,2}[.)]|[a-z][.)])\s+")
# "Benefits and risks of X:", "Pros and cons:": the items are not all benefits
_MIXED_LIST = re.compile(r"\b(?:risks?|cons|disadvantages?|downsides?|drawbacks?|side[- ]effects?|harms?)\b", re.I)
# "Warning signs people on X may notice:": symptoms to watch for, not benefits
_SIGNS = re.compile(r"\b(?:signs?|symptoms?|warnings?|problems?|reactions?|effects?)\b", re.I)
_IMPROVEMENT = re.compile(r"\b(?:less|fewer|lower|better|improved|improvement|reduced|easier|calmer|milder|"
                          r"shorter|quicker|faster|relief|relieved|eased)\b", re.I)
_LEAD_WORDS = ("benefit", "advantage", "help", "treat", "reliev", "eas", "improv", "reduc", "prevent", "effective",
               "useful", "upside", "pros", "perks", "notic", "report", "experienc", "enjoy")  # where context is judged
_PRONOUN_REACH = 4  # sentences back that "it"/"they" may refer to


def find_claims(document) -> list[Claim]:
    """Every efficacy claim of the document, cited or not, in document order."""
    lex = claim_lexicon.load()
    drug_spans = sorted([(d.start, d.end) for d in document.drugs] + product_spans(document))
    drug_starts = [a for a, _ in drug_spans]
    claims: list[Claim] = []
    consumed = -1
    last_treatment = -100
    # the lexicon sets every sentence is checked against, read once (this loop sees every sentence)
    phrase_starts, treatments = lex.treatment_phrase_starts, lex.treatments
    prefilter, gated = lex.prefilter, lex.gated_keywords
    for index, (sentence, words, assertive, _) in enumerate(views_of(document)):
        i = bisect.bisect_left(drug_starts, sentence.start) - 1
        if i < 0:
            i = 0
        near = _near(drug_spans, i, sentence) if i < len(drug_starts) and drug_starts[i] < sentence.end else []
        if not words.isdisjoint(phrase_starts):
            near = near + [(m.start() + sentence.start, m.end() + sentence.start)
                           for m in lex.treatment_phrases.finditer(sentence.text)]
        recent = index - last_treatment <= _PRONOUN_REACH
        mentions = bool(near) or not words.isdisjoint(treatments)
        if mentions:
            last_treatment = index
        if sentence.start < consumed or not assertive:
            continue
        lead_in = None
        if ":" in words and (not lex.lead_in_ends_with_colon or sentence.text.rstrip().endswith(":")):
            lead_in = lex.list_lead_in.search(sentence.text) or lex.outcome_lead_in.search(sentence.text)
        if not lead_in and words.isdisjoint(prefilter) and (words.isdisjoint(gated) or not lex.may_claim(words)):
            continue  # no efficacy word at all: the common case, kept cheap
        toks = claim_parts.tokens(sentence.text, sentence.start, near)
        if lead_in:
            listed = _benefit_list(document, sentence, toks, lex, recent or mentions)
            if listed is not None:
                claims.append(listed)
                consumed = listed.end
                continue
        implicit = recent and _implicit_subject(document, sentence, lex)
        claim = _sentence_claim(sentence, toks, lex, recent, implicit, words)
        if claim is not None:
            claims.append(claim)
    return claims


def _near(drug_spans: list[tuple[int, int]], i: int, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans from ``drug_spans[i]`` on that overlap the sentence (``i``: the last span
    starting before the sentence, or the first)."""
    out = []
    while i < len(drug_spans) and drug_spans[i][0] < sentence.end:
        a, b = drug_spans[i]
        if sentence.start < b:
            out.append((a, b))
        i += 1
    return out


def _sentence_claim(sentence: Sentence, toks, lex, recent: bool, implicit: bool = False,
                    words: frozenset[str] | None = None) -> Claim | None:
    preds = claim_parts.predicates(sentence.text, sentence.start, toks, lex, words)
    if not preds:
        return None
    ctx = None  # built only when a predicate has its subject and object (the rare case)
    cues: list[str] = []
    hedged = False
    for pred in preds:
        if not _holds(pred, toks, lex, recent, False, implicit):
            continue
        if ctx is None:
            off = sentence.start
            ctx = context.SentenceContext(sentence.text, off, [(a - off, b - off, low) for a, b, low, _ in toks])
        categories = ctx.categories_at(pred.anchor)
        if categories & _EXCLUDING:
            continue
        # administration advice only narrows what holds ("with food ... reduces nausea")
        if context.ADMINISTRATION in categories and not _holds(pred, toks, lex, recent, True, implicit):
            continue
        cues.append(pred.text.lower())
        hedged = hedged or context.HEDGED in categories
    if not cues:
        return None
    return Claim(sentence.start, sentence.end, sentence.text, hedged, tuple(dict.fromkeys(cues)))


def _holds(pred, toks, lex, recent: bool, administration: bool = False, implicit: bool = False) -> bool:
    """Whether a predicate has a treatment subject and a condition (or outcome) object.
    Under administration advice ("taking it with food reduces nausea") the object must be
    more than side effects."""
    segment, how = claim_parts.subject(toks, pred.first, lex)
    pronoun_ok = recent or any(t.drug or t.low in lex.treatments for t in toks[:pred.first])
    if pred.kind in ("benefits_include", "cure_for", "miracle", "best_treatment", "way_to", "swear_by"):
        segment = segment + toks[pred.first:pred.last + 1]
    if pred.kind == "outcome":
        return claim_objects.population_taking(toks[:pred.first], lex) or \
            claim_objects.treatment_after(toks, pred.last + 1, lex)
    explicit = True
    if not segment and how == "clause" and implicit:
        explicit = False  # "| Naproxen | Eases period pain |": the row or the heading names the treatment
    elif not claim_parts.treatment_subject(segment, how, lex, pronoun_ok):
        explicit = False
        # "Many people find relief from ... after starting X": a treated population;
        # "light boxes work better than St John's wort": compared with a treatment
        if not (pred.kind == "relief" and any(t.low in lex.population for t in segment)
                and any(t.drug or t.low in lex.treatments for t in toks)) \
                and not claim_objects.compared_with_treatment(toks, pred.first, lex):
            return False
    if _dummy_it(toks, pred, segment):
        return False
    start, end = claim_objects.object_span(toks, pred.last + 1)
    lows = [t.low for t in toks[start:end]]
    window = " ".join(lows)
    if _may_match(window, lows, lex.adverse_keys) and lex.adverse.search(window):
        return False
    if pred.kind == "enhance_effect":
        return any(t.drug or t.low in lex.treatments for t in toks[start:end])
    if pred.kind in ("better_results", "vs_placebo"):
        return True
    if pred.text.lower().startswith("help") and (lex.phrases["outcome"].search(window) or (
            lex.help_goal is not None and lex.help_goal.match(window))):
        return True  # "it has helped millions of people feel better", "patches help you quit"
    found = claim_objects.conditions_after(toks, pred.last + 1, lex)
    if pred.kind in ("relief", "phrasal", "keeps", "make_better", "takes_edge"):  # "gave better pain relief", "brings the fever down"
        found += claim_objects.conditions_after(toks, pred.first, lex, pred.last - pred.first + 1,
                                              modifier_check=False)
    if administration:
        return any(not lex.side_effects.intersection((c, *c.split())) for c in found)
    if found and pred.kind == "verb" and pred.text.lower() in lex.lowering_verbs \
            and all(c in lex.functions for c in found):
        return False  # "it can lower libido", "reduces appetite": a harm or a mechanism
    if not found and pred.kind == "works" and pred.text.lower().endswith("for") \
            and claim_objects.population_object(toks, pred.last + 1, lex):
        return True  # "it works even for people who did not respond to ...": works for a population
    if not found and pred.kind == "verb" and explicit \
            and not any(w in lex.functions or w in lex.side_effects for w in lows) \
            and claim_objects.compared_with_treatment(toks, pred.last + 1, lex):
        return True  # "X reduced central pressure more than Y did": an effect compared with a treatment's
    if not found and pred.kind == "relief" and explicit and how != "relative":
        return True  # "X with naproxen gives better relief than either alone": relief is of symptoms
    return bool(found)


def _may_match(window: str, lows: list[str], keys: frozenset[str] | None) -> bool:
    """Whether a lexicon phrase whose matches start on one of ``keys`` (the tokens of
    :func:`word_matching.token_keys`) can match ``window``, the words ``lows`` joined by
    spaces: on an ASCII window without apostrophes, only where one of them is a key."""
    return keys is None or not window.isascii() or "'" in window or not keys.isdisjoint(lows)


def _implicit_subject(document, sentence: Sentence, lex) -> bool:
    """A list item or table cell that opens with its verb ("- Eases joint pain") takes its
    subject from the row or the heading above, unless that is about risks or side effects.
    So does a listicle heading ("## 4. Eases low mood") from a parent heading that names a
    treatment ("# 7 Benefits of Fish Oil")."""
    blocks = document.blocks
    k = sentence.block_index
    if k < 0 or sentence.start != blocks[k].start:
        return False
    if blocks[k].kind == HEADING:
        return _parent_names_treatment(document, k, lex)
    if blocks[k].kind not in (LIST_ITEM, TABLE_CELL):
        return False
    while k >= 0 and blocks[k].kind in (LIST_ITEM, TABLE_CELL):
        k -= 1
    return k < 0 or not _MIXED_LIST.search(document.prose[blocks[k].start:blocks[k].end])


def _parent_names_treatment(document, k: int, lex) -> bool:
    blocks = document.blocks
    level = blocks[k].level
    j = k - 1
    while j >= 0 and not (blocks[j].kind == HEADING and blocks[j].level < level):
        j -= 1
    if j < 0:
        return False
    parent = blocks[j]
    text = document.prose[parent.start:parent.end]
    if _MIXED_LIST.search(text):
        return False
    words = set(claim_lexicon.WORD.findall(text.lower()))
    return not words.isdisjoint(lex.treatments) or any(parent.start <= d.start < parent.end for d in document.drugs) \
        or bool(lex.treatment_phrases.search(text))


def _dummy_it(toks, pred, segment) -> bool:
    """"It helps to keep a diary": an impersonal "it", not the drug."""
    if [t.low for t in segment] != ["it"]:
        return False
    if pred.text.lower() in ("helps", "help") and pred.last + 1 < len(toks) and toks[pred.last + 1].low == "to":
        return True
    between = [t.low for t in toks[toks.index(segment[-1]) + 1:pred.first]]
    return any(a in ("help", "helps") and b == "to" for a, b in zip(between, between[1:]))


def _benefit_list(document, sentence: Sentence, toks, lex, subject_known: bool) -> Claim | None:
    """A lead-in such as "The potential benefits of X include:" and the list items after it;
    or one naming what people on a treatment notice ("People who stick with yoga often
    notice:"), which needs a population and a treatment in the lead-in itself."""
    if sentence.block_index < 0 or _MIXED_LIST.search(sentence.text):
        return None
    outcome = not lex.list_lead_in.search(sentence.text)
    if outcome and not (lex.outcome_lead_in.search(sentence.text) and not _SIGNS.search(sentence.text)
                        and any(t.low in lex.population for t in toks)
                        and any(t.drug or t.low in lex.treatments for t in toks)):
        return None
    blocks = document.blocks
    lead_block = blocks[sentence.block_index]
    if lead_block.kind == LIST_ITEM or document.prose[sentence.end:lead_block.end].strip():
        return None
    items = []
    k = sentence.block_index + 1
    while k < len(blocks) and _is_item(document, blocks[k]):
        items.append(blocks[k])
        k += 1
    if not items:
        return None
    if outcome and not any(_IMPROVEMENT.search(document.prose[b.start:b.end]) for b in items):
        return None  # "Patients on warfarin should report: unusual bleeding": no improvement
    ctx = context.SentenceContext(sentence.text, sentence.start)
    anchor = next((t.start for t in toks if t.low.startswith(_LEAD_WORDS)), sentence.start)
    if ctx.categories_at(anchor) & _EXCLUDING:
        return None
    has_subject = any(t.drug or t.low in lex.treatments for t in toks) or subject_known
    if not has_subject or not any(_item_claims(document, b, lex) for b in items):
        return None
    end = items[-1].end
    while end > items[-1].start and document.prose[end - 1].isspace():
        end -= 1
    text = document.prose[sentence.start:end]
    return Claim(sentence.start, end, text, ctx.any(context.HEDGED), ("benefits list",))


def _is_item(document, block) -> bool:
    return block.kind == LIST_ITEM or bool(_LIST_MARKER.match(document.prose[block.start:block.end]))


def _item_claims(document, block, lex) -> bool:
    for m in claim_lexicon.WORD.finditer(document.prose[block.start:block.end]):
        word = m.group().lower()
        if lex.is_condition_word(word) or word in lex.verb_forms_of:
            return True
        if word.endswith("ing") and (word[:-3] in lex.verb_base or word[:-3] + "e" in lex.verb_base):
            return True
    return False
