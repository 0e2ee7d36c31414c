"""The batch on a Dask cluster against the local batch: files/s and MB/s, and the cost of a
partition.

The BBC articles are written three ways (``--copies`` times over) in a temporary folder: a tree of
files (in folders of 100), one JSON Lines file (an article a line, cut in blocks of
``--block-size``), and one Parquet file (row groups of 250 articles). Each run is ``cleanup fix
--out`` on one of them, in a fresh process, timed from start to end (start-up, the cluster's start
for ``--dask local``, the writing of every copy): the local batch with 1 and 2 workers, and
``--dask local`` with 1 and 2 workers. The overhead of a partition is what a one-worker cluster
costs over the one-worker local batch, divided by its partitions (``cleanup.cluster.PARTITION``
files, a block, a row group), the cluster's start measured apart and taken out.

    python bench/cluster.py                # 2,225 articles, about a minute
    python bench/cluster.py --copies 4     # 8,900 files
"""

from __future__ import annotations

import argparse
import json
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


def _shards(root: Path, copies: int, block: int) -> dict[str, tuple[Path, int]]:
    """The articles as one JSON Lines file and one Parquet file: each path and its partitions."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    articles = [article for _ in range(copies) for article in texts(BBC)]
    feed = root / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": article}, ensure_ascii=False) + "\n" for article in articles))
    rows = root / "rows.parquet"
    pq.write_table(pa.table({"text": articles}), rows, row_group_size=250)
    return {
        "JSON Lines": (feed, -(-feed.stat().st_size // block)),
        "Parquet": (rows, pq.ParquetFile(rows).metadata.num_row_groups),
    }


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


RUNS = {
    "local, 1 worker": ["--jobs", "1"],
    "local, 2 workers": ["--jobs", "2"],
    "dask local, 1 worker": ["--dask", "local", "--jobs", "1"],
    "dask local, 2 workers": ["--dask", "local", "--jobs", "2"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="times the corpus is written (default 1)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--block-size", type=int, default=512 * 1024, help="bytes of JSON Lines a block")
    arguments = parser.parse_args()
    if not BBC.is_file():
        print(f"the corpus is missing: {BBC}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        count, size = _tree(root / "tree", arguments.copies)
        inputs = {"tree of files": (root / "tree", -(-count // PARTITION))}
        inputs.update(_shards(root, arguments.copies, arguments.block_size))
        out = root / "out"
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(arguments.repeat):
            for shape, (path, _partitions) in inputs.items():
                for name, options in RUNS.items():
                    command = [
                        *options,
                        "--block-size",
                        str(arguments.block_size),
                        "--out",
                        str(out),
                        str(path),
                    ]
                    times.setdefault((shape, name), []).append(_timed(command, out))
        start = statistics.median(_cluster_start() for _ in range(arguments.repeat))
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"{count} articles, {size / 1e6:.2f} MB, median of {arguments.repeat} runs (whole command)\n")
    print("| input | run | s | articles/s | MB/s |")
    print("| --- | --- | ---: | ---: | ---: |")
    for (shape, name), seconds in medians.items():
        print(f"| {shape} | {name} | {seconds:.2f} | {count / seconds:.0f} | {size / 1e6 / seconds:.2f} |")
    print(f"\nLocalCluster start and stop (1 worker): {start:.2f} s")
    for shape, (_path, partitions) in inputs.items():
        cost = medians[(shape, "dask local, 1 worker")] - start - medians[(shape, "local, 1 worker")]
        print(f"{shape}: overhead per partition {cost / partitions * 1000:.1f} ms ({partitions} partitions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
