"""English names of countries, territories and languages, from Unicode CLDR through Babel.

>>> "Iran" in english_names() and "Italian" in english_names()
True
>>> language_name("pt")
'Portuguese'
"""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def english_names() -> frozenset[str]:
    """Every territory and language name that CLDR gives in English."""
    locale = Locale("en")
    return frozenset(locale.territories.values()) | frozenset(locale.languages.values())


@cache
def language_name(code: str) -> str:
    """The English name of a language code, the code itself when CLDR has none."""
    return Locale("en").languages.get(code, code)
