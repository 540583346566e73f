"""Markdown parser: CommonMark (markdown-it-py) -> prose blocks with exact positions.

markdown-it-py gives the block structure (headings, paragraphs, list items, table cells,
block quotes, footnote definitions, HTML blocks) with line ranges, and :mod:`md_inline`
adds the span of every inline token inside its block's content; :mod:`md_positions` maps
those back to the source (container prefixes, CRLF, a table row's cells). Code, images,
raw HTML tags, link targets and front matter never become prose; HTML blocks go through the
HTML parser so their text is prose with exact offsets too.
"""
from __future__ import annotations

import re

from medlint.formats import frontmatter, html, html_elements, inline, md_html
from medlint.formats.directives import DirectiveCollector
from medlint.formats.md_positions import ContentMap, LineTable, definition_targets
from medlint.formats.writer import BlockWriter, no_gc
from medlint.prose import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL, ParsedSource

_MD = None
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING_ID = re.compile(r"[ \t]*\{#([\w\-:.]+)[^}\n]*\}[ \t]*$")
_CONTAINER = {"list_item_open": LIST_ITEM, "blockquote_open": QUOTE, "footnote_reference_open": FOOTNOTE}
_CLOSERS = {"list_item_close", "blockquote_close", "footnote_reference_close"}


def _markdown():
    global _MD  # one configured parser per process, like the spaCy pipeline
    if _MD is None:
        from medlint.formats.md_inline import make_markdown  # lazy: markdown-it loads only for Markdown
        _MD = make_markdown()
    return _MD


def parse(text: str) -> ParsedSource:
    """Parse Markdown into prose, blocks, links, markers, directives, front matter, anchors."""
    with no_gc(len(text)):
        return _parse(text)


def _parse(text: str) -> ParsedSource:
    fm = frontmatter.parse(text) if text.startswith("---") else None
    walker = _Walker(text)
    norm = walker.lines.norm
    if fm is not None:  # blank the front matter lines so markdown-it sees nothing there
        count = len(_LINE_BREAK.findall(text, 0, fm.source_end))
        starts = walker.lines.starts
        cut = starts[count] if count < len(starts) else len(norm)
        norm = "\n" * count + norm[cut:]
    env: dict = {}
    tokens = _markdown().parse(norm, env)
    walker.walk(tokens, env)
    return walker.w.build("markdown", directives=walker.directives.directives, front_matter=fm)


