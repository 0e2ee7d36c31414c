"""Emoticons are left exactly as written by every rule, in English and French copy (issue 11, item 16)."""

from __future__ import annotations

import pytest

from cleanup import clean
from cleanup.passes.emoticons import ends_emoticon, starts_emoticon

# The issue's own (": D", ":-( In", ":)", ";-)", ": P") and their kin.
EMOTICONS = [
    ": D",
    ":-(",
    ":)",
    ";-)",
    ": P",
    ":(",
    ";)",
    ":-)",
    ":D",
    ":-D",
    ":P",
    ":p",
    ":'(",
    ":]",
    "=)",
    ":O",
    ":/",
]
# Around each: the rules that once touched one (a space before a colon, a space after a bracket, a
# cluster of marks, French high punctuation, the casing after a colon or a semicolon).
CONTEXTS = [
    "It was fun {e} In the end, we won.",
    "It was fun {e} the end",
    "fun {e}",
    "fun, {e} and more",
    "fun. {e} In the end",
    "fun; {e} At once",
    "Great.{e} Next",
    "yes,{e} then",
    "He said: {e} The",
    "fun {e}, and then",
]


@pytest.mark.parametrize("target", ["en", "fr"])
@pytest.mark.parametrize("emoticon", EMOTICONS)
def test_emoticons_are_left_as_written_by_every_rule(emoticon: str, target: str) -> None:
    for context in CONTEXTS:
        text = context.format(e=emoticon)
        at = text.index(emoticon)
        before = text[at - 1] if at and text[at - 1].isspace() else ""
        end = at + len(emoticon)
        after = text[end] if end < len(text) and text[end].isspace() else ""
        for select in (None, ["ALL"]):
            fixed = clean(text, select=select, target=target, unsafe=True).text
            assert before + emoticon + after in fixed, (text, fixed)


def test_the_issues_inputs() -> None:
    assert clean("that was fun : D", select=["ALL"]).text == "that was fun : D"
    assert clean("I lost :-( In the end", select=["ALL"]).text == "I lost :-( In the end"
    assert (
        clean("a game : P and fun :) or ;-) here", select=["ALL"]).text == "a game : P and fun :) or ;-) here"
    )


def test_what_is_not_an_emoticon_is_still_fixed() -> None:
    assert clean("the list : (a) first").text == "the list: (a) first"
    assert clean("at 10:30 ; Then it rained").text == "at 10:30; then it rained"
    assert clean("it was fun. , then").text == "it was fun, then"


@pytest.mark.parametrize(
    ("text", "index", "starts"),
    [
        (":-( In", 0, True),
        ("fun : D", 4, True),
        ("fun : Don", 4, False),
        ("see: (a)", 3, False),
        ("http://x", 4, False),
        ("at 10:30", 5, False),
        ("a::b", 2, False),
    ],
)
def test_where_an_emoticon_starts(text: str, index: int, starts: bool) -> None:
    assert starts_emoticon(text, index) is starts


def test_where_an_emoticon_ends() -> None:
    assert ends_emoticon("sad :'( x", 7)
    assert ends_emoticon("so : ( In", 6)
    assert not ends_emoticon("the fee ( £15,000)", 9)
