"""The newsroom's own leftovers, from its glossary, replaced by its own translations.

>>> from cleanup.model import GlossaryEntry, Safety
>>> entries = (GlossaryEntry("Casa Bianca", "White House", Safety.SAFE),)
>>> [(f.replacement, str(f.safety)) for f in find("a statement from the Casa Bianca said", entries)]
[('White House', 'safe')]

A term is left where a translation of the glossary already stands over it, so
that the glossary's fixes are made once: fixing the fixed text changes nothing.
An entry whose translation holds its own term is not applied again to its own
translation, and a chain of entries does not carry a term past its translation:

>>> entries = (GlossaryEntry("Casa", "Casa Bianca", Safety.SAFE),)
>>> [f.replacement for f in find("la Casa e la Casa Bianca", entries)]
['Casa Bianca']
>>> chain = (GlossaryEntry("A", "B", Safety.SAFE), GlossaryEntry("B", "C", Safety.SAFE))
>>> [(f.start, f.replacement) for f in find("A then B", chain)]
[(0, 'B')]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, cached_property

from cleanup.model import Finding, GlossaryEntry
from cleanup.passes.leftovers.terms import Spans, Terms, whole

GLOSSARY_TERM = "glossary-term"


class _Glossary:
    """A glossary ready to be searched: its terms, in any case, and its translations as written."""

    def __init__(self, entries: tuple[GlossaryEntry, ...]) -> None:
        self.entries = entries
        # The last entry of a term written in several cases is the one applied.
        self.by_term = {entry.source.casefold(): entry for entry in entries}
        self.terms = Terms(entry.source for entry in entries)

    @cached_property
    def translations(self) -> Terms:
        """The translations, as written; looked for only in a text that holds a term."""
        return Terms((entry.target for entry in self.entries), exact=True)

    def standing(self, text: str) -> Spans:
        """Where a translation of the glossary stands in ``text`` as a whole word."""
        return Spans(
            (start, end) for _, start, end in self.translations.everywhere(text) if whole(text, start, end)
        )


@cache
def _glossary(entries: tuple[GlossaryEntry, ...]) -> _Glossary:
    return _Glossary(entries)


def find(text: str, entries: tuple[GlossaryEntry, ...]) -> Iterator[Finding]:
    """Every glossary term in ``text``, in any case, as a whole word, with its translation; not
    where a translation of the glossary stands over it."""
    if not entries:
        return
    glossary = _glossary(entries)
    found = glossary.terms.whole_words(text)
    if not found:
        return
    standing = glossary.standing(text)
    for index, start, end in found:
        if standing.overlaps(start, end):
            continue
        term = text[start:end]
        entry = glossary.by_term.get(term.casefold(), glossary.entries[index])
        message = f"glossary: {term!r} → {entry.target!r}"
        yield Finding(GLOSSARY_TERM, message, start, end, entry.target, entry.safety)
