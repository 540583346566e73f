"""Sections of the document: stretches of prose under one heading, each with a kind.

Rules use the kind to skip what is not the article's own text: a reference list ("references"),
a "Related questions" or "People also ask" list ("related"), a FAQ ("faq"), a disclaimer
("disclaimer"); everything else is "body". Sections partition the prose: each starts at a
heading block (or at 0) and runs to the next section's start.

* A sub-heading inherits the kind of the section it sits in ("### Can I drink alcohol?" under
  "## FAQ" is still "faq"), and so does a question heading that follows a FAQ or related
  heading at the same level (plain text gives every heading one level).
* A short block that is nothing but a known section title ("References", "Related Questions")
  counts as a heading even when the parser saw a paragraph (plain-text pages).
* Footnote definitions are "references" wherever they stand.
* A "related" section made of question lines ends at the first block that is not one: the
  prose after a run of questions in plain text is the article again.
"""
from __future__ import annotations

import bisect
import re

from medlint.analysis.types import Section
from medlint.prose import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, Block

_CORE_REFS = r"(?:references?|sources?|bibliography|citations?|footnotes?|endnotes|notes and references|works cited|literature cited|reference list|further reading)"
_KINDS = (
    ("references", re.compile(
        rf"(?:(?:article|scientific|medical|selected|key|our|study|research)\s+)?{_CORE_REFS}"
        rf"(?:\s*(?:and|&)\s*{_CORE_REFS})?(?:\s+(?:used|cited|consulted))?")),
    ("related", re.compile(
        r"(?:related|similar|more|other|recommended)\s+(?:questions?|articles?|topics?|posts?|reading|"
        r"content|searches|conditions|guides?|resources|links|stories|answers|drugs|medications)(?:\s.*)?"
        r"|people also (?:ask|asked|search for|searched for|viewed)|you (?:may|might) also (?:like|be interested in|enjoy)"
        r"|see also|read (?:next|more|this next)|keep reading|further questions|also on (?:this site|\w+)"
        r"|related|more (?:on|about) this (?:topic|site)|more from (?:us|our \w+|[a-z]+(?:\s[a-z]+)?)|more like this"
        r"|(?:popular|trending|latest|recent|top) (?:articles|posts|stories|reads|news|now)|trending now"
        r"|recommended(?: for you| reading| articles| stories)?|up next|what to read next|explore more"
        r"|(?:other )?people (?:also )?(?:asked|ask)|you (?:may|might) also (?:like|want to read)")),
    ("faq", re.compile(
        r"(?:faqs?|frequently asked questions|(?:common|commonly asked|top|popular|reader|your) questions(?: answered)?"
        r"|questions and answers|q\s*&\s*a)(?:[\s:\u2013\u2014-].*)?")),
    ("disclaimer", re.compile(r"(?:.*\s)?disclaimers?(?:\s.*)?|important notice|medical notice")),
)
_TITLE_NOISE = re.compile(r"^[\s#>*_\-\u2022\d.)]*|[\s:.*_\-\u2013\u2014]*$")


def heading_kind(text: str) -> str:
    """The section kind a heading's text announces ("body" when it announces none)."""
    title = _TITLE_NOISE.sub("", text).strip().lower()
    title = re.sub(r"\s+", " ", title)
    if not title or len(title) > 80:
        return "body"
    for kind, pattern in _KINDS:
        if pattern.fullmatch(title):
            return kind
    return "body"


def find_sections(document) -> list[Section]:
    """The sections of ``document``, in order, covering the whole prose."""
    prose = document.prose
    sections: list[Section] = []
    stack: list[tuple[int, str, str]] = []  # (level, kind, heading) of the open headings
    current = ("body", "")
    in_question_run = False
    in_footnotes = False

    def open_section(kind: str, heading: str, start: int) -> None:
        if sections and sections[-1].start == start:
            sections.pop()
        sections.append(Section(kind, heading, start, len(prose)))

    open_section("body", "", 0)
    link_starts = sorted(link.text_start for link in document.links)
    for block in document.blocks:
        text = prose[block.start:block.end]
        if block.kind == FOOTNOTE:
            if current[0] != "references":
                open_section("references", "", block.start)
                in_footnotes = True
            continue
        if in_footnotes:  # back from a run of footnote definitions to the section around them
            in_footnotes = False
            open_section(*current, block.start)
        is_heading, level = _heading_level(block, text, link_starts)
        if is_heading:
            kind = heading_kind(text)
            while stack and stack[-1][0] >= level and not _continues(stack[-1], kind, level, text):
                stack.pop()
            if kind == "body" and stack and (stack[-1][0] < level or _continues(stack[-1], kind, level, text)):
                kind = stack[-1][1]  # a sub-heading (or a question) inherits its section's kind
            if not stack or stack[-1][0] < level:
                stack.append((level, kind, text.strip()))
            current = (kind, text.strip())
            open_section(kind, text.strip(), block.start)
            in_question_run = False
            continue
        if current[0] == "related":
            question = text.rstrip().endswith("?")
            if question:
                in_question_run = True
            elif in_question_run and block.kind != LIST_ITEM:
                # the questions are over; what follows is the article again
                while stack and stack[-1][1] == "related":
                    stack.pop()
                current = (stack[-1][1], stack[-1][2]) if stack else ("body", "")
                open_section(*current, block.start)
                in_question_run = False
    return _close(sections, len(prose))


def _heading_level(block: Block, text: str, link_starts: list[int]) -> tuple[bool, int]:
    if block.kind == HEADING:
        return True, block.level or 1
    words = text.split()
    if block.kind != PARAGRAPH:
        return False, 0  # a table cell or list item reading "Notes" heads nothing
    if 0 < len(words) <= 6 and not re.search(r"[.!?,;]\s*$", text.strip()) and heading_kind(text) != "body":
        i = bisect.bisect_left(link_starts, block.start)
        if i < len(link_starts) and link_starts[i] <= block.end:
            return False, 0  # "Source: <link>" labels its link; it heads nothing
        return True, 1  # a bare "References" line in plain text
    return False, 0


def _continues(open_heading: tuple[int, str, str], kind: str, level: int, text: str) -> bool:
    """A question heading right under a FAQ/related heading of the same level belongs to it."""
    return (kind == "body" and open_heading[1] in ("faq", "related") and open_heading[0] == level
            and text.rstrip().endswith("?"))


def _close(sections: list[Section], length: int) -> list[Section]:
    out = []
    for i, section in enumerate(sections):
        end = sections[i + 1].start if i + 1 < len(sections) else length
        if end > section.start or not out:
            out.append(Section(section.kind, section.heading, section.start, end))
    return out
