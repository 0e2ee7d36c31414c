"""Prose read out of markup (HTML, XLIFF's targets): its characters, character references read
as the characters they stand for, and the markup between them (an inline tag, a comment) as
gaps, with where each character stands in the source (:class:`~cleanup.formats.segments.Segment`).

>>> source = "The <b>talks</b> &amp; more"
>>> builder = ProseBuilder()
>>> builder.add_text(source, 0, 4); builder.add_gap(4, 7); builder.add_text(source, 7, 12)
>>> builder.add_gap(12, 16); builder.add_text(source, 16, len(source))
>>> segment = builder.segment()
>>> segment.text, segment.span(4, 9), segment.crosses_gap(8, 10)
('The talks & more', (7, 12), True)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from cleanup.formats.segments import Anchors, Segment
from cleanup.offsets import merged

# Line breaks with the indentation after them, runs of spaces, tabs: each pattern begins with a
# literal, which the search finds at C speed (the white space before a break or a tab is added in
# Python: a pattern that could start with it would be tried at every space of the text).
_LAYOUT = (re.compile(r"\n[ \t\r\n]*"), re.compile(r"  +"), re.compile(r"\t[ \t]*"))
OBJECT = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: what markup that stands for content reads as
_OBJECTS = re.compile(OBJECT)
# A character reference as HTML reads one (XML's are among them).
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def _character(reference: str) -> str:
    """What a character reference stands for, as :func:`html.unescape` reads it, also for a
    number of thousands of digits, which Python's ``int()`` refuses: past U+10FFFF, it reads as
    U+FFFD, as a browser shows it.

    >>> _character("&#" + "0" * 5000 + "233;"), _character("&#" + "9" * 5000 + ";")
    ('é', '\ufffd')
    """
    if reference.startswith("&#") and reference[2:3].isdigit():
        number = reference[2:].rstrip(";").lstrip("0")
        if len(number) > 7:  # more than 9,999,999: beyond U+10FFFF
            return "\ufffd"
        reference = f"&#{number or 0};"
    return html.unescape(reference)


def layout_spans(text: str) -> list[tuple[int, int]]:
    """The white space of a text read out of markup that is the source's layout, which no rule
    changes: line breaks with the white space around them, and runs of spaces (HTML shows a run as
    one space; beside an inline code, the space is the code's).

    >>> text = "The talks\\n      went on  , then"
    >>> [text[start:end] for start, end in layout_spans(text)]
    ['\\n      ', '  ']
    """
    spans = []
    for pattern in _LAYOUT:
        for match in pattern.finditer(text):
            start = match.start()
            while start and text[start - 1] in " \t\r":
                start -= 1
            spans.append((start, match.end()))
    return merged(spans)


def object_spans(text: str) -> list[tuple[int, int]]:
    """Where the text holds markup that stands for content, which no rule changes."""
    return [match.span() for match in _OBJECTS.finditer(text)]


def escape_text(text: str) -> str:
    """``text`` as the text of an element.

    >>> escape_text("AT&T <3")
    'AT&amp;T &lt;3'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_double_quoted(text: str) -> str:
    """``text`` as an attribute's value between double quotes."""
    return escape_text(text).replace('"', "&quot;")


def escape_single_quoted(text: str) -> str:
    """``text`` as an attribute's value between single quotes."""
    return escape_text(text).replace("'", "&#39;")


class ProseBuilder:
    """The segment being read: its characters, and where each stands in the source. Blocks (the
    paragraphs of a page) are one segment, a blank line between each two that stands nowhere in
    the source (:attr:`Segment.virtual <cleanup.formats.segments.Segment.virtual>`)."""

    BREAK = "\n\n"

    def __init__(self, escape: Callable[[str], str] = escape_text) -> None:
        self.escape = escape
        self.parts: list[str] = []
        self.anchors: Anchors = []
        self.virtual: list[tuple[int, int]] = []
        self.length = 0
        self.start: int | None = None
        self.end = 0  # where the last character ends in the source
        self.gap: tuple[int, int] | None = None  # markup read since the last character
        self.broken = False  # a block ended since the last character

    def add_text(self, source: str, start: int, end: int) -> None:
        """Add the characters of ``source[start:end]``, their references read; white space
        alone before a block's first character is the source's layout, and is left out."""
        if (self.broken or self.start is None) and source[start:end].isspace():
            return
        cursor = start
        for match in _REFERENCE.finditer(source, start, end):
            decoded = _character(match.group())
            if decoded == match.group():
                continue
            self._add_raw(source, cursor, match.start())
            self._place(match.start())
            self.parts.append(decoded)
            self.length += len(decoded)
            self.anchors.append((self.length, match.end(), match.end()))
            cursor = self.end = match.end()
        self._add_raw(source, cursor, end)

    def _add_raw(self, source: str, start: int, end: int) -> None:
        if start < end:
            self._place(start)
            self.parts.append(source[start:end])
            self.length += end - start
            self.end = end

    def _place(self, start: int) -> None:
        """Note where the character about to be added stands, after any gap since the last."""
        if self.start is None:
            self.start = start
        elif self.broken or self.gap is not None:
            if self.anchors and self.anchors[-1][0] == self.length:
                self.anchors.pop()  # a reference just before the gap: the gap's anchor says it all
            if self.broken:
                self.parts.append(self.BREAK)
                self.virtual.append((self.length, self.length + len(self.BREAK)))
                self.length += len(self.BREAK)
            self.anchors.append((self.length, start, self.end))
        self.gap = None
        self.broken = False

    def add_object(self, start: int, end: int) -> None:
        """Markup that stands for content (a placeholder, an image): one character, ``OBJECT``,
        which the text's format keeps (:func:`object_spans`)."""
        self._place(start)
        self.parts.append(OBJECT)
        self.length += 1
        self.anchors.append((self.length, end, end))
        self.end = end

    def add_gap(self, start: int, end: int) -> None:
        """Markup between two characters (a tag of an inline element, a comment)."""
        if self.start is not None:
            self.gap = (self.gap[0] if self.gap else start, end)

    def add_break(self) -> None:
        """The end of a block: the next character starts another, after a blank line."""
        self.broken = self.start is not None

    def segment(self) -> Segment | None:
        text = "".join(self.parts)
        if self.start is None or not text.strip():
            return None
        return Segment(text, self.start, self.anchors, self.escape, virtual=tuple(self.virtual))
