"""Bare trailing-number citations: "... short-term use (2-4 weeks) 1." and "... options 3, 4.".

Answer engines and some CMS exports cite by appending the reference number to the sentence,
with no bracket or superscript, or in parentheses ("... twice daily (2).", Vancouver style). A number at the end of a sentence is usually just a number
("a dose of 1.", "call 988."), so medlint decides per DOCUMENT: the style is on only when at
least two sentences end with such a number right before the final period, after a word that
does not take a number (not a unit, preposition, count noun, "type", "call"...), and the
labels look like references (at least two distinct labels, or a numbered reference list).
Only then do those trailing numbers count as citations.
"""
from __future__ import annotations

import bisect
import re

from medlint.analysis.types import Citation
from medlint.prose import HEADING

MAX_LABEL = 150
_LABELS = r"\d{1,3}(?:\s*,\s*\d{1,3})*"
# <word-before> <labels> . (at the end of the sentence)
_TAIL = re.compile(rf"(?P<before>\S+)\s+(?P<labels>{_LABELS})\s*\.$")
# ... or in parentheses, Vancouver style: "... twice daily (2)." / "... (3-5)."
_PAREN_TAIL = re.compile(rf"(?P<before>\S+)\s*\((?P<labels>{_LABELS}(?:\s*[\u2013-]\s*\d{{1,3}})?)\)\s*\.$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBERED_REF = re.compile(r"^\s*\[?\d{1,3}[.)\]]\s+\S")

# Words after which a number is a quantity, a count, a label or a code, not a citation.
NUMBER_TAKING_WORDS = frozenset("""
a an the of for to from by at in on into onto with without than about around approximately approx
roughly nearly almost over under above below between and or nor but up least most only just exactly
some all any is are was were be been being am equals equal equalled totals total totalled reached
reaches reach reaching exceeds exceeded exceed exceeding plus minus times x per every each next last
no number numbers nos step stage grade type level phase class category schedule tier version part
section chapter table figure fig page item option question answer point points score scores rating
second round
age aged ages older younger
need needs needed had has have take takes took give gives gave use uses used counted scored rated
measured weighs weighed costs cost lasts lasted numbered turns turned reached hits hit
call dial text phone press line ext extension code room suite box route highway floor gate
covid hiv vitamin hba1c a1c egfr gfr ldl hdl inr psa tsh bmi bp ratio count counts rate index iq ph
""".split())

# Words that a parenthesized number labels ("see step (2).", "diabetes type (1).")
LABEL_WORDS = frozenset("""
no number numbers nos step steps stage grade type level phase class category schedule tier version part section
chapter table figure fig page item option question answer point points score list equation appendix box
""".split())

# Nouns that take a number ("day 3", "dose 2") unless a determiner or "per" closes them.
COUNT_NOUNS = frozenset("day week month year hour minute dose tablet capsule pill unit cycle visit".split())
_COUNTING_CONTEXT = frozenset("""
on after before from until till by at in to through of since during between and or is was are were
be starting start begin beginning end ending including
""".split())


def find_trailing_numbers(document) -> list[Citation]:
    """Trailing-number citations of ``document`` (empty unless its style uses them)."""
    candidates = []
    for sentence in document.sentences:
        found = _candidate(document, sentence)
        if found is not None:
            candidates.append(found)
    if len(candidates) < 2:
        return []
    labels = {c.label for c in candidates}
    references = _numbered_references(document)
    if len(labels) < 2 and references == 0:
        return []
    limit = max(references, 1) + 2 if references else MAX_LABEL
    return [c for c in candidates if all(int(n) <= limit for n in re.findall(r"\d+", c.label))]


def _candidate(document, sentence) -> Citation | None:
    text = sentence.text
    if not text.endswith(".") or not text[-2:-1].strip():
        return None
    # Both patterns end "<label>." or "(<label>)." with nothing between: the character before
    # the final period tells which one can match (most sentences end in a word: neither).
    last = text[-2]
    if last.isdecimal():  # what \d matches
        m, parenthesized = _TAIL.search(text[-80:]), False
    elif last == ")":
        m, parenthesized = _PAREN_TAIL.search(text[-80:]), True
    else:
        return None
    if m is None:
        return None
    labels = re.findall(r"\d+", m.group("labels"))
    if any(int(n) == 0 or int(n) > MAX_LABEL for n in labels):
        return None
    before = m.group("before")
    head = text[: len(text) - len(text[-80:]) + m.start()]  # the sentence before <word-before>
    if parenthesized:
        # in parentheses only a label word ("step (2).", "type (1).") or a number makes it a label
        if before.lower().strip("\"'\u201c\u201d") in LABEL_WORDS or _NUMBER.fullmatch(before):
            return None
    elif not _word_allows_citation(before, head):
        return None
    block = document.block_at(sentence.start)
    if block is not None and block.kind == HEADING:
        return None
    section = document.section_at(sentence.start)
    if section is not None and section.kind == "references":
        return None
    offset = sentence.start + len(text) - len(text[-80:])
    start = offset + m.start("labels")
    return Citation(start, offset + m.end("labels"), "bare-number", re.sub(r"\s+", " ", m.group("labels")))


def _word_allows_citation(before: str, head: str) -> bool:
    """Can a citation number follow ``before`` ("weeks)", "doses", "depression", "5" in "2 through 5 1")?"""
    if _NUMBER.fullmatch(before):
        # "days 2 through 5 1." / "below 30 2.": a number, then the label; not "1 800 555 1234"
        prev = head.rstrip().rsplit(None, 1)[-1] if head.strip() else ""
        return bool(prev) and not _NUMBER.fullmatch(prev.rstrip(",")) and not prev.endswith(",")
    if before.endswith((")", "]")):
        return True
    word = before.strip("\"'\u201c\u201d\u2018\u2019*_").lower()
    if re.fullmatch(r"\d+(?:\.\d+)?%|[a-z\u00b5\u03bc]+(?:/[a-z0-9.]+)+", word):
        return True  # "below 7% 2.", "2.5-6.0 mg/day 1.": a complete quantity, then the label
    if len(word) < 2 or not re.fullmatch(r"[a-z][a-z0-9'\u2019-]*", word):
        return False  # "vitamin D 3", "Schedule V 2": a letter is itself a label
    if word in COUNT_NOUNS:
        # "on day 3." / "after dose 2." count; "400 mg per day 1." / "depending on the dose 1."
        # close a phrase, and what follows is a label
        prev = head.rstrip().rsplit(None, 1)[-1].lower() if head.strip() else ""
        return bool(prev) and prev.isalpha() and prev not in _COUNTING_CONTEXT
    return word not in NUMBER_TAKING_WORDS


def _numbered_references(document) -> int:
    """How many numbered entries the document's reference sections hold."""
    count = 0
    prose = document.prose
    blocks = document.blocks
    starts = [b.start for b in blocks]
    ordered = starts == sorted(starts)  # always for a parser's blocks; else read them all
    for section in document.sections:
        if section.kind != "references":
            continue
        for i in range(bisect.bisect_left(starts, section.start) if ordered else 0, len(blocks)):
            block = blocks[i]
            if ordered and block.start >= section.end:
                break
            if section.start <= block.start < section.end and block.kind != HEADING:
                text = prose[block.start:block.end]
                if _NUMBERED_REF.match(text) or block.kind == "list_item":
                    count += 1
    return count
