"""One look at the words of a text for every rule that reads words from a list.

The leftovers look for some 150,000 words of the source languages, ``lowercase-name`` for the
names English capitalises. Each list is registered here (:func:`register`) with the rules that
read it; one Aho-Corasick automaton (``ahocorasick-rs``) holds the lists of the rules in force and
finds all their words in one pass over the text's bytes, with no work in Python for each word of
the text. The text's punctuation and white space are read as spaces, in one translation of its
bytes, so that a word of a list is found as itself after a space: a *whole* word between two
spaces, or the *start* of a word, whose end the rule reading it checks ("london" in "londoner").

The reading of a text (:class:`Reading`) is kept for the next pass that asks: the passes of a
round read the same text in turn. When a pass changes the text, the chain carries the reading
over its edits (:func:`carry`): the places away from the edits are moved, and only the text
around them is read again, which gives what a new reading would.

>>> look = WordLook((WordList("demo", frozenset({"rule"}), lambda target: ["de", "la", "lond"]),), "en")
>>> reading = look.read("«de» la\\tfin; Lond, londres, dela")
>>> reading.words("demo")
['de', 'la']
>>> look = WordLook((WordList("starts", frozenset({"rule"}), lambda target: ["lond"], whole=False),), "en")
>>> look.read("«de» la\\tfin; Lond, londres, lond-on").places("starts")
[('lond', 19, 23), ('lond', 28, 32)]
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from ahocorasick_rs import BytesAhoCorasick

from cleanup.lang import diskcache
from cleanup.offsets import EditMap, merged
from cleanup.passes.tokens import CharacterPositions, positions_of, utf8

# What separates words, byte by byte: white space, ASCII punctuation, and the three bytes of
# typographic quotes, dashes and the ellipsis in UTF-8 (E2 80, then 93 94 98 99 9C 9D 9E A6). Those
# last bytes also end a few letters (À Ó Ü Ø æ œ ř …), which the look then reads as two pieces: a
# word holding one is found only in a sentence another word opens.
_SEPARATORS = b"\t\n\x0b\x0c\r.,;:!?\"'()[]/-" + bytes(
    [0xE2, 0x80, 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0x9E, 0xA6]
)
_AS_SPACES = bytes.maketrans(_SEPARATORS, b" " * len(_SEPARATORS))
# Guillemets and the no-break space: their last bytes end ë, û and à, so they are replaced whole,
# each by two spaces (a byte stays a byte: the places found are offsets in the text's UTF-8).
_TWO_BYTE_SPACES = re.compile(b"\xc2[\xa0\xab\xbb]")
# A byte of a separator but the line break, which stands between the words of a list read whole.
_SEPARATOR_IN_WORD = re.compile(b"[" + re.escape(_SEPARATORS.replace(b"\n", b"")) + b"]")


def separated(data: bytes) -> bytes:
    """``data``, a text's UTF-8, with every separator a space, byte for byte.

    >>> separated("«l’Iran», 2\\u00a0km".encode())
    b'  l   Iran    2  km'
    """
    data = data.translate(_AS_SPACES)
    return _TWO_BYTE_SPACES.sub(b"  ", data) if b"\xc2" in data else data  # one byte: found at once


def fitting(words: Sequence[str]) -> list[bytes]:
    """The UTF-8 of those of ``words`` the look can find: no byte of one reads as a separator.
    Read as one block of bytes, at C speed: a list holds some 130,000 words.

    >>> fitting(["german", "k’iche’", "été"])
    [b'german', b'\\xc3\\xa9t\\xc3\\xa9']
    """
    block = "\n".join(words).encode("utf-8")
    if block.count(b"\n") != max(0, len(words) - 1):  # a word holding a line break: none fits
        block = "\n".join(word for word in words if "\n" not in word).encode("utf-8")
    unfit = set()
    for separator in _SEPARATOR_IN_WORD.finditer(block):  # the words holding one, a few
        at = separator.start()
        end = block.find(b"\n", at)
        unfit.add(block[block.rfind(b"\n", 0, at) + 1 : len(block) if end < 0 else end])
    kept = block.split(b"\n")
    return [word for word in kept if word and word not in unfit] if unfit or b"" in kept else kept


@dataclass(frozen=True)
class WordList:
    """A list of words some rules read: its name, those rules (the list is searched when one of
    them is in force), its words for a copy's language (sorted, each once; one the look cannot find
    is left out, see :func:`fitting`), and whether a word counts only whole (else at the start of a
    longer word too)."""

    name: str
    rules: frozenset[str]
    words: Callable[[str], Sequence[str]]
    whole: bool = True


# A place: the list's name, the word, its start and end in characters.
_Place = tuple[str, str, int, int]


class Reading:
    """Where the words of a look's lists stand in one text, in text order."""

    def __init__(self, places: list[_Place]) -> None:
        self._places = places

    def __bool__(self) -> bool:
        """Whether the text holds a word of any list."""
        return bool(self._places)

    def words(self, name: str) -> list[str]:
        """The words of list ``name`` the text holds, sorted, each once."""
        return sorted({word for listed, word, _, _ in self._places if listed == name})

    def places(self, name: str) -> list[tuple[str, int, int]]:
        """Each place of a word of list ``name``: the word, its start and end, in text order."""
        return [(word, start, end) for listed, word, start, end in self._places if listed == name]


class _Packed:
    """Words kept as one block of UTF-8 and the offset of each.

    >>> packed = _Packed([b"de", "été".encode()])
    >>> packed[1], packed[0]
    ('été', 'de')
    """

    def __init__(self, words: list[bytes]) -> None:
        self._offsets = array("I", [0, *accumulate(map(len, words))])
        self._block = b"".join(words)

    def __getitem__(self, index: int) -> str:
        return self._block[self._offsets[index] : self._offsets[index + 1]].decode("utf-8")


