"""Quotation marks of another convention: paired by their order and spacing, nested, left alone when
unclear, and fixed idempotently whatever the rules in force (issue 11, items 15 and 16)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import ALL_RULES, clean
from cleanup.lang.profiles import NBSP
from cleanup.passes import Context, conventions

SELECTIONS = (None, ["ALL"])  # the default rules, and every rule


def quotes(text: str, **options: object) -> str:
    return clean(text, select=["source-quotes"], **options).text


@pytest.mark.parametrize("select", SELECTIONS)
@pytest.mark.parametrize("text", ['He said «„ok «yes «„no» fine» "» said', "««„‹november»»›"])
def test_nested_conventions_with_unpaired_marks_are_left_alone(text: str, select: list[str] | None) -> None:
    # Issue 11, item 15: each changed again on a second fix. Marks of several conventions with
    # some left without a partner cannot be read for certain: the line stays as it is.
    once = clean(text, select=select, unsafe=True).text
    assert once == text
    assert clean(once, select=select, unsafe=True).text == once


def test_german_quotes_open_with_the_right_mark_and_keep_their_spaces() -> None:
    # Issue 11, item 16, with the input as given, and the case that ate a space: two »…« pairs on a
    # line, which a pattern reading « as the opening mark paired as « was shown, he said ».
    assert clean("the film »Das Boot« was shown").text == "the film “Das Boot” was shown"
    assert (
        clean("the film »Das Boot« was shown, he said »yes« today").text
        == "the film “Das Boot” was shown, he said “yes” today"
    )
    assert quotes("the film »Das Boot» was shown") == "the film “Das Boot” was shown"  # Swedish
    assert quotes("(»Das Boot«)") == "(“Das Boot”)"


def test_nested_guillemets_take_the_inner_marks() -> None:
    # Issue 11, item 16, with the input as given.
    assert clean("«no, «never» again»").text == "“no, ‘never’ again”"
    assert quotes("«a ‹b «c» b› a»") == "“a ‘b “c” b’ a”"
    assert quotes("‹a «b» a›") == "‘a “b” a’"  # single marks at the top: the inner kind, then outer
    assert quotes("»Er sagte ›nein‹ dazu«") == "“Er sagte ‘nein’ dazu”"
    # A foreign quotation inside the copy's own, and the copy's own inside a foreign one.
    assert quotes("“He said «no»”") == "“He said ‘no’”"
    assert quotes("«He said “no”»") == "“He said ‘no’”"
    # The straight style of a document that writes straight quotes.
    assert quotes('He said "yes" and «a «b» c».') == 'He said "yes" and "a \'b\' c".'


def test_nesting_follows_the_target_profile() -> None:
    assert quotes("Il a dit „mais «non»“.", target="fr") == f"Il a dit «{NBSP}mais “non”{NBSP}»."
    assert quotes("Er sagte «nicht ‹so›».", target="de") == "Er sagte „nicht ‚so‘“."
    # German copy writes »…« itself, French copy «…»: both left.
    assert quotes("Der Film »Das Boot« lief", target="de") == "Der Film »Das Boot« lief"
    assert quotes("le film « Das Boot » passe", target="fr") == "le film « Das Boot » passe"
    assert quotes("la película »Das Boot« se", target="es") == "la película «Das Boot» se"


def test_portuguese_copy_keeps_guillemets_and_a_swiss_house_style_keeps_them_in_german() -> None:
    # «…» are Portugal's own quotation marks, and Switzerland's in German.
    assert quotes("«É o fim», disse António Costa.", target="pt") == "«É o fim», disse António Costa."
    assert quotes("o filme »Das Boot« passou", target="pt") == "o filme “Das Boot” passou"
    swiss = clean("«Wir sind bereit», sagte er.", target="de", house={"quotes": ["«", "»"]})
    assert swiss.text == "«Wir sind bereit», sagte er." and swiss.findings == ()


@pytest.mark.parametrize(
    "text",
    [
        "a » b « c",  # spaced on both sides: neither way is certain
        "Home » News » World and «this»",  # separators, not quotation marks
        "an unmatched « mark, «and a pair»",
        "«a „b» c",  # crossing pairs
        "a»b«c",
        'the 6" pipe «here»',
        "«  two spaces »",
        "« »",
        "a pair split «across\nlines» stays",
        "a pair split «across\r\nlines» stays",
        "a pair split «across\u2028lines» stays",
    ],
)
def test_unclear_lines_are_left_alone(text: str) -> None:
    assert clean(text, select=["ALL"], unsafe=True).text == text


@pytest.mark.parametrize(
    "text",
    [
        "« Previous story | Next story »",
        '<a href="/older">« Older Entries</a> <a href="/newer">Newer Entries »</a>',
        "<a>‹ Prev</a> · <a>Next ›</a>",
        "« Précédent · Suivant »",
    ],
)
def test_a_page_s_arrows_are_no_quotation(text: str) -> None:
    fmt = "html" if text.startswith("<") else "text"
    result = clean(text, format=fmt)
    assert result.text == text
    assert [f for f in result.findings if f.rule == "source-quotes"] == []
    # A quotation beside them is still converted.
    assert quotes(f"{text} He called it «a disgrace».", format=fmt) == f"{text} He called it “a disgrace”."


def test_a_quotation_with_a_word_of_navigation_is_still_a_quotation() -> None:
    for text in ("The minister said « we will come back » and left.", "She said « more than ever » then."):
        assert quotes(text) == text.replace("« ", "“").replace(" »", "”")


def test_apostrophes_do_not_make_a_line_unclear() -> None:
    assert quotes("the players’ «union» isn’t ‘90s") == "the players’ “union” isn’t ‘90s"
    assert quotes("«the players’ union»") == "“the players’ union”"


def test_a_quotation_is_one_finding_with_its_span() -> None:
    text = "He said «no, «never» again» today and «yes»."
    found = [f for f in clean(text).findings if f.rule == "source-quotes"]
    spans = [(text[f.start : f.end], f.replacement) for f in found]
    assert spans == [("«no, «never» again»", "“no, ‘never’ again”"), ("«yes»", "“yes”")]


# Pieces of text around quotation marks of every convention, nested or not, with words, spaces,
# line breaks, punctuation, apostrophes, emoticons, and marks left without a partner.
PAIRS = st.sampled_from(
    [
        ("«", "»"),
        ("« ", " »"),
        (f"«{NBSP}", f"{NBSP}»"),
        ("»", "«"),
        ("»", "»"),
        ("„", "“"),
        ("„", "”"),
        ("‹", "›"),
        ("›", "‹"),
        ("‚", "‘"),
        ("“", "”"),
        ('"', '"'),
        ("‘", "’"),
        ("«", "«"),
        ("„", "»"),
    ]
)
WORDS = st.sampled_from(
    ["no", "Das Boot", "november", "At", "the", "I", "it’s", "players’", ":)", ": D", "10:30", "76 %", "Ã©"]
)
STRAYS = st.sampled_from([*"«»„“”‹›‚‘’\"'", ",", " .", " ;", ". the", "; At", "( x)", "\n", "\r\n"])
GAPS = st.sampled_from([" ", " ", "  ", "", NBSP])


def _quoted(parts: tuple[tuple[str, str], list[str], str]) -> str:
    (opening, closing), inside, gap = parts
    return opening + gap.join(inside) + closing


QUOTED_TEXT = st.recursive(
    WORDS | STRAYS,
    lambda inside: (
        st.tuples(PAIRS, st.lists(inside, min_size=1, max_size=4), GAPS).map(_quoted)
        | st.tuples(st.lists(inside, min_size=1, max_size=4), GAPS).map(lambda t: t[1].join(t[0]))
    ),
    max_leaves=16,
)


@settings(max_examples=300, deadline=None)
@given(QUOTED_TEXT, st.sampled_from(SELECTIONS), st.sampled_from(["en", "fr", "de"]), st.booleans())
def test_fixing_quoted_text_twice_changes_nothing(
    text: str, select: list[str] | None, target: str, unsafe: bool
) -> None:
    once = clean(text, select=select, target=target, unsafe=unsafe).text
    assert clean(once, select=select, target=target, unsafe=unsafe).text == once


@settings(max_examples=200, deadline=None)
@given(QUOTED_TEXT, st.sampled_from(sorted(ALL_RULES)), st.sampled_from(["en", "fr", "de"]))
def test_fixing_quoted_text_twice_changes_nothing_for_each_rule(text: str, rule: str, target: str) -> None:
    once = clean(text, select=[rule], target=target, unsafe=True).text
    assert clean(once, select=[rule], target=target, unsafe=True).text == once


QUOTES_IN_ENGLISH = Context(frozenset({"source-quotes"}))
GUILLEMETS_IN_FRENCH = Context(frozenset({"high-punctuation-space"}), target="fr")


def _seconds(text: str, repeat: int) -> float:
    """The best of ``repeat`` runs of the quotes rule, and of French guillemet spacing, over ``text``:
    the pass alone, as the pipeline's cost of many findings is not the pairing's."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        list(conventions.PASS.find(text, QUOTES_IN_ENGLISH))
        list(conventions.PASS.find(text, GUILLEMETS_IN_FRENCH))
        runs.append(time.perf_counter() - start)
    return min(runs)


@pytest.mark.parametrize(
    "unit",
    [
        "«a " * 20 + "b“ " * 20,  # open marks that no closing mark can close
        "«a „b ‹c " + "d» " * 30,  # closing marks that leave others without a partner
        "»" * 3,  # marks that may open or close, none closing
        "«a " * 50 + "b» " * 50,  # deep nesting: one quotation with fifty inside
        "»Das Boot« and « x »\n",  # many lines, a finding every few characters
    ],
)
def test_pairing_time_is_linear(unit: str) -> None:
    small = unit * (20_000 // len(unit))
    large = unit * (200_000 // len(unit))
    ratio = _seconds(large, 3) / max(_seconds(small, 3), 1e-4)  # the best runs: the machine is shared
    assert ratio < 30, f"200 KB took {ratio:.0f}x the time of 20 KB"
