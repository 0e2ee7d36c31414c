"""Unified diffs that ``patch`` applies, whatever the line endings.

>>> print(unified_diff("a\\nb", "a\\nc", "old", "new"), end="")
--- old
+++ new
@@ -1,2 +1,2 @@
 a
-b
\\ No newline at end of file
+c
\\ No newline at end of file
"""

from __future__ import annotations

import difflib

_NO_NEWLINE = "\\ No newline at end of file\n"


def _with_markers(lines: list[str]) -> str:
    out = []
    for line in lines:
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def unified_diff(before: str, after: str, fromfile: str, tofile: str, context: int = 3) -> str:
    """A unified diff of two texts, empty when they are equal."""
    if before == after:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=fromfile,
        tofile=tofile,
        n=context,
    )
    header = [next(lines), next(lines)]
    return "".join(line.rstrip("\n") + "\n" for line in header) + _with_markers(list(lines))
