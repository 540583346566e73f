"""Findings: the immutable records every rule yields and every reporter renders.

Offsets inside (code points into the decoded source text), line and column only once
the orchestrator has resolved them through :mod:`medlint.positions`.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class Severity(str, enum.Enum):
    """How bad a finding is. Ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(str(value).lower())
        except ValueError as exc:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from exc


@dataclass(frozen=True)
class Fix:
    """A replacement of source[start:end] by ``replacement``. Only ``safe`` fixes are applied by --fix."""

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """One problem found in one file.

    ``start``/``end`` are offsets into the decoded source text (BOM removed, newlines kept).
    ``line``/``column``/``end_line``/``end_column`` are 1-based, in code points, end exclusive;
    they are 0 until :func:`medlint.positions.LineIndex.locate` fills them in.
    """

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def symbol(self) -> str:
        return self.name

    def with_(self, **changes) -> "Finding":
        return replace(self, **changes)

    def sort_key(self):
        return (self.path, self.start, self.end, self.code)
