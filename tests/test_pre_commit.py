"""The pre-commit hooks of ``.pre-commit-hooks.yaml`` (issue 14, item 4), run by pre-commit on a
temporary git repository, offline: each hook as the manifest defines it (its entry, its files),
run as a local hook with the cleanup installed here, so that nothing is fetched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
ARTICLE = "The market , said; At once.\n"


def _hooks() -> dict[str, dict]:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in manifest}


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    local = [
        {
            "id": hook["id"],
            "name": hook["name"],
            "entry": hook["entry"],
            "files": hook["files"],
            "language": "system",  # the cleanup installed here: no environment to fetch
        }
        for hook in _hooks().values()
    ]
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "article.md").write_text(ARTICLE, encoding="utf-8")
    (repo / "script.py").write_text("x = [1 , 2]\n", encoding="utf-8")  # not a file the hooks take
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=repo, check=True)
    return repo


def _run(repo: Path, hook: str) -> subprocess.CompletedProcess[str]:
    scripts = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(repo.parent / "cache"),
        "PATH": scripts + os.pathsep + os.environ["PATH"],
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_manifest_defines_the_two_hooks() -> None:
    hooks = _hooks()
    assert set(hooks) == {"cleanup-check", "cleanup-fix"}
    assert all(hook["language"] == "python" for hook in hooks.values())


def test_the_check_hook_fails_on_findings_and_changes_nothing(repository: Path) -> None:
    done = _run(repository, "cleanup-check")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "article.md:1:11: space-before-punctuation" in done.stdout
    assert "script.py" not in done.stdout
    assert (repository / "article.md").read_text(encoding="utf-8") == ARTICLE


def test_the_fix_hook_fixes_then_passes(repository: Path) -> None:
    first = _run(repository, "cleanup-fix")
    assert first.returncode == 1, first.stdout + first.stderr
    assert (repository / "article.md").read_text(encoding="utf-8") == "The market, said; at once.\n"
    assert (repository / "script.py").read_text(encoding="utf-8") == "x = [1 , 2]\n"
    second = _run(repository, "cleanup-fix")
    assert second.returncode == 0, second.stdout + second.stderr
