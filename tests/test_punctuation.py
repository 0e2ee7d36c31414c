"""Punctuation clusters: which mark stays, and what is never touched."""

from __future__ import annotations

import pytest

from cleanup import clean

FAMILY = ["punctuation"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("al-Assad). , but held", "al-Assad), but held"),
        ("along the sea, . The ships", "along the sea. The ships"),
        ("the sea , . The ships", "the sea. The ships"),
        ("the meeting,, which", "the meeting, which"),
        ("the talks; , and then", "the talks; and then"),
        ("he said.. “You can", "he said. “You can"),
        ("for the next months in the US. .\n", "for the next months in the US.\n"),
        ("end of the story, .", "end of the story."),
        ("in the U.S. , while", "in the U.S., while"),
        ("in the U.S.. The firm", "in the U.S. The firm"),
        ("the talks ended;; the", "the talks ended; the"),
        ("sea, .” The", "sea.” The"),
    ],
)
def test_cluster_is_reduced(before: str, after: str) -> None:
    assert clean(before, select=FAMILY).text == after


@pytest.mark.parametrize(
    "text",
    [
        "we would speak ... three times",
        "a recovery... much patchier",
        "wait . . . and see",
        "the film…. Then",
        "e.g., both states",
        "Portland, Ore., a crowd gathered",
        "Acme Ltd., which",
        "Sime Darby Bhd., the group",
        "a failed minister..with a policy",
        "Apple.. a triumph of fashion",
        "the ratio 3.5, 4.5 and 5.5",
        "see http://example.com/a.,b for details",
        "std::vector and a::b",
        "he paused ... , then",
        "he paused..., then",
        "a . . . , b",
        "for(;;) loops",
        "the time was 10:30, then",
    ],
)
def test_left_alone(text: str) -> None:
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert result.findings == ()


@pytest.mark.parametrize(
    ("text", "suggested"),
    [("the report., which", "the report, which"), ("the price orig., VAT", "the price orig. VAT")],
)
def test_stop_glued_to_a_comma_is_only_a_suggestion(text: str, suggested: str) -> None:
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert [f.safety for f in result.findings] == ["unsafe"]
    assert clean(text, select=FAMILY, unsafe=True).text == suggested


def test_colon_cluster_is_only_a_suggestion() -> None:
    text = "he said: , and left"
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert [f.safety for f in result.findings] == ["unsafe"]
    assert clean(text, select=FAMILY, unsafe=True).text == "he said: and left"


@pytest.mark.parametrize(
    "text", ["Great.:) Next", "fun, :) and more", "fun; ;-) At once", "yes,: D then", "ok.:-( In"]
)
def test_an_emoticon_after_a_mark_is_no_cluster(text: str) -> None:
    assert clean(text, select=["punctuation"], unsafe=True).text == text


def test_a_cluster_before_an_emoticon_is_still_reduced() -> None:
    assert clean("fun,. :) and more", select=["punctuation"]).text == "fun, :) and more"


@pytest.mark.parametrize(("before", "after"), [(",, spoke", ", spoke"), ("..,, a", ", a"), (";; a", "; a")])
def test_a_cluster_at_the_start_of_a_text_is_fixed_as_after_a_blank_line(before: str, after: str) -> None:
    # Nothing stands before the text's first character: no opening bracket, no ellipsis.
    assert clean(before).text == after
    assert clean(f"One.\n\n{before}").text == f"One.\n\n{after}"
