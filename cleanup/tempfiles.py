"""Temporary files of atomic writes: named so that a later run knows its own, and removed when stale.

An atomic write puts the new bytes in a temporary file beside the target and renames it over
the target. A run killed in between leaves the temporary file behind. Its name says whose it is:
a dot (hidden, so that folder walks skip it), the target's name, the host and process that made
it, a random part, and the ``.cleanup-tmp`` marker:

>>> import re
>>> name = temporary_name("a.txt")
>>> bool(re.fullmatch(r"\\.a\\.txt\\.[0-9a-f]{8}-[0-9]+\\.[0-9a-f]{8}\\.cleanup-tmp", name))
True
>>> leftover(name) == (host_id(), os.getpid())
True
>>> leftover("a.txt.tmp") is None
True

The first write of a process into a folder sweeps that folder's leftovers (:func:`sweep`). A file
is removed only when all of these hold: its name has exactly this pattern; it is a regular file
(a link is never followed, nor removed); it belongs to the user running cleanup; and either it
was made on this host by a process that is no longer running, or it has not been touched for a
day. A live run's temporary file is safe: its process is running (a stopped one too), and a
temporary file on a shared disk made by another host is left for a day, far longer than a write
or a run's report stays open without being written to.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import socket
import stat
import time

MARKER = ".cleanup-tmp"
STALE_AFTER = 24 * 60 * 60  # seconds untouched after which any host's leftover is stale
_KEPT_NAME = 40  # characters of the target's name kept in the temporary name, within NAME_MAX
_PATTERN = re.compile(r"\..*\.([0-9a-f]{8})-([0-9]{1,10})\.[0-9a-f]{8}" + re.escape(MARKER), re.DOTALL)
_swept: set[tuple[int, int]] = set()


@functools.cache
def host_id() -> str:
    """Eight hex digits standing for this machine's host name."""
    return hashlib.blake2b(socket.gethostname().encode("utf-8", "surrogateescape")).hexdigest()[:8]


def temporary_name(target: str, owner: tuple[str, int] | None = None) -> str:
    """A fresh temporary name for a write to ``target`` (a name in a folder, not a path), owned by
    this process, or by ``owner`` (``(host, pid)``: a file another process finishes, and which
    lives as long as that process runs).

    >>> leftover(temporary_name("a.jsonl", owner=("0badcafe", 42)))
    ('0badcafe', 42)
    """
    host, pid = owner or (host_id(), os.getpid())
    return f".{target[:_KEPT_NAME]}.{host}-{pid}.{os.urandom(4).hex()}{MARKER}"


def leftover(name: str) -> tuple[str, int] | None:
    """``(host, pid)`` of a name made by :func:`temporary_name`, else ``None``."""
    match = _PATTERN.fullmatch(name)
    return (match[1], int(match[2])) if match else None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except (OverflowError, ValueError, OSError):
        return False  # no such pid can exist
    return True


def _stale(name: str, info: os.stat_result, now: float) -> bool:
    made = leftover(name)
    if made is None or not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
        return False
    if now - info.st_mtime > STALE_AFTER:
        return True
    host, pid = made
    return host == host_id() and pid > 0 and not _running(pid)


def sweep_owned(folder: int, owner: tuple[str, int]) -> None:
    """Remove from the folder open as ``folder`` every temporary file of ``owner`` (``(host, pid)``),
    whether or not that process still runs: what it owned and has not put in place is left over."""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if leftover(entry.name) == owner]
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
                os.unlink(name, dir_fd=folder)


def sweep(folder: int) -> None:
    """Remove the stale leftovers of earlier runs from the folder open as ``folder`` (a file
    descriptor), once per process and folder; a leftover that cannot be removed stays."""
    try:
        info = os.fstat(folder)
        if (info.st_dev, info.st_ino) in _swept:
            return
        _swept.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if entry.name.endswith(MARKER)]
    except OSError:
        return
    now = time.time()
    for name in names:
        try:
            if _stale(name, os.stat(name, dir_fd=folder, follow_symlinks=False), now):
                os.unlink(name, dir_fd=folder)
        except OSError:
            continue
