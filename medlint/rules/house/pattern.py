"""House rule type ``pattern``: spaCy Matcher token patterns."""
from __future__ import annotations

from typing import Any, Iterator

from medlint.errors import RulesetError
from medlint.findings import Finding
from medlint.rules.house.base import HouseRule
from medlint.yaml_schema import Checker, did_you_mean, item_line, value_line

# Token attributes the default pipeline (blank English + medlint components) sets.
# POS, TAG, DEP, LEMMA, MORPH and ENT_* need a trained pipeline and are refused.
TOKEN_ATTRS = {
    "ORTH", "TEXT", "NORM", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX", "IS_ALPHA", "IS_ASCII",
    "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_BRACKET",
    "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "IS_SENT_START", "SENT_START",
    "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "OP",
}
MODEL_ATTRS = {"POS", "TAG", "DEP", "LEMMA", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "ENT_KB_ID"}
OPERATORS = {"!", "?", "+", "*"}
PREDICATES = {"IN", "NOT_IN", "REGEX", "FUZZY", "==", "!=", ">=", "<=", ">", "<",
              "IS_SUBSET", "IS_SUPERSET", "INTERSECTS"}


class PatternRule(HouseRule):
    """Flags text matched by spaCy Matcher token patterns (a list of patterns, each a list of
    token descriptions such as ``{LOWER: "take"}``; longest match wins where they overlap).

    Attributes available: ORTH/TEXT, LOWER, NORM, LENGTH, SHAPE, PREFIX, SUFFIX, the IS_* and
    LIKE_* flags, and OP (``!``, ``?``, ``+``, ``*``, ``{n}``...). Values may be predicates
    such as ``{IN: [...]}`` or ``{REGEX: "..."}``.

    ```yaml
    - code: MED904
      name: double-dose-advice
      type: pattern
      patterns:
        - [{LOWER: take}, {LOWER: {IN: [two, 2]}}, {LOWER: doses}]
      message: "Never advise taking {match!r}"
    ```
    """

    type_name = "pattern"
    type_keys = ("patterns",)
    required_type_keys = ("patterns",)
    default_message = "{match!r} matches a house pattern"

    def configure(self, spec: dict[str, Any], checker: Checker) -> None:
        patterns = spec["patterns"]
        line = value_line(spec, "patterns")
        if not isinstance(patterns, list) or not patterns:
            checker.fail(line, "patterns must be a non-empty list of token patterns")
        for i, pattern in enumerate(patterns):
            where = item_line(patterns, i) or line
            if not isinstance(pattern, list) or not pattern:
                checker.fail(where, f"pattern {i + 1} must be a non-empty list of token descriptions")
            for j, token in enumerate(pattern):
                self._check_token(token, item_line(pattern, j) or where, checker)
        self.patterns = _plain(patterns)
        self.line = line

    @staticmethod
    def _check_token(token: Any, line: int | None, checker: Checker) -> None:
        if not isinstance(token, dict):
            checker.fail(line, f"a token description must be a mapping like {{LOWER: word}}, not {token!r}")
        for key, value in token.items():
            attr = str(key).upper()
            if attr in MODEL_ATTRS:
                checker.fail(line, f"token attribute {key!r} needs a trained spaCy pipeline; "
                                   "use ORTH, LOWER, SHAPE, IS_* or LIKE_* instead")
            if attr not in TOKEN_ATTRS:
                checker.fail(line, f"unknown token attribute {key!r}{did_you_mean(attr, TOKEN_ATTRS)}")
            if attr == "OP" and value not in OPERATORS and not (isinstance(value, str) and value.startswith("{")):
                checker.fail(line, f"OP must be one of ! ? + * or {{n}}, {{n,m}}, not {value!r}")
            if isinstance(value, dict):
                for predicate in value:
                    if str(predicate).upper() not in PREDICATES:
                        checker.fail(line, f"unknown predicate {predicate!r} for {key!r}")
            elif not isinstance(value, (str, int, float, bool)):
                checker.fail(line, f"the value of {key!r} must be a string, number, boolean or predicate mapping")

    def check(self, document) -> Iterator[Finding]:
        from medlint import nlp  # lazy: the Matcher comes from the one module that imports spaCy
        try:
            spans = nlp.matcher_spans(document.doc, self.patterns, key=self.name)
        except ValueError as exc:  # spaCy's MatchPatternError is a ValueError
            path, _, line = self.origin.rpartition(":")
            raise RulesetError(f"invalid token pattern for {self.name}: {exc}", path=path,
                               line=self.line) from None
        for start, end in spans:
            yield self.finding(document, start, end, match=document.prose[start:end])


def _plain(value: Any) -> Any:
    """Marked YAML containers as plain lists and dicts with upper-case keys (spaCy's spelling)."""
    if isinstance(value, dict):
        return {str(k).upper(): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value

