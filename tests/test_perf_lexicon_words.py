"""The shipped English word list agrees with wordfreq, and the fast paths of the misspelling
suggester give the same answers as the slow ones."""
from __future__ import annotations

import pytest

from medlint.lexicon import suggest, words


@pytest.mark.parametrize("word", ["tablets", "because", "morning", "swallow", "bedtime", "Kitchen",
                                  "prescriber", "sertaline", "lisinipril", "zzzzzz", "wafer", "antacid"])
def test_is_english_from_the_shipped_list_matches_wordfreq(word):
    assert words.is_english(word) == (words.zipf(word.lower()) >= words.ENGLISH_ZIPF)


def test_the_list_holds_common_words_and_not_drug_misspellings():
    assert words.is_english("tablets") and words.is_english("swallow")
    assert not words.is_english("sertaline") and not words.is_english("metforman")


@pytest.mark.parametrize("word", ["prevenst", "tabelts", "sertaline", "amoxcillin", "qqqqq"])
def test_has_english_neighbour_agrees_with_english_neighbour(word):
    exclude = {"sertraline", "amoxicillin"}
    assert words.has_english_neighbour(word, exclude) == (words.english_neighbour(word, exclude) is not None)


def test_has_english_neighbour_ignores_excluded_words():
    assert words.has_english_neighbour("tabelts")  # "tablets", its only common neighbour
    assert not words.has_english_neighbour("tabelts", {"tablets"})


def test_plainly_not_a_drug_covers_names_plurals_medical_terms_and_english():
    assert suggest.plainly_not_a_drug("sertraline")
    assert suggest.plainly_not_a_drug("statins")
    assert suggest.plainly_not_a_drug("neuropathy")
    assert suggest.plainly_not_a_drug("kitchen")
    assert not suggest.plainly_not_a_drug("sertaline")


@pytest.mark.parametrize("word", ["clonapine", "lorazapine", "klonopine", "sertaline", "zolft", "amoxcillin"])
def test_suggestions_are_the_same_from_a_plain_dict_and_from_article_names(word):
    context = suggest.article_names(["clonazepam", "sertraline", "amoxicillin"], ["Klonopin", "Zoloft"])
    assert isinstance(context, dict)
    assert suggest.suggest(word, context) == suggest.suggest(word, dict(context))
    assert suggest.suggest(word, context, frequency=1.2) == suggest.suggest(word, dict(context), frequency=1.2)


@pytest.mark.parametrize("word", ["lisinipril", "sertaline", "tablets", "kitchen", "ibuprofin", "Xyzzyq",
                                  "asprin", "tylenol", "prednisone", "qwertyuiop", "mg"])
def test_frequency_is_wordfreqs_zipf(word):
    assert words.frequency(word) == words.zipf(word.lower())


def test_an_unlisted_misspelling_needs_no_wordfreq(monkeypatch):
    def fail(word):
        raise AssertionError(f"wordfreq asked about {word!r}")
    monkeypatch.setattr(words, "zipf", fail)
    assert words.frequency("lisinipril") == 0.0
    assert words.frequency("Metformim") == 0.0
    assert words.is_english("tablets") and not words.is_english("lisinipril")
    assert words.has_english_neighbour("tabelts")
