"""How a text uses its words, the evidence of a name for ``glued-words``: whether a word stands
alone in mid-sentence, how often a token occurs, whether two words stand side by side.

>>> uses = Uses("Rome fell. Then Rome rose, and romeo")
>>> uses.used_alone("Rome"), uses.repeated("Rome"), uses.side_by_side("Rome", "rose")
(True, True, True)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from ahocorasick_rs import AhoCorasick

from cleanup.passes.tokens import SENTENCE_ENDS, SENTENCE_OPENERS, starts_sentence

WORD = re.compile(r"\w+")
# A word that opens a sentence (or a line, or the text), as starts_sentence reads it: the two sets
# share no character, so each such word is found once, and each opener is read from one end only.
_SENTENCE_FIRST_WORD = re.compile(
    rf"(?:\A|[{re.escape(''.join(sorted(SENTENCE_ENDS)))}])[{re.escape(''.join(sorted(SENTENCE_OPENERS)))}]*(\w+)"
)


def whole_words(text: str, words: list[str]) -> tuple[Counter[str], set[str]]:
    """How often each of ``words`` stands in ``text`` as a whole word, and those used on their own
    in mid-sentence: one pass of an automaton, each place then read as :meth:`Uses.repeated` and
    :meth:`Uses._search_alone` read it.

    >>> counts, alone = whole_words("Rome. Romeo saw Rome and rome", ["Rome", "rome"])
    >>> counts, sorted(alone)
    (Counter({'Rome': 2, 'rome': 1}), ['Rome', 'rome'])
    """
    counts: Counter[str] = Counter()
    alone: set[str] = set()
    if not words:
        return counts, alone
    for index, start, end in AhoCorasick(words).find_matches_as_indexes(text, overlapping=True):
        if (start and WORD.match(text, start - 1)) or WORD.match(text, end):
            continue
        word = words[index]
        counts[word] += 1
        if not starts_sentence(text, start):
            alone.add(word)
    return counts, alone


class Uses:
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
                self.counts = Counter(WORD.findall(self.text))
                firsts = Counter(_SENTENCE_FIRST_WORD.findall(self.text))
                self.alone = {word for word, count in self.counts.items() if count > firsts[word]}
            else:
                self.indexed = frozenset(word for word in self.asked() if word)
                self.counts, self.alone = whole_words(self.text, sorted(self.indexed))
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
                not (i and WORD.match(text, i - 1))
                and not WORD.match(text, end)
                and not starts_sentence(text, i)
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
                found += not (i and WORD.match(text, i - 1)) and not WORD.match(text, end)
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
