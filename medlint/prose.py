"""Prose extracted from a source file, with its source map and structure.

Every format parser (markdown, html, text) produces a :class:`ParsedSource` through a
:class:`ProseBuilder`. Blocks are joined by a blank line ("\\n\\n") so no sentence crosses a
block boundary. Code, URLs, markup and front matter never enter the prose.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medlint.positions import Segment, SourceMap

BLOCK_SEPARATOR = "\n\n"

# Block kinds
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"
FOOTNOTE = "footnote"
QUOTE = "blockquote"


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item, table cell... as a prose span [start, end)."""

    kind: str
    start: int
    end: int
    level: int = 0          # heading level (1-6); list nesting depth
    group: int | None = None  # table row id (cells of one row share it) or list id
    source_start: int = 0
    source_end: int = 0


@dataclass(frozen=True)
class Link:
    """A link in the source.

    ``text_start``/``text_end`` is the link text in prose (empty for a bare URL, at the place
    the URL stood). ``source_start``/``source_end`` spans the whole construct in the source;
    ``href_start``/``href_end`` the target in the source (equal when there is none).
    """

    href: str
    text: str
    text_start: int
    text_end: int
    source_start: int
    source_end: int
    href_start: int
    href_end: int
    kind: str  # "markdown", "reference", "html", "autolink", "bare"


@dataclass(frozen=True)
class Marker:
    """A citation-like marker that is not prose: <sup>3</sup>, ^3, [^3].

    ``offset`` is the prose offset it stands at (just after the preceding prose).
    """

    kind: str  # "superscript", "caret", "footnote"
    label: str
    offset: int
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Directive:
    """A suppression comment: <!-- medlint: disable=a,b --> or a plain-text line of the same."""

    action: str  # "disable", "enable", "disable-next-line", "disable-file"
    names: tuple[str, ...]
    source_start: int
    source_end: int
    line: int  # 1-based source line of the directive


@dataclass
class FrontMatter:
    """YAML front matter: its data and where each top-level key's line and value stand."""

    data: dict[str, Any]
    source_start: int
    source_end: int
    key_spans: dict[str, tuple[int, int]] = field(default_factory=dict)    # "key: value" line
    value_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # the value text


@dataclass
class ParsedSource:
    """What a format parser hands to the rest of medlint."""

    format: str
    text: str                # the decoded source text
    prose: str
    source_map: SourceMap
    blocks: list[Block]
    links: list[Link] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    front_matter: FrontMatter | None = None
    anchors: set[str] = field(default_factory=set)  # ids and heading slugs an in-page link may target
    title: str | None = None  # <title> of an HTML page (metadata, not prose)


class ProseBuilder:
    """Accumulates prose blocks and their segments in order."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.segments: list[Segment] = []
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.markers: list[Marker] = []
        self._block_start: int | None = None
        self._block_source_start = 0
        self._undo = (0, 0, 0)  # parts, length, segments before the open block (to drop it)

    @property
    def offset(self) -> int:
        return self._length

    def start_block(self, source_start: int = 0) -> None:
        if self._block_start is not None:
            raise RuntimeError("start_block inside an open block")
        self._undo = (len(self._parts), self._length, len(self.segments))
        if self._length:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        self._block_start = self._length
        self._block_source_start = source_start

    def add(self, text: str, source_start: int, source_end: int | None = None, *, exact: bool = True) -> None:
        """Append prose ``text`` that came from source[source_start:source_end].

        With ``exact`` the source text equals ``text`` (source_end is implied).
        """
        if not text:
            return
        if exact:
            source_end = source_start + len(text)
        assert source_end is not None
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        last = self.segments[-1] if self.segments else None
        if (exact and last is not None and last.exact and last.prose_end == start
                and last.source_end == source_start):
            self.segments[-1] = Segment(last.prose_start, self._length, last.source_start, source_end, True)
        else:
            self.segments.append(Segment(start, self._length, source_start, source_end, exact))

    def end_block(self, kind: str, *, level: int = 0, group: int | None = None, source_end: int = 0,
                  blank_check: bool = True) -> Block | None:
        """Close the open block; an empty or blank block is dropped with its separator (a caller
        that only added trimmed, non-empty text may skip that check with ``blank_check=False``)."""
        start = self._block_start
        self._block_start = None
        if start is None:
            return None
        if blank_check and self._is_blank(start):
            parts, length, segments = self._undo
            del self._parts[parts:], self.segments[segments:]
            self._length = length
            return None
        block = Block(kind, start, self._length, level, group, self._block_source_start, source_end)
        self.blocks.append(block)
        return block

    def _is_blank(self, start: int) -> bool:
        # walk back over the parts appended since start
        total = self._length
        for part in reversed(self._parts):
            if total <= start:
                break
            if part.strip():
                return False
            total -= len(part)
        return True

    def build(self, fmt: str, text: str, **extra: Any) -> ParsedSource:
        return ParsedSource(
            format=fmt,
            text=text,
            prose="".join(self._parts),
            source_map=SourceMap(self.segments),
            blocks=self.blocks,
            links=self.links,
            markers=self.markers,
            **extra,
        )
