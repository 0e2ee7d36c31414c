"""The rule registry and rule selection by id or family, like ruff's --select / --ignore / --preview.

A preview rule is one not yet trustworthy. On the command line it runs only with ``--preview``, as
in ruff: ``ALL`` and a family then take their preview rules too, and naming a preview rule by id
without it is an error. The Python API runs what its caller names, preview rules included.

>>> sorted(select_rules(select=["casing"], preview=False))
['semicolon-capital', 'sentence-start-lowercase']
>>> sorted(select_rules(select=["casing"], preview=True))
['colon-capital', 'semicolon-capital', 'sentence-start-lowercase']
>>> "colon-capital" in select_rules(), "colon-capital" in select_rules(preview=True)
(False, True)
>>> select_rules(select=["colon-capital"], preview=False)
Traceback (most recent call last):
...
cleanup.rules.PreviewRuleError: colon-capital is a preview rule: add --preview to run it
>>> "repeated-spaces" in select_rules(ignore=["repeated-spaces"])
False
>>> "stray-elided-article" in select_rules(target="fr")
False
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache

from cleanup.model import Rule
from cleanup.passes import PASSES

ALL_RULES: dict[str, Rule] = {rule.id: rule for p in PASSES for rule in p.rules}
FAMILIES: dict[str, frozenset[str]] = {p.name: frozenset(rule.id for rule in p.rules) for p in PASSES}
PREVIEW_RULES = frozenset(rule_id for rule_id, rule in ALL_RULES.items() if rule.preview)
DEFAULT_RULES = frozenset(ALL_RULES) - PREVIEW_RULES


class UnknownRuleError(ValueError):
    """A selector names neither a rule nor a family."""


class PreviewRuleError(ValueError):
    """A selector names a preview rule by id while preview rules are off."""


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
            raise UnknownRuleError(
                f"unknown rule or family: {name!r}{did_you_mean(name)} (see 'cleanup rules')"
            )
    return frozenset(ids)


def did_you_mean(name: str) -> str:
    """The rule or family closest to a mistyped ``name``, as a hint, or nothing.

    >>> did_you_mean("punctuaton"), did_you_mean("semicolon-capitals"), did_you_mean("xyz")
    ("; did you mean 'punctuation'?", "; did you mean 'semicolon-capital'?", '')
    """
    close = difflib.get_close_matches(name, [*FAMILIES, *ALL_RULES], n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def select_rules(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    target: str = "en",
    preview: bool | None = None,
) -> frozenset[str]:
    """The rule ids in force: ``select`` (default: every rule) less ``ignore``, and only those made
    for copy in the ``target`` language.

    Preview rules run by ``preview``: with ``True``, wherever the selection takes them (by default
    too); with ``False`` (the command line without ``--preview``), never, and naming one by id is a
    :class:`PreviewRuleError`; with ``None`` (the Python API), when ``select`` names them, by id,
    by family or with ``ALL``.
    """
    return _selected(_selectors(select), _selectors(ignore) or (), target, preview)


def _selectors(given: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """Selectors given as a list, or as one string (one selector, or several joined by commas)."""
    if given is None:
        return None
    if isinstance(given, str):
        given = given.split(",")
    return tuple(part.strip() for part in given if part.strip())


@cache
def _selected(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], target: str, preview: bool | None
) -> frozenset[str]:
    """:func:`select_rules` for hashable arguments, remembered: every ``clean()`` call asks."""
    if select is None:
        chosen = frozenset(ALL_RULES) if preview else DEFAULT_RULES
    else:
        chosen = expand(select)
        if preview is False:
            named = sorted({name.strip() for name in select} & PREVIEW_RULES)
            if len(named) == 1:
                raise PreviewRuleError(f"{named[0]} is a preview rule: add --preview to run it")
            if named:
                raise PreviewRuleError(f"{', '.join(named)} are preview rules: add --preview to run them")
            chosen -= PREVIEW_RULES
    kept = chosen - expand(ignore)
    return frozenset(rule_id for rule_id in kept if ALL_RULES[rule_id].serves(target))
