"""dose-without-citation (MED301): a dose statement with no citation in its sentence, list item
or table row."""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from medlint.findings import Finding, Severity
from medlint.prose import HEADING, TABLE_CELL
from medlint.rules.base import Rule

_SKIPPED_SECTIONS = ("references", "related")


class DoseWithoutCitation(Rule):
    """Checks for dose statements that carry no citation.

    ## What it does
    Flags each sentence, list item or table row that states a specific amount of a drug or
    supplement (a number or range with a unit such as mg, mcg, g, mL, units, IU, mg/kg or
    mg/day, product strengths such as "160 mg per 5 mL" included) and carries no citation: no
    bracketed or superscript number, footnote, author-year reference, link to a real source,
    or (in documents written that way) bare trailing reference number. One finding per
    sentence, list item or table row, however many amounts it holds. Durations, ages, lab
    values ("180 mg/dL", "60 mL/min"), blood pressure, sizes, counts and template slots
    ("XX mg") are not doses. Questions, headings and reference lists are not checked. Label
    lines set on separate lines inside one paragraph ("Adults: 5 mg daily" then "Children:
    0.1 mg/kg daily") are separate statements.

    ## Why it matters
    A reader may act on a dose. Without a source, neither the reader nor a reviewer can check
    it against the prescribing information or a guideline, and a wrong dose is the error
    most likely to hurt someone.

    ## Example
    ```markdown
    Adults usually take 20 mg of citalopram once daily.
    ```

    ## Use instead
    ```markdown
    Adults usually take 20 mg of citalopram once daily [1].

    1. Celexa (citalopram) prescribing information. U.S. Food and Drug Administration.
    ```

    ## References
    - ISMP, "Principles of designing a medication label" and dose-communication guidance:
      https://www.ismp.org/recommendations
    - ICMJE, Recommendations for the Conduct, Reporting, Editing, and Publication of
      Scholarly Work in Medical Journals (references): https://www.icmje.org/recommendations/
    """

    code = "MED301"
    name = "dose-without-citation"
    severity = Severity.WARNING
    summary = "A dose statement (sentence, list item or table row) has no citation"
    message = "Dose statement {dose!r} has no citation"

    def check(self, document) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        cited = sorted(c.start for c in document.citations)
        cells = _DoseCells(document)
        for dose in document.doses:
            block = document.block_at(dose.start)
            if block is None or (block.kind == HEADING and not _is_text_dose_line(document, dose)):
                continue
            section = document.section_at(dose.start)
            if section is not None and section.kind in _SKIPPED_SECTIONS:
                continue
            unit = _line_of(document, document.citation_unit(dose.start, dose.end), dose.start)
            if unit in seen:
                continue
            seen.add(unit)
            i = bisect.bisect_left(cited, unit[0])  # a citation starting in [unit start, unit end]
            if (i < len(cited) and cited[i] <= unit[1]) or _is_question(document, dose.start, unit):
                continue
            start, end = _anchor(cells, block, unit)
            yield self.finding(document, start, end, dose=dose.text)


def _line_of(document, unit: tuple[int, int], offset: int) -> tuple[int, int]:
    """Within a unit made of label lines ("Adults: 5 mg daily" / "Children: 0.1 mg/kg daily",
    split by <br> or a kept line break, no end punctuation, each line capitalized), the line
    holding ``offset``: each such line is a statement of its own, cited or not."""
    lo, hi = unit
    text = document.prose[lo:hi]
    if "\n" not in text:
        return unit
    lines = text.split("\n")
    if not all(line.strip()[:1].isupper() or line.strip()[:1].isdigit() for line in lines) or any(
            re.search(r"[.!?;,]\W*$", line.strip()) for line in lines[:-1]):
        return unit  # a hard-wrapped sentence
    start = lo
    for line in lines:
        if start <= offset <= start + len(line):
            return start, start + len(line)
        start += len(line) + 1
    return unit


def _is_text_dose_line(document, dose) -> bool:
    """In plain text, a short line such as "Adults<TAB>0.5 mg twice a day" reads as a heading to
    the parser; a dose with its frequency there is a statement, not a title."""
    return document.parsed.format == "text" and dose.frequency is not None


def _is_question(document, offset: int, unit: tuple[int, int]) -> bool:
    sentence = document.sentence_at(offset)
    text = sentence.text if sentence is not None else document.prose[unit[0]:unit[1]]
    return text.rstrip().endswith("?")


def _anchor(cells: _DoseCells, block, unit: tuple[int, int]) -> tuple[int, int]:
    """The span to report: the unit, or for a table row the cell(s) holding doses."""
    if block.kind != TABLE_CELL:
        return unit
    lo, hi = unit
    found = cells.of_row(block.group)
    if not found:
        return lo, hi
    return min(b.start for b in found), max(b.end for b in found)


class _DoseCells:
    """The table cells of each row that hold the start of a dose, found once per document (a
    row's cells by bisecting the dose starts)."""

    def __init__(self, document) -> None:
        self.document = document
        self._rows: dict | None = None

    def of_row(self, group) -> list:
        if self._rows is None:
            starts = sorted(d.start for d in self.document.doses)
            self._rows = {}
            for b in self.document.blocks:
                if b.kind == TABLE_CELL:
                    i = bisect.bisect_left(starts, b.start)
                    if i < len(starts) and starts[i] < b.end:
                        self._rows.setdefault(b.group, []).append(b)
        return self._rows.get(group, [])
