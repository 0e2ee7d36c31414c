"""Reading and writing keep every byte that is not fixed."""

from __future__ import annotations

import codecs
import contextlib
import io as stdio
import os
import socket
import stat
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from cleanup import io
from cleanup.cli import main


@pytest.mark.parametrize(
    "data",
    [
        b"line one\r\nline two\r\n",
        b"old mac\rlines\r",
        b"no final newline",
        b"\xef\xbb\xbfwith a BOM\n",
        "curly “quotes” and no\u00a0break\n".encode(),
    ],
)
def test_round_trip_is_byte_identical(data: bytes) -> None:
    document = io.decode(data, "x.txt")
    assert io.encode(document, document.text) == data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        (bytes(range(0x80, 0x100)) * 4, "not valid UTF-8 (byte 0x80 at offset 0) nor any known encoding"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(io.InputError, match=r"^x\.txt: error: ") as caught:
        io.decode(data, "x.txt")
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café crème – “quoted” naïve", "cp1252"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy a další věty", "cp1250"),
    ],
)
def test_other_encodings_are_detected_and_kept_on_request(text: str, encoding: str) -> None:
    document = io.decode(text.encode(encoding), "x.txt")
    assert (document.text, document.encoding) == (text, encoding)
    assert io.encode(document, document.text) == text.encode("utf-8")
    assert io.encode(document, document.text, keep_encoding=True) == text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_kept_in_their_byte_order(encoding: str) -> None:
    mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    mark |= {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
    data = mark[encoding] + "Zürich\r\n".encode(encoding)
    document = io.decode(data, "x.txt")
    assert document.text == "Zürich\r\n" and document.bom
    assert io.encode(document, document.text, keep_encoding=True) == data
    assert io.encode(document, document.text) == "Zürich\r\n".encode()  # UTF-8 unless kept


def test_text_that_does_not_fit_the_kept_encoding_is_refused() -> None:
    document = io.decode("Café".encode("cp1252"), "x.txt")
    with pytest.raises(io.InputError, match="cannot be written in Windows-1252"):
        io.encode(document, "Café in Łódź", keep_encoding=True)


def test_missing_file_and_directory(tmp_path) -> None:
    with pytest.raises(io.InputError, match="no such file"):
        io.read_bytes(str(tmp_path / "absent.txt"))
    with pytest.raises(io.InputError, match="is a directory"):
        io.read_bytes(str(tmp_path))


def test_atomic_write_keeps_permissions_and_leaves_no_temporary(tmp_path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    io.write_atomic(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_new_file_gets_the_usual_permissions_not_the_temporary_files(tmp_path) -> None:
    umask = os.umask(0o022)
    try:
        io.write_atomic(str(tmp_path / "new.txt"), b"new")
        report = io.AtomicTextFile(str(tmp_path / "report.json"))
        report.handle.write("[]")
        report.commit()
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "report.json").stat().st_mode) == 0o644


def test_failed_write_leaves_the_original_intact(tmp_path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"original bytes")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        io.write_atomic(str(target), b"half-written replacement")
    assert target.read_bytes() == b"original bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


class _Endless(stdio.RawIOBase):
    """An endless stream of zeros that counts what was taken from it, like ``/dev/zero`` on stdin."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = bytes(len(buffer))
        self.taken += len(buffer)
        return len(buffer)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_by_its_type_unopened(device: str, monkeypatch) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda path, *a, **k: opened.append(path) or real_open(path, *a, **k))
    with pytest.raises(io.InputError) as caught:
        io.read_bytes(device)
    assert caught.value.reason == "is a character device, not a text file"
    assert opened == []


def test_a_socket_is_refused_by_its_type(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a short path: socket names are limited to about 100 bytes
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("news.txt")
        with pytest.raises(io.InputError) as caught:
            io.read_bytes("news.txt")
    finally:
        server.close()
    assert caught.value.reason == "is a socket, not a text file"


def test_a_file_over_the_limit_is_refused_from_its_size_before_any_read(tmp_path, monkeypatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(io.MAX_BYTES + 1)  # sparse: costs no disk and no time

    def no_read(*args: object) -> bytes:
        raise AssertionError("a file over the limit was read")

    monkeypatch.setattr(os, "read", no_read)
    with pytest.raises(io.InputError) as caught:
        io.read_bytes(str(huge))
    assert caught.value.reason == "file is larger than 100 MB"


def test_endless_standard_input_is_read_one_byte_past_the_limit_and_refused(monkeypatch) -> None:
    monkeypatch.setattr(io, "MAX_BYTES", 100_000)
    endless = _Endless()
    done = CliRunner().invoke(main, ["check", "-"], input=endless)
    assert done.exit_code == 2
    assert done.stderr == "-: error: input is larger than 100000 bytes; read no further\n"
    assert endless.taken <= 100_001


def test_dev_zero_on_standard_input_is_refused(monkeypatch) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("/dev/zero is not on this system")
    monkeypatch.setattr(io, "MAX_BYTES", 100_000)
    with open("/dev/zero", "rb") as zeros:
        done = CliRunner().invoke(main, ["fix", "-"], input=zeros)
    assert (done.exit_code, done.stdout_bytes) == (2, b"")
    assert done.stderr == "-: error: input is larger than 100000 bytes; read no further\n"


def _feed_fifo(path: str, data: bytes, endless: bool) -> threading.Thread:
    def write() -> None:
        with contextlib.suppress(BrokenPipeError), open(path, "wb") as fifo:
            fifo.write(data)
            while endless:
                fifo.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def test_a_fifo_is_read_like_a_pipe(tmp_path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    writer = _feed_fifo(str(fifo), b"the market , said\n", endless=False)
    assert io.read_bytes(str(fifo)) == b"the market , said\n"
    writer.join(timeout=10)


def test_an_endless_fifo_is_read_one_byte_past_the_limit_and_refused(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(io, "MAX_BYTES", 300_000)
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    read: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, size: read.append(size) or real_read(fd, size))
    writer = _feed_fifo(str(fifo), b"x" * 65536, endless=True)
    with pytest.raises(io.InputError) as caught:
        io.read_bytes(str(fifo))
    writer.join(timeout=10)
    assert caught.value.reason == "input is larger than 300000 bytes; read no further"
    assert sum(read) <= 300_001
    assert not writer.is_alive()


def test_reading_an_endless_input_costs_what_the_limit_allows(monkeypatch) -> None:
    """The time to refuse an endless input grows with the limit, as linear reading would: 200 KB
    against 20 KB costs about 10 times as much, far below the 100 times of a quadratic read."""

    def cost(limit: int) -> float:
        monkeypatch.setattr(io, "MAX_BYTES", limit)
        best = float("inf")
        for _ in range(5):
            monkeypatch.setattr(sys, "stdin", stdio.TextIOWrapper(stdio.BufferedReader(_Endless())))
            started = time.perf_counter()
            with pytest.raises(io.InputError):
                io.read_bytes("-")
            best = min(best, time.perf_counter() - started)
        return best

    assert cost(200_000) / cost(20_000) < 30


@pytest.mark.parametrize(
    "data",
    [
        "Città\tCity\n".encode("utf-8-sig"),
        "Città\tCity\n".encode("utf-16"),
        codecs.BOM_UTF16_BE + "Città\tCity\n".encode("utf-16-be"),
        "Città\tCity\n".encode("cp1252"),
    ],
)
def test_settings_files_are_decoded_as_articles_are(tmp_path, data: bytes) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_bytes(data)
    assert io.read_text_file(str(path), "glossary") == "Città\tCity\n"


def test_an_empty_settings_file_is_empty_unless_that_is_an_error(tmp_path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    assert io.read_text_file(str(path), "allow list") == ""
    with pytest.raises(
        io.InputError, match=r"empty\.json: error: cannot read the decisions file: empty file$"
    ):
        io.read_text_file(str(path), "decisions file", empty_ok=False)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: None, "no such file"),
        (lambda path: path.mkdir(), "is a folder"),
        (lambda path: path.write_bytes(b"\x00\x01binary"), "binary file (contains NUL bytes)"),
        (lambda path: path.write_bytes(b"a\x81\x8d\x8f\x90\x9d" * 50), "nor any known encoding"),
    ],
)
def test_a_settings_file_that_cannot_be_read_names_itself_and_the_reason(tmp_path, make, reason) -> None:
    path = tmp_path / "house.toml"
    make(path)
    with pytest.raises(io.InputError) as caught:
        io.read_text_file(str(path), "style file")
    assert str(caught.value).startswith(f"{path}: error: cannot read the style file: ")
    assert reason in caught.value.reason


def test_an_oversized_settings_file_is_refused(tmp_path, monkeypatch) -> None:
    path = tmp_path / "allow.txt"
    path.write_bytes(b"term\n" * 100)
    monkeypatch.setattr(io, "MAX_BYTES", 64)
    with pytest.raises(io.InputError, match="cannot read the allow list: file is larger than"):
        io.read_text_file(str(path), "allow list")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_settings_file_is_refused(tmp_path) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_text("a\tb\n")
    os.chmod(path, 0)
    with pytest.raises(io.InputError, match="cannot read the glossary: permission denied"):
        io.read_text_file(str(path), "glossary")


def test_a_settings_file_named_dash_is_a_file_not_standard_input(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("non era possibile\n")
    monkeypatch.setattr("sys.stdin", None)  # reading standard input would fail
    assert io.read_text_file("-", "allow list") == "non era possibile\n"
