"""Capitals of day, month, language and nationality names, as the copy's language writes them.

English and German capitalise days and months, English also languages and nationalities, and
German its language nouns; French, Italian, Spanish and Portuguese write days and months in
lowercase. Translation carries the source's habit across: ``in november 2003``, ``the german
squad`` in English copy, ``le 3 Novembre`` in French copy. Which way a text goes is read from the
target's profile (``capitalised_names``), the names from :mod:`cleanup.lang.names_calendar`.

The lowercase names are found in the shared look at the text's words
(:mod:`cleanup.passes.wordlook`), the capitalised calendar names by an automaton of their own over
the text's UTF-8 bytes, both at C speed; a match counts where the name is a whole word after a
lead (a space, a line break, a hyphen, an opening mark); the few matches are then checked for
addresses, hyphenated terms, traps and context, cheapest test first.

>>> from cleanup import clean
>>> family = ["conventions"]
>>> clean("in november 2003 the german squad met on monday", select=family).text
'in November 2003 the German squad met on Monday'
>>> clean("they may eat french fries after the march 2003 vote", select=family).text  # a date: suggested
'they may eat french fries after the march 2003 vote'
>>> clean("they may eat french fries after the march 2003 vote", select=family, unsafe=True).text
'they may eat french fries after the March 2003 vote'
>>> clean("Elle est partie le 3 Novembre.", target="fr", select=family, unsafe=True).text
'Elle est partie le 3 novembre.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

from cleanup.lang.names import language_name
from cleanup.lang.names_calendar import (
    AMBIGUOUS,
    CONNECTORS,
    DATE_WORDS_BEFORE,
    DAY_AFTER,
    DAY_BEFORE,
    FEAST_WORDS,
    FUNCTION_WORDS,
    HYPHEN_CAPITAL_ALONE,
    HYPHEN_PREFIXES,
    LANGUAGE_NOUN_AFTER,
    LOWERCASE_AFTER,
    LOWERCASE_BEFORE,
    MONTH_AFTER,
    MONTH_BEFORE,
    NATIONALITY_HEADS,
    capitalised_calendar_names,
    lowercase_names,
)
from cleanup.lang.profiles import Profile
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context
from cleanup.passes.tokens import CharacterPositions, utf8
from cleanup.passes.wordlook import WordList, look_for, register

LOWERCASE_NAME = Rule(
    id="lowercase-name",
    family="conventions",
    safety="safe / unsafe",
    summary=(
        "A day, month, language or nationality name in lowercase capitalised, in copy whose "
        "language capitalises them (English; German days, months and language nouns)."
    ),
    why=(
        "French, Italian, Spanish and Portuguese write days, months, languages and nationality "
        "adjectives in lowercase (novembre, lunedì, tedesco) and German its nationality "
        "adjectives; a translation that keeps the source's case gives 'in november 2003' and "
        "'the german squad'."
    ),
    examples=(
        Example("in november 2003 the german squad", "in November 2003 the German squad"),
        Example("talks on monday in mid-january", "talks on Monday in mid-January"),
        Example("a german-born coach who speaks swahili", "a German-born coach who speaks Swahili"),
        Example("the vote on 8 may, the march 2003 deal", "the vote on 8 May, the March 2003 deal"),
        Example("the polish government", "the Polish government"),
        Example("you may march in august with french fries", "you may march in august with french fries"),
        Example("polish the china, eat a danish, wed on sat", "polish the china, eat a danish, wed on sat"),
        Example("see www.german.de or @french", "see www.german.de or @french"),
        Example(
            "Das Treffen am montag im märz, auf deutsch", "Das Treffen am Montag im März, auf Deutsch", "de"
        ),
        Example("die deutsche und englische Presse", "die deutsche und englische Presse", "de"),
    ),
    fix_safety=(
        "Safe where the lowercase word cannot be an ordinary word: days, months other than May, "
        "March and August, CLDR's official languages of four letters or more and nationality "
        "adjectives, never in a URL, an e-mail address, a handle, a hashtag or a code-like token, "
        "never glued by a hyphen to a lowercase word other than mid-, anti-, pro-, non-, pan-, "
        "ex-, post- or pre- ('sino-japanese'), never in a term that is lowercase in English "
        "('french fries', 'german measles', 'swiss cheese', 'pig latin', 'french-polished'). "
        "Unsafe, a suggestion, for the traps: 'may', 'march' and 'august' only in a date (next to "
        "a year or a day number, after 'mid-', or after 'in', 'since', 'until' ... before a mark), "
        "'polish', 'danish', 'welsh', 'basque' and 'afghan' only before a noun such as "
        "'government' or 'team'; elsewhere they are left alone. Abbreviations (sun, wed, sat) "
        "and country names (china, turkey) are never touched. German copy: days and months, and a "
        "language name only after 'auf' ('auf Deutsch'); its lowercase adjectives are right."
    ),
)

CALENDAR_CAPITAL = Rule(
    id="calendar-capital",
    family="conventions",
    safety="unsafe",
    summary=(
        "A capitalised day or month name in mid-sentence lowercased, in copy whose language "
        "writes them in lowercase (French, Italian, Spanish, Portuguese)."
    ),
    why=(
        "English and German capitalise days and months; a translation from them carries the "
        "capital into French, Italian, Spanish or Portuguese copy ('le 3 Novembre', 'il Lunedì')."
    ),
    examples=(
        Example("Elle est partie le 3 Novembre 2003.", "Elle est partie le 3 novembre 2003.", "fr"),
        Example("Il vertice si terrà il Lunedì sera.", "Il vertice si terrà il lunedì sera.", "it"),
        Example("La reunión del 3 de Noviembre.", "La reunión del 3 de noviembre.", "es"),
        Example("Ele chega na Segunda-Feira.", "Ele chega na segunda-feira.", "pt"),
        Example("Il habite Place du 14 Juillet.", "Il habite Place du 14 Juillet.", "fr"),
        Example(
            "La série Mercredi plaît. Lundi, il pleut.", "La série Mercredi plaît. Lundi, il pleut.", "fr"
        ),
    ),
    fix_safety=(
        "Unsafe, a suggestion: a capitalised day or month can be part of a name or a feast. Only "
        "in a date (after a day number, before a year) or after a word that makes a day of it "
        "('le', 'ce', 'il', 'el', 'na') or before one ('soir', 'sera'); never at the start of a "
        "sentence, a line or a quotation, never before a capitalised word or a feast word "
        "('Mercredi des Cendres', 'Venerdì Santo', 'Mardi gras'), never after a capitalised name "
        "('Place du 14 Juillet', 'Avenida 9 de Julio'). A holiday written with its capital ('le 14 "
        "Juillet', 'o 25 de Abril') is still suggested: the reviewer keeps it."
    ),
)

RULES = (LOWERCASE_NAME, CALENDAR_CAPITAL)

_SPACES = " \t\u00a0\u202f"  # horizontal space: a name's context stays on its line
_HSPACE = "[ \t\u00a0\u202f]"
_DAY_NUMBER = r"(?:[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1[5-9]|20)\d\d(?![\w-])"
_OPENING_MARKS = "([{\"'‘“«"
_MARKS_AFTER = frozenset(",.;:)!?")
_SENTENCE_MARKS = frozenset('.!?…:;«»"“”„(\r\n')
# Signs that make a token an address, a handle, a hashtag or code: "www.german.de", "@french".
_CODE_LIKE = re.compile(r"[@/\\_=#<>{}|~`*]|[^\W_]\.[^\W\d_]")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_WORD_AFTER = re.compile(rf"{_HSPACE}++([\w'’-]+)")
_LETTERS = re.compile(r"[^\W\d_]+")
_YEAR_AFTER = re.compile(rf"{_HSPACE}++{_YEAR}")
_YEAR_AFTER_CONNECTOR = re.compile(rf"{_HSPACE}++(?:(?:de|del){_HSPACE}++)?{_YEAR}")
_DAY_AFTER = re.compile(rf"{_HSPACE}++{_DAY_NUMBER}(?P<ordinal>st|nd|rd|th)?(?!\w)")
_DAY_BEFORE = re.compile(rf"(?<![^\s(]){_DAY_NUMBER}(?:st|nd|rd|th)?(?:{_HSPACE}++of)?{_HSPACE}++\Z")
# Every look around a name reads at most this many characters either side, so each match costs
# a bounded amount and the whole pass stays linear in the length of the text.
_WINDOW = 60


# The characters a name may follow: a space, a line break, a hyphen or an opening mark for a
# lowercase name, a space for a capitalised one (or the start of the text).
_LOWERCASE_LEADS = frozenset(" \n\t\u00a0-—–([\"'‘“«")
_CAPITALISED_LEADS = frozenset(" \u00a0\u202f\t")


# The lowercase names, searched in the shared look at the text's words as the start of a word (all
# but "k’iche’", whose apostrophes it reads as spaces).
NAMES = register(
    WordList(
        "lowercase-names",
        frozenset({LOWERCASE_NAME.id}),
        lambda target: sorted(lowercase_names(target)),
        whole=False,
    )
)


@cache
def _calendar_look(target: str) -> tuple[BytesAhoCorasick, tuple[str, ...]]:
    """One automaton for the capitalised calendar names of ``target``, searched in the text's
    UTF-8 bytes in one pass at C speed, and the names by index. A DFA, leftmost-longest: a few
    names make a small table, and it runs four times as fast as the default automaton. (The
    shared look cannot find them: "Segunda-feira" holds a hyphen, and they follow a narrow
    no-break space in French copy.)"""
    names = tuple(sorted(capitalised_calendar_names(target)))
    automaton = BytesAhoCorasick(
        [name.encode("utf-8") for name in names],
        matchkind=MatchKind.LeftmostLongest,
        implementation=Implementation.DFA,
    )
    return automaton, names


def _lowercase_matches(text: str, ctx: Context) -> Iterator[tuple[str, int, int]]:
    """Each lowercase name the shared look finds as a whole word after a lead: the word, its
    start and its end (in characters). The look finds a name after a space or a mark; the lead
    and the end of the word are checked here."""
    reading = look_for(ctx.target, ctx.enabled).read(text)
    if not reading:
        return
    for word, start, end in reading.places(NAMES.name):
        if _stands_whole(text, start, end, _LOWERCASE_LEADS):
            yield word, start, end


def _calendar_matches(text: str, target: str) -> Iterator[tuple[str, int, int]]:
    """Each capitalised calendar name the first look finds as a whole word after one of its
    leads: the word, its start and its end (in characters). A name is made of letters only, so a
    match cut short by a letter before or after it hides no other: a name that is a whole word
    starts the run of letters it stands in, where the automaton, leftmost first, looks first."""
    automaton, names = _calendar_look(target)
    data = utf8(text)
    found = automaton.find_matches_as_indexes(data)
    if not found:
        return
    position = CharacterPositions(text, data)
    for index, byte_start, _ in found:
        start = position.of(byte_start)
        end = start + len(names[index])
        if _stands_whole(text, start, end, _CAPITALISED_LEADS):
            yield names[index], start, end


def _stands_whole(text: str, start: int, end: int, leads: frozenset[str]) -> bool:
    """Whether the name at ``start:end`` is a whole word after one of its ``leads``."""
    return (start == 0 or text[start - 1] in leads) and not (end < len(text) and _wordy(text[end]))


def _wordy(char: str) -> bool:
    """Whether ``char`` continues a word, as ``\\w`` in a regular expression."""
    return char.isalnum() or char == "_"


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word before ``start`` across spaces on the same line ("le" in "le 3"), without an
    opening mark, and where it starts; ``("", start)`` when a mark or a line break comes first."""
    window = text[max(0, start - _WINDOW) : start]
    stripped = window.rstrip(_SPACES)
    if len(stripped) == len(window) or not stripped or stripped[-1].isspace():
        return "", start
    word = stripped.rsplit(None, 1)[-1].lstrip(_OPENING_MARKS)
    if not _WORD.fullmatch(word):
        return "", start
    return word, start - len(window) + len(stripped) - len(word)


