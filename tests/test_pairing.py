"""Quotation marks paired by their order and spacing, whatever their convention."""

from __future__ import annotations

import re

import pytest

from cleanup.lang.profiles import NARROW_NBSP, NBSP
from cleanup.passes.conventions.pairing import lines_with, pairs


def paired(text: str) -> list[tuple[str, int]]:
    """Each pair as its two marks and its depth."""
    found = pairs(text, 0, len(text))
    assert found is not None, "unclear"
    return [(text[p.opening] + text[p.closing], p.depth) for p in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the film »Das Boot« was shown", [("»«", 0)]),  # German: opens with »
        ("le film «Das Boot» passe", [("«»", 0)]),
        ("le film « Das Boot » passe", [("«»", 0)]),  # French spacing inside
        (f"le film «{NBSP}Das Boot{NARROW_NBSP}» passe", [("«»", 0)]),
        ("filmen »Das Boot» visades", [("»»", 0)]),  # Swedish
        ("»Er sagte ›nein‹ dazu«", [("»«", 0), ("›‹", 1)]),
        ("„Er sagte ‚nein‘ dazu“", [("„“", 0), ("‚‘", 1)]),
        ("„Nie”, powiedział", [("„”", 0)]),  # Polish
        ("«no, «never» again»", [("«»", 0), ("«»", 1)]),
        ("“He said «no»”", [("“”", 0), ("«»", 1)]),
        ("(«a»), «b»-style, l’«Unità»", [("«»", 0), ("«»", 0), ("«»", 0)]),
        ("un état d’« anarchie », dit-il", [("«»", 0)]),  # « may close after ’: the pair says it opens
        ("»Ja!« sagte er", [("»«", 0)]),  # « may open before a space: the pair says it closes
    ],
)
def test_pairs_and_depths(text: str, expected: list[tuple[str, int]]) -> None:
    assert paired(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a » b « c",  # both spaced: neither way is certain
        "an unmatched « mark, «and a pair»",
        "«a „b» c",  # „ left open inside a pair
        "a»b«c",  # glued on both sides
        "«» and « »",  # nothing inside
        "«a» and a lone “",
    ],
)
def test_unclear_lines_have_no_pairs(text: str) -> None:
    assert pairs(text, 0, len(text)) is None


def test_a_line_without_quotations_is_clear() -> None:
    assert paired("it’s the players’ ‘90s") == []


def test_apostrophes_pair_but_never_decide() -> None:
    # An apostrophe closes only the innermost quotation, and one left over makes nothing unclear.
    assert paired("the players’ «union» isn’t ‘90s") == [("«»", 0)]
    assert paired("«the ‘best’ players’ union»") == [("«»", 0), ("‘’", 1)]


def test_lines_with_a_mark() -> None:
    text = "a «b»\r\nno marks\n«c»\u2028d"
    assert [text[start:end] for start, end in lines_with(text, re.compile("«"))] == [
        "a «b»",
        "«c»",
    ]
