"""Days, months, languages and nationalities: the names English and German capitalise and French,
Italian, Spanish and Portuguese do not, with what tells each name from an ordinary word.

Day and month names come from Unicode CLDR through Babel (the format, wide forms), and so do
language names: the single-word English name of every language CLDR lists as official,
regionally official or de facto in some territory (Hindi, Catalan, Swahili; not the hundreds of
small languages whose lowercase names are ordinary words or foreign ones: Ewe, Fang, Mari).
Nationality adjectives, which CLDR does not hold, and the traps are written here.

>>> names = lowercase_names("en")
>>> names["november"], names["monday"], names["german"], names["swiss"]
('month', 'day', 'language or nationality', 'nationality')
>>> "may" in names, "may" in AMBIGUOUS["en"], "sat" in names, "china" in names
(True, True, False, False)
>>> lowercase_names("de")["märz"], lowercase_names("de")["deutsch"]
('month', 'language')
>>> capitalised_calendar_names("pt")["Segunda-Feira"], capitalised_calendar_names("fr")["Novembre"]
(('segunda-feira', 'day'), ('novembre', 'month'))
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.languages import get_official_languages


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(table: dict[str, str]) -> dict[str, frozenset[str]]:
    return {word: _words(others) for word, others in table.items()}


# Nationality and regional adjectives of English copy (CLDR has no demonyms). Nouns for people
# that are also ordinary words (pole, swede, dane, turk) are left out, and so are adjectives
# that are ordinary words in lowercase: roman (type), soviet (a council), catholic, nordic.
_NATIONALITIES = {
    "en": """
    afghan african albanian algerian american andorran angolan arab argentine argentinian
    armenian asian australian austrian azerbaijani azeri bahraini balkan bangladeshi basque
    bavarian belarusian belgian bolivian bosnian brazilian british bulgarian burmese burundian
    cambodian cameroonian canadian caribbean catalan chadian chechen chilean chinese colombian
    congolese cornish corsican croatian cuban cypriot czech danish dutch ecuadorian egyptian
    emirati english eritrean estonian ethiopian european fijian filipino finnish flemish french
    gabonese gaelic gambian georgian german ghanaian greek guatemalan guinean guyanese haitian
    hispanic honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian
    ivorian jamaican japanese jordanian kazakh kenyan korean kosovan kosovar kurdish kuwaiti
    kyrgyz laotian latvian lebanese liberian libyan lithuanian luxembourgish macedonian malawian
    malaysian maldivian malian maltese mauritanian mauritian mexican moldovan mongolian
    montenegrin moroccan mozambican namibian nepalese nicaraguan nigerian nigerien norwegian
    omani pakistani palestinian panamanian paraguayan pashtun peruvian polish portuguese qatari
    rohingya romanian russian rwandan salvadoran samoan saudi scandinavian scottish senegalese
    serbian sicilian singaporean slovak slovakian slovenian somali spanish sudanese swedish swiss
    syrian taiwanese tajik tanzanian thai tibetan togolese trinidadian tunisian turkish turkmen
    ugandan ukrainian uruguayan uyghur uzbek venezuelan vietnamese welsh yemeni zambian
    zimbabwean
    """,
}

# Language names that are not in CLDR's official languages but are written about in the news.
_EXTRA_LANGUAGES = {"en": "latin yiddish esperanto cantonese mandinka", "de": "latein jiddisch"}

# CLDR language names whose lowercase form is an ordinary word or a common foreign one:
# never treated as names ("a slave", "a ewe", "venetian blinds", "sango").
_NOT_NAMES = {
    "en": "slave ewe venetian sango komi serer waray venda swati nauru tuvalu akan",
    "de": "",
}

# A language name is the noun, and capitalised, only after these words; elsewhere it is the
# adjective ("die deutsche Sprache", "deutsch sprechen" in older spelling). No entry: anywhere.
LANGUAGE_NOUN_AFTER: dict[str, frozenset[str]] = {"de": _words("auf")}

# Names that are also ordinary words in lowercase: fixed only where the context makes the name
# clear (a date for a month, a noun such as "government" after a nationality), and unsafely.
AMBIGUOUS: dict[str, frozenset[str]] = {
    "en": _words("may march august polish danish welsh basque afghan"),
}

# Words before which a lowercase name is right, or at least not clearly wrong: "french fries",
# "german measles", "swiss cheese", "french-polished". Matched in lowercase, also after a hyphen.
LOWERCASE_BEFORE: dict[str, dict[str, frozenset[str]]] = {
    "en": _pairs(
        {
            "french": """fries fry windows window doors door polish polished polishing kiss kissed
                kisses kissing horn horns toast dressing letter letters leave knickers seam seams
                bean beans plait plaits braid braids press cuff cuffs stick sticks manicure""",
            "german": "measles shepherd shepherds silver",
            "swiss": "cheese roll rolls chard army",
            "dutch": "courage oven ovens auction auctions barn barns elm uncle cap caps",
            "turkish": "delight bath baths towel towels",
            "chinese": "whispers lantern lanterns checkers burn burns leaves gooseberry cabbage",
            "indian": "ink summer file clubs",
            "english": "muffin muffins horn horns",
            "russian": "roulette doll dolls dressing",
            "spanish": "fly omelette omelettes omelet",
            "irish": "stew coffee setter setters",
            "mexican": "wave waves",
            "belgian": "waffle waffles endive",
            "canadian": "bacon",
            "japanese": "knotweed beetle beetles maple maples",
            "african": "violet violets",
            "arabic": "numeral numerals",
            "greek": "yoghurt yogurt",
            "cuban": "heel heels",
            "cornish": "pasty pasties",
            "portuguese": "man",
            "persian": "cat cats rug rugs carpet carpets",
        }
    ),
}

# Words after which a lowercase name is right: "pig latin", "gum arabic", "go dutch".
LOWERCASE_AFTER: dict[str, dict[str, frozenset[str]]] = {
    "en": _pairs(
        {
            "latin": "pig dog",
            "arabic": "gum",
            "dutch": "go goes going went double",
        }
    ),
}

# Nouns after which an ambiguous nationality ("polish", "danish") is the nationality.
NATIONALITY_HEADS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        government governments embassy president presidency prime minister ministers ministry
        parliament capital border borders authorities official officials police army troops
        soldiers forces navy military team squad side club clubs league champion champions
        champion player players international internationals nationals national citizen
        citizens people language speakers economy market bank banks company companies firm
        firms media newspaper newspapers television radio election elections voters leader
        leaders assembly rugby football separatist separatists region refugees civilians
        counterpart counterparts king queen prince princess pope capital coast city cities
        town towns village villages airline carrier
        """
    ),
}

