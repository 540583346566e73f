"""Inline constructs found in the text of a block, whatever its format.

Some things are not markup to the format's own parser but are still not prose: a bare URL,
a Markdown-looking link in plain text or in an HTML paragraph (``[Source Title](insert link)``
is not a CommonMark link, yet every reader sees a link slot), a caret reference ``^3``, a
footnote reference ``[^2]`` that has no definition, Unicode superscript digits ``¹²``. One
regular expression finds them all in a block's text, so every parser treats them the same way.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_ASCII = str.maketrans(_SUPERSCRIPTS + "⁻", "0123456789-")
_CLOSERS = ".,;:)]\"'’”"

_SCAN = re.compile(
    r"(?P<md>\[(?P<mdtext>[^\[\]\n]{0,500})\]\((?P<mdhref>(?:[^()\n]|\([^()\n]*\)){0,2000})\))"
    r"|(?P<fn>\[\^(?P<fnlabel>[^\]\s]{1,40})\])"
    r"|(?P<caret>\^(?P<caretlabel>\d{1,4}(?:[,\-–]\s?\d{1,4}){0,20}))(?![\w^])"
    r"|(?P<usup>[" + _SUPERSCRIPTS + r"]+(?:[,⁻\-–][" + _SUPERSCRIPTS + r"]+){0,20})"
    r"|(?P<url>(?i:https?://|www\.(?=\w))[^\s<>\"\[\]{}|\\^`]{0,4000})"
)
# Cheap test before running the scanner on a block: one character class (a fast scan in the
# regex engine, unlike an alternation tried at every position) and two substring tests.
_MAYBE_MARK = re.compile(r"[\[^" + _SUPERSCRIPTS + r"]")
# Markdown-looking emphasis left in text (a Markdown answer pasted into a .txt file, literal
# asterisks in a CMS page): "**Last updated:** May 2024". The delimiters are not prose. A
# single "*" counts only when it hugs a word on both sides ("*Note:*"), so "Tylenol*" or a
# "*" footnote is left alone.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__)(?=[^\s*_])[^\n]{0,300}?(?<=[^\s*_])\1(?![\w*])"
                       r"|(?<![\w*])\*(?=[^\s*])[^*\n]{0,300}?(?<=[^\s*])\*(?![\w*])")


def _maybe(text: str) -> bool:
    if _MAYBE_MARK.search(text):
        return True
    lowered = text.lower()
    return "http" in lowered or "www." in lowered
# A unit just before an exponent (mg/m², m^2): not a citation mark.
UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?:[mckd]?m|µm|ft|in|s|sec|kg|cm)$")
_URL_TRAILING = ".,;:!?'\"*_~’”"


class Found(NamedTuple):
    """One construct found in block text (offsets relative to that text).

    ``remove`` lists the ranges that are not prose; for a Markdown-looking link the brackets
    and target go but the link text stays.
    """

    kind: str  # "markdown", "bare", "footnote", "caret", "superscript", "emphasis"
    start: int
    end: int
    remove: tuple[tuple[int, int], ...]
    label: str = ""      # marker label, or link text
    href: str = ""
    href_start: int = 0
    href_end: int = 0
    text_start: int = 0  # link text (relative), for links
    text_end: int = 0


def trim_url(url: str) -> str:
    """Drop trailing punctuation and an unbalanced closing parenthesis from a bare URL."""
    while url:
        last = url[-1]
        if last in _URL_TRAILING:
            url = url[:-1]
        elif last == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        else:
            break
    return url


def scan(text: str, *, links: bool = True, emphasis: bool = False) -> list[Found]:
    """Find links, bare URLs and citation marks in ``text``. Without ``links`` only the
    citation marks are looked for (inside code, say, nothing is; inside a link's text a URL
    is still removed but the parser decides whether it is a separate link). With ``emphasis``
    (plain text and HTML, where no Markdown parser has read the asterisks) Markdown-looking
    emphasis delimiters are cut too."""
    found: list[Found] = []
    if emphasis and ("*" in text or "__" in text):
        for m in _EMPHASIS.finditer(text):
            start, end = m.span()
            width = 2 if m.group(1) else 1
            found.append(Found("emphasis", start, end, ((start, start + width), (end - width, end))))
    if not _maybe(text):
        return found
    for m in _SCAN.finditer(text):
        kind = m.lastgroup
        start, end = m.start(), m.end()
        if kind == "md":
            if not links:
                continue
            href_s, href_e = m.span("mdhref")
            raw = m.group("mdhref")
            lead = len(raw) - len(raw.lstrip())
            href_s, href_e = href_s + lead, href_e - (len(raw) - len(raw.rstrip()))
            href = text[href_s:href_e]
            if href.startswith("<") and href.endswith(">") and len(href) >= 2:
                href, href_s, href_e = href[1:-1], href_s + 1, href_e - 1
            ts, te = m.span("mdtext")
            found.append(Found("markdown", start, end, ((start, ts), (te, end)), m.group("mdtext"),
                               href, href_s, href_e, ts, te))
        elif kind == "fn":
            found.append(Found("footnote", start, end, ((start, end),), m.group("fnlabel")))
        elif kind in ("caret", "usup"):
            if UNIT_BEFORE.search(text, max(0, start - 4), start):
                continue
            body = m.group(kind)
            label = m.group("caretlabel") if kind == "caret" else body.translate(_SUPER_TO_ASCII)
            found.append(Found("caret" if kind == "caret" else "superscript", start, end,
                               ((start, end),), label))
        else:
            if start and (text[start - 1].isalnum() or text[start - 1] in "_@/.-"):
                continue
            url = trim_url(m.group("url"))
            if not url or url.lower() == "www.":
                continue
            end = start + len(url)
            found.append(Found("bare", start, end, ((start, end),), "", url, start, end, start, start))
    return found


_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def slugify(text: str, seen: dict[str, int] | None = None) -> str:
    """GitHub-style heading anchor: lower case, punctuation dropped, spaces to hyphens.

    With ``seen``, a repeated slug gets ``-1``, ``-2``... as GitHub does.
    """
    slug = _SLUG_DROP.sub("", text.strip().lower()).replace(" ", "-")
    if seen is not None:
        count = seen.get(slug)
        seen[slug] = 0 if count is None else count + 1
        if count is not None:
            slug = f"{slug}-{count + 1}"
    return slug
