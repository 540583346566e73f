"""Per-document lookups for missing-taper-warning (MED303), so that the rule stays linear in the
size of the document: drug mentions found by bisecting their starts, the sentence before an
offset by bisecting sentence ends, table cells grouped by row once, and the taper-class key of
each generic computed once per process. Every lookup answers as a plain scan would (a scan
remains for sentences out of order)."""
from __future__ import annotations

import bisect
from functools import lru_cache

from medlint.prose import TABLE_CELL


class TaperContext:
    """What missing-taper-warning looks up many times, indexed once per document: drug mentions
    by position, sentence ends, table cells by row, whether any section is an aside."""

    def __init__(self, document, aside_kinds: tuple[str, ...]) -> None:
        self.document = document
        self.drugs = document.drugs
        self._starts: dict[int, list[int]] = {}  # id of a mention list -> its starts
        self._lists: list[list] = []
        self._ends: list[int] | None = None  # sentence ends, when in order (built on first use)
        self._rows: dict | None = None  # table row group -> its cells (built on first use)
        self._run_starts: dict[int, int] = {}  # table cell -> the first cell of its table
        self.aside_kinds = aside_kinds
        self.has_asides = any(s.kind in aside_kinds for s in document.sections)

    def key(self, mention) -> tuple[str, ...]:
        """The taper-class ingredients of a mention (a combination brand keys on its opioid...)."""
        return self.key_of(mention.generic)

    @staticmethod
    def key_of(generic: str) -> tuple[str, ...]:
        return taper_key(generic)

    def ingredients(self, mention) -> set[str]:
        """The mention's taper-class ingredients and its generic."""
        return self.ingredients_of(mention.generic)

    @staticmethod
    def ingredients_of(generic: str) -> set[str]:
        return set(taper_key(generic)) | {generic}

    def in_aside(self, offset: int) -> bool:
        """Is ``offset`` in a section of ``aside_kinds`` ("Related questions", references)?"""
        if not self.has_asides:
            return False
        section = self.document.section_at(offset)
        return section is not None and section.kind in self.aside_kinds

    def within(self, mentions, lo: int, hi: int) -> list:
        """The mentions starting in [lo, hi), in order (``mentions``: the document's, or a list
        filtered from them, so in order too)."""
        starts = self._starts.get(id(mentions))
        if starts is None:
            starts = [m.start for m in mentions]
            self._starts[id(mentions)] = starts = starts if starts == sorted(starts) else []
            self._lists.append(mentions)  # keep it alive: its id stays its own
        if not starts:  # out of order (never from the drug scan) or empty: read them all
            return [m for m in mentions if lo <= m.start < hi]
        i = bisect.bisect_left(starts, lo)
        j = bisect.bisect_left(starts, hi, i)
        return mentions[i:j]

    def last_sentence_ending_by(self, offset: int, stop_early: bool):
        """The last sentence ending at or before ``offset``; with ``stop_early``, among those
        before the first sentence that ends after it."""
        sentences = self.document.sentences
        if self._ends is None:
            ends = [s.end for s in sentences]
            self._ends = ends if ends == sorted(ends) else []
        if self._ends or not sentences:
            i = bisect.bisect_right(self._ends, offset) - 1
            return sentences[i] if i >= 0 else None
        previous = None
        for s in sentences:
            if s.end > offset and stop_early:
                break
            if s.end <= offset:
                previous = s
        return previous

    def row_cells(self, group) -> list[int]:
        """Indices of the table cells of row ``group``, in order."""
        self._index_cells()
        return self._rows.get(group, [])

    def table_start(self, index: int) -> int:
        """The index of the first cell of the run of table cells that holds cell ``index``."""
        self._index_cells()
        return self._run_starts[index]

    def _index_cells(self) -> None:
        if self._rows is not None:
            return
        self._rows, self._run_starts = {}, {}
        first = 0
        for i, b in enumerate(self.document.blocks):
            if b.kind == TABLE_CELL:
                self._rows.setdefault(b.group, []).append(i)
                self._run_starts[i] = first
            else:
                first = i + 1


@lru_cache(maxsize=4096)
def taper_key(generic: str) -> tuple[str, ...]:
    """The taper-class ingredients of a generic (a combination keys on its opioid...): a pure
    function of the shipped classes."""
    from medlint.lexicon import taper  # lazy: YAML classes load only when a drug rule runs

    parts = tuple(g for g in generic.replace(", ", " and ").split(" and ") if taper.classes_for([g]))
    return parts or (generic,)
