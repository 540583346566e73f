"""ConText-style scope: which words a negation, hedge, mechanism, use, administration,
consult or hypothetical trigger modifies, and where its scope ends."""
from __future__ import annotations

import pytest

from medlint.analysis import context
from medlint.analysis.context import SentenceContext, is_question


def cats_at(text: str, word: str) -> set[str]:
    """Categories that modify the first ``word`` of ``text``."""
    return SentenceContext(text).categories_at(text.index(word))


@pytest.mark.parametrize("text, word", [
    ("Zinc does not shorten a cold.", "shorten"),
    ("Loratadine doesn't relieve a blocked nose.", "relieve"),
    ("There is no evidence that arnica heals bruises.", "heals"),
    ("Neither cream clears the rash.", "clears"),
    ("Vitamin C has never prevented colds in trials.", "prevented"),
    ("Cough syrups are unlikely to help young children.", "help"),
])
def test_forward_negation_covers_the_predicate(text, word):
    assert context.NEGATED in cats_at(text, word)


def test_backward_negation_covers_words_before_it():
    assert context.NEGATED in cats_at("Claims that garlic lowers cholesterol are unproven.", "lowers")


@pytest.mark.parametrize("text, word", [
    ("Codeine is not an anti-inflammatory, but it eases a dry cough.", "eases"),
    ("It is not a sedative; it calms panic attacks.", "calms"),
    ("The syrup not only soothes a cough but also clears congestion.", "soothes"),
    ("No doubt magnesium relaxes cramped muscles.", "relaxes"),
])
def test_negation_scope_ends_at_terminators_and_pseudo_triggers(text, word):
    assert context.NEGATED not in cats_at(text, word)


def test_negation_scope_is_limited_in_length():
    text = "Not every pharmacy stocks it in the small town where my aunt lives and the spray eases hay fever."
    assert context.NEGATED not in cats_at(text, "eases")


def test_limitation_triggers():
    assert context.LIMITATION in cats_at("Ranitidine is not a first-line treatment for ulcers.", "treatment")
    assert context.LIMITATION in cats_at("Bisacodyl is less effective than senna for constipation.", "effective")
    assert context.LIMITATION in cats_at("Rifampicin makes the pill less effective at preventing pregnancy.", "effective")


def test_hedges_cover_the_whole_sentence():
    ctx = SentenceContext("Early studies suggest that saffron lifts mood.")
    assert ctx.has(context.HEDGED, ctx.text.index("lifts"))
    plain = SentenceContext("Saffron lifts mood.")
    assert not plain.any(context.HEDGED)


def test_mechanism_scope_stops_at_a_comma():
    text = "By blocking histamine, cetirizine stops sneezing."
    assert context.MECHANISM in cats_at(text, "histamine")
    assert context.MECHANISM not in cats_at(text, "stops")
    assert context.MECHANISM in cats_at("Omeprazole works by reducing acid production.", "reducing")


def test_use_scope_is_short():
    assert context.USE in cats_at("Doxepin is prescribed to treat insomnia.", "treat")
    assert context.USE not in cats_at("Doxepin is prescribed for many reasons and several patients say it treats insomnia.",
                                      "treats")


def test_administration_advice():
    assert context.ADMINISTRATION in cats_at("Taking naproxen with a glass of milk eases stomach upset.", "eases")
    assert context.ADMINISTRATION in cats_at("Swallowing the tablet at bedtime prevents daytime drowsiness.", "prevents")
    assert context.ADMINISTRATION not in cats_at("Taking aspirin every day prevents clots.", "prevents")


def test_consult_and_hypothetical():
    assert context.CONSULT in cats_at("Ask your pharmacist whether a nasal spray could clear your sinuses.", "clear")
    text = "If the gel soothes your gums, keep using it, and it often heals mouth ulcers."
    assert context.HYPOTHETICAL in cats_at(text, "soothes")
    assert context.HYPOTHETICAL not in cats_at(text, "heals")


def test_a_phrase_can_ignore_its_own_trigger_words():
    text = "It has no side effects."
    start, end = text.index("no side"), len(text) - 1
    ctx = SentenceContext(text)
    assert context.NEGATED in ctx.categories_at(start)  # the trigger itself
    assert context.NEGATED not in ctx.categories_at(start, ignore=(start, end))
    outer = SentenceContext("No medicine is risk-free.")
    at = outer.text.index("risk")
    assert context.NEGATED in outer.categories_at(at, ignore=(at, at + 9))


def test_modifier_offsets_are_shifted_by_the_sentence_offset():
    ctx = SentenceContext("Zinc does not help.", offset=100)
    (mod,) = [m for m in ctx.modifiers if m.category == context.NEGATED]
    assert (mod.start, mod.end) == (110, 113)
    assert mod.covers(114)


