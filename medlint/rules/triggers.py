"""Cheap trigger scans: where in a document a costly pattern can possibly match.

A rule pattern that starts with a look-behind, ``\\b`` or a case-insensitive word makes the
regex engine try every position of the prose (about 10,000 for a 1,500-word article), one
pattern after another. A *trigger* is a short regex that starts with a literal, which the
engine finds with a fast scan, and that every match of the costly pattern contains (``"TODO"``
for ``\\bTODO\\b...``, ``"review"`` for a case-insensitive "last reviewed" label). Running the
costly pattern only in the blocks or lines where one of its triggers occurs finds exactly
what running it everywhere finds, at a fraction of the cost.

Triggers of case-insensitive patterns run on the lower-cased prose (:func:`fold`). Python's
``(?i)`` matching agrees with ``str.lower`` letter for letter except for three characters
(dotted capital I, dotless i and long s, which ``(?i)`` equates with ``i``/``s``), and only the
dotted capital I changes length when lower-cased; a text holding any of them has no folded
form, and callers then run their patterns everywhere.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

# characters that (?i) matches to an ASCII letter while str.lower() does not give that letter
_CASE_SPECIAL = ("\u0130", "\u0131", "\u017f")


def fold(text: str) -> str | None:
    """``text.lower()`` with the same offsets and the same letters as ``(?i)`` matching sees,
    or None when the text holds a character for which the two disagree."""
    if any(c in text for c in _CASE_SPECIAL):
        return None
    return text.lower()


def literal(*words: str) -> tuple[re.Pattern[str], ...]:
    """Triggers for literal strings."""
    return tuple(re.compile(re.escape(w)) for w in words)


def hits(triggers: Iterable[re.Pattern[str]], text: str) -> Iterator[int]:
    """Every offset where a trigger matches in ``text`` (overlapping occurrences too)."""
    for trigger in triggers:
        m = trigger.search(text)
        while m is not None:
            yield m.start()
            m = trigger.search(text, m.start() + 1)


def lines_hit(triggers: Iterable[re.Pattern[str]], text: str) -> list[tuple[int, int]]:
    """The lines ``(start, end)`` of ``text`` (without their newline) holding a trigger, in order."""
    spans = set()
    for pos in hits(triggers, text):
        spans.add((text.rfind("\n", 0, pos) + 1, _line_end(text, pos)))
    return sorted(spans)


def blocks_hit(document, triggers: Iterable[re.Pattern[str]], text: str) -> set[int]:
    """Indices of the document's blocks holding a trigger (``text`` is the prose or its fold)."""
    found = set()
    for pos in hits(triggers, text):
        index = document.block_index_at(pos)
        if index is not None:
            found.add(index)
    return found


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
