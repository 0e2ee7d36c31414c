"""Two words glued together where a link or markup boundary stood: ``the ministersaid``,
``Reuters reportedNearly``, ``in 2023.The``.

Three shapes, found by one first look and decided word by word:

- a word glued to a frequent word after it (:mod:`cleanup.lang.glue`): ``ministersaid``,
  ``endedafter``, ``Romethe``;
- a lowercase letter followed by a capital inside a word: ``reportedNearly``, ``ofTexas``;
- a full stop glued to the capitalised word after it: ``2023.The``, ``dangerous.The``.

First look, at C speed: the text's UTF-8 bytes are translated into a shape of a few symbols
(lowercase ASCII letters kept, capitals, digits and spaces each made one byte, ``.`` kept),
and one Aho-Corasick automaton (``ahocorasick-rs``) finds in it every letter followed by a
glue word and no letter, every two lowercase letters followed by a capital, and every letter
or digit followed by a full stop and a capital. Clean English gives about 400 of these a
megabyte: words such as ``rugby``, ``takeover`` and ``breathe``, and brand names
(``PlayStation``, ``WorldCom``). The words of the language's small list among them, three in four,
are turned down from the shape's bytes and a set of such words (:func:`_known_endings`), as the
decision would turn them down first.

Then each is decided by what a reader knows, cheapest test first: the token must not be an
address, a handle, a hashtag, code or part of a hyphenated or dotted word; both parts must be
words of the language (wordfreq's small list, read the first time a candidate gets that far)
or the name the text shows; and the whole must not be a word the language knows (wordfreq's
large list, read the first time a token gets that far): a token the large list knows is
still glued when it is far rarer than its two words would be side by side (``ofthe``).

>>> from cleanup import clean
>>> clean("the ministersaid on Monday", select=["glued-words"]).text
'the minister said on Monday'
>>> clean("a Palazzo Chigiafter the meeting", select=["glued-words"]).text  # a name: a suggestion
'a Palazzo Chigiafter the meeting'
>>> clean("a Palazzo Chigiafter the meeting", select=["glued-words"], unsafe=True).text
'a Palazzo Chigi after the meeting'
>>> clean("PlayStation, iPhone and YouTube", select=["glued-words"]).findings
()
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING

import regex
from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation

from cleanup.lang import diskcache
from cleanup.lang.glue import (
    GlueWords,
    glue_words,
    name_heads,
    name_openers,
    name_titles,
    place_and_language_names,
    sentence_adverbs,
    two_word_places,
)
from cleanup.lang.personal_names import given_names, surnames
from cleanup.lang.profiles import Profile
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Scope
from cleanup.passes.tokens import CharacterPositions, is_abbreviation, utf8

if TYPE_CHECKING:
    from cleanup.lang.wordlists import RareWords

GLUED_WORDS = Rule(
    id="glued-words",
    family="conventions",
    safety="safe / unsafe",
    summary=(
        "Two words glued where a link or markup boundary stood (ministersaid, reportedNearly, "
        "2023.The) split with a space."
    ),
    why=(
        "Web pages set a link's text against the next word with markup and no space; once the "
        "page is turned into text and translated, the two words read as one token that no "
        "dictionary knows ('the ministersaid', 'Reuters reportedNearly', 'in 2023.The')."
    ),
    examples=(
        Example("the ministersaid on Monday", "the minister said on Monday"),
        Example("the talks endedafter midnight", "the talks ended after midnight"),
        Example("as Reuters reportedNearly half", "as Reuters reported Nearly half"),
        Example("in 2023.The vote", "in 2023. The vote"),
        Example("the Ministry of Defencesaid", "the Ministry of Defence said"),
        Example("said MrBewlay in NewYork", "said Mr Bewlay in New York"),
        Example("in italythe government fell", "in italy the government fell"),
        Example(
            "Thereafter, the Southampton and Andover talks", "Thereafter, the Southampton and Andover talks"
        ),
        Example(
            "#ItalyThe, iPhone, YouTube, McDonald's, eBay, CO2, 5kWh, www.bbc.co.uk",
            "#ItalyThe, iPhone, YouTube, McDonald's, eBay, CO2, 5kWh, www.bbc.co.uk",
        ),
    ),
    fix_safety=(
        "Safe where both parts are common lowercase words, or a common lowercase word and a capitalised "
        "one, and the language does not know the whole (wordfreq's large list): 'ministersaid', "
        "'reportedNearly', 'ofTexas'; where an honorific stands glued to a name ('MrBewlay') or two "
        "capitalised words make a country, region or city CLDR names ('NewYork', 'SouthAfrica'); and a full"
        " stop between a lowercase word or a number and a function word or an adverb that opens a sentence "
        "('dangerous.The', '2023.The', 'dangerous.However'). A suggestion (unsafe) where a part is a name, "
        "known from the text (used on its own elsewhere, written with the space elsewhere, the last of two "
        "capitalised words before a word that ends few others: 'Martin Sorrellsaid', or after a given name "
        "before a word that ends few surnames: 'Quentin Tarantinoover') or from CLDR, or a capitalised "
        "common word in mid-sentence ('Romethe', 'Chigiafter', 'TonyBlair', 'tsunami.Steve'); where a title"
        " stands before a name ('PresidentBush'), a given name (listed by two of Faker's locales) before a "
        "surname or a name no list holds ('StuartGray', 'ThomasStrobl'), or a capitalised word before a "
        "surname ('PhilCollins', 'ArseneWenger'); where a capitalised word stands before a word that ends "
        "names of institutions, streets and papers ('EllandRoad', 'SundayTimes') or after one that opens "
        "names ('WestMidlands', 'TheIncredibles'); where two common words are capitalised and the text "
        "writes one of them, no everyday word, alone as a name ('MorganStanley' beside 'Morgan'); or where "
        "the whole is a token the list holds but far rarer than its parts ('ofthe'). Never a word the text "
        "uses twice, a hashtag, a handle, a URL, an e-mail address, a code span, a word with digits (CO2, "
        "kWh), a brand written with an inner capital after one letter or a capitalised part (iPhone, eBay, "
        "PlayStation, McDonald's), an abbreviation or initials before a full stop (U.S.Army, Mr.Smith; an "
        "acronym of two capitals or more before one is read as any word: 'UK.It'), or part of a hyphenated "
        "or dotted word. On the 2,260 edited BBC and WMT English articles it finds 19 tokens: 13 errors of "
        "the source and six names, suggestions all: five written with an inner capital ('PowerPage', "
        "'RetailMetrics', 'EverCrack', 'MiraLab', 'SalterBaxter') and a surname after a given name ('Julia "
        "Eccleshare')."
    ),
)

RULES = (GLUED_WORDS,)

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
# In the reversed shape, the lowercase letters before a glue word, and what may stand before them
# for the letters to be a whole token: a space, a digit or quote ("0"), a full stop, no letter.
_RUN_BEFORE = re.compile(rb"[a-z]{0,41}")
_NOT_LETTER_SHAPES = frozenset(b" 0.")

_ENDING, _STEP, _FULL_STOP = 0, 1, 2
_MIN_PREFIX = 3  # letters before a glue word, unless the prefix is itself a glue word ("ofthe")
_MIN_SURNAME = 4  # letters of the last word of a name glued to a word ("Sorrellsaid", not "Crohas")
_COMMON = 3.0  # Zipf value of the words of wordfreq's small lists: a word at least this common
# Zipf value of a capitalised word common enough to be taken for a name without more evidence:
# "Rome" (4.5) and "Defence" (4.4), not "Bis" ("Biscan") or "Jug" ("Jugnot").
_COMMON_NAME = 3.5
_EVERYDAY = 5.0  # Zipf value of words so common that one capitalised alone is no name ("One", "Show")
# How much rarer than its two words side by side a token may be and still be one word: 100 times.
# "thereof" is 10 times rarer than "there" and "of" together, "ofthe" 600 times.
_RARER_THAN_ITS_PARTS = 2.0
_MEMO_SIZE = 100_000  # answers of the word lists remembered per language
# Top-level domains, which a full stop and a capital may join to a name ("Amazon.Com").
_DOMAINS = frozenset("com org net gov edu mil biz".split())
# Around a token: characters that make it part of a hashtag, handle, address, path, number or code.
_NOT_BEFORE = frozenset("#@/\\_-.`&=+$%0123456789")
_NOT_BEFORE_SENTENCE_END = frozenset("#@/\\_.`")  # before the word a full stop ends: "mid-2005.It"
_NOT_AFTER = frozenset("@/\\_`(=+0123456789")
_JOINED_AFTER = frozenset("-'’.")  # followed by a letter: a compound, a possessive, a domain
# Words are read up to _LONGEST letters either side of a place: a longer run is no word of prose,
# and reading no further keeps a text made of one endless word in linear time.
_LONGEST = 40  # two of them stay under SCOPE_MARGIN: a Scope keeps every token read (tests/test_glued.py)
_LETTERS_BEFORE = regex.compile(rf"(?r)[\p{{L}}\p{{M}}]{{0,{_LONGEST}}}")
_LETTERS_AFTER = re.compile(rf"[^\W\d_]{{0,{_LONGEST}}}")
_WORD = re.compile(r"\w+")
_VOWEL = re.compile(r"[aeiouyà-ÿ]")  # a word of prose has one; an acronym may not ("crc", "nhs")
_POSSESSIVE_S = re.compile(r"s(?!\w)")
_OPENERS = frozenset(" \t\u00a0\u202f\"'“‘«‹([{*•·–—-")
_SENTENCE_ENDS = frozenset(".!?…:;\n\r\u2028\u2029")
# A word that opens a sentence (or a line, or the text), as _starts_sentence reads it: the two sets
# share no character, so each such word is found once, and each opener is read from one end only.
_SENTENCE_FIRST_WORD = re.compile(
    rf"(?:\A|[{re.escape(''.join(sorted(_SENTENCE_ENDS)))}])[{re.escape(''.join(sorted(_OPENERS)))}]*(\w+)"
)
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_ALNUM_BEFORE = regex.compile(rf"(?r)[\p{{L}}\p{{M}}\p{{N}}]{{0,{_LONGEST}}}")
_SENTENCE_GOES_ON = re.compile(r"(?:['’]s)? [^\W\d_]")  # after a sentence's first word
# A capitalised word and a space just before a place, after no letter, digit or full stop: the
# first word of a name of two ("Martin Sorrell"), not an initial ("J. Smith") or a sentence's end.
_NAME_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+ \Z")
_CLOSERS = frozenset(")]\"'”’")  # between a word and the full stop that ends its sentence


@dataclass(frozen=True, slots=True)
class _Look:
    """The first look of one language: its automaton, what each pattern finds, its glue words."""

    automaton: BytesAhoCorasick
    # Per pattern: its shape, the glue word of an ending, and how many bytes after the start of
    # the pattern (read forwards) the place it finds starts: the glue word, the capital, the stop.
    kinds: tuple[tuple[int, str, int], ...]
    words: GlueWords | None
    glue_utf8: tuple[bytes, ...]  # per pattern, its glue word in UTF-8 (empty but for an ending)


@cache
def _look(language: str) -> _Look:
    words = glue_words(language)
    patterns: dict[bytes, tuple[int, str, int]] = {}
    for before in _LOWERCASE + _DIGIT:
        patterns[bytes([before]) + _STOP + _CAPITAL] = (_FULL_STOP, "", 1)
    # An acronym ending a sentence ("in the UK.It added"); one capital before the stop is an
    # initial ("J.K.Rowling", "U.S.Army").
    patterns[_CAPITAL + _CAPITAL + _STOP + _CAPITAL] = (_FULL_STOP, "", 2)
    for first in _LOWERCASE:  # two lowercase letters before the capital: not iPhone, McDonald, eBay
        for second in _LOWERCASE:
            patterns[bytes([first, second]) + _CAPITAL] = (_STEP, "", 2)
    for honorific in name_titles(language)[0]:  # or an honorific of two letters: "MrBewlay"
        if len(honorific) == 2:
            patterns[_CAPITAL + honorific[1:].encode("ascii") + _CAPITAL] = (_STEP, "", 2)
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
                patterns[bytes([before]) + data + bytes([after])] = (_ENDING, word, 1)
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
                            bytes([before]) + ending + bytes([after]), (_ENDING, word, 1 + len(letters))
                        )
    # Searched for backwards, in the reversed shape: the patterns then share their last bytes (the
    # glue word and what follows it) and branch only on the letter before, which makes an
    # automaton a tenth the size, quicker in a processor's cache.
    ordered = sorted(patterns, key=lambda pattern: pattern[::-1])
    automaton = BytesAhoCorasick([pattern[::-1] for pattern in ordered], implementation=Implementation.DFA)
    kinds = tuple(patterns[pattern] for pattern in ordered)
    return _Look(automaton, kinds, words, tuple(word.encode("utf-8") for _, word, _ in kinds))


class _Vocabulary:
    """Zipf values of the words of one language: its small list as a dict, read on first use,
    and the rest of its large list as fingerprints, read the first time a token gets that far."""

    def __init__(self, language: str) -> None:
        from cleanup.lang.frequencies import zipf_table  # wordfreq is imported when first needed

        self.language = language
        self.common = zipf_table(language)
        self._rare: RareWords | None = None
        self._words: dict[str, bool] = {}

    def zipf(self, word: str) -> float:
        """The Zipf value of a common word (wordfreq's small list), 0 for any other."""
        return self.common.get(word.casefold(), 0.0)

    def known(self, word: str) -> float:
        """The Zipf value of any word of wordfreq's large list, 0 for a word it does not hold."""
        key = word.casefold()
        found = self.common.get(key)
        if found is not None:
            return found
        if self._rare is None:
            from cleanup.lang.frequencies import rare_words  # wordfreq is imported when first needed

            self._rare = rare_words(self.language, 0.0)
        return self._rare.zipf(key)

    def is_word(self, token: str, first: str, second: str) -> bool:
        """Whether ``token`` (``first`` and ``second`` glued) is a word of the language: one the
        large list holds, unless it is far rarer there than its two words side by side. Answers
        are remembered (up to ``_MEMO_SIZE``): news repeats its words ("rugby", "takeover")."""
        found = self._words.get(token)
        if found is None:
            if len(self._words) >= _MEMO_SIZE:
                self._words.clear()
            whole = self.known(token)
            side_by_side = self.zipf(first) + self.zipf(second) - 9  # Zipf values are log10 per 10⁹
            found = self._words[token] = bool(whole) and whole >= side_by_side - _RARER_THAN_ITS_PARTS
        return found


@cache
def _vocabulary(language: str) -> _Vocabulary:
    return _Vocabulary(language)


def _starts_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence (or a line), where a capital is no evidence."""
    i = index - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _whole_words(text: str, words: list[str]) -> tuple[Counter[str], set[str]]:
    """How often each of ``words`` stands in ``text`` as a whole word, and those used on their own
    in mid-sentence: one pass of an automaton, each place then read as :meth:`_Uses.repeated` and
    :meth:`_Uses._search_alone` read it.

    >>> counts, alone = _whole_words("Rome. Romeo saw Rome and rome", ["Rome", "rome"])
    >>> counts, sorted(alone)
    (Counter({'Rome': 2, 'rome': 1}), ['Rome', 'rome'])
    """
    counts: Counter[str] = Counter()
    alone: set[str] = set()
    if not words:
        return counts, alone
    for index, start, end in AhoCorasick(words).find_matches_as_indexes(text, overlapping=True):
        if (start and _WORD.match(text, start - 1)) or _WORD.match(text, end):
            continue
        word = words[index]
        counts[word] += 1
        if not _starts_sentence(text, start):
            alone.add(word)
    return counts, alone


def _asked(text: str, candidates: list[tuple[int, int, str]], vocabulary: _Vocabulary) -> set[str]:
    """The words the decisions of ``candidates`` can ask :class:`_Uses` about and that are costly
    to search for: each token (whether it is repeated), and the capitalised words either side of
    an inner capital or a full stop or before a glue word (whether one is used alone), if rarer
    than a common name. (The search for a frequent word stops at its first places.)"""
    tokens, names = set(), set()
    for at, kind, word in candidates:
        if kind == _FULL_STOP:
            first_start, left, second = _around_stop(text, at)
            names.add(text[first_start:left])
            if second is not None:
                names.add(second.group())
        else:
            start, end = _token(text, at, kind, word)
            tokens.add(text[start:end])
            names.update((text[start:at], text[at:end]))
    names = {name for name in names if name[:1].isupper()}
    return {word for word in tokens | names if vocabulary.zipf(word) < _COMMON_NAME}


class _Uses:
    """How the text uses its words: whether a name stands alone in mid-sentence, how often a token
    occurs, whether two words stand side by side. Answers are remembered; the first few are found
    by searching the text, the others in an index of its words made once, so that a text full of
    candidates still costs linear time (pairs of words are searched for a few times only)."""

    SEARCHES = 16
    SCOPED_SEARCHES = 64  # in a later round told what changed: few candidates, a long text

    def __init__(
        self, text: str, searches: int = SEARCHES, asked: Callable[[], Iterable[str]] | None = None
    ) -> None:
        """The uses of ``text``'s words, searched for ``searches`` questions, then indexed: every
        word, or, given ``asked``, the words it lists (those the candidates can ask about), found
        in one pass of an automaton; a question about another word is then searched for."""
        self.text = text
        self.searches = searches
        self.asked = asked
        self.searched_alone: dict[str, bool] = {}
        self.searched_counts: dict[str, int] = {}
        self.searched_pairs: dict[str, bool] = {}
        self.alone: set[str] | None = None  # words used on their own in mid-sentence
        self.counts: Counter[str] = Counter()  # words as written
        self.indexed: frozenset[str] | None = None  # the words the index holds; None: every word

    def _index(self) -> set[str] | None:
        """The index, made once ``searches`` questions have been searched for."""
        if self.alone is None and len(self.searched_alone) + len(self.searched_counts) >= self.searches:
            if self.asked is None:
                self.counts = Counter(_WORD.findall(self.text))
                firsts = Counter(_SENTENCE_FIRST_WORD.findall(self.text))
                self.alone = {word for word, count in self.counts.items() if count > firsts[word]}
            else:
                self.indexed = frozenset(word for word in self.asked() if word)
                self.counts, self.alone = _whole_words(self.text, sorted(self.indexed))
        return self.alone

    def _holds(self, word: str) -> bool:
        """Whether the index answers for ``word`` (made now if it is time)."""
        return self._index() is not None and (self.indexed is None or word in self.indexed)

    def used_alone(self, name: str) -> bool:
        """Whether the text uses ``name`` on its own in mid-sentence."""
        if self._holds(name):
            return name in self.alone
        if name not in self.searched_alone:
            self.searched_alone[name] = self._search_alone(name)
        return self.searched_alone[name]

    def _search_alone(self, name: str) -> bool:
        text, i = self.text, self.text.find(name)
        while i >= 0:
            end = i + len(name)
            if (
                not (i and _WORD.match(text, i - 1))
                and not _WORD.match(text, end)
                and not _starts_sentence(text, i)
            ):
                return True
            i = text.find(name, end)
        return False

    def repeated(self, token: str) -> bool:
        """Whether ``token`` occurs twice or more as a whole word, in the same case."""
        if self._holds(token):
            return self.counts[token] > 1
        if token not in self.searched_counts:
            text, found, i = self.text, 0, self.text.find(token)
            while i >= 0 and found < 2:
                end = i + len(token)
                found += not (i and _WORD.match(text, i - 1)) and not _WORD.match(text, end)
                i = text.find(token, end)
            self.searched_counts[token] = found
        return self.searched_counts[token] > 1

    def side_by_side(self, first: str, second: str) -> bool:
        """Whether the text writes ``first second`` with a space (asked ``SEARCHES`` times at most)."""
        pair = f"{first} {second}"
        if pair not in self.searched_pairs:
            if len(self.searched_pairs) >= self.SEARCHES:
                return False
            self.searched_pairs[pair] = pair in self.text
        return self.searched_pairs[pair]


@dataclass(frozen=True, slots=True)
class _Split:
    """A decision: where the space goes, what the token reads as, and how sure it is."""

    start: int
    end: int
    replacement: str
    message: str
    safety: Safety


class _Decider:
    """Decides the candidates of one text, one language."""

    def __init__(
        self,
        text: str,
        language: str,
        words: GlueWords | None,
        searches: int,
        asked: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        self.text = text
        self.language = language
        self.words = words
        self.function_words = words.every if words else frozenset()
        self.uses = _Uses(text, searches, asked)
        self.backticks: list[int] | None = None  # where the text's backticks stand, once asked
        self.vocabulary = _vocabulary(language)

    def _stands_alone(self, start: int, end: int, *, possessive: bool = False) -> bool:
        """Whether the letters at ``start:end`` are a word of prose: not longer than ``_LONGEST``,
        not inside a hashtag, handle, address, path, number or code span, nor a hyphenated, dotted
        or (unless ``possessive``) possessive word. ``start == end`` asks only about what follows."""
        text = self.text
        if start < end and start and (text[start - 1] in _NOT_BEFORE or text[start - 1].isalpha()):
            return False
        if end < len(text):
            after = text[end]
            if after in _NOT_AFTER or after.isalpha():
                return False
            joined = after in _JOINED_AFTER and end + 1 < len(text) and text[end + 1].isalnum()
            if joined and not (possessive and after in "'’" and _POSSESSIVE_S.match(text, end + 1)):
                return False
        return not self._in_code(start)

    def _in_code(self, index: int) -> bool:
        """Whether ``index`` stands between two backticks: in a code span (``getElementById``)."""
        if self.backticks is None:
            self.backticks = [match.start() for match in re.finditer("`", self.text)]
        return bisect_right(self.backticks, index) % 2 == 1

    def ending(self, at: int, word: str) -> _Split | None:
        """A word glued to the glue word ``word``, which starts at ``at``."""
        text = self.text
        start, end = _token(text, at, _ENDING, word)
        prefix, token = text[start:at], text[start:end]
        vocabulary = self.vocabulary
        if text[at:end] != word or (vocabulary.zipf(token) and vocabulary.is_word(token, prefix, word)):
            return None  # "rugby", "takeover", "Fiat": most of what the first look finds
        if len(prefix) < _MIN_PREFIX and prefix.lower() not in self.words.every:
            return None
        if _inner_capital(prefix) or not self._stands_alone(start, end):
            return None
        if prefix[0].islower():
            if vocabulary.zipf(prefix) < _COMMON or not _VOWEL.search(prefix):
                return None  # rare, or an acronym written small ("crche": "crc", "he")
            safety = Safety.SAFE
        elif prefix.lower() in self.words.every or not self._is_name(start, prefix, word):
            return None  # "Thereafter", "Whereas": a compound of function words
        else:
            safety = Safety.UNSAFE
        if self.uses.repeated(token) or vocabulary.is_word(token, prefix, word):
            return None
        if vocabulary.known(token):
            safety = Safety.UNSAFE  # a rare token of the list, far rarer than its parts ("ofthe")
        return _Split(start, end, f"{prefix} {word}", _glued(token, prefix, word), safety)

    def _is_name(self, start: int, prefix: str, word: str) -> bool:
        """Whether the capitalised ``prefix`` glued to ``word`` at ``start`` is a name."""
        if prefix.lower() in place_and_language_names(self.language):
            return True
        mid_sentence = not _starts_sentence(self.text, start)
        if word in self.words.after_any_name and mid_sentence:
            return True
        if (
            self.vocabulary.zipf(prefix) >= _COMMON_NAME
            and mid_sentence
            and not self.words.ends_many_words(prefix, word)
        ):
            # "Romethe", "Defencesaid": a word of the language, capitalised as a name; not where the
            # last letters and the glue word end many words, and names ("Preventon", "Clinton")
            return True
        return self._ends_full_name(start, prefix, word, mid_sentence) or self.uses.used_alone(prefix)

    def _ends_full_name(self, start: int, prefix: str, word: str, mid_sentence: bool) -> bool:
        """Whether ``prefix`` at ``start``, glued to ``word``, is the last word of a name of two: after
        a capitalised word in mid-sentence before a word that ends few words ("Martin Sorrellsaid"), or
        after a given name before one that ends few surnames ("Tony Blairof")."""
        after_full, after_given = word in self.words.after_full_name, word in self.words.after_given_name
        if len(prefix) < _MIN_SURNAME or not (after_full or after_given):
            return False
        before = _NAME_BEFORE.search(self.text, max(0, start - _LONGEST), start)
        if before is None:
            return False
        if after_given and before.group()[:-1].lower() in given_names():
            return True
        return after_full and mid_sentence and not _starts_sentence(self.text, before.start())

    def step(self, at: int) -> _Split | None:
        """A lowercase letter at ``at - 1`` and a capital at ``at`` inside a word."""
        text = self.text
        start, end = _token(text, at, _STEP, "")
        first, second, token = text[start:at], text[at:end], text[start:end]
        vocabulary = self.vocabulary
        if (
            len(first) < 2
            or len(second) < 2
            or (vocabulary.zipf(token) and vocabulary.is_word(token, first, second))
        ):
            return None  # one letter (iPhone, eBay, mAh); a word (PlayStation, YouTube)
        short = second.lower() in self.function_words or is_abbreviation(second.lower())  # "He", "Mr"
        capitalised = second[1:].islower() and (len(second) > 2 or short)
        if _inner_capital(first) or not (capitalised or second.isupper()):
            return None  # more than one step (getElementById, GlaxoSmithKline), a symbol (mmHg)
        if not self._stands_alone(start, end, possessive=True) or self.uses.repeated(token):
            return None
        if first.islower():
            if vocabulary.zipf(first) < _COMMON or (second.isupper() and not vocabulary.zipf(second)):
                return None  # "miniMIXA": an acronym no list holds
            # "ofTexas", "saidNearly": safe; "ofIbadan", "atNomura": a name no list holds, a suggestion
            safety = Safety.SAFE if vocabulary.zipf(second) >= _COMMON else Safety.UNSAFE
        elif self._two_word_name(first, second):
            # Written with a space, whatever the list holds of the token (hashtags: "newyork")
            return _Split(start, end, f"{first} {second}", _glued(token, first, second), Safety.SAFE)
        elif self._full_name(first, second):  # "TonyBlair", whatever the list holds (hashtags)
            return _Split(start, end, f"{first} {second}", _glued(token, first, second), Safety.UNSAFE)
        else:
            found = self._capitalised_pair(first, second, token)
            if found is None:
                return None  # PlayStation, McDonald, WorldCom: a name written with an inner capital
            safety = found
        if vocabulary.is_word(token, first, second):
            return None
        if vocabulary.known(token):
            safety = Safety.UNSAFE
        return _Split(start, end, f"{first} {second}", _glued(token, first, second), safety)

    def _two_word_name(self, first: str, second: str) -> bool:
        """Whether ``first second`` is surely a name of two words: an honorific and a name
        ("MrBewlay"), or a country, region or city ("NewYork", "SouthAfrica")."""
        if second[1:].islower() and first.lower() in name_titles(self.language)[0]:
            return True
        return f"{first} {second}" in two_word_places(self.language)

    def _full_name(self, first: str, second: str) -> bool:
        """Whether ``first second`` reads as a given name and a surname ("StuartGray"; Faker's
        lists, :mod:`cleanup.lang.personal_names`)."""
        given = first.lower() in given_names()
        return given and second[1:].islower() and second.lower() in surnames()

    def _capitalised_pair(self, first: str, second: str, token: str) -> Safety | None:
        """How sure the split of a capitalised word glued to a capital is, or ``None`` for a name
        written with an inner capital: brands are made of common words ("PlayStation", "PodShow",
        "EverCrack"), so two of them split only on evidence of a name."""
        vocabulary = self.vocabulary
        name = second[1:].islower()  # "Bush", not "BIO"
        if name and first.lower() in name_titles(self.language)[1]:
            return Safety.UNSAFE  # "PresidentBush"; titles open other names too ("GeneralMotors")
        if name and len(first) >= _MIN_PREFIX and second.lower() in surnames():
            return Safety.UNSAFE  # "PhilCollins", "ArseneWenger": a surname last
        if name and first.lower() in given_names() and second.lower() not in given_names():
            return Safety.UNSAFE  # "ThomasStrobl"; not one given name of two parts ("JoAnn", "MaryAnn")
        if name and second.lower() in name_heads(self.language) and len(first) >= _MIN_SURNAME:
            return Safety.UNSAFE  # "EllandRoad", "CommercialBank", "SundayTimes"
        if name and len(second) >= _MIN_PREFIX and first.lower() in name_openers(self.language):
            return Safety.UNSAFE  # "WestMidlands", "TheIncredibles"
        if self.uses.side_by_side(first, second) or (
            vocabulary.zipf(second) < _COMMON_NAME
            and self.uses.used_alone(second)
            and (vocabulary.zipf(first) or self.uses.used_alone(first))
        ):
            return Safety.UNSAFE  # "TonyBlair" where the text also writes "Tony Blair", or "Blair" alone
        if second.lower() in self.function_words and (vocabulary.zipf(first) or self.uses.used_alone(first)):
            return Safety.UNSAFE  # "LondonThe": a sentence run into the name before it
        if (
            name
            and vocabulary.zipf(first) >= _COMMON
            and vocabulary.zipf(second) >= _COMMON
            and not vocabulary.known(token)
            and any(self._named_alone(part) for part in (first, second))
        ):
            return Safety.UNSAFE  # "UnitedNations", "MorganStanley": the text names "Morgan" alone
        return None

    def _named_alone(self, word: str) -> bool:
        """Whether the text writes ``word`` alone, capitalised, in mid-sentence, and it is no
        everyday word, which titles and headings capitalise ("One", "Show")."""
        return self.vocabulary.zipf(word) < _EVERYDAY and self.uses.used_alone(word)

    def full_stop(self, at: int) -> _Split | None:
        """A full stop at ``at`` glued to the capitalised word after it."""
        text = self.text
        first_start, left, match = _around_stop(text, at)
        if match is None:
            return None
        second = match.group()
        end = match.end()
        if end < len(text) and (
            text[end] in _NOT_AFTER or (text[end] == "." and end + 1 < len(text) and text[end + 1].isalpha())
        ):
            return None  # "Amazon.Com/shop", "Halo.Bungie.Org"; not "Low-cost" or "Korea's"
        first = text[first_start:left]
        if not first or (first_start and text[first_start - 1] in _NOT_BEFORE_SENTENCE_END):
            return None
        vocabulary = self.vocabulary
        if second.lower() in _DOMAINS or not (vocabulary.zipf(second) or self.uses.used_alone(second)):
            return None
        # "The", "He", "However": surely a sentence's first word
        opens = second.lower() in self.function_words or second.lower() in sentence_adverbs(self.language)
        if first.isdigit():
            if len(first) > 4:
                return None
        elif not first.isalpha() or len(first) < 2 or is_abbreviation(first.lower()):
            return None  # "U.S.Army", "e.g.The", "St.Louis"
        elif first.islower():
            if not vocabulary.known(first):
                return None
        elif not opens and (
            vocabulary.zipf(second) < _COMMON_NAME
            or not (vocabulary.zipf(first) or self.uses.used_alone(first))
            or not _SENTENCE_GOES_ON.match(text, end)
        ):
            return None  # "One.Tel, which": a name written with a full stop
        safety = Safety.SAFE if opens and not first[0].isupper() else Safety.UNSAFE
        message = f"'{text[first_start:end]}' reads as two sentences glued together at the full stop"
        return _Split(at, at + 1, ". ", message, safety)


def _around_stop(text: str, at: int) -> tuple[int, int, re.Match[str] | None]:
    """Around a full stop at ``at``: where the letters or digits before it start and end (closing
    marks between them and the stop left out), and the capitalised word after it, if any."""
    left = at
    while left and text[left - 1] in _CLOSERS:
        left -= 1
    return _ALNUM_BEFORE.search(text, 0, left).start(), left, _CAPITALISED.match(text, at + 1)


def _inner_capital(word: str) -> bool:
    """Whether a lowercase letter is followed by a capital in ``word`` ("iPhone", "McDonald")."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def _glued(token: str, first: str, second: str) -> str:
    return f"'{token}' reads as '{first}' and '{second}' glued together"


@cache
def _known_endings(language: str) -> frozenset[bytes]:
    """The words of ``language``'s small list that end in a glue word and are words of their own
    split there (:meth:`_Vocabulary.is_word`: "rugby", "takeover", "breathe"), each as its UTF-8
    and the glue word's, a space between: what most places of the first look are, and what
    :meth:`_Decider.ending` would turn down first, told apart without reading the text again."""
    words = glue_words(language)
    if words is None:
        return frozenset()

    def build() -> Iterator[str]:
        vocabulary = _vocabulary(language)
        longest = max(map(len, words.every))
        for token in vocabulary.common:
            for end in range(max(1, len(token) - longest), len(token) - 1):
                word = token[end:]
                if word in words.every and vocabulary.is_word(token, token[:end], word):
                    yield f"{token} {word}"

    return frozenset(key.encode("utf-8") for key in diskcache.word_set(f"glued-known-{language}", build))


def _known_ending(data: bytes, backwards: bytes, at: int, word: bytes, known: frozenset[bytes]) -> bool:
    """Whether the glue word ``word`` at byte ``at`` of ``data`` ends a word of :func:`_known_endings`,
    written in lowercase ASCII letters or with an ASCII capital first ("Rugby"; the decision reads a
    word's Zipf value case-blind), after no letter (as :data:`_LETTERS_BEFORE` reads them)."""
    size = len(backwards)
    before = _RUN_BEFORE.match(backwards, size - at).end()  # the reversed shape's byte before the letters
    if before < size and backwards[before] == _CAPITAL[0]:
        before += 1
    if before - (size - at) > _LONGEST or (before < size and backwards[before] not in _NOT_LETTER_SHAPES):
        return False
    return data[size - before : at + len(word)].lower() + b" " + word in known


def _candidates(text: str, look: _Look, language: str) -> list[tuple[int, int, str]]:
    """``(index, shape, glue word)`` of every place the first look finds, in text order, but for
    words of :func:`_known_endings`; the index is that of the glue word, the capital or the full
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
    if any(kinds[pattern][0] == _ENDING for _, pattern in places):
        known = _known_endings(language)
        places = [
            (offset, pattern)
            for offset, pattern in places
            if kinds[pattern][0] != _ENDING
            or not _known_ending(data, backwards, offset, look.glue_utf8[pattern], known)
        ]
    positions = CharacterPositions(text, data)
    return [(positions.of(offset), *kinds[pattern][:2]) for offset, pattern in places]


def _token(text: str, at: int, kind: int, word: str) -> tuple[int, int]:
    """The span of the token a candidate of ``kind`` at ``at`` reads as glued: the letters before
    the glue word ``word`` and it, or the letters either side of an inner capital."""
    start = _LETTERS_BEFORE.search(text, 0, at).start()
    end = at + len(word) if kind == _ENDING else _LETTERS_AFTER.match(text, at).end()
    return start, end


def _in_scope(text: str, candidate: tuple[int, int, str], scope: Scope, replaced: set[str]) -> bool:
    """Whether a later round must decide a candidate again: it stands in a paragraph the chain
    changed, or its decision could be another for what the changes took away elsewhere.

    A safe split (the only kind a later round without unsafe fixes keeps) rests on the place
    itself, the word lists, and one thing of the whole text: whether the glued token occurs twice
    (:meth:`_Uses.repeated`). Outside the changed paragraphs the place is as it was, and the
    token's count can only have fallen where an occurrence was taken away, in the text the
    changes replaced (whose words are ``replaced``): a token that was no word there is decided as
    before, and it was not split. A full stop's safe split rests on no evidence of the whole text.
    """
    at, kind, word = candidate
    if scope.holds(at):
        return True
    if kind == _FULL_STOP:
        return False
    start, end = _token(text, at, kind, word)
    return text[start:end] in replaced


def _splits(text: str, language: str, scope: Scope | None = None) -> Iterator[_Split]:
    look = _look(language)
    candidates = _candidates(text, look, language)
    if scope is not None:
        replaced = set(_WORD.findall(scope.replaced))  # a token counted by repeated() is one of these
        candidates = [candidate for candidate in candidates if _in_scope(text, candidate, scope, replaced)]
    if not candidates:
        return
    # Told what changed, only a few candidates are decided again: searching a long text for each
    # costs less than indexing it, up to a few dozen questions.
    searches = _Uses.SEARCHES if scope is None else _Uses.SCOPED_SEARCHES
    decider = _Decider(
        text, language, look.words, searches, partial(_asked, text, candidates, _vocabulary(language))
    )
    for at, kind, word in candidates:
        if kind == _ENDING:
            split = decider.ending(at, word)
        elif kind == _STEP:
            split = decider.step(at)
        else:
            split = decider.full_stop(at)
        if split is not None:
            yield split


def find(text: str, ctx: Context, profile: Profile, scope: Scope | None = None) -> Iterator[Finding]:
    """Tokens made of two words glued together, with the space between them; with a ``scope``
    (a later round without unsafe fixes), only those the chain's changes could have made splits."""
    if not ctx.wants(GLUED_WORDS.id):
        return
    done = -1
    for split in _splits(text, profile.language, scope):
        if split.start < done:
            continue
        done = split.end
        yield Finding(
            rule=GLUED_WORDS.id,
            message=split.message,
            start=split.start,
            end=split.end,
            replacement=split.replacement,
            safety=split.safety,
        )
