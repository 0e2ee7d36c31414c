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

import re

from cleanup.formats.htmltokens import Token, attributes, tokens
from cleanup.formats.prose import ProseBuilder, escape_double_quoted, escape_single_quoted
from cleanup.formats.segments import Segment
from cleanup.suppression import markers

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
_PROSE_ATTRIBUTE = re.compile(r"(?i)(?:alt|title)[\t\n\f\r ]*=")  # a tag that may hold one


def _attribute_segments(source: str, tag: Token) -> list[Segment]:
    segments = []
    for attribute in attributes(source, tag):
        if attribute.name in PROSE_ATTRIBUTES and attribute.quote:
            builder = ProseBuilder(escape_double_quoted if attribute.quote == '"' else escape_single_quoted)
            builder.add_text(source, attribute.start, attribute.end)
            if segment := builder.segment():
                segments.append(segment)
    return segments


def block_starts(source: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Where the blocks of an HTML ``source`` start (at each start tag of an element that is not
    inline: where ``check --add-noqa`` writes a marker before a block), and where its start tags
    stand (a finding in an ``alt`` or ``title`` takes no marker)."""
    starts, tags = [], []
    for kind, name, start, end in tokens(source):
        if kind == "start":
            tags.append((start, end))
            if name not in INLINE:
                starts.append(start)
    return starts, tags


def html_segments(source: str) -> list[Segment]:
    """The prose of an HTML ``source``: the text of its blocks, one article with a blank line
    between each two, and the values of ``alt`` and ``title``, each its own. Any text is HTML,
    however broken: nothing here fails."""
    page = ProseBuilder()
    described: list[Segment] = []
    kept: dict[str, int] = {}  # open elements whose content is kept, by name
    hidden = 0  # how many of them are open
    for kind, name, start, end in tokens(source):
        if kind == "text":
            if not hidden:
                page.add_text(source, start, end)
        elif kind == "comment" and markers(source[start:end]):
            page.add_text(source, start, end)  # a marker for the chain to read (cleanup.suppression)
        elif kind == "comment" or name in INLINE:
            page.add_gap(start, end)
            if kind == "start" and not hidden and _PROSE_ATTRIBUTE.search(source, start, end):
                described += _attribute_segments(source, Token(kind, name, start, end))
        else:
            page.add_break()
            if name in KEPT and kind in ("start", "end"):
                change = 1 if kind == "start" else -1 if kept.get(name) else 0
                kept[name] = kept.get(name, 0) + change
                hidden += change
            elif kind == "start" and not hidden and _PROSE_ATTRIBUTE.search(source, start, end):
                described += _attribute_segments(source, Token(kind, name, start, end))
            elif kind == "raw" and name == "title" and not hidden:
                page.add_text(source, start, end)
                page.add_break()
    segment = page.segment()
    return described if segment is None else [segment, *described]
