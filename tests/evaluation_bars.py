"""Shared helpers for the tests that hold annotated draft sets (examples/, tests/drafts_*) at
measured per-rule bars through the `medlint evaluate` logic."""
from __future__ import annotations

import datetime as dt

from medlint import evaluate
from medlint.config import Config

TODAY = dt.date(2026, 11, 21)  # the date the annotations were written against


def score_drafts(directory, config: Config | None = None) -> evaluate.Evaluation:
    """Evaluate every article with a sidecar under ``directory`` (``--today 2026-11-21``)."""
    return evaluate.evaluate([str(directory)], config or Config(today=TODAY))


def assert_meets_bar(scores: evaluate.Evaluation, rule: str, bars: dict) -> None:
    """Fail unless ``rule`` reaches its (minimum precision, minimum recall) in ``bars``; the
    message lists the misses and extra findings of that rule."""
    assert not scores.skipped and rule not in scores.unknown
    assert not [f.error for f in scores.files if f.error]
    score = scores.per_rule()[rule]
    min_precision, min_recall = bars[rule]
    detail = evaluate.render_text(evaluate.Evaluation(
        files=[f for f in scores.files if any(e.rule == rule for e, _ in f.misses)
               or any(x.name == rule for x in f.extras)]), verbose=True)
    assert score.precision >= min_precision and score.recall >= min_recall, f"{rule}: {score}\n{detail}"


DRAFT_SUFFIXES = (".md", ".html", ".txt")


def load_sidecars(directory) -> list:
    """Every sidecar under ``directory``, parsed."""
    from medlint import sidecar  # the sidecar reader under test

    return [sidecar.load(p) for p in sidecar.find_sidecars(str(directory))]


def assert_every_draft_annotated(directory, sidecars: list, rules, min_drafts: int) -> None:
    """Every draft in ``directory`` has a sidecar listing exactly ``rules``, there are at least
    ``min_drafts`` of them, and all three formats are represented."""
    from pathlib import Path

    drafts = sorted(p.name for p in Path(directory).iterdir() if p.suffix in DRAFT_SUFFIXES)
    assert sorted(Path(s.article).name for s in sidecars) == drafts
    assert len(drafts) >= min_drafts and {Path(d).suffix for d in drafts} == set(DRAFT_SUFFIXES)
    for car in sidecars:
        assert set(car.rules) == set(rules), car.path


def expected_counts(sidecars: list):
    """Expected findings per rule; resolving every quote fails on one missing from its draft."""
    from collections import Counter

    from medlint import sidecar
    from medlint.source import read_source

    counts: Counter = Counter()
    for car in sidecars:
        counts.update(e.rule for e in sidecar.resolve(car, read_source(car.article).text))
    return counts


# The 13 rules of the catalogue (RULES.md): what a fully annotated draft lists in `rules:`.
CATALOGUE = ("placeholder-link", "unsupported-efficacy-claim", "dose-without-citation",
             "missing-taper-warning", "drug-name-misspelling", "template-placeholder",
             "vague-attribution", "absolute-claim", "error-prone-notation", "stale-review-date",
             "missing-disclaimer", "brand-without-generic", "duplicate-content")
