"""duplicate-content (MED503): a long sentence or paragraph repeated verbatim or nearly so."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from medlint.findings import Finding, Severity
from medlint.prose import HEADING
from medlint.rules.base import Rule

MIN_WORDS = 12          # a repeat shorter than this is a title, a label or a stock phrase
MIN_ORIGINAL_WORDS = 8  # an original may be a little shorter than its padded repeat
SHINGLE = 3             # word n-grams that find candidates
MAX_POSTINGS = 32       # a shingle shared by more units than this says nothing: stop indexing it
MAX_CANDIDATES = 8      # compare each unit with at most this many earlier ones
THRESHOLD = 0.85        # normalised similarity from which two units count as the same text
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SUFFIXES = ("ing", "ed", "es", "s", "e")


def _stem(word: str) -> str:
    """A crude, fast stem so "take", "takes" and "taking" compare equal."""
    word = word.lower().replace("’", "'").split("'")[0]
    if word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class _Unit:
    __slots__ = ("start", "end", "stems", "key", "numbers", "shingles")

    def __init__(self, start: int, end: int, text: str, stems: dict[str, str]):
        words = _WORD.findall(text)
        self.start, self.end = start, end
        self.stems = [stems.get(w) or stems.setdefault(w, _stem(w)) for w in words]
        self.key = " ".join(self.stems)
        self.numbers = sorted(_NUMBER.findall(text))
        grams = zip(*(self.stems[i:] for i in range(SHINGLE)))
        self.shingles = {hash(g) for g in grams}


class _Index:
    """Earlier units by exact text and by shingle, for near-linear duplicate search."""

    def __init__(self) -> None:
        self.units: list[_Unit] = []
        self.exact: dict[str, int] = {}
        self.postings: dict[int, list[int]] = {}
        self.stopped: set[int] = set()

    def find(self, unit: _Unit) -> _Unit | None:
        """The earliest indexed unit that ``unit`` repeats, if any."""
        from rapidfuzz import fuzz  # lazy: only documents with long sentences need it

        hit = self.exact.get(unit.key)
        if hit is not None:
            return self.units[hit]
        counts: Counter[int] = Counter()
        for shingle in unit.shingles:
            counts.update(self.postings.get(shingle, ()))
        floor = max(1, int(0.3 * len(unit.shingles)))
        best = None
        for index, shared in counts.most_common(MAX_CANDIDATES):
            if shared < floor:
                break
            other = self.units[index]
            if other.numbers != unit.numbers:
                continue  # "1 tablet" and "2 tablets" are different instructions
            if fuzz.ratio(unit.key, other.key) / 100 >= THRESHOLD and (best is None or index < best):
                best = index
        return None if best is None else self.units[best]

    def add(self, unit: _Unit) -> None:
        index = len(self.units)
        self.units.append(unit)
        self.exact.setdefault(unit.key, index)
        for shingle in unit.shingles:
            if shingle in self.stopped:
                continue
            posting = self.postings.setdefault(shingle, [])
            posting.append(index)
            if len(posting) > MAX_POSTINGS:
                self.stopped.add(shingle)
                del self.postings[shingle]


class DuplicateContent(Rule):
    """Checks for long sentences or paragraphs that repeat earlier text.

    ## What it does
    Flags a sentence or paragraph of 12 or more words that repeats an earlier one verbatim or
    nearly so ("... everything you take, including supplements" and "... everything you are
    taking, including supplements"), on the repeat. Headings, a title repeated as a heading,
    short lines and reference lists are left alone; sentences whose numbers differ ("1 tablet"
    / "2 tablets") are different instructions, not repeats.

    ## Why it matters
    Repeated passages are a sign of spun, padded or machine-assembled content; they waste the
    reader's time and lower the page's quality in search engines' eyes.

    ## Example
    ```markdown
    Store insulin pens you are not using in the fridge and keep the pen in use at room temperature.

    Pens last about a month once opened.

    Store insulin pens you are not using in the fridge and keep the pen in use at room temperature.
    ```

    ## Use instead
    ```markdown
    Store insulin pens you are not using in the fridge and keep the pen in use at room temperature.

    Pens last about a month once opened.
    ```

    ## References
    - Google Search Central, spammy and scaled content:
      https://developers.google.com/search/docs/essentials/spam-policies
    """

    code = "MED503"
    name = "duplicate-content"
    severity = Severity.WARNING
    summary = "A sentence or paragraph of 12+ words repeats earlier text"
    message = "Repeats earlier text (line {line}): {text!r}"

    def check(self, document) -> Iterator[Finding]:
        prose = document.prose
        skip = self._skipped_blocks(document)
        sentences, index, flagged, stems = document.sentences, _Index(), [], {}
        for sentence in sentences:
            if sentence.block_index in skip:
                continue
            unit = _Unit(sentence.start, sentence.end, sentence.text, stems)
            if len(unit.stems) < MIN_ORIGINAL_WORDS:
                continue
            original = index.find(unit) if len(unit.stems) >= MIN_WORDS else None
            if original is not None:
                flagged.append((sentence.block_index, unit, original))
            index.add(unit)
        flagged.extend(self._paragraphs(document, skip, {b for b, _, _ in flagged}, stems))
        yield from self._findings(document, prose, flagged)

    @staticmethod
    def _skipped_blocks(document) -> set[int]:
        """Headings, title repeats and reference lists: not the article's running text."""
        prose = document.prose
        titles = {" ".join(_WORD.findall(prose[b.start:b.end].lower())) for b in document.blocks if b.kind == HEADING}
        if getattr(document.parsed, "title", None):
            titles.add(" ".join(_WORD.findall(document.parsed.title.lower())))
        references = [(s.start, s.end) for s in document.sections if s.kind == "references"]
        skip = set()
        for i, block in enumerate(document.blocks):
            text = " ".join(_WORD.findall(prose[block.start:block.end].lower()))
            if block.kind == HEADING or text in titles or any(a <= block.start < b for a, b in references):
                skip.add(i)
        return skip

    @staticmethod
    def _paragraphs(document, skip: set[int], done: set[int], stems: dict[str, str]) -> list:
        """Whole paragraphs of short sentences repeated (no single sentence reaches 12 words)."""
        prose, index, out = document.prose, _Index(), []
        for i, block in enumerate(document.blocks):
            if i in skip:
                continue
            unit = _Unit(block.start, block.end, prose[block.start:block.end], stems)
            if len(unit.stems) < MIN_WORDS:
                continue
            original = index.find(unit)
            if original is not None and i not in done:
                out.append((i, unit, original))
            index.add(unit)
        return out

    def _findings(self, document, prose: str, flagged: list) -> Iterator[Finding]:
        from medlint.positions import LineIndex  # only to name the original's line in the message

        lines = LineIndex(document.text)
        flagged.sort(key=lambda item: item[1].start)
        merged: list[list] = []
        for block_index, unit, original in flagged:
            last = merged[-1] if merged else None
            if last and last[0] == block_index and not prose[last[2]:unit.start].strip():
                last[2] = unit.end  # consecutive repeated sentences of one paragraph: one finding
                continue
            merged.append([block_index, unit.start, unit.end, original])
        for _, start, end, original in merged:
            line = lines.position(document.to_source(original.start, original.end)[0])[0]
            text = prose[start:end]
            yield self.finding(document, start, end, line=line,
                               text=text if len(text) <= 80 else text[:77] + "...")
