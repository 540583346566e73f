"""Property: every exact segment is true, and every prose word maps back onto itself.

Hypothesis builds documents in all three formats from words (ASCII, accented, µ, emoji),
emphasis, links, bare URLs, entities, escapes, code, comments, lists, tables and CRLF or LF
line endings, then checks the source map of what each parser produced.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medlint.formats import html, markdown, text

WORDS = st.sampled_from(["naproxen", "dose", "mg", "µg", "café", "naïve", "Zoë", "🙂", "pain", "über", "5", "12.5",
                         "daily", "Ibuprofen", "x", "a", "résumé", "日本", "tablets", "(taken)", "food,", "end."])
NEWLINE = st.sampled_from(["\n", "\r\n"])
_WORD = re.compile(r"[^\W_]+")
# What a non-exact segment may stand for: an entity, an escape, a line break, a <br>. Anything
# else means a parser lost track of a position and fell back to approximate bounds.
_NON_EXACT_SOURCE = re.compile(r"&#?\w+;?|\\\S|\r\n?|\n|<br\s*/?>")


def _md_inline():
    word = WORDS
    return st.one_of(
        word, word,
        word.map(lambda w: f"*{w}*"), word.map(lambda w: f"**{w}**"), word.map(lambda w: f"_{w}_"),
        word.map(lambda w: f"`{w}`"),
        st.tuples(word, word).map(lambda p: f"[{p[0]} {p[1]}](https://example.org/{len(p[0])})"),
        word.map(lambda w: f"https://example.org/{len(w)}/page"),
        st.sampled_from(["&amp;", "&copy;", "&#8217;", "\\*", "\\_", "<b>bold</b>", "<!-- note -->", "^3", "[2]"]),
    )


@st.composite
def markdown_docs(draw):
    nl = draw(NEWLINE)
    blocks = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["p", "h", "ul", "quote", "table", "code"]))
        line = lambda: " ".join(draw(st.lists(_md_inline(), min_size=1, max_size=8)))  # noqa: E731
        if kind == "p":
            blocks.append(nl.join(line() for _ in range(draw(st.integers(1, 3)))))
        elif kind == "h":
            blocks.append("#" * draw(st.integers(1, 4)) + " " + line())
        elif kind == "ul":
            blocks.append(nl.join("- " + line() for _ in range(draw(st.integers(1, 3)))))
        elif kind == "quote":
            blocks.append("> " + line())
        elif kind == "table":
            cells = lambda: "| " + " | ".join(draw(WORDS) for _ in range(2)) + " |"  # noqa: E731
            blocks.append(nl.join([cells(), "|---|---|", cells()]))
        else:
            blocks.append(nl.join(["```", line(), "```"]))
    return (nl + nl).join(blocks) + nl


def _html_inline():
    word = WORDS
    return st.one_of(
        word, word,
        word.map(lambda w: f"<em>{w}</em>"), word.map(lambda w: f"<em><strong>{w}</strong> x</em>"),
        st.tuples(word, word).map(lambda p: f'<a href="https://example.org/?a=1&amp;b=2">{p[0]} {p[1]}</a>'),
        st.sampled_from(["&amp;", "&nbsp;", "&#8217;", "&eacute;", "<br>", "<sup>4</sup>", "<!-- c -->",
                         "https://example.net/x", "<code>hidden</code>"]),
    )


@st.composite
def html_docs(draw):
    nl = draw(NEWLINE)
    parts = ["<html><head><title>T</title></head><body>"]
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(["p", "h2", "li", "td", "div"]))
        body = (" " if draw(st.booleans()) else nl + "  ").join(draw(st.lists(_html_inline(), min_size=1, max_size=8)))
        parts.append(f"<{tag}>{body}</{tag}>")
    parts.append("</body></html>")
    return nl.join(parts)


@st.composite
def text_docs(draw):
    nl = draw(NEWLINE)
    lines = []
    for _ in range(draw(st.integers(0, 10))):
        shape = draw(st.sampled_from(["line", "line", "bullet", "blank", "link", "url"]))
        words = " ".join(draw(st.lists(WORDS, min_size=1, max_size=8)))
        if shape == "bullet":
            words = draw(st.sampled_from(["  • ", "- ", "1. "])) + words
        elif shape == "blank":
            words = ""
        elif shape == "link":
            words += " [Source Title](insert link)"
        elif shape == "url":
            words += " https://example.com/a."
        lines.append(words)
    return nl.join(lines)


def check(parsed, source: str) -> None:
    prose = parsed.prose
    non_exact = [(s.prose_start, s.prose_end) for s in parsed.source_map.segments if not s.exact]
    for seg in parsed.source_map.segments:
        if seg.exact:
            assert source[seg.source_start:seg.source_end] == prose[seg.prose_start:seg.prose_end]
        else:
            assert _NON_EXACT_SOURCE.fullmatch(source[seg.source_start:seg.source_end]), seg
        assert 0 <= seg.source_start <= seg.source_end <= len(source)
    for m in _WORD.finditer(prose):
        a, b = m.span()
        if any(s < b and a < e for s, e in non_exact):
            continue  # produced by an entity or an escape
        s, e = parsed.source_map.to_source(a, b)
        assert source[s:e] == m.group(), (m.group(), source[s:e])
    for block in parsed.blocks:
        piece = prose[block.start:block.end]
        assert piece and piece == piece.strip()
    for link in parsed.links:
        assert prose[link.text_start:link.text_end] == link.text
        assert 0 <= link.source_start <= link.source_end <= len(source)
    for marker in parsed.markers:
        assert 0 <= marker.offset <= len(prose)
    assert "https://" not in prose


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(markdown_docs())
def test_markdown_positions(doc):
    parsed = markdown.parse(doc)
    check(parsed, doc)
    assert "](" not in parsed.prose and "```" not in parsed.prose


@SETTINGS
@given(html_docs())
def test_html_positions(doc):
    parsed = html.parse(doc)
    check(parsed, doc)
    assert "<" not in parsed.prose and "hidden" not in parsed.prose and "\r" not in parsed.prose


@SETTINGS
@given(text_docs())
def test_text_positions(doc):
    parsed = text.parse(doc)
    check(parsed, doc)
    assert "insert link" not in parsed.prose and "\r" not in parsed.prose
    assert len(parsed.links) == doc.count("[Source Title]") + doc.count("https://")


_SOUP = st.lists(st.sampled_from(
    list("ab c\n\r\t*_[]()<>!&#;:/\\`^|-=~{}\"'.,1é🙂µ\x00\u2028")
    + ["http://", "www.", "&amp;", "<p>", "</p>", "<a href='x'>", "</a>", "<sup>", "</sup>", "<!--", "-->",
       "---\n", "[^1]", "[^1]: ", "| a | b |\n|---|---|\n", "<br>", "<div>", "</div>", "> ", "- ", "1. ",
       "```\n", "medlint: disable=X\n", "<script>", "</script>"]), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SOUP, st.sampled_from([markdown.parse, html.parse, text.parse]))
def test_markup_soup_never_breaks_the_source_map(doc, parse):
    parsed = parse(doc)
    for seg in parsed.source_map.segments:
        assert 0 <= seg.source_start <= seg.source_end <= len(doc)
        if seg.exact:
            assert doc[seg.source_start:seg.source_end] == parsed.prose[seg.prose_start:seg.prose_end]
    for block in parsed.blocks:
        piece = parsed.prose[block.start:block.end]
        assert piece and piece == piece.strip()
    for link in parsed.links:
        assert parsed.prose[link.text_start:link.text_end] == link.text
        assert 0 <= link.href_start <= link.href_end <= len(doc)
