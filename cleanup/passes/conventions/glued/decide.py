"""The decisions of ``glued-words``: whether a place of the first look is two words glued, where
the space goes and how sure the split is, by what a reader knows, cheapest test first.

The token must not be an address, a handle, a hashtag, code or part of a hyphenated or dotted
word; both parts must be words of the language (wordfreq's small list) or the name the text or a
list shows; and the whole must not be a word the language knows (wordfreq's large list), unless it
is far rarer than its two words would be side by side (``ofthe``).

>>> from cleanup.lang.glue import glue_words
>>> text = "the ministersaid on Monday"
>>> split = Decider(text, "en", glue_words("en"), Uses.SEARCHES).ending(12, "said")
>>> split.replacement, split.safety
('minister said', <Safety.SAFE: 'safe'>)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

import regex

from cleanup.lang.glue import (
    GlueWords,
    name_heads,
    name_openers,
    name_titles,
    place_and_language_names,
    sentence_adverbs,
    single_word_names,
    two_word_places,
)
from cleanup.lang.personal_names import given_names, surnames
from cleanup.model import Safety
from cleanup.passes.conventions.glued.lexicon import COMMON, COMMON_NAME, EVERYDAY, Vocabulary, vocabulary
from cleanup.passes.conventions.glued.shape import ENDING, FULL_STOP, LONGEST, STEP
from cleanup.passes.conventions.glued.uses import Uses
from cleanup.passes.tokens import is_abbreviation, starts_sentence

_MIN_PREFIX = 3  # letters before a glue word, unless the prefix is itself a glue word ("ofthe")
_MIN_SURNAME = 4  # letters of the last word of a name glued to a word ("Sorrellsaid", not "Crohas")
# Top-level domains, which a full stop and a capital may join to a name ("Amazon.Com").
_DOMAINS = frozenset("com org net gov edu mil biz".split())
# Around a token: characters that make it part of a hashtag, handle, address, path, number or code.
_NOT_BEFORE = frozenset("#@/\\_-.`&=+$%0123456789")
_NOT_BEFORE_SENTENCE_END = frozenset("#@/\\_.`")  # before the word a full stop ends: "mid-2005.It"
_NOT_AFTER = frozenset("@/\\_`(=+0123456789")
_JOINED_AFTER = frozenset("-'’.")  # followed by a letter: a compound, a possessive, a domain
_LETTERS_BEFORE = regex.compile(rf"(?r)[\p{{L}}\p{{M}}]{{0,{LONGEST}}}")
_LETTERS_AFTER = re.compile(rf"[^\W\d_]{{0,{LONGEST}}}")
_VOWEL = re.compile(r"[aeiouyà-ÿ]")  # a word of prose has one; an acronym may not ("crc", "nhs")
_POSSESSIVE_S = re.compile(r"s(?!\w)")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_ALNUM_BEFORE = regex.compile(rf"(?r)[\p{{L}}\p{{M}}\p{{N}}]{{0,{LONGEST}}}")
_SENTENCE_GOES_ON = re.compile(r"(?:['’]s)? [^\W\d_]")  # after a sentence's first word
# A capitalised word and a space just before a place, after no letter, digit or full stop: the
# first word of a name of two ("Martin Sorrell"), not an initial ("J. Smith") or a sentence's end.
_NAME_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+ \Z")
_CLOSERS = frozenset(")]\"'”’")  # between a word and the full stop that ends its sentence
_NEXT_CAPITALISED = re.compile(r" ([A-Z][a-z]+)")  # the capitalised word after a token and a space


def asked(text: str, candidates: list[tuple[int, int, str]], vocabulary: Vocabulary) -> set[str]:
    """The words the decisions of ``candidates`` can ask :class:`Uses` about and that are costly
    to search for: each token (whether it is repeated), and the capitalised words either side of
    an inner capital or a full stop or before a glue word (whether one is used alone), if rarer
    than a common name. (The search for a frequent word stops at its first places.)"""
    tokens, names = set(), set()
    for at, kind, word in candidates:
        if kind == FULL_STOP:
            first_start, left, second = _around_stop(text, at)
            names.add(text[first_start:left])
            if second is not None:
                names.add(second.group())
        else:
            start, end = token_span(text, at, kind, word)
            tokens.add(text[start:end])
            names.update((text[start:at], text[at:end]))
    names = {name for name in names if name[:1].isupper()}
    return {word for word in tokens | names if vocabulary.zipf(word) < COMMON_NAME}


@dataclass(frozen=True, slots=True)
class Split:
    """A decision: where the space goes, what the token reads as, and how sure it is."""

    start: int
    end: int
    replacement: str
    message: str
    safety: Safety


class Decider:
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
        self.uses = Uses(text, searches, asked)
        self.backticks: list[int] | None = None  # where the text's backticks stand, once asked
        self.vocabulary = vocabulary(language)

    def _stands_alone(self, start: int, end: int, *, possessive: bool = False) -> bool:
        """Whether the letters at ``start:end`` are a word of prose: not longer than ``LONGEST``,
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

    def ending(self, at: int, word: str) -> Split | None:
        """A word glued to the glue word ``word``, which starts at ``at``."""
        text = self.text
        start, end = token_span(text, at, ENDING, word)
        prefix, token = text[start:at], text[start:end]
        vocabulary = self.vocabulary
        if text[at:end] != word or (vocabulary.zipf(token) and vocabulary.is_word(token, prefix, word)):
            return None  # "rugby", "takeover", "Fiat": most of what the first look finds
        if len(prefix) < _MIN_PREFIX and prefix.lower() not in self.words.every:
            return None
        if _inner_capital(prefix) or not self._stands_alone(start, end):
            return None
        if prefix[0].islower():
            if vocabulary.zipf(prefix) < COMMON or not _VOWEL.search(prefix):
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
        return Split(start, end, f"{prefix} {word}", _glued(token, prefix, word), safety)

    def _is_name(self, start: int, prefix: str, word: str) -> bool:
        """Whether the capitalised ``prefix`` glued to ``word`` at ``start`` is a name."""
        if prefix.lower() in place_and_language_names(self.language):
            return True
        mid_sentence = not starts_sentence(self.text, start)
        if word in self.words.after_any_name and mid_sentence:
            return True
        if (
            self.vocabulary.zipf(prefix) >= COMMON_NAME
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
        before = _NAME_BEFORE.search(self.text, max(0, start - LONGEST), start)
        if before is None:
            return False
        if after_given and before.group()[:-1].lower() in given_names():
            return True
        return after_full and mid_sentence and not starts_sentence(self.text, before.start())

    def step(self, at: int) -> Split | None:
        """A lowercase letter at ``at - 1`` and a capital at ``at`` inside a word."""
        text = self.text
        start, end = token_span(text, at, STEP, "")
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
            if vocabulary.zipf(first) < COMMON or (second.isupper() and not vocabulary.zipf(second)):
                return None  # "miniMIXA": an acronym no list holds
            if second.isupper() or vocabulary.zipf(second) < COMMON:
                # "visionOS", "watchOS": the shape of a product's name; "ofIbadan", "atNomura": a
                # name no list holds. A suggestion.
                safety = Safety.UNSAFE
            elif short or self._surely_a_name(second, end):
                safety = Safety.SAFE  # "saidThe", "ofThe", "inLondon", "atLabour" beside "Labour"
            else:
                # "inDrive", "forScore", "easyHotel", "readFile": brands and names in code are a
                # lowercase word and a capitalised one; so is a sentence run on ("reportedNearly").
                safety = Safety.UNSAFE
        elif self._two_word_name(first, second):
            # Written with a space, whatever the list holds of the token (hashtags: "newyork")
            return Split(start, end, f"{first} {second}", _glued(token, first, second), Safety.SAFE)
        elif self._full_name(first, second):  # "TonyBlair", whatever the list holds (hashtags)
            return Split(start, end, f"{first} {second}", _glued(token, first, second), Safety.UNSAFE)
        else:
            found = self._capitalised_pair(first, second, token)
            if found is None:
                return None  # PlayStation, McDonald, WorldCom: a name written with an inner capital
            safety = found
        if vocabulary.is_word(token, first, second):
            return None
        if vocabulary.known(token):
            safety = Safety.UNSAFE
        return Split(start, end, f"{first} {second}", _glued(token, first, second), safety)

    def _surely_a_name(self, second: str, end: int) -> bool:
        """Whether the capitalised ``second``, glued to a lowercase word and ending at ``end``, is
        surely a name and not the second half of a brand's ("inDrive", "easyHotel"): a
        place, language, day, month or nationality, an honorific or a title (the lists of
        :mod:`cleanup.lang.glue`); the first word of a name that the capitalised word after it
        goes on ("theUnited States", "inLos Angeles"); or, if no everyday word ("Drive", "Post"), a
        given name or a surname (Faker's lists) or a word the text writes alone, capitalised, in
        mid-sentence ("Tories", "Labour")."""
        lowered = second.lower()
        language = self.language
        if lowered in single_word_names(language) or any(lowered in words for words in name_titles(language)):
            return True
        following = _NEXT_CAPITALISED.match(self.text, end)
        if following and (
            lowered in name_openers(language) or f"{second} {following[1]}" in two_word_places(language)
        ):
            return True
        if lowered in given_names() or lowered in surnames():
            return self.vocabulary.zipf(second) < EVERYDAY
        return self._named_alone(second)

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
            vocabulary.zipf(second) < COMMON_NAME
            and self.uses.used_alone(second)
            and (vocabulary.zipf(first) or self.uses.used_alone(first))
        ):
            return Safety.UNSAFE  # "TonyBlair" where the text also writes "Tony Blair", or "Blair" alone
        if second.lower() in self.function_words and (vocabulary.zipf(first) or self.uses.used_alone(first)):
            return Safety.UNSAFE  # "LondonThe": a sentence run into the name before it
        if (
            name
            and vocabulary.zipf(first) >= COMMON
            and vocabulary.zipf(second) >= COMMON
            and not vocabulary.known(token)
            and any(self._named_alone(part) for part in (first, second))
        ):
            return Safety.UNSAFE  # "UnitedNations", "MorganStanley": the text names "Morgan" alone
        return None

    def _named_alone(self, word: str) -> bool:
        """Whether the text writes ``word`` alone, capitalised, in mid-sentence, and it is no
        everyday word, which titles and headings capitalise ("One", "Show")."""
        return self.vocabulary.zipf(word) < EVERYDAY and self.uses.used_alone(word)

    def full_stop(self, at: int) -> Split | None:
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
            vocabulary.zipf(second) < COMMON_NAME
            or not (vocabulary.zipf(first) or self.uses.used_alone(first))
            or not _SENTENCE_GOES_ON.match(text, end)
        ):
            return None  # "One.Tel, which": a name written with a full stop
        safety = Safety.SAFE if opens and not first[0].isupper() else Safety.UNSAFE
        message = f"'{text[first_start:end]}' reads as two sentences glued together at the full stop"
        return Split(at, at + 1, ". ", message, safety)


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


def token_span(text: str, at: int, kind: int, word: str) -> tuple[int, int]:
    """The span of the token a candidate of ``kind`` at ``at`` reads as glued: the letters before
    the glue word ``word`` and it, or the letters either side of an inner capital."""
    start = _LETTERS_BEFORE.search(text, 0, at).start()
    end = at + len(word) if kind == ENDING else _LETTERS_AFTER.match(text, at).end()
    return start, end
