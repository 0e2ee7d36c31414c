"""Batch cleaning of a tree: every output mode, byte for byte, with bad files that do not stop the run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from cleanup import batch, stopping
from cleanup.cli import main
from cleanup.discover import discover
from cleanup.passes import Context
from cleanup.rules import select_rules
from cleanup.work import Mode, Options, Status
from tests.conftest import SEED, SEED_EXPECTED, shared_file

GOOD = {
    "nested/a/crlf.txt": (b"Prices rose ,\r\nthen fell .\r\n", b"Prices rose,\r\nthen fell.\r\n"),
    "nested/a/b/cr.txt": (b"An old Mac file ;\rsecond line\r", b"An old Mac file;\rsecond line\r"),
    "no-final-newline.txt": (b"the end , really", b"the end, really"),
    "bom.txt": ("\ufeffthe Republic [l’Iran] said\n".encode(), "\ufeffthe Republic [Iran] said\n".encode()),
    "windows-1252.txt": (
        "Café owners said ; “yes”.\r\n".encode("cp1252"),
        "Café owners said; “yes”.\r\n".encode(),
    ),
    "unchanged.md": (b"All good here.\n", b"All good here.\n"),
}
BAD = {
    "binary.txt": (b"\x00\x01\x02\x03binary", "binary file (contains NUL bytes)"),
    "empty.txt": (b"", "empty file"),
    "unreadable.txt": (b"locked away", "permission denied"),
    "undecodable.txt": (
        bytes(range(0x80, 0x100)) * 4,
        "not valid UTF-8 (byte 0x80 at offset 0) nor any known encoding",
    ),
    "vanishing.txt": (b"here when listed , gone when read", "no such file"),
}
IGNORED = {"notes.csv": b"one , two\n", ".hidden/secret.txt": b"x , y\n", "nested/.draft.txt": b"x , y\n"}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test tree, in the current folder as ``tree/``, with ``unreadable.txt`` unreadable even to root
    and ``vanishing.txt`` deleted between the listing and the reading."""
    root = tmp_path / "tree"
    files = {name: data for name, (data, _) in GOOD.items()}
    files |= {name: data for name, (data, _) in BAD.items()} | IGNORED
    files["seed/" + SEED.name] = SEED.read_bytes()
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    real_open = os.open

    def open_file(path: str, flags: int, *args: object, **kwargs: object) -> int:
        name = os.path.basename(path)
        if name == "unreadable.txt":
            raise PermissionError(13, "Permission denied")
        if name == "vanishing.txt":
            os.unlink(path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_file)
    monkeypatch.chdir(tmp_path)
    return root


def _expected_seed() -> bytes:
    return shared_file(SEED_EXPECTED).read_bytes()


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name not in {"unreadable.txt", "vanishing.txt"}
    }


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line]


def _assert_bad_files_reported(stderr: str) -> None:
    assert _errors(stderr) == [
        f"{os.path.join('tree', name)}: error: {reason}" for name, (_, reason) in sorted(BAD.items())
    ]


def test_out_writes_a_complete_cleaned_tree_and_touches_nothing(tree: Path) -> None:
    before = _snapshot(tree)
    done = CliRunner().invoke(main, ["fix", "--jobs", "1", "--out", "clean", "tree"])
    assert done.exit_code == 2
    _assert_bad_files_reported(done.stderr)
    assert _snapshot(tree) == before
    expected = {name: fixed for name, (_, fixed) in GOOD.items()} | {"seed/" + SEED.name: _expected_seed()}
    assert _snapshot(Path("clean")) == expected
    assert done.stderr.splitlines()[-1] == (
        "12 files scanned: 6 changed, 1 unchanged, 5 failed; fixes: punctuation-cluster 1, "
        "semicolon-capital 1, space-before-punctuation 5, stray-elided-article 2"
    )


def test_out_again_on_the_cleaned_tree_changes_nothing(tree: Path) -> None:
    CliRunner().invoke(main, ["fix", "--jobs", "1", "--out", "clean", "tree"])
    again = CliRunner().invoke(main, ["fix", "--jobs", "1", "--out", "clean2", "clean"])
    assert again.exit_code == 0
    assert "0 changed" in again.stderr.splitlines()[-1]
    assert _snapshot(Path("clean2")) == _snapshot(Path("clean"))


