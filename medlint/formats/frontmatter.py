"""YAML front matter at the top of a Markdown file (``---`` ... ``---``).

Front matter is metadata, never prose. Rules that check it (a review date, an author slot)
need the parsed values and where each top-level ``key: value`` line and value stand, so
findings can point into it with source offsets.
"""
from __future__ import annotations

import re
from typing import Any

from medlint.prose import FrontMatter

_FENCE = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.MULTILINE)
_KEY_LINE = re.compile(
    r"^(?P<key>[^\s#:'\"\-?][^:\r\n]*?|\"[^\"\r\n]*\"|'[^'\r\n]*')[ \t]*:(?:[ \t]+(?P<value>[^\r\n]*?))?[ \t]*(?=\r?$)",
    re.MULTILINE)
_COMMENT = re.compile(r"[ \t]+#.*$")


def split(text: str) -> tuple[int, int, int] | None:
    """(body_start, body_end, end) of front matter at the top of ``text``, or None.

    ``body`` is the YAML between the fences; ``end`` is just after the closing fence line.
    """
    m = _FENCE.match(text)
    if not m:
        return None
    close = _CLOSE.search(text, m.end())
    if not close:
        return None
    body_end = close.start()
    return m.end(), body_end, close.end()


def parse(text: str) -> FrontMatter | None:
    """The front matter of ``text`` with its data and key/value spans, or None."""
    bounds = split(text)
    if bounds is None:
        return None
    body_start, body_end, end = bounds
    body = text[body_start:body_end]
    fm = FrontMatter(data=_load(body), source_start=0, source_end=end)
    for m in _KEY_LINE.finditer(body):
        key = m.group("key").strip()
        if key[:1] in "\"'":
            key = key[1:-1]
        line_end = m.end()
        fm.key_spans[key] = (body_start + m.start(), body_start + line_end)
        vs, ve = (m.span("value") if m.group("value") is not None else (line_end, line_end))
        value = body[vs:ve]
        comment = _COMMENT.search(value)
        if comment and not value.lstrip().startswith(("'", '"')):
            ve = vs + comment.start()
        if ve - vs >= 2 and body[vs] == body[ve - 1] and body[vs] in "\"'":
            vs, ve = vs + 1, ve - 1
        fm.value_spans[key] = (body_start + vs, body_start + ve)
    return fm


def _load(body: str) -> dict[str, Any]:
    import yaml  # lazy: PyYAML is only needed for files that have front matter

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(body, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
