"""`medlint check`: discovery, stdin, selection flags, exit codes, score, statistics, jobs."""
from __future__ import annotations

import json

import pytest

from cli_support import HOUSE_RULESET, run_cli, write


@pytest.fixture
def tree(tmp_path):
    write(tmp_path, {
        "house.yaml": HOUSE_RULESET,
        "drafts/a.txt": "This wonder drug helps.\nWe utilize it daily.\n",
        "drafts/b.md": "Nothing to see here.\n",
        "drafts/sub/c.html": "<p>Another wonder drug.</p>\n",
        "drafts/notes.rst": "a wonder drug in an unknown extension\n",
        "node_modules/x.md": "wonder drug\n",
        "build/y.txt": "wonder drug\n",
        "drafts/old/z.txt": "wonder drug\n",
    })
    return tmp_path


def check(tree, *args, stdin=None):
    return run_cli("check", "--ruleset", str(tree / "house.yaml"), "--select", "MED9", *args, cwd=tree, stdin=stdin)


def paths_of(result) -> list[str]:
    return sorted({f["path"] for f in json.loads(result.out)["findings"]})


def test_directories_are_recursed_for_known_extensions_skipping_default_excludes(tree):
    result = check(tree, ".", "--format", "json")
    assert paths_of(result) == ["drafts/a.txt", "drafts/old/z.txt", "drafts/sub/c.html"]
    assert json.loads(result.out)["summary"]["files"] == 4  # a, b, c, z (not .rst, node_modules, build)


def test_exclude_glob_skips_directories_and_files(tree):
    assert paths_of(check(tree, ".", "--format", "json", "--exclude", "old")) == ["drafts/a.txt", "drafts/sub/c.html"]
    assert paths_of(check(tree, ".", "--format", "json", "--exclude", "*.html", "--exclude", "drafts/old/*")) == [
        "drafts/a.txt"]


def test_a_file_named_explicitly_is_linted_whatever_its_extension(tree):
    result = check(tree, "drafts/notes.rst")
    assert result.out.startswith("drafts/notes.rst:1:3: MED901 no-wonder-drug: ")


def test_text_lines_name_path_line_column_code_name_message_and_suggestion(tree):
    result = check(tree, "drafts/a.txt")
    lines = result.out.splitlines()
    assert lines[0] == "drafts/a.txt:1:6: MED901 no-wonder-drug: Avoid 'wonder drug'"
    assert lines[1] == "drafts/a.txt:2:4: MED902 plain-words: Prefer plain words to 'utilize' (did you mean: use)"
    assert lines[2] == "Found 2 problems in 1 file (1 error, 1 warning, 0 info)."
    assert result.code == 1


def test_stdin_uses_stdin_filename_for_the_path_and_format(tree):
    result = check(tree, "-", "--stdin-filename", "draft.md", "--format", "json",
                   stdin=b"Is it a *wonder drug*? No.\n")
    findings = json.loads(result.out)["findings"]
    assert [(f["path"], f["line"], f["column"], f["end_column"]) for f in findings] == [("draft.md", 1, 10, 21)]


def test_stdin_without_a_name_is_reported_as_stdin(tree):
    result = check(tree, "-", stdin=b"wonder drug\n")
    assert result.out.startswith("<stdin>:1:1: MED901")


@pytest.mark.parametrize("args, code", [
    ((), 1),                                  # an error finding, default --fail-on warning
    (("--fail-on", "error"), 1),
    (("--exit-zero",), 0),
])
def test_exit_code_follows_fail_on(tree, args, code):
    assert check(tree, "drafts/a.txt", *args).code == code


def test_warning_only_passes_with_fail_on_error_and_info_never_fails_by_default(tree):
    write(tree, {"w.txt": "We utilize it.\n", "i.txt": "Please note this.\n"})
    assert check(tree, "w.txt").code == 1
    assert check(tree, "w.txt", "--fail-on", "error").code == 0
    assert check(tree, "i.txt").code == 0
    assert check(tree, "i.txt", "--fail-on", "info").code == 1
    assert check(tree, "drafts/b.md").code == 0


