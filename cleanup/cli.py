"""The ``cleanup`` command: a thin layer over :func:`cleanup.clean` and the renderers.

Exit codes, as ruff uses them: 0 when all is well, 1 when ``check`` found
something, 2 on a usage error or an input that could not be read.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from cleanup import batch, io, remote, stopping
from cleanup.config import KEYS, read_config
from cleanup.discover import DEFAULT_INCLUDE, Input, PatternsFor, discover
from cleanup.formats.htmldoc import block_starts
from cleanup.formats.markdown import front_matter_end
from cleanup.model import Finding
from cleanup.options import ByteSize, Configured, Resolver, color_option, resolver, rule_options
from cleanup.outputs import OutputError, OutputPlan, ReportPlan, first_missing, prune_empty
from cleanup.pipeline import run
from cleanup.render.color import wants_color
from cleanup.render.listing import OUTPUT_FORMATS, open_listing, statistics_form
from cleanup.render.paths import shown_path
from cleanup.render.progress import Steps, progress
from cleanup.render.summary import Tally, plural
from cleanup.reports import ReportError, Reports
from cleanup.review.commands import apply_command, review_command
from cleanup.review.decisions import Settings
from cleanup.rules import ALL_RULES, FAMILIES, did_you_mean
from cleanup.shards import is_parquet
from cleanup.suppression import paragraph_starts, with_markers
from cleanup.work import BLOCK_BYTES, Mode, Options, Outcome, Status

DEFAULT_INPUT = Path("seeds") / "000_a4250b86ee3da36c.txt"
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def _inputs(files: tuple[str, ...]) -> tuple[str, ...]:
    """The files named, else the founding article when run in this repository. Standard input
    can be read once."""
    if files.count("-") > 1:
        raise click.UsageError("- (standard input) is given more than once; it can be read once")
    if files:
        return files
    if DEFAULT_INPUT.is_file():
        return (str(DEFAULT_INPUT),)
    raise click.UsageError("no input: give a FILE, or - to read standard input")


def _selection_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add the options every cleaning command shares: rules, safety and languages, which files,
    workers, reports."""
    options = [
        rule_options,
        click.option(
            "--include",
            multiple=True,
            metavar="GLOB",
            help="Files to take from folders (default: *.txt, *.md, *.markdown, *.html, *.htm, *.jsonl, "
            "*.ndjson, *.json, *.po, *.pot, *.xlf, *.xliff, *.parquet, *.parq).",
        ),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Files and folders to leave out."),
        color_option,
        click.option(
            "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPUs)."
        ),
        click.option(
            "--dask",
            metavar="ADDRESS",
            help="Run the batch on a Dask cluster: local (a cluster of --jobs workers on this machine), "
            "tcp://HOST:PORT (a running scheduler) or env (DASK_SCHEDULER_ADDRESS). Needs cleanup[dask].",
        ),
        click.option(
            "--block-size",
            type=ByteSize(),
            default=BLOCK_BYTES,
            show_default="2MB",
            help="JSON Lines files longer than this are checked or copied to --out in blocks of lines "
            "this long, each a task of its own.",
        ),
        click.option(
            "--quiet",
            "-q",
            is_flag=True,
            help="Print what was asked (findings, statistics, fixed text, diffs) and errors only: "
            "no summary, no progress.",
        ),
        click.option(
            "--verbose", "-v", is_flag=True, help="Also say which settings run, and each file as it is done."
        ),
        click.option(
            "--report",
            type=click.Path(dir_okay=False, writable=True),
            help="Also write a JSON report: per file its status and findings.",
        ),
        click.option(
            "--report-html",
            type=click.Path(file_okay=False, writable=True),
            metavar="DIR",
            help="Also write an HTML review report here: an index, and a page per article.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _fail(line: str) -> NoReturn:
    """Stop with one error line, before anything is written."""
    click.echo(line, err=True)
    sys.exit(EXIT_ERROR)


def _reports(kwargs: dict[str, Any], recorded: Settings) -> Reports:
    """The reports asked for, opened before the run; one error line and exit 2 if one cannot be."""
    try:
        return Reports(
            kwargs["report"],
            kwargs["report_html"],
            recorded,
            on_error=functools.partial(click.echo, err=True),
        )
    except ReportError as err:
        _fail(str(err))


def _outcomes(work: _Work, options: Options, kwargs: dict[str, Any], reports: Reports) -> Iterator[Outcome]:
    """Run the batch, show progress on a terminal, feed the reports, report failures."""
    steps, total = Steps(), work.parts
    workers = 1 if total < 2 else (kwargs["jobs"] or os.cpu_count() or 1)
    items = work.items()
    if options.settings_for is not None:
        # Each folder's configuration is read here, before a worker needs it: one that cannot be
        # used stops the run with one error line, as a usage error does.
        items = _configured_first(items, options.settings_for)
    if kwargs["dask"]:
        from cleanup import cluster  # Dask is imported only when asked for

        jobs = kwargs["jobs"] or os.cpu_count() or 1
        outcomes = _on_cluster(cluster.run(items, options, kwargs["dask"], jobs, steps))
    else:
        outcomes = batch.run(items, options, workers, steps)
    verbose, quiet = kwargs["verbose"], kwargs["quiet"]
    unit = "files" if total == work.count else "parts"  # a part: a file, or a piece of one
    with progress(outcomes, 0 if quiet else total, steps, unit) as shown:
        for outcome in shown:
            if verbose:
                click.echo(f"cleanup: {shown_path(outcome.path)}: {outcome.status}", err=True)
            if outcome.error is not None:
                click.echo(f"{shown_path(outcome.path)}: error: {outcome.error}", err=True)
            reports.add(outcome)
            yield outcome


def _configured_first(items: Iterable[Input], settings_for: Callable[[str], object]) -> Iterator[Input]:
    """``items``, each after the settings of its folder have been read: a file's configuration is
    its folder's (:meth:`~cleanup.options.Resolver.config_for`), so once for the files of a folder
    listed in a row."""
    folder = None
    for item in items:
        if folder is None or os.path.dirname(item.path) != folder:
            settings_for(item.path)
            folder = os.path.dirname(item.path)
        yield item


def _on_cluster(outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
    """The outcomes of a run on a cluster; one error line and exit 2 if it cannot be used."""
    from cleanup.cluster import ClusterError

    try:
        yield from outcomes
    except ClusterError as err:
        _fail(f"cleanup: error: {err}")


def _configured(
    kwargs: dict[str, Any], paths: tuple[str, ...]
) -> tuple[Resolver, Configured, dict[str, Any]]:
    """The settings of a run: how each file's are found; those of the first input, which the
    reports record for files with no configuration of their own; and the options of the run as a
    whole (which files, how findings are printed), from the configuration of the first input."""
    settings = resolver(kwargs)
    first = settings.config_for(paths[0])
    base = settings.for_path(paths[0])
    if kwargs["verbose"]:
        rules = ", ".join(sorted(base.context.enabled))
        click.echo(f"cleanup: configuration: {first or 'none'}", err=True)
        click.echo(
            f"cleanup: target {base.context.target}; {len(base.context.enabled)} rules: {rules}", err=True
        )
    return settings, base, settings.merged(first)


def _fix_mode(word_diff: bool, diff: bool, in_place: bool, out: str | None) -> Mode:
    if diff:
        return Mode.WORD_DIFF if word_diff else Mode.DIFF
    if in_place:
        return Mode.IN_PLACE
    return Mode.OUT if out else Mode.PRINT


class _Work:
    """The files a command works on, counted first and then listed again as they are processed,
    so that a batch of any size is never held in memory. The count also counts the tasks (``parts``)
    the progress bar shows, and with ``--out`` plans the copies (:class:`~cleanup.outputs.OutputPlan`),
    so that a bad plan stops the run before it writes anything."""

    def __init__(
        self,
        paths: tuple[str, ...],
        include: tuple[str, ...],
        exclude: tuple[str, ...],
        options: Options,
        out: str | None = None,
        patterns_for: PatternsFor | None = None,
        reports: tuple[str | None, str | None] = (None, None),
        backup: str | None = None,
    ) -> None:
        self._arguments = (paths, include or DEFAULT_INCLUDE, exclude, patterns_for)
        # The reports of an earlier run, found where this one writes its own, are no inputs.
        self._reports = ReportPlan(*reports, out, backup)
        # The tasks of the work: one per file cleaned whole, one per piece of a file in pieces
        # (cleanup.shards; only checked or copied files are cut, by their sizes).
        cut = options.mode in (Mode.CHECK, Mode.OUT)
        try:
            plan = OutputPlan(out, paths) if out is not None else None
            self.count = self.parts = 0
            for item in self.items():
                self.count += 1
                self.parts += batch.parts(item, options) if cut else 1
                if plan is not None:
                    plan.add(item)
        except OutputError as err:
            _fail(str(err))
        self.is_batch = self.count > 1 or len(paths) > 1 or any(p != "-" and os.path.isdir(p) for p in paths)

    def items(self) -> Iterator[Input]:
        """The files, in a stable order."""
        return filter(self._reports.keeps, discover(*self._arguments))


# How writing standard output fails, which every file's own errors are caught before.
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


class _Group(click.Group):
    """The ``cleanup`` group, which ends a command that cannot write its output with one error line,
    and one stopped by Ctrl-C or SIGTERM with one line and the shell's status for it (130, 143):
    the file being written is replaced whole or not at all, and those not done yet are left as
    they were.

    Every file's failure is reported where it happens; what is left is standard output itself
    (a full disk, an I/O error). A closed pipe (``cleanup check | head``) is click's to quieten.
    """

    def invoke(self, ctx: click.Context) -> Any:
        stopping.install()
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, stopping.Stopped) as stopped:
            status = stopped.status if isinstance(stopped, stopping.Stopped) else 128 + signal.SIGINT
            click.echo("cleanup: stopped; the files not done yet are left as they were", err=True)
            stopping.leave(status)
        except OSError as err:
            if err.errno == errno.EPIPE:
                raise
            if isinstance(err.filename, str):
                line = f"{shown_path(err.filename)}: error: {io.os_reason(err)}"
            elif err.errno in _WRITE_ERRORS:
                line = f"<stdout>: error: cannot write: {io.os_reason(err)}"
            else:
                line = f"cleanup: error: {io.os_reason(err)}"
            click.echo(line, err=True)
            # What is still buffered cannot be written either: let the exit's flush discard it.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleanup")
def main() -> None:
    """Make machine-translated news text publishable."""


class _FixCommand(click.Command):
    """``fix``, where ``--diff`` is a flag that may carry a value only when attached to it:
    ``--diff FILE`` is a unified diff of FILE, ``--diff=word`` the word view."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        spelled = {"--diff=unified": "--diff", "--diff=word": "--word-diff"}
        for arg in args:
            if arg.startswith("--diff=") and arg not in spelled:
                raise click.UsageError(f"{arg}: expected --diff, --diff=unified or --diff=word", ctx)
        return super().parse_args(ctx, [spelled.get(arg, arg) for arg in args])


@main.command(cls=_FixCommand)
@click.argument("files", nargs=-1, metavar="[PATH]...")
@click.option(
    "--diff",
    is_flag=True,
    help="Print a diff per changed file instead of the fixed text: unified for patch, or with "
    "--diff=word the changed words marked, with their rules.",
)
@click.option("--word-diff", is_flag=True, hidden=True)
@click.option("--in-place", is_flag=True, help="Rewrite each changed file atomically.")
@click.option(
    "--out",
    metavar="DIR",
    help="Write the cleaned tree here (a folder, or a store's address such as s3://bucket/cleaned); "
    "inputs stay as they are.",
)
@click.option(
    "--backup", metavar="SUFFIX", help="With --in-place, keep the original beside it as FILE+SUFFIX."
)
@click.option(
    "--keep-encoding",
    is_flag=True,
    help="Write files in their own encoding rather than UTF-8 (a file that names its encoding keeps it).",
)
@click.option(
    "--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when a file was changed (--diff does so always)."
)
@_selection_options
def fix(
    files: tuple[str, ...],
    diff: bool,
    word_diff: bool,
    in_place: bool,
    out: str | None,
    backup: str | None,
    exit_non_zero_on_fix: bool,
    **kwargs: Any,
) -> None:
    """Print the fixed text of FILE (- for standard input; in this repository, seeds/ by default).

    Folders, and several files, need --out DIR, --in-place or --diff. With --diff, the exit status
    is 1 when there are changes, as for ruff.
    """
    out = remote.local_path(out) if out else out
    chosen = [name for name, on in (("--diff", diff), ("--in-place", in_place), ("--out", out)) if on]
    if len(chosen) > 1:
        raise click.UsageError(f"{' and '.join(chosen)} do not go together")
    if backup == "":
        raise click.UsageError("--backup takes a suffix that is not empty, such as .orig")
    if backup and not in_place:
        raise click.UsageError("--backup goes with --in-place")
    if backup and os.sep in backup:
        raise click.UsageError(
            f"--backup takes a suffix for the file's name, not a path: {shown_path(backup)}"
        )
    diff = diff or word_diff
    mode = _fix_mode(word_diff, diff, in_place, out)
    paths = _inputs(files)
    if mode is Mode.PRINT:
        for path in paths:
            if path != "-" and Path(path).is_dir():
                raise click.UsageError(f"{shown_path(path)} is a folder: add --out DIR, --in-place or --diff")
        if len(paths) > 1:
            raise click.UsageError("several files need --out DIR, --in-place or --diff")
    if "-" in paths and mode in (Mode.IN_PLACE, Mode.OUT):
        raise click.UsageError(f"{chosen[0]} cannot write standard input back")
    settings, base, run = _configured(kwargs, paths)
    recorded = base.recorded
    options = Options(
        mode,
        base.context,
        unsafe=base.unsafe,
        out=out,
        backup=backup,
        keep_encoding=kwargs["keep_encoding"],
        color=word_diff and wants_color(run["color"], sys.stdout),
        keep_results=bool(kwargs["report_html"]),
        reading=base.reading,
        settings_for=settings.for_path,
        block_bytes=kwargs["block_size"],
    )
    work = _Work(
        paths,
        run["include"],
        run["exclude"],
        options,
        out if mode is Mode.OUT else None,
        settings.patterns_for,
        (kwargs["report"], kwargs["report_html"]),
        backup if mode is Mode.IN_PLACE else None,
    )
    # The folders the run makes for --out are removed again where no copy was written into them.
    made_out = (
        first_missing(out) if out is not None and mode is Mode.OUT and not remote.is_remote(out) else None
    )
    tally = Tally()
    stdout = sys.stdout.buffer
    with _reports(kwargs, recorded) as reports:
        for outcome in _outcomes(work, options, kwargs, reports):
            tally.add(outcome)
            stdout.write(outcome.output)
        stdout.flush()
    if made_out is not None and tally.files[Status.FAILED]:
        prune_empty(made_out)
    if work.is_batch and not kwargs["quiet"]:
        click.echo(tally.summary(fixing=True), err=True)
    if tally.files[Status.FAILED] or reports.failed:
        sys.exit(EXIT_ERROR)
    if tally.files[Status.CHANGED] and (exit_non_zero_on_fix or mode in (Mode.DIFF, Mode.WORD_DIFF)):
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("files", nargs=-1, metavar="[PATH]...")
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    help="How to print the findings: full (each with its line, its span marked and its fix; the "
    "default on a terminal), concise (one line each; the default otherwise), json, jsonl, github "
    "(workflow annotations), gitlab (code quality), sarif (2.1.0) or junit.",
)
@click.option("--format", "old_format", type=click.Choice(["text", "json", "jsonl"]), hidden=True)
@click.option(
    "--statistics",
    is_flag=True,
    help="Count the findings by rule instead of listing them: as text, or as JSON with "
    "--output-format json or jsonl.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 when there are findings (not when a file fails).")
@click.option(
    "--add-noqa",
    is_flag=True,
    help="Write a marker that keeps their rules off before each paragraph with findings, in plain "
    "text, Markdown and HTML files (<!-- cleanup: ignore[rules] -->), instead of listing them.",
)
@_selection_options
def check(
    files: tuple[str, ...],
    output_format: str | None,
    old_format: str | None,
    statistics: bool,
    exit_zero: bool,
    add_noqa: bool,
    **kwargs: Any,
) -> None:
    """List what would be fixed or needs a look; folders are walked."""
    if old_format is not None:  # --format, as it was before --output-format
        output_format = output_format or {"text": "concise"}.get(old_format, old_format)
    paths = _inputs(files)
    settings, base, run = _configured(kwargs, paths)
    recorded = base.recorded
    output_format = (
        output_format or run.get("output_format") or ("full" if sys.stdout.isatty() else "concise")
    )
    form = statistics_form(output_format) if statistics else None
    if statistics and form is None:
        raise click.UsageError(f"--statistics prints text or JSON; not with --output-format {output_format}")
    listing = None if statistics else open_listing(output_format, sys.stdout)
    options = Options(
        Mode.CHECK,
        base.context,
        unsafe=base.unsafe,
        keep_results=bool(kwargs["report_html"]) or (listing is not None and listing.needs_text),
        reading=base.reading,
        settings_for=settings.for_path,
        block_bytes=kwargs["block_size"],
    )
    work = _Work(
        paths,
        run["include"],
        run["exclude"],
        options,
        patterns_for=settings.patterns_for,
        reports=(kwargs["report"], kwargs["report_html"]),
    )
    tally = Tally()
    marking_failed = False
    with contextlib.ExitStack() as stack:
        reports = stack.enter_context(_reports(kwargs, recorded))
        if listing is not None:
            stack.enter_context(listing)
        for outcome in _outcomes(work, options, kwargs, reports):
            tally.add(outcome)
            if add_noqa:
                marking_failed |= _add_markers(outcome, settings.for_path(outcome.path))
            elif listing is not None and outcome.status is Status.FAILED:
                listing.failed(outcome.path, outcome.error or "")
            elif listing is not None:
                text = outcome.result.original if outcome.result is not None else None
                listing.add(outcome.path, outcome.findings, text)
    if form is not None:
        click.echo(tally.statistics(form), nl=False)
    if work.is_batch and not kwargs["quiet"]:
        click.echo(tally.summary(fixing=False), err=True)
    if tally.files[Status.FAILED] or reports.failed:
        sys.exit(EXIT_ERROR)
    if marking_failed:
        sys.exit(EXIT_ERROR)
    if sum(tally.findings.values()) and not (exit_zero or add_noqa):
        sys.exit(EXIT_FINDINGS)


_MARKING_ROUNDS = 3  # checks of a marked file, each marking what the markers before left to find


def _add_markers(outcome: Outcome, configured: Configured) -> bool:
    """``check --add-noqa`` for one file: its markers written in place, atomically, or one error
    line saying why a file cannot take them; whether it failed (the run then exits 2).

    A marker keeps a fix off, and the artefact it leaves can wake another rule (a cluster ",;"
    left as it is, the capital after its semicolon): the marked text is checked again, and its
    new findings marked too, until a check finds nothing, a few times at most."""
    if not outcome.findings:
        return False
    if outcome.path == "-":
        click.echo("-: error: markers are written into a file: name it instead of standard input", err=True)
        return True
    reading = configured.reading
    form = reading.format_for(outcome.path)
    if form.name not in ("text", "markdown", "html") or (reading.format is None and is_parquet(outcome.path)):
        click.echo(
            f"{shown_path(outcome.path)}: error: markers are added to plain text, Markdown and HTML only; "
            f"{plural(len(outcome.findings), 'finding')} left unmarked",
            err=True,
        )
        return True
    try:
        data = io.read_bytes(outcome.path)
        document = io.decode(data, outcome.path, page=form.name == "html")
        text, added = _marked(document.text, outcome.findings, form.name)
        for _ in range(_MARKING_ROUNDS):
            found = run(text, configured.context, unsafe=configured.unsafe, form=form).findings
            text, more = _marked(text, found, form.name)
            if not more:
                break
            added += more
        if added:
            io.write_atomic(outcome.path, io.encode(document, text, keep_encoding=True))
            click.echo(f"{shown_path(outcome.path)}: {plural(added, 'marker')} added", err=True)
    except io.InputError as err:
        click.echo(f"{shown_path(outcome.path)}: error: {err.reason}", err=True)
        return True
    except OSError as err:
        click.echo(f"{shown_path(outcome.path)}: error: cannot write: {io.os_reason(err)}", err=True)
        return True
    return False


def _marked(text: str, findings: tuple[Finding, ...], form: str) -> tuple[str, int]:
    """``text`` with a marker before each paragraph (HTML: block) that holds ``findings``, and how
    many were added."""
    if form == "html":  # before blocks; a finding in an alt or title takes none
        starts, tags = block_starts(text)
        findings = tuple(f for f in findings if not any(a <= f.start < b for a, b in tags))
    else:  # none before a front matter's end
        starts = paragraph_starts(text, front_matter_end(text) if form == "markdown" else 0)
    return with_markers(text, findings, starts)


@main.command("config")
@click.argument("path", default=".", metavar="[PATH]")
@rule_options
def config_command(path: str, **kwargs: Any) -> None:
    """Show the settings a file (or folder) is cleaned with, and where each comes from: the
    command line, a configuration file, or cleanup's default."""
    settings = resolver(kwargs)
    found = settings.config_for(path)
    values = read_config(found) if found is not None else {}
    click.echo(f"# configuration: {found if found is not None else 'none'}")
    defaults = {
        "select": "every rule not in preview",
        "include": DEFAULT_INCLUDE,
        "exclude": [],
        "per_file_ignores": {},
        "output_format": "full on a terminal, else concise",
        "format_in": "told by the extension",
        "field": "text in JSON; title, subtitle, description, summary, excerpt in front matter",
        "color": "auto",
    }
    inline = {"allow_file": "allow_terms", "style_file": "style_table"}  # values written out
    for key, (name, _) in KEYS.items():
        if name in inline and inline[name] in values and name not in settings.given:
            name = inline[name]
        if name in settings.given:
            value, origin = kwargs[name], "command line"
        elif name in values:
            value, origin = values[name], str(found)
        else:
            value, origin = defaults.get(name, kwargs.get(name)), "default"
        shown = list(value) if isinstance(value, tuple) else value
        click.echo(f"{key} = {json.dumps(shown, ensure_ascii=False)}  # {origin}")
    own = settings.for_path(path)
    click.echo(f"# rules in force: {len(own.context.enabled)} ({', '.join(sorted(own.context.enabled))})")


@main.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the script that completes cleanup's commands and options in SHELL.

    Load it from the shell's start-up file, for example in ~/.bashrc:
    eval "$(cleanup completion bash)"
    """
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    if completer is None:
        raise click.UsageError(f"no completion for {shell}")
    click.echo(completer(main, {}, "cleanup", "_CLEANUP_COMPLETE").source())


main.add_command(review_command)
main.add_command(apply_command)


@main.command()
def rules() -> None:
    """List every rule: its family, whether it is stable or in preview (run only with --preview),
    the safety of its fixes, and what it fixes."""
    rows = [("RULE", "FAMILY", "STATUS", "SAFETY", "WHAT IT FIXES")]
    rows += [
        (rule.id, rule.family, "preview" if rule.preview else "stable", rule.safety, rule.summary)
        for rule in ALL_RULES.values()
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for row in rows:
        click.echo("  ".join([*(row[column].ljust(widths[column]) for column in range(4)), row[4]]))


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
def explain(rule_id: str) -> None:
    """Print the documentation of one rule, or of each rule of a family."""
    if rule_id in FAMILIES:
        rules = [rule for rule in ALL_RULES.values() if rule.id in FAMILIES[rule_id]]
    elif rule_id in ALL_RULES:
        rules = [ALL_RULES[rule_id]]
    else:
        raise click.UsageError(
            f"unknown rule or family: {rule_id!r}{did_you_mean(rule_id)} (see 'cleanup rules')"
        )
    click.echo("\n".join(rule.explain() for rule in rules), nl=False)
