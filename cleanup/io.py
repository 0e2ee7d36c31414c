"""Bytes to text and back, byte-faithfully, and atomic writes.

A :class:`Document` keeps what is needed to write the text back as it came:
the encoding and whether a byte-order mark began it. Line endings and the
final newline are part of the text itself and are never touched.

>>> doc = decode(b"\\xef\\xbb\\xbfline\\r\\n", "x.txt")
>>> doc.text, doc.bom, encode(doc, doc.text) == b"\\xef\\xbb\\xbfline\\r\\n"
('line\\r\\n', True, True)
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 100 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_SNIFF = 8192


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


def decode(data: bytes, path: str) -> Document:
    """Decode UTF-8 input, refusing binary, empty and oversized data."""
    if not data:
        raise InputError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:_SNIFF]:
        raise InputError(path, "binary file (contains NUL bytes)")
    bom = data.startswith(_BOM)
    try:
        text = data[len(_BOM) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + (len(_BOM) if bom else 0)
        raise InputError(path, f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})") from None
    return Document(path=path, text=text, bom=bom)


def encode(document: Document, text: str) -> bytes:
    """The bytes of ``text`` written the way ``document`` was read."""
    return (_BOM if document.bom else b"") + text.encode("utf-8")


def read(path: str) -> Document:
    """Read a file, or standard input when ``path`` is ``-``."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    target = Path(path)
    try:
        if target.is_dir():
            raise InputError(path, "is a directory (batch mode is not available yet; give files)")
        data = target.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, err.strerror or str(err)) from None
    return decode(data, path)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never a mix.

    The new file keeps the old one's permission bits; a symbolic link stays a link, and the file
    it points to is the one replaced.
    """
    target = Path(path).resolve()
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