# Words before an ambiguous month that, with a mark or the end of the text after it, make it a
# date: "since may.", "in march,". A year or a day number next to it is a date too.
DATE_WORDS_BEFORE: dict[str, frozenset[str]] = {
    "en": _words("in since until till from during last next early late"),
}

# Prefixes before a hyphen that leave the name after them capitalised: "mid-November",
# "anti-German", "non-English". A name before the hyphen is capitalised too ("Italian-American");
# any other lowercase word ("sino-japanese") would need its own capital: the name is left alone.
HYPHEN_PREFIXES: dict[str, frozenset[str]] = {
    "en": _words("mid anti pro non pan ex post pre"),
    "de": frozenset(),
}

# Languages in which a name before a hyphen takes its capital whatever follows: "German-born",
# "November-December". German capitalises the whole compound ("Juli-Ausgabe"): left alone there.
HYPHEN_CAPITAL_ALONE = frozenset({"en"})

# Copy that writes days and months in lowercase: the words before a day name that make it the
# day ("le Lundi", "il Lunedì", "el Lunes", "na Segunda-feira"), and the words after it that do
# ("Lundi soir", "Lunedì scorso").
DAY_BEFORE: dict[str, frozenset[str]] = {
    "fr": _words("le ce chaque dès depuis jusqu'au jusqu’au avant après pour du au"),
    "it": _words("il di ogni questo quel questa da dal entro fino al prima dopo per del"),
    "es": _words("el este cada desde hasta del al antes después para"),
    "pt": _words("na no nesta neste esta este desde até cada da do ao à antes depois para"),
}
DAY_AFTER: dict[str, frozenset[str]] = {
    "fr": _words("soir matin midi après-midi dernier prochain"),
    "it": _words("sera mattina pomeriggio scorso prossimo"),
    "es": _words("pasado próximo"),
    "pt": _words("passado passada próximo próxima"),
}
# Words before and after a month name that make it the month: "el pasado Julio", "il prossimo
# Ottobre", "en Octobre dernier".
MONTH_BEFORE: dict[str, frozenset[str]] = {
    "fr": frozenset(),
    "it": _words("scorso prossimo"),
    "es": _words("pasado próximo"),
    "pt": _words("passado próximo"),
}
MONTH_AFTER: dict[str, frozenset[str]] = {
    "fr": _words("dernier prochain"),
    "it": _words("scorso prossimo"),
    "es": _words("pasado próximo"),
    "pt": _words("passado próximo"),
}
# A day name before these (in any case) names a feast: "Vendredi saint", "Venerdì Santo",
# "Mardi gras".
FEAST_WORDS: dict[str, frozenset[str]] = {
    "fr": _words("saint sainte gras"),
    "it": _words("santo santa grasso"),
    "es": _words("santo santa"),
    "pt": _words("santo santa"),
}
# Short words inside a name or a date: "Place du 14 Juillet", "3 de Noviembre", "Mercredi des
# Cendres", "Noviembre de 2003".
CONNECTORS: dict[str, frozenset[str]] = {
    "fr": _words("de du des d' d’"),
    "it": _words("di del della dell' dell’ dei degli delle d' d’"),
    "es": _words("de del"),
    "pt": _words("de do da dos das"),
}
# Function words that may start a sentence with a capital before a date ("Le 3 Novembre",
# "Depuis le 3 Novembre"): a capitalised word other than these before the date is a name
# ("Place du 14 Juillet", "Avenida 9 de Julio").
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": DAY_BEFORE["fr"] | _words("la les l' l’ aux en entre et ou d'ici d’ici dès"),
    "it": DAY_BEFORE["it"] | _words("lo la i gli le a in tra fra e o dal dalla nel nella"),
    "es": DAY_BEFORE["es"] | _words("la los las en entre y o a"),
    "pt": DAY_BEFORE["pt"] | _words("o a os as em entre e ou nos nas"),
}


