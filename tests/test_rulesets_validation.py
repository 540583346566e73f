"""Invalid rulesets are refused with `file:line: what is wrong` (exit 2 through the CLI)."""
from __future__ import annotations

import textwrap

import pytest

from medlint import ruleset_loader
from medlint.errors import RulesetError

from cli_support import run_cli, write


def load(tmp_path, text: str, *more: str):
    paths = []
    for i, body in enumerate((text, *more)):
        path = tmp_path / f"r{i}.yaml"
        path.write_text(textwrap.dedent(body), encoding="utf-8")
        paths.append(str(path))
    return ruleset_loader.resolve(paths)


def error_of(tmp_path, text: str, *more: str) -> str:
    with pytest.raises(RulesetError) as info:
        load(tmp_path, text, *more)
    return str(info.value).replace(str(tmp_path) + "/", "")


PHRASE = "house-rules:\n  - code: MED901\n    name: no-hype\n    type: phrase\n"


@pytest.mark.parametrize("text, message", [
    ("house_rules: []\n", "r0.yaml:1: unknown key 'house_rules' in the ruleset (did you mean 'house-rules'?)"),
    ("rules: [placeholder-link]\n", "r0.yaml:1: rules must be a mapping, not a list"),
    ("- a\n", "r0.yaml:1: a ruleset must be a mapping, not a list"),
    ("rules:\n  placeholder-lnk: on\n", "r0.yaml:2: unknown rule 'placeholder-lnk' (did you mean 'placeholder-link'?)"),
    ("rules:\n  placeholder-link: fatal\n",
     "r0.yaml:2: the setting of placeholder-link must be error, warning or info, not 'fatal'"),
    ("rules:\n  placeholder-link:\n    enabled: yes please\n", "r0.yaml:3: enabled must be true or false"),
    ("rules:\n  placeholder-link:\n    severty: info\n",
     "r0.yaml:3: unknown key 'severty' in the setting of placeholder-link (did you mean 'severity'?)"),
    ("rules:\n  placeholder-link:\n    options: {depth: 3}\n",
     "r0.yaml:3: unknown option 'depth' for placeholder-link"),
    ("house-rules:\n  - name: x\n    type: phrase\n    phrases: [a]\n", "r0.yaml:2: a house rule lacks the required key 'code'"),
    (PHRASE, "r0.yaml:2: a phrase rule lacks the required key 'phrases'"),
    (PHRASE.replace("MED901", "MED101") + "    phrases: [a]\n", "r0.yaml:2: house rule code 'MED101' must be MED900-MED999"),
    (PHRASE.replace("no-hype", "No Hype") + "    phrases: [a]\n", "r0.yaml:3: rule name 'No Hype' must be kebab-case"),
    (PHRASE.replace("no-hype", "placeholder-link") + "    phrases: [a]\n",
     "r0.yaml:2: placeholder-link is already used by a built-in rule"),
    (PHRASE.replace("phrase\n", "phrse\n") + "    phrases: [a]\n",
     "r0.yaml:4: unknown house rule type 'phrse' (did you mean 'phrase'?)"),
    (PHRASE + "    phrases: [a]\n    swaps: {a: b}\n", "r0.yaml:6: unknown key 'swaps' in a phrase rule"),
    (PHRASE + "    phrases: [a]\n    severity: loud\n", "r0.yaml:6: severity must be error, warning or info"),
    (PHRASE + "    phrases: []\n", "r0.yaml:5: phrases must not be empty"),
    (PHRASE + "    phrases: ['  ']\n", "r0.yaml:5: phrases must hold non-empty strings"),
    (PHRASE + "    phrases: [a, 3]\n", "r0.yaml:5: phrases must hold non-empty strings, not the number 3"),
    (PHRASE + "    phrases: [a]\n    message: 'Avoid {phrase}'\n",
     "r0.yaml:6: message template is invalid ('phrase'); a phrase rule offers {match}"),
    ("house-rules:\n  - code: MED902\n    name: s\n    type: swap\n    swaps: [a, b]\n",
     "r0.yaml:5: swaps must be a mapping, not a list"),
    ("house-rules:\n  - code: MED902\n    name: s\n    type: swap\n    swaps:\n      a: 3\n",
     "r0.yaml:6: the replacement for 'a' must be a string"),
    ("house-rules:\n  - code: MED903\n    name: r\n    type: requires\n    when: {regex: '(unclosed'}\n"
     "    require: {phrases: [b]}\n", "r0.yaml:5: when.regex is not a valid regular expression"),
    ("house-rules:\n  - code: MED903\n    name: r\n    type: requires\n    when: {phrases: [a], regex: b}\n"
     "    require: {phrases: [b]}\n", "r0.yaml:5: when needs exactly one of 'phrases' or 'regex'"),
    ("house-rules:\n  - code: MED903\n    name: r\n    type: requires\n    when: {regex: 'x*'}\n"
     "    require: {phrases: [b]}\n", "r0.yaml:5: when.regex matches the empty string"),
    ("house-rules:\n  - code: MED904\n    name: p\n    type: pattern\n    patterns:\n      - [{LEMMA: take}]\n",
     "r0.yaml:6: token attribute 'LEMMA' needs a trained spaCy pipeline"),
    ("house-rules:\n  - code: MED904\n    name: p\n    type: pattern\n    patterns:\n      - [{LOWR: take}]\n",
     "r0.yaml:6: unknown token attribute 'LOWR' (did you mean 'LOWER'?)"),
    ("house-rules:\n  - code: MED904\n    name: p\n    type: pattern\n    patterns:\n      - [{LOWER: a, OP: '^'}]\n",
     "r0.yaml:6: OP must be one of"),
    ("house-rules:\n  - code: MED904\n    name: p\n    type: pattern\n    patterns: [take]\n",
     "r0.yaml:5: pattern 1 must be a non-empty list of token descriptions"),
    ("rules:\n  a: 1\n  a: 2\n", "r0.yaml:3: duplicate key 'a'"),
    ("rules: !!python/object/apply:os.system ['echo hacked']\n",
     "r0.yaml:1: YAML tag !!python/object/apply:os.system is not allowed"),
    ("rules: {a: [}\n", "r0.yaml:1: "),
])
def test_invalid_ruleset_is_refused_with_file_and_line(tmp_path, text, message):
    assert error_of(tmp_path, text).startswith(message)


