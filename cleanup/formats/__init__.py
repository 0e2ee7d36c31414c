"""Formats: what a file holds besides prose, as the spans of it no rule may change.

A format gives two kinds of span. Its *markup* (Markdown's code, destinations, front matter …)
is kept byte for byte. The *addresses* of its prose (URLs, e-mail addresses, handles, hashtags,
paths: :mod:`cleanup.formats.plain`) are kept too, but for the character repairs of the encoding
pass: mojibake and entities damage an address as they damage prose. A file's format is told by
its extension: Markdown for ``.md`` and ``.markdown`` (:mod:`cleanup.formats.markdown`), plain
text for any other file and for standard input.

>>> format_for("news/article.md").name, format_for("-").name
('markdown', 'text')
>>> MARKDOWN.spans("See `x` at https://x.org")
([(4, 7)], [(11, 24)])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from cleanup.formats import markdown, plain

Spans = list[tuple[int, int]]  # sorted, none overlapping another


@dataclass(frozen=True)
class Format:
    """A kind of file: its name, and how to find the markup of a text of it."""

    name: str
    markup: Callable[[str], Spans]

    def spans(self, text: str) -> tuple[Spans, Spans]:
        """The markup of ``text``, and the addresses of its prose."""
        return self.markup(text), plain.protected_spans(text)


TEXT = Format("text", lambda text: [])
MARKDOWN = Format("markdown", markdown.markup_spans)
FORMATS = {form.name: form for form in (TEXT, MARKDOWN)}
_BY_SUFFIX = {".md": MARKDOWN, ".markdown": MARKDOWN}


def format_named(name: str) -> Format:
    """The format called ``name``; a ``ValueError`` names the formats there are.

    >>> format_named("html")
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'html': choose one of markdown, text
    """
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}: choose one of {', '.join(sorted(FORMATS))}")
    return FORMATS[name]


def format_for(path: str) -> Format:
    """The format of the file at ``path`` (``-`` for standard input: plain text)."""
    return _BY_SUFFIX.get(PurePath(path).suffix.lower(), TEXT)
