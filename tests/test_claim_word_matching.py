"""Lexicon patterns tried only at the words their matches can start on: the same matches as a
scan of the whole sentence (word_matching.token_keys / finditer_at_words), and the cheap
checks built on them."""
from __future__ import annotations

import re

import pytest

from medlint.analysis import claim_lexicon, claims, context, pattern_words, word_matching
from medlint.analysis.claim_lexicon import WORD, phrase_regex

SENTENCES = [
    "Nothing's proven yet, but it isn't useless and doesn't seem harmful.",
    "It did not lower the fever; however, no one said it can't help with the itch.",
    "Zinc lozenges, e.g. the chewable ones, might shorten a cold by a day or so.",
    "The nurse\u2019s advice: don\u2019t stop the inhaler without asking, and not-yet-approved uses are off label.",
    "rock'n'roll won't cure a migraine , yet music can distract",
]


def _index(text: str):
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    return word_matching.word_index(words)


@pytest.mark.parametrize("entries", [
    ["no", "not", "nothing", "\\w+n['\u2019]t", "did not"],
    ["but", "however", r",\s*yet", r",\s*so", "and (?:may|can)"],
    ["can't", "won't", "s advice", "off label", "not-yet-approved"],
])
@pytest.mark.parametrize("text", SENTENCES)
def test_matching_at_word_starts_finds_what_a_scan_finds(entries, text):
    pattern = phrase_regex(entries)
    first = frozenset().union(*(pattern_words.first_words(e) for e in entries))
    keys = word_matching.token_keys(first)
    assert keys is not None
    assert word_matching.plain(text)
    found = word_matching.finditer_at_words(pattern, keys, text, _index(text))
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_keyed_patterns_match_what_the_whole_alternation_matches(text):
    entries = ["no", "not", "no one", "nothing", "not only", "did not", "can't", "\\w+n['\u2019]t", r",\s*yet", "but"]
    pattern = phrase_regex(entries)
    keys = word_matching.token_keys(frozenset().union(*(pattern_words.first_words(e) for e in entries)))
    keyed = word_matching.keyed_patterns(entries, phrase_regex)
    assert set(keyed.patterns) == keys
    want = [(m.span(), m.group()) for m in pattern.finditer(text)]
    found = word_matching.finditer_at_words(pattern, keys, text, _index(text), keyed)
    assert [(m.span(), m.group()) for m in found] == want
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    sentence = word_matching.SentenceWords(text, words, {w[2] for w in words})
    assert [(m.span(), m.group()) for m in sentence.finditer(pattern, keys, keyed)] == want
    if sentence.cannot_match(keyed):
        assert not want


@pytest.mark.parametrize("text, clean, matches", [
    ("It did not lower the fever but no one noticed", True, ["not", "but", "no one"]),
    ("Nothing proven so far and not yet known", True, ["nothing", "not"]),
    ("Doctors say it works; nothing more", True, ["nothing"]),
    ("The trial showed a benefit", True, []),
    ("The nurse's advice is not to stop", False, ["not"]),
])
def test_a_sentence_tries_only_the_words_whose_readings_are_all_there(text, clean, matches):
    entries = ["not", "no one", "nothing", "but", "not only that"]
    pattern = phrase_regex(entries)
    keys = word_matching.token_keys(frozenset().union(*(pattern_words.first_words(e) for e in entries)))
    keyed = word_matching.keyed_patterns(entries, phrase_regex)
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    sentence = word_matching.SentenceWords(text, words, {w[2] for w in words})
    assert sentence.clean is clean
    assert [m.group().lower() for m in sentence.finditer(pattern, keys, keyed)] == matches
    assert sentence.cannot_match(keyed) is (clean and not matches)


