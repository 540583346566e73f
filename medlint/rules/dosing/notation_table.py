"""The error-prone notation table (rulesets/error_prone_notation.yaml), validated and compiled.

Kept apart from the rule so the data stays data: the YAML lists each notation with its source
(Joint Commission "Do Not Use" list, ISMP list), what it is mistaken for and what to write
instead; this module turns it into regular expressions once per rule instance.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXTS = ("after-number", "dose", "anywhere")
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# between the numbers of a range or list sharing one unit: "0.25 to .5 mg", "2.5, 5.0 and 10 mg"
_RANGE = r"[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|-|–|to\b|or\b|and\b)[ \t]*"
_SPELLED = r"(?i:one|two|three|four|five|half(?: a)?|a|an|one-half|one half)"
# dosing words that may stand between an amount and a form when a table does not list its own
DEFAULT_GAP_WORDS = ("po", "p.o.", "orally", "oral", "by", "mouth", "iv", "im", "at", "given", "taken", "once",
                     "twice", "daily", "nightly", "a", "day", "tablets", "tablet", "capsules", "drops", "puffs")
# a unit followed by a laboratory denominator (mg/dL, mmol/L, U/L) is a lab value, not a dose
_NOT_LAB = r"(?!\w)(?!/(?i:d?l)\b)"


@dataclass(frozen=True)
class Notation:
    """One error-prone abbreviation or symbol and what to write instead."""

    forms: tuple[str, ...]
    context: str            # "after-number", "dose" or "anywhere"
    means: str
    mistaken_for: str
    use: tuple[str, ...]    # replacements, the preferred one first
    safe: bool              # the first replacement is unambiguous: --fix may apply it
    sources: tuple[str, ...]
    english_word: bool = False  # also an English word when text is set in capitals ("AS")


@dataclass(frozen=True)
class Designation:
    """A dose-designation problem (trailing zero, naked decimal)."""

    id: str
    problem: str
    safe: bool
    sources: tuple[str, ...]


class NotationTable:
    """The compiled table: source names, dose pattern, abbreviation pattern."""

    def __init__(self, data: dict):
        if not isinstance(data, dict):
            raise ValueError("error-prone notation table: expected a mapping")
        self.sources: dict[str, str] = {}
        for key, value in (data.get("sources") or {}).items():
            self.sources[key] = value["name"] if isinstance(value, dict) else str(value)
        self.designations = {d["id"]: Designation(d["id"], d["problem"], bool(d.get("safe")),
                                                   self._sources(d)) for d in data.get("designations") or []}
        self.notations: list[Notation] = []
        self.by_form: dict[str, Notation] = {}
        for entry in data.get("abbreviations") or []:
            context = entry.get("context")
            if context not in CONTEXTS:
                raise ValueError(f"error-prone notation {entry.get('forms')}: context must be one of {CONTEXTS}")
            notation = Notation(tuple(str(f) for f in entry["forms"]), context, entry["means"],
                                entry["mistaken_for"], tuple(entry["use"]), bool(entry.get("safe")),
                                self._sources(entry), bool(entry.get("english_word")))
            self.notations.append(notation)
            for form in notation.forms:
                self.by_form[form] = notation
        units = sorted({str(u) for u in data.get("dose_units") or []}, key=len, reverse=True)
        unit = "(?i:" + "|".join(re.escape(u) for u in units) + ")" + _NOT_LAB
        # an amount: one number or a range of numbers, then a dose unit ("0.25 to .5 mg", "25.0 mg")
        self.dose = re.compile(rf"(?<![\w.,]){NUMBER}(?:{_RANGE}{NUMBER})*[ \t]?{unit}"
                               rf"|\b{_SPELLED}[ \t]+{unit}")
        self.number = re.compile(NUMBER)
        self._dosing_position(data)
        forms = sorted(self.by_form, key=len, reverse=True)
        self.abbreviation = re.compile(r"(?<![A-Za-z_/.])(?:" + "|".join(re.escape(f) for f in forms)
                                       + r")(?!\w|\.\w|['’]\w)" + r"(?!/(?i:d?l)\b)")

    def _dosing_position(self, data: dict) -> None:
        """Patterns for where a ``dose`` form stands in dosing position (see the YAML)."""
        words = _alternatives(data.get("dose_gap_words") or DEFAULT_GAP_WORDS)
        gap = int(data.get("max_dose_gap", 3))
        # between an amount and the form: dosing words or numbers ("every 8 to 12 hours, injected")
        self.gap_after = re.compile(rf"(?i)[ \t]*(?:,[ \t]*)?(?:\(?(?:{words}|\d+(?:[.,]\d+)?)\)?,?[ \t]+){{0,{gap}}}\(?")
        labels = _alternatives(data.get("not_amount_after") or ("version",))
        self.not_amount_after = re.compile(rf"(?i)\b(?:{labels})\.?[ \t]*$")
        verbs = _alternatives(data.get("administration_verbs") or ())
        stop = _alternatives(data.get("not_an_object") or ("for",))
        # an administration verb and at most two words that are not prepositions ("inject it ")
        self.after_verb = (re.compile(rf"(?i)\b(?:{verbs})(?:[ \t]+(?!(?:{stop})\b)[\w'’-]+){{0,2}}[ \t]+$")
                           if verbs else None)

    def _sources(self, entry: dict) -> tuple[str, ...]:
        sources = tuple(entry.get("sources") or ())
        unknown = [s for s in sources if s not in self.sources]
        if not sources or unknown:
            raise ValueError(f"error-prone notation entry {entry.get('forms') or entry.get('id')}: "
                             f"unknown or missing sources {unknown or '[]'}")
        return sources

    def source_names(self, keys: tuple[str, ...]) -> str:
        return " and ".join(self.sources[k] for k in keys)


def _alternatives(words) -> str:
    bad = [w for w in words if not isinstance(w, str)]
    if bad:  # YAML reads a bare on/off/yes/no as a boolean: quote such words
        raise ValueError(f"error-prone notation table: word lists need strings, not {bad!r} (quote them)")
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def load_table(text: str) -> NotationTable:
    """Parse and compile the YAML ``text`` of an error-prone notation table."""
    import yaml  # lazy: YAML is parsed only when this rule is instantiated

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return NotationTable(yaml.load(text, Loader=loader))
