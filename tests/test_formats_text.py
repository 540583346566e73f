"""Plain-text parser: blocks from line shapes, list items, links and directives."""
from __future__ import annotations

from format_checks import parse_checked
from medlint.formats import text as text_format
from medlint.positions import LineIndex
from medlint.prose import HEADING, LIST_ITEM, PARAGRAPH


def parse(text: str):
    return parse_checked(text_format.parse, text)


def blocks(parsed):
    return [(b.kind, b.level, parsed.prose[b.start:b.end]) for b in parsed.blocks]


DRAFT = """Naproxen for Back Pain: What to Know
Written by the Health Desk

Naproxen is an anti-inflammatory medicine. It is sold over the counter.

Dosage
Adults: 220 mg every 8 to 12 hours with a full glass of water.
Older adults: start with the lowest dose.

What is naproxen used for?

Key points include:
  • Taking it with food
  • Avoiding alcohol
1. First numbered point
2) Second numbered point

This sentence is wrapped by the
writer's editor and continues here.
"""


def test_line_shapes_make_blocks():
    parsed = parse(DRAFT)
    assert blocks(parsed) == [
        (HEADING, 1, "Naproxen for Back Pain: What to Know"),
        (PARAGRAPH, 0, "Written by the Health Desk"),
        (PARAGRAPH, 0, "Naproxen is an anti-inflammatory medicine. It is sold over the counter."),
        (HEADING, 2, "Dosage"),
        (PARAGRAPH, 0, "Adults: 220 mg every 8 to 12 hours with a full glass of water."),
        (PARAGRAPH, 0, "Older adults: start with the lowest dose."),
        (PARAGRAPH, 0, "What is naproxen used for?"),
        (PARAGRAPH, 0, "Key points include:"),
        (LIST_ITEM, 1, "Taking it with food"),
        (LIST_ITEM, 1, "Avoiding alcohol"),
        (LIST_ITEM, 1, "First numbered point"),
        (LIST_ITEM, 1, "Second numbered point"),
        (PARAGRAPH, 0, "This sentence is wrapped by the\nwriter's editor and continues here."),
    ]
    start = parsed.prose.index("Avoiding")
    s, _ = parsed.source_map.to_source(start, start + 8)
    assert LineIndex(DRAFT).position(s) == (14, 5)


def test_placeholder_links_in_bullets_keep_their_lines():
    text = ("Intro line.\n\n"
            "  • Link 1: [Source Title](insert link)\n"
            "  • Link 2: [Source Title](insert link)\n"
            "  • Link 3: [Source Title](https://www.nice.org.uk/)\n")
    parsed = parse(text)
    index = LineIndex(text)
    assert [(l.kind, l.href, l.text, index.position(l.source_start)[0]) for l in parsed.links] == [
        ("markdown", "insert link", "Source Title", 3), ("markdown", "insert link", "Source Title", 4),
        ("markdown", "https://www.nice.org.uk/", "Source Title", 5)]
    assert [b[2] for b in blocks(parsed)[1:]] == ["Link 1: Source Title", "Link 2: Source Title",
                                                  "Link 3: Source Title"]
    first = parsed.links[0]
    assert text[first.source_start:first.source_end] == "[Source Title](insert link)"
    assert text[first.href_start:first.href_end] == "insert link"


def test_bare_urls_are_links_not_prose_and_brackets_stay():
    text = "Title\n\nSource: https://example.com/study-2019 (see www.nhs.uk).\nDose was cut [3].\n"
    parsed = parse(text)
    assert [(l.kind, l.href) for l in parsed.links] == [("bare", "https://example.com/study-2019"),
                                                        ("bare", "www.nhs.uk")]
    assert parsed.prose.endswith("Source:  (see ).\n\nDose was cut [3].")


def test_directive_lines_are_not_prose():
    text = ("Title\n\nmedlint: disable=MED301\nA dose of 5 mg.\n# medlint: enable=MED301\n"
            "<!-- medlint: disable-next-line=dose-without-citation -->\nAnother 10 mg.\n")
    parsed = parse(text)
    assert [(d.action, d.names, d.line) for d in parsed.directives] == [
        ("disable", ("MED301",), 3), ("enable", ("MED301",), 5),
        ("disable-next-line", ("dose-without-citation",), 6)]
    assert "medlint" not in parsed.prose
    assert [b[2] for b in blocks(parsed)] == ["Title", "A dose of 5 mg.", "Another 10 mg."]


def test_crlf_breaks_map_to_the_line_break():
    text = "Title\r\n\r\nThe dose is taken\r\nonce a day.\r\n"
    parsed = parse(text)
    assert parsed.prose == "Title\n\nThe dose is taken\nonce a day."
    start = parsed.prose.index("\nonce")
    s, e = parsed.source_map.to_source(start, start + 1)
    assert text[s:e] == "\r\n"
    start = parsed.prose.index("once")
    assert LineIndex(text).position(parsed.source_map.to_source(start, start + 4)[0]) == (4, 1)


def test_hard_wrapped_file_joins_lines_that_would_not_have_fitted():
    body = ("Ibuprofen is a medicine that many adults keep at home for pain and\n"
            "Fever. It works by blocking enzymes that make prostaglandins in the\n"
            "body, and it can upset the stomach when it is taken without any food\n"
            "NSAID users should ask a pharmacist about interactions with other\n"
            "medicines before they start.\n")
    parsed = parse("Title\n\n" + body)
    assert len(parsed.blocks) == 2
    assert parsed.prose[parsed.blocks[1].start:parsed.blocks[1].end] == body.strip()


def test_short_unwrapped_lines_stay_separate():
    parsed = parse("Title\n\nSide effects\nNausea and headache are common\nCall a doctor if you faint.\n")
    assert [b[:2] for b in blocks(parsed)] == [(HEADING, 1), (HEADING, 2), (PARAGRAPH, 0), (PARAGRAPH, 0)]


def test_caret_and_unicode_superscript_markers():
    parsed = parse("Title\n\nIt helped most people^2 and many others¹,². Area was 3 m² in all.\n")
    assert [(m.kind, m.label) for m in parsed.markers] == [("caret", "2"), ("superscript", "1,2")]
    assert parsed.prose.endswith("It helped most people and many others. Area was 3 m² in all.")


def test_markdown_emphasis_pasted_into_text_is_not_prose():
    text = ("Edoxaban answer\r\n\r\n**Last updated:** May 2024\r\n\r\n*Note:* take it with food. Tylenol* and "
            "Advil* are brands; 2 * 3 is six.\r\n\r\n**[Leaflet](TBD)**\r\n")
    parsed = parse(text)
    assert [b[2] for b in blocks(parsed)] == [
        "Edoxaban answer", "Last updated: May 2024",
        "Note: take it with food. Tylenol* and Advil* are brands; 2 * 3 is six.", "Leaflet"]
    assert [(link.text, link.href) for link in parsed.links] == [("Leaflet", "TBD")]
    start = parsed.prose.index("Last")
    s, e = parsed.source_map.to_source(start, start + len("Last updated: May 2024"))
    assert text[s:e] == "Last updated:** May 2024"
