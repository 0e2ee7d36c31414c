"""A name glued to the next word at a link boundary: ``Chigiafter``, ``italythe``.

Design, cheapest test first, so that ordinary copy costs two regular-expression scans:

1. First look, in linear time (no backtracking: possessive runs, tries, fixed lookarounds).
   Capitalised words (``regex``, which skips to an ASCII capital fast): a capital, five or
   more lowercase letters and a word end whose last letters are one of the language's
   frequent function words (:mod:`cleanup.lang.glue`), checked backwards by a trie.
   Lowercase words (``re``, which skips to a space fast): a space, a country, territory or
   language name (CLDR), one of those words and a word end. Not after a letter, ``#``, ``@``,
   ``/``, ``.``, ``_`` or a hyphen; not before ``@``, ``'s``, ``.com`` or a hyphenated part.
2. The part before the function word must be a name: a CLDR name; a capitalised word the
   text also uses on its own in mid-sentence; or, before a function word that ends no word
   of the language (``after``, ``during``, ``après``), any capitalised word in mid-sentence
   (a capital opening a sentence says nothing). Not a function word itself (``Thereafter``).
3. The token must occur once in the text (a name the text repeats is its own word).
4. Last, the language must not know the token: wordfreq's small list (about 3 MB for
   English), loaded the first time a token gets this far; for the 2,225 BBC and 133 WMT
   English articles, never.

>>> from cleanup import clean
>>> clean("a Palazzo Chigiafter the meeting", select=["glued-words"], unsafe=True).text
'a Palazzo Chigi after the meeting'
>>> clean("a Palazzo Chigiafter the meeting", select=["glued-words"]).text  # unsafe: only when asked
'a Palazzo Chigiafter the meeting'
>>> text = "reçu à Matignon. Puis à Matignondans la soirée"
>>> clean(text, target="fr", select=["glued-words"], unsafe=True).text
'reçu à Matignon. Puis à Matignon dans la soirée'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from cleanup.lang.frequencies import zipf_table
from cleanup.lang.glue import GlueWords, glue_words, place_and_language_names
from cleanup.lang.profiles import Profile
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context

GLUED_WORDS = Rule(
    id="glued-words",
    family="conventions",
    safety="unsafe",
    summary="A name glued to the next word at a link boundary (Chigiafter, italythe) split with a space.",
    why=(
        "Web pages set a link's text against the next word with markup and no space; once the "
        "page is turned into text and translated, the name and the word read as one token that "
        "no dictionary knows ('a Palazzo Chigiafter the meeting')."
    ),
    examples=(
        Example("a Palazzo Chigiafter the meeting", "a Palazzo Chigi after the meeting"),
        Example("in italythe government fell", "in italy the government fell"),
        Example(
            "met Mr Zanetti in Milan, and Mr Zanettiwith his lawyers",
            "met Mr Zanetti in Milan, and Mr Zanetti with his lawyers",
        ),
        Example(
            "Thereafter, the Southampton and Andover talks", "Thereafter, the Southampton and Andover talks"
        ),
        Example("Meanwhile #ItalyThe and iPhone, YouTube", "Meanwhile #ItalyThe and iPhone, YouTube"),
    ),
    fix_safety=(
        "Unsafe: a suggestion. Only a token the copy's language does not know (wordfreq's small "
        "list) that ends in one of its frequent function words is split, and only after a name: "
        "a country, territory or language name (CLDR, also in lowercase), a capitalised word the "
        "text also uses on its own in mid-sentence, or, before a word that ends no word of the "
        "language ('after', 'during', 'après'), any capitalised word in mid-sentence. Never a "
        "word the text uses twice, a hashtag, a handle, a URL or an e-mail address, a word with "
        "an inner capital (iPhone, YouTube) or part of a hyphenated word. A rare name that the "
        "list does not know, ending in a function word after a name the text also uses, would "
        "be split (a 'Marchand' in a text that says 'March'). Preview: select it by id or with "
        "--select conventions; its scan of every word costs a third of the default chain."
    ),
    preview=True,
)

RULES = (GLUED_WORDS,)

_LOWER = "a-zß-öø-ÿ"
# A word end that is not inside a handle, an address, a hyphenated word or a possessive.
_END = r"(?![\w@]|[-'’./]\w)"
# Characters that, right before a token, make it part of a hashtag, handle, address or compound.
_NOT_BEFORE = frozenset("#@/._-")
_MIN_PREFIX = 3
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}_]")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
# Openers a sentence may start with: after them and spaces, a capital says nothing about a name.
_OPENERS = frozenset(" \t\u00a0\u202f\"'“‘«‹([{*•·–—-")
_SENTENCE_ENDS = frozenset(".!?…:;\n\r\u2028\u2029")


def _trie(words: Iterable[str], *, backwards: bool = False) -> str:
    """A regular expression for any of ``words`` as a trie: the engine follows one branch per
    letter. ``backwards`` builds it on the last letters, for a lookbehind, which the ``regex``
    module matches from right to left."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in reversed(word) if backwards else word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        parts = [(re.escape(char), branch(child)) for char, child in sorted(node.items()) if char]
        if not parts:
            return ""
        alternatives = [rest + char if backwards else char + rest for char, rest in parts]
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


@dataclass(frozen=True, slots=True)
class _Looks:
    """The first-look patterns of one language and its glue words."""

    words: GlueWords
    lengths: tuple[int, ...]  # lengths of the glue words, longest first
    capitalised: regex.Pattern[str]
    lowercase: re.Pattern[str]


