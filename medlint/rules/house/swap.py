"""House rule type ``swap``: flag a phrase and offer its replacement as a safe fix."""
from __future__ import annotations

from typing import Any, Iterator

from medlint.findings import Finding, Fix
from medlint.rules.house.base import HouseRule
from medlint.rules.house.matching import iter_matches, phrase_regex
from medlint.yaml_schema import Checker, key_line, value_line


def match_case(replacement: str, written: str) -> str:
    """``replacement`` in the case the author used: "UTILIZE" -> "USE", "Utilize" -> "Use"."""
    if written.isupper() and len(written) > 1:
        return replacement.upper()
    if written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SwapRule(HouseRule):
    """Flags a phrase that has a preferred replacement and offers the swap as a safe fix.

    The fix is offered only where the flagged prose is exactly the source text (not across
    markup or an entity); the replacement follows the case of what was written.

    ```yaml
    - code: MED902
      name: prefer-plain-words
      type: swap
      swaps:
        utilize: use
        in order to: to
    ```
    """

    type_name = "swap"
    type_keys = ("swaps",)
    required_type_keys = ("swaps",)
    default_message = "Use {replacement!r} instead of {match!r}"
    message_fields = ("match", "replacement")
    fixable = True

    def configure(self, spec: dict[str, Any], checker: Checker) -> None:
        swaps = checker.mapping(spec["swaps"], value_line(spec, "swaps"), "swaps")
        if not swaps:
            checker.fail(value_line(spec, "swaps"), "swaps must list at least one 'phrase: replacement'")
        self.swaps: dict[str, str] = {}
        for phrase, replacement in swaps.items():
            if not isinstance(phrase, str) or not phrase.strip():
                checker.fail(key_line(swaps, phrase), f"a swap phrase must be a non-empty string, not {phrase!r}")
            if not isinstance(replacement, str):
                checker.fail(value_line(swaps, phrase), f"the replacement for {phrase!r} must be a string")
            self.swaps[" ".join(phrase.lower().split())] = replacement
        self.pattern = phrase_regex(list(self.swaps))

    def check(self, document) -> Iterator[Finding]:
        for match in iter_matches(self.pattern, document.prose):
            written = match.group()
            replacement = match_case(self.swaps[" ".join(written.lower().split())], written)
            start, end = document.to_source(match.start(), match.end())
            fix = Fix(start, end, replacement) if document.text[start:end] == written else None
            yield self.finding_at_source(start, end, match=written, replacement=replacement, fix=fix,
                                         suggestions=(replacement,))
