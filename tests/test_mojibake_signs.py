"""What ftfy needs to see mojibake (:mod:`cleanup.passes.mojibake_signs`): wherever its badness
heuristic matches, one of the signs stands."""

from __future__ import annotations

from itertools import product

from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup.passes.encoding import _TYPOGRAPHY
from cleanup.passes.mojibake_signs import _characters, mojibake_signs

SIGNS = mojibake_signs(_TYPOGRAPHY)
_EVERY = sorted(set().union(*(_characters(name) for name in MOJIBAKE_CATEGORIES)) | set(_TYPOGRAPHY))
# What is no sign by itself: lowercase accented letters, edited copy's typography, and the ASCII
# the heuristic reads around them (a letter, a digit, a space, a mark, an underscore).
_QUIET = sorted({character for character in _EVERY if character not in SIGNS} | set("aZ0 ._"))


def _signed(text: str) -> bool:
    return any(sign in text for sign in SIGNS)


def test_every_string_of_three_quiet_characters_is_bad_only_with_a_sign() -> None:
    # The heuristic's alternatives made of quiet characters are at most three long: all of them.
    assert len(_QUIET) > 80
    unsigned_bad = [
        "".join(chosen)
        for size in (1, 2, 3)
        for chosen in product(_QUIET, repeat=size)
        if is_bad("".join(chosen)) and not _signed("".join(chosen))
    ]
    assert unsigned_bad == []


def test_typography_and_lowercase_accents_are_no_sign() -> None:
    for clean_copy in ("“Müller’s café,” he said – for £5…", "«à Zürich» • naïve, 20°C"):
        assert not _signed(clean_copy), clean_copy
    # Mojibake, and what the heuristic reads as one: a capital with an accent, a quotation mark
    # between an accented letter and a word.
    for signed in ("Khameneiâ€™s", "cafÃ©", "é”“", "Éric", "café”s"):
        assert _signed(signed), signed


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_EVERY + list("abcXYZ019 .,;_\n")), max_size=12))
def test_a_bad_text_holds_a_sign(text: str) -> None:
    if is_bad(text):
        assert _signed(text)
