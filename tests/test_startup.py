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


def _probe(args: list[str], cwd) -> str:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, "PYTHONPATH": ROOT})
    return proc.stdout


def test_check_loads_spacy_and_the_lexicon(tmp_path):
    """Linting runs the spaCy pipeline and the drug rules load the lexicon: the probe sees both,
    so the tests above can fail."""
    (tmp_path / "a.txt").write_text("Take sertaline with food. It helps.\n")
    out = _probe(["check", "a.txt"], tmp_path)
    assert "'medlint.lexicon.store'" in out
    assert "'spacy'" in out


def test_check_loads_spacy_for_a_house_pattern_rule(tmp_path):
    """A Matcher pattern rule needs the spaCy Doc: the probe sees spaCy then."""
    (tmp_path / "a.txt").write_text("Never take double doses.\n")
    (tmp_path / "house.yaml").write_text(
        "house-rules:\n  - code: MED931\n    name: double-dose\n    type: pattern\n"
        "    patterns:\n      - [{LOWER: double}, {LOWER: doses}]\n    message: avoid it\n")
    out = _probe(["check", "--ruleset", "house.yaml", "--select", "MED931", "a.txt"], tmp_path)
    assert out.startswith("1 ")  # the pattern matched: exit code 1
    assert "'spacy'" in out
