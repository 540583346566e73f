"""placeholder-link (MED101). STUB to prove the engine; the links work completes it."""
from __future__ import annotations

from medlint.findings import Severity
from medlint.rules.base import Rule

_PLACEHOLDER_TARGETS = {"", "#", "insert link", "link", "url", "tbd", "todo", "xxx"}


class PlaceholderLink(Rule):
    """Checks for links that point nowhere real.

    ## What it does
    Flags a link whose target is empty, ``#``, a template word such as ``insert link`` or
    ``TBD``, ``example.com``, a scheme with no host, or a development host.

    ## Why it matters
    A reader who follows a placeholder link to check a medical claim finds nothing.

    ## Example
    ```markdown
    See [the FDA label](insert link).
    ```

    ## Use instead
    ```markdown
    See [the FDA label](https://www.accessdata.fda.gov/scripts/cder/daf/).
    ```

    ## References
    - CommonMark spec, links: https://spec.commonmark.org/0.31.2/#links
    """

    code = "MED101"
    name = "placeholder-link"
    severity = Severity.ERROR
    summary = "Link target is a placeholder, not a real address"
    message = "Placeholder link target {target!r}"

    def check(self, document):
        for link in document.links:
            if link.href.strip().lower() in _PLACEHOLDER_TARGETS:
                yield self.finding_at_source(link.source_start, link.source_end, target=link.href)
