"""LiteralSet finds every occurrence of every word, overlapping ones included, exactly as one
str.find loop per word does."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.analysis.literals import LiteralSet


def brute(words, text):
    out = []
    for word in set(words):
        i = text.find(word)
        while i >= 0:
            out.append((i, word))
            i = text.find(word, i + 1)
    return sorted(out)


def test_words_that_start_again_inside_themselves_or_each_other():
    words = ["titrat", "taper", "turkey", "stop", "step", "off", "of", "ana", "an"]
    text = "titratitrataper turkeystop of off stepstop banana"
    assert sorted(LiteralSet(words).find_all(text)) == brute(words, text)
    assert (5, "titrat") in LiteralSet(words).find_all(text)  # overlaps the one at 0


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="tiraw", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="tiraw .", max_size=60))
def test_same_as_one_find_loop_per_word(words, text):
    assert sorted(LiteralSet(words).find_all(text)) == brute(words, text)
