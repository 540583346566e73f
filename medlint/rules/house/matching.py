"""Turning house-rule phrases and regexes into compiled patterns over the prose.

Phrases match case-insensitively on word boundaries; the spaces inside a phrase match any run
of spaces or a single line break, never the blank line that separates two blocks.
"""
from __future__ import annotations

import re
from typing import Any

from medlint.yaml_schema import Checker, value_line

_SPACE = r"(?:[^\S\n]|\n(?!\n))+"


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """One pattern matching any of ``phrases`` (longest first), case-insensitive, whole words."""
    parts = []
    for phrase in sorted({p.strip() for p in phrases}, key=len, reverse=True):
        body = _SPACE.join(re.escape(word) for word in phrase.split())
        left = r"(?<!\w)" if re.match(r"\w", phrase) else ""
        right = r"(?!\w)" if re.search(r"\w$", phrase) else ""
        parts.append(left + body + right)
    return re.compile("|".join(parts), re.IGNORECASE)


def compile_regex(spec: dict[str, Any], key: str, checker: Checker, what: str) -> re.Pattern[str]:
    """Compile ``spec[key]`` (case-insensitive), reporting a bad pattern at its line."""
    source = checker.string(spec, key, what)
    try:
        pattern = re.compile(source, re.IGNORECASE)
    except re.error as exc:
        checker.fail(value_line(spec, key), f"{what} is not a valid regular expression: {exc}")
        raise AssertionError("unreachable") from None
    if pattern.match(""):
        checker.fail(value_line(spec, key), f"{what} matches the empty string")
    return pattern


def matcher_from(spec: dict[str, Any], key: str, checker: Checker, what: str) -> re.Pattern[str]:
    """``{phrases: [...]}`` or ``{regex: "..."}`` under ``spec[key]`` as one compiled pattern."""
    sub = checker.mapping(spec[key], value_line(spec, key), what)
    checker.keys(sub, ("phrases", "regex"), what)
    if ("phrases" in sub) == ("regex" in sub):
        checker.fail(value_line(spec, key), f"{what} needs exactly one of 'phrases' or 'regex'")
    if "phrases" in sub:
        return phrase_regex(checker.string_list(sub, "phrases", f"{what}.phrases", non_empty=True))
    return compile_regex(sub, "regex", checker, f"{what}.regex")


def first_match(pattern: re.Pattern[str], prose: str):
    """First match that does not span a block break, or None."""
    return next(iter_matches(pattern, prose), None)


def iter_matches(pattern: re.Pattern[str], prose: str):
    for match in pattern.finditer(prose):
        if match.end() > match.start() and "\n\n" not in match.group():
            yield match
