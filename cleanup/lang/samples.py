"""A short sample of copy with a sentence in each language cleanup knows, written for warming up
(the English one holds a glued word and a German noun, which the word-level rules look up).

Cleaning it once builds what the passes load lazily (word lists, automata, language profiles) for
the sentences' languages, so that workers forked afterwards start with them built.

>>> sorted(SENTENCES)
['de', 'en', 'es', 'fr', 'it', 'pt']
"""

from __future__ import annotations

SENTENCES = {
    "en": "The ministersaid on Monday that the Netzausbau talks would go on in November.",
    "it": "Il governo non ha ancora deciso se prorogare lo stato di emergenza.",
    "fr": "Le gouvernement n’a pas encore décidé s’il prolongera l’état d’urgence.",
    "es": "El gobierno todavía no ha decidido si prorroga el estado de emergencia.",
    "de": "Die Regierung hat noch nicht entschieden, ob sie den Notstand verlängert.",
    "pt": "O governo ainda não decidiu se vai prorrogar o estado de emergência.",
}


def sample(target: str) -> str:
    """Copy in the ``target`` language holding a sentence in every other language, on lines of
    their own."""
    return "\n".join([SENTENCES[target], *(s for language, s in SENTENCES.items() if language != target)])
