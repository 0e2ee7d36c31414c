"""Where the text holds a foreign phrase its language keeps ("coup d'état", "c’est la vie") or the
title of a newspaper or programme ("Bild am Sonntag", "Brandenburg aktuell"): nothing inside is a
leftover.

>>> text = "a coup-d’etat, c'est la vie, told Bild am Sonntag and Stuttgarter Zeitung"
>>> [text[start:end] for start, end in kept_spans(text, 0, len(text), "en")]
['coup-d’etat', "c'est la vie", 'Bild am Sonntag', 'Stuttgarter Zeitung']
>>> text = "to Säbener Straße; Die Straße war"
>>> [text[start:end] for start, end in kept_spans(text, 0, len(text), "en")]
['Säbener Straße']
"""

from __future__ import annotations

import re
from functools import cache

import regex

from cleanup.lang.name_shapes import MEDIA, PAPER_ENDINGS, PROGRAMME_ENDINGS, STREET_WORDS
from cleanup.lang.nouns import NAME, common_noun, kind_of
from cleanup.lang.sources import KEPT

_REACH = 40  # characters before and after a sentence where a phrase that overlaps it may begin


@cache
def _pattern(target: str) -> re.Pattern[str] | None:
    """The kept phrases of several words, in any case, with either apostrophe and a space or a
    hyphen between words (single words are looked up directly)."""
    phrases = [
        re.escape(phrase).replace("'", "['’]").replace("\\ ", "[ -]")
        for phrase in sorted(KEPT.get(target, ()), key=len, reverse=True)
        if " " in phrase or "'" in phrase
    ]
    return (
        re.compile(r"(?<![\w'’])(?:" + "|".join(phrases) + r")(?![\w'’])", re.IGNORECASE) if phrases else None
    )


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


# A title as it is written; a programme's, after a name ("Brandenburg aktuell"); a newspaper's,
# after a place written as an adjective ("Stuttgarter Zeitung", "Rheinische Post"); a street's,
# after a name or a place written as an adjective ("Säbener Straße", "Ingolstädter Straße").
# Compiled when first needed, out of cleanup's start-up.
@cache
def _title() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\w'’-])(?:(?P<media>{_alternatives(MEDIA)})"
        rf"|(?P<name>\p{{Lu}}[\p{{L}}\d]*) (?:{_alternatives(PROGRAMME_ENDINGS)})"
        rf"|\p{{Lu}}\p{{Ll}}+(?:er|e|sche) (?:{_alternatives(PAPER_ENDINGS)})"
        rf"|(?P<street>\p{{Lu}}\p{{Ll}}+) (?:{_alternatives(STREET_WORDS)}))(?![\w'’-])"
    )


def kept_spans(text: str, start: int, end: int, target: str) -> list[tuple[int, int]]:
    """The spans of kept phrases and titles around ``text[start:end]`` (a little wider, so that
    one that begins before it counts)."""
    around = max(0, start - _REACH), min(len(text), end + _REACH)
    pattern = _pattern(target)
    spans = [match.span() for match in pattern.finditer(text, *around)] if pattern else []
    for match in _title().finditer(text, *around):
        name, street = match.group("name"), match.group("street")
        if name is not None and common_noun(name.casefold()):
            continue  # "Lage aktuell" is no programme
        if street is not None and not (street.endswith("er") or kind_of(street.casefold()) == NAME):
            continue  # "Säbener Straße", "Ingolstädter Straße" are streets; "Die Straße" is none
        spans.append(match.span())
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of ``spans``."""
    return any(kept_start <= start and end <= kept_end for kept_start, kept_end in spans)
