"""Frequent words that a link boundary glues to the word before them, and the letters before
which they are not looked for.

A web page sets a link's text against the next word with markup and no space; once the
markup is gone the two read as one token (``the ministersaid``, ``a Palazzo Chigiafter the
meeting``). The words here are each language's most frequent function words (and, in
English, the reporting verbs ``said`` and ``says``), in two groups:

- ``after_any_name``: words that end no word or name of the language with three letters
  or more before them (in wordfreq's large list; ``tests/test_glued.py`` checks English
  and French), so a capitalised word in mid-sentence before one is name enough:
  ``after``, ``during``, ``après``;
- ``after_known_name``: frequent words that do end some words and names (``Goethe``,
  ``Beckwith``, ``Douthat``, ``Moravec``), split after a capitalised word only when the
  text also uses it on its own, when it is a country, territory or language name (CLDR
  through Babel), or when it is a common word of the language (``Romethe``).

A glued word is found by its last letters: a letter, then the glue word, then no letter.
Where the letter and the glue word together end many words of the language, that letter is
not looked at (``excluded_before``): English ``in`` after ``a``, ``g``, ``s`` or ``t`` ends
``again``, ``begin``, ``cousin`` and ``Britain``, so ``decidedin`` is found but ``talksin`` only
by the letter before: before such a letter, the letters that do not end many words with it are
looked at (``excluded_pairs``: ``ksin``, not ``usin``), and before two, the same again
(``excluded_triples``: ``estin`` in ``latestin``, not ``ustin``). This keeps the first look to a
few hundred places in a megabyte of clean English; the letters are chosen from wordfreq's large
list (``tests/test_glued.py`` checks the rule that chose them). Languages without such a table
are looked at after every letter.

>>> words = glue_words("en")
>>> "after" in words.after_any_name, "the" in words.after_known_name, "of" in words.every
(True, True, True)
>>> "s" in words.excluded_before["in"], "d" in words.excluded_before["in"]
(True, False)
>>> "italy" in place_and_language_names("en"), "italie" in place_and_language_names("fr")
(True, True)
>>> glue_words("xx") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from babel import Locale


@dataclass(frozen=True, slots=True)
class GlueWords:
    """The frequent words of one language that a link boundary glues to the word before them."""

    after_any_name: frozenset[str]  # end no word: any capitalised word before them is a name
    after_known_name: frozenset[str]  # end some words: only after a name the text shows as one
    every: frozenset[str]  # both groups
    # Letters that, with a glue word after them, end too many words of the language to be looked at.
    excluded_before: dict[str, str] = field(default_factory=dict)
    # Of those, per glue word and letter, the letters before the letter that keep it excluded: before
    # any other, the two letters and the glue word end few words, and the glue word is looked for.
    excluded_pairs: dict[str, dict[str, str]] = field(default_factory=dict)
    # Of those, per glue word and two letters (a letter excluded and a letter that keeps it so), the
    # letters before the two that keep them excluded: before any other, the three letters and the
    # glue word end few words ("attentionto", not "Toronto").
    excluded_triples: dict[str, dict[str, str]] = field(default_factory=dict)
    # Of ``after_known_name``, the words that end few words (fewer than 70 of wordfreq's large list,
    # with three letters or more before them): after the capitalised last word of a name of two
    # words, name enough ("Martin Sorrellsaid"), where "on" or "in" would end the name ("Clinton").
    after_full_name: frozenset[str] = frozenset()
    # Of the others, the words that end few surnames: after the last word of a name whose first is a
    # given name ("Tony Blairof").
    after_given_name: frozenset[str] = frozenset()

    def ends_many_words(self, letters: str, word: str) -> bool:
        """Whether the last two of ``letters`` and the glue word ``word`` end many words of the
        language, and are looked at only after a third letter (``excluded_triples``).

        >>> words = glue_words("en")
        >>> words.ends_many_words("Prevent", "on"), words.ends_many_words("attention", "to")
        (True, True)
        >>> words.ends_many_words("govern", "ment"), words.ends_many_words("minister", "for")
        (False, False)
        """
        kept = self.excluded_pairs.get(word, {}).get(letters[-1:])
        return len(letters) >= 2 and kept is not None and letters[-2] in kept


# (after any capitalised word, after a known name), per target language.
_WORDS = {
    "en": (
        """
        after before during against until because between would could should which whose when
        whether although within without their also from since
        """,
        """
        the of and to in for on at by with as into about over under or but that who what is was
        are were has have had will can may it he she they his her its this than while where
        though said says
        """,
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

# The letters x for which the words ending in x + the glue word make up more than three words in
# 100,000 of English (wordfreq's large list): "breathe" and "bathe" are rarer, "proof", "again",
# "within" and every word in -tion are not.
_EXCLUDED_BEFORE = {
    "en": {
        "and": "bhlmrst",
        "are": "cfhpruw",
        "as": "eghilmnrswx",
        "at": "bcefhlmors",
        "but": "e",
        "by": "abr",
        "can": "i",
        "he": "cst",
        "her": "cgpst",
        "his": "t",
        "in": "abeghklmoprstuvw",
        "is": "chlnorstuvw",
        "it": "abcdfhklmnoprsu",
        "its": "bfhmnsu",
        "of": "o",
        "on": "bcdeghilmnoprstwz",
        "or": "bdfhijlmnorstvy",
        "over": "c",
        "than": "a",
        "though": "l",
        "to": "anotu",
        "under": "o",
        "what": "e",
        "where": "ey",
        "while": "n",
    },
}

# For each letter excluded above, the letters y for which the words ending in y, the letter and the
# glue word still make up more than three words in 100,000: before the others the glue word is
# looked for after all. "in" after "t" stays left out after "a", "r" and "s" ("captain", "Martin",
# "Austin") and is looked for after "n" ("governmentin").
# The words of after_known_name that end fewer than 70 words of wordfreq's large list with three
# letters or more before them ("has": "alphas", "buddhas"; not "on": 8,394 words).
_AFTER_FULL_NAME = {
    "en": """
        for has his may she but was who had with were what this than have says said that will
        they into about while under where though
        """,
}

# Of ``after_known_name`` and not ``after_full_name``, the words that end at most two of the surnames of
# :mod:`cleanup.lang.personal_names` with three letters or more before them: after the last word of a
# name whose first is a given name, name enough ("Tony Blairof"), where "and" would end a surname
# ("Josserand").
_AFTER_GIVEN_NAME = {"en": "are by can its of over the"}

_EXCLUDED_PAIRS = {
    "en": {
        "and": {"b": "s", "h": "", "l": "aegrst", "m": "em", "r": "bg", "s": "u", "t": "s"},
        "are": {"c": "", "f": "", "h": "s", "p": "e", "r": "", "u": "q", "w": "at"},
        "as": {
            "e": "dr",
            "g": "",
            "h": "",
            "i": "",
            "l": "l",
            "m": "ot",
            "n": "",
            "r": "",
            "s": "n",
            "w": "",
            "x": "e",
        },
        "at": {
            "b": "m",
            "c": "",
            "e": "bfhmprs",
            "f": "",
            "h": "ctw",
            "l": "f",
            "m": "r",
            "o": "b",
            "r": "",
            "s": "",
        },
        "but": {"e": "d"},
        "by": {"a": "b", "b": "o", "r": "a"},
        "can": {"i": "lr"},
        "he": {"c": "a", "s": "", "t": ""},
        "her": {"c": "at", "g": "i", "p": "", "s": "", "t": "aeior"},
        "his": {"t": ""},
        "in": {
            "a": "ghlmprt",
            "b": "",
            "e": "t",
            "g": "eir",
            "h": "t",
            "k": "s",
            "l": "r",
            "m": "",
            "o": "cj",
            "p": "",
            "r": "",
            "s": "",
            "t": "ars",
            "u": "",
            "v": "e",
            "w": "",
        },
        "is": {
            "c": "",
            "h": "t",
            "l": "",
            "n": "n",
            "o": "",
            "r": "ahr",
            "s": "aeioy",
            "t": "",
            "u": "o",
            "v": "a",
            "w": "e",
        },
        "it": {
            "a": "w",
            "b": "",
            "c": "i",
            "d": "e",
            "f": "eo",
            "h": "s",
            "k": "",
            "l": "p",
            "m": "dim",
            "n": "u",
            "o": "",
            "p": "",
            "r": "i",
            "s": "i",
            "u": "cqrs",
        },
        "its": {"b": "", "f": "e", "h": "", "m": "", "n": "u", "s": "", "u": ""},
        "of": {"o": "r"},
        "on": {
            "b": "r",
            "c": "",
            "d": "nr",
            "e": "",
            "g": "a",
            "h": "",
            "i": "ghlnpst",
            "l": "",
            "m": "eim",
            "n": "",
            "o": "mns",
            "p": "au",
            "r": "ai",
            "s": "adiklnprs",
            "t": "eglnrst",
            "w": "",
            "z": "a",
        },
        "or": {
            "b": "a",
            "d": "a",
            "f": "",
            "h": "t",
            "i": "nrv",
            "j": "a",
            "l": "oy",
            "m": "u",
            "n": "ior",
            "o": "dlp",
            "r": "r",
            "s": "s",
            "t": "acios",
            "v": "a",
            "y": "a",
        },
        "over": {"c": ""},
        "than": {"a": "n"},
        "though": {"l": "a"},
        "to": {"a": "", "n": "io", "o": "h", "t": "", "u": "a"},
        "under": {"o": ""},
        "what": {"e": "m"},
        "where": {"e": "m", "y": "nr"},
        "while": {"n": "a"},
    },
}

# Of those, per glue word and two letters before it (a letter of _EXCLUDED_PAIRS and one it keeps
# excluded), the letters before them that keep the three excluded, by the same rule: "ionto" ends
# few words and is looked at, "ronto" (Toronto) is not.
_EXCLUDED_TRIPLES = {
    "en": {
        "and": {
            "sb": "u",
            "al": "e",
            "el": "r",
            "gl": "n",
            "rl": "e",
            "sl": "i",
            "tl": "o",
            "em": "d",
            "mm": "o",
            "br": "",
            "gr": "",
            "us": "o",
            "st": "r",
        },
        "are": {"sh": "", "ep": "r", "qu": "s", "aw": "", "tw": "f"},
        "as": {"de": "i", "re": "a", "ll": "", "om": "h", "tm": "s", "ns": "a", "ex": "t"},
        "at": {
            "mb": "o",
            "be": "",
            "fe": "e",
            "he": "",
            "me": "",
            "pe": "e",
            "re": "ght",
            "se": "",
            "ch": "",
            "th": "",
            "wh": "e",
            "fl": "",
            "rm": "o",
            "bo": "",
        },
        "but": {"de": ""},
        "by": {"ba": "", "ob": "", "ar": "e"},
        "can": {"li": "b", "ri": "ef"},
        "he": {"ac": ""},
        "her": {"ac": "e", "tc": "", "ig": "h", "at": "efr", "et": "gh", "it": "e", "ot": "mnr", "rt": "u"},
        "in": {
            "ga": "a",
            "ha": "c",
            "la": "p",
            "ma": "e",
            "pa": "s",
            "ra": "bt",
            "ta": "inpr",
            "te": "os",
            "eg": "b",
            "ig": "r",
            "rg": "",
            "th": "i",
            "sk": "",
            "rl": "",
            "co": "",
            "jo": "",
            "at": "l",
            "rt": "a",
            "st": "u",
            "ev": "k",
        },
        "is": {
            "th": "",
            "nn": "e",
            "ar": "p",
            "hr": "c",
            "rr": "",
            "as": "b",
            "es": "",
            "is": "r",
            "os": "",
            "ys": "l",
            "ou": "l",
            "av": "d",
            "ew": "l",
        },
        "it": {
            "wa": "",
            "ic": "",
            "ed": "r",
            "ef": "n",
            "of": "r",
            "sh": "",
            "pl": "s",
            "dm": "a",
            "im": "l",
            "mm": "",
            "un": "",
            "ir": "p",
            "is": "v",
            "cu": "",
            "qu": "",
            "ru": "f",
            "su": "",
        },
        "its": {"ef": "n", "un": ""},
        "of": {"ro": "p"},
        "on": {
            "rb": "a",
            "nd": "o",
            "rd": "",
            "ag": "",
            "gi": "ei",
            "hi": "s",
            "li": "l",
            "ni": "iu",
            "pi": "m",
            "si": "ainrsu",
            "ti": "aceinoprsu",
            "em": "",
            "im": "s",
            "mm": "o",
            "mo": "",
            "no": "r",
            "so": "",
            "ap": "e",
            "up": "",
            "ar": "",
            "ir": "",
            "as": "e",
            "ds": "",
            "is": "r",
            "ks": "c",
            "ls": "i",
            "ns": "hi",
            "ps": "m",
            "rs": "e",
            "ss": "e",
            "et": "",
            "gt": "n",
            "lt": "i",
            "nt": "i",
            "rt": "",
            "st": "o",
            "tt": "u",
            "az": "m",
        },
        "or": {
            "ab": "l",
            "ad": "",
            "th": "u",
            "ni": "eu",
            "ri": "ep",
            "vi": "a",
            "aj": "m",
            "ol": "c",
            "yl": "a",
            "um": "",
            "in": "m",
            "on": "h",
            "rn": "e",
            "do": "",
            "lo": "f",
            "po": "",
            "rr": "e",
            "ss": "e",
            "at": "nr",
            "ct": "aeo",
            "it": "d",
            "ot": "m",
            "st": "",
            "av": "f",
            "ay": "m",
        },
        "than": {"na": ""},
        "though": {"al": ""},
        "to": {"in": "", "on": "r", "ho": "p", "au": ""},
        "what": {"me": "o"},
        "where": {"me": "o", "ny": "a", "ry": "e"},
        "while": {"an": "e"},
    },
}


@cache
def glue_words(language: str) -> GlueWords | None:
    """The glue words of ``language``, or ``None`` for a language without a table."""
    found = _WORDS.get(language)
    if found is None:
        return None
    after_any, after_known = (frozenset(group.split()) for group in found)
    return GlueWords(
        after_any,
        after_known,
        after_any | after_known,
        _EXCLUDED_BEFORE.get(language, {}),
        _EXCLUDED_PAIRS.get(language, {}),
        _EXCLUDED_TRIPLES.get(language, {}),
        frozenset(_AFTER_FULL_NAME.get(language, "").split()),
        frozenset(_AFTER_GIVEN_NAME.get(language, "").split()),
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


@cache
def single_word_names(language: str) -> frozenset[str]:
    """Names of one word that a capitalised word in ``language`` is taken for on sight, lowercased:
    :func:`place_and_language_names`, the regions of numeric codes ("Europe", "Asia"), in English the
    cities that name time zones, as IDs write them ("London", "Sydney"; not Antarctica's stations),
    and the days, months, languages and nationalities of
    :func:`~cleanup.lang.names_calendar.lowercase_names`.

    >>> names = single_word_names("en")
    >>> [word in names for word in ("france", "europe", "london", "monday", "british", "drive")]
    [True, True, True, True, True, False]
    """
    from babel.core import get_global

    from cleanup.lang.names_calendar import lowercase_names

    names = [name for code, name in Locale(language).territories.items() if code.isdigit()]
    if language == "en":
        for zone in get_global("zone_territories"):
            area, _, city = zone.partition("/")
            if area not in ("Etc", "Antarctica"):
                names.append(city)
    found = {name.lower() for name in names if name.isalpha() and name[0].isupper()}
    return frozenset(found | place_and_language_names(language) | lowercase_names(language).keys())


# Words that stand before a person's name, per target language, lowercased: honorifics, which
# stand before nothing else, and titles, which also open other names ("General Motors").
_HONORIFICS = {"en": "mr mrs ms dr"}
_TITLES = {
    "en": """
        president prime minister chancellor secretary senator governor mayor premier professor
        sir dame lord lady king queen prince princess pope cardinal archbishop bishop father
        sister judge justice general colonel major captain admiral commander sheikh ayatollah
        chairman chairwoman
        """,
}


@cache
def name_titles(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The honorifics and the titles that stand before a person's name in ``language``.

    >>> honorifics, titles = name_titles("en")
    >>> "mr" in honorifics, "president" in titles, name_titles("xx")
    (True, True, (frozenset(), frozenset()))
    """
    return frozenset(_HONORIFICS.get(language, "").split()), frozenset(_TITLES.get(language, "").split())


# The last words of names of institutions, places, events and titles of the press, per target
# language, lowercased: a capitalised word glued to one is the name of two words it ends
# ("WallStreet", "CommercialBank", "SundayTimes"). Not "lab", "page", "world", "station", "soft":
# brands end in them (MiraLab, PowerPage, SeaWorld, PlayStation).
_NAME_HEADS = {
    "en": """
        street road avenue lane square park court wharf abbey bridge palace castle cathedral
        council committee commission ministry department authority agency bureau assembly
        parliament senate congress republic kingdom party union league federation association
        society institute institution university college academy school hospital museum gallery
        theatre stadium airport foundation trust bank fund capital securities airlines airways
        motors cup trophy award awards prize championship championships olympics games festival
        division times post herald journal gazette tribune telegraph magazine
        """,
}


# The first words of such names: an article that opens a title ("TheIncredibles"), the points of
# the compass and the adjectives of names of places, institutions and events ("WestMidlands",
# "NationalStatistics", "GrandPrix"). Brands that open with one are words of wordfreq's large
# list, which the decision leaves alone first (WorldCom, WestJet, NewsCorp).
_NAME_OPENERS = {
    "en": "the north south east west central new great grand royal united national international world",
}


# Adverbs that open a sentence, per target language, lowercased: after a full stop glued to them,
# a new sentence starts as surely as after one glued to a function word ("Agnelli.However").
_SENTENCE_ADVERBS = {
    "en": """
        however meanwhile finally overall moreover furthermore nevertheless nonetheless instead
        indeed earlier later yesterday today
        """,
}


@cache
def sentence_adverbs(language: str) -> frozenset[str]:
    """Adverbs that open a sentence in ``language``.

    >>> "however" in sentence_adverbs("en"), sentence_adverbs("xx")
    (True, frozenset())
    """
    return frozenset(_SENTENCE_ADVERBS.get(language, "").split())


@cache
def name_heads(language: str) -> frozenset[str]:
    """The last words of names of two words in ``language`` (institutions, streets, papers).

    >>> "street" in name_heads("en"), "lab" in name_heads("en"), name_heads("xx")
    (True, False, frozenset())
    """
    return frozenset(_NAME_HEADS.get(language, "").split())


@cache
def name_openers(language: str) -> frozenset[str]:
    """The first words of names of two words in ``language`` (titles, places, institutions).

    >>> "west" in name_openers("en"), "power" in name_openers("en"), name_openers("xx")
    (True, False, frozenset())
    """
    return frozenset(_NAME_OPENERS.get(language, "").split())


@cache
def two_word_places(language: str) -> frozenset[str]:
    """Names of countries, regions and cities of two capitalised words in ``language`` (CLDR:
    its territory names, and the cities that name time zones, as IDs write them): the words a
    space stood between when a token reads ``NewYork`` or ``SouthAfrica``.

    >>> places = two_word_places("en")
    >>> "South Africa" in places, "New York" in places, "Hong Kong" in places, "Pago" in places
    (True, True, True, False)
    """
    from babel.core import get_global

    names = list(Locale(language).territories.values())
    if language == "en":
        names += (zone.rsplit("/", 1)[-1].replace("_", " ") for zone in get_global("zone_territories"))
    return frozenset(
        name
        for name in names
        if len(parts := name.split(" ")) == 2 and all(part.isalpha() and part.istitle() for part in parts)
    )