@cache
def _looks(language: str) -> _Looks | None:
    words = glue_words(language)
    if words is None:
        return None
    last_letters = "".join(sorted({re.escape(word[-1]) for word in words.every}))
    shortest = min(map(len, words.every))
    # The last letter first, in a class: most words fail there, before the trie.
    capitalised = regex.compile(
        rf"[{words.capitals}][{_LOWER}]{{{_MIN_PREFIX + shortest - 1},}}+"
        rf"(?<=[{last_letters}])(?<={_trie(words.every, backwards=True)}){_END}"
    )
    names = sorted(place_and_language_names(language))
    # Words shorter than a name and a glue word fail at the lookahead, before the trie.
    least = min(map(len, names)) + shortest
    lowercase = re.compile(rf" (?=[{_LOWER}]{{{least}}})({_trie(names)})({_trie(words.every)}){_END}")
    lengths = tuple(sorted({len(word) for word in words.every}, reverse=True))
    return _Looks(words, lengths, capitalised, lowercase)


def _starts_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence (or a line), where a capital is no evidence."""
    i = index - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


class _Uses:
    """How the text uses its words: whether a name stands alone in mid-sentence, how often a token
    occurs. Answers are remembered; the first few are found by searching the text, the others in
    an index of its words made once, so that a text full of candidates still costs linear time."""

    SEARCHES = 16

    def __init__(self, text: str) -> None:
        self.text = text
        self.searched_alone: dict[str, bool] = {}
        self.searched_counts: dict[str, int] = {}
        self.alone: set[str] | None = None  # words used on their own in mid-sentence
        self.counts: Counter[str] = Counter()  # casefolded words

    def _index(self) -> set[str] | None:
        """The index, made once ``SEARCHES`` questions have been searched for."""
        if self.alone is None and len(self.searched_alone) + len(self.searched_counts) >= self.SEARCHES:
            self.alone = set()
            for match in _WORD.finditer(self.text):
                word = match.group()
                self.counts[word.casefold()] += 1
                if word not in self.alone and not _starts_sentence(self.text, match.start()):
                    self.alone.add(word)
        return self.alone

    def used_alone(self, name: str) -> bool:
        """Whether the text uses ``name`` on its own in mid-sentence."""
        alone = self._index()
        if alone is not None:
            return name in alone
        if name not in self.searched_alone:
            self.searched_alone[name] = self._search_alone(name)
        return self.searched_alone[name]

    def _search_alone(self, name: str) -> bool:
        text, i = self.text, self.text.find(name)
        while i >= 0:
            end = i + len(name)
            if (
                not (i and _WORD_CHAR.match(text, i - 1))
                and not _WORD_CHAR.match(text, end)
                and not _starts_sentence(text, i)
            ):
                return True
            i = text.find(name, end)
        return False

    def count(self, token: str) -> int:
        """How often ``token`` occurs as a whole word, in any case."""
        if self._index() is not None:
            return self.counts[token.casefold()]
        key = token.casefold()
        if key not in self.searched_counts:
            pattern = rf"(?<!{_WORD_CHAR.pattern}){regex.escape(token)}(?!{_WORD_CHAR.pattern})"
            self.searched_counts[key] = sum(1 for _ in regex.finditer(pattern, self.text, regex.IGNORECASE))
        return self.searched_counts[key]


def _is_name(uses: _Uses, start: int, prefix: str, word: str, words: GlueWords, language: str) -> bool:
    """Whether ``prefix`` (glued to ``word`` at ``start``) is a name, by the evidence ``word`` needs."""
    if prefix.lower() in words.every:
        return False  # "Thereafter", "Andover", "Whereas": a compound of function words
    if prefix.lower() in place_and_language_names(language):
        return True
    if not prefix[0].isupper():
        return False
    if word in words.after_any_name and not _starts_sentence(uses.text, start):
        return True
    return uses.used_alone(prefix)


def _splits(token: str, looks: _Looks) -> Iterator[tuple[str, str]]:
    """``(prefix, word)`` for each glue word the token ends in, the longest first."""
    for length in looks.lengths:
        word = token[-length:]
        if word in looks.words.every and len(token) - length >= _MIN_PREFIX:
            yield token[:-length], word


def _candidates(text: str, looks: _Looks) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, prefix, word)`` of every token the first look finds, in text order."""
    found = []
    for match in looks.capitalised.finditer(text):
        start, token = match.start(), match.group()
        if start and (text[start - 1] in _NOT_BEFORE or text[start - 1].isalnum()):
            continue
        for prefix, word in _splits(token, looks):
            found.append((start, match.end(), prefix, word))
    for match in looks.lowercase.finditer(text):
        start = match.start(1)
        found.append((start, match.end(), match.group(1), match.group(2)))
    return iter(sorted(found, key=lambda candidate: candidate[0]))  # stable: longest word first


def _known(token: str, language: str) -> bool:
    """Whether the language knows the token (wordfreq's small list, loaded on first use)."""
    return token.casefold() in zipf_table(language)


def find(text: str, ctx: Context, profile: Profile) -> Iterator[Finding]:
    """Tokens glued from a name and a frequent word, with the space between them (unsafe)."""
    if not ctx.wants(GLUED_WORDS.id):
        return
    language = profile.language
    looks = _looks(language)
    if looks is None:
        return
    uses = _Uses(text)
    done = -1
    for start, end, prefix, word in _candidates(text, looks):
        if start <= done or not _is_name(uses, start, prefix, word, looks.words, language):
            continue
        token = prefix + word
        if uses.count(token) > 1 or _known(token, language):
            continue
        done = start
        yield Finding(
            rule=GLUED_WORDS.id,
            message=f"'{token}' reads as '{prefix}' and '{word}' glued together at a link boundary",
            start=start,
            end=end,
            replacement=f"{prefix} {word}",
            safety=Safety.UNSAFE,
        )
