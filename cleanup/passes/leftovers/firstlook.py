"""The first look: which words of a vocabulary a text holds, found at C speed.

Most news holds no leftover, so the pass first asks which of some 150,000 words
(those that can be a leftover alone or pair with a neighbour, elided forms, the
key words of place names) the text holds. The text's punctuation and white space
are read as spaces, in one translation of its bytes, and every word of the
vocabulary is searched as itself between two spaces by one Aho-Corasick
automaton (ahocorasick_rs, in Rust): one pass over the bytes, with no work in
Python for each word of the text, which is what splitting the text into words
and looking each up in a set would cost.

>>> look = FirstLook.of(["accordo", "italia", "de", "la"])
>>> look.present("the accordo, firmato dall'Italia de la Rosa")
['accordo', 'de', 'la']
"""

from __future__ import annotations

from collections.abc import Iterable

from ahocorasick_rs import BytesAhoCorasick

from cleanup.passes.tokens import utf8

# What separates words, byte by byte: white space, ASCII punctuation, and the three bytes of
# typographic quotes, dashes and the ellipsis in UTF-8 (E2 80, then 93 94 98 99 9C 9D 9E A6). Those
# last bytes also end a few letters (À Ó Ü Ø æ œ ř …), which the first look then reads as two
# pieces: a word holding one is found only in a sentence another word opens.
_SEPARATORS = b"\t\n\x0b\x0c\r.,;:!?\"'()[]/-" + bytes(
    [0xE2, 0x80, 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0x9E, 0xA6]
)
_AS_SPACES = bytes.maketrans(_SEPARATORS, b" " * len(_SEPARATORS))
_GUILLEMETS = (b"\xc2\xab", b"\xc2\xbb")  # their last bytes end ë and û: replaced as they are


class FirstLook:
    """The words of a vocabulary, ready to be looked for in texts."""

    def __init__(self, sorted_words: list[str]) -> None:
        """The first look for ``sorted_words``: sorted, each once (as the disk cache keeps them)."""
        self._words = sorted_words
        self._automaton = BytesAhoCorasick([b" " + word.encode("utf-8") + b" " for word in sorted_words])

    @classmethod
    def of(cls, words: Iterable[str]) -> FirstLook:
        """The first look for ``words``, in any order."""
        return cls(sorted(set(words)))

    def present(self, text: str) -> list[str]:
        """The words of the vocabulary that stand in ``text`` as written, whole, in order."""
        data = utf8(text).translate(_AS_SPACES)
        for mark in _GUILLEMETS:
            if mark in data:
                data = data.replace(mark, b" ")
        # Overlapping, so that two words sharing the space between them ("de la") are both found.
        matches = self._automaton.find_matches_as_indexes(b" " + data + b" ", overlapping=True)
        return sorted({self._words[index] for index, _, _ in matches})
