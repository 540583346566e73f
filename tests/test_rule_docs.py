"""Meta tests over the rule table: unique codes, documented rules, and rule docs whose
examples really trigger (and whose fixes really do not trigger) the rule."""
from __future__ import annotations

import re

import pytest

from medlint.rules import registry
from conftest import run_lint

SECTIONS = ("## What it does", "## Why it matters", "## Example", "## Use instead", "## References")
FENCE = re.compile(r"```(markdown|html|text)\n(.*?)```", re.S)
RULE_CLASSES = registry.all_rule_classes()


def test_codes_and_names_are_unique_and_well_formed():
    codes = [cls.code for cls in RULE_CLASSES]
    names = [cls.name for cls in RULE_CLASSES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for cls in RULE_CLASSES:
        assert re.fullmatch(r"MED\d{3}", cls.code), cls
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", cls.name), cls
        assert cls.code in registry.RULES


@pytest.mark.parametrize("cls", RULE_CLASSES, ids=lambda c: c.name)
def test_rule_is_documented(cls):
    doc = cls.doc()
    for section in SECTIONS:
        assert section in doc, f"{cls.name}: docstring lacks {section!r}"
    assert cls.summary and cls.message


def _section(doc: str, title: str) -> str:
    start = doc.index(title) + len(title)
    nxt = doc.find("\n## ", start)
    return doc[start:] if nxt < 0 else doc[start:nxt]


EXAMPLE_RULES = [cls for cls in RULE_CLASSES if cls.code[3] != "0" and cls.code[3] != "9"]


@pytest.mark.parametrize("cls", EXAMPLE_RULES, ids=lambda c: c.name)
def test_doc_example_triggers_and_fix_does_not(cls):
    doc = cls.doc()
    example = FENCE.search(_section(doc, "## Example"))
    fixed = FENCE.search(_section(doc, "## Use instead"))
    assert example and fixed, f"{cls.name}: Example and Use instead need a fenced block"
    found = run_lint(example.group(2), fmt=example.group(1), select=[cls.name])
    assert any(f.name == cls.name for f in found), f"{cls.name}: its Example does not trigger it"
    clean = run_lint(fixed.group(2), fmt=fixed.group(1), select=[cls.name])
    assert not [f for f in clean if f.name == cls.name], f"{cls.name}: its Use instead still triggers it"
