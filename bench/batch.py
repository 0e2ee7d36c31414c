"""Batch benchmark: files/s, MB/s and peak memory of ``cleanup fix --out``, ``cleanup check`` and
``cleanup check --report-html`` (on the smaller folder).

The folder is generated from the BBC corpus in ``../shared/corpora/`` (articles
repeated to reach N files, 500 to a subfolder) in a temporary folder under
``bench/out/``, and removed afterwards. Each run is a fresh ``python -m cleanup`` process, timed
from outside; its peak memory is the largest resident size of the process and
its workers. Runs at two sizes show whether memory stays flat as N grows.

    python bench/batch.py              # N = 10,000, --jobs 1 and 2, memory at N/10 and N
    python bench/batch.py -n 2000      # a quicker run
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from corpora import BBC, texts

ROOT = Path(__file__).resolve().parent.parent
# Inside the checkout (ignored by git): on this machine creating files in /tmp
# costs fifteen times what it costs on the work disk, which would measure /tmp.
SCRATCH = ROOT / "bench" / "out"
SEED = ROOT / "seeds" / "000_a4250b86ee3da36c.txt"
MB = 1_000_000
PER_FOLDER = 500

# Run one command and print its wall time and the peak RSS of it and its workers.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb * 1024 / 1e6, "status": done.returncode,
                  "summary": done.stderr.strip().splitlines()[-1:]}))
"""


def generate(folder: Path, count: int, *, with_seed: bool = False) -> int:
    """Write ``count`` articles under ``folder``; return their total size in bytes. ``with_seed``
    appends the founding article to each, so that every one has changes to review."""
    articles = texts(BBC)
    seed = SEED.read_text(encoding="utf-8") if with_seed else ""
    total = 0
    for index in range(count):
        target = folder / f"part{index // PER_FOLDER:03}" / f"{index:06}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        article = articles[index % len(articles)]
        data = (f"{article}\n\n{seed}" if with_seed else article).encode("utf-8")
        target.write_bytes(data)
        total += len(data)
    return total


def measure(source: Path, action: list[str], jobs: int) -> tuple[float, float, str]:
    """Seconds, peak MB and summary line of ``cleanup ACTION`` over ``source`` with ``jobs`` workers."""
    command = [sys.executable, "-m", "cleanup", *action, "--jobs", str(jobs), str(source)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    figures = json.loads(done.stdout)
    return figures["seconds"], figures["peak_mb"], " ".join(figures["summary"])


def print_row(name: str, count: int, size: int, jobs: int, seconds: float, peak: float, summary: str) -> None:
    """One line of the table."""
    size_jobs = f"{count:>7}{size / MB:>8.1f}{jobs:>6}"
    speed = f"{seconds:>9.2f}{count / seconds:>9.0f}{size / MB / seconds:>7.2f}"
    print(f"{name:<20}{size_jobs}{speed}{peak:>9.0f}  {summary}")


def main() -> int:
    """Generate the folders, run the measurements, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--files", type=int, default=10_000, help="articles in the big folder")
    arguments = parser.parse_args()
    if not BBC.is_file():
        print(f"bench/batch.py: the BBC corpus is not at {BBC}", file=sys.stderr)
        return 1
    print(f"cleanup batch benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    columns = (
        ("files", 7),
        ("MB", 8),
        ("jobs", 6),
        ("seconds", 9),
        ("files/s", 9),
        ("MB/s", 7),
        ("peak MB", 9),
    )
    print(f"{'command':<20}" + "".join(f"{name:>{width}}" for name, width in columns) + "  summary")
    SCRATCH.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as scratch:
        for count, jobs_list in ((arguments.files // 10, (2,)), (arguments.files, (1, 2))):
            source = Path(scratch) / f"in-{count}"
            size = generate(source, count)
            for jobs in jobs_list:
                runs = [
                    ("fix --out", ["fix", "--out", str(Path(scratch) / f"out-{count}-{jobs}")]),
                    ("check", ["check"]),
                ]
                if count < arguments.files:
                    report = Path(scratch) / f"report-{count}-{jobs}"
                    runs.append(("check --report-html", ["check", "--report-html", str(report)]))
                for name, action in runs:
                    print_row(name, count, size, jobs, *measure(source, action, jobs))
        # Every article with changes: the report writes a page for each.
        count = arguments.files // 10
        source = Path(scratch) / f"in-{count}-with-seed"
        size = generate(source, count, with_seed=True)
        for name, action in (
            ("check, with seed", ["check"]),
            ("... --report-html", ["check", "--report-html", str(Path(scratch) / "report-with-seed")]),
        ):
            print_row(name, count, size, 2, *measure(source, action, 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
