"""Where to look for leftovers: words of the text, a cheap first look, and the sentences around hits.

Most news holds no leftover. One pass over the text at C speed (bytes split on
spaces and common punctuation) says whether any word that could anchor one is
present; only the sentences around such words are tokenised and scored.

>>> text = "The talks ended. He said que nos dijeron nothing. Then he left."
>>> [text[start:end] for start, end in sentences_around(text, {"nos"})]
['He said que nos dijeron nothing.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from cleanup.passes.tokens import utf8

# Letters, with hyphens and apostrophes inside a word kept (compounds, possessives, elisions).
_WORD = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")
_ASCII_PUNCTUATION = bytes.maketrans(b".,;:!?\"'()[]/-", b" " * 14)
# Typographic punctuation in UTF-8: quotes, dashes and the ellipsis start with E2 80, guillemets
# with C2; text without those bytes (plain ASCII quotes) skips the replacements.
_GENERAL_PUNCTUATION = tuple(mark.encode() for mark in "“”‘’–—…")
_GUILLEMETS = tuple(mark.encode() for mark in "«»")
# The end of a sentence: a stop, maybe closing quotes or brackets, then a space; or a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?=\s)|\n")
_SENTENCE_START = regex.compile(r"(?r)[.!?…][\"”’)\]]*\s+|\n")
_REACH = 600  # characters looked at on each side of a hit, so that a line of any length stays cheap


@dataclass(slots=True)
class Token:
    """A word of the text: its span, its case-folded form (as wordfreq keys its lists: "straße" is
    "strasse"), and whether it starts with a capital."""

    start: int
    end: int
    word: str
    capital: bool


def present(text: str, vocabulary: frozenset[bytes]) -> list[str]:
    """The words of ``vocabulary`` (lowercase, UTF-8) that occur in ``text`` as written, whole.

    >>> present("the accordo, firmato dall'Italia", frozenset({b"accordo", b"italia"}))
    ['accordo']
    """
    data = utf8(text).translate(_ASCII_PUNCTUATION)
    for lead, marks in ((b"\xe2\x80", _GENERAL_PUNCTUATION), (b"\xc2", _GUILLEMETS)):
        if lead in data:
            for mark in marks:
                data = data.replace(mark, b" ")
    return sorted(word.decode("utf-8") for word in vocabulary.intersection(data.split()))


def sentences_around(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """The spans of the sentences (or lines) that hold any of ``words`` in lowercase, in order."""
    pattern = re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(word) for word in sorted(words)) + r")(?![\w'’])"
    )
    spans: list[tuple[int, int]] = []
    for hit in pattern.finditer(text):
        if spans and hit.start() < spans[-1][1]:
            continue
        spans.append(sentence_span(text, hit.start()))
    return spans


def sentence_span(text: str, index: int) -> tuple[int, int]:
    """The sentence around ``index``: from after the previous stop or line break to its own stop."""
    before = _SENTENCE_START.search(text, max(0, index - _REACH), index)
    start = before.end() if before else max(0, index - _REACH)
    after = _SENTENCE_END.search(text, index, index + _REACH)
    end = after.end() if after and after.group() != "\n" else after.start() if after else index + _REACH
    return start, min(end, len(text))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with their spans in ``text``.

    >>> [(t.word, t.capital) for t in tokens("Il governo dell'Italia")]
    [('il', True), ('governo', False), ("dell'italia", False)]
    """
    return [
        Token(match.start(), match.end(), match.group().casefold(), match.group()[0].isupper())
        for match in _WORD.finditer(text, start, len(text) if end is None else end)
    ]
