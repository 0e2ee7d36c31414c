"""Properties of the pipeline on generated text: idempotence and positions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import ALL_RULES, clean
from cleanup.offsets import LineIndex

# Text made of the pieces that the rules look at, so that generated examples
# actually trigger them: words, names, abbreviations, marks, spaces, line
# breaks, quotes, elided articles, entities and mojibake.
PIECES = st.sampled_from(
    [
        "the",
        "At",
        "However",
        "Iran",
        "l’Iran",
        "L'Oréal",
        "e.g.",
        "U.S.",
        "Dr.",
        "a.m.",
        "games",
        "in",
        "GM",
        "I'm",
        "Air Sahara",
        "é",
        "â€™",
        "Ã©",
        "&amp;",
        "&#233;",
        "\x07",
        "\ufeff",
        ".",
        ",",
        ";",
        ":",
        "?",
        "!",
        "..",
        "...",
        "…",
        "(",
        ")",
        "[",
        "]",
        "“",
        "”",
        "’",
        "'",
        '"',
        " ",
        "  ",
        "   ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\u00a0",
        "10.5",
        "3",
        "www.example.com",
        "https://x.org/l'Iran",
        "#l'Iran",
        "@Chigi",
        "/var/l'Iran/x",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.booleans())
def test_fixing_twice_changes_nothing(text: str, unsafe: bool) -> None:
    once = clean(text, unsafe=unsafe).text
    assert clean(once, unsafe=unsafe).text == once


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_positions_are_in_the_original(text: str) -> None:
    result = clean(text, unsafe=True)
    lines = LineIndex(text)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert (finding.line, finding.column) == lines.locate(finding.start)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from(sorted(ALL_RULES)))
def test_one_rule_alone_is_exactly_its_findings_applied(text: str, rule_id: str) -> None:
    result = clean(text, select=[rule_id], unsafe=True)
    rebuilt = text
    for finding in sorted(result.applied, key=lambda f: f.start, reverse=True):
        rebuilt = rebuilt[: finding.start] + (finding.replacement or "") + rebuilt[finding.end :]
    assert rebuilt == result.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_survives(text: str) -> None:
    result = clean(text, unsafe=True)
    assert clean(result.text, unsafe=True).text == result.text
