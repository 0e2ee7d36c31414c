"""File names as text output shows them: as they are, or quoted when a terminal would act on them.

A name can hold anything but ``/`` and NUL: escape sequences, a newline, bidirectional overrides,
bytes that are not UTF-8. Printed raw, such a name would recolour or rewrite the terminal, split a
``PATH:LINE:COL`` line in two, or show its letters in another order. :func:`shown_path` leaves an
ordinary name alone and quotes any other the way git and GNU diff do, which GNU patch reads back:

>>> print(shown_path("news/Zürich report.txt"))
news/Zürich report.txt
>>> print(shown_path("news/\\x1b[2Jbad\\nname.txt"))
"news/\\033[2Jbad\\nname.txt"
>>> print(shown_path("invoice\\u202etxt.exe"))
"invoice\\342\\200\\256txt.exe"
>>> print(shown_path("caf\\udce9.txt"))  # the byte 0xE9 of a Latin-1 name, as Python reads it
"caf\\351.txt"

A space that begins or ends the name is quoted too: it would be lost at the end of a line, and
``patch`` drops it from a diff header.

JSON output keeps the real name (``json`` escapes it).
"""

from __future__ import annotations

import regex

# Control characters, format characters (bidirectional controls, zero widths), line and paragraph
# separators, the surrogates Python reads undecodable bytes as, and the quote and escape characters.
_QUOTED = regex.compile(r'[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}"\\]')
_NAMED = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r"}
_NAMED |= {'"': '\\"', "\\": "\\\\"}


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    try:
        data = char.encode("utf-8", "surrogateescape")  # an undecodable byte: that byte
    except UnicodeEncodeError:
        data = char.encode("utf-8", "surrogatepass")
    return "".join(f"\\{byte:03o}" for byte in data)


def shown_path(path: str) -> str:
    """``path`` safe to print: unchanged when it holds nothing a terminal acts on, else in double
    quotes with C escapes (``\\n``, ``\\"``, ``\\\\``, and octal bytes for the rest), on one line.

    >>> shown_path(" lead.txt"), shown_path("a b.txt")
    ('" lead.txt"', 'a b.txt')
    """
    if not _QUOTED.search(path) and path.strip(" ") == path:
        return path
    return '"' + _QUOTED.sub(lambda match: _escape(match[0]), path) + '"'
