"""Configuration files, found as ruff finds its own: ``cleanup.toml``, ``.cleanup.toml``, or the
``[tool.cleanup]`` table of ``pyproject.toml``, in a file's folder or the nearest folder above it
that has one (a ``pyproject.toml`` without the table does not count).

Everything the command line sets can be set there, in kebab-case keys; the command line wins
where it is given. Paths in the file are read from the file's own folder. A key cleanup does
not know, or a value of the wrong kind, is a :class:`ConfigError` naming the file, the key and
what it takes.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "cleanup.toml").write_text('select = ["spacing"]\\nunsafe-fixes = true\\n')
>>> (folder / "news").mkdir()
>>> found = find_config(folder / "news")
>>> found == folder / "cleanup.toml", read_config(found)["select"]
(True, ('spacing',))
"""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cleanup.formats import FORMAT_NAMES
from cleanup.lang.sources import LANGUAGES
from cleanup.render.color import COLOR_CHOICES
from cleanup.render.listing import OUTPUT_FORMATS

CONFIG_NAMES = ("cleanup.toml", ".cleanup.toml", "pyproject.toml")


class ConfigError(click.ClickException):
    """A configuration file cleanup cannot use: one line, ``PATH: error: reason``, exit 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(self.message, err=True)


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def _choice(choices: tuple[str, ...]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        return value if value in choices else None

    read.__doc__ = f"one of {', '.join(choices)}"
    return read


def _boolean(value: Any) -> Any:
    """true or false"""
    return value if isinstance(value, bool) else None


def _list(value: Any) -> Any:
    """a string or a list of strings"""
    return _strings(value)


def _path(value: Any) -> Any:
    """a path (a string)"""
    return value if isinstance(value, str) and value else None


def _path_or_list(value: Any) -> Any:
    """a path (a string) or a list of terms"""
    if isinstance(value, list):
        return ("terms", _strings(value)) if _strings(value) is not None else None
    return ("path", value) if isinstance(value, str) and value else None


def _path_or_table(value: Any) -> Any:
    """a path (a string) or a table of style settings"""
    if isinstance(value, dict):
        return ("table", value)
    return ("path", value) if isinstance(value, str) and value else None


def _per_file(value: Any) -> Any:
    """a table of globs, each to a list of rules or families"""
    if not isinstance(value, dict):
        return None
    table = {glob: _strings(rules) for glob, rules in value.items()}
    return None if any(rules is None for rules in table.values()) else table


# Each key: the option it sets (as the commands name their parameters) and how its value is read
# (``None`` for a value of the wrong kind; the reader's docstring says what it takes).
KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "select": ("select", _list),
    "ignore": ("ignore", _list),
    "extend-select": ("extend_select", _list),
    "preview": ("preview", _boolean),
    "unsafe-fixes": ("unsafe", _boolean),
    "target": ("target", _choice(LANGUAGES)),
    "source": ("source", _list),
    "allow": ("allow_file", _path_or_list),
    "glossary": ("glossary_file", _path),
    "style": ("style_file", _path_or_table),
    "include": ("include", _list),
    "exclude": ("exclude", _list),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "output-format": ("output_format", _choice(OUTPUT_FORMATS)),
    "format-in": ("format_in", _choice(FORMAT_NAMES)),
    "field": ("field", _list),
    "color": ("color", _choice(COLOR_CHOICES)),
}
_PATH_KEYS = frozenset({"allow", "glossary", "style"})


def find_config(folder: Path) -> Path | None:
    """The configuration file that governs ``folder``: its own, or the nearest above it."""
    for place in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = place / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        return "cleanup" in _toml(pyproject).get("tool", {})
    except ConfigError:
        return False


def _toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
        return tomllib.loads(data.decode("utf-8-sig"))
    except OSError as err:
        raise ConfigError(f"{path}: error: cannot read the configuration: {err.strerror or err}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: error: not valid TOML: {err}") from None


def read_config(path: Path) -> dict[str, Any]:
    """The options a configuration file sets, by the name the commands give them."""
    table = _toml(path)
    if path.name == "pyproject.toml":
        table = table.get("tool", {}).get("cleanup", {})
        where = "[tool.cleanup] "
    else:
        where = ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: error: {where}is not a table")
    options: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, list(KEYS), n=1, cutoff=0.7)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(KEYS)})"
            raise ConfigError(f"{path}: error: {where}unknown key {key!r}{hint}")
        name, read = KEYS[key]
        given = read(value)
        if given is None:
            raise ConfigError(f"{path}: error: {where}{key!r} takes {read.__doc__}, not {value!r}")
        if key == "glossary":
            given = str(path.parent / given)
        elif key in _PATH_KEYS:  # a path, read from the file's folder, or the values themselves
            kind, value = given
            if kind == "path":
                given = str(path.parent / value)
            else:
                name, given = ("allow_terms", tuple(value)) if key == "allow" else ("style_table", value)
                options["inline_from"] = str(path)
        options[name] = given
    _check_rules_and_sources(table, f"{path}: error: {where}")
    return options


def _check_rules_and_sources(table: dict[str, Any], prefix: str) -> None:
    """Refuse with :class:`ConfigError` (``prefix`` opening its line) a rule or family, in
    ``select``, ``ignore``, ``extend-select`` or ``per-file-ignores``, or a source language that
    cleanup does not know, and a ``select`` that names no rule."""
    from cleanup.rules import UnknownRuleError, expand  # the rules import every pass

    named = {key: _strings(table[key]) or () for key in ("select", "ignore", "extend-select") if key in table}
    globs = table.get("per-file-ignores") or {}
    named |= {f"per-file-ignores {glob!r}": _strings(rules) or () for glob, rules in globs.items()}
    if "select" in named and not any(part.strip() for value in named["select"] for part in value.split(",")):
        raise ConfigError(f"{prefix}'select' names no rule; leave it out for the default rules")
    for key, selectors in named.items():
        try:
            expand(part.strip() for selector in selectors for part in selector.split(",") if part.strip())
        except UnknownRuleError as err:
            raise ConfigError(f"{prefix}{key if key.startswith('per-') else repr(key)}: {err}") from None
    for source in _strings(table.get("source", [])) or ():
        if source not in LANGUAGES:
            known = ", ".join(LANGUAGES)
            raise ConfigError(f"{prefix}'source' takes languages among {known}, not {source!r}")


def ignored_for(path: Path, config: Path, per_file_ignores: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The rules ``per-file-ignores`` turns off for the file at ``path``: the globs are matched
    against its path from the configuration's folder, and against its name.

    >>> ignored_for(Path("/n/tests/a.md"), Path("/n/cleanup.toml"), {"tests/*": ("casing",), "*.txt": ("x",)})
    ('casing',)
    """
    try:
        relative = path.resolve().relative_to(config.parent.resolve()).as_posix()
    except ValueError:
        relative = path.name
    return tuple(
        rule
        for glob, rules in per_file_ignores.items()
        if fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path.name, glob)
        for rule in rules
    )
