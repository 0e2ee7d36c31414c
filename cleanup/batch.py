"""Clean many files: one worker function per file, run in order or in parallel.

Each file is read, cleaned and written by :func:`process`, which never raises
for a bad file: it returns an :class:`Outcome` saying what went wrong, and the
original stays intact. A big JSON Lines file and a Parquet file are cleaned in pieces instead
(:mod:`cleanup.shards`), and put together into one outcome. :func:`run` yields outcomes in input
order, whatever the number of workers, so output and reports do not depend on it.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("the market , said")
>>> from cleanup.discover import discover
>>> from cleanup.passes import Context
>>> from cleanup.rules import select_rules
>>> options = Options(Mode.CHECK, Context(select_rules()))
>>> [(str(o.status), [f.rule for f in o.findings]) for o in run(discover([str(folder)]), options)]
[('changed', ['space-before-punctuation'])]
"""

from __future__ import annotations

import codecs
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from typing import Any

from cleanup import io, shards, stopping
from cleanup.discover import Input
from cleanup.formats import FormatError
from cleanup.outputs import copy_failure, write_copy
from cleanup.pipeline import Budget, TooManyFindings, warm_up
from cleanup.pipeline import run as clean_text
from cleanup.render.diff import diff_header, diff_hunks
from cleanup.render.progress import Steps
from cleanup.result import Result
from cleanup.review.worddiff import word_diff
from cleanup.work import Mode, Options, Outcome, Status, unexpected

# Files handed to a worker at a time, and chunks in flight per worker. Each chunk's result waits
# for this process's thread to take it while the main thread lists and reports files: chunks of 8
# left two workers idle (6,675 articles: 2.0 s with two, 2.1 s with one; 1.7 s with chunks of 32).
_CHUNK = 32
_AHEAD = 8
_WAIT = 0.2  # seconds a worker's task is waited for before looking for a signal again


