"""Quotation marks paired on one line, whatever their convention, with their nesting.

A mark opens when it stands against the word after it and apart from the word before it (and
not before a comma or a full stop), and closes the other way round (and not after an opening
bracket); French guillemets may also stand one space inside their quotation (« non »). So
``»Das Boot«`` is a German pair and ``«Das Boot»`` a French one, whichever comes first in the
line. A closing mark takes the nearest open quotation it can close; the marks in between are left
without a partner. A line where any mark other than an apostrophe is left without a partner, or
cannot be read either way, is unclear: it gets no pairs at all (None), and is left as it is.

>>> [(p.opening, p.closing, p.convention, p.depth) for p in pairs("«no, «never» again»", 0, 19)]
[(0, 18, 'guillemets', 0), (5, 11, 'guillemets', 1)]
>>> [(p.opening, p.closing, p.convention) for p in pairs("the film »Das Boot« was shown", 0, 29)]
[(9, 18, 'reversed_guillemets')]
>>> pairs("He said «„ok «yes «„no» fine» \\"» said", 0, 37) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import regex

from cleanup.lang.quotation_marks import (
    APOSTROPHES,
    CONVENTION_OPENED_BY,
    OPENERS_CLOSED_BY,
    QUOTATION_MARKS,
    SPACED_CLOSERS,
    SPACED_OPENERS,
    SPACES_INSIDE,
)

_MARK = re.compile(f"[{re.escape(QUOTATION_MARKS)}]")
_PHRASE_ENDS = frozenset(",;:!?)]}")
_OPENING_BRACKETS = frozenset("([{")
# Where a line ends, as str.splitlines reads it: a quotation never crosses one.
_LINE_BREAK = regex.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_LINE_BREAK_BEFORE = regex.compile(r"(?r)[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def lines_with(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Start and end of each line that holds a match of ``pattern``."""
    hit = pattern.search(text)
    while hit is not None:
        before = _LINE_BREAK_BEFORE.search(text, 0, hit.start())
        after = _LINE_BREAK.search(text, hit.start())
        start = before.end() if before else 0
        end = after.start() if after else len(text)
        yield start, end
        hit = pattern.search(text, end)


class Pair(NamedTuple):
    """Two marks that open and close one quotation, as offsets in the text."""

    opening: int
    closing: int
    convention: str  # a key of :data:`cleanup.lang.quotation_marks.CONVENTIONS`
    depth: int  # how many quotations enclose this one
    parent: int  # index of the enclosing pair in the line's list, or -1


def _ends_a_phrase(text: str, at: int, end: int) -> bool:
    """Whether the character at ``at`` ends a phrase (``, ; : ! ? ) ] }``, or a full stop that starts
    no ellipsis): no quotation opens just before one, so ``»,`` closes and ``«...`` may open."""
    char = text[at] if at < end else ""
    return char in _PHRASE_ENDS or (char == "." and text[at + 1 : at + 2] != ".")


def roles(text: str, at: int, start: int, end: int) -> tuple[bool, bool]:
    """Whether the mark at ``at`` may open and may close a quotation, read from its neighbours: a
    neighbour that is no letter or digit (a space, a mark, the line's end) leaves it free."""
    mark = text[at]
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    free_before, free_after = not before.isalnum(), not after.isalnum()
    opens = free_before and not after.isspace() and not _ends_a_phrase(text, at + 1, end)
    closes = free_after and not before.isspace() and before not in _OPENING_BRACKETS
    if mark in SPACED_OPENERS and not opens and after in SPACES_INSIDE:
        opens = free_before and at + 2 < end and not text[at + 2].isspace()
    if mark in SPACED_CLOSERS and not closes and before in SPACES_INSIDE:
        closes = free_after and at - 2 >= start and not text[at - 2].isspace()
    return opens, closes


def _empty(text: str, opening: int, closing: int) -> bool:
    """Whether nothing but a space stands between two marks («», « »): they hold no quotation.

    A mark that opens has something other than a space after it, or after its one French space."""
    return closing - opening == 1 or (closing - opening == 2 and text[opening + 1] in SPACES_INSIDE)


class _OpenQuotations:
    """The marks still open, with, per opening mark, where its latest ones stand, so that a closing
    mark finds its partner without looking at every open mark: each mark is pushed and popped once."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []  # (offset, opening mark)
        self.by_mark: dict[str, list[int]] = {}  # opening mark -> its places in the stack

    def push(self, at: int, mark: str) -> None:
        self.by_mark.setdefault(mark, []).append(len(self.stack))
        self.stack.append((at, mark))

    def partner(self, mark: str) -> int | None:
        """The place in the stack of the nearest open mark that ``mark`` closes.

        An apostrophe closes only the innermost quotation: it cannot leave others without a partner.
        """
        openers = OPENERS_CLOSED_BY.get(mark, frozenset())
        if mark in APOSTROPHES:
            top = len(self.stack) - 1
            return top if top >= 0 and self.stack[top][1] in openers else None
        places = [self.by_mark[opener][-1] for opener in openers if self.by_mark.get(opener)]
        return max(places) if places else None

    def pop_to(self, place: int) -> list[tuple[int, str]]:
        """Remove the marks from ``place`` up; the first one is the partner, the others are unpaired."""
        removed = self.stack[place:]
        del self.stack[place:]
        for _, opener in reversed(removed):
            self.by_mark[opener].pop()
        return removed


def pairs(text: str, start: int, end: int) -> list[Pair] | None:
    """The quotation pairs of the line ``text[start:end]``, by opening offset; None if it is unclear."""
    open_marks = _OpenQuotations()
    found: list[tuple[int, int, str]] = []
    for match in _MARK.finditer(text, start, end):
        at = match.start()
        mark = text[at]
        opens, closes = roles(text, at, start, end)
        place = open_marks.partner(mark) if closes else None
        if place is not None and _empty(text, open_marks.stack[place][0], at):
            place = None
        if place is not None:
            (opened_at, opener), *unpaired = open_marks.pop_to(place)
            if any(other not in APOSTROPHES for _, other in unpaired):
                return None
            found.append((opened_at, at, CONVENTION_OPENED_BY[opener]))
        elif opens and mark in CONVENTION_OPENED_BY:
            open_marks.push(at, mark)
        elif mark not in APOSTROPHES:
            return None
    if any(mark not in APOSTROPHES for _, mark in open_marks.stack):
        return None
    return _nested(found)


def _nested(found: list[tuple[int, int, str]]) -> list[Pair]:
    """Pairs by opening offset, each with its depth and the index of the pair around it."""
    found.sort()
    nested: list[Pair] = []
    enclosing: list[int] = []  # indexes of the pairs open at this point
    for opening, closing, convention in found:
        while enclosing and nested[enclosing[-1]].closing < opening:
            enclosing.pop()
        parent = enclosing[-1] if enclosing else -1
        nested.append(Pair(opening, closing, convention, len(enclosing), parent))
        enclosing.append(len(nested) - 1)
    return nested
