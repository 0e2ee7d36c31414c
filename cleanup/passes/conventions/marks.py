"""Spacing around marks that differs by language: percent signs, apostrophes, French high punctuation.

>>> from cleanup import clean
>>> clean("turnout was 76 % and Putin' s party won the year 's vote").text
"turnout was 76% and Putin's party won the year's vote"
>>> clean("Il a dit: non! Le taux est de 76%.", target="fr", unsafe=True).text
'Il a dit\\xa0: non\\u202f! Le taux est de 76\\xa0%.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleanup.lang.name_shapes import NAMES_WITH_A_MARK
from cleanup.lang.profiles import NARROW_NBSP, NBSP, Profile
from cleanup.lang.quotation_marks import SPACES_INSIDE, THIN_SPACE
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context
from cleanup.passes.conventions.pairing import lines_with, pairs, roles
from cleanup.passes.emoticons import starts_emoticon
from cleanup.passes.triggers import LETTER_END, Trigger, other_digits, shaped

PERCENT_SPACE = Rule(
    id="percent-space",
    family="conventions",
    safety="safe / unsafe",
    summary="The space between a number and % that the copy's language does not write (76 % in English).",
    why=(
        "French, German and Spanish put a no-break space before the percent sign; English and "
        "Italian do not. Translation keeps the source's spacing."
    ),
    examples=(Example("turnout was 76 % in the north", "turnout was 76% in the north"),),
    fix_safety=(
        "Safe when the space is removed (English copy never spaces a percent sign). Adding the "
        "no-break space that French, German or Spanish copy wants is unsafe: house styles differ."
    ),
)

APOSTROPHE_SPACE = Rule(
    id="apostrophe-space",
    family="conventions",
    safety="safe",
    summary="A space inside a possessive or a contraction: Putin' s, the year 's, do n't.",
    why=(
        "Engines and tokenisers split English clitics from their word ('s, n't) and the text is "
        "joined back with a space on one side of the apostrophe."
    ),
    examples=(
        Example("Putin' s party and the year 's end", "Putin's party and the year's end"),
        Example("they do n't know", "they don't know"),
    ),
    fix_safety=(
        "Safe: only a clitic that cannot stand alone ('s, 't, 're, 've, 'll, 'd, 'm) glued back to "
        "the word before it, never a quoted letter ('the 's' key') or a closing quotation mark."
    ),
    targets=("en",),
)

HIGH_PUNCTUATION_SPACE = Rule(
    id="high-punctuation-space",
    family="conventions",
    safety="safe",
    summary="The space French copy wants before ; : ! ? and inside « », missing or of the wrong kind.",
    why=(
        "French typography puts a narrow no-break space before ';', '!' and '?', and a no-break "
        "space before ':' and inside guillemets; text translated from English has none."
    ),
    examples=(Example("Il a dit: non!", "Il a dit\u00a0: non\u202f!", target="fr"),),
    fix_safety=(
        "Safe in French copy: a web address (https://), a time or a score (10:30, 2:1), an "
        "emoticon (:-), ;D, : P), a run of marks (?!) and a name that ends in its own mark "
        "('Yahoo!', 'Jeopardy!') are left alone; inside guillemets, a "
        "narrow no-break space or a thin space is kept, and only marks whose spacing says they "
        "open and close as «…» are spaced (German »…« is left to source-quotes)."
    ),
    targets=("fr",),
)

CURRENCY_POSITION = Rule(
    id="currency-position",
    family="conventions",
    safety="unsafe",
    summary="A currency sign placed, or spaced, as another language does it (5 € in English copy).",
    why=(
        "English writes £5 and €40m; French, German, Italian and Spanish write 5 € with a no-break "
        "space. Translation keeps the source's order."
    ),
    examples=(
        Example("tickets cost 50 € each", "tickets cost €50 each"),
        Example("les billets coûtent €50", "les billets coûtent 50\u00a0€", target="fr"),
    ),
    fix_safety=(
        "Unsafe: a person confirms. Only a sign next to a plain amount is moved, never one between "
        "two numbers ('ten £5 notes') or one glued to a letter (US$, CHF)."
    ),
)

RULES = (PERCENT_SPACE, APOSTROPHE_SPACE, HIGH_PUNCTUATION_SPACE, CURRENCY_POSITION)

_CURRENCY_SIGNS = "€£$¥"
# A sign after an amount ("50 €") and before one ("€ 50"); each pattern starts with its sign, a
# literal the engine searches for fast, and looks back at the amount.
_SIGN_AFTER = {
    sign: re.compile(
        rf"{re.escape(sign)}(?:(?<=\d{re.escape(sign)})|(?<=\d[ \u00a0\u202f]{re.escape(sign)}))(?![\w$€£¥])"
    )
    for sign in _CURRENCY_SIGNS
}
_SIGN_BEFORE = {
    sign: re.compile(
        rf"{re.escape(sign)}(?<!\w{re.escape(sign)})(?P<space>[ \u00a0\u202f]?)"
        r"(?P<amount>\d[\d.,\u202f]*\d|\d)"
    )
    for sign in _CURRENCY_SIGNS
}
_AMOUNT_BEFORE = re.compile(r"\d[\d.,\u202f]*$")

_PERCENT = re.compile("%")
_PERCENT_SPACES = " \u00a0\u202f"
# A split clitic, found from its apostrophe (a literal start is searched fast) and checked around
# it by the engine: "year 's" (a space before), "Putin' s" (a space after), "do n't"; before a
# space, a mark or the end.
_CLITIC_TAILS = tuple(
    re.compile(
        rf"{mark}(?:(?<= {mark})(?:s|re|ve|ll|d|m)|(?<=[^\W\d_]{mark}) s|(?<= n{mark})t)"
        r"(?=[\s.,;:!?)\]]|$)"
    )
    for mark in "'’"
)
# A high mark after a word or a closing bracket or quote, with no space or an ordinary one.
_HIGH_MARK = re.compile(r"(?<=[\w)\]»”’])(?P<space> ?)(?P<mark>[;:!?])(?![/\d!?;:()])")
_TOKEN_BEFORE = re.compile(r"\S*$")
_WORD_BEFORE_MARK = re.compile(r"\w+$")
_NAME_REACH = 20  # characters read back from a mark for the name it may end
_GUILLEMET = re.compile("[«»]")
_KEPT_SPACES = frozenset({NBSP, NARROW_NBSP, THIN_SPACE})


def _percent(text: str, profile: Profile) -> Iterator[Finding]:
    if "%" not in text:
        return
    for match in _PERCENT.finditer(text):
        at = match.start()
        spaced = at >= 2 and text[at - 1] in _PERCENT_SPACES and text[at - 2].isdigit()
        glued = at >= 1 and text[at - 1].isdigit()
        if spaced and not profile.percent_space:
            message = "no space before % in this copy"
            yield Finding(PERCENT_SPACE.id, message, at - 1, at + 1, "%", Safety.SAFE)
        elif glued and profile.percent_space:
            message = "a no-break space before % in this copy"
            yield Finding(PERCENT_SPACE.id, message, at, at + 1, profile.percent_space + "%", Safety.UNSAFE)


def _currency(text: str, profile: Profile) -> Iterator[Finding]:
    for sign in _CURRENCY_SIGNS:
        if sign not in text:
            continue
        if profile.currency_before:
            yield from _signs_after(text, sign, profile)
        for match in _SIGN_BEFORE[sign].finditer(text):
            wanted = sign + profile.currency_space + match.group("amount")
            if profile.currency_before and match.group() != wanted:
                yield _currency_finding(match.start(), match.end(), wanted, sign)
            elif not profile.currency_before and not _number_before(text, match.start()):
                yield _currency_finding(
                    match.start(), match.end(), match.group("amount") + profile.currency_space + sign, sign
                )


def _signs_after(text: str, sign: str, profile: Profile) -> Iterator[Finding]:
    """Amounts followed by ``sign`` in copy that puts the sign first: "50 €" → "€50"."""
    for match in _SIGN_AFTER[sign].finditer(text):
        end = match.start()
        if text[end - 1] in _PERCENT_SPACES:
            end -= 1
        amount = _AMOUNT_BEFORE.search(text, max(0, end - 30), end)
        if amount is None or (amount.start() and not text[amount.start() - 1].isspace()):
            continue  # glued to a word or another sign: "A4", "US$5"
        yield _currency_finding(
            amount.start(), match.end(), sign + profile.currency_space + amount.group(), sign
        )


def _number_before(text: str, start: int) -> bool:
    """Whether a number stands just before ``start`` ("ten £5 notes" as "10 £5"): the sign is the
    second amount's."""
    return bool(re.search(r"\d[ \u00a0\u202f]?$", text[max(0, start - 3) : start]))


