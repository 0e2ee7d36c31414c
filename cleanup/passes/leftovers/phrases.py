"""Runs of source-language words, and single source words, inside a sentence of the copy.

Each word is scored per source language by its frequency margin over the copy's
language. A stretch of words joined by spaces is a leftover when the longest
part that reads as one language has two words leaning to it, one word strongly
of it and a high mean margin. A single word is one when the copy's language
hardly knows it and a source language knows it well.

>>> from cleanup.lang.frequencies import frequencies_for
>>> text = "the minister said that non era possibile today"
>>> [(c.rule, text[c.start:c.end], c.languages[0])
...  for c in find(text, (0, len(text)), frequencies_for("en"), ("it", "fr", "es", "de", "pt"))]
[('source-phrase', 'non era possibile', 'it')]
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanup.lang.frequencies import Frequencies
from cleanup.lang.sources import CAPITALISED_NOUNS, KEPT, NAME_PARTICLES
from cleanup.passes.leftovers.candidates import Candidate
from cleanup.passes.leftovers.spans import Token, tokens

SOURCE_PHRASE = "source-phrase"
SOURCE_WORD = "source-word"

STRONG = 1.5  # a phrase needs one word ≥ 30 times as frequent in the language as in the copy's,
RARE = 3.0  # and rare in the copy's language (Zipf below 3: under one in a million words),
VERY_STRONG = 3.0  # or a thousand times as frequent in the language ("und", "mit", "del"),
MEAN = 1.0  # and its words ten times as frequent on average
TOLERATED = -0.5  # a word shared with the copy's language may sit inside a phrase,
LEANING = 0.5  # but two of its words must be three times as frequent in the language
UNKNOWN = 1.0  # a word under one in 100 million words of the copy's language is not of it,
KNOWN = 3.0  # and one over one in a million words of a source language is of that one
CAPITAL_UNKNOWN = 2.0  # a capitalised word this rare in the copy's language may be a common noun
COMMON_CAPITAL = 4.0  # a sentence's first word this frequent in the copy's language starts no name

# What may stand between two words of one phrase: spaces, a comma or a dash.
_JOINER = regex.compile(r"[ \t]{1,3}|, | [-–] ")
_QUOTE_BEFORE = regex.compile(r"(?r)[\"“‘'«]\s?$")
# After a quoted foreign phrase, an English gloss: a bracket, or a word that introduces one.
_GLOSS = regex.compile(r"\(|\b(?:meaning|means|translated|translates|literally|roughly)\b", regex.I)
_GLOSS_REACH = 60


def find(
    text: str, window: tuple[int, int], frequencies: Frequencies, languages: tuple[str, ...]
) -> Iterator[Candidate]:
    """Phrases and single words of ``languages`` in the sentence ``text[window[0]:window[1]]``."""
    words = tokens(text, *window)
    if not words:
        return
    columns = [frequencies.sources.index(language) for language in languages]
    kept = KEPT.get(frequencies.target, frozenset())
    in_phrase: set[int] = set()
    for run in _stretches(text, words):
        for left, right, reading in _phrases(text, words, run, frequencies, columns, languages):
            start, end = words[run[left]].start, words[run[right]].end
            in_phrase.update(run[left : right + 1])
            if text[start:end].lower() not in kept and not _glossed(text, window[0], start, end):
                yield Candidate(SOURCE_PHRASE, start, end, reading)
    for index, token in enumerate(words):
        if index in in_phrase or token.capital:
            continue
        reading = _single_word(token.word, frequencies, columns, languages)
        if (
            reading
            and token.word not in kept
            and not _quoted(text, token)
            and not _glossed(text, window[0], token.start, token.end)
        ):
            yield Candidate(SOURCE_WORD, token.start, token.end, reading)


def _stretches(text: str, words: list[Token]) -> Iterator[list[int]]:
    """Indices of maximal runs of words joined by spaces, a comma or a dash."""
    run: list[int] = []
    for index, token in enumerate(words):
        if run and _JOINER.fullmatch(text, words[run[-1]].end, token.start) is None:
            yield run
            run = []
        run.append(index)
    if run:
        yield run


def _score(token: Token, first: bool, margin: float, language: str, frequencies: Frequencies) -> float:
    """A word's weight for one language: its margin; for a capitalised word, 0 (a name), except a
    common noun of a language that capitalises them, unknown to the copy's language."""
    if not token.capital:
        return margin
    if (
        language in CAPITALISED_NOUNS
        and not first
        and margin >= STRONG
        and frequencies.target_zipf(token.word) < CAPITAL_UNKNOWN
    ):
        return margin
    return 0.0


