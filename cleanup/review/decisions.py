"""The decisions file: which changes of which files a reviewer accepted.

The HTML report exports it and ``cleanup apply`` reads it. Per file it records the path, the
SHA-256 of the original bytes (so that a file changed since is refused), and every hunk with its
span in the decoded original text (characters, after any byte-order mark, as finding offsets
count), its old and new text and whether it was accepted:

>>> hunk = Hunk(1, 4, 5, " ", "")
>>> print(dump([FileDecisions("a.txt", "0" * 64, (hunk,), frozenset({1}))]))
{
  "format": "cleanup-decisions",
  "version": 1,
  "files": [
    {
      "path": "a.txt",
      "sha256": "0000000000000000000000000000000000000000000000000000000000000000",
      "hunks": [
        {
          "id": 1,
          "start": 4,
          "end": 5,
          "old": " ",
          "new": "",
          "accepted": true
        }
      ]
    }
  ]
}
>>> load(dump([FileDecisions("a.txt", "0" * 64, (hunk,), frozenset({1}))]))[0].accepted
frozenset({1})
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cleanup.review.hunks import Hunk

FORMAT = "cleanup-decisions"
VERSION = 1
_SHA256 = re.compile(r"[0-9a-f]{64}")


class DecisionsError(ValueError):
    """A decisions file that is not in the format; the message says where and what."""


@dataclass(frozen=True, slots=True)
class FileDecisions:
    """The decisions for one file: its path, the SHA-256 of its original bytes, its hunks and the
    ids of the accepted ones."""

    path: str
    sha256: str
    hunks: tuple[Hunk, ...]
    accepted: frozenset[int]

    def record(self) -> dict[str, Any]:
        """The JSON-ready form of this file's decisions."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "hunks": [
                {
                    "id": h.id,
                    "start": h.start,
                    "end": h.end,
                    "old": h.old,
                    "new": h.new,
                    "accepted": h.id in self.accepted,
                }
                for h in self.hunks
            ],
        }


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in lowercase hex, as the decisions file records it.

    >>> sha256_hex(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


def dump(files: Iterable[FileDecisions]) -> str:
    """The decisions file for ``files`` as JSON text."""
    data = {"format": FORMAT, "version": VERSION, "files": [f.record() for f in files]}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _field(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = record.get(key)
    # bool is an int to Python, and not what an offset or an id is.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DecisionsError(f"{where}: {key!r} is missing or not a {kind.__name__}")
    return value


def _hunk(record: Any, where: str) -> tuple[Hunk, bool]:
    if not isinstance(record, dict):
        raise DecisionsError(f"{where}: not an object")
    number, start, end = (_field(record, key, int, where) for key in ("id", "start", "end"))
    old, new = _field(record, "old", str, where), _field(record, "new", str, where)
    accepted = _field(record, "accepted", bool, where)
    if not 0 <= start <= end or end - start != len(old):
        raise DecisionsError(f"{where}: the span {start}:{end} does not fit the old text")
    return Hunk(number, start, end, old, new), accepted


def _file(record: Any, where: str) -> FileDecisions:
    if not isinstance(record, dict):
        raise DecisionsError(f"{where}: not an object")
    path = _field(record, "path", str, where)
    sha256 = _field(record, "sha256", str, where)
    if not _SHA256.fullmatch(sha256):
        raise DecisionsError(f"{where}: 'sha256' is not 64 lowercase hex digits")
    decided = [_hunk(h, f"{where}.hunks[{n}]") for n, h in enumerate(_field(record, "hunks", list, where))]
    ids = [hunk.id for hunk, _ in decided]
    if len(set(ids)) != len(ids):
        raise DecisionsError(f"{where}: two hunks have the same id")
    accepted = frozenset(hunk.id for hunk, yes in decided if yes)
    return FileDecisions(path, sha256, tuple(hunk for hunk, _ in decided), accepted)


def load(text: str) -> list[FileDecisions]:
    """The files of a decisions file; :class:`DecisionsError` when it is not in the format.

    >>> load('{"format": "cleanup-decisions", "version": 1, "files": [{"path": "a"}]}')
    Traceback (most recent call last):
    ...
    cleanup.review.decisions.DecisionsError: files[0]: 'sha256' is missing or not a str
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DecisionsError(f"not JSON ({err})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DecisionsError(f'not a decisions file (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise DecisionsError(f"version {data.get('version')!r} is not {VERSION}")
    files = data.get("files")
    if not isinstance(files, list):
        raise DecisionsError("'files' is missing or not a list")
    return [_file(record, f"files[{n}]") for n, record in enumerate(files)]