class _Walker:
    """Walks the block tokens, keeping track of the containers a paragraph is in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineTable(text)
        self.w = BlockWriter(text)
        self.directives = DirectiveCollector(text)
        self.containers: list[str] = []
        self.lists = 0
        self.row = 0
        self.slugs: dict[str, int] = {}
        self.kind: tuple[str, int, int | None] = (PARAGRAPH, 0, None)
        self.row_span = (0, 0)
        self.cell_cursor = 0
        self.env: dict = {}
        self.definitions: dict[str, tuple[int, int]] | None = None

    def container_kind(self) -> str:
        return self.containers[-1] if self.containers else PARAGRAPH

    def walk(self, tokens, env: dict) -> None:
        self.env = env
        for tok in tokens:
            t = tok.type
            if t == "inline":
                self._inline(tok)
            elif t == "paragraph_open":
                kind = self.container_kind()
                self.kind = (kind, self.lists if kind == LIST_ITEM else 0, None)
            elif t == "heading_open":
                self.kind = (HEADING, int(tok.tag[1]), None)
            elif t in ("bullet_list_open", "ordered_list_open"):
                self.lists += 1
            elif t in ("bullet_list_close", "ordered_list_close"):
                self.lists -= 1
            elif t in _CONTAINER:
                self.containers.append(_CONTAINER[t])
            elif t in _CLOSERS:
                self.containers.pop()
            elif t == "tr_open":
                self.row += 1
                line = tok.map[0]
                self.row_span = (self.lines.start(line), self.lines.end(line))
                self.cell_cursor = self.row_span[0]
            elif t in ("th_open", "td_open"):
                self.kind = (TABLE_CELL, 0, self.row)
            elif t == "html_block":
                self._html_block(tok)

    def _html_block(self, tok) -> None:
        l0, l1 = tok.map
        lines = self.lines
        start, end = lines.orig(lines.start(l0)), lines.orig(lines.end(l1 - 1))
        kind = self.container_kind()
        root = html_elements.Ctx(kind, self.lists if kind == LIST_ITEM else 0, None, self.lists)
        self.w.close(start)
        if QUOTE not in self.containers:  # list indentation is only whitespace to the HTML parser
            html.parse_fragment(self.w, self.directives, start, end, root)
            return
        # inside a block quote each line carries a "> " prefix: parse what follows it, line by line
        cmap = ContentMap.lines_of(lines, tok.content.rstrip("\n"), l0, l1)
        pos = 0
        for line in tok.content.rstrip("\n").split("\n"):
            s = cmap.src(pos)
            if s is not None and line.strip():
                html.parse_fragment(self.w, self.directives, s, s + len(line), root)
            pos += len(line) + 1

    def _content_map(self, tok) -> ContentMap:
        content = tok.content
        if self.kind[0] == TABLE_CELL:
            a, b = self.row_span
            i = self.lines.norm.find(content, self.cell_cursor, b) if content else -1
            if i >= 0:
                self.cell_cursor = i + len(content)
                return ContentMap.single(self.lines, content, i)
            return ContentMap.fallback(self.lines, content, a, b)
        l0, l1 = tok.map
        atx = self.kind[0] == HEADING and l1 - l0 == 1
        return ContentMap.lines_of(self.lines, content, l0, l1, atx=atx)

    def _inline(self, tok) -> None:
        kind, level, group = self.kind
        l0, l1 = tok.map
        lines, w = self.lines, self.w
        limit, anchor = len(tok.content), None
        if kind == HEADING:
            m = _HEADING_ID.search(tok.content)
            if m:
                limit, anchor = m.start(), m.group(1)
        start, end = lines.orig(lines.start(l0)), lines.orig(lines.end(l1 - 1))
        at = self._plain_at(tok) if anchor is None else None
        if at is not None:  # most blocks: one line of plain text, written in one go
            block = w.plain_block(kind, start, tok.content, at, end, level=level, group=group)
        else:
            w.open(kind, start, level=level, group=group)
            _InlineWalk(self, self._content_map(tok), limit).run(tok.children or [])
            block = w.close(end)
        if kind == HEADING:
            if anchor:
                w.anchors.add(anchor)
            elif block is not None:
                w.anchors.add(inline.slugify(w.last_text, self.slugs))

    def _plain_at(self, tok) -> int | None:
        """The source offset of a one-line block that is one text token straight from its
        source line (most paragraphs); None when the block needs the full inline walk."""
        children = tok.children
        l0, l1 = tok.map
        if not children or len(children) > 1 or children[0].type != "text" or l1 - l0 != 1 \
                or self.kind[0] == TABLE_CELL:
            return None
        content, lines = tok.content, self.lines
        a = lines.start(l0)
        line = lines.norm[a:lines.end(l0)].rstrip(" \t")
        if not line.endswith(content):
            return None
        return lines.orig(a + len(line) - len(content))

    def reference(self, tok, label: str) -> tuple[str, tuple[int, int] | None]:
        """The target of a reference link and the source span of its definition's target."""
        from markdown_it.common.utils import normalizeReference  # markdown-it is loaded here
        href = _markdown().normalizeLinkText(tok.attrs.get("href", "") or "")
        if self.definitions is None:  # every definition's target span, found in one pass
            self.definitions = definition_targets(self.lines.norm, normalizeReference)
        span = self.definitions.get(normalizeReference(label))
        if span is None:
            return href, None
        return href, (self.lines.orig(span[0]), self.lines.orig(span[1]))


