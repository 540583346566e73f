"""Inline HTML inside a Markdown paragraph: what each tag means for the prose.

markdown-it-py hands raw inline HTML over as ``html_inline`` tokens. A comment may be a
suppression directive; ``<br>`` is a line break; ``<sup>3</sup>`` after text is a citation
mark; ``<a href>`` is a link whose text is prose; ids are in-page anchors; and a tag-like
``<DRUG NAME>`` or ``<<PLACEHOLDER>>`` that names no HTML element is a writer's slot, kept as
text. Everything else (``<b>``, ``<span>``) is markup and no prose.
"""
from __future__ import annotations

import re
from html import unescape as _unescape_html

from medlint.formats import html_elements

_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")
_ID_ATTR = re.compile(r"""\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def inline_html(walk, raw: str, cs: int, ce: int) -> None:
    """Write the inline HTML ``raw`` (content span [cs, ce) of ``walk``'s block) into its writer."""
    s, e = walk.cmap.bounds(cs, ce)
    w = walk.w
    if raw.startswith("<!--"):
        body = raw[4:-3] if raw.endswith("-->") else raw[4:]
        walk.walker.directives.add_comment(body, s, e)
        return
    m = _TAG.match(raw)
    if not m:
        return
    closing, name = m.group(1) == "/", m.group(2).lower()
    if name not in html_elements.KNOWN and "-" not in name:  # "<DRUG NAME>": a slot, not markup
        src = walk.cmap.src(cs)
        w.text(raw, src) if src is not None and walk.text.startswith(raw, src) else w.special(raw, s, e)
        return
    if not closing:
        for idm in _ID_ATTR.finditer(raw):
            w.anchors.add(idm.group(1))
    if name == "br":
        w.special("\n", s, e)
    elif name == "sup":
        if not closing:
            walk.sups.append((w.length, bool(w.block_text().strip()), w.closed, s))
        elif walk.sups:
            rel, after_text, closed, start = walk.sups.pop()
            html_elements.end_superscript(w, rel, after_text, closed, start, e)
    elif name == "a":
        if not closing:
            hm = _HREF.search(raw)
            if hm:
                g = hm.lastindex
                hs, he = walk.cmap.bounds(cs + hm.start(g), cs + hm.end(g))
                walk.html_links.append((w.link_open(), s, _unescape_html(hm.group(g)), hs, he))
        elif walk.html_links:
            link, start, href, hs, he = walk.html_links.pop()
            w.link_close(link, href=href, kind="html", source_start=start, source_end=e,
                         href_start=hs, href_end=he)
