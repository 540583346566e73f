"""Citations of every style medlint recognises, as prose spans.

* ``bracket``: "[3]", "[1, 2]", "[1-3]" in the prose (not "[citation needed]", "[Author Name]");
* ``superscript`` / ``caret`` / ``footnote``: the parser's markers (``<sup>3</sup>``, ``^3``,
  ``[^3]``), zero-width at their prose offset, plus the same forms left in plain-text prose
  ("alone^3", "daily[^2]", Unicode superscript digits "daily\u00b9");
* ``author-year``: "(Smith et al., 2019)", "(Horowitz & Taylor, 2019)", "(Global Initiative
  for Asthma, 2024)", "(MERIT-HF Study Group, 1999)", "Smith et al. (2019)", "Okoro and
  colleagues (2020)"; never "(CBT)"
  or "(2-4 weeks)", which carry no author and year;
* ``url``: a link (or a URL left in the prose) whose target is a real web address;
* ``bare-number``: trailing numbers, only in documents whose style uses them
  (:mod:`medlint.analysis.trailing_numbers`).

A citation covers its sentence, list item or table row (``LintedDocument.is_cited``).
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from medlint.analysis.types import Citation

_LABELS = r"(\d{1,3}(?:\s*[,\u2013\u2014-]\s*\d{1,3})*)"
_BRACKET = re.compile(rf"\[(?:(?:refs?|references?)\.?\s*)?{_LABELS}\]", re.I)
# "(ref. 4)", "(refs 2, 3)", "(see reference 3)": a numbered reference named in parentheses
_PAREN_REF = re.compile(rf"\((?:see\s+)?(?:refs?|references?)\.?\s*{_LABELS}\)", re.I)
_PROSE_FOOTNOTE = re.compile(r"\[\^([\w-]{1,20})\]")
_PROSE_CARET = re.compile(r"(?<=[A-Za-z.,;:)\]%])\^(\d{1,3}(?:[,\u2013-]\d{1,3})*)")
_SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_PROSE_SUPERSCRIPT = re.compile(
    rf"(?<=[A-Za-z.,;:)\]%])[{_SUPERSCRIPT_DIGITS}]+(?:[,\u207b\u2013-][{_SUPERSCRIPT_DIGITS}]+)*")
_AREA_UNIT = re.compile(r"(?:^|[\s/(])(?:[a-z\u00b5\u03bc]*/)?(?:m|cm|mm|km|ft|in|m\u00b2)$")
_PROSE_URL = re.compile(r"(?:https?://|\bwww\.)[^\s<>()\[\]\"'{}|\\^`]+", re.I)

_PAREN = re.compile(r"\(([^()\n]{3,300})\)")
_YEAR = r"(?:1[89]\d{2}|20\d{2})[a-z]?"
_ITEM = re.compile(rf"(?P<authors>.+?),?\s+(?P<year>{_YEAR}|n\.d\.|in press)(?:\s*,\s*(?:p|pp)\.?\s*[\d\u2013-]+)?")
_NARRATIVE = re.compile(
    rf"\b[A-Z][\w'\u2019-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+(?:[A-Z][\w'\u2019-]+|colleagues|co-?workers))"
    rf"\s*\(\s*{_YEAR}\s*\)")
_YEAR_IN_PARENS = re.compile(rf"\(\s*{_YEAR}\s*\)")  # how _NARRATIVE ends
_NAME_WORD = re.compile(r"(?:[A-Z][\w'\u2019.\-]*|[A-Z]{1,3}\.?)$")
_PARTICLES = frozenset({"of", "for", "the", "and", "&", "on", "in", "de", "van", "von", "der", "den",
                        "du", "la", "le", "y", "da", "di", "to", "with", "et", "al", "al.", "del",
                        "colleagues", "coworkers", "co-workers"})
# Lower-case words naming the kind of source after its publisher: "(NHS website, 2024)",
# "(FDA label, 2023)", "(NICE guideline, 2022)"
_SOURCE_WORDS = frozenset({"website", "site", "guidance", "guideline", "guidelines", "label", "labelling",
                           "labeling", "leaflet", "factsheet", "fact", "sheet", "report", "review",
                           "statement", "bulletin", "monograph", "handbook", "prescribing", "information",
                           "insert", "package"})
_GROUP_ABBREVIATION = re.compile(r"\s*\[[A-Z][A-Za-z&.\-]{1,12}\]")  # "U.S. Food and Drug Administration [FDA]"
_NOT_AUTHORS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "spring", "summer", "autumn", "fall", "winter", "in", "since",
    "from", "until", "updated", "approved", "published", "revised", "reviewed", "before", "after",
    "as", "by", "circa", "est", "founded", "launched", "introduced", "copyright", "year", "early",
    "late", "mid", "during", "around", "about", "approximately", "phase", "version", "edition",
})
_PREFIXES = re.compile(r"^(?:see(?: also)?|e\.g\.,?|cf\.|reviewed in|as cited in|quoted in)\s+", re.I)

_PLACEHOLDER_HOSTS = frozenset({
    "example.com", "example.org", "example.net", "example.edu", "localhost", "domain.com",
    "yourdomain.com", "yoursite.com", "yourwebsite.com", "website.com", "url.com", "link.com",
    "placeholder.com", "test.com", "sample.com",
})
_PLACEHOLDER_SUFFIXES = (".example", ".local", ".test", ".invalid", ".localhost", ".internal")


def find_citations(document) -> list[Citation]:
    """Every citation of ``document``, sorted by position."""
    prose = document.prose
    out: list[Citation] = []
    out += [Citation(m.start(), m.end(), "bracket", re.sub(r"\s+", "", m.group(1)))
            for pattern in (_BRACKET, _PAREN_REF) for m in pattern.finditer(prose)]
    out += [Citation(m.offset, m.offset, m.kind, m.label) for m in document.markers]
    if "[^" in prose:  # each pattern below needs its literal (most documents have none)
        out += [Citation(m.start(), m.end(), "footnote", m.group(1)) for m in _PROSE_FOOTNOTE.finditer(prose)]
    if "^" in prose:
        out += [Citation(m.start(), m.end(), "caret", m.group(1)) for m in _PROSE_CARET.finditer(prose)]
    out += _superscripts(prose)
    out += author_year(prose)
    out += _urls(document)
    from medlint.analysis import trailing_numbers  # lazy: needs sentences, computed on demand
    out += trailing_numbers.find_trailing_numbers(document)
    return sorted(set(out), key=lambda c: (c.start, c.end, c.kind))


def author_year(text: str) -> list[Citation]:
    """Author-year and organisation-year citations in ``text`` (parenthetical and narrative)."""
    out = []
    for m in _PAREN.finditer(text):
        items = [i.strip() for i in m.group(1).split(";")]
        if items and all(_is_author_year(i) for i in items if i):
            out.append(Citation(m.start(), m.end(), "author-year", m.group(1).strip()))
    if _YEAR_IN_PARENS.search(text):  # a narrative citation ends "(2019)": none, no need to look
        for m in _NARRATIVE.finditer(text):
            out.append(Citation(m.start(), m.end(), "author-year", m.group(0)))
    return out


def _is_author_year(item: str) -> bool:
    item = _GROUP_ABBREVIATION.sub("", _PREFIXES.sub("", item))
    m = _ITEM.fullmatch(item)
    if not m:
        return False
    words = m.group("authors").replace(",", " ").split()
    if not words or len(words) > 12 or words[0].lower().rstrip(".") in _NOT_AUTHORS:
        return False
    first = next((w for w in words if w.lower() not in _PARTICLES), "")
    if not _NAME_WORD.match(first):  # "van der Berg et al." starts with its particles
        return False
    names = 0
    for word in words:
        if word.lower() in _PARTICLES or (names and word in _SOURCE_WORDS):
            continue
        if not _NAME_WORD.match(word):
            return False
        names += 1
    return names > 0


def is_source_url(href: str) -> bool:
    """True for an http(s) address on a real host (not example.com, localhost, "#", a slot)."""
    href = (href or "").strip()
    if href.lower().startswith("www."):
        href = "http://" + href
    try:
        parts = urlsplit(href)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not host:
        return False
    try:
        ip = ipaddress.ip_address(host)
        return not (ip.is_loopback or ip.is_private or ip.is_unspecified or ip.is_link_local)
    except ValueError:
        pass
    if host in _PLACEHOLDER_HOSTS or host.endswith(_PLACEHOLDER_SUFFIXES):
        return False
    if any(host.endswith("." + h) for h in _PLACEHOLDER_HOSTS):
        return False
    labels = host.split(".")
    return len(labels) >= 2 and all(labels) and re.fullmatch(r"[a-z]{2,24}|xn--[a-z0-9-]+", labels[-1]) is not None


def _urls(document) -> list[Citation]:
    out = [Citation(link.text_start, max(link.text_start, link.text_end), "url", link.href)
           for link in document.links if is_source_url(link.href)]
    prose = document.prose
    if "://" not in prose and "www." not in prose.lower():  # _PROSE_URL needs one of them
        return out
    for m in _PROSE_URL.finditer(prose):  # URLs the parser left in the prose
        url = m.group(0).rstrip(".,;:!?")
        if is_source_url(url):
            out.append(Citation(m.start(), m.start() + len(url), "url", url))
    return out


def _superscripts(prose: str) -> list[Citation]:
    table = {ord(c): str(i) for i, c in enumerate(_SUPERSCRIPT_DIGITS)}
    out = []
    if not any(c in prose for c in _SUPERSCRIPT_DIGITS):  # the pattern needs one
        return out
    for m in _PROSE_SUPERSCRIPT.finditer(prose):
        if _AREA_UNIT.search(prose[max(0, m.start() - 8):m.start()]):
            continue  # "mg/m\u00b2", "cm\u00b2": a unit's power, not a citation
        label = m.group(0).translate(table).replace("\u207b", "-")
        out.append(Citation(m.start(), m.end(), "superscript", label))
    return out
