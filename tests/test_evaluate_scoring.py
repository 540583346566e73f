"""The scorer behind `medlint evaluate`: synthetic articles, sidecars and hand-made findings."""
from __future__ import annotations

import pytest

from medlint import sidecar
from medlint.findings import Finding, Severity
from medlint.positions import LineIndex
from medlint.scoring import RuleScore, score_file

ARTICLE = (
    "# Lisinopril basics\n"
    "\n"
    "Lisinopril lowers blood pressure in most adults. Take it at the same time each day.\n"
    "\n"
    "The claimed advantages of lisinopril include:\n"
    "\n"
    "- fewer headaches\n"
    "- better kidney outcomes\n"
    "\n"
    "Take it at the same time each day.\n"
)


def car(text: str) -> sidecar.Sidecar:
    return sidecar.parse(text, "article.md.expected.yaml")


def found(text: str, rule: str, quote: str, occurrence: int = 1, message: str = "m",
          suggestions: tuple[str, ...] = ()) -> Finding:
    """A finding on the ``occurrence``-th ``quote`` of ``text``, located like the orchestrator does."""
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    finding = Finding(code="MED999", name=rule, severity=Severity.WARNING, message=message,
                      start=start, end=start + len(quote), suggestions=suggestions)
    return LineIndex(text).locate(finding)


def doc_finding(rule: str, message: str) -> Finding:
    return Finding(code="MED999", name=rule, severity=Severity.WARNING, message=message, start=0, end=1,
                   line=1, column=1, end_line=1, end_column=2)


def test_rule_score_arithmetic():
    score = RuleScore(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    empty = RuleScore()
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)
    assert RuleScore(fp=2).f1 == 0.0


def test_partial_overlap_matches_and_a_finding_elsewhere_is_a_false_positive():
    sc = car("rules: [unsupported-efficacy-claim]\nfindings:\n"
             "  - rule: unsupported-efficacy-claim\n    quote: Lisinopril lowers blood pressure in most adults.\n")
    hit = found(ARTICLE, "unsupported-efficacy-claim", "blood pressure")
    stray = found(ARTICLE, "unsupported-efficacy-claim", "fewer headaches")
    result = score_file(sc, ARTICLE, [stray, hit])
    scores = result.per_rule()["unsupported-efficacy-claim"]
    assert (scores.tp, scores.fp, scores.fn) == (1, 1, 0)
    assert result.extras == [stray]


def test_adjacent_but_not_overlapping_span_does_not_match():
    sc = car("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n    quote: lowers\n")
    before = found(ARTICLE, "absolute-claim", "Lisinopril ")  # ends exactly where the quote starts
    result = score_file(sc, ARTICLE, [before])
    assert (len(result.matches), len(result.misses), len(result.extras)) == (0, 1, 1)


def test_occurrence_selects_the_later_repeat():
    sc = car("rules: [duplicate-content]\nfindings:\n  - rule: duplicate-content\n"
             "    quote: Take it at the same time each day.\n    occurrence: 2\n")
    first = found(ARTICLE, "duplicate-content", "Take it at the same time each day.", occurrence=1)
    second = found(ARTICLE, "duplicate-content", "Take it at the same time each day.", occurrence=2)
    assert score_file(sc, ARTICLE, [first]).per_rule()["duplicate-content"].tp == 0
    result = score_file(sc, ARTICLE, [second])
    assert result.per_rule()["duplicate-content"].tp == 1
    assert result.matches[0][1].line == 10


def test_until_extends_the_span_over_a_list():
    sc = car("rules: [unsupported-efficacy-claim]\nfindings:\n  - rule: unsupported-efficacy-claim\n"
             "    quote: \"The claimed advantages of lisinopril include:\"\n    until: better kidney outcomes\n")
    on_item = found(ARTICLE, "unsupported-efficacy-claim", "better kidney")
    assert score_file(sc, ARTICLE, [on_item]).per_rule()["unsupported-efficacy-claim"].tp == 1
    without = car("rules: [unsupported-efficacy-claim]\nfindings:\n  - rule: unsupported-efficacy-claim\n"
                  "    quote: \"The claimed advantages of lisinopril include:\"\n")
    assert score_file(without, ARTICLE, [on_item]).per_rule()["unsupported-efficacy-claim"].tp == 0


def test_document_level_expectations_prefer_the_finding_naming_their_drug():
    sc = car("rules: [missing-taper-warning]\nfindings:\n"
             "  - rule: missing-taper-warning\n    drug: propranolol\n"
             "  - rule: missing-taper-warning\n    drug: quetiapine\n")
    about_quetiapine = doc_finding("missing-taper-warning", "quetiapine is never tapered")
    about_propranolol = doc_finding("missing-taper-warning", "Propranolol is never tapered")
    result = score_file(sc, ARTICLE, [about_quetiapine, about_propranolol])
    pairs = {exp.drug: f.message for exp, f in result.matches}
    assert pairs == {"propranolol": "Propranolol is never tapered", "quetiapine": "quetiapine is never tapered"}


