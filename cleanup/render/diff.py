"""Unified diffs that ``patch`` applies, whatever the line endings and whatever the file names.

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

from cleanup.render.paths import shown_path

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


def _name(path: str) -> str:
    shown = shown_path(path)
    return shown + "\t" if " " in shown else shown


def diff_header(fromfile: str, tofile: str) -> str:
    """The ``---`` and ``+++`` lines. Names are shown as :func:`~cleanup.render.paths.shown_path`
    shows them (quoted when they hold anything a terminal acts on, which patch reads back), and a
    name with a space ends with a tab, as GNU diff ends it, so that patch reads it whole.

    >>> diff_header("news/a b.txt", "news/a\\nb.txt")
    '--- news/a b.txt\\t\\n+++ "news/a\\\\nb.txt"\\n'
    """
    return f"--- {_name(fromfile)}\n+++ {_name(tofile)}\n"


def diff_hunks(before: str, after: str, context: int = 3) -> str:
    """The hunks of a unified diff of two texts, without its header; empty when they are equal."""
    if before == after:
        return ""
    lines = difflib.unified_diff(_lines(before), _lines(after), n=context)
    next(lines), next(lines)  # difflib's own header
    return _with_markers(list(lines))


def unified_diff(before: str, after: str, fromfile: str, tofile: str, context: int = 3) -> str:
    """A unified diff of two texts, empty when they are equal."""
    hunks = diff_hunks(before, after, context)
    return diff_header(fromfile, tofile) + hunks if hunks else ""
