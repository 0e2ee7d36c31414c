"""Markdown: the prose of a document, and everything else as spans no rule may change.

The document is parsed with markdown-it-py (CommonMark, with tables, strikethrough, front matter
and dollar math). Its prose is the text of paragraphs, headings, list items, block quotes, table
cells, link text and image descriptions, and the string values of the front matter fields a
newsroom writes as prose (``title``, ``subtitle``, ``description``, ``summary``, ``excerpt``).
Everything else is kept byte for byte: code spans, fenced and indented code, link and image
destinations and titles, autolinks, raw HTML, math, reference definitions, markup characters,
backslash escapes and character references, the rest of the front matter.

>>> text = "# Talks in l’Iran\\n\\nSee `f(a). , b` and [the l’Iran page](https://x.org/l’Iran). , then"
>>> [text[start:end] for start, end in markup_spans(text)]
['# ', '\\n\\n', '`f(a). , b`', '[', '](https://x.org/l’Iran)']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

from cleanup.offsets import outside

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Front matter fields whose string value is prose.
PROSE_FIELDS = frozenset({"title", "subtitle", "description", "summary", "excerpt"})
# A quoted value whole, over as many lines as it takes, by its closing quote.
_QUOTED_VALUE = {'"': re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL), "'": re.compile(r"'(?:[^']|'')*'")}
# The first line of a block scalar: | or >, a chomping and an indentation indicator, a comment.
_BLOCK_HEADER = re.compile(r"[|>][-+1-9]{0,2}(?:[ \t]+#.*)?")
# A comment after a value (or a line of one), and what may follow a quoted value on its line.
_COMMENT = re.compile(r"(?<![^ \t\n])#")
_COMMENT_OR_NOTHING = re.compile(r"[ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)
# A value that is no scalar of its own: nothing, a comment, an anchor or a tag.
_NO_SCALAR = re.compile(r"(?:[&!][^ \t]*)?(?:[ \t]*#.*)?")
# The first line of a value that is a mapping (a key) or a list (an item).
_STARTS_KEY_OR_ITEM = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?$)|-(?:[ \t]|\r?$)", re.MULTILINE)
# A key at the start of its line, after its indentation in spaces (a nested key), and its value.
_FIELD = re.compile(r"^(?P<indent> *)(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>[^\n]*)", re.MULTILINE)
# Inline tokens whose source is markup to step over, found from their own text.
# The characters that can begin inline syntax (code, emphasis, links, images, autolinks, raw HTML,
# references, escapes, math, strikethrough): content without any is text and line breaks only.
_INLINE_SYNTAX = re.compile(r"[`*_\[\]!<&\\$~]")
_STEPPED_OVER = frozenset({"code_inline", "html_inline", "math_inline", "math_inline_double", "text_special"})


@cache
def _parser() -> MarkdownIt:
    """CommonMark with the usual extensions; text tokens left as the parser cut them (not joined
    across escapes and references), so that each stands in the source as written; blocks only."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Math as pandoc and GitHub read it, not prices: a "$" with a digit against it, or a space on its
    # inner side, opens or closes no math ("from $5m , he said , to $6m" is prose to clean).
    parser.use(front_matter_plugin).use(dollarmath_plugin, allow_digits=False, allow_space=False)
    # Inline content is parsed by _prose, and only where it may hold inline syntax.
    parser.disable(["text_join", "inline"])
    return parser


_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:.*?\n)??---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def front_matter_end(text: str) -> int:
    """Where the front matter of a Markdown document ends (0: it has none).

    >>> front_matter_end("---\\ntitle: x\\n---\\nBody"), front_matter_end("Body")
    (17, 0)
    """
    found = _FRONT_MATTER.match(text)
    return found.end() if found else 0


def markup_spans(text: str, fields: frozenset[str] = PROSE_FIELDS) -> list[tuple[int, int]]:
    """The spans of a Markdown document that are not prose, sorted, none overlapping another;
    ``fields`` are the front matter's fields whose values are prose."""
    # The parser reads CR LF and CR as LF and NUL as U+FFFD: the same, at the same offsets.
    source = text.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    starts = [0, *(match.end() for match in re.finditer("\n", source))]
    env: dict[str, object] = {}  # the reference definitions, which the inline parser reads
    prose = sorted(_prose(source, _parser().parse(source, env), starts, fields, env))
    return outside(prose, len(text))


def _offset(starts: list[int], line: int, source: str) -> int:
    return starts[line] if line < len(starts) else len(source)


