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
