"""The batch on a Dask cluster (issue 15): a LocalCluster of 2 workers started by the command,
loopback only, gives the same files and the same reports as the local batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup.cli import main

pytest.importorskip("distributed")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    for number in range(80):
        folder = root / f"desk{number % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:03}.txt").write_text(f"Story {number} said , then; At once the talks went on.\n")
    (root / "desk0" / "bad.txt").write_bytes(b"\x00\x01binary")
    (root / "desk1" / "page.md").write_text("# Title ; At once\n\nThe `code , x` stays , here.\n")
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_cluster_writes_the_same_files_and_reports(tree: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(
        main,
        [
            "fix",
            "--jobs",
            "1",
            "--out",
            str(tmp_path / "local"),
            "--report",
            str(tmp_path / "local.json"),
            str(tree),
        ],
    )
    dask = runner.invoke(
        main,
        [
            "fix",
            "--dask",
            "local",
            "--jobs",
            "2",
            "--out",
            str(tmp_path / "dask"),
            "--report",
            str(tmp_path / "dask.json"),
            str(tree),
        ],
    )
    assert local.exit_code == dask.exit_code == 2  # the binary file fails, the rest is written
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert len(_files(tmp_path / "dask")) == 81
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    assert "bad.txt: error: binary file" in dask.stderr
    assert local.stderr.splitlines()[-1] == dask.stderr.splitlines()[-1]  # the summary


def test_check_on_the_cluster_lists_the_same_findings_in_the_same_order(tree: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(main, ["check", "--output-format", "json", "--jobs", "1", str(tree)])
    dask = runner.invoke(
        main, ["check", "--output-format", "json", "--dask", "local", "--jobs", "2", str(tree)]
    )
    assert json.loads(dask.stdout) == json.loads(local.stdout)
    assert dask.exit_code == local.exit_code == 2


def test_a_scheduler_that_cannot_be_reached_is_one_error_line(tree: Path) -> None:
    done = CliRunner().invoke(main, ["check", "--dask", "tcp://127.0.0.1:9", str(tree)])
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert "--dask tcp://127.0.0.1:9: cannot reach the scheduler" in done.stderr


def test_a_worker_killed_during_the_run_loses_nothing(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from distributed import LocalCluster

    tree = tmp_path / "tree"
    for number in range(1500):
        folder = tree / f"desk{number % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:04}.txt").write_text(
            f"Story {number} said , then; At once the talks went on.\n" * 20
        )
    local = subprocess.run(
        [sys.executable, "-m", "cleanup", "fix", "--jobs", "1", "--out", str(tmp_path / "local"), str(tree)],
        capture_output=True,
        check=False,
    )
    assert local.returncode == 0
    out = tmp_path / "dask"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        command = [
            sys.executable,
            "-m",
            "cleanup",
            "fix",
            "--dask",
            cluster.scheduler_address,
            "--out",
            str(out),
            str(tree),
        ]
        run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while (not out.exists() or sum(1 for _ in out.rglob("*.txt")) < 100) and time.monotonic() < deadline:
            time.sleep(0.02)
        written_before = sum(1 for _ in out.rglob("*.txt"))
        victim = next(iter(cluster.workers.values())).process.pid
        os.kill(victim, signal.SIGKILL)
        _, errors = run.communicate(timeout=120)
    assert written_before < 1500, "the worker was killed during the run"
    assert run.returncode == 0, errors
    assert _files(out) == _files(tmp_path / "local")  # complete, identical, nothing partial
    assert not [path for path in out.rglob("*") if "cleanup-tmp" in path.name]


def test_the_leftovers_of_a_killed_writer_are_swept_at_the_end(tmp_path: Path) -> None:
    # What a worker killed while writing leaves: a temporary file of a process that has ended.
    import os
    import subprocess
    import sys

    from cleanup import io, tempfiles

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    folder = tmp_path / "out"
    folder.mkdir()
    name = tempfiles.temporary_name("a.txt").replace(f"-{os.getpid()}.", f"-{int(ended.stdout)}.")
    (folder / name).write_bytes(b"")
    (folder / "a.txt").write_bytes(b"kept")
    io.sweep_leftovers(str(folder))
    assert sorted(path.name for path in folder.iterdir()) == ["a.txt"]
