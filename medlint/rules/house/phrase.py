"""House rule type ``phrase``: flag listed phrases."""
from __future__ import annotations

from typing import Any, Iterator

from medlint.findings import Finding
from medlint.rules.house.base import HouseRule
from medlint.rules.house.matching import iter_matches, phrase_regex
from medlint.yaml_schema import Checker


class PhraseRule(HouseRule):
    """Flags every occurrence of the listed phrases (case-insensitive, whole words).

    ```yaml
    - code: MED901
      name: no-wonder-drug
      type: phrase
      phrases: [wonder drug, magic bullet]
      message: "Avoid the hype phrase {match!r}"
    ```
    """

    type_name = "phrase"
    type_keys = ("phrases",)
    required_type_keys = ("phrases",)
    default_message = "Avoid {match!r}"

    def configure(self, spec: dict[str, Any], checker: Checker) -> None:
        self.pattern = phrase_regex(checker.string_list(spec, "phrases", "phrases", non_empty=True))

    def check(self, document) -> Iterator[Finding]:
        for match in iter_matches(self.pattern, document.prose):
            yield self.finding(document, match.start(), match.end(), match=match.group())