def _currency_finding(start: int, end: int, replacement: str, sign: str) -> Finding:
    message = f"{sign!r} is not placed as this copy places it"
    return Finding(CURRENCY_POSITION.id, message, start, end, replacement, Safety.UNSAFE)


def _clitics(text: str) -> Iterator[Finding]:
    if "'" not in text and "’" not in text:
        return
    for pattern in _CLITIC_TAILS:
        if pattern.pattern[0] not in text:
            continue
        for match in pattern.finditer(text):
            start = _split_clitic_start(text, match)
            if start is not None:
                replacement = text[start : match.end()].replace(" ", "")
                message = f"{text[start : match.end()].strip()!r} belongs to the word before it"
                yield Finding(APOSTROPHE_SPACE.id, message, start, match.end(), replacement, Safety.SAFE)


def _split_clitic_start(text: str, tail: re.Match[str]) -> int | None:
    """Where a split clitic starts, its space included: "Putin' s", "year 's", "do n't"; None when
    the apostrophe is not a clitic's (a quotation, a quoted letter)."""
    at, rest = tail.start(), tail.group()[1:]
    if rest == " s":  # "Putin' s": the apostrophe is glued to the word before it
        return at if at and text[at - 1].isalpha() else None
    if rest == "t":  # "do n't": a space, then n
        return at - 2 if at >= 3 and text[at - 2 : at] == " n" and text[at - 3].isalpha() else None
    # "year 's": a space, then the apostrophe
    return at - 1 if at >= 2 and text[at - 1] == " " and text[at - 2].isalpha() else None


