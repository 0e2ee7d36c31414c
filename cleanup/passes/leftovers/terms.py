"""The user's terms (glossary entries, allowed terms) found in a text, and spans already taken.

Terms are searched by one Aho-Corasick automaton (ahocorasick_rs, in Rust), built
in time linear in the terms' length and run in one pass over the text, however
long and however many the terms are: a regular expression of alternatives is
compiled by Python code in time and memory that grow with every character of
every term, and tries each term again at each place in the text.

>>> terms = Terms(["Casa Bianca", "casa"])
>>> text = "La CASA Bianca e la casa, casata."
>>> [text[start:end] for _, start, end in terms.whole_words(text)]
['CASA Bianca', 'casa']
>>> taken = Taken(len(text))
>>> taken.add(3, 14)
>>> taken.overlaps(0, 4), taken.overlaps(14, 16)
(True, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from ahocorasick_rs import AhoCorasick, Implementation

# What a whole word may not touch on either side: a letter, digit or underscore, an apostrophe, a
# hyphen (the glossary's word boundary, as it always was).
_WORD_SIDE = re.compile(r"[\w'’-]")
# The one character whose lower case is two characters long; kept as it is, so that a text and
# its folded form have the same offsets.
_DOTTED_CAPITAL_I = "\u0130"


def fold(text: str) -> str:
    """``text`` in lower case, character for character (the same length, the same offsets).

    >>> fold("İSTANBUL e CASA")
    'İstanbul e casa'
    """
    if _DOTTED_CAPITAL_I not in text:
        return text.lower()
    return _DOTTED_CAPITAL_I.join(part.lower() for part in text.split(_DOTTED_CAPITAL_I))


def whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as a whole word or phrase: nothing word-like touches it."""
    return not (start and _WORD_SIDE.match(text, start - 1)) and not _WORD_SIDE.match(text, end)


class Terms:
    """Terms to look for, in any case (or as written, ``exact``); empty terms are never found.

    Found spans are ``(index, start, end)``, ``index`` being the term's place in the list given.
    """

    def __init__(self, terms: Iterable[str], *, exact: bool = False) -> None:
        self.exact = exact
        self._indexes = []
        patterns = []
        for index, term in enumerate(terms):
            if term:
                self._indexes.append(index)
                patterns.append(term if exact else fold(term))
        # The NFA, not the DFA the library picks for a few terms: a DFA of terms several megabytes
        # long takes seconds and gigabytes to build.
        self._automaton = (
            AhoCorasick(patterns, implementation=Implementation.NoncontiguousNFA) if patterns else None
        )

    def everywhere(self, text: str) -> list[tuple[int, int, int]]:
        """Every place where a term stands, overlapping ones included, in no particular order."""
        if self._automaton is None:
            return []
        haystack = text if self.exact else fold(text)
        indexes = self._indexes
        return [
            (indexes[found], start, end)
            for found, start, end in self._automaton.find_matches_as_indexes(haystack, overlapping=True)
        ]

    def whole_words(self, text: str) -> list[tuple[int, int, int]]:
        """The terms standing as whole words, from left to right, not overlapping: at each place
        the longest (as a regular expression of the terms, longest first, between lookarounds
        for word characters, finds them)."""
        found = []
        cursor = 0
        for index, start, end in sorted(
            self.everywhere(text), key=lambda match: (match[1], -match[2], match[0])
        ):
            if start >= cursor and whole(text, start, end):
                found.append((index, start, end))
                cursor = end
        return found


class Spans:
    """A fixed set of spans, asked whether a span overlaps any of them in logarithmic time.

    >>> spans = Spans([(10, 20), (2, 4), (12, 13)])
    >>> spans.overlaps(4, 10), spans.overlaps(19, 30), spans.overlaps(3, 3)
    (False, True, True)
    >>> spans.covers(12, 20), spans.covers(19, 21), spans.covers(4, 5)
    (True, False, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans that start at or before each one.
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``s:e`` has ``s < end`` and ``start < e``."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether some span ``s:e`` holds ``start:end``: ``s <= start`` and ``end <= e``."""
        before = bisect_right(self._starts, start)
        return before > 0 and self._reach[before - 1] >= end


class Taken:
    """The characters of a text that findings hold already, one byte each; a span is asked for
    and marked in time linear in its own length, whatever the number of findings.

    Spans are never empty (a finding holds at least one character).
    """

    def __init__(self, length: int) -> None:
        self._marks = bytearray(length)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a character of ``start:end`` is taken."""
        return self._marks.find(1, start, end) != -1

    def add(self, start: int, end: int) -> None:
        """Mark the characters of ``start:end`` as taken."""
        self._marks[start:end] = b"\x01" * (end - start)
