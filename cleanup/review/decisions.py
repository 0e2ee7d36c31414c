"""The decisions file: which changes of which files a reviewer accepted, and how they were made.

The HTML report exports it and ``cleanup apply`` reads it. Per file it records the path, the
SHA-256 of the original bytes (a file changed since is refused), the settings the changes were
made with (rules, safety, languages, the SHA-256 of any glossary, style or allow file, and the
format the file was read in and the fields of data cleaned, null for the defaults), and
every hunk: its parts, each a span in the decoded original text (characters, after any
byte-order mark, as finding offsets count) with its old and new text, and whether it was accepted.
``cleanup apply`` trusts none of it: it makes the changes again with those settings and applies
only those, so a decisions file can choose among cleanup's changes but never write its own.

>>> hunk = Hunk(1, (Part(4, 5, " ", ""),))
>>> settings = Settings(("space-before-punctuation",))
>>> print(dump([FileDecisions("a.txt", "0" * 64, settings, (hunk,), frozenset({1}))]))
{
  "format": "cleanup-decisions",
  "version": 2,
  "files": [
    {
      "path": "a.txt",
      "sha256": "0000000000000000000000000000000000000000000000000000000000000000",
      "settings": {
        "rules": [
          "space-before-punctuation"
        ],
        "unsafe": false,
        "target": "en",
        "sources": [],
        "glossary": null,
        "style": null,
        "allow": null,
        "input_format": null,
        "fields": null
      },
      "hunks": [
        {
          "id": 1,
          "parts": [
            {
              "start": 4,
              "end": 5,
              "old": " ",
              "new": ""
            }
          ],
          "accepted": true
        }
      ]
    }
  ]
}
>>> load(dump([FileDecisions("a.txt", "0" * 64, settings, (hunk,), frozenset({1}))]))[0].accepted
frozenset({1})
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cleanup.formats import FORMAT_NAMES, Reading, check_fields
from cleanup.lang.sources import LANGUAGES
from cleanup.review.hunks import Hunk, Part
from cleanup.rules import ALL_RULES
from cleanup.settings_files import SETTING_FILES

FORMAT = "cleanup-decisions"
VERSION = 2
_SHA256 = re.compile(r"[0-9a-f]{64}")


class DecisionsError(ValueError):
    """A decisions file that is not in the format; the message says where and what."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the changes were made with: the rules in force, whether unsafe fixes were applied,
    the target and source languages, the SHA-256 of the glossary, style and allow files
    (``None`` when there was none), and how the files were read (a decisions file written before
    formats were recorded reads them by their extension, the JSON field ``text``)."""

    rules: tuple[str, ...]
    unsafe: bool = False
    target: str = "en"
    sources: tuple[str, ...] = ()
    glossary: str | None = None
    style: str | None = None
    allow: str | None = None
    reading: Reading = field(default_factory=Reading)

    def record(self) -> dict[str, Any]:
        """The JSON-ready form of the settings."""
        return {
            "rules": sorted(self.rules),
            "unsafe": self.unsafe,
            "target": self.target,
            "sources": list(self.sources),
            **{name: getattr(self, name) for name in SETTING_FILES},
            "input_format": self.reading.format,
            "fields": None if self.reading.fields is None else list(self.reading.fields),
        }


@dataclass(frozen=True, slots=True)
class FileDecisions:
    """The decisions for one file: its path, the SHA-256 of its original bytes, the settings its
    changes were made with, its hunks and the ids of the accepted ones."""

    path: str
    sha256: str
    settings: Settings
    hunks: tuple[Hunk, ...]
    accepted: frozenset[int]

    def record(self) -> dict[str, Any]:
        """The JSON-ready form of this file's decisions."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "settings": self.settings.record(),
            "hunks": [
                {
                    "id": h.id,
                    "parts": [{"start": p.start, "end": p.end, "old": p.old, "new": p.new} for p in h.parts],
                    "accepted": h.id in self.accepted,
                }
                for h in self.hunks
            ],
        }


def dump(files: Iterable[FileDecisions]) -> str:
    """The decisions file for ``files`` as JSON text."""
    data = {"format": FORMAT, "version": VERSION, "files": [f.record() for f in files]}
    return json.dumps(data, ensure_ascii=False, indent=2)


# How an error names the kind of value a field takes, as JSON names it.
_KIND_NAMES = {str: "a string", int: "an integer", list: "a list", dict: "an object", bool: "true or false"}