def _in_address(text: str, index: int) -> bool:
    """Whether ``index`` falls in a web or e-mail address: "https://x.fr/a?b=1", "www.x.fr"."""
    token = _TOKEN_BEFORE.search(text, max(0, index - 200), index)
    return token is not None and any(sign in token.group() for sign in ("://", "www.", "@"))


def _name_with_its_mark(text: str, mark: int) -> bool:
    """Whether the word before the mark at ``mark`` is a name that ends in that mark.

    >>> _name_with_its_mark("chez Yahoo! hier", 10), _name_with_its_mark("non!", 3)
    (True, False)
    """
    word = _WORD_BEFORE_MARK.search(text, max(0, mark - _NAME_REACH), mark)
    return word is not None and word.group() + text[mark] in NAMES_WITH_A_MARK


def _high_punctuation(text: str, profile: Profile) -> Iterator[Finding]:
    for match in _HIGH_MARK.finditer(text):
        mark = match.group("mark")
        wanted = profile.space_before_colon if mark == ":" else profile.space_before_high
        if _in_address(text, match.start()) or starts_emoticon(text, match.start("mark")):
            continue
        if not match.group("space") and _name_with_its_mark(text, match.start("mark")):
            continue  # "Yahoo!", "Jeopardy!"
        start = match.start("space")
        yield Finding(
            HIGH_PUNCTUATION_SPACE.id,
            f"French copy puts a no-break space before {mark!r}",
            start,
            match.end(),
            wanted + mark,
            Safety.SAFE,
        )
    yield from _inside_guillemets(text)


