"""Quotation-mark conventions: the mark that opens a quotation, the marks that may close it, and
which conventions are another language's in copy of each target language.

The same mark means different things in different languages: ``»`` closes a French quotation and
opens a German or Danish one, ``“`` opens an English quotation and closes a German one. Which way a
mark works in a given place is read from its neighbours (:mod:`cleanup.passes.conventions.pairing`);
these tables say which readings exist.

>>> CONVENTIONS["reversed_guillemets"].closing
'«»'
>>> sorted(FOREIGN["de"])
['guillemets', 'single_guillemets']
>>> sorted(OPENERS_CLOSED_BY["”"])
['“', '„']
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanup.lang.profiles import NARROW_NBSP, NBSP


@dataclass(frozen=True, slots=True)
class Convention:
    """One way of writing a quotation."""

    opening: str  # the mark that opens it
    closing: str  # the marks that may close it
    inner: bool  # single marks, written for a quotation inside another one
    apostrophe: bool = False  # its marks double as apostrophes: they pair, but never decide anything


CONVENTIONS = {
    "guillemets": Convention("«", "»", inner=False),  # French, Italian, Spanish, Portuguese «…»
    "reversed_guillemets": Convention("»", "«»", inner=False),  # German, Danish »…«; Swedish, Finnish »…»
    "low_high": Convention("„", "“”", inner=False),  # German „…“; Polish, Hungarian, Romanian „…”
    "english": Convention("“", "”", inner=False),
    "straight": Convention('"', '"', inner=False),
    "single_guillemets": Convention("‹", "›", inner=True),  # French ‹…›
    "reversed_single_guillemets": Convention("›", "‹›", inner=True),  # German ›…‹
    "low_high_single": Convention("‚", "‘’", inner=True),  # German ‚…‘
    "english_single": Convention("‘", "’", inner=True, apostrophe=True),
}

# The conventions that are another language's in copy of each target language: those turned into
# the copy's own. The rest are the copy's own, or left as the writer chose.
_GERMAN_AND_NORDIC = frozenset(
    {"reversed_guillemets", "low_high", "reversed_single_guillemets", "low_high_single"}
)
_GUILLEMETS = frozenset({"guillemets", "single_guillemets"})
# Portuguese copy keeps «…», Portugal's own (Brazil writes “…”); German copy takes „…“ for them,
# which a Swiss newsroom, whose «…» they are, sets apart in its house style (quotes).
FOREIGN = {
    "en": _GUILLEMETS | _GERMAN_AND_NORDIC,
    "pt": _GERMAN_AND_NORDIC,
    "fr": _GERMAN_AND_NORDIC,
    "it": _GERMAN_AND_NORDIC,
    "es": _GERMAN_AND_NORDIC,
    "de": _GUILLEMETS,
}

CONVENTION_OPENED_BY = {convention.opening: name for name, convention in CONVENTIONS.items()}
OPENERS_CLOSED_BY = {
    mark: frozenset(c.opening for c in CONVENTIONS.values() if mark in c.closing)
    for mark in {mark for c in CONVENTIONS.values() for mark in c.closing}
}
QUOTATION_MARKS = "".join(sorted(set(CONVENTION_OPENED_BY) | set(OPENERS_CLOSED_BY)))
APOSTROPHES = frozenset(mark for c in CONVENTIONS.values() if c.apostrophe for mark in c.opening + c.closing)

# French sets a space inside guillemets: « non ». Only these marks, in this orientation, may stand
# apart from the quotation they open or close.
SPACED_OPENERS = "«‹"
SPACED_CLOSERS = "»›"
THIN_SPACE = "\u2009"
SPACES_INSIDE = frozenset(f" {NBSP}{NARROW_NBSP}{THIN_SPACE}")

# Words a page's navigation writes beside a guillemet used as an arrow ("« Older entries",
# "Next story »", "‹ Prev"), in the languages cleanup reads, those that lead back and those that
# lead on: a pair of marks with one of them on the arrow's side, across a space, and a word of the
# other way or a separator of links between them, is no quotation.
NAVIGATION_BACK = frozenset(
    """
    previous prev older back first home earlier
    précédent précédente retour accueil precedente indietro anterior atrás inicio zurück vorherige
    """.split()
)
NAVIGATION_ON = frozenset(
    """
    next newer forward more last later
    suivant suivante successivo successiva avanti siguiente próximo próxima weiter nächste
    """.split()
)
NAVIGATION_WORDS = NAVIGATION_BACK | NAVIGATION_ON
