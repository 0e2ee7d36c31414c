"""Big files in pieces: a JSON Lines file longer than a block in blocks of lines, a Parquet file in
its row groups. Each piece is read, cleaned and written on its own (:func:`clean_piece`, a task a
worker runs), and the file is then put together from them (:func:`commit`): its findings moved to
their place in the file, its copy written atomically from the pieces' parts.

The pieces of a file are cut where no article spans two of them (an article is a line of JSON
Lines, a row of Parquet, each cleaned on its own), so a file in pieces is cleaned exactly as it
would be whole: the same copy, byte for byte, the same findings at the same places, the same first
error. That holds for any size of block and any number of workers.

Block ``i`` of a JSON Lines file holds the lines that start in its bytes ``[start, start +
length)``; the first line of a block is found by reading from the byte before it to the next line
break. A block is read as UTF-8 (JSON Lines is UTF-8), with the byte-order mark of the first.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "a.jsonl"
>>> _ = path.write_text('{"text": "one , two"}\\n{"text": "three"}\\n{"text": "four ; Five"}\\n')
>>> _read_block(str(path), 0, 30)
(b'{"text": "one , two"}\\n{"text": "three"}\\n', 0)
>>> _read_block(str(path), 30, 30)
(b'{"text": "four ; Five"}\\n', 40)

A Parquet file's text is in the column ``--field`` names (``text`` unless named), each value
cleaned as one article; its findings are located at line = the row (counted from 1 over the
file) and column = the character in the value.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from cleanup import io, outputs, tempfiles
from cleanup.discover import Input
from cleanup.formats import TEXT, FormatError
from cleanup.model import Finding
from cleanup.pipeline import Budget, TooManyFindings
from cleanup.pipeline import run as clean_text
from cleanup.work import Mode, Options, Outcome, Status, unexpected

PARQUET_SUFFIXES = (".parquet", ".parq")
# Why a Parquet file is not read whole, as a diff, the review or --in-place would read it.
NOT_WHOLE = (
    "a Parquet file is checked or cleaned into --out; it is not printed, diffed, reviewed or changed in place"
)
_SPLIT_MODES = (Mode.CHECK, Mode.OUT)  # the modes whose work a file in pieces can do
_COPY = 1024 * 1024  # bytes copied at a time


@dataclass(frozen=True, slots=True)
class Piece:
    """Piece ``index`` of ``item``: the block of lines that start in bytes ``[start, start +
    length)`` of a JSON Lines file, or row group ``index`` of a Parquet file. Its part (what a
    worker writes of it for ``--out``) is a temporary file of ``owner`` (``(host, pid)``: the
    process that puts the file together), so that no one else sweeps it away before then."""

    item: Input
    kind: str  # "jsonl" or "parquet"
    index: int
    start: int = 0
    length: int = 0
    owner: tuple[str, int] = ("", 0)
    seen: tuple[int, int] = (0, 0)  # the file's size and modification time when it was cut

    def describe(self) -> str:
        """Where the piece stands in its file, for an error line.

        >>> Piece(Input("a.jsonl", None, False), "jsonl", 2, 32, 16).describe()
        'block 3 (bytes 32 to 47)'
        """
        if self.kind == "parquet":
            return f"row group {self.index + 1}"
        return f"block {self.index + 1} (bytes {self.start} to {self.start + self.length - 1})"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What a worker made of a piece: whether it changed, its findings as located in the piece,
    what it holds (``lines``: lines or rows; ``chars``: characters of a block, by which the offsets
    of the next ones move, where a row's stay in its value; ``size``: bytes read, from byte
    ``begin`` of the file), the name of its part if one was written, or why it failed (``error``,
    on line ``error_line`` of the piece when the error has one)."""

    index: int
    changed: bool = False
    findings: tuple[Finding, ...] = ()
    lines: int = 0
    chars: int = 0
    size: int = 0
    begin: int = 0
    part: str | None = None
    error: str | None = None
    error_line: int | None = None


def is_parquet(path: str) -> bool:
    """Whether ``path`` names a Parquet file, by its extension.

    >>> is_parquet("corpus/shard-0001.parquet"), is_parquet("a.jsonl")
    (True, False)
    """
    return path.lower().endswith(PARQUET_SUFFIXES)


