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

import regex

from cleanup.model import Finding, GlossaryEntry, Safety
from cleanup.passes.leftovers.terms import Spans, Terms, whole
from cleanup.passes.tokens import starts_sentence

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
        """The translations, as written and in each case :func:`in_case_of` writes them; looked for
        only in a text that holds a term."""
        written = {entry.target for entry in self.entries}
        return Terms(
            sorted(written | {_capitalised(t) for t in written} | {t.upper() for t in written}), exact=True
        )

    def standing(self, text: str) -> Spans:
        """Where a translation of the glossary stands in ``text`` as a whole word."""
        return Spans(
            (start, end) for _, start, end in self.translations.everywhere(text) if whole(text, start, end)
        )


@cache
def _glossary(entries: tuple[GlossaryEntry, ...]) -> _Glossary:
    return _Glossary(entries)


def find(text: str, entries: tuple[GlossaryEntry, ...], target: str = "en") -> Iterator[Finding]:
    """Every glossary term in ``text``, copy in ``target``, in any case, as a whole word, with its
    translation; not where a translation of the glossary stands over it."""
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
        translation = in_case_of(term, entry.source, entry.target)
        message = f"glossary: {term!r} → {translation!r}"
        safety = entry.safety
        doubt = _case_doubt(text, start, end, entry.source, target)
        if doubt is not None:
            message += f" ({doubt})"
            safety = Safety.UNSAFE if safety is Safety.SAFE else safety
        yield Finding(GLOSSARY_TERM, message, start, end, translation, safety)


def in_case_of(found: str, term: str, translation: str) -> str:
    """``translation`` in the case ``found`` is written in, where the glossary writes its ``term``
    otherwise: in capitals for a term in capitals, with a capital first for a capitalised one.

    >>> in_case_of("Fornitori", "fornitori", "suppliers"), in_case_of("FORNITORI", "fornitori", "suppliers")
    ('Suppliers', 'SUPPLIERS')
    >>> in_case_of("casa bianca", "Casa Bianca", "White House")
    'White House'
    """
    if found == term:
        return translation
    if found.isupper() and sum(map(str.isalpha, found)) > 1 and not term.isupper():
        return translation.upper()
    if found[:1].isupper() and term[:1].islower():
        return _capitalised(translation)
    return translation


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _case_doubt(text: str, start: int, end: int, term: str, target: str = "en") -> str | None:
    """Why the term found at ``start:end``, written otherwise than the glossary's ``term``, may be
    another word, if it may: a lowercase term capitalised in mid-sentence, as a word of a name is
    ("the Casa Bianca" for "casa"); one in capitals among lowercase words, as an acronym is ("the
    CASA" for "casa"); a capitalised term written in lowercase, an everyday word ("his camera"
    for "Camera").

    >>> _case_doubt("The CASA was sold", 4, 8, "casa"), _case_doubt("CASA STRIKE", 0, 4, "casa")
    ('in capitals among lowercase words: it may be an acronym', None)
    """
    found = text[start:end]
    if found == term or not term[:1].isalpha():
        return None
    if found.isupper() and not term.isupper() and len(found) > 1:
        before = _WORD_BEFORE.search(text, max(0, start - _AROUND), start)
        after = _WORD_AFTER.search(text, end, min(len(text), end + _AROUND))
        neighbours = [match.group() for match in (before, after) if match]
        if neighbours and not any(word.isupper() for word in neighbours):
            return "in capitals among lowercase words: it may be an acronym"
        return None
    if found[:1].isupper() and term[:1].islower() and not starts_sentence(text, start):
        return "capitalised in mid-sentence: it may be part of a name"
    if found[:1].islower() and term[:1].isupper() and _everyday(found, target):
        return "in lowercase where the glossary writes a name: it may be an everyday word"
    return None


def _everyday(words: str, target: str) -> bool:
    """Whether each of ``words`` is an everyday word of ``target`` ("camera" in English; not
    "casa bianca")."""
    from cleanup.lang.frequencies import zipf_table  # wordfreq is imported when first needed

    zipf = zipf_table(target)
    return all(zipf.get(word, 0.0) >= _EVERYDAY for word in words.lower().split())


# The words next to a term in capitals, which say whether its text is in capitals too.
_WORD_BEFORE = regex.compile(r"(?r)\p{L}{2,}")
_WORD_AFTER = regex.compile(r"\p{L}{2,}")
_AROUND = 30  # characters read on either side of a term in capitals
_EVERYDAY = 4.0  # Zipf value of an everyday word (wordfreq): English "camera" 4.9, "casa" 3.5
