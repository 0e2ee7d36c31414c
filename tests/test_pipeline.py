"""The pipeline: safety levels, overlapping fixes, positions in the original."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean, pipeline
from cleanup.lang import nouns
from cleanup.model import Finding, Safety
from cleanup.offsets import EditMap, LineIndex
from cleanup.passes import Context, wordlook
from cleanup.passes.conventions.capitals import NAMES
from cleanup.passes.conventions.glued import lexicon, shape
from cleanup.passes.leftovers.openings import FIRST_LOOK
from cleanup.passes.triggers import Look
from cleanup.pipeline import _choose_fixes, warm_up
from cleanup.rules import select_rules


def test_unsafe_fixes_apply_only_on_request() -> None:
    text = "violent games. in a video"
    assert clean(text).text == text
    assert clean(text, unsafe=True).text == "violent games. In a video"


def test_overlapping_fix_is_kept_first_and_the_other_reported() -> None:
    first = Finding("a", "first", 2, 6, "x", Safety.SAFE)
    second = Finding("b", "second", 4, 8, "y", Safety.SAFE)
    display = Finding("c", "look", 9, 10, None, Safety.DISPLAY)
    marked = _choose_fixes([first, second, display], unsafe=False)
    assert [f.applied for f in marked] == [True, False, False]


def test_positions_after_earlier_edits_point_into_the_original() -> None:
    text = "Khameneiâ€™s talks ,\r\nthen; At last"
    result = clean(text)
    assert result.text == "Khamenei’s talks,\r\nthen; at last"
    by_rule = {f.rule: f for f in result.findings}
    space = by_rule["space-before-punctuation"]
    assert text[space.start : space.end] == " "
    assert (space.line, space.column) == (1, 19)
    capital = by_rule["semicolon-capital"]
    assert text[capital.start : capital.end] == "A"
    assert (capital.line, capital.column) == (2, 7)


def test_edit_map_inside_and_after_a_replacement() -> None:
    edits = EditMap([(2, 5, 1), (8, 8, 2)])  # "abCDEfghij" -> "abXfghYYij"
    assert edits.to_old(1, end=False) == 1
    assert edits.to_old(2, end=False) == 2 and edits.to_old(3, end=True) == 5
    assert edits.to_old(5, end=False) == 7
    assert edits.to_old(6, end=False) == 8 and edits.to_old(7, end=True) == 8
    assert edits.to_old(8, end=False) == 8 and edits.to_old(9, end=False) == 9


def test_line_index_counts_every_newline_style() -> None:
    lines = LineIndex("a\r\nb\rc\nd")
    assert [lines.locate(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]


class _SmallBlocks(LineIndex):
    _BLOCK = 5  # blocks end between a CR and an LF, and inside lines


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\r\n", max_size=80))
def test_line_index_read_a_block_at_a_time_counts_as_the_lines_say(text: str) -> None:
    lines = _SmallBlocks(text)
    starts = [0]
    for number, character in enumerate(text):
        if character == "\n" or (character == "\r" and text[number + 1 : number + 2] != "\n"):
            starts.append(number + 1)
    for offset in range(len(text) + 1):
        line = max(index for index, start in enumerate(starts) if start <= offset)
        assert lines.locate(offset) == (line + 1, offset - starts[line] + 1)


def test_result_diff_is_empty_when_nothing_changes() -> None:
    assert clean("Nothing to do here.").unified_diff() == ""


def test_a_pass_that_cannot_fix_runs_once_and_one_that_can_runs_again(monkeypatch) -> None:
    from cleanup import pipeline
    from cleanup.passes import Context
    from cleanup.rules import select_rules

    calls: list[str] = []
    steps = []
    for step, rule_ids in pipeline._PASS_RULES:

        def counted(text, ctx, step=step):
            calls.append(step.name)
            return step.find(text, ctx)

        steps.append((type(step)(step.name, step.rules, counted, step.fixes), rule_ids))
    monkeypatch.setattr(pipeline, "_PASS_RULES", tuple(steps))
    text = "al-Assad). , but the minister said non era possibile"  # a fix, so a second round
    context = Context(select_rules(["punctuation", "leftovers"]))
    result = pipeline.run(text, context)
    assert result.text == "al-Assad), but the minister said non era possibile"
    assert calls.count("punctuation") == 1  # the first look of the second round finds no two marks
    calls.clear()
    _every_rule_live(monkeypatch)
    result = pipeline.run(text, context)
    assert calls.count("punctuation") == 2  # it fixed, so it looks again
    assert calls.count("leftovers") == 1  # it reports only, without a glossary or unsafe fixes
    calls.clear()
    pipeline.run(text, context, unsafe=True)  # now it may rename a place: it looks again
    assert calls.count("leftovers") == 2
    assert [f.rule for f in result.findings] == ["punctuation-cluster", "source-phrase"]


def test_a_fix_inside_a_converted_quotation_keeps_its_own_place() -> None:
    text = "He said «in the market , said; At once» today"
    result = clean(text)
    assert result.text == "He said “in the market, said; at once” today"
    by_rule = {f.rule: f for f in result.findings}
    assert (by_rule["source-quotes"].line, by_rule["source-quotes"].column) == (1, 9)
    capital = by_rule["semicolon-capital"]
    assert text[capital.start : capital.end] == "A" and (capital.line, capital.column) == (1, 32)
    space = by_rule["space-before-punctuation"]
    assert text[space.start : space.end] == " " and (space.line, space.column) == (1, 23)


def test_a_fix_deferred_by_an_overlap_is_reported_once() -> None:
    result = clean("He said «76 % of them» today")
    assert result.text == "He said “76% of them” today"
    assert [(f.rule, f.applied) for f in result.findings] == [
        ("source-quotes", True),
        ("percent-space", True),
    ]


def test_a_multi_edit_fix_is_applied_whole_or_not_at_all() -> None:
    pair = Finding("q", "pair", 0, 7, "“abc”", Safety.SAFE, edits=((0, 1, "“"), (6, 7, "”")))
    inside = Finding("s", "inside", 2, 3, "", Safety.SAFE)
    crossing = Finding("c", "crossing", 5, 7, "x", Safety.SAFE)
    marked = _choose_fixes([pair, inside, crossing], unsafe=False)
    assert [f.applied for f in marked] == [True, True, False]


def test_warm_up_builds_the_word_lists_workers_will_share(monkeypatch) -> None:
    monkeypatch.setattr(wordlook, "_BUILT", {})
    monkeypatch.setattr(wordlook, "_FOR_RULES", {})
    nouns._lexicon.cache_clear()
    lexicon.vocabulary.cache_clear()
    warm_up(Context(select_rules(["ALL"])))
    looks = [look for (target, _), look in wordlook._BUILT.items() if target == "en"]
    assert any({NAMES, *FIRST_LOOK} <= set(look.lists) for look in looks), "one look for both"
    assert nouns._lexicon.cache_info().currsize == 1, "the German nouns"
    assert lexicon.vocabulary("en")._rare is not None, "glued-words' large list"


def _every_rule_live(monkeypatch) -> None:
    """No first look: every pass runs in every round, as the tests of rounds want."""
    monkeypatch.setattr(pipeline, "look_for", lambda triggers, rules, target, house: Look([], rules))


def test_later_rounds_run_local_passes_only_on_the_paragraphs_changed(monkeypatch) -> None:
    _every_rule_live(monkeypatch)
    seen: list[str] = []
    steps = []
    for step, ids in pipeline._PASS_RULES:
        if step.name == "spacing":
            original = step.find
            step = dataclasses.replace(
                step, find=lambda text, ctx, find=original: seen.append(text) or find(text, ctx)
            )
        steps.append((step, ids))
    monkeypatch.setattr(pipeline, "_PASS_RULES", tuple(steps))
    text = "A first paragraph, untouched.\n\nthe market , said.\n\nA last one, untouched too."
    result = pipeline.run(text, Context(select_rules()))
    assert result.text == text.replace(" ,", ",")
    assert seen == [text, "the market, said."], "the whole text first, then the changed paragraph"


def _whole_text_rounds(monkeypatch) -> None:
    """The chain as it was before scopes: every later round reads the whole text again."""
    steps = tuple((dataclasses.replace(step, find_in=None), ids) for step, ids in pipeline._PASS_RULES)
    monkeypatch.setattr(pipeline, "_PASS_RULES", steps)


# Paragraphs in which a later round has work: glued tokens, some twice in a text, beside the
# artefacts other rules fix in the first round (a space before a mark, a capital after a
# semicolon, mojibake, an entity), which change the text around them and the tokens' counts.
PARAGRAPHS = [
    "The ministersaid , then left.",
    "The ministersaid nothing.",
    "Talks went on; Ministersaid the aide",
    "Sources said the talks endedafter midnight .",
    "The talks endedafter dawn.",
    "Khameneiâ€™s office said the ministersaidâ€™s words stand.",
    "An ordinary paragraph, which nothing changes.",
    "the ministersaid &amp;amp; the aide agreed",
    "In Romethe day before , he said.",
    "He arrived in 2023.The vote came later .",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=8), st.booleans())
def test_a_later_round_told_what_changed_fixes_what_the_whole_text_would(
    paragraphs: list[str], unsafe: bool
) -> None:
    text = "\n\n".join(paragraphs)
    scoped = pipeline.run(text, Context(select_rules()), unsafe=unsafe)
    with pytest.MonkeyPatch.context() as patch:
        _whole_text_rounds(patch)
        whole = pipeline.run(text, Context(select_rules()), unsafe=unsafe)
    assert (scoped.text, scoped.findings) == (whole.text, whole.findings)


def test_a_later_round_decides_again_a_token_whose_other_occurrence_an_edit_took(monkeypatch) -> None:
    # "endedafter" twice: neither is split (a token used twice is a word). A fix of a pass after
    # the conventions takes one occurrence away; a second round over the whole text splits the
    # other, so the scoped round must decide it again, though its paragraph did not change.
    _every_rule_live(monkeypatch)
    steps = []
    for step, ids in pipeline._PASS_RULES:
        if step.name == "casing":
            original = step.find

            def find(text, ctx, original=original):
                found = list(original(text, ctx))
                place = text.find("talks endedafter.")
                if place >= 0:  # a fix that changes the token: "endedafter" becomes "endedafterx"
                    end = place + len("talks endedafter")
                    found.append(Finding("semicolon-capital", "m", end, end, "x", Safety.SAFE))
                return found

            step = dataclasses.replace(step, find=find)
        steps.append((step, ids))
    monkeypatch.setattr(pipeline, "_PASS_RULES", tuple(steps))
    text = "The talks endedafter.\n\n" + "An untouched paragraph.\n\n" * 3 + "Then the talks endedafter dawn."
    result = pipeline.run(text, Context(select_rules()))
    assert "endedafterx." in result.text
    assert "talks ended after dawn" in result.text


def test_a_scope_keeps_every_token_glued_words_reads() -> None:
    from cleanup.passes.base import SCOPE_MARGIN

    assert 2 * shape.LONGEST < SCOPE_MARGIN
