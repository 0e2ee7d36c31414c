"""Zipf values of the words of one language, for the decisions of ``glued-words``: wordfreq's small
list as a dict, read on first use, the rest of its large list as fingerprints, read the first time
a token gets that far.

>>> lexicon = vocabulary("en")
>>> lexicon.zipf("minister") > COMMON, lexicon.zipf("ministersaid")
(True, 0.0)
>>> lexicon.is_word("takeover", "take", "over"), lexicon.is_word("ofthe", "of", "the")
(True, False)
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleanup.lang.wordlists import RareWords

COMMON = 3.0  # Zipf value of the words of wordfreq's small lists: a word at least this common
# Zipf value of a capitalised word common enough to be taken for a name without more evidence:
# "Rome" (4.5) and "Defence" (4.4), not "Bis" ("Biscan") or "Jug" ("Jugnot").
COMMON_NAME = 3.5
EVERYDAY = 5.0  # Zipf value of words so common that one capitalised alone is no name ("One", "Show")
# How much rarer than its two words side by side a token may be and still be one word: 100 times.
# "thereof" is 10 times rarer than "there" and "of" together, "ofthe" 600 times.
_RARER_THAN_ITS_PARTS = 2.0
_MEMO_SIZE = 100_000  # answers of the word lists remembered per language


class Vocabulary:
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
def vocabulary(language: str) -> Vocabulary:
    return Vocabulary(language)
