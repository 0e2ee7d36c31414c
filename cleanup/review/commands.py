"""The ``review`` and ``apply`` commands.

``cleanup review FILE…`` cleans each file, walks the reviewer through its changes and writes what
was accepted: to standard output, ``--in-place`` or under ``--out DIR``, atomically, and never over
a file that changed meanwhile. ``cleanup apply DECISIONS.json…`` applies exactly the changes a
decisions file (exported from the HTML report) accepts, and refuses a file whose bytes are not the
ones the decisions were made on. In both, a file that fails gets one ``PATH: error: reason`` line,
the others go on, and the run exits 2.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cleanup import io
from cleanup.discover import DEFAULT_INCLUDE, Input, discover
from cleanup.formats import FormatError, Reading
from cleanup.options import color_option, read_settings_files, resolver, rule_options
from cleanup.outputs import OutputError, copy_failure, plan_outputs, write_copy
from cleanup.pipeline import run
from cleanup.render.color import wants_color
from cleanup.render.paths import shown_path
from cleanup.render.summary import plural
from cleanup.result import Result
from cleanup.review.decisions import DecisionsError, load
from cleanup.review.hunks import split_changes
from cleanup.review.replay import apply_decisions
from cleanup.review.session import Ask, review
from cleanup.shards import NOT_WHOLE, is_parquet

EXIT_ERROR = 2


def _show(text: str) -> None:
    click.echo(text, nl=False, err=True)


def _key_ask(prompt: str) -> str | None:
    """One key typed on the terminal; end of input (Ctrl-D) as ``None``."""
    _show(prompt)
    try:
        key = click.getchar()
    except EOFError:
        key = None
    _show((key or "") + "\n")
    return key


def _line_ask(prompt: str) -> str | None:
    """One line of standard input; its end as ``None``. The answer is echoed, so that the log of
    a piped review reads like a typed one."""
    _show(prompt)
    line = sys.stdin.readline()
    _show(line.strip() + "\n")
    return line or None


class _Target:
    """Where the reviewed text of a file goes, written only once the file is reviewed."""

    def __init__(self, in_place: bool, out: str | None, keep_encoding: bool) -> None:
        self.in_place, self.out, self.keep_encoding = in_place, out, keep_encoding

    def write(self, item: Input, data: bytes, document: io.Document, text: str) -> None:
        """Write ``text`` for the file read as ``data``; :class:`~cleanup.io.InputError` if it
        changed since."""
        changed = text != document.text
        if self.in_place:
            if not changed:
                return
            if io.read_bytes(item.path) != data:
                raise io.InputError(item.path, "changed while it was being reviewed; left as it is")
            io.write_atomic(item.path, io.encode(document, text, keep_encoding=self.keep_encoding))
        elif self.out is not None:
            content = io.encode(document, text, keep_encoding=self.keep_encoding) if changed else data
            try:
                write_copy(self.out, item.relative, content, like=item.path)
            except OSError as err:
                raise io.InputError(item.path, copy_failure(self.out, item.relative, err)) from None
        else:
            stdout = sys.stdout.buffer
            stdout.write(io.encode(document, text, keep_encoding=self.keep_encoding))
            stdout.flush()


def _review_file(
    item: Input, cleaner: Callable[..., Result], reading: Reading, ask: Ask, target: _Target, color: bool
) -> bool:
    """Review one file and write the result; whether the reviewer went through every change."""
    if item.error is not None:
        raise io.InputError(item.path, item.error)
    data = io.read_bytes(item.path)
    form = reading.format_for(item.path)
    document = io.decode(data, item.path, page=form.name == "html")
    changes = split_changes(cleaner(document.text, form=form))
    outcome = review(changes, ask, _show, path=item.path, color=color)
    target.write(item, data, document, outcome.text)
    accepted = f"{len(outcome.accepted)} of {plural(len(changes.hunks), 'change')} accepted"
    _show(f"{shown_path(item.path)}: {accepted}\n")
    return outcome.finished


@click.command("review")
@click.argument("files", nargs=-1, required=True, metavar="PATH...")
@click.option("--in-place", is_flag=True, help="Rewrite each reviewed file atomically.")
@click.option("--out", type=click.Path(file_okay=False), help="Write the reviewed files here.")
@click.option("--keep-encoding", is_flag=True, help="Write files in their own encoding rather than UTF-8.")
@color_option
@rule_options
def review_command(
    files: tuple[str, ...],
    in_place: bool,
    out: str | None,
    keep_encoding: bool,
    color: str,
    **options: Any,
) -> None:
    """Walk through the changes of each FILE and keep the ones accepted.

    Keys: y accept, n reject, a accept this and the later changes of the same rules, u undo,
    q quit (what is not decided yet is rejected), ? help. On a terminal a key is enough; piped
    in, one answer a line, and the end of input quits. The result goes to standard output, or
    with --in-place back to the file, or with --out under DIR.
    """
    if in_place and out:
        raise click.UsageError("--in-place and --out do not go together")
    if "-" in files:
        raise click.UsageError("review reads its answers from standard input: name the files")
    settings = resolver(options)
    items = list(discover(files, DEFAULT_INCLUDE))
    for item in items:
        settings.for_path(item.path)  # each configuration read before any review begins
    if not (in_place or out) and (len(items) > 1 or any(item.from_folder for item in items)):
        raise click.UsageError("several files need --out DIR or --in-place")
    if out is not None:
        try:
            plan_outputs(out, files, items)
        except OutputError as err:
            click.echo(str(err), err=True)
            sys.exit(EXIT_ERROR)
    ask = _key_ask if sys.stdin.isatty() else _line_ask
    target = _Target(in_place, out, keep_encoding)
    failed = False
    for number, item in enumerate(items):
        try:
            own = settings.for_path(item.path)
            if own.reading.format is None and is_parquet(item.path):
                raise io.InputError(item.path, NOT_WHOLE)
            cleaner = functools.partial(run, context=own.context, unsafe=own.unsafe)
            coloured = wants_color(color, sys.stderr)
            finished = _review_file(item, cleaner, own.reading, ask, target, coloured)
        except io.InputError as err:
            click.echo(f"{shown_path(item.path)}: error: {err.reason}", err=True)
            failed = True
            continue
        except FormatError as err:
            click.echo(f"{shown_path(item.path)}: error: {err}; left as it is", err=True)
            failed = True
            continue
        except OSError as err:
            click.echo(f"{shown_path(item.path)}: error: cannot write: {io.os_reason(err)}", err=True)
            failed = True
            continue
        if not finished and number + 1 < len(items):
            _show(f"review stopped: {plural(len(items) - number - 1, 'more file')} not reviewed\n")
            break
    if failed:
        sys.exit(EXIT_ERROR)


@click.command("apply")
@click.argument("decisions", nargs=-1, required=True, metavar="DECISIONS.json...")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False),
    default=".",
    show_default=True,
    help="The folder the report was made from: every file applied to must be inside it.",
)
@click.option(
    "--glossary",
    "glossary_file",
    type=click.Path(),
    help="The glossary the report was made with, if any.",
)
@click.option("--style", "style_file", type=click.Path(), help="The house style the report was made with.")
@click.option("--allow", "allow_file", type=click.Path(), help="The allow file the report was made with.")
@click.option("--keep-encoding", is_flag=True, help="Write files in their own encoding rather than UTF-8.")
def apply_command(decisions: tuple[str, ...], root: str, keep_encoding: bool, **files: str | None) -> None:
    """Apply to the original files exactly the changes accepted in DECISIONS.json.

    The decisions file comes from the HTML report's "Export decisions" button; paths in it are
    as the report was made, relative to the folder it was made from (--root). Nothing in it is
    trusted: each file's changes are made again with the settings it records, and only those
    are applied, to files inside --root whose bytes are the ones the decisions were made on.
    """
    given = read_settings_files(files)
    failed = False
    for name in decisions:
        try:
            decided_files = load(io.read_text_file(name, "decisions file", empty_ok=False))
        except (io.InputError, DecisionsError) as err:
            reason = err.reason if isinstance(err, io.InputError) else str(err)
            click.echo(f"{shown_path(name)}: error: {reason}", err=True)
            failed = True
            continue
        for decided in decided_files:
            try:
                done = apply_decisions(decided, Path(root), given, keep_encoding=keep_encoding)
                _show(f"{shown_path(decided.path)}: {done}\n")
            except io.InputError as err:
                click.echo(f"{shown_path(decided.path)}: error: {err.reason}", err=True)
                failed = True
            except OSError as err:
                click.echo(f"{shown_path(decided.path)}: error: cannot write: {io.os_reason(err)}", err=True)
                failed = True
    if failed:
        sys.exit(EXIT_ERROR)
