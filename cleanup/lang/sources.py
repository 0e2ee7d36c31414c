"""Languages of the copy and of its sources, and foreign phrases the copy keeps.

Adding a language means adding its code here (wordfreq and Unicode CLDR supply
the rest), and its elided forms if it has any; the phrases are ones English news
uses as they are.

>>> sources_for("en")
('it', 'fr', 'es', 'de', 'pt')
>>> "de facto" in KEPT["en"]
True
"""

LANGUAGES = ("en", "it", "fr", "es", "de", "pt")


def sources_for(target: str) -> tuple[str, ...]:
    """The languages whose leftovers are looked for in copy written in ``target``."""
    return tuple(language for language in LANGUAGES if language != target)


# Elided articles, prepositions and pronouns written before a word that starts with a vowel.
ELIDED_FORMS = {
    "it": "l dell all dall nell sull coll un quell quest d c gl tutt",
    "fr": "l d qu jusqu lorsqu puisqu quoiqu j n s c m t",
}

# Foreign phrases that edited English news uses untranslated.
_KEPT_IN_ENGLISH = frozenset(
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
    bête noire
    bete noire
    gilets jaunes
    gilet jaune
    grandes écoles
    grande école
    laïcité
    Länder
    mano dura
    pentito
    pentiti
    pièce de résistance
    piece de resistance
    sotto voce
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
    crème brûlée
    creme brulee
    crème fraîche
    creme fraiche
    café au lait
    haute cuisine
    nouvelle cuisine
    à la mode
    a la mode
    bon vivant
    tête à tête
    je ne sais quoi
    nom de plume
    objet d'art
    pied à terre
    bel canto
    dolce far niente
    attaché
    blasé
    café
    cliché
    début
    décor
    élite
    entrée
    exposé
    fiancé
    fiancée
    naïve
    nous
    passé
    précis
    precis
    protégé
    résumé
    risqué
    soirée
    touché
    """.strip().splitlines()
)

# Phrases of other languages that edited copy in each target language keeps.
KEPT: dict[str, frozenset[str]] = {
    "en": _KEPT_IN_ENGLISH,
    "fr": _KEPT_IN_ENGLISH
    | frozenset({"week-end", "start-up", "fair-play", "best of", "made in", "self-made man", "happy end"}),
}

# Lowercase words that join the parts of a name or a title ("Corriere della Sera", "Ursula von der
# Leyen", "Guillermo del Toro", "Sant’Agata de’ Goti"): between capitalised words they are the name's.
NAME_PARTICLES = frozenset(
    """
    a agli ai al alla alle allo als am an auf aus bei ben bin d da dagli dai dal dalla dalle das
    de dei degli del dell della delle dello dem den der des di do dos du e el en et for i ibn il im
    in la las le les lo
    los ob of op san sur t ten ter the und unter van vom von y zu zum zur
    """.split()
)

# Letters that are never a word by themselves in the source languages (case-folded): standing
# alone between words they are the pieces of a broken word ("S ö der").
NEVER_ALONE = frozenset("äöü")

# Languages that write their common nouns with a capital ("die Regierung"): there, a capitalised
# word unknown to the copy's language counts towards a stretch being foreign when the language's
# dictionary knows it as a common noun (``cleanup/lang/nouns.py``, German).
CAPITALISED_NOUNS = frozenset({"de"})

# Definite articles, which a place name may carry in the source language ("gli Stati Uniti").
ARTICLES = {
    "it": "il lo la i gli le l",
    "fr": "le la les l",
    "es": "el la los las",
    "de": "der die das den dem des",
    "pt": "o a os as",
    "en": "the",
}
