"""The prebuilt drug lexicon (``medlint/data/drug_lexicon.tsv``), loaded once per process.

The file is plain tab-separated text written by ``scripts/build_lexicon.py`` from FDA data;
reading it with ``str.split`` takes a few tens of milliseconds, so it is loaded lazily the
first time a rule asks for it and then kept in a module-level cache.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from medlint import resources
from medlint.lexicon.normalize import norm

DATA_FILE = "drug_lexicon.tsv"


class Entry(NamedTuple):
    """What a name (key) means: the generic(s) it stands for, and its brand spelling if any."""

    generics: tuple[str, ...]
    brand: str | None      # canonical brand spelling ("Klonopin"); None for generics and aliases
    weight: int            # product rows in the FDA sources (popularity, for ranking suggestions)
    flags: str             # sources: n NDC, f Drugs@FDA, u UNII, r Rx, o OTC, s curated; w word-like;
                           # k an abbreviation of a generic ("APAP"), a name only in capitals

    @property
    def is_brand(self) -> bool:
        return self.brand is not None

    @property
    def marketed(self) -> bool:
        """Listed by the U.S. sources (not only an international or official-name entry)."""
        return "n" in self.flags or "f" in self.flags or "s" in self.flags


@dataclass
class Lexicon:
    entries: dict[str, Entry]                  # key (see normalize.norm) -> entry
    max_words: dict[str, int]                  # first token -> most words of a name starting with it
    generic_classes: dict[str, tuple[str, ...]]  # generic -> NDC [EPC] class names
    class_names: tuple[str, ...]
    _brands_of: dict[str, list[str]] | None = field(default=None, repr=False)
    _first_tokens: frozenset[str] | None = field(default=None, repr=False)
    _name_heads: frozenset[str] | None = field(default=None, repr=False)

    def lookup(self, name: str) -> Entry | None:
        return self.entries.get(norm(name))

    def is_known(self, word: str) -> bool:
        return norm(word) in self.entries

    def first_tokens(self) -> frozenset[str]:
        """Every one-word key and the first word of every longer one: the only tokens at which
        a name can start."""
        if self._first_tokens is None:
            self._first_tokens = frozenset(self.entries.keys() | self.max_words.keys())
        return self._first_tokens

    def name_heads(self) -> frozenset[str]:
        """First words of multi-word generic names ("andexanet" of "andexanet alfa", "insulin"):
        words of a correctly written drug name, though no name by themselves."""
        if self._name_heads is None:
            self._name_heads = frozenset(key.split(" ", 1)[0] for key, entry in self.entries.items()
                                         if " " in key and entry.brand is None)
        return self._name_heads

    def brands_of(self, generic: str) -> list[str]:
        """Canonical brand spellings whose only ingredient is ``generic``."""
        if self._brands_of is None:
            index: dict[str, list[str]] = {}
            for entry in self.entries.values():
                if entry.brand and len(entry.generics) == 1:
                    index.setdefault(entry.generics[0], []).append(entry.brand)
            self._brands_of = index
        return self._brands_of.get(generic, [])


def parse(lines) -> Lexicon:
    """Build a :class:`Lexicon` from the lines of a lexicon file."""
    entries: dict[str, Entry] = {}
    classes: dict[str, str] = {}
    generic_classes: dict[str, tuple[str, ...]] = {}
    aliases: list[list[str]] = []
    brands: list[list[str]] = []
    new = tuple.__new__  # new(Entry, fields): an Entry without a Python frame per row (~30,000 rows)
    for line in lines:
        kind = line[:1]
        if kind == "G":
            _, name, weight, cls, flags = line[:-1].split("\t")
            entries[name] = new(Entry, ((name,), None, int(weight), flags))
            if cls:
                generic_classes[name] = tuple(classes[i] for i in cls.split(","))
        elif kind == "A":
            aliases.append(line[:-1].split("\t"))
        elif kind == "B":
            brands.append(line[:-1].split("\t"))
        elif kind == "C":
            _, index, name = line[:-1].split("\t")
            classes[index] = name
    for row in aliases:  # A alias generic[;generic] [k]
        alias, generic = row[1], row[2]
        if alias in entries:
            continue
        generics = tuple(generic.split(";")) if ";" in generic else (generic,)
        base = entries.get(generics[0])
        if base is not None:
            flags = base.flags + row[3] if len(row) > 3 else base.flags
            entries[alias] = new(Entry, (generics, None, base.weight, flags))
    for _, key, spelling, generics, weight, flags in brands:
        if key not in entries:
            entries[key] = new(Entry, (tuple(generics.split(";")), spelling, int(weight), flags))
    max_words: dict[str, int] = {}
    for key in entries:
        if " " in key:
            words = key.split(" ")
            if len(words) > max_words.get(words[0], 1):
                max_words[words[0]] = len(words)
    return Lexicon(entries, max_words, generic_classes, tuple(classes.values()))


@lru_cache(maxsize=None)
def load() -> Lexicon:
    """The shipped lexicon, parsed once per process."""
    import gc  # lazy: only to pause the collector while ~30,000 small records are created

    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(resources.data_path(DATA_FILE), encoding="utf-8") as handle:
            return parse(handle)
    finally:
        if enabled:
            gc.enable()
