"""Quotation marks of another language's convention, turned into the copy's own.

In English copy «…», „…“ and ‹…› become the quotation marks the document uses
elsewhere: curly when it has curly ones or none at all, straight when it only
has straight ones. In French copy „…“ and ‹…› become « … » with no-break spaces
inside; in German copy «…» and ‹…› become „…“ and ‚…‘.

>>> from cleanup import clean
>>> clean("He called it «a disgrace» and left.").text
'He called it “a disgrace” and left.'
>>> clean('He said "no" and called it «a disgrace».').text
'He said "no" and called it "a disgrace".'
>>> clean("Il a dit „non“.", target="fr").text
'Il a dit «\\xa0non\\xa0».'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cleanup.lang.profiles import NARROW_NBSP, NBSP, Profile, profile_for
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context

SOURCE_QUOTES = Rule(
    id="source-quotes",
    family="conventions",
    summary="Quotation marks of the source language's convention («…», „…“, ‹…›) in the copy.",
    why=(
        "Translation keeps the source's quotation marks: Italian, Spanish and French «…», German "
        "„…“, nested ‹…›. Copy in another language uses its own, and a document should use one "
        "style throughout."
    ),
    examples=(
        Example("He called it «a disgrace» and left.", "He called it “a disgrace” and left."),
        Example("Sie nannte es „une honte“ ‹vraiment›.", "Sie nannte es “une honte” ‘vraiment’."),
    ),
    fix_safety=(
        "Safe: only a complete pair on one line is changed, and into the style the document "
        "already uses (curly or straight quotes in English copy; curly when it has none; the "
        "house style's when it sets one). "
        "A mark without its partner is left alone."
    ),
)

RULES = (SOURCE_QUOTES,)

_SPACES = f" {NBSP}{NARROW_NBSP}"
# Each convention: its opening mark, the marks that may close it, and whether it is outer or inner.
_CONVENTIONS = {
    "guillemets": ("«", "»", "outer"),
    "low_high": ("„", "“”", "outer"),
    "single_guillemets": ("‹", "›", "inner"),
    "low_high_single": ("‚", "‘’", "inner"),
}
# Conventions that are the copy's own in each target language.
_OWN = {
    "fr": frozenset({"guillemets", "single_guillemets"}),
    "it": frozenset({"guillemets", "single_guillemets"}),
    "es": frozenset({"guillemets", "single_guillemets"}),
    "de": frozenset({"low_high", "low_high_single"}),
}


@cache
def _pattern(target: str) -> re.Pattern[str]:
    """One alternative per foreign convention: opening mark, a quotation on one line, closing mark."""
    alternatives = []
    for name, (opening, closing, _) in _CONVENTIONS.items():
        if name in _OWN.get(target, frozenset()):
            continue
        body = f"[^{re.escape(opening + closing)}\\n]{{1,2000}}?"
        alternatives.append(f"(?P<{name}>{re.escape(opening)}{body}[{re.escape(closing)}])")
    return re.compile("|".join(alternatives))


def _english_style(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, str], tuple[str, str]]:
    """Curly quotes, unless the document writes straight ones and no curly ones outside ``spans``."""
    starts = [start for start, _ in spans] + [len(text)]
    ends = [0] + [end for _, end in spans]
    outside = "".join(text[end:start] for end, start in zip(ends, starts, strict=True))
    if '"' in outside and not any(mark in outside for mark in "“”"):
        return ('"', '"'), ("'", "'")
    return ("“", "”"), ("‘", "’")


def find(text: str, ctx: Context, profile: Profile) -> Iterator[Finding]:
    """Pairs of foreign quotation marks, with the copy's own."""
    if not any(mark in text for mark in "«„‹‚"):
        return
    matches = list(_pattern(profile.language).finditer(text))
    if not matches:
        return
    if profile.language == "en" and profile.quotes == profile_for("en").quotes:
        outer, inner = _english_style(text, [match.span() for match in matches])
    else:
        outer, inner = profile.quotes, profile.inner_quotes
    for match in matches:
        opening, closing = outer if _CONVENTIONS[str(match.lastgroup)][2] == "outer" else inner
        yield from _pair(match, opening, closing)


def _pair(match: re.Match[str], opening: str, closing: str) -> Iterator[Finding]:
    """The finding that turns a quotation's marks, and the spaces just inside them, into
    ``opening`` and ``closing``: one fix of two edits, so that the words between keep their
    places and the two marks are accepted or rejected together."""
    quotation, start, end = match.group(), match.start(), match.end()
    inner_start = start + 1 + (len(quotation) - 1 - len(quotation[1:].lstrip(_SPACES)))
    inner_end = end - 1 - (len(quotation) - 1 - len(quotation[:-1].rstrip(_SPACES)))
    if inner_end < inner_start:
        return
    edits = ((start, inner_start, opening), (inner_end, end, closing))
    replacement = opening + match.string[inner_start:inner_end] + closing
    if replacement != quotation:
        message = f"{quotation[0]}…{quotation[-1]} is not this copy's quotation style"
        yield Finding(SOURCE_QUOTES.id, message, start, end, replacement, Safety.SAFE, edits=edits)
