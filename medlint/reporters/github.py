"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per
finding, shown inline on the pull request diff."""
from __future__ import annotations

from medlint.reporters import message_with_suggestion

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding) -> str:
    props = (f"file={_prop(finding.path)},line={finding.line},col={finding.column},"
             f"endLine={finding.end_line},endColumn={finding.end_column},"
             f"title={_prop(f'{finding.code} {finding.name}')}")
    return f"::{_LEVEL[finding.severity.value]} {props}::{_data(message_with_suggestion(finding))}"


def render(report) -> str:
    lines = [annotation(f) for f in report.findings]
    lines += [f"::error file={_prop(e.path or '')},title=medlint::{_data(e.detail)}" for e in report.errors]
    return "\n".join(lines) + ("\n" if lines else "")
