"""BlockWriter.plain_block, the one-call path for a block that is plain source text, writes
exactly what open + text + close write."""
from __future__ import annotations

import pytest

from medlint.formats.writer import BlockWriter
from medlint.prose import HEADING, PARAGRAPH

SOURCE = ("# Inhaler care\n\n  Rinse your mouth after each dose.  \n\nSee https://example.org/inhalers for a video.\n\n"
          "Spacers help children [2].\n\n   \n\nA line the source does not hold.\n")


def _blocks():
    def at(text):
        return SOURCE.index(text)
    return [
        (HEADING, "Inhaler care", at("Inhaler care"), 1),
        (PARAGRAPH, "  Rinse your mouth after each dose.  ", at("  Rinse"), 0),
        (PARAGRAPH, "See https://example.org/inhalers for a video.", at("See https"), 0),
        (PARAGRAPH, "Spacers help children [2].", at("Spacers"), 0),
        (PARAGRAPH, "   ", at("   \n"), 0),
        (PARAGRAPH, "A line the source does not hold!", at("A line"), 0),  # not the source text
        (PARAGRAPH, "", len(SOURCE), 0),
    ]


def _state(writer: BlockWriter, fmt: str = "markdown"):
    parsed = writer.build(fmt)
    return (parsed.prose, parsed.blocks, parsed.source_map.segments, parsed.links, parsed.markers,
            writer.closed, writer.last_text)


@pytest.mark.parametrize("emphasis", [False, True])
def test_plain_block_writes_what_open_text_close_write(emphasis):
    fast, slow = BlockWriter(SOURCE, emphasis=emphasis), BlockWriter(SOURCE, emphasis=emphasis)
    for kind, text, start, level in _blocks():
        end = start + len(text)
        got = fast.plain_block(kind, start, text, start, end, level=level)
        slow.open(kind, start, level=level)
        slow.text(text, start)
        want = slow.close(end)
        assert got == want
        assert fast.last_text == slow.last_text
    assert _state(fast) == _state(slow)
    assert "https://example.org" not in _state(fast)[0]  # the URL went the general way
    assert [b.kind for b in _state(fast)[1]] == [HEADING, PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH]


def test_plain_block_after_an_open_block_closes_it_first():
    fast, slow = BlockWriter(SOURCE), BlockWriter(SOURCE)
    for writer in (fast, slow):
        writer.open(PARAGRAPH, 0)
        writer.text("# Inhaler", 0)
    start = SOURCE.index("Spacers")
    fast.plain_block(PARAGRAPH, start, "Spacers help", start, start + 12)
    slow.open(PARAGRAPH, start)
    slow.text("Spacers help", start)
    slow.close(start + 12)
    assert _state(fast) == _state(slow)
    assert _state(fast)[0] == "# Inhaler\n\nSpacers help"
