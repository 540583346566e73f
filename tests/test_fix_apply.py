"""--fix and --diff: safe fixes only, atomic writes, encoding/BOM/newlines preserved, idempotent."""
from __future__ import annotations

import os
import stat

import pytest

from medlint import fixes
from medlint.findings import Finding, Fix, Severity

from cli_support import HOUSE_RULESET, run_cli, write

OVERLAP = HOUSE_RULESET + """\
  - code: MED904
    name: employ
    type: swap
    swaps: {utilize it: employ it}
"""


@pytest.fixture
def project(tmp_path):
    write(tmp_path, {"house.yaml": OVERLAP})
    return tmp_path


def check(project, *args, stdin=None):
    return run_cli("check", "--ruleset", "house.yaml", "--select", "MED9", *args, cwd=project, stdin=stdin)


def test_fix_changes_only_the_fixed_spans_keeping_bom_crlf_and_utf8(project):
    original = "\ufeffCafé notes\r\nWe utilize it daily — in order to sleep.\r\nNo change here: naïve\r\n"
    (project / "a.txt").write_bytes(original.encode("utf-8"))
    result = check(project, "a.txt", "--fix")
    expected = "\ufeffCafé notes\r\nWe use it daily — to sleep.\r\nNo change here: naïve\r\n"
    assert (project / "a.txt").read_bytes() == expected.encode("utf-8")
    assert "Fixed 2 problems." in result.out and result.code == 0
    again = check(project, "a.txt", "--fix")
    assert (project / "a.txt").read_bytes() == expected.encode("utf-8")
    assert "Fixed" not in again.out and "No problems found" in again.out


def test_overlapping_fixes_converge_in_one_run_and_a_second_run_changes_nothing(project):
    write(project, {"b.md": "Utilize it in order to heal.\n"})
    check(project, "b.md", "--fix")
    once = (project / "b.md").read_bytes()
    assert once == b"Use it to heal.\n"
    check(project, "b.md", "--fix")
    assert (project / "b.md").read_bytes() == once


def test_remaining_findings_are_reported_after_fixing(project):
    write(project, {"c.txt": "A wonder drug we utilize.\n"})
    result = check(project, "c.txt", "--fix")
    assert (project / "c.txt").read_text() == "A wonder drug we use.\n"
    assert result.out.splitlines()[0] == "c.txt:1:3: MED901 no-wonder-drug: Avoid 'wonder drug'"
    assert result.code == 1


def test_fix_is_atomic_and_keeps_permissions_and_symlinks(project):
    write(project, {"real.txt": "We utilize it.\n"})
    os.chmod(project / "real.txt", 0o640)
    os.symlink("real.txt", project / "link.txt")
    check(project, "link.txt", "--fix")
    assert os.path.islink(project / "link.txt")
    assert (project / "real.txt").read_text() == "We use it.\n"
    assert stat.S_IMODE(os.stat(project / "real.txt").st_mode) == 0o640
    assert not [n for n in os.listdir(project) if n.endswith(".medlint-tmp")]


def test_diff_shows_the_fix_and_writes_nothing(project):
    write(project, {"d.txt": "Line one.\nWe utilize it.\n", "clean.txt": "Nothing.\n"})
    result = check(project, "d.txt", "clean.txt", "--diff")
    assert result.out == ("--- a/d.txt\n+++ b/d.txt\n@@ -1,2 +1,2 @@\n Line one.\n"
                          "-We utilize it.\n+We use it.\n")
    assert (project / "d.txt").read_text() == "Line one.\nWe utilize it.\n"
    assert result.code == 1
    assert check(project, "clean.txt", "--diff").code == 0


def test_diff_marks_a_missing_final_newline(project):
    write(project, {"e.txt": "We utilize it."})
    assert check(project, "e.txt", "--diff").out.endswith("-We utilize it.\n\\ No newline at end of file\n"
                                                          "+We use it.\n\\ No newline at end of file\n")


def test_fix_on_stdin_prints_the_fixed_text(project):
    result = check(project, "-", "--fix", stdin=b"We utilize it.\n")
    assert result.out == "We use it.\n"
    assert "No problems found" in result.err


def test_unsafe_and_overlapping_fixes_are_not_applied_in_the_same_pass():
    def finding(start, end, replacement, safe=True):
        return Finding("MED999", "x", Severity.INFO, "m", start, end, fix=Fix(start, end, replacement, safe))
    text = "abcdef"
    new, applied = fixes.apply_fixes(text, [finding(0, 2, "X"), finding(1, 3, "Y"), finding(4, 5, "Z", safe=False),
                                            finding(5, 6, "f")])
    assert (new, applied) == ("Xcdef", 1)
