"""The reports of a run, ``--report`` (JSON) and ``--report-html``, opened before it and fed as the
outcomes go by: a report that cannot be written is given up with one error line, and the run goes on.

>>> import tempfile, pathlib
>>> from cleanup.work import Outcome, Status
>>> from cleanup.review.decisions import Settings
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with Reports(str(folder / "r.json"), None, Settings(()), on_error=print) as reports:
...     reports.add(Outcome("a.txt", Status.UNCHANGED))
>>> print((folder / "r.json").read_text())
{"format": "cleanup-report", "version": 1, "files": [
{"path": "a.txt", "status": "unchanged", "error": null, "findings": []}
]
}
<BLANKLINE>
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable
from typing import Protocol

from cleanup.io import AtomicTextFile, os_reason
from cleanup.render.html import HtmlReport
from cleanup.render.paths import shown_path
from cleanup.render.report import JsonArray, file_record, report_head
from cleanup.review.decisions import Settings
from cleanup.work import Outcome


class _Report(Protocol):
    path: str

    def add(self, outcome: Outcome) -> None: ...
    def commit(self) -> None: ...
    def discard(self) -> None: ...


class _JsonReport:
    """``--report``: its format and version, and the array of :func:`file_record` (``files``),
    in place only once complete."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._file = AtomicTextFile(path)
        self._file.handle.write(report_head())
        self._array = JsonArray(self._file.handle).__enter__()

    def add(self, outcome: Outcome) -> None:
        self._array.add(file_record(outcome))

    def commit(self) -> None:
        self._array.__exit__(None, None, None)
        self._file.handle.write("}\n")
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
            self._report.add_error(
                outcome.path,
                outcome.error or "read in pieces (Parquet, or JSON Lines over 100 MB), not shown here",
            )
        else:
            self._report.add(outcome.path, outcome.sha256, outcome.result, outcome.settings)

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
