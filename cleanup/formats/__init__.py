"""Formats: what a file holds besides prose, as the spans of it no rule may change, or as the
strings that hold its prose.

A format of prose with markup gives two kinds of span. Its *markup* (Markdown's code,
destinations, front matter …) is kept byte for byte. The *addresses* of its prose (URLs, e-mail
addresses, handles, hashtags, paths: :mod:`cleanup.formats.plain`) are kept too, but for the
character repairs of the encoding pass: mojibake and entities damage an address as they damage
prose. Markdown (:mod:`cleanup.formats.markdown`) is such a format; plain text is one with no
markup.

Other formats hold their prose in strings to read (:mod:`cleanup.formats.segments`), each
cleaned as one article and written back encoded as the file has them: HTML, its text read across
inline elements (:mod:`cleanup.formats.htmldoc`); JSON Lines and JSON, the fields named in
:class:`Reading` (:mod:`cleanup.formats.jsondata`); PO catalogues (:mod:`cleanup.formats.po`) and
XLIFF files (:mod:`cleanup.formats.xliff`), their translations, placeholders and inline codes
kept.

The extension tells a file's format, unless the user names one (``--format-in``):

>>> reading = Reading()
>>> [reading.format_for(path).name for path in ("a.md", "-", "a.html", "a.jsonl", "a.json", "a.po", "a.xlf")]
['markdown', 'text', 'html', 'jsonl', 'json', 'po', 'xliff']
>>> Reading(format="markdown").format_for("notes.txt").name
'markdown'
>>> MARKDOWN.spans("See `x` at https://x.org")
([(4, 7)], [(11, 24)])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import PurePath

from cleanup.formats import htmldoc, jsondata, markdown, plain, po, prose, xliff
from cleanup.formats.errors import FormatError
from cleanup.formats.segments import Segment
from cleanup.offsets import merged

__all__ = [
    "DEFAULT_FIELDS",
    "FORMAT_NAMES",
    "MARKDOWN",
    "TEXT",
    "Format",
    "FormatError",
    "Reading",
    "Segment",
    "check_fields",
    "format_named",
]

Spans = list[tuple[int, int]]  # sorted, none overlapping another


@dataclass(frozen=True)
class Format:
    """A kind of file: its name, and how to find the markup of a text of it, or, for data, the
    strings of it that hold prose (``segments``; :class:`FormatError` for a file it cannot read)
    and the format each of those strings is cleaned in (``inner``: plain text when ``None``)."""

    name: str
    markup: Callable[[str], Spans]
    segments: Callable[[str], list[Segment]] | None = None
    inner: Format | None = None
    # The stretches of prose where some characters are the format's syntax, which no fix may
    # bring in (a quote inside a quoted YAML value): start, end, those characters, and those it
    # may not bring in as its first character.
    guards: Callable[[str], list[tuple[int, int, str, str]]] | None = None

    def spans(self, text: str) -> tuple[Spans, Spans]:
        """The markup of ``text``, and the addresses of its prose."""
        return self.markup(text), plain.protected_spans(text)


def _no_markup(text: str) -> Spans:
    return []


def _codes_and_placeholders(text: str) -> Spans:
    return merged(prose.object_spans(text) + po.placeholder_spans(text) + prose.layout_spans(text))


TEXT = Format("text", _no_markup)
MARKDOWN = Format("markdown", markdown.markup_spans, guards=markdown.front_matter_guards)
PO = Format("po", _no_markup, po.po_segments, Format("po-string", po.placeholder_spans))
HTML = Format("html", _no_markup, htmldoc.html_segments, Format("html-text", prose.layout_spans))
XLIFF = Format("xliff", _no_markup, xliff.xliff_segments, Format("xliff-target", _codes_and_placeholders))
FORMAT_NAMES = ("text", "markdown", "html", "jsonl", "json", "po", "xliff")
_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
}
DEFAULT_FIELDS = ("text",)  # of JSON; Markdown's front matter has its own (markdown.PROSE_FIELDS)


@cache
def _data_format(name: str, fields: tuple[str, ...]) -> Format:
    read = jsondata.json_lines_segments if name == "jsonl" else jsondata.json_segments
    return Format(name, _no_markup, partial(read, fields=fields))


@cache
def _markdown_format(fields: frozenset[str]) -> Format:
    lowered = frozenset(map(str.lower, fields))
    return Format(
        "markdown",
        partial(markdown.markup_spans, fields=lowered),
        guards=partial(markdown.front_matter_guards, fields=lowered),
    )


def check_fields(fields: tuple[str, ...]) -> None:
    """A ``ValueError`` unless each of ``fields`` is a key, or keys joined by dots."""
    if not fields or any(not part for field in fields for part in field.split(".")):
        raise ValueError(f"fields to clean must be keys, dotted for nested ones: {', '.join(fields)!r}")


def format_named(name: str, fields: tuple[str, ...] | None = None) -> Format:
    """The format called ``name``, cleaning the string values of ``fields`` (dotted for nested
    keys) in JSON and in Markdown's front matter (``None``: the format's own); a ``ValueError``
    names the formats there are.

    >>> format_named("docx")
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'docx': choose one of text, markdown, html, jsonl, json, po, xliff
    """
    if fields is not None:
        check_fields(fields)
    if name == "text":
        return TEXT
    if name == "markdown":
        return MARKDOWN if fields is None else _markdown_format(frozenset(fields))
    if name == "html":
        return HTML
    if name == "po":
        return PO
    if name == "xliff":
        return XLIFF
    if name in FORMAT_NAMES:
        return _data_format(name, DEFAULT_FIELDS if fields is None else tuple(fields))
    raise ValueError(f"unknown format {name!r}: choose one of {', '.join(FORMAT_NAMES)}")


@dataclass(frozen=True)
class Reading:
    """How files are read: in the format named, or the one their extension tells (``format``
    ``None``), and the fields whose strings are prose in JSON and in Markdown's front matter
    (``None``: each format's own)."""

    format: str | None = None
    fields: tuple[str, ...] | None = None

    def format_for(self, path: str) -> Format:
        """The format of the file at ``path`` (``-`` for standard input: plain text unless named)."""
        name = self.format or _BY_SUFFIX.get(PurePath(path).suffix.lower(), "text")
        return format_named(name, self.fields)
