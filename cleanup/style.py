"""A newsroom's house style: overrides of the target language's profile, from a TOML file.

The file holds one ``[style]`` table; each key is a field of the profile, with a value of the
field's kind. Anything else (another table, an unknown key, a value of the wrong type, a
letter where a space belongs, a document nested too deeply to read) is refused with the file,
the key and what is allowed.

>>> parse('[style]\\npercent_space = " "\\nquotes = ["\\\\"", "\\\\""]\\n', "house.toml")
(('percent_space', ' '), ('quotes', ('"', '"')))
>>> parse("style = 1", "house.toml")
Traceback (most recent call last):
cleanup.style.StyleError: house.toml: error: 'style' must be a table of settings ([style]), not an integer
"""

from __future__ import annotations

import dataclasses
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from cleanup import io
from cleanup.lang.profiles import Profile


class StyleError(io.InputError):
    """A house style file that cannot be used: ``FILE: error: reason``."""


@dataclass(frozen=True, slots=True)
class _Kind:
    """What a field takes: a test of one value, and the words that say what is allowed."""

    accepts: Callable[[object], bool]
    allowed: str


def _is_space(value: object) -> bool:
    return isinstance(value, str) and len(value) <= 1 and all(unicodedata.category(c) == "Zs" for c in value)


def _is_separator(value: object) -> bool:
    return isinstance(value, str) and len(value) == 1 and unicodedata.category(value)[0] in "PZ"


def _is_mark(value: object) -> bool:
    """A quotation mark, with at most one space beside it (French « and »)."""
    if not isinstance(value, str) or not 1 <= len(value) <= 2:
        return False
    categories = [unicodedata.category(c) for c in value]
    return all(c[0] == "P" or c == "Zs" for c in categories) and any(c[0] == "P" for c in categories)


def _is_pair(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_is_mark(mark) for mark in value)


_SPACE = _Kind(_is_space, 'one space character or none, such as "", " ", "\\u00a0" or "\\u202f"')
_SEPARATOR = _Kind(_is_separator, 'one punctuation mark or space, such as ".", "," or "\\u202f"')
_MARKS = _Kind(
    _is_pair, 'two quotation marks, opening and closing, such as ["“", "”"] or ["«\\u00a0", "\\u00a0»"]'
)
_SWITCH = _Kind(lambda value: isinstance(value, bool), "true or false")
_KINDS = {
    "decimal": _SEPARATOR,
    "group": _SEPARATOR,
    "quotes": _MARKS,
    "inner_quotes": _MARKS,
    "percent_space": _SPACE,
    "currency_before": _SWITCH,
    "currency_space": _SPACE,
    "space_before_high": _SPACE,
    "space_before_colon": _SPACE,
    "capitalised_names": _SWITCH,
    "capital_after_semicolon": _SWITCH,
    "capital_after_colon": _SWITCH,
}
_TOML_TYPES = {
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "a table",
}


def fields() -> tuple[str, ...]:
    """The profile fields a house style may set (all but the language).

    >>> fields()[:3]
    ('decimal', 'group', 'quotes')
    """
    return tuple(field.name for field in dataclasses.fields(Profile) if field.name != "language")


def parse(content: str, name: str) -> tuple[tuple[str, object], ...]:
    """The ``[style]`` table of a house style file as ``(profile field, value)`` pairs, sorted."""
    try:
        document = tomllib.loads(content)
    except tomllib.TOMLDecodeError as err:
        raise StyleError(name, f"not TOML: {err}") from None
    except RecursionError:
        raise StyleError(name, "not TOML that can be read: nested too deeply") from None
    except ValueError as err:  # an integer of thousands of digits
        raise StyleError(name, f"not TOML that can be read: {err}") from None
    for key in document:
        if key != "style":
            raise StyleError(name, f"unknown table or key {key!r}: a style file holds one [style] table")
    table = document.get("style", {})
    if not isinstance(table, dict):
        raise StyleError(name, f"'style' must be a table of settings ([style]), not {_type_of(table)}")
    return parse_table(table, name)


def parse_table(table: dict[str, object], name: str) -> tuple[tuple[str, object], ...]:
    """The overrides of a ``[style]`` table, however it was written (a style file, or the ``style``
    table of a configuration file); :class:`StyleError` naming ``name`` for one cleanup cannot use."""
    overrides = []
    for key, value in sorted(table.items()):
        kind = _KINDS.get(key)
        if kind is None:
            raise StyleError(name, f"unknown style setting {key!r} (known: {', '.join(fields())})")
        if not kind.accepts(value):
            raise StyleError(name, f"[style] {key} takes {kind.allowed}, not {_shown(value)}")
        overrides.append((key, tuple(value) if isinstance(value, list) else value))
    return tuple(overrides)


def read(path: str) -> tuple[tuple[str, object], ...]:
    """The overrides of the house style file at ``path``, read as :func:`cleanup.io.read_text_file`
    reads (a byte-order mark, UTF-16, Windows-1252)."""
    return parse(io.read_text_file(path, "style file"), path)


def _type_of(value: object) -> str:
    return next((said for kind, said in _TOML_TYPES.items() if isinstance(value, kind)), "a date or time")


def _shown(value: object) -> str:
    """A value as the error shows it: short strings as they are, anything else by its type."""
    if isinstance(value, str) and len(value) <= 10:
        return repr(value)
    return _type_of(value)
