"""The shared look at a text's words: what it finds, and its reading carried over edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.lang import diskcache
from cleanup.offsets import EditMap
from cleanup.passes import wordlook
from cleanup.passes.wordlook import WordList, WordLook

_WHOLE = WordList(
    "whole", frozenset({"a-rule"}), lambda target: sorted(["de", "del", "l", "la", "lond", "été"])
)
_STARTS = WordList("starts", frozenset({"b-rule"}), lambda target: sorted(["german", "lond"]), whole=False)
_PIECES = [
    "de",
    "la",
    "l",
    "del",
    "lond",
    "londres",
    "german",
    "germany",
    "été",
    "x",
    "À",
    "æ",
    " ",
    "  ",
    ",",
    "’",
    "«",
    "»",
    "\u00a0",
    "\u202f",
    "-",
    "\n",
    ".",
    "é",
]


def _look() -> WordLook:
    return WordLook((_WHOLE, _STARTS), "en")


def _everything(look: WordLook, text: str) -> tuple[list, list]:
    reading = look.read(text)
    return reading.places("whole"), reading.places("starts")


def test_whole_words_and_word_starts_are_found_where_they_stand() -> None:
    text = "«de» l’Iran, la\u00a0lond londres; Germany german-born été"
    whole, starts = _everything(_look(), text)
    assert [(word, text[start:end]) for word, start, end in whole] == [
        ("de", "de"),
        ("l", "l"),
        ("la", "la"),
        ("lond", "lond"),
        ("été", "été"),
    ]
    assert [text[start : start + 8] for _, start, _ in starts] == ["lond lon", "londres;", "german-b"]


def test_a_reading_is_kept_for_the_same_text_and_made_again_for_another() -> None:
    look = _look()
    text = "de la lond"
    assert look.read(text) is look.read(text)
    assert look.read("de la") is not look.read(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40),
    st.lists(
        st.tuples(st.integers(0, 200), st.integers(0, 4), st.lists(st.sampled_from(_PIECES), max_size=3)),
        max_size=5,
    ),
)
def test_a_reading_carried_over_edits_is_the_reading_of_the_new_text(pieces, edits) -> None:
    text = "".join(pieces)
    changes, taken = [], 0
    for start, length, written in sorted(edits):
        start = max(start % (len(text) + 1), taken)
        end = min(len(text), start + length)
        if start < taken or (changes and start == changes[-1][0] == changes[-1][1] and start == end):
            continue
        changes.append((start, end, "".join(written)))
        taken = end
    new = "".join(
        [
            text[(changes[i - 1][1] if i else 0) : start] + written
            for i, (start, _, written) in enumerate(changes)
        ]
        + [text[changes[-1][1] if changes else 0 :]]
    )
    look = _look()
    look.read(text)
    look.carry(text, new, EditMap([(start, end, len(written)) for start, end, written in changes]))
    carried = _everything(look, new)
    assert carried == _everything(_look(), new)


def test_the_chain_carries_the_reading_it_shares_over_a_pass_s_edits(monkeypatch) -> None:
    searched = []
    search = WordLook._search

    def counted(self, text, start, end):
        searched.append(end - start)
        return search(self, text, start, end)

    monkeypatch.setattr(WordLook, "_search", counted)
    filler = " The talks went on." * 40
    text = f"The german squad met.{filler} Then ; At once.{filler} They said non era possibile.{filler}"
    result = clean(text)
    assert "The German squad" in result.text and "Then; at once" in result.text
    assert {f.rule for f in result.findings} == {
        "lowercase-name",
        "source-phrase",
        "space-before-punctuation",
        "semicolon-capital",
    }
    # The text as the conventions read it was read whole once; after each pass's fixes, only the
    # text around its edits.
    assert len(searched) == 3 and searched[0] == len(text) - 1
    assert sum(searched[1:]) < len(text) / 4


def test_one_look_serves_the_leftovers_and_the_lowercase_names() -> None:
    from cleanup.passes.conventions.capitals import NAMES
    from cleanup.passes.leftovers.openings import FIRST_LOOK

    look = wordlook.look_for("en", frozenset({"lowercase-name", "source-phrase"}))
    assert set(look.lists) == {NAMES, *FIRST_LOOK}
    assert wordlook.look_for("en", frozenset({"lowercase-name"})).lists == (NAMES,)


def test_a_word_the_look_cannot_find_is_left_out_and_the_others_are_named_right() -> None:
    # "Über" holds a byte read as a separator (Ü is C3 9C), "all'unità" an apostrophe.
    words = WordList("w", frozenset({"r"}), lambda target: ["Über", "all'unità", "de", "zu"])
    look = WordLook((words, _STARTS), "en")
    reading = look.read("Über all'unità de zu, german")
    assert reading.words("w") == ["de", "zu"]
    assert [word for word, _, _ in reading.places("starts")] == ["german"]


def test_fitting_leaves_out_words_with_a_separator_a_line_break_or_nothing() -> None:
    words = ["de", "Über", "a\nb", "", "l'", "été", "zu"]
    assert wordlook.fitting(words) == [b"de", "été".encode(), b"zu"]
    assert wordlook.fitting([]) == []


def test_a_registered_list_is_read_from_the_disk_cache_and_another_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(diskcache.ENVIRONMENT, str(tmp_path))
    asked: list[str] = []

    def words(target: str) -> list[str]:
        asked.append(target)
        return ["de", "la"]

    kept, other = (WordList(name, frozenset({"r"}), words) for name in ("kept", "other"))
    monkeypatch.setattr(wordlook, "_LISTS", [kept])
    for _ in range(2):
        assert WordLook((kept,), "en").read("de x la").words("kept") == ["de", "la"]
    assert asked == ["en"]
    for _ in range(2):
        assert WordLook((other,), "en").read("de x la").words("other") == ["de", "la"]
    assert asked == ["en", "en", "en"]
