"""Dose mentions: an amount (number or range) with a drug-amount unit, its frequency and route.

A dose is "0.25 to 0.5 mg twice daily", "2.5-6.0 mg/day", "160 mg per 5 mL", "1 g every 8
hours", "15 mg/kg", "1,000 IU", "600 mg HS". The unit is what makes it a drug amount, so what
has no such unit is never a dose: durations ("2-4 weeks"), ages, counts, sizes ("4.9 cm"),
blood pressure ("140/90 mmHg"), ratios ("1.5 to 1") and template slots ("XX mg", no number).
Two more guards keep look-alikes out:

* concentrations measured in blood or urine ("180 mg/dL", "60 mL/min", "mL/min/1.73 m2",
  "5 mmol/L") are lab values, not doses;
* amounts of food and drink ("200 mL of water", "25 g of fibre", "14 units of alcohol",
  "keep salt under 6 g a day") are not drug amounts, nor are pack sizes ("a 30 g tube").
  Litres and ounces are not drug units;
* a concentration per volume in a sentence about levels in the body ("blood levels of 4 to
  12 mcg/mL") is a lab value, while the same unit on a product ("2 mg/mL") is a strength.

A combination strength ("10/325 mg") is one amount, a quantity word may stand between the
number and the unit ("2 to 4 extra units"), an amount may be spelled out ("one gram", "two
milligrams"; a range of words only), units may be in capitals ("20 MG") and the number may be
joined to its unit by a no-break or thin space.
"""
from __future__ import annotations

import re

from medlint.analysis.literals import LiteralSet
from medlint.analysis.types import DoseMention

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# a spelled-out amount ("one gram every eight hours", "two milligrams")
_WORD_NUM = (r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
             r"twenty-five|thirty|forty|fifty|hundred|one hundred|half\s+a)\b")
_UNIT = (r"(?:milligram(?:me)?s?|microgram(?:me)?s?|milliequivalents?|gram(?:me)?s?|gm|mcg|mg|MG|Mg|MCG|Mcg|ML|\u00b5g|\u03bcg|ug|g|mEq|mmol"
         r"|international\s+units?|units?|IU|U(?![.\w-])|millilit(?:er|re)s?|mL|ml|cc)")
_PER_NUM = rf"(?:{_NUM}\s*)?(?:mL|ml|cc)"
_PER1 = rf"(?:kg|m2|m\u00b2|m\^2|day|d|dose|hr|h|hour|wk|week|24\s*h(?:ours?|rs?)?|{_PER_NUM})"
_PER2 = r"(?:min|minute|hr|h|hour|day|d|dose|24\s*h(?:ours?|rs?)?)"
_PER = rf"(?:\s*/\s*{_PER1}(?:\s*/\s*{_PER2})?|\s+per\s+(?:kg|m2|m\u00b2|dose|{_PER_NUM})(?:\s+per\s+dose)?)"
_GLUE = r"(?:[ \u00a0\u202f\u2009]?-[ \u00a0\u202f\u2009]?|[ \t\u00a0\u202f\u2009]*)"  # incl. (narrow) no-break and thin spaces
_CONNECTOR = r"\s*(?:-|\u2013|\u2014|to|or|and|/(?=[\d.]+\s*(?:mg|mcg|g)\b))\s*"  # "10/325 mg": a combination strength
_EXTRA = r"(?:extra|additional|more|further)[ \t\u00a0]+"  # "2 to 4 extra units"
_DOSE = re.compile(
    rf"(?<![\w.,/^\u2013-])(?P<a1>{_NUM}|(?P<word>{_WORD_NUM}))(?:{_GLUE}(?P<u1>{_UNIT}){_PER}?)?"
    rf"(?:(?P<conn>{_CONNECTOR})(?P<a2>(?(word){_WORD_NUM}|{_NUM})))?"  # words range with words only
    rf"{_GLUE}(?:{_EXTRA})?(?P<unit>{_UNIT}(?P<per>{_PER})?)(?![A-Za-z0-9\u00b5\u03bc\u00b2])"
)
_LAB_AFTER = re.compile(
    r"\s*(?:/|per\s)\s*(?:dL|dl|L|l|deciliters?|decilitres?|liters?|litres?|min|minute|mmol|mol|g|gram)\b")
