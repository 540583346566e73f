"""Sentences that advise gradual discontinuation or warn against stopping a drug suddenly.

Used by missing-taper-warning (MED303). A sentence is taper advice when it

* talks about tapering or weaning ("taper the dose", "a tapering schedule", "wean off it");
* pairs a lowering or stopping verb with a gradual manner ("reduce the dose gradually",
  "lower the dose slowly before you stop", "dose reduction should be gradual", "come off it
  over several weeks"), in a sentence about a dose, a medicine or stopping;
* warns against stopping abruptly: a negated stopping verb with a sudden manner ("do not stop
  taking it suddenly", "never stop gabapentin cold turkey") or sudden stopping named as a
  harm ("stopping abruptly can cause seizures", "avoid rapid dose reduction").

A statement that no taper is needed ("a single dose can be stopped without tapering") also
counts: the writer has addressed stopping, which is what the rule asks for.

Not advice: a bare mention of withdrawal symptoms, a dose being "reduced" with no gradual
manner (a conversion step), questions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_F = re.I
_TAPER = re.compile(r"\b(?:taper(?:s|ed|ing)?|wean(?:s|ed|ing)?)\b", _F)
_LOWER = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion|tions)|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|cut(?:s|ting)? (?:back|down)"
    r"|step(?:s|ped|ping)? (?:down|off)|withdraw(?:s|n|al|ing)?|discontinu(?:e|es|ed|ing|ation)"
    r"|halv(?:e|es|ed|ing)|cut(?:s|ting)? (?:the |your )?(?:dose|dosage)"
    r"|stop(?:s|ped|ping)?|com(?:e|es|ing) off|bring(?:ing)? (?:it |the dose )?down|come down)\b", _F)
_GRADUAL = re.compile(
    r"\b(?:gradual(?:ly)?|slow(?:ly)?|step[- ]by[- ]step|stepwise|in (?:small )?(?:stages|steps)|little by little"
    r"|bit by bit|over (?:a period of |the course of |at least |several |a few |many |"
    r"(?:{n})(?:\s*(?:to|-|\u2013|or)\s*(?:{n}))? )(?:days?|weeks?|months?)"
    r"|(?:for|over) (?:a|one|two|\d+) weeks? before (?:you )?(?:stop|stopping|coming off))\b"
    .replace("{n}", r"\d+|one|two|three|four|five|six|eight|ten|twelve"), _F)
_ABOUT_DOSE = re.compile(
    r"\b(?:doses?|dosages?|dosing|medicines?|medications?|drugs?|treatment|tablets?|pills?|therapy|"
    r"stop(?:s|ped|ping)?|discontinu\w*|withdraw\w*|come off|coming off)\b", _F)
_STOP = re.compile(r"\b(?:stop(?:s|ped|ping)?|quit(?:s|ting)?|discontinu\w*|ceas(?:e|es|ing)|cessation|"
                   r"withdraw(?:al|n|ing)?|halt(?:s|ing)?|com(?:e|ing) off|going off|go off"
                   r"|(?:dose|dosage) reductions?|(?:reduc|lower|decreas)\w* (?:the |your |a )?(?:dose|dosage))\b", _F)
_SUDDEN = re.compile(r"\b(?:abrupt(?:ly)?|sudden(?:ly)?|all of a sudden|all at once|cold turkey|rapid(?:ly)?|quickly|"
                     r"too (?:fast|soon))\b", _F)
_NEGATION = re.compile(r"\b(?:not|never|don't|do not|doesn't|shouldn't|should not|must not|mustn't|avoid"
                       r"|no one should|it is dangerous to|it's dangerous to)\b", _F)
_HARM = re.compile(r"\b(?:cause[sd]?|causing|lead(?:s|ing)? to|trigger\w*|bring(?:s)? on|result(?:s|ing)? in"
                   r"|precipitat\w*|provok\w*|risk\w*|danger\w*|harm\w*|serious|life-threatening|seizures?"
                   r"|rebound|withdrawal symptoms|withdrawal reactions?|not (?:be )?(?:recommended|advised)|avoided"
                   r"|(?:may|might|can|could|will) (?:experience|develop|get|have|suffer|feel))\b", _F)
_NO_NEED = re.compile(r"\b(?:(?:no need|not need|don't need|doesn't need|not necessary) to (?:taper|wean)\w*"
                      r"|without (?:a |any )?taper\w*|can be stopped (?:abruptly|suddenly|at once|any time))\b", _F)


@dataclass(frozen=True)
class Advice:
    start: int
    end: int
    text: str


def is_taper_advice(text: str) -> bool:
    """True when the sentence ``text`` advises tapering or warns against stopping suddenly."""
    if text.rstrip().endswith("?"):
        return False
    if _NO_NEED.search(text) or _TAPER.search(text):
        return True
    if _warns_sudden_stop(text):
        return True
    return _gradual_lowering(text)


def _gradual_lowering(text: str) -> bool:
    if not _ABOUT_DOSE.search(text):
        return False
    for lower in _LOWER.finditer(text):
        for gradual in _GRADUAL.finditer(text):
            gap = text[min(lower.end(), gradual.end()):max(lower.start(), gradual.start())]
            if len(gap.split()) <= 8 and not re.search(r"[.;!?]", gap):
                return True
    return False


def _warns_sudden_stop(text: str) -> bool:
    for stop in _STOP.finditer(text):
        window = text[max(0, stop.start() - 60):stop.end() + 60]
        if not _SUDDEN.search(window):
            continue
        before = text[max(0, stop.start() - 50):stop.start()]
        if _NEGATION.search(before) or _HARM.search(text) or re.search(r"\bif\b", before, _F):
            return True
    return False


def find_advice(document, skip_kinds: tuple[str, ...] = ("related", "references")) -> list[Advice]:
    """Every sentence of the document that is taper advice (sections of ``skip_kinds`` aside)."""
    out = []
    for sentence in document.sentences:
        section = document.section_at(sentence.start)
        if section is not None and section.kind in skip_kinds:
            continue
        if is_taper_advice(sentence.text):
            out.append(Advice(sentence.start, sentence.end, sentence.text))
    return out
