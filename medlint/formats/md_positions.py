"""From markdown-it-py coordinates back to the source text.

markdown-it-py works on a normalized copy of the text (``\\r\\n`` and ``\\r`` become ``\\n``)
and gives each block its line range and each inline token a span inside the block's
*content*: the block's lines with container prefixes (``> ``, list indentation) and the
heading markers removed. :class:`LineTable` maps normalized offsets to source offsets;
:class:`ContentMap` maps content offsets to source offsets by finding each content line at
the end of its source line. A line that cannot be found is mapped to the bounds of its
source line, never to a guessed exact offset.
"""
from __future__ import annotations

import bisect
import re

_LF = re.compile("\n")


class LineTable:
    """Line starts of the normalized text and the offsets of the ``\\r`` it dropped."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.identity = "\r" not in text and "\x00" not in text
        if self.identity:
            self.norm = text
            self.crlf: list[int] = []
        else:
            self.crlf = [m.start() - i for i, m in enumerate(re.finditer("\r\n", text))]
            self.norm = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
        self.starts = [0]
        self.starts.extend(m.end() for m in _LF.finditer(self.norm))

    def start(self, line: int) -> int:
        return self.starts[min(line, len(self.starts) - 1)]

    def end(self, line: int) -> int:
        """Normalized offset of the end of ``line`` (before its newline)."""
        if line + 1 < len(self.starts):
            return self.starts[line + 1] - 1
        return len(self.norm)

    def orig(self, offset: int) -> int:
        """Source offset of normalized ``offset``."""
        if not self.crlf:
            return offset
        return offset + bisect.bisect_left(self.crlf, offset)


class ContentMap:
    """Offsets in a block's inline content -> source offsets."""

    def __init__(self, lines: LineTable, content: str, line_starts: list[int],
                 line_src: list[int | None], line_bounds: list[tuple[int, int]]) -> None:
        self.lines = lines
        self.content = content
        self._starts = line_starts          # content offset where each content line starts
        self._src = line_src                # normalized offset of that line start, or None
        self._bounds = line_bounds          # normalized bounds of the source line

    @classmethod
    def single(cls, lines: LineTable, content: str, norm_offset: int) -> "ContentMap":
        return cls(lines, content, [0], [norm_offset], [(norm_offset, norm_offset + len(content))])

    @classmethod
    def fallback(cls, lines: LineTable, content: str, start: int, end: int) -> "ContentMap":
        return cls(lines, content, [0], [None], [(start, end)])

    @classmethod
    def lines_of(cls, lines: LineTable, content: str, l0: int, l1: int, *, atx: bool = False) -> "ContentMap":
        norm = lines.norm
        if "\n" not in content and not atx and l1 - l0 == 1:  # the common one-line paragraph
            a, b = lines.start(l0), lines.end(l0)
            sline = norm[a:b].rstrip(" \t")
            src = a + len(sline) - len(content) if sline.endswith(content) else None
            return cls(lines, content, [0], [src], [(a, b)])
        parts = content.split("\n")
        starts, srcs, bounds = [], [], []
        pos = 0
        last = len(parts) - 1
        for k, part in enumerate(parts):
            line = l0 + k
            starts.append(pos)
            pos += len(part) + 1
            if line >= l1:
                srcs.append(None)
                bounds.append((lines.start(l1 - 1), lines.end(l1 - 1)))
                continue
            a, b = lines.start(line), lines.end(line)
            bounds.append((a, b))
            sline = norm[a:b]
            if atx:
                body = len(sline) - len(sline.lstrip(" \t").lstrip("#"))
                i = sline.find(part, body)
                srcs.append(a + i if i >= 0 else None)
                continue
            if k == last:
                sline = sline.rstrip(" \t")
            if sline.endswith(part):
                srcs.append(a + len(sline) - len(part))
            else:
                stripped = part.lstrip(" \t")
                if stripped and sline.endswith(stripped):  # indentation re-expanded from tabs
                    srcs.append(a + len(sline) - len(part))
                else:
                    srcs.append(None)
        return cls(lines, content, starts, srcs, bounds)

    def _line(self, offset: int) -> int:
        if len(self._starts) == 1:
            return 0
        return bisect.bisect_right(self._starts, offset) - 1

    def src(self, offset: int) -> int | None:
        """Source offset of content ``offset``, or None when its line could not be placed."""
        k = self._line(offset)
        base = self._src[k]
        if base is None:
            return None
        return self.lines.orig(base + offset - self._starts[k])

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the content span [start, end)."""
        k = self._line(start)
        j = self._line(end - 1) if end > start else k
        s = self._src[k]
        e = self._src[j]
        orig = self.lines.orig
        a = orig(s + start - self._starts[k]) if s is not None else orig(self._bounds[k][0])
        b = orig(e + end - self._starts[j]) if e is not None else orig(self._bounds[j][1])
        return a, max(a, b)


_DEFINITION = re.compile(r"^[ \t]{0,3}\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)


def definition_targets(norm: str, normalize) -> dict[str, tuple[int, int]]:
    """Normalized offsets of the target of every link reference definition (``[label]: url``)
    in the normalized text, by ``normalize(label)``; the first definition of a label wins, as
    in CommonMark. One pass, so a page with many reference links stays linear."""
    targets: dict[str, tuple[int, int]] = {}
    for m in _DEFINITION.finditer(norm):
        a, b = m.span(2)
        if norm[a] == "<":
            a, b = a + 1, b - 1
        targets.setdefault(normalize(m.group(1)), (a, b))
    return targets
