"""Trigger scans (medlint.rules.triggers) and the rules that use them: a rule that only looks
where its triggers occur must find exactly what it finds looking everywhere."""
from __future__ import annotations

import datetime as dt

import pytest

from medlint import formats
from medlint.document import LintedDocument, Settings
from medlint.rules import triggers
from medlint.rules.hygiene import missing_disclaimer as md
from medlint.rules.hygiene import stale_review_date as srd
from medlint.rules.links import template_placeholder as tp
from medlint.source import decode


def _document(text: str, fmt: str = "markdown") -> LintedDocument:
    source = decode(text.encode("utf-8"), "draft.md", fmt)
    return LintedDocument(source, formats.parse(source), None, Settings(today=dt.date(2026, 11, 21)))


def _exhaustive(monkeypatch, rule, text: str, fmt: str = "markdown") -> list:
    """The rule's findings with trigger scans switched off (every block, every pattern)."""
    with monkeypatch.context() as patched:
        patched.setattr(triggers, "fold", lambda text: None)
        return list(rule.check(_document(text, fmt)))


# -- the helpers -----------------------------------------------------------------------
def test_fold_lower_cases_with_the_same_offsets():
    assert triggers.fold("Last Reviewed: May 2026 — ÉTÉ") == "last reviewed: may 2026 — été"


@pytest.mark.parametrize("special", ["\u0130", "\u0131", "\u017f"])
def test_fold_refuses_letters_that_ignore_case_reads_differently(special):
    # (?i) matches these to i / s, str.lower() does not (and the dotted I grows to two characters)
    assert triggers.fold(f"Last rev{special}ewed: May 2026") is None


def test_hits_include_overlapping_occurrences():
    assert sorted(triggers.hits(triggers.literal("XX"), "a XXX b XX")) == [2, 3, 8]


def test_lines_hit_are_whole_lines_without_their_newline():
    text = "first line\nsecond TODO line\nthird\nTODO last"
    assert triggers.lines_hit(triggers.literal("TODO"), text) == [(11, 27), (34, 43)]


def test_blocks_hit_maps_offsets_to_blocks():
    document = _document("# Title\n\nNothing here.\n\nA TODO here.\n\nAnd TODO again, TODO.\n")
    assert triggers.blocks_hit(document, triggers.literal("TODO"), document.prose) == {2, 3}


# -- template-placeholder ----------------------------------------------------------------
SLOTS = [
    "Written by [Author Name] for [Clinic Name].", "Ask [your pharmacist's name] or call [phone number 2].",
    "[Source: ] and [citation needed] and [insert chart of doses here]", "See (insert link) or (add a source).",
    "(link here)", "Insert citation here.", "Add a table below.", "Some text. Paste the image here.",
    "<<DOSE TABLE>> then <DRUG NAME> and <insert dose>", "INSERT DOSE TABLE", "Lorem ipsum dolor sit amet.",
    "TODO: check the renal dose", "The cap is TBD", "FIXME", "TBA soon", "Take XX mg or xx-XX mL daily.",
    "Start with X mg, then X.X mg.", "Call XXX-XXX-XXXX.", "Price: $XX.", "Born XX/XX/XXXX", "Due MM/DD/YYYY",
    "Dated YYYY-MM-DD", "See Figure X and Step X.", "Code XXXX here.", "The approval year is TK.", "Dose: TK",
    "TKTK", "[TK]", "Name: ______", "___ mg", "{{ author_name }}", "{% if x %}", "${dose}", "{drug_name}",
    "%%BRAND%%",
]


@pytest.mark.parametrize("line", SLOTS)
def test_every_placeholder_match_holds_one_of_its_triggers(line):
    checked = 0
    for pattern, _, own, on_folded in tp._PATTERNS:
        for m in pattern.finditer(line):
            inside = line[m.start():m.end()]
            scanned = inside.lower() if on_folded else inside
            assert any(t.search(scanned) for t in own or (pattern,)), (pattern.pattern, inside)
            checked += 1
    assert checked  # each sample line holds some placeholder


DRAFT = """# Metoprolol for high blood pressure

Written by

Updated June 2026 | Author:

Take XX mg twice a day [citation needed]. TODO: confirm the dose with [Reviewer Name].

Most people start on 25 mg. Insert citation here.

The price is $XX and the helpline is XXX-XXX-XXXX; see Figure X.

| Dose | Note |
| --- | --- |
| ___ mg | TBD |

Lorem ipsum dolor sit amet. The approval year is TK.
"""


