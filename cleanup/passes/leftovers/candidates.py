"""What a detector proposes before the pass settles its language: a span and the languages it reads as.

>>> phrase = Candidate("source-phrase", 4, 9, ("es", "pt", "it"), (6.0, 5.9, 2.0), words=2)
>>> phrase.leading(), phrase.reported(inferred="pt"), phrase.reported(inferred=None)
(('es', 'pt'), ('pt',), ('es', 'pt'))
"""

from __future__ import annotations

from dataclasses import dataclass

TIE = 0.25  # languages whose scores differ by less than this per word cannot be told apart


@dataclass(frozen=True, slots=True)
class Candidate:
    """A leftover found at ``start:end``; ``languages`` are the ones it reads as, best first, with
    their ``scores`` (summed frequency margins over its ``words``).

    ``detail`` is added to the message (a detector's confidence, say).
    """

    rule: str
    start: int
    end: int
    languages: tuple[str, ...]
    scores: tuple[float, ...] = ()
    words: int = 1
    detail: str = ""

    def leading(self) -> tuple[str, ...]:
        """The best language and those the scores cannot tell from it ("de los meses")."""
        if not self.scores:
            return self.languages[:1]
        best = self.scores[0]
        return tuple(
            language
            for language, score in zip(self.languages, self.scores, strict=True)
            if best - score < TIE * self.words
        )

    def reported(self, inferred: str | None) -> tuple[str, ...]:
        """The languages to name: the document's source when the span reads as it, else the
        leading ones."""
        return (inferred,) if inferred in self.languages else self.leading()