def _identity(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def _write_in_place(
    item: Input, data: bytes, fixed: bytes, seen: tuple[int, int, int] | None, backup: str | None
) -> None:
    if _identity(item.path) != seen:
        raise io.InputError(item.path, "changed while it was being cleaned; left as it is")
    if backup:
        io.write_beside(item.path, backup, data)
    io.write_atomic(item.path, fixed)


def _diff_bytes(document: io.Document, result: Result) -> bytes:
    """A diff that patch applies to the file's own bytes: the header in the file system's encoding
    (UTF-8), the hunks in the file's. :class:`~cleanup.io.InputError` for a UTF-16 or UTF-32 file:
    patch reads lines of bytes ended by LF, and such a diff would be neither readable nor safe on a
    terminal (the UTF-16 of "ě" holds an escape byte)."""
    if not result.changed:
        return b""
    codec = codecs.lookup(document.encoding).name
    if codec.startswith(("utf-16", "utf-32")):
        raise io.InputError(
            document.path,
            f"cannot make a patch-able diff of a {codec[:6].upper()} file; use --out or --in-place "
            "(or --diff=word to review it)",
        )
    # The diff carries a UTF-8 byte-order mark, so that patch finds the first line.
    mark = "\ufeff" if document.bom and codec == "utf-8" else ""
    hunks = diff_hunks(mark + result.original, mark + result.text)
    try:
        errors = "xmlcharrefreplace" if document.references else "strict"  # as io.encode writes the page
        body = hunks.encode("utf-8" if codec == "utf-8" else document.encoding, errors)
    except UnicodeEncodeError as err:
        character = err.object[err.start]
        raise io.InputError(
            document.path,
            f"the diff cannot be written in {io.shown_encoding(document.encoding)} ({character!r})",
        ) from None
    return diff_header(document.path, document.path).encode("utf-8") + body


def process(item: Input, options: Options) -> Outcome:
    """Read, clean and write one file as ``options`` say; report a failure instead of raising."""
    if item.error is not None:
        return Outcome(item.path, Status.FAILED, error=item.error)
    try:
        context, unsafe, reading, recorded = options.own(item.path)
        if reading.format is None and shards.is_parquet(item.path):
            return Outcome(item.path, Status.FAILED, error=shards.NOT_WHOLE)
        seen = _identity(item.path)
        data = io.read_bytes(item.path)
        form = reading.format_for(item.path)
        document = io.decode(data, "<stdin>" if item.path == "-" else item.path, page=form.name == "html")
        result = clean_text(document.text, context, unsafe=unsafe, form=form, budget=Budget())
        status = Status.CHANGED if result.changed else Status.UNCHANGED
        output = b""
        if options.mode is Mode.PRINT:
            output = io.encode(document, result.text, keep_encoding=options.keep_encoding)
        elif options.mode is Mode.DIFF:
            output = _diff_bytes(document, result)
        elif options.mode is Mode.WORD_DIFF:
            output = word_diff(document.path, result, color=options.color).encode("utf-8")
        elif options.mode is Mode.IN_PLACE and result.changed:
            fixed = io.encode(document, result.text, keep_encoding=options.keep_encoding)
            _write_in_place(item, data, fixed, seen, options.backup)
        elif options.mode is Mode.OUT and options.out is not None:
            fixed = (
                io.encode(document, result.text, keep_encoding=options.keep_encoding)
                if result.changed
                else data
            )
            try:
                write_copy(options.out, item.relative, fixed, like=item.path)
            except OSError as err:
                return Outcome(item.path, Status.FAILED, error=copy_failure(options.out, item.relative, err))
        if options.keep_results:
            kept = {"result": result, "sha256": io.sha256_hex(data), "settings": recorded}
            return Outcome(item.path, status, result.findings, output=output, size=len(data), **kept)
        return Outcome(item.path, status, result.findings, output=output, size=len(data))
    except io.InputError as err:
        return Outcome(item.path, Status.FAILED, error=err.reason)
    except FormatError as err:
        return Outcome(item.path, Status.FAILED, error=f"{err}; left as it is")
    except OSError as err:
        return Outcome(item.path, Status.FAILED, error=f"cannot write: {io.os_reason(err)}")
    except TooManyFindings as err:
        return Outcome(item.path, Status.FAILED, error=str(err))
    except Exception as err:  # cleanup's fault, not the file's: this file fails, the batch goes on
        return Outcome(item.path, Status.FAILED, error=unexpected(err))


@dataclass(frozen=True, slots=True)
class Sharded:
    """A file cleaned in pieces (:mod:`cleanup.shards`)."""

    item: Input
    pieces: list[shards.Piece]


def parts(item: Input, options: Options) -> int:
    """How many tasks ``item`` takes: its pieces, or one for a file cleaned whole."""
    return len(shards.pieces(item, options, shards.owner()) or (item,))


def units(items: Iterable[Input], options: Options, size: int) -> Iterator[list[Input] | Sharded]:
    """The work of a batch in units handed to workers, in input order: chunks of up to ``size``
    files cleaned whole, and each file cleaned in pieces on its own; standard input in a chunk of
    its own, which only this process can read (:func:`reads_standard_input`)."""
    owner = shards.owner()
    chunk: list[Input] = []
    for item in items:
        alone = item.path == "-"
        cut = None if alone else shards.pieces(item, options, owner)
        if cut is None and not alone:
            chunk.append(item)
            if len(chunk) < size:
                continue
        if chunk:
            yield chunk
            chunk = []
        if alone:
            yield [item]
        elif cut is not None:
            yield Sharded(item, cut)
    if chunk:
        yield chunk


def reads_standard_input(unit: list[Input] | Sharded) -> bool:
    """Whether ``unit`` is standard input, cleaned in this process: a worker cannot read it (a
    forked one has it closed, one on a cluster runs elsewhere)."""
    return isinstance(unit, list) and unit[0].path == "-"


def process_chunk(chunk: list[Input], options: Options) -> list[Outcome]:
    """Each file of ``chunk``, cleaned whole (:func:`process`); in the main process, none after a
    signal asked the run to stop (:mod:`cleanup.stopping`)."""
    outcomes = []
    for item in chunk:
        stopping.check()
        outcomes.append(process(item, options))
    return outcomes


def run(
    items: Iterable[Input], options: Options, jobs: int = 1, steps: Steps | None = None
) -> Iterator[Outcome]:
    """Process every item, in input order, with ``jobs`` worker processes (1: in this process).

    Items are handed out a few units ahead of the results being read, never all at
    once, so memory does not grow with the number of files. Before the workers are forked, the
    chain is warmed up here (:func:`~cleanup.pipeline.warm_up`): its word lists and automata are
    built once, not once per worker. A file in pieces is put together here, once its pieces are
    cleaned; ``steps`` hears of each piece done.
    """
    steps = steps or Steps()
    if jobs <= 1:
        for unit in units(items, options, _CHUNK):
            if isinstance(unit, Sharded):
                cleaned = []
                for piece in unit.pieces:
                    stopping.check()
                    cleaned.append(shards.clean_piece(piece, options))
                    steps.done()
                yield shards.commit(unit.item, options, cleaned, unit.pieces)
            else:
                yield from process_chunk(unit, options)
        return
    warm_up(options.context)  # once, here: the forked workers share what it builds
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_leave_signals_to_the_main_process)
    try:
        pending: deque[tuple[list[Input] | Sharded, list[AsyncResult]]] = deque()
        for unit in units(items, options, _CHUNK):
            stopping.check()
            if reads_standard_input(unit):
                while pending:  # the outcomes before it first, in input order
                    yield from _collect(*pending.popleft(), options, steps)
                yield from process_chunk(unit, options)
                continue
            if isinstance(unit, Sharded):
                tasks = [pool.apply_async(shards.clean_piece, (piece, options)) for piece in unit.pieces]
            else:
                tasks = [pool.apply_async(process_chunk, (unit, options))]
            pending.append((unit, tasks))
            if len(pending) >= jobs * _AHEAD:
                yield from _collect(*pending.popleft(), options, steps)
        while pending:
            yield from _collect(*pending.popleft(), options, steps)
    except stopping.Stopped:
        stopping.abandon_workers()
        raise
    pool.terminate()


def _leave_signals_to_the_main_process() -> None:
    """A worker ignores Ctrl-C, which the terminal sends to every process of the run: the main
    process stops the run, and ends the workers (SIGTERM, by default, ends one at once)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _collect(
    unit: list[Input] | Sharded, tasks: list[AsyncResult], options: Options, steps: Steps
) -> list[Outcome]:
    if not isinstance(unit, Sharded):
        return _result(tasks[0])
    cleaned = []
    for task in tasks:
        cleaned.append(_result(task))
        steps.done()
    return [shards.commit(unit.item, options, cleaned, unit.pieces)]


def _result(task: AsyncResult) -> Any:
    """What a worker's task gave, waited for a while at a time, to see between two waits whether
    a signal asked the run to stop: a SIGTERM sent to the whole process group has ended the
    workers at once, and their tasks will never give anything."""
    while True:
        stopping.check()
        try:
            return task.get(timeout=_WAIT)
        except multiprocessing.TimeoutError:
            continue
