"""The claim word lists (``rulesets/claim_lexicon.yaml``), compiled once per process.

The lists are data so that editors can extend them without touching code; this module turns
them into regular expressions and sets that :mod:`medlint.analysis.context`,
:mod:`medlint.analysis.claims` and the claim rules share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from medlint import resources
from medlint.analysis.pattern_words import ends_every_match_with, first_words
from medlint.analysis.word_matching import Keyed, keyed_patterns, token_keys

LEXICON_FILE = "claim_lexicon.yaml"

_PROFESSIONS = ("ologists", "iatrists", "icians")
_PROFESSION = re.compile(r"(?:ologists|iatrists|icians)\b")

# A word (letters/digits, inner hyphens and apostrophes) or one non-space character.
WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


def phrase_regex(entries, *, flags: int = re.IGNORECASE) -> re.Pattern:
    """One alternation of the entries, each matched on whole words; a space means ``\\s+``."""
    parts = sorted((str(e).replace(" ", r"\s+") for e in entries), key=len, reverse=True)
    # an entry that opens with punctuation (", so") needs no word boundary before it
    words = [p for p in parts if p[0] not in ",;:"]
    marks = [p for p in parts if p[0] in ",;:"]
    branches = ([r"(?<![\w-])(?:" + "|".join(words) + ")"] if words else []) + marks
    return re.compile(r"(?:" + "|".join(branches) + r")(?![\w-])", flags)


@dataclass(frozen=True)
class ContextRule:
    category: str
    direction: str            # "forward", "backward", "bidirectional"
    pattern: re.Pattern
    max_scope: int
    comma_ends: bool
    and_ends: bool
    first_words: frozenset[str] | None = None   # words a trigger can start with (None: unknown)
    keys: frozenset[str] | None = None   # tokens a match can start on (None: scan the text)
    by_key: Keyed | None = None  # the triggers by the token they start on


@dataclass
class Lexicon:
    context_rules: list[ContextRule]
    pseudo: re.Pattern
    terminate: re.Pattern
    verb_forms_of: dict[str, frozenset[str]]   # word -> its forms among "base", "s", "ed"
    verb_base: dict[str, str]                  # word -> base form
    phrases: dict[str, re.Pattern]
    phrase_keywords: dict[str, frozenset[str]]   # a phrase is tried only with one of these
    phrase_requires: dict[str, frozenset[str]]   # ... and one of the words it can start with (if known)
    evidential: frozenset[str]
    modals: frozenset[str]
    adverbs: frozenset[str]
    treatments: frozenset[str]
    prefilter: frozenset[str]                  # any word that can start a predicate
    pronouns: frozenset[str]
    population: frozenset[str]
    conditions: frozenset[str]
    multiword_conditions: dict[str, list[tuple[str, ...]]]  # first word -> word tuples
    condition_suffixes: tuple[str, ...]
    suffix_exceptions: frozenset[str]
    non_agents: frozenset[str]
    modifier_heads: frozenset[str]
    side_effects: frozenset[str]
    adverse: re.Pattern
    list_lead_in: re.Pattern
    interrogatives: frozenset[str]
    vague: re.Pattern
    vague_specific: frozenset[str]
    named_source: re.Pattern
    vague_quantifiers: frozenset[str]
    vague_keywords: frozenset[str]
    absolute: list[tuple[str, re.Pattern, frozenset[str], frozenset[str] | None]]  # name, pattern, keywords, first words
    absolute_pseudo: re.Pattern
    population_quantifier: re.Pattern
    treatment_phrases: re.Pattern | None = None
    vague_verb_words: frozenset[str] = frozenset()   # first words of the reporting verbs
    vague_agentless: frozenset[str] = frozenset()    # words of the agentless appeals
    absolute_keywords: frozenset[str] = frozenset()  # every absolute pattern's keywords
    vague_starts: frozenset[str] = frozenset()       # words a vague attribution can start with
    gated_keywords: frozenset[str] = frozenset()     # keywords of the phrases with known first words
    treatment_phrase_starts: frozenset[str] = frozenset()   # first words: a cheap pre-check
    condition_adjectives: frozenset[str] = frozenset()
    functions: frozenset[str] = frozenset()
    trouble_nouns: frozenset[str] = frozenset()
    lowering_verbs: frozenset[str] = frozenset()     # every inflected form
    measures: frozenset[str] = frozenset()    # "number", "frequency": ... of <episodes>
    episodes: frozenset[str] = frozenset()    # "trips", "awakenings": symptoms after a measure
    outcome_lead_in: re.Pattern | None = None
    help_goal: re.Pattern | None = None   # what "helps" a person do that is itself an outcome
    terminate_keys: frozenset[str] | None = None  # tokens a terminator / pseudo-trigger can start on
    pseudo_keys: frozenset[str] | None = None
    terminate_by_key: Keyed | None = None
    context_any: frozenset[str] | None = None  # a token every context trigger match needs one of (clean text)
    pseudo_by_key: Keyed | None = None
    adverse_keys: frozenset[str] | None = None    # tokens an adverse phrase can start on
    lead_in_ends_with_colon: bool = False  # every list / outcome lead-in match ends with ":" (and space)
    extra: dict = field(default_factory=dict)

    def derived(self, key: str, build):
        """A value computed from the lexicon on first use and kept in ``extra`` (a union of
        word sets, say, too dear to rebuild for every sentence)."""
        value = self.extra.get(key)
        if value is None:
            value = self.extra[key] = build()
        return value

    def may_claim(self, words: set[str] | frozenset[str]) -> bool:
        """Whether a sentence with these lower-case words can hold an efficacy predicate (a
        cheap first pass: most sentences have none of the predicate words)."""
        if not words.isdisjoint(self.prefilter):
            return True
        if words.isdisjoint(self.gated_keywords):
            return False
        for name, required in self.phrase_requires.items():
            if required and not words.isdisjoint(required) and not words.isdisjoint(self.phrase_keywords[name]):
                return True
        return False

    def vague_matches(self, text: str) -> list[re.Match]:
        """``self.vague.finditer(text)``, tried only where a word that can open an
        attribution starts (the full scan costs ten times more)."""
        out: list[re.Match] = []
        end = -1
        for m in WORD.finditer(text):
            if m.start() < end:
                continue
            word = m.group().lower()
            if word in self.vague_starts or word.endswith(_PROFESSIONS):
                found = self.vague.match(text, m.start())
                if found is not None:
                    out.append(found)
                    end = found.end()
        return out

    def may_attribute(self, words: set[str] | frozenset[str], low: str | None = None) -> bool:
        """Whether a sentence with these lower-case words (``low``: its lower-case text) can
        hold a vague attribution: a source word and a reporting verb, "according to", or an
        agentless appeal ("it is widely believed", "clinically proven")."""
        if not words.isdisjoint(self.vague_agentless) or "according" in words:
            return True
        if words.isdisjoint(self.vague_verb_words):
            return False
        if not words.isdisjoint(self.vague_keywords):
            return True
        if low is None:
            low = " ".join(words)
        return _PROFESSION.search(low) is not None

    def is_condition_word(self, word: str) -> bool:
        w = word.lower()
        if w in self.conditions:
            return True
        if w in self.suffix_exceptions or len(w) < 6:
            return False
        return w.endswith(self.condition_suffixes)


def _inflect(base: str) -> list[tuple[str, str]]:
    """Regular English inflections of a verb: (word, form)."""
    if base.endswith("e"):
        third, past = base + "s", base + "d"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third, past = base[:-1] + "ies", base[:-1] + "ied"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        third, past = base + "es", base + "ed"
    else:
        third, past = base + "s", base + "ed"
    return [(base, "base"), (third, "s"), (past, "ed")]


def _verb_forms(data: dict) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    forms: dict[str, set[str]] = {}
    bases: dict[str, str] = {}
    irregular = data.get("irregular", {})
    for base in data["verbs"]:
        if base in irregular:
            third, *past = irregular[base]
            pairs = [(base, "base"), (third, "s")] + [(p, "ed") for p in past]
        else:
            pairs = _inflect(base)
        for word, form in pairs:
            forms.setdefault(word, set()).add(form)
            bases.setdefault(word, base)
    return {w: frozenset(f) for w, f in forms.items()}, bases


def _vague_regex(v: dict) -> re.Pattern:
    quant = "|".join(sorted((q.replace(" ", r"\s+") for q in v["quantifiers"]), key=len, reverse=True))
    sources = "|".join(sorted((s.replace(" ", r"\s+") for s in v["sources"]), key=len, reverse=True))
    verbs = "|".join(sorted((s.replace(" ", r"\s+") for s in v["verbs"]), key=len, reverse=True))
    singular = "|".join(v["singular"])
    aux = r"(?:\s+(?:have|has|had|also|now|consistently|repeatedly|long|generally|often|widely|increasingly|all|largely|overwhelmingly|mostly|strongly|clearly|been|do|does|did))*"
    plural = rf"(?P<quant>(?:(?:{quant})\s+){{0,2}})(?P<source>{sources}){aux}\s+(?:{verbs})"
    single = rf"{v['singular_lead']}(?:{singular}){v['singular_tail']}{aux}\s+(?:{verbs})"
    return re.compile(
        rf"(?<![\w-])(?:{plural}|(?P<single>{single})|(?P<according>{v['according_to']})|(?P<widely>{v['widely']}))(?![\w-])",
        re.IGNORECASE)


def _vague_starts(v: dict) -> frozenset[str]:
    words = {str(e).split()[0].lower() for e in v["quantifiers"] + v["sources"] if str(e)[0].isalpha()}
    for key in ("singular_lead", "according_to", "widely"):
        found = first_words(v[key])
        if found is None:
            raise ValueError(f"vague.{key}: cannot tell which words it starts with")
        words |= found
    return frozenset(words)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The compiled lexicon (read and compiled on first use, then cached)."""

    data = resources.load_ruleset_yaml(LEXICON_FILE)
    ctx = data["context"]
    rules: list[ContextRule] = []
    for category, spec in ctx.items():
        if category == "terminate":
            continue
        for direction in ("forward", "backward", "bidirectional"):
            entries = spec.get(direction) if isinstance(spec, dict) else None
            if entries:
                first = _entries_first_words(entries)
                rules.append(ContextRule(category, direction, phrase_regex(entries), int(spec.get("max_scope", 8)),
                                         bool(spec.get("comma", True)), bool(spec.get("and_ends", False)), first,
                                         token_keys(first), keyed_patterns(entries, phrase_regex)))
    pseudo = phrase_regex(ctx["negated"].get("pseudo", []))
    c = data["claims"]
    words, multi = set(), {}
    for entry in c["conditions"]:
        parts = tuple(str(entry).lower().split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            multi.setdefault(parts[0], []).append(parts)
    a = data["absolute"]
    verb_forms_of, verb_base = _verb_forms(c)
    requires = {k: first_words(v["pattern"]) or frozenset() for k, v in c["phrases"].items()}
    keyed = [r.by_key for r in rules]
    context_any = None if any(k is None for k in keyed) else frozenset().union(*(k.triggers | k.unknown for k in keyed))
    return Lexicon(
        context_rules=rules,
        context_any=context_any,
        pseudo=pseudo,
        terminate=phrase_regex(ctx["terminate"]),
        verb_forms_of=verb_forms_of,
        verb_base=verb_base,
        phrases={k: re.compile((r"(?<![\w-])" if not k.endswith("_tail") else "") + "(?:" + v["pattern"] + ")",
                               re.IGNORECASE) for k, v in c["phrases"].items()},
        phrase_keywords={k: frozenset(str(w) for w in v["keywords"]) for k, v in c["phrases"].items()},
        phrase_requires=requires,
        gated_keywords=frozenset().union(*(v["keywords"] for k, v in c["phrases"].items() if requires[k])),
        evidential=frozenset(c["evidential"]),
        modals=frozenset(str(m) for m in c["modals"]),
        adverbs=frozenset(str(m) for m in c["adverbs"]),
        treatments=frozenset(t.lower() for t in c["treatments"]),
        prefilter=frozenset(verb_forms_of) | frozenset(c["prefilter"]).union(
            *(v["keywords"] for k, v in c["phrases"].items() if not requires[k])),
        pronouns=frozenset(c["pronouns"]),
        population=frozenset(c["population"]),
        conditions=frozenset(words),
        multiword_conditions=multi,
        condition_suffixes=tuple(c["condition_suffixes"]),
        suffix_exceptions=frozenset(c["suffix_exceptions"]),
        non_agents=frozenset(c["non_agents"]),
        modifier_heads=frozenset(c["modifier_heads"]),
        side_effects=frozenset(str(w).lower() for w in c["side_effects"]),
        adverse=phrase_regex(c["adverse"]),
        list_lead_in=re.compile(c["list_lead_in"], re.IGNORECASE),
        interrogatives=frozenset(c["interrogatives"]),
        vague=_vague_regex(data["vague"]),
        vague_specific=frozenset(data["vague"]["specific_determiners"]),
        vague_starts=_vague_starts(data["vague"]),
        named_source=re.compile(data["vague"]["named_source"]),
        vague_quantifiers=frozenset(q.lower() for q in data["vague"]["quantifiers"]),
        vague_keywords=frozenset(w for w in data["vague"]["sources"] + data["vague"]["singular"]
                                 + ["according", "widely", "generally", "commonly", "universally", "well-known",
                                    "known", "proven", "shown", "demonstrated", "established", "tested", "backed",
                                    "science-backed", "research-backed", "evidence-backed"]
                                 if w.isalpha() or "-" in w),
        absolute=[(name, re.compile(r"(?<![\w-])(?:" + p["pattern"] + r")(?![\w-])", re.IGNORECASE),
                   frozenset(str(w) for w in p["keywords"]), first_words(p["pattern"]))
                  for name, p in a["patterns"].items()],
        vague_verb_words=frozenset(str(v).split()[0].lower() for v in data["vague"]["verbs"]),
        vague_agentless=frozenset(("widely", "generally", "commonly", "universally", "well-known", "known",
                                   "proven", "shown", "demonstrated", "established", "tested", "backed",
                                   "science-backed", "research-backed", "evidence-backed")),
        absolute_keywords=frozenset(str(w) for p in a["patterns"].values() for w in p["keywords"]),
        absolute_pseudo=phrase_regex(a["pseudo"]),
        population_quantifier=re.compile(a["population_quantifier"], re.IGNORECASE),
        treatment_phrases=phrase_regex(c["treatment_phrases"]),
        treatment_phrase_starts=frozenset(re.match(r"[a-z]+", str(e).lower()).group()
                                          for e in c["treatment_phrases"]),
        condition_adjectives=frozenset(c["condition_adjectives"]),
        functions=frozenset(c["functions"]),
        measures=frozenset(c.get("measures", ())),
        episodes=frozenset(c.get("episodes", ())),
        trouble_nouns=frozenset(c["trouble_nouns"]),
        lowering_verbs=frozenset(w for w, b in verb_base.items() if b in set(c["lowering_verbs"])),
        outcome_lead_in=re.compile(c["outcome_lead_in"], re.IGNORECASE),
        help_goal=re.compile(c["help_goals"], re.IGNORECASE) if c.get("help_goals") else None,
        terminate_keys=token_keys(_entries_first_words(ctx["terminate"])),
        pseudo_keys=token_keys(_entries_first_words(ctx["negated"].get("pseudo", []))),
        terminate_by_key=keyed_patterns(ctx["terminate"], phrase_regex),
        pseudo_by_key=keyed_patterns(ctx["negated"].get("pseudo", []), phrase_regex),
        adverse_keys=token_keys(_entries_first_words(c["adverse"])),
        lead_in_ends_with_colon=all(ends_every_match_with(c[k], r":\s*$") for k in ("list_lead_in", "outcome_lead_in")),
    )


def _entries_first_words(entries) -> frozenset[str] | None:
    """The words any of ``entries`` can start with (None: unknown for some entry)."""
    starts = [first_words(str(e)) for e in entries]
    return None if any(w is None for w in starts) else frozenset().union(*starts)
