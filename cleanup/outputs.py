"""Where ``--out`` writes: every copy planned before any is written, and none written through a link.

A run with ``--out DIR`` writes each input's cleaned copy at ``DIR/RELATIVE`` (a named file's
name, or its place under the folder named). Before anything is written, :class:`OutputPlan`
refuses a plan that would lose or overwrite something: two inputs written to the same copy, an
output folder that is an input folder or inside one (each run would clean the copies of the
last), an input inside the output folder, and a copy that would be written through a symbolic
link already in the output folder. :func:`write_copy` then writes each copy without following
any link below ``DIR``.

>>> import os, tempfile
>>> from cleanup.discover import discover
>>> root = tempfile.mkdtemp()
>>> for name in ("x/a.txt", "y/a.txt"):
...     os.makedirs(os.path.join(root, os.path.dirname(name)), exist_ok=True)
...     _ = open(os.path.join(root, name), "w").write("text")
>>> inputs = [os.path.join(root, "x"), os.path.join(root, "y")]
>>> try:
...     plan_outputs(os.path.join(root, "o"), inputs, discover(inputs))
... except OutputError as err:
...     print(err.reason.replace(root + "/", ""))
x/a.txt and y/a.txt would both be written here; nothing was written
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import PurePosixPath
from typing import BinaryIO

from cleanup import io, remote, tempfiles
from cleanup.discover import Input
from cleanup.render.paths import shown_path

_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | os.O_NOFOLLOW


class OutputError(Exception):
    """A plan of copies that would lose or overwrite something; nothing was written."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{shown_path(path)}: error: {reason}")
        self.path = path
        self.reason = reason


def _within(path: str, folder: str) -> bool:
    """Whether the resolved ``path`` is the resolved ``folder`` or inside it."""
    return os.path.commonpath([path, folder]) == folder


class OutputPlan:
    """The copies of a run into ``out``, checked as the inputs are listed, before any is written.

    Made from the paths the run was given, it refuses an ``out`` that is not a folder or that
    overlaps an input (compared resolved: the same folder, or one inside the other); :meth:`add`
    refuses a copy that another input also goes to, or that would be written through a link.
    """

    def __init__(self, out: str, arguments: Sequence[str]) -> None:
        self.out = out
        # Inputs from one argument never share a copy: a folder's files have distinct places in it.
        self._claims: dict[str, str] | None = {} if len(arguments) > 1 else None
        self._folders: dict[str, str] = {}
        self._checked: set[str] = set()  # folders of the output seen to be folders, not links
        self._remote = remote.is_remote(out)
        if self._remote:
            try:
                remote.check(out)
            except OSError as err:
                raise OutputError(out, io.os_reason(err)) from None
            return
        if os.path.lexists(out) and not os.path.isdir(out):
            raise OutputError(out, "the output folder is not a folder")
        real_out = os.path.realpath(out)
        for argument in arguments:
            if argument == "-":
                continue
            real = os.path.realpath(argument)
            if real == real_out:
                raise OutputError(out, "the output folder is the input folder itself; choose another")
            if os.path.isdir(argument) and _within(real_out, real):
                raise OutputError(
                    out,
                    f"the output folder is inside the input folder {shown_path(argument)}, where each run "
                    "would clean the copies of the last; choose a folder outside it",
                )
            if _within(real, real_out):
                raise OutputError(
                    out,
                    f"the output folder holds the input {shown_path(argument)}; choose one that holds none",
                )

    def add(self, item: Input) -> None:
        """Plan the copy of ``item``; :class:`OutputError` if it cannot be written safely."""
        if item.error is not None:
            return
        if self._claims is not None:
            self._claim(self._claims, item)
        if not self._remote:  # a store has no links
            self._check_links(item)

    def _target(self, relative: PurePosixPath | str) -> str:
        return os.path.join(self.out, *PurePosixPath(relative).parts)

    def _claim(self, claims: dict[str, str], item: Input) -> None:
        """Refuse a copy that an earlier input also goes to, or that is a folder of another's."""
        relative = item.relative.as_posix()
        earlier = claims.get(relative)
        if earlier == item.path:
            raise OutputError(item.path, "is given twice; nothing was written")
        if earlier is not None:
            both = f"{shown_path(earlier)} and {shown_path(item.path)}"
            raise OutputError(
                self._target(relative), f"{both} would both be written here; nothing was written"
            )
        if relative in self._folders:
            raise OutputError(
                self._target(relative),
                f"{shown_path(item.path)} would be written here, where {shown_path(self._folders[relative])} "
                "needs a folder; nothing was written",
            )
        for parent in item.relative.parents[:-1]:
            folder = parent.as_posix()
            if folder in claims:
                raise OutputError(
                    self._target(folder),
                    f"{shown_path(claims[folder])} would be written here, where {shown_path(item.path)} "
                    "needs a folder; nothing was written",
                )
            self._folders.setdefault(folder, item.path)
        claims[relative] = item.path

    def _check_links(self, item: Input) -> None:
        """Refuse a copy whose folders or file already in ``out`` are links (or not folders)."""
        parts = item.relative.parts
        for depth in range(len(parts)):
            relative = "/".join(parts[: depth + 1])
            if relative in self._checked:
                continue
            target = self._target(relative)
            try:
                mode = os.lstat(target).st_mode
            except OSError:
                return  # not there yet: made by the run
            if stat.S_ISLNK(mode):
                raise OutputError(
                    target, "is a symbolic link inside the output folder; cleanup does not write through it"
                )
            if depth == len(parts) - 1:
                if stat.S_ISDIR(mode):
                    raise OutputError(target, f"is a folder, where the copy of {shown_path(item.path)} goes")
            elif not stat.S_ISDIR(mode):
                raise OutputError(
                    target, f"is a file, where the copy of {shown_path(item.path)} needs a folder"
                )
            else:
                self._checked.add(relative)


