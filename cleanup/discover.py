"""Which files a command works on: the files named, and the matching files under the folders named.

Folders are walked recursively in sorted order. Hidden files and folders are
skipped unless named; symbolic links are followed only when they stay inside
the tree given, and linked folders are never entered (no cycles, no escapes).

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("b.txt", "a.md", "c.csv", ".hidden.txt", "sub/d.txt", "z.txt"):
...     (root / name).parent.mkdir(exist_ok=True)
...     _ = (root / name).write_text("x")
>>> [str(item.relative) for item in discover([str(root)])]
['a.md', 'b.txt', 'sub/d.txt', 'z.txt']
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cleanup.io import os_reason

DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.markdown",
    "*.html",
    "*.htm",
    "*.jsonl",
    "*.ndjson",
    "*.json",
    "*.po",
    "*.pot",
    "*.xlf",
    "*.xliff",
    "*.parquet",
    "*.parq",
)


@dataclass(frozen=True, slots=True)
class Input:
    """One file to work on: where it is, how to show it, and its place in the tree it came from.

    ``error`` says why a folder of the tree could not be listed; such an input is reported, not read.
    """

    path: str
    relative: PurePosixPath
    from_folder: bool
    error: str | None = None


def _matches(relative: PurePosixPath, patterns: Iterable[str]) -> bool:
    text = relative.as_posix()
    return any(fnmatch.fnmatchcase(relative.name, p) or fnmatch.fnmatchcase(text, p) for p in patterns)


def _inside(path: str, root: str) -> bool:
    """Whether ``path`` resolves inside ``root`` (resolved); a link loop resolves nowhere."""
    try:
        return os.path.commonpath([os.path.realpath(path), root]) == root
    except (ValueError, OSError):
        return False


def _is_file(entry: os.DirEntry[str], root: str) -> bool:
    """A regular file, or a link to one that stays inside the tree; never a link loop."""
    try:
        return entry.is_file() and (not entry.is_symlink() or _inside(entry.path, root))
    except OSError:
        return False


def _listing(top: str, folder: PurePosixPath) -> Iterator[os.DirEntry[str]] | Input:
    """The entries of a folder of the tree, sorted by name, or an input that says why not."""
    shown = os.path.join(top, *folder.parts)
    try:
        with os.scandir(shown) as entries:
            return iter(sorted(entries, key=lambda entry: entry.name))
    except OSError as err:
        return Input(shown, folder, from_folder=True, error=os_reason(err))


# The file patterns of a folder, where a configuration file may set them: its include and exclude
# globs, and the folder relative paths match them from (that of the configuration; ``None``: the
# top of the walk).
PatternsFor = Callable[[str], tuple[tuple[str, ...], tuple[str, ...], str | None]]


def _walk(
    top: str, include: tuple[str, ...], exclude: tuple[str, ...], patterns_for: PatternsFor | None = None
) -> Iterator[Input]:
    """The matching files under ``top``, in the order of a sorted recursive listing, and an input
    with the error for each folder that cannot be listed. Linked folders are not entered. With
    ``patterns_for``, each folder's own patterns choose its entries."""
    root = os.path.realpath(top)
    # The folders being listed, innermost last: a stack rather than recursion, for trees of any depth.
    stack: list[tuple[PurePosixPath, Iterator[os.DirEntry[str]]]] = []
    listing = _listing(top, PurePosixPath())
    if isinstance(listing, Input):
        yield listing
        return
    stack.append((PurePosixPath(), listing))
    patterns: dict[PurePosixPath, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {}
    while stack:
        folder, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        relative = folder / entry.name
        if patterns_for is not None:
            if folder not in patterns:
                patterns[folder] = patterns_for(os.path.join(top, *folder.parts))
            include, exclude, base = patterns[folder]
            matched = (
                relative
                if base is None
                else PurePosixPath(Path(os.path.relpath(entry.path, base)).as_posix())
            )
        else:
            matched = relative
        if entry.name.startswith(".") or _matches(matched, exclude):
            continue
        if _is_folder(entry):
            listing = _listing(top, relative)
            if isinstance(listing, Input):
                yield listing
            else:
                stack.append((relative, listing))
        elif _matches(matched, include) and _is_file(entry, root):
            yield Input(os.path.join(top, *relative.parts), relative, from_folder=True)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A folder of the tree itself, not a link to one."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def discover(
    arguments: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    patterns_for: PatternsFor | None = None,
) -> Iterator[Input]:
    """Every file to work on, in a stable order: arguments as given, folders walked sorted.

    A named file is taken whatever its name; a missing path is yielded too, so that
    reading it reports the error. ``patterns_for`` gives each folder's own patterns (from its
    configuration file), in place of ``include`` and ``exclude``.
    """
    include, exclude = tuple(include), tuple(exclude)
    for argument in arguments:
        if argument != "-" and os.path.isdir(argument):
            yield from _walk(argument, include, exclude, patterns_for)
        else:
            yield Input(argument, PurePosixPath(Path(argument).name), from_folder=False)
