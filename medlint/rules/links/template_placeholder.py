"""template-placeholder (MED102): unfilled template text left in the article."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from medlint.analysis import dates
from medlint.findings import Finding, Severity
from medlint.prose import HEADING
from medlint.rules import triggers
from medlint.rules.base import Rule
from medlint.rules.links import byline_names

_UNITS = (r"(?:mg|mcg|µg|g|ml|mL|l|L|%|units?|iu|IU|days?|weeks?|months?|years?|hours?|minutes?|"
          r"times|tablets?|capsules?|doses?|drops?|puffs?)")
_SLOT_NOUNS = {
    "name", "title", "date", "author", "link", "url", "source", "number", "company", "brand", "drug",
    "medication", "medicine", "dose", "dosage", "condition", "reviewer", "credentials", "year", "location",
    "city", "website", "image", "photo", "picture", "quote", "citation", "reference", "text", "description",
    "keyword", "keywords", "placeholder", "here", "email", "phone", "address", "headline", "summary",
    "caption", "organization", "organisation", "clinic", "practice", "product", "amount", "figure",
    "table", "chart", "graph", "statistic", "stat", "percentage", "price", "doctor", "study", "topic",
    "ref", "refs", "credential", "specialty", "hospital", "pharmacy", "strength", "frequency", "route",
}
_SLOT_LEADS = {"your", "insert", "enter", "add", "author", "drug", "brand", "product", "company"}
# a lower-case bracket is a slot only when it reads as an instruction or names a slot noun;
# "[the pharmacists]", "[sic]" and "[emphasis added]" are an editor's words inside a quotation
_INSTRUCTIONS = {"list", "describe", "explain", "summarize", "summarise", "write", "mention", "specify",
                 "include", "name", "state", "cite", "fill", "update", "check", "confirm", "verify"}
_EDITORIAL_LEADS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
                    "my", "sic", "and", "or", "of", "in", "to", "with", "who", "which", "he", "she", "they", "it"}
_WORD = r"(?:[A-Z][a-z]+|[A-Z]{2,})"

_INSERT_VERBS = ("insert", "add", "paste", "include", "place")
_INSERT_OBJECTS = (r"(?:citations?|tables?|images?|charts?|links?|references?|graphs?|photos?|quotes?|figures?|"
                   r"statistics?|stats?|sources?|videos?|infographics?|cta|call[ \t]+to[ \t]+action)")
_ARTICLE = r"(?:an?[ \t]+|the[ \t]+)?"

# (pattern, what, triggers, folded) in priority order; a later match overlapping an earlier one
# is dropped. Every match of a pattern contains a match of one of its triggers (see
# medlint.rules.triggers; folded: they run on the lower-cased prose); a pattern without
# triggers starts with a literal ("[", "(", "<") and is its own.
_PATTERNS: list[tuple[re.Pattern[str], str, tuple[re.Pattern[str], ...], bool]] = [
    (re.compile(r"\{\{[^{}\n]{0,80}\}\}|\{%[^%\n]{0,80}%\}|\$\{[^}\n]{1,40}\}"
                r"|(?<!\{)\{[ \t]*[a-z]+(?:_[a-z]+)+[ \t]*\}(?!\})|%%[A-Z_]{2,}%%"), "template variable",
     triggers.literal("{", "%%"), False),
    (re.compile(r"(?i)\[[ \t]*(?:citation|source|reference|ref|cite)s?[ \t]+"
                r"(?:needed|required|missing|to come|tbd)[ \t]*\]"),
     "citation placeholder", (), False),
    (re.compile(r"(?i)\[[ \t]*(?:insert|add|include|paste|enter|put|place|attach)\b[^\]\n]{0,100}\]"),
     "insertion note", (), False),
    (re.compile(r"(?i)\([ \t]*insert\b[^)\n]{0,60}\)|\([ \t]*(?:add|paste|enter)[ \t]+(?:a[ \t]+|the[ \t]+)?"
                r"(?:link|url|source|citation|reference|image|chart|table|photo|quote)\b[^)\n]{0,40}\)"
                r"|\([ \t]*(?:link|url)(?:[ \t]+here)?[ \t]*\)"), "insertion note", (), False),
    (re.compile(rf"\[(?P<slot>{_WORD}(?:['’]s)?(?:[ _'-](?:{_WORD}(?:['’]s)?|of|and|or|the|for))*)\]"),
     "template slot", (), False),
    (re.compile(r"\[(?P<lower>[A-Za-z][a-z]*(?:['’]s)?(?:[ _'’-][a-z]+(?:['’]s)?){0,6}(?:[ _-]\d{1,2})?)\]"),
     "template slot", (), False),
    (re.compile(r"\[[ \t]*[A-Za-z][A-Za-z ]{1,20}:[ \t]*\]"), "template slot", (), False),  # "[Source: ]"
    # "Insert citation here.", "Add table here": an instruction to the editor, naming what goes there
    (re.compile(r"(?i)(?:^|(?<=[.!?:]\s))(?:" + "|".join(_INSERT_VERBS) + r")[ \t]+" + _ARTICLE + _INSERT_OBJECTS
                + r"(?:[ \t]+(?:here|below|above))?(?=[ \t]*(?:[.!:]|$))\.?", re.MULTILINE), "insertion note",
     tuple(re.compile(verb + r"[ \t]+" + _ARTICLE + _INSERT_OBJECTS) for verb in _INSERT_VERBS), True),
    # <<PLACEHOLDER>>, <DRUG NAME>, <insert dose>: angle-bracket slots (Markdown keeps unknown tags as text)
    (re.compile(r"<<[ \t]*[^<>\n]{1,60}?[ \t]*>>|<(?P<angle>[A-Z]{2,}(?:[ _][A-Z]{2,}){0,4})>"
                r"|<[ \t]*(?:insert|add|enter|paste)\b[^<>\n]{0,60}>"), "template slot", (), False),
    (re.compile(r"\bINSERT(?:[ \t]+[A-Z]{2,})+\b"), "insertion note", triggers.literal("INSERT"), False),
    (re.compile(r"(?i)\blorem[ \t]+ipsum\b[^\n.]*\.?"), "filler text", triggers.literal("lorem"), True),
    (re.compile(r"\b(?:TODO|TBD|TBA|FIXME)\b(?P<note>(?P<colon>[ \t]*[:\-–—])?[^\n]*)"), "editing note",
     triggers.literal("TODO", "TBD", "TBA", "FIXME"), False),
    (re.compile(rf"(?<![\w$])(?:XX+|xx+)(?:[.,/-][Xx]+)*(?:[ \t]?-[ \t]?(?:XX+|xx+))?[ \t]?{_UNITS}(?![\w])"
                rf"|(?<![\w$.,'’-])X(?:[.,]X+)?(?:[ \t]{_UNITS}|(?:mg|mcg|mL|ml))(?![\w-])"
                r"|\(?\bX{3}\)?[-. ]X{3}[-. ]X{4}\b"  # a phone number: XXX-XXX-XXXX
                r"|(?<![\w$])X{3,}(?![\w])|\$X{2,}\b|\bXX/XX/XX(?:XX)?\b"
                r"|\b(?:MM|DD)/(?:DD|MM)/(?:YYYY|YY)\b|\bYYYY-MM-DD\b"
                r"|\b(?:Figure|Fig\.|Table|Chart|Step|Appendix|Box)[ \t]+X\b(?![-\w])"), "unfilled amount",
     # each branch holds "XX", "xx" or "YY", or an X before "m" or before neither a word character nor "-"
     (re.compile(r"X(?:[Xm]|(?![\w-]))"), *triggers.literal("xx", "YY")), False),
    # journalists' "TK" (to come): "the approval year is TK.", "Dose: TK"; "TKTK" anywhere. Not
    # "thymidine kinase (TK)", which is an abbreviation being defined or used.
    (re.compile(r"\bTK(?:TK)+\b|\[TK\]|(?:\b(?:is|are|was|were|be)[ \t]+|[:=–—][ \t]*)(?P<span>TK)"
                r"(?=[ \t]*(?:[.,;!?)\]]|$))", re.MULTILINE), "editing note", triggers.literal("TK"), False),
    # a fill-in blank: "Author: ______", "___ mg"
    (re.compile(r"(?<![\w_])_{3,}(?![\w_])"), "blank", triggers.literal("___"), False),
]
_BYLINE = re.compile(r"(?i)^[\W_]*(?:(?:written|reviewed|edited|authored|compiled|posted|medically[ \t]+reviewed|"
                     r"fact[- ]?checked)[ \t]+by[ \t]*:?|(?:by|author|authors|writer|reviewer)[ \t]*:|by)[\W_]*$")
_INLINE_EMPTY_BYLINE = re.compile(r"(?i)\b(?:(?:written|reviewed|edited)[ \t]+by|author)[ \t]*:?[ \t]*(?=[|•·]|$)")
# every _BYLINE or _INLINE_EMPTY_BYLINE match holds one of these (lower-cased)
_BYLINE_TRIGGERS = triggers.literal("by", "author", "writer", "reviewer")
_LABEL_LIKE = re.compile(r"^[^:]{1,30}:|\d")
# what follows an empty "By" in a page header when no author was filled in: the date line
_META_LINE = re.compile(r"(?i)^[\W_]*(?:(?:last[ \t]+)?(?:updated|published|posted|reviewed|modified|revised|edited)"
                        r"|date\b|\d+[ \t]*min(?:ute)?s?[ \t]+read)")
_AUTHOR_KEYS = {"author", "authors", "reviewer", "reviewed_by", "medical_reviewer", "byline", "written_by"}
_NAME_WORDS = 8


class TemplatePlaceholder(Rule):
    """Checks for unfilled template text: slots, editing notes, filler and empty bylines.

    ## What it does
    Flags text a template or an editor left behind: `[insert ...]`, `(insert link)`, "Insert
    citation here.", `TODO` and `TBD` notes, a journalist's `TK`, `XX mg` and `X mg`,
    `Lorem ipsum`, bracketed slots such as `[Author Name]`, `[phone number]` or `[keyword 2]`,
    angle-bracket slots (`<<PLACEHOLDER>>`, `<DRUG NAME>`), fill-in blanks (`______`),
    `[citation needed]`, template variables (`{{ author_name }}`), format slots
    (`XXX-XXX-XXXX`, `MM/DD/YYYY`, `Figure X`), an empty byline ("Written by:" or "By" followed
    by nothing, by the date line or by the repeated title), and the same in front matter values
    (`author: "[Author Name]"`). An editor's words inside a quotation ("[the pharmacist]",
    "[sic]") are not slots. Placeholder link targets are placeholder-link's job.

    ## Why it matters
    A published health article with "TODO", "XX mg" or "[Author Name]" in it tells readers
    nobody finished or checked it, and an unfilled dose is dangerous.

    ## Example
    ```markdown
    Written by [Author Name]. The usual dose is XX mg a day.
    ```

    ## Use instead
    ```markdown
    Written by Ana Ruiz, PharmD. The usual dose is 10 mg a day.
    ```

    ## References
    - NHS Standard for Creating Health Content (named authors, checked content):
      https://service-manual.nhs.uk/content/health-content-standard
    """

    code = "MED102"
    name = "template-placeholder"
    severity = Severity.ERROR
    summary = "Unfilled template text (slot, TODO, XX mg, lorem ipsum, empty byline)"
    message = "Unfilled template text ({what}): {text!r}"

    def check(self, document) -> Iterator[Finding]:
        link_spans = [(link.source_start, link.source_end) for link in document.links]
        prose = document.prose
        blocks = document.blocks
        folded = triggers.fold(prose)
        for index, kinds in _candidate_blocks(document, folded):
            block = blocks[index]
            for start, end, what in find_placeholders(prose, block.start, block.end, kinds):
                s, e = document.to_source(start, end)
                if any(s < le and ls < e for ls, le in link_spans):
                    continue  # inside a link: placeholder-link judges links
                yield self.finding_at_source(s, e, what=what, text=prose[start:end])
        yield from self._bylines(document, folded)
        yield from self._front_matter(document)

    # -- bylines -------------------------------------------------------------------
    def _bylines(self, document, folded: str | None) -> Iterator[Finding]:
        prose = document.prose
        blocks = document.blocks
        candidates = (range(len(blocks)) if folded is None
                      else sorted(triggers.blocks_hit(document, _BYLINE_TRIGGERS, folded)))
        titles = None  # read only for a bare byline
        for i in candidates:
            block = blocks[i]
            text = prose[block.start:block.end]
            if _BYLINE.match(text):
                following = prose[blocks[i + 1].start:blocks[i + 1].end] if i + 1 < len(blocks) else ""
                if titles is None:
                    titles = _titles(document)
                if _is_name(following, titles):
                    continue
                yield self.finding(document, block.start, _trim(prose, block.start, block.end),
                                   message=f"Empty byline {text.strip()!r}: no author is named")
                continue
            for m in _INLINE_EMPTY_BYLINE.finditer(prose, block.start, block.end):
                yield self.finding(document, m.start(), _trim(prose, m.start(), m.end()),
                                   message=f"Empty byline {m.group().strip()!r}: no author is named")

    # -- front matter ----------------------------------------------------------------
    def _front_matter(self, document) -> Iterator[Finding]:
        fm = document.front_matter
        if fm is None or not isinstance(fm.data, dict):
            return
        text = document.text
        for key, value in fm.data.items():
            span = fm.value_spans.get(key) or fm.key_spans.get(key)
            if span is None:
                continue
            norm_key = str(key).lower().replace("-", "_")
            if norm_key in _AUTHOR_KEYS and (value is None or (isinstance(value, str) and not value.strip())):
                key_span = fm.key_spans.get(key) or span
                yield self.finding_at_source(*key_span, message=f"Empty {key!r} in front matter: no author is named")
                continue
            values = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
            if not any(find_placeholders(v, 0, len(v)) for v in values):
                continue
            found = find_placeholders(text, span[0], span[1])
            if not found:  # escaped in the YAML: point at the whole value
                found = [(span[0], span[1], "template slot")]
            for start, end, what in found:
                yield self.finding_at_source(start, end, what=what, text=text[start:end])


def find_placeholders(text: str, start: int, end: int,
                      kinds: Iterable[int] | None = None) -> list[tuple[int, int, str]]:
    """Placeholder spans ``(start, end, what)`` in ``text[start:end]``, non-overlapping, in order.

    ``kinds`` (indices into the patterns, ascending) limits the search to those patterns: the
    caller knows the others cannot match there."""
    found: list[tuple[int, int, str]] = []
    for pattern, what, _, _ in _PATTERNS if kinds is None else [_PATTERNS[k] for k in kinds]:
        for m in pattern.finditer(text, start, end):
            if what == "template slot" and not _slot_match(m):
                continue
            s, e = m.span("span") if "span" in pattern.groupindex and m.group("span") else m.span()
            if what == "editing note" and "note" in pattern.groupindex:  # a note spans its line; "TBD" only itself
                whole = m.group("colon") or _at_line_start(text, s, start)
                e = _note_end(text, m.start("note"), e) if whole else m.start("note")
            e = _trim(text, s, e)
            if e > s and not any(s < fe and fs < e for fs, fe, _ in found):
                found.append((s, e, what))
    return sorted(found)


def _candidate_blocks(document, folded: str | None) -> list[tuple[int, list[int] | None]]:
    """``(block index, pattern indices)`` for the blocks where some pattern may match, in order:
    the blocks holding a trigger of each pattern (every block, every pattern when the prose
    has no ``folded`` form)."""
    prose = document.prose
    if folded is None:
        return [(i, None) for i in range(len(document.blocks))]
    kinds: dict[int, list[int]] = {}
    for k, (pattern, _, own, on_folded) in enumerate(_PATTERNS):
        for i in triggers.blocks_hit(document, own or (pattern,), folded if on_folded else prose):
            kinds.setdefault(i, []).append(k)
    return sorted(kinds.items())


def _slot_match(m: re.Match[str]) -> bool:
    groups = m.re.groupindex
    if "slot" in groups and m.group("slot"):
        return _is_slot(m.group("slot"))
    if "lower" in groups and m.group("lower"):
        words = re.split(r"[ _'’-]+", re.sub(r"['’]s\b|[ _-]\d+$", "", m.group("lower").lower()))
        if words[0] in _EDITORIAL_LEADS:
            return False
        return words[-1] in _SLOT_NOUNS or words[0] in _SLOT_LEADS or words[0] in _INSTRUCTIONS
    if "angle" in groups and m.group("angle"):
        return _is_slot(m.group("angle"))
    return True


def _is_slot(slot: str) -> bool:
    words = re.split(r"[ _'’-]+", re.sub(r"['’]s\b", "", slot.lower()))
    return words[-1] in _SLOT_NOUNS or words[0] in _SLOT_LEADS


def _note_end(text: str, note_start: int, line_end: int) -> int:
    """End of a "TODO: ..." note: its line, or its first sentence when the line goes on."""
    m = re.compile(r"[.!?](?=\s|$)").search(text, note_start, line_end)
    return m.end() if m else line_end


def _at_line_start(text: str, pos: int, floor: int) -> bool:
    line_start = max(floor, text.rfind("\n", floor, pos) + 1)
    return not text[line_start:pos].strip(" \t*-•>#")


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _titles(document) -> set[str]:
    """The page title as written: the first block, top-level headings and an HTML <title>."""
    prose = document.prose
    titles = {_norm(prose[b.start:b.end]) for b in document.blocks if b.kind == HEADING and b.level <= 1}
    if document.blocks:
        titles.add(_norm(prose[document.blocks[0].start:document.blocks[0].end]))
    if getattr(document.parsed, "title", None):
        titles.add(_norm(document.parsed.title))
    return titles - {""}


def _is_name(text: str, titles: set[str]) -> bool:
    """Whether the block after a bare "Written by" names someone (not a label, title or paragraph)."""
    stripped = text.strip()
    if not stripped or _norm(stripped) in titles or _BYLINE.match(stripped):
        return False
    if _LABEL_LIKE.match(stripped) or _META_LINE.match(stripped) or len(stripped.split()) > _NAME_WORDS:
        return False
    if dates.find_dates(stripped):
        return False
    return byline_names.reads_as_name(stripped)
