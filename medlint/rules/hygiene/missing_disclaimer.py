"""missing-disclaimer (MED502): treatment information with no "not medical advice" statement."""
from __future__ import annotations

import re
from typing import Iterator

from medlint.findings import Finding, Severity
from medlint.prose import HEADING
from medlint.rules import triggers
from medlint.rules.base import Rule

_ADVICE = (r"(?:(?:professional|medical|clinical|expert|personal(?:i[sz]ed)?|individual(?:i[sz]ed)?|qualified|"
           r"healthcare|health[ -]care|your|a|the|own)[ \t]+){0,4}"
           r"(?:advice|care|consultation|diagnosis|treatment|judg(?:e)?ment|discretion|opinion|guidance|"
           r"doctors?|physicians?|pharmacists?|clinicians?|prescribers?|providers?|professionals?|"
           r"healthcare[ \t]+professionals?|health[ \t]+professionals?)")
_PRO = (r"(?:professional|medical|doctor|physician|pharmacist|clinician|prescriber|provider|healthcare|"
        r"health[ -]care|qualified|personal(?:i[sz]ed)?|individual(?:i[sz]ed)?|expert)")
# words that may stand between "replace" and the professional: "a consultation with a qualified
# healthcare professional", "the guidance of your own doctor"; not "the medicine your doctor prescribed"
_ADVICE_GAP = (r"(?:a|an|the|your|own|their|consultations?|visits?|appointments?|conversations?|discussions?|talk|"
               r"talking|speaking|seeing|meeting|checking|consulting|chat|chatting|"
               r"guidance|advice|care|judge?ment|opinion|expertise|with|of|from|by|to|qualified|licensed|trained|"
               r"personal(?:i[sz]ed)?|individual(?:i[sz]ed)?|professional|medical|healthcare|health|registered|"
               r"doctor's|doctors'|physician's)")
