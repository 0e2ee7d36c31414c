"""Small text helpers shared by the passes.

>>> text = "at 10 a.m. on Monday"
>>> word_before(text, text.index(". on"))
'a.m'
>>> is_abbreviation("a.m")
True
>>> utf8("café")
b'caf\\xc3\\xa9'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from cleanup.lang.en import ABBREVIATIONS

_WORD_BEFORE = regex.compile(r"(?r)[\p{L}.]{0,40}")
_SPACE_BEFORE = regex.compile(r"(?r)[ \t]*")
_WHITESPACE = regex.compile(r"\s*")


def word_before(text: str, index: int) -> str:
    """The run of letters and inner full stops that ends just before ``index``."""
    match = _WORD_BEFORE.search(text, 0, index)
    return match.group().lstrip(".") if match else ""


def is_abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` belongs to an abbreviation or an initial."""
    if not word:
        return False
    return len(word) == 1 or "." in word or word.lower() in ABBREVIATIONS


def next_visible(text: str, index: int) -> tuple[int, bool]:
    """Index of the first non-space character from ``index`` and whether a line break came first.

    Returns ``len(text)`` when only whitespace follows.
    """
    match = _WHITESPACE.match(text, index)
    gap = match.group()
    return match.end(), "\n" in gap or "\r" in gap


def horizontal_space_before(text: str, index: int) -> int:
    """Start of the run of spaces and tabs that ends at ``index``."""
    return _SPACE_BEFORE.search(text, 0, index).start()


@lru_cache(maxsize=4)
def utf8(text: str) -> bytes:
    """``text`` in UTF-8 (lone surrogates kept), encoded once for the passes that take a first
    look at its bytes: each pass of the chain asks for the same text in turn."""
    return text.encode("utf-8", "surrogatepass")
