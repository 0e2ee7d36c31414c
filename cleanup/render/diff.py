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
import re

_NO_NEWLINE = "\\ No newline at end of file\n"
# Lines end at LF, as patch sees them: a CR stays inside the line, so CRLF and
# CR-only files apply too. str.splitlines would also split at CR, form feeds,
# U+2028 and others, and the diff would not apply.
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)


def _with_markers(lines: list[str]) -> str:
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def unified_diff(before: str, after: str, fromfile: str, tofile: str, context: int = 3) -> str:
    """A unified diff of two texts, empty when they are equal."""
    if before == after:
        return ""
    lines = difflib.unified_diff(
        _lines(before),
        _lines(after),
        fromfile=fromfile,
        tofile=tofile,
        n=context,
    )
    header = [next(lines), next(lines)]
    return "".join(line.rstrip("\n") + "\n" for line in header) + _with_markers(list(lines))
