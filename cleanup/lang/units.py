"""Words that follow an amount in news copy, per language: a number before one is a quantity, not a
time, a date, a score or a version.

>>> "billion" in AMOUNT_WORDS["en"] and "milliards" in AMOUNT_WORDS["fr"]
True
"""

AMOUNT_WORDS = {
    language: frozenset(words.split())
    for language, words in {
        "en": """bn m billion billions million millions trillion tn thousand per percent % euros euro
                 dollars dollars pounds pence km kilometres kilometers miles kg kilos kilograms tonnes
                 tons metres meters litres degrees points times""",
        "fr": """milliard milliards million millions mille % pour euros euro dollars livres km kilomètres
                 kg kilos tonnes mètres litres degrés points fois""",
        "de": """Milliarde Milliarden Mio Mrd Million Millionen Prozent % Euro Dollar Pfund km Kilometer
                 kg Kilo Tonnen Meter Liter Grad Punkte Mal""",
        "it": """miliardi miliardo milioni milione mila % per euro dollari sterline km chilometri kg chili
                 tonnellate metri litri gradi punti volte""",
        "es": """mil millones millón billones % por euros euro dólares libras km kilómetros kg kilos
                 toneladas metros litros grados puntos veces""",
        "pt": """mil milhões milhão bilhões bilião % por euros euro dólares reais libras km quilómetros
                 quilômetros kg quilos toneladas metros litros graus pontos vezes""",
    }.items()
}
