"""The review and apply commands, through click's runner and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup.io import sha256_hex
from cleanup.review import commands
from cleanup.review.commands import apply_command, review_command
from cleanup.review.decisions import FileDecisions, dump
from cleanup.review.hunks import split_changes
from tests.conftest import DEFAULT_SETTINGS, ROOT, SEED
from tests.test_review_hunks import SEED_FIXES, by_hand

# A UTF-8 byte-order mark, CRLF line ends and no final newline, all of which must survive.
ARTICLE = "\ufeffFirst line , here.\r\nexploitation; At the same time , prices rose"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def seed_with_first_and_third_changes() -> bytes:
    original = SEED.read_text(encoding="utf-8")
    return by_hand(original, [SEED_FIXES[0], SEED_FIXES[2]]).encode("utf-8")


def test_review_of_the_seed_with_y_n_y(runner: CliRunner, seed) -> None:
    done = runner.invoke(review_command, [str(seed)], input="y\nn\ny\n")
    assert done.exit_code == 0, done.stderr
    assert done.stdout_bytes == seed_with_first_and_third_changes()
    assert seed.read_bytes() == SEED.read_bytes()
    assert f"{seed}: 2 of 3 changes accepted" in done.stderr


def test_review_in_place_keeps_the_bytes_it_does_not_change(runner: CliRunner, article) -> None:
    done = runner.invoke(review_command, ["--in-place", str(article)], input="n\ny\ny\n")
    assert done.exit_code == 0, done.stderr
    assert done.stdout_bytes == b""
    expected = "\ufeffFirst line , here.\r\nexploitation; at the same time, prices rose"
    assert article.read_bytes() == expected.encode("utf-8")


def test_review_in_place_with_nothing_accepted_leaves_the_file_alone(runner: CliRunner, article) -> None:
    before = article.stat().st_mtime_ns
    done = runner.invoke(review_command, ["--in-place", str(article)], input="n\nn\nn\n")
    assert done.exit_code == 0
    assert article.read_bytes() == ARTICLE.encode("utf-8") and article.stat().st_mtime_ns == before


def test_review_out_writes_every_file_reviewed(runner: CliRunner, seed, article, tmp_path) -> None:
    out = tmp_path / "reviewed"
    done = runner.invoke(review_command, ["--out", str(out), str(seed), str(article)], input="y\nn\ny\na\n")
    assert done.exit_code == 0, done.stderr
    assert (out / "seed.txt").read_bytes() == seed_with_first_and_third_changes()
    expected = "\ufeffFirst line, here.\r\nexploitation; At the same time, prices rose"
    assert (out / "article.txt").read_bytes() == expected.encode("utf-8")


def test_quitting_keeps_the_file_decided_and_leaves_the_rest(runner: CliRunner, seed, article) -> None:
    done = runner.invoke(review_command, ["--in-place", str(seed), str(article)], input="y\nn\ny\nq\n")
    assert done.exit_code == 0, done.stderr
    assert seed.read_bytes() == seed_with_first_and_third_changes()
    assert article.read_bytes() == ARTICLE.encode("utf-8")
    assert "review stopped" not in done.stderr  # the last file was reached
    done = runner.invoke(review_command, ["--in-place", str(article), str(seed)], input="y\nq\n")
    assert "review stopped: 1 more file not reviewed" in done.stderr
    assert (
        article.read_bytes()
        == "\ufeffFirst line, here.\r\nexploitation; At the same time , prices rose".encode()
    )


def test_review_refuses_to_overwrite_a_file_changed_meanwhile(
    runner: CliRunner, article, monkeypatch: pytest.MonkeyPatch
) -> None:
    def edit_then_accept(prompt: str) -> str:
        article.write_bytes(b"Edited by someone else.")
        return "a"

    monkeypatch.setattr(commands, "_line_ask", edit_then_accept)
    done = runner.invoke(review_command, ["--in-place", str(article)])
    assert done.exit_code == 2
    assert done.stderr.strip().endswith(
        f"{article}: error: changed while it was being reviewed; left as it is"
    )
    assert article.read_bytes() == b"Edited by someone else."


def test_review_usage_errors(runner: CliRunner, seed, article) -> None:
    several = runner.invoke(review_command, [str(seed), str(article)])
    assert several.exit_code == 2 and "several files need --out DIR or --in-place" in several.stderr
    stdin = runner.invoke(review_command, ["-"])
    assert stdin.exit_code == 2 and "name the files" in stdin.stderr
    unknown = runner.invoke(review_command, ["--select", "no-such-rule", str(seed)])
    assert unknown.exit_code == 2 and "unknown rule or family: 'no-such-rule'" in unknown.stderr


def test_review_goes_on_after_a_bad_file_and_exits_2(runner: CliRunner, article, tmp_path) -> None:
    missing = tmp_path / "missing.txt"
    done = runner.invoke(review_command, ["--in-place", str(missing), str(article)], input="y\ny\ny\n")
    assert done.exit_code == 2
    assert f"{missing}: error: no such file" in done.stderr
    assert article.read_bytes() != ARTICLE.encode("utf-8")


def test_review_options_choose_the_rules(runner: CliRunner, article) -> None:
    done = runner.invoke(review_command, ["--select", "casing", str(article)], input="y\n")
    assert done.stdout_bytes.decode("utf-8") == ARTICLE.replace("At the", "at the")


def decisions_for(path, accepted: set[int]) -> str:
    data = path.read_bytes()
    hunks = split_changes(clean(data.decode("utf-8-sig"))).hunks
    return dump([FileDecisions(path.name, sha256_hex(data), DEFAULT_SETTINGS, hunks, frozenset(accepted))])


def test_apply_changes_exactly_the_accepted_hunks(runner: CliRunner, seed, article, tmp_path) -> None:
    decisions = tmp_path / "decisions.json"
    files = (
        json.loads(decisions_for(seed, {1, 3}))["files"] + json.loads(decisions_for(article, {2}))["files"]
    )
    decisions.write_text(json.dumps({"format": "cleanup-decisions", "version": 2, "files": files}))
    done = runner.invoke(apply_command, ["--root", str(tmp_path), str(decisions)])
    assert done.exit_code == 0, done.stderr
    assert seed.read_bytes() == seed_with_first_and_third_changes()
    expected = "\ufeffFirst line , here.\r\nexploitation; at the same time , prices rose"
    assert article.read_bytes() == expected.encode("utf-8")
    assert f"{seed.name}: applied 2 of 3 changes" in done.stderr


def test_apply_again_says_the_changes_are_in_and_writes_nothing(
    runner: CliRunner, seed, article, tmp_path
) -> None:
    decisions = tmp_path / "decisions.json"
    files = (
        json.loads(decisions_for(seed, {1, 3}))["files"] + json.loads(decisions_for(article, {2}))["files"]
    )
    decisions.write_text(json.dumps({"format": "cleanup-decisions", "version": 2, "files": files}))
    assert runner.invoke(apply_command, ["--root", str(tmp_path), str(decisions)]).exit_code == 0
    applied = article.stat().st_mtime_ns, seed.stat().st_mtime_ns
    done = runner.invoke(apply_command, ["--root", str(tmp_path), str(decisions)])
    assert done.exit_code == 0, done.stderr
    assert f"{seed.name}: already applied (2 changes); left as it is" in done.stderr
    assert f"{article.name}: already applied (1 change); left as it is" in done.stderr  # a BOM and CRLF
    assert (article.stat().st_mtime_ns, seed.stat().st_mtime_ns) == applied
    assert seed.read_bytes() == seed_with_first_and_third_changes()
    article.write_bytes(article.read_bytes().replace(b"rose", b"fell"))  # applied, then edited
    done = runner.invoke(apply_command, ["--root", str(tmp_path), str(decisions)])
    assert done.exit_code == 2
    assert f"{article.name}: error: changed since the decisions were made; left as it is" in done.stderr


@pytest.mark.parametrize("codec", ["cp1252", "utf-16", "utf-16-be"])
def test_apply_again_knows_a_file_it_wrote_in_utf8(runner: CliRunner, tmp_path, codec: str) -> None:
    article = tmp_path / "a.txt"
    text = "First line , here.\r\nexploitation; At the same time , prices rose – café\r\n"
    article.write_bytes(("\ufeff" + text if codec == "utf-16-be" else text).encode(codec))
    data = article.read_bytes()
    hunks = split_changes(clean(text)).hunks
    decided = [FileDecisions(article.name, sha256_hex(data), DEFAULT_SETTINGS, hunks, frozenset({1, 2}))]
    (tmp_path / "d.json").write_text(dump(decided))
    args = ["--root", str(tmp_path), str(tmp_path / "d.json")]
    assert runner.invoke(apply_command, args).exit_code == 0
    written = article.read_bytes()
    done = runner.invoke(apply_command, args)
    assert done.exit_code == 0, done.stderr
    assert "a.txt: already applied (2 changes); left as it is" in done.stderr
    assert article.read_bytes() == written


def test_apply_refuses_a_changed_file_and_goes_on(runner: CliRunner, seed, article, tmp_path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(decisions_for(article, {1, 2, 3}))
    second.write_text(decisions_for(seed, {2}))
    article.write_bytes(ARTICLE.replace("rose", "fell").encode("utf-8"))
    done = runner.invoke(apply_command, ["--root", str(tmp_path), str(first), str(second)])
    assert done.exit_code == 2
    assert done.stderr.splitlines()[0] == (
        f"{article.name}: error: changed since the decisions were made; left as it is"
    )
    assert article.read_bytes() == ARTICLE.replace("rose", "fell").encode("utf-8")
    assert seed.read_bytes().decode("utf-8") == by_hand(SEED.read_text(encoding="utf-8"), [SEED_FIXES[1]])


def test_apply_reports_a_file_that_is_not_decisions(runner: CliRunner, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    done = runner.invoke(apply_command, [str(bad)])
    assert done.exit_code == 2
    assert done.stderr.startswith(f"{bad}: error: not a decisions file")


def test_review_end_to_end_with_answers_piped_in(seed) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cleanup", "review", str(seed)],
        input=b"y\nn\ny\n",
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == seed_with_first_and_third_changes()
    assert done.stderr.decode().count("Apply this change [y,n,a,u,q,?]?") == 3


def test_review_out_refuses_two_inputs_on_one_copy_before_asking(runner: CliRunner, tmp_path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    out = tmp_path / "o"
    done = runner.invoke(
        review_command, ["--out", str(out), str(tmp_path / "x"), str(tmp_path / "y")], input="y\n" * 9
    )
    assert done.exit_code == 2
    assert done.stderr.strip().endswith("would both be written here; nothing was written")
    assert "Apply this change" not in done.stderr and not out.exists()


def test_review_out_never_writes_into_an_input_folder(runner: CliRunner, tmp_path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    done = runner.invoke(review_command, ["--out", str(tree / "cleaned"), str(tree)], input="y\n" * 9)
    assert done.exit_code == 2 and "inside the input folder" in done.stderr
    assert sorted(p.name for p in tree.iterdir()) == ["a.txt"]


def test_review_prints_hostile_names_escaped(runner: CliRunner, tmp_path) -> None:
    name = tmp_path / "a\x1b[31m\nb.txt"
    name.write_bytes(ARTICLE.encode("utf-8"))
    done = runner.invoke(review_command, [str(name)], input="y\ny\ny\n")
    assert done.exit_code == 0, done.stderr
    assert "\x1b" not in done.stderr and "a\\033[31m\\nb.txt" in done.stderr
