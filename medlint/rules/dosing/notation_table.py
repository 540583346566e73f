"""The error-prone notation table (rulesets/error_prone_notation.yaml), validated and compiled.

Kept apart from the rule so the data stays data: the YAML lists each notation with its source
(Joint Commission "Do Not Use" list, ISMP list), what it is mistaken for and what to write
instead; this module turns it into regular expressions once per rule instance.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from medlint.rules import triggers

CONTEXTS = ("after-number", "dose", "anywhere")
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# between the numbers of a range or list sharing one unit: "0.25 to .5 mg", "2.5, 5.0 and 10 mg"
_RANGE = r"[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|-|–|to\b|or\b|and\b)[ \t]*"
# a spelled-out amount: "one tablet", "half a tablet"
_SPELLED_WORDS = ("one", "two", "three", "four", "five", "half a", "half", "a", "an", "one-half", "one half")
_SPELLED = "(?i:" + "|".join(re.escape(w) for w in _SPELLED_WORDS) + ")"
# NUMBER after no word character, point or comma, led by its first character: the class lets the
# regex engine skip ASCII letters fast, the look-behinds keep digits (Unicode ones too) and points
# what (?i) equates with an ASCII letter besides its two cases
_CASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_LED_NUMBER = (r"[0-9.\x80-\U0010ffff](?<=[\d.])(?<![\w.,].)"
               r"(?:(?<=\.)\d+|(?<=\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))")
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
        self._scans(units, forms)

    def _scans(self, units: list[str], forms: list[str]) -> None:
        """What :meth:`doses` and :meth:`abbreviations` scan a whole text with.

        ``dose`` and ``abbreviation`` start with a look-behind, so the regex engine stops at every
        character of a block. The amount scan starts with the amount's first digit instead (a
        class the engine skips through, the look-behinds after it); spelled amounts ("a tablet")
        are left to ``dose`` in the lines where a spelled word, a space and a unit stand (their
        triggers, see medlint.rules.triggers). The form scan consumes the character before the
        form and tries the forms by first character; a form then cannot begin where the previous
        one ended while every form starts with a word character. No unit or form may hold a line
        break, so no match crosses a line, nor a block.
        """
        self.amount_scan = self.abbreviation_scan = None
        self.spelled_triggers: tuple[re.Pattern[str], ...] = ()
        if units and all(u and "\n" not in u for u in units):
            unit = _unit_tree(units) + _NOT_LAB
            self.amount_scan = re.compile(rf"{_LED_NUMBER}(?:{_RANGE}{NUMBER})*[ \t]?{unit}")
            last_words = dict.fromkeys(w.replace("-", " ").split()[-1] for w in _SPELLED_WORDS)
            self.spelled_triggers = tuple(re.compile(re.escape(w) + rf" [ \t]*{unit}") for w in last_words) + \
                (re.compile("\t"),)  # a spelled amount parted from its unit by a tab
        if forms and all(re.match(r"\w", f) and "\n" not in f for f in forms):
            groups: dict[str, list[str]] = {}
            for form in forms:  # longest first within each first character, as in ``abbreviation``
                groups.setdefault(form[0], []).append(re.escape(form[1:]))
            tree = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
            leads = "".join(re.escape(first) for first in groups)
            self.abbreviation_scan = re.compile(rf"[^A-Za-z_/.](?=[{leads}])(?P<m>{tree})(?!\w|\.\w|['’]\w)"
                                                r"(?!/(?i:d?l)\b)")

    def doses(self, text: str, folded: str | None) -> list[tuple[int, int]] | None:
        """Spans of ``dose`` matches in ``text`` (``folded``: its :func:`triggers.fold`), as a scan
        of each block finds them when the blocks are separated by line breaks; None when this
        table or text has no one-pass scan."""
        if self.amount_scan is None or folded is None:
            return None
        spans = [m.span() for m in self.amount_scan.finditer(text)]
        lines = triggers.lines_hit(self.spelled_triggers, folded)
        if lines:  # where a spelled amount may stand, ``dose`` itself decides
            starts = [start for start, _ in lines]
            spans = [span for span in spans if not _inside(span[0], lines, starts)]
            spans += [m.span() for start, end in lines for m in self.dose.finditer(text, start, end)]
            spans.sort()
        return spans

    def abbreviations(self, text: str) -> list[tuple[int, int]] | None:
        """Spans of ``abbreviation`` matches in ``text``, like :meth:`doses`."""
        if self.abbreviation_scan is None:
            return None
        # a line break stands before the text, as before each block after the first
        return [(m.start("m") - 1, m.end() - 1) for m in self.abbreviation_scan.finditer("\n" + text)]

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


def _unit_tree(units: list[str]) -> str:
    """``(?i:unit|...)`` (longest first) as alternatives grouped by first letter, each group led
    by a plain class of that letter's cases, so the engine skips the groups with another first
    letter at once; units whose first letters ``(?i)`` equates share a group, keeping their order."""
    groups: list[list[str]] = []
    for unit in units:
        group = next((g for g in groups if re.fullmatch("(?i)" + re.escape(g[0][0]), unit[0])), None)
        if group is None:
            groups.append([unit])
        else:
            group.append(unit)
    alternatives = []
    for group in groups:
        first = group[0][0]
        low = first.lower()
        lead = (f"[{low}{low.upper()}{_CASE_EXTRA.get(low, '')}]" if first.isascii() and first.isalpha()
                else f"(?i:{re.escape(first)})")
        alternatives.append(lead + "(?i:" + "|".join(re.escape(u[1:]) for u in group) + ")")
    leads = "".join(sorted({re.escape(u[0]) for u in units}))
    return f"(?=(?i:[{leads}]))(?:{'|'.join(alternatives)})"


def _inside(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset <= spans[i][1]


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
