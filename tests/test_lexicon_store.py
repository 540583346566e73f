"""The prebuilt drug lexicon: contents, aliases, noise filters, parsing and the load cache."""
from __future__ import annotations

import pytest

from medlint import resources
from medlint.lexicon import store
from medlint.lexicon.normalize import norm


@pytest.fixture(scope="module")
def lex():
    return store.load()


def test_load_is_cached_once_per_process(lex):
    assert store.load() is lex


def test_lexicon_is_large_with_brands(lex):
    brands = sum(1 for e in lex.entries.values() if e.is_brand)
    generics = sum(1 for k, e in lex.entries.items() if not e.is_brand and e.generics == (k,))
    assert len(lex.entries) > 20000
    assert brands > 5000 and generics > 10000


def test_data_file_carries_its_provenance():
    with open(resources.data_path(store.DATA_FILE), encoding="utf-8") as handle:
        header = [next(handle) for _ in range(6)]
    text = "".join(header)
    assert "scripts/build_lexicon.py" in text and "NDC" in text and "Drugs@FDA" in text and "UNII" in text


@pytest.mark.parametrize("name, generics", [
    ("sertraline hydrochloride", ("sertraline",)),    # salt form -> canonical generic
    ("metoprolol succinate", ("metoprolol",)),
    ("paracetamol", ("acetaminophen",)),              # INN/BAN name -> U.S. name
    ("salbutamol", ("albuterol",)),
    ("adrenaline", ("epinephrine",)),
    ("levonorgestrel", ("levonorgestrel",)),
    ("esketamine", ("esketamine",)),
    ("clobazam", ("clobazam",)),
])
def test_generic_names_and_aliases(lex, name, generics):
    entry = lex.lookup(name)
    assert entry is not None and not entry.is_brand
    assert entry.generics == generics


@pytest.mark.parametrize("brand, spelling, generics", [
    ("KLONOPIN", "Klonopin", ("clonazepam",)),
    ("zoloft", "Zoloft", ("sertraline",)),
    ("Toprol", "Toprol", ("metoprolol",)),
    ("Z-Pak", "Z-Pak", ("azithromycin",)),           # curated supplement
    ("Advil", "Advil", ("ibuprofen",)),               # OTC head brand from "Advil Liqui-Gels"...
    ("Tylenol", "Tylenol", ("acetaminophen",)),
    ("OxyContin", "OxyContin", ("oxycodone",)),       # the label's mixed case is kept
    ("Percocet", "Percocet", ("oxycodone", "acetaminophen")),
    ("Neurontin", "Neurontin", ("gabapentin",)),
    ("Lyrica", "Lyrica", ("pregabalin",)),
])
def test_brands_map_to_their_generics(lex, brand, spelling, generics):
    entry = lex.lookup(brand)
    assert entry is not None and entry.is_brand
    assert entry.brand == spelling
    assert entry.generics == generics


@pytest.mark.parametrize("noise", [
    "today", "focus", "alert", "hand sanitizer", "allergy relief", "water", "sea salt",
    "acetominophen", "asprin",  # label typos are not names
    "postherpetic", "decongestant",  # descriptions on OTC labels are not brands
])
def test_noise_is_filtered_out(lex, noise):
    assert lex.lookup(noise) is None


def test_correct_look_alikes_are_both_present(lex):
    for a, b in [("prednisone", "prednisolone"), ("hydroxyzine", "hydralazine"), ("tramadol", "trazodone"),
                 ("levetiracetam", "levocetirizine"), ("celecoxib", "citalopram")]:
        assert lex.lookup(a).generics != lex.lookup(b).generics


def test_brands_of_a_generic(lex):
    assert "Klonopin" in lex.brands_of("clonazepam")
    assert "Zoloft" in lex.brands_of("sertraline")


def test_word_like_brands_are_flagged(lex):
    assert "w" in lex.lookup("soma").flags
    assert "w" not in lex.lookup("xanax").flags


def test_epc_classes_are_kept(lex):
    assert "Benzodiazepine" in lex.generic_classes["lorazepam"]
    assert "beta-Adrenergic Blocker" in lex.generic_classes["atenolol"]


def test_parse_reads_every_row_kind():
    lines = [
        "# header\n",
        "C\t0\tBenzodiazepine\n",
        "G\tfoozepam\t12\t0\tfnr\n",
        "A\tfoozepam mesylate\tfoozepam\n",
        "B\tfoozix xr\tFoozix XR\tfoozepam\t3\tfr\n",
        "A\torphan alias\tnot a generic\n",
    ]
    lex = store.parse(lines)
    assert lex.entries["foozepam"].generics == ("foozepam",)
    assert lex.entries["foozepam mesylate"].generics == ("foozepam",)
    assert lex.entries["foozix xr"].brand == "Foozix XR"
    assert "orphan alias" not in lex.entries
    assert lex.max_words == {"foozepam": 2, "foozix": 2}
    assert lex.generic_classes == {"foozepam": ("Benzodiazepine",)}


@pytest.mark.parametrize("raw, key", [("Toprol-XL", "toprol xl"), ("TOPROL  XL", "toprol xl"),
                                      ("St. John's Wort", "st john s wort"), ("Z-Pak", "z pak")])
def test_norm_keys(raw, key):
    assert norm(raw) == key
