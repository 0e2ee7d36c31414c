"""File names never reach a terminal raw: escaped in text output, real in JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cleanup.cli import main
from cleanup.render.paths import shown_path

# What a terminal acts on, or hides: controls (escape, newline), format characters (bidirectional
# overrides), line and paragraph separators, and the surrogates of bytes that are not UTF-8.
HIDDEN = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]")
HOSTILE = [
    "esc\x1b[31mred\x1b[0m.txt",
    "clear\x1b[2J\x1b[H.txt",
    "new\nline.txt",
    "carriage\rreturn.txt",
    "bidi\u202etxt.md",
    "isolate\u2066x\u2069.txt",
    "zero\u200bwidth.txt",
    "line\u2028sep.txt",
    os.fsdecode(b"latin1-caf\xe9.txt"),
    os.fsdecode(b"broken-\xff\xfe.txt"),
    " leading space.txt",
    "trailing space.txt ",
    'quote".txt',
    "back\\slash.txt",
    "bell\a.txt",
]
BINARY = "binary\x1b]0;pwned\a.txt"
_NAMED = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def unquote(shown: str) -> bytes:
    """The bytes of a name as GNU patch reads a quoted one back (C escapes, octal bytes)."""
    if not shown.startswith('"'):
        return shown.encode("utf-8", "surrogateescape")
    body, out, index = shown[1:-1], bytearray(), 0
    while index < len(body):
        char = body[index]
        if char != "\\":
            out += char.encode("utf-8")
            index += 1
        elif body[index + 1] in _NAMED:
            out.append(_NAMED[body[index + 1]])
            index += 2
        else:
            out.append(int(body[index + 1 : index + 4], 8))
            index += 4
    return bytes(out)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_is_quoted_safely_and_reversibly(name: str) -> None:
    shown = shown_path(name)
    assert not HIDDEN.search(shown)
    assert shown.startswith('"') and shown.endswith('"')
    assert unquote(shown) == os.fsencode(name)


@pytest.mark.parametrize(
    "name", ["news/a.txt", "Zürich – “Bericht” 2024.md", "日本語.txt", "a b.txt", "-x.txt"]
)
def test_an_ordinary_name_is_shown_as_it_is(name: str) -> None:
    assert shown_path(name) == name


@given(st.one_of(st.text(), st.binary().map(os.fsdecode)))
def test_any_name_is_shown_on_one_safe_line_that_gives_it_back(name: str) -> None:
    shown = shown_path(name)
    assert not HIDDEN.search(shown)
    assert unquote(shown) == name.encode("utf-8", "surrogateescape")


@pytest.fixture
def hostile_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``news/`` holding an article under every hostile name, and a binary file under one; the
    articles' paths."""
    monkeypatch.chdir(tmp_path)
    os.mkdir("news")
    articles = []
    for name in HOSTILE:
        articles.append(os.path.join("news", name if name.endswith((".txt", ".md")) else name + ".txt"))
        Path(articles[-1]).write_text("the market , said\n")
    Path("news", BINARY).write_bytes(b"\x00\x01binary")
    return sorted(articles)


def test_check_lines_errors_and_summary_are_one_safe_line_each(hostile_tree: list[str]) -> None:
    done = CliRunner().invoke(main, ["check", "--jobs", "1", "news"])
    assert done.exit_code == 2
    lines = done.stdout.splitlines()
    assert len(lines) == len(HOSTILE)
    assert all(":1:11: space-before-punctuation space before ',' [safe]" in line for line in lines)
    for line in lines + done.stderr.splitlines():
        assert not HIDDEN.search(line), line
    assert (
        done.stderr.splitlines()[0]
        == '"news/binary\\033]0;pwned\\a.txt": error: binary file (contains NUL bytes)'
    )
    shown = [line.rsplit(":1:11:", 1)[0] for line in lines]
    assert sorted(unquote(name) for name in shown) == sorted(os.fsencode(path) for path in hostile_tree)


@pytest.mark.parametrize("command", [["fix", "--diff"], ["fix", "--diff=word"]])
def test_diff_headers_show_names_safely(hostile_tree: list[str], command: list[str]) -> None:
    done = CliRunner().invoke(main, [*command, "--jobs", "1", "news"])
    headers = [line for line in done.stdout_bytes.split(b"\n") if line.startswith((b"--- ", b"+++ "))]
    assert len(headers) == len(HOSTILE) * (2 if command == ["fix", "--diff"] else 1)
    for header in headers:
        assert not HIDDEN.search(header.decode("utf-8").removesuffix("\t"))


def test_json_keeps_the_real_names(hostile_tree: list[str]) -> None:
    done = CliRunner().invoke(
        main, ["check", "--jobs", "1", "--format", "jsonl", "--report", "report.json", "news"]
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted(record["path"] for record in records) == hostile_tree
    report = json.loads(Path("report.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in report["files"]} == {*hostile_tree, os.path.join("news", BINARY)}
    json_array = CliRunner().invoke(main, ["check", "--jobs", "1", "--format", "json", "news"])
    assert {record["path"] for record in json.loads(json_array.stdout)} == {r["path"] for r in records}
