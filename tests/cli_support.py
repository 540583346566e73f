"""Helpers for the CLI tests: run ``medlint`` in-process (fast) and write fixture trees."""
from __future__ import annotations

import contextlib
import io
import os
import sys
import textwrap
from dataclasses import dataclass

import pytest

from medlint.cli import main
from medlint.findings import Severity
from medlint.rules.base import Rule


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: str | os.PathLike | None = None, stdin: bytes | None = None) -> Result:
    """``medlint ARGS`` in this process, from ``cwd``, with ``stdin`` bytes; exit code and output."""
    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_stdin = os.getcwd(), sys.stdin
    try:
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())


def write(root, files: dict[str, str | bytes]) -> None:
    """Create ``files`` (relative path -> text or bytes) under ``root``; text is dedented."""
    for rel, content in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(content, bytes):
            with open(path, "wb") as handle:
                handle.write(content)
        else:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(textwrap.dedent(content))


# A ruleset with house rules that fire on words chosen for the tests, so the CLI tests do not
# depend on how the built-in rules evolve. Tests select them with --select MED9.
HOUSE_RULESET = """\
name: test-house
house-rules:
  - code: MED901
    name: no-wonder-drug
    type: phrase
    severity: error
    phrases: [wonder drug]
  - code: MED902
    name: plain-words
    type: swap
    severity: warning
    message: "Prefer plain words to {match!r}"
    swaps:
      utilize: use
      in order to: to
  - code: MED903
    name: gentle-note
    type: phrase
    severity: info
    phrases: [please note]
"""


class WordRule(Rule):
    """A rule with options, registered only by the ``word_rule`` fixture (see test_config_files).

    ## What it does
    Flags the words listed in its ``words`` option.
    """

    code = "MED599"
    name = "listed-word"
    severity = Severity.WARNING
    summary = "A listed word"
    message = "Listed word {word!r}"
    default_options = {"words": [], "min-length": 1}

    def check(self, document):
        import re
        for word in self.options["words"]:
            if len(word) >= self.options["min-length"]:
                for m in re.finditer(re.escape(word), document.prose):
                    yield self.finding(document, m.start(), m.end(), word=word)


@pytest.fixture
def word_rule(monkeypatch):
    """Register :class:`WordRule` (MED599 listed-word, a rule with options) for one test."""
    from medlint import configfile, ruleset_loader
    from medlint.rules import registry

    def clear():
        for cache in (ruleset_loader.builtin_rules, ruleset_loader._resolve, configfile._load):
            cache.cache_clear()
    monkeypatch.setitem(registry.RULES, "MED599", "cli_support:WordRule")
    clear()
    yield
    clear()
