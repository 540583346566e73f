"""User-facing errors. Each carries the exit code the CLI ends with and names the file at fault."""
from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class MedlintError(Exception):
    """Base of every error medlint reports to a user (never with a traceback)."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.detail = message
        super().__init__(self.render())

    def render(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.detail}"


class InputError(MedlintError):
    """A file that cannot be read or decoded (binary, not UTF-8, gone)."""


class ConfigError(MedlintError):
    """An invalid configuration file or option."""


class RulesetError(ConfigError):
    """An invalid YAML ruleset (names file and line)."""


class UsageError(MedlintError):
    """A wrong command-line call."""
