"""Word frequencies of the copy's language and of its source languages, from wordfreq.

A word *leans* towards a source language when it is much more frequent there
than in the target language: the margin is the difference of Zipf values (log10
of frequency per billion words), so 1.0 means ten times as frequent. Every
language is read from wordfreq's large list, so that a rare word of the copy's
own language ("stabilise", "sanguine") is known as one, and a rare word of a
source language ("saludaron") as one of that language. The words of the small
lists (and, for the target, the large list's entries for them) are kept in
dicts; the rarer ones only as compact fingerprints, read when first needed.

>>> english = frequencies_for("en")
>>> english.sources
('it', 'fr', 'es', 'de', 'pt')
>>> english.margin("della", "it") > 2, english.margin("the", "it") < 0
(True, True)
>>> english.margin("stabilise", "fr") < 1, english.margin("saludaron", "es") > 2
(True, True)
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from functools import cache

from cleanup.lang import diskcache
from cleanup.lang.sources import sources_for
from cleanup.lang.wordlists import RareWords, bands

# The rarest words of a source language kept: one in 25 million words ("goinfres" is 1.48). Below
# this the large lists hold half their words, mostly typos and names; the copy's own language is
# kept whole, so that any word it knows reads as its own.
SOURCE_FLOOR = 1.4
# Words remembered per language, with their values: a batch worker sees the same words in every
# article, but the names it meets have no end, so the memory starts afresh past this many.
MEMO_SIZE = 100_000


@cache
def zipf_table(language: str) -> dict[str, float]:
    """Zipf value of every word in the language's small wordfreq list."""
    return diskcache.word_values(
        f"zipf-small-{language}",
        lambda: {word: zipf for zipf, words in bands(language, "small") for word in words},
    )


@cache
def rare_words(language: str, floor: float) -> RareWords:
    """The words of the language's large list rarer than its small list's cut (down to ``floor``),
    as fingerprints: built once per process for every rule that asks (leftovers, glued words;
    pass ``floor`` by position, so that both ask for the same one)."""

    def build() -> array:
        return RareWords.of(
            bands(language, "large"), below=min(zipf_table(language).values()), floor=floor
        ).keys

    return RareWords(diskcache.keys(f"rare-{language}-{floor}", build))


class _Language:
    """One language's Zipf values: a dict of the ``common`` words, and the words of the large
    list rarer than the small list's cut (down to ``floor``) as fingerprints, read on first use."""

    def __init__(self, language: str, common: dict[str, float], floor: float = 0.0) -> None:
        self.language = language
        self.common = common
        self._floor = floor
        self._rare: RareWords | None = None
        self._looked_up: dict[str, float] = {}  # rare words asked for: names and typos recur

    def zipf(self, word: str) -> float:
        """The word's Zipf value; a hyphenated word the list lacks ("sexta-feira") counts as its
        rarest part, as wordfreq splits it so."""
        found = self._lookup(word)
        if found or "-" not in word:
            return found
        return min(self._lookup(part) for part in word.split("-"))

    def _lookup(self, word: str) -> float:
        found = self.common.get(word)
        if found is None:
            found = self._looked_up.get(word)
        if found is None:
            if self._rare is None:
                self._rare = rare_words(self.language, self._floor)
            if len(self._looked_up) >= MEMO_SIZE:
                self._looked_up.clear()
            found = self._looked_up[word] = self._rare.zipf(word)
        return found


class Frequencies:
    """Margins of words over the ``target`` language, for each of its source languages.

    Margins are remembered per word (up to ``MEMO_SIZE`` at a time): news repeats its
    vocabulary, and a batch worker sees the same words in every article.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self.sources = sources_for(target)
        self._source_tables = tuple(zipf_table(language) for language in self.sources)
        self._source_languages = tuple(
            _Language(language, table, floor=SOURCE_FLOOR)
            for language, table in zip(self.sources, self._source_tables, strict=True)
        )
        self._target = diskcache.word_values(f"zipf-target-{target}", self._target_values)
        self._target_language = _Language(target, self._target)
        self._margins: dict[str, tuple[float, ...]] = {}

    def _target_values(self) -> dict[str, float]:
        """The target's Zipf values (from its large list) of the words of every small list."""
        wanted = set(zipf_table(self.target)).union(*self._source_tables)
        return {word: zipf for zipf, words in bands(self.target, "large") for word in words if word in wanted}

    def target_zipf(self, word: str) -> float:
        """The word's Zipf value in the target language, 0 when it is not in the list."""
        return self._target_language.zipf(word)

    def margins(self, word: str) -> tuple[float, ...]:
        """How much more frequent ``word`` is in each source language than in the target."""
        found = self._margins.get(word)
        if found is None:
            if len(self._margins) >= MEMO_SIZE:
                self._margins.clear()
            found = self._margins[word] = self._computed_margins(word)
        return found

    def _computed_margins(self, word: str) -> tuple[float, ...]:
        base = self.target_zipf(word)
        return tuple(language.zipf(word) - base for language in self._source_languages)

    def margin(self, word: str, language: str) -> float:
        """``margins`` for one source language."""
        return self.margins(word)[self.sources.index(language)]

    def words_where(
        self, keep: Callable[[str, float, float], bool], languages: Iterable[str] | None = None
    ) -> frozenset[str]:
        """The words of the source lists (of ``languages``, or all) for which ``keep(word,
        target_zipf, best_margin)`` holds, ``best_margin`` being the word's largest margin over
        those source languages.

        >>> english = frequencies_for("en")
        >>> "della" in english.words_where(lambda word, target, margin: margin >= 3)
        True
        >>> "della" in english.words_where(lambda word, target, margin: margin >= 3, ["de"])
        False
        """
        chosen = self.sources if languages is None else set(languages)
        best: dict[str, float] = {}
        for language, table in zip(self.sources, self._source_tables, strict=True):
            if language not in chosen:
                continue
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
