"""Target-language profiles: the typographic and number conventions of copy in each language.

Number symbols and the percent pattern come from Unicode CLDR through Babel;
quotation marks (CLDR's delimiters, which Babel does not expose), the spacing
French puts before high punctuation and the capitalisation of day, month and
language names are written here. A newsroom's house style may override any
field (see :func:`profile_for`).

>>> english, french = profile_for("en"), profile_for("fr")
>>> english.decimal, english.group, french.decimal, repr(french.group)
('.', ',', ',', "'\\\\u202f'")
>>> english.quotes, french.quotes
(('“', '”'), ('«\\xa0', '\\xa0»'))
>>> english.percent_space, repr(french.percent_space)
('', "'\\\\xa0'")
>>> english.currency_before, english.currency_space, french.currency_before, repr(french.currency_space)
(True, '', False, "'\\\\xa0'")
>>> profile_for("en", (("percent_space", "\u00a0"),)).percent_space
'\xa0'
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

from babel import Locale

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"


@dataclass(frozen=True, slots=True)
class Profile:
    """How copy in one language writes numbers, quotes, spacing and capitals."""

    language: str
    decimal: str
    group: str
    quotes: tuple[str, str]  # outer quotation marks, with the spaces inside them
    inner_quotes: tuple[str, str]  # quotation marks inside a quotation
    percent_space: str  # between a number and "%"
    currency_before: bool  # the currency sign comes before the amount (£5, not 5 £)
    currency_space: str  # between the currency sign and the amount
    space_before_high: str  # before ";", "!" and "?"
    space_before_colon: str
    capitalised_names: bool  # days, months, languages and nationalities start with a capital
    capital_after_semicolon: bool  # a sentence may start after a semicolon
    capital_after_colon: bool  # a full sentence after a colon starts with a capital


# CLDR delimiters per language: outer and inner quotation marks, with French spacing inside.
_QUOTES = {
    "en": (("“", "”"), ("‘", "’")),
    "fr": (("«" + NBSP, NBSP + "»"), ("“", "”")),
    "de": (("„", "“"), ("‚", "‘")),
    "it": (("«", "»"), ("“", "”")),
    "es": (("«", "»"), ("“", "”")),
    "pt": (("“", "”"), ("‘", "’")),
}
# French puts a narrow no-break space before ; ! ? and a no-break space before :.
_HIGH_PUNCTUATION_SPACE = {"fr": (NARROW_NBSP, NBSP)}
# Languages that capitalise the names of days, months, languages and nationalities.
_CAPITALISED_NAMES = frozenset({"en", "de"})
# Languages that capitalise a full sentence after a colon (none does after a semicolon).
_CAPITAL_AFTER_COLON = frozenset({"de"})


@cache
def profile_for(target: str, house: tuple[tuple[str, object], ...] = ()) -> Profile:
    """The profile of ``target``, with the house style's ``(field, value)`` overrides applied."""
    locale = Locale(target)
    symbols = locale.number_symbols["latn"]
    pattern = locale.percent_formats[None].pattern
    before_percent = pattern[pattern.index("0", pattern.rindex("0")) + 1 : pattern.index("%")]
    high, colon = _HIGH_PUNCTUATION_SPACE.get(target, ("", ""))
    quotes, inner = _QUOTES[target]
    money = locale.currency_formats["standard"].pattern.split(";")[0]
    sign, first_digit = money.index("¤"), money.index("#")
    currency_before = sign < first_digit
    currency_space = money[sign + 1 : first_digit] if currency_before else money[money.rindex("0") + 1 : sign]
    profile = Profile(
        language=target,
        decimal=symbols["decimal"],
        group=symbols["group"],
        quotes=quotes,
        inner_quotes=inner,
        percent_space=before_percent,
        currency_before=currency_before,
        currency_space=currency_space,
        space_before_high=high,
        space_before_colon=colon,
        capitalised_names=target in _CAPITALISED_NAMES,
        capital_after_semicolon=False,
        capital_after_colon=target in _CAPITAL_AFTER_COLON,
    )
    return dataclasses.replace(profile, **dict(house))
