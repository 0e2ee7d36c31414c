"""Capitals where English has none, and lowercase where a sentence starts.

>>> from cleanup import clean
>>> clean("oil field exploitation; At the same time, Russia").text
'oil field exploitation; at the same time, Russia'
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanup.lang.en import (
    CLAUSE_JOINERS,
    LOWERCASE_AFTER_SEMICOLON,
    LOWERCASE_NAMES,
    PRONOUN_I,
    SURNAME_PARTICLES,
    TITLE_OPENERS,
    TITLE_SMALL_WORDS,
)
from cleanup.lang.glue import place_and_language_names
from cleanup.lang.profiles import Profile, profile_for
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass
from cleanup.passes.tokens import is_abbreviation, word_before
from cleanup.passes.triggers import CONTINUATION, LOWERCASE, Trigger, shaped

SEMICOLON_CAPITAL = Rule(
    id="semicolon-capital",
    family="casing",
    safety="safe / unsafe",
    summary="A capitalised function word or clause opener (According to) after a semicolon lowercased.",
    why=(
        "Engines translate sentence by sentence and some join two source sentences with a "
        "semicolon, keeping the capital that began the second one."
    ),
    examples=(
        Example(
            "oil field exploitation; At the same time, Russia",
            "oil field exploitation; at the same time, Russia",
        ),
        Example("an urban environment; It therefore needs", "an urban environment; it therefore needs"),
        Example("it does not own; GM says the deal", "it does not own; GM says the deal"),
        Example("domestic carrier; Air Sahara is third", "domestic carrier; Air Sahara is third"),
        Example("to our audiences; I'm confident", "to our audiences; I'm confident"),
        Example("in two cities; The Hague and Delft", "in two cities; The Hague and Delft"),
        Example(
            "sufficient for this; According to Tennet, it is",
            "sufficient for this; according to Tennet, it is",
        ),
        Example("Back row: Wood, Curnier; Day, Schofield", "Back row: Wood, Curnier; Day, Schofield"),
    ),
    fix_safety=(
        "Safe but before what may be a title. Only articles, pronouns, prepositions, conjunctions "
        "and words that open a clause ('According to', 'Despite', 'Overall', 'Finally') are "
        "lowercased, and only when a "
        "lowercase word or a comma follows: never in a name such as 'The Hague', 'At Home Ltd', "
        "'More4', 'A-level' or 'Which? magazine', never 'I', acronyms or other names, even names "
        "that are also words ('Day, Schofield'). A suggestion (unsafe) where the words after it may "
        "make a title: after a word titles open with, within three function words, a capitalised "
        "word English writes in lowercase, not a country or a language ('; Into the Unknown', "
        "'; You and Yours', '; More or Less'); and 'A' or 'An' before a plural, which the article "
        "never stands before: a grade ('; A grades went to a third'); and before a title in a list, "
        "capitalised words and small words up to the next semicolon or the sentence's end "
        "('Friends; According to Jim; Scrubs')."
    ),
    targets=("en",),
)

SENTENCE_START_LOWERCASE = Rule(
    id="sentence-start-lowercase",
    family="casing",
    safety="unsafe / display",
    summary="A lowercase word after a full stop capitalised.",
    why=(
        "Joined or split segments leave a new sentence starting in lowercase after the full stop "
        "of the previous one."
    ),
    examples=(
        Example("in violent games. in a video released", "in violent games. In a video released"),
        Example("e.g. both states", "e.g. both states"),
        Example("U.S. officials said", "U.S. officials said"),
        Example("at 10 a.m. on Monday", "at 10 a.m. on Monday"),
        Example("the new model. iPhone sales", "the new model. iPhone sales"),
        Example("the 36. scudetto", "the 36. scudetto"),
        Example("prices, inkl. taxes", "prices, inkl. taxes"),
        Example("in Frankfurt. dpa reports", "in Frankfurt. dpa reports"),
        Example("the German Press Agency. de Havilland was", "the German Press Agency. de Havilland was"),
        Example("would be introduced. unless voluntary", "would be introduced. unless voluntary"),
    ),
    fix_safety=(
        "Unsafe, a suggestion: the full stop itself may be the stray mark. Before a word that "
        "joins a clause to the one before ('introduced. unless', 'the set. and afterwards') it "
        "more likely is, and the spot is only reported. Never after an abbreviation (English, "
        "or one translation carries over: 'inkl.', 'bzw.', 'dott.'), an initial or a number (a "
        "German ordinal, '36. scudetto'), never on a news agency's lowercase name ('dpa') or a "
        "surname's particle ('de Havilland', 'van Gaal'), on a "
        "word with an inner capital (iPhone, eBay) or inside a quotation, which may be lowercase "
        "on purpose (a text message)."
    ),
    targets=("en",),
)

COLON_CAPITAL = Rule(
    id="colon-capital",
    family="casing",
    safety="unsafe",
    summary="A capitalised function word after a colon, where the copy's style writes lowercase.",
    why=(
        "German capitalises a sentence after a colon; British English and the Romance languages "
        "do not. Which one a newsroom wants is house style: the profile's capital_after_colon, "
        "which --style FILE may set."
    ),
    examples=(
        Example(
            "the reason is simple: The plant was closed.",
            "the reason is simple: the plant was closed.",
        ),
        Example("Johnny Depp: The acting outlaw", "Johnny Depp: The acting outlaw"),
    ),
    fix_safety=(
        "Unsafe, a suggestion, and preview (run it with --preview): American style capitalises a full "
        "sentence after a colon. Only the function words of semicolon-capital, followed by a "
        "lowercase word or a comma, in a line that ends a sentence (not a title such as 'Johnny "
        "Depp: The acting outlaw'), never inside quotation marks."
    ),
    targets=("en",),
    preview=True,
)

RULES = (SEMICOLON_CAPITAL, SENTENCE_START_LOWERCASE, COLON_CAPITAL)

# The capitalised word must be followed by a lowercase word or a comma: "; More4",
# "; A-level", "; No.10", "; Which? magazine" and "; The Hague" are names.
_SEMICOLON_WORD = regex.compile(r";[ \t]+(\p{Lu}\p{Ll}*)(?:,|[ \t]+\p{Ll})")
_COLON_WORD = regex.compile(r":[ \t]+(\p{Lu}\p{Ll}*)(?:,|[ \t]+\p{Ll})")
_LINE_END = regex.compile(r"[^\n]*")
# The words after a capitalised function word read to tell a title: how far, and how many.
_NEXT_WORD = regex.compile(r"\G[ \t]+(\p{L}+)")
# A word, or what ends an item of a list: a semicolon, a sentence's end, a line break.
_ITEM_PART = regex.compile(r"\p{L}+|[;.!?\n]")
_TITLE_REACH = 80
_TITLE_WORDS = 3
_COMMON_WORD = 3.0  # Zipf value from which a word is an everyday word (wordfreq)
_STOP_LOWER = regex.compile(r"\.[ \t]+(\p{Ll}+)(?![\p{L}\p{N}])")
_NAME_PART = regex.compile(r"[ -]\p{Lu}")


def _capitals_after(text: str, pattern: regex.Pattern[str], rule: Rule, mark: str) -> Iterator[Finding]:
    """Function words capitalised after ``mark`` (a semicolon or a colon), lowercased."""
    lines = _Lines(text)
    for match in pattern.finditer(text):
        word = match.group(1)
        if word in PRONOUN_I or word.lower() not in LOWERCASE_AFTER_SEMICOLON:
            continue
        if rule is COLON_CAPITAL and not lines.in_running_text(match.start()):
            continue
        safe = (
            rule is SEMICOLON_CAPITAL
            and not _reads_as_title(text, word, match.end(1))
            and not _title_in_a_list(text, match.end(1))
            and not _letter_before_a_plural(text, word, match.end(1))
        )
        yield Finding(
            rule=rule.id,
            message=f"'{word}' after a {mark} starts no sentence",
            start=match.start(1),
            end=match.start(1) + 1,
            replacement=word[0].lower(),
            safety=Safety.SAFE if safe else Safety.UNSAFE,
        )


def _reads_as_title(text: str, word: str, end: int) -> bool:
    """Whether the capitalised ``word`` ending at ``end`` may be the first word of a title: a word
    titles open with ("Into", "You", "More"; not "According", "However"), then, within a few
    function words or right after a comma, a capitalised word English writes in lowercase, not a
    country or a language ("Into the Unknown", "You and Yours"; not "In the French press").

    >>> _reads_as_title("; Into the Unknown", "Into", 6)
    True
    >>> _reads_as_title("; According to Tennet", "According", 11)
    False
    """
    if word.lower() not in TITLE_OPENERS:
        return False
    from cleanup.lang.frequencies import zipf_table  # wordfreq is imported when first needed

    after_comma = text.startswith(",", end)  # "Here, There and Everywhere"
    for number, match in enumerate(_NEXT_WORD.finditer(text, end + after_comma, end + _TITLE_REACH)):
        following = match.group(1)
        if following[0].isupper():
            lowered = following.lower()
            return (
                following[1:].islower()
                and zipf_table("en").get(lowered, 0.0) >= _COMMON_WORD
                and lowered not in place_and_language_names("en")
                and lowered not in LOWERCASE_NAMES
            )
        if after_comma or following not in LOWERCASE_AFTER_SEMICOLON or number >= _TITLE_WORDS:
            return False
    return False


def _title_in_a_list(text: str, end: int) -> bool:
    """Whether the words from ``end`` to the next semicolon or sentence end, close by, are those of
    a title: another capitalised word, and no lowercase word but the small words titles keep
    ("; According to Jim; Scrubs", "; Despite the Falling Snow."); a clause holds other lowercase
    words ("; According to Tennet, it is").

    >>> _title_in_a_list("Friends; According to Jim; Scrubs", 18)
    True
    >>> _title_in_a_list("this; According to Tennet, it is 7.1 gigawatts.", 15)
    False
    """
    capitals = 0
    for match in _ITEM_PART.finditer(text, end, end + _TITLE_REACH):
        part = match.group()
        if not part[0].isalpha():
            return capitals > 0
        if part[0].isupper():
            capitals += 1
        elif part not in TITLE_SMALL_WORDS:
            return False
    return False  # no end of the item close by: a clause


def _letter_before_a_plural(text: str, word: str, end: int) -> bool:
    """Whether the capitalised ``word`` ending at ``end`` is "A" or "An" before a plural noun, which
    the article never stands before: a grade or a name ("; A grades went to a third", "; A levels").

    >>> _letter_before_a_plural("; A grades went", "A", 3), _letter_before_a_plural("; A series of", "A", 3)
    (True, False)
    """
    if word not in ("A", "An"):
        return False
    following = _NEXT_WORD.match(text, end)
    plural = following.group(1).lower() if following else ""
    if not plural.endswith("s") or plural.endswith("ss"):
        return False
    from cleanup.lang.frequencies import zipf_table  # wordfreq is imported when first needed

    # A plural is rarer than its singular: not "series" (Serie A), "gas" or "thanks".
    zipf = zipf_table("en")
    singular = zipf.get(plural[:-1], 0.0)
    return singular >= _COMMON_WORD and singular > zipf.get(plural, 0.0)


class _Lines:
    """What the line around a position says of it, for positions asked in increasing order, in
    time linear in the text however many are asked on one line: whether the line ends a sentence
    and whether the position stands inside a quotation (an odd number of straight quotes before
    it on its line, or an open curly one).

    >>> lines = _Lines('Spoke to trev. think\\nhe said: "Just spoke to trev. think')
    >>> lines.quoted(13), lines.quoted(49), lines.in_running_text(13)
    (False, True, False)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_start = self.line_end = self.counted = 0
        self.straight = self.opened = self.closed = 0
        self.ends_sentence = False

    def _advance(self, index: int) -> None:
        text = self.text
        if index >= self.line_end:
            self.line_start = text.rfind("\n", self.line_end, index) + 1 or self.line_end
            self.line_end = _LINE_END.match(text, index).end()
            line = text[self.line_start : self.line_end].rstrip()
            self.ends_sentence = line.endswith((".", "!", "?", '."', ".”"))
            self.counted = self.line_start
            self.straight = self.opened = self.closed = 0
        stretch = text[self.counted : index]
        self.straight += stretch.count('"')
        self.opened += stretch.count("“")
        self.closed += stretch.count("”")
        self.counted = index

    def quoted(self, index: int) -> bool:
        """Whether ``index`` stands inside a quotation on its line."""
        self._advance(index)
        return self.straight % 2 == 1 or self.opened > self.closed

    def in_running_text(self, index: int) -> bool:
        """Whether ``index`` stands in running text: its line ends a sentence, and it is not
        inside a quotation."""
        return not self.quoted(index) and self.ends_sentence


