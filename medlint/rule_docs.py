"""``medlint rules`` and ``medlint explain``: the rule table and one rule's documentation.

Both read rule classes and rulesets only (no spaCy, no lexicon), so they answer instantly.
"""
from __future__ import annotations

import json
from dataclasses import replace

from medlint import ruleset_loader, selection
from medlint.config import Config
from medlint.errors import UsageError
from medlint.yaml_schema import did_you_mean


def all_rules(config: Config) -> list:
    """Every rule (built-in and house) with the severity and options the rulesets and config give."""
    everything = replace(config, select=["ALL"], ignore=[])
    return selection.build_rules(everything, ruleset_loader.house_rules(config))


def rows(config: Config) -> list[dict]:
    resolved = ruleset_loader.load(config)
    out = []
    for rule in all_rules(config):
        setting = resolved.settings.get(rule.name)
        default = True if setting is None or setting.enabled is None else setting.enabled
        out.append({
            "code": rule.code, "name": rule.name, "severity": rule.severity.value, "summary": rule.summary,
            "enabled": selection.is_selected(rule.code, rule.name, config.select, config.ignore, default),
            "fixable": bool(rule.fixable), "house": rule.code.startswith("MED9"),
        })
    return out


def render_rules(table: list[dict], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(table, indent=2) + "\n"
    width = max((len(r["name"]) for r in table), default=4)
    lines = []
    for r in table:
        flags = "" if r["enabled"] else "  (disabled)"
        lines.append(f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}{flags}")
    return "\n".join(lines) + "\n"


def find(key: str, config: Config):
    """The rule named or coded ``key`` (case-insensitive), or a UsageError with a suggestion."""
    wanted = key.strip().lower()
    rules = all_rules(config)
    for rule in rules:
        if wanted in (rule.code.lower(), rule.name):
            return rule
    raise UsageError(f"no rule {key!r}{did_you_mean(wanted, [r.name for r in rules])}; "
                     "`medlint rules` lists them")


def explain(key: str, config: Config) -> str:
    rule = find(key, config)
    header = f"{rule.code} {rule.name} ({rule.severity.value}{', fixable' if rule.fixable else ''})"
    return f"{header}\n\n{rule.doc().strip()}\n"
