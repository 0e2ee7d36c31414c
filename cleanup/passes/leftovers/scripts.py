"""Runs of another script inside Latin-script copy.

>>> [text for _, _, text in find("the channel Россия 24 reported")]
['Россия']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanup.passes.tokens import utf8

FOREIGN_SCRIPT = "foreign-script"

_SCRIPTS = (
    r"\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}"
    r"\p{Devanagari}"
)
# The first bytes, in UTF-8, of characters from U+0340 to U+1FFF and from U+3000 to U+FFFF (the
# scripts above and a few neighbours): a first look at C speed that passes over typographic quotes,
# dashes and currency signs (U+2000 to U+2BFF).
_LEAD_BYTES = bytes([*range(0xCD, 0xE2), *range(0xE3, 0xF0)])
_OTHER_BYTES = bytes(byte for byte in range(256) if byte not in _LEAD_BYTES)
_RUN = regex.compile(rf"[{_SCRIPTS}](?:[{_SCRIPTS}\p{{M}} ]*[{_SCRIPTS}\p{{M}}])?")


def find(text: str) -> Iterator[tuple[int, int, str]]:
    """Start, end and text of each run of another script."""
    if text.isascii() or not utf8(text).translate(None, _OTHER_BYTES):
        return
    for match in _RUN.finditer(text):
        yield match.start(), match.end(), match.group()


def triggers() -> tuple[bytes, ...]:
    """The first bytes :func:`find` first looks for, each a sequence for the shared first look."""
    return tuple(bytes([lead]) for lead in _LEAD_BYTES)
