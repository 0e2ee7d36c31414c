"""Reading and writing keep every byte that is not fixed."""

from __future__ import annotations

import codecs
import os
import stat

import pytest

from cleanup import io


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


def test_utf16_with_a_byte_order_mark() -> None:
    document = io.decode("Zürich\r\n".encode("utf-16"), "x.txt")
    assert document.text == "Zürich\r\n" and document.encoding == "utf_16"


def test_text_that_does_not_fit_the_kept_encoding_is_refused() -> None:
    document = io.decode("Café".encode("cp1252"), "x.txt")
    with pytest.raises(io.InputError, match="cannot be written in cp1252"):
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
        with io.atomic_text_file(str(tmp_path / "report.json")) as handle:
            handle.write("[]")
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
