"""Source text copied into the translation: where a file holds each translation with the text it
translates (a PO catalogue's ``msgid``), a run of the translation's words that stands, word for
word, in the source is a leftover found exactly, whatever the language. Each two neighbours of
the run stand side by side in the source (a test made in constant time per word, where looking
for the whole run in the source could cost its length for every run).

A run counts when it holds a word the copy's language hardly uses, written in lowercase: names
("Vladimir Putin"), numbers and words both languages write ("in", "film") pass from source to
translation as they should.

>>> def rare(word): return word in {"non", "ancora", "deciso"}
>>> text = "Vladimir Putin said the government non ha ancora deciso."
>>> source = "Vladimir Putin: il governo non ha ancora deciso"
>>> [text[start:end] for start, end in copied_runs(text, source, rare)]
['non ha ancora deciso']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

import regex

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*")
# The same words, without the combining marks of decomposed text, found by the quicker ``re``:
# enough to tell whether text and source share a pair at all.
_ROUGH_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_BETWEEN = regex.compile(r"[ \t\u00a0]+")  # what may stand between two words of a copied run
_SHORTEST = 3  # letters of the foreign word a run must hold: "al", "la" are too short to tell


def copied_runs(text: str, source: str, foreign: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of ``text`` where two or more of its words stand as they do in ``source``, one of
    them lowercase, of at least three letters, and ``foreign`` (lowercased) to the copy's language.

    Most translations share no such pair of words with their source: the pairs of both are
    compared first, at C speed, and the text is read word by word only when one is shared.
    """
    pairs = set(pairwise(_ROUGH_WORD.findall(source.casefold())))
    shared = pairs.intersection(pairwise(_ROUGH_WORD.findall(text.casefold())))
    if not any(len(word) >= _SHORTEST and foreign(word) for pair in shared for word in pair):
        return []
    words = [(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]
    runs = []
    first = 0
    while first < len(words) - 1:
        last = first
        while (
            last + 1 < len(words)
            and (words[last][2].casefold(), words[last + 1][2].casefold()) in shared
            and _BETWEEN.fullmatch(text, words[last][1], words[last + 1][0])
        ):
            last += 1
        run = words[first : last + 1]
        if last > first and any(_foreign(word, foreign) for _, _, word in run):
            runs.append((run[0][0], run[-1][1]))
        first = last + 1
    return runs


def _foreign(word: str, foreign: Callable[[str], bool]) -> bool:
    return word[0].islower() and len(word) >= _SHORTEST and foreign(word.casefold())
