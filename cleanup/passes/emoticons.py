"""Emoticons, which no rule changes: their colon, semicolon and brackets are not punctuation.

Eyes (``:``, ``;`` or ``=``), maybe a tear or a nose (``'``, ``-``, ``^``), then a mouth: a
bracket, a letter (``D``, ``P``, ``O``) that no letter follows, ``/`` that starts no ``//``, ``|``,
``*`` or a backslash. A bracket or a capital ``D`` or ``P`` may stand one space from its eyes
(``: D``, ``: P``, ``: )``) when no letter or digit follows it.

>>> text = "great :-( In the end : D and fun;) but 10:30 and https://example.org"
>>> [at for at, mark in enumerate(text) if mark in ":;" and starts_emoticon(text, at)] == [
...     text.index(":-("), text.index(": D"), text.index(";)")]
True
>>> ends_emoticon(text, text.index("( In") + 1)
True
>>> starts_emoticon("see: (a) and (b)", 3), starts_emoticon("http://x", 4)
(False, False)
"""

from __future__ import annotations

import regex

_EMOTICON = regex.compile(
    r"(?<![:;=])[:;=][-'^]?(?:[()\[\]|*\\]|/(?!/)|[DPpOo](?![\p{L}\p{N}]))"
    r"|(?<![:;=])[:;] [DP()](?![\p{L}\p{N}])"
)
_LONGEST = 3  # characters in the longest emoticon


def starts_emoticon(text: str, index: int) -> bool:
    """Whether an emoticon starts at ``index``."""
    return _EMOTICON.match(text, index) is not None


def ends_emoticon(text: str, end: int) -> bool:
    """Whether an emoticon ends just before ``end``."""
    for start in range(max(0, end - _LONGEST), end):
        match = _EMOTICON.match(text, start)
        if match is not None and match.end() == end:
            return True
    return False
