"""Command-line options every cleaning command shares: which rules, how sure, which languages,
how files are read.

``cleanup fix``, ``check`` and ``review`` take them alike; :func:`configure` turns them into the
:class:`~cleanup.passes.Context` the chain runs with, :func:`reading` into the
:class:`~cleanup.formats.Reading` that tells each file's format, and :class:`Resolver` does both
for each file, over the configuration file that governs it (:mod:`cleanup.config`).

>>> import click
>>> @click.command()
... @rule_options
... def show(**options):
...     ctx, _ = configure(options)
...     click.echo(f"{ctx.target} {sorted(ctx.enabled)[:2]} {options['unsafe']}")
>>> from click.testing import CliRunner
>>> CliRunner().invoke(show, ["--select", "spacing", "--target", "de", "--unsafe-fixes"]).output
"de ['repeated-spaces', 'space-after-bracket'] True\\n"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click

from cleanup import io
from cleanup.config import ConfigError, find_config, ignored_for, read_config
from cleanup.discover import DEFAULT_INCLUDE
from cleanup.formats import FORMAT_NAMES, Reading, check_fields
from cleanup.lang.sources import LANGUAGES
from cleanup.passes import Context
from cleanup.render.color import COLOR_CHOICES
from cleanup.render.paths import shown_path
from cleanup.review.decisions import Settings
from cleanup.rules import FAMILIES, PreviewRuleError, UnknownRuleError, select_rules
from cleanup.settings_files import Inline, SettingsFiles

# The rules each option steers; given while none of them runs, the option does nothing. --allow
# drops leftovers' findings, glossary terms among them (found only with --glossary); --source
# names the languages leftovers are looked for in, which foreign scripts and glossaries ignore.
_STEERED = {
    "--glossary": frozenset({"glossary-term"}),
    "--allow": FAMILIES["leftovers"],
    "--source": FAMILIES["leftovers"] - {"glossary-term", "foreign-script"},
}


def split(values: Iterable[str]) -> list[str]:
    """Values given repeated or comma-separated, as one list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _enabled(select: tuple[str, ...], ignore: tuple[str, ...], target: str, preview: bool) -> frozenset[str]:
    chosen = split(select)
    if select and not chosen:
        raise click.UsageError("--select names no rule")
    try:
        return select_rules(chosen or None, split(ignore), target=target, preview=preview)
    except (UnknownRuleError, PreviewRuleError) as err:
        raise click.UsageError(str(err)) from None


def idle_options(options: dict[str, Any], enabled: frozenset[str]) -> list[str]:
    """A warning for each of ``--glossary``, ``--allow`` and ``--source`` given while no rule it
    steers runs: the option and why it does nothing.

    >>> given = {"select": (), "ignore": (), "target": "en", "preview": False, "glossary_file": None}
    >>> given |= {"source": ("it",), "allow_file": "allow.txt"}
    >>> for line in idle_options(given, frozenset({"glossary-term", "mojibake"})):
    ...     print(line.split(' (')[0])
    --allow does nothing: none of the rules it steers is selected
    --source does nothing: none of the rules it steers is selected
    >>> idle_options(given, frozenset({"source-word"}))
    []
    """
    given = {
        "--glossary": options["glossary_file"] is not None,
        "--allow": options["allow_file"] is not None or options.get("allow_terms") is not None,
        "--source": bool(split(options["source"])),
    }
    lines = []
    for option, steered in _STEERED.items():
        if not given[option] or _running(option, steered & enabled, given):
            continue
        why = f"none of the rules it steers is selected ({', '.join(sorted(steered))})"
        lines.append(f"{option} does nothing: {why}")
    return lines


def _running(option: str, rules: frozenset[str], given: dict[str, bool]) -> bool:
    """Whether an option steers any of ``rules``: glossary terms, which --allow can drop, are
    found only with --glossary."""
    if option == "--allow" and not given["--glossary"]:
        rules -= _STEERED["--glossary"]
    return bool(rules)


