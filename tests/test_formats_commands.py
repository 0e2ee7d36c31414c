"""Every format through every command (issue 13, item 6): the review, the word diff, the HTML
report and apply give what ``fix`` gives, on the fixtures of each format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup.cli import main
from cleanup.formats import Reading
from cleanup.io import sha256_hex
from cleanup.passes import Context
from cleanup.pipeline import run
from cleanup.review.decisions import FileDecisions, Settings, dump
from cleanup.review.hunks import split_changes
from cleanup.rules import select_rules
from tests.conftest import ROOT

FORMATS = [
    "markdown/article.md",
    "html/article.html",
    "jsonl/articles.jsonl",
    "po/catalogue.po",
    "xliff/article.xlf",
]


def _pair(name: str) -> tuple[Path, Path]:
    source = ROOT / "fixtures" / name
    return source, source.with_name(source.name.replace(".", ".expected.", 1))


@pytest.mark.parametrize("name", FORMATS)
def test_the_review_accepting_every_change_gives_the_fixed_file(name: str) -> None:
    source, expected = _pair(name)
    done = CliRunner().invoke(main, ["review", str(source)], input="y\n" * 50)
    assert done.exit_code == 0, done.stderr
    assert done.stdout_bytes == expected.read_bytes()


@pytest.mark.parametrize("name", FORMATS)
def test_the_word_diff_names_the_rules_at_their_lines(name: str) -> None:
    source, _ = _pair(name)
    findings = CliRunner().invoke(main, ["check", "--format", "json", str(source)])
    records = json.loads(findings.stdout)
    applied = [r for r in records if r["applied"]]
    done = CliRunner().invoke(main, ["fix", "--diff=word", str(source)])
    assert done.exit_code == 1, done.stderr  # changes to make
    for record in applied:
        assert f"{record['line']}:" in done.stdout and record["rule"] in done.stdout


@pytest.mark.parametrize("name", FORMATS)
def test_the_html_report_and_apply_work_on_each_format(name: str, tmp_path: Path) -> None:
    source, expected = _pair(name)
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    report = CliRunner().invoke(main, ["check", "--report-html", str(tmp_path / "report"), str(copy)])
    assert report.exit_code == 1, report.stderr  # findings, and no error
    assert (tmp_path / "report" / "articles" / "000001.html").is_file()
    text = copy.read_text(encoding="utf-8")
    form = Reading().format_for(str(copy))
    hunks = split_changes(run(text, Context(select_rules()), form=form)).hunks
    settings = Settings(tuple(sorted(select_rules())))
    decided = FileDecisions(
        copy.name, sha256_hex(copy.read_bytes()), settings, hunks, frozenset(h.id for h in hunks)
    )
    decisions = tmp_path / "decisions.json"
    decisions.write_text(dump([decided]), encoding="utf-8")
    done = CliRunner().invoke(main, ["apply", "--root", str(tmp_path), str(decisions)])
    assert done.exit_code == 0, done.stderr
    assert copy.read_bytes() == expected.read_bytes()
