"""wordfreq's word lists, read band by band, and a compact store for the rare words of its large lists.

wordfreq keeps every list it reads in memory for the life of the process, as a
dict of all its words (about 40 MB for a large list). cleanup needs a few words
of each as a dict and the rest only as a fallback, so it reads the files itself,
one frequency band at a time, in the format wordfreq documents for them
(``wordfreq.read_cBpack``): a header, then one list of words per centibel of
frequency, most frequent first.

>>> zipf, words = next(bands("en", "small"))
>>> round(zipf, 2), "the" in words
(7.73, True)
>>> rare = RareWords.of(bands("es", "large"), below=3.0)
>>> round(rare.zipf("saludaron"), 1), rare.zipf("the"), rare.zipf("qwertzuiop")
(2.9, 0.0, 0.0)
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator

_FORMAT = {"format": "cB", "version": 1}
_TENTHS = 8  # bits of a key that hold the word's Zipf value, in tenths


def bands(language: str, wordlist: str) -> Iterator[tuple[float, list[str]]]:
    """The words of a wordfreq list by frequency band, most frequent first, each band with its
    Zipf value (log10 of the frequency per billion words). msgpack is imported here, on first
    use, so that ``import cleanup`` does not pay for it."""
    import msgpack

    path = _path(language, wordlist)
    with gzip.open(path, "rb") as stream:
        unpacker = msgpack.Unpacker(stream, raw=False)
        count = unpacker.read_array_header()
        header = unpacker.unpack()
        if header != _FORMAT:
            raise ValueError(f"{path}: not a wordfreq cBpack file: {header!r}")
        for centibels in range(count - 1):
            words = unpacker.unpack()
            if words:
                yield 9 - centibels / 100, words


def _path(language: str, wordlist: str) -> str:
    """The file of a wordfreq list: found in wordfreq's data folder without importing wordfreq
    (0.2 s, most of it its language-code library), else as wordfreq finds it."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.submodule_search_locations:
        path = os.path.join(spec.submodule_search_locations[0], "data", f"{wordlist}_{language}.msgpack.gz")
        if os.path.isfile(path):
            return path
    import wordfreq

    return wordfreq.available_languages(wordlist)[language]


def fingerprint(word: str) -> int:
    """52 bits that tell words apart, the same in every run (Python's own hash of a string is
    not: it is seeded per process). With the Zipf value's 8 bits, a key fits in two of
    CPython's 30-bit digits, which keeps sorting two million of them quick."""
    data = word.encode("utf-8")
    return (zlib.crc32(data) << 20) | (zlib.adler32(data) & 0xFFFFF)


class WordSet:
    """A set of many words in eight bytes each: a sorted array of their fingerprints, each once.

    >>> words = WordSet.of(["Länder", "land"])
    >>> "land" in words, "Länder" in words, "lander" in words
    (True, True, False)
    """

    def __init__(self, keys: array) -> None:
        self.keys = keys  # sorted, each once

    @classmethod
    def of(cls, words: Iterable[str]) -> WordSet:
        return cls(array("Q", sorted({fingerprint(word) for word in words})))

    def __contains__(self, word: str) -> bool:
        key = fingerprint(word)
        index = bisect_left(self.keys, key)
        return index < len(self.keys) and self.keys[index] == key


class RareWords:
    """Zipf values of many words in eight bytes each: a sorted array of keys, each a word's
    fingerprint followed by its Zipf value in tenths. A word not stored shares a fingerprint
    with one of a million stored about once in 10⁹ lookups; it reads 0."""

    def __init__(self, keys: array) -> None:
        self.keys = keys  # sorted

    @classmethod
    def of(cls, bands: Iterable[tuple[float, list[str]]], below: float, floor: float = 0.0) -> RareWords:
        """The words of ``bands`` less frequent than Zipf ``below`` and at least as frequent as
        ``floor``."""
        keys: list[int] = []
        for zipf, words in bands:
            if floor <= zipf < below:
                tenths = round(zipf * 10)
                keys.extend((fingerprint(word) << _TENTHS) | tenths for word in words)
        keys.sort()
        return cls(array("Q", keys))

    def zipf(self, word: str) -> float:
        """The word's Zipf value, 0 when it is not stored."""
        key = fingerprint(word)
        index = bisect_left(self.keys, key << _TENTHS)
        if index < len(self.keys) and self.keys[index] >> _TENTHS == key:
            return (self.keys[index] & ((1 << _TENTHS) - 1)) / 10
        return 0.0