def _word_after(text: str, end: int) -> str:
    """The word after ``end`` across spaces on the same line, with its hyphens and apostrophes."""
    match = _WORD_AFTER.match(text[end : end + _WINDOW])
    return match.group(1) if match else ""


def _code_like(text: str, start: int, end: int) -> bool:
    """Whether the name is part of an address, a handle, a hashtag or code."""
    before = text[max(0, start - _WINDOW) : start]
    after = text[end : end + _WINDOW]
    token = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    token += text[start:end] + (after.split(None, 1)[0] if after and not after[0].isspace() else "")
    return "://" in token or "www." in token or _CODE_LIKE.search(token) is not None


def _mark_or_end(text: str, end: int) -> bool:
    """Whether a mark (",", ".", ")" ...) or the end of the text follows, after spaces."""
    rest = text[end : end + _WINDOW]
    after_spaces = rest.lstrip(_SPACES)
    if after_spaces:
        return after_spaces[0] in _MARKS_AFTER or (not after_spaces.strip() and end + len(rest) == len(text))
    return end + len(rest) == len(text)


def _is_date(text: str, start: int, end: int, target: str, prefix: str) -> bool:
    """Whether the month name at ``start:end`` is clearly a date: "march 2003", "8 may,",
    "may 8th", "mid-march", "since may."."""
    rest = text[end : end + _WINDOW]
    if prefix == "mid" or _YEAR_AFTER.match(rest):
        return True
    day = _DAY_AFTER.match(rest)
    if day and (
        day.group("ordinal") or _mark_or_end(text, end + day.end()) or _YEAR_AFTER.match(rest, day.end())
    ):
        return True
    if not _mark_or_end(text, end):
        return False
    if _DAY_BEFORE.search(text, max(0, start - _WINDOW), start):
        return True
    return _word_before(text, start)[0].lower() in DATE_WORDS_BEFORE.get(target, frozenset())


