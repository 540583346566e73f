"""drug-name-misspelling (MED401): a word that looks like a misspelled drug name."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterator

from medlint.findings import Finding, Fix, Severity
from medlint.prose import HEADING
from medlint.rules.base import Rule

_MIN_LENGTH = 5
_LONG_WORD = re.compile(rf"[A-Za-z]{{{_MIN_LENGTH},}}")  # runs of letters, the short ones skipped in C
# A reference entry: journal year;volume, DOI, PMID, or an opening author list
# ("Surname AB, Surname C," / "Surname AB, et al.").
_REFERENCE_LIKE = re.compile(r"\bdoi\b|\d{4};\s?\d|\bPMID\b|\bISBN\b|\b(?:vol|pp)\.\s?\d", re.I)
_AUTHORS = re.compile(r"^\W*(?:\d+\.\s*)?[A-Z][\w'-]+ [A-Z]{1,3}(?:, | and | & )(?:[A-Z][\w'-]+ [A-Z]{1,3}\b|et al)")
_BYLINE = re.compile(r"^\W*(?:(?:written|reviewed|medically reviewed|edited|fact[- ]checked)\s+by|by\b|authors?\b)", re.I)
_NAME_AFTER = re.compile(r"\s+(?:[A-Z]{1,3}\b|[A-Z][a-z]+)|\s+(?:et al|and colleagues|and co-workers)\b"
                         r"|,?\s+\(?(?:19|20)\d\d\b")
_SKIPPED_SECTIONS = ("references",)
_MIN_CAPITALIZED = 7  # a capitalized word this long, one slip from a drug name, is evidence enough


class DrugNameMisspelling(Rule):
    """Checks for misspelled drug names.

    ## What it does
    Flags a word that is not a known drug name (generic or brand, from the FDA-derived
    lexicon), not an ordinary English word, not a medical term and not a person's name, but
    is close in spelling or sound to a drug name. The first suggestion is the drug the writer
    most likely meant: a drug the article names elsewhere comes before an unrelated drug one
    letter away. Correctly spelled look-alikes (prednisolone and prednisone, hydroxyzine and
    hydralazine) are both real names and are never flagged. Capitalized words in the middle
    of a sentence (often names) are flagged only when the article names the drug they
    resemble, when they are long and one slip from a drug name, or when they are one slip
    from a brand that they sound like or cut short ("Prozak", "Zolof"); never beside a title,
    initials or a first name ("Dr. Lunn", "Lunn MP", "Lorena Prozan"). Reference lists and
    bylines are skipped.

    ## Why it matters
    A misspelled drug name can send a reader to the wrong medicine, and look-alike names are
    a known cause of medication errors. A misspelling also makes a page look careless and
    hides the drug from search.

    ## Example
    ```markdown
    Sertraline is an SSRI. Do not take sertaline with other antidepressants.
    ```

    ## Use instead
    ```markdown
    Sertraline is an SSRI. Do not take sertraline with other antidepressants.
    ```

    ## References
    - ISMP List of Confused Drug Names: https://www.ismp.org/recommendations/confused-drug-names-list
    - FDA, Drug name confusion: https://www.fda.gov/drugs/drug-safety-and-availability/medication-errors-related-cder-regulated-drug-products
    """

    code = "MED401"
    name = "drug-name-misspelling"
    severity = Severity.WARNING
    summary = "A word looks like a misspelled drug name"
    message = "{word!r} is not a known drug name; did you mean {suggestion!r}?"

    def check(self, document) -> Iterator[Finding]:
        from medlint.lexicon import suggest, words  # lazy: the lexicon loads only when this rule runs

        misspelt = words.known_misspellings()
        plain = suggest.plainly_not_a_drug
        prose = document.prose
        # First each distinct word, cheapest tests first (most words are plainly not drugs);
        # then, only if some word may be reported, the occurrences with their block and
        # position tests.
        choices_of: dict[str, list] = {}  # lower-case word -> what to suggest (absent: nothing)
        pending = []  # words that need the distance search
        for low in _distinct_words(prose):
            if low in misspelt:
                choices_of[low] = [misspelt[low]]
            elif not plain(low):
                pending.append(low)
        context = None  # the article's drug names, gathered only if some word needs them
        if pending:
            context = _article_context(document, suggest)
            context.prime(pending)
            for low in pending:
                found = _assess(low, words, suggest, context)
                if found:
                    choices_of[low] = found
        if not choices_of:
            return
        blocks = document.blocks
        skips: dict[int, bool] = {}  # block index -> a reference entry or byline (skipped)
        mentions = document.drugs
        starts = [d.start for d in mentions]
        for m in _occurrences(frozenset(choices_of)).finditer(prose):
            if _inside_mention(mentions, starts, m.start(), m.end()):
                continue  # a word of a longer drug name ("careldopa" of "co-careldopa")
            index = document.block_index_at(m.start())
            if index is None:
                continue
            block = blocks[index]
            if m.end() > block.end:
                continue
            if index not in skips:
                skips[index] = _skip_block(document, block, prose)
            if skips[index] or _not_a_word(prose, m.start(), m.end()):
                continue
            word = m.group()
            low = word.lower()
            choices = choices_of[low]
            if low not in misspelt and not _context_allows(document, block, m, choices, context):
                continue
            yield self._report(document, m.start(), m.end(), word, choices)

    def _report(self, document, start: int, end: int, word: str, choices) -> Finding:
        texts = [c if isinstance(c, str) else c.text for c in choices]
        first = texts[0]
        replacement = first[0].upper() + first[1:] if word[0].isupper() and first.islower() else first
        s, e = document.to_source(start, end)
        return self.finding(document, start, end, word=word, suggestion=first, suggestions=texts,
                            fix=Fix(s, e, replacement, safe=False))


def _distinct_words(prose: str) -> set[str]:
    """The distinct lower-case runs of five letters or more, from C-level calls. Lower-casing
    the prose first is safe unless it holds one of the two characters whose lower case is
    (or holds) an ASCII letter (U+0130, U+212A), which would join or split runs."""
    if "\u0130" in prose or "\u212a" in prose:
        return {w.lower() for w in _LONG_WORD.findall(prose)}
    return set(_LONG_WORD.findall(prose.lower()))


@lru_cache(maxsize=512)
def _occurrences(words: frozenset[str]) -> re.Pattern:
    """Whole runs of letters spelling one of ``words`` in any ASCII case: the occurrences to
    report, found in one pass over the prose instead of a look at every word."""
    alternatives = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE | re.ASCII)


def _inside_mention(mentions, starts: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within a drug mention (mentions sorted, not overlapping)."""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and mentions[i].end >= end