def test_in_place_with_backup(tree: Path) -> None:
    before = _snapshot(tree)
    os.utime(tree / "unchanged.md", (1_000_000, 1_000_000))
    done = CliRunner().invoke(main, ["fix", "--jobs", "1", "--in-place", "--backup", ".orig", "tree"])
    assert done.exit_code == 2
    _assert_bad_files_reported(done.stderr)
    after = _snapshot(tree)
    for name, (original, fixed) in GOOD.items():
        assert after[name] == fixed
        if original != fixed:
            assert after[name + ".orig"] == original
        else:
            assert name + ".orig" not in after
    assert after["seed/" + SEED.name] == _expected_seed()
    assert after["seed/" + SEED.name + ".orig"] == before["seed/" + SEED.name]
    assert (tree / "unchanged.md").stat().st_mtime == 1_000_000
    for name, (data, _) in BAD.items():
        if name not in {"unreadable.txt", "vanishing.txt"}:
            assert after[name] == data
    assert all(after[name] == data for name, data in IGNORED.items())


def test_in_place_keep_encoding_writes_windows_1252(tree: Path) -> None:
    CliRunner().invoke(main, ["fix", "--jobs", "1", "--in-place", "--keep-encoding", "tree"])
    assert (tree / "windows-1252.txt").read_bytes() == "Café owners said; “yes”.\r\n".encode("cp1252")


# Files that name their encoding themselves, in ISO-8859-1 or Windows-1252, each with a space to take away.
DECLARED = {
    "page.html": (
        '<html><head><meta charset="windows-1252"></head>\n<p>Café owners said , yes.</p></html>\n'
    ),
    "units.xlf": (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<xliff version="1.2"><file><body><trans-unit id="1">'
        "<source>Café</source><target>Café owners said , yes</target></trans-unit></body></file></xliff>\n"
    ),
    "messages.po": (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgid "Café"\nmsgstr "Café owners said , yes"\n'
    ),
}


@pytest.mark.parametrize("mode", [["--in-place"], ["--out"], []])
def test_a_file_that_declares_its_encoding_is_written_in_it(tmp_path: Path, mode: list[str]) -> None:
    # Written as UTF-8, each would be read back as "CafÃ©" by a browser, an XML parser or gettext.
    for name, text in DECLARED.items():
        (tmp_path / name).write_bytes(text.encode("cp1252"))
    for name, text in DECLARED.items():
        path = tmp_path / name
        out = [str(tmp_path / "copy")] if mode == ["--out"] else []
        done = CliRunner().invoke(main, ["fix", "-j1", *mode, *out, str(path)], catch_exceptions=False)
        assert done.exit_code == 0, done.output
        if mode == ["--in-place"]:
            written = path.read_bytes()
        elif mode:
            written = (tmp_path / "copy" / name).read_bytes()
        else:
            written = done.stdout_bytes
        assert written == text.replace(" , ", ", ").encode("cp1252")


def test_what_the_fixes_bring_in_must_fit_the_encoding_a_file_names(tmp_path: Path) -> None:
    # Named ISO-8859-1, the XLIFF gets curly quotes for « »: no byte of ISO-8859-1 holds them
    # (Windows-1252's 0x93 is a control character there), so the file is left as it is.
    xliff = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<xliff version="1.2"><file><body><trans-unit id="1">'
        "<source>a</source><target>He said «a disgrace» ok</target></trans-unit></body></file></xliff>\n"
    ).encode("latin-1")
    (tmp_path / "x.xlf").write_bytes(xliff)
    done = CliRunner().invoke(main, ["fix", "-j1", "--in-place", str(tmp_path / "x.xlf")])
    assert done.exit_code == 2
    assert "the fixed text cannot be written in ISO-8859-1 ('“')" in done.stderr
    assert (tmp_path / "x.xlf").read_bytes() == xliff
    diff = CliRunner().invoke(main, ["fix", "-j1", "--diff", str(tmp_path / "x.xlf")])
    assert diff.exit_code == 2
    assert "the diff cannot be written in ISO-8859-1 ('“')" in diff.stderr
    # An HTML page that says ISO-8859-1 is read by browsers as Windows-1252, which holds them.
    page = '<html><head><meta charset="iso-8859-1"></head><p>He said «a disgrace» ok</p></html>\n'
    (tmp_path / "p.html").write_bytes(page.encode("latin-1"))
    CliRunner().invoke(main, ["fix", "-j1", "--in-place", str(tmp_path / "p.html")])
    assert (tmp_path / "p.html").read_bytes() == page.replace("«", "“").replace("»", "”").encode("cp1252")