def _prose(
    source: str, tokens: list[Token], starts: list[int], fields: frozenset[str], env: dict[str, object]
) -> Iterator[tuple[int, int]]:
    cursor = 0
    for token in tokens:
        if token.map is None:
            continue
        begin, end = _offset(starts, token.map[0], source), _offset(starts, token.map[1], source)
        if token.type == "front_matter":
            yield from _front_matter(source, begin, end, fields)
        elif token.type == "inline":
            cursor = max(cursor, begin)
            reader = _Inline(source, cursor, end)
            if _INLINE_SYNTAX.search(token.content):
                children: list[Token] = []
                _parser().inline.parse(token.content, _parser(), env, children)
                yield from reader.prose(children)
            else:
                yield from reader.lines(token.content)
            cursor = reader.cursor


# A front matter value's prose: its span, the characters a fix may not bring into it (YAML syntax
# there: the quote of a quoted value; a comment's "#" or a mapping's ":" in a plain one), and those
# it may not bring in as its first character (an indicator, which would open other syntax).
Value = tuple[int, int, str, str]
_QUOTED_SYNTAX = {"'": "'", '"': '"\\'}
_PLAIN_SYNTAX = "#:"
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"


def _front_matter(source: str, begin: int, end: int, fields: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The values of the prose fields (:func:`front_matter_values`) as spans."""
    for start, stop, _, _ in front_matter_values(source, begin, end, fields):
        yield start, stop


def front_matter_values(source: str, begin: int, end: int, fields: frozenset[str]) -> Iterator[Value]:
    """The values of the prose fields: on their line, without their quotes or a comment after
    them, and the lines a plain value goes on over; or written as a block (``summary: >``),
    each of its lines without its indentation. A nested key is named by its path, dotted
    (``meta.summary``).

    >>> text = "title: 'A , b' # note\\nsummary: >-\\n  First , line\\n\\n  second\\nslug: x , y\\n"
    >>> [text[start:end] for start, end, _, _ in front_matter_values(text, 0, len(text), PROSE_FIELDS)]
    ['A , b', 'First , line', 'second']
    >>> text = "meta: &m\\n  # SEO\\n  summary: x , y # z\\n  tags: >\\n    a , b\\n"
    >>> text += "excerpt:\\n  on , two\\n  lines\\n"
    >>> wanted = frozenset({"meta.summary", "excerpt"})
    >>> [text[start:end] for start, end, _, _ in front_matter_values(text, 0, len(text), wanted)]
    ['x , y', 'on , two', 'lines']
    """
    inside_until = begin  # the end of a value that goes on over lines: its lines hold no key
    parents: list[tuple[int, str]] = []  # the keys whose values hold the next key: indentation, key
    for match in _FIELD.finditer(source, begin, end):
        if match.start() < inside_until:
            continue  # text inside a value
        indent, key = len(match["indent"]), match["key"].lower()
        while parents and parents[-1][0] >= indent:
            parents.pop()
        path = ".".join([*(parent for _, parent in parents), key])
        value_start, value = match.start("value"), match["value"].rstrip(" \t\r")
        further = _block_lines(source, match.end(), end, indent)  # the lines indented further
        values: list[Value] = []
        if value[:1] in _QUOTED_SYNTAX:
            quoted = _QUOTED_VALUE[value[0]].match(source, value_start, end)
            inside_until = quoted.end() if quoted else end  # never closed: the rest is its text
            if (
                quoted
                and quoted.end() <= match.end()
                and _COMMENT_OR_NOTHING.match(source, quoted.end(), match.end())
            ):
                values = [(value_start + 1, quoted.end() - 1, _QUOTED_SYNTAX[value[0]], "")]
        elif _BLOCK_HEADER.fullmatch(value):
            values = [(start, stop, "", "") for start, stop in further]
        elif _NO_SCALAR.fullmatch(value):  # nothing, a comment, an anchor or a tag: what follows says
            first = next((line for line in further if source[line[0]] != "#"), None)
            if first is None or _STARTS_KEY_OR_ITEM.match(source, first[0]):
                parents.append((indent, key))  # a mapping or a list, or nothing
                continue
            values = _plain(chain([first], further), source)  # a plain value from the next line on
        elif value[0] in "[{":
            inside_until = max(inside_until, *(stop for _, stop in further), match.end())  # flow
        elif value[0] not in _INDICATORS:
            values = _plain(chain([(value_start, value_start + len(value))], further), source)
        if values:
            inside_until = max(inside_until, values[-1][1])
        if path in fields:
            yield from values


def _plain(lines: Iterable[tuple[int, int]], source: str) -> list[Value]:
    """The lines of a plain value, up to the comment that ends it, without the comment; read no
    further than that comment."""
    values = []
    for start, end in lines:
        comment = _COMMENT.search(source, start, end)
        stop = end if comment is None else start + len(source[start : comment.start()].rstrip(" \t"))
        if stop > start:
            values.append((start, stop, _PLAIN_SYNTAX, "" if values else _INDICATORS))
        if comment is not None:
            break
    return values


def front_matter_guards(text: str, fields: frozenset[str] = PROSE_FIELDS) -> list[Value]:
    """The prose values of a Markdown document's front matter, each with the characters a fix may
    not bring into it (:data:`Value`), for those that have any.

    >>> front_matter_guards("---\\ntitle: 'A , b'\\n---\\nBody")
    [(12, 17, "'", '')]
    """
    found = _FRONT_MATTER.match(text)
    if found is None:
        return []
    source = text[: found.end()].replace("\r\n", " \n").replace("\r", "\n")
    return [value for value in front_matter_values(source, 0, len(source), fields) if value[2] or value[3]]


def _block_lines(source: str, header_end: int, end: int, indent: int) -> Iterator[tuple[int, int]]:
    """The lines of a block scalar whose header line ends at ``header_end``, of a key indented by
    ``indent`` spaces: those after it that are indented further or blank, each without its
    indentation and its white space at the end."""
    at = source.find("\n", header_end, end) + 1
    while 0 < at < end:
        line_end = source.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        line = source[at:line_end]
        text = line.strip(" \t\r")
        if text and len(line) - len(line.lstrip(" ")) <= indent:
            return  # the next key, or the end of the front matter
        if text:
            start = at + len(line) - len(line.lstrip(" \t"))
            yield start, start + len(text)
        at = line_end + 1


class _Inline:
    """Reads the inline tokens of one block against its source, in order, from ``cursor``."""

    def __init__(self, source: str, cursor: int, end: int) -> None:
        self.source = source
        self.cursor = cursor
        self.end = end

    def lines(self, content: str) -> Iterator[tuple[int, int]]:
        """The prose of content with no inline syntax: its lines, each without the white space at
        its ends (the spaces of a hard break among it), as the inline parser would cut them."""
        for line in content.split("\n"):
            text = line.strip(" \t")
            at = self.source.find(text, self.cursor, self.end) if text else -1
            if at >= 0:
                self.cursor = at + len(text)
                yield at, self.cursor

    def prose(self, children: list[Token]) -> Iterator[tuple[int, int]]:
        autolink = False
        for child in children:
            if child.type == "text" and child.content and not autolink:
                at = self.source.find(child.content, self.cursor, self.end)
                if at >= 0:
                    self.cursor = at + len(child.content)
                    yield at, self.cursor
            elif child.type == "image":
                yield from self.prose(child.children or [])
                self._after_destination()
            elif child.type == "link_open":
                autolink = child.markup == "autolink"
            elif child.type == "link_close":
                if autolink:
                    self._past(">")
                else:
                    self._after_destination()
                autolink = False
            elif child.type in _STEPPED_OVER:
                self._step_over(child)

    def _past(self, mark: str) -> None:
        at = self.source.find(mark, self.cursor, self.end)
        if at >= 0:
            self.cursor = at + len(mark)

    def _step_over(self, child: Token) -> None:
        """Move past a code span, math, raw HTML, an escape or a character reference."""
        if child.type in ("html_inline", "text_special"):
            self._past(child.markup or child.content)
            return
        run = re.compile(
            rf"(?<!{re.escape(child.markup[0])}){re.escape(child.markup)}(?!{re.escape(child.markup[0])})"
        )
        opening = run.search(self.source, self.cursor, self.end)
        if opening is None:
            return
        closing = run.search(self.source, opening.end(), self.end)
        self.cursor = closing.end() if closing else opening.end()

    def _after_destination(self) -> None:
        """Move past the "]" that closes a link's text and the destination or label after it."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        self._past("]")
        source, at = self.source, self.cursor
        if at < self.end and source[at] == "(":
            at += 1
            while at < self.end and source[at] in " \t\n":
                at += 1
            destination = parseLinkDestination(source, at, self.end)
            if destination.ok:
                at = destination.pos
            while at < self.end and source[at] in " \t\n":
                at += 1
            title = parseLinkTitle(source, at, self.end)
            if title.ok:
                at = title.pos
            closing = source.find(")", at, self.end)
            self.cursor = closing + 1 if closing >= 0 else at
        elif at < self.end and source[at] == "[":
            self._past("]")
