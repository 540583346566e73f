"""Configuration files: discovery (nearest wins), the three formats, validation, CLI overrides."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from medlint import configfile
from medlint.errors import ConfigError

from cli_support import HOUSE_RULESET, run_cli, word_rule, write  # noqa: F401 - word_rule is a fixture


def codes(result) -> list[tuple[str, str]]:
    return [(f["path"], f["code"]) for f in json.loads(result.out)["findings"]]


@pytest.fixture
def project(tmp_path):
    write(tmp_path, {
        "house.yaml": HOUSE_RULESET,
        ".medlint.yaml": """\
            select: [MED9]
            rulesets: [house.yaml]
            ignore: [plain-words]
            """,
        "top.txt": "A wonder drug we utilize.\n",
        "sub/pyproject.toml": """\
            [tool.medlint]
            select = ["MED9"]
            rulesets = ["../house.yaml"]
            ignore = ["no-wonder-drug"]
            """,
        "sub/inner.txt": "A wonder drug we utilize.\n",
        "other/pyproject.toml": "[tool.black]\nline-length = 99\n",
        "other/o.txt": "A wonder drug we utilize.\n",
    })
    return tmp_path


def test_the_nearest_config_file_governs_each_file(project):
    result = run_cli("check", ".", "--format", "json", cwd=project)
    assert codes(result) == [("other/o.txt", "MED901"),   # pyproject without [tool.medlint]: parent's yaml
                             ("sub/inner.txt", "MED902"),  # sub/pyproject.toml
                             ("top.txt", "MED901")]       # .medlint.yaml


def test_stdin_uses_the_config_of_the_working_directory(project):
    result = run_cli("check", "-", "--format", "json", cwd=project / "sub", stdin=b"a wonder drug to utilize\n")
    assert codes(result) == [("<stdin>", "MED902")]


def test_cli_flags_override_the_config(project):
    result = run_cli("check", "top.txt", "--format", "json", "--select", "MED90", cwd=project)
    assert codes(result) == [("top.txt", "MED901"), ("top.txt", "MED902")]  # --select drops config ignores
    assert run_cli("check", "top.txt", "--ignore", "MED901", cwd=project).code == 0  # --ignore adds up


def test_explicit_config_replaces_discovery(project):
    result = run_cli("check", "top.txt", "--config", "sub/pyproject.toml", "--format", "json", cwd=project)
    assert codes(result) == [("top.txt", "MED902")]


def test_setup_cfg_sections_per_file_ignores_and_rule_options(tmp_path, word_rule):
    write(tmp_path, {"setup.cfg": """\
        [metadata]
        name = x

        [medlint]
        select = MED9, listed-word
        fail-on = error
        today = 2026-11-21
        rulesets = house.yaml
        exclude = drafts/old
        jobs = 2
        per-file-ignores =
            drafts/*.txt: MED901, plain-words
            faq.md: MED9

        [medlint.rule.listed-word]
        words = banana, cherry
        min-length = 3
        severity = error
        """, "house.yaml": HOUSE_RULESET})
    config = configfile.load_config(str(tmp_path / "setup.cfg"))
    assert config.select == ["MED9", "listed-word"]
    assert config.fail_on == "error" and config.today == dt.date(2026, 11, 21) and config.jobs == 2
    assert config.rulesets == [str(tmp_path / "house.yaml")]
    assert config.per_file_ignores == {"drafts/*.txt": ["MED901", "plain-words"], "faq.md": ["MED9"]}
    assert config.rule_options == {"listed-word": {"words": ["banana", "cherry"], "min-length": 3}}
    assert config.severities == {"listed-word": "error"}
    assert config.exclude == ["drafts/old"]


def test_rule_options_reach_the_rule_and_cli_overrides_severity(tmp_path, word_rule):
    write(tmp_path, {"a.txt": "An apple and a fig.\n", ".medlint.yaml": "select: [listed-word]\n"})
    assert codes(run_cli("check", "a.txt", "--format", "json", cwd=tmp_path)) == []
    write(tmp_path, {".medlint.yaml": "select: [listed-word]\nrule:\n  listed-word:\n    words: [apple, fig]\n"
                                      "    min_length: 4\n    severity: info\n"})
    result = run_cli("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert [(f["code"], f["severity"], f["message"]) for f in json.loads(result.out)["findings"]] == [
        ("MED599", "info", "Listed word 'apple'")]
    assert result.code == 0
    assert run_cli("check", "a.txt", "--fail-on", "info", cwd=tmp_path).code == 1


def test_today_in_config(tmp_path):
    write(tmp_path, {".medlint.yaml": "today: 2026-11-21\n", "b/pyproject.toml": "[tool.medlint]\ntoday = 2025-01-02\n"})
    assert configfile.load_config(str(tmp_path / ".medlint.yaml")).today == dt.date(2026, 11, 21)
    assert configfile.load_config(str(tmp_path / "b/pyproject.toml")).today == dt.date(2025, 1, 2)


def test_per_file_ignores_globs_are_relative_to_the_config_file(project):
    write(project, {".medlint.yaml": """\
        select: [MED9]
        rulesets: [house.yaml]
        per-file-ignores:
          "sub/*.txt": [MED901]
          "top.txt": [MED9]
        """, "sub/pyproject.toml": "", "sub/inner.txt": "A wonder drug we utilize.\n"})
    result = run_cli("check", "top.txt", "sub/inner.txt", "--format", "json", cwd=project)
    assert codes(result) == [("sub/inner.txt", "MED902")]
    result = run_cli("check", "inner.txt", "--format", "json", cwd=project / "sub")  # same globs from below
    assert codes(result) == [("inner.txt", "MED902")]


def test_config_exclude_applies_relative_to_the_config(project):
    write(project, {".medlint.yaml": "select: [MED9]\nrulesets: [house.yaml]\nexclude: [sub, other/*.txt]\n"})
    result = run_cli("check", ".", "--format", "json", cwd=project)
    assert codes(result) == [("top.txt", "MED901"), ("top.txt", "MED902")]


@pytest.mark.parametrize("name, text, message", [
    (".medlint.yaml", "select: [MED9]\nfail_on: error\n", ".medlint.yaml:2: unknown key 'fail_on' in the medlint "
                                                          "configuration (did you mean 'fail-on'?)"),
    (".medlint.yaml", "jobs: many\n", ".medlint.yaml:1: jobs must be an integer, not the string 'many'"),
    (".medlint.yaml", "fail-on: fatal\n", ".medlint.yaml:1: fail-on must be error, warning or info, not 'fatal'"),
    (".medlint.yaml", "rule:\n  listed-word:\n    min-len: 6\n",
     ".medlint.yaml:3: unknown option 'min-len' for listed-word (did you mean 'min-length'?)"),
    (".medlint.yaml", "rule:\n  listed-word:\n    min-length: six\n",
     ".medlint.yaml:3: option 'min-length' of listed-word must be int like 1, not 'six'"),
    (".medlint.yaml", "rule:\n  listed-words: {}\n",
     ".medlint.yaml:2: unknown rule 'listed-words' (did you mean 'listed-word'?)"),
    (".medlint.yaml", "ignore: [placeholder-links]\n",
     ".medlint.yaml: unknown rule selector 'placeholder-links' (did you mean 'placeholder-link'?)"),
    ("pyproject.toml", "[tool.medlint]\nselects = ['MED1']\n",
     "pyproject.toml: unknown key 'selects' in the medlint configuration (did you mean 'select'?)"),
    ("pyproject.toml", "[tool.medlint\n", "pyproject.toml: invalid TOML"),
    ("setup.cfg", "[medlint]\ntoday = tomorrow\n", "setup.cfg: today must be a date like 2026-11-21"),
    ("setup.cfg", "[medlint]\n[medlint.rules.listed-word]\nmin-length = 3\n",
     "setup.cfg: unknown section [medlint.rules.listed-word]"),
])
def test_invalid_config_exits_2_naming_the_file(tmp_path, word_rule, name, text, message):
    write(tmp_path, {name: text, "a.txt": "fine\n"})
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.code == 2
    assert message in result.err.replace(str(tmp_path) + "/", "")
    assert "Traceback" not in result.err


def test_load_config_reports_a_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        configfile.load_config(str(tmp_path / "nope.toml"))
    result = run_cli("check", "x.txt", "--config", "nope.yaml", cwd=tmp_path)
    assert result.code == 2 and "nope.yaml: config file not found" in result.err


def test_config_may_name_house_rules_of_its_rulesets_and_a_bad_ruleset_is_reported(tmp_path):
    write(tmp_path, {"house.yaml": HOUSE_RULESET, "a.txt": "A wonder drug.\n",
                     ".medlint.yaml": "rulesets: [house.yaml]\nselect: [no-wonder-drug]\n"
                                      "rule:\n  no-wonder-drug: {severity: info}\n"})
    result = run_cli("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert [(f["code"], f["severity"]) for f in json.loads(result.out)["findings"]] == [("MED901", "info")]
    write(tmp_path, {".medlint.yaml": "rulesets: [missing.yaml]\nselect: [no-wonder-drug]\n"})
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.code == 2 and result.err == f"medlint: {tmp_path}/missing.yaml: ruleset file not found\n"
