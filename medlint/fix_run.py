"""``--fix`` and ``--diff`` over the results of a run: fix in memory, then write or show.

Written files get their remaining findings re-reported; with ``--diff`` nothing is written and
the diff is the whole output. With stdin (``-``), ``--fix`` prints the fixed text on stdout.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from medlint import fixes
from medlint.errors import MedlintError


@dataclass
class Outcome:
    fixed: int = 0          # fixes applied (written, or that --diff shows)
    changed_files: int = 0


def apply(results: list, linters: dict, owner: dict, opts, stdout: IO[str], stdin_result=None) -> Outcome:
    """Fix every result that has safe fixes; ``results`` is updated in place (not for --diff)."""
    outcome = Outcome()
    for i, result in enumerate(results):
        is_stdin = result is stdin_result
        if result.error is not None or result.source is None or not fixes.fixable(result.findings):
            if is_stdin and opts.fix and not opts.diff and result.source is not None:
                stdout.write(result.source.text)
            continue
        linter = linters[owner[result.path]]
        fixed = fixes.fix_source(linter, result.source, result.findings)
        if opts.diff:
            if fixed.changed:
                stdout.write(fixes.unified_diff(result.path, result.source.text, fixed.source.text))
                outcome.changed_files += 1
                outcome.fixed += fixed.applied
            continue
        if is_stdin:
            stdout.write(fixed.source.text)
        elif fixed.changed:
            try:
                fixes.write_atomic(result.path, fixes.encode(fixed.source))
            except MedlintError as exc:
                results[i] = type(result)(result.path, result.findings, exc, result.source, result.sentences)
                continue
        outcome.fixed += fixed.applied
        outcome.changed_files += int(fixed.changed)
        results[i] = type(result)(result.path, fixed.findings, None, fixed.source, result.sentences)
    stdout.flush()
    return outcome
