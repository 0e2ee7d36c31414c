"""Source-language leftovers inside English text, found as spans (preview rules).

Words are scored with wordfreq: a stretch of lowercase words that is far more
frequent in Italian, French, Spanish, German or Portuguese than in English is
reported with its language. Capitalised words are names: they never make a
stretch foreign, and a few lowercase words between two of them belong to the
name ("Corriere della Sera", "Ursula von der Leyen"). Nothing here is fixed: a
person decides.

>>> from cleanup import clean
>>> [(f.rule, f.message) for f in clean("the minister of the Repubblica said that non era possibile today",
...                                     select=["leftovers"]).findings]
[('source-phrase', "Italian left untranslated: 'non era possibile'")]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex
from babel import Locale

from cleanup.lang.frequencies import anchors, english_zipf, margin_in, margins
from cleanup.lang.sources import ELIDED_FORMS, KEPT_IN_ENGLISH, SOURCE_LANGUAGES
from cleanup.model import Example, Finding, Rule, Safety
from cleanup.passes.base import Context, Pass

SOURCE_PHRASE = Rule(
    id="source-phrase",
    family="leftovers",
    summary="A run of two or more source-language words left untranslated inside an English sentence.",
    why=(
        "Engines leave function-word phrases and short clauses they could not align "
        "('della Repubblica', 'del gobierno', 'non era possibile') in the source language."
    ),
    examples=(
        Example(
            "the minister said that non era possibile today", "the minister said that non era possibile today"
        ),
    ),
    fix_safety=(
        "Reported only, with the language: the right translation needs a person. Capitalised "
        "names, particles between names (Corriere della Sera, von der Leyen, da Vinci) and "
        "phrases English keeps (de facto, per se, status quo) are not reported. Preview: select "
        "it with --select leftovers."
    ),
    preview=True,
)

SOURCE_ELISION = Rule(
    id="source-elision",
    family="leftovers",
    summary="An elided Italian or French article, preposition or pronoun glued to a lowercase word.",
    why=(
        "Italian and French elide before a vowel ('dell’ambasciata', 'nell’ambito', 'qu’il', "
        "'l’accord'); English never does, so the form is always a leftover."
    ),
    examples=(
        Example("talks on the accordo nell’ambito of trade", "talks on the accordo nell’ambito of trade"),
    ),
    fix_safety=(
        "Reported only. Before a capital the form may be part of a name (d’Hondt, Côte d’Ivoire, "
        "O’Brien, L’Oréal) and is left to stray-elided-article. Preview."
    ),
    preview=True,
)

FOREIGN_SCRIPT = Rule(
    id="foreign-script",
    family="leftovers",
    summary="A run of another script (Cyrillic, Greek, Arabic, Hebrew, CJK, …) inside Latin-script English.",
    why="A quotation or name that the engine left in its original script.",
    examples=(Example("the channel Россия 24 reported", "the channel Россия 24 reported"),),
    fix_safety="Reported only: it may be a deliberate original spelling. Preview.",
    preview=True,
)

RULES = (SOURCE_PHRASE, SOURCE_ELISION, FOREIGN_SCRIPT)

_ELIDED_FORMS_PATTERN = "|".join(
    sorted({form for forms in ELIDED_FORMS.values() for form in forms.split()}, key=len, reverse=True)
)
# The form in any case, then a lowercase word (but not English "'s", "'d", "'m", "'t").
_ELIDED_FORM = regex.compile(
    rf"(?<![\p{{L}}'’])(?i:{_ELIDED_FORMS_PATTERN})['’](?:\p{{Ll}}{{2,}}|(?![sdmt])\p{{Ll}}(?!\p{{L}}))"
)
# Kept phrases with an elision in them ("coup d'état", "c'est la vie"), found in any case
# with either apostrophe, and with a space or a hyphen between the words ("coup-d'etat").
_KEPT_ELISIONS = regex.compile(
    "|".join(
        regex.escape(phrase).replace("'", "['’]").replace("\\ ", "[ -]")
        for phrase in sorted(KEPT_IN_ENGLISH)
        if "'" in phrase
    ),
    regex.IGNORECASE,
)
_ELIDED_LANGUAGES = {
    form: [language for language, forms in ELIDED_FORMS.items() if form in forms.split()]
    for form in {form for forms in ELIDED_FORMS.values() for form in forms.split()}
}
# Letters, with hyphens and apostrophes inside a word kept (compounds, possessives, elisions).
_WORD = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")
_PUNCTUATION_TO_SPACE = str.maketrans({mark: " " for mark in ".,;:!?\"“”‘’'()[]«»-–—/"})
# What may stand between two words of one phrase: spaces, a comma or a dash.
_JOINER = regex.compile(r"[ \t]{1,3}|, | [-–] ")
_FOREIGN_SCRIPT = regex.compile(
    r"[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Devanagari}]"
    r"(?:[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}"
    r"\p{Devanagari}\p{M} ]*[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Han}\p{Hiragana}\p{Katakana}"
    r"\p{Hangul}\p{Thai}\p{Devanagari}\p{M}])?"
)

STRONG = 1.5  # a phrase needs one word ≥ 30 times as frequent in the language as in English,
RARE_IN_ENGLISH = 3.0  # and rare in English (Zipf below 3: under one in a million words),
VERY_STRONG = 3.0  # or a thousand times as frequent in the language ("und", "mit", "del"),
MEAN = 1.0  # and its words ten times as frequent on average
TOLERATED = -0.5  # a word shared with English may sit inside a phrase,
LEANING = 0.5  # but two of its words must be three times as frequent in the language as in English


@cache
def _language_name(code: str) -> str:
    return Locale("en").languages.get(code, code)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    capital: bool


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(match.start(), match.end(), match.group().lower(), match.group()[0].isupper())
        for match in _WORD.finditer(text)
    ]


def _joined(text: str, left: _Token, right: _Token) -> bool:
    return _JOINER.fullmatch(text, left.end, right.start) is not None


def _stretches(text: str, tokens: list[_Token]) -> Iterator[list[int]]:
    """Indices of maximal runs of words joined by spaces only."""
    run: list[int] = []
    for index, token in enumerate(tokens):
        if run and not _joined(text, tokens[run[-1]], token):
            yield run
            run = []
        run.append(index)
    if run:
        yield run


def _best_phrase(tokens: list[_Token], run: list[int], column: int) -> tuple[int, int] | None:
    """The longest part of ``run`` that reads as the source language in ``column``: every word
    tolerated, both ends leaning, the mean margin high, and one word strongly of the language."""
    best: tuple[int, int] | None = None
    # Capitalised words are names: they may sit inside a phrase but never make it foreign.
    # (Letting a strongly foreign word lend its language to the capitalised word after it,
    # for "der Welt" or "della Repubblica", flagged names such as "Monte dei Paschi di Siena".)
    scores = [0.0 if tokens[i].capital else margins(tokens[i].word)[column] for i in run]
    start = 0
    while start < len(run):
        if scores[start] < TOLERATED:
            start += 1
            continue
        end = start
        while end + 1 < len(run) and scores[end + 1] >= TOLERATED:
            end += 1
        left, right = start, end
        while left <= right and scores[left] <= 0:
            left += 1
        while right >= left and scores[right] <= 0:
            right -= 1
        part = scores[left : right + 1]
        anchored = any(
            scores[i] >= VERY_STRONG
            or (scores[i] >= STRONG and english_zipf(tokens[run[i]].word) < RARE_IN_ENGLISH)
            for i in range(left, right + 1)
        )
        leaning_words = sum(margin >= LEANING for margin in part)
        reads_as_language = leaning_words >= 2 and anchored and sum(part) / len(part) >= MEAN
        if reads_as_language and (best is None or right - left > best[1] - best[0]):
            best = (left, right)
        start = end + 1
    return best


def _is_name(tokens: list[_Token], run: list[int], left: int, right: int) -> bool:
    """Words after a capitalised one whose lowercase words each touch a capitalised word belong
    to names or a title: "Corriere della Sera", "Ursula von der Leyen", "C del Fava, D dal Maso"."""
    if left == 0 or not tokens[run[left - 1]].capital:
        return False
    for position in range(left, right + 1):
        if tokens[run[position]].capital:
            continue
        neighbours = [run[p] for p in (position - 1, position + 1) if 0 <= p < len(run)]
        if not any(tokens[index].capital for index in neighbours):
            return False
    return True


def _phrases(text: str, tokens: list[_Token]) -> Iterator[Finding]:
    for run in _stretches(text, tokens):
        # Most stretches hold no word strongly of any source language: skip them cheaply.
        if len(run) < 2 or not any(
            not tokens[i].capital and max(margins(tokens[i].word)) >= STRONG for i in run
        ):
            continue
        found: tuple[str, int, int] | None = None
        for column, language in enumerate(SOURCE_LANGUAGES):
            span = _best_phrase(tokens, run, column)
            if span and (found is None or span[1] - span[0] > found[2] - found[1]):
                found = (language, span[0], span[1])
        if found is None:
            continue
        language, left, right = found
        first, last = run[left], run[right]
        start, end = tokens[first].start, tokens[last].end
        phrase = text[start:end]
        if phrase.lower() in KEPT_IN_ENGLISH:
            continue
        if _is_name(tokens, run, left, right):
            continue
        yield Finding(
            SOURCE_PHRASE.id,
            f"{_language_name(language)} left untranslated: {phrase!r}",
            start,
            end,
            None,
            Safety.DISPLAY,
        )


def _elisions(text: str) -> Iterator[Finding]:
    kept = [match.span() for match in _KEPT_ELISIONS.finditer(text)]
    for match in _ELIDED_FORM.finditer(text):
        if any(start <= match.start() < end for start, end in kept):
            continue
        form, word = regex.split(r"['’]", match.group().lower(), maxsplit=1)
        # A form both languages have ("l'", "d'") takes the language of the word it is glued to.
        language = max(_ELIDED_LANGUAGES[form], key=lambda code: margin_in(word, code))
        message = f"{_language_name(language)} elided form: {match.group()!r}"
        yield Finding(SOURCE_ELISION.id, message, *match.span(), None, Safety.DISPLAY)


def _may_hold_phrase(text: str) -> bool:
    """Whether any word of ``text`` could anchor a source-language phrase (a cheap first look)."""
    words = text.lower().translate(_PUNCTUATION_TO_SPACE).split()
    return not anchors(STRONG, VERY_STRONG, RARE_IN_ENGLISH).isdisjoint(words)


def _allowed_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Where the user's allowed terms occur in ``text``, in any case."""
    pattern = regex.compile(
        "|".join(regex.escape(term) for term in sorted(terms, key=len, reverse=True)), regex.I
    )
    return [match.span() for match in pattern.finditer(text)]


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report source-language phrases, elided forms and other scripts."""
    findings: list[Finding] = []
    if not text.isascii() and ctx.wants(FOREIGN_SCRIPT.id):
        for match in _FOREIGN_SCRIPT.finditer(text):
            message = f"text in another script: {match.group()!r}"
            findings.append(Finding(FOREIGN_SCRIPT.id, message, *match.span(), None, Safety.DISPLAY))
    if ctx.wants(SOURCE_ELISION.id) and ("'" in text or "’" in text):
        findings.extend(_elisions(text))
    if ctx.wants(SOURCE_PHRASE.id) and _may_hold_phrase(text):
        findings.extend(_phrases(text, _tokens(text)))
    if ctx.allowed and findings:
        allowed = _allowed_spans(text, ctx.allowed)
        findings = [f for f in findings if not any(start < f.end and f.start < end for start, end in allowed)]
    return iter(findings)


PASS = Pass(name="leftovers", rules=RULES, find=find)
