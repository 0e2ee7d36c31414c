"""The tokens of an HTML document, each with its span in the source, read as the HTML5
tokenizer reads them, in one forward pass.

Python's ``html.parser`` takes quadratic time on unclosed tags (444 s for 200 KB of ``<a ``), and
the HTML5 parsers build a tree that drops what it ignores (a stray ``</a>``) and joins the text
around it, with no span for either. cleanup needs every token where it stands, so it reads them
itself, following the HTML5 tokenizer's states for what matters here: a tag ends at the first
``>`` outside a quoted attribute value; comments (``<!-- -->``, and the bogus ones: ``<!x>``,
``<?x>``, ``</ x>``); the raw text of ``script``, ``style``, ``textarea``, ``title`` and the
like, which runs to its end tag; a ``<`` that opens nothing is text. A tag, comment or raw text
left open at the end of the file runs to its end. Each character is read a bounded number of
times, whatever the file.

>>> html = 'a<p class="x>y">b</P><!--c--><script>if (a<b) x()</script>'
>>> [(token.kind, token.name, html[token.start : token.end]) for token in tokens(html)][1:5]
[('start', 'p', '<p class="x>y">'), ('text', '', 'b'), ('end', 'p', '</P>'), ('comment', '', '<!--c-->')]
>>> [html[token.start : token.end] for token in tokens(html) if token.kind == "raw"]
['if (a<b) x()']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Elements whose content is raw text: no tags inside, up to the matching end tag.
RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"}
)
_RAW_END = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in RAW_TEXT}
_COMMENT_END = re.compile(r"--!?>")
# What a "<" opens: a tag, whole (its name, then attributes, values quoted or not, up to ">" or
# the end); a comment; a bogus comment ("<!x", "<?x", "</ x"). A "<" before anything else is text.
_NEXT = re.compile(
    r"""<(?:(/)?([A-Za-z][^\t\n\f\r />]*)(?:[^>"']|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z)|(!--)|[!?/])"""
)
_ATTRIBUTE = re.compile(
    r"""([^\t\n\f\r />"'=][^\t\n\f\r />=]*)"""  # its name
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+)))?"""  # its value
)


class Token(NamedTuple):
    """One token: ``kind`` is ``text``, ``start``, ``end``, ``comment`` (a doctype too) or
    ``raw`` (the content of a raw text element); ``name`` is a tag's name, lowercase."""

    kind: str
    name: str
    start: int
    end: int


class Attribute(NamedTuple):
    """An attribute of a start tag: its name (lowercase) and its value's span in the source
    (empty where it has none) and quote (``"``, ``'`` or none)."""

    name: str
    start: int
    end: int
    quote: str


def attributes(html: str, tag: Token) -> Iterator[Attribute]:
    """The attributes of the start tag ``tag``.

    >>> html = '<img alt="l’Iran , now" src=a.png title=\\'x\\' hidden>'
    >>> [(a.name, html[a.start : a.end], a.quote) for a in attributes(html, next(tokens(html)))]
    [('alt', 'l’Iran , now', '"'), ('src', 'a.png', ''), ('title', 'x', "'"), ('hidden', '', '')]
    """
    position = tag.start + 1 + len(tag.name)
    for match in _ATTRIBUTE.finditer(html, position, tag.end):
        for group, quote in ((2, '"'), (3, "'"), (4, "")):
            if match.start(group) >= 0:
                yield Attribute(match.group(1).lower(), match.start(group), match.end(group), quote)
                break
        else:
            yield Attribute(match.group(1).lower(), match.end(), match.end(), "")


def tokens(html: str) -> Iterator[Token]:
    """The tokens of ``html``, in order, covering it from end to end."""
    position = 0
    size = len(html)
    while position < size:
        opened = _NEXT.search(html, position)
        if opened is None:
            yield Token("text", "", position, size)
            return
        start = opened.start()
        if start > position:
            yield Token("text", "", position, start)
        if opened.group(2) is not None:
            token = Token("end" if opened.group(1) else "start", opened.group(2).lower(), start, opened.end())
        elif opened.group(3):
            token = Token("comment", "", start, _comment_end(html, opened.end()))
        else:  # "</" before no letter: "</>" is nothing, "</ x>" a comment
            token = Token("comment", "", start, _to_gt(html, opened.end()))
        yield token
        position = token.end
        if token.kind == "start" and (token.name in RAW_TEXT or token.name == "plaintext"):
            closing = _RAW_END[token.name].search(html, position) if token.name in RAW_TEXT else None
            end = closing.start() if closing else size
            if end > position:
                yield Token("raw", token.name, position, end)
            position = end


def _to_gt(html: str, position: int) -> int:
    close = html.find(">", position)
    return len(html) if close < 0 else close + 1


def _comment_end(html: str, position: int) -> int:
    """The end of a comment whose content starts at ``position``: after ``-->`` (or ``--!>``;
    ``<!-->`` and ``<!--->`` are comments of their own), or the end of the file."""
    for empty in (">", "->"):
        if html.startswith(empty, position):
            return position + len(empty)
    found = _COMMENT_END.search(html, position)
    return found.end() if found else len(html)
