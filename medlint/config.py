"""Configuration: what to check and how, after config files and command-line flags are merged.

:mod:`medlint.configfile` finds and reads ``.medlint.yaml`` / ``pyproject.toml`` /
``setup.cfg`` into a :class:`Config`; the CLI then overrides fields from its flags. The library
API takes a :class:`Config` directly (``Config()`` gives the defaults).
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Config:
    select: list[str] | None = None          # codes, prefixes or names; None = the defaults
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)     # rule name -> severity
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule name -> options
    rulesets: list[str] = field(default_factory=list)            # extra ruleset files
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    today: _dt.date | None = None
    model: str | None = None
    fail_on: str = "warning"
    exclude: list[str] = field(default_factory=list)
    jobs: int | None = None  # None: automatic (one per CPU for 16+ files); 0: one per CPU
    options: dict[str, Any] = field(default_factory=dict)        # global options (date_order, ...)
    config_file: str | None = None  # the file these settings came from (None: defaults / API)

    @property
    def root(self) -> str:
        """Directory that relative globs (per-file-ignores, exclude) are matched against."""
        return os.path.dirname(os.path.abspath(self.config_file)) if self.config_file else os.getcwd()
