"""The founding article: three changes, byte for byte, through every entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from cleanup import clean
from tests.conftest import ROOT, SEED, SEED_EXPECTED, shared_file


@pytest.fixture
def expected() -> bytes:
    return shared_file(SEED_EXPECTED).read_bytes()


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleanup", *args], input=stdin, capture_output=True, cwd=ROOT, check=False
    )


def test_api_gives_the_expected_text(expected: bytes) -> None:
    result = clean(SEED.read_text(encoding="utf-8"))
    assert result.text.encode("utf-8") == expected
    assert [f.rule for f in result.applied] == [
        "stray-elided-article",
        "punctuation-cluster",
        "semicolon-capital",
    ]


def test_fix_file_is_byte_identical(expected: bytes) -> None:
    done = _cli("fix", str(SEED))
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


def test_fix_stdin_is_byte_identical(expected: bytes) -> None:
    done = _cli("fix", "-", stdin=SEED.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


def test_fix_without_argument_uses_the_bundled_seed(expected: bytes) -> None:
    assert _cli("fix").stdout == expected


def test_fixing_the_expected_text_changes_nothing(expected: bytes) -> None:
    text = expected.decode("utf-8")
    result = clean(text)
    assert result.text == text
    assert result.findings == ()


def test_check_lists_the_three_artefacts() -> None:
    done = _cli("check", str(SEED))
    assert done.returncode == 1
    lines = done.stdout.decode().splitlines()
    located = [[*line.split(": ", 1)[0].split(":")[1:], line.split(" ")[1]] for line in lines]
    assert located == [
        ["2", "66", "stray-elided-article"],
        ["3", "265", "punctuation-cluster"],
        ["6", "237", "semicolon-capital"],
    ]
    assert all(line.endswith("[safe]") for line in lines)


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_patches_the_seed_into_the_expected_text(tmp_path, expected: bytes) -> None:
    copy = tmp_path / SEED.name
    copy.write_bytes(SEED.read_bytes())
    diff = _cli("fix", "--diff", str(SEED)).stdout
    lines = diff.splitlines()
    assert len([line for line in lines if line.startswith(b"-") and not line.startswith(b"---")]) == 3
    assert len([line for line in lines if line.startswith(b"+") and not line.startswith(b"+++")]) == 3
    subprocess.run(["patch", str(copy)], input=diff, check=True, capture_output=True)
    assert copy.read_bytes() == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_standard_input_among_files_is_read_with_any_number_of_workers(jobs: str) -> None:
    # Forked workers cannot read this process's standard input: it is cleaned here, in its place.
    done = _cli("check", "--jobs", jobs, "--output-format", "json", str(SEED), "-", stdin=SEED.read_bytes())
    assert done.returncode == 1, done.stderr
    found = json.loads(done.stdout)
    paths = [record["path"] for record in found]
    assert paths == [paths[0]] * 3 + ["-"] * 3
    assert [r["rule"] for r in found[:3]] == [r["rule"] for r in found[3:]]


def test_standard_input_given_twice_is_a_usage_error() -> None:
    done = _cli("check", "-", "-", stdin=b"The minister said , yes.")
    assert done.returncode == 2
    assert b"given more than once" in done.stderr
