"""HTML parser: an article page as a CMS exports it -> prose blocks with exact positions.

Tokenizing is done by the standard library's :class:`html.parser.HTMLParser` (a maintained,
forgiving HTML tokenizer). It does not report where a construct ends, so every callback only
records an event and :meth:`_Parser.updatepos`, which the tokenizer calls with the exact
``[start, end)`` of each construct, handles it. Text is then taken from the source itself, so
entities can be decoded with their bounds. Block structure (p, li, h1-h6, td...) comes from
a stack of open elements with HTML's implicit closing rules, without recursion: a page nested
10,000 levels deep parses like any other.
"""
from __future__ import annotations

import html as _html
import re
from html.parser import HTMLParser

from medlint.formats.directives import DirectiveCollector
from medlint.formats.html_elements import (BLOCK, HEAD_CONTENT, IMPLIED_END, NO_P_CLOSE, SKIP, VOID, Ctx, child_ctx,
                                           end_superscript, hidden)
from medlint.formats.writer import BlockWriter, no_gc
from medlint.prose import ParsedSource

_DATA_SPECIAL = re.compile(
    r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{0,31};?)|\r\n?[ \t]*|\n[ \t]*")
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_SCOPE_LIMIT = 200  # how far down the stack an end tag looks for its element


class _Open:
    __slots__ = ("tag", "ctx", "start", "link", "href", "sup", "skip")

    def __init__(self, tag: str, ctx: Ctx, start: int) -> None:
        self.tag, self.ctx, self.start = tag, ctx, start
        self.link = None
        self.href: tuple[str, int, int] | None = None
        self.sup: tuple[int, bool, int] | None = None
        self.skip = False


