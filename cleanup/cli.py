"""The ``cleanup`` command: a thin layer over :func:`cleanup.clean` and the renderers.

Exit codes, as ruff uses them: 0 when all is well, 1 when ``check`` found
something, 2 on a usage error or an input that could not be read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from cleanup import io
from cleanup.pipeline import run
from cleanup.render.diff import unified_diff
from cleanup.render.findings import finding_lines, findings_json
from cleanup.result import Result
from cleanup.rules import ALL_RULES, UnknownRuleError, select_rules

DEFAULT_INPUT = Path("seeds") / "000_a4250b86ee3da36c.txt"
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def _split(values: Iterable[str]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


def _enabled(select: tuple[str, ...], ignore: tuple[str, ...]) -> frozenset[str]:
    chosen = _split(select)
    if select and not chosen:
        raise click.UsageError("--select names no rule")
    try:
        return select_rules(chosen or None, _split(ignore))
    except UnknownRuleError as err:
        raise click.UsageError(str(err)) from None


def _inputs(files: tuple[str, ...]) -> tuple[str, ...]:
    """The files named, else the founding article when run in this repository."""
    if files:
        return files
    if DEFAULT_INPUT.is_file():
        return (str(DEFAULT_INPUT),)
    raise click.UsageError("no input: give a FILE, or - to read standard input")


def _report_error(err: io.InputError) -> None:
    click.echo(str(err), err=True)


def _selection_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add the options every cleaning command shares."""
    command = click.option(
        "--ignore", multiple=True, metavar="RULES", help="Rule ids or families to skip (comma-separated)."
    )(command)
    command = click.option(
        "--select", multiple=True, metavar="RULES", help="Rule ids or families to run (default: all)."
    )(command)
    return click.option(
        "--unsafe-fixes", "unsafe", is_flag=True, help="Also apply fixes that are only probably right."
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleanup")
def main() -> None:
    """Make machine-translated news text publishable."""


@main.command()
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--diff", is_flag=True, help="Print a unified diff instead of the fixed text.")
@click.option("--in-place", is_flag=True, help="Rewrite each changed file atomically.")
@_selection_options
def fix(
    files: tuple[str, ...],
    diff: bool,
    in_place: bool,
    unsafe: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Print the fixed text of FILE (- for standard input; in this repository, seeds/ by default)."""
    if diff and in_place:
        raise click.UsageError("--diff and --in-place do not go together")
    paths = _inputs(files)
    if len(paths) > 1 and not (diff or in_place):
        raise click.UsageError("several files need --diff or --in-place")
    if in_place and "-" in paths:
        raise click.UsageError("--in-place cannot rewrite standard input")
    enabled = _enabled(select, ignore)
    stdout = sys.stdout.buffer
    failed = False
    for path in paths:
        try:
            document = io.read(path)
            result = run(document.text, enabled=enabled, unsafe=unsafe)
            if diff:
                # The diff carries the byte-order mark, so that patch finds the first line.
                mark = "\ufeff" if document.bom else ""
                patch = unified_diff(mark + result.original, mark + result.text, document.path, document.path)
                stdout.write(patch.encode("utf-8"))
            elif in_place:
                if result.changed:
                    io.write_atomic(path, io.encode(document, result.text))
            else:
                stdout.write(io.encode(document, result.text))
        except io.InputError as err:
            _report_error(err)
            failed = True
        except OSError as err:
            _report_error(io.InputError(path, f"cannot write: {err.strerror or err}"))
            failed = True
    stdout.flush()
    if failed:
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
@_selection_options
def check(
    files: tuple[str, ...], output_format: str, unsafe: bool, select: tuple[str, ...], ignore: tuple[str, ...]
) -> None:
    """List what would be fixed or needs a look, one finding per line."""
    enabled = _enabled(select, ignore)
    results: list[tuple[str, Result]] = []
    failed = False
    for path in _inputs(files):
        try:
            document = io.read(path)
        except io.InputError as err:
            _report_error(err)
            failed = True
            continue
        results.append((document.path, run(document.text, enabled=enabled, unsafe=unsafe)))
    if output_format == "json":
        click.echo(findings_json(results))
    else:
        for path, result in results:
            if result.findings:
                click.echo(finding_lines(path, result))
    if failed:
        sys.exit(EXIT_ERROR)
    if any(result.findings for _, result in results):
        sys.exit(EXIT_FINDINGS)


@main.command()
def rules() -> None:
    """List every rule with its family and what it fixes."""
    width = max(len(rule_id) for rule_id in ALL_RULES)
    for rule in ALL_RULES.values():
        click.echo(f"{rule.id:<{width}}  {rule.family:<12} {rule.summary}")


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
def explain(rule_id: str) -> None:
    """Print the documentation of one rule."""
    rule = ALL_RULES.get(rule_id)
    if rule is None:
        raise click.UsageError(f"unknown rule: {rule_id!r} (see 'cleanup rules')")
    click.echo(rule.explain(), nl=False)
