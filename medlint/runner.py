"""``medlint check``: configuration, discovery, linting, fixes, report and exit code.

The CLI parses flags into :class:`CheckOptions` and calls :func:`run`; everything else is here
so the CLI stays thin. Linting itself is the orchestrator's (:class:`medlint.orchestrator.Linter`).

Exit codes (:mod:`medlint.errors`): 0 nothing at or above ``--fail-on``; 1 findings at or above
it (or a score under ``--fail-under``, or, with ``--diff``, files that would change); 2 a
usage, configuration or input error (unreadable files are reported and the others still
linted); 3 is left to the CLI for internal errors.
"""
from __future__ import annotations

import copy
import datetime as _dt
import os
import sys
from dataclasses import dataclass, field
from typing import IO

from medlint import configfile, discovery, reporters, selection
from medlint.config import Config
from medlint.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, MedlintError
from medlint.findings import Severity

PROGRESS_MIN_FILES = 20


@dataclass
class CheckOptions:
    """The flags of ``medlint check`` (None: not given, the config file decides)."""

    paths: list[str]
    config_file: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    rulesets: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    today: _dt.date | None = None
    model: str | None = None
    jobs: int | None = None
    exit_zero: bool = False
    format: str = "text"
    score: bool = False
    fail_under: float | None = None
    statistics: bool = False
    fix: bool = False
    diff: bool = False
    quiet: bool = False
    color: bool | None = None
    stdin_filename: str | None = None


def effective_config(base: Config | None, opts: CheckOptions) -> Config:
    """``base`` (from a config file, or the defaults) with the command-line flags applied.

    ``--select`` replaces the configured select AND ignore lists (as a new layer does in ruff);
    otherwise ``--ignore`` adds to the configured ignores. Rulesets and excludes add up.
    """
    config = copy.deepcopy(base) if base is not None else Config()
    if opts.select is not None:
        config.select, config.ignore = list(opts.select), list(opts.ignore)
    else:
        config.ignore = config.ignore + list(opts.ignore)
    config.rulesets = config.rulesets + [os.path.abspath(p) for p in opts.rulesets]
    for name in ("fail_on", "today", "model", "jobs"):
        value = getattr(opts, name)
        if value is not None:
            setattr(config, name, value)
    return config


class _Configs:
    """The effective config for each file: the nearest config file (or ``--config``) + flags."""

    def __init__(self, opts: CheckOptions):
        self.opts = opts
        self.explicit = configfile.load_config(opts.config_file) if opts.config_file else None
        self._by_file: dict[str | None, Config] = {}
        self._by_dir: dict[str, str | None] = {}

    def file_for(self, path: str) -> str | None:
        if self.opts.config_file:
            return os.path.abspath(self.opts.config_file)
        full = os.getcwd() if path == "-" else os.path.abspath(path)
        directory = full if os.path.isdir(full) else os.path.dirname(full)
        if directory not in self._by_dir:
            self._by_dir[directory] = configfile.find_config(directory)
        return self._by_dir[directory]

    def get(self, config_file: str | None) -> Config:
        if config_file not in self._by_file:
            base = self.explicit if self.opts.config_file else (
                configfile.load_config(config_file) if config_file else None)
            self._by_file[config_file] = effective_config(base, self.opts)
        return self._by_file[config_file]

    def excludes(self, path: str) -> discovery.Excludes:
        """Flag globs (relative to the working directory) and config globs (to the config's directory)."""
        config = self.get(self.file_for(path))
        return discovery.Excludes([(self.opts.exclude, None), (config.exclude, config.root)])


