"""The word-level view: changes inline with a few words of context and the rules beside them."""

from __future__ import annotations

from cleanup import clean
from cleanup.review.hunks import split_changes
from cleanup.review.worddiff import hunk_view, word_diff
from tests.conftest import SEED

RED, GREEN = "\x1b[31m", "\x1b[32m"


def test_the_seed_shows_its_three_changes_with_context_and_rules() -> None:
    view = word_diff("seeds/seed.txt", clean(SEED.read_text(encoding="utf-8")))
    lines = view.splitlines()
    assert lines[0] == "--- seeds/seed.txt: 3 changes"
    assert lines[1] == "@@ #1 2:66 @@ …effort, and the Islamic Republic [[-l’-]Iran] not happy at all…"
    assert lines[2].startswith("    stray-elided-article: source-language article before 'Iran'")
    assert lines[3] == "@@ #2 3:265 @@ …regime of Bashar al-Assad)[-. -], but held back by mutual…"
    assert lines[4] == "    punctuation-cluster: '. ,' reduced to ','"
    assert (
        lines[5]
        == "@@ #3 6:237 @@ …gas and oil field exploitation; " + "[-At-]{+at+} the same time, Russia is…"
    )
    assert lines[6] == "    semicolon-capital: 'At' after a semicolon starts no sentence"
    assert len(lines) == 7


def test_colour_marks_old_in_red_and_new_in_green_without_brackets() -> None:
    view = word_diff("a.txt", clean("exploitation; At the same time"), color=True)
    assert f"{RED}At\x1b[0m{GREEN}at\x1b[0m the same time" in view
    assert "[-" not in view and "{+" not in view


def test_a_deleted_space_is_visible_in_colour() -> None:
    view = word_diff("a.txt", clean("the market , said"), color=True)
    assert "market\x1b[41m \x1b[0m, said" in view


def test_display_findings_are_marked_where_they_are() -> None:
    text = "The minister said: non era possibile. Then the market , said"
    view = word_diff("a.txt", clean(text, select=["ALL"]))
    assert "[?non era possibile?]" in view
    assert "? source-phrase [display]: Italian left untranslated: 'non era possibile'" in view
    assert "[- -]" in view


def test_a_flag_far_from_any_change_gets_its_own_entry() -> None:
    text = "They said: non era possibile.\nMuch later, after many words, the market , said"
    view = word_diff("a.txt", clean(text, select=["ALL"]))
    assert "@@ flagged 1:12 @@ They said: [?non era possibile?]." in view


def test_context_stays_on_the_line_of_the_change() -> None:
    changes = split_changes(clean("Line one ends here.\nexploitation; At the same"))
    view = hunk_view(changes, changes.hunks[0])
    assert "one" not in view and "↵" not in view
    assert view.startswith("@@ #1 2:15 @@ exploitation; [-At-]{+at+} the same\n")


def test_control_and_bidi_characters_never_reach_the_terminal() -> None:
    text = "Text \x1b[2J with \u202eevil the market , said \x07"
    for color in (False, True):
        view = word_diff("a\x1b]0;title\x07.txt", clean(text, select=["spacing"]), color=color)
        shown = view.replace(RED, "").replace(GREEN, "").replace("\x1b[0m", "").replace("\x1b[41m", "")
        shown = shown.replace("\x1b[36m", "")
        assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
        assert "␛[2J" in view and "<U+202E>" in view


def test_nothing_to_show_is_empty() -> None:
    assert word_diff("a.txt", clean("Nothing to fix here.")) == ""
