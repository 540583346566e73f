"""The one place where positions are converted.

* :class:`SourceMap` maps an offset in the extracted prose back to an offset in the decoded
  source text. Each segment is exact (``source[a:b] == prose[c:d]``) or maps a prose run to
  the bounds of the source construct it came from (an entity, an escape).
* :class:`LineIndex` turns a source offset into a 1-based line and column, counted in code
  points, end exclusive. ``\\r\\n``, ``\\r`` and ``\\n`` all end a line.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    prose_start: int
    prose_end: int
    source_start: int
    source_end: int
    exact: bool = True


class SourceMap:
    """Sorted, non-overlapping segments from prose offsets to source offsets."""

    def __init__(self, segments: list[Segment]):
        self.segments = sorted(segments, key=lambda s: s.prose_start)
        self._starts = [s.prose_start for s in self.segments]

    def _segment_at(self, offset: int) -> Segment | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return self.segments[0] if self.segments else None
        return self.segments[i]

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """Source offset of prose ``offset``; with ``end=True`` treats it as an exclusive end."""
        if not self.segments:
            return offset
        probe = offset - 1 if end and offset > 0 else offset
        seg = self._segment_at(probe)
        if probe >= seg.prose_end:  # in a gap (the block separator): snap to the segment's end
            return seg.source_end
        if probe < seg.prose_start:
            return seg.source_start
        if seg.exact:
            return seg.source_start + (offset - seg.prose_start)
        return seg.source_end if end else seg.source_start

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the prose span [start, end) to a source span."""
        s = self.source_offset(start)
        e = self.source_offset(end, end=True) if end > start else s
        return s, max(s, e)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of a source text, for offset -> (line, column)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (1-based line and column)."""
        return self.starts[line - 1] + column - 1

    def locate(self, finding):
        """Return ``finding`` with line/column fields filled in from its offsets."""
        line, col = self.position(finding.start)
        end_line, end_col = self.position(finding.end)
        return finding.with_(line=line, column=col, end_line=end_line, end_column=end_col)