def _hyphen_prefix(text: str, start: int) -> str | None:
    """The lowercased word glued by a hyphen before ``start`` ("mid" in "mid-may"); ``""`` when
    none is; ``None`` when something other than letters is ("x2-may")."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return ""
    before = text[max(0, start - 1 - _WINDOW) : start - 1]
    part = before.rsplit(None, 1)[-1].rsplit("-", 1)[-1].lstrip(_OPENING_MARKS)
    return part.lower() if part.isalpha() else None


def _lowercase_names(text: str, ctx: Context, profile: Profile) -> Iterator[Finding]:
    matches = list(_lowercase_matches(text, ctx))
    if not matches:
        return
    target = profile.language
    names = lowercase_names(target)
    ambiguous = AMBIGUOUS.get(target, frozenset())
    lowercase_before = LOWERCASE_BEFORE.get(target, {})
    lowercase_after = LOWERCASE_AFTER.get(target, {})
    noun_after = LANGUAGE_NOUN_AFTER.get(target)
    prefixes = HYPHEN_PREFIXES.get(target, frozenset())
    language = language_name(target)
    for word, start, end in matches:
        kind = names[word]
        if start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha():
            continue  # an elision or a contraction: "o'german", "d'august"
        prefix = _hyphen_prefix(text, start)
        # "mid-november", "italian-american" (the name before takes its capital too), but not
        # "sino-japanese" or "may-december": the word before would need a capital of its own.
        if prefix is None or (
            prefix and prefix not in prefixes and (prefix not in names or prefix in ambiguous)
        ):
            continue
        if _code_like(text, start, end):
            continue
        if text[end : end + 1] == "-":
            if target not in HYPHEN_CAPITAL_ALONE:
                continue
            letters = _LETTERS.match(text[end + 1 : end + 1 + _WINDOW])
            following = letters.group().lower() if letters else ""
        else:
            following = _word_after(text, end).lower()
        if following in lowercase_before.get(word, ()):
            continue
        preceding = _word_before(text, start)[0].lower()
        if preceding in lowercase_after.get(word, ()):
            continue
        if noun_after is not None and kind == "language" and preceding not in noun_after:
            continue
        safety = Safety.SAFE
        message = f"'{word}' is a {kind} name: {language} capitalises it"
        if noun_after is not None and kind == "language":
            message = f"'{word}' after '{preceding}' is the language, a noun: {language} capitalises it"
        if word in ambiguous:
            if kind == "month" and _is_date(text, start, end, target, prefix):
                message = (
                    f"'{word}' in a date is the month: {language} capitalises it (also an ordinary word)"
                )
            elif kind != "month" and following in NATIONALITY_HEADS.get(target, ()):
                message = (
                    f"'{word}' before '{following}' is a {kind} name: {language} capitalises it "
                    "(also an ordinary word)"
                )
            else:
                continue
            safety = Safety.UNSAFE
        yield Finding(LOWERCASE_NAME.id, message, start, start + 1, word[0].upper(), safety)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether only spaces lie between ``start`` and a sentence mark, a line break or the start
    of the text (or more than a window of spaces: taken as a start)."""
    before = text[max(0, start - _WINDOW) : start].rstrip(_SPACES)
    return not before or before[-1] in _SENTENCE_MARKS


