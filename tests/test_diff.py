"""``--diff`` output that ``patch`` applies whatever the names, and refused where it cannot."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from cleanup.render.diff import diff_header

needs_patch = pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")

WITH_SPACES = [
    "a b.txt",
    "two  spaces.txt",
    "trailing space.txt ",
    " leading space.txt",
    "tab\tinside.txt",
    "a folder/x y.md",
    "Zürich – Bericht.txt",
    "-dash first x.txt",
    'quote " and back\\slash.txt',
    "new\nline and space.txt",
    "esc \x1b[31m red.txt",
    "bidi \u202e override.txt",
]
NOT_UTF8 = os.fsdecode(b"caf\xe9 latin1.txt")


def test_a_name_with_a_space_ends_with_a_tab_as_gnu_diff_ends_it() -> None:
    assert diff_header("news/a b.txt", "news/a b.txt") == "--- news/a b.txt\t\n+++ news/a b.txt\t\n"
    assert diff_header("news/a.txt", "news/a.txt") == "--- news/a.txt\n+++ news/a.txt\n"


@needs_patch
def test_patch_applies_the_diff_to_every_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    originals = {os.path.join("news", name): b"the market , said\nsecond line\n" for name in WITH_SPACES}
    originals[os.path.join("news", NOT_UTF8)] = b"the market , said\n"
    # A Windows-1252 article under a UTF-8 name: the header in UTF-8, the hunk in Windows-1252.
    originals[os.path.join("news", "café crème.txt")] = "Café owners said ; “yes”.\r\n".encode("cp1252")
    for path, data in originals.items():
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
    listed = ["--include", "*.txt*", "--include", "*.md"]  # "*.txt" would leave out the trailing space
    diff = CliRunner().invoke(main, ["fix", "--jobs", "1", "--diff", *listed, "news"])
    assert diff.exit_code == 1, diff.stderr  # changes to make, as ruff --diff says
    done = subprocess.run(
        ["patch", "-p0", "--batch"], input=diff.stdout_bytes, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for path, data in originals.items():
        expected = data.replace(b" ,", b",").replace(b" ;", b";")
        assert Path(path).read_bytes() == expected, path
    assert sorted(str(p.relative_to("news")) for p in Path("news").rglob("*") if p.is_file()) == sorted(
        os.path.relpath(path, "news") for path in originals
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le", "utf-32-be"])
def test_a_utf16_or_utf32_file_is_refused_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    monkeypatch.chdir(tmp_path)
    codec = encoding[:6]
    mark = "\ufeff" if encoding.endswith(("le", "be")) else ""
    Path("wide.txt").write_bytes((mark + "the market , said\n").encode(encoding))
    Path("wide-unchanged.txt").write_bytes((mark + "Nothing to fix.\n").encode(encoding))
    Path("narrow.txt").write_bytes(b"the market , said\n")
    done = CliRunner().invoke(main, ["fix", "--diff", "wide.txt", "wide-unchanged.txt", "narrow.txt"])
    assert done.exit_code == 2
    assert done.stderr.splitlines()[0] == (
        f"wide.txt: error: cannot make a patch-able diff of a {codec.upper()} file; use --out or "
        "--in-place (or --diff=word to review it)"
    )
    assert done.stdout_bytes.startswith(b"--- narrow.txt\n")
    assert b"wide" not in done.stdout_bytes
    review = CliRunner().invoke(main, ["fix", "--diff=word", "wide.txt"])
    assert review.exit_code == 1 and "[- -]," in review.stdout
