"""The JSON report (documented in docs/json-format.md; keep it stable)."""
from __future__ import annotations

import json

from medlint import __version__
from medlint.positions import LineIndex


def finding_object(finding, index: LineIndex | None) -> dict:
    fix = None
    if finding.fix is not None and index is not None:
        line, column = index.position(finding.fix.start)
        end_line, end_column = index.position(finding.fix.end)
        fix = {"replacement": finding.fix.replacement, "safe": finding.fix.safe, "line": line,
               "column": column, "end_line": end_line, "end_column": end_column}
    return {
        "path": finding.path, "line": finding.line, "column": finding.column,
        "end_line": finding.end_line, "end_column": finding.end_column,
        "code": finding.code, "name": finding.name, "symbol": finding.symbol,
        "severity": finding.severity.value, "message": finding.message,
        "suggestions": list(finding.suggestions), "fix": fix,
    }


def document(report) -> dict:
    findings = []
    for result in report.results:
        index = LineIndex(result.source.text) if result.source is not None and result.findings else None
        findings.extend(finding_object(f, index) for f in result.findings)
    counts = report.counts()
    summary = {
        "files": report.files,
        "findings": len(findings),
        **counts,
        "fixable": report.fixable(),
        "fixed": report.fixed,
        "score": report.score,
        "statistics": [{"code": c, "name": n, "count": k} for k, c, n in report.statistics_rows()],
        "input_errors": [{"path": e.path, "message": e.detail} for e in report.errors],
    }
    return {"version": __version__, "findings": findings, "summary": summary}


def render(report) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"
