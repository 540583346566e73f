"""Assembling prose blocks from pieces of source, for every format parser.

A parser opens a block, appends pieces (exact source text, or decoded text standing for a
source construct such as an entity), records links and markers as it meets them, and closes
the block. On close the writer scans the block text for inline constructs that are not prose
(:mod:`medlint.formats.inline`: bare URLs, link-looking text, caret marks), cuts them and the
block's leading/trailing whitespace out, and hands what is left to the
:class:`~medlint.prose.ProseBuilder`. Every exact piece is checked against the source before
it is recorded as exact, so a parser bug can cost precision of a position, never its truth.
"""
from __future__ import annotations

import bisect
import contextlib
import gc
from typing import Any

from medlint.formats import inline
from medlint.prose import Block, Link, Marker, ParsedSource, ProseBuilder


@contextlib.contextmanager
def no_gc(size: int, threshold: int = 1_000_000):
    """Pause the cyclic garbage collector while a large document (``size`` characters) is
    parsed. Parsing allocates millions of small acyclic objects; the collector would walk
    them again and again, making a 20 MB file several times slower. Cycles are collected
    once it is back on."""
    if size < threshold or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class PendingLink:
    """A link being read: its text range is relative to its block until the block closes,
    then ``start``/``end`` are its prose offsets and ``done`` is set."""

    __slots__ = ("rel_start", "rel_end", "start", "end", "done", "fields")

    def __init__(self, rel_start: int, rel_end: int | None = None, start: int = 0, end: int = 0,
                 done: bool = False) -> None:
        self.rel_start, self.rel_end, self.start, self.end, self.done = rel_start, rel_end, start, end, done
        self.fields: dict[str, Any] | None = None


