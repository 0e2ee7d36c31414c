"""Bytes to text and back, byte-faithfully, and atomic writes.

A :class:`Document` keeps what is needed to write the text back as it came:
the encoding and whether a byte-order mark began it. Line endings and the
final newline are part of the text itself and are never touched. Bytes that
are not UTF-8 are Windows-1252 unless the evidence for another code page is
strong (:mod:`cleanup.codepages`); when it is weak, the file is refused with
the readings that compete.

>>> doc = decode(b"\\xef\\xbb\\xbfline\\r\\n", "x.txt")
>>> doc.text, doc.bom, encode(doc, doc.text) == b"\\xef\\xbb\\xbfline\\r\\n"
('line\\r\\n', True, True)
>>> decode("Café crème".encode("cp1252"), "old.txt").encoding
'cp1252'
>>> decode(b"Gda\\xf1sk", "short.txt").text  # Windows-1252 for Gdańsk in cp1250: no evidence against it
'Gdañsk'
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from cleanup import codepages

MAX_BYTES = 100 * 1024 * 1024
_SNIFF = 8192
# Byte-order marks and the codecs they announce; UTF-32 before UTF-16, whose mark it starts with.
_BOMS = (
    (codecs.BOM_UTF8, "utf_8"),
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)


class InputError(Exception):
    """An input that cannot be cleaned; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: error: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text and how to encode it back."""

    path: str
    text: str
    bom: bool = False
    encoding: str = "utf_8"


def decode(data: bytes, path: str) -> Document:
    """Decode input bytes: a byte-order mark first, then UTF-8, then Windows-1252 unless the
    evidence for another code page is strong.

    Binary, empty, oversized and undecodable data, and data whose code page is unclear, raise
    :class:`InputError`.
    """
    if not data:
        raise InputError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            body = data[len(mark) :] if encoding == "utf_8" else data
            try:
                return Document(path, body.decode(encoding), bom=True, encoding=encoding)
            except UnicodeDecodeError as err:
                raise InputError(
                    path, f"not valid {encoding.upper()} despite its byte-order mark ({err.reason})"
                ) from None
    if b"\x00" in data[:_SNIFF]:
        raise InputError(path, "binary file (contains NUL bytes)")
    try:
        return Document(path, data.decode("utf-8"))
    except UnicodeDecodeError as err:
        where = f"byte 0x{data[err.start]:02x} at offset {err.start}"
    try:
        reading = codepages.read(data)
    except codepages.Unclear as unclear:
        if not unclear.readings:
            raise InputError(path, f"not valid UTF-8 ({where}) nor any known encoding") from None
        raise InputError(
            path, f"not UTF-8, and its code page is unclear: {unclear}; save it as UTF-8 to clean it"
        ) from None
    return Document(path, reading.text, encoding=reading.encoding)


def read_text_file(path: str, what: str, *, empty_ok: bool = True) -> str:
    """The text of a file cleanup reads for its settings (a glossary, an allow list, a house
    style, a decisions file), decoded with the same care as an article: a byte-order mark, UTF-16,
    Windows-1252 (:func:`decode`). ``what`` names the file in errors; an empty file is ``""``
    unless ``empty_ok`` is false.

    A file that is missing, a folder, unreadable, binary, too large or undecodable raises
    :class:`InputError` naming it and what it is for.

    >>> read_text_file("/nonexistent/house.toml", "style file")
    Traceback (most recent call last):
    cleanup.io.InputError: /nonexistent/house.toml: error: cannot read the style file: no such file
    """
    try:
        if os.path.isdir(path):
            raise InputError(path, "is a folder")
        data = read_bytes(path if path != "-" else os.path.join(".", path))
        if not data and empty_ok:
            return ""
        return decode(data, path).text
    except InputError as err:
        raise InputError(path, f"cannot read the {what}: {err.reason}") from None


def encode(document: Document, text: str, *, keep_encoding: bool = False) -> bytes:
    """The bytes of ``text``: UTF-8 (with the byte-order mark a UTF-8 document had), or the
    document's own encoding when ``keep_encoding`` is set.

    Raises :class:`InputError` when the text cannot be written in the document's encoding.
    """
    if keep_encoding and document.encoding != "utf_8":
        try:
            return text.encode(document.encoding)
        except UnicodeEncodeError as err:
            raise InputError(
                document.path,
                f"the fixed text cannot be written in {document.encoding} ({text[err.start]!r})",
            ) from None
    mark = codecs.BOM_UTF8 if document.bom and document.encoding == "utf_8" else b""
    return mark + text.encode("utf-8")


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``; :class:`InputError` says in a few words
    why not."""
    if path == "-":
        return sys.stdin.buffer.read()
    target = Path(path)
    try:
        if target.is_dir():
            raise InputError(path, "is a directory (give --out, --in-place or --diff to clean a tree)")
        return target.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, err.strerror or str(err)) from None


def write_atomic(path: str, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never a mix.

    The new file keeps the old one's permission bits (a file that did not exist gets the usual
    ones, 0666 less the umask, not the temporary file's 0600); a symbolic link stays a link, and
    the file it points to is the one replaced. ``durable`` also forces the data to disk before the rename,
    which rewriting an original needs and writing a new copy does not.
    """
    target = Path(path).resolve()
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _new_file_mode()
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """0666 less the process's umask, as ``open`` would give a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_text_file(path: str) -> Iterator[TextIO]:
    """A UTF-8 text file that appears at ``path`` only once it is complete."""
    target = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        os.chmod(temporary, _new_file_mode())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
