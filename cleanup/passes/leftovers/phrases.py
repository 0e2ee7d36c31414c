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
from cleanup.lang.nouns import NOUN, kind_of
from cleanup.lang.sources import CAPITALISED_NOUNS, KEPT, NAME_PARTICLES, NEVER_ALONE
from cleanup.passes.leftovers.candidates import Candidate
from cleanup.passes.leftovers.kept import inside, kept_spans
from cleanup.passes.leftovers.spans import Token, tokens

SOURCE_PHRASE = "source-phrase"
SOURCE_WORD = "source-word"

STRONG = 1.5  # a phrase needs one word ≥ 30 times as frequent in the language as in the copy's,
RARE = 3.0  # and rare in the copy's language (Zipf below 3: under one in a million words),
VERY_STRONG = 3.0  # or a thousand times as frequent in the language ("und", "mit", "del"),
TOGETHER = 3.4  # (or its words together 2,500 times as frequent: "de los", "da gripe")
MEAN = 1.0  # and its words ten times as frequent on average
TOLERATED = -0.5  # a word shared with the copy's language may sit inside a phrase,
LEANING = 0.5  # but two of its words must be three times as frequent in the language
UNKNOWN = 2.5  # a word under one in 3 million words of the copy's language is hardly of it,
KNOWN = 3.0  # when a source language uses it a thousand times as often
PAIRED = 2.3  # a word 200 times as frequent in a language makes a phrase with a neighbour of it:
COMMON = 6.0  # one leaning to it, or one this frequent there (one in a thousand words: "a", "in")
# A phrase of one leaning word and a companion needs that word 400 times as frequent in the
# language: "com", "um", "des" are; "die", "par", "los" (English words, or in English names) are not.
WITH_COMPANION = 2.6
FUNCTION_WORD_SOURCE = 5.0  # a word this frequent in a source language is no name, capitalised or not
# A lowercase word this rare in the copy's language and this much more frequent in a source
# language is of that one by itself: "und" (English 3.94, margin 3.48) is, standing alone in
# English copy. Measured: 3.5 and 3.5 missed it; 4.2 and 3.3 took in "der" (4.16) of "van der
# Veer" and "nous" (3.3), 8 more false alarms on the 2,260 clean BBC and WMT articles.
FUNCTION_WORD_TARGET = 4.0
FUNCTION_WORD_MARGIN = 3.4
CAPITAL_UNKNOWN = 2.7  # a capitalised word this rare in the copy's language may be a common noun ("Zeit")
# A capitalised word that Wiktionary lists neither as a common noun nor as a name is a word of a
# language that capitalises nouns, not a name, when this frequent there (one in 40,000 words:
# "Einerseits" 4.5, "Unser", "Beim"): the best-known surnames of German news are below 4.0 (Scholz
# 3.97, Lindner 3.88, Höcke 3.84, Meuthen 3.25, in wordfreq's German).
UNLISTED_COMMON = 4.4

# What may stand between two words of one phrase: spaces, a comma, a dash or a number.
_JOINER = regex.compile(r"[ \t]{1,3}(?:\d[\d.,:]*[ \t]{1,3})?|, | [-–] ")
_QUOTE_BEFORE = regex.compile(r"(?r)[\"“‘'«]\s?$")
# Right after a quoted foreign phrase (maybe a name between), or right after its closing quote:
# an English gloss, in brackets or introduced by a word that says so.
_GLOSS = regex.compile(
    r"(?:\s+\p{Lu}\p{L}*)?[\"”»]?\s*[,:]?\s*"
    r"(?:\(|\b(?:meaning|means|translated|translates|literally|roughly|or)\b)",
    regex.I,
)
_CLOSING_QUOTE = regex.compile(r"[\"”»]")
NEARBY = 5000  # characters around a capitalised word where seeing it again makes it a name
# A sentence's first word is a source-language word opening an English sentence ("Dopo the vote")
# when a source language uses it this often (one in 100,000 words: its function words) and the copy's
# language hardly (under one in a million words: "Dopo" 1.75, "Mentre" 1.34, "Durante" 2.6, "Nach"
# 2.69; not "Come", "Sin" or "Con"), with a margin of KNOWN, and the word after it is the copy's.
OPENER_SOURCE = 5.0
OPENER_TARGET = 3.0
# With the feed's source known or inferred, a word of that language's news vocabulary (one in
# 10,000 words there: "presidente" 5.4, "alcalde" 4.8, "maire" 4.9) that the copy's language hardly
# uses (under UNKNOWN) is a leftover at a lower margin: 300 times as frequent ("maire" 2.6,
# "alcalde" 2.7); "carabinieri" (2.25), which English news uses, is not.
NEWS_VOCABULARY = 4.0
VOCABULARY_MARGIN = 2.5


