"""The hygiene drafts in tests/drafts_hygiene/ (written, with their sidecars, before medlint was
run on them): per-rule scores of `medlint evaluate --today 2026-11-21` stay at or above measured
bars, and every finding's JSON line/column points at the right text of the original file
(CRLF line endings, a byte-order mark, HTML entities and multibyte characters before it)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from evaluation_bars import assert_meets_bar, score_drafts
from medlint import evaluate, sidecar
from medlint.config import Config
from medlint.orchestrator import Linter
from medlint.reporters import Report
from medlint.reporters import json as json_reporter

DRAFTS = Path(__file__).resolve().parent / "drafts_hygiene"
RULES = ["placeholder-link", "template-placeholder", "error-prone-notation", "stale-review-date",
         "missing-disclaimer", "duplicate-content"]
TODAY = dt.date(2026, 11, 21)
# (minimum precision, minimum recall), set from measurement: before the fixes these drafts
# scored (precision/recall) placeholder-link 1.0/1.0, template-placeholder 1.0/0.75,
# error-prone-notation 1.0/0.74, stale-review-date 0.88/1.0, missing-disclaimer 0.4/1.0,
# duplicate-content 1.0/0.83; after them every rule measured 1.0/1.0. Never lower a bar
# without saying why in the commit message.
BARS = {rule: (1.0, 1.0) for rule in RULES}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _config() -> Config:
    return Config(select=list(RULES), today=TODAY)


@pytest.fixture(scope="module")
def scores() -> evaluate.Evaluation:
    return score_drafts(DRAFTS, _config())


def test_drafts_cover_every_format_and_the_encodings_that_move_columns():
    drafts = sorted(p for p in DRAFTS.iterdir() if p.suffix in (".md", ".html", ".txt"))
    assert len(drafts) == 8 and {p.suffix for p in drafts} == {".md", ".html", ".txt"}
    raw = {p.name: p.read_bytes() for p in drafts}
    assert any(b"\r\n" in data for data in raw.values())
    assert any(data.startswith(b"\xef\xbb\xbf") for data in raw.values())
    for car in (sidecar.load(p) for p in sidecar.find_sidecars(str(DRAFTS))):
        assert sorted(car.rules) == sorted(RULES), car.path


@pytest.mark.parametrize("rule", RULES)
def test_rule_meets_its_bar(scores, rule):
    assert_meets_bar(scores, rule, BARS)


def test_no_draft_failed_to_lint(scores):
    assert [f.error for f in scores.files if f.error] == []


def _text_at(raw_text: str, obj: dict) -> str:
    """The text between a JSON finding's (line, column) and (end_line, end_column), read from
    the file's own lines: 1-based, code points, end exclusive."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(raw_text)]
    start = starts[obj["line"] - 1] + obj["column"] - 1
    end = starts[obj["end_line"] - 1] + obj["end_column"] - 1
    return raw_text[start:end]


def test_json_positions_point_at_the_quoted_text_in_the_original_file():
    paths = sorted(str(p) for p in DRAFTS.iterdir() if p.suffix in (".md", ".html", ".txt"))
    results = list(Linter(_config()).lint_paths(paths))
    report = json.loads(json_reporter.render(Report(results=results)))
    quotes: dict[tuple[str, str], list[str]] = {}
    for car in (sidecar.load(p) for p in sidecar.find_sidecars(str(DRAFTS))):
        for exp in car.expectations:
            if exp.quote is not None:
                quotes.setdefault((Path(car.article).name, exp.rule), []).append(exp.quote)
    checked = 0
    for obj in report["findings"]:
        name = Path(obj["path"]).name
        raw_text = Path(obj["path"]).read_bytes().decode("utf-8-sig")
        shown = _text_at(raw_text, obj)
        assert shown and shown == shown.strip(), (name, obj)
        if obj["name"] == "missing-disclaimer":
            continue  # document-level: anchored on the title
        expected = quotes.get((name, obj["name"]), [])
        # the finding shows the quoted text, or lies inside it (a sentence of a quoted paragraph)
        assert any(q in shown or shown in q for q in expected), (name, obj["name"], shown, expected)
        checked += 1
    assert checked >= 60