def test_an_ascii_file_that_names_an_encoding_is_written_in_it(tmp_path: Path) -> None:
    po = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
    po += 'msgid "x"\nmsgstr "Caf&eacute; ok"\n'
    (tmp_path / "a.po").write_text(po, encoding="ascii")
    done = CliRunner().invoke(main, ["fix", "-j1", str(tmp_path / "a.po")])
    assert done.stdout_bytes == po.replace("&eacute;", "é").encode("latin-1")


def test_a_file_is_read_in_the_code_page_it_names(tmp_path: Path) -> None:
    # Without the name, Windows-1250 and Windows-1252 read these bytes equally well: refused as unclear.
    page = '<html><head><meta charset="windows-1250"></head><p>w Wrocławiu , powiedział.</p></html>\n'
    (tmp_path / "pl.html").write_bytes(page.encode("cp1250"))
    done = CliRunner().invoke(main, ["fix", "-j1", str(tmp_path / "pl.html")])
    assert done.exit_code == 0, done.stderr
    assert done.stdout_bytes == page.replace(" ,", ",").encode("cp1250")


def test_a_file_that_declares_no_encoding_is_written_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("Café owners said , yes.\n".encode("cp1252"))
    CliRunner().invoke(main, ["fix", "--jobs", "1", "--in-place", str(tmp_path / "old.txt")])
    assert (tmp_path / "old.txt").read_bytes() == "Café owners said, yes.\n".encode()


@pytest.mark.parametrize("mode", [["--in-place"], ["--out"], ["--diff"]])
def test_an_html_page_that_names_no_charset_keeps_its_encoding(tmp_path: Path, mode: list[str]) -> None:
    # A browser reads such a page in its own fallback (Windows-1252): written as UTF-8, "Café" would
    # show as "CafÃ©". A character the page's encoding cannot hold goes in as a reference.
    pages = {
        "old.html": (
            "<p>Café , ok «a disgrace»</p>\n".encode("cp1252"),
            "<p>Café, ok “a disgrace”</p>\n",
            "cp1252",
        ),
        "ascii.html": (b"<p>Nestl&amp;eacute; , ok</p>\n", "<p>Nestl&#233;, ok</p>\n", "ascii"),
    }
    for name, (data, _, _) in pages.items():
        (tmp_path / name).write_bytes(data)
    out = [str(tmp_path / "copy")] if mode == ["--out"] else []
    done = CliRunner().invoke(main, ["fix", "-j1", *mode, *out, *(str(tmp_path / name) for name in pages)])
    assert done.exit_code == (1 if mode == ["--diff"] else 0), done.stderr
    for name, (_, fixed, encoding) in pages.items():
        expected = fixed.encode(encoding)
        if mode == ["--in-place"]:
            assert (tmp_path / name).read_bytes() == expected
        elif mode == ["--out"]:
            assert (tmp_path / "copy" / name).read_bytes() == expected
        else:
            assert b"\n+" + expected in done.stdout_bytes


def test_a_page_read_as_html_is_one_whatever_its_name(tmp_path: Path) -> None:
    # The format read in says what a page is: a .php file or standard input with --format-in html.
    page = "<p>Café , ok</p>\n".encode("cp1252")
    (tmp_path / "p.php").write_bytes(page)
    expected = "<p>Café, ok</p>\n".encode("cp1252")
    named = CliRunner().invoke(main, ["fix", "-j1", "--format-in", "html", str(tmp_path / "p.php")])
    assert named.stdout_bytes == expected
    piped = CliRunner().invoke(main, ["fix", "--format-in", "html", "-"], input=page)
    assert piped.stdout_bytes == expected
    as_text = CliRunner().invoke(main, ["fix", "--format-in", "text", "-"], input=page)
    assert as_text.stdout_bytes == "<p>Café, ok</p>\n".encode()  # text is written as UTF-8


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_patches_a_copy_of_the_tree(tree: Path) -> None:
    done = CliRunner().invoke(main, ["fix", "--jobs", "1", "--diff", "tree"])
    assert done.exit_code == 2
    _assert_bad_files_reported(done.stderr)
    before = _snapshot(tree)
    subprocess.run(["patch", "-p0"], input=done.stdout_bytes, check=True, capture_output=True)
    after = _snapshot(tree)
    for name, (_, fixed) in GOOD.items():
        if name == "windows-1252.txt":
            # The diff is in the file's own encoding, so the patched file stays Windows-1252.
            fixed = fixed.decode().encode("cp1252")
        assert after[name] == fixed, name
    assert after["seed/" + SEED.name] == _expected_seed()
    assert set(after) == set(before)


