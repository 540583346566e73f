"""YAML rulesets: turn rules on or off, set severities and options, declare house rules.

The shipped ``default.yaml`` (package ``medlint.rulesets``) is always loaded first, then the
files named by the ``rulesets`` config key and ``--ruleset``, in that order; later files win.
A ruleset is data only (safe loader, no Python). Its schema::

    name: house-style              # optional
    description: ...               # optional
    rules:                         # optional: rule name or code -> setting
      placeholder-link: error      #   a severity (enables the rule)
      duplicate-content: off       #   off / on
      stale-review-date:           #   or a mapping
        enabled: true
        severity: warning
        options: {max-review-age: 6}
    house-rules:                   # optional: rules without Python (see medlint.rules.house)
      - {code: MED901, name: ..., type: phrase|swap|pattern|requires, ...}

Any mistake is a :class:`~medlint.errors.RulesetError` naming the file and line.
"""
from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from medlint import resources, yaml_schema
from medlint.errors import RulesetError
from medlint.findings import Severity
from medlint.yaml_schema import Checker, did_you_mean, key_line, value_line

DEFAULT_RULESET = "default.yaml"
HOUSE_TYPES = {
    "phrase": "medlint.rules.house.phrase:PhraseRule",
    "swap": "medlint.rules.house.swap:SwapRule",
    "pattern": "medlint.rules.house.pattern:PatternRule",
    "requires": "medlint.rules.house.requires:RequiresRule",
}
TOP_KEYS = ("name", "description", "rules", "house-rules")
SETTING_KEYS = ("enabled", "severity", "options")
_HOUSE_CODE = re.compile(r"MED9\d\d")
_RULE_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


@dataclass
class RuleSetting:
    """What the loaded rulesets say about one rule (None: not said)."""

    enabled: bool | None = None
    severity: Severity | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Resolved:
    """All loaded rulesets merged: settings by rule name, and the house rules."""

    settings: dict[str, RuleSetting]
    house: list


@lru_cache(maxsize=1)
def builtin_rules() -> dict[str, type]:
    """Registered rule classes by code and by name (rule modules are light to import)."""
    from medlint.rules import registry  # lazy: keeps this module importable on its own
    table: dict[str, type] = {}
    for cls in registry.all_rule_classes():
        table[cls.code] = cls
        table[cls.name] = cls
    return table


def option_key(cls: Any, key: str) -> str | None:
    """``key`` as spelled in ``cls.default_options`` (kebab-case and snake_case both accepted)."""
    options = getattr(cls, "default_options", {}) or {}
    for candidate in (key, key.replace("-", "_"), key.replace("_", "-")):
        if candidate in options:
            return candidate
    return None


def check_option(cls: Any, key: str, value: Any, fail) -> tuple[str, Any]:
    """Validate one rule option against the rule's defaults; ``fail(message)`` raises."""
    options = getattr(cls, "default_options", {}) or {}
    name = option_key(cls, key)
    if name is None:
        known = sorted({k.replace("_", "-") for k in options})
        hint = did_you_mean(key.replace("_", "-"), known) or (
            f" (options: {', '.join(known)})" if known else f" ({cls.name} has no options)")
        fail(f"unknown option {key!r} for {cls.name}{hint}")
    default = options[name]
    if default is not None and not _same_type(value, default):
        fail(f"option {key!r} of {cls.name} must be {type(default).__name__} like {default!r}, not {value!r}")
    if isinstance(default, float) and isinstance(value, int):
        value = float(value)
    return name, _plain(value)


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and (isinstance(default, float) or isinstance(value, int))
    if isinstance(default, (list, tuple, set, frozenset)):
        return isinstance(value, list)
    return isinstance(value, type(default))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise RulesetError("ruleset file not found", path=path) from None
    except UnicodeDecodeError:
        raise RulesetError("ruleset file is not valid UTF-8", path=path) from None
    except OSError as exc:
        raise RulesetError(f"cannot read ruleset file: {exc.strerror or exc}", path=path) from None


def _parse(path: str) -> tuple[dict, Checker]:
    checker = Checker(path, RulesetError)
    data = yaml_schema.load(_read(path), path, RulesetError)
    if data is None:
        data = yaml_schema.MarkedDict()
    checker.mapping(data, 1, "a ruleset")
    checker.keys(data, TOP_KEYS, "the ruleset")
    for key in ("name", "description"):
        if key in data:
            checker.string(data, key, key)
    return data, checker


