"""Sentences of the document, from the spaCy Doc, never crossing a block."""
from __future__ import annotations

from medlint.analysis.types import Sentence


def find_sentences(document) -> list[Sentence]:
    out: list[Sentence] = []
    prose = document.prose
    for sent in document.doc.sents:
        start, end = sent.start_char, sent.end_char
        # trim surrounding whitespace; a sentence never crosses a block break
        for piece_start, piece_end in _split_on_breaks(prose, start, end):
            block = document.block_index_at(piece_start)
            out.append(Sentence(piece_start, piece_end, -1 if block is None else block, prose[piece_start:piece_end]))
    return out


def _split_on_breaks(prose: str, start: int, end: int):
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
