"""A house style file is one [style] table of profile fields; anything else is one clear error.

(``cleanup/style.py`` is tested here: ``test_style.py`` holds the code-style check.)
"""

from __future__ import annotations

import json

import pytest

from cleanup import style
from cleanup.cli import main
from cleanup.lang.profiles import profile_for
from cleanup.lang.sources import LANGUAGES


def _refused(content: str) -> str:
    with pytest.raises(style.StyleError) as caught:
        style.parse(content, "house.toml")
    message = str(caught.value)
    assert message.startswith("house.toml: error: ") and "\n" not in message
    return message.removeprefix("house.toml: error: ")


def _toml(value: object) -> str:
    """A profile value written in TOML (JSON's strings and arrays are TOML's)."""
    return json.dumps(list(value) if isinstance(value, tuple) else value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_of_every_profile_can_be_set_to_its_own_value(language: str) -> None:
    profile = profile_for(language)
    lines = [f"{field} = {_toml(getattr(profile, field))}" for field in style.fields()]
    overrides = dict(style.parse("[style]\n" + "\n".join(lines), "house.toml"))
    assert overrides == {field: getattr(profile, field) for field in style.fields()}


def test_style_that_is_not_a_table_names_the_file_and_what_is_allowed() -> None:
    assert _refused("style = 1") == "'style' must be a table of settings ([style]), not an integer"
    assert _refused('style = "french"') == "'style' must be a table of settings ([style]), not a string"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "[styles]\nquotes = ['«', '»']",
            "unknown table or key 'styles': a style file holds one [style] table",
        ),
        ("colour = 'red'\n[style]", "unknown table or key 'colour': a style file holds one [style] table"),
        ("[style]\ncolour = 'red'", "unknown style setting 'colour' (known: decimal, group, quotes, "),
        ("[style]\nlanguage = 'fr'", "unknown style setting 'language'"),
        ("[style]\nquotes = '\"'", "[style] quotes takes two quotation marks, opening and closing"),
        ("[style]\nquotes = [1, 2]", "[style] quotes takes two quotation marks"),
        ("[style]\nquotes = ['a', 'b']", "[style] quotes takes two quotation marks"),
        ("[style]\ninner_quotes = ['‘', '’', '’']", "[style] inner_quotes takes two quotation marks"),
        ("[style]\npercent_space = 1", "[style] percent_space takes one space character or none"),
        ("[style]\npercent_space = 'x'", "[style] percent_space takes one space character or none, such as"),
        ("[style]\npercent_space = '\\n'", "[style] percent_space takes one space character or none"),
        ("[style]\ncurrency_space = '\\u00a0\\u00a0'", "[style] currency_space takes one space"),
        ("[style]\ndecimal = 'ab'", "[style] decimal takes one punctuation mark or space"),
        ("[style]\ngroup = '7'", "[style] group takes one punctuation mark or space"),
        (
            "[style]\ncapital_after_colon = 'yes'",
            "[style] capital_after_colon takes true or false, not 'yes'",
        ),
        ("[style]\ncurrency_before = 1", "[style] currency_before takes true or false, not an integer"),
        (
            "[style]\ncapitalised_names = {a = 1}",
            "[style] capitalised_names takes true or false, not a table",
        ),
        ("[style]\ncapitalised_names = 1979-05-27", "takes true or false, not a date or time"),
        ("[style]\npercent_space = '" + "x" * 5000 + "'", "[style] percent_space takes one space character"),
    ],
)
def test_unknown_keys_and_wrong_values_name_the_key_and_what_is_allowed(content: str, reason: str) -> None:
    assert reason in _refused(content)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[style]\nquotes = " + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("[style]\nx = {" + "a = {" * 10_000 + "}" * 10_001, "nested too deeply"),
        ("[style]\ncapital_after_colon = " + "9" * 5000, "not TOML that can be read: Exceeds the limit"),
        ("[style]\ncapital_after_colon = 1e999999", "takes true or false, not a number"),
        ("[style]\npercent_space = nan", "takes one space character or none"),
        ("[style]\npercent_space = '\\u0000'", "takes one space character or none"),
        ("[style]\npercent_space = ' ", "not TOML"),
        ("[style]\n[style]", "not TOML"),
    ],
)
def test_hostile_toml_is_refused_without_a_traceback(content: str, reason: str) -> None:
    assert reason in _refused(content)


def test_a_style_file_of_comments_or_an_empty_table_changes_nothing() -> None:
    assert style.parse("# house style\n", "house.toml") == ()
    assert style.parse("[style]\n", "house.toml") == ()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_a_style_file_in_any_encoding_an_article_may_have_is_read(runner, tmp_path, encoding) -> None:
    house = tmp_path / "house.toml"
    house.write_bytes('# «house» style\n[style]\nquotes = ["\\"", "\\""]\n'.encode(encoding))
    done = runner.invoke(main, ["fix", "--style", str(house), "-"], input="He called it «a disgrace».\n")
    assert (done.exit_code, done.stdout) == (0, 'He called it "a disgrace".\n')


def test_a_bad_style_file_is_one_error_line_and_exit_2(runner, tmp_path) -> None:
    house = tmp_path / "house.toml"
    house.write_text("style = 1\n")
    done = runner.invoke(main, ["fix", "--style", str(house), "-"], input="text\n")
    assert done.exit_code == 2
    assert done.stderr == (f"{house}: error: 'style' must be a table of settings ([style]), not an integer\n")
    assert done.stdout == ""
