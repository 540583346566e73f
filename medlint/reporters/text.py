"""The default, human-readable report: one ``path:line:col: CODE name: message`` line per
finding, then a summary. Colour only when asked (the CLI asks on a terminal)."""
from __future__ import annotations

from medlint.findings import Finding
from medlint.reporters import message_with_suggestion

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(text: str, color: bool, **style) -> str:
    if not color:
        return text
    import click  # lazy: colouring is the only use, and only on a terminal
    return click.style(text, **style)


def format_finding(finding: Finding, color: bool = False) -> str:
    where = _style(f"{finding.path}:{finding.line}:{finding.column}:", color, bold=True)
    code = _style(f"{finding.code} {finding.name}", color, fg=_COLOURS[finding.severity.value])
    return f"{where} {code}: {message_with_suggestion(finding)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def render(report) -> str:
    lines = [format_finding(f, report.color) for f in report.findings]
    if report.quiet:
        return "\n".join(lines) + ("\n" if lines else "")
    counts = report.counts()
    total = sum(counts.values())
    files = _plural(report.files, "file")
    if total:
        detail = ", ".join(_plural(counts[s], s) for s in ("error", "warning", "info"))
        lines.append(f"Found {_plural(total, 'problem')} in {files} ({detail}).")
    else:
        lines.append(f"No problems found in {files}.")
    if report.fixed:
        lines.append(f"Fixed {_plural(report.fixed, 'problem')}.")
    if report.fixable():
        lines.append(f"{report.fixable()} fixable with --fix.")
    if report.errors:
        lines.append(f"{_plural(len(report.errors), 'file')} could not be linted (see above).")
    lines += tail_lines(report)
    return "\n".join(lines) + "\n"


def tail_lines(report) -> list[str]:
    """The statistics table (``--statistics``) and the score (``--score``), when asked for."""
    lines = []
    if report.statistics and report.findings:
        lines += ["", "Findings per rule:"]
        lines += [f"{count:>6}  {code}  {name}" for count, code, name in report.statistics_rows()]
    if report.score is not None:
        lines.append(f"Score: {report.score:.2f}/10")
    return lines
