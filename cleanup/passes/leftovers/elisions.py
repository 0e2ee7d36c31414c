"""Elided articles, prepositions and pronouns of a source language glued to a lowercase word.

>>> text = "talks on the accordo nell’ambito of trade; he said qu'il would come"
>>> [(text[c.start:c.end], c.languages) for c in find(text, "en")]
[('nell’ambito', ('it',)), ("qu'il", ('fr',))]
>>> list(find("he rode the Tour de l'ain in August", "en"))
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cleanup.lang.frequencies import frequencies_for
from cleanup.lang.sources import ELIDED_FORMS
from cleanup.passes.leftovers.candidates import Candidate
from cleanup.passes.leftovers.kept import inside, kept_spans

SOURCE_ELISION = "source-elision"


# An apostrophe before a lowercase letter, but not English "'s", "'t", "'d", "'m", "'ll", "'re", "'ve";
# one pattern per apostrophe, as a pattern that starts with a literal is searched for much faster.
_APOSTROPHES = tuple(
    re.compile(rf"{mark}(?!(?:[stdm]|ll|re|ve)(?![^\W\d_]))(?=[^\W\d_A-Z])") for mark in "'’"
)
# Up to five letters before an apostrophe, not preceded by another letter or apostrophe.
_FORM_BEFORE = re.compile(r"(?<![^\W\d_]|['’])[^\W\d_]{1,5}$")
# A name before the form: a capitalised word and a particle ("Tour de l'Ain", which an engine may
# write "Tour de l'ain").
_NAME_BEFORE = re.compile(r"[A-ZÀ-Þ][^\W\d_]* (?:de|di|da|du|des|del|della|do|dos) $")
# After it, a lowercase word (but not English "'s", "'d", "'m", "'t" standing alone).
_WORD_AFTER = re.compile(r"[^\W\d_A-Z]{2,}|(?![sdmt])[^\W\d_A-Z](?![^\W\d_])")


@cache
def _forms(target: str) -> dict[str, tuple[str, ...]]:
    """The elided forms of the target's source languages (not those the target writes itself)
    with their languages."""
    own = set(ELIDED_FORMS.get(target, "").split())
    languages: dict[str, tuple[str, ...]] = {}
    for language, forms in ELIDED_FORMS.items():
        if language == target:
            continue
        for form in forms.split():
            if form not in own:
                languages[form] = (*languages.get(form, ()), language)
    return languages


# What English leaves when a text is split at its apostrophes ("it's", "don't", "I'd", "I'm") or
# writes as a word ("all"): no sign of an elided form.
_ENGLISH_PIECES = frozenset({"s", "t", "d", "m", "all"})


@cache
def signs(target: str) -> frozenset[str]:
    """The elided forms that, standing as a word once a text is split at its apostrophes, are a
    sign that it may hold one ("dell", "qu"); a text without one, and without any other word of
    the first look ("d'abord" holds "abord"), holds none worth reporting.

    >>> "dell" in signs("en"), "s" in signs("en")
    (True, False)
    """
    return frozenset(form for form in _forms(target) if form not in _ENGLISH_PIECES)


def find(text: str, target: str) -> Iterator[Candidate]:
    """Elided forms of the source languages before a lowercase word."""
    languages = _forms(target)
    frequencies = frequencies_for(target)
    hits = [
        hit.start()
        for pattern in _APOSTROPHES
        if pattern.pattern[0] in text
        for hit in pattern.finditer(text)
    ]
    for at in sorted(hits):
        before = _FORM_BEFORE.search(text, max(0, at - 6), at)
        after = _WORD_AFTER.match(text, at + 1)
        if before is None or after is None or before.group().lower() not in languages:
            continue
        start, end = before.start(), after.end()
        if inside(kept_spans(text, start, end, target), start, end):
            continue  # "coup d'état", "c'est la vie"
        if _NAME_BEFORE.search(text, max(0, start - 30), start):
            continue  # inside a name: "Tour de l'ain"
        word = after.group().lower()
        # A form several languages have ("l'", "d'") takes the language of the word it is glued to.
        ranked = sorted(
            ((code, frequencies.margin(word, code)) for code in languages[before.group().lower()]),
            key=lambda pair: -pair[1],
        )
        reading, scores = zip(*ranked, strict=True)
        yield Candidate(SOURCE_ELISION, start, end, reading, scores)
