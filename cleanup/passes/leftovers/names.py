"""Countries, territories and languages named in the source language, with the copy's name for them.

>>> text = "talks between gli Stati Uniti and l’Allemagne"
>>> [(text[f.start:f.end], f.replacement) for f in find(text, ["Uniti", "Allemagne"], "en")]
[('gli Stati Uniti', 'the United States'), ('l’Allemagne', 'Germany')]
>>> list(find("the Forza Italia party", ["Italia"], "en"))
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from cleanup.lang import diskcache
from cleanup.lang.frequencies import frequencies_for
from cleanup.lang.names import language_name
from cleanup.lang.places import place_names, takes_article
from cleanup.lang.sources import ARTICLES
from cleanup.model import Finding, Safety

SOURCE_NAME = "source-name"
KNOWN_IN_TARGET = 3.0  # a one-word name this frequent in the copy's language is one of its words
# Articles that are English words too ("a", "as") are never taken as part of a name.
_ENGLISH_WORDS = frozenset({"a", "i", "o", "as"})
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Þ][^\W\d_]*[ ]$")
_CAPITALISED_AFTER = re.compile(r"[ ][A-ZÀ-Þ]")


@cache
def _by_key_word(target: str) -> dict[str, tuple[str, ...]]:
    """The names by their key word: the one the copy's language uses least ("Unies" of "Nations
    Unies"), so that the first look rarely stops at a word of the copy such as "Nations"."""

    def build() -> dict[str, tuple[str, ...]]:
        frequencies = frequencies_for(target)
        index: dict[str, tuple[str, ...]] = {}
        for name in place_names(target):
            words = name.replace("-", " ").split()
            key = min(words, key=lambda word: (frequencies.target_zipf(word.casefold()), words.index(word)))
            index[key] = (*index.get(key, ()), name)
        return index

    return diskcache.word_index(f"place-key-words-{target}", build)


@cache
def key_words(target: str) -> frozenset[str]:
    """The key word of every name: what the first look searches for.

    >>> "Uniti" in key_words("en"), "Nations" in key_words("en")
    (True, False)
    """
    return frozenset(_by_key_word(target))


@cache
def _articles(target: str) -> str:
    articles = {
        word
        for language, words in ARTICLES.items()
        if language != target
        for word in words.split()
        if word not in _ENGLISH_WORDS
    }
    return "|".join(sorted(articles, key=len, reverse=True))


@cache
def _article_before(target: str) -> re.Pattern[str]:
    """A source-language article just before a name: "gli ", "L’"."""
    return re.compile(rf"(?<![\w'’-])(?P<article>(?i:{_articles(target)}))(?:\s+|(?<=[lL])['’])$")


@lru_cache(maxsize=1024)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w'’-])")


def find(text: str, hits: Iterable[str], target: str) -> Iterator[Finding]:
    """Names of the source languages that start with one of ``hits``, with an unsafe fix."""
    index = _by_key_word(target)
    candidates = [name for hit in hits for name in index.get(hit, ())]
    if not candidates:
        return
    frequencies = frequencies_for(target)
    for match in _pattern(tuple(sorted(set(candidates)))).finditer(text):
        name, start = match.group(), match.start()
        article_match = _article_before(target).search(text, max(0, start - 8), start)
        article = article_match.group("article") if article_match else None
        if article_match:
            start = article_match.start()
        elif start and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
            continue  # inside a word, or after an elision that is not an article: "d'Italia"
        if " " not in name and frequencies.target_zipf(name.lower()) >= KNOWN_IN_TARGET:
            continue
        if _CAPITALISED_BEFORE.search(text, max(0, start - 30), start) or (
            _CAPITALISED_AFTER.match(text, match.end())
        ):
            continue  # part of a longer name: "Forza Italia", "Dominique Strauss-Kahn"
        translated, language = place_names(target)[name]
        replacement = translated
        if article and takes_article(translated, target):
            the = ARTICLES[target].split()[0]
            replacement = f"{the.capitalize() if article[0].isupper() else the} {translated}"
        yield Finding(
            SOURCE_NAME,
            f"{language_name(language)} name: {text[start : match.end()]!r} → {replacement!r}",
            start,
            match.end(),
            replacement,
            Safety.UNSAFE,
        )
