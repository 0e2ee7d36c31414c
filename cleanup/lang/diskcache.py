"""Word lists that cleanup derives from wordfreq, Babel and Wiktionary, kept on disk between runs.

Deriving them costs about two seconds a process (scoring some 200,000 words of six languages,
fingerprinting Wiktionary's German nouns): a run on one article would spend most of its time
there. Each list is written once to a folder of the user's cache (``platformdirs``:
``~/.cache/cleanup`` on Linux), inside a folder named after a fingerprint of everything that made
it (cleanup's own code, and the versions of Python and of the libraries the data comes from), and
later runs read it in a few milliseconds.

The cache is only a shortcut. A file that is missing, unreadable or damaged (each starts with the
SHA-256 of what follows, so that a file cut short or changed is not read; what it holds is then
what cleanup wrote, and is not checked word by word) is built again and rewritten, atomically; a
folder that cannot be written is no error. Files hold msgpack or raw arrays, never pickles
(:mod:`cleanup.lang.cachefiles`): reading one runs no code. The environment variable
``CLEANUP_CACHE_DIR`` names another folder, or, set empty, turns the cache off.

>>> import os, tempfile
>>> before = os.environ.get(ENVIRONMENT)
>>> os.environ[ENVIRONMENT] = tempfile.mkdtemp()
>>> sorted(word_set("doctest-words", lambda: ["b", "a"]))
['a', 'b']
>>> sorted(word_set("doctest-words", lambda: ["never built"]))  # read from the disk
['a', 'b']
>>> if before is None:
...     del os.environ[ENVIRONMENT]
... else:
...     os.environ[ENVIRONMENT] = before
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENVIRONMENT = "CLEANUP_CACHE_DIR"
# The libraries whose data the lists are made of; a new version of one makes a new folder.
_SOURCES = ("wordfreq", "babel", "german-nouns", "faker", "msgpack")
_DIGEST = 32  # bytes of the SHA-256 that opens each file
_FOLDER_NAME = 16  # hex digits of the fingerprint that names the folder
_MODULE_ROOT = Path(__file__).resolve().parent.parent  # the cleanup package


def word_set(name: str, build: Callable[[], Iterable[str]]) -> frozenset[str]:
    """The words ``build`` makes, from the cache when it holds them."""
    return _cached(name, lambda: frozenset(build()), "set")


def word_block(name: str, build: Callable[[], list[bytes]]) -> list[bytes]:
    """The words ``build`` makes, each as its UTF-8, in its order, from the cache when it holds
    them: the shape an automaton reads them in."""
    return _cached(name, build, "block")


def word_index(name: str, build: Callable[[], dict[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """The map of words to words ``build`` makes, in the order of its keys (as the cache keeps it),
    from the cache when it holds it."""
    return _cached(name, lambda: dict(sorted(build().items())), "index")


def word_values(name: str, build: Callable[[], dict[str, float]]) -> dict[str, float]:
    """The map of words to numbers (Zipf values) ``build`` makes, from the cache when it holds it."""
    return _cached(name, build, "values")


def keys(name: str, build: Callable[[], array]) -> array:
    """The array of 64-bit keys (fingerprints) ``build`` makes, from the cache when it holds it."""
    return _cached(name, build, "keys")


def folder() -> Path | None:
    """The folder of this version's files (not created), or ``None`` when the cache is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen == "":
        return None
    if chosen is None:
        import platformdirs

        chosen = platformdirs.user_cache_dir("cleanup", appauthor=False)
    return Path(chosen) / _fingerprint()


def _cached(name: str, build: Callable[[], T], kind: str) -> T:
    """What ``build`` makes, kept in the file ``name`` in the format of ``kind``."""
    where = folder()
    if where is None:
        return build()
    from cleanup.lang import cachefiles  # msgpack is imported on first use, not at start-up

    encode, decode = cachefiles.FORMATS[kind]
    path = where / f"{name}.cache"
    with contextlib.suppress(OSError, *cachefiles.DAMAGED):
        data = path.read_bytes()
        if len(data) >= _DIGEST and hashlib.sha256(data[_DIGEST:]).digest() == data[:_DIGEST]:
            return decode(data[_DIGEST:])
    value = build()
    _store(where, path.name, encode(value))
    return value


def _store(where: Path, name: str, payload: bytes) -> None:
    """Write one file atomically; a folder that cannot be made or written is left as it is."""
    from cleanup.io import replace_in  # only when a list is written

    data = hashlib.sha256(payload).digest() + payload
    with contextlib.suppress(OSError):
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = os.open(where, os.O_RDONLY | os.O_DIRECTORY)
        try:
            replace_in(handle, name, data, durable=False)
        finally:
            os.close(handle)


def _fingerprint() -> str:
    """Hex digits standing for cleanup's code, Python's version and byte order, and the versions
    of the libraries the lists come from."""
    return _fingerprint_of(_MODULE_ROOT)


_remembered: dict[Path, str] = {}


def _fingerprint_of(root: Path) -> str:
    import importlib.metadata  # not at start-up: it imports much of the standard library

    if root not in _remembered:
        digest = hashlib.sha256(f"{sys.version_info[:2]} {sys.byteorder}".encode())
        for library in _SOURCES:
            with contextlib.suppress(importlib.metadata.PackageNotFoundError):
                digest.update(f"{library} {importlib.metadata.version(library)}".encode())
        for source in sorted(root.rglob("*.py")):
            digest.update(source.relative_to(root).as_posix().encode())
            digest.update(source.read_bytes())
        _remembered[root] = digest.hexdigest()[:_FOLDER_NAME]
    return _remembered[root]