def test_document_level_expectation_takes_any_finding_but_only_one():
    sc = car("rules: [missing-disclaimer, missing-taper-warning]\nfindings:\n  - rule: missing-disclaimer\n"
             "  - rule: missing-taper-warning\n    drug: topiramate\n")
    findings = [doc_finding("missing-disclaimer", "no disclaimer"), doc_finding("missing-disclaimer", "again"),
                doc_finding("missing-taper-warning", "lamotrigine needs a taper")]
    scores = score_file(sc, ARTICLE, findings).per_rule()
    assert (scores["missing-disclaimer"].tp, scores["missing-disclaimer"].fp) == (1, 1)
    assert scores["missing-taper-warning"].tp == 1  # no finding names topiramate: any of the rule


def test_one_finding_per_expectation_and_unlisted_rules_are_ignored():
    sc = car("rules: [vague-attribution]\nfindings:\n  - rule: vague-attribution\n    quote: Lisinopril lowers\n")
    findings = [found(ARTICLE, "vague-attribution", "Lisinopril"), found(ARTICLE, "vague-attribution", "lowers"),
                found(ARTICLE, "brand-without-generic", "Lisinopril")]
    result = score_file(sc, ARTICLE, findings)
    assert set(result.per_rule()) == {"vague-attribution"}
    scores = result.per_rule()["vague-attribution"]
    assert (scores.tp, scores.fp, scores.fn) == (1, 1, 0)


def test_matching_is_maximal_not_greedy():
    # The first finding overlaps both expectations, the second only the first one: a greedy
    # scorer pairs the first finding with the first expectation and loses a true positive.
    sc = car("rules: [absolute-claim]\nfindings:\n"
             "  - rule: absolute-claim\n    quote: lowers blood pressure\n"
             "  - rule: absolute-claim\n    quote: in most adults\n")
    wide = found(ARTICLE, "absolute-claim", "pressure in most")
    narrow = found(ARTICLE, "absolute-claim", "lowers")
    assert score_file(sc, ARTICLE, [wide, narrow]).per_rule()["absolute-claim"].tp == 2


def test_first_suggestion_accuracy_is_case_insensitive():
    text = "Take escitalopramm daily. Avoid quetiapene at night.\n"
    sc = car("rules: [drug-name-misspelling]\nfindings:\n"
             "  - rule: drug-name-misspelling\n    quote: escitalopramm\n    suggest: escitalopram\n"
             "  - rule: drug-name-misspelling\n    quote: quetiapene\n    suggest: quetiapine\n")
    findings = [found(text, "drug-name-misspelling", "escitalopramm", suggestions=("Escitalopram", "citalopram")),
                found(text, "drug-name-misspelling", "quetiapene", suggestions=("quinine", "quetiapine"))]
    score = score_file(sc, text, findings).per_rule()["drug-name-misspelling"]
    assert (score.tp, score.suggest_expected, score.suggest_correct) == (2, 2, 1)
    assert score.suggest_accuracy == pytest.approx(0.5)


def test_columns_count_code_points_after_a_bom_and_crlf(tmp_path):
    from medlint.source import read_source

    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffCaf\u00e9 notes\r\nTramadol is 100% safe.\r\n".encode("utf-8"))
    text = read_source(str(path)).text
    sc = car("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n    quote: 100% safe\n")
    # "100% safe" is on line 2, columns 13..22 (1-based, end exclusive); offsets deliberately wrong.
    by_columns = Finding(code="MED203", name="absolute-claim", severity=Severity.WARNING, message="m",
                         start=0, end=1, line=2, column=13, end_line=2, end_column=22)
    assert score_file(sc, text, [by_columns]).per_rule()["absolute-claim"].tp == 1
    shifted = by_columns.with_(column=3, end_column=12)  # "amadol is " only
    assert score_file(sc, text, [shifted]).per_rule()["absolute-claim"].tp == 0


def test_a_finding_without_columns_matches_by_line():
    sc = car("rules: [duplicate-content]\nfindings:\n  - rule: duplicate-content\n    quote: fewer headaches\n")
    line_only = Finding(code="MED503", name="duplicate-content", severity=Severity.WARNING, message="m",
                        start=0, end=0, line=7)
    wrong_line = line_only.with_(line=8)
    assert score_file(sc, ARTICLE, [line_only]).per_rule()["duplicate-content"].tp == 1
    assert score_file(sc, ARTICLE, [wrong_line]).per_rule()["duplicate-content"].tp == 0


def test_misses_report_the_line_of_the_quote():
    sc = car("rules: [template-placeholder]\nfindings:\n  - rule: template-placeholder\n    quote: better kidney\n")
    result = score_file(sc, ARTICLE, [])
    assert [(exp.quote, line) for exp, line in result.misses] == [("better kidney", 8)]