def find(
    text: str,
    window: tuple[int, int],
    frequencies: Frequencies,
    languages: tuple[str, ...],
    known: tuple[str, ...] = (),
) -> Iterator[Candidate]:
    """Phrases and single words of ``languages`` in the sentence ``text[window[0]:window[1]]``;
    the news vocabulary of the ``known`` source languages too."""
    words = tokens(text, *window)
    if not words:
        return
    columns = [frequencies.sources.index(language) for language in languages]
    kept = KEPT.get(frequencies.target, frozenset())
    kept_phrases = kept_spans(text, *window, frequencies.target)
    named = _named(text, words)
    lowered = _function_capitals(text, words, frequencies)
    # Words of a kept phrase or title, and pieces of a broken word, are no part of a phrase, and no
    # leftover by themselves.
    in_phrase = {index for index, token in enumerate(words) if inside(kept_phrases, token.start, token.end)}
    in_phrase.update(_pieces(text, words))
    for run in _stretches(text, words, in_phrase):
        for left, right, ranked in _phrases(
            text, words, run, frequencies, columns, languages, named, lowered
        ):
            start, end = words[run[left]].start, words[run[right]].end
            in_phrase.update(run[left : right + 1])
            if not _glossed(text, window, start, end):
                reading, scores = zip(*ranked, strict=True)
                yield Candidate(SOURCE_PHRASE, start, end, reading, scores, right - left + 1)
    for index, token in enumerate(words):
        if index in in_phrase:
            continue
        if token.capital and index == 0:
            ranked = _opener(text, words, frequencies, columns, languages)
        elif token.capital:
            ranked = [] if index in named else _common_noun(words, index, frequencies, columns, languages)
        elif name_particle(words, index, frequencies):
            continue  # "Ariadne auf Naxos", "Piero della Francesca"
        else:
            ranked = _single_word(token.word, frequencies, columns, languages) or _vocabulary(
                token.word, frequencies, languages, known
            )
        if (
            ranked
            and token.word not in kept
            and not _quoted(text, token)
            and not _glossed(text, window, token.start, token.end)
        ):
            reading, scores = zip(*ranked, strict=True)
            yield Candidate(SOURCE_WORD, token.start, token.end, reading, scores)


def _pieces(text: str, words: list[Token]) -> set[int]:
    """The words that are pieces of a broken word: a letter that is never a word by itself standing
    alone, and the words one space away on either side ("S ö der", "Schr ö dinger": an engine's
    spacing of a name's umlaut).

    >>> text = "said S ö der on Monday"
    >>> words = tokens(text)
    >>> [text[words[index].start : words[index].end] for index in sorted(_pieces(text, words))]
    ['S', 'ö', 'der']
    """
    pieces: set[int] = set()
    for index, token in enumerate(words):
        if token.word not in NEVER_ALONE:
            continue
        pieces.add(index)
        for other in (index - 1, index + 1):
            if 0 <= other < len(words):
                left, right = sorted((words[other], token), key=lambda word: word.start)
                if text[left.end : right.start] == " ":
                    pieces.add(other)
    return pieces


def companion(word: str, margin: float, frequencies: Frequencies) -> bool:
    """Whether a word with this ``margin`` in a language goes in a phrase of it beside a word
    that leans to it strongly: it leans too, or it is shared with the copy's language and common
    in both ("a", "in", "no")."""
    if margin >= LEANING:
        return True
    return margin >= TOLERATED and margin + frequencies.target_zipf(word) >= COMMON


