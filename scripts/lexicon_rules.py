"""Build-time naming rules for scripts/build_lexicon.py: salts, brand clean-up, noise filters.

Kept apart from the builder so the rules (what counts as a salt, a descriptor, a store brand)
read as data. Runtime code never imports this module; it shares only
:func:`medlint.lexicon.normalize.norm` so that build and lookup tokenize names identically.
"""
from __future__ import annotations

import collections
import os
import re
import sys
from functools import lru_cache

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from medlint.lexicon.normalize import RELEASE_SUFFIXES, norm  # noqa: E402,F401

# Salt, ester and hydrate words stripped from the end of a substance name to get the
# canonical generic ("sertraline hydrochloride" -> "sertraline"). Nitrates are NOT stripped
# (isosorbide mononitrate and dinitrate are different drugs).
SALT_WORDS = set("""
hydrochloride hcl dihydrochloride monohydrochloride hydrobromide hydroiodide bitartrate tartrate
hemitartrate succinate maleate dimaleate mesylate dimesylate besylate tosylate fumarate hemifumarate
citrate phosphate diphosphate sulfate sulphate bisulfate hemisulfate acetate diacetate bromide
chloride iodide oxalate pamoate decanoate palmitate propionate dipropionate valerate butyrate
furoate acetonide hexacetonide cypionate enanthate undecanoate caproate lactate gluconate stearate
estolate ethylsuccinate benzathine procaine lysine meglumine tromethamine sodium potassium calcium
magnesium disodium dipotassium trisodium hydrate monohydrate dihydrate trihydrate sesquihydrate
hemihydrate anhydrous hyclate saccharate aspartate hippurate mandelate xinafoate trifenatate
medoxomil axetil pivoxil proxetil mofetil etabonate probutate aceponate napsylate edisylate
isethionate camsylate esylate embonate tannate polistirex bicarbonate carbonate hydroxide
hci hydrochrloride pivalate besilate bisulphate tetrahydrate hexahydrate pentahydrate heptahydrate
""".split())

# Words stripped only when what remains is already a generic ("rizatriptan benzoate" ->
# rizatriptan, but "benzyl benzoate" and "methyl salicylate" stay whole), including the
# four-letter suffixes of biosimilars ("adalimumab-atto" -> adalimumab).
WEAK_SUFFIXES = set("""
benzoate salicylate malate adipate olamine diolamine dipivoxil cilexetil lauroxil marboxil
kamedoxomil macrocrystals recombinant synthetic tablets tablet cream ointment gel suppository
patch alfa diethylamine digluconate triphosphate dibasic nafate
""".split())

# A remainder that is only a cation keeps its salt ("sodium chloride", "ferrous sulfate").
CATIONS = {"sodium", "potassium", "calcium", "magnesium", "aluminum", "aluminium", "zinc", "ferrous",
           "ferric", "ammonium", "bismuth", "silver", "copper", "iron", "cupric", "stannous", "barium",
           "strontium", "cesium", "chromium", "manganese", "selenium", "cobalt", "gold"}

# Words that describe a product, not name a brand ("Tablets", "Extra Strength", "Childrens").
FORM_WORDS = set("""
tablet tablets tab tabs capsule capsules caplet caplets gelcaps gelcap softgels softgel liquid
gels liqui injection injectable oral solution suspension syrup elixir cream ointment gel lotion
spray drops patch patches powder granules kit pack dose starter chewable chewables dispersible
disintegrating rapidly orally extended release delayed controlled sustained immediate modified
extra strength maximum regular ultra junior childrens children infants infant adult adults
pediatric formula original plus forte mini strips film films sprinkle sprinkles vial vials pen
pens prefilled syringe autoinjector inhaler inhalation nasal ophthalmic otic topical rectal vaginal
transdermal sublingual buccal concentrate intensol redi reditabs diskus respiclick flexpen solostar
kwikpen hfa tts cd
""".split())

# Store brands and labelers whose names head many unrelated OTC products.
STORE_BRANDS = set("""
equate kirkland sunmark topcare careone rexall walgreens leader cvs assured meijer kroger publix
goodsense quality choice smart sense wellness harris teeter family dg members mark signature care
up and good neighbor pharmacy healthy accents hannaford giant eagle valu perrigo major rugby qualitest
safeway foodhold amerisource bergen cardinal medline mckesson select basic premier value walgreen
winco shopko freds ecolab cerave onetouch reeses heb humana shoprite welby womans mens
""".split())

