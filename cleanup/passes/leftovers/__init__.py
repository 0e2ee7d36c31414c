"""Source-language leftovers inside the copy, found as spans and named with their language.

Whole sentences, phrases, single words, elided forms and runs of another script.
Words are scored with wordfreq against the copy's language (English by default,
``--target`` for another); only the sentences around a word that could anchor a
leftover are looked at, so copy with none costs one quick scan. Without
``--source`` hints the document's source language is inferred from the
leftovers found, and the findings say so.

>>> from cleanup import clean
>>> text = "the minister said that non era possibile today"
>>> [(f.rule, f.message) for f in clean(text, select=["leftovers"]).findings]
[('source-phrase', "Italian left untranslated: 'non era possibile' (source language inferred)")]
>>> [f.message for f in clean(text, select=["leftovers"], sources=["it"]).findings]
["Italian left untranslated: 'non era possibile'"]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from cleanup.lang.en import LOWERCASE_NAMES
from cleanup.lang.frequencies import frequencies_for
from cleanup.lang.names import language_name
from cleanup.lang.profiles import Profile
from cleanup.lang.sources import sources_for
from cleanup.model import Finding, Safety
from cleanup.passes.base import Context, Pass
from cleanup.passes.leftovers import copied, elisions, glossary, names, openings, phrases, scripts, sentences
from cleanup.passes.leftovers.candidates import Candidate
from cleanup.passes.leftovers.catalogue import (
    FOREIGN_SCRIPT,
    GLOSSARY_TERM,
    LANGUAGE_RULES,
    RULES,
    SOURCE_COPY,
    SOURCE_ELISION,
    SOURCE_NAME,
    SOURCE_SENTENCE,
    SOURCE_WORD,
    WORD_RULES,
)
from cleanup.passes.leftovers.openings import Hits
from cleanup.passes.leftovers.spans import occurrences_of, sentences_at
from cleanup.passes.leftovers.terms import Spans, Taken, Terms
from cleanup.passes.triggers import Trigger
from cleanup.passes.wordlook import look_for

_COMMON = 3.0  # Zipf value from which a word is the copy's language's own (once in a million words)
_SENTENCE_WEIGHT = 3  # a confirmed sentence says more about the source than a phrase


def _message(candidate: Candidate, languages: tuple[str, ...], text: str, inferred: bool) -> str:
    name = " or ".join(language_name(language) for language in languages)
    span = text[candidate.start : candidate.end]
    if candidate.rule == SOURCE_SENTENCE.id:
        message = f"{name} sentence left untranslated ({candidate.detail})"
    elif candidate.rule == SOURCE_WORD.id:
        message = f"{name} word left untranslated: {span!r}"
    elif candidate.rule == SOURCE_ELISION.id:
        message = f"{name} elided form: {span!r}"
    else:
        message = f"{name} left untranslated: {span!r}"
    return message + " (source language inferred)" if inferred else message


def infer_source(candidates: Iterable[Candidate]) -> str | None:
    """The language most leftovers read as: one vote for each language a leftover reads as, one
    more for each of its leading ones, and more for a confirmed sentence; None on a tie.

    >>> phrase = Candidate("source-phrase", 0, 5, ("es", "pt"))
    >>> infer_source([phrase, Candidate("source-word", 9, 12, ("pt",))])
    'pt'
    """
    votes: Counter[str] = Counter()
    for candidate in candidates:
        weight = _SENTENCE_WEIGHT if candidate.rule == SOURCE_SENTENCE.id else 1
        votes.update({language: weight for language in candidate.languages})
        votes.update({language: weight for language in candidate.leading()})
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


@cache
def _languages(target: str, sources: tuple[str, ...]) -> tuple[str, ...]:
    """The source languages to look for: the target's, narrowed to ``sources`` when given."""
    return tuple(language for language in sources_for(target) if not sources or language in sources)


def _candidates(
    text: str, ctx: Context, languages: tuple[str, ...], hits: Hits, known: tuple[str, ...]
) -> Iterator[Candidate]:
    """Elided forms, and the sentences, phrases and words around the hits of the first look; the
    news vocabulary of the ``known`` source languages too."""
    if ctx.wants(SOURCE_ELISION.id) and ("'" in text or "’" in text):
        yield from (c for c in elisions.find(text, ctx.target) if set(c.languages) & set(languages))
    if ctx.enabled.isdisjoint(WORD_RULES):
        return
    frequencies = frequencies_for(ctx.target)
    for window in sentences_at(text, openings.openings(text, ctx.target, languages, hits, known)):
        if ctx.wants(SOURCE_SENTENCE.id):
            sentence = sentences.find(text, window, frequencies, languages)
            if sentence is not None:
                yield sentence
                continue
        yield from (c for c in phrases.find(text, window, frequencies, languages, known) if ctx.wants(c.rule))