def test_ignore_by_name_and_longest_match_wins(tree):
    result = check(tree, "drafts/a.txt", "--ignore", "no-wonder-drug")
    assert "MED901" not in result.out and "MED902" in result.out
    # select the whole family but ignore a prefix, then re-select one rule by name
    result = run_cli("check", "--ruleset", "house.yaml", "--select", "MED9,no-wonder-drug", "--ignore", "MED90",
                     "drafts/a.txt", cwd=tree)
    assert "MED901" in result.out and "MED902" not in result.out


def test_unknown_selector_is_a_usage_error_with_a_suggestion(tree):
    result = check(tree, "drafts/a.txt", "--ignore", "no-wonder-drugs")
    assert result.code == 2
    assert "unknown rule selector 'no-wonder-drugs' (did you mean 'no-wonder-drug'?)" in result.err
    assert "Traceback" not in result.err


def test_statistics_counts_per_rule_most_frequent_first(tree):
    write(tree, {"many.txt": "utilize, utilize, utilize; wonder drug\n"})
    result = check(tree, "many.txt", "--statistics")
    table = result.out.split("Findings per rule:\n", 1)[1].splitlines()
    assert [row.split() for row in table] == [["3", "MED902", "plain-words"], ["1", "MED901", "no-wonder-drug"]]


def test_score_and_fail_under(tree):
    write(tree, {"s.txt": "One wonder drug.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\nNine.\nTen.\n"})
    result = check(tree, "s.txt", "--score", "--exit-zero")
    assert "Score: 5.00/10" in result.out  # 10 - 10 * (5 * 1 error) / 10 sentences
    assert check(tree, "s.txt", "--fail-under", "4", "--fail-on", "info", "--ignore", "MED901").code == 0
    assert check(tree, "s.txt", "--fail-under", "6", "--fail-on", "error", "--ignore", "MED902").code == 1


def test_jobs_gives_the_same_report_as_one_process(tree):
    one = check(tree, ".", "--format", "json")
    two = check(tree, ".", "--format", "json", "--jobs", "2")
    assert json.loads(one.out) == json.loads(two.out)
    assert one.code == two.code == 1


def test_bad_today_and_missing_paths_are_usage_errors(tree):
    assert check(tree, "drafts", "--today", "21/11/2026").code == 2
    result = run_cli("check", cwd=tree)
    assert result.code == 2 and "Missing argument" in result.err


def test_internal_error_exit_3_with_a_short_message(tree, monkeypatch):
    from medlint.rules.house import phrase

    def boom(self, document):
        raise RuntimeError("kaput")
    monkeypatch.setattr(phrase.PhraseRule, "check", boom)
    result = check(tree, "drafts/a.txt")
    assert result.code == 3
    assert "internal error: RuntimeError: kaput" in result.err and "report" in result.err
    assert "Traceback" not in result.err
    monkeypatch.setenv("MEDLINT_DEBUG", "1")
    assert "Traceback" in check(tree, "drafts/a.txt").err


def test_unknown_spacy_model_is_a_usage_error(tree):
    result = check(tree, "drafts/a.txt", "--model", "xx_no_such_pipeline")
    assert result.code == 2
    assert "spaCy model 'xx_no_such_pipeline' is not installed" in result.err
    assert "Traceback" not in result.err


def test_progress_is_drawn_only_on_a_terminal():
    import io

    from medlint.runner import _Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    tty, pipe = Terminal(), io.StringIO()
    for stream in (tty, pipe):
        progress = _Progress(2, stream, enabled=True)
        progress.step("a.md")
        progress.step("b.md")
        progress.done()
    assert "[2/2] b.md" in tty.getvalue() and tty.getvalue().endswith("\r\x1b[K")
    assert pipe.getvalue() == ""
