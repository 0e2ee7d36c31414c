"""Stopping a run on Ctrl-C or SIGTERM at a safe point: between two files, never inside the
machinery that hands files to the workers (an exception raised there by a signal can leave it
waiting for ever).

The first signal asks the run to stop; the batch stops before its next file (:func:`check`), the
file being written replaced whole or not at all. A second one stops the process at once, with the
signal's own effect.

>>> install()
>>> check()
>>> _request(signal.SIGTERM, None)
>>> try:
...     check()
... except Stopped as stopped:
...     print(stopped.status)
143
>>> reset()
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from typing import NoReturn

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_requested: int | None = None  # the signal that asked the run to stop, if one did
_abandoned = False  # whether a pool of workers was left without being shut down


class Stopped(Exception):
    """The run stopped on a signal; ``status`` is the shell's for it (130 for Ctrl-C, 143 for
    SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.status = 128 + signum


def _request(signum: int, frame: object) -> None:
    global _requested
    if _requested is not None:  # asked again: at once
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    _requested = signum


def install() -> None:
    """Let Ctrl-C and SIGTERM ask the run to stop, in this (the main) process."""
    for signum in _SIGNALS:
        signal.signal(signum, _request)


def reset() -> None:
    """Forget a request, and give the signals their usual effect back."""
    global _requested
    _requested = None
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def check() -> None:
    """:class:`Stopped` if a signal asked the run to stop."""
    if _requested is not None:
        raise Stopped(_requested)


def abandon_workers() -> None:
    """Kill this process's workers, their pool left as it is: a worker a signal ended may hold its
    task queue's lock, which shutting the pool down waits for for ever. The process must then end
    with :func:`leave`."""
    global _abandoned
    _abandoned = True
    for worker in multiprocessing.active_children():
        worker.kill()


def leave(status: int) -> NoReturn:
    """End the process with ``status``; at once, what is printed flushed, once workers were
    abandoned (the exit's own clean-up would shut their pool down)."""
    if _abandoned:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)
    sys.exit(status)
