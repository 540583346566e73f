"""The pre-commit hook, run for real: `pre-commit try-repo <this checkout> medlint --all-files`.

pre-commit builds its own virtualenv and installs this checkout into it from PyPI, so this is
slow (minutes) and needs network access to PyPI; it runs in CI.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRE_COMMIT = os.path.join(os.path.dirname(sys.executable), "pre-commit")


def test_hook_manifest_passes_markdown_html_and_text_files():
    from identify import identify
    (hook,) = yaml.safe_load(open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8"))
    assert hook["id"] == "medlint" and hook["entry"] == "medlint check" and hook["language"] == "python"
    assert hook["require_serial"] is True
    for name in ("a.md", "a.markdown", "a.html", "a.htm", "a.txt"):
        assert identify.tags_from_filename(name) & set(hook["types_or"]), name
    assert not identify.tags_from_filename("a.py") & set(hook["types_or"])


def _git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _try_repo(repo, home):
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([PRE_COMMIT, "try-repo", ROOT, "medlint", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=1800)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("git") or not os.path.exists(PRE_COMMIT), reason="needs git and pre-commit")
def test_try_repo_fails_on_a_placeholder_link_and_passes_on_a_clean_draft(tmp_path):
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    # only the rule under test, so the result does not depend on how other rules evolve
    (repo / ".medlint.yaml").write_text("select: [placeholder-link]\n", encoding="utf-8")
    (repo / "draft.md").write_text("# Ibuprofen\n\nSee [the label](insert link).\n", encoding="utf-8")
    _git(repo, "add", ".")
    failing = _try_repo(repo, tmp_path / "pc-home")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "draft.md:3:5: MED101 placeholder-link" in failing.stdout

    (repo / "draft.md").write_text("# Ibuprofen\n\nSee [the label](https://dailymed.nlm.nih.gov/).\n",
                                   encoding="utf-8")
    _git(repo, "add", ".")
    passing = _try_repo(repo, tmp_path / "pc-home")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "medlint" in passing.stdout and "Passed" in passing.stdout
