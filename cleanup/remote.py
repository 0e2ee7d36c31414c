"""Copies written to a store that fsspec reaches: ``--out s3://bucket/cleaned/`` (or ``gs://``,
``abfs://``, ``memory://`` …, each with its fsspec package installed).

A copy goes to ``OUT/RELATIVE`` as the local ones do, and appears whole or not at all: it is
written with the store's own commit (``autocommit=False``: an object store uploads it as one object
when it is committed) and discarded on failure. A ``file://`` address is a local folder
(:func:`local_path`), written by :mod:`cleanup.outputs`, atomically and without following links.
Any error of a store is an :class:`OSError`, which the batch reports for the file.

>>> is_remote("s3://bucket/cleaned"), is_remote("cleaned/"), is_remote("file:///tmp/cleaned")
(True, False, False)
>>> local_path("file:///tmp/cleaned")
'/tmp/cleaned'
>>> write_copy("memory://desk/out", PurePosixPath("a/b.txt"), b"text")
>>> import fsspec; fsspec.filesystem("memory").cat_file("/desk/out/a/b.txt")
b'text'
"""

from __future__ import annotations

import contextlib
import errno
import functools
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from cleanup import tempfiles

_SCHEME = "://"


def is_remote(out: str) -> bool:
    """Whether ``out`` is the address of a store, not a local folder."""
    return _SCHEME in out and not out.startswith("file" + _SCHEME)


def local_path(out: str) -> str:
    """``out`` as a local path: a ``file://`` address is its path."""
    return out[len("file" + _SCHEME) :] if out.startswith("file" + _SCHEME) else out


def check(out: str) -> None:
    """:class:`OSError` with the reason when the store at ``out`` cannot be used: fsspec or the
    store's package is missing, or the address names no store fsspec knows."""
    _store(out)


@functools.cache
def _store(out: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError:
        raise OSError(
            errno.ENOSYS, "writing to an address needs fsspec: pip install 'cleanup[dask]'"
        ) from None
    try:
        fs, root = fsspec.core.url_to_fs(out)
    except (ImportError, ValueError) as err:
        raise OSError(errno.ENOSYS, f"cannot write to {out}: {err}") from None
    return fs, root.rstrip("/")


def _path(out: str, relative: PurePosixPath, name: str | None = None) -> tuple[Any, str]:
    fs, root = _store(out)
    parts = relative.parts if name is None else (*relative.parts[:-1], name)
    return fs, "/".join((root, *parts))


@contextlib.contextmanager
def _store_errors() -> Iterator[None]:
    """A store's own errors (a client library's) as :class:`OSError`."""
    try:
        yield
    except OSError:
        raise
    except Exception as err:
        raise OSError(errno.EIO, f"{type(err).__name__}: {err}") from None


def write_copy(out: str, relative: PurePosixPath, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``data`` (bytes, or what it writes to the file it is given) as ``out/relative``,
    committed only once complete."""
    with _store_errors():
        fs, path = _path(out, relative)
        fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        handle = fs.open(path, "wb", autocommit=False)
        try:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.close()
            handle.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                handle.discard()
            raise


def write_part(out: str, relative: PurePosixPath, data: bytes, owner: tuple[str, int]) -> str:
    """Write a part of ``out/relative`` under a new temporary name of ``owner``; return the name."""
    name = tempfiles.temporary_name(relative.name, owner)
    with _store_errors():
        fs, path = _path(out, relative, name)
        fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        fs.pipe_file(path, data)
    return name


@contextlib.contextmanager
def open_part(out: str, relative: PurePosixPath, name: str) -> Iterator[BinaryIO]:
    """The part ``name`` of ``out/relative``, open to read."""
    with _store_errors():
        fs, path = _path(out, relative, name)
        handle = fs.open(path, "rb")
    with handle:
        yield handle


def remove_parts(out: str, relative: PurePosixPath, names: Iterable[str]) -> None:
    """Remove the parts ``names`` of ``out/relative``; one already gone is no error."""
    for name in names:
        with contextlib.suppress(Exception):
            fs, path = _path(out, relative, name)
            fs.rm_file(path)
