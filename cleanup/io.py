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
import errno
import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from cleanup import codepages, tempfiles

MAX_BYTES = 100 * 1024 * 1024
_SNIFF = 8192
# Byte-order marks and the codecs they announce, byte order included (a file is written back in
# its own); UTF-32 before UTF-16, whose mark it starts with.
_BOMS = (
    (codecs.BOM_UTF8, "utf_8"),
    (codecs.BOM_UTF32_LE, "utf_32_le"),
    (codecs.BOM_UTF32_BE, "utf_32_be"),
    (codecs.BOM_UTF16_LE, "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf_16_be"),
)
_MARKS = {encoding: mark for mark, encoding in _BOMS}
_SHOWN_NAMES = {
    "utf_8": "UTF-8",
    "utf_32_le": "UTF-32LE",
    "utf_32_be": "UTF-32BE",
    "utf_16_le": "UTF-16LE",
    "utf_16_be": "UTF-16BE",
    "latin_1": "ISO-8859-1",
    "ascii": "ASCII",
    "mac_roman": "Mac Roman",
    "cp850": "DOS 850",
}


def shown_encoding(codec: str) -> str:
    """The name people know an encoding by, from Python's codec name.

    >>> [shown_encoding(codec) for codec in ("latin_1", "cp1252", "iso8859_15", "koi8_r")]
    ['ISO-8859-1', 'Windows-1252', 'ISO-8859-15', 'KOI8-R']
    """
    if codec in _SHOWN_NAMES:
        return _SHOWN_NAMES[codec]
    if codec.startswith("cp125"):
        return f"Windows-{codec[2:]}"
    if codec.startswith("iso8859_"):
        return f"ISO-8859-{codec[8:]}"
    return codec.replace("_", "-").upper()


# Where a text names its own encoding: an XML declaration (at its start), an HTML meta tag, a PO
# file's header; looked for in its first 64 KB, where a browser or gettext looks.
_DECLARATION = (
    r"""\A(?:\ufeff)?\s*<\?xml\s[^>]{0,200}?\bencoding\s*=\s*["']([\w.:-]{1,40})"""
    r"""|<meta\s[^>]{0,300}?\bcharset\s*=\s*["']?([\w.:-]{1,40})"""
    r"""|^"Content-Type:[^"\n]{0,100}?\bcharset=([\w.:-]{1,40})"""
)
_DECLARED = re.compile(_DECLARATION, re.IGNORECASE | re.MULTILINE | re.ASCII)
_DECLARATION_SCAN = 65_536
# The labels an HTML page's meta tag may give Windows-1252 by, as browsers read them (the WHATWG
# Encoding Standard): a page that says ISO-8859-1 or ASCII is read as Windows-1252.
_HTML_AS_1252 = frozenset({"latin_1", "ascii", "cp1252"})
_C1_CONTROLS = re.compile("[\x80-\x9f]")


class InputError(Exception):
    """An input that cannot be cleaned; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: error: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text and how to encode it back. A text in another encoding than UTF-8 that names
    its encoding itself (``declared``: see :func:`declared_codec`) is written back in it."""

    path: str
    text: str
    bom: bool = False
    encoding: str = "utf_8"
    declared: str | None = None  # the codec of the encoding the text names, if Python knows it
    # An HTML page that names no charset, read in ASCII or a code page: a browser reads it in its
    # own, so it is written back in it, a character the fixes bring in that it cannot hold as a
    # character reference (&#233;).
    references: bool = False


def declared_codec(text: str) -> str | None:
    """The codec of the encoding ``text`` names, where the programs that read it look: an XML
    declaration, an HTML ``<meta charset>``, a PO file's ``Content-Type`` header; ``None`` if it
    names none Python knows. An HTML page's ISO-8859-1 or ASCII is Windows-1252, as in a browser.

    >>> declared_codec('<?xml version="1.0" encoding="ISO-8859-1"?><a/>')
    'latin_1'
    >>> declared_codec('<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    'cp1252'
    >>> declared_codec('msgid ""\\nmsgstr ""\\n"Content-Type: text/plain; charset=windows-1250\\\\n"\\n')
    'cp1250'
    >>> declared_codec("The encoding of the file is Latin-1; its charset= header says so.") is None
    True
    """
    head = text[:_DECLARATION_SCAN].lower()
    if "charset" not in head and "encoding" not in head:  # the pattern, tried everywhere, costs more
        return None
    found = _DECLARED.search(text, 0, _DECLARATION_SCAN)
    if found is None:
        return None
    try:
        codec = codecs.lookup(found.group(found.lastindex or 1)).name.replace("-", "_")
    except LookupError:
        return None
    codec = {"iso8859_1": "latin_1", "us_ascii": "ascii", "utf_8_sig": "utf_8"}.get(codec, codec)
    if found.lastindex == 2 and codec in _HTML_AS_1252:
        return "cp1252"
    return codec


