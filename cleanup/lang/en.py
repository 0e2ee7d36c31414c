"""English tables used by the punctuation and casing passes.

These are closed classes (abbreviations that end in a full stop without ending
a sentence, function words), so they are listed here rather than derived.

>>> "e.g" in ABBREVIATIONS and "at" in LOWERCASE_AFTER_SEMICOLON
True
"""

# Written without their final full stop, lowercased; then the AP abbreviations of US states
# ("Portland, Ore., a crowd") and company forms, and last those of German, Italian, French and
# Spanish that machine translation carries over ("inkl. der", "bzw. die", "dott. Rossi"). A full
# stop after one of these does not end a sentence, and a doubled stop after one is a single stop.
ABBREVIATIONS = frozenset(
    """
    a.m p.m e.g i.e etc vs cf al ca approx est univ vol vols nos pp fig figs ed eds trans repr
    op cit ibid viz mr mrs ms dr prof rev fr sr jr st mt ft gen lt col capt cmdr maj sgt cpl
    pte adm gov sen rep pres supt insp det hon rt inc ltd co corp plc bros assn dept govt intl
    natl jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
    sat sun u.s u.k u.n u.s.a e.u a.d b.c ph.d m.a b.a m.sc b.sc ave blvd rd sq km kg cm mm lb
    lbs oz yd mi mph
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
    nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn vt va wash w.va wis wyo
    llc llp gmbh
    esp avg dist tel ext incl excl pty fl kft bt
    bzw usw inkl exkl evtl ggf zzgl vgl bspw sog mio mrd nr jh
    sig sigg dott avv ecc cfr pag mme mlle env av bd sra srta dña aprox avda núm pág
    """.split()
)

# The function words that open titles of books, films, songs and programmes ("Into the Unknown",
# "You and Yours", "More or Less"): after a semicolon, one of them followed by a capitalised
# everyday word may open a title rather than a clause.
TITLE_OPENERS = frozenset(
    """
    a an the in into on onto of to for at by with without within after before under over out up
    from through until more less one not just here there you all every no some what where when
    """.split()
)

# The small words titles write in lowercase ("According to Jim", "Despite the Falling Snow"):
# between a semicolon and the next, a run of capitalised words and these alone is a title in a
# list, not a clause.
TITLE_SMALL_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from into onto as vs via".split()
)

# Words that, capitalised after a semicolon, are the source language's
# sentence-initial capital rather than a name: articles, pronouns,
# prepositions, conjunctions and sentence adverbs.
LOWERCASE_AFTER_SEMICOLON = frozenset(
    """
    a an the this that these those there then thus hence so yet still but and or nor at in on
    of for from to by with without within into onto over under after before since during until
    while when where whereas whether if although though because as he she it we they you his
    her its our their my your him them us me one some many most much more few several all both
    each every either neither no none meanwhile moreover however instead furthermore
    nevertheless nonetheless otherwise indeed besides likewise similarly consequently therefore
    accordingly also even only just now later earlier here such other another what which
    who whom whose not never always often sometimes usually perhaps maybe
    according despite following due unlike regarding including thanks apart overall
    currently previously recently initially finally additionally unfortunately fortunately
    apparently clearly certainly ultimately eventually subsequently afterwards nowadays
    """.split()
)

# Forms of the pronoun "I", which keeps its capital everywhere.
PRONOUN_I = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll"})

# Names written in lowercase even where a sentence starts: news agencies in the bylines of German and
# Austrian copy ("dpa berichtet", "(dpa/lby)").
LOWERCASE_NAMES = frozenset({"dpa", "epd", "kna", "ddp", "dapd", "dts", "sid", "afp", "apa", "rtr"})

# Particles that begin a surname and keep their lowercase in English copy, even where a sentence
# starts ("de Havilland was known", "van Gaal said"), when a capitalised part follows.
SURNAME_PARTICLES = frozenset(
    """
    de da di du del della der den van von ter ten dos das al bin ibn
    """.split()
)

# Words that join a clause to the one before: after a full stop, the stop itself is more likely the
# stray mark ("would be introduced. unless voluntary steps") than the missing capital.
CLAUSE_JOINERS = frozenset(
    """
    and or but nor unless than whereas whilst which whose whom
    """.split()
)
