"""Apply a decisions file safely: only cleanup's own changes, only to files inside one folder.

A decisions file may come from anywhere (downloaded, edited by hand), so nothing in it is
trusted. A file's path must lead, once every symbolic link is resolved, to a regular file inside
the folder ``cleanup apply`` works in; its bytes must be the ones the decisions were made on;
its changes are made again with the recorded settings (rules and languages from cleanup's own
lists; a glossary, style or allow file only as given on the command line, and only if it is the
one recorded); and the recorded hunks must be exactly the changes made again. Only then are the
accepted ones applied, from cleanup's own hunks, never from the file's text.

>>> import tempfile, pathlib
>>> from cleanup.io import sha256_hex
>>> from cleanup.review.decisions import Settings, FileDecisions
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_bytes(b"the market , said")
>>> settings = Settings(("space-before-punctuation",))
>>> hunks = plan(FileDecisions("a.txt", sha256_hex(b"the market , said"), settings, (), frozenset()),
...     folder, SettingsFiles()).changes.hunks
>>> decided = FileDecisions("a.txt", sha256_hex(b"the market , said"), settings, hunks, frozenset({1}))
>>> apply_decisions(decided, folder, SettingsFiles())
'applied 1 of 1 change'
>>> (folder / "a.txt").read_text()
'the market, said'
>>> evil = FileDecisions("../../etc/passwd", "0" * 64, settings, (), frozenset())
>>> apply_decisions(evil, folder, SettingsFiles())
Traceback (most recent call last):
...
cleanup.io.InputError: ../../etc/passwd: error: outside the folder apply works in; give --root
"""

from __future__ import annotations

import codecs
import contextlib
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cleanup import io
from cleanup.config import ConfigError, find_config, read_config
from cleanup.outputs import replace_below
from cleanup.passes import Context
from cleanup.pipeline import run
from cleanup.render.paths import shown_path
from cleanup.render.summary import plural
from cleanup.review.decisions import FileDecisions, Settings
from cleanup.review.hunks import Changes, apply_hunks, split_changes, unapply_hunks
from cleanup.settings_files import SETTING_FILES, Inline, SettingsFiles


def confined(path: str, root: Path) -> Path:
    """The real path of ``path`` (relative to ``root``, or absolute) if it is a regular file
    inside ``root`` once every link is resolved; :class:`~cleanup.io.InputError` if not."""
    if not path or "\x00" in path:
        raise io.InputError(path, "not a file name")
    base = root.resolve()
    try:
        real = (base / path).resolve(strict=True)
        info = real.stat()
    except FileNotFoundError:
        where = (
            "the current folder (paths are read from the folder the report was made in: give it with --root)"
            if str(root) == "."
            else f"{shown_path(str(root))} (the folder given by --root)"
        )
        raise io.InputError(path, f"no such file in {where}") from None
    except (OSError, RuntimeError, ValueError) as err:  # a link loop, a name too long …
        raise io.InputError(path, f"cannot be opened ({getattr(err, 'strerror', None) or err})") from None
    if not real.is_relative_to(base):
        raise io.InputError(path, "outside the folder apply works in; give --root")
    if not stat.S_ISREG(info.st_mode):
        raise io.InputError(path, "not a regular file")
    return real


def replay_context(
    settings: Settings, given: SettingsFiles, configured: SettingsFiles | None = None
) -> Context:
    """The context the changes were made with; each glossary, style or allow file it records must
    be ``given``, or be the file's configuration's (``configured``: a file it names, or values it
    writes out), and be the one it records (by SHA-256). :class:`ValueError` says which is not."""
    chosen: dict[str, SettingsFiles] = {}
    for name in SETTING_FILES:
        recorded, digest = getattr(settings, name), given.digests[name]
        if configured is not None and digest is None and configured.digests[name] == recorded:
            chosen[name] = configured
            continue
        if recorded is None and digest is not None:
            raise ValueError(f"the decisions were made without --{name}: leave it out")
        if recorded is not None and digest is None:
            raise ValueError(
                f"the decisions were made with a --{name} file (SHA-256 {recorded[:12]}…): give it"
            )
        if recorded != digest:
            path = shown_path(given.paths[name] or "")
            raise ValueError(f"--{name} {path} is not the file the decisions were made with")
        chosen[name] = given
    return Context(
        enabled=frozenset(settings.rules),
        target=settings.target,
        sources=settings.sources,
        glossary=chosen["glossary"].glossary,
        house=chosen["style"].house,
        allowed=chosen["allow"].allowed,
    )


