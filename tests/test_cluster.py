"""The batch on a Dask cluster (issue 15): a LocalCluster of 2 workers started by the command,
loopback only, gives the same files and the same reports as the local batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
    _shards(root / "corpus")
    return root


ARTICLES = ("Talks ended , then; At once", "l’Iran said so .", "Nothing to fix here.", "Khameneiâ€™s office")


def _shards(folder: Path, *, lines: int = 300) -> None:
    """A JSON Lines file of many blocks (with --block-size 2KB) and a Parquet file of row groups."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "feed.jsonl").open("w") as feed:
        for number in range(lines):
            feed.write(json.dumps({"id": number, "text": ARTICLES[number % 4]}) + "\n")
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts = [ARTICLES[number % 4] for number in range(lines)]
    pq.write_table(pa.table({"id": range(lines), "text": texts}), folder / "rows.parquet", row_group_size=40)


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
            "--block-size",
            "2KB",
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
            "--block-size",
            "2KB",
            "--out",
            str(tmp_path / "dask"),
            "--report",
            str(tmp_path / "dask.json"),
            str(tree),
        ],
    )
    assert local.exit_code == dask.exit_code == 2  # the binary file fails, the rest is written
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert len(_files(tmp_path / "dask")) == 83
    report = json.loads((tmp_path / "dask.json").read_text())
    feed = next(record for record in report["files"] if record["path"].endswith("feed.jsonl"))
    assert feed["status"] == "changed" and max(f["line"] for f in feed["findings"]) == 300
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    assert "bad.txt: error: binary file" in dask.stderr
    assert local.stderr.splitlines()[-1] == dask.stderr.splitlines()[-1]  # the summary


def test_check_on_the_cluster_lists_the_same_findings_in_the_same_order(tree: Path) -> None:
    runner = CliRunner()
    common = ["check", "--output-format", "json", "--block-size", "2KB"]
    local = runner.invoke(main, [*common, "--jobs", "1", str(tree)])
    dask = runner.invoke(main, [*common, "--dask", "local", "--jobs", "2", str(tree)])
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


def test_a_corrupt_shard_is_reported_and_the_others_are_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _shards(corpus)
    lines = (corpus / "feed.jsonl").read_text().splitlines(keepends=True)
    lines[250] = '{"id": 250, "text": "cut off\n'
    (corpus / "broken.jsonl").write_text("".join(lines))
    (corpus / "torn.parquet").write_bytes((corpus / "rows.parquet").read_bytes()[:-100])
    runs = {}
    for name, where in (("local", ["--jobs", "1"]), ("dask", ["--dask", "local", "--jobs", "2"])):
        out = tmp_path / name
        runs[name] = CliRunner().invoke(
            main,
            ["fix", *where, "--block-size", "2KB", "--out", str(out), "--report", f"{out}.json", str(corpus)],
        )
        assert runs[name].exit_code == 2 and "Traceback" not in runs[name].output
        assert sorted(_files(out)) == ["feed.jsonl", "rows.parquet"]
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    errors = runs["dask"].stderr
    assert "broken.jsonl: error: line 251: not valid JSON: Unterminated string" in errors
    assert "torn.parquet: error: not a Parquet file that can be read" in errors
    assert not [path for path in (tmp_path / "dask").rglob("*") if "cleanup-tmp" in path.name]


@pytest.fixture
def threads() -> Iterator[str]:
    """The address of a cluster whose 2 workers are threads of this process: they see its
    memory:// store, and run the functions a test patches."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=False, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_a_store_address_is_written_by_the_workers(tmp_path: Path, threads: str) -> None:
    fsspec = pytest.importorskip("fsspec")
    _shards(tmp_path / "corpus")
    common = ["fix", "--block-size", "2KB", "--out"]
    local = CliRunner().invoke(main, [*common, str(tmp_path / "local"), str(tmp_path / "corpus")])
    dask = CliRunner().invoke(
        main, [*common, "memory://cluster/clean", "--dask", threads, str(tmp_path / "corpus")]
    )
    assert local.exit_code == dask.exit_code == 0, dask.output
    memory = fsspec.filesystem("memory")
    assert sorted(memory.ls("/cluster/clean", detail=False)) == [
        "/cluster/clean/feed.jsonl",
        "/cluster/clean/rows.parquet",
    ]
    for name in ("feed.jsonl", "rows.parquet"):
        assert memory.cat_file(f"/cluster/clean/{name}") == (tmp_path / "local" / name).read_bytes()


def test_a_worker_killed_while_a_file_is_in_pieces_loses_nothing(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from distributed import LocalCluster

    corpus = tmp_path / "corpus"
    _shards(corpus, lines=30000)
    common = [sys.executable, "-m", "cleanup", "fix", "--block-size", "8KB", "--out"]
    local = subprocess.run([*common, str(tmp_path / "local"), str(corpus)], capture_output=True, check=False)
    assert local.returncode == 0
    out = tmp_path / "dask"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        run = subprocess.Popen(
            [*common, str(out), "--dask", cluster.scheduler_address, str(corpus)],
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and any(out.glob(".feed.jsonl.*"))):
            time.sleep(0.01)
        parts_seen = any(out.glob(".feed.jsonl.*"))
        os.kill(next(iter(cluster.workers.values())).process.pid, signal.SIGKILL)
        _, errors = run.communicate(timeout=180)
    assert parts_seen, "the worker was killed while the pieces were being written"
    assert run.returncode == 0, errors
    assert _files(out) == _files(tmp_path / "local")
    assert sorted(path.name for path in out.iterdir()) == ["feed.jsonl", "rows.parquet"]  # no part left


def test_a_partition_that_fails_twice_is_reported_by_name_and_the_rest_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: str
) -> None:
    from cleanup import cluster, shards

    corpus = tmp_path / "corpus"
    _shards(corpus)
    (corpus / "a.txt").write_text("The market , said\n")
    attempts = tmp_path / "attempts"  # the task is shipped to the worker as a copy: it counts in a file
    clean_piece = shards.clean_piece

    def failing_piece(piece: shards.Piece, options: object) -> object:
        if piece.kind == "jsonl" and piece.index == 1:
            with attempts.open("a") as tally:
                tally.write("tried\n")
            raise RuntimeError("boom")
        return clean_piece(piece, options)

    def failing_chunk(chunk: list, options: object) -> object:
        raise RuntimeError("bang")

    monkeypatch.setattr(shards, "clean_piece", failing_piece)
    monkeypatch.setattr(cluster, "process_chunk", failing_chunk)
    arguments = ["fix", "--dask", threads, "--block-size", "2KB", "--out", str(tmp_path / "out"), str(corpus)]
    done = CliRunner().invoke(main, arguments)
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert attempts.read_text() == "tried\ntried\n"  # tried, and tried once more
    assert (
        "feed.jsonl: error: its block 2 (bytes 2048 to 4095) failed on the cluster: RuntimeError: boom"
        in done.stderr
    )
    assert "a.txt: error: its partition failed on the cluster: RuntimeError: bang" in done.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "rows.parquet"
    ]  # the rest, and no part
