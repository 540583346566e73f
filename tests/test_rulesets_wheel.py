"""The shipped rulesets are found from a NON-editable install, run from another directory."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.slow
def test_wheel_install_finds_default_ruleset_from_another_directory(tmp_path):
    # Build from a copy so the checkout gets no build/ or egg-info debris; no build isolation:
    # setuptools and wheel come from this venv, so no network is needed.
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info",
                                                              "__pycache__", ".pytest_cache", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(src)], check=True, capture_output=True)
    wheel = glob.glob(str(tmp_path / "dist" / "medlint-*.whl"))[0]
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), wheel],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "draft.md").write_text("Read [the label](insert link).\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = subprocess.run(
        [sys.executable, "-c", "import medlint, medlint.resources as r; print(medlint.__file__); "
                               "print(r.ruleset_path('default.yaml'))"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    package_file, default_yaml = probe.stdout.split()
    assert package_file.startswith(str(site)), "the installed copy, not the checkout, must be imported"
    assert default_yaml.startswith(str(site)) and os.path.isfile(default_yaml)
    rules = subprocess.run([sys.executable, "-m", "medlint", "rules"], cwd=elsewhere, env=env,
                           capture_output=True, text=True)
    assert rules.returncode == 0, rules.stderr
    assert "MED002  useless-suppression" in rules.stdout
    check = subprocess.run([sys.executable, "-m", "medlint", "check", "draft.md", "--select", "placeholder-link"],
                           cwd=elsewhere, env=env, capture_output=True, text=True)
    assert check.returncode == 1, check.stderr
    assert check.stdout.startswith("draft.md:1:6: MED101 placeholder-link")
