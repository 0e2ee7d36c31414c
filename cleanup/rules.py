"""The rule registry and rule selection by id or family, like ruff's --select / --ignore.

>>> sorted(select_rules(select=["casing"]))
['colon-capital', 'semicolon-capital', 'sentence-start-lowercase']
>>> "repeated-spaces" in select_rules(ignore=["repeated-spaces"])
False
>>> "source-phrase" in select_rules(), "source-phrase" in select_rules(select=["leftovers"])
(False, True)
>>> "stray-elided-article" in select_rules(target="fr")
False
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from cleanup.model import Rule
from cleanup.passes import PASSES

ALL_RULES: dict[str, Rule] = {rule.id: rule for p in PASSES for rule in p.rules}
FAMILIES: dict[str, frozenset[str]] = {p.name: frozenset(rule.id for rule in p.rules) for p in PASSES}


class UnknownRuleError(ValueError):
    """A selector names neither a rule nor a family."""


def expand(selectors: Iterable[str]) -> frozenset[str]:
    """Rule ids named by a list of rule ids, family names or ``ALL``."""
    ids: set[str] = set()
    for selector in selectors:
        name = selector.strip()
        if name.upper() == "ALL":
            ids.update(ALL_RULES)
        elif name in ALL_RULES:
            ids.add(name)
        elif name in FAMILIES:
            ids.update(FAMILIES[name])
        else:
            raise UnknownRuleError(f"unknown rule or family: {name!r} (see 'cleanup rules')")
    return frozenset(ids)


DEFAULT_RULES = frozenset(rule_id for rule_id, rule in ALL_RULES.items() if not rule.preview)


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None, *, target: str = "en"
) -> frozenset[str]:
    """The rule ids in force: ``select`` (default: every rule but the preview ones) less ``ignore``,
    and only those made for copy in the ``target`` language.

    Preview rules run only when selected by id, by family or with ``ALL``.
    """
    return _selected(None if select is None else tuple(select), tuple(ignore or ()), target)


@cache
def _selected(select: tuple[str, ...] | None, ignore: tuple[str, ...], target: str) -> frozenset[str]:
    """:func:`select_rules` for hashable arguments, remembered: every ``clean()`` call asks."""
    chosen = expand(select) if select is not None else DEFAULT_RULES
    kept = chosen - expand(ignore)
    return frozenset(rule_id for rule_id in kept if ALL_RULES[rule_id].serves(target))