def _phrases(
    text: str,
    words: list[Token],
    run: list[int],
    frequencies: Frequencies,
    columns: list[int],
    languages: tuple[str, ...],
) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """The parts of ``run`` that read as a source language, longest first where they overlap,
    each with the languages it reads as (best first); parts that belong to a name are left out."""
    if len(run) < 2:
        return
    margins = [frequencies.margins(words[i].word) for i in run]
    if not any(max(m[c] for c in columns) >= STRONG for m in margins):
        return
    parts: list[tuple[int, int, float, str]] = []
    for column, language in zip(columns, languages, strict=True):
        scores = [
            _score(words[i], i == 0, m[column], language, frequencies)
            for i, m in zip(run, margins, strict=True)
        ]
        parts.extend((*part, language) for part in _parts(words, run, scores, frequencies))
    taken: list[tuple[int, int]] = []
    for left, right, _, _ in sorted(parts, key=lambda part: (part[0] - part[1], -part[2])):
        if any(left <= other_right and other_left <= right for other_left, other_right in taken):
            continue
        taken.append((left, right))
        if _is_name(text, words, run, left, right, frequencies):
            continue
        overlapping = [part for part in parts if part[0] <= right and left <= part[1]]
        reading = dict.fromkeys(part[3] for part in sorted(overlapping, key=lambda part: -part[2]))
        yield left, right, tuple(reading)


def _parts(
    words: list[Token], run: list[int], scores: list[float], frequencies: Frequencies
) -> Iterator[tuple[int, int, float]]:
    """Each maximal part of ``run`` whose words are all tolerated, both ends leaning, the mean
    high, and one word strongly of the language; with its total score."""
    start = 0
    while start < len(run):
        if scores[start] < TOLERATED:
            start += 1
            continue
        end = start
        while end + 1 < len(run) and scores[end + 1] >= TOLERATED:
            end += 1
        left, right = start, end
        while left <= right and scores[left] <= 0:
            left += 1
        while right >= left and scores[right] <= 0:
            right -= 1
        part = scores[left : right + 1]
        anchored = any(
            scores[i] >= VERY_STRONG
            or (scores[i] >= STRONG and frequencies.target_zipf(words[run[i]].word) < RARE)
            for i in range(left, right + 1)
        )
        leaning = sum(score >= LEANING for score in part)
        if leaning >= 2 and anchored and sum(part) / len(part) >= MEAN:
            yield left, right, sum(part)
        start = end + 1


def _is_name(
    text: str, words: list[Token], run: list[int], left: int, right: int, frequencies: Frequencies
) -> bool:
    """Whether the part is the particles of a name or title: it follows a capitalised word (not a
    common word starting the sentence) with only a space between, its lowercase words are name
    particles, and each touches a capitalised word ("Corriere della Sera", "von der Leyen")."""
    if left == 0:
        return False
    before = words[run[left - 1]]
    if not before.capital or not text[before.end : words[run[left]].start].isspace():
        return False
    if run[left - 1] == 0 and frequencies.target_zipf(before.word) >= COMMON_CAPITAL:
        return False
    for position in range(left, right + 1):
        token = words[run[position]]
        if token.capital:
            continue
        if token.word not in NAME_PARTICLES:
            return False
        neighbours = [run[p] for p in (position - 1, position + 1) if 0 <= p < len(run)]
        if not any(words[index].capital for index in neighbours):
            return False
    return True


def _single_word(
    word: str, frequencies: Frequencies, columns: list[int], languages: tuple[str, ...]
) -> tuple[str, ...]:
    """The languages a lone word belongs to, best first, when the copy's language hardly knows it."""
    if len(word) < 4 or frequencies.target_zipf(word) >= UNKNOWN:
        return ()
    margins = frequencies.margins(word)
    known = sorted(
        (
            (margins[c], language)
            for c, language in zip(columns, languages, strict=True)
            if margins[c] >= KNOWN
        ),
        reverse=True,
    )
    return tuple(language for _, language in known)


def _glossed(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the phrase stands in a quotation that the sentence glosses in its own language:
    '"se volvió loco en el Bernabéu" (became crazy at the Bernabéu)'."""
    before = text[sentence_start:start]
    inside_quotes = (
        before.count('"') % 2 == 1
        or before.count("“") > before.count("”")
        or before.count("«") > before.count("»")
    )
    return inside_quotes and _GLOSS.search(text, end, end + _GLOSS_REACH) is not None


def _quoted(text: str, token: Token) -> bool:
    """Whether the word stands in quotation marks: a term the sentence names, not a leftover."""
    return _QUOTE_BEFORE.search(text, max(0, token.start - 2), token.start) is not None
