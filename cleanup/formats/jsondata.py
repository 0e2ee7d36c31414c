"""JSON Lines and JSON: the string values of the fields named (``--field``, dotted for nested
keys) are the prose, each cleaned as one article; every other byte stays as it is.

A line of JSON Lines holds an article (an object) or a list of them; a JSON file holds one
article or a list of them. A field that is missing, or holds no string, is left alone. A line
that is not JSON is an error naming it (:class:`FormatError`), and the file is left as it was.
The other values are only read past, never converted nor written again: a number of any length
is valid JSON, and stays as it is.

>>> text = '{"id": 1, "text": "Talks ; At once", "meta": {"title": "l\\\\u2019Iran , now"}}\\n'
>>> [segment.text for segment in json_lines_segments(text, ("text", "meta.title"))]
['Talks ; At once', 'l’Iran , now']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from json.decoder import scanstring

from cleanup.formats.errors import FormatError
from cleanup.formats.segments import Anchors, Segment

# Numbers are read as their digits: converting them would cost time for nothing (only where a value
# ends is wanted), and Python refuses an integer of more than 4,300 digits (ValueError).
_DECODER = json.JSONDecoder(parse_int=str, parse_float=str)
_WHITESPACE = " \t\n\r"
_SPACES = re.compile(r"[ \t\n\r]*")
_SURROGATE_PAIR = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_LEAF = ""  # in a tree of wanted keys: the key itself is wanted, not only keys inside it
Wanted = dict[str, "Wanted"]


def escape_json(text: str) -> str:
    """``text`` as the inside of a JSON string, non-ASCII characters as they are.

    >>> escape_json('a “b”\\n\\\\')
    'a “b”\\\\n\\\\\\\\'
    """
    return json.dumps(text, ensure_ascii=False)[1:-1]


def escape_json_ascii(text: str) -> str:
    """``text`` as the inside of a JSON string in ASCII, as a file written by ``json.dumps`` has it.

    >>> escape_json_ascii("l’Iran")
    'l\\\\u2019Iran'
    """
    return json.dumps(text)[1:-1]


def wanted_keys(fields: Iterable[str]) -> Wanted:
    """The dotted ``fields`` as a tree of keys.

    >>> wanted_keys(["text", "meta.title", "meta"])
    {'text': {'': {}}, 'meta': {'title': {'': {}}, '': {}}}
    """
    tree: Wanted = {}
    for dotted in fields:
        node = tree
        for key in dotted.split("."):
            node = node.setdefault(key, {})
        node[_LEAF] = {}
    return tree


class _Reader:
    """One JSON text read for the string literals of the wanted keys, at C speed for the rest."""

    def __init__(self, text: str, offset: int, wanted: Wanted) -> None:
        self.text, self.offset, self.wanted = text, offset, wanted
        self.escape = escape_json_ascii if text.isascii() else escape_json
        self.segments: list[Segment] = []

    def read(self) -> None:
        """Read the text, which holds one value: an article or a list of them."""
        position = self._space(0)
        if self.text.startswith("[", position):
            position = self._space(position + 1)
            if self.text.startswith("]", position):
                position += 1
            else:
                while True:
                    position = self._space(self._value(position, self.wanted))
                    if not self.text.startswith(",", position):
                        break
                    position = self._space(position + 1)
                position = self._expect("]", position, "',' delimiter")
        else:
            position = self._value(position, self.wanted)
        if self._space(position) != len(self.text):
            raise json.JSONDecodeError("Extra data", self.text, self._space(position))

    def _space(self, position: int) -> int:
        return _SPACES.match(self.text, position).end()  # type: ignore[union-attr]

    def _expect(self, mark: str, position: int, what: str) -> int:
        """The position after ``mark``, which must stand at ``position`` (``what``: json's words)."""
        if not self.text.startswith(mark, position):
            raise json.JSONDecodeError(f"Expecting {what}", self.text, position)
        return position + 1

    def _value(self, position: int, wanted: Wanted) -> int:
        """Read the value at ``position``, keeping the strings ``wanted`` names; its end."""
        if _LEAF in wanted and self.text.startswith('"', position):
            _, end = scanstring(self.text, position + 1)
            self._keep(position + 1, end - 1)
            return end
        if len(wanted) > (_LEAF in wanted) and self.text.startswith("{", position):
            return self._object(position + 1, wanted)
        return _DECODER.raw_decode(self.text, position)[1]

    def _object(self, position: int, wanted: Wanted) -> int:
        position = self._space(position)
        if self.text.startswith("}", position):
            return position + 1
        while True:
            position = self._expect('"', position, "property name enclosed in double quotes")
            key, position = scanstring(self.text, position)
            position = self._space(self._expect(":", self._space(position), "':' delimiter"))
            position = self._space(self._value(position, wanted.get(key, {})))
            if not self.text.startswith(",", position):
                return self._expect("}", position, "',' delimiter")
            position = self._space(position + 1)

    def _keep(self, start: int, end: int) -> None:
        """Keep the string whose characters stand at ``start:end`` (between its quotes)."""
        text = self.text
        pieces: list[str] = []
        anchors: Anchors = []
        length = 0
        cursor = start
        while (escape := text.find("\\", cursor, end)) >= 0:
            pieces.append(text[cursor:escape])
            length += escape - cursor
            size = 12 if _SURROGATE_PAIR.match(text, escape) else 6 if text[escape + 1] == "u" else 2
            decoded = json.loads(f'"{text[escape : escape + size]}"')
            pieces.append(decoded)
            length += len(decoded)
            cursor = escape + size
            anchors.append((length, self.offset + cursor, self.offset + cursor))
        pieces.append(text[cursor:end])
        self.segments.append(Segment("".join(pieces), self.offset + start, anchors, self.escape))


def _read(text: str, offset: int, wanted: Wanted, line: int | None = None) -> list[Segment]:
    """The prose of one JSON text that starts at ``offset`` in the file (on line ``line`` of it,
    when one of its lines); :class:`FormatError` naming the line where it is not JSON."""
    reader = _Reader(text, offset, wanted)
    try:
        reader.read()
    except json.JSONDecodeError as err:
        where = line or err.lineno
        raise FormatError(f"not valid JSON: {err.msg} (column {err.colno})", line=where) from None
    except RecursionError:
        raise FormatError("nested too deeply to read", line=line or 1) from None
    return reader.segments


def json_lines_segments(text: str, fields: Iterable[str]) -> list[Segment]:
    """The prose of a JSON Lines ``text``: the string values of ``fields`` in each line."""
    wanted = wanted_keys(fields)
    segments: list[Segment] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip(_WHITESPACE):
            segments += _read(line, offset, wanted, number)
        offset += len(line) + 1
    return segments


def json_segments(text: str, fields: Iterable[str]) -> list[Segment]:
    """The prose of a JSON ``text``: the string values of ``fields`` in its article or articles."""
    return _read(text, 0, wanted_keys(fields))