# OTC actives that are cosmetics, antiseptics or sunscreens rather than drugs a health article
# would pair with a brand name ("Purell" is not a brand of a medicine).
COSMETIC_ACTIVES = {
    "alcohol", "isopropyl alcohol", "ethyl alcohol", "benzalkonium", "triclosan", "sodium fluoride",
    "stannous fluoride", "zinc oxide", "titanium dioxide", "avobenzone", "octinoxate", "octocrylene",
    "homosalate", "oxybenzone", "octisalate", "ensulizole", "menthol", "camphor", "petrolatum",
    "white petrolatum", "glycerin", "dimethicone", "lanolin", "mineral oil", "witch hazel", "allantoin",
    "colloidal oatmeal", "hydrogen peroxide", "povidone iodine", "chloroxylenol", "benzethonium",
    "aluminum chlorohydrate", "sulfur", "salicylic acid", "pyrithione zinc", "selenium sulfide",
    "cocoa butter", "shark liver oil", "cetylpyridinium", "hyaluronic acid", "panthenol", "stearic acid",
    "xanthan gum", "polysorbate", "triclocarban",
}

_BOTANICAL = {"whole", "leaf", "root", "flower", "fruit", "seed", "bark", "mycelium", "extract", "oil", "herb",
              "bud", "rhizome", "peel", "gum", "placenta"}


def otc_drug_active(generic: str, weight: int, rx: bool) -> bool:
    """Whether an OTC product's single active ingredient is a medicine a brand name stands for:
    an ingredient of some prescription product, or an OTC monograph active on several
    products (sennosides, psyllium, tolnaftate); not a cosmetic, antiperspirant or botanical."""
    if weight <= 0 or generic in COSMETIC_ACTIVES or generic.startswith("aluminum"):
        return False
    return rx or (weight >= 5 and not _BOTANICAL & set(generic.split()))


# Generic names that are also everyday English words but name real medicines often enough that
# a health article means the drug ("aspirin", "insulin").
COMMON_WORD_DRUGS = set("""
aspirin insulin morphine nicotine caffeine melatonin codeine penicillin heroin cocaine lithium
methadone adrenaline epinephrine ketamine valium prozac viagra botox ritalin tylenol xanax advil
motrin aleve adderall cialis zoloft ambien ativan klonopin vicodin percocet oxycontin benadryl
lexapro lipitor nexium zyrtec claritin suboxone narcan lyrica neurontin
oxytocin testosterone estrogen progesterone cortisone heparin dopamine serotonin histamine opium
""".split())

# Curated brand names missing from the 2019 NDC snapshot and Drugs@FDA, each with its source.
SUPPLEMENT_BRANDS = [
    # Zithromax Z-PAK: Pfizer azithromycin 250 mg 6-tablet pack (Zithromax label, NDC 0069-3060-75)
    ("Z-Pak", ("azithromycin",), "sr"),
]

# One active moiety under several U.S. names (Depakote is divalproex, a valproate). International,
# British and "co-" names and abbreviations of generics are data: scripts/international_names.tsv.
SUPPLEMENT_ALIASES = {
    "valproic acid": "valproate", "divalproex": "valproate",
}

# Word endings of descriptions ("Decongestant", "Hemorrhoidal", "Micronized", "Postherpetic"),
# which brand names seen only on OTC labels or abroad almost never have.
_DESCRIPTIVE_ENDING = re.compile(r"(?:al|ant|ent|ing|ized|ised|ic|ener|ness|ity|ive|ous|ful|less|ary|"
                                 r"ory|able|ible|ment|ion|er|ers|ly|ore|un)$")

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-.&]*")


@lru_cache(maxsize=None)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # build-time only
    return zipf_frequency(word, "en")


def is_common_english(name: str, threshold: float) -> bool:
    """True when every word of ``name`` is an English word at least this frequent."""
    words = name.lower().split()
    return bool(words) and all(zipf(w) >= threshold for w in words)


def is_descriptor_phrase(name: str) -> bool:
    """"anti itch cream", "diaper rash cream": every word is a form word or everyday English."""
    return all(w in FORM_WORDS or zipf(w) >= 2.5 for w in name.split())


def plausible_name(name: str) -> bool:
    """A normalized drug name of 1-4 words, letters only, not a chemical descriptor."""
    words = name.split()
    if not 1 <= len(words) <= 4 or len(name) < 3:
        return False
    if any(ch.isdigit() for ch in name) or len(words[0]) < 3:
        return False
    return not any(w in {"component", "formed", "from", "extract", "unspecified"} for w in words)


