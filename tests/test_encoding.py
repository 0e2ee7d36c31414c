"""Encoding repairs through ftfy, configured for publishable copy."""

from __future__ import annotations

import pytest

from cleanup import clean
from tests.conftest import ftfy_cases

FAMILY = ["encoding"]


@pytest.mark.parametrize(
    ("before", "after", "rule"),
    [
        ("Khameneiâ€™s words", "Khamenei’s words", "mojibake"),
        ("the café rÃ©gime", "the café régime", "mojibake"),
        ("AT&amp;T said", "AT&T said", "html-entity"),
        ("the\x07 summit", "the summit", "control-character"),
        ("a stray\ufeffmark", "a straymark", "control-character"),
    ],
)
def test_repaired(before: str, after: str, rule: str) -> None:
    result = clean(before, select=FAMILY)
    assert result.text == after
    assert {f.rule for f in result.findings} == {rule}
    if rule == "mojibake":
        assert all("(ftfy: " in f.message for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "“Curly quotes”, ‘single’ ones, an ellipsis… and – dashes — stay.",
        "No\u00a0break spaces and the ﬁ ligature stay; so do ＦＵＬＬ width letters.",
        "Decomposed e\u0301 stays decomposed.",
        "Line one\r\nline two\rline three\n",
        "Crème brûlée in Zürich, São Paulo and Kraków.",
    ],
)
def test_publishable_copy_is_kept(text: str) -> None:
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert result.findings == ()


def test_entities_stay_in_html() -> None:
    text = "<p>AT&amp;T</p>"
    assert clean(text, select=FAMILY).text == text


def test_each_repaired_word_is_its_own_finding() -> None:
    result = clean("communiqu&#233; and later communiqu&#233; again", select=FAMILY)
    assert result.text == "communiqué and later communiqué again"
    assert [(f.column, f.replacement) for f in result.findings] == [(1, "communiqué"), (27, "communiqué")]
    assert result.findings[0].message == "HTML entities decoded in 'communiqu&#233;'"


def test_entity_that_hides_a_lost_apostrophe_is_only_reported() -> None:
    text = "Mr Blair&#191;s government"
    result = clean(text, select=FAMILY)
    assert result.text == text
    assert [f.safety for f in result.findings] == ["display"]


def _straight(text: str) -> str:
    return text.translate(str.maketrans("“”‘’", "\"\"''"))


def _meets_expectation(case: dict[str, str], got: str) -> bool:
    """``fixed-encoding`` when the case has it, else ``fixed`` with the curliness of quotes ignored
    (ftfy's ``fixed`` straightens quotes, which this project keeps)."""
    if "fixed-encoding" in case:
        return got == case["fixed-encoding"]
    return _straight(got) == _straight(case["fixed"])


def test_manual_line_break_from_a_word_processor_is_only_reported() -> None:
    text = "line one\x0bline two"
    result = clean(text)
    assert result.text == text
    assert [(f.rule, f.safety) for f in result.findings] == [("control-character", "display")]


def test_ftfy_negative_cases_are_left_alone() -> None:
    cases = ftfy_cases("negative")
    for case in cases:
        assert _meets_expectation(case, clean(case["original"]).text), case["label"]
    untouched = [case for case in cases if _meets_expectation(case, case["original"])]
    assert len(untouched) == len(cases) - 1  # the one "mostly negative" case repairs a C1 control


def test_ftfy_in_the_wild_cases_are_repaired() -> None:
    for case in ftfy_cases("in-the-wild"):
        got = clean(case["original"], select=FAMILY).text
        if "&" in case["original"] and got == case["fixed"]:
            # fixed-encoding is ftfy.fix_encoding alone, which leaves HTML entities;
            # decoding them in plain text is this project's html-entity rule.
            continue
        assert _meets_expectation(case, got), case["label"]