class _InlineWalk:
    """Writes one block's inline tokens into the writer."""

    def __init__(self, walker: _Walker, cmap: ContentMap, limit: int) -> None:
        self.walker = walker
        self.w = walker.w
        self.text = walker.text
        self.cmap = cmap
        self.limit = limit
        self.links: list = []       # open Markdown links: (pending, token, start, end, label end)
        self.html_links: list = []  # open <a href>: (pending, start, href, href span); see md_html
        self.sups: list = []

    def run(self, children) -> None:
        w, cmap = self.w, self.cmap
        skip_to = None
        for tok in children:
            t = tok.type
            cs, ce = tok.meta.get("src", (0, 0))
            if skip_to is not None:
                if t == skip_to:
                    skip_to = None
                continue
            if cs >= self.limit:
                continue
            if self.links and t != "link_close":
                for entry in self.links:
                    entry[4] = max(entry[4], ce)
            if t == "text":
                content = tok.content[:self.limit - cs]
                s = cmap.src(cs) if content else None
                if s is not None:
                    w.text(content, s)
                elif content:
                    w.special(content, *cmap.bounds(cs, ce))
            elif t == "text_special":
                w.special(tok.content.replace("\xa0", " "), *cmap.bounds(cs, ce))
            elif t in ("softbreak", "hardbreak"):
                self._newline(cs, ce)
            elif t == "link_open":
                if tok.markup == "autolink":
                    self._autolink(cs, ce)
                    skip_to = "link_close"
                else:
                    self.links.append([w.link_open(), tok, cs, ce, cs + 1])
            elif t == "link_close" and self.links:
                self._link_close(*self.links.pop())
            elif t == "html_inline":
                md_html.inline_html(self, tok.content, cs, ce)
            elif t == "footnote_ref":
                w.marker("footnote", str(tok.meta.get("label", "")), *cmap.bounds(cs, ce))

    def _newline(self, cs: int, ce: int) -> None:
        nl = self.cmap.content.find("\n", cs, ce)
        s = self.cmap.src(nl) if nl >= 0 else None
        if s is None:
            return
        if self.text.startswith("\n", s):
            self.w.text("\n", s)
        else:
            self.w.special("\n", s, s + (2 if self.text.startswith("\r\n", s) else 1))

    def _autolink(self, cs: int, ce: int) -> None:
        s, e = self.cmap.bounds(cs, ce)
        link = self.w.link_open()
        self.w.link_close(link, href=self.cmap.content[cs + 1:ce - 1], kind="autolink", source_start=s,
                          source_end=e, href_start=min(s + 1, e), href_end=max(s, e - 1))

    def _link_close(self, link, tok, cs: int, ce: int, label_end: int) -> None:
        content = self.cmap.content
        close = content.find("]", label_end, ce)
        s, e = self.cmap.bounds(cs, ce)
        if close >= 0 and close + 1 < ce and content[close + 1] == "(":
            from markdown_it.helpers import parseLinkDestination  # markdown-it is loaded here
            p = close + 2
            while p < ce and content[p] in " \t\n":
                p += 1
            if p < ce and content[p] == "<":
                q = content.find(">", p, ce)
                hs, he = p + 1, (q if q >= 0 else p + 1)
            else:
                res = parseLinkDestination(content, p, ce)
                hs, he = p, (res.pos if res.ok else p)
            href, kind = content[hs:he], "markdown"
            h0, h1 = self.cmap.bounds(hs, he) if he > hs else (self.cmap.bounds(hs, hs)[0],) * 2
        else:
            label = content[close + 2:ce - 1] if close >= 0 and content.startswith("[", close + 1) else ""
            href, span = self.walker.reference(tok, label or content[cs + 1:max(cs + 1, close)])
            kind = "reference"
            h0, h1 = span if span else (e, e)
        self.w.link_close(link, href=href, kind=kind, source_start=s, source_end=e, href_start=h0, href_end=h1)
