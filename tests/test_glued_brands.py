"""Brand and product names written with an inner capital after a lowercase word ("inDrive",
"visionOS") are never split by default: at most a suggestion. Glued words of the same shape are
still split safely where the word after the capital is surely a name."""

from __future__ import annotations

import dataclasses

import pytest

from cleanup import clean, pipeline
from cleanup.model import Safety

RULE = ["glued-words"]


def glued(text: str) -> list[tuple[str, Safety, str]]:
    """The ``glued-words`` findings on ``text``: the token, the safety, the replacement."""
    return [(text[f.start : f.end], f.safety, f.replacement) for f in clean(text, select=RULE).findings]


# The report: each split as a safe fix by default.
ISSUE = (
    "Apple released visionOS. The ride-hailing firm inDrive expanded. "
    "Users of onShape, forScore, inPost and andBeyond agreed."
)


def test_the_brands_of_the_report_are_not_split_by_default() -> None:
    assert clean(ISSUE).text == ISSUE
    found = glued(ISSUE)
    assert [token for token, _, _ in found] == [
        "visionOS",
        "inDrive",
        "onShape",
        "forScore",
        "inPost",
        "andBeyond",
    ]
    assert {safety for _, safety, _ in found} == {Safety.UNSAFE}  # suggestions, with --unsafe-fixes


@pytest.mark.parametrize(
    "text",
    [
        # A short word before a common capitalised word: the shape of a brand's name.
        "the design firm inVision, the app onGuard and the delivery app goPuff",
        "the sports site theScore and the app myTaxi, the firm upGrad",
        # A common word that also names things elsewhere in the text is no evidence: "Drive" is an
        # everyday word, capitalised in names of every kind.
        "The firm inDrive grew, unlike Google Drive.",
        "the parcel lockers of inPost and the Post Office",
        # A lowercase word before an acronym: the shape of a product's name.
        "Apple's visionOS, watchOS, tvOS, macOS, iPadOS and iOS; the webOS of LG",
        # Brands after one letter or with a capitalised first part: never reported.
        "the iPhone, the eBay seller, the PlayStation, YouTube and McDonald's",
    ],
)
def test_brand_and_product_names_are_not_split_by_default(text: str) -> None:
    assert clean(text).text == text
    assert all(safety != Safety.SAFE for _, safety, _ in glued(text))


@pytest.mark.parametrize(
    ("before", "token", "replacement"),
    [
        # An artefact of the issue, as before.
        ("the ministersaid on Monday", "ministersaid", "minister said"),
        # A longer lowercase word before a capitalised one that is surely a name.
        ("the talks endedWednesday night", "endedWednesday", "ended Wednesday"),
        ("the talks heldThe day before", "heldThe", "held The"),
        # A short word before a name a list holds: a place, a day, a region, a nationality, a title.
        ("he lives inLondon now", "inLondon", "in London"),
        ("the market inChina fell", "inChina", "in China"),
        ("talks onMonday ended", "onMonday", "on Monday"),
        ("growth ofEurope slowed", "ofEurope", "of Europe"),
        ("a poll ofBritish voters", "ofBritish", "of British"),
        ("he met thePresident today", "thePresident", "the President"),
        # Before the first word of a name the next word goes on.
        ("talks with theUnited States ended", "theUnited", "the United"),
        ("he moved toLos Angeles", "toLos", "to Los"),
        # Before a word the text writes alone, capitalised, in mid-sentence.
        ("as they did atLabour's conference, which Labour won", "atLabour", "at Labour"),
    ],
)
def test_glued_words_of_the_same_shape_are_split_safely_on_evidence(
    before: str, token: str, replacement: str
) -> None:
    assert glued(before) == [(token, Safety.SAFE, replacement)]
    assert clean(before).text == before.replace(token, replacement)


@pytest.mark.parametrize(
    ("before", "token"),
    [
        # An everyday word capitalised after a lowercase word of any length: brands and names in
        # code are made so; a glued sentence start ("reportedNearly") is a suggestion too.
        ("Stay at easyHotel, owned by the group", "easyHotel"),
        ("The flaw let attackers read sessionStorage in the browser", "sessionStorage"),
        ("the bug was in readFile, the firm said", "readFile"),
        ("as Reuters reportedNearly half voted", "reportedNearly"),
        ("as officials warnedCritics say", "warnedCritics"),
        ("the vote inEngland", "inEngland"),  # no list of ours holds England: a suggestion
        ("a University ofTexas student", "ofTexas"),
        ("He said theUK would", "theUK"),  # an acronym after a lowercase word
    ],
)
def test_a_glued_name_no_evidence_shows_is_a_suggestion(before: str, token: str) -> None:
    assert [(found, safety) for found, safety, _ in glued(before)] == [(token, Safety.UNSAFE)]
    assert clean(before).text == before


def test_a_later_round_decides_again_where_a_fix_elsewhere_wrote_the_name_alone(monkeypatch) -> None:
    # The first round repairs the mojibake around "Labour" in the first paragraph, which then
    # writes "Labour" alone in mid-sentence: "atLabour", in a paragraph the edit leaves untouched
    # and too far from it for the text kept around it, is decided again in the next round and
    # split, as a round that reads the whole text splits it (tests/test_pipeline.py compares the
    # two for every rule).
    filler = "A paragraph that nothing changes, long enough to keep the next one away from the edit."
    quoted = "\u00e2\u20ac\u0153Labour\u00e2\u20ac\x9d"  # “Labour” read as Windows-1252
    text = f"It cites the {quoted} report.\n\n{filler}\n\nAs they did atLabour's conference.\n\n{filler}"
    fixed = text.replace(quoted, "“Labour”").replace("atLabour", "at Labour")
    assert clean(text).text == fixed
    steps = tuple((dataclasses.replace(step, find_in=None), ids) for step, ids in pipeline._PASS_RULES)
    monkeypatch.setattr(pipeline, "_PASS_RULES", steps)
    assert clean(text).text == fixed
