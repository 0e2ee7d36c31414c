"""PO catalogues (gettext): each translation (``msgstr``, ``msgstr[N]``) is prose, cleaned as one
article; the ``msgid`` it translates is its source, never changed; comments, keywords, the
header entry and obsolete entries (``#~``) are kept as they are. Placeholders (``%s``, ``%(name)s``,
``%1$d``, ``{name}``) are kept inside the translation.

>>> catalogue = 'msgid "Il governo ; ha deciso"\\nmsgstr ""\\n"The government ; "\\n"has decided"\\n'
>>> [(segment.text, segment.source) for segment in po_segments(catalogue)]
[('The government ; has decided', 'Il governo ; ha deciso')]
"""

from __future__ import annotations

import re

from cleanup.formats.errors import FormatError
from cleanup.formats.segments import Anchors, Segment

# A keyword line and its first string, or a string continuing the one before.
_KEYWORD = re.compile(r'[ \t]*(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+"')
_CONTINUATION = re.compile(r'[ \t]*"')
_STRING_END = re.compile(r'[^"\\\n]*(?:\\.[^"\\\n]*)*"[ \t]*\r?$')
_ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_WRITTEN = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# printf and Python format placeholders, and braces: kept as they are inside a translation.
PLACEHOLDER = re.compile(
    r"%(?:\d+\$|\([A-Za-z_]\w*\))?[-+ #0]*\d*(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa%]|\{\w*\}"
)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """The placeholders of a translation.

    >>> text = "%s said %(who)s, {name} and %1$d"
    >>> [text[start:end] for start, end in placeholder_spans(text)]
    ['%s', '%(who)s', '{name}', '%1$d']
    """
    return [match.span() for match in PLACEHOLDER.finditer(text)]


def escape_po(text: str) -> str:
    """``text`` as the inside of a PO string.

    >>> escape_po('say "yes"\\n')
    'say \\\\"yes\\\\"\\\\n'
    """
    return "".join(_WRITTEN.get(char, char) for char in text)


def _unescaped(escape: str) -> str:
    body = escape[1:]
    if body in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[body]
    if body[0] == "x" and len(body) > 1:
        return chr(int(body[1:], 16))
    if body[0] in "01234567":
        return chr(int(body, 8))
    return body


class _Entry:
    """The strings of one entry as read so far: per keyword, its pieces ``(start, end)``."""

    def __init__(self) -> None:
        self.strings: list[tuple[str, list[tuple[int, int]]]] = []

    def decoded(self, text: str, keyword: str) -> str | None:
        for name, pieces in self.strings:
            if name == keyword:
                return "".join(_decode(text, start, end)[0] for start, end in pieces)
        return None


def _decode(text: str, start: int, end: int, length: int = 0) -> tuple[str, Anchors]:
    """The characters of the piece ``start:end`` of ``text`` (between its quotes), and the
    anchors of its escapes, the piece starting at ``length`` in its string."""
    parts: list[str] = []
    anchors: Anchors = []
    cursor = start
    for match in _ESCAPE.finditer(text, start, end):
        parts.append(text[cursor : match.start()])
        length += match.start() - cursor
        parts.append(_unescaped(match.group()))
        length += 1
        cursor = match.end()
        anchors.append((length, cursor, cursor))
    parts.append(text[cursor:end])
    return "".join(parts), anchors


def _segment(text: str, pieces: list[tuple[int, int]], source: str | None) -> Segment | None:
    parts: list[str] = []
    anchors: Anchors = []
    length = 0
    previous_end = pieces[0][0]
    for start, end in pieces:
        if start != previous_end:
            anchors.append((length, start, previous_end))
        decoded, escapes = _decode(text, start, end, length)
        parts.append(decoded)
        anchors += escapes
        length += len(decoded)
        previous_end = end
    joined = "".join(parts)
    if not joined.strip():
        return None
    return Segment(joined, pieces[0][0], anchors, escape_po, source)


def po_segments(text: str) -> list[Segment]:
    """The translations of a PO ``text``; :class:`FormatError` naming a line that is not PO."""
    entries: list[_Entry] = [_Entry()]
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            entries.append(_Entry())
        elif not stripped.startswith("#"):
            opened = _KEYWORD.match(line) or _CONTINUATION.match(line)
            closed = opened and _STRING_END.match(line, opened.end())
            if not closed or (opened.re is _CONTINUATION and not entries[-1].strings):
                raise FormatError(f"not a line of a PO file: {stripped[:40]!r}", line=number)
            if opened.re is _KEYWORD:
                if opened.group(1) in ("msgctxt", "msgid") and any(
                    name.startswith("msgstr") for name, _ in entries[-1].strings
                ):
                    entries.append(_Entry())  # a new entry with no blank line before it
                entries[-1].strings.append((opened.group(1), []))
            content_end = line.rindex('"')
            entries[-1].strings[-1][1].append((offset + opened.end(), offset + content_end))
        offset += len(line) + 1
    segments = []
    for entry in entries:
        source = entry.decoded(text, "msgid")
        if not source:  # the header, or no entry at all
            continue
        for name, pieces in entry.strings:
            if name.startswith("msgstr") and (segment := _segment(text, pieces, source)):
                segments.append(segment)
    return segments
