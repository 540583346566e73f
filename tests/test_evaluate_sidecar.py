"""Reading `*.expected.yaml` sidecars: valid shapes, and errors that name the file and line."""
from __future__ import annotations

import pytest

from medlint import sidecar
from medlint.sidecar import SidecarError

PATH = "drafts/page.md.expected.yaml"


def test_parses_rules_quotes_and_document_level_entries():
    sc = sidecar.parse(
        "# comment\n"
        "rules: [dose-without-citation, missing-taper-warning,\n"
        "        drug-name-misspelling, stale-review-date]\n"
        "findings:\n"
        "  - rule: dose-without-citation\n"
        "    quote: \"Start at 25 mg: then 50 mg\"\n"
        "    occurrence: 2\n"
        "  - rule: drug-name-misspelling\n"
        "    quote: topiramat\n"
        "    suggest: topiramate\n"
        "  - rule: stale-review-date\n"
        "    quote: 2024-03-02\n"          # stays text, not a date
        "  - rule: missing-taper-warning\n"
        "    drug: quetiapine\n", PATH)
    assert sc.article == "drafts/page.md"
    assert sc.rules == ["dose-without-citation", "missing-taper-warning", "drug-name-misspelling",
                        "stale-review-date"]
    first, second, third, fourth = sc.expectations
    assert (first.quote, first.occurrence, first.line) == ("Start at 25 mg: then 50 mg", 2, 5)
    assert (second.suggest, second.line) == ("topiramate", 8)
    assert third.quote == "2024-03-02"
    assert fourth.document_level and fourth.drug == "quetiapine" and fourth.quote is None


def test_empty_findings_forms():
    assert sidecar.parse("rules: [absolute-claim]\nfindings: []\n", PATH).expectations == []
    assert sidecar.parse("rules: [absolute-claim]\nfindings:\n", PATH).expectations == []
    assert sidecar.parse("rules: [absolute-claim]\n", PATH).expectations == []


@pytest.mark.parametrize("text, line, words", [
    ("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n    qoute: cures\n", 4, "unknown key 'qoute'"),
    ("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n  - rule: vague-attribution\n", 4,
     "not listed in 'rules:'"),
    ("rules: [absolute-claim]\nfindings:\n  - quote: cures\n", 3, "no 'rule:'"),
    ("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n    quote: cures\n    occurrence: 0\n", 5,
     "positive whole number"),
    ("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n    occurrence: 2\n", 3, "need a 'quote'"),
    ("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n    quote: [a, b]\n", 4, "text value"),
    ("rules: [absolute-claim]\nfindings:\n  - just text\n", 3, "must be a mapping"),
    ("rules: [absolute-claim]\nfinding: []\n", 2, "unknown top-level key"),
    ("rules: absolute-claim\n", 1, "must be a list"),
    ("rules: [absolute-claim]\nfindings:\n  - rule: absolute-claim\n    quote: \"unclosed\n", 5, "invalid YAML"),
])
def test_errors_name_the_file_and_line(text, line, words):
    with pytest.raises(SidecarError) as info:
        sidecar.parse(text, PATH)
    assert info.value.path == PATH
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"{PATH}:{line}: ")


def test_missing_rules_key_is_an_error():
    with pytest.raises(SidecarError, match="missing 'rules:'"):
        sidecar.parse("findings: []\n", PATH)


def test_resolve_locates_occurrence_and_until():
    text = "Dose: 5 mg. Later: dose: 5 mg daily. Benefits include:\n- a\n- b end\n- b end\n"
    sc = sidecar.parse("rules: [dose-without-citation, unsupported-efficacy-claim]\nfindings:\n"
                       "  - rule: dose-without-citation\n    quote: 5 mg\n    occurrence: 2\n"
                       "  - rule: unsupported-efficacy-claim\n    quote: Benefits include\n    until: b end\n", PATH)
    dose, claim = sidecar.resolve(sc, text)
    assert (dose.start, dose.end) == (25, 29) and text[dose.start:dose.end] == "5 mg"
    assert text[claim.start:claim.end] == "Benefits include:\n- a\n- b end"


@pytest.mark.parametrize("entry, words", [
    ("    quote: nowhere to be seen\n", "quote not found"),
    ("    quote: 5 mg\n    occurrence: 3\n", "quote (occurrence 3) not found"),
    ("    quote: 5 mg\n    until: nowhere\n", "'until' text not found"),
])
def test_resolve_errors_name_the_entry_line(entry, words):
    sc = sidecar.parse("rules: [dose-without-citation]\nfindings:\n"
                       "  - rule: dose-without-citation\n" + entry, PATH)
    with pytest.raises(SidecarError) as info:
        sidecar.resolve(sc, "Take 5 mg, then 5 mg.")
    assert info.value.line == 3 and words in str(info.value)


def test_find_and_load(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Tramadol text.\n")
    (tmp_path / "sub" / "a.txt.expected.yaml").write_text("rules: [absolute-claim]\n")
    (tmp_path / ".hidden" / "b.txt.expected.yaml").write_text("rules: [absolute-claim]\n")
    (tmp_path / "orphan.md.expected.yaml").write_text("rules: [absolute-claim]\n")
    found = sidecar.find_sidecars(str(tmp_path))
    assert found == [str(tmp_path / "orphan.md.expected.yaml"), str(tmp_path / "sub" / "a.txt.expected.yaml")]
    assert sidecar.load(found[1]).article == str(tmp_path / "sub" / "a.txt")
    with pytest.raises(SidecarError, match="no article beside this sidecar"):
        sidecar.load(found[0])