_KIND = r"(?:personal(?:i[sz]ed)?|individual(?:i[sz]ed)?|specific|professional)"
# The common ways a page says "this is information, not medical advice", each with its
# triggers: words one of which every match holds (none matches across a line break, so only the
# lines holding a trigger are searched; see medlint.rules.triggers).
_DISCLAIMERS: list[tuple[str, tuple[str, ...]]] = [
    # "for informational/educational purposes only", "for general information only"
    (r"\b(?:for|is|are)[ \t]+(?:general[ \t]+)?(?:informational|information|educational|education|reference)"
     r"(?:[ \t]+(?:and[ \t]+)?(?:informational|educational))?(?:[ \t]+(?:purposes?|use))?[ \t]+only\b",
     ("only",)),
    (r"\b(?:informational|educational|information)[ \t]+(?:purposes?|use|content|material|resource)[ \t]+only\b",
     ("only",)),
    # "rely on your own prescriber, not this page"
    (r"\b(?:rely|depend)[ \t]+(?:up)?on[ \t]+(?:[\w'-]+[ \t]+){0,3}" + _PRO + r"\w*[ \t]*,?[ \t]+(?:and[ \t]+)?not[ \t]+"
     r"(?:on[ \t]+)?(?:this|the|our)[ \t]+(?:page|article|site|website|guide|information|content)\b",
     ("rely", "depend")),
    # "is not a substitute for professional medical advice"
    (r"\b(?:not|no)[ \t]+(?:be[ \t]+)?(?:intended[ \t]+(?:as|to[ \t]+be)[ \t]+)?(?:a[ \t]+|an[ \t]+)?"
     r"(?:substitute|replacement|alternative)[ \t]+for[ \t]+(?:[\w'’-]+[ \t]+){0,6}" + _PRO,
     ("substitute", "replacement", "alternative")),
    # "does not replace (a consultation with) a qualified healthcare professional"
    (r"\b(?:not|never|cannot|can't|doesn't|don't)[ \t]+(?:\w+[ \t]+){0,3}"
     r"(?:replace[sd]?|take[ \t]+the[ \t]+place[ \t]+of)"
     r"[ \t]+(?:" + _ADVICE_GAP + r"[ \t]+){0,5}" + _PRO,
     ("place",)),
    # "should not be used in place of advice from your physician"
    (r"\bnot[ \t]+(?:be[ \t]+)?(?:used|relied[ \t]+(?:up)?on|taken)[ \t]+(?:in[ \t]+place[ \t]+of|instead[ \t]+of|as)"
     r"[ \t]+(?:[\w-]+[ \t]+){0,4}" + _ADVICE,
     ("used", "relied", "taken")),
    # "not intended to diagnose, treat, cure or prevent any disease"
    (r"\bnot[ \t]+(?:intended|meant|designed)[ \t]+to[ \t]+(?:diagnose|provide[ \t]+(?:medical|professional)"
     r"|replace[ \t]+(?:[\w-]+[ \t]+){0,4}" + _PRO + r"|be[ \t]+(?:medical|professional)[ \t]+advice)",
     ("intended", "meant", "designed")),
    # "does not constitute medical advice", "is not medical advice", "should not be taken as personal medical advice"
    (r"\b(?:is|are|does|do|should|must)[ \t]+not[ \t]+(?:be[ \t]+)?(?:constitute[ \t]+|provide[ \t]+|offer[ \t]+|"
     r"(?:considered|taken|read|used|treated)[ \t]+(?:as[ \t]+)?|construed[ \t]+as[ \t]+)?(?:a[ \t]+|any[ \t]+)?"
     r"(?:" + _KIND + r"[ \t]+)?(?:medical|professional|clinical|health(?:care)?)[ \t]+advice\b",
     ("advice",)),
    # "Nothing on this site constitutes medical advice", "Nothing here should be taken as medical advice"
    (r"\bnothing[ \t]+(?:(?:on|in)[ \t]+(?:this|our)[ \t]+\w+|here(?:in)?)[ \t]+(?:is|constitutes|should[ \t]+be[ \t]+"
     r"(?:taken|considered|read|construed|used)[ \t]+as|is[ \t]+(?:intended|meant)[ \t]+(?:as|to[ \t]+be))[ \t]+"
     r"(?:\w+[ \t]+){0,2}(?:medical|professional)[ \t]+advice\b",
     ("nothing",)),
    # "Nothing on this page replaces a conversation with your own doctor", "Nothing here can take the
    # place of your pharmacist's advice", "Nothing in this guide is a substitute for professional care"
    (r"\bnothing[ \t]+(?:(?:on|in)[ \t]+(?:this|our|these)[ \t]+\w+|here(?:in)?)[ \t]+"
     r"(?:(?:can|could|should|will|is[ \t]+(?:meant|intended)[ \t]+to)[ \t]+)?"
     r"(?:replaces?|takes?[ \t]+the[ \t]+place[ \t]+of|substitutes?[ \t]+for|is[ \t]+an?[ \t]+"
     r"(?:substitute|replacement|alternative)[ \t]+for)[ \t]+(?:" + _ADVICE_GAP + r"[ \t]+){0,5}" + _ADVICE,
     ("nothing",)),
    # "This is general information, not medical advice"
    (r"\b(?:information|content|answer|overview|summary|guide|article|page|material|resource)\b[^.!?\n]{0,30}?"
     r"[,;:—–-][ \t]*not[ \t]+(?:" + _KIND + r"[ \t]+)?(?:medical|professional|clinical|health(?:care)?)[ \t]+advice\b",
     ("advice",)),
    # "Use this page to prepare questions for your clinician, not to replace their advice."
    (r"\bnot[ \t]+(?:(?:meant|intended|designed)[ \t]+)?to[ \t]+(?:replace|substitute[ \t]+for)[ \t]+"
     r"(?:(?:their|your|his|her|the|a|any)[ \t]+)?(?:[\w'-]+[ \t]+){0,2}?"
     r"(?:advice|guidance|judg(?:e)?ments?|consultations?|visits?|appointments?|examinations?)\b",
     ("replace", "substitute")),
    # "Never disregard professional medical advice ... because of something you have read"
    (r"\bnever[ \t]+(?:disregard|ignore|delay)[ \t]+(?:\w+[ \t]+){0,2}(?:medical|professional)[ \t]+advice\b",
     ("disregard", "ignore", "delay")),
    # "should not be used to self-diagnose", "meant to inform, not to diagnose or treat"
    (r"\bnot[ \t]+(?:be[ \t]+)?used[ \t]+(?:to|for)[ \t]+self[ -]?(?:diagnos|treat|medicat)\w*",
     ("self",)),
    (r"\b(?:meant|intended|designed|written)[ \t]+to[ \t]+(?:inform|educate)\b[^.!?\n]{0,30}?\bnot[ \t]+to[ \t]+"
     r"(?:diagnose|treat|replace|advise|prescribe)",
     ("inform", "educate")),
    # "does not replace the relationship between you and your doctor" (HONcode's wording)
    (r"\b(?:not|never)[ \t]+(?:\w+[ \t]+){0,3}replace[sd]?[ \t]+the[ \t]+(?:\w+[ \t]+)?relationship\b",
     ("relationship",)),
    # "I'm an AI and can't give medical advice", "We are not doctors"
    (r"\b(?:I|we|AI|assistant|chatbot|this[ \t]+(?:page|article|site|website|guide|tool|content|app))\b[^.!?\n]{0,25}?"
     r"(?:can't|can’t|cannot|can[ \t]+not|don't|don’t|do[ \t]+not|won't|unable[ \t]+to|not[ \t]+able[ \t]+to)[ \t]+"
     r"(?:give|provide|offer)[ \t]+(?:you[ \t]+)?(?:" + _KIND + r"[ \t]+)?(?:medical|professional|clinical)[ \t]+advice\b",
     ("advice",)),
    (r"\b(?:I[ \t]+am|I'm|I’m|we[ \t]+are|we're|we’re)[ \t]+not[ \t]+(?:a[ \t]+)?(?:doctors?|physicians?|"
     r"(?:medical|healthcare|health[ \t]+care)[ \t]+(?:professionals?|providers?))\b",
     ("doctor", "physician", "professional", "provider")),
    # "This article is general (health) information"
    (r"\b(?:this|the|our)[ \t]+(?:article|page|content|information|guide|post|answer|summary|site|website)[ \t]+"
     r"(?:is|provides|offers|contains)[ \t]+(?:only[ \t]+)?general[ \t]+(?:health[ \t]+|medical[ \t]+)?information\b",
     ("general",)),
    # "This information is intended for healthcare professionals" (professional-audience pages)
    (r"\bintended[ \t]+(?:only[ \t]+)?for[ \t]+(?:use[ \t]+by[ \t]+)?(?:licensed[ \t]+)?"
     r"(?:healthcare|health[ \t]+care|medical)[ \t]+professionals\b",
     ("professionals",)),
]
_DISCLAIMER = re.compile("|".join(f"(?:{p})" for p, _ in _DISCLAIMERS), re.I)
_WORDINGS = [(re.compile(p, re.I), triggers.literal(*words)) for p, words in _DISCLAIMERS]
_LABEL_TRIGGER = triggers.literal("disclaimer")
_DISCLAIMER_LABEL = re.compile(r"(?i)^[\W_]*(?:medical[ \t]+)?disclaimer[ \t]*[:.\-–—]")
_TREATMENT = re.compile(r"(?i)\b(?:medications?|medicines?|drugs?|doses?|dosages?|dosing|prescri\w+|tablets?|"
                        r"capsules?|side[ \t-]effects?|treatments?|therapy|therapies|supplements?|\d+(?:\.\d+)?[ \t]?"
                        r"(?:mg|mcg|ml|mL)\b)")