def test_a_write_that_fails_half_way_leaves_the_original_intact(tree: Path, monkeypatch) -> None:
    original = (tree / "no-final-newline.txt").read_bytes()
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        written = os.readlink(f"/proc/self/fd/{fd}")
        if written.endswith(".cleanup-tmp") and "no-final-newline" in written:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    done = CliRunner().invoke(main, ["fix", "--jobs", "1", "--in-place", "tree"])
    assert done.exit_code == 2
    assert "tree/no-final-newline.txt: error: cannot write: no space left on device" in _errors(done.stderr)
    assert (tree / "no-final-newline.txt").read_bytes() == original
    assert not [p for p in tree.rglob("*.cleanup-tmp")]
    assert (tree / "bom.txt").read_bytes() == GOOD["bom.txt"][1]


def test_a_file_that_changes_during_the_run_is_left_alone(tree: Path, monkeypatch) -> None:
    real_identity = batch._identity
    calls: dict[str, int] = {}

    def identity(path: str):
        calls[path] = calls.get(path, 0) + 1
        seen = real_identity(path)
        return None if path.endswith("crlf.txt") and calls[path] > 1 else seen

    monkeypatch.setattr(batch, "_identity", identity)
    done = CliRunner().invoke(main, ["fix", "--jobs", "1", "--in-place", "tree"])
    assert "tree/nested/a/crlf.txt: error: changed while it was being cleaned; left as it is" in done.stderr
    assert (tree / "nested/a/crlf.txt").read_bytes() == GOOD["nested/a/crlf.txt"][0]


def test_a_folder_alone_needs_an_output_option(tree: Path) -> None:
    done = CliRunner().invoke(main, ["fix", "tree"])
    assert done.exit_code == 2
    assert "tree is a folder: add --out DIR, --in-place or --diff" in done.stderr


def test_include_and_exclude(tree: Path) -> None:
    done = CliRunner().invoke(
        main,
        ["check", "--jobs", "1", "--include", "*.csv", "--include", "*.md", "--exclude", "nested", "tree"],
    )
    assert done.stdout.splitlines() == [
        "tree/notes.csv:1:4: space-before-punctuation space before ',' [safe]"
    ]


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "jsonl"], ["fix", "--diff"]])
def test_output_is_the_same_for_every_number_of_workers(tmp_path: Path, command: list[str]) -> None:
    root = tmp_path / "many"
    for index in range(40):
        (root / f"part{index % 4}").mkdir(parents=True, exist_ok=True)
        text = f"Article {index} said , then ; At the end" if index % 3 else "Nothing to fix."
        (root / f"part{index % 4}" / f"{index:03}.txt").write_text(text)
    (root / "bad.txt").write_bytes(b"\x00binary")
    runs = [CliRunner().invoke(main, [*command, "--jobs", str(jobs), str(root)]) for jobs in (1, 2, 3)]
    assert len({(run.exit_code, run.stdout, run.stderr) for run in runs}) == 1
    assert runs[0].exit_code == 2 and runs[0].stdout


def test_check_json_and_report(tree: Path) -> None:
    done = CliRunner().invoke(
        main, ["check", "--jobs", "1", "--format", "json", "--report", "report.json", "tree"]
    )
    assert done.exit_code == 2
    findings = json.loads(done.stdout)
    assert {f["path"] for f in findings} >= {"tree/bom.txt", "tree/nested/a/crlf.txt"}
    report = json.loads(Path("report.json").read_text())
    assert (report["format"], report["version"]) == ("cleanup-report", 1)
    by_path = {entry["path"]: entry for entry in report["files"]}
    assert by_path["tree/binary.txt"] == {
        "path": "tree/binary.txt",
        "status": "failed",
        "error": "binary file (contains NUL bytes)",
        "findings": [],
    }
    assert by_path["tree/unchanged.md"]["status"] == "unchanged"
    crlf = by_path["tree/nested/a/crlf.txt"]
    assert crlf["status"] == "changed"
    assert [(f["rule"], f["line"], f["column"]) for f in crlf["findings"]] == [
        ("space-before-punctuation", 1, 12),
        ("space-before-punctuation", 2, 10),
    ]


