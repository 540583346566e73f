"""Every occurrence of many short literals in a text, in few passes.

Looking for twenty words with ``str.find`` reads the text twenty times. Words that share a first
letter are looked for together with one pattern that starts with that letter (the regex engine
skips quickly to each occurrence of a literal first character), which halves the time on a
health article. Each search resumes one character after the last occurrence found, so one that
starts inside another ("titratitrat") is found too; where several words start at one place, the
pattern reports the longest and the others are its prefixes. The answer is exactly what one
``str.find`` loop per word gives.
"""
from __future__ import annotations

import re
from typing import Iterable


class LiteralSet:
    """A set of literals (matched exactly, case included) to find in texts."""

    def __init__(self, words: Iterable[str]) -> None:
        groups: dict[str, list[str]] = {}
        for word in sorted({w for w in words if w}, key=len, reverse=True):
            groups.setdefault(word[0], []).append(word)
        self.patterns = [re.compile(re.escape(first) + "(?:" + "|".join(re.escape(w[1:]) for w in group) + ")")
                         for first, group in groups.items()]
        # the shorter words found at the same place as a longer one: its prefixes in the set
        self.prefixes = {w: tuple(v for v in group if v != w and w.startswith(v))
                         for group in groups.values() for w in group}

    def find_all(self, text: str) -> list[tuple[int, str]]:
        """``(start, word)`` for every occurrence of every word in ``text`` (overlapping ones
        included), in no particular order."""
        out = []
        for pattern in self.patterns:
            m = pattern.search(text)
            while m is not None:
                i, word = m.start(), m.group()
                out.append((i, word))
                out += [(i, v) for v in self.prefixes[word]]
                m = pattern.search(text, i + 1)
        return out
