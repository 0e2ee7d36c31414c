"""A progress bar on standard error for long batches: files done, files per second, time left.

Shown only when standard error is a terminal, so pipes and logs get no control characters. Until
the first file is done it says the word lists are loading (the first file pays for them). The rate
and the time left come from the files of the last few seconds, not from the start (which the
warm-up would weigh down), and are shown only once they mean something.

>>> clock = iter([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]).__next__
>>> pace = Pace(100, clock=clock)
>>> pace.text()
'warming up: loading the word lists'
>>> for _ in range(3):
...     pace.tick()
>>> pace.text()  # too early to tell
''
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import click

T = TypeVar("T")
_WINDOW = 5.0  # seconds of recent files the rate is read from
_SETTLED = 2.0  # seconds after the first file before a rate is shown
_FEWEST = 5  # files in the window before a rate is shown


class Pace:
    """How fast files are done, from the recent ones, and how long the rest will take."""

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic, unit: str = "files") -> None:
        self.total = total
        self.unit = unit
        self.clock = clock
        self.done = 0
        self.first: float | None = None
        self.recent: deque[float] = deque()

    def tick(self) -> None:
        """One more file done."""
        now = self.clock()
        self.done += 1
        self.first = now if self.first is None else self.first
        self.recent.append(now)
        while len(self.recent) > _FEWEST and now - self.recent[0] > _WINDOW:
            self.recent.popleft()

    def text(self) -> str:
        """What the bar says after its count.

        >>> clock = iter(float(second) for second in range(100)).__next__
        >>> pace = Pace(50, clock=clock)
        >>> for _ in range(10):
        ...     pace.tick()
        >>> pace.text()
        '1 files/s, 40 s left'
        """
        if self.done == 0:
            return "warming up: loading the word lists"
        if self.first is None or len(self.recent) < _FEWEST or self.recent[-1] - self.first < _SETTLED:
            return ""
        span = self.recent[-1] - self.recent[0]
        rate = (len(self.recent) - 1) / span if span > 0 else 0.0
        if rate <= 0:
            return ""
        left = (self.total - self.done) / rate
        return f"{rate:.0f} {self.unit}/s, {_duration(left)} left"


def _duration(seconds: float) -> str:
    """``seconds`` as a person reads a wait.

    >>> _duration(40), _duration(130), _duration(7300)
    ('40 s', '2 min 10 s', '2 h 1 min')
    """
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60} s"
    return f"{whole // 3600} h {whole % 3600 // 60} min"


class Steps:
    """Where a batch says that a piece of a file is done (:mod:`cleanup.shards`), before the file
    is: the bar of :func:`progress` moves by one for each.

    >>> steps = Steps()
    >>> steps.done()  # nobody listening yet
    >>> seen = []
    >>> steps.listener = lambda: seen.append(1)
    >>> steps.done(); seen
    [1]
    """

    def __init__(self) -> None:
        self.listener: Callable[[], None] | None = None

    def done(self) -> None:
        """One piece done."""
        if self.listener is not None:
            self.listener()


@contextlib.contextmanager
def progress(
    items: Iterable[T], total: int, steps: Steps | None = None, unit: str = "files"
) -> Iterator[Iterable[T]]:
    """``items`` unchanged, with a bar drawn on a terminal as they go by, its rate in ``unit``.
    ``total`` counts a file in pieces once per piece: ``steps`` says when each is done, and an
    item that says it was in pieces (a ``pieces`` attribute above zero) moves the bar no further."""
    if total < 2 or not sys.stderr.isatty():
        yield items
        return
    pace = Pace(total, unit=unit)

    def shown(_: T | None) -> str:
        return pace.text()

    with click.progressbar(
        length=total, label="cleaning", file=sys.stderr, show_pos=True, show_eta=False, item_show_func=shown
    ) as bar:

        def step(item: T | None = None) -> None:
            pace.tick()
            bar.update(1, item)

        if steps is not None:
            steps.listener = step

        def counted() -> Iterator[T]:
            for item in items:
                if not getattr(item, "pieces", 0):
                    step(item)
                yield item

        yield counted()
