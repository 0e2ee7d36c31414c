"""Capitals where English has none, and lowercase where a sentence starts.

>>> from cleanup import clean
>>> clean("oil field exploitation; At the same time, Russia").text
'oil field exploitation; at the same time, Russia'
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanup.lang.en import LOWERCASE_AFTER_SEMICOLON, PRONOUN_I
from cleanup.lang.profiles import profile_for
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass
from cleanup.passes.tokens import is_abbreviation, word_before

SEMICOLON_CAPITAL = Rule(
    id="semicolon-capital",
    family="casing",
    safety="safe",
    summary="A capitalised function word after a semicolon lowercased.",
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
    ),
    fix_safety=(
        "Safe. Only articles, pronouns, prepositions, conjunctions and sentence adverbs are "
        "lowercased, and only when a lowercase word or a comma follows: never in a name such as "
        "'The Hague', 'At Home Ltd', 'More4', 'A-level' or 'Which? magazine', never 'I', acronyms "
        "or other names."
    ),
    targets=("en",),
)

SENTENCE_START_LOWERCASE = Rule(
    id="sentence-start-lowercase",
    family="casing",
    safety="unsafe",
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
    ),
    fix_safety=(
        "Unsafe, a suggestion: the full stop itself may be the stray mark ('would be introduced. "
        "unless'), and a quoted message may be lowercase on purpose. Never after an abbreviation "
        "or an initial, never on a word with an inner capital (iPhone, eBay)."
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
        "Unsafe, a suggestion, and preview (select it by id): American style capitalises a full "
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
_STOP_LOWER = regex.compile(r"\.[ \t]+(\p{Ll}+)(?![\p{L}\p{N}])")


def _capitals_after(text: str, pattern: regex.Pattern[str], rule: Rule, mark: str) -> Iterator[Finding]:
    """Function words capitalised after ``mark`` (a semicolon or a colon), lowercased."""
    for match in pattern.finditer(text):
        word = match.group(1)
        if word in PRONOUN_I or word.lower() not in LOWERCASE_AFTER_SEMICOLON:
            continue
        if rule is COLON_CAPITAL and not _in_running_text(text, match.start(), match.end()):
            continue
        yield Finding(
            rule=rule.id,
            message=f"'{word}' after a {mark} starts no sentence",
            start=match.start(1),
            end=match.start(1) + 1,
            replacement=word[0].lower(),
            safety=Safety.SAFE if rule is SEMICOLON_CAPITAL else Safety.UNSAFE,
        )


def _in_running_text(text: str, start: int, end: int) -> bool:
    """Whether a colon stands in running text: its line ends a sentence, and it is not inside a
    quotation (an even number of straight quotes before it on the line, no open curly one)."""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start : _LINE_END.match(text, end).end()].rstrip()
    before = text[line_start:start]
    quoted = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    return line.endswith((".", "!", "?", '."', ".”")) and not quoted


def _lowercase_starts(text: str) -> Iterator[Finding]:
    for match in _STOP_LOWER.finditer(text):
        stop = match.start()
        if text[stop - 1 : stop] in {".", ""}:
            continue
        before = word_before(text, stop)
        if not before or is_abbreviation(before):
            continue
        word = match.group(1)
        yield Finding(
            rule=SENTENCE_START_LOWERCASE.id,
            message=f"'{word}' starts a sentence in lowercase",
            start=match.start(1),
            end=match.start(1) + 1,
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


PASS = Pass(name="casing", rules=RULES, find=find)
