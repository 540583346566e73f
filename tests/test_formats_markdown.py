"""Markdown parser: blocks, prose, links, markers, anchors, front matter and exact positions."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from medlint.formats import markdown
from format_checks import blocks, parse_checked, source_of
from medlint.positions import LineIndex
from medlint.prose import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL


def parse(text: str):
    return parse_checked(markdown.parse, text)


def test_headings_paragraphs_and_list_items_are_separate_blocks():
    parsed = parse("# Naproxen guide\n\nIntro line one\ncontinues here.\n\n## Dosage\n\n- first item\n- second item\n"
                   "  - nested item\n\n1. numbered\n")
    assert blocks(parsed) == [
        (HEADING, "Naproxen guide"), (PARAGRAPH, "Intro line one\ncontinues here."), (HEADING, "Dosage"),
        (LIST_ITEM, "first item"), (LIST_ITEM, "second item"), (LIST_ITEM, "nested item"), (LIST_ITEM, "numbered")]
    assert [b.level for b in parsed.blocks] == [1, 0, 2, 1, 1, 2, 1]
    assert parsed.prose.count("\n\n") == len(parsed.blocks) - 1


def test_link_in_crlf_file_has_line_and_column():
    text = "# Title\r\n\r\nSee [the leaflet](https://example.org/leaflet) today.\r\n"
    parsed = parse(text)
    (link,) = parsed.links
    index = LineIndex(text)
    assert (link.kind, link.href, link.text) == ("markdown", "https://example.org/leaflet", "the leaflet")
    assert index.position(link.source_start) == (3, 5)
    assert text[link.source_start:link.source_end] == "[the leaflet](https://example.org/leaflet)"
    assert text[link.href_start:link.href_end] == "https://example.org/leaflet"
    assert parsed.prose[link.text_start:link.text_end] == "the leaflet"
    s, _ = parsed.source_map.to_source(link.text_start, link.text_end)
    assert index.position(s) == (3, 6)
    assert "https" not in parsed.prose


def test_crlf_soft_break_is_a_newline_mapped_to_the_line_break():
    text = "first line\r\nsecond line\r\n"
    parsed = parse(text)
    assert parsed.prose == "first line\nsecond line"
    s, e = parsed.source_map.to_source(10, 11)
    assert text[s:e] == "\r\n"
    assert source_of(parsed, "second") == "second"


def test_emphasis_escapes_and_entities():
    text = "Take *one* **tablet** \\*daily\\* &amp; rest &copy; ok\n"
    parsed = parse(text)
    assert parsed.prose == "Take one tablet *daily* & rest © ok"
    assert source_of(parsed, "tablet") == "tablet"
    assert source_of(parsed, "&") == "&amp;"
    assert source_of(parsed, "©") == "&copy;"
    assert source_of(parsed, "*", 1) == "\\*"


def test_code_images_html_and_comments_are_not_prose():
    text = ("Use `dose_mg = 5` here ![chart](chart.png) and <span class=\"x\">kept</span> words.\n\n"
            "```python\nprint('hidden')\n```\n\n    indented code\n\n<!-- a note -->\n\nEnd.\n")
    parsed = parse(text)
    assert parsed.prose == "Use  here  and kept words.\n\nEnd."
    assert "hidden" not in parsed.prose and "chart" not in parsed.prose


def test_table_cells_share_a_row_group_and_map_exactly():
    text = "| Drug | Dose |\n|---|---|\n| Naproxen | 250 mg twice daily |\n| Celecoxib | 200 mg |\n"
    parsed = parse(text)
    cells = [(b.kind, parsed.prose[b.start:b.end], b.group) for b in parsed.blocks]
    assert [c[0] for c in cells] == [TABLE_CELL] * 6
    assert [c[1] for c in cells] == ["Drug", "Dose", "Naproxen", "250 mg twice daily", "Celecoxib", "200 mg"]
    groups = [c[2] for c in cells]
    assert groups[0] == groups[1] != groups[2] == groups[3] != groups[4] == groups[5]
    index = LineIndex(text)
    start = parsed.prose.index("250 mg")
    s, _ = parsed.source_map.to_source(start, start + 6)
    assert index.position(s) == (3, 14)


def test_blockquote_and_footnotes():
    text = "> Quoted advice here.\n\nA claim[^1] and an undefined one[^9].\n\n[^1]: Smith J. A trial. 2020.\n"
    parsed = parse(text)
    assert blocks(parsed) == [(QUOTE, "Quoted advice here."), (PARAGRAPH, "A claim and an undefined one."),
                              (FOOTNOTE, "Smith J. A trial. 2020.")]
    labels = [(m.kind, m.label, parsed.prose[:m.offset][-5:]) for m in parsed.markers]
    assert labels == [("footnote", "1", "claim"), ("footnote", "9", "d one")]
    assert [text[m.source_start:m.source_end] for m in parsed.markers] == ["[^1]", "[^9]"]


def test_caret_and_superscript_markers():
    text = "Relief was faster^3. Area 2 m^2 and<sup>4</sup> plus mg/m<sup>2</sup> dose.\n"
    parsed = parse(text)
    assert [(m.kind, m.label) for m in parsed.markers] == [("caret", "3"), ("superscript", "4")]
    assert parsed.prose == "Relief was faster. Area 2 m^2 and plus mg/m2 dose."
    caret = parsed.markers[0]
    assert parsed.prose[caret.offset - 6:caret.offset] == "faster"


def test_bare_urls_autolinks_and_placeholder_looking_links():
    text = ("Read https://www.nhs.uk/medicines/naproxen/. Or www.example.org now. "
            "Or <https://example.net/a>. See [Source Title](insert link) and [ok](https://x.org).\n")
    parsed = parse(text)
    kinds = [(l.kind, l.href, l.text) for l in parsed.links]
    assert kinds == [("bare", "https://www.nhs.uk/medicines/naproxen/", ""), ("bare", "www.example.org", ""),
                     ("autolink", "https://example.net/a", ""), ("markdown", "insert link", "Source Title"),
                     ("markdown", "https://x.org", "ok")]
    assert parsed.prose == "Read . Or  now. Or . See Source Title and ok."
    placeholder = parsed.links[3]
    assert text[placeholder.source_start:placeholder.source_end] == "[Source Title](insert link)"
    assert text[placeholder.href_start:placeholder.href_end] == "insert link"
    bare = parsed.links[0]
    assert parsed.prose[bare.text_start - 5:bare.text_start] == "Read "


def test_reference_link_points_at_its_definition():
    text = "See [the label][fda] for more.\n\n[fda]: https://www.fda.gov/label \"FDA\"\n"
    parsed = parse(text)
    (link,) = parsed.links
    assert (link.kind, link.href, link.text) == ("reference", "https://www.fda.gov/label", "the label")
    assert text[link.href_start:link.href_end] == "https://www.fda.gov/label"
    assert text[link.source_start:link.source_end] == "[the label][fda]"
    assert parsed.prose == "See the label for more."


def test_heading_anchors_slugs_and_explicit_ids():
    parsed = parse("# Side Effects & Risks\n\n## Dosage {#dose}\n\n## Side effects & risks\n\n<a name=\"top\"></a>\n")
    assert parsed.anchors == {"side-effects--risks", "dose", "side-effects--risks-1", "top"}
    assert blocks(parsed)[1] == (HEADING, "Dosage")


def test_setext_heading_and_multibyte_text():
    text = "Dosage für Kinder µg 🙂\n===\n\nGive 5 µg 🙂 twice.\n"
    parsed = parse(text)
    assert blocks(parsed) == [(HEADING, "Dosage für Kinder µg 🙂"), (PARAGRAPH, "Give 5 µg 🙂 twice.")]
    assert source_of(parsed, "twice") == "twice"
    start = parsed.prose.index("twice")
    assert LineIndex(text).position(parsed.source_map.to_source(start, start + 5)[0]) == (4, 13)


def test_front_matter_is_metadata_with_spans():
    text = '---\r\ntitle: "Naproxen: a guide"\r\nreviewed: 2024-05-01\r\nauthor: Ann Lee # editor\r\n---\r\n\r\nBody text.\r\n'
    parsed = parse(text)
    fm = parsed.front_matter
    assert fm.data == {"title": "Naproxen: a guide", "reviewed": dt.date(2024, 5, 1), "author": "Ann Lee"}
    assert text[slice(*fm.key_spans["title"])] == 'title: "Naproxen: a guide"'
    assert text[slice(*fm.value_spans["title"])] == "Naproxen: a guide"
    assert text[slice(*fm.value_spans["reviewed"])] == "2024-05-01"
    assert text[slice(*fm.value_spans["author"])] == "Ann Lee"
    assert parsed.prose == "Body text."
    assert LineIndex(text).position(fm.key_spans["reviewed"][0]) == (3, 1)


def test_html_block_inside_markdown_is_prose_with_offsets():
    text = "Intro.\n\n<div class=\"box\">\n<p>Boxed <b>advice</b> &amp; more.</p>\n</div>\n\nAfter.\n"
    parsed = parse(text)
    assert blocks(parsed) == [(PARAGRAPH, "Intro."), (PARAGRAPH, "Boxed advice & more."), (PARAGRAPH, "After.")]
    assert source_of(parsed, "advice") == "advice"
    assert source_of(parsed, "&") == "&amp;"


def test_directives_in_comments_are_recorded_with_lines():
    text = ("Intro.\n\n<!-- medlint: disable=MED101, absolute-claim -->\n\nText <!-- medlint: enable=MED101 --> here.\n"
            "\n<!-- medlint: disable-next-line=MED203 -->\nLast.\n")
    parsed = parse(text)
    found = [(d.action, d.names, d.line) for d in parsed.directives]
    assert found == [("disable", ("MED101", "absolute-claim"), 3), ("enable", ("MED101",), 5),
                     ("disable-next-line", ("MED203",), 7)]
    assert "medlint" not in parsed.prose
    first = parsed.directives[0]
    assert text[first.source_start:first.source_end] == "<!-- medlint: disable=MED101, absolute-claim -->"


def test_inline_html_link_in_markdown():
    text = 'Open <a href="https://example.org/x?a=1&amp;b=2">the page</a> now.\n'
    parsed = parse(text)
    (link,) = parsed.links
    assert (link.kind, link.href, link.text) == ("html", "https://example.org/x?a=1&b=2", "the page")
    assert text[link.source_start:link.source_end] == '<a href="https://example.org/x?a=1&amp;b=2">the page</a>'
    assert parsed.prose == "Open the page now."


def test_link_text_with_emphasis_and_nested_brackets():
    text = "A [*bold* [guide]](https://x.org/g) and [empty]().\n"
    parsed = parse(text)
    assert [(l.href, l.text) for l in parsed.links] == [("https://x.org/g", "bold [guide]"), ("", "empty")]
    assert text[parsed.links[1].source_start:parsed.links[1].source_end] == "[empty]()"
    assert parsed.links[1].href_start == parsed.links[1].href_end


def test_html_block_inside_a_block_quote_and_a_list():
    text = "> <p>Quoted <b>advice</b> &amp; more</p>\n> <div>Second</div>\n\n- item\n\n  <p>Listed html</p>\n"
    parsed = parse(text)
    assert blocks(parsed) == [(QUOTE, "Quoted advice & more"), (QUOTE, "Second"), (LIST_ITEM, "item"),
                              (LIST_ITEM, "Listed html")]
    assert source_of(parsed, "advice") == "advice"


def test_url_as_link_text_is_not_prose_and_not_a_second_link():
    parsed = parse("See [https://x.org/a](https://x.org/a) now.\n")
    assert parsed.prose == "See  now."
    assert [(l.kind, l.href) for l in parsed.links] == [("markdown", "https://x.org/a")]


def test_tag_like_text_that_names_no_html_element_stays_prose():
    text = "# Guide\n\nAsk <PHARMACIST NAME> about <<DOSE>>, see <em>this</em> and <my-widget>that</my-widget>.\r\n"
    parsed = parse(text)
    assert parsed.prose == "Guide\n\nAsk <PHARMACIST NAME> about <<DOSE>>, see this and that."
    assert source_of(parsed, "<PHARMACIST NAME>") == "<PHARMACIST NAME>"
    assert source_of(parsed, "<<DOSE>>") == "<<DOSE>>"


@given(st.from_regex(r"[abc XYZ.,;:\-–$%#+=>@^{}()'\"é5µ🙂\]!~&<]{1,60}", fullmatch=True))
@settings(max_examples=200, deadline=None)
def test_plain_line_fast_path_gives_the_tokens_the_inline_rules_give(src):
    from medlint.formats.md_inline import _PosState
    md = markdown._markdown()
    fast = md.inline.parse(src, md, {}, [])
    state = _PosState(src, md, {}, [])
    md.inline.tokenize(state)
    for rule in md.inline.ruler2.getRules(""):
        rule(state)
    assert [(t.type, t.content, t.meta.get("src")) for t in fast] == \
        [(t.type, t.content, t.meta.get("src")) for t in state.tokens]


def test_reference_links_take_the_first_definition_whatever_the_label_case_and_spacing():
    text = ("# Guide\n\nSee [the label][FDA  Label] and [the leaflet][leaflet].\n\n"
            "[fda label]: https://www.fda.gov/label\n[leaflet]: <TBD>\n[FDA label]: https://late.example/\n")
    parsed = parse(text)
    links = {link.text: link for link in parsed.links}
    assert links["the label"].href == "https://www.fda.gov/label"
    assert text[links["the label"].href_start:links["the label"].href_end] == "https://www.fda.gov/label"
    assert text[links["the leaflet"].href_start:links["the leaflet"].href_end] == "TBD"
