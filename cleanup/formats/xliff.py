"""XLIFF 1.2 and 2.x: the content of each ``<target>`` of a translation unit is prose, cleaned as one
article with the text of its ``<source>`` as the source it translates; everything else stays
byte for byte: the sources, the alternatives (``<alt-trans>``), the notes, the attributes.

A target is read as HTML's text is (:mod:`cleanup.formats.prose`): across its inline codes
(``<g>``, ``<pc>``, ``<mrk>``, ``<bx/>``, ``<sc/>`` …), which stand between its characters as
gaps a fix never writes over, with the native code of ``<bpt>``, ``<ept>`` and ``<it>`` and
comments; the codes that stand for content (``<x/>``, ``<ph>``, ``<cp/>``, CDATA sections) read as
one character no rule changes; references read as the characters they stand for; placeholders
(``%s``, ``{name}``) and runs of spaces kept as written. What the file says not to translate
is kept (:class:`Translatable`): the targets of a unit, group or file whose ``translate`` is
``no`` are not read, and inside a target the text an inline annotation marks so reads as one
such character too, with its tags, unless an annotation inside it says ``yes``. The file is
read by expat: XML that is not well formed is an error naming its line (:class:`FormatError`),
and so is a document type that declares entities, which no XLIFF file needs (it could make a
small file expand to a huge one).

>>> doc = '<xliff version="1.2"><file><body><trans-unit id="1">'
>>> doc += '<source>Il patto ; ora</source><target>The deal ; <g id="1">At</g> once</target>'
>>> doc += '</trans-unit></body></file></xliff>'
>>> [(segment.text, segment.source) for segment in xliff_segments(doc)]
[('The deal ; At once', 'Il patto ; ora')]

The source language the file names (``srcLang``, ``source-language``) is the language the
leftovers rules look for, unless the user names one (``--source``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from xml.parsers import expat

from cleanup.formats.errors import FormatError
from cleanup.formats.prose import ProseBuilder
from cleanup.formats.segments import Segment
from cleanup.passes.tokens import CharacterPositions, utf8

# Elements whose content is native code, not text: kept whole wherever they stand.
_CODE = frozenset({"ph", "bpt", "ept", "it", "cp"})
# Codes that stand for content in the text (a variable, an image): read as one character.
_OBJECT_CODES = frozenset({"x", "ph", "cp"})
# The markup of a target's content, which expat has found well formed: CDATA sections, comments,
# processing instructions (each closed) and tags (no "<" inside one): each read once.
_MARKUP = re.compile(
    r"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>|</?([\w:.-]+)(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL
)
_START_TAG_END = re.compile(r"(?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*>")
_UNITS = ("trans-unit", "segment")  # XLIFF 1.2's unit of translation, XLIFF 2's
# Elements whose ``translate`` the units inside them inherit (XLIFF 2's unit holds its segments).
_STRUCTURE = frozenset({"file", "group", "unit", "trans-unit"})
# Inline annotations that may say whether their text is translated: XLIFF 2's <mrk>, <pc> and the
# <sm/> that opens a marker, closed by an <em/>.
_ANNOTATIONS = frozenset({"mrk", "pc", "sm", "em"})
# XLIFF 1.2's types of <mrk> for text not to translate: "protected" (the standard's, and W3C's
# mapping of ITS's translate="no"); "x-dnt", a custom type some tools write for "do not translate",
# kept too: a fix missed there costs less than a change to text a tool says to leave.
_PROTECTED = frozenset({"protected", "x-dnt"})
_TRANSLATED = "x-its-translate-yes"  # W3C's mapping of ITS's translate="yes" inside protected text
_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


def _flag(attributes: dict[str, str]) -> bool | None:
    """Whether the element with these ``attributes`` says its text is translated, if it says."""
    translate = attributes.get("translate")
    if translate in ("yes", "no"):
        return translate == "yes"
    mtype = attributes.get("mtype")
    return False if mtype in _PROTECTED else True if mtype == _TRANSLATED else None


@dataclass(slots=True)
class _Annotation:
    translate: bool
    closed: bool = False


class Translatable:
    """Whether the text of a unit's targets is to be translated, as they are read in the order
    the file holds them: as the unit says (``translate``, inherited from its group and file)
    unless an inline annotation open there says otherwise, the one opened last winning. XLIFF 2's
    ``translate`` on ``<mrk>`` and ``<pc>``, and on ``<sm/>`` up to the ``<em/>`` that names it
    (in that target or a later one), and XLIFF 1.2's ``mtype`` of ``<mrk>`` say so.

    >>> scope = Translatable(True)
    >>> scope.read('<mrk mtype="protected">', "mrk"); scope.translate
    False
    >>> scope.read('<sm id="a" translate="yes"/>', "sm"); scope.translate
    True
    >>> scope.read('<em startRef="a"/>', "em"); scope.translate
    False
    >>> scope.read("</mrk>", "mrk"); scope.translate
    True
    """

    def __init__(self, translate: bool) -> None:
        self.unit = translate
        self._open: list[_Annotation] = []  # the annotations that say, latest last; closed ones go lazily
        self._elements: list[_Annotation | None] = []  # the <mrk> and <pc> open
        self._markers: dict[str, _Annotation] = {}  # the <sm/> that say, by id

    @property
    def translate(self) -> bool:
        """Whether the text read next is to be translated."""
        while self._open and self._open[-1].closed:
            self._open.pop()
        return self._open[-1].translate if self._open else self.unit

    def read(self, tag: str, name: str) -> None:
        """Note what the inline ``tag`` of an element called ``name`` opens or closes."""
        if name not in _ANNOTATIONS:
            return
        if tag.startswith("</"):
            if self._elements and (closed := self._elements.pop()):
                closed.closed = True
            return
        attributes = {match[1]: match[2][1:-1] for match in _ATTRIBUTE.finditer(tag)}
        if name == "em":
            if ended := self._markers.pop(attributes.get("startRef", ""), None):
                ended.closed = True
            return
        if name != "sm" and tag.endswith("/>"):
            return  # an empty <mrk/> marks nothing
        flag = _flag(attributes)
        annotation = None if flag is None else _Annotation(flag)
        if annotation is not None:
            self._open.append(annotation)
        if name == "sm":
            if annotation is not None:
                self._markers[attributes.get("id", "")] = annotation
        else:
            self._elements.append(annotation)


def target_segment(
    text: str, start: int, end: int, source: str | None, scope: Translatable | None = None
) -> Segment | None:
    """The prose of the target whose content stands at ``text[start:end]``: its text, read across
    inline codes, which stand between its characters as gaps with the native code they hold; what
    is not to be translated (``scope``: all is, unless it says otherwise) reads as one character,
    from the tag that starts it to the tag that ends it; nothing when none of it is to be translated.

    >>> text = 'The <g id="1">deal</g> &amp; <ph id="2">{x , y}</ph> at %s'
    >>> target_segment(text, 0, len(text), None).text
    'The deal & \ufffc at %s'
    >>> text = 'The <mrk mtype="protected">Deal , now</mrk> , then'
    >>> target_segment(text, 0, len(text), None).text
    'The \ufffc , then'
    """
    scope = Translatable(True) if scope is None else scope
    builder = ProseBuilder()
    cursor = start
    code: tuple[str, int, int] | None = None  # the native code being read: its name, start, depth
    kept = None if scope.translate else start  # where the text not to translate being read starts
    held = False  # whether that text holds more than tags
    translated = kept is None  # whether any of the target is to be translated
    for match in _MARKUP.finditer(text, start, end):
        tag, name = match.group(), _local(match.group(1) or "")
        if code is not None:
            depth = code[2] + (name == code[0]) * (
                -1 if tag.startswith("</") else 0 if tag.endswith("/>") else 1
            )
            if depth:
                code = (code[0], code[1], depth)
            else:
                if kept is None:
                    _add_code(builder, code[0], code[1], match.end())
                code = None
            cursor = match.end()
            continue
        opens_code = name in _CODE and not tag.startswith("</") and not tag.endswith("/>")
        if opens_code:
            code = (name, match.start(), 1)
        content = tag.startswith("<![CDATA[") or (name in _OBJECT_CODES and tag.endswith("/>"))
        if kept is not None:
            held = held or cursor < match.start() or opens_code or content
            scope.read(tag, name)
            if scope.translate:
                _add_kept(builder, kept, match.end(), held)
                kept, translated = None, True
        else:
            builder.add_text(text, cursor, match.start())
            scope.read(tag, name)
            if not scope.translate:
                kept, held = match.start(), False
            elif content:
                builder.add_object(match.start(), match.end())
            elif not opens_code:
                builder.add_gap(match.start(), match.end())
        cursor = match.end()
    if kept is not None:
        _add_kept(builder, kept, end, held or code is not None or cursor < end)
    elif code is not None:
        _add_code(builder, code[0], code[1], end)
    else:
        builder.add_text(text, cursor, end)
    segment = builder.segment() if translated else None
    return None if segment is None else replace(segment, source=source)


def _add_kept(builder: ProseBuilder, start: int, end: int, held: bool) -> None:
    """Text not to be translated, with its tags: one character no rule changes, or a gap when it
    holds nothing but tags."""
    if held:
        builder.add_object(start, end)
    else:
        builder.add_gap(start, end)


def _add_code(builder: ProseBuilder, name: str, start: int, end: int) -> None:
    """A native code element, from its start tag to its end tag: content, or a gap."""
    if name in _OBJECT_CODES:
        builder.add_object(start, end)
    else:
        builder.add_gap(start, end)


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
        self._translate: list[bool] = []  # whether the text inside each open element is translated
        self._scope = Translatable(True)  # of the unit being read
        self._source: list[str] | None = None  # the text of the <source> being read
        self._code_depth = 0  # inside native code in a source
        self._unit_source = ""
        self._language: str | None = None
        self._target_start: int | None = None
        # The text is decoded already (by its byte-order mark, or the encoding its declaration
        # names) and given to expat in UTF-8: the encoding the declaration names is not the one
        # expat reads, which is said here to overrule it.
        self.parser = expat.ParserCreate(encoding="UTF-8")
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._characters
        self.parser.EntityDeclHandler = self._entity

    def read(self) -> list[Segment]:
        try:
            self.parser.Parse(self.data, True)
        except expat.ExpatError as err:
            reason = expat.ErrorString(err.code)
            raise FormatError(f"not valid XML: {reason} (column {err.offset + 1})", line=err.lineno) from None
        return self.segments

    def _here(self) -> int:
        return self.positions.of(self.parser.CurrentByteIndex)

    def _entity(self, *_: object) -> None:
        raise FormatError("declares an entity, which XLIFF never needs", line=self.parser.CurrentLineNumber)

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        parent = self._path[-1] if self._path else ""
        self._path.append(local)
        inherited = self._translate[-1] if self._translate else True
        flag = _flag(attributes) if local in _STRUCTURE else None
        self._translate.append(inherited if flag is None else flag)
        # The source language: XLIFF 2's srcLang, XLIFF 1.2's source-language of each file.
        language = attributes.get(
            "srcLang" if local == "xliff" else "source-language" if local == "file" else ""
        )
        if language:
            self._language = language.split("-")[0].lower()
        if local in ("unit", "trans-unit"):
            self._scope = Translatable(self._translate[-1])
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
        self._translate.pop()
        if local == "source" and self._source is not None and (not self._path or self._path[-1] in _UNITS):
            self._unit_source = "".join(self._source)
            self._source = None
        elif self._source is not None and local in _CODE:
            self._code_depth -= 1
        elif local == "target" and self._target_start is not None:
            start, end = self._target_start, self._here()
            self._target_start = None
            if segment := target_segment(self.text, start, end, self._unit_source or None, self._scope):
                self.segments.append(replace(segment, source_language=self._language))

    def _characters(self, data: str) -> None:
        if self._source is not None and not self._code_depth:
            self._source.append(data)


def xliff_segments(text: str) -> list[Segment]:
    """The targets of an XLIFF ``text``; :class:`FormatError` if it is not well-formed XML."""
    return _Reader(text).read()
