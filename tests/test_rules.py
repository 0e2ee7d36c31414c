"""Every rule is documented in the GUIDE's format, and its examples hold."""

from __future__ import annotations

import re

import pytest

from cleanup import ALL_RULES, GlossaryEntry, Safety, clean
from cleanup.model import Rule
from cleanup.rules import (
    DEFAULT_RULES,
    FAMILIES,
    PREVIEW_RULES,
    PreviewRuleError,
    UnknownRuleError,
    select_rules,
)

# The glossary the glossary-term rule's documented example assumes.
GLOSSARY = (GlossaryEntry("Casa Bianca", "White House", Safety.SAFE),)
EXAMPLES = [
    pytest.param(rule.id, example, id=f"{rule.id}:{example.before[:30]}")
    for rule in ALL_RULES.values()
    for example in rule.examples
]


@pytest.mark.parametrize(("rule_id", "example"), EXAMPLES)
def test_documented_example(rule_id: str, example) -> None:
    cleaned = clean(
        example.before,
        select=[rule_id],
        unsafe=True,
        glossary=GLOSSARY,
        target=example.target,
        format=example.format,
    )
    assert cleaned.text == example.after


@pytest.mark.parametrize("rule", ALL_RULES.values(), ids=lambda rule: rule.id)
def test_rule_is_documented_and_shows_a_change(rule) -> None:
    assert rule.summary and rule.why and rule.fix_safety
    # A rule that only reports shows its finding; one that fixes shows a change.
    if all(example.before == example.after for example in rule.examples):
        assert all(
            clean(ex.before, select=[rule.id], glossary=GLOSSARY, target=ex.target, format=ex.format).findings
            for ex in rule.examples
        )
    else:
        assert any(example.before != example.after for example in rule.examples)
    text = rule.explain()
    for heading in ("What it fixes", "Why", "Example", "Fix safety"):
        assert f"\n{heading}\n" in text


def test_rule_ids_are_kebab_case_and_unique() -> None:
    ids = [rule_id for family in FAMILIES.values() for rule_id in family]
    assert len(ids) == len(set(ids)) == len(ALL_RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", rule_id) for rule_id in ids)


def test_select_by_family_and_ignore_by_id() -> None:
    assert select_rules(select=["spacing"], ignore=["repeated-spaces"]) == {
        "space-before-punctuation",
        "space-after-bracket",
    }
    english = {rule_id for rule_id, rule in ALL_RULES.items() if rule.serves("en")}
    assert select_rules(select=["ALL"], preview=True) == english
    assert "high-punctuation-space" in select_rules(select=["ALL"], target="fr")


def test_unknown_selector_is_refused() -> None:
    with pytest.raises(UnknownRuleError, match="no-such-rule"):
        select_rules(select=["no-such-rule"])


def test_ignored_rule_changes_nothing() -> None:
    text = "exploitation; At the same time"
    assert clean(text, ignore=["semicolon-capital"]).text == text
    assert clean(text, ignore=["casing"]).findings == ()


@pytest.mark.parametrize("rule", ALL_RULES.values(), ids=lambda rule: rule.id)
def test_every_rule_says_its_safety_and_its_examples_keep_to_it(rule: Rule) -> None:
    assert rule.safeties <= set(Safety)
    for example in rule.examples:
        found = clean(
            example.before, select=[rule.id], glossary=GLOSSARY, target=example.target, format=example.format
        ).findings
        assert {f.safety for f in found if f.rule == rule.id} <= rule.safeties
    assert f"({rule.family}, {rule.safety}" in rule.explain()


def test_a_rule_with_an_unknown_safety_is_refused() -> None:
    with pytest.raises(ValueError, match="not safe, unsafe or display"):
        Rule("r", "f", "s", "w", (), "x", "safe / sure")


def test_preview_is_ruffs_all_and_families_take_stable_rules_only() -> None:
    # Issue 12, item 1: a preview rule runs only with --preview.
    assert "colon-capital" in PREVIEW_RULES
    stable_english = {rule_id for rule_id in DEFAULT_RULES if ALL_RULES[rule_id].serves("en")}
    assert select_rules(preview=False) == select_rules() == stable_english
    assert select_rules(select=["ALL"], preview=False) == stable_english
    assert select_rules(select=["casing"], preview=False) == {"semicolon-capital", "sentence-start-lowercase"}
    assert "colon-capital" in select_rules(select=["casing"], preview=True)
    assert PREVIEW_RULES & select_rules(preview=True) == {
        rule_id for rule_id in PREVIEW_RULES if ALL_RULES[rule_id].serves("en")
    }
    assert "colon-capital" not in select_rules(preview=True, ignore=["casing"])


def test_naming_a_preview_rule_without_preview_names_the_flag() -> None:
    with pytest.raises(PreviewRuleError, match=r"^colon-capital is a preview rule: add --preview to run it$"):
        select_rules(select=["spacing", "colon-capital"], preview=False)
    assert select_rules(select=["colon-capital"], preview=True) == {"colon-capital"}
    # Ignoring one needs no flag.
    assert "colon-capital" not in select_rules(ignore=["colon-capital"], preview=False)


def test_the_python_api_runs_the_preview_rules_it_names() -> None:
    text = "The reason is simple: The plant was closed."
    assert clean(text, unsafe=True).text == text
    for select in (["colon-capital"], ["casing"], ["ALL"]):
        assert clean(text, select=select, unsafe=True).text == "The reason is simple: the plant was closed."
