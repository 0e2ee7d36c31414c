"""Linear time on the shapes of text that once cost quadratic time (issue 11, items 9 and 10).

Each test times the same work on 20 KB and on 200 KB of one shape, in one run, and asserts that
the larger took less than 30 times as long: linear time gives about 10, quadratic about 100.
Each size is timed three times and the quickest counts, so that a busy machine does not fail it,
with the garbage collector paused: a full collection walks every object of the test process (the
word lists other tests loaded), a cost that has nothing to do with the text.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from itertools import accumulate, count

import pytest
import wordfreq

from cleanup import clean
from cleanup.model import GlossaryEntry, Safety
from tests.conftest import bbc_articles

SMALL, LARGE = 20_000, 200_000
BOUND = 30
LEFTOVERS = "Ж nell’ambito Ж "  # a foreign script and an elided form in every few words
_unique = count()


def _quickest(run: Callable[[str], object], text: str) -> float:
    times = []
    for _ in range(3):
        gc.disable()
        try:
            start = time.perf_counter()
            run(text)
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def growth(make: Callable[[int], str], run: Callable[[str], object]) -> float:
    """How many times as long ``run`` takes on ``make(LARGE)`` as on ``make(SMALL)``."""
    run(make(SMALL // 10))  # warm up: word lists, caches
    small, large = make(SMALL), make(LARGE)
    return _quickest(run, large) / _quickest(run, small)


def repeated(piece: str) -> Callable[[int], str]:
    """``piece`` repeated to about ``size`` UTF-8 bytes."""
    return lambda size: piece * (size // len(piece.encode("utf-8")))


def random_unicode(size: int) -> str:
    generator = random.Random(size)
    return "".join(chr(generator.randrange(32, 0x3000)) for _ in range(size // 2))


def distinct_words(size: int) -> str:
    """About ``size`` characters of Italian words, none twice (in a shuffled order of 60,000)."""
    words = wordfreq.top_n_list("it", 60_000)
    random.Random(0).shuffle(words)
    lengths = accumulate(len(word) + 1 for word in words)
    return " ".join(word for word, length in zip(words, lengths, strict=False) if length <= size)


@pytest.mark.parametrize(
    ("make", "options"),
    [
        # Item 9: an ampersand escaped again and again, with the default rules.
        (lambda size: "&" + "amp;" * (size // 4), {}),
        (repeated("AT&amp;amp;amp;amp;T "), {}),
        # Entities that decode to nothing, nested: each round of decoding makes another.
        (lambda size: "&#" * (size // 4) + "1;" * (size // 4), {}),
        # Terminal escapes nested in each other.
        (lambda size: "\x1b[" * (size // 5) + "31m" * (size // 5), {}),
        # Lines of 2,000 characters, every other one a control character: a character diff
        # (difflib) of each line with its repair took 30 s a line.
        (repeated("a\x07" * 995 + "\n"), {}),
        # Repairs that change the number of words ("Ã s" is "às"), on one line.
        (repeated("x Ã s "), {}),
        # Item 10: leftover candidates everywhere, with the leftovers rules.
        (repeated(LEFTOVERS), {"select": ["leftovers"]}),
        # Item 10: a finding and an allowed term in every few words.
        (repeated(LEFTOVERS), {"select": ["leftovers"], "allow": ["nell’ambito"]}),
        # Thousands of different Italian words, each searched for through the whole text.
        (distinct_words, {"select": ["source-word", "source-phrase"]}),
        # Item 10: random Unicode with every rule.
        (random_unicode, {"select": ["ALL"]}),
        # A glossary term in every few words.
        (
            repeated("la Casa Bianca ha detto "),
            {"glossary": [GlossaryEntry("Casa Bianca", "White House", Safety.SAFE)]},
        ),
    ],
    ids=[
        "nested-entities",
        "nested-entities-in-words",
        "entities-in-entities",
        "escapes-in-escapes",
        "control-characters-in-long-lines",
        "repairs-that-join-words",
        "leftover-candidates",
        "allowed-terms",
        "distinct-source-words",
        "random-unicode-all-rules",
        "glossary-terms-in-text",
    ],
)
def test_cleaning_time_grows_linearly(make: Callable[[int], str], options: dict) -> None:
    ratio = growth(make, lambda text: clean(text, **options))
    assert ratio < BOUND, f"{ratio:.0f} times as long for 10 times the size"


def _three_terms(term: str) -> list[GlossaryEntry]:
    """Three glossary entries made of ``term``, new to every call, so that no glossary compiled
    before is reused."""
    prefix = f"{next(_unique)} "
    return [GlossaryEntry(f"{prefix}{letter} {term}", "x", Safety.SAFE) for letter in "abc"]


def _with_glossary(term: str) -> object:
    return clean("The minister said that the Casa Bianca had answered. " * 20, glossary=_three_terms(term))


def test_glossary_of_long_terms_is_compiled_in_linear_time() -> None:
    # Item 10: three terms of a third of the size each (three 3 MB terms once never finished).
    ratio = growth(lambda size: "non era " * (size // 3 // 8), _with_glossary)
    assert ratio < BOUND, f"{ratio:.0f} times as long for 10 times the size"


def test_a_glossary_costs_about_what_cleaning_as_much_prose_costs() -> None:
    # A regular expression of the terms, compiled by Python code, cost 16 times as much as cleaning
    # the same size of prose; an Aho-Corasick automaton costs less than cleaning it (the bound
    # leaves room for a busy machine, and still fails the regular expression).
    prose = "\n\n".join(text for _, text in bbc_articles())[:LARGE]
    _with_glossary("warm up")
    assert _quickest(_with_glossary, prose[: LARGE // 3]) < 5 * _quickest(clean, prose)


def test_later_rounds_on_many_changed_paragraphs_take_linear_time() -> None:
    # Each small paragraph holds a fix, and one blank line of another kind stands far away: the
    # paragraphs changed were once each found by searching the whole text for it.
    for mark in ("\r\n\r\n", "\r\r"):
        ratio = growth(lambda size, mark=mark: mark + "late , but\n\n" * (size // 12), clean)
        assert ratio < BOUND, f"{mark!r}: {ratio:.0f} times as long for 10 times the size"