class ReportPlan:
    """Where ``--report`` and ``--report-html`` write, checked against each input, its copy in
    ``out`` and its ``backup`` before anything is written: a report never overwrites any of them,
    and no copy goes into a report's folder. Each refusal is an :class:`OutputError`. A report
    an earlier run wrote where this one writes its own, found by walking an input folder
    (``cleanup check --report report.json .``, run again), is no input: :meth:`keeps` leaves it out.

    >>> from cleanup.discover import Input
    >>> ReportPlan("a.txt", None, None).keeps(Input("a.txt", PurePosixPath("a.txt"), False))
    Traceback (most recent call last):
    ...
    cleanup.outputs.OutputError: a.txt: error: is the input a.txt; the report would overwrite it
    """

    def __init__(
        self, report: str | None, report_html: str | None, out: str | None, backup: str | None = None
    ) -> None:
        self._report, self._html = _local_real(report), _local_real(report_html)
        self._shown = {self._report: report, self._html: report_html}
        self._out = out if out is not None and not remote.is_remote(out) else None
        self._backup = backup or None

    def keeps(self, item: Input) -> bool:
        """Whether ``item`` is an input of the run: not a report of an earlier run where this one
        writes its own; :class:`OutputError` if a report would overwrite it, its copy or its backup."""
        if item.path == "-" or (self._report is None and self._html is None):
            return True
        real = os.path.realpath(item.path)
        earlier_report = item.from_folder and (
            (real == self._report and _starts_with(real, _REPORT_OPENING))
            or (self._html is not None and self._is_page(real) and _starts_with(real, _PAGE_OPENING))
        )
        if not earlier_report:
            places = [(real, "the input", item.path)]
            if self._out is not None:
                copy = os.path.join(self._out, *item.relative.parts)
                places.append((os.path.realpath(copy), "the copy", copy))
            if self._backup is not None:
                places.append(
                    (os.path.realpath(item.path + self._backup), "the backup", item.path + self._backup)
                )
            for place, what, path in places:
                self._refuse(place, what, path)
        return not earlier_report

    def _is_page(self, real: str) -> bool:
        """Whether ``real`` is where the HTML report writes a page: an index, or an article's."""
        name = os.path.relpath(real, self._html or "")
        return _PAGE_NAME.fullmatch(name.replace(os.sep, "/")) is not None

    def _refuse(self, real: str, what: str, path: str) -> None:
        if real == self._report:
            raise OutputError(
                self._shown[real] or "", f"is {what} {shown_path(path)}; the report would overwrite it"
            )
        if self._html is not None and _within(real, self._html):
            raise OutputError(
                self._shown[self._html] or "",
                f"the report's folder holds {what} {shown_path(path)}, which its pages may overwrite",
            )


