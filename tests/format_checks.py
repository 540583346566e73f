"""Shared helpers for the format-parser tests: parse with the exact-segment invariant checked,
list blocks, and read back the source a prose word maps to."""
from __future__ import annotations


def parse_checked(parse, text: str):
    """``parse(text)``, asserting ``source[a:b] == prose[c:d]`` for every exact segment."""
    parsed = parse(text)
    for seg in parsed.source_map.segments:
        if seg.exact:
            assert text[seg.source_start:seg.source_end] == parsed.prose[seg.prose_start:seg.prose_end]
    return parsed


def blocks(parsed):
    """``(kind, prose)`` of every block."""
    return [(b.kind, parsed.prose[b.start:b.end]) for b in parsed.blocks]


def source_of(parsed, word: str, occurrence: int = 1) -> str:
    """The source text the prose ``word`` (its Nth occurrence) maps back to."""
    start = -1
    for _ in range(occurrence):
        start = parsed.prose.index(word, start + 1)
    s, e = parsed.source_map.to_source(start, start + len(word))
    return parsed.text[s:e]