def _field(record: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(record, dict):
        raise DecisionsError(f"{where}: not an object")
    value = record.get(key)
    # bool is an int to Python, and not what an offset or an id is.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DecisionsError(f"{where}: {key!r} is missing or not {_KIND_NAMES.get(kind, kind.__name__)}")
    return value


def _text(record: Any, key: str, where: str) -> str:
    """A string field that is valid Unicode text (no lone surrogate, no NUL)."""
    value = _field(record, key, str, where)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DecisionsError(f"{where}: {key!r} is not valid text") from None
    if "\x00" in value:
        raise DecisionsError(f"{where}: {key!r} holds a NUL character")
    return value


def _path(record: Any, where: str) -> str:
    """A file name: text, or a name the file system holds as bytes that are not UTF-8 (Python reads
    them as lone surrogates, U+DC80 to U+DCFF, and JSON keeps them); never a NUL."""
    value = _field(record, "path", str, where)
    try:
        value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raise DecisionsError(f"{where}: 'path' is not a file name") from None
    if "\x00" in value:
        raise DecisionsError(f"{where}: 'path' holds a NUL character")
    return value


def _strings(record: Any, key: str, allowed: Iterable[str], where: str) -> tuple[str, ...]:
    values = _field(record, key, list, where)
    known = set(allowed)
    for value in values:
        if not isinstance(value, str) or value not in known:
            raise DecisionsError(f"{where}: {key!r} holds {str(value)[:40]!r}, which is not one of cleanup's")
    return tuple(values)


def _settings(record: Any, where: str) -> Settings:
    rules = _strings(record, "rules", ALL_RULES, where)
    target = _field(record, "target", str, where)
    if target not in LANGUAGES:
        raise DecisionsError(f"{where}: 'target' is not one of {', '.join(LANGUAGES)}")
    digests = {}
    for name in SETTING_FILES:
        value = record.get(name)
        if value is not None and not (isinstance(value, str) and _SHA256.fullmatch(value)):
            raise DecisionsError(f"{where}: {name!r} is neither null nor a SHA-256")
        digests[name] = value
    unsafe = _field(record, "unsafe", bool, where)
    sources = _strings(record, "sources", LANGUAGES, where)
    return Settings(rules, unsafe, target, sources, **digests, reading=_reading(record, where))


def _reading(record: dict[str, Any], where: str) -> Reading:
    form = record.get("input_format")
    fields = record.get("fields")
    if form is not None and form not in FORMAT_NAMES:
        raise DecisionsError(f"{where}: 'input_format' is neither null nor one of {', '.join(FORMAT_NAMES)}")
    if fields is None:
        return Reading(form)
    if not (isinstance(fields, list) and fields and all(isinstance(name, str) and name for name in fields)):
        raise DecisionsError(f"{where}: 'fields' is neither null nor a list of field names")
    try:
        check_fields(tuple(fields))
    except ValueError as err:
        raise DecisionsError(f"{where}: {err}") from None
    return Reading(form, tuple(fields))


def _part(record: Any, where: str) -> Part:
    start, end = _field(record, "start", int, where), _field(record, "end", int, where)
    old, new = _text(record, "old", where), _text(record, "new", where)
    if not 0 <= start <= end or end - start != len(old):
        raise DecisionsError(f"{where}: the span {start}:{end} does not fit the old text")
    return Part(start, end, old, new)


def _hunk(record: Any, where: str) -> tuple[Hunk, bool]:
    number = _field(record, "id", int, where)
    records = _field(record, "parts", list, where)
    if not records:
        raise DecisionsError(f"{where}: 'parts' is empty")
    parts = tuple(_part(part, f"{where}.parts[{n}]") for n, part in enumerate(records))
    return Hunk(number, parts), _field(record, "accepted", bool, where)


def _file(record: Any, where: str) -> FileDecisions:
    path = _path(record, where)
    sha256 = _field(record, "sha256", str, where)
    if not _SHA256.fullmatch(sha256):
        raise DecisionsError(f"{where}: 'sha256' is not 64 lowercase hex digits")
    settings = _settings(_field(record, "settings", dict, where), f"{where}.settings")
    decided = [_hunk(h, f"{where}.hunks[{n}]") for n, h in enumerate(_field(record, "hunks", list, where))]
    ids = [hunk.id for hunk, _ in decided]
    if len(set(ids)) != len(ids):
        raise DecisionsError(f"{where}: two hunks have the same id")
    accepted = frozenset(hunk.id for hunk, yes in decided if yes)
    return FileDecisions(path, sha256, settings, tuple(hunk for hunk, _ in decided), accepted)


def load(text: str) -> list[FileDecisions]:
    """The files of a decisions file; :class:`DecisionsError` when it is not in the format.

    >>> load('{"format": "cleanup-decisions", "version": 2, "files": [{"path": "a"}]}')
    Traceback (most recent call last):
    ...
    cleanup.review.decisions.DecisionsError: files[0]: 'sha256' is missing or not a string
    >>> load("[" * 100_000)
    Traceback (most recent call last):
    ...
    cleanup.review.decisions.DecisionsError: not JSON (nested too deep)
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DecisionsError(f"not JSON ({err})") from None
    except RecursionError:
        raise DecisionsError("not JSON (nested too deep)") from None
    except ValueError as err:  # an integer of thousands of digits, among others
        raise DecisionsError(f"not JSON ({str(err)[:80]})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DecisionsError(f'not a decisions file (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise DecisionsError(
            f"version {str(data.get('version'))[:20]} is not {VERSION}: export the decisions again"
        )
    files = data.get("files")
    if not isinstance(files, list):
        raise DecisionsError("'files' is missing or not a list")
    return [_file(record, f"files[{n}]") for n, record in enumerate(files)]
