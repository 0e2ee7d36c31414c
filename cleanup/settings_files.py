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

from dataclasses import dataclass, field
from typing import Any

from cleanup import io
from cleanup.glossary import parse as parse_glossary
from cleanup.model import GlossaryEntry
from cleanup.style import parse as parse_style

# The settings files a run can be given, by the name of their option.
SETTING_FILES = ("glossary", "style", "allow")


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
        cls, glossary: str | None = None, style: str | None = None, allow: str | None = None
    ) -> SettingsFiles:
        """Read and parse the files given; :class:`~cleanup.io.InputError` (a glossary or style
        error among them) naming the file if one cannot be read or used."""
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

    def context_fields(self) -> dict[str, Any]:
        """The keyword arguments of :class:`~cleanup.passes.Context` these files give."""
        return {"glossary": self.glossary, "house": self.house, "allowed": self.allowed}
