"""The newsroom's own leftovers, from its glossary, replaced by its own translations.

>>> from cleanup.model import GlossaryEntry, Safety
>>> entries = (GlossaryEntry("Casa Bianca", "White House", Safety.SAFE),)
>>> [(f.replacement, str(f.safety)) for f in find("a statement from the Casa Bianca said", entries)]
[('White House', 'safe')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cleanup.model import Finding, GlossaryEntry

GLOSSARY_TERM = "glossary-term"


@cache
def _pattern(entries: tuple[GlossaryEntry, ...]) -> tuple[re.Pattern[str], dict[str, GlossaryEntry]]:
    by_term = {entry.source.casefold(): entry for entry in entries}
    alternatives = "|".join(
        re.escape(entry.source) for entry in sorted(entries, key=lambda e: -len(e.source))
    )
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.IGNORECASE), by_term


def find(text: str, entries: tuple[GlossaryEntry, ...]) -> Iterator[Finding]:
    """Every glossary term in ``text``, in any case, as a whole word, with its translation."""
    if not entries:
        return
    pattern, by_term = _pattern(entries)
    for match in pattern.finditer(text):
        entry = by_term[match.group().casefold()]
        if match.group() == entry.target:
            continue
        message = f"glossary: {match.group()!r} → {entry.target!r}"
        yield Finding(GLOSSARY_TERM, message, match.start(), match.end(), entry.target, entry.safety)
