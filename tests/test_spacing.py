"""Spaces around punctuation, in English copy and in French copy."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.cli import main
from cleanup.passes import Context, spacing
from cleanup.rules import select_rules
from tests.test_linear_time import BOUND, growth, repeated

FAMILY = ["spacing"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("the market , followed", "the market, followed"),
        ("said the minister .", "said the minister."),
        ('compensation" . Chief', 'compensation". Chief'),
        ("Why not ? he asked", "Why not? he asked"),
        ("a pointless exercise !\n", "a pointless exercise!\n"),
        ("Stewart said : “Anyone", "Stewart said: “Anyone"),
        ("the talks ; then", "the talks; then"),
        ("($1bn ) into", "($1bn) into"),
        ("(Ae Fond Kiss... ). Shane", "(Ae Fond Kiss...). Shane"),
        ("further [ to cover", "further [to cover"),
        ("( £15,000)", "(£15,000)"),
        ("the  new government", "the new government"),
        ("one  run\nand   another line", "one run\nand another line"),
    ],
)
def test_spacing_is_fixed(before: str, after: str) -> None:
    assert clean(before, select=FAMILY).text == after


@pytest.mark.parametrize(
    "text",
    [
        "we would speak ... three or four times",
        "a strange match . . . momentum swings",
        "a .22 calibre rifle",
        "the .uk registry",
        "visit www.example.com or mail a.b@example.org",
        "at 10.30 or 10:30, with 3.5% and 1 000 000",
        "end of sentence.  Two spaces after a stop",
        "Really?  Yes.",
        "    indented line",
        "trailing spaces   \nnext",
        "a\ttab\t\tseparated",
        "no\u00a0break and\u202fnarrow",
        "an empty ( ) pair",
        "a face ( o¬ô ) and [ padded ] pairs",
        "smile :) and :( here",
        "a list (\nacross lines)",
        "at 10 : 30 the score was 2 : 1, see John 3 : 16",
        "press the ? key, type a , between, the ; character",
        "see you ;) and ;( too",
        "Name      Age   Club\nSmith     31    Leeds",
        # Tables of two columns, a row's second gap before a sign, a label aligned after a colon.
        "Conservatives  365\nLabour         202\nLib Dems        11\n",
        "FTSE 100     7,512.3   +0.4%\r\nDow Jones   34,120.1   -0.2%\r\n",
        "1. Arsenal    45 pts\n2. Chelsea    40 pts",
        "Name:     John Smith",
        # Rows whose cells end in a full stop, and the header beside them.
        "Monday      Talks resume.\nTuesday     Vote expected.\nWednesday   Results due.\n",
        "Name:      John Smith\nAddress:   12 High St.\nCompany:   Acme Ltd.\n",
        "Party           Seats\nLabour          202 (est.)\nConservatives   365 (est.)\n",
    ],
)
def test_left_alone(text: str) -> None:
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert result.findings == ()


def test_two_spaces_between_words_on_lines_side_by_side_are_slips_not_a_table() -> None:
    for text in ("the  new government\nsaid  the minister\n", "costs  5 dollars\nand  more\n"):
        assert clean(text, select=FAMILY).text == text.replace("  ", " ")


@pytest.mark.parametrize(
    "piece",
    [
        "Labour Party      202\n",
        "Name:     John\n",
        "the  new law\n",
        "It was  52 to 48.\r\n",
        "a  b\rc  d\r",
    ],
)
def test_telling_tables_from_slips_takes_linear_time(piece: str) -> None:
    # Each line's start was found by searching the whole text before it for a CR.
    assert growth(repeated(piece), lambda text: clean(text, select=["repeated-spaces"])) < BOUND


def test_two_spaces_on_lines_that_end_sentences_are_slips_however_placed() -> None:
    text = "The vote was  52 to 48.\nIt passed  20 years ago.\n"
    assert clean(text, select=FAMILY).text == text.replace("  ", " ")


def test_french_copy_loses_the_space_before_a_comma_or_a_full_stop_only(runner) -> None:
    # Issue 11, item 16: --target fr no longer flagged a space before a comma or a full stop.
    text = "Il a dit , bien sûr ; non : jamais ! Pourquoi ? (oui ) .\n"
    fixed = clean(text, select=FAMILY, target="fr")
    assert fixed.text == "Il a dit, bien sûr ; non : jamais ! Pourquoi ? (oui).\n"
    assert {f.rule for f in fixed.findings} == {"space-before-punctuation"}


def test_french_check_flags_a_space_before_a_comma_and_a_full_stop(runner, tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Il a dit , bien sûr .\n", encoding="utf-8")
    done = runner.invoke(main, ["check", "--target", "fr", str(article)])
    assert done.exit_code == 1
    assert f"{article}:1:9: space-before-punctuation" in done.output
    assert f"{article}:1:20: space-before-punctuation" in done.output


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" ,.;:!?)](ab1é\n", max_size=120))
def test_a_text_of_marks_read_by_the_patterns_scan_finds_what_the_places_find(text: str) -> None:
    context = Context(select_rules(FAMILY))
    found = {}
    for dense in (10**9, 1):  # every text counted sparse, then every text counted dense
        with patch.object(spacing, "_DENSE", dense):
            found[dense] = list(spacing.find(text, context))
    assert found[1] == found[10**9]
