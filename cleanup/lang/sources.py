"""Source languages of the feeds this tool serves, and foreign phrases English keeps.

Adding a source language means adding its code here (wordfreq and Unicode CLDR
supply the rest); the phrases are ones English news uses as they are.

>>> "it" in SOURCE_LANGUAGES and "de facto" in KEPT_IN_ENGLISH
True
"""

SOURCE_LANGUAGES = ("it", "fr", "es", "de", "pt")

# Elided articles, prepositions and pronouns that English never writes before a lowercase word.
ELIDED_FORMS = {
    "it": "l dell all dall nell sull coll un quell quest d c gl tutt",
    "fr": "l d qu jusqu lorsqu puisqu quoiqu j n s c m t",
}

# Foreign phrases that edited English news uses untranslated.
KEPT_IN_ENGLISH = frozenset(
    line.strip()
    for line in """
    a cappella
    à la carte
    a la carte
    ad hoc
    ad infinitum
    al dente
    al fresco
    alma mater
    art deco
    au fait
    art nouveau
    avant garde
    belle époque
    bona fide
    bon appétit
    bon voyage
    carte blanche
    cause célèbre
    c'est la vie
    coup d'état
    coup d'etat
    coups d'etat
    coups d'état
    coup de grâce
    crème de la crème
    cul de sac
    de facto
    de rigueur
    déjà vu
    dolce vita
    en masse
    en route
    enfant terrible
    entre nous
    esprit de corps
    et al
    fait accompli
    habeas corpus
    faux pas
    femme fatale
    film noir
    haute couture
    hors d'oeuvre
    in situ
    joie de vivre
    laissez faire
    mea culpa
    modus operandi
    non sequitur
    nouveau riche
    par excellence
    per annum
    per capita
    per cent
    per se
    persona non grata
    prima ballerina
    prima donna
    prima facie
    pro bono
    quid pro quo
    raison d'être
    savoir faire
    sine qua non
    status quo
    terra firma
    tour de force
    vice versa
    vis à vis
    """.strip().splitlines()
)
