"""Command-line value parsing shared by ``medlint check`` and ``medlint evaluate``."""
from __future__ import annotations

import datetime as _dt
from typing import Iterable

import click


def parse_date(ctx, param, value):
    """click callback: ``YYYY-MM-DD`` -> ``datetime.date`` (None stays None)."""
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, not {value!r}") from None


def split_selectors(values: Iterable[str] | None) -> list[str]:
    """``("MED1,placeholder-link", "MED3")`` -> ``["MED1", "placeholder-link", "MED3"]``."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]
