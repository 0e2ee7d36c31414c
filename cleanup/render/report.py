"""Reports, written as the outcomes go by so that memory stays flat: JSON for programs, and the run's
``--report`` and ``--report-html`` together in :class:`Reports`.

>>> import io
>>> from cleanup.batch import Outcome, Status
>>> out = io.StringIO()
>>> with JsonArray(out) as array:
...     array.add({"path": "a.txt"})
...     array.add({"path": "b.txt"})
>>> out.getvalue()
'[\\n{"path": "a.txt"},\\n{"path": "b.txt"}\\n]\\n'
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Callable
from typing import Any, Protocol, TextIO

import regex

from cleanup.batch import Outcome
from cleanup.io import AtomicTextFile, os_reason
from cleanup.render.findings import finding_record
from cleanup.render.html import HtmlReport
from cleanup.render.paths import shown_path
from cleanup.review.decisions import Settings

# What json leaves raw but a terminal acts on or hides, or a reader splitting lines would split at:
# C1 controls, format characters (bidirectional overrides), line and paragraph separators, and lone
# surrogates (how Python reads a byte of a file name that is not UTF-8, which UTF-8 cannot hold).
_RAW = regex.compile(r"[\x80-\x9f\p{Cf}\u2028\u2029\p{Cs}]")


def dumps(element: Any) -> str:
    """``element`` as JSON text on one line, non-ASCII kept as it is but for what a terminal would
    act on, escaped: a reader gets every string back as it was.

    >>> print(dumps({"path": "caf\\udce9\\u202e.txt", "note": "Zürich\\u2028"}))
    {"path": "caf\\udce9\\u202e.txt", "note": "Zürich\\u2028"}
    """
    text = json.dumps(element, ensure_ascii=False)
    if text.isascii():
        return text
    return _RAW.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def file_record(outcome: Outcome) -> dict[str, Any]:
    """One file of a ``--report``: path, status, error, findings (with positions and whether applied)."""
    return {
        "path": outcome.path,
        "status": str(outcome.status),
        "error": outcome.error,
        "findings": [finding_record(outcome.path, f) for f in outcome.findings],
    }


class JsonArray:
    """A JSON array written one element at a time."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._count = 0

    def __enter__(self) -> JsonArray:
        self._stream.write("[")
        return self

    def add(self, element: Any) -> None:
        """Write one element."""
        self._stream.write(",\n" if self._count else "\n")
        self._stream.write(dumps(element))
        self._count += 1

    def __exit__(self, *exc: object) -> None:
        self._stream.write("\n]\n" if self._count else "]\n")


def json_line(element: Any) -> str:
    """One JSON Lines record."""
    return dumps(element) + "\n"


class _Report(Protocol):
    path: str

    def add(self, outcome: Outcome) -> None: ...
    def commit(self) -> None: ...
    def discard(self) -> None: ...


class _JsonReport:
    """``--report``: a JSON array of :func:`file_record`, in place only once complete."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._file = AtomicTextFile(path)
        self._array = JsonArray(self._file.handle).__enter__()

    def add(self, outcome: Outcome) -> None:
        self._array.add(file_record(outcome))

    def commit(self) -> None:
        self._array.__exit__(None, None, None)
        self._file.commit()

    def discard(self) -> None:
        self._file.discard()


class _HtmlReport:
    """``--report-html``: pages written whole as the articles come, the index at the end."""

    def __init__(self, path: str, settings: Settings) -> None:
        self.path = path
        self._report = HtmlReport(path, settings)

    def add(self, outcome: Outcome) -> None:
        if outcome.result is None:
            self._report.add_error(outcome.path, outcome.error or "not read")
        else:
            self._report.add(outcome.path, outcome.sha256, outcome.result)

    def commit(self) -> None:
        self._report.close()

    def discard(self) -> None:
        """Pages already written stay, each whole; without an index, the report is not complete."""


def _reason(err: OSError, path: str) -> str:
    if isinstance(err, FileNotFoundError):
        return f"cannot write the report: no such folder: {shown_path(os.path.dirname(path) or '.')}"
    return f"cannot write the report: {os_reason(err)}"


class ReportError(Exception):
    """A report that cannot be opened; the run should not start."""


class Reports:
    """The reports of a run: ``json_path`` (``--report``) and ``html_folder`` (``--report-html``).

    Both are opened at once, before the run: :class:`ReportError` with the error line if one
    cannot be, and nothing is left behind. A report that later fails to be written (a full disk)
    is given up: ``on_error`` gets its error line, the JSON report's file is left as it was,
    :attr:`failed` is set, and the run and the other report go on. Used as a context manager, the
    reports are completed when the block ends without an error, and given up when it raises.
    """

    def __init__(
        self,
        json_path: str | None,
        html_folder: str | None,
        settings: Settings,
        on_error: Callable[[str], None],
    ) -> None:
        self._on_error = on_error
        self._open: list[_Report] = []
        self.failed = False
        openers: tuple[tuple[str | None, Callable[[str], _Report]], ...] = (
            (json_path, _JsonReport),
            (html_folder, functools.partial(_HtmlReport, settings=settings)),
        )
        for path, opener in openers:
            if path is None:
                continue
            try:
                self._open.append(opener(path))
            except OSError as err:
                self.discard()
                raise ReportError(f"{shown_path(path)}: error: {_reason(err, path)}") from None

    def _guard(self, report: _Report, action: Callable[[], None]) -> None:
        try:
            action()
        except OSError as err:
            with contextlib.suppress(OSError):
                report.discard()
            self._open.remove(report)
            self.failed = True
            self._on_error(f"{shown_path(report.path)}: error: {_reason(err, report.path)}")

    def add(self, outcome: Outcome) -> None:
        """Add one file's outcome to every report still being written."""
        for report in list(self._open):
            self._guard(report, lambda report=report: report.add(outcome))

    def close(self) -> None:
        """Complete every report still being written."""
        for report in list(self._open):
            self._guard(report, report.commit)
        self._open.clear()

    def discard(self) -> None:
        """Give up every report still being written."""
        for report in self._open:
            with contextlib.suppress(OSError):
                report.discard()
        self._open.clear()

    def __enter__(self) -> Reports:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()
