"""The settings files every cleaning command takes: read with care, refused in one line."""

from __future__ import annotations

import pytest

from cleanup.cli import main
from cleanup.settings_files import SettingsFiles

OPTIONS = [("--glossary", "glossary"), ("--style", "style file"), ("--allow", "allow list")]
BAD_FILES = [
    (lambda path: None, "no such file"),
    (lambda path: path.mkdir(), "is a folder"),
    (lambda path: path.write_bytes(b"PK\x03\x04\x00\x00binary"), "binary file (contains NUL bytes)"),
    (lambda path: path.write_bytes(b"a\x81\x8d\x8f\x90\x9d" * 50), "nor any known encoding"),
]


@pytest.mark.parametrize(("option", "what"), OPTIONS)
@pytest.mark.parametrize(("make", "reason"), BAD_FILES)
@pytest.mark.parametrize("command", ["fix", "check", "review"])
def test_a_settings_file_that_cannot_be_read_is_one_error_line_and_exit_2(
    runner, tmp_path, option, what, make, reason, command
) -> None:
    path = tmp_path / "settings"
    make(path)
    article = tmp_path / "a.txt"
    article.write_text("the market , said\n")
    done = runner.invoke(main, [command, option, str(path), str(article)], input="y\n")
    assert done.exit_code == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(f"{path}: error: cannot read the {what}: ") and line.endswith(reason)
    assert done.stdout == ""
    assert article.read_text() == "the market , said\n"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_an_allow_list_in_any_encoding_an_article_may_have_is_read(tmp_path, encoding) -> None:
    path = tmp_path / "allow.txt"
    path.write_bytes("Città del Vaticano\n# a comment\nnon era possibile\n".encode(encoding))
    assert SettingsFiles.read(allow=str(path)).allowed == {"città del vaticano", "non era possibile"}
