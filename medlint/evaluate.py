"""``medlint evaluate``: score the linter against annotated articles (``*.expected.yaml``).

Every article with a sidecar goes through the one orchestrator (:class:`medlint.orchestrator.Linter`,
never a re-implementation); :mod:`medlint.scoring` matches its findings against the sidecar. The
command prints per rule TP, FP, FN, precision, recall, F1 and first-suggestion accuracy, and
``--min-f1`` turns the table into a quality gate (exit 1 when a bar is not met).

Importing this module is cheap: the linter (and spaCy) load only when the command runs.
"""
from __future__ import annotations

import copy
import json
import os
import sys
from typing import Iterable

import click

from medlint import sidecar as sidecars
from medlint.cli_params import parse_date, split_selectors
from medlint.config import Config
from medlint.errors import EXIT_FINDINGS, EXIT_OK, MedlintError, UsageError
from medlint.scoring import Evaluation, FileScore, RuleScore, score_file

__all__ = ["command", "collect", "evaluate", "Evaluation", "RuleScore", "score_file"]


def collect(paths: Iterable[str]) -> list[sidecars.Sidecar]:
    """The sidecars named by ``paths``: directories (searched recursively), sidecar files, or
    articles (whose sidecar must exist beside them)."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            inside = sidecars.find_sidecars(path)
            if not inside:
                raise UsageError(f"no *{sidecars.SUFFIX} sidecars found under this directory", path=path)
            found.extend(inside)
        elif not os.path.exists(path):
            raise UsageError("no such file or directory", path=path)
        elif sidecars.is_sidecar(path):
            found.append(path)
        elif os.path.exists(sidecars.sidecar_for(path)):
            found.append(sidecars.sidecar_for(path))
        else:
            raise UsageError(f"article has no sidecar ({os.path.basename(path)}{sidecars.SUFFIX})", path=path)
    return [sidecars.load(p) for p in dict.fromkeys(found)]


def evaluate(paths: Iterable[str], config: Config | None = None) -> Evaluation:
    """Lint every annotated article under ``paths`` with the orchestrator and score it."""
    from medlint import orchestrator  # lazy: the linter (and spaCy) load only when evaluating
    from medlint.source import read_source  # lazy: with the orchestrator

    cars = collect(paths)
    for car in cars:  # check every quote before the (slow) linting starts
        sidecars.resolve(car, read_source(car.article).text)
    config = config or Config()
    linter = orchestrator.Linter(config)
    active = {rule.name for rule in linter.rules}
    known = set(getattr(linter, "known_rules", ())) | active
    listed = {rule for car in cars for rule in car.rules}
    evaluation = Evaluation(files=[], skipped=sorted((listed & known) - active), unknown=sorted(listed - known))
    by_path = {car.article: car for car in cars}
    jobs = orchestrator.worker_count(config.jobs, len(by_path))
    if jobs > 1 and len(by_path) > 1:
        results = orchestrator.lint_paths_parallel(list(by_path), config, jobs, linter=linter)
    else:
        results = linter.lint_paths(list(by_path))
    for result in results:
        car = by_path[result.path]
        if result.error is not None or result.source is None:
            failed = FileScore(path=car.article, rules=list(car.rules), error=str(result.error))
            failed.misses = [(e, 0) for e in car.expectations]
            evaluation.files.append(failed)
            continue
        evaluation.files.append(score_file(car, result.source.text, result.findings))
    return evaluation


# -- reporting -----------------------------------------------------------------------------
def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _suggest(score: RuleScore) -> str:
    return f"{score.suggest_correct}/{score.suggest_expected}" if score.suggest_expected else "-"


def render_text(evaluation: Evaluation, verbose: bool = False) -> str:
    """The per-rule table, a total line and (``verbose``) every miss and extra finding."""
    rows = evaluation.per_rule()
    width = max([len(r) for r in rows] + [len("total (micro)")])
    head = f"{'rule':<{width}}  {'TP':>4} {'FP':>4} {'FN':>4}  {'prec':>6} {'recall':>6} {'F1':>6}  suggest"
    lines = [head, "-" * len(head)]
    for rule, s in [*rows.items(), ("total (micro)", evaluation.total())]:
        if rule == "total (micro)":
            lines.append("-" * len(head))
        acc = f"{_suggest(s)} ({_fmt(s.suggest_accuracy)})" if s.suggest_expected else "-"
        lines.append(f"{rule:<{width}}  {s.tp:>4} {s.fp:>4} {s.fn:>4}  {_fmt(s.precision):>6} "
                     f"{_fmt(s.recall):>6} {_fmt(s.f1):>6}  {acc}")
    macro = sum(s.f1 for s in rows.values()) / len(rows) if rows else 1.0
    lines.append(f"{len(evaluation.files)} articles, macro F1 {macro:.3f}")
    if evaluation.skipped:
        lines.append("not run (deselected): " + ", ".join(evaluation.skipped))
    if evaluation.unknown:
        lines.append("no such rule in this medlint (all expected findings missed): " + ", ".join(evaluation.unknown))
    for file in evaluation.files:
        if file.error:
            lines.append(f"error: {file.error}")
    if verbose:
        lines.extend(_details(evaluation))
    return "\n".join(lines)


def _details(evaluation: Evaluation) -> list[str]:
    out = []
    for file in evaluation.files:
        for exp, line in file.misses:
            if exp.rule in evaluation.skipped:
                continue
            what = repr(exp.quote) if exp.quote else (f"drug: {exp.drug}" if exp.drug else "(document)")
            where = f"{file.path}:{line}" if line else file.path
            out.append(f"MISS  {where}: {exp.rule}: {what}")
        for f in file.extras:
            out.append(f"EXTRA {file.path}:{f.line}:{f.column}: {f.name}: {f.message}")
        for exp, f in file.matches:
            if exp.suggest is not None and (f.suggestions[:1] or [""])[0].casefold() != exp.suggest.casefold():
                got = f.suggestions[0] if f.suggestions else "nothing"
                out.append(f"SUGGEST {file.path}:{f.line}:{f.column}: {exp.rule}: "
                           f"suggested {got!r}, expected {exp.suggest!r}")
    return out


def render_json(evaluation: Evaluation) -> str:
    files = []
    for file in evaluation.files:
        files.append({
            "path": file.path, "error": file.error,
            "misses": [{"rule": e.rule, "line": line, "quote": e.quote, "drug": e.drug} for e, line in file.misses],
            "extras": [{"rule": f.name, "code": f.code, "line": f.line, "column": f.column, "message": f.message}
                       for f in file.extras],
            "matches": [{"rule": e.rule, "line": f.line, "column": f.column, "suggest": e.suggest,
                         "suggested": f.suggestions[0] if f.suggestions else None} for e, f in file.matches],
        })
    return json.dumps({"rules": {r: s.as_dict() for r, s in evaluation.per_rule().items()},
                       "total": evaluation.total().as_dict(), "skipped": evaluation.skipped,
                       "unknown": evaluation.unknown,
                       "files": files}, indent=2)


# -- quality bars ----------------------------------------------------------------------------
def parse_bars(values: Iterable[str]) -> dict[str, float]:
    """``RULE=X`` pairs (``ALL`` = every rule, ``TOTAL`` = the micro-averaged total)."""
    bars = {}
    for value in values:
        rule, sep, number = value.partition("=")
        try:
            bar = float(number)
        except ValueError:
            bar = -1.0
        if not sep or not rule.strip() or not 0.0 <= bar <= 1.0:
            raise UsageError(f"--min-f1 expects RULE=X with X between 0 and 1, not {value!r}")
        key = rule.strip()
        bars[key.upper() if key.upper() in ("ALL", "TOTAL") else key] = bar
    return bars


def check_bars(evaluation: Evaluation, bars: dict[str, float]) -> list[str]:
    """Messages for every bar that is not met (empty: all met)."""
    rows = evaluation.per_rule()
    failures = []
    for key, bar in bars.items():
        if key == "TOTAL":
            targets = {"total": evaluation.total()}
        elif key == "ALL":
            targets = rows
        elif key in rows:
            targets = {key: rows[key]}
        else:
            raise UsageError(f"--min-f1 names {key!r}, which no sidecar scores "
                             f"(scored: {', '.join(rows) or 'none'})")
        for rule, score in targets.items():
            if score.f1 < bar:
                failures.append(f"{rule}: F1 {score.f1:.3f} is below the bar {bar:.3f}")
    return failures


# -- the command -----------------------------------------------------------------------------


def build_config(config_file=None, today=None, select=(), ignore=(), rulesets=(), model=None, jobs=None):
    """The :class:`medlint.config.Config` for the check options evaluate shares with ``check``."""
    config = Config()
    if config_file:
        from medlint import configfile  # lazy: config parsing only when a file is given
        config = copy.deepcopy(configfile.load_config(config_file))  # the loader caches: never mutate
    if today is not None:
        config.today = today
    if select:
        config.select = split_selectors(select)
    if ignore:
        config.ignore = [*config.ignore, *split_selectors(ignore)]
    if rulesets:
        config.rulesets = [*config.rulesets, *rulesets]
    if model:
        config.model = model
    if jobs is not None:
        config.jobs = jobs
    return config


@click.command("evaluate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--today", callback=parse_date, metavar="YYYY-MM-DD", help="Date the review-date rule measures age from.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (codes, prefixes or names, comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (codes, prefixes or names).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file to use.")
@click.option("--ruleset", multiple=True, type=click.Path(dir_okay=False), help="Extra YAML ruleset (repeatable).")
@click.option("--model", help="spaCy pipeline to use instead of the built-in blank English one.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: the configuration's, else 1).")
@click.option("--min-f1", "min_f1", multiple=True, metavar="RULE=X",
              help="Fail (exit 1) when RULE's F1 is below X; ALL=X for every rule, TOTAL=X for the total.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="List every missed expectation and every extra finding.")
def command(paths, today, select, ignore, config_file, ruleset, model, jobs, min_f1, fmt, verbose):
    """Score medlint against annotated articles (PATHS: folders or files with *.expected.yaml sidecars).

    Prints TP, FP, FN, precision, recall, F1 and first-suggestion accuracy per rule. Exit 0 when
    every --min-f1 bar is met, 1 when one is not, 2 on a usage error (such as a bad sidecar).
    """
    try:
        bars = parse_bars(min_f1)
        config = build_config(config_file, today, select, ignore, ruleset, model, jobs)
        result = evaluate(paths, config)
        failures = check_bars(result, bars)
    except MedlintError as exc:
        click.echo(f"medlint evaluate: error: {exc.render()}", err=True)
        sys.exit(exc.exit_code)
    click.echo(render_json(result) if fmt == "json" else render_text(result, verbose))
    for failure in failures:
        click.echo(f"bar not met: {failure}", err=True)
    # sys.exit, not ctx.exit: the code must survive click's standalone_mode=False in cli.main
    if any(f.error for f in result.files):
        sys.exit(UsageError.exit_code)
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)
