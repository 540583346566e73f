"""Which rules run: select/ignore by code, prefix or name (longest match wins), per-file ignores."""
from __future__ import annotations

import fnmatch

from medlint.config import Config
from medlint.findings import Severity
from medlint.rules import registry


def _matches(selector: str, code: str, name: str) -> int:
    """Length of the match of ``selector`` against a rule (0: no match). Names match whole."""
    s = selector.strip()
    if s.lower() == name or s.upper() == code:
        return 100
    if s.upper() == "ALL":
        return 1
    if code.startswith(s.upper()):
        return len(s)
    return 0


def is_selected(code: str, name: str, select: list[str] | None, ignore: list[str], default: bool = True) -> bool:
    best_select = max((_matches(s, code, name) for s in select), default=0) if select else (1 if default else 0)
    best_ignore = max((_matches(s, code, name) for s in ignore), default=0)
    return best_select > 0 and best_select >= best_ignore if best_ignore else best_select > 0


def build_rules(config: Config, extra_rules: list | None = None) -> list:
    """Instantiate the selected rules with their configured options and severities."""
    rules = []
    for code in sorted(registry.RULES):
        cls = registry.load(code)
        if not is_selected(cls.code, cls.name, config.select, config.ignore):
            continue
        severity = config.severities.get(cls.name) or config.severities.get(cls.code)
        rules.append(cls(config.rule_options.get(cls.name, {}), Severity.parse(severity) if severity else None))
    for rule in extra_rules or []:
        if is_selected(rule.code, rule.name, config.select, config.ignore):
            rules.append(rule)
    return rules


def ignored_for_path(path: str, config: Config) -> list[str]:
    """Selectors ignored for ``path`` by ``per_file_ignores`` globs."""
    out: list[str] = []
    for pattern, selectors in config.per_file_ignores.items():
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.replace("\\", "/").split("/")[-1], pattern):
            out.extend(selectors)
    return out
