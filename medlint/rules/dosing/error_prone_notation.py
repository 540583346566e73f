"""error-prone-notation (MED302): dose notation on the Joint Commission and ISMP lists."""
from __future__ import annotations

import re
from typing import Iterator

from medlint import resources
from medlint.findings import Finding, Fix, Severity
from medlint.rules import triggers
from medlint.rules.base import Rule
from medlint.rules.dosing.notation_table import NUMBER, NotationTable, load_table

TABLE_FILE = "error_prone_notation.yaml"
# between an abbreviation and a following amount: nothing but space ("MS 10 mg")
_GAP_BEFORE = re.compile(r"\)?[ \t]+")
# "MS patients", "AD symptoms": the letters name a disease or a group, not a dose instruction
_POPULATION_AFTER = re.compile(r"(?i)[ \t]+(?:patients?|people|adults|children|women|men|cases|subjects|disease|"
                               r"symptoms?|flares?|relapses?|lesions?|trials?|studies|study|cohorts?|drugs?|medications?|medicines?|"
                               r"treatments?|therap(?:y|ies)|diagnos[ie]s|risk|research|care|clinics?)\b")
_DOSING_NOUN_AFTER = re.compile(r"(?i)[ \t]+(?:dosing|doses?|regimens?|schedules?|administration|injections?)\b")
_SENTENCE_STOP = re.compile(r"[.!?;:\n]\s")
_NUMBER_BEFORE = re.compile(r"(?<![\d.,])" + NUMBER + r"[ \t\u00a0]?$")
_TRAILING_ZERO = re.compile(r"\d\.\d*0$")


