"""The Python API (issue 14, item 6): arguments read as a user means them, and a value cleanup
does not know is a ValueError that says what it takes."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanup
from cleanup import clean

TEXT = "the market , said ; At once"


def test_a_string_is_one_selection_not_letters() -> None:
    assert clean(TEXT, select="punctuation").text == clean(TEXT, select=["punctuation"]).text
    assert clean(TEXT, select="spacing,casing").text == clean(TEXT, select=["spacing", "casing"]).text
    assert clean(TEXT, ignore="casing").text == "the market, said; At once"
    assert clean(TEXT, sources="it").text == clean(TEXT, sources=["it"]).text
    # One string is one allowed term: "Bild am Sonntag", not its letters (which hid every leftover).
    sentence = "The talks ended. Secondo il governo non era possibile fare di più."
    assert clean(sentence, allow="Bild am Sonntag").findings == clean(sentence).findings != ()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"target": "xx"}, "unknown target 'xx': choose one of en, it, fr, es, de, pt"),
        ({"sources": ["xx"]}, "unknown source 'xx' for en copy: choose among it, fr, es, de, pt"),
        ({"sources": "en"}, "unknown source 'en' for en copy: choose among it, fr, es, de, pt"),
        ({"select": "nope"}, "unknown rule or family: 'nope' (see 'cleanup rules')"),
        ({"select": ""}, "select names no rule"),
        ({"select": []}, "select names no rule"),
        ({"select": "semicolon-capitals"}, "did you mean 'semicolon-capital'?"),
        ({"ignore": ["spacng"]}, "did you mean 'spacing'?"),
        ({"format": "docx"}, "unknown format 'docx': choose one of"),
        ({"format": "jsonl", "fields": ["a..b"]}, "fields to clean must be keys"),
        ({"house": {"bogus": 1}}, "unknown style setting 'bogus' (known: decimal, group"),
        ({"house": {"decimal": 5}, "select": ["encoding"]}, "[style] decimal takes one punctuation mark"),
        ({"house": {"quotes": ["«"]}, "select": ["spacing"]}, "[style] quotes takes"),
    ],
)
def test_an_unknown_value_is_a_value_error_naming_what_is_allowed(arguments: dict, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        clean(TEXT, **arguments)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"text": b"x"}, "text must be a str, not bytes"),
        ({"select": [5]}, "select takes strings"),
        ({"unsafe": "no"}, "unsafe takes True or False"),  # a truthy string applied the unsafe fixes
        ({"house": "x"}, "house takes a mapping"),
        ({"glossary": [("Casa Bianca", "White House", "safe")]}, "glossary takes GlossaryEntry values"),
    ],
)
def test_an_argument_of_the_wrong_kind_is_a_type_error_naming_it(arguments: dict, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        clean(**({"text": TEXT} | arguments))


def test_the_package_says_it_is_typed() -> None:
    assert (Path(cleanup.__file__).parent / "py.typed").is_file()


def test_the_command_line_suggests_the_rule_meant() -> None:
    from click.testing import CliRunner

    from cleanup.cli import main

    done = CliRunner().invoke(main, ["explain", "semicolon-capitals"])
    assert done.exit_code == 2 and "did you mean 'semicolon-capital'?" in done.stderr
    done = CliRunner().invoke(main, ["check", "--select", "punctuaton", "-"], input="x")
    assert done.exit_code == 2 and "did you mean 'punctuation'?" in done.stderr
