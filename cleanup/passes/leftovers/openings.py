"""Where to look for leftovers: the words the first look searches for, and the places that open a
sentence to scoring.

A word that can be a leftover by itself opens its sentence wherever it stands; a word that only
makes a phrase with a neighbour opens it when such a neighbour is there; a capitalised noun
written again nearby opens nothing, being a name.

>>> text = "He said que nos dijeron nothing. Then la Liga resumed."
>>> hits = Hits(alone=frozenset({"que"}), pairing=frozenset({"la", "nos"}))
>>> [text[start:] for start in openings(text, "en", ("it", "fr", "es", "de", "pt"), hits)]
['nos dijeron nothing. Then la Liga resumed.', 'que nos dijeron nothing. Then la Liga resumed.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleanup.lang import diskcache
from cleanup.lang.frequencies import Frequencies, frequencies_for
from cleanup.lang.sources import CAPITALISED_NOUNS
from cleanup.passes.leftovers import elisions, names, phrases
from cleanup.passes.leftovers.catalogue import LANGUAGE_RULES
from cleanup.passes.leftovers.spans import WORD, occurrences_of
from cleanup.passes.wordlook import Reading, WordList, register

_NEIGHBOURHOOD = 40  # characters on each side of a word where its neighbours are looked for,
_NEIGHBOURS = 3  # up to this many words away
_STOP = re.compile(r"[.!?…]\s|\n")


def _alone(target: str) -> frozenset[str]:
    """Words that can be a leftover by themselves, which open their sentence to scoring wherever
    they stand: rare in the copy's language and common in a source language ("fornitori"), and
    common nouns of a language that capitalises them ("Einfluss"), written so. Read from the disk
    cache each time asked, not kept: 130,000 words, which the first look holds packed."""

    def build() -> frozenset[str]:
        frequencies = frequencies_for(target)
        words = frequencies.words_where(phrases.stands_alone)
        nouns = frequencies.words_where(phrases.noun_stands_alone, CAPITALISED_NOUNS)
        return words | {noun.capitalize() for noun in nouns}

    return diskcache.word_set(f"alone-{target}", build)


@cache
def _pairing(target: str) -> frozenset[str]:
    """Words that make a phrase with a neighbour ("della Repubblica", "de los", "in der"), which
    open their sentence when one is there."""

    def pairs(word: str, target_zipf: float, margin: float) -> bool:
        return margin >= phrases.PAIRED or phrases.anchors(target_zipf, margin)

    return diskcache.word_set(
        f"pairing-{target}", lambda: frequencies_for(target).words_where(pairs) - _alone(target)
    )


@cache
def _openers(target: str) -> frozenset[str]:
    """Function words of a source language written with a capital, as they open a sentence
    ("Dopo", "Mentre"), which open it to scoring."""
    return diskcache.word_set(
        f"openers-{target}",
        lambda: (word.capitalize() for word in frequencies_for(target).words_where(phrases.opener)),
    )


@cache
def vocabulary(target: str, language: str) -> frozenset[str]:
    """The news vocabulary of a source language that the copy's language hardly uses ("alcalde"),
    looked at when the feed's source is known or inferred."""
    return diskcache.word_set(
        f"vocabulary-{target}-{language}",
        lambda: frequencies_for(target).words_where(phrases.vocabulary, [language]),
    )


def _others(target: str) -> list[str]:
    """The first look's other words, sorted: elided forms and the key words of place names."""
    return sorted(set(elisions.signs(target)) | names.key_words(target))


# The first look: its lists, searched in the shared look at the text's words, each its words sorted.
_ALONE = register(WordList("leftovers-alone", LANGUAGE_RULES, lambda target: sorted(_alone(target))))
_PAIRING = register(WordList("leftovers-pairing", LANGUAGE_RULES, lambda target: sorted(_pairing(target))))
_OPENERS = register(WordList("leftovers-openers", LANGUAGE_RULES, lambda target: sorted(_openers(target))))
_OTHERS = register(WordList("leftovers-others", LANGUAGE_RULES, _others))
FIRST_LOOK = (_ALONE, _PAIRING, _OPENERS, _OTHERS)