def _by_declaration(data: bytes, path: str) -> Document | None:
    """``data`` read in the encoding its text names (read as ASCII to find the name), when that
    reads it and holds no C1 control: Windows-1252 named ISO-8859-1, the commonest mislabel, is
    left to the guess."""
    codec = declared_codec(data[:_DECLARATION_SCAN].decode("ascii", "replace"))
    if codec is None or codec == "utf_8" or codecs.lookup(codec).name.startswith(("utf-16", "utf-32")):
        return None
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    if _C1_CONTROLS.search(text):
        return None
    return Document(path, text, encoding=codec, declared=codec)


def decode(data: bytes, path: str, *, page: bool | None = None) -> Document:
    """Decode input bytes: a byte-order mark first, then UTF-8, then Windows-1252 unless the
    evidence for another code page is strong. ``page`` says whether the text is an HTML page (the
    format it is read in), ``None`` to tell it from the path's extension.

    Binary, empty, oversized and undecodable data, and data whose code page is unclear, raise
    :class:`InputError`.
    """
    if not data:
        raise InputError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            body = data[len(mark) :]
            try:
                text = body.decode(encoding)
                named = encoding if declared_codec(text) else None
                return Document(path, text, bom=True, encoding=encoding, declared=named)
            except UnicodeDecodeError as err:
                raise InputError(
                    path, f"not valid {_SHOWN_NAMES[encoding]} despite its byte-order mark ({err.reason})"
                ) from None
    if b"\x00" in data[:_SNIFF]:
        raise InputError(path, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        where = f"byte 0x{data[err.start]:02x} at offset {err.start}"
    else:
        # ASCII that names another encoding: what the fixes add is written in that one.
        named = _by_declaration(data, path) if data.isascii() else None
        if named is None and data.isascii() and _undeclared_page(path, text, page):
            return Document(path, text, encoding="ascii", references=True)
        return named or Document(path, text)
    named = _by_declaration(data, path)
    if named is not None:
        return named
    try:
        reading = codepages.read(data)
    except codepages.Unclear as unclear:
        if not unclear.readings:
            raise InputError(path, f"not valid UTF-8 ({where}) nor any known encoding") from None
        raise InputError(
            path, f"not UTF-8, and its code page is unclear: {unclear}; save it as UTF-8 to clean it"
        ) from None
    declared = declared_codec(reading.text)
    references = declared is None and _undeclared_page(path, reading.text, page)
    return Document(path, reading.text, encoding=reading.encoding, declared=declared, references=references)


def _undeclared_page(path: str, text: str, page: bool | None) -> bool:
    """Whether ``text``, read from ``path``, is an HTML page (``page``, or else as the path's
    extension says) that names no charset.

    >>> page = "<p>Caf\\xe9</p>"
    >>> asked = [("a.html", None), ("a.php", True), ("a.txt", None)]
    >>> [_undeclared_page(path, page, told) for path, told in asked]
    [True, True, False]
    """
    is_page = page if page is not None else path.lower().endswith(_HTML_SUFFIXES)
    return is_page and declared_codec(text) is None


_HTML_SUFFIXES = (".html", ".htm")  # as cleanup.formats reads them


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
    return read_text_and_bytes(path, what, empty_ok=empty_ok)[1]


def read_text_and_bytes(path: str, what: str, *, empty_ok: bool = True) -> tuple[bytes, str]:
    """The bytes of a settings file and its text, as :func:`read_text_file` reads it: one read, so
    that a fingerprint of the bytes is the fingerprint of the text used (a pipe is read once)."""
    try:
        if os.path.isdir(path):
            raise InputError(path, "is a folder")
        data = read_bytes(path if path != "-" else os.path.join(".", path))
        if not data and empty_ok:
            return data, ""
        return data, decode(data, path).text
    except InputError as err:
        raise InputError(path, f"cannot read the {what}: {err.reason}") from None


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in lowercase hex, as reports and decisions files record it.

    >>> sha256_hex(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


def encode(document: Document, text: str, *, keep_encoding: bool = False) -> bytes:
    """The bytes of ``text``: UTF-8 (with the byte-order mark a UTF-8 document had), or the
    document's own encoding when ``keep_encoding`` is set or the document names one (``declared``):
    written as UTF-8, an XML file that declares ISO-8859-1 would be read back as mojibake.

    Raises :class:`InputError` when the text cannot be written in the document's encoding, or
    holds a character the document did not that the encoding it names cannot hold (a file named
    ISO-8859-1 but read as Windows-1252, given a curly quote).

    >>> latin = decode('<?xml version="1.0" encoding="ISO-8859-1"?><p>café</p>'.encode("latin-1"), "a.xml")
    >>> encode(latin, latin.text.replace("é", "é!"))[-9:]
    b'caf\\xe9!</p>'
    >>> encode(latin, latin.text.replace("é", "é “x”"))
    Traceback (most recent call last):
    cleanup.io.InputError: a.xml: error: the fixed text cannot be written in ISO-8859-1 ('“')
    """
    encoding = document.encoding
    if (keep_encoding or document.declared or document.references) and encoding != "utf_8":
        codec = encoding
        try:
            data = text.encode(codec, "xmlcharrefreplace" if document.references else "strict")
            if document.declared not in (None, encoding):  # and the characters the fixes brought in
                codec = document.declared
                "".join(sorted(set(text) - set(document.text))).encode(codec)
        except UnicodeEncodeError as err:
            character = err.object[err.start]
            raise InputError(
                document.path, f"the fixed text cannot be written in {shown_encoding(codec)} ({character!r})"
            ) from None
        return (_MARKS.get(encoding, b"") if document.bom else b"") + data
    mark = codecs.BOM_UTF8 if document.bom and encoding == "utf_8" else b""
    return mark + text.encode("utf-8")


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``; :class:`InputError` says in a few words
    why not.

    No more than :data:`MAX_BYTES` is ever held: a regular file over the limit is refused from its
    size before it is read; a pipe, a FIFO or standard input is read up to one byte past the limit
    and refused there; a device or a socket is refused by its type, unopened.
    """
    if path == "-":
        if sys.stdin is None:
            raise InputError(path, "no standard input")
        stdin = sys.stdin.buffer
        try:
            return _read_limited(getattr(stdin, "read1", stdin.read), path, 0)
        except OSError as err:
            raise InputError(path, os_reason(err)) from None
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory (give --out, --in-place or --diff to clean a tree)")
        if stat.S_ISREG(info.st_mode):
            if info.st_size > MAX_BYTES:
                raise InputError(path, f"file is larger than {_limit()}")
            # Not blocking, in case a FIFO took the file's place since the stat.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        elif stat.S_ISFIFO(info.st_mode):
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        else:
            raise InputError(path, f"is {_kind(info.st_mode)}, not a text file")
        try:
            opened = os.fstat(fd)
            if stat.S_IFMT(opened.st_mode) != stat.S_IFMT(info.st_mode):
                raise InputError(path, "changed while it was being opened; left as it is")
            first = opened.st_size + 1 if stat.S_ISREG(opened.st_mode) else 0
            return _read_limited(lambda size: os.read(fd, size), path, first)
        finally:
            os.close(fd)
    except OSError as err:
        raise InputError(path, os_reason(err)) from None


_CHUNK = 64 * 1024
_MB = 1024 * 1024
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_KINDS = {stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def _limit() -> str:
    return f"{MAX_BYTES // _MB} MB" if MAX_BYTES % _MB == 0 else f"{MAX_BYTES} bytes"


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def _read_limited(read: Callable[[int], bytes], path: str, first: int) -> bytes:
    """What ``read`` gives up to its end, asking for ``first`` bytes first; :class:`InputError`
    once more than :data:`MAX_BYTES` came, having asked for no more than one byte past it."""
    chunks, total, size = [], 0, max(first, _CHUNK)
    while total <= MAX_BYTES:
        chunk = read(min(size, MAX_BYTES + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        size = _CHUNK
    raise InputError(path, f"input is larger than {_limit()}; read no further")


def os_reason(err: OSError) -> str:
    """An operating-system error in a few words, as error lines give it.

    >>> os_reason(PermissionError(13, "Permission denied")), os_reason(FileNotFoundError(2, "x"))
    ('permission denied', 'no such file')
    """
    if isinstance(err, FileNotFoundError):
        return "no such file"
    reason = err.strerror or str(err)
    return reason[:1].lower() + reason[1:]


def write_atomic(path: str, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never a mix.

    The new file keeps the old one's permission bits (a file that did not exist gets the usual
    ones, 0666 less the umask, not the temporary file's 0600); a symbolic link stays a link, and
    the file it points to is the one replaced. ``durable`` also forces the data to disk before the rename,
    which rewriting an original needs and writing a new copy does not.
    """
    target = os.path.realpath(path)
    folder = os.open(os.path.dirname(target), _FOLDER)
    try:
        replace_in(folder, os.path.basename(target), data, durable=durable)
    finally:
        os.close(folder)


def sweep_leftovers(folder: str, owner: tuple[str, int] | None = None) -> None:
    """Remove the stale temporary files of ended processes from ``folder`` (what a killed writer
    left), as a write there would, and with ``owner``, every temporary file of that process; a
    folder that cannot be opened is left alone."""
    try:
        descriptor = os.open(folder, _FOLDER | os.O_NOFOLLOW)
    except OSError:
        return
    try:
        tempfiles.sweep(descriptor)
        if owner is not None:
            tempfiles.sweep_owned(descriptor, owner)
    finally:
        os.close(descriptor)


def write_beside(path: str, suffix: str, data: bytes) -> None:
    """Write ``data`` as the file named ``path`` + ``suffix``, in ``path``'s folder, atomically and
    durably. A symbolic link of that name is replaced, never written through (a backup must not
    reach outside the tree).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "a.txt.orig").symlink_to(folder / "elsewhere.txt")
    >>> write_beside(str(folder / "a.txt"), ".orig", b"old")
    >>> (folder / "a.txt.orig").is_symlink(), (folder / "elsewhere.txt").exists()
    (False, False)
    """
    folder = os.open(os.path.dirname(path) or ".", _FOLDER)
    try:
        replace_in(folder, os.path.basename(path) + suffix, data)
    finally:
        os.close(folder)


def replace_in(
    folder: int,
    name: str,
    data: bytes | Callable[[BinaryIO], None],
    *,
    durable: bool = True,
    mode: int | None = None,
) -> None:
    """:func:`write_atomic` of the file ``name`` in the folder open as ``folder`` (a file descriptor),
    with ``data``, or with what ``data`` writes to the file it is given (a file too big to hold).
    The file keeps its permission bits, or takes ``mode``.

    Nothing is followed: a symbolic link called ``name`` would be replaced by the file, not written
    through. The temporary file is one of :mod:`cleanup.tempfiles`, whose stale leftovers in the
    folder are removed first.
    """
    mode = _mode_for(folder, name) if mode is None else mode
    fd, temporary = _temporary(folder, name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise


def _mode_for(folder: int, name: str) -> int:
    """The permission bits of the regular file ``name`` in ``folder``, else a new file's."""
    try:
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return _new_file_mode()
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else _new_file_mode()


def _temporary(folder: int, target: str) -> tuple[int, str]:
    """A new temporary file in ``folder`` for a write to ``target``: its descriptor and name."""
    tempfiles.sweep(folder)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(10):
        name = tempfiles.temporary_name(target)
        try:
            return os.open(name, flags, 0o600, dir_fd=folder), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name")


def copy_mode(bits: int) -> int:
    """The permission bits of a copy of a file with ``bits``: those less the umask and the
    execute, set-id and sticky bits, as a new file would have them at most (``cp`` keeps the
    execute bits; an article has none to keep)."""
    return bits & _new_file_mode()


def _new_file_mode() -> int:
    """0666 less the process's umask, as ``open`` would give a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# A lone surrogate, which is how Python reads a byte of a file name that is not UTF-8, is written as
# the escape \udcXX: readable in a page, and the very escape that JSON reads back.
_UNENCODABLE = "backslashreplace"


class AtomicTextFile:
    """A UTF-8 text file that appears at ``path`` only once :meth:`commit` is called; until then
    it is written beside it under a temporary name, which :meth:`discard` removes.

    A FIFO or a character device named as ``path`` (a pipe, ``/dev/stdout``, ``/dev/null``) is a
    stream, not a file to replace: it is written directly. A link stays a link, as with
    :func:`write_atomic`.
    """

    def __init__(self, path: str) -> None:
        self._folder: int | None = None
        try:
            info: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            info = None
        if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
            self.handle: TextIO = open(path, "w", encoding="utf-8", errors=_UNENCODABLE)  # noqa: SIM115
            return
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, f"is {_kind(info.st_mode)}, not a regular file")
        target = os.path.realpath(path)
        self._name = os.path.basename(target)
        self._folder = os.open(os.path.dirname(target), _FOLDER)
        try:
            self._mode = _mode_for(self._folder, self._name)
            fd, self._temporary = _temporary(self._folder, self._name)
        except BaseException:
            os.close(self._folder)
            raise
        self.handle = os.fdopen(fd, "w", encoding="utf-8", errors=_UNENCODABLE)

    def commit(self) -> None:
        """Put the complete file in place; on failure, :meth:`discard` and raise."""
        if self._folder is None:
            self.handle.close()
            return
        try:
            self.handle.flush()
            os.fchmod(self.handle.fileno(), self._mode)
            self.handle.close()
            os.replace(self._temporary, self._name, src_dir_fd=self._folder, dst_dir_fd=self._folder)
        except BaseException:
            self.discard()
            raise
        os.close(self._folder)
        self._folder = None

    def discard(self) -> None:
        """Remove the temporary file and leave ``path`` as it was."""
        with contextlib.suppress(OSError):
            self.handle.close()
        if self._folder is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self._temporary, dir_fd=self._folder)
        os.close(self._folder)
        self._folder = None
