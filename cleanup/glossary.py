"""A newsroom's glossary of recurring leftovers: a TSV file of source term, English term, safety.

>>> entries = parse("# term\\ttranslation\\tsafety\\nCasa Bianca\\tWhite House\\tsafe\\n", "g.tsv")
>>> entries[0].source, entries[0].target, str(entries[0].safety)
('Casa Bianca', 'White House', 'safe')
"""

from __future__ import annotations

from cleanup import io
from cleanup.model import GlossaryEntry, Safety


class GlossaryError(io.InputError):
    """A glossary line that cannot be read: ``FILE:LINE: error: reason``."""


def parse(content: str, name: str) -> tuple[GlossaryEntry, ...]:
    """The entries of a glossary; blank lines and lines starting with ``#`` are skipped.

    Each line is ``source<TAB>target<TAB>safe|unsafe``; the safety may be left out (unsafe).
    """
    entries = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) == 2:
            fields.append("unsafe")
        if len(fields) != 3 or not fields[0] or fields[2] not in ("safe", "unsafe"):
            raise GlossaryError(
                f"{name}:{number}", f"expected 'source<TAB>target<TAB>safe|unsafe', got {line!r}"
            )
        entries.append(GlossaryEntry(fields[0], fields[1], Safety(fields[2])))
    return tuple(entries)


def read(path: str) -> tuple[GlossaryEntry, ...]:
    """The entries of the glossary file at ``path``, read as :func:`cleanup.io.read_text_file`
    reads (a byte-order mark, UTF-16, Windows-1252)."""
    return parse(io.read_text_file(path, "glossary"), path)
