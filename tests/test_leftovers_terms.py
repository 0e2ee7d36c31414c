"""The user's terms found by one automaton give what the regular expressions gave, and spans taken
answer as a search through every finding did (issue 11, item 10: the same results in linear time)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup.passes.leftovers import spans
from cleanup.passes.leftovers.terms import Spans, Taken, Terms, fold

# Letters in two cases, a letter with no lower case of one character, the characters of a word's
# edge (apostrophes, hyphen, underscore, digit) and spaces: where whole-word matching can go wrong.
ALPHABET = "aAbBéÉİi'’-_1 ."
TEXTS = st.text(alphabet=ALPHABET, max_size=40)
TERMS = st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=5), min_size=1, max_size=6)


def whole_words_by_regex(terms: list[str], text: str) -> list[tuple[int, int]]:
    """How the glossary found its terms before: one expression, longest term first."""
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=lambda term: -len(term)))
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]


def comparable(terms: list[str], text: str) -> bool:
    """Whether lower case and the expressions' case-insensitive matching agree on these characters
    (they differ on "İ", whose lower case is two characters long)."""
    return "İ" not in text + "".join(terms)


@given(TERMS, TEXTS)
def test_whole_words_are_what_the_expression_found(terms: list[str], text: str) -> None:
    found = [(start, end) for _, start, end in Terms(terms).whole_words(text)]
    if comparable(terms, text):
        assert found == whole_words_by_regex(terms, text)
    for index, start, end in Terms(terms).whole_words(text):
        assert fold(text[start:end]) == fold(terms[index])


def test_exact_terms_keep_their_case() -> None:
    assert [
        span for _, *span in Terms(["White House"], exact=True).everywhere("white house, White House")
    ] == [[13, 24]]


def test_a_dotted_capital_keeps_the_offsets() -> None:
    text = "İSTANBUL and Casa"
    assert len(fold(text)) == len(text)
    assert [(start, end) for _, start, end in Terms(["casa"]).whole_words(text)] == [(13, 17)]


SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted).map(tuple), max_size=8)


@given(SPANS, st.integers(0, 30), st.integers(0, 30))
def test_spans_overlap_and_cover_as_a_search_through_every_span_says(spans, start: int, length: int) -> None:
    end = start + length
    expected = any(s < end and start < e for s, e in spans)
    assert Spans(spans).overlaps(start, end) == expected
    assert Spans(spans).covers(start, end) == any(s <= start and end <= e for s, e in spans)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=12))
def test_taken_spans_answer_as_a_search_through_every_finding(spans) -> None:
    taken = Taken(50)
    kept: list[tuple[int, int]] = []
    for start, length in spans:
        end = start + length
        overlaps = any(s < end and start < e for s, e in kept)
        assert taken.overlaps(start, end) == overlaps
        if not overlaps:
            taken.add(start, end)
            kept.append((start, end))


# The places of a few words are searched for one by one, of many by one automaton: both find the same.
_SPAN_PIECES = st.sampled_from(
    ["de", "la", "a.a", "(x)", " ", ".", "'", "’", "_", "é", "dea", "l'", "x", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_SPAN_PIECES, max_size=30).map("".join),
    st.lists(_SPAN_PIECES, min_size=1, max_size=5, unique=True),
)
def test_words_searched_one_by_one_stand_where_the_automaton_finds_them(text: str, words: list[str]) -> None:
    assert sorted(spans._searched(text, words)) == sorted(spans._scanned(text, words))


def test_many_words_are_found_as_a_few_are() -> None:
    text = "de la, bbc.com, de-facto, l'de com; la de x"
    words = ["de", "la", "com", "x", "bbc", "facto", "l", "y", "z"]  # more than are searched one by one
    assert len(words) > spans._FEW_WORDS
    many = spans.occurrences_of(text, words)
    assert {word: many[word] for word in ("de", "la")} == spans.occurrences_of(text, ["de", "la"])
    assert many["de"] == [(0, 2), (16, 18), (39, 41)]  # not "l'de", after an apostrophe
    assert many["com"] == [(31, 34)] and many["l"] == []  # not "bbc.com", a name's domain
