"""The batch on a Dask cluster (``--dask``): the same work as :func:`cleanup.batch.run`, its
partitions (chunks of files) run by the workers of a ``distributed`` cluster, on this machine
(``local``: a ``LocalCluster`` of ``jobs`` worker processes) or on a running scheduler
(``tcp://HOST:PORT``; ``env`` reads ``DASK_SCHEDULER_ADDRESS``).

Each worker reads its partition's files, cleans them and writes what the mode writes (``--out``,
``--in-place``: atomically, file by file); the client receives outcomes in input order (status,
findings, and for the modes that print, what is printed). A partition is retried once when its
worker dies, and the temporary file it was writing is removed at the end of the run; one that
fails twice is reported, each of its files as failed with the reason, and the rest goes on.
Word lists and automata are built once per worker process, on its first partition, or read from
the disk cache (:mod:`cleanup.lang.diskcache`).

Dask is imported only here, and only when ``--dask`` is given (``pip install 'cleanup[dask]'``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from typing import Any

from cleanup import io
from cleanup.batch import Mode, Options, Outcome, Status, process
from cleanup.discover import Input

PARTITION = 32  # files a partition holds
_AHEAD = 4  # partitions in flight per worker
RETRIES = 1  # a partition is tried again once when its worker dies


class ClusterError(Exception):
    """A cluster that cannot be used: Dask is not installed, or the scheduler cannot be reached."""


def _partition(items: list[Input], options: Options) -> list[Outcome]:
    """What a worker does with one partition: every file of it, as a local batch would."""
    return [process(item, options) for item in items]


def _client(address: str, jobs: int, stack: ExitStack) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs Dask: pip install 'cleanup[dask]'") from None
    try:
        if address == "local":
            cluster = stack.enter_context(
                LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0")
            )
            return stack.enter_context(Client(cluster))
        if address == "env":
            address = os.environ.get("DASK_SCHEDULER_ADDRESS", "")
            if not address:
                raise ClusterError("--dask env: DASK_SCHEDULER_ADDRESS is not set")
        return stack.enter_context(Client(address, timeout="10s"))
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"--dask {address}: cannot reach the scheduler ({err})") from None


def run(items: Iterable[Input], options: Options, address: str, jobs: int) -> Iterator[Outcome]:
    """Process every item on the cluster at ``address``, in input order, a few partitions ahead;
    at the end, the temporary files a killed worker left in the folders written are removed."""
    written: set[str] = set()
    with ExitStack() as stack:
        client = _client(address, jobs, stack)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        pending: deque[tuple[list[Input], Any]] = deque()
        iterator = iter(items)
        while chunk := list(islice(iterator, PARTITION)):
            written.update(_folders(chunk, options))
            pending.append((chunk, client.submit(_partition, chunk, options, retries=RETRIES, pure=False)))
            if len(pending) >= workers * _AHEAD:
                yield from _outcomes(*pending.popleft())
        while pending:
            yield from _outcomes(*pending.popleft())
    for folder in sorted(written):
        io.sweep_leftovers(folder)


def _folders(chunk: list[Input], options: Options) -> set[str]:
    """The folders the workers write into for ``chunk``."""
    if options.mode is Mode.IN_PLACE:
        return {os.path.dirname(os.path.abspath(item.path)) for item in chunk}
    if options.mode is Mode.OUT and options.out is not None:
        return {os.path.join(options.out, *item.relative.parent.parts) for item in chunk}
    return set()


def _outcomes(chunk: list[Input], future: Any) -> list[Outcome]:
    """A partition's outcomes, or, where it failed on every try, each of its files as failed."""
    try:
        return list(future.result())
    except Exception as err:  # a worker that died twice, or an error Dask reports from one
        reason = f"its partition failed on the cluster: {type(err).__name__}: {err}"
        return [Outcome(item.path, Status.FAILED, error=reason) for item in chunk]
