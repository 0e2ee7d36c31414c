"""The formats of the disk cache's files (:mod:`cleanup.lang.diskcache`): msgpack and raw arrays,
which reading cannot make run code, as a pickle could.

>>> encode, decode = FORMATS["values"]
>>> decode(encode({"the": 7.73, "saludaron": 2.9}))
{'the': 7.73, 'saludaron': 2.9}
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterable
from typing import Any

import msgpack

# What reading a damaged or foreign file may raise, besides OSError.
DAMAGED = (ValueError, TypeError, msgpack.UnpackException)


def _pack_words(words: Iterable[str]) -> bytes:
    return msgpack.packb(sorted(words), use_bin_type=True)


def _unpack_words(data: bytes) -> list[str]:
    """The words, interned: the same word read from two lists (a source language's news vocabulary
    and the words that stand alone) is then one string in memory, as it is when the lists are built."""
    words = msgpack.unpackb(data, raw=False)
    if not isinstance(words, list):
        raise ValueError("not a list of words")
    return list(map(sys.intern, words))


def _pack_block(words: list[bytes]) -> bytes:
    """The words one a line: none holds a line break, and none is empty."""
    return b"\n".join(words)


def _unpack_block(data: bytes) -> list[bytes]:
    return data.split(b"\n") if data else []


def _pack_index(index: dict[str, tuple[str, ...]]) -> bytes:
    return msgpack.packb({key: list(values) for key, values in index.items()}, use_bin_type=True)


def _unpack_index(data: bytes) -> dict[str, tuple[str, ...]]:
    index = msgpack.unpackb(data, raw=False)
    if not isinstance(index, dict):
        raise ValueError("not a map of words")
    return {key: tuple(values) for key, values in index.items()}


def _pack_values(values: dict[str, float]) -> bytes:
    """The words as a list, their numbers as one array of doubles: read back far quicker than a map."""
    return msgpack.packb([list(values), array("d", values.values()).tobytes()], use_bin_type=True)


def _unpack_values(data: bytes) -> dict[str, float]:
    words, packed = msgpack.unpackb(data, raw=False)
    numbers = array("d")
    numbers.frombytes(packed)
    if len(numbers) != len(words):
        raise ValueError("not a map of words to numbers")
    return dict(zip(words, numbers, strict=True))


def _unpack_keys(data: bytes) -> array:
    if len(data) % 8:
        raise ValueError("not an array of 64-bit keys")
    keys = array("Q")
    keys.frombytes(data)
    return keys


# Each kind of list: how it is written, and how it is read back.
FORMATS: dict[str, tuple[Callable[[Any], bytes], Callable[[bytes], Any]]] = {
    "set": (_pack_words, lambda data: frozenset(_unpack_words(data))),
    "block": (_pack_block, _unpack_block),
    "index": (_pack_index, _unpack_index),
    "values": (_pack_values, _unpack_values),
    "keys": (lambda keys: keys.tobytes(), _unpack_keys),
}
