"""The alphabets that tell a right reading of a code page from a wrong one come from wordfreq."""

from __future__ import annotations

import pytest

from cleanup.lang.alphabets import ALPHABETS, alphabet, letters_in_use, script


@pytest.mark.parametrize("language", sorted(ALPHABETS))
def test_each_alphabet_is_what_wordfreq_gives(language: str) -> None:
    assert ALPHABETS[language] == letters_in_use(language)


def test_alphabets_are_of_one_script_each() -> None:
    for language in ALPHABETS:
        assert len({script(letter) for letter in alphabet(language)}) == 1, language


def test_romanian_is_also_written_with_cedillas_and_vietnamese_is_left_out() -> None:
    assert {"ș", "ş", "ț", "ţ"} <= alphabet("ro")
    assert "vi" not in ALPHABETS
