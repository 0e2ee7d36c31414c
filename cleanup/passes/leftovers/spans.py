"""Where to look for leftovers: the words of the text, their places, and the sentences around them.

Only the sentences around the words the first look finds (``firstlook.py``) are
tokenised and scored.

>>> text = "The talks ended. He said que nos dijeron nothing. Then he left."
>>> [text[start:end] for start, end in sentences_at(text, [start for start, _ in occurrences(text, "nos")])]
['He said que nos dijeron nothing.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

# Letters, with hyphens and apostrophes inside a word kept (compounds, possessives, elisions).
WORD = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")
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


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` stands in ``text`` as a whole word: not inside another, not after an
    apostrophe (an elided form's) or a dot inside a name ("bbc.com").

    >>> occurrences("de la, bbc.com, de-facto, l'de com", "de")
    [(0, 2), (16, 18)]
    """
    found = []
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        inside_name = before == "." and start > 1 and text[start - 2].isalnum()
        if not (before.isalnum() or before in "'’_" or inside_name or after.isalnum() or after in "'’_"):
            found.append((start, end))
        start = text.find(word, end)
    return found


def sentences_at(text: str, positions: Iterable[int]) -> list[tuple[int, int]]:
    """The spans of the sentences (or lines) that hold any of ``positions``, in order, once each.

    >>> text = "The talks ended. He said que nos dijeron nothing. Then he left."
    >>> [text[start:end] for start, end in sentences_at(text, [29, 25])]
    ['He said que nos dijeron nothing.']
    """
    spans: list[tuple[int, int]] = []
    for position in sorted(positions):
        if spans and position < spans[-1][1]:
            continue
        spans.append(sentence_span(text, position))
    return spans


def sentence_span(text: str, index: int) -> tuple[int, int]:
    """The sentence around ``index``: from after the previous stop or line break to its own stop."""
    before = _SENTENCE_START.search(text, max(0, index - _REACH), index)
    start = before.end() if before else max(0, index - _REACH)
    after = _SENTENCE_END.search(text, index, index + _REACH)
    end = after.end() if after and after.group() != "\n" else after.start() if after else index + _REACH
    return start, min(end, len(text))


@lru_cache(maxsize=2)
def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with their spans in ``text``; remembered for the last
    sentences asked for, which each detector reads in turn (do not change the list).

    >>> [(t.word, t.capital) for t in tokens("Il governo dell'Italia")]
    [('il', True), ('governo', False), ("dell'italia", False)]
    """
    return [
        Token(match.start(), match.end(), match.group().casefold(), match.group()[0].isupper())
        for match in WORD.finditer(text, start, len(text) if end is None else end)
    ]
