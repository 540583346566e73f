"""Build-time reading of label names for scripts/build_lexicon.py: what an NDC
NONPROPRIETARYNAME part that is not a standard substance name really is, and the
international-name table.

An NDC label names its product in free text ("Lamotrigine Extended-Release", "Cetirizine
Hydrochloride Tablets", "Antacid", "Dextromethorpan Guaifenesin"). Such a part is:

* a **form** of a standard generic: release, dosage-form, route, schedule or salt words around
  it ("lamotrigine extended release" -> lamotrigine, "extended phenytoin sodium" -> phenytoin);
  kept as an alias, so a mention folds to the canonical generic (and its taper class);
* a **combination** of standard generics ("amlodipine valsartan"): dropped, each ingredient is
  matched by itself;
* **ordinary or class words** ("antacid", "anticoagulant sodium citrate", "corn removers"):
  dropped, they are not drug names;
* a **misspelling** on the label ("dextromethorpan", "hydrocodone bitatrate"): dropped;
* otherwise a name of its own ("heliox", "conjugated estrogens"), kept as a generic.

Runtime code never imports this module.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

import lexicon_rules as R

# Words around a generic on a label that say how it is made or given, not what it is.
LABEL_DESCRIPTORS = R.FORM_WORDS | set(R.RELEASE_SUFFIXES) | set("""
for in with and of usp nf pf enteric coated topical pediatric hbr suppository suppositories system
transdermal intensol sublingual relief sunscreen shampoo toothpaste swab swabs swabstick pads prep
supplement dietary fiber stimulant laxative decongestant glucocorticoid medicated civ cii ciii cv
ultramicrosize microsize micronized macrocrystals macrocrystalline liquid liquids hemi anhydrous
monobasic dibasic tribasic
""".split())

# A word that names a kind of product or an action rather than a substance ("anticoagulant",
# "antiperspirant", "antacid", "decongestant", "expectorant", "emulsified", "lightener").
_CLASS_WORD = re.compile(r"^anti[a-z]{4,}$|(?:ant|ants|ent|ents|ive|ives|ic|ics|ized|ised|ied|"
                         r"ener|izer|er|ers|or|ors|ory|ing)$")


def is_class_word(word: str) -> bool:
    """A dictionary word shaped like a class, property or agent noun ("anticoagulant")."""
    return bool(_CLASS_WORD.search(word)) and (word in R._dictionary() or R.zipf(word) >= 2.0)


def ordinary_brand(key: str, medical: set[str]) -> bool:
    """A "brand" that is a clinical word, a class-shaped word or (for several words) everyday
    phrasing: "Anticoagulant", "Multivitamin", "Antitussive", "Lactated Ringers",
    "Multiple Electrolytes". One-word brands that are frequent words are left to the
    word-like guards of :mod:`lexicon_rules`."""
    words = key.split()
    if len(words) == 1:
        return key in medical or key in LABEL_DESCRIPTORS or (
            is_class_word(key) and R.zipf(key) >= 2.0 and key not in R.KEEP_WORD_BRANDS and key not in R.COMMON_WORD_DRUGS)
    return all(w in medical or is_class_word(w) or (len(w) >= 4 and (w in LABEL_DESCRIPTORS or (
        R.zipf(w) >= 3.0 and w not in R.COMMON_WORD_DRUGS))) for w in words)


def core_name(part: str, vocabulary: set[str]) -> str:
    """The part without descriptor words at either end (nor everyday words trailing a name:
    "pyrithione zinc shampoo"), and without trailing salts."""
    words = part.split()
    while words and (words[-1] in LABEL_DESCRIPTORS
                     or (len(words) > 1 and R.zipf(words[-1]) >= 2.5 and words[-1] not in vocabulary)):
        words.pop()
    while words and words[0] in LABEL_DESCRIPTORS:
        words.pop(0)
    return R.strip_salt(" ".join(words)) if words else ""


def segments(text: str, standard: set[str]) -> list[str] | None:
    """Split ``text`` into standard generics (longest first), skipping salts and descriptors;
    None when some word belongs to none."""
    words, out, i = text.split(), [], 0
    while i < len(words):
        for k in (4, 3, 2, 1):
            cand = " ".join(words[i:i + k])
            if len(words[i:i + k]) == k and (cand in standard or R.strip_salt(cand) in standard):
                out.append(cand)
                i += k
                break
        else:
            if words[i] in R.SALT_WORDS or words[i] in LABEL_DESCRIPTORS:
                i += 1
                continue
            return None
    return out


def reductions(core: str) -> list[str]:
    """``core`` and the names it may stand for once a weak suffix, a leading cation or salt
    word, or a trailing letter is dropped ("chlorhexidine digluconate", "sodium sulfacetamide",
    "sennosides a")."""
    words = core.split()
    out = [core]
    if len(words) > 1:
        if words[-1] in R.WEAK_SUFFIXES or len(words[-1]) == 1:
            out.append(" ".join(words[:-1]))
        if words[0] in R.SALT_WORDS or words[0] in R.CATIONS:
            out.append(" ".join(words[1:]))
    return out


def ordinary_word(word: str, medical: set[str]) -> bool:
    """Everyday English, a clinical word of ``medical``, a class-shaped word, or a descriptor."""
    return R.zipf(word) >= 3.0 or word in medical or is_class_word(word) or word in LABEL_DESCRIPTORS


def classify(part: str, standard: set[str], vocabulary: set[str], near, brands: set[str],
             medical: set[str]) -> tuple[str, str]:
    """("alias", generic) | (kind, "") | ("name", core), kind one of "empty", "combination",
    "ordinary", "brand", "misspelt".

    ``standard`` holds the marketed generics, ``vocabulary`` every word of them plus the salt
    words, ``near(word)`` a vocabulary word a slip or two from ``word`` (or None), ``brands``
    the keys of product names seen as brands, ``medical`` the clinical vocabulary."""
    core = core_name(part, vocabulary)
    if not core or all(w in R.SALT_WORDS or w in LABEL_DESCRIPTORS for w in core.split()):
        return "empty", ""
    for name in reductions(core):
        if name in standard:
            return "alias", name
    parts = segments(part, standard)
    if parts and len(parts) >= 2:
        return "combination", ""
    words = core.split()
    if all(ordinary_word(w, medical) for w in words):
        return "ordinary", ""
    if (part in brands or core in brands) and not all(w in R._dictionary() for w in words):
        return "brand", ""  # "Isentress", "Pepto Bismol" (but "Calamine" lotion is named by its generic)
    for w in part.split():
        if w in vocabulary or len(w) < 5:
            continue
        if near(w) or any(len(g) >= 6 and w.startswith(g) and len(w) > len(g) + 2 for g in standard if " " not in g
                          and g[:3] == w[:3]):
            return "misspelt", ""  # "dextromethorpan", "pioglitazonehydrochloride"
        if R.zipf(w) < 2.0 and _english_slip(w):
            return "misspelt", ""  # "moistruizing"
    return "name", core


@lru_cache(maxsize=None)
def _english_slip(word: str) -> bool:
    """One edit from a common English word ("moistruizing")."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters}
    return any(len(e) >= 5 and R.zipf(e) >= 2.5 for e in edits - {word})