def _house_rule(spec: Any, line: int | None, checker: Checker) -> Any:
    from medlint.rules.house.base import COMMON_KEYS  # lazy: only files with house rules need it
    checker.mapping(spec, line, "a house rule")
    checker.keys(spec, COMMON_KEYS + tuple(sorted({k for path in HOUSE_TYPES.values()
                                                   for k in _house_class(path).type_keys})),
                 "a house rule", required=("code", "name", "type"))
    kind = checker.string(spec, "type", "type")
    if kind not in HOUSE_TYPES:
        checker.fail(value_line(spec, "type"), f"unknown house rule type {kind!r}{did_you_mean(kind, HOUSE_TYPES)}"
                     f" (types: {', '.join(HOUSE_TYPES)})")
    cls = _house_class(HOUSE_TYPES[kind])
    checker.keys(spec, COMMON_KEYS + cls.type_keys, f"a {kind} rule", required=cls.required_type_keys)
    code = checker.string(spec, "code", "code")
    if not _HOUSE_CODE.fullmatch(code):
        checker.fail(value_line(spec, "code"), f"house rule code {code!r} must be MED900-MED999")
    name = checker.string(spec, "name", "name")
    if not _RULE_NAME.fullmatch(name):
        checker.fail(value_line(spec, "name"), f"rule name {name!r} must be kebab-case like 'no-hype-words'")
    clean = dict(spec)
    if "severity" in spec:
        clean["severity"] = checker.severity(spec, "severity", "severity")
    for key in ("message", "summary", "description"):
        if key in spec:
            checker.string(spec, key, key)
    clean = _Spec(clean, line, spec)
    return cls(clean, checker)


class _Spec(dict):
    """A validated house rule mapping that keeps the YAML lines of the original."""

    def __init__(self, data: dict, line: int | None, original: Any):
        super().__init__(data)
        self.line = line
        self.key_lines = getattr(original, "key_lines", {})
        self.value_lines = getattr(original, "value_lines", {})


@lru_cache(maxsize=None)
def _house_class(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def _setting(value: Any, line: int | None, cls: Any, checker: Checker, rule: str) -> RuleSetting:
    if isinstance(value, bool):
        return RuleSetting(enabled=value)
    if isinstance(value, str):
        holder = yaml_schema.MarkedDict(severity=value)
        holder.value_lines = {"severity": line}
        return RuleSetting(enabled=True, severity=checker.severity(holder, "severity", f"the setting of {rule}"))
    if not isinstance(value, dict):
        checker.fail(line, f"the setting of {rule} must be on, off, a severity or a mapping, not {value!r}")
    checker.keys(value, SETTING_KEYS, f"the setting of {rule}")
    setting = RuleSetting()
    if "enabled" in value:
        setting.enabled = checker.typed(value, "enabled", bool, "enabled")
    if "severity" in value:
        setting.severity = checker.severity(value, "severity", "severity")
        setting.enabled = True if setting.enabled is None else setting.enabled
    if "options" in value:
        options = checker.mapping(value["options"], value_line(value, "options"), "options")
        for key, option in options.items():
            name, option = check_option(cls, str(key), option,
                                        lambda msg, k=key: checker.fail(key_line(options, k), msg))
            setting.options[name] = option
    return setting


def _merge(into: RuleSetting, new: RuleSetting) -> None:
    if new.enabled is not None:
        into.enabled = new.enabled
    if new.severity is not None:
        into.severity = new.severity
    into.options.update(new.options)


def _stamp(path: str) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return path, -1, -1  # reported as "not found" when read
    return path, st.st_mtime_ns, st.st_size


def resolve(paths: list[str] | tuple[str, ...]) -> Resolved:
    """Load and merge the rulesets at ``paths`` (default first is the caller's job)."""
    return _resolve(tuple(_stamp(os.path.abspath(p)) for p in paths), resources.ruleset_path(DEFAULT_RULESET))


@lru_cache(maxsize=16)
def _resolve(stamps: tuple[tuple[str, int, int], ...], default_path: str) -> Resolved:
    parsed = [_parse(path) for path, _, _ in stamps]
    builtin = builtin_rules()
    house: list = []
    by_key: dict[str, Any] = {}
    for data, checker in parsed:
        specs = data.get("house-rules") or []
        if not isinstance(specs, list):
            checker.fail(value_line(data, "house-rules"), "house-rules must be a list of rules")
        for i, spec in enumerate(specs):
            rule = _house_rule(spec, yaml_schema.item_line(specs, i), checker)
            for key in (rule.code, rule.name):
                if key in builtin or key in by_key:
                    other = getattr(by_key.get(key), "origin", "a built-in rule")
                    checker.fail(yaml_schema.item_line(specs, i), f"{key} is already used by {other}")
                by_key[key] = rule
            house.append(rule)
    settings: dict[str, RuleSetting] = {}
    for data, checker in parsed:
        rules = data.get("rules") or {}
        checker.mapping(rules, value_line(data, "rules"), "rules")
        for key, value in rules.items():
            cls = builtin.get(str(key)) or by_key.get(str(key))
            if cls is None:
                if os.path.abspath(checker.path) == os.path.abspath(default_path):
                    continue  # the shipped default may name a rule this build does not register
                names = [k for k in list(builtin) + list(by_key) if not k.startswith("MED")]
                checker.fail(key_line(rules, key), f"unknown rule {key!r}{did_you_mean(str(key), names)}")
            setting = _setting(value, value_line(rules, key), cls, checker, str(key))
            _merge(settings.setdefault(cls.name, RuleSetting()), setting)
    return Resolved(settings, house)


def ruleset_paths(config: Any) -> list[str]:
    """The shipped default ruleset followed by the configured ones."""
    return [resources.ruleset_path(DEFAULT_RULESET), *config.rulesets]


def load(config: Any) -> Resolved:
    return resolve(ruleset_paths(config))


def house_rules(config: Any) -> list:
    """The house rules declared by every loaded ruleset (all of them; selection filters)."""
    return list(load(config).house)
