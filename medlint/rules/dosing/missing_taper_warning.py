"""missing-taper-warning (MED303): a drug that must not be stopped abruptly, discussed as a
treatment, with no advice anywhere to taper it or not to stop it suddenly."""
from __future__ import annotations

import re

from collections import Counter
from functools import lru_cache
from typing import Iterator

from medlint.findings import Finding, Severity
from medlint.lexicon.normalize import TOKEN, norm
from medlint.prose import HEADING, LIST_ITEM, TABLE_CELL
from medlint.rules.base import Rule
from medlint.rules.dosing import taper_advice
from medlint.rules.dosing.taper_context import TaperContext

_ASIDE_SECTIONS = ("related", "references")
_LOCAL_BEFORE = frozenset({"topical", "inhaled", "ophthalmic", "nasal", "intranasal", "rectal", "vaginal"})
_MIN_MAIN_MENTIONS = 3


class MissingTaperWarning(Rule):
    """Checks for drugs that must not be stopped abruptly but get no taper advice.

    ## What it does
    Document-level, one finding per drug. Flags a drug of a class that must not be stopped
    abruptly (benzodiazepines and Z-drugs, antidepressants, opioids, systemic corticosteroids,
    beta-blockers, clonidine and other central alpha-2 agonists, antiepileptics,
    gabapentinoids, baclofen, antipsychotics, barbiturates; every member is listed with its
    sources in ``rulesets/taper_classes.yaml``) when the article discusses it as a treatment
    (states a dose for it, or it is the article's main subject: named in the title or first
    heading, or the drug mentioned most) and nowhere advises gradual discontinuation or warns
    against stopping it suddenly. A warning covers the drug or brand it names; one naming a
    class ("benzodiazepines should never be stopped suddenly") covers every drug of the
    class; one naming neither ("do not stop taking this medicine suddenly") covers the main
    subject. A bare mention of withdrawal symptoms is not a warning. Drugs named only in
    passing (no dose, not the subject, or only in a "Related questions" list) and local
    products ("hydrocortisone cream", "timolol eye drops") are not checked. The finding
    stands on the drug's first mention.

    ## Why it matters
    Stopping these medicines abruptly can cause seizures, rebound hypertension, heart attacks,
    adrenal crisis or severe withdrawal; the FDA has required tapering language in the labels
    of benzodiazepines (2020) and opioids (2019). A reader who learns a dose from the article
    should also learn not to stop on their own.

    ## Example
    ```markdown
    # Lorazepam for anxiety

    Adults usually take 1 mg of lorazepam two or three times a day.
    ```

    ## Use instead
    ```markdown
    # Lorazepam for anxiety

    Adults usually take 1 mg of lorazepam two or three times a day. Do not stop taking
    lorazepam suddenly; your doctor will reduce the dose gradually.
    ```

    ## References
    - FDA Drug Safety Communication (2020-09-23), Boxed Warning for benzodiazepines:
      https://www.fda.gov/drugs/drug-safety-and-availability/fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class
    - FDA Drug Safety Communication (2019-04-09), sudden discontinuation of opioid pain
      medicines: https://www.fda.gov/drugs/drug-safety-and-availability/fda-identifies-harm-reported-sudden-discontinuation-opioid-pain-medicines-and-requires-label-changes
    """

    code = "MED303"
    name = "missing-taper-warning"
    severity = Severity.WARNING
    summary = "A drug that must not be stopped abruptly is discussed with no taper advice"
    message = ("{drug!r} ({label}) is discussed as a treatment, but the article never advises "
               "tapering it or warns against stopping it suddenly: {reason}")

    def check(self, document) -> Iterator[Finding]:
        from medlint.lexicon import taper  # lazy: YAML classes load only when a drug rule runs

        mentions = [m for m in document.drugs if m.classes]
        if not mentions:
            return
        classes = taper.load()
        ctx = TaperContext(document, _ASIDE_SECTIONS)
        body = [m for m in document.drugs if not ctx.in_aside(m.start)] if ctx.has_asides else document.drugs
        main = _main_subjects(ctx, body)
        dosed: set[str] | None = None  # computed only when a drug is not a main subject
        coverage = None  # computed only when some drug is treated (the advice scan is the dear part)
        reported: set[tuple[str, ...]] = set()
        for mention in mentions:
            key = ctx.key(mention)
            if key in reported:
                continue
            if not set(key) & main:
                dosed = _dosed(ctx, body) if dosed is None else dosed
                if not set(key) & dosed:
                    continue
            if _is_local(document.prose, mention, classes):
                continue
            reported.add(key)
            if coverage is None:
                coverage = _coverage(ctx, taper_advice.find_advice(document, _ASIDE_SECTIONS), main)
            named, named_classes, general = coverage
            if set(key) & named or set(mention.classes) & named_classes or (general and set(key) & main):
                continue
            cls = classes[mention.classes[0]]
            drug = mention.brand or mention.generic
            yield self.finding(document, mention.start, mention.end, drug=drug, label=cls.label,
                               reason=cls.reason)


