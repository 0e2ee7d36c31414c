"""The finding model shared by passes, the pipeline and the renderers.

A pass reports :class:`Finding` objects whose spans are offsets in the text
the pass saw. The pipeline maps them back to the original input and fills in
``line``, ``column`` and ``applied``.

>>> f = Finding("double-space", "two spaces", 3, 5, " ", Safety.SAFE)
>>> f.fixable
True
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from cleanup.offsets import LineIndex


class Safety(enum.StrEnum):
    """How sure a fix is, which decides whether it is applied.

    >>> Safety.SAFE.allowed(unsafe=False), Safety.UNSAFE.allowed(unsafe=False)
    (True, False)
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"

    def allowed(self, *, unsafe: bool) -> bool:
        """Whether a fix of this safety is applied at the given level."""
        if self is Safety.SAFE:
            return True
        return self is Safety.UNSAFE and unsafe


@dataclass(frozen=True, slots=True)
class Example:
    """A documented before/after pair in copy of the ``target`` language, a file of ``format``
    (:mod:`cleanup.formats`); every example runs as a test."""

    before: str
    after: str
    target: str = "en"
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and its documentation, in the GUIDE's format.

    ``safety`` is the safety its findings take by default: ``"safe"``, ``"unsafe"``, ``"display"``,
    or two of them where it depends (``"safe / unsafe"``: a fix made when certain, suggested when
    not), the usual one first. ``preview`` marks a rule not yet trustworthy, which runs only when
    preview rules are asked for (``--preview``).

    >>> sorted(Rule("r", "f", "s", "w", (), "x", "safe / unsafe").safeties)
    [<Safety.SAFE: 'safe'>, <Safety.UNSAFE: 'unsafe'>]
    >>> Rule("r", "f", "s", "w", (), "x", "sure")
    Traceback (most recent call last):
    ...
    ValueError: rule r: safety 'sure' is not safe, unsafe or display, or several of them joined by ' / '
    """

    id: str
    family: str
    summary: str
    why: str
    examples: tuple[Example, ...]
    fix_safety: str
    safety: str
    preview: bool = False
    targets: tuple[str, ...] = ()  # target languages the rule is made for; empty: every one

    def __post_init__(self) -> None:
        parts = self.safety.split(" / ")
        if len(set(parts)) != len(parts) or not set(parts) <= set(Safety):
            raise ValueError(
                f"rule {self.id}: safety {self.safety!r} is not safe, unsafe or display, "
                "or several of them joined by ' / '"
            )

    @property
    def safeties(self) -> frozenset[Safety]:
        """The safeties the rule's findings take by default."""
        return frozenset(Safety(part) for part in self.safety.split(" / "))

    def serves(self, target: str) -> bool:
        """Whether the rule applies to copy in the ``target`` language.

        >>> Rule("r", "f", "s", "w", (), "x", "safe", targets=("en",)).serves("fr")
        False
        """
        return not self.targets or target in self.targets

    def explain(self) -> str:
        """The documentation block printed by ``cleanup explain``."""
        examples = "\n".join(
            f"  {ex.before!r}\n    → {ex.after!r}" + (f"  ({ex.target} copy)" if ex.target != "en" else "")
            for ex in self.examples
        )
        status = ", preview: runs only with --preview" if self.preview else ""
        if self.targets:
            status += f", for {', '.join(self.targets)} copy"
        return (
            f"{self.id} ({self.family}, {self.safety}{status})\n\n"
            f"What it fixes\n  {self.summary}\n\n"
            f"Why\n  {self.why}\n\n"
            f"Example\n{examples}\n\n"
            f"Fix safety\n  {self.fix_safety}\n"
        )


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A newsroom's recurring leftover and its English form, with how sure the swap is."""

    source: str
    target: str
    safety: Safety


class Finding(NamedTuple):
    """One thing a pass noticed: a span, a message and maybe a replacement.

    ``start`` and ``end`` are character offsets; ``line`` and ``column`` are
    1-based and, in a :class:`~cleanup.result.Result`, refer to the original
    input, as ``end_line`` and ``end_column`` do for ``end`` (the column after the span's
    last character). ``replacement`` is ``None`` when there is nothing to apply. A named
    tuple rather than a frozen dataclass: adversarial text yields a finding every
    few characters, and a tuple is several times cheaper to make.

    A fix replaces the span with ``replacement``, unless ``edits`` says which parts of the span
    it changes: ``(start, end, text)`` edits, sorted and disjoint, inside the span, applied all
    together or not at all (a quotation's two marks). The text between them stays as it is, so a
    later fix inside it keeps its own position. ``replacement`` is then the span once edited.

    >>> pair = Finding("q", "m", 3, 8, "“abc”", edits=((3, 4, "“"), (7, 8, "”")))
    >>> pair.changes()
    ((3, 4, '“'), (7, 8, '”'))
    """

    rule: str
    message: str
    start: int
    end: int
    replacement: str | None = None
    safety: Safety = Safety.SAFE
    line: int = 0
    column: int = 0
    applied: bool = False
    edits: tuple[tuple[int, int, str], ...] = ()
    end_line: int = 0
    end_column: int = 0

    def marked(self, *, applied: bool) -> Finding:
        """A copy that says whether the fix was applied."""
        return Finding(
            self.rule,
            self.message,
            self.start,
            self.end,
            self.replacement,
            self.safety,
            0,
            0,
            applied,
            self.edits,
        )

    def located(self, start: int, end: int, lines: LineIndex) -> Finding:
        """A copy with its span, lines and columns in the original input, whose lines are
        ``lines`` (its edits, which only the pipeline reads, are left behind)."""
        line, column = lines.locate(start)
        end_line, end_column = lines.locate(end)
        return Finding(
            self.rule,
            self.message,
            start,
            end,
            self.replacement,
            self.safety,
            line,
            column,
            self.applied,
            (),
            end_line,
            end_column,
        )

    def changes(self) -> tuple[tuple[int, int, str], ...]:
        """The ``(start, end, text)`` edits the fix makes: its own ``edits``, or the whole span."""
        return self.edits or ((self.start, self.end, self.replacement or ""),)

    @property
    def fixable(self) -> bool:
        """Whether the finding carries a fix at all."""
        return self.replacement is not None and self.safety is not Safety.DISPLAY


class Edit(NamedTuple):
    """One edit an applied fix made, located in the original input: ``original[start:end]`` was
    replaced, changing the text's length by ``delta``; ``finding`` is the index of the fix in
    :attr:`Result.findings <cleanup.result.Result.findings>`.

    Edits made in later rounds, inside text an earlier fix wrote, are located on that fix's span.
    """

    start: int
    end: int
    delta: int
    finding: int
