"""A progress bar on standard error for long batches: files done, files per second, time left.

Shown only when standard error is a terminal, so pipes and logs get no control characters.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

T = TypeVar("T")


@contextlib.contextmanager
def progress(items: Iterable[T], total: int) -> Iterator[Iterable[T]]:
    """``items`` unchanged, with a bar drawn on a terminal as they go by."""
    if total < 2 or not sys.stderr.isatty():
        yield items
        return
    started = time.monotonic()
    done = 0

    def rate(_: T | None) -> str:
        elapsed = time.monotonic() - started
        return f"{done / elapsed:.0f} files/s" if elapsed > 0 and done else ""

    with click.progressbar(
        length=total, label="cleaning", file=sys.stderr, show_pos=True, show_eta=True, item_show_func=rate
    ) as bar:

        def counted() -> Iterator[T]:
            nonlocal done
            for item in items:
                done += 1
                bar.update(1, item)
                yield item

        yield counted()
