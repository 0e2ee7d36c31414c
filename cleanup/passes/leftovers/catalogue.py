"""The leftovers rules and their documentation.

All of them run by default; only source-name and glossary-term have fixes, the rest report for a
person to read.

>>> [rule.id for rule in RULES][:2]
['source-copy', 'source-sentence']
"""

from __future__ import annotations

from cleanup.model import Example, Rule

FAMILY = "leftovers"
_NAMES_KEPT = (
    "Capitalised names, the particles between them (Corriere della Sera, von der Leyen, Kirchheim "
    "unter Teck), titles of newspapers and programmes (Bild am Sonntag, Brandenburg aktuell), "
    "street names (Säbener Straße), phrases the copy's language keeps (de facto, per se, status "
    "quo) and terms in --allow FILE are not reported. A capitalised German word counts as a noun "
    "only when Wiktionary knows it as one (Torjäger, not Freital or Meuthen)."
)

SOURCE_SENTENCE = Rule(
    id="source-sentence",
    family=FAMILY,
    safety="display",
    summary="A whole sentence left in the source language.",
    why=(
        "When an engine fails on a sentence it may pass it through untranslated. Word frequencies "
        "raise the sentence; langdetect (seeded) confirms the language and gives its confidence."
    ),
    examples=(
        Example(
            "It rained. Il governo ha deciso di rinviare la riforma delle pensioni al prossimo anno.",
            "It rained. Il governo ha deciso di rinviare la riforma delle pensioni al prossimo anno.",
        ),
    ),
    fix_safety="Reported only, with the language and langdetect's confidence: a person translates it.",
)

SOURCE_PHRASE = Rule(
    id="source-phrase",
    family=FAMILY,
    safety="display",
    summary="A run of two or more source-language words left untranslated inside a sentence.",
    why=(
        "Engines leave function-word phrases and short clauses they could not align "
        "('della Repubblica', 'del gobierno', 'non era possibile', 'in der') in the source language. "
        "A capitalised function word opening the phrase counts ('Secondo il portavoce'); English "
        "words a language shares ('die in', 'on a par') do not make a phrase."
    ),
    examples=(
        Example(
            "the minister said that non era possibile today", "the minister said that non era possibile today"
        ),
    ),
    fix_safety="Reported only, with the language: the right translation needs a person. " + _NAMES_KEPT,
)

SOURCE_WORD = Rule(
    id="source-word",
    family=FAMILY,
    safety="display",
    summary="A single source-language word that the copy's language does not know.",
    why=(
        "A word the engine could not translate is copied through ('one of the most important "
        "fornitori of energy'). It is reported when the copy's language hardly uses it (under one "
        "in 100 million words) and a source language uses it often. Words rarer than wordfreq's "
        "small lists ('saludaron', 'goinfres') are known from its large lists, and count in a "
        "sentence that another word of the source language opens to scoring. A function word "
        "of a source language opening an English sentence ('Dopo the vote') is one too; with the "
        "feed's source given (--source) or inferred from other leftovers, so is a word of that "
        "language's news vocabulary ('the alcalde of')."
    ),
    examples=(
        Example(
            "one of the most important fornitori of energy", "one of the most important fornitori of energy"
        ),
    ),
    fix_safety="Reported only. A word in quotation marks is a term the sentence names, and is skipped. "
    + _NAMES_KEPT,
)

SOURCE_ELISION = Rule(
    id="source-elision",
    family=FAMILY,
    safety="display",
    summary="An elided Italian or French article, preposition or pronoun glued to a lowercase word.",
    why=(
        "Italian and French elide before a vowel ('dell’ambasciata', 'nell’ambito', 'qu’il', "
        "'l’accord'); English never does, so the form is always a leftover. In French copy only "
        "the Italian forms French does not have are reported."
    ),
    examples=(
        Example("talks on the accordo nell’ambito of trade", "talks on the accordo nell’ambito of trade"),
    ),
    fix_safety=(
        "Reported only. Before a capital the form may be part of a name (d’Hondt, Côte d’Ivoire, "
        "O’Brien, L’Oréal) and is left to stray-elided-article."
    ),
)

