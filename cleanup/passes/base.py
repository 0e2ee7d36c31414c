"""What every pass shares: the context it runs in and its own description.

A pass is a pure function from text and :class:`Context` to findings. It
never mutates shared state, opens files or prints.

>>> ctx = Context(enabled=frozenset({"repeated-spaces"}))
>>> ctx.wants("repeated-spaces"), ctx.wants("mojibake")
(True, False)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from cleanup.model import Finding, GlossaryEntry, Rule

if TYPE_CHECKING:
    from cleanup.passes.triggers import TriggersFunction


@dataclass(frozen=True, slots=True)
class Context:
    """What a pass may know beyond the text: the rules in force, the terms the user allows, the
    language of the copy, the source languages of the feed (none given: inferred), the
    newsroom's glossary and its house style."""

    enabled: frozenset[str]
    allowed: frozenset[str] = frozenset()
    target: str = "en"
    sources: tuple[str, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    house: tuple[tuple[str, object], ...] = ()  # house style: (profile field, value) overrides
    source_text: str = ""  # the text the copy translates, where the file holds it (PO, XLIFF)

    def wants(self, rule_id: str) -> bool:
        """Whether the user's selection includes this rule."""
        return rule_id in self.enabled


FindFunction = Callable[[str, Context], Iterable[Finding]]

_AFTER_ANY = float("inf")  # sorts after the end of any span starting at the same place


SCOPE_MARGIN = 100  # characters of the text kept on each side of an edit, as they were


class Scope(NamedTuple):
    """What the chain has changed so far, for a later round: the spans of the text (paragraphs)
    that hold its edits, sorted, and the text that stood within :data:`SCOPE_MARGIN` characters of
    each edit before it was made (pieces joined by line breaks): every word an edit took away or
    touched, up to that length."""

    spans: list[tuple[int, int]]
    replaced: str

    def holds(self, index: int) -> bool:
        """Whether ``index`` lies in one of the spans.

        >>> scope = Scope([(0, 4), (10, 20)], "")
        >>> scope.holds(12), scope.holds(6), scope.holds(20)
        (True, False, False)
        """
        place = bisect_right(self.spans, (index, _AFTER_ANY)) - 1
        return place >= 0 and index < self.spans[place][1]


ScopedFindFunction = Callable[[str, Context, Scope], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Pass:
    """A named step of the chain, the rules it can report and its finder.

    ``fixes`` says whether the pass may apply a fix for this context and safety level (``unsafe``);
    a pass that cannot is not run again once the chain has changed the text, as only the fixes of
    later rounds are kept (its reports came from the first). ``local`` says that what the pass
    finds at a place depends only on the paragraph holding it (the text between two blank lines):
    later rounds then run it only on the paragraphs the chain has changed. ``repairs_characters``
    says that its fixes restore the characters the author wrote (mojibake, entities), which holds
    inside an address or a hashtag as much as in prose: the spans no other rule may change do not
    stop them. ``find_in``, for a pass whose findings rest on evidence from the whole text, finds
    in a later round with no unsafe fixes only what the chain's edits could have changed
    (:class:`Scope`): the same fixes as ``find`` over the whole text, read from less of it.
    ``triggers`` names, for the copy's profile, the byte patterns without which a rule of the
    pass finds nothing (:mod:`cleanup.passes.triggers`): the pass then runs with only the rules
    whose patterns a text holds, and not at all when it holds none. ``reads_prose_only`` says that
    its findings rest on the words around a place (a sentence of the source language): where it
    finds something in a text holding addresses or markup, it reads the text again with them
    blanked out, so that the words of an address ("spiegel.de/politik") are no evidence.
    """

    name: str
    rules: tuple[Rule, ...]
    find: FindFunction
    fixes: Callable[[Context, bool], bool] | None = None
    local: bool = False
    repairs_characters: bool = False
    find_in: ScopedFindFunction | None = None
    triggers: TriggersFunction | None = None
    reads_prose_only: bool = False

    def may_fix(self, context: Context, *, unsafe: bool) -> bool:
        """Whether the pass may apply a fix: unless it says otherwise, yes.

        >>> Pass("p", (), lambda text, ctx: [], fixes=lambda ctx, unsafe: unsafe).may_fix(None, unsafe=False)
        False
        """
        return self.fixes is None or self.fixes(context, unsafe)

    @property
    def rule_ids(self) -> frozenset[str]:
        """The ids of the rules this pass reports."""
        return frozenset(rule.id for rule in self.rules)
