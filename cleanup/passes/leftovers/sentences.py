"""Whole sentences in another language, raised by word frequencies and confirmed by langdetect.

Word frequencies pick the sentences where most words lean to one source
language; langdetect, seeded so that every run gives the same answer, confirms
the language and gives its confidence. A sentence is named only in a source
language its words lean to: langdetect reads letters, not words, and names
languages no word of the sentence is of ("( x ) ( y )" is Somali to it).
langdetect is far too slow and too unsure on short text to run on every
sentence or on fragments (see bench/), so it only ever sees these few
candidates.

>>> from cleanup.lang.frequencies import frequencies_for
>>> text = "It rained. Il governo ha deciso di rinviare la riforma delle pensioni al prossimo anno."
>>> found = find(text, (11, len(text)), frequencies_for("en"), ("it", "fr", "es", "de", "pt"))
>>> found.rule, found.languages, found.detail
('source-sentence', ('it',), 'langdetect: 1.00')
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cleanup.lang.frequencies import Frequencies
from cleanup.passes.leftovers.candidates import Candidate
from cleanup.passes.leftovers.kept import inside, kept_spans
from cleanup.passes.leftovers.phrases import LEANING, name_particle
from cleanup.passes.leftovers.spans import tokens

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

SOURCE_SENTENCE = "source-sentence"

MIN_WORDS = 6  # shorter sentences are left to the phrase rule
SHARE = 0.5  # of the sentence's lowercase words leaning to one source language
CONFIDENCE = 0.8  # langdetect's probability for that language
SEED = 0


# langdetect's profiles of languages written in Latin script: other scripts are foreign-script's,
# and leaving them out saves two thirds of the profiles' memory (about 40 MB).
LATIN_SCRIPT_PROFILES = (
    "af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv sw tl tr vi".split()
)


@cache
def _factory() -> DetectorFactory:
    """langdetect's Latin-script profiles, loaded once per process, with a fixed seed (langdetect
    is imported here, when a sentence first needs it, which keeps it out of cleanup's start-up)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    folder = Path(PROFILES_DIRECTORY)
    factory.load_json_profile([(folder / code).read_text(encoding="utf-8") for code in LATIN_SCRIPT_PROFILES])
    factory.seed = SEED
    return factory


def confirm(sentence: str) -> tuple[str, float]:
    """langdetect's language for ``sentence`` and its probability (seeded: always the same).

    >>> confirm("Der Bundestag hat das Gesetz am Donnerstag mit großer Mehrheit beschlossen.")[0]
    'de'
    """
    detector = _factory().create()
    detector.append(sentence)
    best = detector.get_probabilities()[0]
    return best.lang, best.prob


def find(
    text: str, window: tuple[int, int], frequencies: Frequencies, languages: tuple[str, ...]
) -> Candidate | None:
    """The sentence ``text[window[0]:window[1]]`` as a leftover, if it is one."""
    every = tokens(text, *window)
    kept = kept_spans(text, *window, frequencies.target)
    # Lowercase words, but not the particles of names ("Monte dei Paschi di Siena") nor the words
    # of a phrase the copy's language keeps ("a crème brûlée served à la carte").
    words = [
        token
        for index, token in enumerate(every)
        if not token.capital
        and not name_particle(every, index, frequencies)
        and not inside(kept, token.start, token.end)
    ]
    if len(words) < MIN_WORDS:
        return None
    columns = [frequencies.sources.index(language) for language in languages]
    leaning = dict.fromkeys(languages, 0)
    # A letter alone is no evidence of a language: lists, labels and initials write them as often
    # ("( x ) ( y )", "y" leaning to Spanish).
    for token in words:
        if len(token.word) == 1:
            continue
        margins = frequencies.margins(token.word)
        for language, column in zip(languages, columns, strict=True):
            leaning[language] += margins[column] >= LEANING
    needed = SHARE * len(words)
    if max(leaning.values()) < needed:
        return None
    start, end = window
    sentence = text[start:end].strip()
    start = text.index(sentence, start)
    language, probability = confirm(sentence)
    if probability < CONFIDENCE or leaning.get(language, 0) < needed:
        return None
    detail = f"langdetect: {probability:.2f}"
    return Candidate(SOURCE_SENTENCE, start, start + len(sentence), (language,), detail=detail)