def read_international(path: str) -> list[tuple[str, tuple[str, ...], str]]:
    """Rows of ``international_names.tsv``: (name as written, U.S. generics, kind)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            name, generics, kind, _source = line.rstrip("\n").split("\t")
            rows.append((name, tuple(g.strip() for g in generics.split(";")), kind))
    return rows


INTERNATIONAL_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "international_names.tsv")


@lru_cache(maxsize=None)
def medical_words() -> frozenset[str]:
    """The curated clinical vocabulary shipped in ``medlint/data/medical_words.txt``."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "medlint", "data", "medical_words.txt")
    with open(path, encoding="utf-8") as handle:
        return frozenset(w for w in (line.split("#", 1)[0].strip().lower() for line in handle) if w)


def finish_aliases(b, brand_keys: set[str]) -> list[str]:
    """NDC nonproprietary names that are not standard substance names, read by
    :func:`classify`: a release/form/salt wording of a generic becomes its alias
    ("lamotrigine extended release" -> lamotrigine); combinations, ordinary or class words
    ("antacid"), product names and label misspellings are left out; another name kept by
    two labelers becomes a generic of its own. Returns the misspellings, for the report."""
    from rapidfuzz import process  # build-time only
    from rapidfuzz.distance import DamerauLevenshtein

    standard = {g for g, n in b.weight.items() if n > 0}
    vocabulary = sorted({w for g in standard for w in g.split()} | R.SALT_WORDS)
    medical = medical_words()

    def near(word: str):
        found = process.extractOne(word, vocabulary, scorer=DamerauLevenshtein.distance,
                                   score_cutoff=max(1, len(word) // 5))
        return found[0] if found and found[0] != word else None

    typos = []
    vocab_set = set(vocabulary)
    for part, labelers in sorted(b.nonprop_parts.items()):
        if part in b.weight or part in b.aliases or not R.plausible_name(part):
            continue
        if len(labelers) < 2 or len(part.split()) > 4:
            continue
        kind, name = classify(part, standard, vocab_set, near, brand_keys, medical)
        if kind == "alias":
            b.aliases.setdefault(part, name)
        elif kind == "misspelt":
            typos.append(part)
        elif kind == "name":
            b.weight[name] += 0
            b.gflags[name].add("n")
            if name != part:
                b.aliases.setdefault(part, name)
    return typos


def add_international(b) -> None:
    """International, former British and combination names, and abbreviations of generics, from
    ``scripts/international_names.tsv`` (each row with its source)."""
    for name, generics, kind in read_international(INTERNATIONAL_FILE):
        key = R.norm(name)
        if kind == "new" and generics[0] not in b.weight:
            b.weight[generics[0]] += 0
            b.gflags[generics[0]].add("s")
        missing = [g for g in generics if g not in b.weight]
        if missing:
            print(f"international name {name!r}: not in the lexicon: {missing}")
        elif kind == "brand":
            b.curated_brands.append((name, generics))
        elif kind == "abbr":
            b.abbreviations[key] = generics
        elif len(generics) > 1:
            b.multi_aliases[key] = generics
        else:
            b.merge_into(key, generics[0])
