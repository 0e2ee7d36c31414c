"""Command-line options every cleaning command shares: which rules, how sure, which languages.

``cleanup fix``, ``check`` and ``review`` take them alike; :func:`context` turns them into the
:class:`~cleanup.passes.Context` the chain runs with.

>>> import click
>>> @click.command()
... @rule_options
... def show(**options):
...     ctx = context(options)
...     click.echo(f"{ctx.target} {sorted(ctx.enabled)[:2]} {options['unsafe']}")
>>> from click.testing import CliRunner
>>> CliRunner().invoke(show, ["--select", "spacing", "--target", "de", "--unsafe-fixes"]).output
"de ['repeated-spaces', 'space-after-bracket'] True\\n"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any

import click

from cleanup import glossary, io, style
from cleanup.lang.sources import LANGUAGES
from cleanup.passes import Context
from cleanup.review.decisions import Settings, sha256_hex
from cleanup.rules import UnknownRuleError, select_rules


def split(values: Iterable[str]) -> list[str]:
    """Values given repeated or comma-separated, as one list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def allowed_terms(path: str | None) -> frozenset[str]:
    """The terms of an ``--allow`` file, lowercased; blank lines and ``#`` comments skipped.

    Raises :class:`~cleanup.io.InputError` when the file cannot be read.
    """
    if path is None:
        return frozenset()
    lines = io.read_text_file(path, "allow list").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def _enabled(select: tuple[str, ...], ignore: tuple[str, ...], target: str) -> frozenset[str]:
    chosen = split(select)
    if select and not chosen:
        raise click.UsageError("--select names no rule")
    try:
        return select_rules(chosen or None, split(ignore), target=target)
    except UnknownRuleError as err:
        raise click.UsageError(str(err)) from None


class SettingsFileError(click.ClickException):
    """A glossary, allow list or house style that cannot be used: one line, ``PATH: error: reason``,
    and exit status 2, as for an article that cannot be read."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.message, err=True)


def side_files(glossary_file: str | None, style_file: str | None, allow_file: str | None) -> dict[str, Any]:
    """The glossary, house style and allowed terms read from their files (none when not given),
    as the keyword arguments of :class:`~cleanup.passes.Context`; :class:`SettingsFileError` if
    one cannot be read or used."""
    try:
        entries = glossary.read(glossary_file) if glossary_file else ()
        house = style.read(style_file) if style_file else ()
        allowed = allowed_terms(allow_file)
    except io.InputError as err:
        raise SettingsFileError(str(err)) from None
    return {"glossary": entries, "house": house, "allowed": allowed}


def context(options: dict[str, Any]) -> Context:
    """The rules and language settings of a command, from the options :func:`rule_options` adds."""
    target = options["target"]
    sources = tuple(split(options["source"]))
    for source in sources:
        if source not in LANGUAGES or source == target:
            choices = ", ".join(language for language in LANGUAGES if language != target)
            raise click.UsageError(f"--source {source}: expected one of {choices}")
    return Context(
        enabled=_enabled(options["select"], options["ignore"], target),
        target=target,
        sources=sources,
        **side_files(options["glossary_file"], options["style_file"], options["allow_file"]),
    )


def file_digest(path: str | None) -> str | None:
    """The SHA-256 of a settings file's bytes, as a decisions file records it; ``None`` for none.
    :class:`~cleanup.io.InputError` if it cannot be read."""
    return None if path is None else sha256_hex(io.read_bytes(path))


def settings(options: dict[str, Any], ctx: Context) -> Settings:
    """What a command's changes are made with, as a decisions file records it."""
    return Settings(
        rules=tuple(sorted(ctx.enabled)),
        unsafe=options["unsafe"],
        target=ctx.target,
        sources=ctx.sources,
        glossary=file_digest(options["glossary_file"]),
        style=file_digest(options["style_file"]),
        allow=file_digest(options["allow_file"]),
    )


def rule_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that choose rules, safety and languages."""
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
            type=click.Path(),
            help="TSV file of recurring leftovers: source term, translation, safe|unsafe.",
        ),
        click.option(
            "--style",
            "style_file",
            type=click.Path(),
            help="TOML file of house style: a [style] table overriding the target's conventions.",
        ),
        click.option(
            "--allow",
            "allow_file",
            type=click.Path(),
            help="File of terms never reported as leftovers, one a line (# starts a comment).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
