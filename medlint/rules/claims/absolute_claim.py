"""absolute-claim (MED203): guarantees and absolutes about health outcomes or safety."""
from __future__ import annotations

from medlint.analysis import claim_lexicon, context
from medlint.analysis.claim_sentences import assertive_views
from medlint.findings import Severity
from medlint.rules.base import Rule

_NEGATING = frozenset((context.NEGATED, context.LIMITATION, context.HYPOTHETICAL))
_FREQUENCY_STATEMENTS = ("no_side_effects", "zero_chance", "never_causes")


class AbsoluteClaim(Rule):
    """Checks for guarantees and absolutes about health outcomes or safety.

    ## What it does
    Flags words and phrases that promise certainty: "cures", "a proven cure", "guaranteed",
    "100% safe", "completely safe", "no side effects", "never causes side effects", "zero
    chance of addiction", "miracle", "risk-free", "always works". Negations are not flagged
    ("there is no cure", "is not a cure", "no medicine is risk-free"), nor are instructions
    that happen to use "never" or "always" ("never take two doses at once"). Citations do not
    excuse an absolute: no source can make a medicine risk-free.

    ## Why it matters
    No medicine is free of risk or certain to work. Absolute wording misleads readers about
    safety, and regulators (FTC, UK CAP Code) treat "cure" and "100% safe" as claims that
    need proof.

    ## Example
    ```markdown
    This herbal tea is completely safe and has no side effects.
    ```

    ## Use instead
    ```markdown
    This herbal tea is well tolerated by most adults; mild stomach upset is the most common side effect.
    ```

    ## References
    - FTC, Health Products Compliance Guidance (2022): https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance
    - CAP Code, section 12 (medicines, medical devices, health-related products): https://www.asa.org.uk/type/non_broadcast/code_section/12.html
    """

    code = "MED203"
    name = "absolute-claim"
    severity = Severity.WARNING
    summary = "Absolute or guaranteed claim about health outcomes or safety"
    message = "Absolute claim {phrase!r}: no treatment is certain to work or free of risk"

    def check(self, document):
        lex = claim_lexicon.load()
        for sentence, words, _, _ in assertive_views(document):
            if words.isdisjoint(lex.absolute_keywords):
                continue
            text = sentence.text
            hits = []
            for name, regex, keywords, first in lex.absolute:
                if not words.isdisjoint(keywords) and (first is None or not words.isdisjoint(first)):
                    hits.extend((m.start(), m.end(), name) for m in regex.finditer(text))
            if not hits:
                continue
            pseudo = [(m.start(), m.end()) for m in lex.absolute_pseudo.finditer(text)]
            ctx = context.SentenceContext(text, sentence.start, categories=_NEGATING)
            last_end = -1
            for start, end, name in sorted(hits, key=lambda h: (h[0], -h[1])):
                if start < last_end or any(a <= start < b for a, b in pseudo):
                    continue
                span = (sentence.start + start, sentence.start + end)
                if ctx.categories_at(span[0], ignore=span) & _NEGATING:
                    continue
                if name in _FREQUENCY_STATEMENTS and lex.population_quantifier.search(text[:start]):
                    continue  # "most people have no side effects": a frequency, not a guarantee
                last_end = end
                yield self.finding(document, sentence.start + start, sentence.start + end,
                                   phrase=" ".join(text[start:end].split()))
