"""The ``cleanup`` command: a thin layer over :func:`cleanup.clean` and the renderers.

Exit codes, as ruff uses them: 0 when all is well, 1 when ``check`` found
something, 2 on a usage error or an input that could not be read.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from cleanup import batch, glossary, io
from cleanup.batch import Mode, Options, Outcome, Status
from cleanup.discover import DEFAULT_INCLUDE, Input, discover
from cleanup.lang.sources import LANGUAGES
from cleanup.passes import Context
from cleanup.render.findings import finding_line, finding_record
from cleanup.render.progress import progress
from cleanup.render.report import JsonArray, file_record, json_line
from cleanup.render.summary import Tally
from cleanup.rules import ALL_RULES, UnknownRuleError, select_rules

DEFAULT_INPUT = Path("seeds") / "000_a4250b86ee3da36c.txt"
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def _split(values: Iterable[str]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


def _enabled(select: tuple[str, ...], ignore: tuple[str, ...], target: str) -> frozenset[str]:
    chosen = _split(select)
    if select and not chosen:
        raise click.UsageError("--select names no rule")
    try:
        return select_rules(chosen or None, _split(ignore), target=target)
    except UnknownRuleError as err:
        raise click.UsageError(str(err)) from None


def _context(options: dict[str, Any]) -> Context:
    """The rules and language settings of a cleaning command, from its options."""
    target = options["target"]
    sources = tuple(_split(options["source"]))
    for source in sources:
        if source not in LANGUAGES or source == target:
            choices = ", ".join(language for language in LANGUAGES if language != target)
            raise click.UsageError(f"--source {source}: expected one of {choices}")
    try:
        entries = glossary.read(options["glossary_file"]) if options["glossary_file"] else ()
    except glossary.GlossaryError as err:
        raise click.UsageError(str(err)) from None
    return Context(
        enabled=_enabled(options["select"], options["ignore"], target),
        allowed=_allowed(options["allow_file"]),
        target=target,
        sources=sources,
        glossary=entries,
    )


def _allowed(path: str | None) -> frozenset[str]:
    """The terms of an ``--allow`` file, lowercased; blank lines and ``#`` comments skipped."""
    if path is None:
        return frozenset()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def _inputs(files: tuple[str, ...]) -> tuple[str, ...]:
    """The files named, else the founding article when run in this repository."""
    if files:
        return files
    if DEFAULT_INPUT.is_file():
        return (str(DEFAULT_INPUT),)
    raise click.UsageError("no input: give a FILE, or - to read standard input")


