"""The shared first look (:mod:`cleanup.passes.triggers`): it only ever spares a pass that would
have found nothing, on real copy of every language and on drawn text, and it does spare them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import ALL_RULES, clean, pipeline
from cleanup.lang.profiles import profile_for
from cleanup.lang.sources import LANGUAGES
from cleanup.passes import PASSES
from cleanup.passes.triggers import Look, Trigger, look_for
from cleanup.rules import select_rules
from tests.conftest import CORPORA, ROOT, bbc_articles, ftfy_cases, shared_file, wmt_articles
from tests.test_properties import PIECES

_TRIGGERS = tuple(step.triggers for step in PASSES if step.triggers is not None)
_EVERY_RULE = frozenset(ALL_RULES)


def _typographic(text: str) -> str:
    """Curly quotes and en dashes, as edited copy has them."""
    text = re.sub(r'(^|[\s(\[])"', "\\1“", text)
    text = re.sub(r"(^|[\s(\[])'", "\\1‘", text)
    return text.replace('"', "”").replace("'", "’").replace(" - ", " – ")


def _unlooked(triggers, rules, target, house) -> Look:
    """A first look that leaves every rule live."""
    return Look([], rules)


def _cleaned(text: str, **options: object) -> tuple[str, tuple]:
    result = clean(text, **options)
    return result.text, result.findings


def _assert_same_without_the_look(monkeypatch, texts: list[str], **options: object) -> None:
    looked = [_cleaned(text, **options) for text in texts]
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "look_for", _unlooked)
        for text, found in zip(texts, looked, strict=True):
            assert _cleaned(text, **options) == found, text[:300]


def _chunks(lines: Iterator[str], size: int) -> list[str]:
    """Lines joined into documents of ``size`` lines each."""
    lines = iter(lines)
    return ["\n".join(chunk) for chunk in iter(lambda: list(islice(lines, size)), [])]


def test_every_trigger_compiles_for_every_language_and_gates_only_its_pass_rules() -> None:
    pass_rules = {rule.id for step in PASSES if step.triggers for rule in step.rules}
    for target in LANGUAGES:
        look = look_for(_TRIGGERS, _EVERY_RULE, target, ())
        assert look.always >= _EVERY_RULE - pass_rules
        for step in PASSES:
            if step.triggers is not None:
                for trigger in step.triggers(profile_for(target)):
                    assert set(trigger.rules) <= step.rule_ids, trigger


def test_clean_copy_spares_the_passes_it_does_not_need() -> None:
    look = look_for(_TRIGGERS, select_rules(), "en", ())
    live = look.live("The minister said on Monday that the talks, which began in May, would go on.")
    for rule in ("repeated-spaces", "space-before-punctuation", "space-after-bracket"):
        assert rule not in live
    assert "repeated-spaces" in look.live("the  new government")
    assert "space-before-punctuation" in look.live("the market , followed")


def test_a_rule_no_trigger_names_is_always_live() -> None:
    look = Look([Trigger((b"  ",), ("repeated-spaces",))], frozenset({"repeated-spaces", "mojibake"}))
    assert look.live("plain") == {"mojibake"}
    assert look.live("") == {"mojibake"}
    assert look.live("two  spaces") == {"mojibake", "repeated-spaces"}


def test_an_edit_far_into_a_long_text_makes_a_later_pass_rule_live(monkeypatch) -> None:
    # The look is taken again around the encoding pass's repair only; the Cyrillic it makes
    # gives the leftovers pass its foreign-script rule, in the same round.
    mojibake = "Привет".encode().decode("windows-1252")
    text = "A plain paragraph of news.\n\n" * 300 + f"The channel {mojibake} said."
    result = clean(text)
    assert result.text.endswith("The channel Привет said.")
    assert [f.rule for f in result.findings] == ["foreign-script", "mojibake"]
    _assert_same_without_the_look(monkeypatch, [text])


def test_a_long_text_is_looked_at_block_by_block_to_its_end(monkeypatch) -> None:
    # Marks at every byte make the punctuation rules live in the first block; the rest is read
    # for the other rules' sequences only, and the Cyrillic at the end is found.
    marks = ". , ; : .. ,, ( [ ) ] ' ’ “ ” … " * 20_000
    look = look_for(_TRIGGERS, select_rules(), "en", ())
    assert "foreign-script" not in look.live(marks)
    assert "foreign-script" in look.live(marks + " Россия")
    articles = [text for _, text in bbc_articles()]
    long_texts = ["\n\n".join(articles[:200]), marks[:200_000] + " the  market , said Россия"]
    _assert_same_without_the_look(monkeypatch, long_texts, unsafe=True)


def test_threads_share_a_look(monkeypatch) -> None:
    look = Look([Trigger((b"  ",), ("repeated-spaces",)), Trigger((b"&",), ("html-entity",))], _EVERY_RULE)
    texts = ["a  b", "a & b", "a b", "a  &b"] * 200
    expected = [look.live(text) for text in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(look.live, texts)) == expected


@pytest.mark.parametrize("typographic", [False, True], ids=["as-is", "typographic"])
def test_bbc_news_cleans_the_same_without_the_look(monkeypatch, typographic: bool) -> None:
    texts = [text for _, text in bbc_articles()]
    if typographic:
        texts = [_typographic(text) for text in texts]
    _assert_same_without_the_look(monkeypatch, texts)
    _assert_same_without_the_look(monkeypatch, texts[:300], unsafe=True)


def test_wmt_news_and_real_mt_clean_the_same_without_the_look(monkeypatch) -> None:
    texts = [text for _, text in wmt_articles()]
    path = shared_file(CORPORA / "wmt21-de-en-mt" / "newstest2021.de-en.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for system in sorted(records[0]["hyps"]):
        texts += _chunks((record["hyps"][system] for record in records), 25)
    _assert_same_without_the_look(monkeypatch, texts, unsafe=True)


@pytest.mark.parametrize(
    ("column", "target"), [("deu", "de"), ("fra", "fr"), ("ita", "it"), ("por", "pt"), ("spa", "es")]
)
def test_copy_of_every_language_cleans_the_same_without_the_look(
    monkeypatch, column: str, target: str
) -> None:
    path = shared_file(CORPORA / "multilingual-news-sentences" / "flores200-devtest.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = _chunks((record[column] for record in records if record.get(column)), 20)
    _assert_same_without_the_look(monkeypatch, texts, target=target, unsafe=True)
    english = _chunks((record[column] for record in records[:400] if record.get(column)), 5)
    _assert_same_without_the_look(monkeypatch, english, unsafe=True)


def test_mojibake_cases_clean_the_same_without_the_look(monkeypatch) -> None:
    cases = [case for name in ("in-the-wild", "synthetic", "negative") for case in ftfy_cases(name)]
    texts = [case["original"] for case in cases if "original" in case]
    assert texts
    _assert_same_without_the_look(monkeypatch, texts, unsafe=True)


def test_rule_examples_and_fixtures_clean_the_same_without_the_look(monkeypatch) -> None:
    for rule in ALL_RULES.values():
        for example in rule.examples:
            _assert_same_without_the_look(monkeypatch, [example.before], target=example.target, unsafe=True)
    fixtures = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((ROOT / "fixtures").glob("*/*"))
        if ".expected." not in path.name
    ]
    assert fixtures
    _assert_same_without_the_look(monkeypatch, fixtures, unsafe=True)


# What the passes' triggers look for, beside the pieces of the property tests: marks of other
# conventions, numbers, signs, spaces of every kind, other scripts.
_MORE_PIECES = st.sampled_from(
    [
        "«", "»", "‹", "›", "„", "‚", "‘", "–", "—", "%", "€", "£", "$", "EUR", "1,5", "40,5",
        "464.000", "1.000.000", "1,000", "6,75bn", " %", "\u202f", "\u2009", "\u00a0:", " ;", " !",
        "Ж", "Москва", "北京", "ελλάδα", "’ s", "' s", "do n't", "; At", ": The", ". the", "According",
        "monday", "january", "Lunedì", "français", "ministersaid", "2023.The", "reportedNearly",
        "dell’", "l'", "d’", "&nbsp;", "& amp;", "&#x27;", "Ã3", "Ã¼", "\x1b[31m", "\u200b", "\u0085",
    ]
)  # fmt: skip
_DRAWN = st.lists(st.one_of(PIECES, _MORE_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_DRAWN, st.sampled_from(sorted(LANGUAGES)), st.booleans())
def test_drawn_text_cleans_the_same_without_the_look(text: str, target: str, unsafe: bool) -> None:
    looked = _cleaned(text, target=target, unsafe=unsafe)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(pipeline, "look_for", _unlooked)
        assert _cleaned(text, target=target, unsafe=unsafe) == looked
