"""unsupported-efficacy-claim (MED201): an efficacy claim with no citation."""
from __future__ import annotations

from medlint.findings import Severity
from medlint.rules.base import Rule


class UnsupportedEfficacyClaim(Rule):
    """Checks for claims that a treatment works for a condition without a citation.

    ## What it does
    Flags a sentence that says a drug, treatment, supplement or practice treats, relieves,
    reduces, prevents or otherwise works for a condition or symptom, and carries no citation
    in the same sentence (or list item). A list of benefits introduced by a lead-in ("The
    potential benefits of X include:") is one claim spanning the lead-in and its items.
    Hedged claims ("some studies suggest X may help") are still claims.

    Not flagged: negated or limiting statements ("is not a first-line treatment"), questions,
    how a drug works ("works by enhancing GABA activity"), what it is prescribed or approved
    for, administration advice ("taking it with food reduces nausea"), advice to consult a
    professional, and references or related-question lists.

    ## Why it matters
    Readers act on efficacy claims. A claim without a source cannot be checked, and health
    content standards (HONcode, NICE evidence standards) ask for every claim of benefit to be
    referenced.

    ## Example
    ```markdown
    Naproxen relieves migraine attacks within an hour.
    ```

    ## Use instead
    ```markdown
    Naproxen relieved migraine pain at two hours more often than placebo [1].

    1. Law S, et al. Naproxen for acute migraine in adults. Cochrane Database Syst Rev. 2013.
    ```

    ## References
    - Health On the Net Foundation, HONcode principle 4 (attribution): https://www.hon.ch/cgi-bin/HONcode/principles.pl?English
    - NICE, Evidence standards framework: https://www.nice.org.uk/corporate/ecd7
    """

    code = "MED201"
    name = "unsupported-efficacy-claim"
    severity = Severity.WARNING
    summary = "Efficacy claim without a citation"
    message = "Efficacy claim without a citation"

    def check(self, document):
        for claim in document.claims:
            if self._cited(document, claim):
                continue
            if claim.hedged:
                message = ("Hedged efficacy claim without a citation: hedging ('may', 'some studies "
                           "suggest') does not replace a source")
            elif claim.cues == ("benefits list",):
                message = "List of benefits without a citation"
            else:
                message = self.message
            yield self.finding(document, claim.start, claim.end, message=message)

    @staticmethod
    def _cited(document, claim) -> bool:
        lead = document.sentence_at(claim.start)
        if lead is None or claim.end <= lead.end:
            return document.is_cited(claim.start, claim.end)
        # a benefits list: cited by a citation on its lead-in, or on every item
        if document.is_cited(lead.start, lead.end):
            return True
        items = [b for b in document.blocks if lead.end < b.start < claim.end]
        return bool(items) and all(document.is_cited(b.start, b.end) for b in items)
