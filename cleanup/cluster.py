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
from typing import Any

from cleanup import io, remote, shards, stopping
from cleanup.batch import Sharded, process_chunk, reads_standard_input, units
from cleanup.discover import Input
from cleanup.render.progress import Steps
from cleanup.work import Mode, Options, Outcome, Status

PARTITION = 32  # files a partition holds
_AHEAD = 4  # partitions in flight per worker
RETRIES = 1  # a partition is tried again once when its worker dies


class ClusterError(Exception):
    """A cluster that cannot be used: Dask is not installed, or the scheduler cannot be reached."""


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


def run(
    items: Iterable[Input], options: Options, address: str, jobs: int, steps: Steps | None = None
) -> Iterator[Outcome]:
    """Process every item on the cluster at ``address``, in input order, a few partitions ahead;
    ``steps`` hears of each piece of a file in pieces done. At the end, the temporary files a
    killed worker left in the folders written are removed, and the parts of files in pieces that
    were not put together."""
    steps = steps or Steps()
    written: set[str] = set()
    with ExitStack() as stack:
        client = _client(address, jobs, stack)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        pending: deque[tuple[list[Input] | Sharded, list[Any]]] = deque()
        for unit in units(items, options, PARTITION):
            stopping.check()
            if reads_standard_input(unit):
                while pending:  # the outcomes before it first, in input order
                    yield from _outcomes(*pending.popleft(), steps)
                yield from process_chunk(unit, options)
                continue
            written.update(_folders(unit, options))
            pending.append((unit, _submit(client, unit, options)))
            if len(pending) >= workers * _AHEAD:
                yield from _outcomes(*pending.popleft(), steps)
        while pending:
            stopping.check()
            yield from _outcomes(*pending.popleft(), steps)
    for folder in sorted(written):
        io.sweep_leftovers(folder, owner=shards.owner())


def _submit(client: Any, unit: list[Input] | Sharded, options: Options) -> list[Any]:
    """The futures of a unit: its chunk of files; or a file's pieces, and last, the task that puts
    the file together from them once they are done (on a worker: the client never holds a text)."""
    if not isinstance(unit, Sharded):
        return [client.submit(process_chunk, unit, options, retries=RETRIES, pure=False)]
    cleaned = [
        client.submit(shards.clean_piece, piece, options, retries=RETRIES, pure=False)
        for piece in unit.pieces
    ]
    done = client.submit(shards.commit, unit.item, options, cleaned, unit.pieces, retries=RETRIES, pure=False)
    return [*cleaned, done]


def _folders(unit: list[Input] | Sharded, options: Options) -> set[str]:
    """The folders the workers write into for ``unit``."""
    chunk = [unit.item] if isinstance(unit, Sharded) else unit
    if options.mode is Mode.IN_PLACE:
        return {os.path.dirname(os.path.abspath(item.path)) for item in chunk}
    if options.mode is Mode.OUT and options.out is not None and not remote.is_remote(options.out):
        return {os.path.join(options.out, *item.relative.parent.parts) for item in chunk}
    return set()


def _outcomes(unit: list[Input] | Sharded, futures: list[Any], steps: Steps) -> list[Outcome]:
    """A unit's outcomes, or, where it failed on every try, each of its files as failed, a file in
    pieces with the first piece that failed."""
    if isinstance(unit, Sharded):
        from distributed import wait

        for future in futures[:-1]:
            wait(future)
            steps.done()
    try:
        return [futures[-1].result()] if isinstance(unit, Sharded) else list(futures[0].result())
    except Exception as err:  # a worker that died twice, or an error Dask reports from one
        if isinstance(unit, Sharded):
            failed = next((i for i, f in enumerate(futures[:-1]) if f.status == "error"), None)
            if failed is not None:
                where = unit.pieces[failed].describe()
                reason = f"its {where} failed on the cluster: {_named(futures[failed].exception())}"
            else:
                reason = f"failed on the cluster: {_named(err)}"
            return [Outcome(unit.item.path, Status.FAILED, error=reason, pieces=len(unit.pieces))]
        reason = f"its partition failed on the cluster: {_named(err)}"
        return [Outcome(item.path, Status.FAILED, error=reason) for item in unit]


def _named(err: BaseException | None) -> str:
    return f"{type(err).__name__}: {err}"
