"""Finding and reading configuration files into a :class:`~medlint.config.Config`.

The nearest of ``.medlint.yaml``, ``pyproject.toml`` (``[tool.medlint]``) and ``setup.cfg``
(``[medlint]``), walking up from the linted file (from the working directory for stdin), is
used; in one directory they are tried in that order, and a pyproject.toml or setup.cfg without
a medlint section does not count. The keys are the same in all three (docs/configuration.md);
an unknown key is an error with a suggestion, naming the file (and the line, for YAML).
"""
from __future__ import annotations

import configparser
import datetime as _dt
import os
import sys
from functools import lru_cache
from typing import Any

from medlint import ruleset_loader, selection, yaml_schema
from medlint.config import Config
from medlint.errors import ConfigError
from medlint.yaml_schema import Checker, did_you_mean, key_line, value_line

CONFIG_FILES = (".medlint.yaml", "pyproject.toml", "setup.cfg")
KEYS = ("select", "ignore", "fail-on", "today", "rulesets", "per-file-ignores", "exclude", "model",
        "jobs", "rule", "options")
LIST_KEYS = ("select", "ignore", "rulesets", "exclude")


def find_config(directory: str) -> str | None:
    """The nearest config file at or above ``directory`` that has a medlint section."""
    directory = os.path.abspath(directory)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and _has_medlint_section(candidate):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def config_for(path: str) -> str | None:
    """The config file governing ``path`` (a file or directory; ``-`` means the working directory)."""
    if path == "-":
        return find_config(os.getcwd())
    full = os.path.abspath(path)
    return find_config(full if os.path.isdir(full) else os.path.dirname(full))


def _has_medlint_section(path: str) -> bool:
    name = os.path.basename(path)
    if name.endswith((".yaml", ".yml")):
        return True
    try:
        return _raw(path) is not None
    except ConfigError:
        return True  # a broken medlint section is still ours: report it when loading


