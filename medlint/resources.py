"""Where shipped data lives: ``medlint.rulesets`` (the top-level ``rulesets/`` directory,
mapped into the package by setup.cfg) and ``medlint/data``.

Installed (wheel or editable), ``importlib.resources`` finds both. In a bare source checkout
run with ``python -m pytest`` the mapping does not exist, so the checkout's ``rulesets/``
directory is used instead.
"""
from __future__ import annotations

import importlib.resources
import os
from functools import lru_cache


@lru_cache(maxsize=None)
def rulesets_dir() -> str:
    """Directory holding the shipped YAML rulesets."""
    try:
        path = os.fspath(importlib.resources.files("medlint.rulesets"))
        if os.path.isdir(path):
            return path
    except (ModuleNotFoundError, TypeError):  # not installed: bare source checkout
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(os.path.dirname(here), "rulesets")  # source checkout layout


def ruleset_path(name: str) -> str:
    """Path of a shipped ruleset file, e.g. ``ruleset_path("taper_classes.yaml")``."""
    return os.path.join(rulesets_dir(), name)


def read_ruleset_text(name: str) -> str:
    with open(ruleset_path(name), encoding="utf-8") as handle:
        return handle.read()


def data_path(name: str) -> str:
    """Path of a file in ``medlint/data``."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", name)


@lru_cache(maxsize=None)
def load_ruleset_yaml(name: str):
    """The parsed data of a shipped YAML ruleset, parsed once per process (several modules
    read the same file, e.g. taper_classes.yaml). Callers must not mutate the result."""
    import yaml  # lazy: YAML is parsed only when a rule needs shipped data

    return yaml.load(read_ruleset_text(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
