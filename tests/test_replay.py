"""``cleanup apply`` against hostile decisions files: each is refused, and nothing is written.

A decisions file can be downloaded or edited by anyone. It must not reach a file outside the
folder apply works in (absolute paths, ``..``, symbolic links), write text cleanup would not
propose, or crash on malformed JSON.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup import io as cleanup_io
from cleanup.cli import main
from cleanup.formats import MARKDOWN, Reading
from cleanup.io import MAX_BYTES, sha256_hex
from cleanup.passes import Context
from cleanup.pipeline import run
from cleanup.review.commands import apply_command
from cleanup.review.decisions import FileDecisions, Settings, dump
from cleanup.review.hunks import split_changes
from cleanup.rules import select_rules
from tests.conftest import DEFAULT_SETTINGS

TEXT = "the market , said; At the same time «a disgrace» was sold.\n"
FIXED = "the market, said; at the same time “a disgrace” was sold.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder apply works in, with one article, and a file outside it."""
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "outside.txt").write_text(TEXT, encoding="utf-8")
    return root


def decisions(path: str, text: str = TEXT, settings: Settings = DEFAULT_SETTINGS) -> dict:
    """The decisions a report makes for ``text`` at ``path``, every change accepted."""
    hunks = split_changes(clean(text)).hunks
    decided = FileDecisions(
        path, sha256_hex(text.encode("utf-8")), settings, hunks, frozenset(h.id for h in hunks)
    )
    return json.loads(dump([decided]))


def run_apply(tmp_path: Path, root: Path, data: dict | str | bytes, *options: str):
    file = tmp_path / "decisions.json"
    if isinstance(data, dict):
        data = json.dumps(data)
    file.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return CliRunner().invoke(apply_command, ["--root", str(root), *options, str(file)])


def snapshot(tmp_path: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(tmp_path)): p.read_bytes()
        for p in sorted(tmp_path.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != "decisions.json"
    }


def refused(tmp_path: Path, root: Path, data, reason: str, *options: str) -> None:
    before = snapshot(tmp_path)
    done = run_apply(tmp_path, root, data, *options)
    assert done.exit_code == 2, done.output
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and ": error: " in lines[0] and reason in lines[0], done.stderr
    assert "Traceback" not in done.output
    assert snapshot(tmp_path) == before, "nothing was written"


def test_honest_decisions_apply(tmp_path: Path, tree: Path) -> None:
    done = run_apply(tmp_path, tree, decisions("a.txt"))
    assert done.exit_code == 0, done.stderr
    assert (tree / "a.txt").read_text(encoding="utf-8") == FIXED


def test_an_absolute_path_outside_the_root_is_refused(tmp_path: Path, tree: Path) -> None:
    refused(tmp_path, tree, decisions(str(tmp_path / "outside.txt")), "outside the folder apply works in")


def test_a_missing_file_names_the_folder_its_path_was_read_in(
    tmp_path: Path, tree: Path, monkeypatch
) -> None:
    refused(tmp_path, tree, decisions("gone.txt"), f"no such file in {tree} (the folder given by --root)")
    monkeypatch.chdir(tree)
    file = tmp_path / "decisions.json"
    file.write_text(json.dumps(decisions("gone.txt")), encoding="utf-8")
    done = CliRunner().invoke(apply_command, [str(file)])
    assert done.exit_code == 2
    assert "gone.txt: error: no such file in the current folder" in done.stderr
    assert "give it with --root" in done.stderr


def test_dot_dot_is_refused(tmp_path: Path, tree: Path) -> None:
    refused(tmp_path, tree, decisions("../outside.txt"), "outside the folder apply works in")


def test_a_symbolic_link_out_of_the_tree_is_refused(tmp_path: Path, tree: Path) -> None:
    (tree / "link.txt").symlink_to(tmp_path / "outside.txt")
    refused(tmp_path, tree, decisions("link.txt"), "outside the folder apply works in")
    (tree / "sub").symlink_to(tmp_path, target_is_directory=True)
    refused(tmp_path, tree, decisions("sub/outside.txt"), "outside the folder apply works in")


