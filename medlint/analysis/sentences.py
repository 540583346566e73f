"""Sentences of the document, from the spaCy Doc, never crossing a block.

The boundaries are those of :mod:`medlint.sentence_rules` (set on the Doc by the
``medlint_sentences`` component). The Doc is built only when a rule needs tokens; when it has
not been built, the same rules run on the prose directly, so the result is the same (and
spaCy need not load).
"""
from __future__ import annotations

from typing import Iterator

from medlint.analysis.types import Sentence


def find_sentences(document) -> list[Sentence]:
    """Every sentence of ``document.prose`` as a trimmed span with its block index."""
    prose = document.prose
    doc = getattr(document, "built_doc", None)  # never build a Doc just for its sentences
    if doc is not None and getattr(doc, "text", None) == prose:
        raw = ((s.start_char, s.end_char) for s in doc.sents)
    else:
        from medlint import sentence_rules  # pure Python: the rules the Doc component applies
        raw = iter(sentence_rules.sentence_spans(prose))
    out: list[Sentence] = []
    for start, end in raw:
        for piece_start, piece_end in _split_on_breaks(prose, start, end):
            block = document.block_index_at(piece_start)
            out.append(Sentence(piece_start, piece_end, -1 if block is None else block,
                                prose[piece_start:piece_end]))
    return out


def _split_on_breaks(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trim whitespace and cut at any blank line (a block break) inside [start, end)."""
    pos = start
    while pos < end:
        while pos < end and prose[pos].isspace():
            pos += 1
        if pos >= end:
            return
        brk = prose.find("\n\n", pos, end)
        stop = end if brk < 0 else brk
        piece_end = stop
        while piece_end > pos and prose[piece_end - 1].isspace():
            piece_end -= 1
        yield pos, piece_end
        pos = stop
