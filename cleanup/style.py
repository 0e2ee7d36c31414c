"""A newsroom's house style: overrides of the target language's profile, from a TOML file.

>>> parse('[style]\\npercent_space = " "\\nquotes = ["\\\\"", "\\\\""]\\n', "house.toml")
(('percent_space', ' '), ('quotes', ('"', '"')))
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from cleanup.lang.profiles import Profile, profile_for


class StyleError(ValueError):
    """A house style file that cannot be used; the message names the file."""


_FIELDS = {field.name: field for field in dataclasses.fields(Profile) if field.name != "language"}


def parse(content: str, name: str) -> tuple[tuple[str, object], ...]:
    """The ``[style]`` table of a house style file as ``(profile field, value)`` pairs."""
    try:
        table = tomllib.loads(content).get("style", {})
    except tomllib.TOMLDecodeError as err:
        raise StyleError(f"{name}: {err}") from None
    english = profile_for("en")
    overrides = []
    for key, value in sorted(table.items()):
        if key not in _FIELDS:
            raise StyleError(f"{name}: unknown style setting {key!r} (known: {', '.join(_FIELDS)})")
        default = getattr(english, key)
        if isinstance(default, tuple):
            if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
                raise StyleError(f"{name}: {key} takes two strings, an opening and a closing mark")
            value = tuple(value)
        elif type(value) is not type(default):
            raise StyleError(f"{name}: {key} takes a {type(default).__name__}")
        overrides.append((key, value))
    return tuple(overrides)


def read(path: str) -> tuple[tuple[str, object], ...]:
    """The overrides of the house style file at ``path``."""
    return parse(Path(path).read_text(encoding="utf-8"), path)
