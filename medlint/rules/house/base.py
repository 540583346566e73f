"""Base of house rules: rules a team declares in a YAML ruleset, without writing Python.

Each house rule type (phrase, swap, pattern, requires) is a :class:`HouseRule` subclass built
from a validated mapping. Unlike built-in rules, code, name, severity and message belong to the
instance, because one class serves every rule of its type.
"""
from __future__ import annotations

import re
from typing import Any, ClassVar

from medlint.findings import Severity
from medlint.rules.base import Rule
from medlint.yaml_schema import Checker, value_line

# keys every house rule has (the type modules add their own)
COMMON_KEYS = ("code", "name", "type", "severity", "message", "summary", "description")


class HouseRule(Rule):
    """A rule declared in a ruleset file (codes MED900-MED999)."""

    type_name: ClassVar[str] = ""
    type_keys: ClassVar[tuple[str, ...]] = ()          # keys of this type
    required_type_keys: ClassVar[tuple[str, ...]] = ()
    default_message: ClassVar[str] = "{match!r}"
    message_fields: ClassVar[tuple[str, ...]] = ("match",)

    def __init__(self, spec: dict[str, Any], checker: Checker):
        super().__init__()
        self.code = spec["code"]
        self.name = spec["name"]
        self.severity = spec.get("severity", Severity.WARNING)
        self.message = spec.get("message", self.default_message)
        self.summary = spec.get("summary") or re.sub(r"\{[^{}]*\}", "…", self.message)
        self.description = spec.get("description", "")
        self.origin = f"{checker.path}:{getattr(spec, 'line', '?')}"
        self._check_message(spec, checker)
        self.configure(spec, checker)

    def configure(self, spec: dict[str, Any], checker: Checker) -> None:
        """Validate and store the type-specific keys of ``spec``."""
        raise NotImplementedError

    def _check_message(self, spec: dict[str, Any], checker: Checker) -> None:
        try:
            self.message.format(**{f: "x" for f in self.message_fields})
        except (KeyError, IndexError, ValueError) as exc:
            fields = ", ".join("{" + f + "}" for f in self.message_fields)
            checker.fail(value_line(spec, "message"),
                         f"message template is invalid ({exc!s}); a {self.type_name} rule offers {fields}")

    def doc(self) -> str:  # instance method: the docs come from the ruleset, not the class
        lines = [f"{self.summary}", "", f"House rule of type `{self.type_name}`, declared in {self.origin}."]
        if self.description:
            lines += ["", self.description.strip()]
        lines += ["", "## Rule type", "", super().doc()]
        return "\n".join(lines)
