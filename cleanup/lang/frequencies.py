"""Word frequencies per language from wordfreq's small lists (about 50 MB for all of them).

A word *leans* towards a language when it is much more frequent there than in
English: the margin is the difference of Zipf values (log10 of frequency per
billion words), so 1.0 means ten times as frequent.

>>> margin_in("della", "it") > 2, margin_in("the", "it") < 0
(True, True)
"""

from __future__ import annotations

import math
from functools import cache

import wordfreq

from cleanup.lang.sources import SOURCE_LANGUAGES

ENGLISH = "en"


@cache
def zipf_table(language: str) -> dict[str, float]:
    """Zipf value of every word in the language's small wordfreq list."""
    return {
        word: math.log10(frequency * 1e9)
        for word, frequency in wordfreq.get_frequency_dict(language, wordlist="small").items()
    }


def margin_in(word: str, language: str) -> float:
    """How much more frequent ``word`` is in ``language`` than in English (negative: less)."""
    return margins(word)[SOURCE_LANGUAGES.index(language)]


@cache
def margins(word: str) -> tuple[float, ...]:
    """``margin_in`` for every source language, in the order of ``SOURCE_LANGUAGES``."""
    english = zipf_table(ENGLISH).get(word, 0.0)
    return tuple(zipf_table(language).get(word, 0.0) - english for language in SOURCE_LANGUAGES)


def english_zipf(word: str) -> float:
    """The word's Zipf value in English, 0 when the small list does not have it."""
    return zipf_table(ENGLISH).get(word, 0.0)


@cache
def anchors(strong: float, very_strong: float, rare_in_english: float) -> frozenset[str]:
    """Words that can make a phrase foreign on their own: ``very_strong`` times more typical of a
    source language (as a Zipf margin), or ``strong`` and rare in English."""
    words = {word for language in SOURCE_LANGUAGES for word in zipf_table(language)}
    return frozenset(
        word
        for word in words
        if max(margins(word)) >= very_strong
        or (max(margins(word)) >= strong and english_zipf(word) < rare_in_english)
    )
