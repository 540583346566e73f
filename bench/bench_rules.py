"""Where the warm time of one ~1,500-word draft goes: parse, spaCy Doc, each shared analysis
and each rule, median of runs (prints a table; no assertions)."""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

import common

from medlint import formats, nlp
from medlint.config import Config
from medlint.document import LintedDocument
from medlint.orchestrator import Linter
from medlint.source import decode

ANALYSES = ("sentences", "sections", "citations", "doses", "drugs", "claims")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    linter = Linter(Config(today=dt.date(2026, 11, 21)))
    source = decode(common.long_markdown(args.words).encode("utf-8"), "bench.md", "markdown")
    list(linter.lint_sources([source]))  # warm every cache once
    times: dict[str, list[float]] = {}

    def timed(label, func):
        start = time.perf_counter()
        value = func()
        times.setdefault(label, []).append(time.perf_counter() - start)
        return value

    for _ in range(args.runs):
        parsed = timed("parse", lambda: formats.parse(source))
        doc = timed("spaCy Doc", lambda: nlp.make_doc(parsed.prose))
        document = LintedDocument(source, parsed, doc, linter.settings)
        for name in ANALYSES:
            timed(f"analysis: {name}", lambda: getattr(document, name))
        for rule in linter.rules:
            timed(f"rule: {rule.name}", lambda: list(rule.check(document)))
    rows = sorted(((statistics.median(v) * 1000, k) for k, v in times.items()), reverse=True)
    print(f"{len(source.text.split())}-word Markdown draft, median of {args.runs} runs (ms):")
    for ms, label in rows:
        print(f"  {ms:7.2f}  {label}")
    print(f"  {sum(ms for ms, _ in rows):7.2f}  total")


if __name__ == "__main__":
    main()
