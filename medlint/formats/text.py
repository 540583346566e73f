"""Plain-text parser: blocks from blank lines and from the shape of each line.

A plain-text draft (often pasted from a CMS) has no markup, so structure is read from the
lines: blank lines separate blocks; a short line with no closing punctuation is a heading (the
first line of the file is the title); a line starting with a bullet or a number is a list
item (the bullet is not prose); and a line that ends a sentence is its own unit, while a
hard-wrapped paragraph (a line that stops mid-sentence, followed by a line that starts in
lower case or that would not have fitted on the line before) is joined into one block, its
line breaks kept in the prose as ``\\n``. Links and bare URLs in the text are found by the
shared inline scanner (:mod:`medlint.formats.inline`).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from medlint.formats.directives import DirectiveCollector
from medlint.formats.writer import BlockWriter, no_gc
from medlint.prose import HEADING, LIST_ITEM, PARAGRAPH, ParsedSource

_BREAK = re.compile(r"\r\n|\r|\n")
_BULLET = re.compile(
    r"[ \t]*(?:[•·▪●◦‣∙○■□➢►✓✔*+\-–]|\d{1,3}[.)]|[a-z]\)|\(\d{1,3}\))[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_TERMINAL = re.compile(r"[.?!:][\"'’”)\]]*$")
_HEADING_END = re.compile(r"[.?!:;,][\"'’”)\]]*$")
_LABEL_VALUE = re.compile(r":\s+\S")
_URLISH = re.compile(r"https?://|www\.", re.IGNORECASE)
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 12


class _Line(NamedTuple):
    start: int      # first non-blank character (after a bullet or heading marker)
    end: int        # after the last non-blank character
    brk: int        # where the line break starts (== end of the raw line)
    indent: int
    marker: str     # "bullet", "#", "##"... or ""
    text: str       # source[start:end]


def parse(text: str) -> ParsedSource:
    """Parse plain text into prose blocks, links, markers and directives."""
    with no_gc(len(text)):
        return _parse(text)


def _parse(text: str) -> ParsedSource:
    writer = BlockWriter(text, emphasis=True)
    directives = DirectiveCollector(text)
    skip = {a for a, _ in directives.scan_text_lines(text)}
    chunks = _chunks(text, skip)
    width = _wrap_width(chunks)
    first = True
    for chunk in chunks:
        for i, unit in enumerate(_units(chunk, width)):
            _emit(writer, text, unit, _kind(unit, first, i == 0))
            first = False
    return writer.build("text", directives=directives.directives)


def _chunks(text: str, skip: set[int]) -> list[list[_Line]]:
    """Runs of non-blank lines (directive lines count as blank)."""
    chunks: list[list[_Line]] = []
    current: list[_Line] = []
    pos = 0
    n = len(text)
    breaks = _BREAK.finditer(text)
    while pos <= n:
        m = next(breaks, None)
        brk, nxt = (m.start(), m.end()) if m else (n, n + 1)
        raw = text[pos:brk]
        body = raw.strip()
        if not body or pos in skip or (pos + len(raw) - len(raw.lstrip(" \t")) in skip):
            if current:
                chunks.append(current)
                current = []
        else:
            current.append(_line(raw, pos, brk))
        pos = nxt
    if current:
        chunks.append(current)
    return chunks


def _line(raw: str, pos: int, brk: int) -> _Line:
    lead = len(raw) - len(raw.lstrip())
    indent = len(raw[:lead].expandtabs(4))
    marker = ""
    m = _BULLET.match(raw)
    if m:
        lead, marker = m.end(), "bullet"
    else:
        h = _MD_HEADING.match(raw)
        if h:
            lead, marker = h.end(), h.group(1)
    end = len(raw.rstrip())
    return _Line(pos + lead, pos + end, brk, indent, marker, raw[lead:end])


def _wrap_width(chunks: list[list[_Line]]) -> int | None:
    """The column a hard-wrapped file was wrapped at, or None when lines are not wrapped."""
    lengths = [line.end - line.start + line.indent for chunk in chunks for line in chunk[:-1]]
    if len(lengths) < 3:
        return None
    width = max(lengths)
    if width > 100 or width < 30:
        return None
    near = sum(1 for n in lengths if n >= width - 15)
    return width if near * 2 >= len(lengths) else None


def _joins(prev: _Line, nxt: _Line, width: int | None) -> bool:
    """Does ``nxt`` continue the sentence or paragraph of ``prev``?"""
    if nxt.marker or _TERMINAL.search(prev.text):
        return False
    head = nxt.text[:1]
    if head.islower():
        return True
    if width is None:
        return False
    first_word = nxt.text.split(None, 1)[0]
    return prev.end - prev.start + prev.indent + 1 + len(first_word) > width


def _units(chunk: list[_Line], width: int | None) -> list[list[_Line]]:
    units = [[chunk[0]]]
    for prev, nxt in zip(chunk, chunk[1:]):
        if _joins(prev, nxt, width):
            units[-1].append(nxt)
        else:
            units.append([nxt])
    return units


def _kind(unit: list[_Line], first: bool, opens_chunk: bool) -> tuple[str, int]:
    """Block kind and level. A heading must open its run of lines: a short line without
    closing punctuation in the middle of a run is a sentence that lost its full stop."""
    line = unit[0]
    if line.marker == "bullet":
        return LIST_ITEM, 1 + line.indent // 4
    if line.marker:
        return HEADING, len(line.marker)
    if len(unit) > 1:
        return PARAGRAPH, 0
    text = line.text
    if first and len(text) <= 150 and not text.endswith((".", ":")):
        return HEADING, 1
    if (opens_chunk and len(text) <= _MAX_HEADING_CHARS and not _HEADING_END.search(text) and len(text.split()) <= _MAX_HEADING_WORDS
            and any(c.isalpha() for c in text) and not _LABEL_VALUE.search(text) and not _URLISH.search(text)):
        return HEADING, 2
    return PARAGRAPH, 0


def _emit(writer: BlockWriter, text: str, unit: list[_Line], kind_level: tuple[str, int]) -> None:
    kind, level = kind_level
    writer.open(kind, unit[0].start, level=level)
    previous = None
    for line in unit:
        if previous is not None:
            brk = previous.brk
            if text.startswith("\n", brk):
                writer.text("\n", brk)
            else:
                writer.special("\n", brk, brk + (2 if text.startswith("\r\n", brk) else 1))
        writer.text(line.text, line.start)
        previous = line
    writer.close(unit[-1].end)
