"""Packaging checks: every package directory is shipped, and shipped data is found."""
from __future__ import annotations

import configparser
import os

import medlint
from medlint import resources

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _listed_packages() -> set[str]:
    parser = configparser.ConfigParser()
    parser.read(os.path.join(ROOT, "setup.cfg"))
    return {p.strip() for p in parser["options"]["packages"].split() if p.strip()}


def test_every_package_directory_is_listed_in_setup_cfg():
    package_root = os.path.dirname(medlint.__file__)
    found = set()
    for folder, _dirs, files in os.walk(package_root):
        if "__init__.py" in files and "__pycache__" not in folder:
            rel = os.path.relpath(folder, os.path.dirname(package_root))
            found.add(rel.replace(os.sep, "."))
    missing = found - _listed_packages()
    assert not missing, f"add these packages to setup.cfg [options] packages: {sorted(missing)}"


def test_no_module_shadows_the_rulesets_data_package():
    package_root = os.path.dirname(medlint.__file__)
    assert not os.path.exists(os.path.join(package_root, "rulesets.py"))
    assert not os.path.isdir(os.path.join(package_root, "rulesets"))


def test_shipped_rulesets_are_found():
    assert os.path.isfile(resources.ruleset_path("__init__.py"))
