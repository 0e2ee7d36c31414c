"""Casing after semicolons and at sentence starts."""

from __future__ import annotations

import pytest

from cleanup import clean

FAMILY = ["casing"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("field exploitation; At the same time", "field exploitation; at the same time"),
        ("an urban environment; It therefore", "an urban environment; it therefore"),
        ("the vote; However, the", "the vote; however, the"),
        ("two sides; The government said", "two sides; the government said"),
    ],
)
def test_semicolon_capital_is_lowercased(before: str, after: str) -> None:
    result = clean(before, select=FAMILY)
    assert result.text == after
    assert [f.safety for f in result.findings] == ["safe"]


@pytest.mark.parametrize(
    "text",
    [
        "it does not own; GM says the contract",
        "domestic carrier; Air Sahara is ranked",
        "our audiences; I'm confident",
        "our audiences; I’m confident",
        "our audiences; I said",
        "two cities; The Hague and Delft",
        "Greene of General Mills; Mark Bailin of Rymer",
        "the lineup; A Lo Cicero, F Ongaro",
        "CL; Bournemouth, Watford down",
        "on Channel 4; More4 launched",
        "the band; A-ha and others",
        "exams; A-levels rose",
        "the club; A.C. Milan won",
        "the address; No.10 said",
        "a review; Which? magazine said",
        "the show; Today programme presenter",
        "the end;",
        "games. in a video",
    ],
)
def test_semicolon_capital_left_alone(text: str) -> None:
    assert clean(text, select=["semicolon-capital"]).findings == ()


def test_lowercase_sentence_start_is_a_suggestion() -> None:
    text = "in violent games. in a video released"
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert [(f.rule, f.safety) for f in result.findings] == [("sentence-start-lowercase", "unsafe")]
    assert clean(text, select=FAMILY, unsafe=True).text == "in violent games. In a video released"


@pytest.mark.parametrize(
    "text",
    [
        "e.g. both states",
        "U.S. officials said",
        "Dr. smith",
        "at 10 a.m. on Monday",
        "at 5 p.m. in London",
        "crisps, sweets etc. are popular",
        "Leadplex LLC. and Leadplex Inc",
        "the new model. iPhone sales",
        "the auction. eBay said",
        "J. edgar",
        "wait... and see",
        "the figure was 2.5 percent",
        "see bbc.co.uk for more",
    ],
)
def test_lowercase_sentence_start_left_alone(text: str) -> None:
    assert clean(text, select=FAMILY, unsafe=True).findings == ()


def test_colon_capital_is_a_suggestion_in_running_text_only() -> None:
    rule = ["colon-capital"]
    text = "The reason is simple: The plant was closed."
    assert clean(text, select=rule).text == text
    assert clean(text, select=rule, unsafe=True).text == "The reason is simple: the plant was closed."
    for kept in (
        "Johnny Depp: The acting outlaw",  # a title: the line ends no sentence
        'He said: "It was always a struggle: It never ended."',  # inside a quotation
        "The reason is simple: The Hague decided.",  # a name follows
    ):
        assert clean(kept, select=rule, unsafe=True).text == kept


def test_house_style_switches_the_casing_after_marks() -> None:
    colon = "The reason is simple: The plant was closed."
    assert (
        clean(colon, select=["colon-capital"], unsafe=True, house={"capital_after_colon": True}).text == colon
    )
    semicolon = "oil field exploitation; At the same time, Russia"
    assert clean(semicolon, house={"capital_after_semicolon": True}).text == semicolon
    assert clean(semicolon).text == "oil field exploitation; at the same time, Russia"
