"""`medlint rules`, `medlint explain`, `--version`, `--help`."""
from __future__ import annotations

import json

from medlint import __version__
from medlint.rules import registry

from cli_support import HOUSE_RULESET, run_cli, write


def test_version():
    result = run_cli("--version")
    assert result.code == 0 and result.out.strip() == f"medlint {__version__}"


def test_help_lists_the_commands():
    result = run_cli("--help")
    assert result.code == 0
    for command in ("check", "rules", "explain"):
        assert f"  {command} " in result.out


def test_rules_lists_every_registered_rule_with_severity_and_summary(tmp_path):
    result = run_cli("rules", cwd=tmp_path)
    assert result.code == 0
    codes = [line.split()[0] for line in result.out.splitlines()]
    assert codes == sorted(registry.RULES)
    line = next(line for line in result.out.splitlines() if line.startswith("MED002"))
    assert line.split()[1:3] == ["useless-suppression", "info"]


def test_rules_json_includes_house_rules_from_a_ruleset(tmp_path):
    write(tmp_path, {"house.yaml": HOUSE_RULESET})
    result = run_cli("rules", "--format", "json", "--ruleset", "house.yaml", cwd=tmp_path)
    rows = {row["code"]: row for row in json.loads(result.out)}
    assert rows["MED902"] == {"code": "MED902", "name": "plain-words", "severity": "warning",
                              "summary": "Prefer plain words to …", "enabled": True, "fixable": True, "house": True}
    assert set(registry.RULES) <= set(rows)


def test_rules_marks_rules_a_ruleset_switches_off(tmp_path):
    write(tmp_path, {"off.yaml": "rules:\n  useless-suppression: off\n"})
    result = run_cli("rules", "--ruleset", "off.yaml", cwd=tmp_path)
    line = next(line for line in result.out.splitlines() if line.startswith("MED002"))
    assert line.endswith("(disabled)")


def test_explain_by_name_and_by_code_prints_the_docstring(tmp_path):
    by_name = run_cli("explain", "unknown-suppression", cwd=tmp_path)
    by_code = run_cli("explain", "med001", cwd=tmp_path)
    assert by_name.code == 0 and by_name.out == by_code.out
    assert by_name.out.startswith("MED001 unknown-suppression (warning)\n")
    assert "## Why it matters" in by_name.out


def test_explain_a_house_rule(tmp_path):
    write(tmp_path, {"house.yaml": HOUSE_RULESET})
    result = run_cli("explain", "plain-words", "--ruleset", "house.yaml", cwd=tmp_path)
    assert result.out.startswith("MED902 plain-words (warning, fixable)")
    assert "house.yaml:" in result.out and "type `swap`" in result.out


def test_explain_unknown_rule_suggests_the_closest(tmp_path):
    result = run_cli("explain", "usless-suppression", cwd=tmp_path)
    assert result.code == 2
    assert "(did you mean 'useless-suppression'?)" in result.err
