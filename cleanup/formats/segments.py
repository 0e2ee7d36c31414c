"""Prose held in a file as encoded strings: JSON strings, PO strings. Each is a *segment*: its
decoded text, cleaned as one article, and where each of its characters stands in the file.

The chain never sees the file. It cleans each segment's text; :func:`lift` then puts every
finding where its characters stand in the file, and writes each change back into the file
encoded as the file encodes it, touching only the characters the change replaced: every other
byte of the file stays as it was.

In the file ``"said \\"yes\\" ; then"``, the text's ``"`` at 5 is the file's ``\\"`` at 6:

>>> segment = Segment('said "yes" ; then', 1, [(6, 8, 8), (10, 13, 13)], str)
>>> segment.span(5, 6), segment.span(6, 9), segment.span(11, 12)
((6, 8), (8, 11), (14, 15))
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from cleanup.model import Edit, Finding
from cleanup.offsets import LineIndex
from cleanup.result import Result

# Where the decoded text and the file move apart, as ``(offset in the text, offset in the file of
# the character there, end in the file of the character before)``: after an escape (JSON's ``\\"``
# is one character, two in the file) and at a gap that holds no character (between the pieces of a
# PO string). Between two anchors, one character of the text is one character of the file.
Anchors = list[tuple[int, int, int]]
_BY_PLACE = attrgetter("start", "end", "rule")


@dataclass(frozen=True)
class Segment:
    """One piece of prose: its decoded ``text``, the offset in the file of its first character
    (``start``), its anchors (after the first character) and how a replacement is encoded into
    the file (``escape``).
    ``source`` is the text it translates, where the file holds it (a PO ``msgid``), and
    ``source_language`` its language where the file names it (XLIFF's ``srcLang``); ``virtual``
    the stretches of the text that stand nowhere in the file (the blank lines between the blocks
    of a page), which no change may touch."""

    text: str
    start: int
    anchors: Anchors
    escape: Callable[[str], str]
    source: str | None = None
    virtual: tuple[tuple[int, int], ...] = ()
    source_language: str | None = None
    _text_offsets: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_text_offsets", [offset for offset, _, _ in self.anchors])

    def crosses_gap(self, start: int, end: int) -> bool:
        """Whether a gap (what stands between two characters of the text in the file, and is not
        text) lies inside the characters ``start:end``, not at their edge, or they touch a
        virtual stretch (a change there could not be written)."""
        stretch = bisect_right(self.virtual, (start, end)) - 1
        for first, last in self.virtual[max(stretch, 0) : stretch + 2]:
            if (start < last and first < end) or first < start < last:
                return True
        index = bisect_right(self._text_offsets, start)
        while index < len(self.anchors) and self.anchors[index][0] < end:
            text_offset, file_offset, previous_end = self.anchors[index]
            if previous_end != file_offset and text_offset > start:
                return True
            index += 1
        return False

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the characters ``start:end`` of the text stand in the file: from the first of
        their encodings to the end of the last (an empty span: where a character put there goes)."""
        index = bisect_right(self._text_offsets, start) - 1
        text_offset, file_offset, _ = self.anchors[index] if index >= 0 else (0, self.start, self.start)
        file_start = file_offset + start - text_offset
        if end == start:
            return file_start, file_start
        index = bisect_right(self._text_offsets, end) - 1
        text_offset, file_offset, previous_end = self.anchors[index] if index >= 0 else (0, self.start, 0)
        return file_start, previous_end if text_offset == end else file_offset + end - text_offset


def _overlapping(result: Result) -> list[tuple[int, int, str, list[int]]]:
    """The edits of ``result`` joined where they overlap, not where they only touch (a quote
    inside a tag and the space after the tag are two): ``(start, end, new text, findings)``."""
    joined, shift = [], 0
    for start, end, delta, findings in result.regions(touching=False):
        joined.append((start, end, result.text[start + shift : end + shift + delta], findings))
        shift += delta
    return joined


def _changes(segment: Segment, result: Result) -> tuple[list[tuple[int, int, str, int]], set[int]]:
    """Each change ``result`` made to the segment as ``(start, end, encoded text, finding)`` in
    the file, and the findings whose change is dropped: one that would take out what stands
    between two characters of the text (a tag between two words of a sentence). A finding is
    written whole or not at all: where one of its edits is dropped, so are the others (a quote
    mark changed, its pair left), and so are theirs where an edit holds other findings too."""
    regions = _overlapping(result)
    dropped = {
        number for start, end, _, found in regions if segment.crosses_gap(start, end) for number in found
    }
    grown = True
    while grown:
        grown = False
        for _, _, _, found in regions:
            if not dropped.isdisjoint(found) and not dropped.issuperset(found):
                dropped.update(found)
                grown = True
    changes = [
        (*segment.span(start, end), segment.escape(new), found[0])
        for start, end, new, found in regions
        if dropped.isdisjoint(found)
    ]
    return changes, dropped


def lift(text: str, segments: Sequence[Segment], clean: Callable[[Segment], Result]) -> Result:
    """The result of cleaning each of the ``segments`` of ``text`` (none overlapping another's
    characters) with ``clean``, as the result of cleaning the file."""
    lines = LineIndex(text)
    findings: list[Finding] = []
    changes: list[tuple[int, int, str, int]] = []
    for segment in segments:
        result = clean(segment)
        base = len(findings)
        found, dropped = _changes(segment, result) if result.changed else ([], set())
        for number, finding in enumerate(result.findings):
            start, end = segment.span(finding.start, finding.end)
            if number in dropped:
                finding = finding._replace(applied=False)
            findings.append(finding.located(start, end, lines))
        changes += ((start, end, new, base + number) for start, end, new, number in found)
    order = sorted(range(len(findings)), key=lambda index: _BY_PLACE(findings[index]))
    position = {index: place for place, index in enumerate(order)}
    changes.sort()
    pieces: list[str] = []
    cursor = 0
    for start, end, new, _ in changes:
        pieces += (text[cursor:start], new)
        cursor = end
    pieces.append(text[cursor:])
    edits = tuple(
        Edit(start, end, len(new) - (end - start), position[number]) for start, end, new, number in changes
    )
    return Result(
        original=text,
        text="".join(pieces),
        findings=tuple(findings[index] for index in order),
        edits=edits,
    )
