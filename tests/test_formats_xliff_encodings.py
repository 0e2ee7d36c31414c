"""XLIFF files whose XML declaration names their encoding: UTF-16 of either byte order with its
mark, and ISO-8859-1, which is read as a single-byte code page. The file reaches the XLIFF reader
decoded, so the declaration never says how its characters are stored: each file is read, checked
and fixed in place, and written back in its own encoding with only the fix changed."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup.cli import main
from cleanup.formats.xliff import xliff_segments

DOCUMENT = (
    '<?xml version="1.0" encoding="{}"?>\n<xliff version="1.2"><file source-language="it" '
    'target-language="en" datatype="plaintext" original="x"><body><trans-unit id="1">'
    "<source>Le stime della città</source><target>The città market , said.</target>"
    "</trans-unit></body></file></xliff>\n"
)
FIXED = ("The città market , said.", "The città market, said.")


@pytest.mark.parametrize("declared", ["UTF-16", "ISO-8859-1", "windows-1252", "UTF-8"])
def test_the_declared_encoding_does_not_change_what_is_read(declared: str) -> None:
    text = DOCUMENT.format(declared)
    (segment,) = xliff_segments(text)
    assert (segment.text, segment.source) == ("The città market , said.", "Le stime della città")
    assert text[segment.start :].startswith(segment.text)
    assert clean(text, format="xliff").text == text.replace(*FIXED)


@pytest.mark.parametrize(
    ("declared", "encoding", "mark"),
    [
        ("UTF-16", "utf-16-be", codecs.BOM_UTF16_BE),
        ("UTF-16", "utf-16-le", codecs.BOM_UTF16_LE),
        ("ISO-8859-1", "latin-1", b""),
    ],
)
def test_a_file_is_checked_and_fixed_in_place_in_its_own_encoding(
    tmp_path: Path, declared: str, encoding: str, mark: bytes
) -> None:
    text = DOCUMENT.format(declared)
    path = tmp_path / "a.xlf"
    path.write_bytes(mark + text.encode(encoding))
    checked = CliRunner().invoke(main, ["check", "--output-format", "concise", str(path)])
    assert checked.exit_code == 1, checked.output
    column = text.splitlines()[1].index(" , said") + 1
    assert f"{path}:2:{column}: space-before-punctuation space before ','" in checked.stdout
    fixed = CliRunner().invoke(main, ["fix", "--in-place", str(path)])
    assert fixed.exit_code == 0, fixed.output
    assert path.read_bytes() == mark + text.replace(*FIXED).encode(encoding)
