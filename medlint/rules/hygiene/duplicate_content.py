"""duplicate-content (MED503): a long sentence or paragraph repeated verbatim or nearly so."""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from typing import Any, Callable, Iterator

from medlint.findings import Finding, Severity
from medlint.prose import HEADING
from medlint.rules.base import Rule

MIN_WORDS = 12          # a repeat shorter than this is a title, a label or a stock phrase
MIN_ORIGINAL_WORDS = 8  # an original may be a little shorter than its padded repeat
SHINGLE = 3             # word n-grams that find candidates
MAX_CANDIDATES = 8      # compare each unit with at most this many earlier ones
THRESHOLD = 85          # rapidfuzz ratio (0-100) from which two units count as the same text
_WORD = re.compile(r"\w+(?:'\w+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# where a sentence's clauses part: a writer who swaps two clauses repeats the sentence
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _words(text: str) -> list[str]:
    """The words of ``text``, lower-cased (one C call for the case, one for the words)."""
    return _WORD.findall(text.lower().replace("’", "'"))


def _words_in(prose: str) -> Callable[[Any], list[str]]:
    """``_words`` of a sentence of ``prose``, read from the prose lower-cased once when that
    gives every span the same letters (no dotted capital I, which grows, nor capital sigma, whose
    lower case depends on the letters around it). The words of an ASCII sentence are the runs of
    word characters and apostrophes ``str.split`` finds once the other ASCII characters are
    spaces, each cut as _WORD cuts it when it holds an apostrophe: the same words, several
    times faster than the regex."""
    if "\u0130" in prose or "\u03a3" in prose:
        return lambda sentence: _words(sentence.text)
    folded = prose.lower().replace("’", "'")
    # non-ASCII characters become "?" (one each, offsets kept), then every gap a space
    gapped = folded.encode("ascii", "replace").translate(_ASCII_GAPS).decode("ascii")
    all_ascii = folded.isascii()
    findall = _WORD.findall

    def words_of(sentence) -> list[str]:
        start, end = sentence.start, sentence.end
        if len(sentence.text) != end - start:
            return _words(sentence.text)
        if not all_ascii and not folded[start:end].isascii():
            return findall(folded, start, end)
        runs = gapped[start:end].split()
        if folded.find("'", start, end) < 0:
            return runs
        return [word for run in runs for word in (findall(run) if "'" in run else (run,))]
    return words_of


# ASCII characters that are not word characters (and "?", which stands for the others), as spaces
_ASCII_GAPS = bytes(c if chr(c).isalnum() or chr(c) in "_'" else 32 for c in range(128)) + bytes(range(128, 256))


class _Unit:
    """A sentence or a paragraph: its span, its lower-cased words, and (on demand) what a
    closer comparison needs."""

    __slots__ = ("start", "end", "text", "words", "key", "_numbers", "_clauses")

    def __init__(self, start: int, end: int, text: str, words: list[str]):
        self.start, self.end, self.text, self.words = start, end, text, words
        self.key = " ".join(words)
        self._numbers: list[str] | None = None
        self._clauses: str | None = None

    @property
    def numbers(self) -> list[str]:
        if self._numbers is None:
            self._numbers = sorted(_NUMBER.findall(self.text))
        return self._numbers

    @property
    def clauses(self) -> str:
        """The clauses in a fixed order, so "Because A, B." and "B, because A." compare equal."""
        if self._clauses is None:
            parts = [" ".join(_words(p)) for p in _CLAUSE_BREAK.split(self.text)]
            parts = sorted(p for p in parts if p)
            self._clauses = " | ".join(parts) if len(parts) > 1 else ""
        return self._clauses

    def shingles(self) -> set[int]:
        words = self.words
        return set(map(hash, zip(words, islice(words, 1, None), islice(words, 2, None))))  # word trigrams, as ints


class _Index:
    """Earlier units by exact text and by shingle, for linear duplicate search.

    Each shingle remembers only the first unit that had it: a repeat is reported against the
    earliest unit it repeats, and a shingle that many units share (a stock phrase) then points
    at one unit instead of growing a list that every later unit would walk.
    """

    def __init__(self) -> None:
        self.units: list[_Unit] = []
        self.exact: dict[str, int] = {}
        self.first: dict[int, int] = {}

    def add(self, unit: _Unit, search: bool = True) -> _Unit | None:
        """Index ``unit``; before that, when ``search``, find the earliest indexed unit it repeats."""
        index = len(self.units)
        self.units.append(unit)
        hit = self.exact.get(unit.key)
        if hit is not None:  # the same words again: every shingle of them is indexed already
            return self.units[hit] if search else None
        self.exact[unit.key] = index
        shingles = unit.shingles()
        new = shingles.difference(self.first)  # set.difference(dict): walks the set only, in C
        floor = max(1, int(0.3 * len(shingles)))
        # most units share fewer shingles than that with all earlier ones: no candidate to compare
        found = self._near(unit, shingles, floor) if search and len(shingles) - len(new) >= floor else None
        self.first.update(dict.fromkeys(new, index))
        return found

    def _near(self, unit: _Unit, shingles: set[int], floor: int) -> _Unit | None:
        """The earliest indexed unit that ``unit`` nearly repeats (sharing ``floor`` shingles or more)."""
        hits = [i for i in map(self.first.get, shingles) if i is not None]  # in the set's order
        best = None
        for index, count in Counter(hits).most_common(MAX_CANDIDATES):
            if count < floor:
                break
            if (best is None or index < best) and _same_text(unit, self.units[index]):
                best = index
        return None if best is None else self.units[best]


def _same_text(unit: _Unit, other: _Unit) -> bool:
    """Near-identical wording (or the same clauses in another order) and the same numbers."""
    from rapidfuzz import fuzz  # lazy: only documents with candidate repeats need it

    if other.numbers != unit.numbers:
        return False  # "1 tablet" and "2 tablets" are different instructions
    if fuzz.ratio(unit.key, other.key) >= THRESHOLD:
        return True
    return bool(unit.clauses and other.clauses) and fuzz.ratio(unit.clauses, other.clauses) >= THRESHOLD


class DuplicateContent(Rule):
    """Checks for long sentences or paragraphs that repeat earlier text.

    ## What it does
    Flags a sentence or paragraph of 12 or more words that repeats an earlier one verbatim or
    nearly so ("... everything you take, including supplements" and "... everything you are
    taking, including supplements"; the same clauses in another order), on the repeat.
    Headings, a title repeated as a heading, short lines and reference lists are left alone;
    sentences whose numbers differ ("1 tablet" / "2 tablets") are different instructions, not
    repeats.

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
        skip = self._skipped_blocks(document)
        words_of = _words_in(document.prose)
        sentences, paragraphs = _Index(), _Index()
        flagged: list[tuple[int, _Unit, _Unit]] = []
        done: set[int] = set()
        block_index, block_words = -1, []  # the words of each sentence of the current block
        for sentence in document.sentences:
            index = sentence.block_index
            if index in skip:
                continue
            if index != block_index:
                if len(block_words) > 1:  # a paragraph of one sentence is judged as that sentence
                    self._paragraph(document, block_index, block_words, paragraphs, flagged, done)
                block_index, block_words = index, []
            words = words_of(sentence)
            block_words.append(words)
            if len(words) < MIN_ORIGINAL_WORDS:
                continue
            unit = _Unit(sentence.start, sentence.end, sentence.text, words)
            original = sentences.add(unit, search=len(words) >= MIN_WORDS)
            if original is not None:
                flagged.append((block_index, unit, original))
                done.add(block_index)
        self._paragraph(document, block_index, block_words, paragraphs, flagged, done)
        yield from self._findings(document, flagged)

    @staticmethod
    def _paragraph(document, block_index: int, sentence_words: list[list[str]], index: _Index, flagged: list,
                   done: set[int]) -> None:
        """A whole paragraph of short sentences repeated (no single sentence reaches 12 words; a
        paragraph with a long sentence is judged by its sentences)."""
        if len(sentence_words) < 2 or any(len(w) >= MIN_WORDS for w in sentence_words):
            return
        words = [s for w in sentence_words for s in w]
        if len(words) < MIN_WORDS:
            return
        block = document.blocks[block_index]
        unit = _Unit(block.start, block.end, document.prose[block.start:block.end], words)
        original = index.add(unit)
        if original is not None and block_index not in done:
            flagged.append((block_index, unit, original))

    @staticmethod
    def _skipped_blocks(document) -> set[int]:
        """Headings, title repeats and reference lists: not the article's running text."""
        prose, blocks = document.prose, document.blocks
        headings = [prose[b.start:b.end] for b in blocks if b.kind == HEADING]
        if getattr(document.parsed, "title", None):
            headings.append(document.parsed.title)
        titles = {" ".join(_WORD.findall(h.lower())) for h in headings}
        longest = 2 * max((len(h) for h in headings), default=0)
        references = [(s.start, s.end) for s in document.sections if s.kind == "references"]
        skip = set()
        for i, block in enumerate(blocks):
            if block.kind == HEADING or (references and any(a <= block.start < b for a, b in references)):
                skip.add(i)
            elif block.end - block.start <= longest and \
                    " ".join(_WORD.findall(prose[block.start:block.end].lower())) in titles:
                skip.add(i)
        return skip

    def _findings(self, document, flagged: list) -> Iterator[Finding]:
        if not flagged:
            return
        prose = document.prose
        flagged.sort(key=lambda item: item[1].start)
        merged: list[list] = []
        for block_index, unit, original in flagged:
            last = merged[-1] if merged else None
            if last and last[0] == block_index and not prose[last[2]:unit.start].strip():
                last[2] = unit.end  # consecutive repeated sentences of one paragraph: one finding
                continue
            merged.append([block_index, unit.start, unit.end, original])
        origins = [document.to_source(m[3].start, m[3].end)[0] for m in merged]
        lines = _lines_of(document.text, origins)
        for (_, start, end, _), origin in zip(merged, origins):
            line = lines[origin]
            text = prose[start:end]
            yield self.finding(document, start, end, line=line,
                               text=text if len(text) <= 80 else text[:77] + "...")


def _lines_of(text: str, offsets: list[int]) -> dict[int, int]:
    """1-based line of each offset (\r\n, \r and \n end a line, as in positions.LineIndex),
    counted in one pass over the text up to the last offset."""
    lines, line, pos = {}, 1, 0
    for offset in sorted(set(offsets)):
        line += text.count("\n", pos, offset) + text.count("\r", pos, offset) - text.count("\r\n", pos, offset)
        lines[offset], pos = line, offset
    return lines
