"""vague-attribution (MED202): an appeal to unnamed sources with no citation."""
from __future__ import annotations

import re

from medlint.analysis import claim_lexicon
from medlint.analysis.claim_sentences import assertive_views
from medlint.findings import Severity
from medlint.rules.base import Rule

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[\s,]*$")
# "is not backed by science", "has never been clinically proven": a denied appeal
_DENIED = re.compile(r"\b(?:not|never|n['’]t)(?:\s+been)?\s*$", re.IGNORECASE)


class VagueAttribution(Rule):
    """Checks for appeals to unnamed studies, experts or doctors.

    ## What it does
    Flags phrases such as "some studies suggest", "research shows", "studies have found",
    "experts agree", "many doctors believe", "according to experts" or "a study published
    in 2009 found" when the sentence carries no citation. Named sources ("the NICE
    guideline", "in the SANAD II trial", "the FDA warned") and the same words followed by a
    reference are not flagged.

    ## Why it matters
    "Studies show" sounds like evidence but gives the reader nothing to check. Wikipedia's
    style guide calls these weasel words; health content standards ask that the source of
    every claim be named.

    ## Example
    ```markdown
    Experts agree that melatonin is the best choice for jet lag.
    ```

    ## Use instead
    ```markdown
    A Cochrane review found that melatonin reduced jet lag after eastward flights [1].

    1. Herxheimer A, Petrie KJ. Melatonin for the prevention and treatment of jet lag. Cochrane Database Syst Rev. 2002.
    ```

    ## References
    - Wikipedia Manual of Style, unsupported attributions: https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Unsupported_attributions
    - Health On the Net Foundation, HONcode principle 4 (attribution): https://www.hon.ch/cgi-bin/HONcode/principles.pl?English
    """

    code = "MED202"
    name = "vague-attribution"
    severity = Severity.WARNING
    summary = "Appeal to unnamed sources without a citation"
    message = "Vague attribution {phrase!r}: name the source and cite it"

    def check(self, document):
        lex = claim_lexicon.load()
        # a sentence holding none of these words cannot attribute (may_attribute's first tests)
        gate = lex.derived("vague_gate", lambda: lex.vague_agentless | lex.vague_verb_words | {"according"})
        for sentence, words, _, low in assertive_views(document):
            if words.isdisjoint(gate) or not lex.may_attribute(words, low):
                continue
            matches = [m for m in lex.vague_matches(sentence.text)
                       if not self._specific(sentence.text, m, lex)]
            if not matches or document.is_cited(sentence.start, sentence.end):
                continue
            if lex.named_source.search(sentence.text):
                continue  # "In the ALLHAT trial, researchers found ...": the source is named
            for m in matches:
                phrase = m.group()
                yield self.finding(document, sentence.start + m.start(), sentence.start + m.end(),
                                   phrase=" ".join(phrase.split()))

    @staticmethod
    def _specific(text: str, m: re.Match, lex) -> bool:
        """A named or anaphoric source ("the NICE guidelines recommend", "these studies show"),
        or an agentless appeal that is denied ("is not backed by science")."""
        if m.group("widely"):
            return bool(_DENIED.search(text[:m.start()]))  # denied, not appealed to
        if m.group("according") or m.group("single"):
            return False
        if m.group("quant").strip():
            return False
        before = _WORD_BEFORE.search(text[:m.start()])
        if before is None:
            return False
        word = before.group(1)
        if word.lower() in lex.vague_specific:
            return True
        # a capitalised word just before the source names it ("Harvard researchers found")
        sentence_start = not text[:before.start()].strip()
        return word[0].isupper() and not sentence_start and word.lower() not in lex.vague_quantifiers