def pieces(item: Input, options: Options, owner: tuple[str, int]) -> list[Piece] | None:
    """The pieces ``item`` is cleaned in, or ``None`` for a file cleaned whole: one that is not
    JSON Lines longer than a block nor Parquet, or one the mode needs whole (a diff; a report
    with the text, unless the file is too big to read whole, or Parquet: such a file is listed
    without its text). A Parquet file whose row groups cannot be counted is one piece, whose
    worker reports why."""
    if item.error is not None or options.mode not in _SPLIT_MODES:
        return None
    try:
        info = os.stat(item.path)
    except OSError:
        return None
    parquet = is_parquet(item.path)
    if info.st_size <= options.block_bytes and not parquet:  # read whole, whatever its format
        return None
    seen = (info.st_size, info.st_mtime_ns)
    reading = options.own(item.path).reading
    if parquet and reading.format is None:  # shown without its text
        try:
            groups = _parquet(item.path).metadata.num_row_groups
        except (io.InputError, OSError):
            groups = 1
        return [Piece(item, "parquet", index, owner=owner, seen=seen) for index in range(groups)]
    whole_wanted = options.keep_results and info.st_size <= io.MAX_BYTES  # a report with its text
    if whole_wanted or info.st_size <= options.block_bytes or reading.format_for(item.path).name != "jsonl":
        return None
    size = options.block_bytes
    return [
        Piece(item, "jsonl", index, start, min(size, info.st_size - start), owner, seen)
        for index, start in enumerate(range(0, info.st_size, size))
    ]


def clean_piece(piece: Piece, options: Options) -> Cleaned:
    """Read, clean and, for ``--out``, write the part of one piece; a failure is reported, not raised."""
    try:
        if piece.kind == "parquet":
            return _clean_row_group(piece, options)
        return _clean_block(piece, options)
    except io.InputError as err:
        return Cleaned(piece.index, error=err.reason)
    except FormatError as err:
        return Cleaned(piece.index, error=f"{err.reason}; left as it is", error_line=err.line)
    except OSError as err:
        return Cleaned(piece.index, error=f"cannot read or write: {io.os_reason(err)}")
    except TooManyFindings as err:
        return Cleaned(piece.index, error=str(err))
    except Exception as err:  # cleanup's fault, not the file's: this file fails, the batch goes on
        return Cleaned(piece.index, error=unexpected(err))


def _read_block(path: str, start: int, length: int) -> tuple[bytes, int]:
    """The bytes of the lines that start in ``[start, start + length)`` of the file, and where the
    first of them starts; :class:`~cleanup.io.InputError` for a line longer than a file may be."""
    with open(path, "rb") as handle:
        if start:
            handle.seek(start - 1)
            if not _to_line_start(handle, start + length):
                return b"", start + length  # inside one line that started before: no line starts here
        begin = handle.tell()
        data = bytearray()
        while begin + len(data) < start + length and (line := _line(handle, path)):
            data += line
    return bytes(data), begin


def _to_line_start(handle: BinaryIO, limit: int) -> bool:
    """Move to just after the next line break, if one comes before byte ``limit``; whether it did.
    No more than the block is read: a long line's middle costs each block its own bytes only."""
    while (position := handle.tell()) < limit:
        chunk = handle.read(min(_COPY, limit - position))
        if not chunk:
            return False
        found = chunk.find(b"\n")
        if found >= 0:
            handle.seek(position + found + 1)
            return handle.tell() < limit
    return False


def _line(handle: BinaryIO, path: str) -> bytes:
    line = handle.readline(io.MAX_BYTES + 1)
    if len(line) > io.MAX_BYTES:
        raise io.InputError(path, f"a line is longer than {io.MAX_BYTES // (1024 * 1024)} MB")
    return line


def _decode_block(data: bytes, begin: int, path: str) -> io.Document:
    """A block's text, read as UTF-8, with the byte-order mark of the file's start."""
    bom = begin == 0 and data.startswith(codecs.BOM_UTF8)
    if begin == 0 and b"\x00" in data[:8192]:
        raise io.InputError(path, "binary file (contains NUL bytes)")
    try:
        return io.Document(path, data[3:].decode("utf-8") if bom else data.decode("utf-8"), bom=bom)
    except UnicodeDecodeError as err:
        at = begin + err.start + (3 if bom else 0)
        raise io.InputError(
            path,
            f"not UTF-8 (byte 0x{data[err.start + (3 if bom else 0)]:02x} at offset {at}), "
            "which a JSON Lines file read in blocks must be",
        ) from None


