"""The rule base class. A rule is a pure generator of findings over a linted document."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Iterator

from medlint.findings import Finding, Fix, Severity

if TYPE_CHECKING:  # imported for annotations only
    from medlint.document import LintedDocument


class Rule:
    """Base of every rule.

    Subclasses set ``code`` (``MEDnnn``, the hundreds digit is the family), ``name`` (the
    kebab-case symbol of RULES.md), ``severity``, ``summary`` (one line), ``message`` (a
    ``str.format`` template) and a class docstring with the sections ``## What it does``,
    ``## Why it matters``, ``## Example``, ``## Use instead`` and ``## References``. The
    Example/Use instead sections hold fenced ``markdown`` blocks that the test suite lints:
    the example must produce this rule's finding, the fix must not.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    message: ClassVar[str] = ""
    default_options: ClassVar[dict[str, Any]] = {}
    fixable: ClassVar[bool] = False

    def __init__(self, options: dict[str, Any] | None = None, severity: Severity | None = None):
        self.options = {**self.default_options, **(options or {})}
        if severity is not None:
            self.severity = severity  # instance override from config

    def check(self, document: "LintedDocument") -> Iterator[Finding]:
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------
    def finding(self, document: "LintedDocument", start: int, end: int, *, message: str | None = None,
                suggestions: tuple[str, ...] | list[str] = (), fix: Fix | None = None, **fields: Any) -> Finding:
        """A finding on the PROSE span [start, end)."""
        s, e = document.to_source(start, end)
        return self.finding_at_source(s, e, message=message, suggestions=suggestions, fix=fix, **fields)

    def finding_at_source(self, start: int, end: int, *, message: str | None = None,
                          suggestions: tuple[str, ...] | list[str] = (), fix: Fix | None = None,
                          **fields: Any) -> Finding:
        """A finding on the SOURCE span [start, end) (front matter, link targets...)."""
        text = message if message is not None else self.message.format(**fields)
        return Finding(code=self.code, name=self.name, severity=self.severity, message=text,
                       start=start, end=end, suggestions=tuple(suggestions), fix=fix)

    @classmethod
    def doc(cls) -> str:
        import inspect  # only for `explain`; keeps rule import cheap
        return inspect.cleandoc(cls.__doc__ or "")
