"""useless-suppression (MED002): a suppression comment that suppressed nothing."""
from __future__ import annotations

from typing import Iterator

from medlint.findings import Finding, Severity
from medlint.rules.base import Rule


class UselessSuppression(Rule):
    """Checks for suppression comments that no longer suppress anything.

    ## What it does
    Flags a `medlint: disable=...`, `disable-next-line=...` or `disable-file=...` comment
    (or one rule named in it) when no finding of that rule was suppressed by it. Rules that
    did not run (not selected) are not reported.

    ## Why it matters
    Stale suppressions pile up as drafts are edited: the sentence they excused is gone or
    was fixed, and the comment now hides whatever is written there next.

    ## Example
    ```markdown
    <!-- medlint: disable-next-line=placeholder-link -->
    See the [FDA label](https://www.accessdata.fda.gov/) for details.
    ```

    ## Use instead
    ```markdown
    See the [FDA label](https://www.accessdata.fda.gov/) for details.
    ```

    ## References
    - pylint, `useless-suppression`:
      https://pylint.readthedocs.io/en/stable/user_guide/messages/information/useless-suppression.html
    """

    code = "MED002"
    name = "useless-suppression"
    severity = Severity.INFO
    summary = "Suppression comment suppressed nothing"
    message = "Useless suppression of {rule!r}: nothing here was suppressed"

    def check(self, document) -> Iterator[Finding]:
        return iter(())  # produced by medlint.suppression, which sees the directives and the findings
