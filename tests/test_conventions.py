"""Quotes, numbers and spacing of the target language's profile: per rule, positives, negatives,
and a target other than English."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup.cli import main
from cleanup.lang.profiles import NARROW_NBSP, NBSP
from tests.conftest import bbc_articles, wmt_articles


def fixed(text: str, rule: str, **options: object) -> str:
    return clean(text, select=[rule], **options).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He called it «a disgrace» and left.", "He called it “a disgrace” and left."),
        ("He called it « a disgrace » and left.", "He called it “a disgrace” and left."),
        ("the „Bundestag“ and ‹inner› marks", "the “Bundestag” and ‘inner’ marks"),
        # The document writes straight quotes elsewhere: the pair follows it.
        ('He said "no" and called it «a disgrace».', 'He said "no" and called it "a disgrace".'),
        # Curly quotes elsewhere win over none.
        ("He said “no” and «yes».", "He said “no” and “yes”."),
    ],
)
def test_source_quotes_become_the_documents_own(text: str, expected: str) -> None:
    assert fixed(text, "source-quotes") == expected


@pytest.mark.parametrize(
    "text",
    ["an unmatched « mark stays", "a pair split «across\nlines» stays"],
)
def test_unpaired_or_split_quotes_are_left(text: str) -> None:
    assert fixed(text, "source-quotes") == text


def test_quotes_follow_the_target_profile() -> None:
    assert fixed("Il a dit „non“.", "source-quotes", target="fr") == f"Il a dit «{NBSP}non{NBSP}»."
    assert fixed("Er sagte «nein».", "source-quotes", target="de") == "Er sagte „nein“."
    # Guillemets are the copy's own in French, German quotes in German: left alone.
    assert fixed("Il a dit «non».", "source-quotes", target="fr") == "Il a dit «non»."
    assert fixed("Er sagte „nein“.", "source-quotes", target="de") == "Er sagte „nein“."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a deficit of 6,75bn", "a deficit of 6.75bn"),
        ("40,5 billion euros", "40.5 billion euros"),
        ("unemployment of 9,5%", "unemployment of 9.5%"),
        ("it has 464.000 subscribers", "it has 464,000 subscribers"),
        ("a fine of 1.250.000 pounds", "a fine of 1,250,000 pounds"),
    ],
)
def test_source_number_symbols_are_unsafe_fixes(text: str, expected: str) -> None:
    rules = ["decimal-separator", "thousands-separator"]
    assert clean(text, select=rules).text == text
    assert clean(text, select=rules, unsafe=True).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "the meeting at 10,30 ended",  # no amount word: maybe a time
        "scores of 2,1 and 3,0 in the group",
        "rows 1,2,3 and 7,8,9 million",  # lists of numbers
        "Windows 2.0 and version 1.000.1",
        "the IP address 192.168.1.1",
        "on 12.05.2003 it rained",
        "4.464 million people and $1.364 per euro",  # three decimals, not thousands
        "it had 464,000 subscribers and 6.75bn",  # already in the copy's style
        "He won in 2:05.300 ahead of Smith",  # a time
        "under section 4.100 of the act, subsection 3.100, paragraph 1.200, Art. 1.100 and § 2.300",
        "the file n 05.220",  # a leading zero: no quantity
    ],
)
def test_numbers_that_are_not_the_artefact_are_left(text: str) -> None:
    assert clean(text, select=["conventions"], unsafe=True).text == text


def test_number_symbols_follow_the_target_profile() -> None:
    rules = ["decimal-separator", "thousands-separator"]
    french = clean("un déficit de 6.75 milliards et 464.000 abonnés", select=rules, target="fr", unsafe=True)
    assert french.text == f"un déficit de 6,75 milliards et 464{NARROW_NBSP}000 abonnés"
    german = clean(
        "ein Defizit von 6.75 Milliarden und 1,000,000 Abonnenten", select=rules, target="de", unsafe=True
    )
    assert german.text == "ein Defizit von 6,75 Milliarden und 1.000.000 Abonnenten"
    # "464.000" is German's own grouping; "464,000" in German copy may be a decimal: both left.
    assert clean("464.000 und 464,000", select=rules, target="de", unsafe=True).text == "464.000 und 464,000"


def test_percent_spacing_per_target() -> None:
    assert (
        fixed("turnout was 76 % and 12\u00a0% elsewhere", "percent-space")
        == "turnout was 76% and 12% elsewhere"
    )
    assert fixed("le taux est de 76%", "percent-space", target="fr") == "le taux est de 76%"  # unsafe there
    assert (
        fixed("le taux est de 76%", "percent-space", target="fr", unsafe=True) == f"le taux est de 76{NBSP}%"
    )
    assert fixed("76%", "percent-space", target="it", unsafe=True) == "76%"  # Italian writes it glued


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin' s party", "Putin's party"),
        ("the year 's end.", "the year's end."),
        ("they do n't know and we ca n't", "they don't know and we can't"),
        ("I 'm sure they 're here", "I'm sure they're here"),
    ],
)
def test_split_clitics_are_joined(text: str, expected: str) -> None:
    assert fixed(text, "apostrophe-space") == expected


@pytest.mark.parametrize(
    "text",
    ["the 's' key", "press 'd' then", "rock 'n' roll", "the 1960 's'", "she said 'so what'"],
)
def test_quoted_letters_and_quotations_are_not_clitics(text: str) -> None:
    assert fixed(text, "apostrophe-space") == text


def test_french_high_punctuation_spacing() -> None:
    rule = "high-punctuation-space"
    assert fixed("Il a dit: non! Pourquoi?", rule, target="fr") == (
        f"Il a dit{NBSP}: non{NARROW_NBSP}! Pourquoi{NARROW_NBSP}?"
    )
    assert fixed("« Non », dit-il", rule, target="fr") == f"«{NBSP}Non{NBSP}», dit-il"
    for kept in ("à 10:30, score 2:1", "voir https://exemple.fr/a?b=1", "vraiment ?!", "déjà fait\u202f!"):
        assert fixed(kept, rule, target="fr") == kept
    # A name that ends in its own mark keeps it glued; the mark after the sentence is spaced.
    assert fixed("Le rachat de Yahoo! par Verizon, quel échec!", rule, target="fr") == (
        f"Le rachat de Yahoo! par Verizon, quel échec{NARROW_NBSP}!"
    )
    # Not a rule of English copy.
    assert fixed("He said: no!", rule) == "He said: no!"


def test_french_guillemet_spacing_follows_the_marks_direction() -> None:
    rule = "high-punctuation-space"
    assert fixed("il a dit «non» et «\u202foui\u202f»", rule, target="fr") == (
        f"il a dit «{NBSP}non{NBSP}» et «{NARROW_NBSP}oui{NARROW_NBSP}»"
    )
    # German »…« left in French copy opens and closes the other way round: no space is put inside it
    # the wrong way (source-quotes turns it into « … »); emoticons stay as written.
    for kept in ("le film »Das Boot« est", "super :-) et ;-) ou : D", "»«"):
        assert fixed(kept, rule, target="fr") == kept
    # A quotation over several lines: each mark is spaced on its own line, if it reads one way only.
    assert fixed("« Il a dit\nque non. »", rule, target="fr") == f"«{NBSP}Il a dit\nque non.{NBSP}»"
    assert fixed("qu'il« se détache", rule, target="fr") == "qu'il« se détache"
    # Paired, a mark that alone might read both ways (« after an apostrophe) is read by its pair.
    assert (
        fixed("un état d’« anarchie », dit-il", rule, target="fr")
        == f"un état d’«{NBSP}anarchie{NBSP}», dit-il"
    )
    assert clean("le film »Das Boot« est", target="fr").text == f"le film «{NBSP}Das Boot{NBSP}» est"


def test_house_style_overrides_the_profile(tmp_path) -> None:
    style = tmp_path / "house.toml"
    style.write_text('[style]\nquotes = ["\\"", "\\""]\n')
    article = tmp_path / "a.txt"
    article.write_text("He called it «a disgrace».\n")
    done = CliRunner().invoke(main, ["fix", "--style", str(style), str(article)])
    assert done.stdout == 'He called it "a disgrace".\n'
    bad = tmp_path / "bad.toml"
    bad.write_text("[style]\ncolour = 'red'\n")
    refused = CliRunner().invoke(main, ["fix", "--style", str(bad), str(article)])
    assert refused.exit_code == 2
    assert f"{bad}: error: unknown style setting 'colour'" in refused.output


# Every unsafe suggestion the conventions rules make on the BBC and WMT English corpora, each
# looked at: (article, rule, the number as written, right or wrong and why).
REVIEWED_SUGGESTIONS = {
    ("bbc:business/496", "thousands-separator", "102.975"): "wrong: a yen rate, with three decimals",
    ("bbc:business/503", "thousands-separator", "136.069"): "right: Maruti sold 136,069 vehicles",
}


def test_unsafe_suggestions_on_edited_news_are_the_reviewed_ones() -> None:
    found = {}
    for article, text in [*bbc_articles(), *wmt_articles()]:
        # glued-words has its own reviewed list (tests/test_glued.py).
        for finding in clean(text, select=["conventions"], ignore=["glued-words"]).findings:
            if not finding.applied:
                found[(article, finding.rule, text[finding.start : finding.end])] = finding.message
    assert set(found) == set(REVIEWED_SUGGESTIONS)


def test_currency_signs_go_where_the_target_puts_them() -> None:
    rule = ["currency-position"]
    assert clean("tickets cost 50 € and € 20", select=rule).text == "tickets cost 50 € and € 20"  # unsafe
    assert clean("tickets cost 50 € and € 20", select=rule, unsafe=True).text == "tickets cost €50 and €20"
    assert clean("les billets coûtent €50", select=rule, target="fr", unsafe=True).text == (
        f"les billets coûtent 50{NBSP}€"
    )
    assert clean("Karten kosten 50 €", select=rule, target="de", unsafe=True).text == "Karten kosten 50 €"
    for kept in ("ten £5 notes", "US$5 and 5 US$", "an A4 £ sign", "costs £5.50"):
        assert clean(kept, select=rule, unsafe=True).text == kept
