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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DEFAULT_INCLUDE = ("*.txt", "*.md")


@dataclass(frozen=True, slots=True)
class Input:
    """One file to work on: where it is, how to show it, and its place in the tree it came from."""

    path: str
    relative: PurePosixPath
    from_folder: bool


def _matches(relative: PurePosixPath, patterns: Iterable[str]) -> bool:
    text = relative.as_posix()
    return any(fnmatch.fnmatchcase(relative.name, p) or fnmatch.fnmatchcase(text, p) for p in patterns)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError):
        return False
    return True


def _walk(
    root: Path, folder: PurePosixPath, shown: str, include: tuple[str, ...], exclude: tuple[str, ...]
) -> Iterator[Input]:
    """The matching files under ``root / folder``, in the order of a sorted recursive listing."""
    try:
        entries = sorted(os.scandir(root / folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        relative = folder / entry.name
        if entry.name.startswith(".") or _matches(relative, exclude):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(root, relative, shown, include, exclude)
        elif (
            entry.is_file()
            and _matches(relative, include)
            and (not entry.is_symlink() or _inside(Path(entry.path), root.resolve()))
        ):
            yield Input(os.path.join(shown, *relative.parts), relative, from_folder=True)


def discover(
    arguments: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
) -> Iterator[Input]:
    """Every file to work on, in a stable order: arguments as given, folders walked sorted.

    A named file is taken whatever its name; a missing path is yielded too, so that
    reading it reports the error.
    """
    include, exclude = tuple(include), tuple(exclude)
    for argument in arguments:
        if argument != "-" and Path(argument).is_dir():
            yield from _walk(Path(argument), PurePosixPath(), argument, include, exclude)
        else:
            yield Input(argument, PurePosixPath(Path(argument).name), from_folder=False)
