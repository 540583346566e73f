"""The dispatching block tokenizer gives markdown-it-py's own tokens."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.parser_block import ParserBlock

from medlint.formats import md_block, md_inline

LINES = ["Plain text line", "a | b", "--- | ---", "Setext", "===", "---", "    indented code", "1) first",
         "2. second", "+ plus item", "* star item", "- dash item", "_ _ _", "~~~", "```", "Soft\\", "<div>",
         "</div>", "[label]: /target", "[^note]: a footnote", "  # heading two spaces in", "\t- tabbed item",
         "> quoted", "> - list in a quote", "- > quote in a list", "   continued", "#no-space", "", "",
         "\u00c9clair first", "0 apples"]


def _tokens(md, text: str) -> list:
    return [(t.type, t.tag, t.map, t.content, t.markup, t.level, t.info, t.hidden,
             [(c.type, c.content, c.markup) for c in (t.children or [])]) for t in md.parse(text, {})]


def _pair():
    ours = md_inline.make_markdown()
    stock = md_inline.make_markdown()
    plain = ParserBlock()
    plain.ruler = stock.block.ruler
    stock.block = plain
    return ours, stock


OURS, STOCK = _pair()


def test_the_parser_uses_the_dispatching_tokenizer():
    assert isinstance(OURS.block, md_block.DispatchingParserBlock)
    names = {r.name for r in OURS.block.ruler.__rules__ if r.enabled}
    assert md_block.MARKER_RULES <= names  # every rule it skips exists under that name


def test_a_guide_with_every_block_kind():
    text = ("# Dosing\n\nTake it daily.\nKeep taking it.\n\nName | Dose\n--- | ---\nA | 5 mg\n\n"
            "Warning\n---\n\n- one\n- two\n\n  1. nested\n\n> Quote\n> - item\n\n    code\n\n"
            "[x]: https://example.org\n\nText[^1]\n\n[^1]: Note.\n\n<div>\nhtml\n</div>\n")
    assert _tokens(OURS, text) == _tokens(STOCK, text)


@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=25))
@settings(max_examples=300, deadline=None)
def test_same_tokens_as_markdown_it(lines):
    text = "\n".join(lines)
    assert _tokens(OURS, text) == _tokens(STOCK, text)