class _Parser(HTMLParser):
    def __init__(self, writer: BlockWriter, directives: DirectiveCollector, base: int = 0,
                 root: Ctx = Ctx()) -> None:
        super().__init__(convert_charrefs=True)
        self.w = writer
        self.directives = directives
        self.source = writer.source
        self.base = base
        self.root = root
        self.stack: list[_Open] = []
        self.skip = 0
        self.title: list[str] | None = None
        self.title_text: str | None = None
        self.groups = 0
        self.event: tuple | None = None
        self.in_open_comment = False  # an unterminated <!-- runs to the end, as in browsers

    # -- tokenizer callbacks only record the event ---------------------------------------
    def handle_starttag(self, tag, attrs):
        self.event = ("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.event = ("start", tag, attrs)

    def handle_endtag(self, tag):
        self.event = ("end", tag)

    def handle_data(self, data):
        self.event = ("data",)

    def handle_comment(self, data):
        self.event = ("comment", data)

    def updatepos(self, i: int, j: int) -> int:
        event, self.event = self.event, None
        if event is not None and i < j and not self.in_open_comment:
            s, e = self.base + i, self.base + j
            kind = event[0]
            if kind == "data":
                self._data(s, e)
            elif kind == "start":
                self._start(event[1], event[2], s, e)
            elif kind == "end":
                self._end(event[1], s, e)
            else:
                self.directives.add_comment(event[1], s, e)
        return j

    def run(self, text: str) -> None:
        self.feed(text)
        self.base += len(text) - len(self.rawdata)  # close() goes on from what feed() left
        self.close()
        if self.stack:
            self._pop_to(0, self.base)
        self.w.close(self.base)

    # -- events ------------------------------------------------------------------------
    @property
    def ctx(self) -> Ctx:
        return self.stack[-1].ctx if self.stack else self.root

    def _data(self, s: int, e: int) -> None:
        if self.title is not None:
            self.title.append(self.source[s:e])
            return
        if self.skip:
            return
        if self.source.startswith("<!--", s):
            self.in_open_comment = True
            return
        raw = self.source[s:e]
        w = self.w
        if not w.is_open:
            if raw.isspace():
                return
            self._open_block(s)
        if "&" not in raw and "\n" not in raw and "\r" not in raw:
            w.text(raw, s)
            return
        pos = 0
        for m in _DATA_SPECIAL.finditer(raw):
            a, b = m.span()
            if a > pos:
                w.text(raw[pos:a], s + pos)
            token = m.group()
            if token[0] == "&":
                decoded = _html.unescape(token)
                if decoded == token:
                    w.text(token, s + a)
                else:
                    w.special(decoded.replace("\xa0", " "), s + a, s + b)
            elif token[0] == "\n":
                w.text("\n", s + a)
            else:
                w.special("\n", s + a, s + a + (2 if token.startswith("\r\n") else 1))
            pos = b
        if pos < len(raw):
            w.text(raw[pos:], s + pos)

    def _open_block(self, s: int) -> None:
        ctx = self.ctx
        self.w.open(ctx.kind, s, level=ctx.level, group=ctx.group)

    def _start(self, tag: str, attrs: list, s: int, e: int) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.w.anchors.add(value)
        if self.title is not None:
            self._end_title()  # a <title> left open ends at the next tag
        if tag == "title" and not any(o.skip and o.tag != "head" for o in self.stack):  # not an <svg> title
            self.title = []
            if self.get_starttag_text().endswith("/>"):
                self._end_title()
            return
        if self.stack and any(o.tag == "head" for o in self.stack[-3:]) and tag not in HEAD_CONTENT:
            self._end("head", s, s)
        if tag in VOID:
            if tag == "br" and not self.skip and self.w.is_open:
                self.w.special("\n", s, e)
            elif tag == "hr":
                self.w.close(s)
            return
        if self.get_starttag_text().endswith("/>") and tag not in BLOCK:
            return  # <span/>: an empty element
        self._implicit_close(tag, s)
        if tag == "a":
            self._close_open(("a",), (), s)  # links do not nest
        if tag in BLOCK:
            self.w.close(s)
        entry = _Open(tag, child_ctx(tag, attrs, self.ctx, self._new_group), s)
        self.stack.append(entry)
        if self.skip or tag in SKIP or hidden(attrs):
            entry.skip = True
            self.skip += 1
        elif tag == "a":
            href = next((v for n, v in attrs if n == "href"), None)
            if href is not None:
                if not self.w.is_open:
                    self._open_block(s)
                entry.link = self.w.link_open()
                m = _HREF.search(self.get_starttag_text())
                span = (s + m.start(m.lastindex), s + m.end(m.lastindex)) if m else (e, e)
                entry.href = (href, span[0], span[1])
        elif tag == "sup":
            w = self.w
            entry.sup = (w.length, w.is_open and bool(w.block_text().strip()), w.closed)

    def _new_group(self) -> int:
        self.groups += 1
        return self.groups

    def _implicit_close(self, tag: str, s: int) -> None:
        implied = IMPLIED_END.get(tag)
        if implied:
            self._close_open(implied[0], implied[1], s)
        if tag in BLOCK and tag not in NO_P_CLOSE:
            self._close_open(("p",), BLOCK, s)

    def _close_open(self, names, stop, s: int) -> None:
        stack = self.stack
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _SCOPE_LIMIT), -1):
            tag = stack[k].tag
            if tag in names:
                self._pop_to(k, s)
                return
            if tag in stop:
                return

    def _end(self, tag: str, s: int, e: int) -> None:
        if tag == "title" and self.title is not None:
            self._end_title()
            return
        if tag == "br":
            self._start("br", [], s, e)
            return
        stack = self.stack
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _SCOPE_LIMIT), -1):
            if stack[k].tag == tag:
                self._pop_to(k, s, e)
                break
        if tag in BLOCK:
            self.w.close(e)

    def _pop_to(self, k: int, s: int, e: int | None = None) -> None:
        """Pop the elements from the top down to index ``k``; ``e`` ends the element at ``k``
        (the others end where they were implicitly closed, at ``s``)."""
        stack = self.stack
        while len(stack) > k:
            entry = stack.pop()
            end = e if (e is not None and len(stack) == k) else s
            if entry.skip:
                self.skip -= 1
            elif entry.link is not None:
                href, hs, he = entry.href
                self.w.link_close(entry.link, href=href, kind="html", source_start=entry.start,
                                  source_end=end, href_start=hs, href_end=he)
            elif entry.sup is not None:
                self._end_sup(entry, end)
            if entry.tag in BLOCK:
                self.w.close(end)

    def _end_sup(self, entry: _Open, end: int) -> None:
        rel, after_text, closed = entry.sup
        end_superscript(self.w, rel, after_text, closed, entry.start, end)

    def _end_title(self) -> None:
        text = " ".join(_html.unescape("".join(self.title or [])).split())
        self.title = None
        if text and self.title_text is None:
            self.title_text = text


def parse_fragment(writer: BlockWriter, directives: DirectiveCollector, start: int, end: int,
                   root: Ctx = Ctx()) -> str | None:
    """Parse ``writer.source[start:end]`` (HTML inside another format) into ``writer``;
    returns the page title if the fragment had one."""
    parser = _Parser(writer, directives, start, root)
    parser.run(writer.source[start:end])
    return parser.title_text


def parse(text: str) -> ParsedSource:
    """Parse an HTML page into prose, blocks, links, markers, anchors and its title."""
    with no_gc(len(text)):
        writer = BlockWriter(text, emphasis=True)
        directives = DirectiveCollector(text)
        title = parse_fragment(writer, directives, 0, len(text))
        return writer.build("html", directives=directives.directives, title=title)
