"""Machine-readable reports, written as the outcomes go by so that memory stays flat.

>>> import io
>>> from cleanup.batch import Outcome, Status
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

from cleanup.batch import Outcome
from cleanup.render.findings import finding_record


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
        self._stream.write(json.dumps(element, ensure_ascii=False))
        self._count += 1

    def __exit__(self, *exc: object) -> None:
        self._stream.write("\n]\n" if self._count else "]\n")


def json_line(element: Any) -> str:
    """One JSON Lines record."""
    return json.dumps(element, ensure_ascii=False) + "\n"
