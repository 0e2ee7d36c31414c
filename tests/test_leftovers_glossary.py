"""The glossary's fixes are made once (issue 11, item 8): an entry whose translation holds its own
term is not applied again to its own output, a chain of entries does not carry a term past its
translation, and fixing the fixed text changes nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup.cli import main
from cleanup.model import GlossaryEntry, Safety

SAFE = Safety.SAFE


def test_a_translation_holding_its_term_is_applied_once() -> None:
    entries = [GlossaryEntry("Casa", "Casa Bianca", SAFE)]
    result = clean("a note from the Casa.", glossary=entries)
    assert result.text == "a note from the Casa Bianca."
    assert [(f.rule, f.start, f.end, f.replacement) for f in result.findings] == [
        ("glossary-term", 16, 20, "Casa Bianca")
    ]


def test_a_translation_already_standing_is_left() -> None:
    entries = [GlossaryEntry("Casa", "Casa Bianca", SAFE)]
    result = clean("la Casa Bianca e la Casa", glossary=entries)
    assert result.text == "la Casa Bianca e la Casa Bianca"


def test_a_chain_of_entries_does_not_carry_a_term_past_its_translation() -> None:
    # "A" is translated "B"; "B", a translation of the glossary, is not turned into "C" (that would
    # be a second translation of "A", over rounds or over runs).
    for entries in (
        [GlossaryEntry("A", "B", SAFE), GlossaryEntry("B", "C", SAFE)],
        [GlossaryEntry("B", "C", SAFE), GlossaryEntry("A", "B", SAFE)],
    ):
        assert clean("A met B.", glossary=entries).text == "B met B."


def test_a_translation_that_makes_another_term_is_not_translated_again() -> None:
    entries = [GlossaryEntry("X", "New", SAFE), GlossaryEntry("New York", "NY", SAFE)]
    assert clean("X York said", glossary=entries).text == "New York said"


def test_a_translation_takes_the_case_the_term_is_written_in() -> None:
    entries = [GlossaryEntry("fornitori", "suppliers", SAFE)]
    result = clean("Fornitori were late. The fornitori agreed. FORNITORI STRIKE.", glossary=entries)
    assert result.text == "Suppliers were late. The suppliers agreed. SUPPLIERS STRIKE."
    assert [f.safety for f in result.findings] == ["safe"] * 3


def test_a_term_whose_case_says_it_may_be_another_word_is_only_suggested() -> None:
    # An acronym among lowercase words; an everyday word where the glossary writes a name.
    casa = clean("The CASA was sold. CASA STRIKE.", glossary=[GlossaryEntry("casa", "house", SAFE)])
    assert casa.text == "The CASA was sold. HOUSE STRIKE."
    assert [f.safety for f in casa.findings] == ["unsafe", "safe"]
    camera = clean("He lost his camera in the Camera.", glossary=[GlossaryEntry("Camera", "Chamber", SAFE)])
    assert camera.text == "He lost his camera in the Chamber."
    assert [f.safety for f in camera.findings] == ["unsafe", "safe"]
    # A name of words English does not use every day is the name, whatever its case.
    bianca = clean("the casa bianca said", glossary=[GlossaryEntry("Casa Bianca", "White House", SAFE)])
    assert bianca.text == "the White House said"


def test_a_lowercase_term_capitalised_in_mid_sentence_is_only_suggested() -> None:
    # "casa" in "the Casa Bianca" is a word of a name, not the noun the glossary translates.
    entries = [GlossaryEntry("casa", "house", SAFE)]
    result = clean("The Casa Bianca said. Casa prices rose.", glossary=entries)
    assert result.text == "The Casa Bianca said. House prices rose."
    assert [(f.replacement, f.safety) for f in result.findings] == [("House", "unsafe"), ("House", "safe")]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("a note from the Casa.", [("Casa", "Casa Bianca")]),
        ("A met B, then C.", [("A", "B"), ("B", "C"), ("C", "A")]),
        ("the casa bianca and the Casa", [("Casa Bianca", "White House"), ("Casa", "House of Casa")]),
        ("X York and New", [("X", "New"), ("New York", "NY"), ("New", "Newer")]),
        ("CASA and Casa. casa", [("casa", "casa bianca")]),
    ],
)
def test_fixing_the_fixed_text_changes_nothing(text: str, entries: list[tuple[str, str]]) -> None:
    glossary = [GlossaryEntry(source, target, SAFE) for source, target in entries]
    fixed = clean(text, glossary=glossary).text
    assert clean(fixed, glossary=glossary).text == fixed


def test_glossary_once_through_the_command_line(tmp_path) -> None:
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("Casa\tCasa Bianca\tsafe\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("A note from the Casa.\n", encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(main, ["fix", "--in-place", "--glossary", str(glossary), str(article)])
    assert done.exit_code == 0
    assert article.read_text(encoding="utf-8") == "A note from the Casa Bianca.\n"
    again = runner.invoke(main, ["fix", "--in-place", "--glossary", str(glossary), str(article)])
    assert again.exit_code == 0
    assert article.read_text(encoding="utf-8") == "A note from the Casa Bianca.\n"
