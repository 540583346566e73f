"""The one orchestrator: source -> prose -> spaCy Doc -> rules -> findings.

Shared by the CLI, ``evaluate`` and the server. The spaCy pipeline (blank English plus
medlint's sentence component, or ``--model``) is built once per process, and documents are
streamed through ``nlp.pipe``. ``jobs > 1`` fans files out to worker processes.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from medlint import formats, selection, suppression
from medlint.config import Config
from medlint.document import LintedDocument, Settings
from medlint.errors import InputError, MedlintError
from medlint.findings import Finding
from medlint.positions import LineIndex
from medlint.source import Source, decode, read_source


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: MedlintError | None = None
    source: Source | None = None
    sentences: int = 0  # prose sentences linted (the denominator of --score)


class Linter:
    """Lints sources with one configuration and one pipeline."""

    def __init__(self, config: Config | None = None, extra_rules: list | None = None):
        self.config = config or Config()
        if extra_rules is None:
            from medlint import ruleset_loader  # lazy: YAML loading only when linting
            extra_rules = ruleset_loader.house_rules(self.config)
        self.rules = selection.build_rules(self.config, extra_rules)
        self.known_rules = selection.known_rules(extra_rules)  # names a suppression comment may use
        self.settings = Settings(today=self.config.today or _dt.date.today(), options=dict(self.config.options))

    def lint_sources(self, sources: Iterable[Source]) -> Iterator[FileResult]:
        """Parse each source, stream the prose through ``nlp.pipe`` and lint the Docs."""
        from medlint import nlp  # lazy: spaCy loads only when something is linted

        model = self.config.model
        for doc, (source, parsed, error) in nlp.pipe(self._parsed(sources), model=model, as_tuples=True):
            if error is not None:
                yield FileResult(source.path, error=error, source=source)
                continue
            document = LintedDocument(source, parsed, doc, self.settings, model=model)
            yield FileResult(source.path, self.lint_document(document), source=source,
                             sentences=len(document.sentences))

    @staticmethod
    def _parsed(sources: Iterable[Source]) -> Iterator[tuple[str, tuple]]:
        """``(prose, (source, parsed, error))`` per source, for ``nlp.pipe(as_tuples=True)``;
        a source that cannot be parsed passes through with empty prose and its error."""
        for source in sources:
            try:
                parsed = formats.parse(source)
            except MedlintError as exc:
                yield "", (source, None, exc)
            except RecursionError:
                yield "", (source, None, InputError("document is nested too deeply to parse", path=source.path))
            else:
                yield parsed.prose, (source, parsed, None)

    def lint_document(self, document: LintedDocument) -> list[Finding]:
        path = document.path
        ignored = selection.ignored_for_path(path, self.config)
        findings: list[Finding] = []
        active = []  # the rules that run on this file (per-file ignores applied)
        for rule in self.rules:
            if ignored and selection.is_selected(rule.code, rule.name, ["ALL"], ignored) is False:
                continue
            active.append(rule)
            findings.extend(rule.check(document))
        findings = suppression.apply(findings, document, rules=active, known=self.known_rules)
        index = LineIndex(document.text)
        located = [index.locate(f.with_(path=path)) for f in findings]
        return sorted(located, key=Finding.sort_key)

    def lint_paths(self, paths: Iterable[str], fmt: str | None = None) -> Iterator[FileResult]:
        def sources():
            for path in paths:
                try:
                    yield read_source(path, fmt)
                except MedlintError as exc:
                    errors.append(FileResult(path, error=exc))
        errors: list[FileResult] = []
        for result in self.lint_sources(sources()):
            while errors:
                yield errors.pop(0)
            yield result
        yield from errors


def lint_text(text: str, format: str = "markdown", config: Config | None = None, path: str = "<text>") -> list[Finding]:
    """Lint one text and return its findings (the library API)."""
    source = decode(text.encode("utf-8"), path, format)
    result = next(Linter(config).lint_sources([source]))
    if result.error:
        raise result.error
    return result.findings


def lint_paths(paths: Iterable[str], config: Config | None = None) -> list[FileResult]:
    """Lint files (not directories; see :mod:`medlint.discovery`) and return one result per file."""
    return list(Linter(config).lint_paths(list(paths)))


# -- worker processes (--jobs N) ------------------------------------------------------------
_WORKER_LINTERS: dict[str, Linter] = {}  # per process; on Linux the workers inherit the parent's
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


def _lint_chunk(config: Config, paths: list[str], fmt: str | None) -> list[tuple]:
    """Worker: lint ``paths`` with this process's Linter for ``config`` (built once per process,
    or inherited from the parent). Findings travel as plain tuples: unpickling thousands of
    dataclasses would cost the parent more than rebuilding them."""
    key = repr(config)
    if key not in _WORKER_LINTERS:
        _WORKER_LINTERS[key] = Linter(config)
    out = []
    for r in _WORKER_LINTERS[key].lint_paths(paths, fmt):
        error = None if r.error is None else (type(r.error), r.error.detail, r.error.path, r.error.line)
        findings = [tuple(getattr(f, name) for name in _FINDING_FIELDS) for f in r.findings]
        out.append((r.path, findings, error, r.source, r.sentences))  # errors rebuilt in the parent
    return out


AUTO_JOBS_MIN_FILES = 16  # below this, forking workers costs more than it saves


def worker_count(setting: int | None, files: int) -> int:
    """Worker processes for ``files`` files: ``setting`` N, 0 for one per CPU, or None for
    automatic (one per CPU once there are enough files to pay for the workers)."""
    cpus = os.cpu_count() or 1
    if setting is None:
        return cpus if files >= AUTO_JOBS_MIN_FILES else 1
    return setting if setting > 0 else cpus


def lint_paths_parallel(paths: Iterable[str], config: Config, jobs: int, fmt: str | None = None,
                        linter: Linter | None = None) -> Iterator[FileResult]:
    """Lint ``paths`` in ``jobs`` worker processes, in chunks of paths; results come back in
    the order of ``paths``.

    On Linux the workers are forked from this process, so they start with its imported modules,
    its loaded data and ``linter`` (the parent's Linter for ``config``, if given). The parent
    lints the first path itself before forking: that loads the lexicon, word lists, parsers
    and compiled patterns once, instead of once in every worker. Elsewhere each worker builds
    its own Linter.
    """
    import multiprocessing  # lazy: only --jobs N needs processes
    from concurrent.futures import ProcessPoolExecutor

    paths = list(paths)
    context = None
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("fork")
        if linter is not None:
            _WORKER_LINTERS[repr(config)] = linter
            yield from linter.lint_paths(paths[:1], fmt)  # warms this process, so every worker
            paths = paths[1:]
    # small chunks, so that no worker is left with a long last chunk while the others idle
    size = max(1, min(16, -(-len(paths) // (jobs * 8))))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for rows in pool.map(_lint_chunk, [config] * len(chunks), chunks, [fmt] * len(chunks)):
            for path, findings, error, source, sentences in rows:
                if error is not None:
                    cls, detail, err_path, line = error
                    error = cls(detail, path=err_path, line=line)
                yield FileResult(path, [Finding(*row) for row in findings], error, source, sentences)
