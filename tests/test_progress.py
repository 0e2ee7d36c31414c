"""The progress bar: drawn on a terminal, absent otherwise."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cleanup.cli import main


def _tree(root: Path) -> Path:
    for index in range(30):
        (root / f"{index:02}.txt").write_text(f"Article {index} said , then")
    return root


def test_bar_on_a_terminal(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "cleanup", "check", "--jobs", "1", str(_tree(tmp_path))],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        check=False,
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    assert done.returncode == 1
    # The rate and the time left show once a few seconds of files give them (tests/test_output_formats.py):
    # these 30 files take less, and the bar says it is warming up until the first is done.
    assert b"cleaning" in drawn and b"30/30" in drawn and b"warming up: loading the word lists" in drawn


def test_no_bar_when_not_a_terminal(tmp_path: Path) -> None:
    done = CliRunner().invoke(main, ["check", "--jobs", "1", str(_tree(tmp_path))])
    assert "cleaning" not in done.stderr
    assert (
        done.stderr
        == "30 files scanned: 30 to change, 0 unchanged, 0 failed; findings: space-before-punctuation 30\n"
    )
