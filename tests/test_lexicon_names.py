"""The lexicon's reading of names: international and British names, abbreviations of
generics, release/form wordings folded to the generic, and ordinary or class words that OTC
labels use as product names (which are not brands)."""
from __future__ import annotations

import pytest

from medlint.analysis.drugs import scan
from medlint.lexicon import store


@pytest.fixture(scope="module")
def lex():
    return store.load()


def mentions(text):
    return [(m.text, m.generic, m.brand) for m in scan(text)]


@pytest.mark.parametrize("name, generics", [
    ("hyoscine", ("scopolamine",)),                   # INN / U.S. name
    ("hyoscine hydrobromide", ("scopolamine",)),
    ("glyceryl trinitrate", ("nitroglycerin",)),
    ("pethidine", ("meperidine",)),
    ("frusemide", ("furosemide",)),                   # former British name
    ("lignocaine", ("lidocaine",)),
    ("ciclosporin", ("cyclosporine",)),
    ("acetylsalicylic acid", ("aspirin",)),
    ("macrogol", ("polyethylene glycol",)),
    ("sodium valproate", ("valproate",)),
    ("co-amoxiclav", ("amoxicillin", "clavulanate")),  # British "co-" name of a combination
    ("co-codamol", ("codeine", "acetaminophen")),
])
def test_international_names_are_aliases(lex, name, generics):
    entry = lex.lookup(name)
    assert entry is not None and not entry.is_brand
    assert entry.generics == generics


def test_an_international_name_in_prose_names_the_us_generic():
    assert mentions("Buscopan aside, hyoscine patches help with sea sickness.")[-1] == (
        "hyoscine", "scopolamine", None)
    assert mentions("A GTN spray (glyceryl trinitrate) eases angina.") == [
        ("GTN", "nitroglycerin", None), ("glyceryl trinitrate", "nitroglycerin", None)]


def test_abbreviations_of_generics_are_generics_in_capitals_only():
    assert mentions("Percocet is oxycodone/APAP; HCTZ is a diuretic.") == [
        ("Percocet", "oxycodone and acetaminophen", "Percocet"), ("oxycodone", "oxycodone", None),
        ("APAP", "acetaminophen", None), ("HCTZ", "hydrochlorothiazide", None)]
    assert mentions("Asa Lindqvist said the apap sound was loud.") == []


@pytest.mark.parametrize("text, written, generic", [
    ("She takes lamotrigine extended-release 300 mg.", "lamotrigine extended-release", "lamotrigine"),
    ("Aripiprazole orally disintegrating tablets dissolve.", "Aripiprazole orally disintegrating", "aripiprazole"),
    ("Indomethacin extended release is taken once.", "Indomethacin extended release", "indomethacin"),
])
def test_release_and_form_wordings_fold_to_the_generic(text, written, generic):
    (found,) = scan(text)
    assert (found.text, found.generic) == (written, generic)


def test_folded_wording_keeps_the_taper_class():
    (found,) = scan("Switch to lamotrigine extended-release 200 mg at night.")
    assert found.generic == "lamotrigine" and "antiepileptic" in found.classes


@pytest.mark.parametrize("word", [
    "anticoagulant", "multivitamin", "antitussive", "antacid", "lactated ringers", "ringers",
    "multiple electrolytes", "estrogenic", "balancer", "tea", "vinegar", "chalk",
])
def test_ordinary_and_class_words_are_not_drug_names(lex, word):
    assert lex.lookup(word) is None


def test_class_words_in_prose_are_not_brands():
    assert mentions("Rivaroxaban is an anticoagulant; take a multivitamin and green tea.") == [
        ("Rivaroxaban", "rivaroxaban", None)]


@pytest.mark.parametrize("brand, generic", [
    ("Tums", "calcium carbonate"),            # OTC name on many products, though a dictionary lists it
    ("MiraLAX", "polyethylene glycol"),       # ingredient written with its grade ("3350")
    ("Senokot", "sennosides"),                # OTC monograph active, no prescription product
    ("Metamucil", "psyllium"),
    ("Isentress", "raltegravir"),             # once misread as a generic from a label
])
def test_otc_and_label_brands_are_brands(lex, brand, generic):
    entry = lex.lookup(brand)
    assert entry is not None and entry.is_brand and entry.generics == (generic,)


def test_parse_reads_combination_and_abbreviation_aliases():
    lines = ["G\tfoozepam\t12\t\tfnr\n", "G\tbarzole\t3\t\tnr\n",
             "A\tco foozole\tfoozepam;barzole\n", "A\tfzp\tfoozepam\tk\n"]
    lex = store.parse(lines)
    assert lex.entries["co foozole"].generics == ("foozepam", "barzole")
    assert lex.entries["fzp"].generics == ("foozepam",) and "k" in lex.entries["fzp"].flags
    assert "k" not in lex.entries["foozepam"].flags