FOREIGN_SCRIPT = Rule(
    id="foreign-script",
    family=FAMILY,
    safety="display",
    summary="A run of another script (Cyrillic, Greek, Arabic, Hebrew, CJK, …) inside Latin-script copy.",
    why="A quotation or name that the engine left in its original script.",
    examples=(Example("the channel Россия 24 reported", "the channel Россия 24 reported"),),
    fix_safety="Reported only: it may be a deliberate original spelling.",
)

SOURCE_NAME = Rule(
    id="source-name",
    family=FAMILY,
    safety="unsafe",
    summary="A country, territory or language named in the source language, with the copy's name for it.",
    why=(
        "Engines sometimes keep a place name in the source language, with its article "
        "('gli Stati Uniti', 'l’Allemagne', 'Vereinigte Staaten'). Unicode CLDR, through Babel, "
        "gives the name in the copy's language."
    ),
    examples=(Example("talks between gli Stati Uniti and Iran", "talks between the United States and Iran"),),
    fix_safety=(
        "Unsafe (applied with --unsafe-fixes): the name may belong to a title or a brand the copy "
        "keeps. A name next to another capitalised word is part of a longer name (Forza Italia, "
        "Banca d'Italia) and is not reported."
    ),
)

GLOSSARY_TERM = Rule(
    id="glossary-term",
    family=FAMILY,
    safety="safe / unsafe",
    summary="A recurring leftover from the newsroom's glossary, replaced by the glossary's translation.",
    why=(
        "Every feed has its own recurring leftovers ('Palazzo Chigi', 'Casa Bianca'); a newsroom "
        "lists them once in a TSV file given with --glossary FILE: source term, translation, "
        "safe or unsafe."
    ),
    # With the entry "Casa Bianca<TAB>White House<TAB>safe" (the tests give it).
    examples=(Example("a statement from the Casa Bianca", "a statement from the White House"),),
    fix_safety=(
        "As the glossary says for each entry: safe entries are applied by default, unsafe ones "
        "with --unsafe-fixes. A term is left where a translation of the glossary already stands "
        "over it, so that each fix is made once and fixing the fixed text changes nothing: "
        "'Casa' → 'Casa Bianca' is not applied to 'Casa Bianca', and in a chain 'A' → 'B', "
        "'B' → 'C' a 'B' is never replaced (it may be the translation of an 'A'). The "
        "translation takes the case of the term as found ('Fornitori' → 'Suppliers', "
        "'FORNITORI' → 'SUPPLIERS'). Only suggested where its case says the word found may be "
        "another: a lowercase term capitalised in mid-sentence, a word of a name ('the Casa "
        "Bianca' for 'casa'); one in capitals among lowercase words, an acronym ('the CASA'); "
        "a capitalised term in lowercase, an everyday word ('his camera' for 'Camera'). Without "
        "a glossary the rule finds nothing."
    ),
)

SOURCE_COPY = Rule(
    id="source-copy",
    family=FAMILY,
    safety="display",
    summary="Words of the source text copied into its translation, where the file holds both.",
    why=(
        "A translation tool or an engine that fails on a phrase copies it from the source segment. "
        "Where the file holds each translation beside the text it translates (a PO catalogue's "
        "msgid, an XLIFF unit's source), a run of two or more words that stands in the source "
        "word for word is a leftover found exactly, in any language. A run counts when one of its "
        "words is lowercase, of three letters or more, and one the copy's language hardly uses: "
        "names and numbers pass from source to translation as they should."
    ),
    examples=(
        Example(
            'msgid "Il governo non ha ancora deciso"\nmsgstr "The government non ha ancora deciso"\n',
            'msgid "Il governo non ha ancora deciso"\nmsgstr "The government non ha ancora deciso"\n',
            format="po",
        ),
    ),
    fix_safety="Reported only: the translation needs a person. Without a source text the rule finds nothing.",
)

RULES = (
    SOURCE_COPY,
    SOURCE_SENTENCE,
    SOURCE_PHRASE,
    SOURCE_WORD,
    SOURCE_ELISION,
    SOURCE_NAME,
    GLOSSARY_TERM,
    FOREIGN_SCRIPT,
)
# The rules that read the words of the source languages (the first look's lists).
WORD_RULES = frozenset({SOURCE_SENTENCE.id, SOURCE_PHRASE.id, SOURCE_WORD.id})
LANGUAGE_RULES = WORD_RULES | {SOURCE_ELISION.id, SOURCE_NAME.id}