def _clean_block(piece: Piece, options: Options) -> Cleaned:
    item = piece.item
    data, begin = _read_block(item.path, piece.start, piece.length)
    document = _decode_block(data, begin, item.path)
    context, unsafe, reading, _ = options.own(item.path)
    form = reading.format_for(item.path)
    result = clean_text(document.text, context, unsafe=unsafe, form=form, budget=Budget())
    part = None
    if result.changed and options.mode is Mode.OUT and options.out is not None:
        fixed = io.encode(document, result.text)
        try:
            part = outputs.write_part(options.out, item.relative, fixed, piece.owner)
        except OSError as err:
            return Cleaned(piece.index, error=outputs.copy_failure(options.out, item.relative, err))
    return Cleaned(
        piece.index,
        result.changed,
        result.findings,
        lines=document.text.count("\n"),
        chars=len(document.text),
        size=len(data),
        begin=begin,
        part=part,
    )


def _arrow_errors() -> type[Exception]:
    try:
        import pyarrow
    except ImportError:
        return ImportError
    return pyarrow.ArrowException


def _parquet(path: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise io.InputError(path, "reading Parquet needs pyarrow: pip install 'cleanup[parquet]'") from None
    try:
        return pq.ParquetFile(path)
    except (_arrow_errors(), ValueError) as err:
        raise io.InputError(path, f"not a Parquet file that can be read ({_first_line(err)})") from None


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def _columns(path: str, table_schema: Any, fields: tuple[str, ...]) -> None:
    """:class:`~cleanup.io.InputError` unless every field is a column of text in the schema (of
    strings, or of a dictionary of them)."""
    import pyarrow as pa

    for name in fields:
        index = table_schema.get_field_index(name)
        if index < 0:
            there = ", ".join(table_schema.names)
            raise io.InputError(
                path, f"no column {name!r} to clean (columns: {there}); name one with --field"
            )
        kind = table_schema.field(index).type
        if pa.types.is_dictionary(kind):  # a categorical column: text stored once per distinct value
            kind = kind.value_type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            raise io.InputError(path, f"column {name!r} holds {table_schema.field(index).type}, not text")


def _clean_row_group(piece: Piece, options: Options) -> Cleaned:
    import pyarrow as pa
    import pyarrow.feather as feather

    item = piece.item
    parquet = _parquet(item.path)
    context, unsafe, reading, _ = options.own(item.path)
    fields = reading.fields or ("text",)
    _columns(item.path, parquet.schema_arrow, fields)
    try:
        table = parquet.read_row_group(piece.index, columns=list(fields))
    except (_arrow_errors(), ValueError) as err:
        raise io.InputError(item.path, f"{piece.describe()} cannot be read ({_first_line(err)})") from None
    columns = [table.column(name).to_pylist() for name in fields]
    found: list[Finding] = []
    changed = False
    budget = Budget()  # the row group's, shared by its strings
    for row in range(table.num_rows):
        for values in columns:
            value = values[row]
            if not value:
                continue
            result = clean_text(value, context, unsafe=unsafe, form=TEXT, budget=budget)
            found += [
                f._replace(line=row + 1, column=f.start + 1, end_line=row + 1, end_column=f.end + 1)
                for f in result.findings
            ]
            if result.changed:
                values[row] = result.text
                changed = True
    part = None
    if changed and options.mode is Mode.OUT and options.out is not None:
        cleaned = pa.table(
            {
                name: pa.array(values, type=table.schema.field(name).type)
                for name, values in zip(fields, columns, strict=True)
            }
        )
        sink = pa.BufferOutputStream()
        feather.write_feather(cleaned, sink, compression="uncompressed")
        part = outputs.write_part(options.out, item.relative, sink.getvalue().to_pybytes(), piece.owner)
    group = parquet.metadata.row_group(piece.index)
    size = sum(group.column(index).total_compressed_size for index in range(group.num_columns))
    return Cleaned(piece.index, changed, tuple(found), lines=table.num_rows, size=size, part=part)


def commit(item: Input, options: Options, cleaned: Sequence[Cleaned], pieces: Sequence[Piece]) -> Outcome:
    """Put a file together from its pieces: one outcome for it, with every finding where it stands
    in the file, and for ``--out`` its copy written atomically (the original's bytes where a piece
    did not change, the part where it did). The first piece that failed fails the file, as the
    first error of a file read whole does, and nothing is written."""
    return dataclasses.replace(_commit(item, options, cleaned, pieces), pieces=len(pieces))


def _commit(item: Input, options: Options, cleaned: Sequence[Cleaned], pieces: Sequence[Piece]) -> Outcome:
    lines = chars = size = 0
    findings: list[Finding] = []
    try:
        for piece in cleaned:
            if piece.error is not None:
                reason = (
                    piece.error
                    if piece.error_line is None
                    else f"line {piece.error_line + lines}: {piece.error}"
                )
                return Outcome(item.path, Status.FAILED, error=reason)
            findings += [
                f._replace(
                    start=f.start + chars, end=f.end + chars, line=f.line + lines, end_line=f.end_line + lines
                )
                for f in piece.findings
            ]
            lines, chars, size = lines + piece.lines, chars + piece.chars, size + piece.size
        changed = any(piece.changed for piece in cleaned)
        if options.mode is Mode.OUT and options.out is not None:
            if pieces and _identity(item.path) != pieces[0].seen:
                return Outcome(
                    item.path, Status.FAILED, error="changed while it was being cleaned; no copy written"
                )
            try:
                writer = _writer(item, options, cleaned, pieces, changed)
                outputs.write_copy(options.out, item.relative, writer, like=item.path)
            except OSError as err:
                reason = outputs.copy_failure(options.out, item.relative, err)
                return Outcome(item.path, Status.FAILED, error=reason)
    except io.InputError as err:
        return Outcome(item.path, Status.FAILED, error=err.reason)
    except OSError as err:
        return Outcome(item.path, Status.FAILED, error=f"cannot write: {io.os_reason(err)}")
    finally:
        if options.out is not None:
            outputs.remove_parts(options.out, item.relative, [p.part for p in cleaned if p.part])
    status = Status.CHANGED if changed else Status.UNCHANGED
    return Outcome(item.path, status, tuple(findings), size=size)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _writer(
    item: Input, options: Options, cleaned: Sequence[Cleaned], pieces: Sequence[Piece], changed: bool
) -> Any:
    """What writes the copy to the file it is given."""
    assert options.out is not None

    def copy(handle: BinaryIO) -> None:
        with open(item.path, "rb") as original:
            shutil.copyfileobj(original, handle, _COPY)

    def blocks(handle: BinaryIO) -> None:
        with open(item.path, "rb") as original:
            for piece in cleaned:
                if piece.part is None:
                    original.seek(piece.begin)
                    _copy_bytes(original, handle, piece.size)
                else:
                    with outputs.open_part(options.out, item.relative, piece.part) as part:
                        shutil.copyfileobj(part, handle, _COPY)

    def row_groups(handle: BinaryIO) -> None:
        _write_parquet(handle, item, options, cleaned)

    if not changed:
        return copy
    return row_groups if pieces[0].kind == "parquet" else blocks


def _copy_bytes(source: BinaryIO, target: BinaryIO, count: int) -> None:
    while count > 0:
        chunk = source.read(min(count, _COPY))
        if not chunk:
            raise OSError(f"the file ended {count} bytes early")
        target.write(chunk)
        count -= len(chunk)


def _write_parquet(handle: BinaryIO, item: Input, options: Options, cleaned: Sequence[Cleaned]) -> None:
    """The copy of a Parquet file: its schema, its row groups one for one, each column compressed
    as the original's first row group has it, the cleaned columns put in."""
    import pyarrow.feather as feather
    import pyarrow.parquet as pq

    assert options.out is not None
    parquet = _parquet(item.path)
    metadata = parquet.metadata
    first = metadata.row_group(0)
    codecs_used = {
        first.column(index).path_in_schema: _codec(first.column(index).compression)
        for index in range(first.num_columns)
    }
    with pq.ParquetWriter(handle, parquet.schema_arrow, compression=codecs_used) as writer:
        for piece in cleaned:
            table = parquet.read_row_group(piece.index)
            if piece.part is not None:
                with outputs.open_part(options.out, item.relative, piece.part) as part:
                    columns = feather.read_table(part)
                for name in columns.column_names:
                    index = table.schema.get_field_index(name)
                    table = table.set_column(index, table.schema.field(index), columns.column(name))
            writer.write_table(table, row_group_size=max(1, table.num_rows))


def _codec(name: str) -> str:
    return "none" if name.upper() == "UNCOMPRESSED" else name.lower()


def owner() -> tuple[str, int]:
    """This process, as the owner of the parts it puts together."""
    return tempfiles.host_id(), os.getpid()
