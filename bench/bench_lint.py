"""How fast medlint is: prints four figures (no assertions; see bench/README.md).

(a) cold: one whole `medlint check` process on one draft (start-up included), median of runs
(b) warm: time per draft over examples/ with one Linter, many passes, median per draft
(c) warm: one ~1,500-word draft with every rule, median of runs, one core; also with the
    process-wide word caches emptied before each run (as if every word were new to the process)
(d) one generated 20,000-sentence plain-text document, one core
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402  (bench/ is not a package)


def cold(runs: int) -> None:
    draft = common.EXAMPLES / "e04_lisinopril-blood-pressure.md"
    argv = [*common.medlint_command(), "check", "--today", common.TODAY, str(draft)]
    times = []
    for _ in range(runs):
        seconds, code, err = common.run_timed(argv)
        if code not in (0, 1):
            print(f"  medlint check exited {code}: {err.strip()}")
        times.append(seconds)
    print(f"(a) cold `medlint check` on {draft.name}: median {common.median(times) * 1000:.0f} ms "
          f"over {runs} runs (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")


def _linter():
    from medlint.config import Config
    from medlint.orchestrator import Linter

    return Linter(Config(select=["ALL"], today=dt.date.fromisoformat(common.TODAY)))


def warm_examples(passes: int) -> None:
    from medlint.source import read_source

    linter = _linter()
    sources = [read_source(str(p)) for p in common.example_drafts()]
    list(linter.lint_sources(sources))  # warm-up: pipeline, lexicon, lazy analyses
    per_draft = []
    for _ in range(passes):
        start = time.perf_counter()
        results = list(linter.lint_sources(sources))
        per_draft.append((time.perf_counter() - start) / len(sources))
    errors = [r.path for r in results if r.error]
    print(f"(b) warm, one Linter, {len(sources)} example drafts x {passes} passes: "
          f"median {common.median(per_draft) * 1000:.1f} ms per draft"
          + (f"  [errors: {', '.join(errors)}]" if errors else ""))


def _lint_once(linter, text: str, fmt: str, cpu: bool = False) -> tuple[float, int]:
    from medlint.source import decode

    clock = time.process_time if cpu else time.perf_counter
    source = decode(text.encode("utf-8"), f"<bench>.{fmt}", fmt)
    start = clock()
    result = next(linter.lint_sources([source]))
    if result.error:
        raise result.error
    return clock() - start, len(result.findings)


def _clear_word_caches() -> None:
    """Forget every word the lexicon helpers have judged (their caches live for the process)."""
    from medlint.lexicon import suggest, words

    for cached in (suggest.plainly_not_a_drug, suggest.english_typo, suggest.Targets.near,
                   suggest._phonetic, words.zipf):
        cached.cache_clear()


def warm_long(runs: int, words: int) -> None:
    linter = _linter()
    text = common.long_markdown(words)
    _lint_once(linter, text, "markdown")
    times, found = zip(*(_lint_once(linter, text, "markdown") for _ in range(runs)))
    cpu = [_lint_once(linter, text, "markdown", cpu=True)[0] for _ in range(runs)]
    fresh = []
    for _ in range(runs):
        _clear_word_caches()
        fresh.append(_lint_once(linter, text, "markdown")[0])
    print(f"(c) warm, all rules, one core, a {len(text.split())}-word Markdown draft: "
          f"median {common.median(list(times)) * 1000:.1f} ms over {runs} runs ({found[0]} findings; "
          f"CPU median {common.median(cpu) * 1000:.1f} ms; word caches emptied before each run: "
          f"{common.median(fresh) * 1000:.1f} ms)")


def huge(n: int) -> None:
    linter = _linter()
    _lint_once(linter, common.long_markdown(300), "markdown")  # warm the pipeline first
    text = common.many_sentences(n)
    try:
        seconds, found = _lint_once(linter, text, "text")
    except Exception as exc:  # report, do not hide: a limit here is a finding of the benchmark
        print(f"(d) {n:,}-sentence document ({len(text):,} characters): FAILED: {type(exc).__name__}: {exc}")
        return
    print(f"(d) {n:,}-sentence plain-text document ({len(text):,} characters), all rules, one core: "
          f"{seconds:.2f} s ({n / seconds:,.0f} sentences/s, {found} findings)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--long-runs", type=int, default=10)
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--only", choices=["a", "b", "c", "d"], action="append",
                        help="run only these parts (repeatable)")
    args = parser.parse_args()
    parts = set(args.only or "abcd")
    if "a" in parts:
        cold(args.cold_runs)  # before pinning: the subprocess gets a normal machine
    common.pin_to_one_core()
    if "b" in parts:
        warm_examples(args.passes)
    if "c" in parts:
        warm_long(args.long_runs, args.words)
    if "d" in parts:
        huge(args.sentences)


if __name__ == "__main__":
    main()
