"""rulesets/taper_classes.yaml: every class complete enough, sourced, and consistent with the lexicon."""
from __future__ import annotations

import pytest

from medlint.lexicon import store, taper

EXPECTED = {
    "benzodiazepine": ["lorazepam", "clonazepam", "alprazolam", "diazepam", "temazepam", "clobazam"],
    "z-drug": ["zolpidem", "eszopiclone", "zaleplon"],
    "ssri": ["escitalopram", "sertraline", "fluoxetine", "paroxetine"],
    "snri": ["desvenlafaxine", "duloxetine", "venlafaxine", "levomilnacipran"],
    "tricyclic": ["nortriptyline", "amitriptyline", "clomipramine"],
    "maoi": ["phenelzine", "tranylcypromine", "isocarboxazid"],
    "other-antidepressant": ["mirtazapine", "trazodone", "vortioxetine", "bupropion"],
    "opioid": ["hydromorphone", "tapentadol", "oxycodone", "tramadol", "buprenorphine", "methadone"],
    "corticosteroid": ["methylprednisolone", "prednisone", "prednisolone", "dexamethasone", "hydrocortisone"],
    "beta-blocker": ["atenolol", "carvedilol", "metoprolol", "propranolol", "nebivolol"],
    "central-alpha2-agonist": ["guanfacine", "clonidine", "methyldopa"],
    "antiepileptic": ["topiramate", "levetiracetam", "lamotrigine", "pregabalin", "lacosamide"],
    "gabapentinoid": ["pregabalin", "gabapentin"],
    "baclofen": ["baclofen"],
    "antipsychotic": ["aripiprazole", "quetiapine", "haloperidol", "clozapine"],
    "barbiturate": ["phenobarbital", "butalbital"],
}


@pytest.fixture(scope="module")
def classes():
    return taper.load()


def test_every_rules_md_class_is_present(classes):
    assert set(EXPECTED) <= set(classes)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_sample_members(classes, key):
    for drug in EXPECTED[key]:
        assert drug in classes[key].members, (key, drug)
        assert key in taper.classes_for([drug])


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_every_class_has_a_reason_and_sources(classes, key):
    cls = classes[key]
    assert len(cls.reason) > 40 and cls.sources and cls.label


def test_every_member_is_a_canonical_generic_of_the_lexicon(classes):
    lex = store.load()
    for cls in classes.values():
        for member in cls.members:
            entry = lex.lookup(member)
            assert entry is not None and entry.generics == (member,), (cls.key, member)


def test_outside_the_classes():
    for drug in ["metformin", "atorvastatin", "amoxicillin", "ibuprofen", "loperamide", "budesonide"]:
        assert taper.classes_for([drug]) == ()


def test_class_words_name_their_classes():
    terms = taper.term_index()
    assert terms["benzodiazepines"] == ("benzodiazepine",)
    assert "ssri" in terms["antidepressants"] and "snri" in terms["antidepressants"]
    assert terms["beta blockers"] == ("beta-blocker",)


def test_combination_gets_the_union_of_classes():
    assert set(taper.classes_for(["oxycodone", "acetaminophen"])) == {"opioid"}
    assert set(taper.classes_for(["gabapentin"])) == {"antiepileptic", "gabapentinoid"}
