"""Citation styles are looked for only when the text holds the literal each pattern needs: the
shortcuts must not lose citations written in capitals, with odd spacing or in other digits."""
from __future__ import annotations

import pytest

from medlint.analysis.citations import author_year
from nlp_docs import paragraphs


def kinds(document):
    return [(c.kind, c.label) for c in document.citations]


def test_a_url_left_in_capitals_is_still_a_citation():
    document = paragraphs("Advice on inhalers is at WWW.ASTHMA.ORG.UK today.")
    assert kinds(document) == [("url", "WWW.ASTHMA.ORG.UK")]


def test_an_https_url_in_the_prose_is_a_citation():
    document = paragraphs("Source: HTTPS://dailymed.nlm.nih.gov/dailymed for the label.")
    assert kinds(document) == [("url", "HTTPS://dailymed.nlm.nih.gov/dailymed")]


@pytest.mark.parametrize("text", ["Ferreira et al. ( 2016 ) saw fewer falls.", "Ito and Sato (1998b) saw fewer falls."])
def test_narrative_citations_with_spaced_or_lettered_years(text):
    assert [c.kind for c in author_year(text)] == ["author-year"]


def test_no_narrative_citation_without_a_year_in_parentheses():
    assert author_year("Ferreira et al. found fewer falls in 2016 (a small trial).") == []


def test_caret_and_footnote_and_superscript_only_where_their_characters_are():
    document = paragraphs("Nausea eased with ginger^2.", "Sleep improved[^s1].", "Falls were rarer\u2074.")
    assert kinds(document) == [("caret", "2"), ("footnote", "s1"), ("superscript", "4")]
    assert paragraphs("Nausea eased with ginger 2 times.", "Sleep improved.").citations == []


def test_trailing_numbers_in_parentheses_and_after_a_word():
    document = paragraphs("Rivaroxaban is taken with food (2).", "Dabigatran is swallowed whole (3).",
                          "Apixaban needs no food 4.")
    assert [c.label for c in document.citations] == ["2", "3", "4"]


def test_trailing_numbers_in_other_decimal_digits():
    # Arabic-Indic digits are decimal digits too: a document citing with them keeps its citations
    document = paragraphs("Rivaroxaban is taken with food \u0662.", "Dabigatran is swallowed whole \u0663.")
    assert [c.label for c in document.citations] == ["\u0662", "\u0663"]
