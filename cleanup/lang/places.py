"""Names of countries, territories and languages in the source languages, with their names in the
copy's language, from Unicode CLDR through Babel.

>>> english = place_names("en")
>>> english["Stati Uniti"], english["Allemagne"], english["Vereinigte Staaten"]
(('United States', 'it'), ('Germany', 'fr'), ('United States', 'de'))
>>> "France" in english  # the same in French and English: nothing to translate
False
>>> takes_article("United States", "en"), takes_article("Germany", "en")
(True, False)
"""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

from cleanup.lang.sources import sources_for

# Names in the copy's language said with its article ("the United States", "the Netherlands").
_WITH_ARTICLE = {
    "en": (
        "States",
        "Kingdom",
        "Republic",
        "Islands",
        "Emirates",
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Gambia",
        "Maldives",
        "Vatican",
    ),
}
_MIN_LENGTH = 4
# Languages whose names are worth translating: those of the news, not the thousands CLDR names
# (whose names in other languages collide with places: German "Aceh" is the Acehnese language).
_NEWS_LANGUAGES = frozenset(
    "ar cs da de el en es fa fi fr he hi hu it ja ko la nl no pl pt ro ru sv tr uk zh".split()
)


def _plain(name: str) -> str:
    """A name without accents, lowercase: "Itália" and "Italia" are one name."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)).casefold()


@cache
def place_names(target: str) -> dict[str, tuple[str, str]]:
    """Source-language names of countries, territories and languages → the target's name and the
    source language.

    Names that read the same once accents are dropped, regions with numeric codes ("Mondo",
    "Europa") and names shorter than four letters are left out; where two source names
    collide the first language in ``sources_for`` wins.
    """
    own = Locale(target)
    names: dict[str, tuple[str, str]] = {}
    for language in sources_for(target):
        locale = Locale(language)
        languages = {code: name for code, name in locale.languages.items() if code in _NEWS_LANGUAGES}
        for table, own_table in ((locale.territories, own.territories), (languages, own.languages)):
            for code, name in table.items():
                translated = own_table.get(code)
                if (
                    translated is None
                    or not code.isalpha()
                    or len(name) < _MIN_LENGTH
                    or _plain(name) == _plain(translated)
                ):
                    continue
                names.setdefault(name, (translated, language))
    return names


def takes_article(name: str, target: str) -> bool:
    """Whether the target language says the name with its definite article."""
    return any(word in _WITH_ARTICLE.get(target, ()) for word in name.split())
