"""Edited news stays as it is: the default fixes change only reviewed source errors.

Every change the default chain makes to the BBC and WMT English corpora is listed,
with the reason it is right, in ``tests/data/reviewed_corpus_changes.json``. A change
not in the list fails the test and is printed in the list's format, to be reviewed
and added with its reason, or prevented. A listed change that no longer happens
fails too, so the list stays exact.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from cleanup import Finding, clean
from tests.conftest import bbc_articles, wmt_articles

REVIEWED = Path(__file__).parent / "data" / "reviewed_corpus_changes.json"
CONTEXT = 8


def change_key(article: str, text: str, finding: Finding) -> tuple[str, str, str, str]:
    """``(article, rule, before, after)``: the change with a few characters either side."""
    left = max(0, finding.start - CONTEXT)
    right = min(len(text), finding.end + CONTEXT)
    before = text[left:right]
    after = text[left : finding.start] + (finding.replacement or "") + text[finding.end : right]
    return article, finding.rule, before, after


def applied_changes(articles: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, str, str]]:
    for article, text in articles:
        for finding in clean(text).applied:
            yield change_key(article, text, finding)


def reviewed(prefix: str) -> list[tuple[str, str, str, str]]:
    entries = json.loads(REVIEWED.read_text(encoding="utf-8"))
    for entry in entries:
        assert entry["why"].strip(), f"no reason given for {entry}"
    return [
        (e["article"], e["rule"], e["before"], e["after"]) for e in entries if e["article"].startswith(prefix)
    ]


def _as_entries(changes: Iterable[tuple[str, str, str, str]]) -> str:
    return json.dumps(
        [{"article": a, "rule": r, "before": b, "after": f, "why": ""} for a, r, b, f in changes],
        ensure_ascii=False,
        indent=2,
    )


@pytest.mark.parametrize(("prefix", "articles"), [("bbc:", bbc_articles), ("wmt:", wmt_articles)])
def test_default_fixes_change_only_reviewed_errors(prefix: str, articles) -> None:
    made = sorted(applied_changes(articles()))
    expected = sorted(reviewed(prefix))
    unexpected = [change for change in made if change not in expected]
    missing = [change for change in expected if change not in made]
    assert not unexpected, "changes nobody reviewed:\n" + _as_entries(unexpected)
    assert not missing, "reviewed changes that no longer happen:\n" + _as_entries(missing)


@pytest.mark.parametrize("articles", [bbc_articles, wmt_articles])
def test_real_articles_are_fixed_idempotently(articles) -> None:
    for article, text in articles():
        once = clean(text, unsafe=True).text
        assert clean(once, unsafe=True).text == once, article