def _selection_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add the options every cleaning command shares: rules, safety, which files, workers, report."""
    options = [
        click.option(
            "--unsafe-fixes", "unsafe", is_flag=True, help="Also apply fixes that are only probably right."
        ),
        click.option(
            "--select", multiple=True, metavar="RULES", help="Rule ids or families to run (default: all)."
        ),
        click.option(
            "--ignore", multiple=True, metavar="RULES", help="Rule ids or families to skip (comma-separated)."
        ),
        click.option(
            "--include",
            multiple=True,
            metavar="GLOB",
            help="Files to take from folders (default: *.txt, *.md).",
        ),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Files and folders to leave out."),
        click.option(
            "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPUs)."
        ),
        click.option(
            "--target",
            type=click.Choice(LANGUAGES),
            default="en",
            show_default=True,
            help="Language of the copy.",
        ),
        click.option(
            "--source",
            multiple=True,
            metavar="LANG",
            help="Language(s) the copy was translated from (default: inferred from the leftovers found).",
        ),
        click.option(
            "--glossary",
            "glossary_file",
            type=click.Path(exists=True, dir_okay=False),
            help="TSV file of recurring leftovers: source term, translation, safe|unsafe.",
        ),
        click.option(
            "--allow",
            "allow_file",
            type=click.Path(exists=True, dir_okay=False),
            help="File of terms never reported as leftovers, one a line (# starts a comment).",
        ),
        click.option(
            "--report",
            type=click.Path(dir_okay=False, writable=True),
            help="Also write a JSON report: per file its status and findings.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _outcomes(work: _Work, options: Options, jobs: int | None, report: str | None) -> Iterator[Outcome]:
    """Run the batch, show progress on a terminal, stream the report, report failures."""
    workers = 1 if work.count < 2 else (jobs or os.cpu_count() or 1)
    outcomes = batch.run(work.items(), options, workers)
    with contextlib.ExitStack() as stack:
        writer = None
        if report:
            handle = stack.enter_context(io.atomic_text_file(report))
            writer = stack.enter_context(JsonArray(handle))
        for outcome in stack.enter_context(progress(outcomes, work.count)):
            if outcome.error is not None:
                click.echo(f"{outcome.path}: error: {outcome.error}", err=True)
            if writer is not None:
                writer.add(file_record(outcome))
            yield outcome


class _Work:
    """The files a command works on, counted first and then listed again as they are processed,
    so that a batch of any size is never held in memory."""

    def __init__(self, paths: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...]) -> None:
        self._arguments = (paths, include or DEFAULT_INCLUDE, exclude)
        self.count = sum(1 for _ in self.items())
        self.is_batch = self.count > 1 or len(paths) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)

    def items(self) -> Iterator[Input]:
        """The files, in a stable order."""
        return discover(*self._arguments)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleanup")
def main() -> None:
    """Make machine-translated news text publishable."""


@main.command()
@click.argument("files", nargs=-1, metavar="[PATH]...")
@click.option("--diff", is_flag=True, help="Print a unified diff per changed file instead of the fixed text.")
@click.option("--in-place", is_flag=True, help="Rewrite each changed file atomically.")
@click.option(
    "--out", type=click.Path(file_okay=False), help="Write the cleaned tree here; inputs stay as they are."
)
@click.option(
    "--backup", metavar="SUFFIX", help="With --in-place, keep the original beside it as FILE+SUFFIX."
)
@click.option("--keep-encoding", is_flag=True, help="Write files in their own encoding rather than UTF-8.")
@_selection_options
def fix(
    files: tuple[str, ...], diff: bool, in_place: bool, out: str | None, backup: str | None, **kwargs: Any
) -> None:
    """Print the fixed text of FILE (- for standard input; in this repository, seeds/ by default).

    Folders, and several files, need --out DIR, --in-place or --diff.
    """
    chosen = [name for name, on in (("--diff", diff), ("--in-place", in_place), ("--out", out)) if on]
    if len(chosen) > 1:
        raise click.UsageError(f"{' and '.join(chosen)} do not go together")
    if backup and not in_place:
        raise click.UsageError("--backup goes with --in-place")
    mode = Mode.DIFF if diff else Mode.IN_PLACE if in_place else Mode.OUT if out else Mode.PRINT
    paths = _inputs(files)
    if mode is Mode.PRINT:
        for path in paths:
            if path != "-" and Path(path).is_dir():
                raise click.UsageError(f"{path} is a folder: add --out DIR, --in-place or --diff")
        if len(paths) > 1:
            raise click.UsageError("several files need --out DIR, --in-place or --diff")
    if "-" in paths and mode in (Mode.IN_PLACE, Mode.OUT):
        raise click.UsageError(f"{chosen[0]} cannot write standard input back")
    options = Options(
        mode,
        _context(kwargs),
        unsafe=kwargs["unsafe"],
        out=out,
        backup=backup,
        keep_encoding=kwargs["keep_encoding"],
    )
    work = _Work(paths, kwargs["include"], kwargs["exclude"])
    tally = Tally()
    stdout = sys.stdout.buffer
    for outcome in _outcomes(work, options, kwargs["jobs"], kwargs["report"]):
        tally.add(outcome)
        stdout.write(outcome.output)
    stdout.flush()
    if work.is_batch:
        click.echo(tally.summary(fixing=True), err=True)
    if tally.files[Status.FAILED]:
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("files", nargs=-1, metavar="[PATH]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
@_selection_options
def check(files: tuple[str, ...], output_format: str, **kwargs: Any) -> None:
    """List what would be fixed or needs a look, one finding per line; folders are walked."""
    options = Options(Mode.CHECK, _context(kwargs), unsafe=kwargs["unsafe"])
    paths = _inputs(files)
    work = _Work(paths, kwargs["include"], kwargs["exclude"])
    tally = Tally()
    with contextlib.ExitStack() as stack:
        array = stack.enter_context(JsonArray(sys.stdout)) if output_format == "json" else None
        for outcome in _outcomes(work, options, kwargs["jobs"], kwargs["report"]):
            tally.add(outcome)
            for finding in outcome.findings:
                if array is not None:
                    array.add(finding_record(outcome.path, finding))
                elif output_format == "jsonl":
                    sys.stdout.write(json_line(finding_record(outcome.path, finding)))
                else:
                    click.echo(finding_line(outcome.path, finding))
    if work.is_batch:
        click.echo(tally.summary(fixing=False), err=True)
    if tally.files[Status.FAILED]:
        sys.exit(EXIT_ERROR)
    if sum(tally.findings.values()):
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
