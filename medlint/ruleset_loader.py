"""YAML rulesets (STUB: the rulesets work implements loading, validation and house rules)."""
from __future__ import annotations


def house_rules(config):
    return []
