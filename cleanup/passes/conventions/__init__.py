"""Conventions of the source language carried into the copy: quotes, numbers, spacing, capitals,
and words glued together at a link boundary.

Each rule reads the target language's profile (:mod:`cleanup.lang.profiles`), so
that the same rule finds ``40,5 billion`` in English copy and ``40.5 milliards``
in French copy.

>>> from cleanup import clean
>>> clean("Turnout was 76 % in «the north»").text
'Turnout was 76% in “the north”'
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanup.lang.profiles import Profile, profile_for
from cleanup.model import Finding
from cleanup.passes.base import Context, Pass, Scope
from cleanup.passes.conventions import capitals, glued, marks, numbers, quotes
from cleanup.passes.triggers import Trigger

_MODULES = (quotes, numbers, marks, capitals, glued)
RULES = tuple(rule for module in _MODULES for rule in module.RULES)
_RULE_IDS = tuple((module, frozenset(rule.id for rule in module.RULES)) for module in _MODULES)


def find(text: str, ctx: Context, scope: Scope | None = None) -> Iterator[Finding]:
    """Every convention rule in force, each reading the target's profile. Told what a later round
    changed (``scope``), ``glued-words``, whose evidence is the whole text's words, decides only
    where that could have changed; the others, cheap, read the whole text again."""
    profile = profile_for(ctx.target, ctx.house)
    for module, rule_ids in _RULE_IDS:
        if not rule_ids.isdisjoint(ctx.enabled):
            if module is glued:
                yield from glued.find(text, ctx, profile, scope)
            else:
                yield from module.find(text, ctx, profile)


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """The triggers of the quotes, numbers and marks; the word-level rules (``lowercase-name``,
    ``calendar-capital``, ``glued-words``) take first looks of their own and always run."""
    return (*quotes.triggers(profile), *numbers.triggers(profile), *marks.triggers(profile))


PASS = Pass(name="conventions", rules=RULES, find=find, find_in=find, triggers=triggers)
