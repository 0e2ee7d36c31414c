"""The passes of the chain, in the order the pipeline runs them.

Encoding comes first so that later passes see real characters; punctuation
clusters come before spacing, which would otherwise split them; casing comes
last because it reads the punctuation the earlier passes settled.

>>> [p.name for p in PASSES]
['encoding', 'fragments', 'punctuation', 'spacing', 'casing']
"""

from cleanup.passes import casing, encoding, fragments, punctuation, spacing
from cleanup.passes.base import Context, Pass

PASSES: tuple[Pass, ...] = (
    encoding.PASS,
    fragments.PASS,
    punctuation.PASS,
    spacing.PASS,
    casing.PASS,
)

__all__ = ["PASSES", "Context", "Pass"]
