"""What HTML elements mean for the prose: which start blocks, which hold no prose, what kind
of block their text makes, which close implicitly, and when a superscript is a citation mark.

Kept apart from the tokenizer driver (:mod:`medlint.formats.html`) so the HTML semantics can
be read in one place; the Markdown parser uses the same rules for inline and block HTML.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from medlint.formats import inline
from medlint.formats.writer import BlockWriter
from medlint.prose import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL

VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
BLOCK = frozenset("""address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav
    ol p section summary table tbody td tfoot th thead tr ul""".split())
SKIP = frozenset("""script style head template noscript svg math iframe object canvas video audio select
    textarea button pre code kbd samp""".split())
HEAD_CONTENT = frozenset("title meta link style script base noscript template".split())
# Every element name HTML defines (with the obsolete ones pages still use). In Markdown, a
# tag-like "<DRUG NAME>" or "<<PLACEHOLDER>>" that names none of them is a writer's slot, not
# markup, so it stays text.
KNOWN = VOID | BLOCK | SKIP | frozenset("""a abbr acronym b bdi bdo big blink cite data del dfn em font i ins label
    mark marquee meter nobr output picture portal q rp rt ruby s search slot small span strike strong sub sup
    time tt u var frame frameset noframes optgroup option progress datalist map""".split())
LISTS = frozenset(("ul", "ol", "menu", "dir", "dl"))
_TABLE_PARTS = ("thead", "tbody", "tfoot")
# tag -> (open elements it closes, elements that stop the search): HTML's implied end tags
IMPLIED_END = {
    "li": (("li",), LISTS),
    "dt": (("dt", "dd"), ("dl",)),
    "dd": (("dt", "dd"), ("dl",)),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
    "tr": (("tr",), ("table",) + _TABLE_PARTS),
    "thead": (_TABLE_PARTS, ("table",)),
    "tbody": (_TABLE_PARTS, ("table",)),
    "tfoot": (_TABLE_PARTS, ("table",)),
}
# block elements whose start does not close an open <p> (they live inside tables or are the page)
NO_P_CLOSE = frozenset(("td", "th", "tr", "thead", "tbody", "tfoot", "body", "html"))
_SUP_LABEL = re.compile(r"\[?\s*(\d{1,4}(?:\s*[,\-–]\s*\d{1,4}){0,20})\s*\]?")
_FOOTNOTE_ATTR = re.compile(r"footnote|endnote|doc-endnotes|doc-footnote", re.IGNORECASE)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


class Ctx(NamedTuple):
    """What kind of block text gets at this point of the element tree."""

    kind: str = PARAGRAPH
    level: int = 0
    group: int | None = None
    lists: int = 0


def child_ctx(tag: str, attrs: list, ctx: Ctx, new_group) -> Ctx:
    """The context inside ``<tag attrs>`` opened in ``ctx``; ``new_group()`` numbers a table row."""
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return Ctx(HEADING, int(tag[1]), None, ctx.lists)
    if tag == "li":
        return Ctx(ctx.kind if ctx.kind == FOOTNOTE else LIST_ITEM, max(1, ctx.lists), None, ctx.lists)
    if tag in LISTS:
        ctx = ctx._replace(lists=ctx.lists + 1)
    elif tag == "tr":
        ctx = ctx._replace(group=new_group())
    elif tag in ("td", "th"):
        return Ctx(TABLE_CELL, 0, ctx.group if ctx.group is not None else new_group(), ctx.lists)
    elif tag == "blockquote":
        ctx = Ctx(QUOTE, 0, None, ctx.lists)
    elif tag == "table":
        ctx = ctx._replace(group=None)
    for name, value in attrs:
        if name in ("class", "id", "role") and value and _FOOTNOTE_ATTR.search(value):
            return ctx._replace(kind=FOOTNOTE)
    return ctx


def hidden(attrs: list) -> bool:
    """An element the reader never sees (``hidden``, ``aria-hidden``, ``display: none``)."""
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and value == "true"):
            return True
        if name == "style" and value and _DISPLAY_NONE.search(value):
            return True
    return False


def end_superscript(w: BlockWriter, rel: int, after_text: bool, closed: int, start: int, end: int) -> bool:
    """At ``</sup>``: turn the superscript text since ``rel`` into a citation marker when it
    is a number (list or range) right after text and not a unit exponent (m<sup>2</sup>)."""
    if not after_text or w.closed != closed or not w.is_open:
        return False
    m = _SUP_LABEL.fullmatch(w.block_text(rel).strip())
    if not m or inline.UNIT_BEFORE.search(w.block_text()[max(0, rel - 4):rel]):
        return False
    w.rollback(rel)
    w.marker("superscript", re.sub(r"\s+", "", m.group(1)), start, end)
    return True
