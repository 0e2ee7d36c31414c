"""Where to look for leftovers: the words of the text, their places, and the sentences around them.

Only the sentences around the words the first look finds (the leftovers' list of the shared
look at the text's words, :mod:`cleanup.passes.wordlook`) are tokenised and scored.

>>> text = "The talks ended. He said que nos dijeron nothing. Then he left."
>>> starts = [start for start, _ in occurrences_of(text, ["nos"])["nos"]]
>>> [text[start:end] for start, end in sentences_at(text, starts)]
['He said que nos dijeron nothing.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import regex
from ahocorasick_rs import AhoCorasick

# Letters, with hyphens and apostrophes inside a word kept (compounds, possessives, elisions).
WORD = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")
# The end of a sentence: a stop, maybe closing quotes or brackets, then a space; or a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?=\s)|\n")
_SENTENCE_START = regex.compile(r"(?r)[.!?…][\"”’)\]]*\s+|\n")
# A character that cannot be part of a word or touch one that stands whole, but a space, which is
# read as itself (replacing every space by a space cost most of the time on a long text).
_OUTSIDE_WORDS = re.compile(r"[^\w'’ ]")
# Up to this many words are searched for one by one; more, by one automaton for all of them.
_FEW_WORDS = 8
_REACH = 600  # characters looked at on each side of a hit, so that a line of any length stays cheap


@dataclass(slots=True)
class Token:
    """A word of the text: its span, its case-folded form (as wordfreq keys its lists: "straße" is
    "strasse"), and whether it starts with a capital."""

    start: int
    end: int
    word: str
    capital: bool


def occurrences_of(text: str, words: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each of ``words`` stands in ``text`` as a whole word (not inside another, not after an
    apostrophe, an elided form's, or a dot inside a name, "bbc.com").

    >>> occurrences_of("de la, bbc.com, de-facto, l'de com", ["de"])
    {'de': [(0, 2), (16, 18)]}

    A word stands whole between two characters that cannot touch it (neither a letter, a digit,
    an underscore nor an apostrophe); each place is then checked as above, and a word's places
    are read from left to right, the next from the end of the last. A few words are searched for
    one by one; a search per word costs the text's length times the number of words, so more of
    them are found in one pass by one Aho-Corasick automaton.

    >>> occurrences_of("de la, bbc.com, de-facto", ["la", "de"])
    {'la': [(3, 5)], 'de': [(0, 2), (16, 18)]}
    """
    words = list(dict.fromkeys(word for word in words if word))
    found: dict[str, list[tuple[int, int]]] = {word: [] for word in words}
    places = _searched(text, words) if len(words) <= _FEW_WORDS else _scanned(text, words)
    for index, start in places:
        word = words[index]
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        inside_name = before == "." and start > 1 and text[start - 2].isalnum()
        if not (before.isalnum() or before in "'’_" or inside_name or after.isalnum() or after in "'’_"):
            found[word].append((start, end))
    return found


def _outside(char: str) -> bool:
    """Whether ``char`` cannot be part of a word: a space, or what ``_OUTSIDE_WORDS`` reads as one."""
    return not (char.isalnum() or char in "_'’")


def _searched(text: str, words: list[str]) -> list[tuple[int, int]]:
    """``(index of the word, start)`` of every place where a word stands between two characters
    that cannot touch it, a word's places from left to right, each from the end of the last:
    one search of the text per word, at C speed."""
    places = []
    for index, word in enumerate(words):
        end = 0
        start = text.find(word)
        while start >= 0:
            after = start + len(word)
            if (
                start >= end
                and (start == 0 or _outside(text[start - 1]))
                and (after == len(text) or _outside(text[after]))
            ):
                places.append((index, start))
                end = after
            start = text.find(word, start + 1)
    return places


def _scanned(text: str, words: list[str]) -> list[tuple[int, int]]:
    """What :func:`_searched` finds, in one pass over the text for all the words: every character
    that cannot touch a word read as a space, and one automaton finding each word between two."""
    automaton = AhoCorasick([f" {_OUTSIDE_WORDS.sub(' ', word)} " for word in words])
    # The text between spaces: a place found at ``start`` of it is the word at ``start`` in the text.
    spaced = f" {_OUTSIDE_WORDS.sub(' ', text)} "
    ends = [0] * len(words)  # where the last place of each word ends
    places = []
    for index, start, _ in sorted(
        automaton.find_matches_as_indexes(spaced, overlapping=True), key=itemgetter(1)
    ):
        word = words[index]
        if start < ends[index] or not text.startswith(word, start):
            continue
        ends[index] = start + len(word)
        places.append((index, start))
    return places


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