class ErrorProneNotation(Rule):
    """Checks for dose notation that the Joint Commission and ISMP say must not be used.

    ## What it does
    Flags trailing zeros (`6.0 mg`), naked decimals (`.5 mg`), and abbreviations such as `U`,
    `IU`, `qd`, `qod`, `µg`, `cc`, `SC`/`sub-q`, `HS`, `TIW`, `D/C` and `MSO4`, in their dotted
    and mixed-case spellings too. Short abbreviations that are also ordinary words or other
    abbreviations (`MS`, `HS`, `cc`, `U`) count only in dosing position: after an amount, with
    dosing words between ("600 mg HS", "5,000 units every 12 hours, injected SQ"), right before
    one ("MS 10 mg"), or after an administration verb ("inject it sub-q", "Take it qd"); so "MS
    patients", "hidradenitis suppurativa (HS)" or "U.S. prescribing information" are left
    alone. The list, with the source of every entry, is `rulesets/error_prone_notation.yaml`.
    Unambiguous replacements are offered as safe fixes (`6.0 mg` -> `6 mg`, `cc` -> `mL`).

    ## Why it matters
    These notations cause real dosing errors: `1.0 mg` is read as `10 mg`, `.5 mg` as `5 mg`,
    `qd` as `qid`, `U` as a zero. Readers copy doses from health articles into pill organisers
    and conversations with their prescribers.

    ## Example
    ```markdown
    The usual dose of warfarin is 5.0 mg qd.
    ```

    ## Use instead
    ```markdown
    The usual dose of warfarin is 5 mg daily.
    ```

    ## References
    - The Joint Commission, "Do Not Use" list:
      https://www.jointcommission.org/resources/news-and-multimedia/fact-sheets/facts-about-do-not-use-list/
    - ISMP List of Error-Prone Abbreviations, Symbols, and Dose Designations:
      https://www.ismp.org/recommendations/error-prone-abbreviations-list
    """

    code = "MED302"
    name = "error-prone-notation"
    severity = Severity.WARNING
    summary = "Dose notation on the Joint Commission \"Do Not Use\" or ISMP error-prone lists"
    message = "{what}: {why}; write {use!r}"
    fixable = True

    def __init__(self, options=None, severity=None, table: NotationTable | None = None):
        super().__init__(options, severity)
        self.table = table or load_table(resources.read_ruleset_text(TABLE_FILE))

    def check(self, document) -> Iterator[Finding]:
        blocks = document.blocks
        for i, doses, forms in self._by_block(document):
            yield from self._designations(document, blocks[i], doses)
            yield from self._abbreviations(document, blocks[i], doses, forms)

    def _by_block(self, document) -> Iterator[tuple[int, list, list]]:
        """``(block index, dose spans, abbreviation spans)`` for the blocks holding either, in order:
        one scan of the whole prose when its blocks are separated by line breaks, else a scan of
        each block."""
        prose, blocks = document.prose, document.blocks
        doses = self.table.doses(prose, triggers.fold(prose)) if _separated(prose, blocks) else None
        forms = self.table.abbreviations(prose) if doses is not None else None
        if doses is None or forms is None:
            for i, block in enumerate(blocks):
                yield (i, [(m.start(), m.end()) for m in self.table.dose.finditer(prose, block.start, block.end)],
                       [m.span() for m in self.table.abbreviation.finditer(prose, block.start, block.end)])
            return
        found: dict[int, tuple[list, list]] = {}
        for kind, spans in ((0, doses), (1, forms)):
            for span in spans:
                i = document.block_index_at(span[0])
                if i is not None:
                    found.setdefault(i, ([], []))[kind].append(span)
        for i in sorted(found):
            yield i, found[i][0], found[i][1]

    # -- trailing zero, naked decimal ---------------------------------------------
    def _designations(self, document, block, doses) -> Iterator[Finding]:
        prose = document.prose
        for start, end in doses:
            if prose.find(".", start, end) < 0:
                continue  # both designations are written with a decimal point
            if self.table.not_amount_after.search(prose, max(block.start, start - 12), start):
                continue  # "version 2.0 and 10 mg": a version number heads the list
            numbers = list(self.table.number.finditer(prose, start, end))
            for i, num in enumerate(numbers):
                text = num.group()
                if text.startswith("."):
                    kind, fixed = "naked-decimal", "0" + text
                elif _TRAILING_ZERO.search(text):
                    kind, fixed = "trailing-zero", text.rstrip("0").rstrip(".")
                else:
                    continue
                designation = self.table.designations.get(kind)
                if designation is None:
                    continue
                last = i == len(numbers) - 1
                span_end = end if last else num.end()
                shown = prose[num.start():span_end]
                replacement = fixed + prose[num.end():span_end]
                what = "Trailing zero" if kind == "trailing-zero" else "Missing leading zero"
                yield self.finding(
                    document, num.start(), span_end,
                    what=f"{what} in {shown!r}",
                    why=f"{designation.problem} ({self.table.source_names(designation.sources)})",
                    use=replacement, suggestions=(replacement,),
                    fix=self._fix(document, num.start(), num.end(), fixed, designation.safe))

    # -- abbreviations -------------------------------------------------------------
    def _abbreviations(self, document, block, doses, forms) -> Iterator[Finding]:
        prose = document.prose
        for start, end in forms:
            form = prose[start:end]
            notation = self.table.by_form[form]
            if notation.context == "after-number":
                number = _NUMBER_BEFORE.search(prose, max(block.start, start - 30), start)
                if number is None:
                    continue
                span_start = number.start()
            elif notation.context == "dose":
                if not self._in_dosing_position(prose, block.start, start, end, doses, notation) \
                        or _POPULATION_AFTER.match(prose, end):
                    continue
                span_start = start
            else:
                span_start = start
            use = notation.use[0]
            yield self.finding(
                document, span_start, end,
                what=f"{form!r} ({notation.means})",
                why=f"it can be mistaken for {notation.mistaken_for} ({self.table.source_names(notation.sources)})",
                use=" or ".join(notation.use) if not notation.safe else use,
                suggestions=notation.use,
                fix=self._fix(document, start, end, use, notation.safe))

    def _in_dosing_position(self, prose: str, floor: int, start: int, end: int, doses, notation) -> bool:
        """After an amount (dosing words between), right before one, or after an administration
        verb. A form in parentheses after a name ("hidradenitis suppurativa (HS)") is that
        name's abbreviation; one in text set in capitals may be an English word ("AS DIRECTED")."""
        if notation.english_word and _in_capitals(prose, floor, start, end):
            return False
        for dose_start, dose_end in doses:
            if dose_end <= start and self.table.gap_after.fullmatch(prose, dose_end, start):
                return True
            if dose_start >= end and _GAP_BEFORE.fullmatch(prose, end, dose_start):
                return True
        if notation.safe and _DOSING_NOUN_AFTER.match(prose, end):
            return True  # "QOD dosing", "an SC injection" (not "AD doses": Alzheimer's disease)
        if prose[start - 1:start] == "(" or self.table.after_verb is None:
            return False
        return self.table.after_verb.search(prose, max(floor, start - 60), start) is not None

    @staticmethod
    def _fix(document, start: int, end: int, replacement: str, safe: bool) -> Fix | None:
        """A fix replacing prose [start, end) in the SOURCE, only where the source holds the same text."""
        if not safe:
            return None
        s, e = document.to_source(start, end)
        if document.text[s:e] != document.prose[start:end]:
            return None  # an entity or escape stands there: leave it to the author
        return Fix(s, e, replacement, safe=True)


def _separated(prose: str, blocks) -> bool:
    """Whether a line break (or the text's edge) stands on each side of every block: a match
    that holds no line break then lies in one block and ends as it would in that block alone."""
    return all(prose[b.start - 1:b.start] in ("", "\n") and prose[b.end:b.end + 1] in ("", "\n") for b in blocks)


def _in_capitals(prose: str, floor: int, start: int, end: int) -> bool:
    """Whether the words around [start, end) in its sentence are set in capitals (a label)."""
    before = _SENTENCE_STOP.split(prose[max(floor, start - 25):start])[-1]
    after = _SENTENCE_STOP.split(prose[end:end + 25])[0]
    around = before + after
    return any(c.isalpha() for c in around) and not any(c.islower() for c in around)
