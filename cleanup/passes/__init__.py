"""The passes of the chain, in the order the pipeline runs them.

Encoding comes first so that later passes see real characters; punctuation
clusters come before spacing, which would otherwise split them; the target
language's conventions (quotes, numbers, spacing around marks) come after
spacing; casing comes after them because it reads the punctuation they settled;
leftovers, which mostly report, come last and see the repaired text.

>>> [p.name for p in PASSES]
['encoding', 'fragments', 'punctuation', 'spacing', 'conventions', 'casing', 'leftovers']
"""

from cleanup.passes import casing, conventions, encoding, fragments, leftovers, punctuation, spacing
from cleanup.passes.base import Context, Pass

PASSES: tuple[Pass, ...] = (
    encoding.PASS,
    fragments.PASS,
    punctuation.PASS,
    spacing.PASS,
    conventions.PASS,
    casing.PASS,
    leftovers.PASS,
)

__all__ = ["PASSES", "Context", "Pass"]