@pytest.mark.parametrize("extra", ["", " Ask [your pharmac\u0131st]."])
def test_template_placeholder_finds_the_same_with_and_without_triggers(monkeypatch, extra):
    rule = tp.TemplatePlaceholder()
    text = DRAFT + extra
    fast = list(rule.check(_document(text)))
    assert len(fast) >= 12
    assert fast == _exhaustive(monkeypatch, rule, text)


# -- stale-review-date ---------------------------------------------------------------------
LABELS = ["Last updated", "last-reviewed", "Last modified", "last revised", "Last edited", "Last checked",
          "last review", "Last revision", "last update", "Medically reviewed", "Pharmacist reviewed",
          "Fact-checked", "fact checked", "Review date", "Clinically reviewed", "Physician reviewed",
          "Doctor reviewed", "Expert reviewed", "Peer reviewed", "Medical reviewed", "Date last reviewed",
          "Date updated", "Date modified", "Date revised", "Date of last review", "Updated", "Update", "Reviewed",
          "Revised", "Modified"]


@pytest.mark.parametrize("label", LABELS)
def test_every_review_label_starts_with_a_trigger(label):
    m = srd._LABEL.search(f"{label}: March 3, 2026")
    assert m is not None and m.start() == 0
    assert any(t.match(m.group().lower()) for t in srd._LABEL_STARTS)


STALE_DRAFT = """# Sertraline and sleep

Medically reviewed by Dr. Lena Park | Updated: March 2, 2024

Sertraline is usually taken in the morning. Last reviewed:

May 3, 2023

Take it with food if it upsets your stomach. Page last reviewed: 12/01/2022 | Fact checked by Omar Haddad
"""


@pytest.mark.parametrize("extra", ["", "\n\nReviewed by the \u0131nformation team.\n"])
def test_stale_review_date_finds_the_same_with_and_without_triggers(monkeypatch, extra):
    rule = srd.StaleReviewDate()
    text = STALE_DRAFT + extra
    fast = list(rule.check(_document(text)))
    assert len(fast) >= 2
    assert fast == _exhaustive(monkeypatch, rule, text)


# -- missing-disclaimer ------------------------------------------------------------------
WORDINGS = [
    "This page is for educational purposes only.", "Informational use only.",
    "Rely on your own pharmacist, not this page.", "It is no replacement for a visit to a qualified clinician.",
    "This guide does not take the place of a chat with your own doctor.",
    "It should not be used instead of the advice of your nurse.", "It is not meant to diagnose anything.",
    "Our notes should not be considered medical advice.", "Nothing here should be taken as medical advice.",
    "A general overview; not personal medical advice.",
    "Bring these questions to your visit, not to replace their guidance.",
    "Never ignore professional advice because of this page.", "Do not be used for self-treatment.",
    "Written to inform readers, and not to prescribe.", "This does not replace the care relationship.",
    "This tool can't offer you professional advice.", "We're not medical providers.",
    "This article contains general health information.", "This sheet is intended for medical professionals.",
]


@pytest.mark.parametrize("sentence", WORDINGS)
def test_every_disclaimer_wording_match_holds_one_of_its_triggers(sentence):
    matched = [(p, w) for p, w in md._WORDINGS if p.search(sentence)]
    assert matched
    for pattern, words in matched:
        for m in pattern.finditer(sentence):
            assert any(t.search(m.group().lower()) for t in words), pattern.pattern


NO_DISCLAIMER = """# Amlodipine and ankle swelling

Amlodipine 5 mg is used for high blood pressure. Ask your doctor
before you stop it; the swelling is not a reason to stop on your own.

Take it at the same time each day.
"""


@pytest.mark.parametrize("ending, found", [
    ("", 1),
    ("Please note that it is not a substitute\nfor professional medical advice.", 1),  # split by a line break
    ("Please note that it is not a substitute for professional medical advice.", 0),
    ("Disclaimer: the notes above are for general education and nothing more.", 0),
    ("Th\u0131s page is for informational purposes only.", 0),
])
def test_missing_disclaimer_finds_the_same_with_and_without_triggers(monkeypatch, ending, found):
    rule = md.MissingDisclaimer()
    text = NO_DISCLAIMER + "\n" + ending + "\n"
    fast = list(rule.check(_document(text)))
    assert len(fast) == found
    assert fast == _exhaustive(monkeypatch, rule, text)


# -- error-prone-notation: one scan of the whole prose ---------------------------------
def _table(**extra):
    from medlint import resources
    from medlint.rules.dosing.notation_table import NotationTable, load_table

    if not extra:
        return load_table(resources.read_ruleset_text("error_prone_notation.yaml"))
    base = {"sources": {"tjc": {"name": "TJC"}}, "designations": [],
            "abbreviations": [{"forms": ["qd"], "context": "anywhere", "means": "daily", "mistaken_for": "qid",
                               "use": ["daily"], "sources": ["tjc"]}]}
    return NotationTable({**base, **extra})