def test_text_cleanup_would_not_propose_is_never_written(tmp_path: Path, tree: Path) -> None:
    data = decisions("a.txt")
    data["files"][0]["hunks"][0]["parts"][0]["new"] = "PWNED"
    refused(tmp_path, tree, data, "not the changes cleanup makes to this file")
    grown = decisions("a.txt")
    extra = copy.deepcopy(grown["files"][0]["hunks"][0])
    extra["id"] = 99
    grown["files"][0]["hunks"].append(extra)
    refused(tmp_path, tree, grown, "not the changes cleanup makes to this file")


def test_settings_outside_cleanups_own_lists_are_refused(tmp_path: Path, tree: Path) -> None:
    data = decisions("a.txt")
    data["files"][0]["settings"]["rules"].append("rm-rf")
    refused(tmp_path, tree, data, "not one of cleanup's")
    data = decisions("a.txt")
    data["files"][0]["settings"]["target"] = "../../x"
    refused(tmp_path, tree, data, "'target' is not one of")


def test_a_glossary_is_taken_only_from_the_command_line_and_only_the_one_recorded(
    tmp_path: Path, tree: Path
) -> None:
    glossary = tmp_path / "newsroom.tsv"
    glossary.write_text("market\tPWNED\tsafe\n", encoding="utf-8")
    with_glossary = Settings(DEFAULT_SETTINGS.rules, glossary=sha256_hex(glossary.read_bytes()))
    data = decisions("a.txt", settings=with_glossary)
    refused(tmp_path, tree, data, "made with a --glossary file")
    other = tmp_path / "other.tsv"
    other.write_text("said\tsaid\tsafe\n", encoding="utf-8")
    refused(tmp_path, tree, data, "is not the file the decisions were made with", "--glossary", str(other))
    refused(tmp_path, tree, decisions("a.txt"), "made without --glossary", "--glossary", str(glossary))


def test_a_file_changed_since_is_refused(tmp_path: Path, tree: Path) -> None:
    data = decisions("a.txt")
    (tree / "a.txt").write_text(TEXT.replace("sold", "bought"), encoding="utf-8")
    refused(tmp_path, tree, data, "changed since the decisions were made")


def test_a_fifo_is_refused(tmp_path: Path, tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    refused(tmp_path, tree, decisions("pipe.txt"), "not a regular file")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[" * 200_000 + "]" * 200_000, "nested too deep"),
        ('{"format": "cleanup-decisions", "version": 2, "files": [], "n": ' + "9" * 5000 + "}", "not JSON"),
        ("not json at all", "not JSON"),
        ('{"format": "cleanup-decisions", "version": 1, "files": []}', "version 1 is not 2"),
        ('{"format": "cleanup-decisions", "version": 2, "files": {}}', "'files' is missing or not a list"),
    ],
)
def test_malformed_json_is_one_error_line(tmp_path: Path, tree: Path, content: str, reason: str) -> None:
    refused(tmp_path, tree, content, reason)


def test_a_nul_or_a_lone_surrogate_in_a_path_is_refused(tmp_path: Path, tree: Path) -> None:
    data = json.dumps(decisions("a.txt"))
    refused(tmp_path, tree, data.replace('"path": "a.txt"', '"path": "a.txt\\u0000.json"'), "NUL")
    refused(tmp_path, tree, data.replace('"path": "a.txt"', '"path": "a\\ud800.txt"'), "not a file name")


def test_a_file_name_that_is_not_utf_8_can_be_applied(tmp_path: Path, tree: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tree / name).write_text(TEXT, encoding="utf-8")
    done = run_apply(tmp_path, tree, json.dumps(decisions(name)))
    assert done.exit_code == 0, done.stderr
    assert (tree / name).read_text(encoding="utf-8") == FIXED


