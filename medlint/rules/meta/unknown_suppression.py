"""unknown-suppression (MED001): a suppression comment names a rule that does not exist."""
from __future__ import annotations

from typing import Iterator

from medlint.findings import Finding, Severity
from medlint.rules.base import Rule


class UnknownSuppression(Rule):
    """Checks for suppression comments that name a rule medlint does not know.

    ## What it does
    Flags a `medlint: disable=...`, `enable=...`, `disable-next-line=...` or
    `disable-file=...` comment that names something that is neither a rule name, a rule
    code nor `all`. The first suggestion is the closest rule name.

    ## Why it matters
    A misspelled rule name suppresses nothing, so the author believes a finding is silenced
    (or an exception is documented) when it is not, and the next run surprises them.

    ## Example
    ```markdown
    <!-- medlint: disable-next-line=dose-without-citaton -->
    Take 5 mg once a day.
    ```

    ## Use instead
    ```markdown
    <!-- medlint: disable-next-line=dose-without-citation -->
    Take 5 mg once a day.
    ```

    ## References
    - pylint, `bad-option-value` / `unknown-option-value`:
      https://pylint.readthedocs.io/en/stable/user_guide/messages/error/bad-option-value.html
    """

    code = "MED001"
    name = "unknown-suppression"
    severity = Severity.WARNING
    summary = "Suppression comment names a rule that does not exist"
    message = "Unknown rule {rule!r} in a medlint suppression comment"

    def check(self, document) -> Iterator[Finding]:
        return iter(())  # produced by medlint.suppression, which sees the directives and the findings