@pytest.mark.parametrize("text, expected", [
    ("Can montelukast help with hay fever?", True),
    ("Is naproxen safe during pregnancy? [2]", True),
    ("does turmeric help with arthritis", True),
    ("How long does omeprazole take to work", True),
    ("Do not stop taking baclofen suddenly", False),
    ("Does it work? Yes, it does.", False),
    ("Naproxen eases period pain.", False),
    ("Turmeric for arthritis", False),
])
def test_is_question(text, expected):
    assert is_question(text) is expected


def test_a_series_of_single_words_does_not_end_a_negation():
    # the commas of "soothe, calm or protect" list the verbs one "not" negates
    text = "This balm is not meant to heal, soothe, calm or protect irritated skin."
    assert context.NEGATED in cats_at(text, "calm")
    assert context.NEGATED in cats_at(text, "protect")
    # a clause comma still ends it
    assert context.NEGATED not in cats_at("Arnica does not shrink bruises, yet it soothes them.", "soothes")


def test_a_new_finite_verb_after_and_ends_a_negation():
    text = "Ginkgo is not sedating and has no effect on alertness."
    assert context.NEGATED not in cats_at(text, "has")
    assert context.NEGATED in cats_at("Ginkgo does not sharpen memory or focus.", "focus")


def test_building_a_dose_up_slowly_is_administration_advice():
    assert context.ADMINISTRATION in cats_at("Increasing the dose over three weeks limits dizziness.", "limits")
    assert context.ADMINISTRATION in cats_at("Starting on a low dose helps you avoid nausea.", "avoid")
    assert context.ADMINISTRATION not in cats_at("Topiramate lowers how often migraines come.", "lowers")


def test_triggers_after_an_apostrophe_and_in_contractions_are_found():
    assert context.NEGATED in cats_at("The spray won't unblock a nose blocked by polyps.", "unblock")
    assert context.LIMITATION in cats_at("A nasal rinse doesn't replace your steroid spray.", "steroid")


# Sentences written for this check: the word-gated search must find exactly what trying
# every trigger on every sentence finds.
_EQUIVALENCE_SENTENCES = [
    "Propolis doesn't cure cold sores, but it may shorten them.",
    "Taking it with breakfast reduces nausea; tapering slowly limits withdrawal.",
    "Nothing's known to prevent it, and nobody should promise otherwise.",
    "Unless your GP says so, do not stop the tablets.",
    "There is insufficient evidence that zinc speeds healing, if any.",
    "Mirtazapine acts on several receptors and is approved for depression.",
    "Talk to your pharmacist if the cream seems to sting or burn.",
    "Cod liver oil is non-effective for eczema and is not recommended for children.",
    "Early research suggests that it might ease hot flushes in some women.",
    "The FDA-approved label says it is not a substitute for insulin.",
]


@pytest.mark.parametrize("text", _EQUIVALENCE_SENTENCES)
def test_word_gated_triggers_find_what_a_full_scan_finds(text):
    import dataclasses

    from medlint.analysis import claim_lexicon
    from medlint.analysis.claim_lexicon import WORD
    lex = claim_lexicon.load()
    full = dataclasses.replace(lex, context_rules=[dataclasses.replace(r, first_words=None) for r in lex.context_rules])
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    fast = context._find_modifiers(text, words, lex, 0)
    assert fast  # every sentence above holds a trigger
    assert fast == context._find_modifiers(text, words, full, 0)


def test_every_trigger_rule_knows_its_first_words():
    from medlint.analysis import claim_lexicon
    assert all(rule.first_words for rule in claim_lexicon.load().context_rules)


def test_a_context_can_be_limited_to_some_categories():
    text = "If taken with food, it may not cure the rash."
    only = SentenceContext(text, categories=frozenset((context.NEGATED,)))
    assert {m.category for m in only.modifiers} == {context.NEGATED}
    assert {context.HYPOTHETICAL, context.HEDGED} <= {m.category for m in SentenceContext(text).modifiers}


@pytest.mark.parametrize("pattern, words", [
    ("not", {"not"}),
    ("(?:fails?|failed) to", {"fail", "fails", "failed"}),
    ("(?:a )?gradual (?:taper|reduction)", {"a", "gradual"}),
    ("fda[- ]approved", {"fda", "fda-approved"}),
    ("(?:(?:does|do) not|(?:does|ca)n['’]t) replace", {"does", "do", "doesn't", "doesn’t", "can't", "can’t"}),
    ("according\\s+to\\s+(?:some\\s+){0,2}experts", {"according"}),
    ("(?:it\\s+is\\s+)?widely\\s+believed|clinically\\s+proven", {"it", "widely", "clinically"}),
    ("\\w+n['’]t", {"*n't"}),
])
def test_first_words_read_off_a_pattern(pattern, words):
    from medlint.analysis.pattern_words import first_words
    assert first_words(pattern) == frozenset(words)


@pytest.mark.parametrize("pattern", ["\\w+ly better", "(?:\\w+ )?helps", "(?:a )?", "[a-z]+ologists agree"])
def test_first_words_unknown_when_the_pattern_does_not_say(pattern):
    from medlint.analysis.pattern_words import first_words
    assert first_words(pattern) is None