def test_worker_reports_instead_of_raising(tmp_path: Path) -> None:
    from cleanup.discover import Input
    from cleanup.rules import select_rules

    missing = Input(str(tmp_path / "gone.txt"), PurePosixPath("gone.txt"), from_folder=True)
    outcome = batch.process(missing, Options(Mode.CHECK, Context(select_rules())))
    assert (outcome.status, outcome.error) == (Status.FAILED, "no such file")


def test_links_are_not_followed_out_of_the_tree(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("outside , text")
    root = tmp_path / "root"
    (root / "folder").mkdir(parents=True)
    (root / "inside.txt").write_text("inside , text")
    (root / "to-inside.txt").symlink_to(root / "inside.txt")
    (root / "to-outside.txt").symlink_to(outside)
    (root / "linked-folder").symlink_to(tmp_path, target_is_directory=True)
    done = CliRunner().invoke(main, ["check", "--jobs", "1", str(root)])
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == [
        f"{root}/inside.txt",
        f"{root}/to-inside.txt",
    ]


@pytest.mark.parametrize(
    ("suffix", "message"),
    [
        ("/../../escaped.txt", "--backup takes a suffix for the file's name, not a path: /../../escaped.txt"),
        ("", "--backup takes a suffix that is not empty"),  # it kept no backup, and said nothing
    ],
)
def test_a_backup_suffix_that_cannot_be_used_is_a_usage_error(tree: Path, suffix: str, message: str) -> None:
    before = _snapshot(tree)
    done = CliRunner().invoke(main, ["fix", "--in-place", "--backup", suffix, "tree"])
    assert done.exit_code == 2
    assert message in done.stderr
    assert _snapshot(tree) == before


def test_a_backup_never_goes_through_a_link_out_of_the_tree(tmp_path: Path) -> None:
    tree, outside = tmp_path / "art", tmp_path / "outside"
    tree.mkdir()
    outside.mkdir()
    (outside / "victim").write_bytes(b"keep me")
    (tree / "a.txt").write_bytes(b"the market , said\n")
    (tree / "a.txt.orig").symlink_to(outside / "victim")
    (tree / "b.txt").write_bytes(b"the market , said\n")
    (tree / "b.txt.orig").symlink_to(outside / "made")
    done = CliRunner().invoke(main, ["fix", "--in-place", "--backup", ".orig", str(tree)])
    assert done.exit_code == 0, done.stderr
    assert (outside / "victim").read_bytes() == b"keep me" and not (outside / "made").exists()
    assert sorted(p.name for p in outside.iterdir()) == ["victim"]
    for name in ("a.txt", "b.txt"):
        assert (tree / f"{name}.orig").read_bytes() == b"the market , said\n"
        assert not (tree / f"{name}.orig").is_symlink()
        assert (tree / name).read_bytes() == b"the market, said\n"


def test_workers_are_forked_after_the_chain_is_warmed_up(tree: Path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(batch, "warm_up", lambda context: calls.append(os.getpid()))
    options = Options(Mode.CHECK, Context(select_rules()))
    outcomes = list(batch.run(discover(["tree"]), options, jobs=2))
    assert calls == [os.getpid()], "warmed up once, in this process, before the workers"
    assert len(outcomes) > 2
    monkeypatch.setattr(batch, "warm_up", lambda context: calls.append("again"))
    list(batch.run(discover(["tree"]), options, jobs=1))
    assert calls == [os.getpid()], "one process needs no warm-up"


def test_a_text_denser_with_findings_than_prose_fails_alone(tmp_path: Path) -> None:
    # 21,000 spaces before commas, one every 7 characters: refused once 2,000 are found, not held.
    (tmp_path / "dense.txt").write_text("word , " * 21_000, encoding="utf-8")
    (tmp_path / "article.txt").write_text("The market , said.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "-j1", str(tmp_path)])
    assert done.exit_code == 2
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert errors == [
        f"{tmp_path / 'dense.txt'}: error: findings denser than in any prose "
        "(2,001 in 14,005 characters); left as it is"
    ]
    assert "article.txt:1:11: space-before-punctuation" in done.stdout


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # Paragraphs cleaned in pieces of 32, and the strings of a JSON file, each an article:
        # the findings of all of them count.
        ("paragraphs.txt", "a  b\n\n" * 20_000),
        ("records.json", json.dumps([{"text": "a  b"}] * 5_000)),
    ],
)
def test_findings_count_over_a_files_pieces_and_strings(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "-j1", str(tmp_path / name)])
    assert done.exit_code == 2
    assert f"{tmp_path / name}: error: findings denser than in any prose" in done.stderr