_MIN_TREATMENT_WORDS = 2
_MIN_SECTION_WORDS = 8
_MIN_LABEL_WORDS = 5  # "Disclaimer: ..." with a statement after it, not a bare footer link


class MissingDisclaimer(Rule):
    """Checks that an article giving treatment information says it is not medical advice.

    ## What it does
    Document-level. When an article gives medication or treatment information (it names a
    drug or a dose, or talks about medicines and treatment), it must somewhere say that it is
    for information only and not a substitute for professional medical advice. The usual
    wordings are accepted ("for informational purposes only", "is not a substitute for
    professional medical advice", "does not replace a consultation with a qualified healthcare
    professional", "not intended to diagnose, treat, cure or prevent"), and so is a section
    headed "Disclaimer"; option `phrases` adds house wordings. Advice to "talk to your doctor"
    alone is not a disclaimer. The finding stands on the title.

    ## Why it matters
    Readers act on health articles. Saying plainly that the page does not replace a
    clinician's advice is expected by health-content standards and protects both readers and
    publishers.

    ## Example
    ```markdown
    # Ibuprofen for back pain

    Ibuprofen is a painkiller. Talk to your doctor if the pain lasts more than a week.
    ```

    ## Use instead
    ```markdown
    # Ibuprofen for back pain

    Ibuprofen is a painkiller. Talk to your doctor if the pain lasts more than a week.

    This article is for information only and is not a substitute for professional medical advice.
    ```

    ## References
    - HONcode principle 2 (complementarity: information supports, not replaces, the
      patient-physician relationship): https://www.hon.ch/cgi-bin/HONcode/principles.pl
    """

    code = "MED502"
    name = "missing-disclaimer"
    severity = Severity.WARNING
    summary = "Treatment information without a 'not a substitute for medical advice' statement"
    message = ("No medical disclaimer: the article gives treatment information but never says it is not a "
               "substitute for professional medical advice")
    default_options = {"phrases": []}

    def check(self, document) -> Iterator[Finding]:
        blocks = document.blocks
        if not blocks or self._has_disclaimer(document) or not self._gives_treatment_info(document):
            return
        anchor = next((b for b in blocks if b.kind == HEADING), blocks[0])
        yield self.finding(document, anchor.start, anchor.end)

    def _has_disclaimer(self, document) -> bool:
        prose = document.prose
        lowered = triggers.fold(prose)
        if _has_wording(prose, lowered):
            return True
        phrases = [" ".join(str(p).lower().split()) for p in self.options.get("phrases") or [] if str(p).strip()]
        if phrases:
            folded = " ".join(prose.lower().split())
            if any(phrase in folded for phrase in phrases):
                return True
        blocks = document.blocks
        labelled = (range(len(blocks)) if lowered is None
                    else sorted(triggers.blocks_hit(document, _LABEL_TRIGGER, lowered)))
        for i in labelled:
            block = blocks[i]
            text = prose[block.start:block.end]
            if _DISCLAIMER_LABEL.match(text) and len(text.split()) > _MIN_LABEL_WORDS:
                return True
        for section in document.sections:  # a section headed "Disclaimer" with some text in it
            if section.kind == "disclaimer":
                body = prose[section.start:section.end].split()
                if len(body) - len(section.heading.split()) >= _MIN_SECTION_WORDS:
                    return True
        return False

    @staticmethod
    def _gives_treatment_info(document) -> bool:
        if document.doses or document.drugs:
            return True
        words = _TREATMENT.finditer(document.prose)
        return sum(1 for _, _ in zip(range(_MIN_TREATMENT_WORDS), words)) >= _MIN_TREATMENT_WORDS


def _has_wording(prose: str, lowered: str | None) -> bool:
    """Whether the prose holds a disclaimer wording: each wording is searched in the lines that
    hold one of its triggers (everywhere when the prose has no ``lowered`` form)."""
    if lowered is None:
        return _DISCLAIMER.search(prose) is not None
    return any(pattern.search(prose, start, end) for pattern, words in _WORDINGS
               for start, end in triggers.lines_hit(words, lowered))
