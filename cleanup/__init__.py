"""cleanup: make machine-translated news text publishable.

>>> from cleanup import clean
>>> result = clean("al-Assad). , but held back; At the same time")
>>> result.text
'al-Assad), but held back; at the same time'
>>> [f.rule for f in result.findings]
['punctuation-cluster', 'semicolon-capital']
"""

from __future__ import annotations

from collections.abc import Iterable

from cleanup.model import Finding, Rule, Safety
from cleanup.pipeline import run
from cleanup.result import Result
from cleanup.rules import ALL_RULES, select_rules

__all__ = ["ALL_RULES", "Finding", "Result", "Rule", "Safety", "clean"]
__version__ = "0.1.0"


def clean(
    text: str,
    *,
    unsafe: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    allow: Iterable[str] = (),
) -> Result:
    """Clean one text and say what changed.

    ``select`` and ``ignore`` take rule ids or family names; ``unsafe`` also
    applies the fixes that are only probably right; ``allow`` lists terms that
    are never reported as leftovers (names, titles a newsroom keeps).
    """
    allowed = frozenset(term.strip().lower() for term in allow if term.strip())
    return run(text, enabled=select_rules(select, ignore), unsafe=unsafe, allowed=allowed)
