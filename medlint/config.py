"""Configuration (MINIMAL CONTRACT: the CLI/config work extends this, keeping these fields)."""
from __future__ import annotations

import datetime as _dt
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
    jobs: int = 1
    options: dict[str, Any] = field(default_factory=dict)        # global options (date_order, ...)