@dataclass(frozen=True)
class Hits:
    """The words of the first look a text holds, by what each may open: a word that stands alone
    (its sentence wherever it stands), one that pairs (where a neighbour pairs with it), a function
    word opening a sentence; and the others, elided forms and key words of place names."""

    alone: frozenset[str] = frozenset()
    pairing: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    others: frozenset[str] = frozenset()

    @classmethod
    def read(cls, reading: Reading) -> Hits:
        """The hits of a text's reading by the shared look."""
        if not reading:
            return cls()
        return cls(*(frozenset(reading.words(word_list.name)) for word_list in FIRST_LOOK))

    def __bool__(self) -> bool:
        return bool(self.alone or self.pairing or self.openers or self.others)

    @property
    def words(self) -> list[str]:
        """Every hit, sorted."""
        return sorted(self.alone | self.pairing | self.openers | self.others)


def openings(
    text: str, target: str, languages: tuple[str, ...], hits: Hits, known: tuple[str, ...] = ()
) -> list[int]:
    """Where the words of the first look stand in ``text``: every word that stands alone or opens
    a sentence, the words that pair where a neighbour pairs with them, and the news vocabulary
    of the ``known`` source languages."""
    alone, pairing, openers = hits.alone, hits.pairing, hits.openers
    news = frozenset().union(*(vocabulary(target, language) for language in known if language in languages))
    frequencies = frequencies_for(target)
    columns = [frequencies.sources.index(language) for language in languages]
    positions = []
    words = hits.words
    places = occurrences_of(
        text, (hit for hit in words if hit in alone or hit in pairing or hit in openers or hit in news)
    )
    for hit in words:
        if hit in openers or hit in news:
            positions.extend(start for start, _ in places[hit])
        elif hit in alone:
            found = places[hit]
            if hit[0].isupper():  # a noun written again nearby is a name ("Kluft said"): no sign
                found = alone_nearby(found)
            positions.extend(start for start, _ in found)
        elif hit in pairing:
            positions.extend(
                start for start, end in places[hit] if paired(text, start, end, frequencies, columns)
            )
    return positions


def paired(text: str, start: int, end: int, frequencies: Frequencies, columns: list[int]) -> bool:
    """Whether the word at ``text[start:end]`` has a lowercase neighbour that may make a phrase of
    one of the languages (``columns`` of the frequency margins) with it: a word leaning to the
    language a few words away ("der Nacht der", "des clients à"), or a companion beside it ("a
    los", "in der").

    >>> from cleanup.lang.frequencies import frequencies_for
    >>> english = frequencies_for("en")
    >>> columns = list(range(len(english.sources)))
    >>> paired("a los", 2, 5, english, columns), paired("los Angeles", 0, 3, english, columns)
    (True, False)
    """
    # Neighbours in the same sentence: the look stops at a stop or a line break.
    before = WORD.findall(_STOP.split(text[max(0, start - _NEIGHBOURHOOD) : start])[-1])[-_NEIGHBOURS:]
    after = WORD.findall(_STOP.split(text[end : end + _NEIGHBOURHOOD], maxsplit=1)[0])[:_NEIGHBOURS]
    beside = set()  # the words right before and after, with one space between
    if before and text.endswith(before[-1] + " ", 0, start):
        beside.add(before[-1])
    if after and text.startswith(" " + after[0], end):
        beside.add(after[0])
    margins = frequencies.margins(text[start:end].casefold())
    columns = [c for c in columns if margins[c] >= phrases.STRONG]  # the languages it may anchor a phrase of
    if not columns:
        return False
    for written in (*before, *after):
        word = written.casefold()
        others = frequencies.margins(word)
        # A capitalised neighbour counts as a function word opening the phrase just before the
        # word ("Ancora lui"), or as a common noun ("der Nacht der"), never as a name.
        opening = before and written is before[-1] and written in beside
        capital = written[0].isupper() and not (opening and phrases.function_word(word, frequencies))
        for c in columns:
            if capital and not phrases.common_noun_of(word, others[c], frequencies.sources[c], frequencies):
                continue
            if (margins[c] >= phrases.STRONG and others[c] >= phrases.LEANING) or (
                written in beside
                and not capital
                and margins[c] >= phrases.PAIRED
                and phrases.companion(word, others[c], frequencies)
            ):
                return True
    return False


def alone_nearby(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Those of ``spans`` (the places of one word, in order) with no other of them nearby: a
    capitalised word written again nearby is a name.

    >>> alone_nearby([(0, 5), (100, 105), (9000, 9005)])
    [(9000, 9005)]
    """
    return [
        span
        for index, span in enumerate(spans)
        if not (index and span[0] - spans[index - 1][0] <= phrases.NEARBY)
        and not (index + 1 < len(spans) and spans[index + 1][0] - span[0] <= phrases.NEARBY)
    ]
