"""Hostile and degenerate inputs: the parsers must not crash, hang or invent positions."""
from __future__ import annotations

import pytest

from medlint import formats
from medlint.formats import html, markdown, text
from medlint.source import decode

PARSERS = [markdown.parse, html.parse, text.parse]


def exact_ok(parsed, source: str) -> None:
    for seg in parsed.source_map.segments:
        if seg.exact:
            assert source[seg.source_start:seg.source_end] == parsed.prose[seg.prose_start:seg.prose_end]


@pytest.mark.parametrize("parse", PARSERS)
@pytest.mark.parametrize("source", ["", "\n", "  \r\n\t\r\n", "\r", "<!-- only a comment -->\n"])
def test_empty_and_blank_inputs_give_empty_prose(parse, source):
    parsed = parse(source)
    if "comment" in source and parse is text.parse:
        assert parsed.prose == "<!-- only a comment -->"  # plain text has no comments
        return
    assert parsed.prose == ""
    assert parsed.blocks == [] and parsed.links == [] and parsed.markers == []


def test_bom_is_stripped_before_parsing():
    source = decode("\ufeff# Title\n\nBody.\n".encode("utf-8"), "x.md", "markdown")
    parsed = formats.parse(source)
    assert parsed.prose == "Title\n\nBody."


def test_html_nested_ten_thousand_levels():
    closed = "<div>" * 10_000 + "<p>deep text</p>" + "</div>" * 10_000
    assert html.parse(closed).prose == "deep text"
    unclosed = "<div><span>" * 10_000 + "still text"
    assert html.parse(unclosed).prose == "still text"
    stray = "</div></p></li>" * 10_000 + "<p>after</p>"
    assert html.parse(stray).prose == "after"


def test_markdown_deep_nesting_and_delimiter_storms():
    # Beyond markdown-it's nesting limit the content is dropped, not crashed on.
    for source in ("> " * 3_000 + "quoted\n", "- " * 2_000 + "item\n"):
        exact_ok(markdown.parse(source), source)
    for source in ("*" * 5_000 + "word" + "_" * 5_000, "[" * 5_000 + "word" + "]" * 5_000,
                   "a " + "`" * 3_000 + "word", "<" * 5_000 + "word", "&amp;" * 5_000 + "word"):
        parsed = markdown.parse(source)
        exact_ok(parsed, source)
        assert "word" in parsed.prose


@pytest.mark.parametrize("parse", PARSERS)
def test_control_characters_and_lone_carriage_returns(parse):
    source = "Dose\x00 is 5 mg.\rNext line\x0bhere \u2028 and \x1c there.\r\rLast &amp; end\n"
    parsed = parse(source)
    exact_ok(parsed, source)
    assert "Last" in parsed.prose and "there" in parsed.prose


def test_unterminated_constructs():
    assert html.parse("<p>Text <!-- never closed").prose == "Text"
    assert html.parse("<p>Text <a href='x").prose == "Text <a href='x"
    assert html.parse("<p>Amp &#; and &#x; end</p>").prose == "Amp &#; and &#x; end"
    parsed = markdown.parse("Text <!-- never closed\n\n[link](<unterminated\n")
    assert parsed.prose.startswith("Text")


def test_front_matter_edge_cases():
    unclosed = markdown.parse("---\ntitle: x\n\nBody.\n")
    assert unclosed.front_matter is None and "Body." in unclosed.prose
    broken = markdown.parse("---\ntitle: [unclosed\nauthor: A\n---\nBody.\n")
    assert broken.front_matter.data == {} and "author" in broken.front_matter.key_spans
    assert broken.prose == "Body."
    empty = markdown.parse("---\n---\nBody.\n")
    assert empty.front_matter.data == {} and empty.prose == "Body."


_SENTENCE = ("Take 200 mg of naproxen with food and a full glass of water, and ask a pharmacist before "
             "combining it with other pain relievers or with blood thinners. ")


def _big_markdown(sections: int) -> str:
    unit = ("## Section\n\n" + _SENTENCE * 6 + "See [the label](https://example.org/l) and https://nih.gov/x "
            "for more.^2\n\n- first point\n- second point &amp; more\n\n| Group | Dose |\n|---|---|\n"
            "| Adults | 250 mg |\n\n")
    return unit * sections


def test_multi_megabyte_markdown_html_and_text():
    md_source = _big_markdown(2_000)  # about 2.2 MB
    parsed = markdown.parse(md_source)
    assert len(parsed.blocks) == 2_000 * 8  # heading, paragraph, 2 list items, 4 table cells
    assert len(parsed.links) == 4_000 and len(parsed.markers) == 2_000
    assert parsed.prose.count("See the label and  for more.") == 2_000

    html_source = ("<h2>Section</h2><p>" + _SENTENCE * 6 + "Take it with <em>food</em> &amp; water<sup>1</sup>.</p>\n"
                   ) * 2_500
    parsed = html.parse(html_source)
    assert len(parsed.blocks) == 5_000 and len(parsed.markers) == 2_500
    assert parsed.prose.count("Take it with food & water.") == 2_500

    text_source = ("Section\n\n" + _SENTENCE * 6 + "See https://example.org/a.\n\n  • first point\n\n") * 2_500
    parsed = text.parse(text_source)
    assert len(parsed.blocks) == 7_500 and len(parsed.links) == 2_500
    exact_ok(parsed, text_source)


@pytest.mark.slow
@pytest.mark.parametrize("parse", PARSERS)
def test_twenty_megabyte_input(parse):
    source = _big_markdown(20_000)
    assert len(source) > 20_000_000
    parsed = parse(source)
    assert parsed.prose.count("ask a pharmacist before combining") == 20_000 * 6


def test_a_dropped_blank_block_leaves_no_separator_behind():
    from medlint.prose import PARAGRAPH, ProseBuilder
    builder = ProseBuilder()
    for text, start in (("Dose.", 0), ("   ", 7), ("Next.", 12)):
        builder.start_block(start)
        builder.add(text, start)
        builder.end_block(PARAGRAPH)
    parsed = builder.build("text", "Dose.\n\n   \n\nNext.")
    assert parsed.prose == "Dose.\n\nNext."
    assert [(b.start, b.end) for b in parsed.blocks] == [(0, 5), (7, 12)]
    assert parsed.source_map.to_source(7, 12) == (12, 17)
