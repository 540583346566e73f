"""Suppression comments: disable/enable ranges, disable-next-line, disable-file, `all`,
names or codes; MED001 unknown-suppression and MED002 useless-suppression."""
from __future__ import annotations

import re
import textwrap

import pytest

from medlint.config import Config
from medlint.orchestrator import lint_text
from medlint.rules import registry

from conftest import run_lint

RULES = """\
house-rules:
  - {code: MED921, name: hype, type: phrase, phrases: [wonder drug]}
  - {code: MED922, name: jargon, type: phrase, phrases: [synergy]}
"""


@pytest.fixture
def lint(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(RULES, encoding="utf-8")

    def run(text: str, fmt: str = "markdown", select=("MED9", "MED0"), ignore=()):
        config = Config(rulesets=[str(path)], select=list(select), ignore=list(ignore))
        return [(f.code, f.line) for f in lint_text(textwrap.dedent(text), format=fmt, config=config)]
    return run


def test_disable_next_line_covers_the_next_non_blank_line_only(lint):
    text = """\
    A wonder drug.
    <!-- medlint: disable-next-line=hype -->

    Another wonder drug and synergy.
    A third wonder drug.
    """
    assert lint(text) == [("MED921", 1), ("MED922", 4), ("MED921", 5)]


def test_disable_until_enable_by_name_or_code_in_any_case(lint):
    text = """\
    <!-- medlint: disable=HYPE,med922 -->
    wonder drug synergy

    <!-- medlint: enable=jargon -->
    wonder drug synergy

    <!-- medlint: enable=MED921 -->
    wonder drug
    """
    assert lint(text) == [("MED922", 5), ("MED921", 8)]


def test_disable_without_enable_runs_to_the_end_and_disable_file_covers_everything(lint):
    assert lint("wonder drug\n\n<!-- medlint: disable=hype -->\n\nwonder drug\n\nwonder drug\n") == [("MED921", 1)]
    assert lint("wonder drug\n\nsynergy\n\n<!-- medlint: disable-file=MED921 -->\n") == [("MED922", 3)]


def test_all_suppresses_every_rule_and_enable_all_ends_it(lint):
    text = "<!-- medlint: disable=all -->\nwonder drug, synergy\n<!-- medlint: enable=all -->\n\nsynergy\n"
    assert lint(text) == [("MED922", 5)]


def test_plain_text_directives_on_a_line_of_their_own(lint):
    text = "wonder drug\nmedlint: disable-next-line=hype\nwonder drug\n# medlint: disable-file=jargon\nsynergy\n"
    assert lint(text, fmt="text") == [("MED921", 1)]


def test_html_comments(lint):
    text = "<p>wonder drug</p>\n<!-- medlint: disable-next-line=hype -->\n<p>wonder drug</p>\n"
    assert lint(text, fmt="html") == [("MED921", 1)]


def test_unknown_name_is_med001_at_the_directive_with_a_suggestion(tmp_path, lint):
    text = "<!-- medlint: disable-next-line=hipe, hype -->\nwonder drug\n"
    assert lint(text) == [("MED001", 1)]
    config = Config(rulesets=[str(tmp_path / "house.yaml")], select=["MED9", "MED0"])
    finding = lint_text(text, config=config)[0]
    assert finding.message == "Unknown rule 'hipe' in a medlint suppression comment"
    assert finding.suggestions == ("hype",) and finding.severity.value == "warning"
    assert text[finding.start:finding.end] == "<!-- medlint: disable-next-line=hipe, hype -->"


def test_a_directive_that_suppressed_nothing_is_med002_info(tmp_path, lint):
    text = "<!-- medlint: disable-next-line=hype,jargon -->\nwonder drug\n\n<!-- medlint: disable=all -->\n\nfine\n"
    assert lint(text) == [("MED002", 1), ("MED002", 4)]
    config = Config(rulesets=[str(tmp_path / "house.yaml")], select=["MED9", "MED0"])
    messages = [(f.message, f.severity.value) for f in lint_text(text, config=config)]
    assert messages == [("Useless suppression of 'jargon': nothing here was suppressed", "info"),
                        ("Useless suppression of 'all': nothing here was suppressed", "info")]


def test_med002_is_not_reported_for_rules_that_did_not_run(lint):
    text = "<!-- medlint: disable-next-line=jargon -->\nplain words\n"
    assert lint(text, select=["MED0", "hype"]) == []
    assert lint(text) == [("MED002", 1)]


def test_meta_rules_are_selectable_and_ignorable_like_any_rule(lint):
    text = "<!-- medlint: disable=nope -->\n<!-- medlint: disable=jargon -->\nwonder drug\n"
    assert lint(text) == [("MED001", 1), ("MED002", 2), ("MED921", 3)]
    assert lint(text, ignore=["useless-suppression"]) == [("MED001", 1), ("MED921", 3)]
    assert lint(text, select=["MED9"]) == [("MED921", 3)]


def test_all_does_not_hide_meta_findings_but_naming_them_does(lint):
    text = "<!-- medlint: disable-file=all -->\n<!-- medlint: disable=nope -->\nwonder drug\n"
    assert lint(text) == [("MED001", 2)]
    text = "<!-- medlint: disable-file=unknown-suppression -->\n<!-- medlint: disable=nope -->\nwonder drug\n"
    assert lint(text) == [("MED921", 3)]


@pytest.mark.parametrize("code", ["MED001", "MED002"])
def test_meta_rule_doc_examples(code):
    cls = registry.load(code)
    doc = cls.doc()
    example = re.search(r"## Example\s*```markdown\n(.*?)```", doc, re.S).group(1)
    fixed = re.search(r"## Use instead\s*```markdown\n(.*?)```", doc, re.S).group(1)
    assert cls.name in [f.name for f in run_lint(example, select=[cls.name, "dose-without-citation", "placeholder-link"])]
    assert cls.name not in [f.name for f in run_lint(fixed, select=[cls.name, "dose-without-citation", "placeholder-link"])]


def test_an_enable_for_another_rule_leaves_a_range_open_once(lint):
    text = """\
    <!-- medlint: disable=hype -->
    <!-- medlint: enable=jargon -->
    <!-- medlint: enable=jargon -->
    wonder drug
    """
    assert lint(text) == []
