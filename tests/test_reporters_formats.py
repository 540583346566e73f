"""Report formats: text (colour), JSON (documented shape), SARIF 2.1.0 (GitHub code scanning's
required fields, checked by hand) and GitHub workflow annotations."""
from __future__ import annotations

import json
import re

import pytest

from medlint.findings import Finding, Severity
from medlint.reporters import Report, github, render

from cli_support import HOUSE_RULESET, run_cli, write

DRAFT = "A wonder drug.\nWe utilize it, please note.\n"


@pytest.fixture
def project(tmp_path):
    write(tmp_path, {"house.yaml": HOUSE_RULESET, "docs/draft.txt": DRAFT})
    return tmp_path


def check(project, *args, cwd=None):
    return run_cli("check", "--ruleset", str(project / "house.yaml"), "--select", "MED9", *args,
                   cwd=cwd or project)


def test_text_colour_only_when_asked(project):
    plain = check(project, "docs/draft.txt", "--no-color").out
    coloured = check(project, "docs/draft.txt", "--color").out
    assert "\x1b[" not in plain and "\x1b[31m" in coloured  # errors in red
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    assert "\x1b[" not in check(project, "docs/draft.txt").out  # not a terminal: no colour by default


def test_text_quiet_prints_findings_only(project):
    result = check(project, "docs/draft.txt", "--quiet")
    assert len(result.out.splitlines()) == 3 and all(line.startswith("docs/draft.txt:") for line in result.out.splitlines())


def test_json_document(project):
    data = json.loads(check(project, "docs/draft.txt", "--format", "json").out)
    assert set(data) == {"version", "findings", "summary"}
    first, swap = data["findings"][0], data["findings"][1]
    assert first == {"path": "docs/draft.txt", "line": 1, "column": 3, "end_line": 1, "end_column": 14,
                     "code": "MED901", "name": "no-wonder-drug", "symbol": "no-wonder-drug", "severity": "error",
                     "message": "Avoid 'wonder drug'", "suggestions": [], "fix": None}
    assert swap["fix"] == {"replacement": "use", "safe": True, "line": 2, "column": 4, "end_line": 2,
                           "end_column": 11}
    summary = data["summary"]
    assert (summary["files"], summary["findings"], summary["error"], summary["warning"], summary["info"],
            summary["fixable"], summary["input_errors"]) == (1, 3, 1, 1, 1, 1, [])


def test_sarif_has_what_github_code_scanning_requires(project):
    data = json.loads(check(project, "docs/draft.txt", "--format", "sarif").out)
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "medlint" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids)) and {"MED901", "MED902", "MED903"} <= set(ids)
    for rule in driver["rules"]:
        assert re.fullmatch(r"MED\d{3}", rule["id"]) and rule["name"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
    levels = []
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        levels.append(result["level"])
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "docs/draft.txt", "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1
                   for k in ("startLine", "startColumn", "endLine", "endColumn"))
    assert levels == ["error", "warning", "note"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 3, "endLine": 1, "endColumn": 14}


def test_sarif_uri_is_relative_to_the_working_directory(project):
    data = json.loads(check(project, "draft.txt", "--format", "sarif", cwd=project / "docs").out)
    location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "draft.txt", "uriBaseId": "%SRCROOT%"}


def test_sarif_reports_unreadable_files_as_notifications(project):
    write(project, {"docs/bad.txt": b"\x00\x01binary"})
    data = json.loads(check(project, "docs", "--format", "sarif").out)
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notification = invocation["toolExecutionNotifications"][0]
    assert notification["level"] == "error" and "binary" in notification["message"]["text"]


def test_github_annotations(project):
    lines = check(project, "docs/draft.txt", "--format", "github").out.splitlines()
    assert lines == [
        "::error file=docs/draft.txt,line=1,col=3,endLine=1,endColumn=14,title=MED901 no-wonder-drug::Avoid 'wonder drug'",
        "::warning file=docs/draft.txt,line=2,col=4,endLine=2,endColumn=11,title=MED902 plain-words::"
        "Prefer plain words to 'utilize' (did you mean: use)",
        "::notice file=docs/draft.txt,line=2,col=16,endLine=2,endColumn=27,title=MED903 gentle-note::"
        "Avoid 'please note'",
    ]


def test_github_escapes_properties_and_data():
    finding = Finding("MED901", "x", Severity.WARNING, "50% done\nnext", 0, 1, path="a,b:c.md",
                      line=1, column=1, end_line=1, end_column=2)
    assert github.annotation(finding) == (
        "::warning file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=2,title=MED901 x::50%25 done%0Anext")


def test_every_format_renders_an_empty_run():
    report = Report([])
    assert render("text", report) == "No problems found in 0 files.\n"
    assert json.loads(render("json", report))["findings"] == []
    assert json.loads(render("sarif", report))["runs"][0]["results"] == []
    assert render("github", report) == ""


def test_the_suggestion_is_not_repeated_when_the_message_already_names_it():
    from medlint.reporters.text import format_finding
    base = dict(code="MED401", name="drug-name-misspelling", severity=Severity.WARNING, start=0, end=1,
                path="a.md", line=1, column=1, end_line=1, end_column=2, suggestions=("topiramate",))
    assert format_finding(Finding(message="'topiramite' is not a drug name", **base)).endswith(
        "is not a drug name (did you mean: topiramate)")
    assert format_finding(Finding(message="did you mean 'topiramate'?", **base)).endswith(
        ": did you mean 'topiramate'?")


def test_machine_formats_keep_statistics_and_score_off_stdout(project):
    result = check(project, "docs/draft.txt", "--format", "sarif", "--score", "--statistics")
    json.loads(result.out)  # still one JSON document
    assert "Findings per rule:" in result.err and "Score: " in result.err
