"""Parts that form names in the source languages, which English copy keeps as they are: titles of
newspapers and programmes ("Bild am Sonntag", "Brandenburg aktuell", "Stuttgarter Zeitung"), the
words of street names ("Säbener Straße") and the last parts of place and street names
("Babenhausen", "Aidenbachstraße").

>>> "Bild am Sonntag" in MEDIA and "aktuell" in PROGRAMME_ENDINGS and "Zeitung" in PAPER_ENDINGS
True
>>> "Straße" in STREET_WORDS and "hausen" in NAME_ENDINGS
True
"""

# Titles that hold a word of their language's own (an article, a common noun, a particle), which
# would otherwise read as a leftover. Single names that are no word ("Handelsblatt") need no entry.
MEDIA = frozenset(
    line.strip()
    for line in """
    Bild am Sonntag
    Welt am Sonntag
    Frankfurter Allgemeine Sonntagszeitung
    Die Welt
    Die Zeit
    Der Spiegel
    Der Tagesspiegel
    Die Presse
    Der Standard
    Neue Zürcher Zeitung
    Süddeutsche Zeitung
    Frankfurter Allgemeine Zeitung
    Frankfurter Allgemeine
    Bild
    heute journal
    heute-journal
    Tagesschau
    Tagesthemen
    Morgenmagazin
    Mittagsmagazin
    Corriere della Sera
    la Repubblica
    La Repubblica
    La Stampa
    Il Sole 24 Ore
    Il Fatto Quotidiano
    Il Messaggero
    Il Giornale
    Il Mattino
    La Gazzetta dello Sport
    Gazzetta dello Sport
    Corriere dello Sport
    Le Monde
    Le Figaro
    Le Parisien
    Le Point
    Les Échos
    Les Echos
    L'Équipe
    L’Équipe
    Le Journal du Dimanche
    Le Monde diplomatique
    Le Canard enchaîné
    El País
    El Mundo
    El Periódico
    La Vanguardia
    El Confidencial
    Folha de S.Paulo
    Folha de São Paulo
    O Globo
    O Estado de S. Paulo
    Diário de Notícias
    Jornal de Notícias
    Correio da Manhã
    """.strip().splitlines()
)

# Words that end the title of a news programme after the name of its region or broadcaster
# ("Brandenburg aktuell", "SWR Aktuell", "Hallo Niedersachsen" has none).
PROGRAMME_ENDINGS = frozenset({"aktuell", "Aktuell", "Journal", "journal", "Magazin", "kompakt", "Kompakt"})

# Words that end the title of a newspaper after a place written as an adjective ("Stuttgarter
# Zeitung", "Rheinische Post", "Westdeutsche Allgemeine", "Frankfurter Rundschau").
PAPER_ENDINGS = frozenset(
    """
    Zeitung Allgemeine Rundschau Nachrichten Anzeiger Kurier Tagblatt Morgenpost Abendblatt
    Abendzeitung Post Presse Volksstimme Volkszeitung Neueste Stimme Echo Bote Landeszeitung
    """.split()
)

# Words that follow a name in a street's name ("Säbener Straße", "Ingolstädter Straße", "Neuer Wall").
STREET_WORDS = frozenset(
    """
    Straße Strasse Platz Weg Allee Gasse Ring Damm Ufer Chaussee Steig Pfad Markt Graben Wall Kai
    """.split()
)

# Last parts of compounds that name places and streets, case-folded as wordfreq folds them ("ß" is
# "ss"). A German compound Wiktionary lacks that ends in one is a name ("Babenhausen",
# "Aidenbachstraße"); the common nouns among such compounds ("Hauptstadt", "Bundesstraße") are in
# Wiktionary.
NAME_ENDINGS = tuple(
    """
    straße strasse platz weg allee gasse ring damm ufer chaussee steig pfad
    berg burg dorf feld stadt heim hausen bach tal see au furt brück brücken hof ingen leben
    rode kirchen münster weiler hafen hagen horst wald mühle
    """.split()
)

# Names that end in a mark of their own ("Yahoo!", "Jeopardy!"): copy in any language writes them
# so, with no space before the mark, as French spacing would set.
NAMES_WITH_A_MARK = frozenset("Yahoo! Jeopardy! Wham! Oklahoma! Airplane! Panic!".split())
