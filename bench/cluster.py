"""The batch on a Dask cluster against the local batch: files/s and MB/s, and the cost of a
partition.

The BBC articles are written as a tree of files (``--copies`` times over, in folders of 100) in a
temporary folder; each run is ``cleanup fix --out`` on the whole tree, in a fresh process, timed
from start to end (start-up, the cluster's start for ``--dask local``, the writing of every copy).
The runs: the local batch with 1 and 2 workers, and ``--dask local`` with 1 and 2 workers. The
overhead of a partition is what a one-worker cluster costs over the one-worker local batch,
divided by its partitions (``cleanup.cluster.PARTITION`` files each), the cluster's start
measured apart and taken out.

    python bench/cluster.py                # 2,225 articles, about a minute
    python bench/cluster.py --copies 4     # 8,900 files
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import BBC, texts

from cleanup.cluster import PARTITION


def _tree(root: Path, copies: int) -> tuple[int, int]:
    """The articles as files under ``root``: how many, and their bytes."""
    count = size = 0
    for copy in range(copies):
        for number, article in enumerate(texts(BBC)):
            folder = root / f"c{copy}" / f"f{number // 100:02}"
            folder.mkdir(parents=True, exist_ok=True)
            data = article.encode("utf-8")
            (folder / f"{number:04}.txt").write_bytes(data)
            count, size = count + 1, size + len(data)
    return count, size


def _timed(arguments: list[str], out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cleanup", "fix", *arguments], capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"cleanup failed: {done.stderr.decode()[-500:]}")
    return elapsed


def _cluster_start() -> float:
    """How long a LocalCluster of one worker takes to start and stop, as ``--dask local`` does."""
    code = (
        "import time; from distributed import Client, LocalCluster\n"
        "if __name__ == '__main__':\n"
        "    s = time.perf_counter()\n"
        "    options = dict(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=':0')\n"
        "    with LocalCluster(**options) as c:\n"
        "        Client(c).close()\n"
        "    print(time.perf_counter() - s)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="times the corpus is written (default 1)")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    if not BBC.is_file():
        print(f"the corpus is missing: {BBC}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        count, size = _tree(root / "tree", arguments.copies)
        tree, out = str(root / "tree"), root / "out"
        runs = {
            "local, 1 worker": ["--jobs", "1"],
            "local, 2 workers": ["--jobs", "2"],
            "dask local, 1 worker": ["--dask", "local", "--jobs", "1"],
            "dask local, 2 workers": ["--dask", "local", "--jobs", "2"],
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(arguments.repeat):
            for name, options in runs.items():
                times[name].append(_timed([*options, "--out", str(out), tree], out))
        start = statistics.median(_cluster_start() for _ in range(arguments.repeat))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{count} files, {size / 1e6:.2f} MB, median of {arguments.repeat} runs (whole command)\n")
    print("| run | s | files/s | MB/s |")
    print("| --- | ---: | ---: | ---: |")
    for name, seconds in medians.items():
        print(f"| {name} | {seconds:.2f} | {count / seconds:.0f} | {size / 1e6 / seconds:.2f} |")
    partitions = -(-count // PARTITION)
    overhead = (medians["dask local, 1 worker"] - start - medians["local, 1 worker"]) / partitions
    print(f"\nLocalCluster start and stop (1 worker): {start:.2f} s")
    print(f"overhead per partition of {PARTITION} files: {overhead * 1000:.1f} ms ({partitions} partitions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
