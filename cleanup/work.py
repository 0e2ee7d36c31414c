"""What a batch works with: the mode of a run, the options every worker gets, and what happened to
each file.

>>> Outcome("a.txt", Status.UNCHANGED).error is None
True
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from cleanup.formats import Reading
from cleanup.model import Finding
from cleanup.passes import Context
from cleanup.result import Result

BLOCK_BYTES = 2 * 1024 * 1024  # a worker with every rule on stays under 150 MB (bench/README.md)


class Mode(enum.StrEnum):
    """What to do with each cleaned file."""

    PRINT = "print"
    OUT = "out"
    IN_PLACE = "in-place"
    DIFF = "diff"
    WORD_DIFF = "word-diff"
    CHECK = "check"


class Status(enum.StrEnum):
    """How a file came through."""

    CHANGED = "changed"
    UNCHANGED = "unchanged"
    FAILED = "failed"


class FileSettings(NamedTuple):
    """The settings one file is cleaned with, and those a decisions file records for it (``None``:
    the run's own)."""

    context: Context
    unsafe: bool
    reading: Reading
    recorded: Any


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a worker needs to know, and nothing it must share."""

    mode: Mode
    context: Context
    unsafe: bool = False
    out: str | None = None
    backup: str | None = None
    keep_encoding: bool = False
    color: bool = False  # a word diff in colour, for a terminal
    keep_results: bool = False  # outcomes carry the result and the original's hash (HTML report)
    # How files are read: their format, the fields of data to clean.
    reading: Reading = field(default_factory=Reading)
    # The settings of each file, where a configuration file may set them (cleanup.options.Resolver):
    # a path's context, recorded settings, unsafe and reading, in place of those above.
    settings_for: Callable[[str], Any] | None = None

    def own(self, path: str) -> FileSettings:
        """The settings the file at ``path`` is cleaned with: its own where a configuration gives
        them (``settings_for``), else the run's.

        >>> from cleanup.rules import select_rules
        >>> Options(Mode.CHECK, Context(select_rules())).own("a.txt").recorded is None
        True
        """
        if self.settings_for is None:
            return FileSettings(self.context, self.unsafe, self.reading, None)
        own = self.settings_for(path)
        return FileSettings(own.context, own.unsafe, own.reading, own.recorded)

    # A JSON Lines file longer than this is read, cleaned and written in blocks of lines about this
    # long, each on its own (cleanup.shards), where the mode allows: checked, or copied to --out.
    block_bytes: int = BLOCK_BYTES


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one file. ``output`` holds the bytes to print (fixed text or diff)."""

    path: str
    status: Status
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    output: bytes = b""
    size: int = 0
    result: Result | None = None
    sha256: str = ""
    settings: Any = None  # the settings a decisions file records for it, where they are the file's own
    pieces: int = 0  # the pieces it was cleaned in (cleanup.shards), when it was


def unexpected(err: Exception) -> str:
    """The reason an error line gives for what stopped one file's cleaning that is not about the
    file (a fault of cleanup's): that file is left as it is, and the batch goes on.

    >>> unexpected(MemoryError())
    'not enough memory to clean it; left as it is'
    >>> unexpected(KeyError("x"))
    "internal error (KeyError: 'x'); left as it is, please report it"
    """
    if isinstance(err, MemoryError):
        return "not enough memory to clean it; left as it is"
    return f"internal error ({type(err).__name__}: {err}); left as it is, please report it"
