"""Whether the block after a bare "Written by:" / "Medically reviewed by:" names someone.

template-placeholder flags an empty byline; a byline whose name stands on the next line or block
("Written by:" then "Dr. Ana de la Cruz, MD") is filled in. This module tells such a name from a
heading ("From the Research") or a sentence ("Nebivolol is a beta-blocker.") that follows an
empty byline: by shape only, so it works for any name.
"""
from __future__ import annotations

import re

# Lower-case words a name may hold ("Ana de la Cruz", "Tom Lee and Ana Ruiz"); a byline may also
# name a group ("the pharmacy team"). Anything else lower-case before the first comma (after it
# come credentials: "Jane Okoro, consultant pharmacist") makes the block a heading or a sentence.
_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der",
              "den", "ter", "ten", "bin", "binti", "bint", "al", "el", "y", "e", "and", "&", "of"}
_GROUP_WORDS = {"team", "teams", "staff", "editors", "board", "panel", "desk", "department", "committee",
                "group", "pharmacists", "doctors", "nurses", "clinicians", "writers", "editorial"}
# abbreviations a name carries whose full stop does not end a sentence ("Dr. Ana", "J. Okoro")
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "rev", "st", "jr", "sr", "hon", "capt", "col", "lt", "sgt"}
_STOP = re.compile(r"([\w'’-]*)[.!?]\s+\S")


def reads_as_name(text: str) -> bool:
    """Whether ``text`` (a short block, already stripped) reads as a person's or a team's name:
    one word (a user name), or every word before the first comma capitalised, an initial or a
    name particle, or a phrase ending in a group word; and no sentence break inside it."""
    for m in _STOP.finditer(text):
        before = m.group(1)
        if text[m.end(1)] == "." and (len(before) <= 1 or before.lower() in _TITLES):
            continue
        return False
    words = [w.strip("\"'()*_") for w in text.split(",", 1)[0].split()]
    words = [w for w in words if w]
    if len(words) <= 1 or words[-1].lower().rstrip(".:") in _GROUP_WORDS:
        return True
    return all(w[0].isupper() or not w[0].isalpha() or w.lower().rstrip(".") in _PARTICLES for w in words)