def _article_context(document, suggest):
    drugs = document.drugs
    return suggest.article_names({d.generic for d in drugs if " and " not in d.generic},
                                 {d.brand for d in drugs if d.brand})


def _assess(low: str, words, suggest, context) -> list:
    """Suggestions when ``low`` (not plainly a non-drug) looks like a misspelled drug name, else []."""
    found = suggest.suggest(low, context)
    if not found:
        return []
    frequency = words.frequency(low)  # exact; wordfreq loads only for a word it lists
    if frequency >= words.ENGLISH_ZIPF:
        return []
    if frequency > 0:
        found = suggest.suggest(low, context, frequency=frequency)
    if found and found[0].distance > 0 and not _named_nearby(found[0]) and suggest.english_typo(low):
        return []  # a typo of an ordinary word ("prevenst"), not of a drug
    return found


def _named_nearby(first) -> bool:
    """The article names the drug, and the word is within reach of it: then a word one slip
    from both a drug and an ordinary word ("neurotin": Neurontin, neurotic) is the drug."""
    return first.in_article and first.distance <= _limit(first.text)


def _context_allows(document, block, m: re.Match, choices, context) -> bool:
    """Capitalized words mid-sentence (names, titles) need more evidence: the article names the
    drug, or the word is long and a single slip away from a drug name ("Lexipro")."""
    word = m.group()
    if word.isupper() or any(ch.isupper() for ch in word[1:]):
        return False  # acronyms and CamelCase product or company names
    if not word[0].isupper() or _sentence_initial(document, block, m.start()):
        return True
    first = choices[0]
    in_article = first.in_article and first.distance <= _limit(word) + (1 if first.text[:1].isupper() else 0)
    one_slip = first.distance == 1 and (len(word) >= _MIN_CAPITALIZED or (
        _brand_slip(word.lower(), first.text) and not _beside_capitalized(document.prose, m.start(), m.end())))
    if not (in_article or one_slip):
        return False
    return not _looks_like_name(document.prose, m.start(), m.end())


def _brand_slip(low: str, suggestion: str) -> bool:
    """A short capitalized word one slip from a brand that it sounds like or cuts short
    ("Prozak" / Prozac, "Xanex" / Xanax, "Zolof" / Zoloft): brands are written capitalized, so
    this is the brand misspelled. A rare name one letter from a brand ("Advik" / Advil,
    "Flomar" / Flomax) neither sounds like it nor is its beginning."""
    from medlint.lexicon.suggest import sounds_alike  # lazy: same module the rule already loaded

    brand = suggestion.lower()
    return suggestion[:1].isupper() and (brand.startswith(low) or sounds_alike(low, brand))


_CAPITALIZED_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+$")


def _beside_capitalized(prose: str, start: int, end: int) -> bool:
    """Right after a capitalized word ("Lorena Prozan"): part of a person's or place's name."""
    return bool(_CAPITALIZED_BEFORE.search(prose, max(0, start - 40), start))


def _limit(word: str) -> int:
    from medlint.lexicon.suggest import max_distance  # lazy: same module the rule already loaded

    return max_distance(word.lower())


def _sentence_initial(document, block, offset: int) -> bool:
    if block.kind == HEADING:
        start = block.start
    else:
        sentence = document.sentence_at(offset)
        start = sentence.start if sentence is not None else block.start
    return not re.search(r"[A-Za-z]", document.prose[start:offset])


def _looks_like_name(prose: str, start: int, end: int) -> bool:
    """"Dr. Lunn", "Lunn MP,", "Wiffen PJ": a capitalized word beside a title or initials."""
    before = prose[max(0, start - 12):start].lower()
    if re.search(r"\b(?:dr|mr|mrs|ms|prof|professor)\.?\s*$", before):
        return True
    return bool(_NAME_AFTER.match(prose, end))


def _not_a_word(prose: str, start: int, end: int) -> bool:
    """Part of an e-mail address, domain, file name or identifier, or glued to digits."""
    before = prose[start - 1:start]
    after = prose[end:end + 2]
    if before and (before.isdigit() or before in "@./\\_#"):
        return True
    return bool(after) and (after[0].isdigit() or after[0] in "@_" or
                            (after[0] == "." and len(after) > 1 and after[1].isalpha()))


def _skip_block(document, block, prose: str) -> bool:
    section = document.section_at(block.start)
    if section is not None and section.kind in _SKIPPED_SECTIONS:
        return True
    text = prose[block.start:block.end]
    return bool(_REFERENCE_LIKE.search(text) or _AUTHORS.match(text) or _BYLINE.match(text))
