"""Scoring findings against annotated expectations (the logic behind ``medlint evaluate``).

A finding matches an expectation of the same rule when its span overlaps the quoted span (by
characters, from the finding's line and column; by lines when it has no column). Document-level
expectations match any finding of their rule, preferring one that names the expected drug. Each
expectation takes at most one finding (a maximum matching, so the count does not depend on the
order findings come in); a finding of a listed rule that matches nothing is a false positive;
findings of rules the sidecar does not list are ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from medlint import sidecar as sidecars
from medlint.findings import Finding
from medlint.positions import LineIndex


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    suggest_expected: int = 0  # matched expectations that name a `suggest`
    suggest_correct: int = 0

    def add(self, other: "RuleScore") -> None:
        for name in ("tp", "fp", "fn", "suggest_expected", "suggest_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    # "Nothing expected and nothing found" is perfect, hence 1.0 for empty denominators.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def suggest_accuracy(self) -> float | None:
        return self.suggest_correct / self.suggest_expected if self.suggest_expected else None

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "suggest_correct": self.suggest_correct, "suggest_expected": self.suggest_expected}


@dataclass
class FileScore:
    """The outcome for one article: matched pairs, missed expectations, extra findings."""

    path: str
    rules: list[str]
    matches: list[tuple[sidecars.Expectation, Finding]] = field(default_factory=list)
    misses: list[tuple[sidecars.Expectation, int]] = field(default_factory=list)  # (expectation, line)
    extras: list[Finding] = field(default_factory=list)
    error: str | None = None

    def per_rule(self) -> dict[str, RuleScore]:
        scores = {rule: RuleScore() for rule in self.rules}
        for exp, finding in self.matches:
            scores[exp.rule].tp += 1
            if exp.suggest is not None:
                scores[exp.rule].suggest_expected += 1
                first = finding.suggestions[0] if finding.suggestions else ""
                scores[exp.rule].suggest_correct += first.casefold() == exp.suggest.casefold()
        for exp, _ in self.misses:
            scores[exp.rule].fn += 1
        for finding in self.extras:
            scores[finding.name].fp += 1
        return scores


def _finding_span(finding: Finding, index: LineIndex) -> tuple[int, int] | None:
    """Character span from the finding's line/column (what users and external scorers see);
    None when it has a line but no column (then lines are compared)."""
    if finding.line and not finding.column:
        return None
    if not finding.line:
        return finding.start, finding.end
    return (index.offset(finding.line, finding.column),
            index.offset(finding.end_line or finding.line, finding.end_column or finding.column))


def _overlaps(exp: sidecars.Expectation, finding: Finding, index: LineIndex) -> bool:
    span = _finding_span(finding, index)
    if span is None:
        first, last = index.position(exp.start)[0], index.position(max(exp.start, exp.end - 1))[0]
        return first <= finding.line <= last or first <= (finding.end_line or finding.line) <= last \
            or finding.line <= first <= (finding.end_line or finding.line)
    start, end = span
    end = max(end, start + 1)  # an empty span still points at one character
    return start < exp.end and exp.start < end


def _mentions(finding: Finding, drug: str, text: str) -> bool:
    hay = " ".join([finding.message, *finding.suggestions, text[finding.start:finding.end],
                    *(str(v) for v in finding.extra.values())]).casefold()
    return drug.casefold() in hay


def _max_matching(candidates: list[list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): expectation index -> finding index."""
    owner: dict[int, int] = {}  # finding -> expectation

    def augment(e: int, seen: set[int]) -> bool:
        for f in candidates[e]:
            if f not in seen:
                seen.add(f)
                if f not in owner or augment(owner[f], seen):
                    owner[f] = e
                    return True
        return False

    for e in range(len(candidates)):
        augment(e, set())
    return {e: f for f, e in owner.items()}


def score_file(car: sidecars.Sidecar, text: str, findings: Iterable[Finding]) -> FileScore:
    """Match ``findings`` (of the article ``text``) against the sidecar's expectations."""
    index = LineIndex(text)
    expected = sidecars.resolve(car, text)
    listed = set(car.rules)
    pool = [f for f in findings if f.name in listed]
    used: set[int] = set()
    result = FileScore(path=car.article, rules=list(car.rules))
    matched: dict[int, int] = {}
    quoted = [i for i, e in enumerate(expected) if not e.document_level]
    cands = [[j for j, f in enumerate(pool) if f.name == expected[i].rule and _overlaps(expected[i], f, index)]
             for i in quoted]
    for k, j in _max_matching(cands).items():
        matched[quoted[k]] = j
    used.update(matched.values())
    documents = [i for i, e in enumerate(expected) if e.document_level]
    for prefer in (True, False):  # first findings naming the expected drug, then any of the rule
        for i in documents:
            if i in matched:
                continue
            exp = expected[i]
            for j, f in enumerate(pool):
                if j not in used and f.name == exp.rule and (
                        not prefer or (exp.drug is not None and _mentions(f, exp.drug, text))):
                    matched[i], _ = j, used.add(j)
                    break
    for i, exp in enumerate(expected):
        if i in matched:
            result.matches.append((exp, pool[matched[i]]))
        else:
            result.misses.append((exp, index.position(exp.start)[0] if exp.start is not None else 0))
    result.extras = [f for j, f in enumerate(pool) if j not in used]
    return result


@dataclass
class Evaluation:
    files: list[FileScore]
    skipped: list[str] = field(default_factory=list)  # listed rules the configuration did not run
    unknown: list[str] = field(default_factory=list)  # listed rules this medlint does not have

    def per_rule(self) -> dict[str, RuleScore]:
        total: dict[str, RuleScore] = {}
        for file in self.files:
            for rule, score in file.per_rule().items():
                if rule not in self.skipped:
                    total.setdefault(rule, RuleScore()).add(score)
        return dict(sorted(total.items()))

    def total(self) -> RuleScore:
        out = RuleScore()
        for score in self.per_rule().values():
            out.add(score)
        return out
