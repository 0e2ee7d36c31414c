"""Clusters of punctuation left where a translation broke a sentence joint.

>>> from cleanup import clean
>>> clean("Bashar al-Assad). , but held back").text
'Bashar al-Assad), but held back'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from cleanup.lang.profiles import Profile
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass
from cleanup.passes.emoticons import starts_emoticon
from cleanup.passes.tokens import horizontal_space_before, is_abbreviation, next_visible, word_before
from cleanup.passes.triggers import SPACES, Trigger, shaped

PUNCTUATION_CLUSTER = Rule(
    id="punctuation-cluster",
    family="punctuation",
    safety="safe / unsafe",
    summary=(
        "Two different marks in a row, such as '. ,', ', .' or '; ,', reduced to the one "
        "that fits what follows."
    ),
    why=(
        "When a translation engine splits or merges source sentences it keeps the punctuation of "
        "both halves, so the joint shows the old full stop next to the new comma."
    ),
    examples=(
        Example("regime of Bashar al-Assad). , but held back", "regime of Bashar al-Assad), but held back"),
        Example("along the sea, . The ships", "along the sea. The ships"),
        Example("the talks ; , and then", "the talks; and then"),
        Example("in the U.S. , while", "in the U.S., while"),
    ),
    fix_safety=(
        "Safe. A lowercase word after the cluster keeps the comma or semicolon, a capital or the end "
        "of the line keeps the full stop. The full stop of an abbreviation (e.g., U.S., Ltd.) is "
        "kept, and an ellipsis ('he paused..., then'), code ('for(;;)') or an emoticon ('fun, :)') "
        "is left alone. Only "
        "suggested: clusters with a colon, since a colon before a list or a quotation can be "
        "deliberate, and a full stop glued to a comma ('the report., which'), since it may end an "
        "abbreviation that is not in the list ('orig., VAT')."
    ),
)

DOUBLED_PUNCTUATION = Rule(
    id="doubled-punctuation",
    family="punctuation",
    safety="safe",
    summary="The same mark twice: ',,', '..', ';;', reduced to one.",
    why=(
        "Joining two translated segments repeats the mark that ended the first one; the original "
        "text never had it twice."
    ),
    examples=(
        Example("the meeting,, which", "the meeting, which"),
        Example("ended in May.. The next", "ended in May. The next"),
        Example("based in the U.S.. The firm", "based in the U.S. The firm"),
        Example(
            "from a failed minister..with a failed policy", "from a failed minister..with a failed policy"
        ),
        Example("Apple.. a triumph of fashion", "Apple.. a triumph of fashion"),
    ),
    fix_safety=(
        "Safe. Three or more full stops, spaced or not, are an ellipsis and stay, and so does a double colon."
    ),
)

RULES = (PUNCTUATION_CLUSTER, DOUBLED_PUNCTUATION)

_MARKS = ",;:."
_CLUSTER = re.compile(r"[,;:.](?:[ \t]*[,;:.])+")  # re scans a plain class faster than regex
_CLOSERS = frozenset(")]}\"'”’»")
_OPENERS = frozenset("([{\"'“‘«")  # a set: the empty string before a text's start is none of them
_SHORT_CAPITALISED = regex.compile(r"\p{Lu}\p{L}{0,3}")


def _period_is_abbreviation(text: str, index: int) -> bool:
    word = word_before(text, index)
    if is_abbreviation(word):
        return True
    # Directly followed by another mark, a short capitalised word may be an
    # abbreviation we do not know ("Bhd.,", "Pty.,"): keep its full stop.
    return text[index + 1 : index + 2] in _MARKS and _SHORT_CAPITALISED.fullmatch(word) is not None


def _starts_sentence(text: str, end: int) -> bool:
    """Whether what follows ``end`` (skipping closing quotes and brackets) starts a new sentence."""
    index, crossed_line = next_visible(text, end)
    while index < len(text) and text[index] in _CLOSERS:
        index, crossed = next_visible(text, index + 1)
        crossed_line = crossed_line or crossed
    if index >= len(text) or crossed_line:
        return True
    while index < len(text) - 1 and text[index] in _OPENERS:
        index += 1
    return text[index].isupper()


def _choose(marks: str, sentence_end: bool) -> str:
    if sentence_end and "." in marks:
        return "."
    for mark in marks:
        if mark != ".":
            return mark
    return "."


def _is_ellipsis_or_code(text: str, start: int, end: int, marks: str) -> bool:
    """Whether the cluster holds an ellipsis ('paused..., then'), or is code ('for(;;)', 'a::b')."""
    before, after = text[start - 1 : start], text[end : end + 1]
    glued = after != "" and not after.isspace() and after not in _CLOSERS
    if "..." in marks or before in {".", "…"} or before in _OPENERS:
        return True
    if set(marks) == {"."}:
        return glued
    return set(marks) == {":"} or glued


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report every cluster of ``, ; : .`` with the single mark that should stay."""
    for match in _CLUSTER.finditer(text):
        start, end = match.span()
        if starts_emoticon(text, end - 1):  # "fun, :)": the colon is an emoticon's eyes
            end = horizontal_space_before(text, end - 1)
        cluster = text[start:end]
        marks = cluster.replace(" ", "").replace("\t", "")
        if len(marks) < 2 or _is_ellipsis_or_code(text, start, end, marks):
            continue
        sentence_end = _starts_sentence(text, end)
        if set(marks) == {"."} and not sentence_end:
            continue
        keep_abbreviation = marks[0] == "." and _period_is_abbreviation(text, start)
        rest = marks[1:] if keep_abbreviation else marks
        if keep_abbreviation:
            start += 1
            only_stops = set(rest) == {"."}
            chosen = "" if only_stops or (sentence_end and "." in rest) else _choose(rest, sentence_end)
        else:
            start = horizontal_space_before(text, start)
            chosen = _choose(rest, sentence_end)
        if text[start:end] == chosen:
            continue
        rule = DOUBLED_PUNCTUATION if len(set(marks)) == 1 else PUNCTUATION_CLUSTER
        if not ctx.wants(rule.id):
            continue
        message = (
            f"'{cluster}' reduced to '{chosen}'" if chosen else "full stop doubled after an abbreviation"
        )
        # A full stop glued to a comma may end an abbreviation we do not know ("incl.,").
        glued_stop = not keep_abbreviation and cluster[:2] in {".,", ".;"}
        yield Finding(
            rule=rule.id,
            message=message,
            start=start,
            end=end,
            replacement=chosen,
            safety=Safety.UNSAFE if ":" in marks or glued_stop else Safety.SAFE,
        )


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """Two of ``, ; : .`` with at most a space between (a longer run holds two spaces): the same
    mark for doubled-punctuation, two marks for a cluster."""
    same = [sequence for mark in ",;." for sequence in shaped(mark, SPACES, mark)]
    pairs = [(first, second) for first in _MARKS for second in _MARKS if first != second]
    other = [sequence for first, second in pairs for sequence in shaped(first, SPACES, second)]
    return (
        Trigger((*same, b"  "), (DOUBLED_PUNCTUATION.id,)),
        Trigger((*other, b"  "), (PUNCTUATION_CLUSTER.id,)),
    )


PASS = Pass(name="punctuation", rules=RULES, find=find, local=True, triggers=triggers)
