"""Pieces of the source language left inside the translation.

>>> from cleanup import clean
>>> clean("the Islamic Republic [l’Iran] said").text
'the Islamic Republic [Iran] said'
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanup.lang.elision import APOSTROPHES, ELIDED_ARTICLES
from cleanup.lang.frequencies import frequencies_for
from cleanup.lang.names import english_names
from cleanup.lang.profiles import Profile
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass
from cleanup.passes.tokens import CharacterPositions, starts_sentence, utf8
from cleanup.passes.triggers import CAPITAL, Trigger, shaped

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
        "text, since names share words ('l'Aquila' and 'Aquila'). Otherwise nothing "
        "is reported: names such as L’Oréal, L’Aquila or D’Alema keep their article in English. "
        "Nothing either where the word before or after is a word of the source language ('Palais de "
        "l'Europe', 'La France et l'Iran', 'L'Europe en question'): a name or a title left in it. "
        "A capital article is a name's in mid-sentence ('the Hotel L'Europe', 'the weekly "
        "L'Express') and is left alone; opening a sentence, it is only suggested."
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


# The first look: each article glued to an apostrophe, searched as a literal in the text (a
# search of a string rules out at once a mark the string cannot hold), then in its UTF-8.
_GLUED_FORMS = tuple(
    form + apostrophe
    for article in _ARTICLES
    for form in {article, article.capitalize()}
    for apostrophe in APOSTROPHES
)
_GLUED_BYTES = tuple(form.encode("utf-8") for form in _GLUED_FORMS)


def _glued_at(data: bytes) -> list[int]:
    """Where an article glued to an apostrophe starts in ``data``, in order."""
    places = []
    for form in _GLUED_BYTES:
        at = data.find(form)
        while at >= 0:
            places.append(at)
            at = data.find(form, at + 1)
    return sorted(places)


# The words either side of an elided article and its name, read across a space or a mark or two.
_NEIGHBOUR_REACH = 40
_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]+)[^\p{L}\p{M}\n]{1,3}$")
_WORD_AFTER = regex.compile(r"[^\p{L}\p{M}\n]{1,3}([\p{L}\p{M}]+)")
# How much more frequent in a source language a neighbour must be (Zipf: 100 times) to mark the
# elision as source-language text; "de", "et", "en", "e", "della" are, "in", "a", "on", and the
# Latin English writes ("per", "plus", "era", "solo", "non") are not.
_SOURCE_MARGIN = 2.0

_BARE_CAPITALISED = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}{APOSTROPHES}])\p{{Lu}}[\p{{L}}\p{{M}}]*(?![\p{{L}}\p{{M}}])"
)


class _BareNames:
    """Whether a name stands in the text without an article glued before it. The first few names
    asked about are each searched for (a literal, at C speed); past them, every bare capitalised
    word of the text is listed once, so that a text of many names costs one scan, not one each."""

    _SEARCHED = 8

    def __init__(self, text: str) -> None:
        self._text = text
        self._asked: dict[str, bool] = {}
        self._all: set[str] | None = None

    def __contains__(self, name: str) -> bool:
        if name in self._asked:
            return self._asked[name]
        if self._all is None and len(self._asked) >= self._SEARCHED:
            self._all = set(_BARE_CAPITALISED.findall(self._text))
        found = name in self._all if self._all is not None else _bare(name).search(self._text) is not None
        self._asked[name] = found
        return found


def _bare(name: str) -> regex.Pattern[str]:
    """``name`` as a whole word with no apostrophe glued before it."""
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}{APOSTROPHES}]){regex.escape(name)}(?![\p{{L}}\p{{M}}])")


def _among_source_words(text: str, start: int, end: int) -> bool:
    """Whether the word just before ``start`` or just after ``end`` (across a space or a mark) is
    far more frequent in a source language than in English: the article and its name are then
    part of source-language text, a name or a quoted title ("Palais de l'Europe", "La France et
    l'Iran", "L'Europe en question"), which the leftovers rules report as a whole.

    >>> _among_source_words("the Palais de l'Europe in", 14, 22), _among_source_words("[l'Iran] said", 1, 7)
    (True, False)
    """
    margins = frequencies_for("en").margins
    before = _WORD_BEFORE.search(text, max(0, start - _NEIGHBOUR_REACH), start)
    after = _WORD_AFTER.match(text, end, end + _NEIGHBOUR_REACH)
    return any(
        max(margins(match.group(1).lower())) >= _SOURCE_MARGIN
        for match in (before, after)
        if match and not match.group(1).isupper()  # an acronym ("EU") is no word of a language
    )


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report elided articles glued to a name that English writes bare."""
    if not ctx.wants(STRAY_ELIDED_ARTICLE.id):
        return
    if not any(form in text for form in _GLUED_FORMS):
        return
    data = utf8(text)
    hits = _glued_at(data)
    bare = _BareNames(text)
    positions = CharacterPositions(text, data)
    places = (positions.of(hit) for hit in hits)
    for match in filter(None, (_ELIDED.match(text, at) for at in places)):
        name = match.group(1)
        if _among_source_words(text, match.start(), match.end()):
            continue  # a name or a title of the source language: "Palais de l'Europe"
        capital = text[match.start()].isupper()
        if capital and not starts_sentence(text, match.start()):
            continue  # the article of a name: "the Hotel L'Europe", "the weekly L'Express"
        if name in english_names():
            safety, why = Safety.SAFE, "an English country or language name"
            if capital:
                safety, why = Safety.UNSAFE, f"{why}; a name may open the sentence"
        else:
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


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """An article ending in l glued by an apostrophe to a capital: every elided article of
    :data:`ELIDED_ARTICLES` ends in l (l', dell', nell' …)."""
    return (Trigger(shaped(("l", "L"), tuple(APOSTROPHES), CAPITAL), (STRAY_ELIDED_ARTICLE.id,)),)


PASS = Pass(name="fragments", rules=RULES, find=find, triggers=triggers)
