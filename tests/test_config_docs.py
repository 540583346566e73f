"""The configuration examples in docs/configuration.md are valid configuration files."""
from __future__ import annotations

import os
import re

import pytest

from medlint import configfile, ruleset_loader

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = open(os.path.join(ROOT, "docs", "configuration.md"), encoding="utf-8").read()
BLOCKS = re.findall(r"```(yaml|toml|ini)\n(.*?)```", DOC, re.S)
NAMES = {"yaml": ".medlint.yaml", "toml": "pyproject.toml", "ini": "setup.cfg"}


@pytest.mark.parametrize("kind, body", [b for b in BLOCKS if "house-rules" not in b[1]], ids=lambda v: v[:4])
def test_config_examples_load(tmp_path, kind, body):
    (tmp_path / "house-style.yaml").write_text("name: empty\n", encoding="utf-8")
    path = tmp_path / NAMES[kind]
    path.write_text(body, encoding="utf-8")
    config = configfile.load_config(str(path))
    assert config.rule_options == {"stale-review-date": {"max-review-age": 6}}


def test_ruleset_example_loads(tmp_path):
    (body,) = [b for kind, b in BLOCKS if "house-rules" in b]
    path = tmp_path / "house.yaml"
    path.write_text(body, encoding="utf-8")
    resolved = ruleset_loader.resolve([str(path)])
    assert [r.name for r in resolved.house] == ["hype-words"]
    assert resolved.settings["useless-suppression"].enabled is False
