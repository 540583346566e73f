"""Records produced by the shared analyses. All offsets are PROSE offsets, end exclusive."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block_index: int  # index into document.blocks
    text: str


@dataclass(frozen=True)
class DrugMention:
    start: int
    end: int
    text: str                      # as written
    generic: str                   # canonical generic, lower case ("clonazepam")
    classes: tuple[str, ...] = ()  # taper/pharmacologic class keys ("benzodiazepine", ...)
    is_brand: bool = False
    brand: str | None = None       # canonical brand spelling when is_brand ("Klonopin")


@dataclass(frozen=True)
class DoseMention:
    start: int
    end: int
    text: str
    amount: str                    # "0.25 to 0.5", "2.5-6.0", "160"
    unit: str                      # "mg", "mg/day", "mL", ...
    frequency: str | None = None   # "twice daily"
    route: str | None = None       # "oral"


@dataclass(frozen=True)
class Citation:
    start: int                     # prose span (zero-width at the marker for non-prose markers)
    end: int
    kind: str                      # "bracket", "superscript", "caret", "footnote", "author-year", "url", "bare-number"
    label: str = ""


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    text: str
    hedged: bool = False
    cues: tuple[str, ...] = field(default_factory=tuple)  # predicate words that made it a claim


@dataclass(frozen=True)
class Section:
    """A stretch of the document under one heading (or the whole document before any)."""

    kind: str          # "body", "references", "related", "faq", "disclaimer"
    heading: str
    start: int
    end: int