def _is_local(prose: str, mention, classes) -> bool:
    """"hydrocortisone cream", "timolol eye drops", "topical doxepin": not a systemic product."""
    forms = set().union(*(classes[k].local_forms for k in mention.classes))
    if not forms:
        return False
    after = [w.lower() for w in TOKEN.findall(mention.text)[1:] + TOKEN.findall(prose[mention.end:mention.end + 40])[:3]]
    before = [w.lower() for w in TOKEN.findall(prose[max(0, mention.start - 25):mention.start])][-2:]
    return any(w in forms for w in after) or any(w in _LOCAL_BEFORE or w in forms for w in before)


def _main_subjects(ctx, mentions) -> set[str]:
    """Drugs named in the title (HTML <title>, front matter ``title``) or first heading, and the
    drug(s) mentioned most (3+ times)."""
    from medlint.analysis import drugs as drug_analysis  # lazy: the title is scanned on its own

    document = ctx.document
    subjects: set[str] = set()
    front = document.front_matter.data if document.front_matter is not None else {}
    for title in (getattr(document.parsed, "title", None), front.get("title") if isinstance(front, dict) else None):
        if isinstance(title, str):
            for m in drug_analysis.scan(title):
                if not _COMPARED.search(title[:m.start]):
                    subjects |= ctx.ingredients(m)
    first = _first_heading(document)
    compared: set[str] = set()
    if first is not None:
        for m in ctx.within(mentions, first[0], first[1]):
            # "Is X better than Y for ...?": Y, only compared with, is not the subject by itself
            target = compared if _COMPARED.search(document.prose[first[0]:m.start]) else subjects
            target |= ctx.ingredients(m)
        if compared - subjects:
            outside = set().union(*(ctx.ingredients(m) for m in mentions if not first[0] <= m.start < first[1]))
            subjects |= compared & outside
    counts: dict[str, int] = {}
    for generic, n in Counter(m.generic for m in mentions).items():  # the ingredients follow the generic
        for g in ctx.ingredients_of(generic):
            counts[g] = counts.get(g, 0) + n
    if counts:
        top = max(counts.values())
        if top >= _MIN_MAIN_MENTIONS:
            subjects |= {g for g, n in counts.items() if n == top}
    return subjects


