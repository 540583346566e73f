"""Suppression directives written in a document.

``<!-- medlint: disable=NAME[,NAME] -->`` (also ``enable``, ``disable-next-line``,
``disable-file``) in a Markdown or HTML comment; in plain text the same words on a line of
their own, bare, inside ``<!-- -->`` or after ``#``. Names are rule codes or symbols; what
they mean is decided later by :mod:`medlint.suppression`. Directives are never prose.
"""
from __future__ import annotations

import re

from medlint.positions import LineIndex
from medlint.prose import Directive

ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")

_BODY = re.compile(
    r"^\s*medlint\s*:\s*(?P<action>disable-next-line|disable-file|disable|enable)\b"
    r"\s*(?:=\s*(?P<names>[^\n]*?))?\s*$",
    re.IGNORECASE,
)
# A plain-text line holding a directive (optionally in an HTML comment or after '#').
TEXT_LINE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*(?P<c>medlint[ \t]*:[^\r\n]*?)[ \t]*-->|#[ \t]*(?P<h>medlint[ \t]*:[^\r\n]*)"
    r"|(?P<b>medlint[ \t]*:[ \t]*(?:disable|enable)[^\r\n]*))[ \t]*(?=\r\n|\r|\n|\Z)",
    re.IGNORECASE | re.MULTILINE,
)
_MENTION = re.compile("medlint", re.IGNORECASE)


def parse_body(body: str) -> tuple[str, tuple[str, ...]] | None:
    """``("disable", ("MED101", "absolute-claim"))`` for a directive's text, else None."""
    m = _BODY.match(body)
    if not m:
        return None
    names = tuple(n.strip() for n in (m.group("names") or "").split(",") if n.strip())
    return m.group("action").lower(), names


class DirectiveCollector:
    """Collects directives of one document, computing their line numbers lazily."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.directives: list[Directive] = []
        self._index: LineIndex | None = None

    def add_comment(self, body: str, source_start: int, source_end: int) -> bool:
        """Record the comment ``body`` if it is a directive; True when it was one."""
        parsed = parse_body(body)
        if parsed is None:
            return False
        if self._index is None:
            self._index = LineIndex(self.source)
        line = self._index.position(source_start)[0]
        self.directives.append(Directive(parsed[0], parsed[1], source_start, source_end, line))
        return True

    def scan_text_lines(self, text: str, base: int = 0) -> list[tuple[int, int]]:
        """Find directive lines in plain ``text``; returns their (start, end) spans."""
        spans = []
        if not _MENTION.search(text):
            return spans
        for m in TEXT_LINE.finditer(text):
            body = m.group("c") or m.group("h") or m.group("b")
            if self.add_comment(body, base + m.start(), base + m.end()):
                spans.append((base + m.start(), base + m.end()))
        return spans
