"""Common nouns of a language that writes them with a capital (German), told from names.

German capitalises every noun, so a capitalised word left in English copy may be an untranslated
noun ("the Torjäger rating") or a name that English copy keeps ("the Meuthen troops", "in
Freital"); capitals and word frequencies cannot tell them apart (both are rare in English and
common in German news). Wiktionary's German nouns can, through the ``german-nouns`` package (CC
BY-SA): every form of about 100,000 common nouns ("Länder" is a form of "Land"), and apart from
them places, given names and family names. A word Wiktionary knows as a common noun, or a compound
ending in one ("Masseninfektion"), is a noun; a word it knows only as a name, or a compound ending
in a part that forms names of places and streets ("-hausen", "-straße"), is a name; any other word
("Meuthen", "Höcke") is not known as a noun, which is what a reader of the copy can tell too.

>>> kind_of("torjäger"), kind_of("länder"), kind_of("masseninfektion"), kind_of("bundesstrasse")
('noun', 'noun', 'noun', 'noun')
>>> kind_of("freital"), kind_of("aidenbachstrasse"), kind_of("sankt-jakobus-gymnasium")
('name', 'name', 'name')
>>> kind_of("meuthen") is None
True

The lists are read on first use (about 0.6 s) and kept as 8-byte fingerprints (about 2 MB).
"""

from __future__ import annotations

import csv
from array import array
from functools import cache
from importlib import resources

from cleanup.lang import diskcache
from cleanup.lang.name_shapes import NAME_ENDINGS
from cleanup.lang.wordlists import WordSet, fingerprint

NOUN, NAME = "noun", "name"

# Wiktionary's parts of speech that make an entry a name rather than a common noun.
_NAME_KINDS = frozenset({"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"})
_FIRST_FORM = 7  # the CSV's columns from here on are the inflected forms

_SHORTEST_HEAD = 3  # letters before the last part of a compound
_SHORTEST_TAIL = 4  # letters of a last part that makes a compound a noun ("Heim", "Fall")
_LONGEST_TAIL = 30  # letters of the longest last part looked for, so that a word costs a bounded time


@cache
def _lexicon() -> tuple[WordSet, WordSet]:
    """Wiktionary's German common nouns and names, every form case-folded, as fingerprints (read
    straight into arrays: the forms as strings would take some 30 MB), from the disk cache when it
    holds them."""
    nouns = diskcache.keys("german-nouns", lambda: _read()[0])
    names = diskcache.keys("german-names", lambda: _read()[1])
    return WordSet(nouns), WordSet(names)


@cache
def _read() -> tuple[array, array]:
    """The fingerprints of the nouns and of the names, read from ``german-nouns``' list, sorted."""
    nouns, names = array("Q"), array("Q")
    source = resources.files("german_nouns") / "nouns.csv"
    with source.open(encoding="utf-8", newline="") as stream:
        rows = csv.reader(stream)
        next(rows)
        for row in rows:
            forms = {form.casefold() for form in row[_FIRST_FORM:] if form and " " not in form}
            forms.add(row[0].casefold())
            keys = names if _NAME_KINDS.intersection(row[1].split(",")) else nouns
            keys.extend(fingerprint(form) for form in forms)
    return array("Q", sorted(set(nouns))), array("Q", sorted(set(names)))


def kind_of(word: str) -> str | None:
    """Whether a case-folded German word is a common noun (``"noun"``), a name (``"name"``), or
    neither as far as Wiktionary knows (``None``)."""
    nouns, names = _lexicon()
    if word in nouns:
        return NOUN
    if word in names:
        return NAME
    parts = word.split("-")
    if len(parts) > 1:
        if any(part in names for part in parts[:-1]):
            return NAME  # a street, school or foundation named after someone: "Konrad-Adenauer-Straße"
        return kind_of(parts[-1]) if parts[-1] else None
    # The longest noun the word ends in ("Netzausbau": "ausbau"), no longer than a noun can be.
    tail = next(
        (
            word[start:]
            for start in range(max(_SHORTEST_HEAD, len(word) - _LONGEST_TAIL), len(word) - _SHORTEST_TAIL + 1)
            if word[start:] in nouns
        ),
        "",
    )
    ending = max((ending for ending in NAME_ENDINGS if word.endswith(ending)), key=len, default="")
    # A place's ending is a noun too ("Düsseldorf", "Mannheim"): a name unless a longer noun ends
    # the word ("Waldfriedhof", "Pflegeheim" against "-hof", "-heim").
    if ending and len(tail) <= len(ending):
        return NAME
    return NOUN if tail else None


def common_noun(word: str) -> bool:
    """Whether a case-folded German word is a common noun or a compound ending in one.

    >>> common_noun("einfluss"), common_noun("höcke"), common_noun("calw")
    (True, False, False)
    >>> common_noun("netzausbau"), common_noun("waldfriedhof"), common_noun("düsseldorf")
    (True, True, False)
    """
    return kind_of(word) == NOUN
