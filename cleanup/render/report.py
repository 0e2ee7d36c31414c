"""JSON for programs, written as the outcomes go by so that memory stays flat: the findings and
the per-file records of ``--report`` (the files themselves are :mod:`cleanup.reports`'s).

>>> import io
>>> from cleanup.work import Outcome, Status
>>> out = io.StringIO()
>>> with JsonArray(out) as array:
...     array.add({"path": "a.txt"})
...     array.add({"path": "b.txt"})
>>> out.getvalue()
'[\\n{"path": "a.txt"},\\n{"path": "b.txt"}\\n]\\n'
"""

from __future__ import annotations

import json
from typing import Any, TextIO

import regex

from cleanup.render.findings import finding_record
from cleanup.work import Outcome

# What json leaves raw but a terminal acts on or hides, or a reader splitting lines would split at:
# C1 controls, format characters (bidirectional overrides), line and paragraph separators, and lone
# surrogates (how Python reads a byte of a file name that is not UTF-8, which UTF-8 cannot hold).
_RAW = regex.compile(r"[\x80-\x9f\p{Cf}\u2028\u2029\p{Cs}]")


def dumps(element: Any) -> str:
    """``element`` as JSON text on one line, non-ASCII kept as it is but for what a terminal would
    act on, escaped: a reader gets every string back as it was.

    >>> print(dumps({"path": "caf\\udce9\\u202e.txt", "note": "Zürich\\u2028"}))
    {"path": "caf\\udce9\\u202e.txt", "note": "Zürich\\u2028"}
    """
    text = json.dumps(element, ensure_ascii=False)
    if text.isascii():
        return text
    return _RAW.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


# What ``--report`` writes: an object naming its format and version, its files last.
REPORT_FORMAT = "cleanup-report"
REPORT_VERSION = 1


def report_head() -> str:
    """What a ``--report`` opens with, before the array of its :func:`file_record`; ``}`` closes it.

    >>> report_head()
    '{"format": "cleanup-report", "version": 1, "files": '
    """
    return dumps({"format": REPORT_FORMAT, "version": REPORT_VERSION, "files": None})[: -len("null}")]


def file_record(outcome: Outcome) -> dict[str, Any]:
    """One file of a ``--report``: path, status, error, findings (with positions and whether applied)."""
    return {
        "path": outcome.path,
        "status": str(outcome.status),
        "error": outcome.error,
        "findings": [finding_record(outcome.path, f) for f in outcome.findings],
    }


class JsonArray:
    """A JSON array written one element at a time."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._count = 0

    def __enter__(self) -> JsonArray:
        self._stream.write("[")
        return self

    def add(self, element: Any) -> None:
        """Write one element."""
        self._stream.write(",\n" if self._count else "\n")
        self._stream.write(dumps(element))
        self._count += 1

    def __exit__(self, *exc: object) -> None:
        self._stream.write("\n]\n" if self._count else "]\n")


def json_line(element: Any) -> str:
    """One JSON Lines record."""
    return dumps(element) + "\n"