def _french_guillemets(text: str) -> Iterator[tuple[int, bool]]:
    """Each guillemet that opens («) or closes (») a quotation as French ones do, and whether it
    opens: by the pairs of its line (:mod:`~cleanup.passes.conventions.pairing`), or, on a line that
    cannot be paired (a quotation over several lines), by its spacing when it reads one way only."""
    for start, end in lines_with(text, _GUILLEMET):
        line = pairs(text, start, end)
        if line is not None:
            for pair in line:
                if pair.convention == "guillemets":
                    yield pair.opening, True
                    yield pair.closing, False
            continue
        for match in _GUILLEMET.finditer(text, start, end):
            opens, closes = roles(text, match.start(), start, end)
            if opens != closes and (match.group() == "«") == opens:
                yield match.start(), opens


def _inside_guillemets(text: str) -> Iterator[Finding]:
    """A no-break space inside French guillemets where there is none or an ordinary one. A narrow
    no-break space, which French typography also sets, and a thin space are kept; German »…« is
    left to source-quotes."""
    if "«" not in text and "»" not in text:
        return
    for at, opens in _french_guillemets(text):
        if opens:
            space = (at + 1, at + 1 + (text[at + 1] in SPACES_INSIDE))
        else:
            space = (at - (text[at - 1] in SPACES_INSIDE), at)
        if text[space[0] : space[1]] not in _KEPT_SPACES:
            message = "French copy puts a no-break space inside guillemets"
            yield Finding(HIGH_PUNCTUATION_SPACE.id, message, *space, NBSP, Safety.SAFE)


def find(text: str, ctx: Context, profile: Profile) -> Iterator[Finding]:
    """Percent, apostrophe and high-punctuation spacing against the copy's profile."""
    if ctx.wants(PERCENT_SPACE.id):
        yield from _percent(text, profile)
    if ctx.wants(APOSTROPHE_SPACE.id):
        yield from _clitics(text)
    if ctx.wants(CURRENCY_POSITION.id):
        yield from _currency(text, profile)
    if ctx.wants(HIGH_PUNCTUATION_SPACE.id) and (profile.space_before_high or profile.space_before_colon):
        yield from _high_punctuation(text, profile)


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """What each rule reads around its mark: a space before % (a digit before it, in copy that
    spaces it), an apostrophe split from a letter, a currency sign spaced other than the copy
    spaces it or after an amount, and in French copy a high mark after a word or a guillemet. A
    digit outside ASCII stands for itself."""
    spaces = tuple(_PERCENT_SPACES)
    percent = shaped(("0", *other_digits()), "%") if profile.percent_space else shaped(spaces, "%")
    apostrophes = tuple("'’")
    clitics = (
        *shaped(LETTER_END, " ", apostrophes, "a"),  # "year 's"
        *shaped(LETTER_END, apostrophes, " a"),  # "Putin' s"
        *shaped(LETTER_END, " a", apostrophes, "a"),  # "do n't"
    )
    signs = tuple(_CURRENCY_SIGNS)
    if profile.currency_before:
        other_spaces = tuple(space for space in ("", *spaces) if space != profile.currency_space)
        currency = (*shaped("0", ("", *spaces), signs), *shaped(signs, other_spaces, "0"))
    else:
        currency = shaped(signs, ("", *spaces), "0")
    high: tuple[bytes, ...] = ()
    if profile.space_before_high or profile.space_before_colon:
        words = ("a", "A", "0", "_", ")", "]", *(bytes([last]) for last in range(0x80, 0xC0)))
        high = (*shaped(words, ("", " "), tuple(";:!?")), *shaped(("«", "»")))
    return (
        Trigger(percent, (PERCENT_SPACE.id,)),
        Trigger(clitics, (APOSTROPHE_SPACE.id,)),
        Trigger(currency, (CURRENCY_POSITION.id,)),
        Trigger(high, (HIGH_PUNCTUATION_SPACE.id,)),
        Trigger(shaped(other_digits()), (PERCENT_SPACE.id, CURRENCY_POSITION.id)),
    )
