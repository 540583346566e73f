"""Plain-text parser (STUB: one block per non-blank line; the formats work replaces this)."""
from __future__ import annotations

import re

from medlint.prose import PARAGRAPH, ParsedSource, ProseBuilder


def parse(text: str) -> ParsedSource:
    builder = ProseBuilder()
    for m in re.finditer(r"[^\r\n]+", text):
        if not m.group().strip():
            continue
        builder.start_block(m.start())
        builder.add(m.group(), m.start())
        builder.end_block(PARAGRAPH, source_end=m.end())
    return builder.build("text", text)