def strip_salt(name: str) -> str:
    words = name.split()
    stripped = list(words)
    while len(stripped) > 1 and stripped[-1] in SALT_WORDS:
        stripped.pop()
    if len(stripped) < len(words) and len(stripped) == 1 and stripped[0] in CATIONS:
        return name
    return " ".join(stripped)


def merge_weak_forms(names, marketed) -> dict[str, str]:
    """Map "<generic> <salt, ester or suffix>" names to the generic they name.

    ``names`` are all generics, ``marketed`` those with products. A two-word name whose first
    word is a generic and whose second word is not itself a marketed generic is a form of the
    first ("dapagliflozin propanediol", "lecanemab irmb", "perindopril erbumine"); so are the
    WEAK_SUFFIXES after any generic. Nitrates stay distinct (isosorbide mono- and dinitrate),
    and so do salts of metals and everyday chemical words ("calcium carbonate").
    """
    known = set(names)
    merged = {}
    for name in known:
        words = name.split()
        if len(words) < 2:
            continue
        head, tail = " ".join(words[:-1]), words[-1]
        if head not in known or tail in _DISTINCT_TAILS or head in CATIONS or zipf(head) >= 2.5:
            continue  # "calcium carbonate", "dimethyl sulfoxide" name their own substances
        if tail in WEAK_SUFFIXES or (len(words) == 2 and tail not in marketed and len(tail) > 1):
            merged[name] = head
    return merged


_DISTINCT_TAILS = {"mononitrate", "dinitrate", "tezacaftor", "hydrochlorothiazide", "sulfoxide", "sulfone",
                   "mustard", "dextran", "acid", "glycol"}


def split_names(nonproprietary: str) -> list[str]:
    """Parts of an NDC NONPROPRIETARYNAME ("Amoxicillin and Clavulanate Potassium")."""
    parts = re.split(r";|,| and | with ", nonproprietary.lower())
    return [p for p in (norm(x) for x in parts) if plausible_name(p)]


def order_by_name(generics: list[str], nonproprietary: str) -> list[str]:
    """Order ingredients as the label names them ("oxycodone and acetaminophen")."""
    text = " " + norm(nonproprietary) + " "
    def position(g: str) -> int:
        at = text.find(" " + g.split()[0] + " ")
        return at if at >= 0 else len(text)
    return sorted(dict.fromkeys(generics), key=position)


def clean_brand(raw: str) -> str:
    text = re.sub(r"[\u00ae\u2122\u00a9]|\(.*?\)", " ", raw)
    text = re.sub(r"\s+", " ", text).strip(" .,-")
    return text


def _descriptor(token: str, generic_tokens: set[str]) -> bool:
    low = token.lower().strip(".'")
    return (low in FORM_WORDS or low in SALT_WORDS or low in RELEASE_SUFFIXES or low in generic_tokens
            or low in STORE_BRANDS)


def brand_forms(raw: str, generic_tokens: set[str]) -> list[str]:
    """The brand spelling(s) a product name contributes ("Xanax XR" -> "Xanax"), or none."""
    text = clean_brand(raw)
    tokens = text.split()
    # cut at the first token with a digit ("Tylenol 8 HR") and drop trailing descriptors
    for i, tok in enumerate(tokens):
        if any(ch.isdigit() for ch in tok):
            tokens = tokens[:i]
            break
    while tokens and (_descriptor(tokens[-1], generic_tokens) or tokens[-1].lower() in {"and", "with", "of", "for", "&"}):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 4 or not all(_WORD.fullmatch(t) for t in tokens):
        return []
    name = " ".join(tokens)
    for tail in RELEASE_SUFFIXES:  # "TOPROL-XL" -> "TOPROL"
        if name.lower().endswith("-" + tail):
            name = name[: -len(tail) - 1]
    low = norm(name).split()
    if not low or len(norm(name)) < 4:
        return []
    if any(w in generic_tokens for w in low):
        return []  # "Equate Ibuprofen", "Pregabalin Sandoz": a generic with a label
    if len(low) == 1:
        if _descriptor(low[0], generic_tokens) or (zipf(low[0]) >= 3.6 and low[0] not in COMMON_WORD_DRUGS):
            return []  # "Today", "Focus", "Alert"
    elif all(_descriptor(w, generic_tokens) or zipf(w) >= 3.0 for w in low):
        return []  # "Allergy Relief", "Hand Sanitizer", "Sleep Aid"
    return [name]


