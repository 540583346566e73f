"""The ``medlint`` command line: a thin click layer over :mod:`medlint.runner` (check) and
:mod:`medlint.rule_docs` (rules, explain).

Start-up stays cheap: ``--help``, ``--version``, ``rules`` and ``explain`` import neither spaCy
nor the drug lexicon. Errors a user can fix exit 2 with one message; anything else is an
internal error (exit 3) with a short request to report it (a traceback with MEDLINT_DEBUG=1).
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click

from medlint import __version__
from medlint.cli_params import parse_date, split_selectors
from medlint.errors import EXIT_INTERNAL, EXIT_USAGE, MedlintError

ISSUES = "https://pypi.org/project/medlint/"
# name -> (module, attribute, one-line help): imported only when the command runs
LAZY_COMMANDS = {
    "evaluate": ("medlint.evaluate", "command", "Score medlint against an annotated corpus of drafts."),
}
SEVERITIES = click.Choice(["error", "warning", "info"], case_sensitive=False)


class LazyGroup(click.Group):
    """A group whose heavier commands are imported only when invoked (not for ``--help``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        lazy = [name for name, (module, _, _) in LAZY_COMMANDS.items() if _exists(module)]
        return sorted(set(super().list_commands(ctx)) | set(lazy))

    def get_command(self, ctx: click.Context, name: str):
        command = super().get_command(ctx, name)
        if command is None and name in LAZY_COMMANDS and _exists(LAZY_COMMANDS[name][0]):
            module, attr, _ = LAZY_COMMANDS[name]
            command = getattr(importlib.import_module(module), attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS and name not in self.commands:
                rows.append((name, LAZY_COMMANDS[name][2]))
            else:
                rows.append((name, self.commands[name].get_short_help_str(limit=70)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False




@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="medlint", message="%(prog)s %(version)s")
def cli() -> None:
    """medlint: a linter for health articles (Markdown, HTML, plain text)."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file instead of the nearest one.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, prefixes or names, comma-separated.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (the most specific selector wins).")
@click.option("--ruleset", "rulesets", multiple=True, type=click.Path(dir_okay=False), help="Extra YAML ruleset (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip matching files and directories (repeatable).")
@click.option("--fail-on", type=SEVERITIES, help="Lowest severity that makes the run fail (default: warning).")
@click.option("--today", callback=parse_date, metavar="YYYY-MM-DD", help="Date review dates are measured against.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text", show_default=True)
@click.option("--score", is_flag=True, help="Print a 0-10 score (pylint-style, per sentence).")
@click.option("--fail-under", type=float, metavar="SCORE", help="Fail when the score is below SCORE.")
@click.option("--statistics", is_flag=True, help="Count findings per rule (noisiest first).")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--diff", is_flag=True, help="Print the diff --fix would apply; write nothing.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), help="Worker processes (0: one per CPU; default: one per CPU for 16+ files).")
@click.option("--model", metavar="NAME", help="Installed spaCy pipeline to use instead of the built-in one.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary, no progress.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: on a terminal).")
@click.option("--stdin-filename", metavar="PATH", help="Path (and format) to report for `-` (stdin).")
def check(paths, config_file, select, ignore, rulesets, exclude, fail_on, today, exit_zero, fmt, score,
          fail_under, statistics, fix, diff, jobs, model, quiet, color, stdin_filename) -> None:
    """Lint files and directories (`-` reads stdin)."""
    from medlint import runner  # lazy: only `check` needs the linting machinery
    options = runner.CheckOptions(
        paths=list(paths), config_file=config_file, select=split_selectors(select) if select else None,
        ignore=split_selectors(ignore), rulesets=list(rulesets), exclude=list(exclude),
        fail_on=fail_on.lower() if fail_on else None, today=today, model=model, jobs=jobs,
        exit_zero=exit_zero, format=fmt, score=score, fail_under=fail_under, statistics=statistics,
        fix=fix, diff=diff, quiet=quiet, color=color, stdin_filename=stdin_filename)
    sys.exit(runner.run(options))


def _config(config_file, rulesets):
    from medlint import configfile, runner  # lazy: config reading only for these commands
    base = configfile.load_config(config_file) if config_file else (
        configfile.load_config(found) if (found := configfile.config_for(".")) else None)
    return runner.effective_config(base, runner.CheckOptions(paths=[], rulesets=list(rulesets)))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Config file (default: the nearest).")
@click.option("--ruleset", "rulesets", multiple=True, type=click.Path(dir_okay=False), help="Include this ruleset's house rules.")
def rules(fmt, config_file, rulesets) -> None:
    """List every rule: code, name, severity, summary."""
    from medlint import rule_docs  # lazy: keeps --help minimal
    click.echo(rule_docs.render_rules(rule_docs.rows(_config(config_file, rulesets)), fmt), nl=False)


@cli.command()
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Config file (default: the nearest).")
@click.option("--ruleset", "rulesets", multiple=True, type=click.Path(dir_okay=False), help="Look in this ruleset's house rules too.")
def explain(rule, config_file, rulesets) -> None:
    """Show a rule's documentation (by name or code)."""
    from medlint import rule_docs  # lazy: keeps --help minimal
    click.echo(rule_docs.explain(rule, _config(config_file, rulesets)), nl=False)


def main(args: list[str] | None = None) -> int:
    """Console entry point: runs the CLI and maps errors to exit codes."""
    try:
        cli.main(args=args, prog_name="medlint", standalone_mode=False)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except MedlintError as exc:
        click.echo(f"medlint: {exc.render()}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last resort: a short message, not a traceback
        if os.environ.get("MEDLINT_DEBUG") == "1":
            import traceback  # lazy: only when debugging
            traceback.print_exc()
        click.echo(f"medlint: internal error: {type(exc).__name__}: {exc}\n"
                   f"This is a bug in medlint. Please report it ({ISSUES}) with the command you ran; "
                   "set MEDLINT_DEBUG=1 to see the traceback.", err=True)
        return EXIT_INTERNAL
    return 0
