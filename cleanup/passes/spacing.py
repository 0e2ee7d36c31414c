"""Spaces around punctuation, for an English target.

>>> from cleanup import clean
>>> clean("the market , followed by ( mostly ) others").text
'the market, followed by (mostly) others'
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass

SPACE_BEFORE_PUNCTUATION = Rule(
    id="space-before-punctuation",
    family="spacing",
    summary="A space before , . ; : ? ! ) or ] removed.",
    why=(
        "French puts a space before ; : ! ? and translation engines and pasted segments leave a "
        "space before the mark; English sets these marks against the word."
    ),
    examples=(
        Example("the market , followed by", "the market, followed by"),
        Example("said the minister .", "said the minister."),
        Example("Why not ? he asked", "Why not? he asked"),
        Example("a strange match . . . momentum swings", "a strange match . . . momentum swings"),
        Example("we would speak ... three times", "we would speak ... three times"),
    ),
    fix_safety=(
        "Safe. A spaced ellipsis ('speak ... three'), a leading decimal point ('a .22 rifle'), a "
        "domain ('the .uk registry') and emoticons stay: the mark must be followed by a space, "
        "the end of the line or a closing bracket or quote."
    ),
)

SPACE_AFTER_BRACKET = Rule(
    id="space-after-bracket",
    family="spacing",
    summary="A space after an opening ( or [ removed.",
    why="Segment joins and pasted fragments leave a space inside the bracket; English has none.",
    examples=(Example("the fee ( £15,000) was", "the fee (£15,000) was"),),
    fix_safety="Safe. An empty pair '( )' and a bracket at the end of a line stay.",
)

REPEATED_SPACES = Rule(
    id="repeated-spaces",
    family="spacing",
    summary="A run of spaces between two words collapsed to one.",
    why=(
        "Deleted words and joined segments leave two or more spaces where one was meant; a reader sees a gap."
    ),
    examples=(Example("the  new   government", "the new government"),),
    fix_safety=(
        "Safe. Indentation at the start of a line, spaces at its end, tabs and no-break spaces "
        "stay, and so do two spaces after a full stop, a typist's convention rather than an error."
    ),
)

RULES = (SPACE_BEFORE_PUNCTUATION, SPACE_AFTER_BRACKET, REPEATED_SPACES)

_SPACE_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N}%)\]\"'”’»]) +(?:[,;?!]|\.(?! ?\.)|:(?![)(]))(?=[\s)\]}\"'”’»]|$)"
    r"|(?<=[\p{L}\p{N}%.!?\"'”’]) +[)\]]"
)
_SPACE_AFTER_BRACKET = regex.compile(r"[(\[] +(?=[^\s)\]])")
_REPEATED = regex.compile(r"(?<=[^\s.?!]) {2,}(?=[^\s,;:?!.)\]])")


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report spaces that English does not set around punctuation, and runs of spaces."""
    findings: list[Finding] = []
    if ctx.wants(SPACE_BEFORE_PUNCTUATION.id):
        for match in _SPACE_BEFORE.finditer(text):
            findings.append(
                Finding(
                    rule=SPACE_BEFORE_PUNCTUATION.id,
                    message=f"space before '{match.group()[-1]}'",
                    start=match.start(),
                    end=match.end() - 1,
                    replacement="",
                    safety=Safety.SAFE,
                )
            )
    if ctx.wants(SPACE_AFTER_BRACKET.id):
        for match in _SPACE_AFTER_BRACKET.finditer(text):
            findings.append(
                Finding(
                    rule=SPACE_AFTER_BRACKET.id,
                    message=f"space after '{match.group()[0]}'",
                    start=match.start() + 1,
                    end=match.end(),
                    replacement="",
                    safety=Safety.SAFE,
                )
            )
    if ctx.wants(REPEATED_SPACES.id):
        for match in _REPEATED.finditer(text):
            findings.append(
                Finding(
                    rule=REPEATED_SPACES.id,
                    message=f"{len(match.group())} spaces between words",
                    start=match.start(),
                    end=match.end(),
                    replacement=" ",
                    safety=Safety.SAFE,
                )
            )
    findings.sort(key=lambda f: (f.start, f.end))
    return iter(findings)


PASS = Pass(name="spacing", rules=RULES, find=find)
