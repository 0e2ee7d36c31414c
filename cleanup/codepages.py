"""Which code page bytes that are not UTF-8 are in: Windows-1252, unless the evidence for another is strong.

News saved in a single-byte code page is nearly always in Windows-1252, and several code pages
read the same bytes as text: Windows-1252's “curly quotes” and £ are letters in others
(``Ł150m``). So each reading is weighed by its *oddities*, what edited text does not hold:

- a control character, an unassigned code point, a direction mark inside a Latin word;
- a capital after a small letter (``£ódŸ``), a mark of one script on a letter of another;
- a symbol glued to a letter or to another symbol (``Bia³ystok``, ``perch┐``, ``─│┌``; not
  ``m²``, ``Apple™``, ``µm`` or ``§§``), punctuation between two letters other than an apostrophe,
  a hyphen, a dash or an ellipsis;
- each letter of a word whose letters no one language writes together (``Pøíliš``, ``Ïðèâåò``;
  the alphabets are :mod:`cleanup.lang.alphabets`);
- the letters outside the alphabet of the language that holds most of the text's letters, when
  there are two or more (one alone is a name: Guaraní in Italian).

Windows-1252 is taken when its reading has no oddity, as for all but 11 of the 13,962 news texts
of the shared corpora that are saved in it (``bench/encodings.py``; ten of the eleven keep it, one
is refused). Another reading is taken only when Windows-1252 cannot read the bytes, or has at
least three oddities more and three times as many; when no other reading is as good; and when it
has at most one oddity in twenty characters outside ASCII. The code pages of
:data:`CODE_PAGES` are weighed first; when none of them is chosen, charset-normalizer proposes one
of the :data:`EAST_ASIAN` encodings, weighed the same way. When the evidence is weaker,
:func:`read` names the readings that compete rather than guess (:class:`Unclear`).

>>> read(b"It\\x92s here").encoding, read(b"Stra\\xdfe").encoding, read(b"50 \\x80").encoding
('cp1252', 'cp1252', 'cp1252')
>>> polish = "Zażółć gęślą jaźń: łódka płynie po jeziorze, a żółw śpi."
>>> reading = read(polish.encode("cp1250"))
>>> reading.encoding, reading.text == polish
('cp1250', True)
>>> read("Kraków, Wrocław".encode("cp1250"))
Traceback (most recent call last):
cleanup.codepages.Unclear: cp1250 reads 'Wrocław', cp1252 reads 'Wroc³aw'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

import charset_normalizer

from cleanup.lang.alphabets import ALPHABETS, alphabet, script

DEFAULT = "cp1252"
# Weighed against Windows-1252, in the order named when two read the bytes alike.
CODE_PAGES = (
    "cp1250",
    "iso8859_2",
    "iso8859_15",
    "mac_roman",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp1253",
    "iso8859_7",
    "cp1254",
    "cp1257",
    "iso8859_13",
    "cp1255",
    "cp1256",
    "cp850",
)
# Encodings of two bytes or more a character; charset-normalizer chooses among them.
EAST_ASIAN = ("gb18030", "big5", "big5hkscs", "cp932", "shift_jis", "euc_jp", "cp949", "euc_kr")
_MARGIN = 3  # oddities fewer than Windows-1252's, at least
_RATIO = 3  # and at most a third of them
_NOISE = 20  # at most one oddity per this many characters outside ASCII
_EVIDENCE = 5_000  # characters outside ASCII weighed, at most: ample, and a bounded cost
_NAMES = 2  # letters outside the main alphabet that count; one alone is a name (Guaraní in Italian)
_SAMPLE = 65_536  # bytes charset-normalizer looks at
_WORD = 40  # letters looked at on either side of a letter for its word

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
_ASCII = bytes(range(128))
# Not letters here: the micro sign and the ordinal indicators glue to letters and digits (µm, nº).
_SYMBOL_LETTERS = frozenset("µªº")
# What edited text puts inside words besides letters: apostrophes, hyphens and dashes, an ellipsis.
_IN_WORDS = frozenset("’‘ʼ´‐‑–—…·")
_AFTER_LETTERS = frozenset("™®©°²³¹")  # Apple™, m²
_SOFT_HYPHEN = "\u00ad"
_SYMBOLS = frozenset(("Sm", "Sc", "Sk", "So", "No", "Nl"))
# Japanese writes its words in kanji and kana together.
_EAST_ASIAN_SCRIPTS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK"}


@dataclass(frozen=True, slots=True)
class Reading:
    """The text the bytes give in one encoding, and how odd it is. While the readings are weighed,
    ``text`` is the stretch weighed (see :func:`_window`); the reading :func:`read` returns holds
    the whole text. ``mapping`` is what the encoding makes of every byte outside ASCII the data
    holds: two encodings that agree on it read the data alike."""

    encoding: str
    text: str
    oddities: int
    weighed: int  # characters outside ASCII weighed
    mapping: str = field(default="", compare=False)

    @property
    def clean(self) -> bool:
        """At most one oddity in :data:`_NOISE` characters weighed."""
        return self.oddities * _NOISE <= self.weighed


class Unclear(ValueError):
    """No reading is clearly the right one: the plausible ones, best first (none when no encoding
    reads the bytes as text)."""

    def __init__(self, readings: tuple[Reading, ...]) -> None:
        self.readings = readings
        super().__init__(_samples(readings))


def read(data: bytes) -> Reading:
    """The reading of ``data`` (not UTF-8) that the evidence supports: see the module's docstring.

    Raises :class:`Unclear` when the evidence is too weak to choose. Each encoding is weighed on
    the stretch of the data that holds the evidence, so that its cost and memory do not grow with
    the data; only the reading chosen is decoded whole.
    """
    runs = _first_runs(_HIGH_BYTES.finditer(data))
    window, placed = _window(data, runs)
    present = bytes(sorted(set(data.translate(None, _ASCII))))
    default = _reading(DEFAULT, present, window, placed)
    if default is not None and default.oddities == 0:
        return _whole(default, data)
    others = _others(default, (_reading(encoding, present, window, placed) for encoding in CODE_PAGES))
    chosen = _choose(default, others)
    if chosen is None:
        others = _others(default, (*others, _detected(data, runs)))
        chosen = _choose(default, others)
    if chosen is not None:
        return _whole(chosen, data)
    plausible = sorted((r for r in others if r.clean), key=lambda r: r.oddities)
    if default is None:
        raise Unclear(tuple(plausible[:3]))
    better = [r for r in plausible if r.oddities < default.oddities]
    if not better:
        return _whole(default, data)  # nothing reads the bytes better than Windows-1252
    raise Unclear((better[0], default, *better[1:2]))


def _window(data: bytes, runs: list[tuple[int, int]]) -> tuple[bytes, list[tuple[int, int]]]:
    """The stretches of ``data`` around the ``runs`` weighed, each with the letters its words need
    on either side, joined by line breaks (which end words); and the runs' places in them."""
    reach = _WORD + 1
    pieces: list[bytes] = []
    placed: list[tuple[int, int]] = []
    low = high = offset = 0
    for start, end in runs:
        if not placed:
            low = max(0, start - reach)
        elif start - reach > high:  # too far from the stretch so far: a new one
            pieces.append(data[low:high] + b"\n")
            offset += high - low + 1
            low = start - reach
        high = min(len(data), max(high, end + reach))
        placed.append((offset + start - low, offset + end - low))
    if runs:
        pieces.append(data[low:high])
    return b"".join(pieces), placed


