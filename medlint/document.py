"""The linted document: what every rule receives.

It holds the source, the extracted prose with its source map and blocks, the spaCy ``Doc``
and the shared analyses. Analyses are computed lazily, once, on first use, so the NLP that no
enabled rule needs is never run.
"""
from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from medlint.analysis.types import Citation, Claim, DoseMention, DrugMention, Section, Sentence
from medlint.prose import LIST_ITEM, TABLE_CELL, Block, ParsedSource
from medlint.source import Source


@dataclass
class Settings:
    """Document-wide settings the rules may read."""

    today: _dt.date = field(default_factory=_dt.date.today)
    options: dict[str, Any] = field(default_factory=dict)  # global options (e.g. date order)


class LintedDocument:
    def __init__(self, source: Source, parsed: ParsedSource, doc: Any = None, settings: Settings | None = None,
                 model: str | None = None):
        self.source = source
        self.parsed = parsed
        self._doc = doc  # spaCy Doc over parsed.prose; None: built on first use of ``doc``
        self.model = model  # the spaCy pipeline ``doc`` is built with (None: blank English)
        self.settings = settings or Settings()
        self._block_starts = [b.start for b in parsed.blocks]

    @property
    def doc(self) -> Any:
        """The spaCy ``Doc`` over the prose, built on first use: most runs need no tokens (the
        sentences come from :mod:`medlint.sentence_rules`), so spaCy loads only for a rule that
        asks (house ``pattern`` rules) or for an explicit ``--model``."""
        if self._doc is None:
            from medlint import nlp  # lazy: spaCy is imported only when a rule needs the Doc
            self._doc = nlp.make_doc(self.prose, self.model)
        return self._doc

    @doc.setter
    def doc(self, value: Any) -> None:
        self._doc = value

    @property
    def built_doc(self) -> Any:
        """The Doc if it has been built already, else None (never builds it)."""
        return self._doc

    # -- plain accessors ---------------------------------------------------------
    @property
    def path(self) -> str:
        return self.source.path

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def prose(self) -> str:
        return self.parsed.prose

    @property
    def blocks(self) -> list[Block]:
        return self.parsed.blocks

    @property
    def links(self):
        return self.parsed.links

    @property
    def markers(self):
        return self.parsed.markers

    @property
    def front_matter(self):
        return self.parsed.front_matter

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.parsed.source_map.to_source(start, end)

    def block_index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset <= self.blocks[i].end:
            return i
        return None

    def block_at(self, offset: int) -> Block | None:
        i = self.block_index_at(offset)
        return None if i is None else self.blocks[i]

    # -- shared analyses (lazy; each module imported only when first needed) -------
    @cached_property
    def sentences(self) -> list[Sentence]:
        from medlint.analysis import sentences  # lazy: analyses load on demand
        return sentences.find_sentences(self)

    @cached_property
    def sections(self) -> list[Section]:
        from medlint.analysis import sections  # lazy: analyses load on demand
        return sections.find_sections(self)

    @cached_property
    def citations(self) -> list[Citation]:
        from medlint.analysis import citations  # lazy: analyses load on demand
        return citations.find_citations(self)

    @cached_property
    def doses(self) -> list[DoseMention]:
        from medlint.analysis import doses  # lazy: analyses load on demand
        return doses.find_doses(self)

    @cached_property
    def drugs(self) -> list[DrugMention]:
        from medlint.analysis import drugs  # lazy: the lexicon loads only when a rule needs it
        return drugs.find_drugs(self)

    @cached_property
    def claims(self) -> list[Claim]:
        from medlint.analysis import claims  # lazy: analyses load on demand
        return claims.find_claims(self)

    @cached_property
    def claim_sentences(self) -> list:
        """Sentences with their lower-case words and whether they may assert something (not a
        question, not in references): computed once for the claim analysis and its rules."""
        from medlint.analysis import claims  # lazy: analyses load on demand
        return claims.sentence_views(self)

    # -- derived helpers -----------------------------------------------------------
    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset <= self.sentences[i].end:
            return self.sentences[i]
        return None

    @cached_property
    def _section_starts(self) -> list[int] | None:
        """Section starts when the sections are in order and do not overlap (they partition
        the prose), so that at most one holds an offset and bisect finds it; else None."""
        sections = self.sections
        if all(a.start <= a.end <= b.start for a, b in zip(sections, sections[1:])):
            return [s.start for s in sections]
        return None

    def section_at(self, offset: int) -> Section | None:
        starts = self._section_starts
        if starts is not None:
            i = bisect.bisect_right(starts, offset) - 1  # the last section starting at or before offset
            if i >= 0 and offset < self.sections[i].end:
                return self.sections[i]
        else:
            for section in self.sections:
                if section.start <= offset < section.end:
                    return section
        return self.sections[-1] if self.sections and offset >= self.sections[-1].start else None

    def citation_unit(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The span a citation must stand in to cover [start, end): its sentence, or its whole
        list item, or its whole table row."""
        end = start if end is None else end
        block = self.block_at(start)
        if block is not None and block.kind == LIST_ITEM:
            return block.start, block.end
        if block is not None and block.kind == TABLE_CELL and block.group is not None:
            return self._table_rows[block.group]
        first = self.sentence_at(start)
        last = self.sentence_at(max(start, end - 1)) or first
        if first is None:
            return (block.start, block.end) if block is not None else (start, end)
        return first.start, last.end

    @cached_property
    def _table_rows(self) -> dict[Any, tuple[int, int]]:
        """Table row group -> (start of its first cell, end of its last cell)."""
        rows: dict[Any, tuple[int, int]] = {}
        for b in self.blocks:
            if b.kind == TABLE_CELL and b.group is not None:
                lo, hi = rows.get(b.group, (b.start, b.end))
                rows[b.group] = (min(lo, b.start), max(hi, b.end))
        return rows

    @cached_property
    def _citation_starts(self) -> list[int]:
        return sorted(c.start for c in self.citations)

    def is_cited(self, start: int, end: int | None = None) -> bool:
        """True when a citation stands in the citation unit of [start, end)."""
        lo, hi = self.citation_unit(start, end)
        starts = self._citation_starts
        i = bisect.bisect_left(starts, lo)
        return i < len(starts) and starts[i] <= hi
