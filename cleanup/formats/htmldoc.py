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

from cleanup.formats.htmltokens import Token, attributes, tokens
from cleanup.formats.prose import ProseBuilder, escape_double_quoted, escape_single_quoted
from cleanup.formats.segments import Segment, joined

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


def _attribute_segments(source: str, tag: Token) -> list[Segment]:
    segments = []
    for attribute in attributes(source, tag):
        if attribute.name in PROSE_ATTRIBUTES and attribute.quote:
            builder = ProseBuilder(escape_double_quoted if attribute.quote == '"' else escape_single_quoted)
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
    builder = ProseBuilder()
    kept: dict[str, int] = {}  # open elements whose content is kept, by name

    def flush() -> None:
        nonlocal builder
        if segment := builder.segment():
            blocks.append(segment)
        builder = ProseBuilder()

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
