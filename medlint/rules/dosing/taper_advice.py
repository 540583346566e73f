"""Sentences that advise gradual discontinuation or warn against stopping a drug suddenly.

Used by missing-taper-warning (MED303). A sentence is taper advice when it

* talks about tapering, weaning or stepping down ("taper the dose", "a tapering schedule",
  "wean off it", "step down the dose", "titrate it down");
* pairs a lowering or stopping verb with a gradual manner ("reduce the dose gradually",
  "lower the dose slowly before you stop", "dose reduction should be gradual", "come off it
  over several weeks"), in a sentence about a dose, a medicine or stopping;
* warns against stopping abruptly: a negated stopping verb with a sudden manner ("do not stop
  taking it suddenly", "never stop gabapentin cold turkey") or sudden stopping named as a
  harm ("stopping abruptly can cause seizures", "avoid rapid dose reduction").

A statement that no taper is needed ("a single dose can be stopped without tapering") also
counts: the writer has addressed stopping, which is what the rule asks for.

Not advice: a bare mention of withdrawal symptoms, a dose being "reduced" with no gradual
manner (a conversion step), questions; "taper" and "wean" in other senses (a symptom that
"tapers off", "the tapered end", weaning a baby); a manner word that belongs to another verb
("the rash faded slowly after stopping"); stopping an activity ("stop smoking gradually").
Advice to talk to a doctor before stopping, with no sudden or gradual manner, is not enough.

The gradual and sudden manners, the symptom words and the non-medicine weaning words are data:
the ``advice:`` lists of ``rulesets/taper_classes.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medlint.analysis.literals import LiteralSet

_F = re.I
_TAPER = re.compile(r"\b(?:taper(?:s|ed|ing)?|wean(?:s|ed|ing)?)\b", _F)
_LOWER = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion|tions)|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|cut(?:s|ting)? (?:back|down)"
    r"|step(?:s|ped|ping)? (?:down|off)|withdraw(?:s|n|al|ing)?|discontinu(?:e|es|ed|ing|ation)"
    r"|halv(?:e|es|ed|ing)|cut(?:s|ting)? (?:the |your )?(?:dose|dosage)"
    r"|stop(?:s|ped|ping)?|com(?:e|es|ing) off|bring(?:ing)? (?:it |the dose )?down|come down)\b", _F)
# The gradual manners beyond the word list of the ruleset (its ``advice: gradual``)
_GRADUAL_SCHEDULES = (
    r"over (?:a period of |the course of |at least |several |a few |many |"
    r"(?:{n})(?:\s*(?:to|-|\u2013|or)\s*(?:{n}))? )(?:days?|weeks?|months?)"
    r"|(?:for|over) (?:a|one|two|\d+) weeks? before (?:you )?(?:stop|stopping|coming off)"
    r"|then stop(?:ping)?(?: (?:it|them|completely|altogether))?"
    r"|before (?:you )?stop(?:ping)? (?:completely|altogether|entirely)"
    r"|every (?:few |couple of |(?:{n})(?:\s*(?:to|-|\u2013|or)\s*(?:{n}))? )?(?:days?|weeks?|months?)"
    .replace("{n}", r"\d+|one|two|three|four|five|six|eight|ten|twelve"))
_ABOUT_DOSE = re.compile(
    r"\b(?:doses?|dosages?|dosing|medicines?|medications?|drugs?|treatment|tablets?|pills?|capsules?|therapy|"
    r"patch(?:es)?|injections?|painkillers?|pain relievers?|prescriptions?|steroids?|antidepressants?|"
    r"stop(?:s|ped|ping)?|discontinu\w*|withdraw\w*|come off|coming off)\b"
    r"|\b(?:reduc\w*|lower\w*|decreas\w*|cut\w*|bring\w*) (?:it|them)\b"
    r"|\b(?:it|they) (?:should|must|will|needs? to|has to|have to|can|may) be (?:reduc|lower|decreas|cut|withdrawn)", _F)
# "step down the dose", "a step-down schedule", "titrate off": stepwise lowering, a taper in other words
_STEPWISE = re.compile(
    r"\bstep(?:s|ped|ping)? (?:down|off) (?:the |your |their |his |her )?(?:dose|dosage|medicine|medication|treatment)"
    r"|\bstep(?:s|ped|ping)? (?:the |your |their )?(?:dose|dosage) down\b"
    r"|\bstep-?down (?:schedule|plan|regimen|approach|dosing)|\btitrat\w* (?:(?:it|them|the dose|your dose) )?(?:down|off)\b|\bdown-?titrat\w*", _F)
# "tapers off" said of a symptom ("swelling usually tapers off within a week"), and a tapered
# object ("the tapered tip"): the word in another sense
_TAPER_OBJECT = re.compile(r"\s+(?:(?:off|down|away)\s+)?(?:it|them|you|yourself|him|her|people|patients|the|your|this|"
                           r"that|these|those|his|their|each|a|an)\b", _F)
_NOT_A_MEDICINE_AFTER = r"(?!\s*(?:medicines?|medications?|drugs?|treatments?|tablets?|pills?|reliev\w*|killers?))"
_DETERMINER = re.compile(r"\b(?:the|a|an|its|this|that|their)\s+(?:\w+\s+)?$", _F)
_TAPER_NOUN = re.compile(r"\s+(?:schedules?|plans?|regimens?|course|approach|programmes?|programs?|withdrawal|"
                         r"reductions?|dose|doses|dosing|off|down)\b", _F)
# a manner word that belongs to another verb: "the rash faded slowly", "symptoms improve gradually"
_OTHER_MANNER = re.compile(
    r"\b(?:fad|eas|improv|resolv|subsid|disappear|settl|recover|heal|return|ris|increas|build|absorb|releas|"
    r"work|act|wear|develop|start|begin|appear|titrat|go|goes|went|come back|comes back)\w*"
    r"\s+(?:(?:off|away|up|back|down)\s+)?$", _F)
_ACTIVITY = re.compile(r"\s+(?!taking\b|using\b|giving\b|treatment\b)[a-z]+ing\b", _F)  # "stop smoking"
_STOP = re.compile(r"\b(?:stop(?:s|ped|ping)?|quit(?:s|ting)?|discontinu\w*|ceas(?:e|es|ing)|cessation|"
                   r"go(?:es|ing)? cold turkey|"
                   r"withdraw(?:al|n|ing)?|halt(?:s|ing)?|com(?:e|ing) off|going off|go off"
                   r"|(?:dose|dosage) reductions?|(?:reduc|lower|decreas)\w* (?:the |your |a )?(?:dose|dosage))\b", _F)
_NEGATION = re.compile(r"\b(?:not|never|don't|do not|doesn't|shouldn't|should not|must not|mustn't|avoid"
                       r"|no one should|it is dangerous to|it's dangerous to)\b", _F)
_HARM = re.compile(r"\b(?:cause[sd]?|causing|lead(?:s|ing)? to|trigger\w*|bring(?:s)? on|result(?:s|ing)? in"
                   r"|precipitat\w*|provok\w*|risk\w*|danger\w*|harm\w*|serious|life-threatening|seizures?"
                   r"|rebound|withdrawal symptoms|withdrawal reactions?|not (?:be )?(?:recommended|advised)|avoided"
                   r"|(?:may|might|can|could|will) (?:experience|develop|get|have|suffer|feel))\b", _F)
_NO_NEED = re.compile(r"\b(?:(?:no need|not need|don't need|doesn't need|not necessary) to (?:taper|wean)\w*"
                      r"|without (?:a |any )?taper\w*|can be stopped (?:abruptly|suddenly|at once|any time))\b", _F)


@dataclass(frozen=True)
class _Vocabulary:
    gradual: re.Pattern
    sudden: re.Pattern
    symptom: re.Pattern
    other_weaning: re.Pattern


@lru_cache(maxsize=None)
def _vocabulary() -> _Vocabulary:
    """The word lists of ``advice:`` in the shipped taper ruleset, as patterns (read once)."""

    from medlint import resources

    lists = resources.load_ruleset_yaml("taper_classes.yaml").get("advice") or {}

    def words(key: str) -> str:
        return _alternation(lists.get(key) or ())

    return _Vocabulary(
        gradual=re.compile(rf"\b(?:{words('gradual')}|{_GRADUAL_SCHEDULES})\b", _F),
        sudden=re.compile(rf"\b(?:{words('sudden')})\b", _F),
        symptom=re.compile(rf"\b(?:{words('symptoms')})\b{_NOT_A_MEDICINE_AFTER}", _F),
        other_weaning=re.compile(rf"\b(?:{words('other_weaning')})\b", _F),
    )


def _alternation(phrases) -> str:
    """A regex alternation of phrases: spaces match any spacing, "-" a hyphen or a space, a final
    "*" any word ending; longest first."""
    parts = []
    for phrase in sorted({str(p).strip() for p in phrases if str(p).strip()}, key=len, reverse=True):
        tail = r"\w*" if phrase.endswith("*") else ""
        body = re.escape(phrase.rstrip("*"))
        parts.append(body.replace(r"\ ", r"\s+").replace(r"\-", r"[- ]") + tail)
    return "|".join(parts) or r"(?!x)x"


@dataclass(frozen=True)
class Advice:
    start: int
    end: int
    text: str


_ALL_PATHS = (True, True, True)


def is_taper_advice(text: str, paths: tuple[bool, bool, bool] = _ALL_PATHS) -> bool:
    """True when the sentence ``text`` advises tapering or warns against stopping suddenly.
    ``paths`` (from :func:`advice_paths`) skips the tests whose words the sentence lacks."""
    if text.rstrip().endswith("?"):
        return False
    words, sudden, gradual = paths
    if words and (_NO_NEED.search(text) or _STEPWISE.search(text)
                  or any(_is_taper_word(text, m) for m in _TAPER.finditer(text))):
        return True
    if sudden and _warns_sudden_stop(text):
        return True
    return gradual and _gradual_lowering(text)


def _is_taper_word(text: str, m: re.Match) -> bool:
    """"Taper"/"wean" said of a medicine, not of a symptom that fades ("swelling usually tapers
    off"), a shape ("the tapered tip") or a baby or a ventilator."""
    vocabulary = _vocabulary()
    if _ABOUT_DOSE.search(text) is None:
        if vocabulary.other_weaning.search(text):
            return False
        if _DETERMINER.search(text, 0, m.start()) and not _TAPER_NOUN.match(text, m.end()):
            return False  # "the tapered tip"
    if _TAPER_OBJECT.match(text, m.end()) is None:
        subject = re.split(r"[,;:.!?]", text[:m.start()])[-1]
        head = re.split(r"\b(?:from|of|with|after|at|in|on|by|due to|caused by|around)\b", subject, 1, flags=_F)[0]
        if vocabulary.symptom.search(head):
            return False  # "bruising from the injection tapers off", "withdrawal symptoms taper off"
    return True


def _gradual_lowering(text: str) -> bool:
    if not _ABOUT_DOSE.search(text):
        return False
    gradual_words = [g for g in _vocabulary().gradual.finditer(text) if not _OTHER_MANNER.search(text, 0, g.start())]
    for lower in _LOWER.finditer(text):
        if _ACTIVITY.match(text, lower.end()) and lower.group().lower().startswith(("stop", "quit")):
            continue  # "stop smoking gradually": not a medicine
        for gradual in gradual_words:
            gap = text[min(lower.end(), gradual.end()):max(lower.start(), gradual.start())]
            if len(gap.split()) <= 8 and not re.search(r"[.;!?]", gap):
                return True
    return False


def _warns_sudden_stop(text: str) -> bool:
    for stop in _STOP.finditer(text):
        window = text[max(0, stop.start() - 60):stop.end() + 60]
        if not _vocabulary().sudden.search(window):
            continue
        before = text[max(0, stop.start() - 50):stop.start()]
        if _NEGATION.search(before) or _HARM.search(text) or re.search(r"\bif\b", before, _F):
            return True
    return False


# Words (lower case, found inside words) that the patterns above need: advice always holds one
# of _ANY_WORDS, or a stopping word (_STOP) with a sudden manner, or a lowering word (_LOWER)
# with a gradual manner and a word of _ABOUT_DOSE. A sentence with none of them is not read at
# all, and only the tests it has the words for are run. Keep in step with the patterns
# (tests/test_rule_taper_index.py checks the gate against the detector).
_ANY_WORDS = ("taper", "wean", "step", "titrat")  # _TAPER, _NO_NEED, _STEPWISE
_NO_NEED_STOP = "can be stopped"  # the one _NO_NEED without "taper" or "wean"
_STOP_WORDS = ("stop", "quit", "discontinu", "ceas", "cessation", "turkey", "withdraw", "hal", "off", "reduc",
               "lower", "decreas")
_LOWER_WORDS = ("reduc", "lower", "decreas", "cut", "step", "withdraw", "discontinu", "hal", "stop", "off", "down")
# every schedule of _GRADUAL_SCHEDULES holds one of these
_SCHEDULE_WORDS = ("over ", "every ", "before", "then stop")
# _gradual_lowering also needs _ABOUT_DOSE, which needs one of these
_ABOUT_WORDS = ("dos", "medic", "drug", "treatment", "tablet", "pill", "capsule", "therapy", "patch", "injection",
                "painkiller", "pain reliever", "prescription", "steroid", "antidepressant", "stop", "discontinu",
                "withdraw", "off", " it", " them", "be reduc", "be lower", "be decreas", "be cut")
_WORDS = tuple(sorted({*_ANY_WORDS, *_STOP_WORDS, *_LOWER_WORDS}))
_WORD_SCAN = LiteralSet(_WORDS)
_ANY, _STOPPING, _LOWERING = 1, 2, 4
_FLAGS = {w: (_ANY if w in _ANY_WORDS else 0) | (_STOPPING if w in _STOP_WORDS else 0)
          | (_LOWERING if w in _LOWER_WORDS else 0) for w in _WORDS}
# Characters that re.I matches to an ASCII letter but str.lower() does not lower to one
_CASE_ODDITIES = ("\u0130", "\u0131", "\u017f")


@lru_cache(maxsize=None)
def _manner_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A literal piece of every sudden and gradual manner of the ruleset (its longest word)."""

    from medlint import resources

    lists = resources.load_ruleset_yaml("taper_classes.yaml").get("advice") or {}

    def pieces(key: str) -> tuple[str, ...]:
        words = (max(re.split(r"[\s-]+", str(p).strip().rstrip("*").lower()), key=len) for p in lists.get(key) or ())
        return tuple(sorted({w for w in words if w}))

    return pieces("sudden"), pieces("gradual") + _SCHEDULE_WORDS


def advice_paths(lowered: str, flags: int | None = None) -> tuple[bool, bool, bool]:
    """Which tests of :func:`is_taper_advice` the lower-cased sentence holds the words for: the
    taper / step-down / no-need patterns, a sudden stop, a gradual lowering. ``flags``: which of
    the word groups it holds, when already known."""
    if flags is None:
        flags = 0
        for word in _WORDS:
            if word in lowered:
                flags |= _FLAGS[word]
    sudden, gradual = _manner_words()
    return (bool(flags & _ANY) or _NO_NEED_STOP in lowered,
            bool(flags & _STOPPING) and any(map(lowered.__contains__, sudden)),
            bool(flags & _LOWERING) and any(map(lowered.__contains__, gradual))
            and any(map(lowered.__contains__, _ABOUT_WORDS)))


def may_be_advice(lowered: str, flags: int | None = None) -> bool:
    """False when the lower-cased sentence cannot be taper advice (it lacks every word the
    detector needs); True when it may be."""
    return any(advice_paths(lowered, flags))


def _candidates(document) -> list[tuple]:
    """The sentences that may be taper advice, with the tests each may pass: the words the
    detector needs are looked up once in the whole lower-cased prose, and only sentences
    holding one are checked further."""
    sentences = document.sentences
    prose = document.prose
    lowered = prose.lower()
    if len(lowered) != len(prose) or any(c in prose for c in _CASE_ODDITIES):
        return [(s, _ALL_PATHS) for s in sentences]  # case matching could differ: read every sentence
    hit: dict[int, list] = {}  # sentence start -> [sentence, flags]
    for i, word in _WORD_SCAN.find_all(lowered):
        sentence = document.sentence_at(i)
        if sentence is not None and i + len(word) <= sentence.end:
            entry = hit.setdefault(sentence.start, [sentence, 0])
            entry[1] |= _FLAGS[word]
    out = []
    for s, flags in (hit[k] for k in sorted(hit)):
        paths = advice_paths(s.text.lower(), flags)
        if any(paths):
            out.append((s, paths))
    return out


def find_advice(document, skip_kinds: tuple[str, ...] = ("related", "references")) -> list[Advice]:
    """Every sentence of the document that is taper advice (sections of ``skip_kinds`` aside)."""
    out = []
    for sentence, paths in _candidates(document):
        section = document.section_at(sentence.start)
        if section is not None and section.kind in skip_kinds:
            continue
        if is_taper_advice(sentence.text, paths):
            out.append(Advice(sentence.start, sentence.end, sentence.text))
    return out
