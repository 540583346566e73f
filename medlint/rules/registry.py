"""The one table of every rule. Add a rule: write its module, add one line here."""
from __future__ import annotations

import importlib

# code -> "module:Class". Modules are imported only when a rule is instantiated or documented.
RULES: dict[str, str] = {
    "MED101": "medlint.rules.links.placeholder_link:PlaceholderLink",
}


def load(code: str):
    module, _, cls = RULES[code].partition(":")
    return getattr(importlib.import_module(module), cls)


def all_rule_classes() -> list:
    return [load(code) for code in sorted(RULES)]
