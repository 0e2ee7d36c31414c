"""The first look of ``glued-words``: the places where two words may be glued, found at C speed.

The text's UTF-8 bytes are translated into a shape of a few symbols (lowercase ASCII letters kept,
capitals, digits and spaces each made one byte, ``.`` kept), and one Aho-Corasick automaton
(``ahocorasick-rs``), searching the shape backwards, finds every letter followed by a glue word
and no letter, every two lowercase letters followed by a capital, and every letter or digit
followed by a full stop and a capital. The words of the language's small list among them, three
places in four on clean English, are turned down from the shape's bytes and a set of such words
(:func:`known_endings`), as the decision would turn them down first.

>>> text = "the ministersaid a rugby takeover, as Reuters reportedNearly half in 2023.The vote"
>>> [(text[at:at + 6], kind) for at, kind, word in candidates(text, first_look("en"), "en")]
[('said a', 0), ('Nearly', 1), ('.The v', 2)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ahocorasick_rs import BytesAhoCorasick, Implementation

from cleanup.lang import diskcache
from cleanup.lang.glue import GlueWords, glue_words, name_titles
from cleanup.passes.conventions.glued.lexicon import vocabulary
from cleanup.passes.tokens import CharacterPositions, utf8

# The shape the first look reads, made from the text's UTF-8 bytes by one translation: lowercase
# ASCII letters as they are, capitals as "A", full stops as they are, digits and the closing
# brackets and quotes that may stand before a full stop as "0", other ASCII as a space; bytes of
# other characters are kept, but for the first byte of the typographic quotes, dashes and
# ellipsis (E2) and of the no-break space and guillemets (C2), which are spaces too. A small
# alphabet keeps the automaton small enough to stay in the processor's cache.
_CAPITAL, _STOP, _SPACE, _DIGIT = b"A", b".", b" ", b"0"
_LOWERCASE = bytes(range(ord("a"), ord("z") + 1))
_TABLE = bytearray(_SPACE * 128 + bytes(range(128, 256)))
_TABLE[ord("a") : ord("z") + 1] = _LOWERCASE
_TABLE[ord("A") : ord("Z") + 1] = _CAPITAL * 26
_TABLE[ord(".")] = ord(".")
for _byte in b"0123456789)]\"'":
    _TABLE[_byte] = ord("0")
_TABLE[0xE2] = _TABLE[0xC2] = ord(" ")
_SHAPE = bytes(_TABLE)
# Last bytes of the UTF-8 of lowercase à to ÿ, looked at before a glue word in copy whose
# language writes them (æ's is left out: it is also the last byte of the ellipsis).
_ACCENTED_LAST_BYTES = bytes(b for b in range(0xA0, 0xC0) if b != 0xA6)
_TAIL = 64  # bytes at the end of a text searched again with a space after them
# What may stand before the letters before a glue word for them to be a whole token, in the
# shape: a space, a digit or quote ("0"), a full stop, no letter.
_NOT_LETTER_SHAPES = frozenset(b" 0.")
_CAPITAL_BYTES = bytes(1 if ord("A") <= byte <= ord("Z") else 0 for byte in range(256))

ENDING, STEP, FULL_STOP = 0, 1, 2  # the shapes of place: a glue word, an inner capital, a full stop
# Words are read up to LONGEST letters either side of a place: a longer run is no word of prose,
# and reading no further keeps a text made of one endless word in linear time.
LONGEST = 40  # two of them stay under SCOPE_MARGIN: a Scope keeps every token read (tests/test_glued.py)


@dataclass(frozen=True, slots=True)
class Look:
    """The first look of one language: its automaton, what each pattern finds, its glue words."""

    automaton: BytesAhoCorasick
    # Per pattern: its shape, the glue word of an ending, and how many bytes after the start of
    # the pattern (read forwards) the place it finds starts: the glue word, the capital, the stop.
    kinds: tuple[tuple[int, str, int], ...]
    words: GlueWords | None
    glue_utf8: tuple[bytes, ...]  # per pattern, its glue word in UTF-8 (empty but for an ending)


@cache
def first_look(language: str) -> Look:
    """The first look of ``language``: the automaton of every shape of place, searched backwards."""
    words = glue_words(language)
    patterns: dict[bytes, tuple[int, str, int]] = {}
    for before in _LOWERCASE + _DIGIT:
        patterns[bytes([before]) + _STOP + _CAPITAL] = (FULL_STOP, "", 1)
    # An acronym ending a sentence ("in the UK.It added"); one capital before the stop is an
    # initial ("J.K.Rowling", "U.S.Army").
    patterns[_CAPITAL + _CAPITAL + _STOP + _CAPITAL] = (FULL_STOP, "", 2)
    for first in _LOWERCASE:  # two lowercase letters before the capital: not iPhone, McDonald, eBay
        for second in _LOWERCASE:
            patterns[bytes([first, second]) + _CAPITAL] = (STEP, "", 2)
    for honorific in name_titles(language)[0]:  # or an honorific of two letters: "MrBewlay"
        if len(honorific) == 2:
            patterns[_CAPITAL + honorific[1:].encode("ascii") + _CAPITAL] = (STEP, "", 2)
    for word in sorted(words.every) if words else ():
        excluded = words.excluded_before.get(word, "").encode("ascii")
        befores = bytes(b for b in _LOWERCASE if b not in excluded)
        if language != "en":
            befores += _ACCENTED_LAST_BYTES
        if len(word) >= 4:  # an acronym glued to it ("BBCsaid"); shorter ones end names ("Jon", "Dan")
            befores += _CAPITAL
        data = word.encode("utf-8")
        for before in befores:
            for after in _SPACE + _STOP + _DIGIT:
                patterns[bytes([before]) + data + bytes([after])] = (ENDING, word, 1)
    # Where one letter ("governmentin", not "Martin") or two ("attentionto", not "Toronto") and the
    # glue word end many words, the letter before them is looked at.
    for excluded in (words.excluded_pairs, words.excluded_triples) if words else ():
        for word in sorted(excluded):
            data = word.encode("utf-8")
            for letters, kept in excluded[word].items():
                ending = letters.encode("ascii") + data
                for before in (b for b in _LOWERCASE if chr(b) not in kept):
                    for after in _SPACE + _STOP + _DIGIT:
                        # A longer glue word these letters end is read as that one: "ministerfor", not "or".
                        patterns.setdefault(
                            bytes([before]) + ending + bytes([after]), (ENDING, word, 1 + len(letters))
                        )
    # Searched for backwards, in the reversed shape: the patterns then share their last bytes (the
    # glue word and what follows it) and branch only on the letter before, which makes an
    # automaton a tenth the size, quicker in a processor's cache.
    ordered = sorted(patterns, key=lambda pattern: pattern[::-1])
    automaton = BytesAhoCorasick([pattern[::-1] for pattern in ordered], implementation=Implementation.DFA)
    kinds = tuple(patterns[pattern] for pattern in ordered)
    return Look(automaton, kinds, words, tuple(word.encode("utf-8") for _, word, _ in kinds))


@cache
def known_endings(language: str) -> frozenset[bytes]:
    """The words of ``language``'s small list that end in a glue word and are words of their own
    split there (:meth:`Vocabulary.is_word`: "rugby", "takeover", "breathe"), each as its UTF-8
    and the glue word's, a space between: what most places of the first look are, and what
    :meth:`Decider.ending` would turn down first, told apart without reading the text again."""
    words = glue_words(language)
    if words is None:
        return frozenset()

    def build() -> Iterator[str]:
        lexicon = vocabulary(language)
        longest = max(map(len, words.every))
        for token in lexicon.common:
            for end in range(max(1, len(token) - longest), len(token) - 1):
                word = token[end:]
                if word in words.every and lexicon.is_word(token, token[:end], word):
                    yield f"{token} {word}"

    return frozenset(key.encode("utf-8") for key in diskcache.word_set(f"glued-known-{language}", build))


def _known_ending(data: bytes, at: int, word: bytes, known: frozenset[bytes]) -> bool:
    """Whether the glue word ``word`` at byte ``at`` of ``data`` ends a word of :func:`known_endings`,
    written in lowercase ASCII letters or with an ASCII capital first ("Rugby"; the decision reads a
    word's Zipf value case-blind), after no letter (a byte whose shape is a space, a "0" or a stop)."""
    before = data[max(0, at - LONGEST - 2) : at]
    start = at - (len(before) - len(before.rstrip(_LOWERCASE)))
    if start > 0 and _CAPITAL_BYTES[data[start - 1]]:
        start -= 1
    if at - start > LONGEST or (start > 0 and _SHAPE[data[start - 1]] not in _NOT_LETTER_SHAPES):
        return False
    return data[start : at + len(word)].lower() + b" " + word in known


def candidates(text: str, look: Look, language: str) -> list[tuple[int, int, str]]:
    """``(index, shape, glue word)`` of every place the first look finds, in text order, but for
    words of :func:`known_endings`; the index is that of the glue word, the capital or the full
    stop."""
    data = utf8(text)
    backwards = data.translate(_SHAPE)[::-1]
    size = len(backwards)
    kinds = look.kinds
    places = [
        (size - end + kinds[pattern][2], pattern)
        for pattern, _, end in look.automaton.find_matches_as_indexes(backwards)
    ]
    if backwards[:1].isalpha():  # a glued word may end the text: its last bytes again, and a space
        places += [
            (size - end + 1 + kinds[pattern][2], pattern)
            for pattern, start, end in look.automaton.find_matches_as_indexes(_SPACE + backwards[:_TAIL])
            if start == 0
        ]
    if not places:
        return []
    places.sort()
    if any(kinds[pattern][0] == ENDING for _, pattern in places):
        known = known_endings(language)
        places = [
            (offset, pattern)
            for offset, pattern in places
            if kinds[pattern][0] != ENDING or not _known_ending(data, offset, look.glue_utf8[pattern], known)
        ]
    positions = CharacterPositions(text, data)
    return [(positions.of(offset), *kinds[pattern][:2]) for offset, pattern in places]