class WordLook:
    """The automaton of some word lists for copy in one language, and the reading of the text it
    read last."""

    def __init__(self, lists: tuple[WordList, ...], target: str) -> None:
        self.lists = lists
        patterns: list[bytes] = []
        words: list[bytes] = []
        self._names: list[str] = []  # per list, its name
        self._firsts: list[int] = []  # per list, the index of the pattern of its first word
        for word_list in lists:
            self._names.append(word_list.name)
            self._firsts.append(len(patterns))
            listed = _fitted(word_list, target)
            after = b" " if word_list.whole else b""
            # " word " (or " word") for each word, made in one join and one split
            patterns += (b" " + (after + b"\n ").join(listed) + after).split(b"\n") if listed else []
            words += listed
        self._automaton = BytesAhoCorasick(patterns) if patterns else None
        # The words kept as one block of UTF-8, each pattern's word found by offsets: 150,000 str
        # objects would take eight times the memory.
        self._words = _Packed(words)
        # Characters on either side of an edit read again: the longest word and its two spaces.
        self._margin = max(map(len, patterns), default=0) + 1
        self._last: tuple[str, Reading] | None = None  # one tuple, set at once

    def read(self, text: str) -> Reading:
        """Where the listed words stand in ``text``."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        reading = Reading(self._search(text, 0, len(text)))
        self._last = (text, reading)
        return reading

    def carry(self, old: str, new: str, edits: EditMap) -> None:
        """Make the reading of ``old``, if kept, that of ``new``, which ``edits`` made of it: a
        place that does not touch an edit (with the character before and after it) is moved,
        and the text around the edits is read again for the places that do."""
        last = self._last
        if last is None or last[0] is not old:
            return
        touched_old = edits.old_spans()
        touched_new = edits.new_spans()
        kept = [
            (name, word, edits.to_new(start, end=False), edits.to_new(end, end=True))
            for name, word, start, end in last[1]._places
            if not _touches(touched_old, start, end)
        ]
        margin = self._margin
        windows = merged((max(0, start - margin), min(len(new), end + margin)) for start, end in touched_new)
        found = [
            place
            for start, end in windows
            for place in self._search(new, start, end)
            if _touches(touched_new, place[2], place[3])
        ]
        self._last = (new, Reading(sorted(kept + found, key=itemgetter(2))))

    def _search(self, text: str, start: int, end: int) -> list[_Place]:
        """The places of ``text[start:end]``, read as a space where it ends inside the text, in
        text order."""
        if self._automaton is None or start >= end:
            return []
        whole = start == 0 and end == len(text)
        piece = text if whole else text[start:end]
        data = utf8(piece)
        matches = self._automaton.find_matches_as_indexes(b" " + separated(data) + b" ", overlapping=True)
        if not matches:
            return []
        positions = positions_of(text) if whole else CharacterPositions(piece, data)
        places = []
        for index, at, after in sorted(matches, key=itemgetter(1)):
            if (at == 0 and start > 0) or (after == len(data) + 2 and end < len(text)):
                continue  # the space read before or after a window is no separator of the text
            name = self._names[bisect_right(self._firsts, index) - 1]
            word = self._words[index]
            first = start + positions.of(at)
            places.append((name, word, first, first + len(word)))
        return places


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether an edit of ``spans`` (sorted, none overlapping another) meets ``start - 1`` to
    ``end``, both included: the word, the separator before it and the one after.

    >>> _touches([(2, 3), (9, 9)], 5, 8), _touches([(2, 3), (9, 9)], 4, 8), _touches([(9, 9)], 5, 9)
    (False, True, True)
    """
    index = bisect_left(spans, start - 1, key=itemgetter(1))
    return index < len(spans) and spans[index][0] <= end


_LISTS: list[WordList] = []
_BUILT: dict[tuple[str, tuple[WordList, ...]], WordLook] = {}
_FOR_RULES: dict[tuple[str, frozenset[str]], WordLook] = {}  # the look of each selection asked for
_REMEMBERED = 256


def register(word_list: WordList) -> WordList:
    """Add ``word_list`` to the lists the look holds for the rules in force."""
    _LISTS.append(word_list)
    return word_list


def _fitted(word_list: WordList, target: str) -> list[bytes]:
    """The words of ``word_list`` the look can find, in UTF-8 (:func:`fitting`); those of a
    registered list, cleanup's own, kept in the disk cache, whose names they are kept under."""
    if word_list not in _LISTS:
        return fitting(word_list.words(target))
    return diskcache.word_block(f"look-{word_list.name}-{target}", lambda: fitting(word_list.words(target)))


def look_for(target: str, enabled: frozenset[str]) -> WordLook:
    """The look of the lists the rules ``enabled`` read, in copy of ``target``; built once."""
    look = _FOR_RULES.get((target, enabled))
    if look is None:
        lists = tuple(word_list for word_list in _LISTS if not word_list.rules.isdisjoint(enabled))
        look = _BUILT.get((target, lists))
        if look is None:
            look = _BUILT[(target, lists)] = WordLook(lists, target)
        if len(_FOR_RULES) >= _REMEMBERED:
            _FOR_RULES.clear()
        _FOR_RULES[(target, enabled)] = look
    return look


def carry(old: str, new: str, edits: EditMap) -> None:
    """Carry the reading of ``old`` any look keeps over the ``edits`` that made ``new`` of it."""
    for look in list(_BUILT.values()):
        look.carry(old, new, edits)