def test_a_huge_decisions_file_is_refused_from_its_size(
    tmp_path: Path, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MAX_BYTES > 1000, "the limit is lowered for the test"
    monkeypatch.setattr("cleanup.io.MAX_BYTES", 1000)
    refused(tmp_path, tree, " " * 2000 + json.dumps(decisions("a.txt")), "larger than")


def test_a_decisions_file_that_is_a_folder_or_missing_is_one_error_line(tmp_path: Path, tree: Path) -> None:
    for name in (str(tree), str(tmp_path / "missing.json")):
        done = CliRunner().invoke(apply_command, ["--root", str(tree), name])
        assert done.exit_code == 2 and len(done.stderr.splitlines()) == 1 and "error:" in done.stderr


def test_a_glossary_that_cannot_be_read_stops_apply_before_any_file(tmp_path: Path, tree: Path) -> None:
    for glossary in (tmp_path / "missing.tsv", tree):
        refused(tmp_path, tree, decisions("a.txt"), "cannot read the glossary", "--glossary", str(glossary))


def test_a_decisions_file_in_windows_1252_or_utf_16_is_read(tmp_path: Path, tree: Path) -> None:
    text = json.dumps(decisions("a.txt"), ensure_ascii=False)
    done = run_apply(tmp_path, tree, "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
    assert done.exit_code == 0, done.stderr
    assert (tree / "a.txt").read_text(encoding="utf-8") == FIXED


def test_a_glossary_is_recorded_as_it_was_read(
    tmp_path: Path, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The report's fingerprint and the glossary it used come from one read: a pipe yields its
    # bytes once, and a file can change between two reads. Here every later read of the glossary
    # gives other bytes.
    glossary = tmp_path / "glossary.tsv"
    content = b"market\tbazaar\tsafe\n"
    glossary.write_bytes(content)
    reads = []
    real_read = cleanup_io.read_bytes

    def read_once(path: str) -> bytes:
        if path != str(glossary):
            return real_read(path)
        reads.append(path)
        return content if len(reads) == 1 else b""

    monkeypatch.setattr(cleanup_io, "read_bytes", read_once)
    report = tmp_path / "report"
    done = CliRunner().invoke(
        main, ["check", "--glossary", str(glossary), "--report-html", str(report), str(tree / "a.txt")]
    )
    assert done.exit_code == 1, done.stderr
    assert "bazaar" in done.stdout
    page = (report / "articles" / "000001.html").read_text(encoding="utf-8")
    assert f'"glossary": "{sha256_hex(content)}"' in page


def test_a_markdown_file_is_replayed_as_markdown(tmp_path: Path, tree: Path) -> None:
    # Issue 13: apply remakes the changes with the file's own format, so decisions made on the
    # text as plain text (which would change the code span) are refused, and Markdown's are applied.
    text = "The talks ; At once `code ; At` held.\n"
    (tree / "a.md").write_text(text, encoding="utf-8")
    as_plain = decisions("a.md", text)
    refused(tmp_path, tree, as_plain, "are not the changes cleanup makes")
    hunks = split_changes(run(text, Context(select_rules()), form=MARKDOWN)).hunks
    decided = FileDecisions(
        "a.md", sha256_hex(text.encode("utf-8")), DEFAULT_SETTINGS, hunks, frozenset(h.id for h in hunks)
    )
    done = run_apply(tmp_path, tree, json.loads(dump([decided])))
    assert done.exit_code == 0, done.stderr
    assert (tree / "a.md").read_text(encoding="utf-8") == "The talks; at once `code ; At` held.\n"


def test_a_json_lines_file_is_replayed_with_the_fields_recorded(tmp_path: Path, tree: Path) -> None:
    # The decisions record how the files were read (--field body): apply reads them the same way.
    text = '{"body": "The talks ; At once", "text": "kept ; As is"}\n'
    (tree / "a.jsonl").write_text(text, encoding="utf-8")
    settings = replace(DEFAULT_SETTINGS, reading=Reading(fields=("body",)))
    form = settings.reading.format_for("a.jsonl")
    hunks = split_changes(run(text, Context(select_rules()), form=form)).hunks
    decided = FileDecisions(
        "a.jsonl", sha256_hex(text.encode("utf-8")), settings, hunks, frozenset(h.id for h in hunks)
    )
    record = json.loads(dump([decided]))
    as_text_field = json.loads(json.dumps(record).replace('"fields": ["body"]', '"fields": ["text"]'))
    refused(tmp_path, tree, as_text_field, "are not the changes cleanup makes")
    done = run_apply(tmp_path, tree, record)
    assert done.exit_code == 0, done.stderr
    assert (tree / "a.jsonl").read_text(
        encoding="utf-8"
    ) == '{"body": "The talks; at once", "text": "kept ; As is"}\n'
    bad = json.loads(json.dumps(record).replace('"fields": ["body"]', '"fields": ["a..b"]'))
    refused(tmp_path, tree, bad, "fields to clean must be keys")
