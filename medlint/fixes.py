"""``--fix`` and ``--diff``: apply the safe fixes findings carry, and show or write the result.

A fix replaces a span of the decoded source text, so everything outside the fixed spans (the
BOM, the newline style, every other byte) is written back exactly as it was read. Fixes are
applied in passes (lint, fix, lint the result...) until nothing is left to fix, so a second
``--fix`` run changes nothing. Files are replaced atomically: written to a temporary file in
the same directory, then moved over the original with ``os.replace``.
"""
from __future__ import annotations

import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, replace
from typing import Iterable

from medlint.errors import InputError
from medlint.findings import Finding
from medlint.source import BOM, Source

MAX_PASSES = 10


@dataclass
class Fixed:
    """A source after fixing: the new source, its remaining findings, how many fixes applied."""

    source: Source
    findings: list[Finding]
    applied: int

    @property
    def changed(self) -> bool:
        return self.applied > 0


def fixable(findings: Iterable[Finding]) -> bool:
    return any(f.fix is not None and f.fix.safe for f in findings)


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """``text`` with the safe, non-overlapping fixes of ``findings`` applied, and their number.

    Overlapping fixes are left for the next pass (after re-linting).
    """
    fixes = sorted({f.fix for f in findings if f.fix is not None and f.fix.safe}, key=lambda x: (x.start, x.end))
    parts: list[str] = []
    pos = applied = 0
    for fix in fixes:
        if fix.start < pos or fix.end > len(text) or fix.start > fix.end:
            continue
        if text[fix.start:fix.end] == fix.replacement:
            continue
        parts += [text[pos:fix.start], fix.replacement]
        pos = fix.end
        applied += 1
    parts.append(text[pos:])
    return "".join(parts), applied


def fix_source(linter, source: Source, findings: list[Finding]) -> Fixed:
    """Fix ``source`` in passes with ``linter`` until no safe fix is left (in memory only)."""
    total = 0
    for _ in range(MAX_PASSES):
        text, applied = apply_fixes(source.text, findings)
        if not applied:
            break
        total += applied
        source = replace(source, text=text)
        result = next(iter(linter.lint_sources([source])))
        if result.error is not None:
            raise result.error
        findings = result.findings
    return Fixed(source, findings, total)


def encode(source: Source) -> bytes:
    """The bytes of ``source`` as they would be written: its encoding and BOM preserved."""
    return ((BOM if source.bom else "") + source.text).encode(source.encoding)


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at ``path`` by ``data`` atomically, keeping its permissions."""
    target = os.path.realpath(path)  # write through a symlink, do not replace the link
    directory = os.path.dirname(target)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".medlint-tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write the fixed file: {exc.strerror or exc}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise InputError(f"cannot write the fixed file: {exc.strerror or exc}", path=path) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff from ``old`` to ``new`` labelled ``a/path`` and ``b/path`` (git style)."""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