def _name_before(text: str, start: int, target: str) -> bool:
    """Whether a capitalised word other than a function word comes before ``start``, over
    connectors: "Place du 14 Juillet", "Avenida 9 de Julio"."""
    connectors = CONNECTORS.get(target, frozenset())
    for _ in range(3):
        word, start = _word_before(text, start)
        if not word:
            return False
        if word.lower() not in connectors:
            return word[0].isupper() and word.lower() not in FUNCTION_WORDS.get(target, frozenset())
    return False


def _connector_then_name(text: str, end: int, target: str) -> bool:
    """Whether a connector and a capitalised word follow: "Mercredi des Cendres", "dell'Angelo"."""
    following = _word_after(text, end)
    lowered = following.lower()
    for connector in CONNECTORS.get(target, ()):
        if lowered == connector:
            rest = text[end : end + 2 * _WINDOW]
            return _word_after(rest, _WORD_AFTER.match(rest).end())[:1].isupper()
        if connector[-1] in "'’" and lowered.startswith(connector):
            return following[len(connector) : len(connector) + 1].isupper()
    return False


@cache
def _date_number(target: str) -> re.Pattern[str]:
    """A day number and maybe a connector, just before a month name: "3 ", "1er ", "3 de "."""
    connectors = "|".join(re.escape(c) for c in sorted(CONNECTORS.get(target, ())) if c[-1] not in "'’")
    return re.compile(rf"(?<!\S){_DAY_NUMBER}(?:er|º|°|o)?{_HSPACE}++(?:(?:{connectors}){_HSPACE}++)?\Z")


