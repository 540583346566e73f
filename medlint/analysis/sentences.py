"""Sentences of the document, from the spaCy Doc, never crossing a block.

The boundaries are those of :mod:`medlint.sentence_rules` (set on the Doc by the
``medlint_sentences`` component). The Doc is built only when a rule needs tokens; when it has
not been built, the same rules run on the prose directly, so the result is the same (and
spaCy need not load).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from medlint.analysis.types import Sentence


def find_sentences(document) -> list[Sentence]:
    """Every sentence of ``document.prose`` as a trimmed span with its block index."""
    prose = document.prose
    raw = _raw_spans(document, prose)
    out: list[Sentence] = []
    block_index_at = document.block_index_at
    for start, end in raw:
        piece = prose[start:end]
        stripped = piece.strip()
        if "\n\n" in stripped:  # rare: cut at the blank lines inside
            pieces = _split_on_breaks(prose, start, end)
        elif stripped:  # the common case, in C: what _split_on_breaks does with it
            lead = len(piece) - len(piece.lstrip())
            pieces = ((start + lead, start + lead + len(stripped)),)
        else:
            continue
        for piece_start, piece_end in pieces:
            block = block_index_at(piece_start)
            out.append(Sentence(piece_start, piece_end, -1 if block is None else block,
                                prose[piece_start:piece_end]))
    return out


def _raw_spans(document, prose: str) -> Iterable[tuple[int, int]]:
    """Untrimmed sentence spans: from the starts the Doc component recorded, else from the
    Doc's sentences (``--model``), else from the rules applied to the prose directly."""
    doc = getattr(document, "built_doc", None)  # never build a Doc just for its sentences
    if doc is not None:
        from medlint import nlp  # spaCy itself is not imported by this

        starts = nlp.sentence_starts(doc) if getattr(document, "model", None) is None else None
        if starts is not None and doc.user_data.get(nlp.TEXT) == prose:
            return zip(starts, starts[1:] + [len(prose)])
        if getattr(doc, "text", None) == prose:
            return ((s.start_char, s.end_char) for s in doc.sents)
    from medlint import sentence_rules  # pure Python: the rules the Doc component applies
    offsets = sentence_rules.sentence_offsets(prose)
    return zip(offsets, offsets[1:] + [len(prose)])


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
