"""HTML: the text of elements is prose, and so are the values of ``alt`` and ``title``; the rest
is kept byte for byte: tags, the other attributes, comments, the doctype, and the content of
``script``, ``style``, ``code``, ``pre``, ``kbd``, ``samp``, ``textarea`` (and ``svg``, ``math``,
``template``), and of an element the page marks not to be translated: ``translate="no"`` (its
descendants inherit it; ``translate="yes"`` inside makes their text prose again) or the class
``notranslate`` (Google Translate's). Elements are nested as a browser nests them, in short: an end
tag closes the elements opened since the one it ends, and a start tag closes an element that a
browser ends without its end tag (a ``p`` before the next block, an ``li`` before the next of its
list …). So a marked element left open is kept up to the end of the element that holds it, never
further.

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
>>> html_segments('<p>Name <span translate="no">sea , . The</span> , and</p>')[0].text
'Name \\n\\n , and'
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
_MARK = re.compile(r"(?i)translate")  # a tag that may hold translate="…" or class="notranslate"

# Elements that hold nothing: no end tag.
VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr",
    }
)  # fmt: skip
# Where a browser ends an element without its end tag (HTML's tree construction, in short): a start
# tag of each name closes the innermost open element of the first set, unless one of the second
# (its scope's bounds) was opened after it.
_SCOPE = frozenset({"applet", "caption", "html", "marquee", "object", "table", "td", "th", "template"})
_CLOSES_P = (frozenset({"p"}), _SCOPE | {"button"})
_ENDS_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre",
        "search", "section", "summary", "table", "ul", "xmp",
    }
)  # fmt: skip
_CLOSES: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]] = {
    **{name: (_CLOSES_P,) for name in _ENDS_P},
    "li": (_CLOSES_P, (frozenset({"li"}), _SCOPE | {"ol", "ul"})),
    "dd": (_CLOSES_P, (frozenset({"dd", "dt"}), _SCOPE | {"dl"})),
    "dt": (_CLOSES_P, (frozenset({"dd", "dt"}), _SCOPE | {"dl"})),
    "tbody": ((frozenset({"tbody", "tfoot", "thead"}), frozenset({"table", "template"})),),
    "tfoot": ((frozenset({"tbody", "tfoot", "thead"}), frozenset({"table", "template"})),),
    "thead": ((frozenset({"tbody", "tfoot", "thead"}), frozenset({"table", "template"})),),
    "tr": ((frozenset({"tr"}), frozenset({"table", "template"})),),
    "td": ((frozenset({"td", "th"}), frozenset({"table", "template", "tr"})),),
    "th": ((frozenset({"td", "th"}), frozenset({"table", "template", "tr"})),),
    "optgroup": ((frozenset({"optgroup", "option"}), frozenset({"datalist", "select"})),),
    "option": ((frozenset({"option"}), frozenset({"datalist", "optgroup", "select"})),),
}


class OpenElements:
    """The elements open at a point of a page, as a browser nests them (in short: see the module's
    docstring), each with whether its content is to be translated. Each tag costs a bounded number
    of steps, but for the elements it closes, each closed once.

    >>> elements = OpenElements()
    >>> elements.start("div", False), elements.start("p", None), elements.start("b", True)
    (False, False, True)
    >>> elements.start("p", None), elements.translated  # the first p and the b in it closed
    (False, False)
    >>> elements.end("div"); elements.translated
    True
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.translate: list[bool] = []  # of each open element, innermost last
        self.where: dict[str, list[int]] = {}  # where in ``names`` the open elements of a name are

    @property
    def translated(self) -> bool:
        """Whether the text here is to be translated."""
        return self.translate[-1] if self.translate else True

    def start(self, name: str, translate: bool | None) -> bool:
        """Read the start tag of a ``name`` that says whether it is to be translated (``None``:
        as its parent), closing what it ends; whether it (its attributes, its content) is."""
        for closed, bounds in _CLOSES.get(name, ()):
            innermost = self._last(closed)
            if innermost > self._last(bounds):
                self._close(innermost)
        translated = self.translated if translate is None else translate
        if name not in VOID:
            self.where.setdefault(name, []).append(len(self.names))
            self.names.append(name)
            self.translate.append(translated)
        return translated

    def end(self, name: str) -> None:
        """Read an end tag: it closes the innermost open ``name`` and all opened since (one that
        closes nothing is ignored, as a browser ignores it)."""
        if self.where.get(name):
            self._close(self.where[name][-1])

    def _last(self, names: frozenset[str]) -> int:
        return max((self.where[name][-1] for name in names if self.where.get(name)), default=-1)

    def _close(self, index: int) -> None:
        while len(self.names) > index:
            self.where[self.names.pop()].pop()
            self.translate.pop()


def translate_attribute(source: str, tag: Token) -> bool | None:
    """Whether the start tag ``tag`` marks its element to be translated: ``False`` for
    ``translate="no"`` (any case) or the class ``notranslate``, ``True`` for ``translate="yes"``
    (or empty), ``None`` where it says neither. Of an attribute written twice, the first counts,
    as in a browser.

    >>> page = "<p class='a notranslate' translate=yes><b translate=NO><i translate=maybe>"
    >>> [translate_attribute(page, tag) for tag in tokens(page)]
    [False, False, None]
    """
    if not _MARK.search(source, tag.start, tag.end):
        return None
    seen: set[str] = set()
    said = None
    for attribute in attributes(source, tag):
        if attribute.name in seen:
            continue
        seen.add(attribute.name)
        value = source[attribute.start : attribute.end]
        if attribute.name == "class" and "notranslate" in value.split():
            return False
        if attribute.name == "translate" and value.lower() in ("", "yes", "no"):
            said = value.lower() != "no"
    return said


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
    elements = OpenElements()
    marked = "translate" in source.lower()  # a page that never says it keeps nothing (lower(): C speed)
    translated = own = True  # the text here; the attributes of the tag read
    for token in tokens(source):
        kind, name, start, end = token
        if marked:
            before = own = translated
            if kind == "start":
                own = elements.start(name, translate_attribute(source, token))
            elif kind == "end":
                elements.end(name)
            translated = elements.translated
            if translated != before:
                page.add_break()  # the text before and after what is kept: two blocks, as beside <code>
        if kind == "text":
            if not hidden and translated:
                page.add_text(source, start, end)
        elif kind == "comment" and markers(source[start:end]):
            page.add_text(source, start, end)  # a marker for the chain to read (cleanup.suppression)
        elif kind == "comment" or name in INLINE:
            page.add_gap(start, end)
            if kind == "start" and not hidden and own and _PROSE_ATTRIBUTE.search(source, start, end):
                described += _attribute_segments(source, token)
        else:
            page.add_break()
            if name in KEPT and kind in ("start", "end"):
                change = 1 if kind == "start" else -1 if kept.get(name) else 0
                kept[name] = kept.get(name, 0) + change
                hidden += change
            elif kind == "start" and not hidden and own and _PROSE_ATTRIBUTE.search(source, start, end):
                described += _attribute_segments(source, token)
            elif kind == "raw" and name == "title" and not hidden and translated:
                page.add_text(source, start, end)
                page.add_break()
    segment = page.segment()
    return described if segment is None else [segment, *described]
