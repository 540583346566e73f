"""HTML parser: blocks, entities, links, markers, anchors, title and exact positions."""
from __future__ import annotations

from medlint.formats import html
from format_checks import blocks, parse_checked, source_of
from medlint.positions import LineIndex
from medlint.prose import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL


def parse(text: str):
    return parse_checked(html.parse, text)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Naproxen &amp; you | Site</title>
<style>p { color: red }</style><script>var hidden = "text";</script></head>
<body>
<h1 id="top">Naproxen guide</h1>
<p>It eases <em><strong>joint</strong> pain</em> for many adults.</p>
<!-- editor note: check this -->
<ul><li>First <b>point</b></li><li>Second point<ul><li>Nested point</li></ul></li></ul>
<blockquote><p>A quoted line.</p></blockquote>
</body></html>
"""


def test_page_structure_title_and_skipped_content():
    parsed = parse(PAGE)
    assert parsed.title == "Naproxen & you | Site"
    assert blocks(parsed) == [(HEADING, "Naproxen guide"), (PARAGRAPH, "It eases joint pain for many adults."),
                              (LIST_ITEM, "First point"), (LIST_ITEM, "Second point"), (LIST_ITEM, "Nested point"),
                              (QUOTE, "A quoted line.")]
    assert [b.level for b in parsed.blocks if b.kind == LIST_ITEM] == [1, 1, 2]
    assert "hidden" not in parsed.prose and "color" not in parsed.prose and "editor" not in parsed.prose
    assert parsed.anchors == {"top"}


def test_nested_inline_tags_keep_word_positions():
    parsed = parse(PAGE)
    index = LineIndex(PAGE)
    start = parsed.prose.index("joint")
    s, e = parsed.source_map.to_source(start, start + len("joint pain"))
    assert PAGE[s:e] == "joint</strong> pain"
    assert index.position(s) == (6, 25)
    assert source_of(parsed, "adults") == "adults"


def test_entities_decode_to_non_exact_segments_at_their_bounds():
    text = "<p>Aspirin&nbsp;&amp; naproxen&#8217;s risk &#x2014; &unknown; ok</p>"
    parsed = parse(text)
    assert parsed.prose == "Aspirin & naproxen’s risk — &unknown; ok"
    assert source_of(parsed, "&", 1) == "&amp;"
    assert source_of(parsed, "’") == "&#8217;"
    assert source_of(parsed, "—") == "&#x2014;"
    assert source_of(parsed, "&unknown;") == "&unknown;"
    start = parsed.prose.index("Aspirin")
    assert parsed.source_map.to_source(start, start + 9) == (3, 21)  # through &nbsp;&amp;


def test_links_are_whole_elements_with_href_spans():
    text = '<p>See the <a class="x" href="https://example.org/a?x=1&amp;y=2">official <i>label</i></a> and <a href="">this</a>.</p>'
    parsed = parse(text)
    first, second = parsed.links
    assert (first.kind, first.href, first.text) == ("html", "https://example.org/a?x=1&y=2", "official label")
    assert text[first.source_start:first.source_end] == \
        '<a class="x" href="https://example.org/a?x=1&amp;y=2">official <i>label</i></a>'
    assert text[first.href_start:first.href_end] == "https://example.org/a?x=1&amp;y=2"
    assert (second.href, second.text) == ("", "this")
    assert second.href_start == second.href_end
    assert parsed.prose == "See the official label and this."


def test_superscript_citation_markers():
    text = "<p>Pain fell by half<sup>1</sup>. Dose 1.2 mg/m<sup>2</sup> daily<sup>[2, 3]</sup>. Note<sup>a</sup>.</p>"
    parsed = parse(text)
    assert parsed.prose == "Pain fell by half. Dose 1.2 mg/m2 daily. Notea."
    assert [(m.kind, m.label) for m in parsed.markers] == [("superscript", "1"), ("superscript", "2,3")]
    first = parsed.markers[0]
    assert parsed.prose[:first.offset].endswith("half")
    assert text[first.source_start:first.source_end] == "<sup>1</sup>"


def test_superscript_link_to_a_reference_is_a_marker():
    text = '<p>Works well<sup><a href="#ref4">4</a></sup>.</p><ol><li id="ref4">Smith 2020.</li></ol>'
    parsed = parse(text)
    assert parsed.prose == "Works well.\n\nSmith 2020."
    assert [(m.kind, m.label) for m in parsed.markers] == [("superscript", "4")]
    (link,) = parsed.links
    assert (link.href, link.text) == ("#ref4", "")
    assert "ref4" in parsed.anchors


def test_table_rows_group_cells_including_header():
    text = ("<table><thead><tr><th>Group</th><th>Dose</th></tr></thead>\n"
            "<tbody><tr><td>Adults</td><td>250 mg</td></tr><tr><td>Children<td>5 mg/kg</tr></tbody></table>")
    parsed = parse(text)
    cells = [(parsed.prose[b.start:b.end], b.group) for b in parsed.blocks]
    assert all(b.kind == TABLE_CELL for b in parsed.blocks)
    assert [c[0] for c in cells] == ["Group", "Dose", "Adults", "250 mg", "Children", "5 mg/kg"]
    groups = [c[1] for c in cells]
    assert groups[0] == groups[1] != groups[2] == groups[3] != groups[4] == groups[5]
    assert source_of(parsed, "5 mg/kg") == "5 mg/kg"
    assert LineIndex(text).position(parsed.blocks[3].source_start)[0] == 2


def test_implicit_closing_and_line_breaks():
    text = "<p>One para<p>Two para<br>same block<ul><li>a<li>b</ul>tail text"
    parsed = parse(text)
    assert blocks(parsed) == [(PARAGRAPH, "One para"), (PARAGRAPH, "Two para\nsame block"),
                              (LIST_ITEM, "a"), (LIST_ITEM, "b"), (PARAGRAPH, "tail text")]
    start = parsed.prose.index("\nsame")
    assert parsed.source_map.to_source(start, start + 1) == (text.index("<br>"), text.index("<br>") + 4)


def test_crlf_and_indentation_inside_a_paragraph():
    text = "<p>\r\n    Take with food\r\n    every day.\r\n</p>\r\n"
    parsed = parse(text)
    assert parsed.prose == "Take with food\nevery day."
    assert source_of(parsed, "every day.") == "every day."
    assert LineIndex(text).position(parsed.source_map.to_source(15, 20)[0]) == (3, 5)


def test_directive_comments_hidden_elements_and_footnote_sections():
    text = ("<p>Visible.</p>\n<!-- medlint: disable-file=MED502 -->\n<div hidden>secret</div>"
            "<div style=\"display: none\">also secret</div><section class=\"footnotes\"><ol><li>Ref one.</li></ol></section>")
    parsed = parse(text)
    assert blocks(parsed) == [(PARAGRAPH, "Visible."), (FOOTNOTE, "Ref one.")]
    (directive,) = parsed.directives
    assert (directive.action, directive.names, directive.line) == ("disable-file", ("MED502",), 2)


def test_bare_urls_and_markdown_looking_links_in_html_text():
    text = "<p>Source: https://example.com/study. Link 1: [Source Title](insert link)</p>"
    parsed = parse(text)
    assert [(l.kind, l.href, l.text) for l in parsed.links] == [
        ("bare", "https://example.com/study", ""), ("markdown", "insert link", "Source Title")]
    assert parsed.prose == "Source: . Link 1: Source Title"


def test_malformed_markup_does_not_lose_text():
    text = "<p>Bad &#; ref & and < alone <b>bold <i>unclosed</p><p>after</b> end &copy"
    parsed = parse(text)
    assert "after" in parsed.prose and "end" in parsed.prose and "alone" in parsed.prose
    assert parsed.prose.endswith("©")


def test_svg_title_is_neither_page_title_nor_prose():
    parsed = parse('<body><svg><title>Icon</title></svg><p>Text.</p></body>')
    assert parsed.title is None and parsed.prose == "Text."


def test_literal_markdown_emphasis_in_a_cms_page_is_not_prose():
    text = "<h1>Edoxaban</h1>\n<p>**Reviewed:** June 2024 &ndash; *Note:* 2 * 3 = 6</p>\n"
    parsed = parse(text)
    assert parsed.prose == "Edoxaban\n\nReviewed: June 2024 – Note: 2 * 3 = 6"
