"""Runs of another script inside Latin-script copy.

>>> [text for _, _, text in find("the channel Россия 24 reported")]
['Россия']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

FOREIGN_SCRIPT = "foreign-script"

_SCRIPTS = (
    r"\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}"
    r"\p{Devanagari}"
)
# Any character from Greek onwards that is not general punctuation, symbols or the like: a cheap
# first look that passes over typographic quotes, dashes and currency signs.
_BEYOND_LATIN = re.compile("[\u0370-\u1fff\u3040-\ud7ff\uf900-\ufaff\ufe70-\ufeff]")
_RUN = regex.compile(rf"[{_SCRIPTS}](?:[{_SCRIPTS}\p{{M}} ]*[{_SCRIPTS}\p{{M}}])?")


def find(text: str) -> Iterator[tuple[int, int, str]]:
    """Start, end and text of each run of another script."""
    if text.isascii() or _BEYOND_LATIN.search(text) is None:
        return
    for match in _RUN.finditer(text):
        yield match.start(), match.end(), match.group()
