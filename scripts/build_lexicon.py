#!/usr/bin/env python3
"""Build medlint's compact drug lexicon (``medlint/data/drug_lexicon.tsv``) from FDA data.

Run at BUILD time only, by a maintainer, never by medlint itself:

    python scripts/build_lexicon.py --data-dir /path/to/drugs [--out medlint/data/drug_lexicon.tsv]

Inputs (all U.S. FDA data, public domain; see the data directory's SOURCES.md):

* FDA NDC Directory ``product.txt`` (tab-separated): SUBSTANCENAME, NONPROPRIETARYNAME,
  PROPRIETARYNAME(+SUFFIX), PRODUCTTYPENAME, MARKETINGCATEGORYNAME, PHARM_CLASSES.
* Drugs@FDA ``Products.txt``: DrugName and ActiveIngredient.
* FDA UNII Names list (brand ``bn`` and official ``of`` rows of drug substances).

Output: one plain UTF-8 TSV that medlint loads with ``str.split`` (well under 100 ms):

    C  <index>  <EPC class name>                       pharmacologic class table
    G  <generic>  <weight>  <class indexes>  <flags>     canonical generic (lower case)
    A  <alias>  <generic[;generic]>  [k]             other name (salt form, INN, "co-" name) -> generic(s);
                                                       ``k``: an abbreviation ("APAP"), matched in capitals only
    B  <key>  <Brand>  <generic;generic>  <weight>  <flags>  brand (canonical spelling) -> generic(s)

``weight`` is the number of NDC/Drugs@FDA product rows (a popularity proxy used to rank
spelling suggestions); flags: ``n`` NDC, ``f`` Drugs@FDA, ``u`` UNII, ``r`` prescription
(for a generic: an ingredient of some prescription product),
``o`` over the counter, ``s`` curated supplement; ``w`` marks a brand that is also an
everyday word or name ("Soma", "Camila"), matched only when capitalized. Noise is filtered: store-brand phrases ("Allergy Relief"), common
English words ("Today", "Focus"), homeopathic and allergenic products, labeler typos seen
only once, descriptors longer than four words.
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__))))
import lexicon_labels as L  # noqa: E402  (build-time helpers beside this script)
import lexicon_rules as R  # noqa: E402

NDC_FILE = "fda_ndc_product_20190429.tsv"
FDA_FILE = "drugsatfda_Products_2023.txt"
UNII_FILE = "fda_unii_names_drugs_bn_of.tsv"


class Builder:
    """Accumulates generics, aliases and brands from the three sources."""

    def __init__(self) -> None:
        self.weight: collections.Counter[str] = collections.Counter()
        self.gflags: dict[str, set[str]] = collections.defaultdict(set)
        self.classes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.aliases: dict[str, str] = {}
        self.brands: dict[str, dict] = {}       # key -> {"spell": Counter, "sets": Counter, "flags": set, "weight": int}
        self.rx_ingredients: set[str] = set()
        self.nonprop_parts: dict[str, set[str]] = collections.defaultdict(set)  # part -> labelers
        self.multi_aliases: dict[str, tuple[str, ...]] = {}  # "co amoxiclav" -> (amoxicillin, clavulanate)
        self.abbreviations: dict[str, tuple[str, ...]] = {}  # "apap" -> (acetaminophen,), capitals only
        self.curated_brands: list[tuple[str, tuple[str, ...]]] = []  # ("Efexor", (venlafaxine,))

    # -- generics ------------------------------------------------------------------
    def add_ingredient(self, raw: str, flag: str, weight: int = 1) -> str | None:
        name = R.norm(raw)
        head, _, tail = name.rpartition(" ")
        if tail.isdigit() and len(head.rsplit(" ", 1)[-1]) >= 4:
            name = head  # "polyethylene glycol 3350", "polysorbate 80" (not isotopes: "sodium iodide i 131")
        if not R.plausible_name(name):
            return None
        canon = R.strip_salt(name)
        self.weight[canon] += weight
        self.gflags[canon].add(flag)
        if name != canon:
            self.aliases.setdefault(name, canon)
        return canon

    def merge_into(self, alias: str, generic: str) -> None:
        """``alias`` names ``generic``: its weight, sources and classes move there."""
        if alias != generic:
            self.weight[generic] += self.weight.pop(alias, 0)
            self.gflags[generic] |= self.gflags.pop(alias, set())
            for cls, n in self.classes.pop(alias, {}).items():
                self.classes[generic][cls] += n
            if alias in self.rx_ingredients:  # "rizatriptan benzoate" is prescribed: so is rizatriptan
                self.rx_ingredients.add(generic)
            self.aliases[alias] = generic

    # -- brands ----------------------------------------------------------------------
    def add_brand(self, raw: str, generics: tuple[str, ...], flags: str, weight: int = 1) -> None:
        spelled = R.clean_brand(raw)
        if not spelled or not generics:
            return
        key = R.norm(spelled)
        if key in self.weight or key in self.aliases or key in generics:
            return
        entry = self.brands.setdefault(key, {"spell": collections.Counter(), "sets": collections.Counter(),
                                             "flags": set(), "weight": 0})
        entry["spell"][spelled] += 1
        entry["sets"][generics] += weight
        entry["flags"].update(flags)
        entry["weight"] += weight


def read_tsv(path: str):
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            if len(row) < len(header):
                row = row + [""] * (len(header) - len(row))
            yield dict(zip(header, row))


def load_ndc(b: Builder, path: str) -> list[tuple[str, tuple[str, ...], str]]:
    """Generics and classes from NDC; returns brand candidates for the second pass."""
    candidates = []
    for row in read_tsv(path):
        kind = row["PRODUCTTYPENAME"]
        category = row["MARKETINGCATEGORYNAME"]
        if ("ALLERGENIC" in kind or "HOMEOPATHIC" in category or kind == "CELLULAR THERAPY"
                or "Allergenic" in row["PHARM_CLASSES"] or "POLLEN" in row["SUBSTANCENAME"]):
            continue
        rx = kind != "HUMAN OTC DRUG"
        subs = [s for s in (x.strip() for x in row["SUBSTANCENAME"].split(";")) if s]
        generics = []
        for sub in subs:
            canon = b.add_ingredient(sub, "n")
            if canon:
                generics.append(canon)
                if rx:
                    b.rx_ingredients.add(canon)
        if not generics:
            continue
        order = R.order_by_name(generics, row["NONPROPRIETARYNAME"])
        if len(generics) == 1:
            for cls in row["PHARM_CLASSES"].split(","):
                cls = cls.strip()
                if cls.endswith("[EPC]"):
                    b.classes[generics[0]][cls[:-5].strip()] += 1
        labeler = row["PRODUCTNDC"].split("-")[0]
        for part in R.split_names(row["NONPROPRIETARYNAME"]):
            b.nonprop_parts[part].add(labeler)
        name = row["PROPRIETARYNAME"]
        if name and not row["NONPROPRIETARYNAME"].strip().lower() == name.strip().lower():
            candidates.append((name, tuple(order), "nr" if rx else "no"))
    return candidates


def load_fda(b: Builder, path: str) -> list[tuple[str, tuple[str, ...], str]]:
    candidates = []
    for row in read_tsv(path):
        ingredients = [s.strip() for s in row.get("ActiveIngredient", "").split(";") if s.strip()]
        generics = [g for g in (b.add_ingredient(s, "f") for s in ingredients) if g]
        if not generics:
            continue
        for g in generics:
            b.rx_ingredients.add(g)
        name = row.get("DrugName", "")
        if name and R.norm(name) != R.norm(row.get("ActiveIngredient", "")):
            candidates.append((name, tuple(generics), "fr"))
    return candidates


def load_unii(b: Builder, path: str) -> list[tuple[str, tuple[str, ...], str]]:
    """Official names become known generics; brands link through the UNII display name."""
    display: dict[str, str] = {}
    rows = list(read_tsv(path))
    for row in rows:
        display[row["UNII"]] = row["Display Name"]
    candidates = []
    for row in rows:
        if row["TYPE"] == "of":
            preferred = R.strip_salt(R.norm(row["Display Name"]))
            for raw in (row["Display Name"], row["Name"]):
                name = R.norm(raw)
                if not R.plausible_name(name) or R.is_common_english(name, 4.0):
                    continue
                canon = R.strip_salt(name)
                if canon != preferred and b.weight.get(preferred, 0) > 0:
                    b.aliases.setdefault(canon, preferred)  # INN/BAN name -> U.S. name (paracetamol)
                elif canon not in b.weight:
                    b.gflags[canon].add("u")
                    b.weight[canon] += 0
                if canon != name:
                    b.aliases.setdefault(name, canon)
        elif row["TYPE"] == "bn":
            canon = R.strip_salt(R.norm(display.get(row["UNII"], "")))
            if canon in b.rx_ingredients:  # only brands of substances marketed in the US
                candidates.append((row["Name"], (canon,), "u"))
    return candidates


def finish_brands(b: Builder, candidates) -> None:
    english_generics = {w for g, n in b.weight.items() if n > 0 for w in g.split()}
    for raw, generics, flags in candidates:
        if "o" in flags:
            # OTC: only names that map to one marketed drug ingredient (not cosmetics/antiseptics)
            generic = resolve(b, generics[0])
            if len(generics) != 1 or not R.otc_drug_active(generic, b.weight.get(generic, 0), generic in b.rx_ingredients):
                continue
        for name in R.brand_forms(raw, english_generics):
            b.add_brand(name, generics, flags)
    # heads of multi-word names ("Tylenol Extra Strength", "Tylenol PM" -> Tylenol: acetaminophen)
    heads: dict[str, list] = collections.defaultdict(list)
    for raw, generics, flags in candidates:
        head = R.brand_head(raw, english_generics)
        if head:
            heads[head].append((set(generics), flags))
    for head, uses in heads.items():
        common = set.intersection(*(g for g, _ in uses))
        if len(common) == 1 and len(uses) >= 2:
            generic = next(iter(common))
            if generic in b.rx_ingredients and generic not in R.COSMETIC_ACTIVES:
                b.add_brand(head, (generic,), "".join(sorted({f for _, fl in uses for f in fl})), len(uses))


def merge_weak(b: Builder) -> None:
    """Fold salt, ester and suffix forms into their generic; chains ("a b c" -> "a b" -> "a")
    are followed to the end, in sorted order, so the build is deterministic."""
    marketed = {g for g, n in b.weight.items() if n > 0}
    merged = R.merge_weak_forms(sorted(b.weight), marketed)
    for name in sorted(merged):
        generic = merged[name]
        while generic in merged and merged[generic] != generic:
            generic = merged[generic]
        b.merge_into(name, generic)
    for alias in sorted(b.aliases):
        b.aliases[alias] = resolve(b, b.aliases[alias])


def resolve(b: Builder, generic: str) -> str:
    """The generic an alias chain ends at."""
    seen = {generic}
    while generic in b.aliases and b.aliases[generic] not in seen:
        generic = b.aliases[generic]
        seen.add(generic)
    return generic


def write(b: Builder, out: str, sources: list[str]) -> dict[str, int]:
    drop = R.common_generics(b.weight, b.gflags)
    class_names = sorted({c for cnt in b.classes.values() for c in cnt})
    class_index = {c: i for i, c in enumerate(class_names)}
    lines = [
        "# medlint drug lexicon, generated by scripts/build_lexicon.py; do not edit by hand.",
        f"# built {dt.date.today().isoformat()} from U.S. FDA data (public domain, 17 U.S.C. 105):",
        *(f"#   {s}" for s in sources),
        "# rows: C index class | G generic weight classes flags | A alias generic[;generic] [k]"
        " | B key Brand generics weight flags",
    ]
    lines += [f"C\t{i}\t{c}" for c, i in class_index.items()]
    generics = sorted(g for g in b.weight if g not in drop)
    keep = set(generics)
    for g in generics:
        cls = ",".join(str(class_index[c]) for c, _ in b.classes[g].most_common())
        flags = "".join(sorted(b.gflags[g] | ({"r"} if g in b.rx_ingredients else set())))
        lines.append(f"G\t{g}\t{b.weight[g]}\t{cls}\t{flags}")
    n_alias = 0
    for alias, g in sorted(b.aliases.items()):
        if g in keep and alias not in keep and not R.everyday_alias(alias):
            lines.append(f"A\t{alias}\t{g}")
            n_alias += 1
    for alias, gs in sorted(b.multi_aliases.items()):
        gs = tuple(resolve(b, g) for g in gs)
        if alias not in keep and alias not in b.aliases and all(g in keep for g in gs):
            lines.append(f"A\t{alias}\t{';'.join(gs)}")
            n_alias += 1
    for alias, gs in sorted(b.abbreviations.items()):
        lines.append(f"A\t{alias}\t{';'.join(resolve(b, g) for g in gs)}\tk")
        n_alias += 1
    n_brand = 0
    medical = L.medical_words()
    for key, entry in sorted(b.brands.items()):
        if (key in keep or key in b.aliases or key in b.multi_aliases or key in b.abbreviations
                or L.ordinary_brand(key, medical)):
            continue
        resolved = (b.aliases.get(g, g) for g in entry["sets"].most_common(1)[0][0])
        generics_of = [g for g in dict.fromkeys(resolved) if g in keep]
        if not generics_of:
            continue
        spelling = R.canonical_spelling(entry["spell"])
        if (not R.accept_brand(spelling, entry["flags"], entry["weight"]) or R.looks_like_typo(key, generics_of, b.weight)
                or R.dictionary_word_brand(key)):
            continue
        flags = "".join(sorted(entry["flags"])) + ("w" if R.word_like(key) else "")
        lines.append(f"B\t{key}\t{spelling}\t{';'.join(generics_of)}\t{entry['weight']}\t{flags}")
        n_brand += 1
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    return {"generics": len(generics), "aliases": n_alias, "brands": n_brand, "classes": len(class_names)}


def main(argv: list[str] | None = None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="directory with the FDA files (see SOURCES.md)")
    parser.add_argument("--out", default=os.path.join(here, "..", "medlint", "data", "drug_lexicon.tsv"))
    args = parser.parse_args(argv)
    path = lambda name: os.path.join(args.data_dir, name)  # noqa: E731
    b = Builder()
    candidates = load_ndc(b, path(NDC_FILE))
    candidates += load_fda(b, path(FDA_FILE))
    typos = L.finish_aliases(b, {R.norm(R.clean_brand(name)) for name, _, _ in candidates})
    candidates += load_unii(b, path(UNII_FILE))
    for alias, generic in R.SUPPLEMENT_ALIASES.items():
        if generic in b.weight:
            b.merge_into(alias, generic)
    L.add_international(b)
    merge_weak(b)
    finish_brands(b, candidates)
    for name, generics, flags in R.SUPPLEMENT_BRANDS:  # curated: no noise filter
        b.add_brand(name, generics, flags)
    for name, generics in b.curated_brands:
        b.add_brand(name, tuple(resolve(b, g) for g in generics), "s")
    sources = [
        "FDA NDC Directory product.txt, snapshot 2019-04-29 (NDC_EXCLUDE_FLAG rows included)",
        "Drugs@FDA Products.txt, release of 2023 (newest product approved Nov 2022)",
        "FDA UNII Names list (GSRS), brand-name and official-name rows, 2025",
        "curated supplement in scripts/lexicon_rules.py (SUPPLEMENT_BRANDS, each with a source)",
        "international, British and combination names, abbreviations: scripts/international_names.tsv",
    ]
    counts = write(b, os.path.abspath(args.out), sources)
    print(", ".join(f"{v} {k}" for k, v in counts.items()), "->", os.path.relpath(args.out))
    print("label misspellings left out:", ", ".join(typos))
    check_taper(b, os.path.join(here, "..", "rulesets", "taper_classes.yaml"))
    return 0


def check_taper(b: Builder, path: str) -> None:
    """Report members of each taper class's NDC [EPC] classes that the YAML neither lists nor excludes."""
    import yaml  # build-time only
    with open(path, encoding="utf-8") as handle:
        classes = yaml.safe_load(handle)["classes"]
    for key, cls in classes.items():
        listed = set(cls["members"]) | set(cls.get("excluded") or {})
        epc = set(cls.get("epc") or [])
        found = sorted(g for g, cnt in b.classes.items() if epc & set(cnt) and g not in listed)
        unknown = sorted(m for m in cls["members"] if m not in b.weight)
        if found or unknown:
            print(f"taper class {key}: in EPC but not listed: {found}; listed but not a generic: {unknown}")


if __name__ == "__main__":
    sys.exit(main())
