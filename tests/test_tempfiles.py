"""Leftovers of killed runs are recognised and removed by a later run, and nothing else is."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup import io, tempfiles
from cleanup.cli import main


@pytest.fixture(autouse=True)
def _sweep_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's folders are swept afresh, whatever an earlier test of this process swept."""
    monkeypatch.setattr(tempfiles, "_swept", set())


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    return int(child.stdout)


def _leftover(folder: Path, target: str, host: str, pid: int, age: float = 0) -> Path:
    path = folder / f".{target}.{host}-{pid}.0123abcd{tempfiles.MARKER}"
    path.write_bytes(b"half a file")
    if age:
        then = time.time() - age
        os.utime(path, (then, then))
    return path


def test_the_temporary_name_says_whose_it_is() -> None:
    name = tempfiles.temporary_name("Zürich report.txt")
    assert name.startswith(".Zürich report.txt.") and name.endswith(".cleanup-tmp")
    assert tempfiles.leftover(name) == (tempfiles.host_id(), os.getpid())
    long_name = tempfiles.temporary_name("é" * 255)
    assert len(long_name.encode()) < 255 and tempfiles.leftover(long_name) is not None


def test_a_killed_in_place_run_leaves_a_leftover_that_the_next_run_removes(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"the market , said\n")
    killed = _leftover(tmp_path, "a.txt", tempfiles.host_id(), _dead_pid())
    done = CliRunner().invoke(main, ["fix", "--in-place", str(article)])
    assert done.exit_code == 0
    assert article.read_bytes() == b"the market, said\n"
    assert not killed.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_only_stale_leftovers_of_cleanup_are_removed(tmp_path: Path) -> None:
    here, elsewhere = tempfiles.host_id(), "0badc0de" if tempfiles.host_id() != "0badc0de" else "0badc0df"
    dead = _dead_pid()
    removed = [
        _leftover(tmp_path, "dead.txt", here, dead),
        _leftover(tmp_path, "old.txt", elsewhere, 1, age=tempfiles.STALE_AFTER + 60),
    ]
    kept = [
        _leftover(tmp_path, "live.txt", here, os.getpid()),  # a run going on now
        _leftover(tmp_path, "other-host.txt", elsewhere, dead),  # a pid of another machine
    ]
    for name in (
        ".a.txt.x1y2z3w4.tmp",
        "a.txt.cleanup-tmp",
        f".a.txt.{here}-{dead}.0123abcd.cleanup-tmp.txt",
    ):
        (tmp_path / name).write_bytes(b"not ours")
        kept.append(tmp_path / name)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    link = tmp_path / f".link.txt.{here}-{dead}.0123abcd{tempfiles.MARKER}"
    link.symlink_to(outside)
    folder = tmp_path / f".dir.txt.{here}-{dead}.0123abcd{tempfiles.MARKER}"
    folder.mkdir()
    someone_elses = _leftover(tmp_path, "theirs.txt", here, dead)
    if os.geteuid() == 0:
        os.chown(someone_elses, 12345, 12345)
        kept.append(someone_elses)
    else:
        removed.append(someone_elses)  # cannot be given away: it is the user's own

    io.write_atomic(str(tmp_path / "new.txt"), b"new")

    assert [path for path in removed if path.exists()] == []
    assert [path for path in kept if not path.exists()] == []
    assert link.is_symlink() and outside.read_bytes() == b"precious"
    assert folder.is_dir()
    assert (tmp_path / "new.txt").read_bytes() == b"new"


def test_a_folder_that_is_only_read_is_not_swept(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"the market , said\n")
    killed = _leftover(tmp_path, "a.txt", tempfiles.host_id(), _dead_pid())
    assert CliRunner().invoke(main, ["check", str(article)]).exit_code == 1
    assert killed.exists()


def test_a_report_sweeps_its_folder_too(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(b"Nothing to fix.\n")
    reports = tmp_path / "reports"
    reports.mkdir()
    killed = _leftover(reports, "report.json", tempfiles.host_id(), _dead_pid())
    done = CliRunner().invoke(main, ["check", "--report", str(reports / "report.json"), str(article)])
    assert done.exit_code == 0
    assert sorted(p.name for p in reports.iterdir()) == ["report.json"]
    assert not killed.exists()
