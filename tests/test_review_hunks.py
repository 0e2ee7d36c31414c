"""Hunks: a result's changes, each applicable on its own to the original."""

from __future__ import annotations

import itertools
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.model import Safety
from cleanup.review.hunks import Hunk, Part, apply_hunks, split_changes
from tests.conftest import SEED, SEED_EXPECTED, shared_file

# The three artefacts of the founding article, and what each becomes (see its expected text).
SEED_FIXES = [
    ("Islamic Republic [l’Iran] not", "Islamic Republic [Iran] not"),
    ("al-Assad). , but held", "al-Assad), but held"),
    ("exploitation; At the same", "exploitation; at the same"),
]

PIECES = st.sampled_from(
    [
        *("the", "At", "Iran", "l’Iran", "e.g.", "games", "in", "Ã©", "&amp;", "\x07", "non era"),
        *(".", ",", ";", ":", "..", "…", "(", ")", "[", "]", "“", "”", "’"),
        *(" ", "  ", "\n", "\r\n", "\u00a0"),
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def by_hand(text: str, fixes: list[tuple[str, str]]) -> str:
    """``text`` with each ``(before, after)`` replaced, checking that ``before`` occurs once."""
    for before, after in fixes:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    return text


def test_the_seed_has_exactly_its_three_changes() -> None:
    original = SEED.read_text(encoding="utf-8")
    changes = split_changes(clean(original))
    assert [h.id for h in changes.hunks] == [1, 2, 3]
    assert [h.rules for h in changes.hunks] == [
        ("stray-elided-article",),
        ("punctuation-cluster",),
        ("semicolon-capital",),
    ]
    assert [(h.line, h.column) for h in changes.hunks] == [(2, 66), (3, 265), (6, 237)]
    for hunk in changes.hunks:
        assert original[hunk.start : hunk.end] == hunk.old
    assert changes.flags == ()


def test_all_the_seed_hunks_give_the_expected_text() -> None:
    original = SEED.read_text(encoding="utf-8")
    hunks = split_changes(clean(original)).hunks
    expected = shared_file(SEED_EXPECTED).read_text(encoding="utf-8")
    assert apply_hunks(original, hunks, {1, 2, 3}) == expected
    assert by_hand(original, SEED_FIXES) == expected


@pytest.mark.parametrize("accepted", [set(c) for n in range(4) for c in combinations((1, 2, 3), n)])
def test_any_subset_of_the_seed_hunks_applies_on_its_own(accepted: set[int]) -> None:
    original = SEED.read_text(encoding="utf-8")
    hunks = split_changes(clean(original)).hunks
    wanted = [fix for number, fix in enumerate(SEED_FIXES, start=1) if number in accepted]
    assert apply_hunks(original, hunks, accepted) == by_hand(original, wanted)


def test_a_change_of_several_tokens_is_one_hunk_and_separate_changes_two() -> None:
    changes = split_changes(clean("a calm sea, . The market , said"))
    assert [(h.old, h.new) for h in changes.hunks] == [(", ", ""), (" ", "")]
    assert [h.rules for h in changes.hunks] == [("punctuation-cluster",), ("space-before-punctuation",)]


def test_hunks_keep_line_endings_and_count_lines_in_the_original() -> None:
    original = "First line.\r\nexploitation; At the same time ,\r\nend"
    changes = split_changes(clean(original))
    assert [(h.old, h.new, h.line, h.column) for h in changes.hunks] == [
        ("At", "at", 2, 15),
        (" ", "", 2, 31),
    ]
    assert (
        apply_hunks(original, changes.hunks, {2}) == "First line.\r\nexploitation; At the same time,\r\nend"
    )


def test_findings_that_changed_nothing_are_flags_with_their_spans() -> None:
    original = "They said: non era possibile. games. in a video"
    changes = split_changes(clean(original, select=["ALL"]))
    assert changes.hunks == ()
    flags = {(f.rule, original[f.start : f.end], f.safety) for f in changes.flags}
    assert ("source-phrase", "non era possibile", Safety.DISPLAY) in flags
    assert ("sentence-start-lowercase", "i", Safety.UNSAFE) in flags


def test_a_long_paragraph_with_many_changes_is_split_exactly() -> None:
    words = [f"word{n}" for n in range(20_000)]
    for n in range(0, 20_000, 250):
        words[n] += " ,"
    original = " ".join(words)
    changes = split_changes(clean(original))
    assert len(changes.hunks) == 80
    assert all((h.old, h.new) == (" ", "") for h in changes.hunks)
    assert apply_hunks(original, changes.hunks, {h.id for h in changes.hunks}) == original.replace(" ,", ",")


def test_apply_refuses_decisions_made_for_another_text() -> None:
    hunks = [Hunk(1, (Part(0, 1, "a", "A"),)), Hunk(2, (Part(1, 3, "bc", ""),))]
    with pytest.raises(ValueError, match="does not match"):
        apply_hunks("xbc", hunks, {1})
    with pytest.raises(ValueError, match="no hunk has the id 3"):
        apply_hunks("abc", hunks, {3})
    overlapping = [Hunk(1, (Part(0, 2, "ab", ""),)), Hunk(2, (Part(1, 3, "bc", ""),))]
    with pytest.raises(ValueError, match="overlaps"):
        apply_hunks("abc", overlapping, {1, 2})


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.booleans())
def test_hunks_are_disjoint_labelled_and_rebuild_the_fixed_text(text: str, unsafe: bool) -> None:
    result = clean(text, unsafe=unsafe)
    changes = split_changes(result)
    assert [hunk.id for hunk in changes.hunks] == list(range(1, len(changes.hunks) + 1))
    assert [hunk.start for hunk in changes.hunks] == sorted(hunk.start for hunk in changes.hunks)
    parts = sorted((part for hunk in changes.hunks for part in hunk.parts), key=lambda part: part.start)
    for before, after in itertools.pairwise(parts):
        assert before.end < after.start, "parts neither overlap nor touch"
    for hunk in changes.hunks:
        assert all(text[p.start : p.end] == p.old and p.old != p.new for p in hunk.parts)
        assert hunk.rules, "every change names the rules that made it"
    assert apply_hunks(text, changes.hunks, {h.id for h in changes.hunks}) == result.text
    assert apply_hunks(text, changes.hunks, set()) == text


def test_a_change_is_what_its_fix_edited_however_the_texts_align() -> None:
    # Diffed token by token this could be an insertion at the start and a deletion at the end;
    # the hunk is the mojibake fix's own edit.
    result = clean("Ã©\xa0Ã©\xa0")
    changes = split_changes(result)
    assert [(h.old, h.new, h.rules) for h in changes.hunks] == [("Ã©", "é", ("mojibake",))]
    assert apply_hunks(result.original, changes.hunks, {1}) == result.text


def test_a_quotation_is_one_change_of_two_parts_and_a_fix_inside_it_another() -> None:
    original = "He said «in the market , said» today"
    changes = split_changes(clean(original))
    assert [[(p.old, p.new) for p in h.parts] for h in changes.hunks] == [
        [("«", "“"), ("»", "”")],
        [(" ", "")],
    ]
    assert [h.rules for h in changes.hunks] == [("source-quotes",), ("space-before-punctuation",)]
    assert apply_hunks(original, changes.hunks, {1}) == "He said “in the market , said” today"
    assert apply_hunks(original, changes.hunks, {2}) == "He said «in the market, said» today"


def test_a_hunk_is_located_where_check_lists_its_finding() -> None:
    # The finding is the run of spaces (2:7); the change takes away its second space (2:8).
    result = clean("Title\nThe ma  rket is up. The glued ministersaid so.\n")
    by_rule = {f.rule: (f.line, f.column) for f in result.findings}
    hunks = split_changes(result).hunks
    assert [(h.line, h.column) for h in hunks] == [by_rule["repeated-spaces"], by_rule["glued-words"]]
    assert by_rule["repeated-spaces"] == (2, 7) and hunks[0].parts[0].start - len("Title\n") + 1 == 8
