"""House rule type ``requires``: if the document says A, it must also say B."""
from __future__ import annotations

from typing import Any, Iterator

from medlint.findings import Finding
from medlint.rules.house.base import HouseRule
from medlint.rules.house.matching import first_match, matcher_from
from medlint.yaml_schema import Checker


class RequiresRule(HouseRule):
    """Flags the first occurrence of A when the document never says B ("if A then B required").

    A and B are each ``{phrases: [...]}`` (case-insensitive, whole words) or ``{regex: "..."}``
    (a Python regular expression, case-insensitive), searched in the prose.

    ```yaml
    - code: MED903
      name: opioid-needs-naloxone
      type: requires
      when: {phrases: [oxycodone, morphine, fentanyl]}
      require: {regex: "nalox(one|one nasal spray)"}
      message: "An article about {match} should mention naloxone"
    ```
    """

    type_name = "requires"
    type_keys = ("when", "require")
    required_type_keys = ("when", "require")
    default_message = "{match!r} appears but the document never says what this rule requires"

    def configure(self, spec: dict[str, Any], checker: Checker) -> None:
        self.when = matcher_from(spec, "when", checker, "when")
        self.require = matcher_from(spec, "require", checker, "require")

    def check(self, document) -> Iterator[Finding]:
        trigger = first_match(self.when, document.prose)
        if trigger is not None and first_match(self.require, document.prose) is None:
            yield self.finding(document, trigger.start(), trigger.end(), match=trigger.group())
