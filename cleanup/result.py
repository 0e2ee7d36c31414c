"""The outcome of cleaning one text: original, fixed text and located findings.

>>> from cleanup import clean
>>> result = clean("the market , said")
>>> result.text, [(f.rule, f.line, f.column) for f in result.findings]
('the market, said', [('space-before-punctuation', 1, 11)])
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from cleanup.model import Edit, Finding
from cleanup.render.diff import unified_diff


@dataclass(frozen=True, slots=True)
class Result:
    """What :func:`cleanup.clean` returns.

    ``findings`` are sorted by position; their offsets, lines and columns refer to
    ``original``. ``edits`` are the edits the applied fixes made, located in ``original``, in the
    order they were made; the review splits the changes by them.
    """

    original: str
    text: str
    findings: tuple[Finding, ...]
    edits: tuple[Edit, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""
        return self.text != self.original

    @property
    def applied(self) -> tuple[Finding, ...]:
        """The findings whose fix is in :attr:`text`."""
        return tuple(f for f in self.findings if f.applied)

    def regions(self, *, touching: bool = True) -> list[tuple[int, int, int, list[int]]]:
        """The edits joined where they overlap or, if ``touching``, touch: ``(start, end, delta,
        findings)`` in the original, sorted, with the indexes of the findings whose edits each
        holds. Two insertions at one place are always one region.

        >>> from cleanup import clean
        >>> clean("the President'  s view , said").regions()  # two spaces, then one
        [(14, 16, -2, [0, 1]), (22, 23, -1, [2])]
        >>> clean("the President'  s view , said").regions(touching=False)
        [(14, 15, -1, [0]), (15, 16, -1, [1]), (22, 23, -1, [2])]
        """
        regions: list[tuple[int, int, int, list[int]]] = []
        for edit in sorted(self.edits, key=attrgetter("start", "end")):
            last = regions[-1] if regions else None
            if last is not None and (
                edit.start < last[1]
                or (touching and edit.start == last[1])
                or edit.start == edit.end == last[0] == last[1]
            ):
                start, end, delta, findings = regions[-1]
                regions[-1] = (start, max(end, edit.end), delta + edit.delta, [*findings, edit.finding])
            else:
                regions.append((edit.start, edit.end, edit.delta, [edit.finding]))
        return regions

    def unified_diff(self, fromfile: str = "a", tofile: str = "b", context: int = 3) -> str:
        """A unified diff from the original to the fixed text, which ``patch`` applies."""
        return unified_diff(self.original, self.text, fromfile, tofile, context)
