"""Source text copied into the translation: where a file holds each translation with the text it
translates (a PO catalogue's ``msgid``), a run of the translation's words that stands, word for
word, in the source is a leftover found exactly, whatever the language. Each two neighbours of
the run stand side by side in the source (a test made in constant time per word, where looking
for the whole run in the source could cost its length for every run).

A run counts when it holds a word the copy's language hardly uses, written in lowercase, that
is no part of a name: names ("Vladimir Putin"), numbers and words both languages write ("in",
"film") pass from source to translation as they should, and so do the particles between the
words of a name ("Corriere dello Sport", "Kirchheim unter Teck"), an elided article before one
("Tour de l'Ain") and the titles English keeps ("Brandenburg aktuell": :mod:`.kept`).

>>> def rare(word): return word in {"non", "ancora", "deciso", "dello"}
>>> text = "Vladimir Putin told Corriere dello Sport the government non ha ancora deciso."
>>> source = "Vladimir Putin al Corriere dello Sport: il governo non ha ancora deciso"
>>> [text[start:end] for start, end in copied_runs(text, source, rare, "en")]
['non ha ancora deciso']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

import regex

from cleanup.lang.sources import NAME_PARTICLES
from cleanup.passes.leftovers.kept import kept_spans

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*")
# The same words, without the combining marks of decomposed text, found by the quicker ``re``:
# enough to tell whether text and source share a pair at all.
_ROUGH_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ELIDED = regex.compile(r"\p{L}{1,2}['’](.+)")  # "l'Ain": an article elided before a word
_BETWEEN = regex.compile(r"[ \t\u00a0]+")  # what may stand between two words of a copied run
_SHORTEST = 3  # letters of the foreign word a run must hold: "al", "la" are too short to tell


def copied_runs(text: str, source: str, foreign: Callable[[str], bool], target: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (copy in the ``target`` language) where two or more of its words
    stand as they do in ``source``, one of them lowercase, of at least three letters, ``foreign``
    (lowercased) to the copy's language, and no part of a name.

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
        if last > first and any(_foreign(words, index, foreign) for index in range(first, last + 1)):
            start, end = words[first][0], words[last][1]
            kept = kept_spans(text, start, end, target)
            if not any(
                _foreign(words, index, foreign) and not _inside(words[index], kept)
                for index in range(first, last + 1)
            ):
                first = last + 1
                continue
            runs.append((start, end))
        first = last + 1
    return runs


def _foreign(words: list[tuple[int, int, str]], index: int, foreign: Callable[[str], bool]) -> bool:
    """Whether the word at ``index`` is one the copy's language hardly uses, and no part of a name:
    not a particle between two capitalised words, nor an article elided before one."""
    word = words[index][2]
    if not (word[0].islower() and len(word) >= _SHORTEST and foreign(word.casefold())):
        return False
    elided = _ELIDED.match(word)
    if elided and elided.group(1)[0].isupper():
        return False
    between = (
        0 < index < len(words) - 1 and words[index - 1][2][0].isupper() and words[index + 1][2][0].isupper()
    )
    return not (between and word.casefold() in NAME_PARTICLES)


def _inside(word: tuple[int, int, str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= word[0] and word[1] <= end for start, end in spans)
