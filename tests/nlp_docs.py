"""Build a LintedDocument from blocks, without any format parser (for the NLP analysis tests).

``make_document([("heading", "Dosage", 2), ("paragraph", "Take 5 mg [1]."), ...])`` lays
the blocks out as prose with ProseBuilder (source == prose layout, so offsets map 1:1).
A block may be ``(kind, text)``, ``(kind, text, level)`` or ``(kind, text, level, group)``.
Markers are ``(kind, label, block_index, offset_in_block)``; links are
``(href, block_index, text_start_in_block, text_end_in_block)``.
"""
from __future__ import annotations

from medlint import nlp
from medlint.document import LintedDocument
from medlint.prose import Link, Marker, ProseBuilder
from medlint.source import Source


def make_document(blocks, markers=(), links=(), with_doc: bool = True) -> LintedDocument:
    builder = ProseBuilder()
    starts = []
    for spec in blocks:
        kind, text = spec[0], spec[1]
        level = spec[2] if len(spec) > 2 else 0
        group = spec[3] if len(spec) > 3 else None
        # source offsets: the same layout as the prose (blocks joined by a blank line)
        source_start = builder.offset + (2 if builder.blocks else 0)
        builder.start_block(source_start)
        starts.append(builder.offset)
        builder.add(text, source_start)
        builder.end_block(kind, level=level, group=group, source_end=source_start + len(text))
    for kind, label, index, offset in markers:
        at = starts[index] + offset
        builder.markers.append(Marker(kind, label, at, at, at))
    for href, index, lo, hi in links:
        builder.links.append(Link(href, "", starts[index] + lo, starts[index] + hi,
                                  starts[index] + lo, starts[index] + hi, 0, 0, "markdown"))
    prose = "\n\n".join(spec[1] for spec in blocks)
    parsed = builder.build("text", prose)
    assert parsed.prose == prose
    doc = nlp.make_doc(prose) if with_doc else None
    return LintedDocument(Source("<test>", prose, "text"), parsed, doc)


def paragraphs(*texts: str, **kwargs) -> LintedDocument:
    return make_document([("paragraph", t) for t in texts], **kwargs)