def _lowercase_starts(text: str) -> Iterator[Finding]:
    lines = _Lines(text)
    for match in _STOP_LOWER.finditer(text):
        stop = match.start()
        if text[stop - 1 : stop] in {".", ""}:
            continue
        before = word_before(text, stop)
        word = match.group(1)
        if not before or is_abbreviation(before) or word in LOWERCASE_NAMES or lines.quoted(stop):
            continue
        if word in SURNAME_PARTICLES and _NAME_PART.match(text, match.end()):
            continue
        start = match.start(1)
        if word in CLAUSE_JOINERS:
            message = (
                f"'{word}' after a full stop: the stop is probably stray, or a sentence starts in lowercase"
            )
            yield Finding(SENTENCE_START_LOWERCASE.id, message, start, start + 1, None, Safety.DISPLAY)
            continue
        yield Finding(
            rule=SENTENCE_START_LOWERCASE.id,
            message=f"'{word}' starts a sentence in lowercase",
            start=start,
            end=start + 1,
            replacement=word[0].upper(),
            safety=Safety.UNSAFE,
        )


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report capitals after semicolons (and colons, by the profile) and lowercase sentence starts."""
    profile = profile_for(ctx.target, ctx.house)
    if ctx.wants(SEMICOLON_CAPITAL.id) and not profile.capital_after_semicolon:
        yield from _capitals_after(text, _SEMICOLON_WORD, SEMICOLON_CAPITAL, "semicolon")
    if ctx.wants(COLON_CAPITAL.id) and not profile.capital_after_colon:
        yield from _capitals_after(text, _COLON_WORD, COLON_CAPITAL, "colon")
    if ctx.wants(SENTENCE_START_LOWERCASE.id):
        yield from _lowercase_starts(text)


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """A mark, a space and a capital (the function words of the list are ASCII) for the capitals
    after a semicolon or a colon; a letter, a full stop, a space and a lowercase letter for a
    lowercase start (a one-letter word before the stop is an initial; after a letter past ASCII,
    any full stop and space). A longer run of spaces holds two."""
    return (
        Trigger((*shaped("; A"), b"  "), (SEMICOLON_CAPITAL.id,)),
        Trigger((*shaped(": A"), b"  "), (COLON_CAPITAL.id,)),
        Trigger(
            (*shaped(("a", "A"), ". ", LOWERCASE), *shaped(CONTINUATION, ". "), b"  "),
            (SENTENCE_START_LOWERCASE.id,),
        ),
    )


PASS = Pass(name="casing", rules=RULES, find=find, local=True, triggers=triggers)
