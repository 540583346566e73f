"""Drug classes that must not be stopped abruptly, from ``rulesets/taper_classes.yaml``.

The YAML is shipped data with a reason and sources for every class; this module reads it once
per process and answers two questions: which taper classes a generic belongs to, and which
class a word of prose names ("benzodiazepines", "SSRIs").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from medlint import resources
from medlint.lexicon.normalize import norm

RULESET = "taper_classes.yaml"


@dataclass(frozen=True)
class TaperClass:
    key: str
    label: str
    terms: tuple[str, ...]         # normalized class words ("benzodiazepines", "beta blocker")
    reason: str
    sources: tuple[str, ...]
    members: frozenset[str]        # canonical generics
    local_forms: frozenset[str]    # words marking a non-systemic product ("cream", "drops")


@lru_cache(maxsize=None)
def load() -> dict[str, TaperClass]:
    """Every taper class by key, read once from the shipped ruleset."""

    data = resources.load_ruleset_yaml(RULESET)
    classes = {}
    for key, spec in data["classes"].items():
        classes[key] = TaperClass(
            key=key,
            label=spec["label"],
            terms=tuple(norm(t) for t in spec.get("terms") or ()),
            reason=" ".join(str(spec["reason"]).split()),
            sources=tuple(spec.get("sources") or ()),
            members=frozenset(spec["members"]),
            local_forms=frozenset(norm(t) for t in spec.get("local_forms") or ()),
        )
    return classes


@lru_cache(maxsize=None)
def _member_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for cls in load().values():
        for generic in cls.members:
            index.setdefault(generic, []).append(cls.key)
    return {g: tuple(keys) for g, keys in index.items()}


def classes_for(generics: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The taper class keys of a drug (the union over a combination's ingredients)."""
    index = _member_index()
    keys: list[str] = []
    for generic in generics:
        for key in index.get(generic, ()):
            if key not in keys:
                keys.append(key)
    return tuple(keys)


@lru_cache(maxsize=None)
def term_index() -> dict[str, tuple[str, ...]]:
    """Normalized class word -> the class keys it names ("antidepressants" -> ssri, snri, ...)."""
    index: dict[str, list[str]] = {}
    for cls in load().values():
        for term in cls.terms:
            keys = index.setdefault(term, [])
            if cls.key not in keys:
                keys.append(cls.key)
    return {t: tuple(keys) for t, keys in index.items()}
