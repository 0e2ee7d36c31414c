"""Decimal and grouping symbols of another language's convention inside the copy's numbers.

English copy writes ``6.75bn`` and ``464,000``; Italian, Spanish, German and
Portuguese write ``6,75`` and ``464.000``; French writes ``6,75`` and
``464 000`` (a narrow no-break space). The symbols come from CLDR (through the
profile). A decimal is only taken as one before an amount word (``bn``,
``billion``, ``%``, ``euros`` …), so times, dates, versions, scores and lists of
numbers are never touched.

>>> from cleanup import clean
>>> clean("a deficit of 6,75bn and 464.000 subscribers", unsafe=True).text
'a deficit of 6.75bn and 464,000 subscribers'
>>> clean("un déficit de 6.75 milliards", target="fr", unsafe=True).text
'un déficit de 6,75 milliards'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cleanup.lang.profiles import Profile
from cleanup.lang.units import AMOUNT_WORDS
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context
from cleanup.passes.triggers import Trigger, other_digits, shaped

DECIMAL_SEPARATOR = Rule(
    id="decimal-separator",
    family="conventions",
    safety="unsafe",
    summary="A decimal comma in English copy (6,75bn), or a decimal point where the copy writes a comma.",
    why=(
        "Italian, Spanish, French, German and Portuguese write decimals with a comma; translation "
        "keeps it ('40,5 billion'), which an English reader takes for forty thousand and five."
    ),
    examples=(
        Example("a deficit of 6,75bn", "a deficit of 6.75bn"),
        Example("growth of 40,5 per cent", "growth of 40.5 per cent"),
        Example("un déficit de 6.75 milliards", "un déficit de 6,75 milliards", target="fr"),
    ),
    fix_safety=(
        "Unsafe: a person confirms. Only a number with one or two decimals before an amount word "
        "(bn, billion, %, euros, km …) is taken, never a time, a date, a version, a score, a list "
        "of numbers or a number already in the copy's style."
    ),
)

THOUSANDS_SEPARATOR = Rule(
    id="thousands-separator",
    family="conventions",
    safety="unsafe",
    summary="Thousands grouped with the source's symbol (464.000 in English copy, 1,000,000 in German).",
    why=(
        "The grouping symbol differs by language: a point in Italian, Spanish, German and "
        "Portuguese, a narrow space in French, a comma in English. Kept by translation, "
        "'464.000 subscribers' reads as four hundred and sixty-four in English."
    ),
    examples=(
        Example("it has 464.000 subscribers", "it has 464,000 subscribers"),
        Example("es hat 1,000,000 Abonnenten", "es hat 1.000.000 Abonnenten", target="de"),
    ),
    fix_safety=(
        "Unsafe: '1.500' may be a decimal with three places. Only whole groups of three digits "
        "are taken, not a number followed by another point or comma and digit (versions, IP "
        "addresses, dates), a time (2:05.300), a number with a leading zero, or a reference "
        "(section 4.100, § 1.200). A single English comma group ('464,000') in copy that writes decimal "
        "commas is ambiguous and left alone."
    ),
)

RULES = (DECIMAL_SEPARATOR, THOUSANDS_SEPARATOR)

# A whole number with inner points or commas, read from its first digit.
_NUMBER = re.compile(r"\d[\d.,]*\d")
_NOT_BEFORE = ".,'’:"  # part of a longer token: '05.000, .5,000, a time 2:05.300
# Words after which a number with a point is a reference (section 4.100), not a quantity.
_REFERENCES = r"(?:sub)?(?:sections?|paragraphs?|clauses?)|para|articles?|art|chapter|rule|part|version|v"
_REFERENCE_WORD = re.compile(rf"(?:\b(?:{_REFERENCES})\.?|§)[ \u00a0]*\Z", re.IGNORECASE)
_NUMBER_CHARACTERS = frozenset("0123456789.,")
_SPACES = tuple(chr(code) for code in range(0x3001) if chr(code).isspace())  # what \s reads


@cache
def _amount_after(language: str) -> re.Pattern[str]:
    """An amount word of ``language`` (or %) right after a number, maybe after a space."""
    longest_first = sorted(AMOUNT_WORDS[language] - {"%"}, key=len, reverse=True)
    words = "|".join(re.escape(word) for word in longest_first)
    return re.compile(rf"[\s\u00a0\u202f]?(?:%|(?:{words})(?![\w]))")


@cache
def _shapes(
    profile: Profile,
) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str], str]:
    """The first look (a separator of another convention where the number could be an artefact:
    before one or two decimals, or before three digits that end the number; each pattern starts
    with its separator, which ``re`` searches for fast), a decimal written with the other symbol,
    a number grouped with another symbol than the copy's, and the copy's symbol."""
    other = "," if profile.decimal == "." else "."
    foreign_group = "," if profile.group == "." else "."
    first_look = (
        re.compile(rf"{re.escape(other)}\d{{1,2}}(?!\d)"),
        re.compile(rf"{re.escape(foreign_group)}\d{{3}}(?!\d)"),
    )
    decimal = re.compile(rf"\d{{1,3}}{re.escape(other)}\d{{1,2}}")
    if profile.group == ".":  # only English grouping with two groups or more is unambiguous
        grouped = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
    else:
        grouped = re.compile(r"\d{1,3}(?:\.\d{3})+")
    return first_look, decimal, grouped, profile.group


def _whole_number(text: str, index: int) -> re.Match[str] | None:
    """The number that ``index`` falls in, from its first digit."""
    start = index
    while start > 0 and text[start - 1] in _NUMBER_CHARACTERS:
        start -= 1
    while start < index and not text[start].isdigit():
        start += 1
    return _NUMBER.match(text, start)


def _three_decimals(text: str, start: int, end: int, language: str) -> bool:
    """Whether a single group of three is a decimal with three places: after a currency sign or
    before an amount word ("$1.364", "4.464 million", "43.305 per dollar")."""
    if text.count(".", start, end) != 1:
        return False
    after_currency = start > 0 and text[start - 1] in "$£€¥"
    return after_currency or _amount_after(language).match(text, end) is not None


def find(text: str, ctx: Context, profile: Profile) -> Iterator[Finding]:
    """Decimal and grouping symbols of another convention, with the copy's own (unsafe).

    Most numbers cannot be an artefact; a cheap first look finds the few that can, and only
    they are read whole.
    """
    wants_decimal, wants_group = ctx.wants(DECIMAL_SEPARATOR.id), ctx.wants(THOUSANDS_SEPARATOR.id)
    first_look, decimal, grouped, symbol = _shapes(profile)
    hits = sorted(hit.start() for pattern in first_look for hit in pattern.finditer(text))
    done = -1
    for at in hits:
        match = _whole_number(text, at)
        if match is None or not match.start() < at < match.end() or match.start() < done:
            continue
        start, end = match.span()
        done = end
        if start and text[start - 1] in _NOT_BEFORE:
            continue
        number = match.group()
        if (number[0] == "0" and number[1].isdigit()) or _REFERENCE_WORD.search(
            text, max(0, start - 12), start
        ):
            continue  # no quantity: 05.220, a reference (section 4.100)
        if wants_decimal and decimal.fullmatch(number) and _amount_after(profile.language).match(text, end):
            mark = start + len(number.rstrip("0123456789")) - 1
            message = f"{number!r}: the copy writes decimals with {profile.decimal!r}"
            yield Finding(DECIMAL_SEPARATOR.id, message, mark, mark + 1, profile.decimal, Safety.UNSAFE)
        elif (
            wants_group
            and grouped.fullmatch(number)
            and not _three_decimals(text, start, end, profile.language)
        ):
            replacement = re.sub(r"[.,]", symbol, number)
            message = f"{number!r}: the copy groups thousands with {symbol!r}"
            yield Finding(THOUSANDS_SEPARATOR.id, message, start, end, replacement, Safety.UNSAFE)


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """A decimal of the other convention: its symbol, one or two digits and what
    :func:`_amount_after` reads (a space, %, an amount word); a group of the other convention: a
    point and three digits, or in copy that groups with a point two comma groups. A digit outside
    ASCII stands for itself."""
    other = "," if profile.decimal == "." else "."
    amounts = AMOUNT_WORDS[profile.language] - {"%"}
    after = sorted({"%", *(word[0] for word in amounts), *_SPACES})
    grouped = shaped(",000,000") if profile.group == "." else shaped(".000")
    return (
        Trigger(shaped(other, ("0", "00"), after), (DECIMAL_SEPARATOR.id,)),
        Trigger(grouped, (THOUSANDS_SEPARATOR.id,)),
        Trigger(shaped(other_digits()), (DECIMAL_SEPARATOR.id, THOUSANDS_SEPARATOR.id)),
    )