def load_config(path: str) -> Config:
    """Read and validate the config file at ``path`` (cached while the file is unchanged).

    The result is shared: copy it before changing it.
    """
    path = os.path.abspath(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ConfigError("config file not found", path=path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror or exc}", path=path) from None
    return _load(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=64)
def _load(path: str, _mtime: int, _size: int) -> Config:
    data = _raw(path)
    if data is None:
        section = "[tool.medlint]" if path.endswith(".toml") else "[medlint]"
        raise ConfigError(f"no {section} section", path=path)
    return _build(data, path, ini=path.endswith((".cfg", ".ini")))


def _raw(path: str) -> dict | None:
    """The medlint mapping of a config file, or None when the file has no medlint section."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("config file is not valid UTF-8", path=path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror or exc}", path=path) from None
    if path.endswith((".yaml", ".yml")):
        data = yaml_schema.load(text, path, ConfigError)
        return yaml_schema.MarkedDict() if data is None else data
    if path.endswith(".toml"):
        return _toml(text, path)
    return _ini(text, path)


def _toml(text: str, path: str) -> dict | None:
    if sys.version_info >= (3, 11):
        import tomllib  # lazy: only pyproject.toml users pay for it
    else:  # pragma: no cover - exercised on Python < 3.11 only
        import tomli as tomllib  # lazy: the backport of tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=path) from None
    tool = data.get("tool")
    return tool.get("medlint") if isinstance(tool, dict) else None


def _ini(text: str, path: str) -> dict | None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep key case: unknown keys are reported as written
    try:
        parser.read_string(text, source=path)
    except configparser.Error as exc:
        raise ConfigError(f"invalid INI: {exc.message if hasattr(exc, 'message') else exc}", path=path) from None
    if not parser.has_section("medlint"):
        return None
    data: dict[str, Any] = dict(parser.items("medlint"))
    for section in parser.sections():
        if section == "medlint":
            continue
        if section == "medlint.options":
            data["options"] = dict(parser.items(section))
        elif section.startswith("medlint.rule."):
            data.setdefault("rule", {})[section[len("medlint.rule."):]] = dict(parser.items(section))
        elif section.startswith("medlint"):
            raise ConfigError(f"unknown section [{section}]"
                              f"{did_you_mean(section, ['medlint.options', 'medlint.rule.NAME'])}; "
                              "rule options go in [medlint.rule.RULE-NAME]", path=path)
    return data


def _split(value: Any) -> Any:
    """An INI value ``a, b`` or one per line as a list."""
    if isinstance(value, str):
        return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]
    return value


def _build(data: Any, path: str, ini: bool) -> Config:
    checker = Checker(path, ConfigError)
    checker.mapping(data, 1, "the medlint configuration")
    checker.keys(data, KEYS, "the medlint configuration")
    config = Config(config_file=path)
    base = os.path.dirname(path)
    for key in LIST_KEYS:
        if key in data:
            if ini:
                data[key] = _split(data[key])
            setattr(config, key, checker.string_list(data, key, key))
    config.rulesets = [os.path.join(base, os.path.expanduser(p)) for p in config.rulesets]
    if "fail-on" in data:
        config.fail_on = checker.severity(data, "fail-on", "fail-on").value
    if "today" in data:
        config.today = parse_date(data["today"], lambda msg: checker.fail(value_line(data, "today"), msg))
    if "model" in data:
        config.model = checker.string(data, "model", "model")
    if "jobs" in data:
        if ini:
            data["jobs"] = _int(data["jobs"])
        config.jobs = checker.typed(data, "jobs", int, "jobs")
        if config.jobs < 0:
            checker.fail(value_line(data, "jobs"), "jobs must be 0 (one per CPU) or more")
    if "per-file-ignores" in data:
        config.per_file_ignores = _per_file_ignores(data, checker, ini)
    if "options" in data:
        options = checker.mapping(data["options"], value_line(data, "options"), "options")
        config.options = {str(k).replace("-", "_"): v for k, v in options.items()}
    resolved = ruleset_loader.resolve(ruleset_loader.ruleset_paths(config))  # house rules may be named below
    if "rule" in data:
        _rule_tables(data, checker, config, ini, resolved)
    known = selection.known_rules(resolved.house)
    selectors = list(config.select or []) + config.ignore + [s for v in config.per_file_ignores.values() for s in v]
    selection.check_selectors(selectors, known, origin=path)
    return config


def _int(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def parse_date(value: Any, fail) -> _dt.date:
    """A ``YYYY-MM-DD`` date from YAML/TOML (already a date) or a string."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        fail(f"today must be a date like 2026-11-21, not {value!r}")
        raise AssertionError("unreachable") from None


def _per_file_ignores(data: dict, checker: Checker, ini: bool) -> dict[str, list[str]]:
    value = data["per-file-ignores"]
    if ini and isinstance(value, str):  # flake8 style: one "glob: selectors" per line
        out: dict[str, list[str]] = {}
        for line in value.splitlines():
            if not line.strip():
                continue
            glob, sep, selectors = line.rpartition(":")
            if not sep or not glob.strip():
                checker.fail(None, f"per-file-ignores line {line.strip()!r} must read 'GLOB: RULE, RULE'")
            out.setdefault(glob.strip(), []).extend(_split(selectors))
        return out
    mapping = checker.mapping(value, value_line(data, "per-file-ignores"), "per-file-ignores")
    return {str(glob): checker.string_list(mapping, glob, f"per-file-ignores[{glob!r}]") for glob in mapping}


def _rule_tables(data: dict, checker: Checker, config: Config, ini: bool, resolved: Any) -> None:
    tables = checker.mapping(data["rule"], value_line(data, "rule"), "rule")
    builtin = ruleset_loader.builtin_rules()
    house = {k: r for r in resolved.house for k in (r.code, r.name)}
    for rule_key, table in tables.items():
        cls = builtin.get(str(rule_key)) or house.get(str(rule_key))
        if cls is None:
            names = [k for k in list(builtin) + list(house) if not k.startswith("MED")]
            checker.fail(key_line(tables, rule_key), f"unknown rule {rule_key!r}{did_you_mean(str(rule_key), names)}")
        table = checker.mapping(table, value_line(tables, rule_key), f"rule {rule_key}")
        options: dict[str, Any] = {}
        for key, value in table.items():
            line = key_line(table, key)
            if key == "severity":
                config.severities[cls.name] = checker.severity(table, key, f"severity of {rule_key}").value
                continue
            if ini:
                value = _coerce(cls, str(key), value)
            name, value = ruleset_loader.check_option(cls, str(key), value, lambda msg, n=line: checker.fail(n, msg))
            options[name] = value
        if options:
            config.rule_options[cls.name] = options


def _coerce(cls: Any, key: str, value: str) -> Any:
    """An INI string as the type of the rule's default for ``key`` (left as is if unknown)."""
    name = ruleset_loader.option_key(cls, key)
    default = cls.default_options.get(name) if name else None
    text = value.strip()
    if isinstance(default, bool):
        lowered = text.lower()
        return {"true": True, "yes": True, "on": True, "1": True,
                "false": False, "no": False, "off": False, "0": False}.get(lowered, value)
    if isinstance(default, (int, float)):
        for kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                continue
    if isinstance(default, (list, tuple, set, frozenset)):
        return _split(text)
    return value