# The pages of an HTML report, by name (cleanup.render.html).
_PAGE_NAME = re.compile(r"index(?:-\d+)?\.html|articles/\d{6,}\.html")
# How the reports cleanup writes begin: the JSON report, and each page of the HTML report.
_REPORT_OPENING = b'{"format": "cleanup-report"'
_PAGE_OPENING = b"<!DOCTYPE html>\n<!-- cleanup report -->"


def _starts_with(path: str, opening: bytes) -> bool:
    """Whether the file at ``path`` begins with ``opening``."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(opening)) == opening
    except OSError:
        return False


def _local_real(path: str | None) -> str | None:
    """The resolved ``path`` of a file or folder a report writes, or ``None`` for none, standard
    output, or a pipe or a device that exists (nothing to overwrite there)."""
    if path is None or path == "-":
        return None
    if os.path.exists(path) and not (os.path.isfile(path) or os.path.isdir(path)):
        return None
    return os.path.realpath(path)


def plan_outputs(out: str, arguments: Sequence[str], items: Iterable[Input]) -> None:
    """Check the copies of every item into ``out``, as :class:`OutputPlan` does; ``arguments`` are
    the paths the run was given. Raises :class:`OutputError`, before anything is written."""
    plan = OutputPlan(out, arguments)
    for item in items:
        plan.add(item)


def _not_a_link(folder: int, name: str, shown: str) -> os.stat_result | None:
    """The status of ``name`` in ``folder`` if it exists and is no symbolic link."""
    try:
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        raise OSError(errno.ELOOP, f"{shown} is a symbolic link inside the output folder; not followed")
    return info


def _holds(folder: int, name: str, data: bytes) -> bool:
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(len(data) + 1) == data


def _folder_below(root: str, parts: tuple[str, ...], *, make: bool) -> int:
    """The folder ``root/parts…`` opened (a descriptor to close), reached one folder at a time
    from ``root`` without following a symbolic link below it (:class:`OSError` at one); with
    ``make``, the folders missing are made."""
    folder = os.open(root, _FOLDER & ~os.O_NOFOLLOW)  # the root itself is as named
    try:
        shown = root
        for part in parts:
            shown = os.path.join(shown, part)
            if make:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, dir_fd=folder)
            _not_a_link(folder, part, shown_path(shown))
            inner = os.open(part, _FOLDER, dir_fd=folder)
            os.close(folder)
            folder = inner
    except BaseException:
        os.close(folder)
        raise
    return folder


def write_copy(
    out: str, relative: PurePosixPath, data: bytes | Callable[[BinaryIO], None], like: str | None = None
) -> None:
    """Write ``data`` as ``out/relative``, atomically, making the folders it needs: the bytes, or
    what ``data`` writes to the file it is given; with the permission bits of the file ``like``
    (its input) less the umask, as ``cp`` gives them. Nothing below ``out`` is followed if it is a
    symbolic link (:class:`OSError` instead); a copy that already holds the bytes is not rewritten.
    An ``out`` that is a store's address is written there (:mod:`cleanup.remote`).
    """
    if remote.is_remote(out):
        return remote.write_copy(out, relative, data)
    os.makedirs(out, exist_ok=True)
    folder = _folder_below(out, relative.parts[:-1], make=True)
    try:
        shown = shown_path(os.path.join(out, *relative.parts))
        info = _not_a_link(folder, relative.name, shown)
        mode = _permissions(like)
        if isinstance(data, bytes):
            unchanged = info is not None and stat.S_ISREG(info.st_mode) and info.st_size == len(data)
            if unchanged and _holds(folder, relative.name, data):
                if info is not None and mode is not None and stat.S_IMODE(info.st_mode) != mode:
                    os.chmod(relative.name, mode, dir_fd=folder)  # the input's, as the bytes are
                return
        io.replace_in(folder, relative.name, data, durable=False, mode=mode)
    finally:
        os.close(folder)


def first_missing(path: str) -> str | None:
    """The outermost of ``path`` and the folders above it that does not exist yet: what making
    ``path`` makes (``None`` if it exists).

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> first_missing(os.path.join(folder, "a", "b")) == os.path.join(folder, "a"), first_missing(folder)
    (True, None)
    """
    missing = None
    while path and not os.path.lexists(path):
        missing = path
        parent = os.path.dirname(path.rstrip(os.sep))
        if parent == path:
            break
        path = parent
    return missing


def _permissions(path: str | None) -> int | None:
    """The permission bits of a copy of the file at ``path`` (:func:`~cleanup.io.copy_mode`), or
    ``None`` (standard input, no such file)."""
    if path is None or path == "-":
        return None
    try:
        return io.copy_mode(stat.S_IMODE(os.stat(path).st_mode))
    except OSError:
        return None


def prune_empty(out: str) -> None:
    """Remove the empty folders of ``out``, a folder this run made, and ``out`` itself if empty:
    those it made for copies that then failed. A symbolic link is never followed or removed.

    >>> import tempfile
    >>> out = os.path.join(tempfile.mkdtemp(), "out")
    >>> os.makedirs(os.path.join(out, "a", "b"))
    >>> prune_empty(out); os.path.exists(out)
    False
    """
    for folder, _, _ in os.walk(out, topdown=False):
        with contextlib.suppress(OSError):
            os.rmdir(folder)


def copy_failure(out: str, relative: PurePosixPath, err: OSError) -> str:
    """Why the copy ``out/relative`` could not be written, naming the copy (the error line names
    the input).

    >>> copy_failure("clean", PurePosixPath("a/b.txt"), OSError(28, "No space left on device"))
    'cannot write its copy clean/a/b.txt: no space left on device'
    """
    copy = (
        "/".join((out.rstrip("/"), *relative.parts))
        if remote.is_remote(out)
        else os.path.join(out, *relative.parts)
    )
    return f"cannot write its copy {shown_path(copy)}: {io.os_reason(err)}"


def write_part(out: str, relative: PurePosixPath, data: bytes, owner: tuple[str, int]) -> str:
    """Write ``data`` beside where ``out/relative`` goes, as a new temporary file of ``owner``
    (:mod:`cleanup.tempfiles`), which the process ``owner`` puts together into the copy; return
    its name. Nothing below ``out`` is followed."""
    if remote.is_remote(out):
        return remote.write_part(out, relative, data, owner)
    os.makedirs(out, exist_ok=True)
    folder = _folder_below(out, relative.parts[:-1], make=True)
    try:
        name = tempfiles.temporary_name(relative.name, owner)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            with os.fdopen(os.open(name, flags, 0o600, dir_fd=folder), "wb") as handle:
                handle.write(data)
        except BaseException:
            with contextlib.suppress(OSError):  # a part half written (a full disk) is left nowhere
                os.unlink(name, dir_fd=folder)
            raise
        return name
    finally:
        os.close(folder)


@contextlib.contextmanager
def open_part(out: str, relative: PurePosixPath, name: str) -> Iterator[BinaryIO]:
    """The part called ``name`` that :func:`write_part` wrote for ``out/relative``, open to read."""
    if remote.is_remote(out):
        with remote.open_part(out, relative, name) as handle:
            yield handle
        return
    folder = _folder_below(out, relative.parts[:-1], make=False)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder)
    finally:
        os.close(folder)
    with os.fdopen(fd, "rb") as handle:
        yield handle


def remove_parts(out: str, relative: PurePosixPath, names: Iterable[str]) -> None:
    """Remove the parts ``names`` of ``out/relative``; one already gone is no error."""
    if remote.is_remote(out):
        return remote.remove_parts(out, relative, names)
    try:
        folder = _folder_below(out, relative.parts[:-1], make=False)
    except OSError:
        return
    try:
        for name in names:
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder)
    finally:
        os.close(folder)


def replace_below(root: str, relative: PurePosixPath, data: bytes) -> None:
    """Replace the existing file ``root/relative`` with ``data``, atomically and durably, reaching
    it from ``root`` without following any symbolic link below it (:class:`OSError` at one): a
    folder swapped for a link after the file was found cannot lead the write elsewhere."""
    folder = _folder_below(root, relative.parts[:-1], make=False)
    try:
        _not_a_link(folder, relative.name, shown_path(os.path.join(root, *relative.parts)))
        io.replace_in(folder, relative.name, data)
    finally:
        os.close(folder)
