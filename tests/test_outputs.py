"""``--out`` never loses or overwrites anything: bad plans are refused before anything is written."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from cleanup.discover import discover
from cleanup.outputs import OutputError, plan_outputs, write_copy


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test works in its own folder, with relative paths as a user types them."""
    monkeypatch.chdir(tmp_path)


def _write(files: dict[str, str]) -> None:
    for name, text in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text)


def _snapshot(root: str) -> dict[str, bytes]:
    return {p.as_posix(): p.read_bytes() for p in sorted(Path(root).rglob("*")) if p.is_file()}


def _refused(args: list[str], line: str) -> None:
    """The run exits 2 with ``line`` as its only output, and writes nothing anywhere."""
    before = _snapshot(".")
    done = CliRunner().invoke(main, ["fix", *args])
    assert (done.exit_code, done.stdout, done.stderr) == (2, "", line + "\n")
    assert _snapshot(".") == before


def test_two_files_with_one_name_are_refused() -> None:
    _write({"x/a.txt": "first , text\n", "y/a.txt": "second , text\n"})
    _refused(
        ["--out", "o", "x/a.txt", "y/a.txt"],
        "o/a.txt: error: x/a.txt and y/a.txt would both be written here; nothing was written",
    )
    assert not Path("o").exists()


def test_two_folders_holding_the_same_name_are_refused() -> None:
    _write({"x/a.txt": "first , text\n", "x/b.txt": "b\n", "y/c.txt": "c\n", "y/a.txt": "second , text\n"})
    _refused(
        ["--out", "o", "x", "y"],
        "o/a.txt: error: x/a.txt and y/a.txt would both be written here; nothing was written",
    )


def test_a_file_where_another_input_needs_a_folder_is_refused() -> None:
    _write({"x/a.txt": "a file\n", "y/a.txt/b.txt": "in a folder called a.txt\n"})
    _refused(
        ["--out", "o", "x/a.txt", "y"],
        "o/a.txt: error: x/a.txt would be written here, where y/a.txt/b.txt needs a folder; "
        "nothing was written",
    )


def test_the_same_file_twice_is_refused() -> None:
    _write({"x/a.txt": "text , here\n"})
    _refused(["--out", "o", "x/a.txt", "x/a.txt"], "x/a.txt: error: is given twice; nothing was written")


def test_an_output_inside_the_input_folder_is_refused_even_after_an_earlier_copy() -> None:
    _write({"tree/a.txt": "the market , said\n", "tree/cleaned/a.txt": "a copy from an older version\n"})
    _refused(
        ["--out", "tree/cleaned", "tree"],
        "tree/cleaned: error: the output folder is inside the input folder tree, where each run would "
        "clean the copies of the last; choose a folder outside it",
    )


@pytest.mark.parametrize("out", ["tree", "tree/", "./tree", "tree/sub/..", "link"])
def test_the_input_folder_as_output_is_refused(out: str) -> None:
    _write({"tree/a.txt": "the market , said\n", "tree/sub/b.txt": "b\n"})
    os.symlink("tree", "link")
    _refused(
        ["--out", out, "tree"], f"{out}: error: the output folder is the input folder itself; choose another"
    )


def test_an_output_folder_holding_an_input_is_refused() -> None:
    _write({"o/a.txt": "the market , said\n"})
    _refused(
        ["--out", "o", "o/a.txt"],
        "o: error: the output folder holds the input o/a.txt; choose one that holds none",
    )


def test_an_output_that_is_a_dangling_link_is_refused() -> None:
    _write({"a.txt": "the market , said\n"})
    os.symlink("nowhere", "o")
    _refused(["--out", "o", "a.txt"], "o: error: the output folder is not a folder")


@pytest.mark.parametrize(
    ("link", "points_to", "line"),
    [
        ("o/sub", "../outside", "o/sub: error: "),
        ("o/sub/a.txt", "../../outside/a.txt", "o/sub/a.txt: error: "),
        (
            "o/sub/a.txt",
            "b.txt",
            "o/sub/a.txt: error: ",
        ),  # a link that stays inside is not written through either
    ],
)
def test_a_link_already_in_the_output_folder_is_refused(link: str, points_to: str, line: str) -> None:
    _write({"tree/sub/a.txt": "the market , said\n", "outside/a.txt": "precious\n", "o/keep.txt": "kept\n"})
    Path(link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(points_to, link)
    _refused(
        ["--out", "o", "tree"],
        line + "is a symbolic link inside the output folder; cleanup does not write through it",
    )
    assert Path("outside/a.txt").read_text() == "precious\n"


def test_a_link_made_after_the_plan_is_not_followed(tmp_path: Path) -> None:
    _write({"outside/a.txt": "precious\n"})
    Path("o").mkdir()
    os.symlink("../outside", "o/sub")
    with pytest.raises(OSError, match="o/sub is a symbolic link inside the output folder; not followed"):
        write_copy("o", PurePosixPath("sub/a.txt"), b"cleaned\n")
    os.unlink("o/sub")
    os.symlink("../outside/a.txt", "o/a.txt")
    with pytest.raises(OSError, match=r"o/a\.txt is a symbolic link inside the output folder; not followed"):
        write_copy("o", PurePosixPath("a.txt"), b"cleaned\n")
    assert Path("outside/a.txt").read_text() == "precious\n"


def test_good_plans_write_every_copy_and_a_second_run_rewrites_nothing() -> None:
    _write({"x/a.txt": "the market , said\n", "y/sub/b.txt": "b\n", "c.txt": "c , d\n"})
    done = CliRunner().invoke(main, ["fix", "--out", "o", "x", "y", "c.txt"])
    assert done.exit_code == 0, done.stderr
    assert _snapshot("o") == {"o/a.txt": b"the market, said\n", "o/sub/b.txt": b"b\n", "o/c.txt": b"c, d\n"}
    os.utime("o/a.txt", (1_000_000, 1_000_000))
    assert CliRunner().invoke(main, ["fix", "--out", "o", "x", "y", "c.txt"]).exit_code == 0
    assert Path("o/a.txt").stat().st_mtime == 1_000_000


def test_the_plan_is_one_call_for_other_commands() -> None:
    """``cleanup review --out`` plans its copies with the same call."""
    _write({"x/a.txt": "a\n", "y/a.txt": "a\n"})
    with pytest.raises(OutputError) as caught:
        plan_outputs("o", ["x", "y"], discover(["x", "y"]))
    assert (
        str(caught.value)
        == "o/a.txt: error: x/a.txt and y/a.txt would both be written here; nothing was written"
    )
    plan_outputs("o", ["x"], discover(["x"]))


def test_a_hostile_name_in_a_refusal_is_shown_escaped() -> None:
    name = "x/\x1b[2Ja\nb.txt"
    _write({name: "a\n", "y/\x1b[2Ja\nb.txt": "b\n"})
    _refused(
        ["--out", "o", "x", "y"],
        '"o/\\033[2Ja\\nb.txt": error: "x/\\033[2Ja\\nb.txt" and "y/\\033[2Ja\\nb.txt" would both be written '
        "here; nothing was written",
    )
