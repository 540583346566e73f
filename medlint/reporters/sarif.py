"""SARIF 2.1.0, as GitHub code scanning accepts it (``github/codeql-action/upload-sarif``).

Paths are relative to the working directory under ``uriBaseId`` ``%SRCROOT%``; columns are
Unicode code points (``columnKind``), 1-based, end exclusive, like every medlint position.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
from urllib.parse import quote

from medlint import __version__
from medlint.reporters import message_with_suggestion

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/medlint/"
SRCROOT = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _first_paragraph(doc: str, fallback: str) -> str:
    match = re.search(r"## What it does\s*\n(.*?)(?:\n\s*\n|\n## |\Z)", doc, re.S)
    text = match.group(1) if match else doc.split("\n\n", 1)[0]
    return " ".join(text.split()) or fallback


def rule_object(rule) -> dict:
    doc = rule.doc() or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": _first_paragraph(doc, rule.summary or rule.name)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
    }


def artifact_location(path: str, cwd: str) -> dict:
    if not path or path.startswith("<"):  # stdin without --stdin-filename
        return {"uri": quote(path or "stdin")}
    full = os.path.abspath(path)
    rel = os.path.relpath(full, cwd)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return {"uri": pathlib.Path(full).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": SRCROOT}


def _rules(report) -> list:
    table = {}
    for rule in report.rules:
        table.setdefault(rule.code, rule)
    missing = {f.code for f in report.findings} - set(table)
    if missing:
        from medlint.rules import registry  # lazy: only for findings of rules not passed in
        for code in sorted(missing):
            if code in registry.RULES:
                table[code] = registry.load(code)()
    return [table[code] for code in sorted(table)]


def document(report) -> dict:
    rules = _rules(report)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for finding in report.findings:
        result = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity.value],
            "message": {"text": message_with_suggestion(finding)},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(finding.path, report.cwd),
                "region": {"startLine": finding.line, "startColumn": finding.column,
                           "endLine": finding.end_line, "endColumn": finding.end_column},
            }}],
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        results.append(result)
    notifications = [{
        "level": "error",
        "message": {"text": error.detail},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error.path or "", report.cwd)}}],
    } for error in report.errors]
    run = {
        "tool": {"driver": {"name": "medlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": [rule_object(r) for r in rules]}},
        "originalUriBaseIds": {SRCROOT: {"uri": pathlib.Path(report.cwd).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"