def _reading(encoding: str, present: bytes, window: bytes, placed: list[tuple[int, int]]) -> Reading | None:
    """The reading of the data in a single-byte code page, if it reads every byte ``present``,
    weighed on the ``window`` where the ``placed`` runs of bytes outside ASCII are (the same
    characters in every such code page)."""
    try:
        mapping = present.decode(encoding)
    except UnicodeDecodeError:
        return None
    text = window.decode(encoding)
    return Reading(
        encoding, text, _oddities(text, placed), sum(end - start for start, end in placed), mapping
    )


def _whole(reading: Reading, data: bytes) -> Reading:
    """The reading with the whole text (a reading of several bytes a character already has it)."""
    if reading.encoding in EAST_ASIAN:
        return reading
    return replace(reading, text=data.decode(reading.encoding))


def _others(default: Reading | None, readings: Iterable[Reading | None]) -> tuple[Reading, ...]:
    """Readings that differ from Windows-1252's and from each other, the first of each kept."""
    seen = {default.mapping} if default is not None else set()
    kept = []
    for reading in readings:
        if reading is not None and reading.mapping not in seen:
            seen.add(reading.mapping)
            kept.append(reading)
    return tuple(kept)


def _detected(data: bytes, runs: list[tuple[int, int]]) -> Reading | None:
    """charset-normalizer's choice among the East Asian encodings, from a sample where the bytes
    outside ASCII start, weighed like the others if it reads all the bytes."""
    start = max(0, runs[0][0] - _SAMPLE // 2) if runs else 0
    sample = data[start : start + _SAMPLE]
    best = charset_normalizer.from_bytes(sample, cp_isolation=list(EAST_ASIAN)).best()
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    runs = _first_runs(_NON_ASCII.finditer(text))
    weighed = sum(end - start for start, end in runs)
    return Reading(best.encoding, text, _oddities(text, runs), weighed, mapping=text)


def _choose(default: Reading | None, others: tuple[Reading, ...]) -> Reading | None:
    """The reading the evidence supports over Windows-1252's and every other, if one."""
    if not others:
        return None
    ranked = sorted(others, key=lambda r: r.oddities)
    best = ranked[0]
    if (len(ranked) > 1 and ranked[1].oddities <= best.oddities) or not best.clean:
        return None
    if default is not None and (
        default.oddities - best.oddities < _MARGIN or best.oddities * _RATIO > default.oddities
    ):
        return None
    return best


def oddities(text: str) -> int:
    """How many things in ``text`` edited text does not hold (see the module's docstring),
    counted in its first :data:`_EVIDENCE` characters outside ASCII.

    >>> oddities("It’s “here”, £150m, 50 €, Straße, Müller in Zürich.")
    0
    >>> oddities("It’s “here”, Ł150m")  # a capital glued to digits is no oddity
    0
    >>> oddities("Bia³ystok"), oddities("£ódŸ"), oddities("Ïðèâåò")
    (1, 4, 9)
    """
    return _oddities(text, _first_runs(_NON_ASCII.finditer(text)))


def _first_runs(matches: Iterator[re.Match[str]] | Iterator[re.Match[bytes]]) -> list[tuple[int, int]]:
    """The spans of the runs matched, up to :data:`_EVIDENCE` characters in all."""
    runs: list[tuple[int, int]] = []
    left = _EVIDENCE
    for match in matches:
        start, end = match.span()
        runs.append((start, min(end, start + left)))
        left -= runs[-1][1] - start
        if left <= 0:
            break
    return runs


def _oddities(text: str, runs: list[tuple[int, int]]) -> int:
    """The oddities of ``text`` where ``runs`` of characters outside ASCII are: each odd character,
    each letter of a word no language writes, and the letters outside the main alphabet."""
    odd = 0
    letters: Counter[str] = Counter()
    word_end, word_coherent = 0, True
    for start, end in runs:
        for index in range(start, end):
            char = text[index]
            before = text[index - 1] if index else ""
            if not _is_letter(char):
                odd += _odd_mark(char, before, text[index + 1 : index + 2])
                continue
            letters[char.casefold()] += 1
            if index >= word_end:
                word_start, word_end = _word(text, index)
                word_coherent = _coherent(text[word_start:word_end])
            odd += _odd_letter(char, before) + (not word_coherent)
    return odd + _foreign(letters)


def _is_letter(char: str) -> bool:
    return char.isalpha() and char not in _SYMBOL_LETTERS


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _odd_letter(char: str, before: str) -> bool:
    """A capital right after a small letter."""
    return unicodedata.category(char) in ("Lu", "Lt") and unicodedata.category(before or " ") == "Ll"


def _odd_mark(char: str, before: str, after: str) -> bool:
    """A character that is not a letter, out of place."""
    category = unicodedata.category(char)
    kind = category[0]
    glued_before, glued_after = _is_letter(before), _is_letter(after)
    if kind == "C":
        # Format characters (a soft hyphen, joiners, direction marks) belong in words, but not in
        # words of Latin letters, except the soft hyphen.
        return category != "Cf" or (
            char != _SOFT_HYPHEN and (_is_ascii_letter(before) or _is_ascii_letter(after))
        )
    if kind == "M":
        mark_script = script(char)
        return not glued_before or (mark_script != "COMBINING" and mark_script != script(before))
    if char in _IN_WORDS or char in _SYMBOL_LETTERS:
        return False
    if kind == "P":  # wide punctuation is made to sit between Chinese or Japanese letters
        return glued_before and glued_after and unicodedata.east_asian_width(char) not in "WF"
    if kind in "SN":
        if _is_symbol(before) and char != "§":
            return True  # ─│┌┐, not §§ 12-14
        if char in _AFTER_LETTERS:
            return glued_after and glued_before
        return glued_before or glued_after
    return False


def _is_symbol(char: str) -> bool:
    """A symbol or a number sign outside ASCII (not a digit)."""
    return not char.isascii() and unicodedata.category(char) in _SYMBOLS


def _word(text: str, index: int) -> tuple[int, int]:
    """The span of the letters around ``index``, at most :data:`_WORD` on either side."""
    start = index
    while start > max(0, index - _WORD) and _is_letter(text[start - 1]):
        start -= 1
    end = index + 1
    while end < min(len(text), index + _WORD) and _is_letter(text[end]):
        end += 1
    return start, end


def _coherent(word: str) -> bool:
    """Whether one language writes all the word's letters; a word in a script without alphabets
    here (Chinese, Japanese, Korean) counts when all its letters are of that script."""
    languages = -1
    scripts = set()
    for letter in word.casefold():
        if letter.isalpha():
            mask = _languages_writing().get(letter)
            if mask is None:
                scripts.add(_EAST_ASIAN_SCRIPTS.get(script(letter), script(letter)))
            else:
                languages &= mask
    if scripts:
        return languages == -1 and len(scripts) == 1
    return languages != 0


@cache
def _languages_writing() -> dict[str, int]:
    """Each letter of an alphabet, with a bit set for every language that writes it."""
    masks: dict[str, int] = {}
    for bit, language in enumerate(sorted(ALPHABETS)):
        for letter in alphabet(language):
            masks[letter] = masks.get(letter, 0) | 1 << bit
    return masks


def _foreign(letters: Counter[str]) -> int:
    """How many of the letters outside ASCII fall outside the alphabet that holds most of them."""
    masks = _languages_writing()
    known = {letter: count for letter, count in letters.items() if letter in masks}
    if not known:
        return 0
    held = max(
        sum(count for letter, count in known.items() if masks[letter] >> bit & 1)
        for bit in range(len(ALPHABETS))
    )
    outside = sum(known.values()) - held
    return outside if outside >= _NAMES else 0


def _samples(readings: tuple[Reading, ...]) -> str:
    """What the two best readings make of the first word where they differ, and the others' names."""
    if len(readings) < 2:
        return " ".join(reading.encoding for reading in readings) or "no encoding reads it as text"
    first, second = readings[0].text, readings[1].text
    where = _first_difference(first, second)
    words = [_word_at(text, where) for text in (first, second)]
    said = f"{readings[0].encoding} reads {words[0]!r}, {readings[1].encoding} reads {words[1]!r}"
    others = ", ".join(reading.encoding for reading in readings[2:])
    return f"{said} (also possible: {others})" if others else said


def _first_difference(first: str, second: str) -> int:
    """Where two texts first differ, found a block at a time."""
    block, start, end = 4096, 0, min(len(first), len(second))
    while start < end and first[start : start + block] == second[start : start + block]:
        start += block
    while start < end and first[start] == second[start]:
        start += 1
    return min(start, end)


def _word_at(text: str, index: int) -> str:
    """The characters between spaces around ``index``, at most 20 on either side."""
    start = index
    while start > max(0, index - 20) and not text[start - 1].isspace():
        start -= 1
    end = index
    while end < min(len(text), index + 20) and not text[end].isspace():
        end += 1
    return text[start:end]
