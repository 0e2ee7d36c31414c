"""Shared paths and corpus loading for the tests.

Tests that read ``../shared/`` skip with a reason when it is absent, so the
suite also runs outside this repository's usual checkout.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from cleanup.lang import diskcache
from cleanup.review.decisions import Settings
from cleanup.rules import select_rules

# Property tests draw the same examples on every run and every machine, as the rest of the suite
# is deterministic; a failure found once is found again.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.load_profile("deterministic")

# The word lists' disk cache goes to a folder of this test session, never to the user's own cache;
# the processes the tests start inherit it.
os.environ[diskcache.ENVIRONMENT] = tempfile.mkdtemp(prefix="cleanup-cache-")
atexit.register(shutil.rmtree, os.environ[diskcache.ENVIRONMENT], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SEED = ROOT / "seeds" / "000_a4250b86ee3da36c.txt"
SEED_EXPECTED = SHARED / "seeds" / "000_a4250b86ee3da36c.expected.txt"
# What cleanup.clean() runs with by default, as a decisions file records it.
DEFAULT_SETTINGS = Settings(tuple(sorted(select_rules())))


@pytest.fixture
def runner() -> CliRunner:
    """Click's runner for the ``cleanup`` commands."""
    return CliRunner()


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A copy of the founding article, free to change."""
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def shared_file(path: Path) -> Path:
    """``path`` if it exists, else skip the calling test with the reason."""
    if not path.is_file():
        pytest.skip(f"{path} is not here (tests that read ../shared/ need the usual checkout)")
    return path


def bbc_articles() -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every BBC article."""
    with shared_file(CORPORA / "bbc-news" / "bbc-news-2225.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            yield f"bbc:{article['id']}", article["text"]


def wmt_articles() -> Iterator[tuple[str, str]]:
    """``(id, text)`` of every WMT English document, segments joined as its README says."""
    path = shared_file(CORPORA / "wmt-english-news" / "wmt-english-original-news.jsonl")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            text = "\n\n".join(" ".join(paragraph) for paragraph in doc["paragraphs"])
            yield f"wmt:{doc['doc_id']}", text


def ftfy_cases(name: str) -> list[dict[str, str]]:
    """The cases of one of ftfy's test-case files."""
    path = shared_file(CORPORA / "ftfy-test-cases" / f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))
