"""Shared helpers for the benchmark scripts: the drafts in examples/, the medlint command,
a median timer, and generators of larger inputs made from the example drafts."""
from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TODAY = "2026-11-21"
SUFFIXES = (".md", ".html", ".txt")


def example_drafts() -> list[Path]:
    """The annotated example drafts (the README is documentation, not a draft)."""
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in SUFFIXES and p.name != "README.md")


def medlint_command() -> list[str]:
    """The installed ``medlint`` entry point beside this Python, else ``python -m medlint``."""
    script = Path(sys.executable).with_name("medlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "medlint"]


def proselint_command() -> list[str]:
    script = Path(sys.executable).with_name("proselint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "proselint"]


def run_timed(argv: list[str]) -> tuple[float, int, str]:
    """Wall time of one whole process, its exit code and the tail of its stderr."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - start, done.returncode, done.stderr[-400:]


def median(values: list[float]) -> float:
    return statistics.median(values)


def pin_to_one_core() -> None:
    """Measure on one core, as the figures promise (no-op where affinity is unsupported)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


_TAG = re.compile(r"<[^>]+>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def plain_paragraphs() -> list[str]:
    """Prose paragraphs of every example draft, markup stripped: material for big inputs."""
    out = []
    for path in example_drafts():
        text = _FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
        if path.suffix == ".html":
            text = "\n\n".join(_TAG.sub("", m) for m in re.findall(r"<(?:p|li|td)[^>]*>.*?</(?:p|li|td)>", text, re.S))
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(block.split())
            if len(block.split()) >= 6 and not block.startswith(("|", "#", "<", "---")):
                out.append(block)
    return out


def sentences() -> list[str]:
    return [s for p in plain_paragraphs() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", p) if len(s.split()) >= 4]


def long_markdown(words: int, seed: int = 7) -> str:
    """A Markdown draft of about ``words`` words: headings plus shuffled example paragraphs."""
    rng = random.Random(seed)
    pool = plain_paragraphs()
    parts, count, section = ["# A long combined guide\n"], 0, 0
    while count < words:
        if count // 250 >= section:
            section += 1
            parts.append(f"## Part {section}\n")
        paragraph = rng.choice(pool)
        parts.append(paragraph + "\n")
        count += len(paragraph.split())
    return "\n".join(parts)


def many_sentences(n: int, per_paragraph: int = 6, seed: int = 11) -> str:
    """A plain-text document of ``n`` sentences drawn from the example drafts."""
    rng = random.Random(seed)
    pool = sentences()
    picked = [rng.choice(pool) for _ in range(n)]
    return "\n\n".join(" ".join(picked[i:i + per_paragraph]) for i in range(0, n, per_paragraph)) + "\n"