_FOOD_AFTER = re.compile(
    r"\s+of\s+(?:\w+\s+){0,2}?(?:water|juice|grapefruit|milk|food|sugars?|salt|sodium|fats?|protein|"
    r"fib(?:er|re)|carbohydrates?|carbs|alcohol|coffee|tea|soda|wine|beer|fluids?|cholesterol|"
    r"saturated|dietary|calories|blood|plasma|platelets|red\s+cells)\b", re.I)
# A food or drink noun shortly before the amount, with nothing dose-like between:
# "cut salt to under 6 g a day", "sugar below 30 g", "protein intake of 0.8 g/kg".
_FOOD_BEFORE = re.compile(
    r"\b(?:salt|sodium|sugars?|fats?|protein|fib(?:er|re)|carbohydrates?|carbs|alcohol|water|fluids?|"
    r"juice|coffee|tea|milk|calories|food|diet)"
    r"(?:\s+(?:intake|consumption|content|should|must|be|kept|stay|is|was|to|under|below|less|than|no|more|"
    r"at|most|about|around|roughly|of|by|your|total|daily|per|a|day)){0,6}\s*$", re.I)
_FOOD_WORDS = ("salt", "sodium", "sugar", "fat", "protein", "fib", "carb", "alcohol", "water", "fluid", "juice",
               "coffee", "tea", "milk", "calorie", "food", "diet")  # one stands in any match of _FOOD_BEFORE
_PACK_AFTER = re.compile(r"[\s-]*(?:tubes?|bottles?|jars?|tubs?|pots?|packs?|packets?|boxe?s?|cartons?|canisters?|"
                         r"containers?|bags?|cans?)\b", re.I)
# A concentration ("14 mcg/mL", "80 mg per 100 mL") measured in the body: a lab value.
_PER_VOLUME = re.compile(r"(?:/|per\s+)\s*(?:\d+\s*)?(?:mL|ml|L|l|dL|dl)$")
_BODY_LEVEL = re.compile(
    r"\b(?:levels?|concentrations?|serum|plasma|blood|trough|peak|therapeutic\s+range|reference\s+range)\b",
    re.I)
_DOSING_CUE = re.compile(
    r"\b(?:doses?|dosing|dosage|take[sn]?|taking|took|give[sn]?|giving|gave|administer\w*|inject\w*|"
    r"swallow\w*|infus\w*|instil\w*|inhale\w*|use|using|apply|drops?|spoonfuls?|syringe|sachets?|"
    r"suspension|solution|syrup|liquid|elixir|mixture|enema|oral|orally|by mouth|intravenous\w*|maximum|up to|"
    r"no more than|starting|initial\w*|increase[ds]?|reduce[ds]?|every)\b", re.I)
_ALCOHOL = re.compile(r"\b(?:alcohol|alcoholic|drinks?|beer|wine|spirits)\b", re.I)

_COUNT = r"(?:one|two|three|four|five|six|\d{1,2})"
_TIMES = (rf"(?:once|twice|thrice)(?:\s+or\s+(?:twice|{_COUNT}\s+times))?"
          rf"|{_COUNT}(?:\s*(?:or|to|-|\u2013)\s*{_COUNT})?\s+times")
_PERIOD = (r"(?:daily|nightly|weekly|monthly|a\s+day|per\s+day|each\s+day|every\s+day|a\s+week|per\s+week|"
           r"each\s+week|a\s+month|at\s+night|at\s+bedtime|before\s+bed(?:time)?|in\s+the\s+(?:morning|evening)|"
           r"per\s+24\s+hours|in\s+24\s+hours|with\s+(?:each\s+)?meals?|each\s+(?:morning|evening|night))")
_EVERY = (rf"every\s+(?:other\s+(?:day|week|night)|(?:{_NUM}|one|two|three|four|six|eight|twelve)"
          rf"(?:\s*(?:to|-|\u2013|or)\s*(?:{_NUM}|two|three|four|six|eight|twelve))?\s*(?:hours?|hrs?|h|days?|weeks?|months?)"
          r"|day|morning|evening|night|week|month)")
_DIVIDED = rf"in\s+(?:{_COUNT}\s+)?(?:divided|equal|separate|split)?\s*doses"
_FREQ_WORDS = rf"(?:{_TIMES})(?:\s+{_PERIOD})?|{_EVERY}|{_PERIOD}|{_DIVIDED}|as\s+needed|as\s+required|when\s+needed"
_FREQ_NEAR = re.compile(rf"(?:\s+(?!every\b|once\b|twice\b|in\b)[A-Za-z][\w'-]*){{0,3}}?\s*,?\s+(?P<f>{_FREQ_WORDS})\b", re.I)
_FREQ_ABBR = re.compile(
    r"\s*(?P<f>(?:q\.d|b\.i\.d|t\.i\.d|q\.i\.d|q\.o\.d|q\.h\.s|h\.s|p\.r\.n)\.|qd|bid|tid|qid|qod|qhs|hs|prn"
    r"|q\s?\d{1,2}\s?h(?:rs?)?)(?![\w])",
    re.I)
