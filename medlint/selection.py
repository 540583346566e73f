"""Which rules run: rulesets, select/ignore, per-file ignores.

A selector is a rule name (``placeholder-link``), a code (``MED101``), a code prefix (``MED1``,
``MED``) or ``ALL``. As in flake8 and ruff, the most specific match wins: a name or full code
beats a prefix, a longer prefix beats a shorter one; on a tie, ignore wins. With no ``select``
the rules enabled by the loaded rulesets run (a rule no ruleset mentions is enabled); an
explicit ``select`` replaces that default set.
"""
from __future__ import annotations

import copy
import fnmatch
import os
import re

from medlint import ruleset_loader
from medlint.config import Config
from medlint.errors import ConfigError, UsageError
from medlint.findings import Severity
from medlint.rules import registry
from medlint.yaml_schema import did_you_mean

_PREFIX = re.compile(r"MED\d{0,3}", re.IGNORECASE)


def _matches(selector: str, code: str, name: str) -> int:
    """Specificity of ``selector`` for a rule (0: no match). Names and full codes match whole."""
    s = selector.strip()
    if s.lower() == name or s.upper() == code:
        return 100
    if s.upper() == "ALL":
        return 1
    if _PREFIX.fullmatch(s) and code.startswith(s.upper()):
        return 1 + len(s)
    return 0


def is_selected(code: str, name: str, select: list[str] | None, ignore: list[str], default: bool = True) -> bool:
    """Whether a rule runs under ``select``/``ignore`` (``default`` when select is None)."""
    if select is None:
        best_select = 1 if default else 0
    else:
        best_select = max((_matches(s, code, name) for s in select), default=0)
    best_ignore = max((_matches(s, code, name) for s in ignore), default=0)
    return best_select > 0 and best_select > best_ignore


def _enabled(setting: ruleset_loader.RuleSetting | None) -> bool:
    return True if setting is None or setting.enabled is None else setting.enabled


def build_rules(config: Config, extra_rules: list | None = None) -> list:
    """Instantiate the selected rules with their ruleset and configured options and severities.

    Precedence, lowest first: the rule's own defaults, the rulesets in load order, the config.
    """
    resolved = ruleset_loader.load(config)
    rules = []
    for code in sorted(registry.RULES):
        cls = registry.load(code)
        setting = resolved.settings.get(cls.name)
        if not is_selected(cls.code, cls.name, config.select, config.ignore, _enabled(setting)):
            continue
        options = {**(setting.options if setting else {}), **config.rule_options.get(cls.name, {})}
        rules.append(cls(options, _severity(config, cls, setting)))
    for rule in extra_rules or []:
        setting = resolved.settings.get(rule.name)
        if not is_selected(rule.code, rule.name, config.select, config.ignore, _enabled(setting)):
            continue
        severity = _severity(config, rule, setting)
        if severity is not None and severity != rule.severity:
            rule = copy.copy(rule)  # house rules are shared between linters: do not mutate
            rule.severity = severity
        rules.append(rule)
    return rules


def _severity(config: Config, rule, setting) -> Severity | None:
    value = config.severities.get(rule.name) or config.severities.get(rule.code)
    if value:
        return Severity.parse(value)
    return setting.severity if setting else None


def known_rules(extra_rules: list | None = None) -> dict[str, str]:
    """Lower-cased name and code of every rule that exists (selected or not) -> its code."""
    table = {key.lower(): cls.code for key, cls in ruleset_loader.builtin_rules().items()}
    for rule in extra_rules or []:
        table[rule.code.lower()] = rule.code
        table[rule.name.lower()] = rule.code
    return table


def check_selectors(selectors: list[str], known: dict[str, str], *, origin: str | None = None,
                    what: str = "selector") -> None:
    """Refuse a selector that matches no rule: names a rule that does not exist, or is no code prefix."""
    for selector in selectors:
        s = selector.strip()
        if s.upper() == "ALL" or s.lower() in known or _PREFIX.fullmatch(s):
            continue
        names = sorted(k for k in known if not k.startswith("med"))
        message = f"unknown rule {what} {s!r}{did_you_mean(s.lower(), names)}"
        if origin:
            raise ConfigError(message, path=origin)
        raise UsageError(message)


def ignored_for_path(path: str, config: Config) -> list[str]:
    """Selectors ignored for ``path`` by ``per_file_ignores`` globs.

    A glob is matched against the path relative to the config file's directory, the path as
    given, and the file name, with ``/`` separators.
    """
    if not config.per_file_ignores:
        return []
    given = path.replace(os.sep, "/")
    candidates = {given, given.rsplit("/", 1)[-1]}
    if path and not path.startswith("<"):
        candidates.add(os.path.relpath(os.path.abspath(path), config.root).replace(os.sep, "/"))
    out: list[str] = []
    for pattern, selectors in config.per_file_ignores.items():
        if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
            out.extend(selectors)
    return out
