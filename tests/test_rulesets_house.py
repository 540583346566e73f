"""House rules declared in YAML (phrase, swap, pattern, requires), and rulesets switching,
re-grading and configuring built-in rules."""
from __future__ import annotations

import textwrap

import pytest

from medlint import ruleset_loader, selection
from medlint.config import Config
from medlint.orchestrator import lint_text

from cli_support import word_rule  # noqa: F401 - a fixture

RULES = """\
house-rules:
  - code: MED911
    name: hype
    type: phrase
    phrases: [wonder drug, "miracle-cure"]
  - code: MED912
    name: plain
    type: swap
    severity: info
    swaps: {utilize: use, in order to: to}
  - code: MED913
    name: double-dose
    type: pattern
    patterns:
      - [{LOWER: take}, {LOWER: {IN: [two, double]}}, {LOWER: doses}]
    message: "Never advise {match!r}"
  - code: MED914
    name: opioid-naloxone
    type: requires
    when: {phrases: [oxycodone, morphine]}
    require: {regex: "naloxone|narcan"}
"""


@pytest.fixture
def house(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(RULES, encoding="utf-8")

    def run(text: str, fmt: str = "markdown", **config):
        return lint_text(textwrap.dedent(text), format=fmt,
                         config=Config(rulesets=[str(path)], select=config.pop("select", ["MED9"]), **config))
    return run


def spans(text: str, findings) -> list[tuple[str, str]]:
    return [(f.name, text[f.start:f.end]) for f in findings]


def test_phrase_is_case_insensitive_on_word_boundaries_and_within_one_block(house):
    text = "A Wonder\ndrug? Not wonder drugs, nor a miracle-cure.\n\nwonder\n\ndrug\n"
    assert spans(text, house(text)) == [("hype", "Wonder\ndrug"), ("hype", "miracle-cure")]


def test_phrase_positions_come_from_the_source_map_not_a_search(house):
    text = "Some **wonder drug** here; `wonder drug` in code is not prose.\n"
    found = house(text)
    assert spans(text, found) == [("hype", "wonder drug")]
    assert (found[0].line, found[0].column) == (1, 8)


def test_swap_offers_a_case_preserving_safe_fix(house):
    text = "Utilize it in order to sleep. UTILIZE it.\n"
    found = house(text)
    assert [(f.fix.replacement, text[f.fix.start:f.fix.end]) for f in found] == [
        ("Use", "Utilize"), ("to", "in order to"), ("USE", "UTILIZE")]
    assert found[0].suggestions == ("Use",) and found[0].severity.value == "info"
    assert found[0].message == "Use 'Use' instead of 'Utilize'"


def test_swap_offers_no_fix_where_the_prose_is_not_the_source_text(house):
    text = "Take it in *order* to sleep.\n"
    found = house(text)
    assert spans(text, found) == [("plain", "in *order* to")]
    assert found[0].fix is None


def test_pattern_uses_spacy_matcher_token_patterns(house):
    text = "Never take double doses. You may take two tablets.\n"
    found = house(text)
    assert spans(text, found) == [("double-dose", "take double doses")]
    assert found[0].message == "Never advise 'take double doses'"


def test_requires_flags_the_first_trigger_only_when_the_requirement_is_absent(house):
    text = "Oxycodone is an opioid.\n\nMorphine too.\n"
    assert spans(text, house(text)) == [("opioid-naloxone", "Oxycodone")]
    assert house(text + "\nKeep Narcan at home.\n") == []


def test_house_rules_work_in_plain_text_and_html(house):
    assert spans("a wonder drug\n", house("a wonder drug\n", fmt="text")) == [("hype", "wonder drug")]
    html = "<p>a <b>wonder</b> drug</p>\n"
    assert spans(html, house(html, fmt="html")) == [("hype", "wonder</b> drug")]


def test_ruleset_switches_off_and_regrades_rules(tmp_path, house):
    extra = tmp_path / "extra.yaml"
    extra.write_text("rules:\n  hype: off\n  MED912: error\n", encoding="utf-8")
    text = "A wonder drug to utilize.\n"
    found = lint_text(text, config=Config(rulesets=[str(tmp_path / "house.yaml"), str(extra)]))
    house_findings = [f for f in found if f.code.startswith("MED9")]
    assert [(f.name, f.severity.value) for f in house_findings] == [("plain", "error")]
    # an explicit select still runs a rule a ruleset switched off (select replaces the default set)
    selected = lint_text(text, config=Config(rulesets=[str(tmp_path / "house.yaml"), str(extra)], select=["hype"]))
    assert [f.name for f in selected] == ["hype"]


def test_ruleset_options_and_severity_for_a_builtin_rule(tmp_path, word_rule):
    ruleset = tmp_path / "r.yaml"
    ruleset.write_text("rules:\n  listed-word:\n    severity: error\n    options: {words: [kiwi]}\n")
    config = Config(rulesets=[str(ruleset)], select=["listed-word"])
    found = lint_text("A kiwi.\n", config=config)
    assert [(f.code, f.severity.value) for f in found] == [("MED599", "error")]
    # config beats the ruleset
    config = Config(rulesets=[str(ruleset)], select=["listed-word"], rule_options={"listed-word": {"words": ["fig"]}},
                    severities={"listed-word": "info"})
    assert [(f.message, f.severity.value) for f in lint_text("A kiwi and a fig.\n", config=config)] == [
        ("Listed word 'fig'", "info")]


def test_default_ruleset_names_every_registered_rule():
    from medlint import resources, yaml_schema
    from medlint.rules import registry
    data = yaml_schema.load(resources.read_ruleset_text("default.yaml"), "default.yaml")
    names = {registry.load(code).name for code in registry.RULES if code != "MED599"}
    assert names == set(data["rules"]), sorted(names ^ set(data["rules"]))  # no typo silently skipped
    settings = ruleset_loader.load(Config()).settings
    assert settings["stale-review-date"].options == {"max-review-age": 12}
    assert all(settings[name].enabled and settings[name].severity for name in names)


def test_house_rule_names_are_known_to_suppression_and_selection(house, tmp_path):
    rules = ruleset_loader.resolve([str(tmp_path / "house.yaml")]).house
    known = selection.known_rules(rules)
    assert known["hype"] == "MED911" and known["med914"] == "MED914"


def test_the_example_house_ruleset_loads_and_each_rule_fires():
    from medlint import resources
    config = Config(rulesets=[resources.ruleset_path("house-style.example.yaml")], select=["MED9"])
    text = ("A wonder drug? Utilize it prior to bed.\n\nIf you forget, never take a double dose.\n\n"
            "Tramadol is an opioid.\n")
    assert [f.name for f in lint_text(text, config=config)] == [
        "hype-words", "plain-language", "plain-language", "double-dose-advice", "opioid-naloxone-note"]