NOTATION_TEXT = ("5 mg qd\n\nTake 2.5, 5.0 and 10 mg; .5 mg at 10:00.\n\nOne tablet or half a tablet, ONE-HALF "
                 "capsule and an IU.\n\nGive 10U SC; 3 u/L is a lab value; 4 mg/dL too.\n\nq.d. or QD, MSO4, "
                 "D/C\n\nthe 1.0 mg dose.U\n\n\u0663 mg, \uff15 mg and 2 \u039cg, 7 \u212aeyword; 9 "
                 "TABLETS\n\nv2.0 mg 1,000.0 units a tablet,two puffs\n\n12mg")


def _per_block(pattern, text):
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans += [m.span() for m in pattern.finditer(text, start, start + len(part))]
        start += len(part) + 2
    return spans


def test_notation_scans_find_what_a_scan_of_each_block_finds():
    table = _table()
    for text in (NOTATION_TEXT, NOTATION_TEXT + "\n\nTake a\ttablet.", NOTATION_TEXT.upper()):
        assert table.doses(text, triggers.fold(text)) == _per_block(table.dose, text)
        assert table.abbreviations(text) == _per_block(table.abbreviation, text)
    assert len(table.doses(NOTATION_TEXT, NOTATION_TEXT.lower())) >= 15
    assert len(table.abbreviations(NOTATION_TEXT)) >= 8


def test_unit_tree_reads_units_as_the_case_insensitive_list_does():
    import re

    from medlint.rules.dosing import notation_table as nt

    units = ["tablets", "tablet", "mcg", "mg", "MG", "\u00b5g", "\u03bcg", "units", "unit", "U", "g", "sachets", "kit",
             "iu", "%"]
    flat = re.compile("(?i:" + "|".join(re.escape(u) for u in units) + ")")
    tree = re.compile(nt._unit_tree(units))
    for text in ["Tablets", "TABLET", "mcg", "Mg", "\u039cg", "\u03bcg", "\u00b5G", "UNITS", "u", "G", "\u017fachet",
                 "\u212ait", "\u0131u", "\u0130U", "%", "x", "unitx"]:
        assert [m.span() for m in flat.finditer(text)] == [m.span() for m in tree.finditer(text)], text


def test_tables_whose_units_or_forms_break_the_scan_have_none():
    assert _table(dose_units=["mg", "m\ng"]).doses("5 mg", "5 mg") is None
    assert _table(dose_units=["mg"]).doses("Take 5 mg qd", "take 5 mg qd") == [(5, 9)]
    assert _table(dose_units=["mg"]).doses("Take 5 mg qd", None) is None  # no folded text: scan each block


def test_error_prone_notation_finds_the_same_per_block(monkeypatch):
    from medlint.rules.dosing import error_prone_notation as epn

    rule = epn.ErrorProneNotation()
    text = "# Doses\n\n" + NOTATION_TEXT.replace("\n\n", "\n\n- ") + "\n"
    fast = list(rule.check(_document(text)))
    assert len(fast) >= 8
    with monkeypatch.context() as patched:
        patched.setattr(epn, "_separated", lambda prose, blocks: False)
        assert list(rule.check(_document(text))) == fast


# -- duplicate-content: words read from the prose lower-cased once ---------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from medlint.analysis.types import Sentence  # noqa: E402
from medlint.rules.hygiene import duplicate_content as dc  # noqa: E402

_PIECES = st.sampled_from(["Don't", "rock'n'roll", "a''b", "'quoted'", "dogs'", "x_y", "Caf\u00e9", "na\u00efve",
                           "\u201cSmart\u201d", "It\u2019s", "10,000", "3.5mg", "\u2014", "e.g.", "U.S.", "-", "/",
                           " ", "  ", "\t", "\n", "?", "(", ")", "ONE", "two", "\u00c9T\u00c9", "\u0131l", "\u212a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=0, max_size=12), min_size=1, max_size=6))
def test_duplicate_content_words_are_the_words_of_each_sentence(sentences):
    texts = ["".join(pieces) for pieces in sentences]
    prose = " ".join(texts)
    spans, start = [], 0
    for text in texts:
        spans.append(Sentence(start, start + len(text), 0, text))
        start += len(text) + 1
    words_of = dc._words_in(prose)
    for sentence in spans:
        assert words_of(sentence) == dc._words(sentence.text)
