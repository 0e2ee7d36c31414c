"""Small text helpers shared by the passes.

>>> text = "at 10 a.m. on Monday"
>>> word_before(text, text.index(". on"))
'a.m'
>>> is_abbreviation("a.m")
True
>>> utf8("café")
b'caf\\xc3\\xa9'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import regex

from cleanup.lang.en import ABBREVIATIONS

_WORD_BEFORE = regex.compile(r"(?r)[\p{L}.]{0,40}")
# What may stand between a sentence's end and its first word, and what ends a sentence (or a line).
SENTENCE_OPENERS = frozenset(" \t\u00a0\u202f\"'“‘«‹([{*•·–—-")
SENTENCE_ENDS = frozenset(".!?…:;\n\r\u2028\u2029")
_SPACE_BEFORE = regex.compile(r"(?r)[ \t]*")
_WHITESPACE = regex.compile(r"\s*")


def starts_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence (or a line), where a capital is no evidence.

    >>> starts_sentence("It fell. «Then it rose", 10), starts_sentence("It fell then", 8)
    (True, False)
    """
    i = index - 1
    while i >= 0 and text[i] in SENTENCE_OPENERS:
        i -= 1
    return i < 0 or text[i] in SENTENCE_ENDS


def word_before(text: str, index: int) -> str:
    """The run of letters and inner full stops that ends just before ``index``."""
    match = _WORD_BEFORE.search(text, 0, index)
    return match.group().lstrip(".") if match else ""


def is_abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` belongs to an abbreviation or an initial."""
    if not word:
        return False
    return len(word) == 1 or "." in word or word.lower() in ABBREVIATIONS


def next_visible(text: str, index: int) -> tuple[int, bool]:
    """Index of the first non-space character from ``index`` and whether a line break came first.

    Returns ``len(text)`` when only whitespace follows.
    """
    match = _WHITESPACE.match(text, index)
    gap = match.group()
    return match.end(), "\n" in gap or "\r" in gap


def horizontal_space_before(text: str, index: int) -> int:
    """Start of the run of spaces and tabs that ends at ``index``."""
    return _SPACE_BEFORE.search(text, 0, index).start()


@lru_cache(maxsize=4)
def utf8(text: str) -> bytes:
    """``text`` in UTF-8 (lone surrogates kept), encoded once for the passes that take a first
    look at its bytes: each pass of the chain asks for the same text in turn."""
    return text.encode("utf-8", "surrogatepass")


class CharacterPositions:
    """Byte offsets in a text's UTF-8 turned into character offsets, asked in increasing order:
    each stretch between two offsets is decoded once, so that all of them cost the text's length.

    >>> positions = CharacterPositions("café au lait", utf8("café au lait"))
    >>> positions.of(6), positions.of(9)
    (5, 8)
    """

    def __init__(self, text: str, data: bytes) -> None:
        self._same = len(text) == len(data)  # ASCII: a byte is a character
        self._data = data
        self._byte = self._character = 0

    def of(self, byte: int) -> int:
        """The character offset of ``byte``, which is no smaller than the last one asked."""
        if self._same:
            return byte
        self._character += len(self._data[self._byte : byte].decode("utf-8", "surrogatepass"))
        self._byte = byte
        return self._character


_STEP = 4096  # bytes between two checkpoints of a text's character offsets


class CheckpointedPositions:
    """Byte offsets in a text's UTF-8 turned into character offsets in any order: the character
    offset of every ``_STEP``-th byte is counted once, and each offset asked decodes at most
    ``_STEP`` bytes from the checkpoint before it, or from the offset asked last when that is
    nearer (places asked in increasing order, as a first look finds them, decode the text once).
    Shared by the first looks of a text (:func:`positions_of`), which ask for their places each
    from the start.

    >>> positions = positions_of("café au lait " * 1000)
    >>> positions.of(7006), positions.of(6)
    (6505, 5)
    """

    def __init__(self, text: str, data: bytes) -> None:
        self._same = len(text) == len(data)
        self._data = data
        self._checkpoints: list[tuple[int, int]] = []  # (byte at a character's start, its offset)
        self._last = (0, 0)  # the byte asked last and its offset: one tuple, set at once
        if self._same:
            return
        byte = character = 0
        for step in range(0, len(data), _STEP):
            while step < len(data) and step > byte and 0x80 <= data[step] < 0xC0:
                step -= 1  # back to the first byte of the character
            character += len(data[byte:step].decode("utf-8", "surrogatepass"))
            byte = step
            self._checkpoints.append((byte, character))

    def of(self, byte: int) -> int:
        """The character offset of ``byte``, the first byte of a character."""
        if self._same:
            return byte
        start, character = self._checkpoints[min(byte // _STEP, len(self._checkpoints) - 1)]
        last = self._last
        if start <= last[0] <= byte:
            start, character = last
        character += len(self._data[start:byte].decode("utf-8", "surrogatepass"))
        self._last = (byte, character)
        return character


@lru_cache(maxsize=4)
def positions_of(text: str) -> CheckpointedPositions:
    """The character offsets of ``text``'s UTF-8 bytes, counted once for the passes that ask."""
    return CheckpointedPositions(text, utf8(text))


def found_in_shape(text: str, shape: bytes, needle: bytes | re.Pattern[bytes]) -> Iterator[int]:
    """Where ``needle`` (a literal, or a pattern) stands in ``shape`` (a translation of ``text``'s
    UTF-8, byte for byte), as character offsets in ``text``, in increasing order: a first look at
    C speed that leads a pass to the few places worth a closer look, however long the text. A
    pattern gives one place per match, so a run (``rb" {2,}"``) is one place, not one per byte.

    >>> text = "a ,b (c) d ,"
    >>> list(found_in_shape(text, utf8(text).translate(bytes.maketrans(b",", b"\\x01")), b" \\x01"))
    [1, 10]
    >>> list(found_in_shape("a   b  c", utf8("a   b  c"), re.compile(b" {2,}")))
    [1, 5]
    """
    positions = positions_of(text)
    if isinstance(needle, re.Pattern):
        for match in needle.finditer(shape):
            yield positions.of(match.start())
        return
    at = shape.find(needle)
    while at >= 0:
        yield positions.of(at)
        at = shape.find(needle, at + 1)
