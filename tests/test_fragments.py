"""Elided source-language articles glued to names."""

from __future__ import annotations

import pytest

from cleanup import clean

FAMILY = ["fragments"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("the Islamic Republic [l’Iran] not happy", "the Islamic Republic [Iran] not happy"),
        ("talks with l'India on trade", "talks with India on trade"),
        ("L’Italie a dit", "L’Italie a dit"),
        ("talks with l’Europe and Europe", "talks with Europe and Europe"),
    ],
)
def test_article_is_removed_when_the_name_is_certain(before: str, after: str) -> None:
    assert clean(before, select=FAMILY).text == after


def test_english_words_frequent_in_a_source_language_are_no_sign_of_its_text() -> None:
    for text in ("Exports per l'Iran rose.", "Trade plus l'Iran grew.", "An EU l'Iran deal."):
        assert clean(text, select=FAMILY).text == text.replace("l'Iran", "Iran")


def test_name_found_bare_elsewhere_is_only_a_suggestion() -> None:
    text = "the mayor of l'Aquila said Aquila was safe"
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert [f.safety for f in result.findings] == ["unsafe"]
    assert clean(text, select=FAMILY, unsafe=True).text == "the mayor of Aquila said Aquila was safe"


def test_a_capital_article_opening_a_sentence_is_only_a_suggestion() -> None:
    text = "L'Iran said no. Talks go on."
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert [f.safety for f in result.findings] == ["unsafe"]


@pytest.mark.parametrize(
    "text",
    [
        "shares in L’Oréal rose",
        "Massimo D’Alema said",
        "seats by the d’Hondt method",
        "Côte d’Ivoire and Cote d'Ivoire",
        "Conan O'Brien and O’Neill",
        "the film L'Esquive won",
        "the earthquake in L’Aquila",
        "Sant’Agata de’ Goti",
        "the Fondation pour l'Enfance",
        "all’Iran",
        # A country's name inside a name or a title of the source language: reported, if at all,
        # by the leftovers as a whole.
        "MEPs met at the Palais de l'Europe in Strasbourg.",
        "the Hôtel de l’Europe and the Conseil de l'Europe",
        'the headline "La France et l\'Iran, une relation difficile"',
        'the book "L\'Europe en question" sold well',
        "a Comité de soutien à l'Ukraine",
        # A capital article in mid-sentence is a name's: a hotel, a paper, a bar.
        "They stayed at the Hotel L'Europe in Avignon.",
        "The weekly L'Europe was founded in 1980.",
        "France's L'Express and Britain's Daily Express",
    ],
)
def test_names_that_keep_their_article(text: str) -> None:
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert result.findings == ()
