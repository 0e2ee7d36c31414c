"""What a detector proposes before the pass settles its language: a span and the languages it reads as.

>>> Candidate("source-phrase", 4, 9, ("it", "es")).language(inferred="es")
'es'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    """A leftover found at ``start:end``; ``languages`` are the ones it reads as, best first.

    ``detail`` is added to the message (a detector's confidence, say).
    """

    rule: str
    start: int
    end: int
    languages: tuple[str, ...]
    detail: str = ""

    def language(self, inferred: str | None) -> str:
        """The language to report: the document's source when the span reads as it, else its best."""
        return inferred if inferred in self.languages else self.languages[0]
