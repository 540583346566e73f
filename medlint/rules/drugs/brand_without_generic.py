"""brand-without-generic (MED402): a brand name's first mention does not give the generic name."""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from medlint.findings import Finding, Fix, Severity
from medlint.prose import HEADING, TABLE_CELL
from medlint.rules.base import Rule

_SKIPPED_SECTIONS = ("references", "related")
_BRAND_LABEL = re.compile(r"\s*(?:common\s+|other\s+|u\.?s\.?\s+)?(?:brand|trade)(?:\s+|-)names?\s*(?:\(s\))?\s*[:\-\u2013]", re.I)
_GENERIC_LABEL = re.compile(r"\s*(?:generic|active\s+ingredient|nonproprietary)(?:\s+names?)?\s*(?:\(s\))?\s*[:\-\u2013]", re.I)


class BrandWithoutGeneric(Rule):
    """Checks for brand names first mentioned without their generic name.

    ## What it does
    Flags the first mention of each brand name (title and headings included) when the same
    sentence, heading or table row does not also name its generic ("Klonopin (clonazepam)",
    "Sertraline, sold under the brand name Zoloft"). A generic given only in a later sentence
    does not count. Release suffixes belong to the brand ("Xanax XR", "Toprol-XL"), and a
    combination brand is paired when any of its ingredients is named. A drug page's label
    lines ("Generic name: baclofen" next to "Brand names: Lioresal, Ozobax") pair their names
    too. One finding per brand.
    Reference lists and "Related questions" link lists (page furniture, not the article's
    prose) are not checked.

    ## Why it matters
    Readers look for the active ingredient on their own pack, which may carry another brand or
    only the generic name; pairing names prevents double dosing (two brands of the same
    drug) and makes the article useful outside one market.

    ## Example
    ```markdown
    Ativan can make you drowsy, so do not drive after taking it.
    ```

    ## Use instead
    ```markdown
    Ativan (lorazepam) can make you drowsy, so do not drive after taking it.
    ```

    ## References
    - AMA Manual of Style, 11th ed., 14.4 Drugs: use the nonproprietary name; a proprietary
      name may follow in parentheses at first mention.
    - FDA, Guidance for Industry: Labeling for human prescription drug and biological products
      (established name accompanies the proprietary name).
    """

    code = "MED402"
    name = "brand-without-generic"
    severity = Severity.INFO
    summary = "A brand name is first mentioned without its generic name"
    message = "Brand {brand!r} is first mentioned without its generic name ({generic})"

    def check(self, document) -> Iterator[Finding]:
        from medlint.lexicon import store  # lazy: the lexicon loads only when a drug rule runs

        lex = store.load()
        drugs = [d for d in document.drugs if not _skipped(document, d.start)]
        starts = [d.start for d in drugs]  # in order: the drug scan yields mentions by position
        starts = starts if starts == sorted(starts) else None
        seen: set[str] = set()
        for mention in drugs:
            if not mention.is_brand or mention.brand is None:
                continue
            entry = _entry(lex, mention.text)
            family = (entry.brand if entry is not None and entry.brand else mention.brand).lower()
            if family in seen:
                continue
            seen.add(family)
            generics = set(entry.generics) if entry is not None else {mention.generic}
            units = [_unit(document, mention.start)] + _labelled_neighbours(document, mention.start)
            if any(lo <= d.start and d.end <= hi and not d.is_brand and _ingredients(lex, d) & generics
                   for lo, hi in units for d in _starting_in(drugs, starts, lo, hi)):
                continue
            suggestion = f"{mention.brand} ({mention.generic})"
            s, e = document.to_source(mention.start, mention.end)
            yield self.finding(document, mention.start, mention.end, brand=mention.brand,
                               generic=mention.generic, suggestions=[suggestion],
                               fix=Fix(s, e, suggestion, safe=False))


def _starting_in(drugs: list, starts: list[int] | None, lo: int, hi: int) -> list:
    """The mentions starting in [lo, hi] (``starts``: their starts, in order; None: read all)."""
    if starts is None:
        return drugs
    return drugs[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]


def _entry(lex, text: str):
    """The lexicon entry of a mention, without a release suffix ("Ambien CR" -> Ambien)."""
    entry = lex.lookup(text)
    if entry is None:
        words = text.replace("-", " ").split()
        entry = lex.lookup(" ".join(words[:-1])) if len(words) > 1 else None
    return entry


def _ingredients(lex, mention) -> set[str]:
    """The generics a mention names; a generic written with a release or salt qualifier that the
    lexicon lists as a name of its own ("lamotrigine extended-release") also names its base."""
    entry = _entry(lex, mention.text)
    generics = set(entry.generics) if entry is not None else {mention.generic}
    return generics | {g.split()[0] for g in generics if " " in g and lex.lookup(g.split()[0]) is not None}


def _unit(document, offset: int) -> tuple[int, int]:
    """The heading, table row or sentence a mention stands in."""
    block = document.block_at(offset)
    if block is not None and block.kind == HEADING:
        return block.start, block.end
    if block is not None and block.kind == TABLE_CELL:
        return document.citation_unit(offset)  # the whole row: "| Xanax | alprazolam |"
    sentence = document.sentence_at(offset)
    if sentence is not None:
        return sentence.start, sentence.end
    return (block.start, block.end) if block is not None else (offset, offset)


def _labelled_neighbours(document, offset: int) -> list[tuple[int, int]]:
    """For a "Brand names: Valium, Diastat" line, the blocks right before and after it (a drug
    page's "Generic name: diazepam" line), which pair the names as one unit does."""
    index = document.block_index_at(offset)
    if index is None:
        return []
    block = document.blocks[index]
    if not _BRAND_LABEL.match(document.prose[block.start:block.end]):
        return []
    return [(b.start, b.end) for b in document.blocks[max(0, index - 1):index + 2] if b is not block
            and _GENERIC_LABEL.match(document.prose[b.start:b.end])]


def _skipped(document, offset: int) -> bool:
    section = document.section_at(offset)
    return section is not None and section.kind in _SKIPPED_SECTIONS
