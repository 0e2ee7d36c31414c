"""Walking the folders named: every problem reported, no loop followed, no depth too deep."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from cleanup.discover import discover


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tree/`` in the current folder: a readable article, and a subfolder ``locked/``."""
    monkeypatch.chdir(tmp_path)
    for name in ("tree/ok/a.txt", "tree/locked/b.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("the market , said\n")
    return Path("tree")


@pytest.fixture
def locked(tree: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``tree/locked`` made unlistable: by its permissions, or for root, whom they do not stop, by
    making listing it fail as it then would."""
    folder = tree / "locked"
    if os.geteuid() != 0:
        folder.chmod(0)
        yield folder
        folder.chmod(0o755)
        return
    real_scandir = os.scandir

    def scandir(path: str | int = ".") -> Iterator[os.DirEntry[str]]:
        if not isinstance(path, int) and os.path.realpath(path) == os.path.realpath(folder):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    yield folder


def test_an_unreadable_subfolder_is_reported_and_the_rest_goes_on(tree: Path, locked: Path) -> None:
    done = CliRunner().invoke(main, ["check", "--jobs", "1", "tree"])
    assert done.exit_code == 2
    assert done.stdout == "tree/ok/a.txt:1:11: space-before-punctuation space before ',' [safe]\n"
    assert done.stderr.splitlines() == [
        "tree/locked: error: permission denied",
        "2 files scanned: 1 to change, 0 unchanged, 1 failed; findings: space-before-punctuation 1",
    ]


def test_an_unreadable_folder_named_is_reported(tree: Path, locked: Path) -> None:
    done = CliRunner().invoke(main, ["fix", "--in-place", "tree/locked", "tree/ok"])
    assert done.exit_code == 2
    assert "tree/locked: error: permission denied" in done.stderr.splitlines()
    assert Path("tree/ok/a.txt").read_text() == "the market, said\n"


def test_an_unreadable_folder_is_in_the_json_report(tree: Path, locked: Path) -> None:
    CliRunner().invoke(main, ["check", "--report", "report.json", "tree"])
    assert (
        '"path": "tree/locked", "status": "failed", "error": "permission denied"'
        in Path("report.json").read_text()
    )


@pytest.fixture
def loops(tree: Path) -> Path:
    """Links that loop, between themselves, onto themselves, and back up the tree."""
    os.symlink("l2", "tree/l1")
    os.symlink("l1", "tree/l2")
    os.symlink("l1", "tree/l3.txt")
    os.symlink("self.txt", "tree/self.txt")
    os.symlink(".", "tree/ok/here")
    os.symlink("../..", "tree/ok/up")
    return tree


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["fix", "--diff"],
        ["fix", "--out", "cleaned"],
        ["fix", "--in-place"],
        ["check", "--format", "json"],
    ],
)
def test_link_loops_anywhere_are_not_followed_and_the_rest_goes_on(loops: Path, command: list[str]) -> None:
    done = CliRunner().invoke(main, [*command, "--jobs", "1", "tree"])
    assert done.exception is None or isinstance(done.exception, SystemExit)
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith("2 files scanned: 2 ")
    # check finds something, and so does a diff: it has changes (as ruff --diff says).
    assert done.exit_code == (1 if command[0] == "check" or "--diff" in command else 0)


def test_a_link_loop_named_is_one_error_line(loops: Path) -> None:
    done = CliRunner().invoke(main, ["check", "tree/l3.txt", "tree/ok/a.txt"])
    assert done.exit_code == 2
    assert done.stderr.splitlines()[0] == "tree/l3.txt: error: too many levels of symbolic links"


def test_a_tree_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    folders = [str(tmp_path)]
    for _ in range(1500):  # one at a time: os.makedirs would recurse as deep
        folders.append(os.path.join(folders[-1], "d"))
        os.mkdir(folders[-1])
    Path(folders[-1], "a.txt").write_text("the market , said")
    (tmp_path / "z.txt").write_text("last")
    try:
        found = [item.relative.name for item in discover([str(tmp_path)])]
    finally:
        # Removed here, bottom up: pytest's own clean-up (shutil.rmtree) recurses as deep.
        os.remove(os.path.join(folders[-1], "a.txt"))
        for folder in reversed(folders[1:]):
            os.rmdir(folder)
    assert found == ["a.txt", "z.txt"]


def test_files_come_in_the_order_of_a_sorted_recursive_listing(tmp_path: Path) -> None:
    for name in ("a/z.txt", "a/b/c.txt", "b.txt", "a.txt", "a0/x.txt", "c/d/e/f.txt", "c/a.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [item.relative.as_posix() for item in discover([str(tmp_path)])]
    assert found == ["a/b/c.txt", "a/z.txt", "a.txt", "a0/x.txt", "b.txt", "c/a.txt", "c/d/e/f.txt"]
