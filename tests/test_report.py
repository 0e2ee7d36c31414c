"""Reports that cannot be written: one error line, exit 2, the run goes on, and no partial file."""

from __future__ import annotations

import errno
import io as stdio
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup import tempfiles
from cleanup.cli import main

ARTICLES = {"tree/a.txt": "the market , said\n", "tree/b.txt": "Nothing to fix.\n", "tree/c.txt": "x , y\n"}


@pytest.fixture(autouse=True)
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, text in ARTICLES.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text)
    return Path("tree")


def _temporary(path: str | int) -> bool:
    return isinstance(path, str) and path.endswith(tempfiles.MARKER)


def _failing_open(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Creating a temporary file fails with ``code``, as on a read-only or unwritable folder."""
    real_open = os.open

    def open_file(path: str | int, flags: int, *args: object, **kwargs: object) -> int:
        if _temporary(path):
            raise OSError(code, os.strerror(code), path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_file)


class _FullDisk(stdio.RawIOBase):
    """A file whose every write fails as on a full disk."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fileno(self) -> int:
        return self._fd

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


def _full_disk(monkeypatch: pytest.MonkeyPatch, *, reports_only: bool = False) -> None:
    """Writes into temporary files fail with ENOSPC: all of them, or only the reports' (opened as
    text, where the copies of articles are opened as bytes)."""
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        temporary = os.readlink(f"/proc/self/fd/{fd}").endswith(tempfiles.MARKER)
        if "w" in mode and temporary and not (reports_only and "b" in mode):
            binary = stdio.BufferedWriter(_FullDisk(fd))
            if "b" in mode:
                return binary
            return stdio.TextIOWrapper(binary, encoding=kwargs.get("encoding"), errors=kwargs.get("errors"))
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def _no_leftovers() -> None:
    assert [p for p in Path(".").rglob("*") if tempfiles.MARKER in p.name] == []


def _run(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, list(args))
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done.exit_code, done.stdout, done.stderr


def test_a_report_into_a_missing_folder_stops_the_run_before_it_starts() -> None:
    code, out, err = _run("fix", "--in-place", "--report", "missing/report.json", "tree")
    assert (code, out, err) == (
        2,
        "",
        "missing/report.json: error: cannot write the report: no such folder: missing\n",
    )
    assert Path("tree/a.txt").read_text() == ARTICLES["tree/a.txt"]


@pytest.mark.parametrize(
    ("code", "reason"), [(errno.EROFS, "read-only file system"), (errno.EACCES, "permission denied")]
)
def test_a_report_in_a_folder_that_cannot_be_written(monkeypatch, code: int, reason: str) -> None:
    Path("report.json").write_text("the last run's report\n")
    _failing_open(monkeypatch, code)
    assert _run("check", "--report", "report.json", "tree") == (
        2,
        "",
        f"report.json: error: cannot write the report: {reason}\n",
    )
    assert Path("report.json").read_text() == "the last run's report\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_report_in_a_read_only_folder() -> None:
    Path("reports").mkdir(mode=0o555)
    code, _, err = _run("check", "--report", "reports/report.json", "tree")
    assert (code, err) == (2, "reports/report.json: error: cannot write the report: permission denied\n")


def test_a_report_on_a_full_disk_is_given_up_and_the_run_goes_on(monkeypatch) -> None:
    Path("report.json").write_text("the last run's report\n")
    _full_disk(monkeypatch, reports_only=True)
    code, out, err = _run("fix", "--jobs", "1", "--in-place", "--report", "report.json", "tree")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "report.json: error: cannot write the report: no space left on device",
        "3 files scanned: 2 changed, 1 unchanged, 0 failed; fixes: space-before-punctuation 2",
    ]
    assert Path("tree/a.txt").read_text() == "the market, said\n"
    assert Path("tree/c.txt").read_text() == "x, y\n"
    assert Path("report.json").read_text() == "the last run's report\n"
    _no_leftovers()


def test_a_report_on_a_full_disk_leaves_the_other_outputs_whole(monkeypatch) -> None:
    _full_disk(monkeypatch)
    code, out, err = _run("fix", "--jobs", "1", "--diff", "--report", "report.json", "tree")
    assert code == 2
    assert err.splitlines() == [
        "report.json: error: cannot write the report: no space left on device",
        "3 files scanned: 2 changed, 1 unchanged, 0 failed; fixes: space-before-punctuation 2",
    ]
    assert out.count("\n--- ") + out.startswith("--- ") == 2
    assert not Path("report.json").exists()
    _no_leftovers()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is not on this system")
def test_a_report_on_dev_full() -> None:
    code, out, err = _run("check", "--report", "/dev/full", "tree")
    assert code == 2
    assert err.splitlines()[0] == "/dev/full: error: cannot write the report: no space left on device"
    assert "tree/a.txt:1:11: space-before-punctuation" in out


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is not on this system")
def test_temporary_files_on_a_really_full_disk(monkeypatch) -> None:
    """The temporary files are real and their writes really fail: /dev/full stands in for them."""
    real_open = os.open

    def open_file(path: str | int, flags: int, *args: object, **kwargs: object) -> int:
        fd = real_open(path, flags, *args, **kwargs)
        if _temporary(path):
            full = real_open("/dev/full", os.O_WRONLY)
            os.dup2(full, fd)
            os.close(full)
        return fd

    monkeypatch.setattr(os, "open", open_file)
    code, _, err = _run("check", "--report", "report.json", "--report-html", "html", "tree")
    assert code == 2
    assert err.splitlines()[:2] == [
        "html: error: cannot write the report: no space left on device",
        "report.json: error: cannot write the report: no space left on device",
    ]
    assert not Path("report.json").exists()
    assert [p.name for p in Path("html").rglob("*") if p.is_file()] == []
    _no_leftovers()


