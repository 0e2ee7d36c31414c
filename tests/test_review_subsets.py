"""Any subset of a result's changes gives a whole text: the property the review and apply rely on.

Texts are drawn from artefacts of every rule (mojibake, entities, escapes and control characters,
quotation pairs of every convention, punctuation clusters, spacing, casing, elided articles,
number conventions, glued words, lowercase names, leftovers), with line breaks and words between,
so that hunks hold line breaks, entities, escapes and pairs. For every subset of accepted changes
(a sample when there are many): the lines are the original's, every character outside the
accepted changes is the original's, accepting all gives ``fix``, rejecting all gives the original,
and a quotation's two marks are never split.
"""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.review.hunks import Changes, Hunk, apply_hunks, split_changes

ARTEFACTS = [
    *("MÃ¼nchen", "Khameneiâ€™s", "Ã©", "&amp;", "&#8220;x&#8221;", "&nbsp;", "&amp;amp;"),
    *("\x1b[31mred\x1b[0m", "\x07", "\u200b"),
    *("«a disgrace»", "« x »", "„Tag“", "‹x›", "»Das Boot«", "«no, «never» again»", "«in the market , said»"),
    *("al-Assad). , but", "sea, . The", ",,", "..", " ,", "( x )", "  "),
    *("; At the same time", ". in a video", ": The plant"),
    *("[l’Iran]", "76 %", "Putin' s", "do n't", "6,75bn", "464.000", "50 €"),
    *("the ministersaid", "in november", "the german squad", "gli Stati Uniti", "della Repubblica italiana"),
]
WORDS = ["the", "At", "Iran", "games", "said", "e.g.", "it", "“ok”", "'s", ":-(", ": D"]
BREAKS = [" ", " ", " ", "\n", "\r\n", "\n\n", "\t"]
TEXTS = st.lists(st.sampled_from(ARTEFACTS + WORDS) | st.sampled_from(BREAKS), min_size=1, max_size=30).map(
    "".join
)
SETTINGS = st.sampled_from([{}, {"unsafe": True}, {"select": ["ALL"]}, {"select": ["ALL"], "unsafe": True}])


def subsets(hunks: tuple[Hunk, ...], seed: str) -> list[set[int]]:
    """Every subset of the hunk ids when there are few, else a fixed sample with the extremes."""
    ids = [hunk.id for hunk in hunks]
    if len(ids) <= 5:
        return [set(c) for n in range(len(ids) + 1) for c in itertools.combinations(ids, n)]
    chooser = random.Random(seed)
    sample = [{i for i in ids if chooser.random() < 0.5} for _ in range(30)]
    return [set(), set(ids), *sample]


def line_count(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def check_subset(changes: Changes, accepted: set[int]) -> str:
    """Apply ``accepted`` and check the result against the original, part by part."""
    original = changes.original
    result = apply_hunks(original, changes.hunks, accepted)
    assert line_count(result) == line_count(original)
    parts = sorted(((p, h.id in accepted) for h in changes.hunks for p in h.parts), key=lambda e: e[0].start)
    shift = position = 0
    for part, taken in parts:
        # Every character between changes is the original's, at its shifted place.
        assert result[position + shift : part.start + shift] == original[position : part.start]
        shown = part.new if taken else part.old
        assert result[part.start + shift : part.start + shift + len(shown)] == shown
        shift += len(shown) - len(part.old)
        position = part.end
    assert result[position + shift :] == original[position:]
    return result


def check_pairs(changes: Changes) -> None:
    """A quotation's opening and closing marks belong to one change, accepted or rejected whole."""
    for hunk in changes.hunks:
        for finding in hunk.findings:
            if finding.rule == "source-quotes":
                for mark in (finding.start, finding.end - 1):
                    holding = [h for h in changes.hunks if any(p.start <= mark < p.end for p in h.parts)]
                    assert holding == [hunk], "both marks belong to the one change"


@settings(max_examples=400, deadline=None)
@given(TEXTS, SETTINGS)
def test_every_subset_of_changes_gives_a_whole_text(text: str, options: dict) -> None:
    result = clean(text, **options)
    assert line_count(result.text) == line_count(text), "no fix adds or removes a line"
    changes = split_changes(result)
    check_pairs(changes)
    for accepted in subsets(changes.hunks, text):
        check_subset(changes, accepted)
    everything = {hunk.id for hunk in changes.hunks}
    assert apply_hunks(text, changes.hunks, everything) == result.text
    assert apply_hunks(text, changes.hunks, set()) == text


def test_the_issue_examples_never_duplicate_or_delete_a_line() -> None:
    for text in (
        "It was « a disgrace »\nMÃ¼nchen ",
        "and &#8220;x&#8221; and &nbsp;here.\nControl:\x1b[31mred\x1b[0m and more.",
    ):
        changes = split_changes(clean(text))
        for accepted in subsets(changes.hunks, text):
            check_subset(changes, accepted)


def test_a_quotation_is_accepted_whole() -> None:
    text = "It was « a disgrace »\nMÃ¼nchen "
    changes = split_changes(clean(text))
    quotation = next(h for h in changes.hunks if h.rules == ("source-quotes",))
    assert [(p.old, p.new) for p in quotation.parts] == [("« ", "“"), (" »", "”")]
    assert apply_hunks(text, changes.hunks, {quotation.id}) == "It was “a disgrace”\nMÃ¼nchen "
