"""Quotation marks of another language's convention, turned into the copy's own.

In English copy «…», »…«, „…“ and ‹…› become the quotation marks the document
uses elsewhere: curly when it has curly ones or none at all, straight when it
only has straight ones. In French copy „…“ and »…« become « … » with no-break
spaces inside; in German copy «…» and ‹…› become „…“ and ‚…‘. A quotation inside
another takes the copy's inner marks. Marks are paired by
:mod:`~cleanup.passes.conventions.pairing`: a line it cannot read is left as it is.

>>> from cleanup import clean
>>> clean("He called it «a disgrace» and left.").text
'He called it “a disgrace” and left.'
>>> clean('He said "no" and called it «a disgrace».').text
'He said "no" and called it "a disgrace".'
>>> clean("Il a dit „non“.", target="fr").text
'Il a dit «\\xa0non\\xa0».'
>>> clean("the film »Das Boot« was shown").text
'the film “Das Boot” was shown'
>>> clean("«no, «never» again»").text
'“no, ‘never’ again”'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cleanup.lang.profiles import Profile, profile_for
from cleanup.lang.quotation_marks import (
    CONVENTIONS,
    FOREIGN,
    NAVIGATION_BACK,
    NAVIGATION_ON,
    NAVIGATION_WORDS,
    SPACES_INSIDE,
)
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context
from cleanup.passes.conventions.pairing import Pair, lines_with, pairs
from cleanup.passes.triggers import Trigger, shaped

SOURCE_QUOTES = Rule(
    id="source-quotes",
    family="conventions",
    safety="safe",
    summary="Quotation marks of the source language's convention («…», »…«, „…“, ‹…›) in the copy.",
    why=(
        "Translation keeps the source's quotation marks: Italian, Spanish and French «…», German "
        "„…“ and »…«, nested ‹…›. Copy in another language uses its own, and a document should use "
        "one style throughout."
    ),
    examples=(
        Example("He called it «a disgrace» and left.", "He called it “a disgrace” and left."),
        Example("Sie nannte es „une honte“ ‹vraiment›.", "Sie nannte es “une honte” ‘vraiment’."),
        Example("the film »Das Boot« was shown", "the film “Das Boot” was shown"),
        Example("«no, «never» again»", "“no, ‘never’ again”"),
        Example("an unmatched « mark, «and a pair»", "an unmatched « mark, «and a pair»"),
    ),
    fix_safety=(
        "Safe: only a line whose every quotation mark (apostrophes aside) has its partner is "
        "changed, each pair read from its marks' order and spacing (»…« opens with », «…» with «), "
        "and into the style the document already uses (curly or straight quotes in English copy; "
        "curly when it has none; the house style's when it sets one), a quotation inside another "
        "taking the inner marks. A line with a mark left without its partner is left alone, and "
        "so are a page's arrows: marks with a word of navigation one space inside them and, "
        "between them, a separator of links or words leading both back and on ('« Older "
        "entries | Newer entries »', '‹ Prev · Next ›')."
    ),
)

RULES = (SOURCE_QUOTES,)


@cache
def _foreign_openers(target: str) -> tuple[str, re.Pattern[str]]:
    """The marks that open another language's quotation in ``target`` copy, and a pattern for them."""
    marks = "".join(sorted(CONVENTIONS[name].opening for name in FOREIGN[target]))
    return marks, re.compile(f"[{re.escape(marks)}]")


def _units(line: list[Pair], foreign: frozenset[str]) -> list[tuple[Pair, list[tuple[Pair, bool]]]]:
    """Each foreign quotation not inside another one, with the pairs it converts: itself and the
    quotations inside it (apostrophes aside), each saying whether it takes the inner marks.

    A quotation takes the marks its convention is for (single marks are inner ones) unless it
    stands inside another, where it takes the other kind: English nests “ ‘ “ …, French « “ « …."""
    unit_of: list[int] = []
    inner: list[bool] = []
    members: dict[int, list[tuple[Pair, bool]]] = {}
    for index, pair in enumerate(line):
        parent = pair.parent
        unit = unit_of[parent] if parent >= 0 else -1
        if unit < 0 and pair.convention in foreign:
            unit = index
            members[unit] = []
        unit_of.append(unit)
        inner.append(not inner[parent] if parent >= 0 else CONVENTIONS[pair.convention].inner)
        if unit >= 0 and not CONVENTIONS[pair.convention].apostrophe:
            members[unit].append((pair, inner[index]))
    return [(line[unit], converted) for unit, converted in members.items()]