def run(opts: CheckOptions, stdout: IO[str] | None = None, stderr: IO[str] | None = None,
        stdin: IO[bytes] | None = None) -> int:
    """Run ``medlint check`` and return its exit code (MedlintError propagates: exit 2)."""
    from medlint import orchestrator  # lazy: the linting machinery loads only for `check`

    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    configs = _Configs(opts)
    files, results = _discover(opts, configs, orchestrator)
    groups: dict[str | None, list[str]] = {}
    for path in files:
        groups.setdefault(configs.file_for(path), []).append(path)
    stdin_config = configs.file_for("-") if "-" in opts.paths else None
    needed = [*groups, *([stdin_config] if "-" in opts.paths else [])]
    linters = {name: _linter(orchestrator, configs.get(name), opts) for name in dict.fromkeys(needed)}

    owner: dict[str, str | None] = {}  # path -> its config file
    progress = _Progress(len(files), stderr, enabled=not opts.quiet and len(files) >= PROGRESS_MIN_FILES)
    for config_file, paths in groups.items():
        config = configs.get(config_file)
        jobs = orchestrator.worker_count(config.jobs, len(paths))
        stream = (orchestrator.lint_paths_parallel(paths, config, jobs, linter=linters[config_file])
                  if jobs > 1 and len(paths) > 1 else linters[config_file].lint_paths(paths))
        for result in stream:
            owner[result.path] = config_file
            results.append(result)
            progress.step(result.path)
    progress.done()
    stdin_result = None
    if "-" in opts.paths:
        stdin_result = _lint_stdin(orchestrator, linters[stdin_config], opts, stdin)
        owner[stdin_result.path] = stdin_config
        results.append(stdin_result)
    order = {p: i for i, p in enumerate([*opts.paths, *files])}
    results.sort(key=lambda r: order.get(r.path, len(order)))

    fixed = changed = 0
    if opts.fix or opts.diff:
        from medlint import fix_run  # lazy: only --fix/--diff need it
        outcome = fix_run.apply(results, linters, owner, opts, stdout, stdin_result)
        fixed, changed = outcome.fixed, outcome.changed_files
    for error in (r.error for r in results if r.error is not None):
        print(f"medlint: {error.render()}", file=stderr)
    if opts.diff:
        return _exit(results, EXIT_FINDINGS if changed else EXIT_OK, opts)

    report = reporters.Report(results, rules=[r for linter in linters.values() for r in linter.rules],
                              color=_color(opts, stdout), quiet=opts.quiet, statistics=opts.statistics,
                              fixed=fixed)
    if opts.score or opts.fail_under is not None:
        report.score = reporters.score(results)
    out = stderr if (opts.fix and stdin_result is not None) else stdout  # stdout holds the fixed text
    out.write(reporters.render(opts.format, report))
    out.flush()
    if opts.format in ("github", "sarif") and not opts.quiet:  # their stdout stays machine-readable
        from medlint.reporters import text  # lazy: only these formats print the tail separately
        stderr.write("".join(line + "\n" for line in text.tail_lines(report)))

    failing = any(f.severity.rank >= Severity.parse(configs.get(owner.get(r.path)).fail_on).rank
                  for r in results for f in r.findings)
    if opts.fail_under is not None and report.score is not None and report.score < opts.fail_under:
        failing = True
    return _exit(results, EXIT_FINDINGS if failing else EXIT_OK, opts)


def _discover(opts: CheckOptions, configs: _Configs, orchestrator) -> tuple[list[str], list]:
    """Files to lint (in argument order, each once) and a result for each path that does not exist."""
    files: list[str] = []
    seen: set[str] = set()
    missing = []
    for path in opts.paths:
        if path == "-":
            continue
        found, errors = discovery.discover([path], configs.excludes(path))
        for name in found:
            if name not in seen:
                seen.add(name)
                files.append(name)
        missing += [orchestrator.FileResult(e.path or path, error=e) for e in errors]
    return files, missing


def _exit(results: list, code: int, opts: CheckOptions) -> int:
    if any(r.error is not None for r in results):
        return EXIT_USAGE
    return EXIT_OK if opts.exit_zero else code


def _linter(orchestrator, config: Config, opts: CheckOptions):
    linter = orchestrator.Linter(config)
    cli = list(opts.select or []) + list(opts.ignore)
    selection.check_selectors(cli, linter.known_rules)  # a typo in a flag is a usage error
    return linter


def _lint_stdin(orchestrator, linter, opts: CheckOptions, stdin: IO[bytes] | None):
    from medlint.source import decode, format_for_path
    data = (stdin or sys.stdin.buffer).read()
    name = opts.stdin_filename or "<stdin>"
    fmt = format_for_path(opts.stdin_filename, default="markdown") if opts.stdin_filename else "markdown"
    try:
        source = decode(data, name, fmt)
    except MedlintError as exc:  # binary or not UTF-8: reported like any unreadable file
        return orchestrator.FileResult(name, error=exc)
    return next(iter(linter.lint_sources([source])))


def _color(opts: CheckOptions, stream: IO[str]) -> bool:
    if opts.color is not None:
        return opts.color
    if os.environ.get("NO_COLOR") or opts.format != "text":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class _Progress:
    """``[12/200] path`` on one stderr line, only on a terminal and for many files."""

    def __init__(self, total: int, stream: IO[str], enabled: bool):
        self.total, self.stream, self.count = total, stream, 0
        self.enabled = enabled and bool(getattr(stream, "isatty", lambda: False)())

    def step(self, path: str) -> None:
        self.count += 1
        if self.enabled:
            self.stream.write(f"\r\033[K[{self.count}/{self.total}] {path}"[:200])
            self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()
