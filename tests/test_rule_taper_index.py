"""MED303 indexes: the word gate in front of the taper-advice detector never drops advice, and
the per-document lookups of missing-taper-warning answer as plain scans would."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.config import Config
from medlint.document import LintedDocument
from medlint.formats import parse
from medlint.orchestrator import Linter
from medlint.rules.dosing.taper_advice import advice_paths, find_advice, is_taper_advice, may_be_advice
from medlint.rules.dosing.taper_context import TaperContext
from medlint.source import decode

# One or more sentences for every way the detector accepts advice
ADVICE = [
    "Gabapentin can be stopped abruptly after a single pre-operative dose.",     # _NO_NEED, no "taper"
    "A short course can be stopped any time.",
    "There is no need to wean children off a three-day course.",
    "Prednisolone is usually down-titrated once the flare has settled.",        # _STEPWISE
    "Ask about a step-down plan before the next refill.",
    "Titrate them off under supervision.",
    "The clinic will taper pregabalin across the summer.",                      # _TAPER
    "Ceasing clonidine abruptly can cause rebound hypertension.",              # sudden stop + harm
    "Never halt a beta-blocker all at once.",
    "Do not come off sertraline in one go.",
    "Going cold turkey is dangerous after months of use.",
    "Dose reductions that are too fast may trigger rebound anxiety.",
    "Do not discontinue it overnight.",
    "If you quit too soon, the symptoms can return.",
    "Withdraw the medicine bit by bit.",                                         # gradual lowering
    "Cut back the dose a little at a time.",
    "Come down from the usual dose in small steps.",
    "Lower the tablets every two weeks until you stop.",
    "Decrease it over several months.",
    "Halving the dose for two weeks before you stop is usual.",
    "Bring the dose down, then stop.",
]
NOT_ADVICE_WITHOUT_WORDS = [
    "Amlodipine is taken once a day with or without food.",
    "Call your pharmacist if the tablets look different.",
]


@pytest.mark.parametrize("sentence", ADVICE)
def test_every_kind_of_advice_passes_the_gate(sentence):
    assert is_taper_advice(sentence)
    assert may_be_advice(sentence.lower())
    assert is_taper_advice(sentence, advice_paths(sentence.lower()))  # the test that accepts it is kept


@pytest.mark.parametrize("sentence", NOT_ADVICE_WITHOUT_WORDS)
def test_sentences_without_the_words_are_gated_out(sentence):
    assert not may_be_advice(sentence.lower())


_WORDS = ("do not", "never", "stop", "stopping", "taper", "reduce", "lower", "cut", "down", "off", "halve",
          "withdraw", "discontinue", "quit", "the dose", "it", "slowly", "gradually", "suddenly", "abruptly",
          "over", "several", "weeks", "every", "day", "then", "before", "you", "can", "cause", "seizures",
          "medicine", "tablets", "come", "step", "bit by bit", "in one go", "cold turkey", "at once", "should",
          "be", "if", "dangerous", "titrate", "wean", "too", "fast", "soon", "a", "little", "at", "time")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=12))
def test_the_gate_never_drops_what_the_detector_accepts(words):
    sentence = " ".join(words).capitalize() + "."
    assert is_taper_advice(sentence, advice_paths(sentence.lower())) == is_taper_advice(sentence)


def _document(text: str, fmt: str = "markdown") -> LintedDocument:
    linter = Linter(Config(today=dt.date(2026, 11, 21)))
    source = decode(text.encode("utf-8"), f"draft.{'md' if fmt == 'markdown' else fmt}", fmt)
    return LintedDocument(source, parse(source), None, linter.settings)


DRAFT = (
    "# Clonidine and pregabalin\n\n"
    "Clonidine lowers blood pressure. Adults take 0.1 mg twice a day. Do not stop it suddenly.\n\n"
    "- Pregabalin: 75 mg twice daily\n- Reduce the dose gradually over a week.\n\n"
    "| Drug | Clonidine | Pregabalin |\n| --- | --- | --- |\n| Start | 0.1 mg | 75 mg |\n\n"
    "Stand up slowly if you feel dizzy. Cut down on salt. STOP THE TABLETS ABRUPTLY AND SEIZURES MAY FOLLOW.\n\n"
    "## Related questions\n\nShould I taper clonidine slowly?\n"
)


@pytest.mark.parametrize("text", [DRAFT, DRAFT.replace("Pregabalin:", "\u0130pregabalin:")])
def test_find_advice_equals_reading_every_sentence(text):
    document = _document(text)
    expected = [s for s in document.sentences
                if document.section_at(s.start).kind not in ("related", "references") and is_taper_advice(s.text)]
    found = find_advice(document)
    assert [(a.start, a.end) for a in found] == [(s.start, s.end) for s in expected]
    assert len(found) == 3  # "Do not stop it suddenly", "Reduce ... gradually", the shouted warning


def test_context_lookups_equal_plain_scans():
    document = _document(DRAFT)
    ctx = TaperContext(document, ("related", "references"))
    drugs = document.drugs
    for lo in range(0, len(document.prose), 7):
        hi = lo + 40
        assert ctx.within(drugs, lo, hi) == [m for m in drugs if lo <= m.start < hi]
        previous = None
        for s in document.sentences:
            if s.end <= lo:
                previous = s
        assert ctx.last_sentence_ending_by(lo, stop_early=False) == previous
        assert ctx.in_aside(lo) == (document.section_at(lo).kind == "related")
    cells = [i for i, b in enumerate(document.blocks) if b.kind == "table_cell"]
    assert cells and ctx.row_cells(document.blocks[cells[-1]].group) == cells[-3:]
    assert [ctx.table_start(i) for i in cells] == [cells[0]] * len(cells)
