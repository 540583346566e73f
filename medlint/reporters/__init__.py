"""Reporters: render the results of one run as text, JSON, SARIF or GitHub annotations.

Each reporter module has ``render(report) -> str``; they are imported only when chosen.
"""
from __future__ import annotations

import importlib
import os
from collections import Counter
from dataclasses import dataclass, field

from medlint.findings import Finding, Severity

FORMATS = ("text", "json", "sarif", "github")


@dataclass
class Report:
    """Everything a reporter may show about one run."""

    results: list                     # orchestrator.FileResult, one per file linted or refused
    rules: list = field(default_factory=list)   # rule instances that ran (SARIF lists them)
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    score: float | None = None        # set when --score / --fail-under asked for it
    fixed: int = 0                    # fixes written by --fix
    cwd: str = field(default_factory=os.getcwd)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def errors(self) -> list:
        """The input errors (files that could not be linted)."""
        return [r.error for r in self.results if r.error is not None]

    @property
    def files(self) -> int:
        return len(self.results)

    def counts(self) -> dict[str, int]:
        counter = Counter(f.severity.value for f in self.findings)
        return {s.value: counter.get(s.value, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

    def fixable(self) -> int:
        return sum(1 for f in self.findings if f.fix is not None and f.fix.safe)

    def statistics_rows(self) -> list[tuple[int, str, str]]:
        """(count, code, name) per rule, most frequent first: where the noise comes from."""
        counter = Counter((f.code, f.name) for f in self.findings)
        return sorted(((n, code, name) for (code, name), n in counter.items()), key=lambda r: (-r[0], r[1]))


def message_with_suggestion(finding: Finding) -> str:
    """The message plus `` (did you mean: X)`` for the first suggestion, unless it already names X."""
    if finding.suggestions and finding.suggestions[0] not in finding.message:
        return f"{finding.message} (did you mean: {finding.suggestions[0]})"
    return finding.message


def score(results: list) -> float:
    """pylint's evaluation adapted to prose, on 0-10 (higher is better)::

        10 - 10 * (5 * errors + warnings + 0.5 * info) / sentences

    floored at 0; ``sentences`` is the number of prose sentences linted (at least 1).
    """
    weights = {Severity.ERROR: 5.0, Severity.WARNING: 1.0, Severity.INFO: 0.5}
    penalty = sum(weights[f.severity] for r in results for f in r.findings)
    sentences = max(1, sum(getattr(r, "sentences", 0) for r in results))
    return round(max(0.0, 10.0 - 10.0 * penalty / sentences), 2)


def render(fmt: str, report: Report) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"medlint.reporters.{fmt}")  # only the chosen reporter loads
    return module.render(report)
