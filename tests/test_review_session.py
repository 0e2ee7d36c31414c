"""The interactive review engine, driven by answers given as lines."""

from __future__ import annotations

from cleanup import clean
from cleanup.review.hunks import split_changes
from cleanup.review.session import HELP, Review, answers_from, review
from tests.conftest import SEED
from tests.test_review_hunks import SEED_FIXES, by_hand

# Three changes by one rule, one by another, in this order: space, capital, space, space.
ARTICLE = "the market , said; At the time , and the sea , rose"


def run(text: str, answers: list[str]) -> tuple[Review, str]:
    shown: list[str] = []
    outcome = review(split_changes(clean(text)), answers_from(answers), shown.append, path="a.txt")
    return outcome, "".join(shown)


def test_the_seed_with_y_n_y_keeps_the_first_and_third_changes() -> None:
    original = SEED.read_text(encoding="utf-8")
    outcome, shown = run(original, ["y", "n", "y"])
    assert outcome.text == by_hand(original, [SEED_FIXES[0], SEED_FIXES[2]])
    assert outcome.accepted == {1, 3} and outcome.finished
    assert shown.startswith("--- a.txt: 3 changes\n(1/3) @@ #1 2:66 @@")
    assert "(2/3) @@ #2 3:265 @@" in shown and "(3/3) @@ #3 6:237 @@" in shown


def test_accept_all_takes_the_later_changes_of_the_same_rule_only() -> None:
    outcome, shown = run(ARTICLE, ["a", "n"])
    assert outcome.text == "the market, said; At the time, and the sea, rose"
    assert outcome.accepted == {1, 3, 4} and outcome.finished
    assert "(3/4)" not in shown and "(4/4)" not in shown


def test_undo_goes_back_to_the_change_undone() -> None:
    outcome, shown = run(ARTICLE, ["y", "y", "u", "n", "n", "y"])
    assert outcome.accepted == {1, 4}
    assert outcome.text == "the market, said; At the time , and the sea, rose"
    assert shown.count("(2/4)") == 2


def test_undo_of_accept_all_undoes_every_change_it_decided() -> None:
    outcome, _ = run(ARTICLE, ["a", "u", "n", "y", "n", "n"])
    assert outcome.accepted == {2}
    assert outcome.text == "the market , said; at the time , and the sea , rose"


def test_undo_with_nothing_decided_says_so_and_asks_again() -> None:
    outcome, shown = run(ARTICLE, ["u", "y", "n", "n", "n"])
    assert "nothing to undo" in shown
    assert outcome.accepted == {1}


def test_quit_keeps_what_was_decided_and_rejects_the_rest() -> None:
    outcome, _ = run(ARTICLE, ["y", "y", "q", "y"])
    assert outcome.accepted == {1, 2} and not outcome.finished
    assert outcome.text == "the market, said; at the time , and the sea , rose"


def test_end_of_answers_quits() -> None:
    outcome, _ = run(ARTICLE, ["n", "y"])
    assert outcome.accepted == {2} and not outcome.finished


def test_help_and_unknown_answers_ask_the_same_change_again() -> None:
    outcome, shown = run(ARTICLE, ["?", "maybe", " Y \n", "no", "yes", "all"])
    assert shown.count(HELP) == 2 and "unknown answer 'maybe'" in shown
    assert shown.count("(1/4)") == 3
    assert outcome.accepted == {1, 3, 4}


def test_flags_far_from_changes_are_shown_before_the_first_change() -> None:
    shown: list[str] = []
    text = "They said: non era possibile.\nMuch later, after many words, the market , said"
    review(split_changes(clean(text, select=["ALL"])), answers_from(["y"]), shown.append, path="a.txt")
    assert shown[1].startswith("@@ flagged 1:12 @@ They said: [?non era possibile?].")
    assert shown[2].startswith("(1/1) @@ #1 2:41 @@")


def test_a_text_without_changes_needs_no_answer() -> None:
    outcome, shown = run("Nothing to fix here.", [])
    assert outcome.text == "Nothing to fix here." and outcome.finished
    assert shown == "--- a.txt: no changes\n"