class SettingsFileError(click.ClickException):
    """A glossary, allow list or house style that cannot be used: one line, ``PATH: error: reason``,
    and exit status 2, as for an article that cannot be read."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.message, err=True)


def read_settings_files(options: dict[str, Any]) -> SettingsFiles:
    """The glossary, style and allow files a command was given, read once;
    :class:`SettingsFileError` if one cannot be read or used."""
    inline = None
    if options.get("allow_terms") is not None or options.get("style_table") is not None:
        inline = Inline(options["inline_from"], options.get("allow_terms"), options.get("style_table"))
    try:
        return SettingsFiles.read(
            options["glossary_file"], options["style_file"], options["allow_file"], inline=inline
        )
    except io.InputError as err:  # a style error among them
        raise SettingsFileError(f"{shown_path(err.path)}: error: {err.reason}") from None


def configure(options: dict[str, Any]) -> tuple[Context, Settings]:
    """The context a command's chain runs with, from the options :func:`rule_options` adds, and
    the same settings as a decisions file records them."""
    target = options["target"]
    sources = tuple(split(options["source"]))
    for source in sources:
        if source not in LANGUAGES or source == target:
            choices = ", ".join(language for language in LANGUAGES if language != target)
            raise click.UsageError(f"--source {source}: expected one of {choices}")
    enabled = _enabled(options["select"], options["ignore"], target, options["preview"])
    if split(options.get("extend_select") or ()):
        enabled |= _enabled(options["extend_select"], options["ignore"], target, options["preview"])
    files = read_settings_files(options)
    for line in [] if options.get("quiet") else idle_options(options, enabled):
        click.echo(f"cleanup: warning: {line}", err=True)
    ctx = Context(enabled=enabled, target=target, sources=sources, **files.context_fields())
    recorded = Settings(
        tuple(sorted(enabled)), options["unsafe"], target, sources, **files.digests, reading=reading(options)
    )
    return ctx, recorded


def reading(options: dict[str, Any]) -> Reading:
    """How the files are read, from ``--format-in`` and ``--field``."""
    fields = tuple(split(options["field"])) or None
    try:
        if fields is not None:
            check_fields(fields)
    except ValueError as err:
        raise click.UsageError(f"--field: {err}") from None
    return Reading(options["format_in"], fields)


@dataclass(frozen=True)
class Configured:
    """What one file is cleaned with: the chain's context, the same settings as a decisions file
    records them, whether unsafe fixes are applied, and how the file is read."""

    context: Context
    recorded: Settings
    unsafe: bool
    reading: Reading


class Resolver:
    """The settings of each file: the command line's, over those of the configuration file that
    governs the file's folder (:mod:`cleanup.config`), or of ``--config``, or none (``--isolated``).

    Each configuration is read once, and each set of settings made once (they are few).
    """

    def __init__(self, options: dict[str, Any], given: frozenset[str]) -> None:
        self.options = options
        self.given = given  # the options the command line gave, which no configuration overrides
        self.forced = Path(options["config"]) if options.get("config") else None
        self.isolated = bool(options.get("isolated"))
        self._found: dict[Path, Path | None] = {}
        self._read: dict[Path, dict[str, Any]] = {}
        self._made: dict[tuple[Path | None, tuple[str, ...]], Configured] = {}
        # The last file asked for and its settings: a batch asks for each file's a few times in turn.
        self._last: tuple[str, Configured] | None = None

    def config_for(self, path: str) -> Path | None:
        """The configuration file that governs the file (or folder) at ``path``."""
        if self.isolated:
            return None
        if self.forced is not None:
            return self.forced
        place = Path.cwd() if path == "-" else Path(path).absolute()
        folder = place if place.is_dir() else place.parent
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        return self._found[folder]

    def merged(self, config: Path | None) -> dict[str, Any]:
        """The options: the command line's where given, else the configuration's, else the defaults."""
        if config is None:
            return self.options
        if config not in self._read:
            self._read[config] = read_config(config)  # its rules checked, whichever files it governs
        values = {name: value for name, value in self._read[config].items() if name not in self.given}
        merged = self.options | values
        for key, name in (("select", "select"), ("extend-select", "extend_select")):
            if name not in values:  # a preview rule it names needs preview, there or on the command line
                continue
            try:
                select_rules(
                    split(values[name]), (), target=merged["target"], preview=bool(merged["preview"])
                )
            except PreviewRuleError as err:
                raise ConfigError(f"{config}: error: '{key}': {err}, or set preview = true here") from None
        # A file named on the command line wins over the values a configuration writes out.
        for option, inline in (("allow_file", "allow_terms"), ("style_file", "style_table")):
            if option in self.given:
                values.pop(inline, None)
        return self.options | values

    def patterns_for(self, folder: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
        """The include and exclude globs of a folder being walked, from its configuration (the
        command line's where given), and the folder they are read from."""
        config = self.config_for(folder)
        options = self.merged(config)
        include = tuple(options.get("include") or DEFAULT_INCLUDE)
        base = (
            None
            if config is None or ("include" in self.given and "exclude" in self.given)
            else str(config.parent)
        )
        return include, tuple(options.get("exclude") or ()), base

    def for_path(self, path: str) -> Configured:
        """The settings the file at ``path`` is cleaned with."""
        if self._last is not None and self._last[0] == path:
            return self._last[1]
        config = self.config_for(path)
        options = self.merged(config)
        ignored: tuple[str, ...] = ()
        if config is not None and path != "-" and options.get("per_file_ignores"):
            ignored = ignored_for(Path(path), config, options["per_file_ignores"])
        key = (config, ignored)
        if key not in self._made:
            with_ignored = options | {"ignore": (*options["ignore"], *ignored)}
            if ignored:  # the rules a glob turns off for some files leave no option idle for the others
                with_ignored["quiet"] = True
            context, recorded = configure(with_ignored)
            self._made[key] = Configured(context, recorded, bool(options["unsafe"]), recorded.reading)
        self._last = (path, self._made[key])
        return self._made[key]


def resolver(options: dict[str, Any]) -> Resolver:
    """The resolver of a command's options: what its command line gave, read from click."""
    ctx = click.get_current_context()
    given = frozenset(
        name for name in options if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE
    )
    return Resolver(options, given)


# --color, for the commands that colour what they print (the word diff, the review).
_SIZE_UNITS = {
    "": 1,
    "B": 1,
    "K": 1024,
    "KB": 1024,
    "M": 1024**2,
    "MB": 1024**2,
    "G": 1024**3,
    "GB": 1024**3,
}


class ByteSize(click.ParamType):
    """A number of bytes, with an optional unit: ``KB``, ``MB`` or ``GB`` (powers of 1024).

    >>> ByteSize().convert("16MB", None, None), ByteSize().convert("4096", None, None)
    (16777216, 4096)
    """

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper()
        number = text.rstrip("KMGB")
        unit = text[len(number) :]
        if not number.isdigit() or unit not in _SIZE_UNITS or int(number) == 0:
            self.fail(f"{value!r} is not a size: a number of bytes, or of KB, MB or GB (16MB)", param, ctx)
        return int(number) * _SIZE_UNITS[unit]


color_option = click.option(
    "--color",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    show_default=True,
    help="Colour the changes: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR is).",
)


def rule_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that choose rules, safety and languages, and how files are read."""
    options = [
        click.option(
            "--unsafe-fixes", "unsafe", is_flag=True, help="Also apply fixes that are only probably right."
        ),
        click.option(
            "--select",
            multiple=True,
            metavar="RULES",
            help="Rule ids, families or ALL to run, comma-separated (default: every rule not in preview).",
        ),
        click.option(
            "--ignore", multiple=True, metavar="RULES", help="Rule ids or families to skip (comma-separated)."
        ),
        click.option(
            "--preview",
            is_flag=True,
            help="Also run the preview rules, not yet trustworthy (marked in 'cleanup rules').",
        ),
        click.option(
            "--target",
            type=click.Choice(LANGUAGES),
            default="en",
            show_default=True,
            help="Language of the copy.",
        ),
        click.option(
            "--source",
            multiple=True,
            metavar="LANG",
            help="Language(s) the copy was translated from (default: inferred from the leftovers found).",
        ),
        click.option(
            "--glossary",
            "glossary_file",
            type=click.Path(),
            help="TSV file of recurring leftovers: source term, translation, safe|unsafe.",
        ),
        click.option(
            "--style",
            "style_file",
            type=click.Path(),
            help="TOML file of house style: a [style] table overriding the target's conventions.",
        ),
        click.option(
            "--allow",
            "allow_file",
            type=click.Path(),
            help="File of terms never reported as leftovers, one a line (# starts a comment).",
        ),
        click.option(
            "--extend-select",
            multiple=True,
            metavar="RULES",
            help="Rule ids or families to run besides those selected (comma-separated).",
        ),
        click.option(
            "--config",
            type=click.Path(dir_okay=False),
            help="Read this configuration file instead of looking for one (cleanup.toml, .cleanup.toml, "
            "or [tool.cleanup] in pyproject.toml, nearest the file).",
        ),
        click.option("--isolated", is_flag=True, help="Read no configuration file."),
        click.option(
            "--format-in",
            type=click.Choice(FORMAT_NAMES),
            help="What the files are, whatever their extension (default: told by the extension: "
            ".md and .markdown Markdown, .html and .htm HTML, .jsonl and .ndjson JSON Lines, .json "
            "JSON, .po and .pot PO, .xlf and .xliff XLIFF, else text).",
        ),
        click.option(
            "--field",
            multiple=True,
            metavar="KEY",
            help="A field whose string is prose: in JSON Lines and JSON, dotted for a nested one "
            "(default: text); in Markdown's front matter (default: title, subtitle, description, "
            "summary, excerpt). Repeatable, comma-separated.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