def test_house_codes_must_be_unique_across_rulesets(tmp_path):
    one = "house-rules:\n  - {code: MED901, name: one, type: phrase, phrases: [a]}\n"
    two = "\nhouse-rules:\n  - {code: MED901, name: two, type: phrase, phrases: [b]}\n"
    assert error_of(tmp_path, one, two).startswith("r1.yaml:3: MED901 is already used by ")
    assert "r0.yaml:2" in error_of(tmp_path, one, two)


def test_a_ruleset_may_configure_a_house_rule_of_another_ruleset(tmp_path):
    one = "house-rules:\n  - {code: MED901, name: one, type: phrase, phrases: [a]}\n"
    resolved = load(tmp_path, one, "rules:\n  one: info\n")
    assert resolved.settings["one"].severity.value == "info"


def test_missing_ruleset_file(tmp_path):
    with pytest.raises(RulesetError, match="nope.yaml: ruleset file not found"):
        ruleset_loader.resolve([str(tmp_path / "nope.yaml")])


def test_cli_refuses_an_invalid_ruleset_with_exit_2_and_no_traceback(tmp_path):
    write(tmp_path, {"bad.yaml": "house-rules:\n  - code: MED901\n    name: x\n    type: phrase\n    phrase: [a]\n",
                     "a.txt": "text\n"})
    result = run_cli("check", "a.txt", "--ruleset", "bad.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith(f"medlint: {tmp_path}/bad.yaml:5: unknown key 'phrase' in a house rule "
                                 "(did you mean 'phrases'?)")
    assert "Traceback" not in result.err


def test_unsafe_yaml_does_not_run(tmp_path):
    marker = tmp_path / "pwned"
    write(tmp_path, {"evil.yaml": f"rules: !!python/object/apply:os.system ['touch {marker}']\n", "a.txt": "x\n"})
    result = run_cli("check", "a.txt", "--ruleset", "evil.yaml", cwd=tmp_path)
    assert result.code == 2 and not marker.exists()