def test_keyed_patterns_need_every_start_known():
    assert word_matching.keyed_patterns(["no", r"(?i)x"], phrase_regex) is None
    keyed = word_matching.keyed_patterns(["no doubt", "not", "no", r"no\s+(?:evidence|proof)"], phrase_regex)
    assert set(keyed.patterns) == {"no", "not"}
    assert ("no", frozenset({"no", "evidence"})) in keyed.by_trigger["evidence"]
    assert "no" in keyed.triggers and not keyed.unknown


def test_tokens_by_key_reads_the_whole_pattern():
    assert word_matching.tokens_by_key(r"(?:is|are)\s+not\s+true") == {
        "is": {frozenset({"is", "not", "true"})}, "are": {frozenset({"are", "not", "true"})}}
    assert word_matching.tokens_by_key(r"no\s+longer\s+\w+") is None         # \w+: unknown
    assert word_matching.tokens_by_key(r"[a-z]+ologists") is None             # a range is not 3 letters


def test_token_keys_refuse_words_a_token_cannot_start_with():
    assert word_matching.token_keys(frozenset({"no", ",yet", "can't"})) == {"no", ",", "can't"}
    assert word_matching.token_keys(frozenset({"-based"})) is None   # a hyphen may stand inside a token
    assert word_matching.token_keys(frozenset({"no-"})) is None      # "no-" is the start of "no-one"
    assert word_matching.token_keys(None) is None


def test_a_text_with_other_word_characters_is_scanned_whole():
    assert not word_matching.plain("a caf\u00e9 remedy")
    assert not word_matching.plain("snake_case")
    assert word_matching.plain("\u201cIt\u2019s fine\u201d \u2014 she said.")
    text = "the na\u00efve claim isn't proven"
    pattern = phrase_regex(["\\w+n['\u2019]t"])
    found = word_matching.finditer_at_words(pattern, frozenset(), text, None)
    assert [m.group() for m in found] == ["isn't"]


def test_ends_every_match_with():
    assert pattern_words.ends_every_match_with(r"\bpros\b[^:]*:\s*$|\bhelps?\s*:\s*$", r":\s*$")
    assert not pattern_words.ends_every_match_with(r"\bpros\b[^:]*:\s*$|\bhelps?", r":\s*$")
    assert pattern_words.ends_every_match_with(r"(?:a|b):\s*$", r":\s*$")
    assert not pattern_words.ends_every_match_with(r"[:;]\s*$", r":\s*$")


def test_the_lexicon_knows_where_its_triggers_start():
    lex = claim_lexicon.load()
    assert all(rule.keys is not None and rule.by_key is not None for rule in lex.context_rules)
    assert lex.terminate_by_key is not None and lex.pseudo_by_key is not None
    assert "but" in lex.terminate_keys and "," in lex.terminate_keys
    assert lex.lead_in_ends_with_colon


def test_context_of_a_sentence_with_contractions_and_series():
    text = "It doesn't cure, treat, or prevent eczema, but it may soothe dry skin."
    ctx = context.SentenceContext(text)
    assert context.NEGATED in ctx.categories_at(text.index("cure"))
    assert context.NEGATED not in ctx.categories_at(text.index("soothe"))
    assert context.HEDGED in ctx.categories_at(text.index("soothe"))


def test_may_match_is_a_safe_pre_check():
    keys = frozenset({"too", "overly"})
    assert not claims._may_match("the dry cough", ["the", "dry", "cough"], keys)
    assert claims._may_match("too much sleep", ["too", "much", "sleep"], keys)
    assert claims._may_match("it's late", ["it's", "late"], keys)        # an apostrophe: try it
    assert claims._may_match("caf\u00e9 visits", ["caf", "\u00e9", "visits"], keys)  # not ASCII: try it
    assert claims._may_match("anything", ["anything"], None)


def test_a_lead_in_without_a_closing_colon_is_not_read_as_one():
    lex = claim_lexicon.load()
    assert lex.list_lead_in.search("Benefits of stretching include:")
    assert not lex.list_lead_in.search("Benefits: see the leaflet.")
    assert re.search(r":\s*$", "Benefits of stretching include:  ")
