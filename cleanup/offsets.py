"""Positions across edits: map an offset in edited text back to the text before the edits,
and turn an offset into a 1-based line and column.

>>> edits = EditMap([(4, 6, 0)])          # "abcdXXefg" -> "abcdefg"
>>> edits.to_old(4, end=False), edits.to_old(7, end=True)
(6, 9)
>>> LineIndex("ab\\r\\ncd\\nef").locate(5)
(2, 2)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

import regex

# The last line break before a place, found reading back from it (regex's reverse search): the
# cost is the length of the line, not of the text before it.
_BREAK_BEFORE = regex.compile(r"(?r)[\r\n]")


def line_start(text: str, index: int) -> int:
    """Where the line that holds ``index`` starts: after the last LF or CR before it.

    >>> line_start("one\\r\\ntwo\\rthree", 12), line_start("one", 2)
    (9, 0)
    """
    found = _BREAK_BEFORE.search(text, 0, index)
    return found.end() if found else 0


def outside(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of ``0:length`` that none of ``spans`` covers, in order (an empty span covers
    nothing, and splits nothing).

    >>> outside([(2, 4), (3, 6), (8, 9), (7, 7)], 10)
    [(0, 2), (6, 8), (9, 10)]
    """
    gaps: list[tuple[int, int]] = []
    cursor = 0
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        gaps.append((cursor, length))
    return gaps


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, those that overlap or touch joined.

    >>> merged([(5, 9), (0, 2), (2, 3), (8, 12)])
    [(0, 3), (5, 12)]
    """
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


class EditMap:
    """The edits one pass applied, as ``(old_start, old_end, new_length)``, sorted and disjoint."""

    def __init__(self, edits: Sequence[tuple[int, int, int]]) -> None:
        self._old_starts: list[int] = []
        self._old_ends: list[int] = []
        self._new_starts: list[int] = []
        self._new_ends: list[int] = []
        shift = 0
        for old_start, old_end, new_length in edits:
            self._old_starts.append(old_start)
            self._old_ends.append(old_end)
            self._new_starts.append(old_start + shift)
            self._new_ends.append(old_start + shift + new_length)
            shift += new_length - (old_end - old_start)

    def to_old(self, position: int, *, end: bool) -> int:
        """The offset before the edits that corresponds to ``position`` after them.

        A position inside a replacement maps to the start of the replaced text, or to its end
        when ``end`` is true (the position closes a span).
        """
        index = bisect_right(self._new_starts, position) - 1
        if index < 0:
            return position
        new_start, new_end = self._new_starts[index], self._new_ends[index]
        if position >= new_end and not (end and position == new_start):
            return self._old_ends[index] + (position - new_end)
        if end and position > new_start:
            return self._old_ends[index]
        return self._old_starts[index]

    def to_new(self, position: int, *, end: bool) -> int:
        """The offset after the edits that corresponds to ``position`` before them.

        A position inside a replaced stretch maps to the start of its replacement, or to its end
        when ``end`` is true (the position closes a span); so does a position where text was
        inserted.

        >>> edits = EditMap([(4, 6, 0), (8, 8, 3)])   # "abcdXXefgh" -> "abcdef+++gh"
        >>> [edits.to_new(2, end=False), edits.to_new(5, end=True)]
        [2, 4]
        >>> [edits.to_new(8, end=False), edits.to_new(8, end=True), edits.to_new(9, end=False)]
        [6, 9, 10]
        """
        index = bisect_right(self._old_starts, position) - 1
        if index < 0:
            return position
        old_start, old_end = self._old_starts[index], self._old_ends[index]
        if position > old_end or (position == old_end and old_start < old_end):
            return self._new_ends[index] + (position - old_end)
        return self._new_ends[index] if end else self._new_starts[index]

    def old_spans(self) -> list[tuple[int, int]]:
        """What each edit replaced, before the edits."""
        return list(zip(self._old_starts, self._old_ends, strict=True))

    def new_spans(self) -> list[tuple[int, int]]:
        """Where each replacement stands after the edits."""
        return list(zip(self._new_starts, self._new_ends, strict=True))


class LineIndex:
    """Line and column lookup in a text whose lines end in LF, CRLF or CR.

    The line breaks are counted a block of the text at a time, once, at C speed; a lookup reads
    no further back than the start of its block. A text of many lines costs no list of them, and
    a text of one long line no search back to its start for each lookup.

    >>> lines = LineIndex("ab\\r\\n" * 3 + "cd\\rx\\ny")
    >>> [lines.locate(offset) for offset in (0, 3, 4, 14, 15, 17)]
    [(1, 1), (1, 4), (2, 1), (4, 3), (5, 1), (6, 1)]
    """

    _BLOCK = 1 << 12  # characters a lookup reads at most

    def __init__(self, text: str) -> None:
        self._text = text
        self._crs = "\r" in text
        self._bounds = [0]  # where each block starts: never between a CR and the LF after it
        self._lines = [0]  # line breaks before each block
        self._line_starts = [0]  # where the line that holds each block's start starts
        while self._bounds[-1] + self._BLOCK < len(text):
            start = self._bounds[-1]
            end = start + self._BLOCK
            end += text[end - 1] == "\r" and text[end] == "\n"
            self._lines.append(self._lines[-1] + self._breaks(start, end))
            self._line_starts.append(self._line_start(start, end, self._line_starts[-1]))
            self._bounds.append(end)

    def _breaks(self, start: int, end: int) -> int:
        """Line breaks in ``start:end``: each LF, and each CR but one before an LF."""
        breaks = self._text.count("\n", start, end)
        if self._crs:
            breaks += self._text.count("\r", start, end) - self._text.count("\r\n", start, end)
        return breaks

    def _line_start(self, start: int, end: int, before: int) -> int:
        """Where the line that holds ``end`` starts: after the last break in ``start:end``, or at
        ``before`` if none."""
        last = self._text.rfind("\n", start, end)
        if self._crs:
            last = max(last, self._text.rfind("\r", start, end))
        return last + 1 if last >= 0 else before

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        text = self._text
        if self._crs and 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
            line, column = self.locate(offset - 1)  # the LF of a CRLF: on the CR's line
            return line, column + 1
        block = bisect_right(self._bounds, offset) - 1
        start = self._bounds[block]
        line = self._lines[block] + self._breaks(start, offset)
        return line + 1, offset - self._line_start(start, offset, self._line_starts[block]) + 1