# Each route with the literals (lower case for a case-blind pattern) one of which any match holds:
# the pattern runs only on a window that has one (most doses name no route).
_ROUTES = (
    ("oral", re.compile(r"\b(?:orally|oral|by mouth|swallowed)\b|\bP\.?O\.?\b", re.I),
     ("oral", "by mouth", "swallowed", "po", "p.o")),
    ("intravenous", re.compile(r"\b(?:intravenous(?:ly)?|infusion|IV)\b"), ("intravenous", "infusion", "IV")),
    ("intramuscular", re.compile(r"\b(?:intramuscular(?:ly)?|IM)\b"), ("intramuscular", "IM")),
    ("subcutaneous", re.compile(r"\b(?:subcutaneous(?:ly)?|subcut|SC|SQ)\b"), ("subcut", "SC", "SQ")),
    ("sublingual", re.compile(r"\b(?:sublingual(?:ly)?|under the tongue)\b", re.I), ("sublingual", "under the tongue")),
    ("topical", re.compile(r"\b(?:topical(?:ly)?|applied to the skin)\b", re.I), ("topical", "applied to the skin")),
    ("inhaled", re.compile(r"\b(?:inhaled|inhalation|by inhaler|nebuli[sz]ed)\b", re.I),
     ("inhaled", "inhalation", "by inhaler", "nebuli")),
    ("rectal", re.compile(r"\b(?:rectal(?:ly)?|suppository)\b", re.I), ("rectal", "suppository")),
    ("transdermal", re.compile(r"\b(?:transdermal|patch)\b", re.I), ("transdermal", "patch")),
    ("nasal", re.compile(r"\b(?:intranasal|nasal spray|nasally)\b", re.I), ("nasal",)),
)
_ROUTE_TESTS = tuple((name, pattern, literals, bool(pattern.flags & re.I)) for name, pattern, literals in _ROUTES)
# Characters a case-blind pattern matches to an ASCII letter that str.lower() does not lower to it
_CASE_ODDITIES = ("\u0130", "\u0131", "\u017f")
# Where an amount can start: the first character of a run of digits and points (no other one
# passes the look-behind of _DOSE; a run opening with a point is found from its first digit), or
# a number word (the first word of each alternative of _WORD_NUM). A number ends where its run
# of digits, points and commas ends, and after it, past any spaces and dashes, a dose goes on
# with a unit, a connector ("to", "or", "and", "/"), a second number or "extra"/"additional"/
# "more"/"further": only those first characters are let through.
_NUMBER_RUN = re.compile(r"\d[\d.]*+(?=[\d.,]*+[\s\-\u2013\u2014]*+[mMg\u00b5\u03bcuiIUctoaef/.\d])")
_SPACES = re.compile(r"\s+")
_UNITS_WORD = re.compile(r"(?:international\s+)?units?$|IU$|U$", re.I)
_BARE_VOLUME = re.compile(r"mL|ml|ML|cc|millilit(?:er|re)s?")
_CLAUSE_DOT = re.compile(r"\.(?!\d)")
_PER_SPLIT = re.compile(r"/|\s+per\s+")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "half")
_NUMBER_WORD_SCAN = LiteralSet(_NUMBER_WORDS)


def find_doses(document) -> list[DoseMention]:
    """Every dose mention in ``document.prose``."""
    return dose_mentions(document.prose, document)


def dose_mentions(text: str, document=None) -> list[DoseMention]:
    """Dose mentions in ``text``; with ``document``, the route is looked for in the sentence."""
    out = []
    for m in _dose_matches(text):
        if not _is_drug_amount(text, m):
            continue
        end = m.end()
        frequency = None
        f = _FREQ_ABBR.match(text, end) or _FREQ_NEAR.match(text, end, min(len(text), end + 60))
        if f is not None and "\n" not in text[end:f.end("f")]:
            frequency = _SPACES.sub(" ", f.group("f"))
            end = f.end("f")
        if frequency is None and _is_bare_volume(m.group("unit")) and not _DOSING_CUE.search(_clause(text, m)):
            continue  # "a teaspoon is 5 mL", "a 150 mL bottle": a volume, not an amount given
        amount = m.group("a1") if not m.group("a2") else _join_range(m)
        unit = _SPACES.sub(" ", m.group("unit"))
        route = _route(text, m.start(), end, document)
        out.append(DoseMention(m.start(), end, text[m.start():end], amount, unit, frequency, route))
    return out