def _stretches(text: str, words: list[Token], left_out: set[int]) -> Iterator[list[int]]:
    """Indices of maximal runs of words joined by spaces, a comma or a dash, none of them
    ``left_out``."""
    run: list[int] = []
    for index, token in enumerate(words):
        if run and (index in left_out or _JOINER.fullmatch(text, words[run[-1]].end, token.start) is None):
            yield run
            run = []
        if index not in left_out:
            run.append(index)
    if run:
        yield run


def _named(text: str, words: list[Token]) -> set[int]:
    """The capitalised words that are names rather than nouns: the sentence's first word, and
    those written the same way again nearby ("Festen. Festen is also shortlisted")."""
    named = {0}
    for index, token in enumerate(words):
        if index and token.capital:
            spelling = text[token.start : token.end]
            around = max(0, token.start - NEARBY), token.end + NEARBY
            if text.count(spelling, *around) > 1:
                named.add(index)
    return named


def _function_capitals(text: str, words: list[Token], frequencies: Frequencies) -> set[int]:
    """The capitalised words that are function words of a source language written with a capital
    because they open a sentence or a quotation ("Secondo il portavoce", "Pas du tout"), not names:
    each comes first or after a lowercase word (not a name's particle), before a lowercase word,
    not one word away from another capitalised word (names and titles: "Monte dei Paschi",
    "Numerique pour Tous"), and is very common in a source language.

    >>> from cleanup.lang.frequencies import frequencies_for
    >>> english = frequencies_for("en")
    >>> text = "Secondo il portavoce, La Paz and Del Piero"
    >>> sorted(_function_capitals(text, tokens(text), english))
    [0]
    """
    lowered = set()
    for index, token in enumerate(words):
        if not token.capital or not text[token.start + 1 : token.end].islower():
            continue
        before = words[max(0, index - 2) : index]
        after = words[index + 1 : index + 3]
        if (
            (before and (before[-1].capital or before[-1].word in NAME_PARTICLES))
            or not after
            or after[0].capital
        ):
            continue  # after a capital or a particle ("der Welt", "da Vinci"), or before a capital
        if (len(before) == 2 and before[0].capital) or (len(after) == 2 and after[1].capital):
            continue  # one lowercase word between capitals: a name or a title ("Monte dei Paschi")
        if function_word(token.word, frequencies):
            lowered.add(index)
    return lowered


def function_word(word: str, frequencies: Frequencies) -> bool:
    """Whether ``word`` is very common in a source language: a function word, not a name."""
    return max(frequencies.margins(word)) + frequencies.target_zipf(word) >= FUNCTION_WORD_SOURCE


def _score(token: Token, named: bool, margin: float, language: str, frequencies: Frequencies) -> float:
    """A word's weight for one language: its margin; for a word the copy's language keeps
    ("précis") or a capitalised word, 0 (a name), except a common noun of a language that
    capitalises them, unknown to the copy's language."""
    if token.word in KEPT.get(frequencies.target, ()):
        return 0.0
    if not token.capital:
        return margin
    return margin if not named and common_noun_of(token.word, margin, language, frequencies) else 0.0


def common_noun_of(word: str, margin: float, language: str, frequencies: Frequencies) -> bool:
    """Whether a capitalised word (``word`` in lowercase) may be a common noun (or another word
    than a name) of a language that capitalises its nouns: it leans to it strongly, the copy's
    language hardly knows it ("Nacht", not "Berlin"), and the language's dictionary knows it as a
    common noun, or knows it as no name and the language uses it very often ("Einerseits")."""
    if language not in CAPITALISED_NOUNS or margin < STRONG:
        return False
    target = frequencies.target_zipf(word)
    if target >= CAPITAL_UNKNOWN:
        return False
    kind = kind_of(word)
    return kind == NOUN or (kind is None and target + margin >= UNLISTED_COMMON)