def _single_words(names: object) -> frozenset[str]:
    return frozenset(name.lower() for name in names if name and " " not in name and "-" not in name)


def _official_language_codes() -> frozenset[str]:
    codes = set()
    for territory in Locale("en").territories:
        if territory.isalpha():
            languages = get_official_languages(territory, regional=True, de_facto=True)
            codes.update(code.split("_")[0] for code in languages)
    return frozenset(codes)


@cache
def lowercase_names(target: str) -> dict[str, str]:
    """Lowercase form → kind (``day``, ``month``, ``language``, ``nationality`` or ``language or
    nationality``) of the names copy in ``target`` capitalises. Language names of four letters or
    more only: shorter ones (Ga, Lao, Ido) are codes and ordinary words as often as names."""
    locale = Locale(target)
    official = _official_language_codes()
    languages = _single_words(locale.languages.get(code) for code in official)
    languages |= _words(_EXTRA_LANGUAGES.get(target, ""))
    languages = frozenset(name for name in languages if len(name) >= 4) - _words(_NOT_NAMES.get(target, ""))
    nationalities = _words(_NATIONALITIES.get(target, ""))
    names = {name: "language" for name in languages}
    for name in nationalities:
        names[name] = "language or nationality" if name in languages else "nationality"
    names.update((name, "month") for name in _single_words(locale.months["format"]["wide"].values()))
    names.update((name, "day") for name in _single_words(locale.days["format"]["wide"].values()))
    return names


def _capitalised(name: str) -> set[str]:
    """Capitalised forms of a lowercase name: "Lundi"; "Segunda-feira" and "Segunda-Feira"."""
    first = name[:1].upper() + name[1:]
    return {first, "-".join(part[:1].upper() + part[1:] for part in name.split("-"))}


@cache
def capitalised_calendar_names(target: str) -> dict[str, tuple[str, str]]:
    """Capitalised form → (the form copy in ``target`` writes, ``day`` or ``month``)."""
    locale = Locale(target)
    names: dict[str, tuple[str, str]] = {}
    for kind, table in (("month", locale.months), ("day", locale.days)):
        for name in table["format"]["wide"].values():
            lower = name.lower()
            names.update((form, (lower, kind)) for form in _capitalised(lower))
    return names
