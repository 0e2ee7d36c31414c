"""What a line must hold for ftfy to find mojibake in it: the first look's triggers of the encoding
pass.

ftfy repairs a text's encoding only where its badness heuristic (``ftfy.badness``) matches: a
character of its categories next to another that mojibake makes (``é`` before ``¤``, ``Ã`` before
``©``). Each alternative of that heuristic holds a character that clean copy hardly writes: a C1
control, a "bad" sign, a capital with an accent, a box-drawing character, a numeric or legal
sign, a capital with an accent, a Greek or Cyrillic letter … except where it is made only of the
typography of edited copy (curly quotes, guillemets, £, €, the bullet) and lowercase accented
letters: those pairs and triples are listed as they are (``é”“``, ``é€``, ``£é``).
``tests/test_mojibake_signs.py`` checks every string of up to three characters that are no sign
by themselves (the heuristic's longer alternatives each hold one), and text drawn from every
category: ftfy never finds mojibake where none of these stands. A capitalised accented name
(``Éric``) is a sign; a lowercase one (``café``, ``Zürich``) is not.

>>> signs = mojibake_signs("\u00a0«»–—‘’“”…•€£°")
>>> "Ã" in signs, "é" in signs, "é€" in signs, "€" in signs
(True, False, True, False)
"""

from __future__ import annotations

from functools import cache
from itertools import product

from ftfy.badness import MOJIBAKE_CATEGORIES


def _characters(category: str) -> frozenset[str]:
    """The characters of one of ftfy's categories, written as the inside of a character class."""
    spec = MOJIBAKE_CATEGORIES[category]
    found: set[str] = set()
    index = 0
    while index < len(spec):
        if index + 2 < len(spec) and spec[index + 1] == "-":
            found.update(chr(code) for code in range(ord(spec[index]), ord(spec[index + 2]) + 1))
            index += 3
        else:
            found.add(spec[index])
            index += 1
    return frozenset(found)


@cache
def mojibake_signs(typography: str) -> frozenset[str]:
    """The characters, pairs and triples of which ftfy's badness heuristic needs one, for copy whose
    ``typography`` is no sign by itself."""
    (
        lower_accented,
        upper_accented,
        start,
        end,
        currency,
        numeric,
        box,
        kaomoji,
    ) = (
        _characters(name)
        for name in (
            "lower_accented",
            "upper_accented",
            "start_punctuation",
            "end_punctuation",
            "currency",
            "numeric",
            "box",
            "kaomoji",
        )
    )
    kept = frozenset(typography)
    alone = (
        _characters("c1")
        | _characters("bad")
        | _characters("law")
        | _characters("lower_common")
        | _characters("upper_common")
        | upper_accented
        | box
        | numeric
        | start
        | end
        | currency
        | {character for character in kaomoji if character.isupper()}
        | {"œ", "Œ"}  # a ligature before what is not a letter
    ) - kept
    lower = lower_accented | (kaomoji - alone)  # what else a sign may stand next to
    typographic_start, typographic_end, typographic_currency = start & kept, end & kept, currency & kept
    pairs = {
        *product(typographic_end | typographic_currency, lower),  # "”é", "£é"
        *product(lower | typographic_end, typographic_currency),  # "é€", "”£"
        *product(typographic_currency, typographic_start),  # "€“"
        *product(lower, typographic_start | typographic_end),  # "é“", "é”"
    }
    triples = product(lower | typographic_currency, typographic_end, typographic_start)  # "é”“"
    return frozenset(alone) | {"".join(pair) for pair in pairs} | {"".join(triple) for triple in triples}