def _phrases(
    text: str,
    words: list[Token],
    run: list[int],
    frequencies: Frequencies,
    columns: list[int],
    languages: tuple[str, ...],
    named: set[int],
    lowered: set[int],
) -> Iterator[tuple[int, int, list[tuple[str, float]]]]:
    """The parts of ``run`` that read as a source language, longest first where they overlap,
    each with the languages it reads as and their summed margins, best first; parts that belong
    to a name are left out. Capitalised words count as names but for those ``lowered``."""
    if len(run) < 2:
        return
    margins = [frequencies.margins(words[i].word) for i in run]
    if not any(max(m[c] for c in columns) >= STRONG for m in margins):
        return
    parts: list[tuple[int, int, float, str]] = []
    for column, language in zip(columns, languages, strict=True):
        if max(m[column] for m in margins) < STRONG:
            continue  # no word of the run is strongly of this language: no part can anchor
        scores = [
            m[column] if i in lowered else _score(words[i], i in named, m[column], language, frequencies)
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
        reading = {part[3] for part in parts if part[0] <= right and left <= part[1]}
        scores = {
            language: sum(m[columns[languages.index(language)]] for m in margins[left : right + 1])
            for language in reading
        }
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        yield left, right, ranked


def _parts(
    words: list[Token], run: list[int], scores: list[float], frequencies: Frequencies
) -> Iterator[tuple[int, int, float]]:
    """Each maximal part of ``run`` whose words are all tolerated, both ends leaning, the mean
    high, and one word strongly of the language, or one word leaning to it and a companion
    beside it ("a los", "in der"); with its total score."""
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
        anchored = any(_anchors(words[run[i]], scores[i], frequencies) for i in range(left, right + 1))
        leaning = sum(score >= LEANING for score in part)
        if leaning >= 2 and (anchored or sum(part) >= TOGETHER) and sum(part) / len(part) >= MEAN:
            yield left, right, sum(part)
        elif leaning == 1 and (paired := _paired_part(words, run, scores, start, end, frequencies)):
            yield paired
        start = end + 1


def anchors(target_zipf: float, margin: float) -> bool:
    """Whether a word with this frequency in the copy's language and this margin in a source
    language can anchor a phrase of it: a thousand times as frequent there, or strongly of it and
    rare in the copy's language.

    >>> anchors(4.2, 3.3), anchors(2.5, 2.9), anchors(4.6, 2.4)
    (True, True, False)
    """
    return margin >= VERY_STRONG or (margin >= STRONG and target_zipf < RARE)


def _anchors(token: Token, score: float, frequencies: Frequencies) -> bool:
    """:func:`anchors` for a word of the text with its score."""
    return score >= STRONG and anchors(frequencies.target_zipf(token.word), score)


def _paired_part(
    words: list[Token], run: list[int], scores: list[float], start: int, end: int, frequencies: Frequencies
) -> tuple[int, int, float] | None:
    """The one leaning word of ``run[start:end + 1]`` and a companion beside it, with their score,
    when that word anchors or leans enough ("in der", "para a", "com as"; not "die in", "a par",
    where it is English too)."""
    strongest = max(range(start, end + 1), key=scores.__getitem__)
    token = words[run[strongest]]
    if token.capital or not (
        scores[strongest] >= WITH_COMPANION or _anchors(token, scores[strongest], frequencies)
    ):
        return None
    if _particle_of_name(words, run, strongest):
        return None
    for other in (strongest - 1, strongest + 1):
        token = words[run[other]] if start <= other <= end else None
        if token and not token.capital and companion(token.word, scores[other], frequencies):
            left, right = min(strongest, other), max(strongest, other)
            return left, right, scores[left] + scores[right]
    return None


def _particle_of_name(words: list[Token], run: list[int], position: int) -> bool:
    """Whether the word at ``position`` of ``run`` is a name particle before a capitalised word:
    "der Spiegel", "da Vinci"."""
    following = position + 1 < len(run) and words[run[position + 1]].capital
    return following and words[run[position]].word in NAME_PARTICLES


def _is_name(
    text: str, words: list[Token], run: list[int], left: int, right: int, frequencies: Frequencies
) -> bool:
    """Whether the part is the particles of a name or title: it follows a capitalised word with
    only a space between, its lowercase words are name particles, and each touches a capitalised
    word ("Corriere della Sera", "von der Leyen"); a part holding a German common noun is one only
    when a name follows it ("Theater der Stadt X")."""
    if left == 0:
        return False
    before = words[run[left - 1]]
    if not before.capital or not text[before.end : words[run[left]].start].isspace():
        return False
    nouns = any(
        words[run[position]].capital and _noun(words[run[position]].word, frequencies)
        for position in range(left, right + 1)
    )
    if nouns and not (
        right + 1 < len(run)
        and words[run[right + 1]].capital
        and not _noun(words[run[right + 1]].word, frequencies)
    ):
        return False  # "Unser Firmenname und", "unter dem Titel"; but "Theater der Stadt Aalen" is a name
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


def _noun(word: str, frequencies: Frequencies) -> bool:
    """Whether a capitalised word may be a common noun of a source language that capitalises them."""
    return any(
        common_noun_of(word, margin, language, frequencies)
        for margin, language in zip(frequencies.margins(word), frequencies.sources, strict=True)
    )


def _single_word(
    word: str, frequencies: Frequencies, columns: list[int], languages: tuple[str, ...]
) -> list[tuple[str, float]]:
    """The languages a lone word belongs to, with its margins, best first: the copy's language
    hardly knows it, or
    it is a function word of a source language ("une", "und") that the copy's language rarely
    uses."""
    needed = _needed_alone(word, frequencies.target_zipf(word))
    return [] if needed is None else _ranked(frequencies.margins(word), columns, languages, needed)


def stands_alone(word: str, target_zipf: float, margin: float) -> bool:
    """Whether a lowercase word with this frequency in the copy's language and this margin in a
    source language is a leftover by itself.

    >>> stands_alone("fornitori", 0.0, 3.6), stands_alone("der", 4.2, 3.3)
    (True, False)
    """
    needed = _needed_alone(word, target_zipf)
    return needed is not None and margin >= needed


def noun_stands_alone(word: str, target_zipf: float, margin: float) -> bool:
    """Whether a capitalised word with these frequencies is a leftover by itself, as a common noun
    of a language that capitalises them ("Einfluss"): the copy's language hardly knows it.

    >>> noun_stands_alone("einfluss", 0.0, 3.9), noun_stands_alone("berlin", 4.5, 0.3)
    (True, False)
    """
    return target_zipf < CAPITAL_UNKNOWN and margin >= KNOWN


def _needed_alone(word: str, target_zipf: float) -> float | None:
    """The margin a lone word needs in a source language: a word the copy's language hardly knows
    needs less than a short or function word; one the copy's language uses cannot be one."""
    if len(word) < 3 or target_zipf >= FUNCTION_WORD_TARGET:
        return None
    return KNOWN if target_zipf < UNKNOWN and len(word) >= 4 else FUNCTION_WORD_MARGIN


def _ranked(
    margins: tuple[float, ...], columns: list[int], languages: tuple[str, ...], needed: float
) -> list[tuple[str, float]]:
    """The languages whose margin reaches ``needed``, with it, best first."""
    pairs = zip(columns, languages, strict=True)
    return sorted(
        ((language, margins[c]) for c, language in pairs if margins[c] >= needed), key=lambda p: -p[1]
    )


def _glossed(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Whether the sentence glosses the phrase in its own language, right after it ("Buntes
    Fernsehen (Multi-Coloured TV)") or after the quotation that holds it ('"se volvió loco en
    el Bernabéu" (became crazy at the Bernabéu)')."""
    if _GLOSS.match(text, end) is not None:
        return True
    before = text[sentence[0] : start]
    inside_quotes = (
        before.count('"') % 2 == 1
        or before.count("“") > before.count("”")
        or before.count("«") > before.count("»")
    )
    closing = _CLOSING_QUOTE.search(text, end, sentence[1]) if inside_quotes else None
    return closing is not None and _GLOSS.match(text, closing.start()) is not None


def name_particle(words: list[Token], index: int, frequencies: Frequencies) -> bool:
    """Whether the word at ``index`` joins the parts of a name: a particle between two capitalised
    words ("Piero della Francesca", "Ariadne auf Naxos") that are not common nouns of a language
    that capitalises them ("im Rahmen der Untersuchung")."""
    if not (0 < index < len(words) - 1) or words[index].word not in NAME_PARTICLES:
        return False
    around = (words[index - 1], words[index + 1])
    return all(token.capital and not _noun(token.word, frequencies) for token in around)


def _common_noun(
    words: list[Token], index: int, frequencies: Frequencies, columns: list[int], languages: tuple[str, ...]
) -> list[tuple[str, float]]:
    """The languages a lone capitalised word belongs to as a common noun ("Einfluss") or another
    word than a name ("Beim"): not the sentence's first word, not next to another capitalised
    word (names come in pairs) but an article ("Die Nukleinsäure-Tests"), unknown to the copy's
    language, and well known to a language that capitalises its nouns, whose dictionary does not
    make it a name."""
    around = (words[index - 1], words[index + 1] if index + 1 < len(words) else None)
    if any(token and token.capital and not function_word(token.word, frequencies) for token in around):
        return []
    word = words[index].word
    ranked = _ranked(frequencies.margins(word), columns, languages, KNOWN)
    return [
        (language, margin)
        for language, margin in ranked
        if common_noun_of(word, margin, language, frequencies)
    ]


def opener(word: str, target_zipf: float, margin: float) -> bool:
    """Whether a word with this frequency in the copy's language and this margin in a source
    language opens a sentence of that language, not of the copy's: a function word there, rare
    in the copy's language.

    >>> opener("dopo", 1.75, 4.38), opener("come", 5.78, 0.89), opener("durante", 2.6, 3.04)
    (True, False, True)
    """
    return target_zipf < OPENER_TARGET and margin >= KNOWN and target_zipf + margin >= OPENER_SOURCE


def _opener(
    text: str, words: list[Token], frequencies: Frequencies, columns: list[int], languages: tuple[str, ...]
) -> list[tuple[str, float]]:
    """The languages of a sentence's first word written with a capital ("Dopo", "Mentre") that is a
    function word of a source language opening an English sentence: the next word, one space
    away, is a lowercase word of the copy's language ("Dopo the vote"), not a name or more of
    the source language ("Dopo il voto" is a phrase)."""
    first = words[0]
    if len(words) < 2 or not text[first.start + 1 : first.end].islower():
        return []
    following = words[1]
    if following.capital or text[first.end : following.start] != " ":
        return []
    if max(frequencies.margins(following.word)) >= 0 or frequencies.target_zipf(following.word) < KNOWN:
        return []
    target = frequencies.target_zipf(first.word)
    margins = frequencies.margins(first.word)
    return sorted(
        (
            (language, margins[column])
            for column, language in zip(columns, languages, strict=True)
            if opener(first.word, target, margins[column])
        ),
        key=lambda pair: -pair[1],
    )


def vocabulary(word: str, target_zipf: float, margin: float) -> bool:
    """Whether a lowercase word with this frequency in the copy's language and this margin in a
    source language known to be the feed's is a word of its news left untranslated.

    >>> vocabulary("alcalde", 2.11, 2.67), vocabulary("carabinieri", 2.25, 2.25)
    (True, False)
    """
    return (
        len(word) >= 4
        and target_zipf < UNKNOWN
        and margin >= VOCABULARY_MARGIN
        and target_zipf + margin >= NEWS_VOCABULARY
    )


def _vocabulary(
    word: str, frequencies: Frequencies, languages: tuple[str, ...], known: tuple[str, ...]
) -> list[tuple[str, float]]:
    """The ``known`` source languages whose news vocabulary holds the lowercase ``word``."""
    target = frequencies.target_zipf(word)
    return [
        (language, frequencies.margin(word, language))
        for language in known
        if language in languages and vocabulary(word, target, frequencies.margin(word, language))
    ]


def _quoted(text: str, token: Token) -> bool:
    """Whether the word stands in quotation marks: a term the sentence names, not a leftover."""
    return _QUOTE_BEFORE.search(text, max(0, token.start - 2), token.start) is not None
