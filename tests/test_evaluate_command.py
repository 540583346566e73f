"""`medlint evaluate` end to end with a stand-in linter, so the command is tested on its own:
table, --min-f1 exit codes, -v listings, JSON, usage errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from medlint import evaluate, orchestrator
from medlint.findings import Finding, Severity
from medlint.positions import LineIndex
from medlint.source import read_source

ARTICLE = ("Pregabalin for nerve pain\n\n"
           "Pregabalin is completely safe for everyone. Take 75 mg twice daily.\n"
           "Research shows it always works.\n")
SIDECAR = ("rules: [absolute-claim, dose-without-citation, vague-attribution]\n"
           "findings:\n"
           "  - rule: absolute-claim\n    quote: completely safe\n"
           "  - rule: dose-without-citation\n    quote: Take 75 mg twice daily.\n"
           "  - rule: vague-attribution\n    quote: Research shows\n")

# What the stand-in linter reports: (rule, quoted text). "always works" is an extra absolute
# claim; the vague attribution is missed.
REPORTED = [("absolute-claim", "completely safe"), ("dose-without-citation", "75 mg"),
            ("absolute-claim", "always works"), ("brand-without-generic", "Pregabalin")]


class FakeRule:
    def __init__(self, name):
        self.name = name


class FakeLinter:
    """Stands in for orchestrator.Linter: same interface, findings from REPORTED."""

    seen_configs: list = []

    def __init__(self, config=None):
        self.config = config
        FakeLinter.seen_configs.append(config)
        names = {rule for rule, _ in REPORTED} | {"vague-attribution"}
        self.rules = [FakeRule(n) for n in sorted(names) if not config or n not in (config.ignore or [])]
        self.known_rules = {n: "MED999" for n in names}

    def lint_paths(self, paths, fmt=None):
        for path in paths:
            source = read_source(path)
            index = LineIndex(source.text)
            findings = []
            for rule, quote in REPORTED:
                at = source.text.find(quote)
                if at >= 0:
                    findings.append(index.locate(Finding(code="MED999", name=rule, severity=Severity.WARNING,
                                                         message=f"{rule} here", start=at, end=at + len(quote),
                                                         path=path)))
            yield orchestrator.FileResult(path, findings, source=source)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(orchestrator, "Linter", FakeLinter)
    monkeypatch.setattr(orchestrator, "lint_paths_parallel",
                        lambda paths, config, jobs, fmt=None: FakeLinter(config).lint_paths(paths))
    (tmp_path / "pregabalin.txt").write_text(ARTICLE)
    (tmp_path / "pregabalin.txt.expected.yaml").write_text(SIDECAR)
    return tmp_path


def run(*args):
    return CliRunner().invoke(evaluate.command, [str(a) for a in args])


def test_table_counts(corpus):
    result = run("--today", "2026-11-21", corpus)
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.output.splitlines() if line and line[0].isalpha()}
    assert rows["absolute-claim"][:6] == ["1", "1", "0", "0.500", "1.000", "0.667"]
    assert rows["dose-without-citation"][:3] == ["1", "0", "0"]
    assert rows["vague-attribution"][:6] == ["0", "0", "1", "1.000", "0.000", "0.000"]
    assert rows["total"][1:4] == ["2", "1", "1"]  # "total (micro)" splits in two
    assert "brand-without-generic" not in rows  # not listed by the sidecar: ignored


def test_min_f1_bars_set_the_exit_code(corpus):
    assert run(corpus, "--min-f1", "absolute-claim=0.6").exit_code == 0
    failing = run(corpus, "--min-f1", "absolute-claim=0.7")
    assert failing.exit_code == 1
    assert "absolute-claim: F1 0.667 is below the bar 0.700" in failing.output
    assert run(corpus, "--min-f1", "ALL=0.5").exit_code == 1  # vague-attribution has F1 0
    assert run(corpus, "--min-f1", "TOTAL=0.66").exit_code == 0  # micro P=R=2/3
    assert run(corpus, "--min-f1", "TOTAL=0.67").exit_code == 1


@pytest.mark.parametrize("bar", ["absolute-claim", "absolute-claim=1.5", "=0.5", "absolute-claim=x",
                                 "no-such-rule=0.5"])
def test_bad_bars_are_usage_errors(corpus, bar):
    result = run(corpus, "--min-f1", bar)
    assert result.exit_code == 2
    assert "error" in result.output.lower()


def test_verbose_lists_misses_and_extras(corpus):
    out = run("-v", corpus).output
    assert f"MISS  {corpus / 'pregabalin.txt'}:4: vague-attribution: 'Research shows'" in out
    assert f"EXTRA {corpus / 'pregabalin.txt'}:4:19: absolute-claim: absolute-claim here" in out


def test_json_output(corpus):
    data = json.loads(run("--format", "json", corpus).output)
    assert data["rules"]["absolute-claim"]["fp"] == 1
    assert data["total"] == {"tp": 2, "fp": 1, "fn": 1, "precision": 0.6667, "recall": 0.6667, "f1": 0.6667,
                             "suggest_correct": 0, "suggest_expected": 0}
    assert data["files"][0]["misses"][0]["rule"] == "vague-attribution"


def test_check_options_reach_the_linter_config(corpus):
    FakeLinter.seen_configs.clear()
    run("--today", "2026-11-21", "--select", "MED2,MED3", "--ignore", "vague-attribution", "--model", "x",
        "--jobs", "2", corpus)
    config = FakeLinter.seen_configs[-1]
    assert str(config.today) == "2026-11-21"
    assert config.select == ["MED2", "MED3"] and config.ignore == ["vague-attribution"]
    assert (config.model, config.jobs) == ("x", 2)


def test_a_deselected_rule_is_not_scored(corpus):
    result = run("--ignore", "vague-attribution", "--min-f1", "ALL=0.6", corpus)
    assert "not run (deselected): vague-attribution" in result.output
    assert result.exit_code == 0


def test_article_arguments_and_sidecar_arguments_both_work(corpus):
    assert run(corpus / "pregabalin.txt").exit_code == 0
    assert run(corpus / "pregabalin.txt.expected.yaml").exit_code == 0


def test_a_rule_this_medlint_lacks_is_scored_as_missed(corpus):
    (corpus / "pregabalin.txt.expected.yaml").write_text(
        SIDECAR.replace("vague-attribution]", "vague-attribution, house-style]"))
    result = run(corpus)
    assert "no such rule in this medlint (all expected findings missed): house-style" in result.output


def test_usage_errors(corpus, tmp_path):
    missing = run(tmp_path / "nope")
    assert missing.exit_code == 2 and "no such file or directory" in missing.output
    (tmp_path / "empty").mkdir()
    assert run(tmp_path / "empty").exit_code == 2
    (corpus / "lonely.md").write_text("# Lonely\n")
    assert "has no sidecar" in run(corpus / "lonely.md").output
    assert run("--today", "21/11/2026", corpus).exit_code == 2


def test_bad_sidecar_names_file_and_line(corpus):
    (corpus / "pregabalin.txt.expected.yaml").write_text(SIDECAR + "  - rule: absolute-claim\n    quote: cures all\n")
    result = run(corpus)
    assert result.exit_code == 2
    assert f"{corpus / 'pregabalin.txt.expected.yaml'}:9: quote not found" in result.output


def test_importing_evaluate_loads_neither_spacy_nor_the_linter():
    code = ("import sys, medlint.evaluate; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy' or m == 'medlint.orchestrator'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_config_file_is_read_and_options_override_it(corpus, tmp_path):
    cfg = tmp_path / "cfg" / ".medlint.yaml"
    cfg.parent.mkdir()
    cfg.write_text("today: 2025-01-31\njobs: 2\n")
    FakeLinter.seen_configs.clear()
    assert run("--config", cfg, corpus).exit_code == 0
    assert (str(FakeLinter.seen_configs[-1].today), FakeLinter.seen_configs[-1].jobs) == ("2025-01-31", 2)
    assert run("--config", cfg, "--today", "2026-11-21", "--jobs", "1", corpus).exit_code == 0
    assert (str(FakeLinter.seen_configs[-1].today), FakeLinter.seen_configs[-1].jobs) == ("2026-11-21", 1)


def test_a_broken_config_file_is_a_usage_error(corpus, tmp_path):
    cfg = tmp_path / ".medlint.yaml"
    cfg.write_text("selekt: [MED2]\n")
    result = run("--config", cfg, corpus)
    assert result.exit_code == 2 and ".medlint.yaml" in result.output


def test_exit_codes_survive_the_medlint_entry_point(corpus, tmp_path):
    from medlint.cli import main

    assert main(["evaluate", str(corpus), "--min-f1", "absolute-claim=0.6"]) == 0
    assert main(["evaluate", str(corpus), "--min-f1", "absolute-claim=0.7"]) == 1
    assert main(["evaluate", str(tmp_path / "missing")]) == 2