def brand_head(raw: str, generic_tokens: set[str]) -> str | None:
    """The brand word heading a multi-word product name ("Childrens Motrin IB" -> "Motrin")."""
    tokens = clean_brand(raw).split()
    if len(tokens) < 2:
        return None
    for tok in tokens:
        low = tok.lower()
        if not re.fullmatch(r"[a-z]{4,}", low) or _descriptor(low, generic_tokens):
            continue
        if zipf(low) >= 3.0 and low not in COMMON_WORD_DRUGS:
            continue
        return tok
    return None


def common_generics(weights: dict[str, int], flags: dict[str, set[str]]) -> set[str]:
    """Substance names that are everyday words or foods ("water", "sea salt", "olive oil"):
    not worth reporting as drug mentions. Approved (Drugs@FDA) ingredients of middling
    frequency and well-known drugs ("aspirin") stay."""
    drop = set()
    for g in weights:
        words = g.split()
        if words[0] == "vitamin" or any(w in COMMON_WORD_DRUGS for w in words):
            continue
        top = min(zipf(w) for w in words)
        if top >= 3.0 and not ("f" in flags.get(g, ()) and top < 3.5):
            drop.add(g)
    return drop


def canonical_spelling(spellings: collections.Counter) -> str:
    """Prefer the label's mixed-case spelling ("OxyContin"); title-case an all-caps one."""
    mixed = [(n, s) for s, n in spellings.items() if not s.isupper() and not s.islower()]
    if mixed:
        return max(mixed)[1]
    return spellings.most_common(1)[0][0].title()


def accept_brand(name: str, flags: set[str], weight: int = 1) -> bool:
    """Final filter once every source has been merged into ``flags``.

    Prescription and Drugs@FDA names are trusted; a name seen only on OTC labels or only in
    the international UNII brand list must be one word that is not an English word (OTC store
    products and foreign pesticide brands are mostly everyday words: "Numb", "Promoter").
    A well-known OTC brand on many products ("Afrin", "Tums") may be a frequent web word as
    long as no English dictionary lists it.
    """
    words = norm(name).split()
    if any(w in {"component", "components", "kit", "units", "pack"} for w in words):
        return False
    if "f" in flags or "s" in flags or {"n", "r"} <= flags:
        return True
    if " " in name.strip() or "-" in name or _DESCRIPTIVE_ENDING.search(words[0]) or words[0] in STORE_BRANDS:
        return False
    if zipf(words[0]) < 2.0:
        return True
    if "o" in flags and weight >= 20 and zipf(words[0]) < 2.5:
        return True  # a house-hold OTC name on many products ("Tums"), even if a dictionary lists it
    return "o" in flags and weight >= 5 and zipf(words[0]) < 3.5 and words[0] not in _dictionary()


def looks_like_typo(key: str, generics: list[str], weights: dict[str, int]) -> bool:
    """A "brand" that is its own generic misspelled on a label ("Acetamiophen")."""
    from rapidfuzz.distance import DamerauLevenshtein  # build-time only
    for g in generics:
        if key != g and DamerauLevenshtein.distance(key, g) <= max(1, len(g) // 5):
            return True
    return False


def everyday_alias(alias: str) -> bool:
    """An alias that is an everyday word ("tea" for trolamine, "chalk", "vinegar"): every word
    at least as frequent as the generics :func:`common_generics` drops."""
    words = alias.split()
    return not any(w in COMMON_WORD_DRUGS for w in words) and min(zipf(w) for w in words) >= 3.0


def word_like(key: str) -> bool:
    """A one-word brand that is also an everyday English word or a first name ("Versed", "Camila")."""
    return " " not in key and zipf(key) >= 2.5 and key not in COMMON_WORD_DRUGS


# Word-like brands kept although they are dictionary words: real medicines an article names.
KEEP_WORD_BRANDS = {"soma", "sonata", "versed", "adrenalin", "allegra"}


@lru_cache(maxsize=None)
def _dictionary():
    from spellchecker import SpellChecker  # build-time only
    return SpellChecker()


def dictionary_word_brand(key: str) -> bool:
    """A word-like brand that a general English dictionary lists ("Molar", "Triad", "Fallback"):
    mostly read as the word, so not kept as a brand."""
    return word_like(key) and key not in KEEP_WORD_BRANDS and key in _dictionary()
