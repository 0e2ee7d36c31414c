"""Frequent words that a link boundary glues to the name before them, and the names they follow.

A web page sets a link's text against the next word with markup and no space; once the
markup is gone the two read as one token (``a Palazzo Chigiafter the meeting``). The
words here are each language's most frequent function words of three letters or more,
in two groups:

- ``after_any_name``: words that end no word or name of the language with three letters
  or more before them (in wordfreq's large list; ``tests/test_glued.py`` checks English
  and French), so a capitalised word before one is name enough: ``after``, ``during``,
  ``après``;
- ``after_known_name``: frequent words that do end some words and names (``Goethe``,
  ``Beckwith``, ``Douthat``, ``Moravec``), split only after a name the text uses on its
  own, or a country, territory or language name (CLDR through Babel).

Shorter words (``of``, ``in``, ``le``, ``la``, ``y``) and those that end too many words
(``his``, ``her``, ``an``, ``is``: ``Fisher``, ``Malian``, ``Iraqis``; German ``der``,
``ist``, ``wegen``: ``Lobbyist``, ``Radwegen``) are left out: precision first.

>>> words = glue_words("en")
>>> "after" in words.after_any_name, "the" in words.after_known_name, "of" in words.every
(True, True, False)
>>> "italy" in place_and_language_names("en"), "italie" in place_and_language_names("fr")
(True, True)
>>> glue_words("xx") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale


@dataclass(frozen=True, slots=True)
class GlueWords:
    """The frequent words of one language that a link boundary glues to a name, in two groups,
    and the capitals that names of the language start with."""

    after_any_name: frozenset[str]  # end no word: any capitalised word before them is a name
    after_known_name: frozenset[str]  # end some words: only after a name the text uses alone
    every: frozenset[str]  # both groups
    capitals: str  # a regular-expression character class, without its brackets


# (after any capitalised word, after a known name), per target language.
_WORDS = {
    "en": (
        """
        after before during against until because between would could should which whose when
        whether although within without their also from since
        """,
        "the and with for but was were have into than that said while where though about who what",
    ),
    "fr": (
        """
        après depuis selon malgré auprès notamment également alors ainsi lorsque puisque tandis
        dont avait aussi contre
        """,
        """
        les des dans pour avec sur qui que est une mais par entre sans sous vers chez aux était
        sont cette leur avant pendant durant lors afin
        """,
    ),
    "it": (
        """
        dopo mentre poiché sebbene oppure ovvero infatti quindi inoltre tuttavia hanno aveva
        degli sulla dalla perché secondo
        """,
        "della delle dei del nel nella per con che non una sono tra contro durante prima anche "
        "senza verso presso alla come",
    ),
    "es": (
        """
        después durante según mientras contra entre desde hacia aunque porque también sobre
        hasta donde fueron había cuando
        """,
        "del con que por para una sin tras como pero",
    ),
    "pt": (
        "depois durante enquanto quando porque também sobre desde foram havia",
        "após entre como com que para por uma pelo pela onde segundo contra",
    ),
    "de": (
        "nachdem während sowie zwischen obwohl bereits allerdings damit dass sowohl jedoch wurden",
        "und nach mit von für auf bei aus sich gegen seit trotz aber oder weil wenn noch auch nicht "
        "wurde hatte",
    ),
}


# Capitals that begin names: a regular expression skips quickly to an ASCII capital, four times
# slower to one of a set with accented capitals. English names rarely start with one ("Özil",
# "Émile"), French, German, Spanish, Italian and Portuguese names often do ("Élysée", "Österreich").
_CAPITALS = {"en": "A-Z"}
_LATIN_CAPITALS = "A-ZÀ-ÖØ-Þ"


@cache
def glue_words(language: str) -> GlueWords | None:
    """The glue words of ``language``, or ``None`` for a language without a table."""
    found = _WORDS.get(language)
    if found is None:
        return None
    after_any, after_known = (frozenset(group.split()) for group in found)
    return GlueWords(
        after_any, after_known, after_any | after_known, _CAPITALS.get(language, _LATIN_CAPITALS)
    )


@cache
def place_and_language_names(language: str) -> frozenset[str]:
    """Country, territory and language names of one word in ``language`` (CLDR), lowercased.

    Regions with numeric codes ("World", "Europe"), languages without a two-letter code
    (CLDR names thousands) and names shorter than four letters are left out.
    """
    locale = Locale(language)
    names = [name for code, name in locale.territories.items() if code.isalpha()]
    names += [name for code, name in locale.languages.items() if len(code) == 2]
    return frozenset(name.lower() for name in names if name.isalpha() and len(name) >= 4)
