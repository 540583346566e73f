"""Blind drafts, letter c (tests/drafts_blind_c): four full articles on treatments used nowhere
in the corpus, examples/ or tests/drafts_* when they were written (isotretinoin SEO listicle with
front matter, nicotine-patch AI answer page with bare trailing-number citations, probiotics
CMS-exported HTML, low-dose naltrexone forum thread), annotated for all 13 rules from RULES.md
before medlint was run on them.

BEFORE any fix: efficacy P 1.0 / R 0.75 (9/12), vague-attribution 1.0 / 0.75 (6/8),
error-prone-notation 1.0 / 0.5, every other rule 1.0 / 1.0. After the claim mechanisms of
tests/test_claims_blind_c.py every claims rule is at 1.0 / 1.0; the last miss, a lower-case
"qd" after a noun ("Apply a new patch qd ..."), was fixed by flagging lower-case qd/qod
anywhere in prose (error-prone-notation), so every rule is at 1.0 / 1.0."""
from __future__ import annotations

from pathlib import Path

import pytest

from evaluation_bars import (CATALOGUE, assert_every_draft_annotated, assert_meets_bar, expected_counts,
                             load_sidecars, score_drafts)

DRAFTS = Path(__file__).resolve().parent / "drafts_blind_c"
ALL_RULES = CATALOGUE
BARS = {rule: (1.0, 1.0) for rule in ALL_RULES}


@pytest.fixture(scope="module")
def sidecars() -> list:
    return load_sidecars(DRAFTS)


def test_every_draft_is_annotated_for_all_thirteen_rules(sidecars):
    assert_every_draft_annotated(DRAFTS, sidecars, ALL_RULES, min_drafts=4)


def test_the_drafts_hold_many_claims_findings(sidecars):
    counts = expected_counts(sidecars)
    assert counts["unsupported-efficacy-claim"] == 12 and counts["vague-attribution"] == 8
    assert sum(counts.values()) == 48


@pytest.fixture(scope="module")
def scores():
    return score_drafts(DRAFTS)


@pytest.mark.parametrize("rule", ALL_RULES)
def test_rule_meets_its_bar(scores, rule):
    assert_meets_bar(scores, rule, BARS)
