"""medlint next to proselint on the same 200+ drafts, whole processes, alternating runs.

The drafts are generated into a temporary folder by recombining the example drafts (paragraphs
shuffled, paragraphs borrowed from another draft of the same format). Each round runs
`medlint check` (every rule, --jobs worker processes) and then `proselint check` on the same
files; the script prints every wall time, the medians and the ratio medlint/proselint.
No assertions: see bench/README.md.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402  (bench/ is not a package)

_HTML_PARAGRAPH = re.compile(r"^<p>.*</p>$")


def _vary_blocks(text: str, donor: str, rng: random.Random) -> str:
    """Markdown/plain text: keep the head (front matter, title, byline), shuffle the body
    blocks, add two blocks borrowed from ``donor``."""
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    head, body = blocks[:2], blocks[2:]
    rng.shuffle(body)
    borrowed = [b for b in re.split(r"\n\s*\n", donor.strip("\n"))[2:] if not b.startswith("---")]
    body[rng.randrange(len(body) + 1):0] = rng.sample(borrowed, min(2, len(borrowed)))
    return "\n\n".join(head + body) + "\n"


def _vary_html(text: str, donor: str, rng: random.Random) -> str:
    """HTML: shuffle the plain <p> paragraphs among their own places, add one from ``donor``."""
    lines = text.splitlines()
    spots = [i for i, line in enumerate(lines) if _HTML_PARAGRAPH.match(line)]
    paragraphs = [lines[i] for i in spots]
    rng.shuffle(paragraphs)
    for i, line in zip(spots, paragraphs):
        lines[i] = line
    extra = [line for line in donor.splitlines() if _HTML_PARAGRAPH.match(line)]
    if spots and extra:
        lines.insert(rng.choice(spots), rng.choice(extra))
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 5) -> list[Path]:
    rng = random.Random(seed)
    drafts = common.example_drafts()
    by_suffix: dict[str, list[Path]] = {}
    for path in drafts:
        by_suffix.setdefault(path.suffix, []).append(path)
    out = []
    for i in range(count):
        base = drafts[i % len(drafts)]
        donor = rng.choice(by_suffix[base.suffix])
        text, donor_text = base.read_text(encoding="utf-8"), donor.read_text(encoding="utf-8")
        vary = _vary_html if base.suffix == ".html" else _vary_blocks
        target = folder / f"d{i:03d}_{base.name}"
        target.write_text(vary(text, donor_text, rng), encoding="utf-8")
        out.append(target)
    return out


def _timed_with_cpu(argv: list[str]) -> tuple[float, float, int, str]:
    """Wall time, CPU time (user + system, the process and its workers), exit code, stderr tail."""
    import resource  # lazy: POSIX only, like the CPU figure it gives

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, code, err = common.run_timed(argv)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, code, err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafts", type=int, default=220)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="medlint worker processes (default 2; 0: one per CPU)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="medlint-bench-") as tmp:
        files = [str(p) for p in generate(Path(tmp), args.drafts)]
        words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
        medlint = [*common.medlint_command(), "check", "--select", "ALL", "--jobs", str(args.jobs),
                   "--today", common.TODAY, *files]
        proselint = [*common.proselint_command(), "check", *files]
        print(f"{len(files)} generated drafts ({words:,} words) in {tmp}")
        timings: dict[str, list[float]] = {"medlint": [], "proselint": []}
        cpu: dict[str, list[float]] = {"medlint": [], "proselint": []}
        for round_no in range(1, args.rounds + 1):
            for name, argv in (("medlint", medlint), ("proselint", proselint)):
                seconds, used, code, err = _timed_with_cpu(argv)
                timings[name].append(seconds)
                cpu[name].append(used)
                note = "" if code in (0, 1) else f"  [exit {code}: {err.strip()[-200:]}]"
                print(f"  round {round_no}: {name:<9} {seconds:6.2f} s  (CPU {used:5.2f} s){note}")
        m, p = common.median(timings["medlint"]), common.median(timings["proselint"])
        mc, pc = common.median(cpu["medlint"]), common.median(cpu["proselint"])
        print(f"median wall time: medlint {m:.2f} s (--jobs {args.jobs}, every rule), proselint {p:.2f} s")
        print(f"median CPU time (all processes): medlint {mc:.2f} s, proselint {pc:.2f} s")
        print(f"ratio medlint/proselint: {m / p:.2f} (wall), {mc / pc:.2f} (CPU)")


if __name__ == "__main__":
    main()