def _news_words(text: str, ctx: Context, hits: list[str], language: str) -> Iterator[Candidate]:
    """The words of the news vocabulary of ``language``, the source inferred from the other
    leftovers, around the hits of the first look that belong to it."""
    if not ctx.wants(SOURCE_WORD.id):
        return
    news = openings.vocabulary(ctx.target, language)
    places = occurrences_of(text, (hit for hit in hits if hit in news))
    frequencies = frequencies_for(ctx.target)
    starts = [start for spans in places.values() for start, _ in spans]
    for window in sentences_at(text, starts):
        for candidate in phrases.find(text, window, frequencies, (language,), (language,)):
            if candidate.rule == SOURCE_WORD.id:
                yield candidate


@cache
def _allowed(terms: frozenset[str]) -> Terms:
    """The user's allowed terms, longest first (the order of a set is not the same in every run)."""
    return Terms(sorted(terms, key=lambda term: (-len(term), term)))


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report source-language sentences, phrases, words and elided forms, and other scripts."""
    findings: list[Finding] = []
    if ctx.wants(FOREIGN_SCRIPT.id):
        for start, end, run in scripts.find(text):
            message = f"text in another script: {run!r}"
            findings.append(Finding(FOREIGN_SCRIPT.id, message, start, end, None, Safety.DISPLAY))
    if ctx.glossary and ctx.wants(GLOSSARY_TERM.id):
        findings.extend(glossary.find(text, ctx.glossary, ctx.target))
    if ctx.source_text and ctx.wants(SOURCE_COPY.id):
        findings.extend(_copied(text, ctx))
    if not ctx.enabled.isdisjoint(LANGUAGE_RULES):
        findings.extend(_language_findings(text, ctx, findings))
    if ctx.allowed and findings:
        # A finding an allowed term holds whole: the term itself, or a part of it ("Bild am" of
        # "Bild am Sonntag"). A sentence that holds one is still a sentence left untranslated.
        allowed = Spans((start, end) for _, start, end in _allowed(ctx.allowed).whole_words(text))
        findings = [f for f in findings if not allowed.covers(f.start, f.end)]
    return iter(findings)


def _copied(text: str, ctx: Context) -> Iterator[Finding]:
    """The runs of ``text`` copied from the source text it translates."""
    english = frequencies_for(ctx.target)

    def foreign(word: str) -> bool:
        return english.target_zipf(word) < _COMMON and word not in LOWERCASE_NAMES  # "dpa in Berlin"

    for start, end in copied.copied_runs(text, ctx.source_text, foreign, ctx.target):
        message = f"copied from the source text untranslated: {text[start:end]!r}"
        yield Finding(SOURCE_COPY.id, message, start, end, None, Safety.DISPLAY)


def _language_findings(text: str, ctx: Context, found: list[Finding]) -> list[Finding]:
    """Names, sentences, phrases, words and elided forms of the source languages, not overlapping
    what was ``found`` already (the glossary's terms). Each of them holds a word of the first look."""
    languages = _languages(ctx.target, ctx.sources)
    hits = Hits.read(look_for(ctx.target, ctx.enabled).read(text)) if languages else Hits()
    if not hits:
        return []
    findings = list(found)
    taken = Taken(len(text))
    for finding in found:
        taken.add(finding.start, finding.end)
    if ctx.wants(SOURCE_NAME.id):
        for finding in names.find(text, hits.words, ctx.target):
            if not taken.overlaps(finding.start, finding.end):
                taken.add(finding.start, finding.end)
                findings.append(finding)
    candidates: list[Candidate] = []
    for candidate in _candidates(text, ctx, languages, hits, ctx.sources):
        # An elided form found first ("dell'ambasciata") is not a word or phrase as well.
        if not taken.overlaps(candidate.start, candidate.end):
            taken.add(candidate.start, candidate.end)
            candidates.append(candidate)
    inferred = None if ctx.sources or not candidates else infer_source(candidates)
    if inferred is not None:
        for candidate in _news_words(text, ctx, hits.words, inferred):
            if not taken.overlaps(candidate.start, candidate.end):
                taken.add(candidate.start, candidate.end)
                candidates.append(candidate)
    for candidate in candidates:
        message = _message(candidate, candidate.reported(inferred), text, not ctx.sources)
        findings.append(
            Finding(candidate.rule, message, candidate.start, candidate.end, None, Safety.DISPLAY)
        )
    return findings[len(found) :]


def fixes(ctx: Context, unsafe: bool) -> bool:
    """Whether the pass may apply a fix: a glossary's terms, or a place name with unsafe fixes on;
    everything else it reports is for a person to read."""
    return (bool(ctx.glossary) and ctx.wants(GLOSSARY_TERM.id)) or (unsafe and ctx.wants(SOURCE_NAME.id))


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """A character of another script for ``foreign-script``; the other rules take first looks of
    their own (the vocabulary's, the glossary's, the source text's) and always run."""
    return (Trigger(scripts.triggers(), (FOREIGN_SCRIPT.id,)),)


PASS = Pass(name="leftovers", rules=RULES, find=find, fixes=fixes, triggers=triggers, reads_prose_only=True)
