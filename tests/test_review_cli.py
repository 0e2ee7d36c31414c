"""The review views through the ``cleanup`` command: word diff, HTML report, review and apply."""

from __future__ import annotations

import re

from click.testing import CliRunner

from cleanup import clean
from cleanup.cli import main
from cleanup.io import sha256_hex
from cleanup.review.decisions import FileDecisions, dump
from cleanup.review.hunks import split_changes
from tests.conftest import DEFAULT_SETTINGS, SEED


def test_word_diff_shows_the_seeds_three_changes_with_their_rules(runner: CliRunner, seed) -> None:
    done = runner.invoke(main, ["fix", "--diff=word", str(seed)])
    assert done.exit_code == 1  # changes to make
    assert done.stdout.startswith(f"--- {seed}: 3 changes\n")
    assert "[[-l’-]Iran]" in done.stdout
    assert "al-Assad)[-. -], but" in done.stdout
    assert "[-At-]{+at+} the same time" in done.stdout
    rules = re.findall(r"^    ([a-z-]+):", done.stdout, re.MULTILINE)
    assert rules == ["stray-elided-article", "punctuation-cluster", "semicolon-capital"]
    assert "\x1b[" not in done.stdout  # no colour when not on a terminal


def test_plain_diff_still_takes_the_file_after_it(runner: CliRunner, seed) -> None:
    done = runner.invoke(main, ["fix", "--diff", str(seed)])
    assert done.stdout.startswith(f"--- {seed}\n+++ {seed}\n@@ ")
    assert runner.invoke(main, ["fix", "--diff=unified", str(seed)]).stdout == done.stdout
    wrong = runner.invoke(main, ["fix", "--diff=side", str(seed)])
    assert wrong.exit_code == 2
    assert "--diff=side" in wrong.output


def test_html_report_of_a_batch_has_an_index_and_a_page_per_article(runner: CliRunner, tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "clean.txt").write_text("Nothing to fix here.\n")
    (folder / "empty.txt").write_bytes(b"")
    report = tmp_path / "report"
    done = runner.invoke(main, ["check", "--report-html", str(report), str(folder)])
    assert done.exit_code == 2  # the empty file
    index = (report / "index.html").read_text()
    assert "seed.txt" in index and "empty.txt" in index
    pages = sorted((report / "articles").iterdir())
    assert len(pages) == 1  # the clean article has nothing to review
    page = pages[0].read_text()
    assert page.count('<label class="hunk') == 3
    assert sha256_hex(SEED.read_bytes()) in page


def test_review_and_apply_are_commands_of_cleanup(runner: CliRunner, seed, tmp_path) -> None:
    reviewed = runner.invoke(main, ["review", str(seed)], input="y\nn\ny\n")
    assert reviewed.exit_code == 0
    expected = SEED.read_text(encoding="utf-8")
    expected = expected.replace("[l’Iran]", "[Iran]").replace("; At the same time", "; at the same time")
    assert reviewed.stdout == expected
    hunks = split_changes(clean(SEED.read_text(encoding="utf-8"))).hunks
    decisions = tmp_path / "decisions.json"
    decisions.write_text(
        dump(
            [FileDecisions(seed.name, sha256_hex(seed.read_bytes()), DEFAULT_SETTINGS, hunks, frozenset({2}))]
        )
    )
    applied = runner.invoke(main, ["apply", "--root", str(seed.parent), str(decisions)])
    assert applied.exit_code == 0
    only_second = SEED.read_text(encoding="utf-8").replace("al-Assad). , but", "al-Assad), but")
    assert seed.read_text(encoding="utf-8") == only_second
