"""The glossary, house style and allow files of a run: each read once, parsed, and fingerprinted.

A report records the SHA-256 of each file its changes were made with, and ``cleanup apply``
checks the files it is given against them; the fingerprint and the settings come from the same
read, so they always agree (a file given as a pipe can be read only once).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "allow.txt"
>>> _ = path.write_text("# kept as written\\nnon era possibile\\n")
>>> files = SettingsFiles.read(allow=str(path))
>>> files.allowed, files.digests["allow"] == io.sha256_hex(path.read_bytes()), files.digests["glossary"]
(frozenset({'non era possibile'}), True, None)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cleanup import io
from cleanup.glossary import parse as parse_glossary
from cleanup.model import GlossaryEntry
from cleanup.style import parse as parse_style
from cleanup.style import parse_table as parse_style_table

# The settings files a run can be given, by the name of their option.
SETTING_FILES = ("glossary", "style", "allow")


@dataclass(frozen=True)
class Inline:
    """The allow list and the style table a configuration file (``where``) writes out."""

    where: str
    allow: tuple[str, ...] | None = None
    style: dict[str, Any] | None = None


def _fingerprint(value: Any) -> str:
    """The SHA-256 of a value written out in a configuration file, in a canonical form."""
    return io.sha256_hex(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def parse_allowed(content: str) -> frozenset[str]:
    """The terms of an allow file, lowercased; blank lines and ``#`` comments skipped.

    >>> sorted(parse_allowed("Città del Vaticano\\n# a comment\\n\\nnon era possibile\\n"))
    ['città del vaticano', 'non era possibile']
    """
    lines = content.splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


@dataclass(frozen=True, slots=True)
class SettingsFiles:
    """What the settings files hold, and the path and SHA-256 of each (``None`` for one not given)."""

    glossary: tuple[GlossaryEntry, ...] = ()
    house: tuple[tuple[str, object], ...] = ()
    allowed: frozenset[str] = frozenset()
    paths: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(SETTING_FILES))
    digests: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(SETTING_FILES))

    @classmethod
    def read(
        cls,
        glossary: str | None = None,
        style: str | None = None,
        allow: str | None = None,
        *,
        inline: Inline | None = None,
    ) -> SettingsFiles:
        """Read and parse the files given; :class:`~cleanup.io.InputError` (a glossary or style
        error among them) naming the file if one cannot be read or used. ``inline`` holds the
        allow list and the style a configuration file writes out instead of naming files: their
        fingerprint is that of their values, in a canonical form."""
        if inline is not None and (inline.allow is not None or inline.style is not None):
            return cls._with_inline(
                cls.read(glossary, None if inline.style else style, None if inline.allow else allow), inline
            )
        paths = {"glossary": glossary, "style": style, "allow": allow}
        whats = {"glossary": "glossary", "style": "style file", "allow": "allow list"}
        digests: dict[str, str | None] = {}
        texts: dict[str, str] = {}
        for name, path in paths.items():
            if path is None:
                digests[name] = None
                continue
            data, texts[name] = io.read_text_and_bytes(path, whats[name])
            digests[name] = io.sha256_hex(data)
        return cls(
            glossary=parse_glossary(texts["glossary"], glossary) if glossary is not None else (),
            house=parse_style(texts["style"], style) if style is not None else (),
            allowed=parse_allowed(texts.get("allow", "")),
            paths=paths,
            digests=digests,
        )

    @classmethod
    def _with_inline(cls, files: SettingsFiles, inline: Inline) -> SettingsFiles:
        paths, digests = dict(files.paths), dict(files.digests)
        allowed, house = files.allowed, files.house
        if inline.allow is not None:
            allowed = parse_allowed("\n".join(inline.allow))
            paths["allow"] = f"{inline.where} (allow)"
            digests["allow"] = _fingerprint(sorted(allowed))
        if inline.style is not None:
            house = parse_style_table(inline.style, f"{inline.where} (style)")
            paths["style"] = f"{inline.where} (style)"
            digests["style"] = _fingerprint(inline.style)
        return cls(files.glossary, house, allowed, paths, digests)

    def context_fields(self) -> dict[str, Any]:
        """The keyword arguments of :class:`~cleanup.passes.Context` these files give."""
        return {"glossary": self.glossary, "house": self.house, "allowed": self.allowed}
