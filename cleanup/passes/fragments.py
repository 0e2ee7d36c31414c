"""Pieces of the source language left inside the translation.

>>> from cleanup import clean
>>> clean("the Islamic Republic [l’Iran] said").text
'the Islamic Republic [Iran] said'
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanup.lang.elision import APOSTROPHES, ELIDED_ARTICLES
from cleanup.lang.names import english_names
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass

STRAY_ELIDED_ARTICLE = Rule(
    id="stray-elided-article",
    family="fragments",
    safety="safe / unsafe",
    summary="An elided Italian or French article glued to an English name removed ('l’Iran' → 'Iran').",
    why=(
        "Italian and French put an elided article before country names and many others "
        "(l’Iran, l’India, l’Europe); the engine copies the name as it stands, article included."
    ),
    examples=(
        Example("the Islamic Republic [l’Iran] said", "the Islamic Republic [Iran] said"),
        Example("talks with l'India on trade", "talks with India on trade"),
        Example("visited l’Aquila; Aquila is", "visited Aquila; Aquila is"),
        Example("L’Oréal and D’Alema", "L’Oréal and D’Alema"),
        Example("the d’Hondt method in Côte d’Ivoire", "the d’Hondt method in Côte d’Ivoire"),
        Example("Conan O'Brien", "Conan O'Brien"),
        Example("the film L'Esquive", "the film L'Esquive"),
    ),
    fix_safety=(
        "Safe when the bare name is an English country, territory or language name in Unicode "
        "CLDR. Only suggested when the name appears without the article elsewhere in the same "
        "text, since titles share words ('L'Express' and the 'Daily Express'). Otherwise nothing "
        "is reported: names such as L’Oréal, L’Aquila or D’Alema keep their article in English."
    ),
    targets=("en",),
)

RULES = (STRAY_ELIDED_ARTICLE,)

_ARTICLES = sorted(
    {article for forms in ELIDED_ARTICLES.values() for article in forms}, key=len, reverse=True
)
_ARTICLE_PATTERN = "|".join(regex.escape(article) for article in _ARTICLES)
_ELIDED = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}{APOSTROPHES}])(?i:{_ARTICLE_PATTERN})[{APOSTROPHES}](\p{{Lu}}[\p{{L}}\p{{M}}]*)(?![\p{{L}}\p{{M}}])"
)


_BARE_CAPITALISED = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}{APOSTROPHES}])\p{{Lu}}[\p{{L}}\p{{M}}]*(?![\p{{L}}\p{{M}}])"
)
_GLUED_FORMS = tuple(
    form + apostrophe
    for article in _ARTICLES
    for form in {article, article.capitalize()}
    for apostrophe in APOSTROPHES
)


def _bare_capitalised_words(text: str) -> set[str]:
    """Every capitalised word of ``text`` that has no apostrophe glued before it."""
    return set(_BARE_CAPITALISED.findall(text))


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report elided articles glued to a name that English writes bare."""
    if not ctx.wants(STRAY_ELIDED_ARTICLE.id) or not any(form in text for form in _GLUED_FORMS):
        return
    bare: set[str] | None = None
    for match in _ELIDED.finditer(text):
        name = match.group(1)
        if name in english_names():
            safety, why = Safety.SAFE, "an English country or language name"
        else:
            bare = _bare_capitalised_words(text) if bare is None else bare
            if name not in bare:
                continue
            safety, why = Safety.UNSAFE, "written without it elsewhere in the text"
        yield Finding(
            rule=STRAY_ELIDED_ARTICLE.id,
            message=f"source-language article before '{name}' ({why})",
            start=match.start(),
            end=match.start(1),
            replacement="",
            safety=safety,
        )


PASS = Pass(name="fragments", rules=RULES, find=find)
