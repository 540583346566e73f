"""Which files ``medlint check PATH...`` lints.

A file named on the command line is linted whatever its extension (its format comes from the
extension, plain text when unknown). A directory is walked recursively for ``.md``,
``.markdown``, ``.html``, ``.htm`` and ``.txt`` files, skipping the usual tool and build
directories. ``--exclude`` globs (and the config's ``exclude``) apply to both: a glob matches a
file or directory name, or a path relative to the working directory (``drafts/old/*``).
"""
from __future__ import annotations

import fnmatch
import os
from typing import Iterable

from medlint.errors import InputError

EXTENSIONS = (".md", ".markdown", ".html", ".htm", ".txt")
DEFAULT_EXCLUDES = (".git", "node_modules", "build", "dist", ".venv", "venv", "__pycache__", ".tox")


def is_excluded(path: str, globs: Iterable[str], base: str | None = None) -> bool:
    """Whether an exclude glob matches ``path``: its name, the name of a directory it is in, or
    its path (or a parent's) relative to ``base`` (default: the working directory)."""
    globs = [g.rstrip("/") for g in globs if g.strip()]
    if not globs:
        return False
    given = os.path.normpath(path).replace(os.sep, "/")
    candidates = {given, given.rsplit("/", 1)[-1]}
    rel = os.path.relpath(os.path.abspath(path), base or os.getcwd()).replace(os.sep, "/")
    if rel != ".." and not rel.startswith("../"):  # inside base: every component and parent path
        parts = rel.split("/")
        candidates.update(parts)
        candidates.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return any(fnmatch.fnmatchcase(c, g) for c in candidates for g in globs)


class Excludes:
    """Exclude globs with the directory each set is relative to (cwd for flags, config dir for config)."""

    def __init__(self, groups: Iterable[tuple[Iterable[str], str | None]] = ()):
        self.groups = [(list(globs), base) for globs, base in groups]

    def __call__(self, path: str) -> bool:
        return any(is_excluded(path, globs, base) for globs, base in self.groups)


def discover(paths: Iterable[str], exclude: Iterable[str] | Excludes = ()) -> tuple[list[str], list[InputError]]:
    """Files to lint under ``paths`` and one error per path that does not exist.

    Files come out de-duplicated, in argument order, sorted by path within a directory.
    """
    excluded = exclude if isinstance(exclude, Excludes) else Excludes([(exclude, None)])
    files: list[str] = []
    errors: list[InputError] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if os.path.isdir(path):
            for found in sorted(walk(path, excluded)):
                add(found)
        elif os.path.exists(path) or os.path.islink(path):
            if not excluded(path):
                add(path)
        else:
            errors.append(InputError("no such file or directory", path=path))
    return files, errors


def walk(top: str, excluded: Excludes) -> Iterable[str]:
    """Lintable files under the directory ``top``, in sorted order."""
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in DEFAULT_EXCLUDES and not excluded(os.path.join(folder, d)))
        for name in sorted(names):
            if name.lower().endswith(EXTENSIONS):
                path = os.path.normpath(os.path.join(folder, name))
                if not excluded(path):
                    yield path
