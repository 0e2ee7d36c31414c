"""The command line end to end, through click's runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from cleanup.rules import ALL_RULES

ARTEFACT = "exploitation; At the same time ,\r\nno final newline"
FIXED = "exploitation; at the same time,\r\nno final newline"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTEFACT.encode())
    return path


def test_fix_prints_the_fixed_bytes(runner: CliRunner, article) -> None:
    done = runner.invoke(main, ["fix", str(article)])
    assert done.exit_code == 0
    assert done.stdout_bytes == FIXED.encode()
    assert article.read_bytes() == ARTEFACT.encode()


def test_fix_in_place_rewrites_atomically(runner: CliRunner, article) -> None:
    done = runner.invoke(main, ["fix", "--in-place", str(article)])
    assert done.exit_code == 0 and done.stdout_bytes == b""
    assert article.read_bytes() == FIXED.encode()


def test_unchanged_file_is_not_rewritten(runner: CliRunner, tmp_path) -> None:
    path = tmp_path / "clean.txt"
    path.write_bytes(b"Nothing to fix.\n")
    os.utime(path, (1_000_000, 1_000_000))
    assert runner.invoke(main, ["fix", "--in-place", str(path)]).exit_code == 0
    assert path.stat().st_mtime == 1_000_000


def test_select_and_ignore(runner: CliRunner, article) -> None:
    only_spacing = runner.invoke(main, ["fix", "--select", "spacing", str(article)])
    assert only_spacing.stdout_bytes == ARTEFACT.replace(" ,", ",").encode()
    no_casing = runner.invoke(main, ["fix", "--ignore", "semicolon-capital,repeated-spaces", str(article)])
    assert no_casing.stdout_bytes == ARTEFACT.replace(" ,", ",").encode()


def test_unknown_rule_is_a_usage_error(runner: CliRunner, article) -> None:
    done = runner.invoke(main, ["fix", "--select", "no-such-rule", str(article)])
    assert done.exit_code == 2
    assert "unknown rule or family: 'no-such-rule'" in done.stderr


def test_unsafe_fixes_option(runner: CliRunner, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("violent games. in a video")
    assert runner.invoke(main, ["fix", str(path)]).stdout == "violent games. in a video"
    assert runner.invoke(main, ["fix", "--unsafe-fixes", str(path)]).stdout == "violent games. In a video"


def test_check_lines_and_exit_codes(runner: CliRunner, article, tmp_path) -> None:
    done = runner.invoke(main, ["check", str(article)])
    assert done.exit_code == 1
    assert done.stdout.splitlines() == [
        f"{article}:1:15: semicolon-capital 'At' after a semicolon starts no sentence [safe]",
        f"{article}:1:31: space-before-punctuation space before ',' [safe]",
    ]
    clean_file = tmp_path / "clean.txt"
    clean_file.write_text("Nothing to fix.\n")
    done = runner.invoke(main, ["check", str(clean_file)])
    assert (done.exit_code, done.stdout) == (0, "")


def test_check_json(runner: CliRunner, article) -> None:
    done = runner.invoke(main, ["check", "--format", "json", str(article)])
    records = json.loads(done.stdout)
    assert [r["rule"] for r in records] == ["semicolon-capital", "space-before-punctuation"]
    first = records[0]
    assert first["line"] == 1 and first["column"] == 15
    assert ARTEFACT[first["start"] : first["end"]] == "A"
    assert first["replacement"] == "a" and first["safety"] == "safe"


def test_diff_of_several_files_skips_the_unchanged_ones(runner: CliRunner, tmp_path, article) -> None:
    unchanged = tmp_path / "ok.txt"
    unchanged.write_text("Nothing to fix.\n")
    done = runner.invoke(main, ["fix", "--diff", str(unchanged), str(article)])
    assert done.exit_code == 1  # changes to make
    assert done.stdout_bytes.startswith(f"--- {article}".encode())
    assert b"Nothing to fix" not in done.stdout_bytes


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_applies_across_form_feeds_and_line_separators(runner: CliRunner, tmp_path) -> None:
    path = tmp_path / "odd.txt"
    original = "page one\x0cstill line one\u2028same line ,\nsecond line\n"
    path.write_bytes(original.encode())
    diff = runner.invoke(main, ["fix", "--diff", "--select", "spacing", str(path)]).stdout_bytes
    subprocess.run(["patch", str(path)], input=diff, check=True, capture_output=True)
    assert path.read_bytes().decode() == original.replace(" ,", ",")


def test_in_place_through_a_symbolic_link_rewrites_the_target(runner: CliRunner, tmp_path, article) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    assert runner.invoke(main, ["fix", "--in-place", str(link)]).exit_code == 0
    assert link.is_symlink()
    assert article.read_bytes() == FIXED.encode()


def test_empty_select_is_a_usage_error(runner: CliRunner, article) -> None:
    done = runner.invoke(main, ["fix", "--select", ",", str(article)])
    assert done.exit_code == 2 and "--select names no rule" in done.stderr


def test_diff_headers_and_body(runner: CliRunner, article) -> None:
    done = runner.invoke(main, ["fix", "--diff", str(article)])
    lines = done.stdout_bytes.split(b"\n")
    assert lines[0] == f"--- {article}".encode() and lines[1] == f"+++ {article}".encode()
    assert b"-exploitation; At the same time ,\r" in lines
    assert b"+exploitation; at the same time,\r" in lines


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty file"),
        (b"\x00\x01\x02binary", "binary file"),
        (bytes(range(0x80, 0x100)) * 4, "not valid UTF-8"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(runner: CliRunner, tmp_path, content, message) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("the market , said")
    done = runner.invoke(main, ["check", str(path), str(good)])
    assert done.exit_code == 2
    errors = [line for line in done.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"{path}: error: {message}")
    assert done.stderr.splitlines()[-1].startswith("2 files scanned: 1 to change, 0 unchanged, 1 failed")
    assert "good.txt:1:11: space-before-punctuation" in done.stdout
    assert "Traceback" not in done.stderr


def test_directory_without_batch_option(runner: CliRunner, tmp_path) -> None:
    done = runner.invoke(main, ["fix", str(tmp_path)])
    assert done.exit_code == 2
    assert f"{tmp_path} is a folder: add --out DIR, --in-place or --diff" in done.stderr


def test_rules_and_explain(runner: CliRunner) -> None:
    listed = runner.invoke(main, ["rules"])
    assert listed.exit_code == 0
    assert any(line.startswith("semicolon-capital ") for line in listed.stdout.splitlines())
    explained = runner.invoke(main, ["explain", "punctuation-cluster"])
    assert explained.exit_code == 0
    assert "al-Assad). , but" in explained.stdout and "Fix safety" in explained.stdout
    unknown = runner.invoke(main, ["explain", "nope"])
    assert unknown.exit_code == 2 and "unknown rule" in unknown.stderr


def test_explain_a_family_documents_each_of_its_rules(runner: CliRunner) -> None:
    explained = runner.invoke(main, ["explain", "casing"])
    assert explained.exit_code == 0, explained.stderr
    titles = [line.split(" (")[0] for line in explained.stdout.splitlines() if " (casing, " in line]
    assert titles == ["semicolon-capital", "sentence-start-lowercase", "colon-capital"]
    misspelt = runner.invoke(main, ["explain", "punctuaton"])
    assert misspelt.exit_code == 2
    assert "did you mean 'punctuation'?" in misspelt.stderr
    assert runner.invoke(main, ["explain", "punctuation"]).exit_code == 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is not on this system")
@pytest.mark.parametrize("command", [["check"], ["check", "--format", "json"], ["fix"], ["fix", "--diff"]])
def test_standard_output_on_a_full_disk_is_one_error_line(tmp_path, command: list[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("the market , said\n" * 5000)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "cleanup", *command, str(article)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == b"<stdout>: error: cannot write: no space left on device\n"


# Issue 12, item 1: preview rules, as ruff has them.
COLON = "The reason is simple: The plant was closed.\n"


@pytest.fixture
def colon(tmp_path):
    path = tmp_path / "colon.txt"
    path.write_text(COLON)
    return path


@pytest.mark.parametrize("command", ["fix", "check", "review"])
def test_a_preview_rule_named_without_preview_is_a_usage_error_naming_the_flag(
    runner: CliRunner, colon, command: str
) -> None:
    done = runner.invoke(main, [command, "--select", "colon-capital", str(colon)], input="q\n")
    assert done.exit_code == 2
    assert "colon-capital is a preview rule: add --preview to run it" in done.stderr
    assert done.stdout == ""


def test_preview_runs_the_preview_rules_a_selection_takes(runner: CliRunner, colon) -> None:
    for selection in (["--select", "colon-capital"], ["--select", "casing"], ["--select", "ALL"], []):
        done = runner.invoke(main, ["check", "--preview", *selection, str(colon)])
        assert done.exit_code == 1 and "colon-capital" in done.stdout, selection
        without = runner.invoke(
            main, ["check", *selection[:1], *(["casing"] if selection else []), str(colon)]
        )
        assert without.exit_code == 0 and without.stdout == ""
    fixed = runner.invoke(main, ["fix", "--preview", "--unsafe-fixes", str(colon)])
    assert fixed.stdout == COLON.replace(": The", ": the")


def test_rules_shows_status_and_safety(runner: CliRunner) -> None:
    done = runner.invoke(main, ["rules"])
    assert done.exit_code == 0
    rows = {line.split()[0]: line.split("  ") for line in done.stdout.splitlines()[1:]}
    assert len(rows) == len(ALL_RULES)
    for rule_id, rule in ALL_RULES.items():
        cells = [cell.strip() for cell in rows[rule_id] if cell.strip()]
        assert cells[:4] == [rule_id, rule.family, "preview" if rule.preview else "stable", rule.safety]
    assert done.stdout.startswith("RULE ")
    explained = runner.invoke(main, ["explain", "colon-capital"]).stdout
    assert explained.startswith("colon-capital (casing, unsafe, preview: runs only with --preview")


@pytest.mark.parametrize("command", ["fix", "check", "review"])
def test_help_says_what_runs_by_default(runner: CliRunner, command: str) -> None:
    shown = " ".join(runner.invoke(main, [command, "--help"]).stdout.split())
    assert "(default: every rule not in preview)" in shown
    assert "--preview Also run the preview rules" in shown


@pytest.mark.parametrize(
    ("options", "idle"),
    [
        (["--select", "spacing", "--source", "it"], ["--source"]),
        (["--ignore", "leftovers", "--allow", "ALLOW"], ["--allow"]),
        (["--select", "spacing", "--allow", "ALLOW", "--glossary", "GLOSSARY"], ["--glossary", "--allow"]),
        (["--ignore", "glossary-term", "--glossary", "GLOSSARY"], ["--glossary"]),
    ],
)
def test_an_option_that_steers_no_selected_rule_warns(
    runner: CliRunner, article, tmp_path, options, idle
) -> None:
    (tmp_path / "allow.txt").write_text("non era possibile\n")
    (tmp_path / "glossary.tsv").write_text("Casa Bianca\tWhite House\tsafe\n")
    paths = {"ALLOW": str(tmp_path / "allow.txt"), "GLOSSARY": str(tmp_path / "glossary.tsv")}
    done = runner.invoke(main, ["fix", *[paths.get(o, o) for o in options], str(article)])
    assert done.exit_code == 0 and done.stdout_bytes  # the run goes on
    warnings = done.stderr.splitlines()
    assert [line.split()[2] for line in warnings] == idle
    for line in warnings:
        assert line.startswith("cleanup: warning: ") and " does nothing: none of the rules it steers" in line


def test_options_that_steer_a_selected_rule_do_not_warn(runner: CliRunner, article, tmp_path) -> None:
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("Casa Bianca\tWhite House\tsafe\n")
    allow = tmp_path / "allow.txt"
    allow.write_text("Casa\n")
    done = runner.invoke(main, ["check", "--glossary", str(glossary), "--allow", str(allow), str(article)])
    assert "warning" not in done.stderr