class BlockWriter:
    """Builds the prose of one document block by block (see the module docstring)."""

    def __init__(self, source: str, *, emphasis: bool = False) -> None:
        self.source = source
        self.emphasis = emphasis  # cut Markdown-looking emphasis delimiters (text and HTML pages)
        self.builder = ProseBuilder()
        self.links: list[PendingLink] = []
        self.anchors: set[str] = set()
        self._kind: str | None = None
        self._level = 0
        self._group: int | None = None
        self._source_start = 0
        self._texts: list[str] = []
        self._pieces: list[tuple[int, str, int, int, bool]] = []  # rel, text, src start, src end, exact
        self._length = 0
        self._block_links: list[PendingLink] = []
        self._markers: list[tuple[int, str, str, int, int]] = []  # rel, kind, label, src start, end
        self._no_bare: list[tuple[int, int]] = []  # relative ranges inside real links' text
        self._rels: list[int] = []
        self.closed = 0  # blocks closed so far (lets a parser see that a block ended)
        self._last: tuple[str, list[tuple[int, int]]] = ("", [])

    # -- block life cycle --------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._kind is not None

    @property
    def length(self) -> int:
        """Length of the open block's text so far (relative offsets are taken from it)."""
        return self._length

    def open(self, kind: str, source_start: int, *, level: int = 0, group: int | None = None) -> None:
        if self._kind is not None:
            self.close(source_start)
        self._kind, self._level, self._group, self._source_start = kind, level, group, source_start

    def text(self, text: str, source_start: int) -> None:
        """Append exact source text ``source[source_start:source_start+len(text)]``."""
        if text:
            self._pieces.append((self._length, text, source_start, source_start + len(text), True))
            self._texts.append(text)
            self._length += len(text)

    def special(self, text: str, source_start: int, source_end: int) -> None:
        """Append ``text`` standing for the source construct [source_start, source_end)."""
        if text:
            self._pieces.append((self._length, text, source_start, source_end, False))
            self._texts.append(text)
            self._length += len(text)

    def block_text(self, rel_start: int = 0) -> str:
        return "".join(self._texts)[rel_start:]

    def rollback(self, rel: int) -> None:
        """Forget the text appended since relative offset ``rel`` (a superscript that turned
        out to be a citation mark)."""
        while self._pieces and self._pieces[-1][0] >= rel:
            self._pieces.pop()
            self._texts.pop()
        if self._pieces and self._pieces[-1][0] + len(self._pieces[-1][1]) > rel:
            r, t, s, e, exact = self._pieces.pop()
            self._texts.pop()
            keep = t[:rel - r]
            self._pieces.append((r, keep, s, s + len(keep) if exact else e, exact))
            self._texts.append(keep)
        self._length = rel
        for link in self._block_links:
            link.rel_start = min(link.rel_start, rel)
            if link.rel_end is not None:
                link.rel_end = min(link.rel_end, rel)

    def marker(self, kind: str, label: str, source_start: int, source_end: int) -> None:
        self._markers.append((self._length, kind, label, source_start, source_end))

    def link_open(self) -> PendingLink:
        link = PendingLink(self._length)
        self._block_links.append(link)
        self.links.append(link)
        return link

    def link_close(self, link: PendingLink, **fields: Any) -> None:
        """Finish ``link`` with the :class:`~medlint.prose.Link` fields other than its text."""
        if link.rel_end is None and not link.done:
            link.rel_end = self._length
            self._no_bare.append((link.rel_start, link.rel_end))
        link.fields = fields

    def plain_block(self, kind: str, source_start: int, text: str, text_start: int, source_end: int, *,
                    level: int = 0, group: int | None = None) -> Block | None:
        """A whole block that is the exact source text ``text`` at ``text_start``: the same as
        ``open``, ``text`` and ``close``, without their bookkeeping when the text holds no
        inline construct (most paragraphs and headings)."""
        found = inline.scan(text, emphasis=self.emphasis) if self._kind is None and text else None
        if found is None or found:
            self.open(kind, source_start, level=level, group=group)
            self.text(text, text_start)
            return self.close(source_end)
        self._kind, self._level, self._group, self._source_start = None, level, group, source_start
        self.closed += 1
        lead = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if end <= lead:
            self._last = (text, [])
            return None
        self._last = (text, [(lead, end)])
        builder = self.builder
        builder.start_block(source_start)
        piece, at = text[lead:end], text_start + lead
        if self.source.startswith(piece, at):
            builder.add(piece, at)
        else:  # never record a wrong exact segment
            builder.add(piece, text_start, text_start + len(text), exact=False)
        return builder.end_block(kind, level=level, group=group, source_end=source_end, blank_check=False)

    # -- closing a block ---------------------------------------------------------------
    def close(self, source_end: int) -> Block | None:
        """Close the open block and return it (None when nothing of it is prose)."""
        if self._kind is None:
            return None
        text = "".join(self._texts)
        found = inline.scan(text, emphasis=self.emphasis) if text else []
        if found:
            cuts = [cut for f in found for cut in f.remove]
            kept = _trim(text, _complement(cuts, len(text)))
        else:
            lead = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            kept = [(lead, end)] if end > lead else []
        self._last = (text, kept)
        block = None
        builder = self.builder
        if kept:
            builder.start_block(self._source_start)
            base = builder.offset
            self._emit(kept)
            block = builder.end_block(self._kind, level=self._level, group=self._group, source_end=source_end,
                                      blank_check=False)  # kept ranges are trimmed and non-empty
        else:
            base = builder.offset
        if self._block_links or self._markers or found:
            self._place(kept, base, found)
        self._kind = None
        self.closed += 1
        self._texts, self._pieces, self._length = [], [], 0
        self._block_links, self._markers, self._no_bare = [], [], []
        return block

    @property
    def last_text(self) -> str:
        """Prose of the block closed last ("" when it had none)."""
        text, kept = self._last
        return "".join(text[a:b] for a, b in kept)

    def _place(self, kept: list[tuple[int, int]], base: int, found: list[inline.Found]) -> None:
        """Give the block's links and markers their prose offsets, now that the cuts are known."""
        builder = self.builder
        starts = [a for a, _ in kept]
        cum = [0]
        for a, b in kept:
            cum.append(cum[-1] + b - a)

        def final(rel: int) -> int:
            i = bisect.bisect_right(starts, rel) - 1
            if i < 0:
                return base
            a, b = kept[i]
            return base + cum[i] + min(rel, b) - a

        for link in self._block_links:
            if not link.done:
                end = link.rel_end if link.rel_end is not None else self._length
                link.start, link.end, link.done = final(link.rel_start), final(end), True
        for rel, kind, label, s, e in self._markers:
            builder.markers.append(Marker(kind, label, final(rel), s, e))
        self._rels = [p[0] for p in self._pieces]
        for f in found:
            self._record(f, final)

    def _record(self, f: inline.Found, final) -> None:
        if f.kind == "emphasis":
            return  # only its delimiters are cut
        if f.kind in ("footnote", "caret", "superscript"):
            s, e = self._to_source(f.start), self._to_source(f.end, end=True)
            self.builder.markers.append(Marker(f.kind, f.label, final(f.start), s, e))
            return
        if f.kind == "bare" and any(a <= f.start < b for a, b in self._no_bare):
            return
        link = PendingLink(f.text_start, f.text_end, final(f.text_start), final(f.text_end), True)
        link.fields = dict(href=f.href, kind=f.kind,
                           source_start=self._to_source(f.start), source_end=self._to_source(f.end, end=True),
                           href_start=self._to_source(f.href_start),
                           href_end=self._to_source(f.href_end, end=f.href_end > f.href_start))
        self.links.append(link)

    def _to_source(self, rel: int, end: bool = False) -> int:
        """Source offset of relative offset ``rel`` of the open block."""
        pieces = self._pieces
        if not pieces:
            return self._source_start
        probe = rel - 1 if end and rel > 0 else rel
        i = max(0, bisect.bisect_right(self._rels, probe) - 1)
        r, t, s, e, exact = pieces[i]
        if probe >= r + len(t):
            return e
        if exact:
            return s + (rel - r)
        return e if end else s

    def _emit(self, kept: list[tuple[int, int]]) -> None:
        add = self.builder.add
        source = self.source
        pieces = self._pieces
        i = 0
        n = len(pieces)
        for a, b in kept:
            while i < n and pieces[i][0] + len(pieces[i][1]) <= a:
                i += 1
            j = i
            while j < n and pieces[j][0] < b:
                r, t, s, e, exact = pieces[j]
                lo, hi = max(a, r), min(b, r + len(t))
                if lo < hi:
                    sub = t[lo - r:hi - r]
                    if exact:
                        ss = s + lo - r
                        if source.startswith(sub, ss):
                            add(sub, ss)
                        else:  # never record a wrong exact segment
                            add(sub, s, e, exact=False)
                    else:
                        add(sub, s, e, exact=False)
                j += 1

    # -- the result --------------------------------------------------------------------
    def build(self, fmt: str, **extra: Any) -> ParsedSource:
        if self._kind is not None:
            self.close(len(self.source))
        parsed = self.builder.build(fmt, self.source, **extra)
        prose = parsed.prose
        links = []
        for p in self.links:
            if p.fields is None or not p.done:
                continue
            links.append(Link(text=prose[p.start:p.end], text_start=p.start, text_end=p.end, **p.fields))
        links.sort(key=lambda link: (link.source_start, link.source_end))
        parsed.links = links
        parsed.markers.sort(key=lambda m: m.source_start)
        parsed.anchors |= self.anchors
        return parsed


def _complement(cuts: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    if not cuts:
        return [(0, length)] if length else []
    out = []
    pos = 0
    for a, b in sorted(cuts):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        out.append((pos, length))
    return out


def _trim(text: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop leading and trailing whitespace from the kept ranges."""
    while kept:
        a, b = kept[0]
        piece = text[a:b]
        stripped = piece.lstrip()
        if stripped:
            kept[0] = (b - len(stripped), b)
            break
        kept.pop(0)
    while kept:
        a, b = kept[-1]
        piece = text[a:b]
        stripped = piece.rstrip()
        if stripped:
            kept[-1] = (a, a + len(stripped))
            break
        kept.pop()
    return kept
