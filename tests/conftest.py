"""Shared test helpers: lint a small fixture text with chosen rules."""
from __future__ import annotations

import datetime as dt

import pytest

from medlint.config import Config
from medlint.orchestrator import lint_text


def run_lint(text: str, fmt: str = "markdown", select=None, today: str = "2026-11-21", **config_fields):
    config = Config(select=list(select) if select else None, today=dt.date.fromisoformat(today), **config_fields)
    return lint_text(text, format=fmt, config=config)


@pytest.fixture
def lint():
    """``lint(text, fmt="markdown", select=["rule-name"], today="2026-11-21")`` -> findings."""
    return run_lint


def quote_of(text: str, finding) -> str:
    """The source text a finding points at."""
    return text[finding.start:finding.end]