def test_keep_encoding_holds_for_the_fixed_text_printed(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("Café owners said , yes.\n".encode("cp1252"))
    done = CliRunner().invoke(main, ["fix", "--keep-encoding", str(tmp_path / "old.txt")])
    assert done.stdout_bytes == "Café owners said, yes.\n".encode("cp1252")


def test_prose_with_many_findings_is_not_refused(tmp_path: Path) -> None:
    # 3,000 findings, one every 29 characters: a text that needs a lot of work, not a table.
    (tmp_path / "busy.txt").write_text("The market , said on Monday.\n\n" * 3_000, encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "-j1", "--statistics", str(tmp_path / "busy.txt")])
    assert done.exit_code == 1, done.stderr
    assert done.stdout.startswith("3000  space-before-punctuation")


def test_a_fault_of_cleanup_on_one_file_is_an_error_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean_text = batch.clean_text

    def faulty(text: str, *args, **kwargs):
        if "fault" in text:
            raise KeyError("fault")
        return clean_text(text, *args, **kwargs)

    monkeypatch.setattr(batch, "clean_text", faulty)
    (tmp_path / "a.txt").write_text("A fault here , yes.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The market , said.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "-j1", str(tmp_path)], catch_exceptions=False)
    assert done.exit_code == 2
    assert f"{tmp_path / 'a.txt'}: error: internal error (KeyError: 'fault'); left as it is" in done.stderr
    assert "b.txt:1:11: space-before-punctuation" in done.stdout


def test_a_signal_stops_the_batch_before_its_next_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    process = batch.process

    def interrupted(item, options):
        if item.path.endswith("b.txt"):
            stopping._request(signal.SIGINT, None)  # Ctrl-C while b.txt is being cleaned
        return process(item, options)

    monkeypatch.setattr(batch, "process", interrupted)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("The market , said.\n", encoding="utf-8")
    try:
        done = CliRunner().invoke(main, ["fix", "-j1", "--in-place", str(tmp_path)])
    finally:
        stopping.reset()
    assert done.exit_code == 130
    assert done.stderr.strip() == "cleanup: stopped; the files not done yet are left as they were"
    assert [(tmp_path / name).read_text() for name in ("a.txt", "b.txt", "c.txt")] == [
        "The market, said.\n",
        "The market, said.\n",  # the file being cleaned is done, written whole
        "The market , said.\n",
    ]


def test_sigterm_to_the_process_group_ends_a_run_with_workers(tmp_path: Path) -> None:
    # The workers die at once; the main process, which waits for their tasks a while at a time,
    # stops instead of waiting for ever.
    for index in range(3_000):
        (tmp_path / f"a{index:04}.txt").write_text("The market , said.\n" * 20, encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "cleanup", "fix", "--in-place", "--jobs", "2", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    first = tmp_path / "a0000.txt"
    deadline = time.monotonic() + 60
    while "market ," in first.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)  # until the batch has begun writing
    os.killpg(run.pid, signal.SIGTERM)
    try:
        _, stderr = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)  # no process of a hung run is left behind
        raise
    assert run.returncode == 143, stderr
    assert b"Traceback" not in stderr


@pytest.mark.parametrize("block_size", [None, "1KB"])
def test_a_copy_takes_the_permissions_of_its_input_as_cp_gives_them(tmp_path: Path, block_size) -> None:
    (tmp_path / "in").mkdir()
    article = tmp_path / "in" / "feed.jsonl"
    article.write_text("".join(f'{{"text": "Talks ; At once {n}"}}\n' for n in range(60)))
    article.chmod(0o640)  # an article the group may read, and no one else
    options = ["--block-size", block_size] if block_size else []
    args = ["fix", "--jobs", "1", *options, "--out", str(tmp_path / "out"), str(tmp_path / "in")]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "out" / "feed.jsonl").stat().st_mode) == 0o640 & ~umask
    # The copy follows its input again when its bytes do not change.
    article.chmod(0o600)
    assert CliRunner().invoke(main, args).exit_code == 0
    assert stat.S_IMODE((tmp_path / "out" / "feed.jsonl").stat().st_mode) == 0o600 & ~umask
