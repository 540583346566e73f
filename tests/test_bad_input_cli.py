"""Bad input files: one clear message each, naming the file, no traceback; the other files are
still linted and reported; exit 2 at the end. An empty file is fine."""
from __future__ import annotations

import json
import os

import pytest

from medlint import discovery

from cli_support import HOUSE_RULESET, run_cli, write


@pytest.fixture
def project(tmp_path):
    write(tmp_path, {
        "house.yaml": HOUSE_RULESET,
        "good.md": "A wonder drug.\n",
        "empty.md": "",
        "image.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1.txt": "Caf\u00e9 au lait, a wonder drug.\n".encode("latin-1"),
    })
    return tmp_path


def check(project, *args):
    return run_cli("check", "--ruleset", "house.yaml", "--select", "MED9", *args, cwd=project)


def assert_clean_errors(result, expected: dict[str, str]):
    lines = result.err.splitlines()
    for path, fragment in expected.items():
        mine = [line for line in lines if line.startswith(f"medlint: {path}: ")]
        assert len(mine) == 1, (path, result.err)
        assert fragment in mine[0]
    assert "Traceback" not in result.err


def test_binary_and_non_utf8_files_are_reported_and_the_rest_linted(project):
    result = check(project, ".")
    assert result.code == 2
    assert_clean_errors(result, {"image.md": "binary file", "latin1.txt": "not valid UTF-8 (byte 0xe9 at offset 3)"})
    assert result.out.startswith("good.md:1:3: MED901 no-wonder-drug")
    assert "2 files could not be linted" in result.out


def test_json_lists_input_errors_in_the_summary(project):
    result = check(project, ".", "--format", "json")
    data = json.loads(result.out)
    assert [f["path"] for f in data["findings"]] == ["good.md"]
    assert sorted(e["path"] for e in data["summary"]["input_errors"]) == ["image.md", "latin1.txt"]
    assert result.code == 2


def test_missing_path_on_the_command_line(project):
    result = check(project, "good.md", "nope.md")
    assert result.code == 2
    assert_clean_errors(result, {"nope.md": "no such file or directory"})
    assert "good.md:1:3: MED901" in result.out


def test_file_removed_between_discovery_and_reading(project, monkeypatch):
    real = discovery.discover

    def discover_then_delete(paths, exclude=()):
        files, errors = real(paths, exclude)
        if "gone.md" in files:
            os.remove(project / "gone.md")
        return files, errors
    write(project, {"gone.md": "wonder drug\n"})
    monkeypatch.setattr(discovery, "discover", discover_then_delete)
    result = check(project, "good.md", "gone.md")
    assert result.code == 2
    assert_clean_errors(result, {"gone.md": "file not found"})
    assert "good.md:1:3: MED901" in result.out


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(project):
    write(project, {"secret.md": "wonder drug\n"})
    os.chmod(project / "secret.md", 0)
    try:
        result = check(project, "good.md", "secret.md")
    finally:
        os.chmod(project / "secret.md", 0o644)
    assert result.code == 2
    assert_clean_errors(result, {"secret.md": "cannot read file: Permission denied"})
    assert "good.md:1:3: MED901" in result.out


def test_empty_file_has_no_findings_and_exits_0(project):
    result = check(project, "empty.md")
    assert result.code == 0 and result.err == ""
    assert result.out == "No problems found in 1 file.\n"
    assert run_cli("check", "empty.md", cwd=project).code == 0  # with every default rule too


def test_bad_input_with_exit_zero_still_exits_2(project):
    assert check(project, "image.md", "--exit-zero").code == 2
