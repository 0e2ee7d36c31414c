"""Where the text holds a foreign phrase its language keeps ("coup d'état", "c’est la vie"):
nothing inside is a leftover.

>>> text = "a coup-d’etat, c'est la vie"
>>> [text[start:end] for start, end in kept_spans(text, 0, len(text), "en")]
['coup-d’etat', "c'est la vie"]
"""

from __future__ import annotations

import re
from functools import cache

from cleanup.lang.sources import KEPT


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


def kept_spans(text: str, start: int, end: int, target: str) -> list[tuple[int, int]]:
    """The spans of kept phrases around ``text[start:end]`` (a little wider, so that a phrase that
    begins before it counts)."""
    pattern = _pattern(target)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(text, max(0, start - 40), end + 40)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of ``spans``."""
    return any(kept_start <= start and end <= kept_end for kept_start, kept_end in spans)