def _dose_matches(text: str) -> list[re.Match]:
    """``list(_DOSE.finditer(text))``, trying the pattern only where an amount can start (the
    scan of every position is what is slow, on account of the case-blind number words)."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(c in text for c in _CASE_ODDITIES):
        return list(_DOSE.finditer(text))  # case matching and str.lower() could disagree
    starts = [m.start() for m in _NUMBER_RUN.finditer(text)]
    starts += [i - 1 for i in starts if i and text[i - 1] == "."]  # ".5 mL"
    starts += [i for i, _ in _NUMBER_WORD_SCAN.find_all(lowered)]
    out: list[re.Match] = []
    end = 0
    for start in sorted(set(starts)):
        if start >= end:  # finditer resumes after the last match
            m = _DOSE.match(text, start)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


def _join_range(m: re.Match) -> str:
    conn = m.group("conn").strip()
    if conn in ("-", "\u2013", "\u2014", "/"):
        return f"{m.group('a1')}{conn}{m.group('a2')}"
    return f"{m.group('a1')} {conn} {m.group('a2')}"


def _is_drug_amount(text: str, m: re.Match) -> bool:
    after = text[m.end():m.end() + 60]
    if _LAB_AFTER.match(after) or _is_lab_unit(m.group("unit")):
        return False
    if _FOOD_AFTER.match(after) or _food_before(text, m.start()):
        return False
    if _PACK_AFTER.match(after) and not m.group("per"):
        return False  # "a 30 g tube lasts a month": a pack size, not an amount given
    if _PER_VOLUME.search(m.group("unit")) and _BODY_LEVEL.search(_clause(text, m)):
        return False  # "levels between 3 and 14 mcg/mL": a blood level, not a product strength
    if m.group("u1") and m.group("u1").lower() != m.group("unit").lower()[:len(m.group("u1"))].lower():
        # "5 mg to 10 mL": two different units are two things, not a range
        return False
    if _UNITS_WORD.match(m.group("unit").strip()):
        window = text[max(0, m.start() - 120):m.end() + 60]
        if _ALCOHOL.search(window):
            return False  # "14 units a week" of alcohol
    return True


def _food_before(text: str, start: int) -> bool:
    """_FOOD_BEFORE in the 50 characters before ``start``, looked for only when they hold a
    food word."""
    lo = max(0, start - 50)
    window = text[lo:start]
    lowered = window.lower()
    if not any(map(lowered.__contains__, _FOOD_WORDS)) and not any(c in window for c in _CASE_ODDITIES):
        return False
    return _FOOD_BEFORE.search(text, lo, start) is not None


def _is_bare_volume(unit: str) -> bool:
    return _BARE_VOLUME.fullmatch(unit.strip()) is not None


def _clause(text: str, m: re.Match) -> str:
    """The clause around a match: back to the previous and on to the next ; . ! ? or line end."""
    start = max(text.rfind(c, max(0, m.start() - 200), m.start()) for c in ";.!?\n")
    ends = [i for i in (text.find(c, m.end(), m.end() + 200) for c in ";!?\n") if i >= 0]
    dot = _CLAUSE_DOT.search(text, m.end(), m.end() + 200)
    if dot:
        ends.append(dot.start())
    return text[start + 1:min(ends) if ends else m.end() + 200]


def _is_lab_unit(unit: str) -> bool:
    parts = [p.strip().lower() for p in _PER_SPLIT.split(unit)]
    return len(parts) > 1 and parts[0] in ("ml", "millilitres", "milliliters", "cc") and parts[1].startswith("min")


def _route(text: str, start: int, end: int, document) -> str | None:
    lo, hi = max(0, start - 80), min(len(text), end + 80)
    if document is not None:
        sentence = document.sentence_at(start)
        if sentence is not None:
            lo, hi = max(lo, sentence.start), min(hi, sentence.end)
    window = text[lo:hi]
    lowered = window.lower()
    odd = any(c in window for c in _CASE_ODDITIES)
    for name, pattern, literals, folded in _ROUTE_TESTS:
        if (odd or any(map((lowered if folded else window).__contains__, literals))) and pattern.search(window):
            return name
    return None
