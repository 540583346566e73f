"""stale-review-date (MED501): a "last updated / reviewed" date older than the allowed age."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Iterator

from medlint.analysis import dates
from medlint.findings import Finding, Severity
from medlint.rules import triggers
from medlint.rules.base import Rule

# A label a page uses for its review date. Strong labels say so on their own; bare verbs
# ("Updated", "Reviewed") count only where a byline puts them: at the start of a block, line or
# sentence, or after a separator such as "|".
_REVIEWERS = ("medically", "clinically", "medical", "expert", "peer", "pharmacist", "physician", "doctor")
_STRONG = (r"last(?:[ \t]+|-)(?:updated|reviewed|modified|revised|edited|checked|review|revision|update)\b"
           r"|(?:" + "|".join(_REVIEWERS) + r")[ \t]+reviewed"
           r"|fact[- ]?checked|review[ \t]+date|date[ \t]+(?:last[ \t]+)?(?:reviewed|updated|modified|revised)"
           r"|date[ \t]+of[ \t]+(?:last[ \t]+)?review")
_LABEL = re.compile(r"(?i)\b(?:(?P<strong>" + _STRONG + r")|(?P<bare>updated?|reviewed|revised|modified))\b")
# every _LABEL match starts with a match of one of these (on the lower-cased prose, each led by a
# literal): the label is tried only where one stands
_LABEL_STARTS = triggers.literal("updat", "review", "revis", "modif") + tuple(re.compile(p) for p in (
    r"last(?:[ \t]+|-)(?:updat|review|modif|revis|edited|checked)", r"fact[- ]?checked",
    r"date[ \t]+(?:last|of|reviewed|updated|modified|revised)",
    *(reviewer + r"[ \t]+reviewed" for reviewer in _REVIEWERS)))
# What may stand between a separator and the label ("Page last reviewed: ...").
_PREFIX_OK = re.compile(r"(?i)(?:(?:this[ \t]+)?(?:page|article|post|content|information|guide|leaflet|answer)"
                        r"(?:[ \t]+(?:was|is|has[ \t]+been))?)?[ \t*_]*(?:last[ \t]+)?")
_SEPARATOR = re.compile(r"[|•·;—–(\[\n]|[.!?][\"')\]*_]*[ \t]+")
_SEPARATOR_STRONG = re.compile(r"[|•·;—–(\[\n,]|[.!?][\"')\]*_]*[ \t]+")
_SEGMENT_END = re.compile(r"[|•·\n]")
_AFTER_LABEL = re.compile(r"(?i)[ \t]*[:\-–—]?[ \t]*(?:(?P<by>by)\b[ \t]*:?)?")
_ON = re.compile(r"(?i)(?:(?:on|in|at|as[ \t]+of)\b[ \t]*:?[ \t]*)?(?:the[ \t]+)?"
                 r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+)?")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d(?=[ \t]*(?:$|[.,;|)\]]))")
_BYLINE_WORDS = 15
# A value that stands where the date should and says there is none ("Last reviewed: N/A",
# "Last updated: TBD", "Reviewed: pending", "Last reviewed: [date]", "Updated: DD/MM/YYYY"):
# the label is undated. It must end the value (so "Last updated: none of the doses changed" is not one).
_DATE_SLOT = r"(?:dd|mm|yyyy|yy|month|day|year|x+)(?:[ \t/.,-]+(?:dd|mm|yyyy|yy|month|day|year|x+))*"
_NO_DATE = re.compile(r"(?i)(?:n/?a|tb[dca]|todo|pending|unknown|none|never|not[ \t]+yet(?:[ \t]+\w+)?"
                      r"|not[ \t]+(?:known|available|set|applicable)|[-–—?]+|" + _DATE_SLOT +
                      r"|\[[^\]\n]{0,40}\]|\{\{[^}\n]{0,40}\}\}|<[^>\n]{0,40}>)(?=[ \t*_]*(?:[.;,)]|$))")
_GAP = re.compile(r"[\s|•·*_]*")

# Other spellings of a review-date key count when their value is a date: "dateModified",
# "last_modified_at", "medically_reviewed_on"; not "next_review", "reviewed_by", "review_status".
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_FM_DATE_KEY = re.compile(r"(?:^|_)(?:last_?mod|reviewed|updated|modified|revised|review|update|revision)(?:_|$)")
_FM_NOT_DATE_KEY = re.compile(r"(?:^|_)(?:next|due|by|reviewers?|authors?|status|notes?|count|frequency|interval|"
                              r"cycle|period|type|policy)(?:_|$)")
FRONT_MATTER_KEYS = {
    "reviewed", "updated", "last_reviewed", "last_updated", "date_reviewed", "date_updated",
    "modified", "date_modified", "last_modified", "lastmod", "reviewed_on", "updated_on",
    "review_date", "medically_reviewed", "updated_at", "reviewed_at", "last_review",
}


class StaleReviewDate(Rule):
    """Checks for review or update dates that are too old, and review labels with no date.

    ## What it does
    Reads "Last updated", "Reviewed", "Medically reviewed by ... on ..." labels in the body and
    review fields in front matter (`reviewed:`, `updated:`, `last_reviewed:`...), and flags a
    date older than `max-review-age` months (default 12) before the lint date (`--today`). A
    date with only a month counts as the last day of that month. A review label with no date
    at all is flagged when the page has no dated label. Options: `max-review-age` (months) and
    `date-order` (`mdy` or `dmy`, for dates such as 10/04/2025).

    ## Why it matters
    Drug guidance changes: doses, boxed warnings and first-line choices are revised every year.
    A stale review date tells readers (and search engines) the advice may be out of date.

    ## Example
    ```markdown
    # Amlodipine for high blood pressure

    Last reviewed: February 2019

    Amlodipine is a calcium channel blocker.
    ```

    ## Use instead
    ```markdown
    # Amlodipine for high blood pressure

    Last reviewed: October 2026

    Amlodipine is a calcium channel blocker.
    ```

    ## References
    - HONcode principle 4 (attribution and dates): https://www.hon.ch/cgi-bin/HONcode/principles.pl
    - NHS Standard for Creating Health Content, review dates:
      https://service-manual.nhs.uk/content/health-content-standard
    """

    code = "MED501"
    name = "stale-review-date"
    severity = Severity.WARNING
    summary = "Review or update date is older than the allowed age, or missing"
    message = "Review date {date} is {months} months old (limit: {limit} months)"
    default_options = {"max-review-age": 12, "date-order": None}

    def check(self, document) -> Iterator[Finding]:
        order = self._order(document)
        limit = int(self.options.get("max-review-age") or 12)
        today = document.settings.today
        cutoff = dates.months_before(today, limit)
        dated: list[tuple[str, int, int, _dt.date]] = []  # (where, start, end, date)
        undated: list[tuple[str, int, int]] = []
        self._front_matter(document, order, dated, undated)
        self._body(document, order, dated, undated)
        for where, start, end, day in _one_per_date(dated):
            if day < cutoff:
                fields = {"date": day.isoformat(), "months": dates.months_between(day, today), "limit": limit}
                if where == "source":
                    yield self.finding_at_source(start, end, **fields)
                else:
                    yield self.finding(document, start, end, **fields)
        if not dated:
            message = "Review label has no date: readers cannot tell how current this page is"
            for where, start, end in undated:
                if where == "source":
                    yield self.finding_at_source(start, end, message=message)
                else:
                    yield self.finding(document, start, end, message=message)

    def _order(self, document) -> str:
        order = self.options.get("date-order") or document.settings.options.get("date-order") \
            or document.settings.options.get("date_order") or "mdy"
        return "dmy" if str(order).lower() == "dmy" else "mdy"

    # -- front matter ------------------------------------------------------------
    def _front_matter(self, document, order: str, dated: list, undated: list) -> None:
        fm = document.front_matter
        if fm is None or not isinstance(fm.data, dict):
            return
        for key, value in fm.data.items():
            norm = _CAMEL.sub("_", str(key)).lower().replace("-", "_").replace(" ", "_")
            known = norm in FRONT_MATTER_KEYS
            if not known and (not _FM_DATE_KEY.search(norm) or _FM_NOT_DATE_KEY.search(norm)):
                continue
            if isinstance(value, dict):
                value = value.get("date") or value.get("on")
            span = fm.key_spans.get(key) or fm.value_spans.get(key) or (fm.source_start, fm.source_end)
            day = dates.coerce_date(value, order)
            if day is not None:
                dated.append(("source", span[0], span[1], day))
            elif known and (value is None or (isinstance(value, str) and not value.strip())):
                undated.append(("source", span[0], span[1]))

    # -- body --------------------------------------------------------------------
    def _body(self, document, order: str, dated: list, undated: list) -> None:
        prose = document.prose
        for block, m in _labels(document):
            begin = self._label_start(prose, block.start, m)
            if begin is None:
                continue
            seg = _SEGMENT_END.search(prose, m.end(), block.end)
            seg_end = seg.start() if seg else block.end
            self._read_label(prose, begin, m, seg_end, order, dated, undated)

    @staticmethod
    def _label_start(prose: str, block_start: int, m: re.Match[str]) -> int | None:
        """Where the label begins ("Page last reviewed"), or None when it is not in byline position."""
        separator = _SEPARATOR_STRONG if m.group("strong") else _SEPARATOR
        begin = block_start
        for sep in separator.finditer(prose, block_start, m.start()):
            begin = sep.end()
        if _PREFIX_OK.fullmatch(prose, begin, m.start()) is None:
            return None
        while begin < m.start() and prose[begin] in " \t*_":
            begin += 1
        return begin

    @staticmethod
    def _read_label(prose: str, begin: int, m: re.Match[str], seg_end: int, order: str, dated: list,
                    undated: list) -> None:
        after = _AFTER_LABEL.match(prose, m.end(), seg_end)
        pos = after.end()
        if after.group("by"):
            window = min(seg_end, pos + 120)
            found = dates.find_dates(prose, order, pos, window) or _date_after(prose, seg_end, order)
            if found:
                dated.append(("prose", begin, found[0].end, found[0].date))
            elif len(prose[begin:seg_end].split()) <= _BYLINE_WORDS:
                undated.append(("prose", begin, _trim_end(prose, begin, seg_end)))
            return
        pos = _ON.match(prose, pos, seg_end).end()
        found = dates.find_dates(prose, order, pos, seg_end)
        if found and found[0].start == pos:
            dated.append(("prose", begin, found[0].end, found[0].date))
            return
        year = _YEAR_ONLY.match(prose, pos, seg_end)
        if year:
            dated.append(("prose", begin, year.end(), _dt.date(int(year.group()), 12, 31)))
        elif not prose[pos:seg_end].strip(" \t*_.:"):
            # the label ends its line: the date may stand on the next line ("Last updated:\nMay 3, 2023")
            found = _date_after(prose, seg_end, order)
            if found:
                dated.append(("prose", begin, found[0].end, found[0].date))
            else:
                undated.append(("prose", begin, _trim_end(prose, begin, seg_end)))
        elif _NO_DATE.match(prose, pos, seg_end):
            undated.append(("prose", begin, _trim_end(prose, begin, seg_end)))


def _labels(document) -> Iterator[tuple[Any, re.Match[str]]]:
    """``(block, label match)`` in order, as a scan of each block finds them: tried only where
    a label can start (every block, every position when the prose has no folded form)."""
    prose, blocks = document.prose, document.blocks
    folded = triggers.fold(prose)
    if folded is None:
        for block in blocks:
            for m in _LABEL.finditer(prose, block.start, block.end):
                yield block, m
        return
    end = 0  # where the last label ended: the next one starts there or later, as in a scan
    for pos in sorted(set(triggers.hits(_LABEL_STARTS, folded))):
        index = document.block_index_at(pos) if pos >= end else None
        if index is None:
            continue
        block = blocks[index]
        m = _LABEL.match(prose, pos, block.end)
        if m is not None:
            end = m.end()
            yield block, m


def _one_per_date(dated: list) -> list:
    """One label per written date: in "Reviewed by A — Written by B — Updated on <date>" both
    labels reach the same date; the label nearest to it (the latest start) speaks for it."""
    best: dict[tuple[str, int], tuple] = {}
    for entry in dated:
        key = (entry[0], entry[2])
        if key not in best or entry[1] > best[key][1]:
            best[key] = entry
    return sorted(best.values(), key=lambda e: (e[0], e[1]))


def _date_after(prose: str, seg_end: int, order: str) -> list[dates.DateMatch]:
    """A date that opens the next segment or line ("Reviewed by Dr. Osei | October 2026")."""
    nxt = _GAP.match(prose, seg_end).end()
    found = dates.find_dates(prose, order, nxt, min(len(prose), nxt + 40))
    return found[:1] if found and found[0].start == nxt else []


def _trim_end(prose: str, start: int, end: int) -> int:
    while end > start and prose[end - 1] in " \t*_.":
        end -= 1
    return end