def configured_files(path: Path) -> SettingsFiles | None:
    """The glossary, style and allow list the configuration that governs the file at ``path``
    gives (``None`` where none does); :class:`ValueError` for one that cannot be used."""
    config = find_config(path.parent)
    if config is None:
        return None
    options = read_config(config)
    inline = None
    if "allow_terms" in options or "style_table" in options:
        inline = Inline(options["inline_from"], options.get("allow_terms"), options.get("style_table"))
    try:
        return SettingsFiles.read(
            options.get("glossary_file"), options.get("style_file"), options.get("allow_file"), inline=inline
        )
    except io.InputError as err:
        raise ValueError(f"{shown_path(err.path)}: {err.reason}") from None


@dataclass(frozen=True, slots=True)
class Plan:
    """What applying one file's decisions means: where the file really is, its bytes and document,
    and cleanup's own changes to it."""

    real: Path
    data: bytes
    document: io.Document
    changes: Changes


def plan(decided: FileDecisions, root: Path, given: SettingsFiles) -> Plan | None:
    """Check one file's decisions against the file and cleanup's own changes to it; ``None``
    when the file already holds the accepted changes (:func:`_applied`)."""
    real = confined(decided.path, root)
    data = io.read_bytes(str(real))
    if io.sha256_hex(data) != decided.sha256:
        if _applied(decided, data):
            return None
        raise io.InputError(decided.path, "changed since the decisions were made; left as it is")
    form = decided.settings.reading.format_for(decided.path)
    document = io.decode(data, decided.path, page=form.name == "html")
    try:
        context = replay_context(decided.settings, given, configured_files(real))
    except (ValueError, ConfigError) as err:
        raise io.InputError(decided.path, str(err.message if isinstance(err, ConfigError) else err)) from None
    changes = split_changes(run(document.text, context, unsafe=decided.settings.unsafe, form=form))
    return Plan(real, data, document, changes)


# The encodings, with their byte-order marks, a file may have been in before apply wrote it in
# UTF-8 (without --keep-encoding): those a newsroom's files come in.
_ORIGINAL_ENCODINGS = {
    "utf_8": codecs.BOM_UTF8,
    "cp1252": b"",
    "latin_1": b"",
    "utf_16_le": codecs.BOM_UTF16_LE,
    "utf_16_be": codecs.BOM_UTF16_BE,
    "utf_32_le": codecs.BOM_UTF32_LE,
    "utf_32_be": codecs.BOM_UTF32_BE,
}


def _applied(decided: FileDecisions, data: bytes) -> bool:
    """Whether ``data`` is the file the decisions were made on with their accepted changes applied:
    taken away again, they give its recorded bytes, in the encoding it is read in or in one it may
    have been in before apply wrote it in UTF-8."""
    if not decided.accepted:
        return False
    try:
        form = decided.settings.reading.format_for(decided.path)
        document = io.decode(data, decided.path, page=form.name == "html")
    except io.InputError:
        return False
    original = unapply_hunks(document.text, decided.hunks, decided.accepted)
    if original is None:
        return False
    candidates = []
    for keep_encoding in (False, True):
        with contextlib.suppress(io.InputError):
            candidates.append(io.encode(document, original, keep_encoding=keep_encoding))
    for codec, mark in _ORIGINAL_ENCODINGS.items():
        with contextlib.suppress(UnicodeEncodeError):
            encoded = original.encode(codec)
            candidates += [encoded, mark + encoded] if mark else [encoded]
    return any(io.sha256_hex(candidate) == decided.sha256 for candidate in candidates)


def _same(decided: FileDecisions, changes: Changes) -> bool:
    mine = [(h.id, h.parts) for h in changes.hunks]
    return mine == [(h.id, h.parts) for h in decided.hunks]


def apply_decisions(
    decided: FileDecisions, root: Path, given: SettingsFiles, *, keep_encoding: bool = False
) -> str:
    """Apply one file's accepted changes; what was done, or :class:`~cleanup.io.InputError`."""
    made = plan(decided, root, given)
    if made is None:
        return f"already applied ({plural(len(decided.accepted), 'change')}); left as it is"
    if not _same(decided, made.changes):
        raise io.InputError(
            decided.path,
            "the decisions are not the changes cleanup makes to this file (another version of "
            "cleanup, or other settings); left as it is",
        )
    text = apply_hunks(made.document.text, made.changes.hunks, decided.accepted)
    if text != made.document.text:
        if io.read_bytes(str(made.real)) != made.data or confined(decided.path, root) != made.real:
            raise io.InputError(decided.path, "changed while the decisions were being applied; left as it is")
        base = root.resolve()
        fixed = io.encode(made.document, text, keep_encoding=keep_encoding)
        replace_below(str(base), PurePosixPath(made.real.relative_to(base).as_posix()), fixed)
    return f"applied {len(decided.accepted)} of {plural(len(decided.hunks), 'change')}"