def _number_before(text: str, start: int, target: str) -> int | None:
    """Start of the day number before a month name ("3 Novembre", "3 de Noviembre"), if any."""
    match = _date_number(target).search(text, max(0, start - _WINDOW), start)
    return match.start() if match else None


def _calendar_context(text: str, start: int, end: int, target: str, kind: str) -> bool:
    """Whether a capitalised day or month is clearly the day or the month: "le Lundi", "Lunedì
    sera", "el pasado Julio", "le 3 Novembre", "en Novembre 2003"."""
    before = _word_before(text, start)[0].lower()
    after = _word_after(text, end).lower()
    if kind == "day":
        return before in DAY_BEFORE.get(target, ()) or after in DAY_AFTER.get(target, ())
    if before in MONTH_BEFORE.get(target, ()) or after in MONTH_AFTER.get(target, ()):
        return True
    number = _number_before(text, start, target)
    if number is not None:
        return bool(_word_before(text, number)[0]) and not _name_before(text, number, target)
    year = _YEAR_AFTER_CONNECTOR.match(text[end : end + _WINDOW])
    return year is not None and not _name_before(text, start, target)


def _capitalised_days_and_months(text: str, profile: Profile) -> Iterator[Finding]:
    target = profile.language
    names = capitalised_calendar_names(target)
    language = language_name(target)
    feasts = FEAST_WORDS.get(target, frozenset())
    for word, start, end in _calendar_matches(text, target):
        lower, kind = names[word]
        if _starts_sentence(text, start) or _code_like(text, start, end):
            continue
        following = _word_after(text, end)
        if following[:1].isupper() or following.lower() in feasts or _connector_then_name(text, end, target):
            continue
        if _calendar_context(text, start, end, target, kind):
            message = f"'{word}' is a {kind} name: {language} writes it in lowercase"
            yield Finding(CALENDAR_CAPITAL.id, message, start, end, lower, Safety.UNSAFE)


def find(text: str, ctx: Context, profile: Profile) -> Iterator[Finding]:
    """Day, month, language and nationality names whose capital is not the copy's."""
    if profile.capitalised_names:
        if ctx.wants(LOWERCASE_NAME.id):
            yield from _lowercase_names(text, ctx, profile)
    elif ctx.wants(CALENDAR_CAPITAL.id):
        yield from _capitalised_days_and_months(text, profile)
