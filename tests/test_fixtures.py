"""Input / expected-output pairs in ``fixtures/``, run through the command line byte for byte."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from tests.conftest import ROOT

PAIRS = sorted(
    (path.with_name(path.name.replace(".expected.", ".")), path)
    for path in (ROOT / "fixtures").glob("*/*.expected.*")
)


def test_every_family_has_fixtures() -> None:
    assert {source.parent.name for source, _ in PAIRS} == {
        "encoding",
        "fragments",
        "punctuation",
        "spacing",
        "casing",
        "markdown",
        "html",
        "jsonl",
        "po",
        "xliff",
    }


@pytest.mark.parametrize(("source", "expected"), PAIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(source: Path, expected: Path) -> None:
    runner = CliRunner()
    fixed = runner.invoke(main, ["fix", str(source)])
    assert fixed.exit_code == 0, fixed.stderr
    assert fixed.stdout_bytes == expected.read_bytes()
    again = runner.invoke(main, ["fix", str(expected)])
    assert again.stdout_bytes == expected.read_bytes()


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
@pytest.mark.parametrize(("source", "expected"), PAIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_diff_patches_the_fixture_into_its_expected_bytes(tmp_path, source: Path, expected: Path) -> None:
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes())
    diff = CliRunner().invoke(main, ["fix", "--diff", str(source)]).stdout_bytes
    subprocess.run(["patch", str(copy)], input=diff, check=True, capture_output=True)
    assert copy.read_bytes() == expected.read_bytes()
