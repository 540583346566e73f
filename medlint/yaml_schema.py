"""Safe YAML loading that remembers line numbers, and a small hand-written schema checker.

Rulesets and ``.medlint.yaml`` are user input: an error must name the file and the line
("rules.yaml:12: unknown key 'severty' (did you mean 'severity'?)"). PyYAML's safe loader
(the C one when available) builds plain data; mappings and sequences are returned as
:class:`MarkedDict` / :class:`MarkedList`, which carry the 1-based source line of every key
and item. Tags that would build Python objects (``!!python/object``...) are refused.
The same :class:`Checker` validates TOML and INI data, which has no line numbers.
"""
from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

import yaml

from medlint.errors import ConfigError
from medlint.findings import Severity

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class MarkedDict(dict):
    """A YAML mapping with the line of the mapping, of each key and of each value."""

    line: int | None = None
    key_lines: dict
    value_lines: dict


class MarkedList(list):
    """A YAML sequence with the line of the sequence and of each item."""

    line: int | None = None
    item_lines: list


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose mappings and sequences remember their lines."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)  # resolve "<<" merge keys
    out = MarkedDict()
    out.line = node.start_mark.line + 1
    out.key_lines, out.value_lines = {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value",
                                                    key_node.start_mark) from None
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
        out.value_lines[key] = value_node.start_mark.line + 1
    return out


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> MarkedList:
    out = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load(text: str, path: str, error: type[ConfigError] = ConfigError) -> Any:
    """Parse YAML ``text`` safely; any problem becomes ``error`` naming ``path`` and the line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from the safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or "invalid YAML"
        tag = re.search(r"tag '([^']*)'", problem)
        if tag and "constructor" in problem:
            problem = f"YAML tag {tag.group(1).replace('tag:yaml.org,2002:', '!!')} is not allowed (only plain data is loaded)"
        raise error(problem, path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", path=path) from None


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word`` (difflib), or None."""
    close = difflib.get_close_matches(str(word), sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or an empty string."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""


def key_line(mapping: Any, key: str) -> int | None:
    return getattr(mapping, "key_lines", {}).get(key, getattr(mapping, "line", None))


def value_line(mapping: Any, key: str) -> int | None:
    return getattr(mapping, "value_lines", {}).get(key, getattr(mapping, "line", None))


def item_line(sequence: Any, index: int) -> int | None:
    lines = getattr(sequence, "item_lines", None)
    return lines[index] if lines and index < len(lines) else getattr(sequence, "line", None)


_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
               dict: "a mapping", list: "a list"}


class Checker:
    """Raises ``error`` (naming the file and, for YAML, the line) for invalid data."""

    def __init__(self, path: str, error: type[ConfigError] = ConfigError):
        self.path = path
        self.error = error

    def fail(self, line: int | None, message: str) -> None:
        raise self.error(message, path=self.path, line=line)

    def mapping(self, value: Any, line: int | None, what: str) -> dict:
        if not isinstance(value, dict):
            self.fail(line, f"{what} must be a mapping, not {_describe(value)}")
        return value

    def keys(self, mapping: dict, allowed: list[str] | tuple[str, ...], what: str,
             required: tuple[str, ...] = ()) -> None:
        """Refuse unknown keys (with a suggestion) and missing required ones."""
        for key in mapping:
            if not isinstance(key, str) or key not in allowed:
                self.fail(key_line(mapping, key), f"unknown key {key!r} in {what}{did_you_mean(key, allowed)}")
        for key in required:
            if key not in mapping:
                self.fail(getattr(mapping, "line", None), f"{what} lacks the required key {key!r}")

    def typed(self, mapping: dict, key: str, kind: type, what: str) -> Any:
        """``mapping[key]`` checked to be of ``kind`` (int accepted where a float is wanted)."""
        value = mapping[key]
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, float(value)
        if not ok:
            self.fail(value_line(mapping, key), f"{what} must be {_TYPE_NAMES.get(kind, kind.__name__)}, "
                                                f"not {_describe(value)}")
        return value

    def string(self, mapping: dict, key: str, what: str, *, non_empty: bool = True) -> str:
        value = self.typed(mapping, key, str, what)
        if non_empty and not value.strip():
            self.fail(value_line(mapping, key), f"{what} must not be empty")
        return value

    def string_list(self, mapping: dict, key: str, what: str, *, allow_single: bool = True,
                    non_empty: bool = False) -> list[str]:
        """A list of non-empty strings (a single string counts as a list of one when allowed)."""
        value = mapping[key]
        if allow_single and isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(value_line(mapping, key), f"{what} must be a list of strings, not {_describe(value)}")
        if not value and non_empty:
            self.fail(value_line(mapping, key), f"{what} must not be empty")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail(item_line(value, i) or value_line(mapping, key),
                          f"{what} must hold non-empty strings, not {_describe(item)}")
        return list(value)

    def severity(self, mapping: dict, key: str, what: str) -> Severity:
        value = mapping[key]
        try:
            return Severity.parse(value)
        except ValueError:
            self.fail(value_line(mapping, key), f"{what} must be error, warning or info, not {value!r}"
                      + did_you_mean(str(value), [s.value for s in Severity]))
        raise AssertionError("unreachable")


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__