def _english_style(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, str], tuple[str, str]]:
    """Curly quotes, unless the document writes straight ones and no curly ones outside ``spans``."""
    starts = [start for start, _ in spans] + [len(text)]
    ends = [0] + [end for _, end in spans]
    outside = "".join(text[end:start] for end, start in zip(ends, starts, strict=True))
    if '"' in outside and not any(mark in outside for mark in "“”"):
        return ('"', '"'), ("'", "'")
    return ("“", "”"), ("‘", "’")


def _edits(
    text: str, members: list[tuple[Pair, bool]], outer: tuple[str, str], inner: tuple[str, str]
) -> tuple[tuple[int, int, str], ...]:
    """The edits that put every pair of ``members`` in the copy's outer or inner marks, in order;
    the space French sets inside guillemets goes with the marks."""
    edits = []
    for pair, is_inner in members:
        opening, closing = inner if is_inner else outer
        open_end = pair.opening + 1 + (text[pair.opening + 1] in SPACES_INSIDE)
        close_start = pair.closing - (text[pair.closing - 1] in SPACES_INSIDE)
        edits += [(pair.opening, open_end, opening), (close_start, pair.closing + 1, closing)]
    return tuple(sorted(edits))


def _converted(text: str, unit: Pair, edits: tuple[tuple[int, int, str], ...]) -> str:
    """The quotation ``unit`` once ``edits`` are made."""
    parts = []
    cursor = unit.opening
    for start, end, mark in edits:
        parts += [text[cursor:start], mark]
        cursor = end
    return "".join(parts)


_WORD_AFTER = re.compile(f"[{''.join(SPACES_INSIDE)}](\\w+)")
_WORD_BEFORE = re.compile(f"(\\w+)[{''.join(SPACES_INSIDE)}]$")
# What stands between a page's two arrows: a separator of links.
_BETWEEN_LINKS = re.compile(r"[|·•]")
_WORDS = re.compile(r"\w+")
_REACH = 20  # characters read before a closing mark for the word beside it


def _navigation(text: str, unit: Pair) -> bool:
    """Whether the marks of ``unit`` are a page's arrows: a word of navigation one space after the
    opening mark or one space before the closing one, and between them a separator of links or
    words leading both back and on ("« Older entries Newer entries »", "‹ Prev · Next ›");
    "« we will come back »" is a quotation.

    >>> text = "« Previous story | Home »"
    >>> _navigation(text, Pair(0, len(text) - 1, "guillemets", 0, -1))
    True
    >>> text = "« we will come back »"
    >>> _navigation(text, Pair(0, len(text) - 1, "guillemets", 0, -1))
    False
    """
    after = _WORD_AFTER.match(text, unit.opening + 1, unit.closing)
    before = _WORD_BEFORE.search(text, max(unit.opening + 1, unit.closing - _REACH), unit.closing)
    if not any(match and match.group(1).lower() in NAVIGATION_WORDS for match in (after, before)):
        return False
    if _BETWEEN_LINKS.search(text, unit.opening + 1, unit.closing):
        return True
    words = {word.lower() for word in _WORDS.findall(text, unit.opening + 1, unit.closing)}
    return not words.isdisjoint(NAVIGATION_BACK) and not words.isdisjoint(NAVIGATION_ON)


def find(text: str, ctx: Context, profile: Profile) -> Iterator[Finding]:
    """Quotations in another language's marks, with the copy's own."""
    marks, pattern = _foreign_openers(profile.language)
    if not any(mark in text for mark in marks):
        return
    foreign = FOREIGN[profile.language]
    units = []
    for start, end in lines_with(text, pattern):
        line = pairs(text, start, end)
        if line:
            units += _units(line, foreign)
    if not units:
        return
    if profile.language == "en" and profile.quotes == profile_for("en").quotes:
        outer, inner = _english_style(text, [(unit.opening, unit.closing + 1) for unit, _ in units])
    else:
        outer, inner = profile.quotes, profile.inner_quotes
    for unit, members in units:
        if _navigation(text, unit):
            continue
        start, end = unit.opening, unit.closing + 1
        edits = _edits(text, members, outer, inner)
        replacement = _converted(text, unit, edits)
        if replacement != text[start:end]:
            # One fix of several edits: the marks are accepted or rejected together, and the words
            # between them keep their places for the fixes made inside the quotation.
            message = f"{text[unit.opening]}…{text[unit.closing]} is not this copy's quotation style"
            yield Finding(SOURCE_QUOTES.id, message, start, end, replacement, Safety.SAFE, edits=edits)


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """A mark that opens another language's quotation, as :func:`find` first looks for one."""
    marks, _ = _foreign_openers(profile.language)
    return (Trigger(shaped(tuple(marks)), (SOURCE_QUOTES.id,)),)