# a comparison before a drug in the title: "better than", "vs", "compared with", "instead of"
_COMPARED = re.compile(r"\b(?:than|vs\.?|versus|compared\s+(?:with|to)|instead\s+of)\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def _first_heading(document) -> tuple[int, int] | None:
    """The first heading, or a short first block standing as the title of a plain-text page."""
    for i, block in enumerate(document.blocks[:4]):
        if block.kind == HEADING:
            return block.start, block.end
        if i == 0 and len(document.prose[block.start:block.end].split()) <= 16:
            return block.start, block.end
    return None


def _dosed(ctx, mentions) -> set[str]:
    """Drugs a dose is stated for: the drug nearest each dose in its sentence, list item or row."""
    document = ctx.document
    dosed: set[str] = set()
    referents: dict[tuple, set[str]] = {}  # doses of one unit share it (in a table: one cell)
    for dose in document.doses:
        if ctx.in_aside(dose.start):
            continue
        lo, hi = document.citation_unit(dose.start, dose.end)
        near = [m for m in ctx.within(mentions, lo, hi + 1) if m.end <= hi]
        if not near:
            key = (lo, document.block_index_at(dose.start))
            if key not in referents:
                referents[key] = _referent(ctx, dose.start, lo, mentions)  # "The usual starting dose is 5 mg."
            dosed |= referents[key]
            continue
        nearest = min(near, key=lambda m: (m.start - dose.end if m.start >= dose.end else dose.start - m.end,
                                           m.start >= dose.end))
        dosed |= ctx.ingredients(nearest)
    return dosed


def _referent(ctx, dose_start: int, offset: int, mentions) -> set[str]:
    """The drug a dose that names none refers to: in a table, the drug heading its column;
    elsewhere the subject of the sentence just before it (in its paragraph, or the lead-in or
    item before a list item); else the one drug its section heading names."""
    document = ctx.document
    block_index = document.block_index_at(offset)
    previous = ctx.last_sentence_ending_by(offset, stop_early=True)
    if block_index is not None and document.blocks[block_index].kind == TABLE_CELL:
        column = _column_header(ctx, document.block_index_at(dose_start))
        found = ctx.within(mentions, column.start, column.end) if column is not None else []
        if found:
            return ctx.ingredients(found[0])
        previous = None
    if previous is not None and block_index is not None:
        block = document.blocks[block_index]
        if previous.block_index == block_index or (
                block.kind == LIST_ITEM and previous.block_index == block_index - 1):
            subject = _subject(ctx, previous, ctx.within(mentions, previous.start, previous.end))
            if subject:
                return subject
    section = document.section_at(offset)
    heading = document.block_at(section.start) if section is not None else None
    if heading is not None and heading.kind == HEADING and not heading.start <= offset < heading.end:
        found = ctx.within(mentions, heading.start, heading.end)
        if len({frozenset(ctx.key(m)) for m in found}) == 1:
            return ctx.ingredients(found[0])
    return set()


def _column_header(ctx, index: int | None):
    """The first-row cell above table cell ``index`` (same column), or None."""
    blocks = ctx.document.blocks
    if index is None or blocks[index].kind != TABLE_CELL:
        return None
    first = ctx.table_start(index)
    row = [i for i in ctx.row_cells(blocks[index].group) if i >= first]
    header = [i for i in ctx.row_cells(blocks[first].group) if i >= first]
    column = row.index(index)
    if blocks[first].group == blocks[index].group or column >= len(header):
        return None
    return blocks[header[column]]


def _subject(ctx, sentence, inside) -> set[str]:
    """The one drug a sentence is about, or its first drug when the sentence opens with it."""
    if not inside:
        return set()
    if len({frozenset(ctx.key(m)) for m in inside}) == 1:
        return ctx.ingredients(inside[0])
    if len(ctx.document.prose[sentence.start:inside[0].start].split()) <= 2:
        return ctx.ingredients(inside[0])  # "Baclofen (Lioresal), unlike diazepam, ..."
    return set()


def _coverage(ctx, advice, main: set[str]) -> tuple[set[str], set[str], bool]:
    """What the taper advice covers: drugs it names, classes it names, and whether some advice
    names neither (then it covers the main subject and the drugs just before it)."""
    terms = _padded_terms()
    named: set[str] = set()
    named_classes: set[str] = set()
    general = False
    for adv in advice:
        inside = ctx.within(ctx.drugs, adv.start, adv.end)
        text = f" {norm(adv.text.replace(chr(0x3b2), ' beta '))} "  # "\u03b2-blockers" -> "beta blockers"
        hits = {key for term, keys in terms if term in text for key in keys}
        for m in inside:
            named |= ctx.ingredients(m)
        named_classes |= hits
        if not inside and not hits:
            general = True
            named |= _context_drugs(ctx, adv.start)
    return named, named_classes, general


@lru_cache(maxsize=None)
def _padded_terms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each class word of ``taper.term_index()`` padded with spaces, as advice text is."""
    from medlint.lexicon import taper  # lazy: same cached module as check()

    return tuple((f" {term} ", keys) for term, keys in taper.term_index().items())


def _context_drugs(ctx, offset: int) -> set[str]:
    """Drugs of the section heading and of the sentence before, for advice that names none."""
    document = ctx.document
    found: set[str] = set()
    section = document.section_at(offset)
    previous = ctx.last_sentence_ending_by(offset, stop_early=False)
    spans = []
    if section is not None:
        heading = document.block_at(section.start)
        if heading is not None and heading.kind == HEADING:
            spans.append((heading.start, heading.end))
    block = document.block_at(offset)
    if previous is not None and block is not None and previous.start >= block.start:
        spans.append((previous.start, previous.end))
    for lo, hi in spans:
        for m in ctx.within(ctx.drugs, lo, hi):
            found |= ctx.ingredients(m)
    return found
