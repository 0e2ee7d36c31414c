"""XLIFF 1.2 and 2.x: the content of each ``<target>`` of a translation unit is prose, cleaned as one
article with the text of its ``<source>`` as the source it translates; everything else stays
byte for byte: the sources, the alternatives (``<alt-trans>``), the notes, the attributes.

Inside a target, inline codes (``<g>``, ``<x/>``, ``<bx/>``, ``<ex/>``, ``<pc>``, ``<sc/>``,
``<ec/>``, ``<mrk>``), the native code of ``<ph>``, ``<bpt>``, ``<ept>`` and ``<it>``, character
and entity references (``&amp;``), CDATA sections, comments and placeholders (``%s``, ``{name}``)
are kept as written (:func:`content_markup`). The file is read by expat: XML that is not well
formed is an error naming its line (:class:`FormatError`), and so is a document type that
declares entities, which no XLIFF file needs (it could make a small file expand to a huge one).

>>> doc = '<xliff version="1.2"><file><body><trans-unit id="1">'
>>> doc += '<source>Il patto ; ora</source><target>The deal ; <g id="1">At</g> once</target>'
>>> doc += '</trans-unit></body></file></xliff>'
>>> [(segment.text, segment.source) for segment in xliff_segments(doc)]
[('The deal ; <g id="1">At</g> once', 'Il patto ; ora')]
"""

from __future__ import annotations

import re
from xml.parsers import expat

from cleanup.formats.errors import FormatError
from cleanup.formats.po import PLACEHOLDER
from cleanup.formats.segments import Segment
from cleanup.offsets import merged
from cleanup.passes.tokens import CharacterPositions, utf8

# Elements whose content is native code, not text: kept whole wherever they stand.
_CODE = ("ph", "bpt", "ept", "it", "cp")
# Within a target: native code with its tags, a tag, a reference, a placeholder. No "<" stands in
# an attribute's value in XML, so a tag's pattern never reads past the next "<": every character
# is read a bounded number of times, whatever the text.
_CONTENT_MARKUP = re.compile(
    rf"<((?:\w+:)?(?:{'|'.join(_CODE)}))\b[^<>]*>[^<]*</\1\s*>"
    r"|<(?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*>"
    r"|&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);"
    r"|" + PLACEHOLDER.pattern
)
_START_TAG_END = re.compile(r"(?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*>")
# CDATA sections and comments, found by their ends: kept whole, whatever they hold.
_OPAQUE = {"<![CDATA[": "]]>", "<!--": "-->"}
_OPAQUE_START = re.compile(r"<!\[CDATA\[|<!--")
_UNITS = ("trans-unit", "segment")  # XLIFF 1.2's unit of translation, XLIFF 2's


def content_markup(text: str) -> list[tuple[int, int]]:
    """The spans of a target's content that no rule changes.

    >>> text = 'The <g id="1">deal</g> &amp; <ph id="2">{x , y}</ph> at %s <!-- a , b -->'
    >>> [text[start:end] for start, end in content_markup(text)]
    ['<g id="1">', '</g>', '&amp;', '<ph id="2">{x , y}</ph>', '%s', '<!-- a , b -->']
    """
    spans = []
    cursor = 0
    for start, end in [*_opaque(text), (len(text), len(text))]:
        spans += (match.span() for match in _CONTENT_MARKUP.finditer(text, cursor, start))
        spans.append((start, end))
        cursor = end
    return merged(span for span in spans if span[0] < span[1])


def _opaque(text: str) -> list[tuple[int, int]]:
    """The CDATA sections and comments of ``text``; one left open runs to its end."""
    spans = []
    position = 0
    while found := _OPAQUE_START.search(text, position):
        close = text.find(_OPAQUE[found.group()], found.end())
        if close < 0:
            spans.append((found.start(), len(text)))
            break
        position = close + len(_OPAQUE[found.group()])
        spans.append((found.start(), position))
    return spans


def escape_xml(text: str) -> str:
    """``text`` as character data.

    >>> escape_xml("a < b & c")
    'a &lt; b &amp; c'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _local(name: str) -> str:
    return name.rpartition(":")[2]


class _Reader:
    """The targets of one XLIFF text, read with expat, and the source of each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = utf8(text)
        self.positions = CharacterPositions(text, self.data)
        self.segments: list[Segment] = []
        self._path: list[str] = []
        self._source: list[str] | None = None  # the text of the <source> being read
        self._code_depth = 0  # inside native code in a source
        self._unit_source = ""
        self._target_start: int | None = None
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._characters
        self.parser.EntityDeclHandler = self._entity

    def read(self) -> list[Segment]:
        try:
            self.parser.Parse(self.data, True)
        except expat.ExpatError as err:
            reason = expat.ErrorString(err.code)
            raise FormatError(
                f"line {err.lineno}: not valid XML: {reason} (column {err.offset + 1})"
            ) from None
        return self.segments

    def _here(self) -> int:
        return self.positions.of(self.parser.CurrentByteIndex)

    def _entity(self, *_: object) -> None:
        raise FormatError(
            f"line {self.parser.CurrentLineNumber}: declares an entity, which XLIFF never needs"
        )

    def _start(self, name: str, _attributes: dict[str, str]) -> None:
        local = _local(name)
        parent = self._path[-1] if self._path else ""
        self._path.append(local)
        if local in _UNITS:
            self._unit_source = ""
        elif local == "source" and parent in _UNITS:
            self._source = []
        elif self._source is not None and local in _CODE:
            self._code_depth += 1
        elif local == "target" and parent in _UNITS:
            start = self._here()
            found = _START_TAG_END.match(self.text, start + 1)
            end = found.end() if found else start
            # An empty target (<target/>) has nothing to clean.
            self._target_start = None if self.text[end - 2 : end] == "/>" else end

    def _end(self, name: str) -> None:
        local = self._path.pop()
        if local == "source" and self._source is not None and (not self._path or self._path[-1] in _UNITS):
            self._unit_source = "".join(self._source)
            self._source = None
        elif self._source is not None and local in _CODE:
            self._code_depth -= 1
        elif local == "target" and self._target_start is not None:
            start, end = self._target_start, self._here()
            self._target_start = None
            content = self.text[start:end]
            if content.strip():
                self.segments.append(Segment(content, start, [], escape_xml, self._unit_source or None))

    def _characters(self, data: str) -> None:
        if self._source is not None and not self._code_depth:
            self._source.append(data)


def xliff_segments(text: str) -> list[Segment]:
    """The targets of an XLIFF ``text``; :class:`FormatError` if it is not well-formed XML."""
    return _Reader(text).read()