@pytest.mark.parametrize(
    ("fail", "reason"),
    [
        (lambda mp: _failing_open(mp, errno.EROFS), "read-only file system"),
        (_full_disk, "no space left on device"),
    ],
)
def test_an_html_report_that_cannot_be_written(monkeypatch, fail: Callable, reason: str) -> None:
    fail(monkeypatch)
    code, out, err = _run("check", "--jobs", "1", "--report-html", "html", "tree")
    assert code == 2
    assert err.splitlines()[0] == f"html: error: cannot write the report: {reason}"
    assert "tree/c.txt:1:2: space-before-punctuation" in out  # the run went on
    assert [p.name for p in Path("html").rglob("*") if p.is_file()] == []
    _no_leftovers()


def test_an_html_report_on_a_read_only_disk_from_the_start(monkeypatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "mkdir", read_only)
    assert _run("check", "--report-html", "html", "tree") == (
        2,
        "",
        "html: error: cannot write the report: read-only file system\n",
    )


def test_an_html_report_under_a_file() -> None:
    Path("notes.txt").write_text("mine\n")
    assert _run("check", "--report-html", "notes.txt/html", "tree") == (
        2,
        "",
        "notes.txt/html: error: cannot write the report: not a directory\n",
    )
    assert Path("notes.txt").read_text() == "mine\n"


def test_a_report_never_overwrites_an_input_or_a_copy() -> None:
    # A reviewer's run: the article itself, a copy, the output folder, the input folder.
    for args, line in (
        (("check", "--report", "tree/a.txt", "tree/a.txt"), "tree/a.txt: error: is the input tree/a.txt; "),
        (("fix", "--out", "o", "--report", "o/a.txt", "tree"), "o/a.txt: error: is the copy o/a.txt; "),
        (
            ("fix", "--out", "o", "--report-html", "o", "tree"),
            "o: error: the report's folder holds the copy ",
        ),
        (
            ("check", "--report-html", "tree", "tree"),
            "tree: error: the report's folder holds the input tree/",
        ),
        (
            ("fix", "--in-place", "--backup", ".orig", "--report", "tree/a.txt.orig", "tree"),
            "tree/a.txt.orig: error: is the backup tree/a.txt.orig; ",
        ),
        (
            ("check", "--report", f"/dev/..{Path.cwd()}/tree/a.txt", "tree"),
            f"/dev/..{Path.cwd()}/tree/a.txt: error: is the input tree/a.txt",
        ),
    ):
        code, out, err = _run(*args)
        assert (code, out) == (2, ""), args
        assert err.startswith(line), (args, err)
        assert Path("tree/a.txt").read_text() == ARTICLES["tree/a.txt"]
        assert not Path("o").exists() and not Path("tree/a.txt.orig").exists()
    # Beside the copies, where none goes, a report is fine.
    Path("o").mkdir()
    assert _run("fix", "--out", "o", "--report", "o/report.json", "tree")[0] == 0
    assert json.loads(Path("o/report.json").read_text())["format"] == "cleanup-report"


def test_an_html_report_never_writes_through_a_link_in_its_folder() -> None:
    Path("outside").mkdir()
    Path("html").mkdir()
    os.symlink("../outside", "html/articles")
    code, out, err = _run("check", "--jobs", "1", "--report-html", "html", "tree")
    assert code == 2
    assert err.splitlines()[0] == (
        "html: error: cannot write the report: html/articles is a symbolic link inside the output folder; "
        "not followed"
    )
    assert list(Path("outside").iterdir()) == []
    assert "tree/c.txt:1:2: space-before-punctuation" in out


def test_the_report_of_an_earlier_run_in_an_input_folder_is_no_input() -> None:
    # "cleanup check --report report.json ." run twice; the HTML report inside the folder it reads.
    for _ in range(2):
        args = ("check", "--jobs", "1", "--report", "tree/report.json", "--report-html", "tree/html", "tree")
        code, _, err = _run(*args)
        assert code == 1, err
        report = json.loads(Path("tree/report.json").read_text())
        assert sorted(record["path"] for record in report["files"]) == sorted(ARTICLES)
    # A file of the user's in the report's folder that begins as a page does but is named as none
    # is still refused.
    Path("tree/html/notes.md").write_text("<!DOCTYPE html>\n<!-- cleanup report -->\nThe deal , said.\n")
    code, _, err = _run("check", "--report-html", "tree/html", "tree")
    assert code == 2
    assert err == "tree/html: error: the report's folder holds the input tree/html/notes.md, " + (
        "which its pages may overwrite\n"
    )
    # A file of the user's where the report goes is still refused.
    Path("tree/report.json").write_text('{"mine": true}\n')
    code, _, err = _run("check", "--report", "tree/report.json", "tree")
    assert (code, err) == (
        2,
        "tree/report.json: error: is the input tree/report.json; the report would overwrite it\n",
    )


def test_a_report_that_cannot_be_opened_leaves_the_other_unwritten() -> None:
    Path("notes.txt").write_text("mine\n")
    code, out, err = _run("check", "--report", "report.json", "--report-html", "notes.txt/html", "tree")
    assert (code, out) == (2, "")
    assert err == "notes.txt/html: error: cannot write the report: not a directory\n"
    assert not Path("report.json").exists()
    _no_leftovers()
