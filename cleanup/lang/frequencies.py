"""Word frequencies of the copy's language and of its source languages, from wordfreq.

A word *leans* towards a source language when it is much more frequent there
than in the target language: the margin is the difference of Zipf values (log10
of frequency per billion words), so 1.0 means ten times as frequent. The target
language is read from wordfreq's large list, so that a rare word of the copy's
own language ("stabilise", "sanguine") is known as one; the source languages
from the small lists (a few MB each). Of the large list only the words that
matter are kept: those of the source lists and of the target's small list.

>>> english = frequencies_for("en")
>>> english.sources
('it', 'fr', 'es', 'de', 'pt')
>>> english.margin("della", "it") > 2, english.margin("the", "it") < 0
(True, True)
>>> english.margin("stabilise", "fr") < 1
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

import wordfreq

from cleanup.lang.sources import sources_for


@cache
def zipf_table(language: str) -> dict[str, float]:
    """Zipf value of every word in the language's small wordfreq list."""
    return _zipf_values(language, "small")


def _zipf_values(language: str, wordlist: str, keep: set[str] | None = None) -> dict[str, float]:
    return {
        word: math.log10(frequency * 1e9)
        for word, frequency in wordfreq.get_frequency_dict(language, wordlist=wordlist).items()
        if keep is None or word in keep
    }


def _zipf(table: dict[str, float], word: str) -> float:
    """The word's Zipf value in ``table``; a hyphenated word the list lacks ("sexta-feira") counts
    as its rarest part, as wordfreq splits it so."""
    found = table.get(word)
    if found is not None:
        return found
    if "-" not in word:
        return 0.0
    return min(table.get(part, 0.0) for part in word.split("-"))


class Frequencies:
    """Margins of words over the ``target`` language, for each of its source languages.

    Margins are remembered per word: news repeats its vocabulary, and a batch
    worker sees the same words in every article.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self.sources = sources_for(target)
        self._source_tables = tuple(zipf_table(language) for language in self.sources)
        wanted = set(wordfreq.iter_wordlist(target, "small")).union(*self._source_tables)
        self._target = _zipf_values(target, "large", keep=wanted)
        self._margins: dict[str, tuple[float, ...]] = {}

    def target_zipf(self, word: str) -> float:
        """The word's Zipf value in the target language, 0 when it is not in the list."""
        return _zipf(self._target, word)

    def margins(self, word: str) -> tuple[float, ...]:
        """How much more frequent ``word`` is in each source language than in the target."""
        found = self._margins.get(word)
        if found is None:
            found = self._margins[word] = self._computed_margins(word)
        return found

    def _computed_margins(self, word: str) -> tuple[float, ...]:
        base = _zipf(self._target, word)
        return tuple(_zipf(table, word) - base for table in self._source_tables)

    def margin(self, word: str, language: str) -> float:
        """``margins`` for one source language."""
        return self.margins(word)[self.sources.index(language)]

    def words_where(self, keep: Callable[[str, float, float], bool]) -> frozenset[str]:
        """The words of the source lists for which ``keep(word, target_zipf, best_margin)`` holds,
        ``best_margin`` being the word's largest margin over the source languages.

        >>> english = frequencies_for("en")
        >>> "della" in english.words_where(lambda word, target, margin: margin >= 3)
        True
        """
        best: dict[str, float] = {}
        for table in self._source_tables:
            for word, zipf in table.items():
                if zipf > best.get(word, -99.0):
                    best[word] = zipf
        return frozenset(
            word
            for word, zipf in best.items()
            if keep(word, target := self._target.get(word, 0.0), zipf - target)
        )


@cache
def frequencies_for(target: str) -> Frequencies:
    """The one :class:`Frequencies` of a target language."""
    return Frequencies(target)
