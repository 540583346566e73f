"""`--help`, `--version`, `rules` and `explain` must not import spaCy or load the lexicon."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROBE = """
import contextlib, io, sys
from medlint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main({args!r})
# spaCy, and the modules that read the drug lexicon and word lists (pure helpers such as
# medlint.lexicon.normalize may be imported by rule modules)
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc') or m in (
    'medlint.lexicon.store', 'medlint.lexicon.words', 'medlint.lexicon.suggest', 'medlint.lexicon.taper',
    'medlint.analysis.drugs'))
print(code, heavy)
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["rules"], ["rules", "--format", "json"],
                                  ["explain", "placeholder-link"], ["explain", "MED002"], ["check", "--help"]])
def test_cheap_commands_do_not_import_spacy_or_the_lexicon(args, tmp_path):
    proc = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": ROOT})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0 []"


def test_check_does_load_spacy(tmp_path):
    """The probe can see spaCy when it is imported (so the test above can fail)."""
    (tmp_path / "a.txt").write_text("Hello there.\n")
    proc = subprocess.run([sys.executable, "-c", PROBE.format(args=["check", "a.txt"])], capture_output=True,
                          text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": ROOT})
    assert "'spacy'" in proc.stdout
