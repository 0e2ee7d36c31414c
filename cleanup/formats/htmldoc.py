"""HTML: the text of elements is prose, and so are the values of ``alt`` and ``title``; the rest
is kept byte for byte: tags, the other attributes, comments, the doctype, and the content of
``script``, ``style``, ``code``, ``pre``, ``kbd``, ``samp``, ``textarea`` (and ``svg``, ``math``,
``template``).

The text between two block boundaries is one segment, read across inline elements (``<a>``,
``<em>``, ``<strong>``, ``<span>`` …) and comments, so that a sentence is seen whole: in
``talks</a>. , but`` the cluster, in ``word</a>said`` the glued words. A tag stands between two
characters of the text as a gap: a fix may write at its edge, never over it (a change that would
take a tag out is dropped). Character references are read as the characters they stand for and
kept as written unless a fix changes them: a double escape (``&amp;amp;``) is the artefact the
encoding pass repairs. What a fix writes is escaped (``&``, ``<``, ``>``; and the quote in an
attribute's value).

>>> page = '<p>The <a href="/x?a , b">talks</a>. , but &amp; <img alt="l’Iran , now"></p>'
>>> [segment.text for segment in html_segments(page)]
['The talks. , but & ', 'l’Iran , now']
>>> html_segments("<h1>Title</h1><p>Text</p>")[0].text
'Title\\n\\nText'
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable

from cleanup.formats.htmltokens import Token, attributes, tokens
from cleanup.formats.segments import Anchors, Segment, joined

# Elements inside a sentence: their tags are gaps in one segment.
INLINE = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font",
        "i", "ins", "label", "mark", "nobr", "q", "s", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
# Elements whose content is not prose: kept whole.
KEPT = frozenset({"code", "pre", "kbd", "samp", "svg", "math", "template"})
PROSE_ATTRIBUTES = frozenset({"alt", "title"})
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# A line break and the indentation after it: how the source is laid out, not prose. Searched for
# from the line break (a literal the search finds at C speed), the white space before it added.
_LAYOUT = re.compile(r"\n[ \t\r\n]*")


def layout_spans(text: str) -> list[tuple[int, int]]:
    """The line breaks of a segment and the white space around them, which no rule changes.

    >>> layout_spans("The talks\\n      went on")
    [(9, 16)]
    """
    spans = []
    for match in _LAYOUT.finditer(text):
        start = match.start()
        while start and text[start - 1] in " \t\r":
            start -= 1
        spans.append((start, match.end()))
    return spans


def escape_text(text: str) -> str:
    """``text`` as the text of an element.

    >>> escape_text("AT&T <3")
    'AT&amp;T &lt;3'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_double_quoted(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


def _escape_single_quoted(text: str) -> str:
    return escape_text(text).replace("'", "&#39;")


class _Builder:
    """The segment being read: its characters, and where each stands in the source."""

    def __init__(self, escape: Callable[[str], str] = escape_text) -> None:
        self.escape = escape
        self.parts: list[str] = []
        self.anchors: Anchors = []
        self.length = 0
        self.start: int | None = None
        self.gap: tuple[int, int] | None = None  # markup read since the last character

    def add_text(self, source: str, start: int, end: int) -> None:
        """Add the characters of ``source[start:end]``, their references read."""
        cursor = start
        for match in _REFERENCE.finditer(source, start, end):
            decoded = html_module.unescape(match.group())
            if decoded == match.group():
                continue
            self._add_raw(source, cursor, match.start())
            self._place(match.start())
            self.parts.append(decoded)
            self.length += len(decoded)
            self.anchors.append((self.length, match.end(), match.end()))
            cursor = match.end()
        self._add_raw(source, cursor, end)

    def _add_raw(self, source: str, start: int, end: int) -> None:
        if start < end:
            self._place(start)
            self.parts.append(source[start:end])
            self.length += end - start

    def _place(self, start: int) -> None:
        """Note where the character about to be added stands, after any gap since the last."""
        if self.start is None:
            self.start = start
        elif self.gap is not None:
            if self.anchors and self.anchors[-1][0] == self.length:
                self.anchors.pop()  # a reference just before the gap: the gap's anchor says it all
            self.anchors.append((self.length, start, self.gap[0]))
        self.gap = None

    def add_gap(self, start: int, end: int) -> None:
        """Markup between two characters (a tag of an inline element, a comment)."""
        if self.start is not None:
            self.gap = (self.gap[0] if self.gap else start, end)

    def segment(self) -> Segment | None:
        text = "".join(self.parts)
        if self.start is None or not text.strip():
            return None
        return Segment(text, self.start, self.anchors, self.escape)


def _attribute_segments(source: str, tag: Token) -> list[Segment]:
    segments = []
    for attribute in attributes(source, tag):
        if attribute.name in PROSE_ATTRIBUTES and attribute.quote:
            builder = _Builder(_escape_double_quoted if attribute.quote == '"' else _escape_single_quoted)
            builder.add_text(source, attribute.start, attribute.end)
            if segment := builder.segment():
                segments.append(segment)
    return segments


def html_segments(source: str) -> list[Segment]:
    """The prose of an HTML ``source``: the text between block boundaries, joined as one article
    with a blank line between blocks, and the values of ``alt`` and ``title``, each its own. Any
    text is HTML, however broken: nothing here fails."""
    blocks: list[Segment] = []
    segments: list[Segment] = []
    builder = _Builder()
    kept: dict[str, int] = {}  # open elements whose content is kept, by name

    def flush() -> None:
        nonlocal builder
        if segment := builder.segment():
            blocks.append(segment)
        builder = _Builder()

    for token in tokens(source):
        hidden = any(kept.values())
        if token.kind == "text" and not hidden:
            builder.add_text(source, token.start, token.end)
        elif token.kind == "comment" or (token.kind in ("start", "end") and token.name in INLINE):
            builder.add_gap(token.start, token.end)
            if token.kind == "start" and not hidden:
                segments += _attribute_segments(source, token)
        else:
            flush()
            if token.kind == "start" and token.name in KEPT:
                kept[token.name] = kept.get(token.name, 0) + 1
            elif token.kind == "end" and kept.get(token.name):
                kept[token.name] -= 1
            elif token.kind == "start" and not hidden:
                segments += _attribute_segments(source, token)
            elif token.kind == "raw" and token.name == "title" and not hidden:
                builder.add_text(source, token.start, token.end)
                flush()
    flush()
    page = joined(blocks)
    return segments if page is None else [page, *segments]
