"""Plain text's protected spans (issue 13, item 1): addresses, handles, hashtags and paths keep
every character, whatever a rule would make of the same letters in prose."""

from __future__ import annotations

import pytest

from cleanup import clean
from cleanup.formats.plain import protected_spans
from tests.test_linear_time import BOUND, growth, repeated


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("See https://example.com/news/l'Iran/page, then", ["https://example.com/news/l'Iran/page"]),
        ("ftp://files.example.org/a.txt.", ["ftp://files.example.org/a.txt"]),
        ("(www.bbc.co.uk/news)", ["www.bbc.co.uk/news"]),
        ("https://en.wikipedia.org/wiki/Rome_(city) is", ["https://en.wikipedia.org/wiki/Rome_(city)"]),
        ("Write to press.office@ministero.it.", ["press.office@ministero.it"]),
        ("Follow @Palazzo_Chigi; or #l'Iran, #Roma2024!", ["@Palazzo_Chigi", "#l'Iran", "#Roma2024"]),
        ("at /var/www/l'Iran/index.html and ~/docs/a.txt", ["/var/www/l'Iran/index.html", "~/docs/a.txt"]),
        ("open C:\\Users\\l'Iran\\report.docx now", ["C:\\Users\\l'Iran\\report.docx"]),
        ("and/or 24/7, C# and &#233;, no#1, a@b, 1/2", []),
        # A domain and a path, written without a scheme.
        ("Voir lemonde.fr/international?page=2 et", ["lemonde.fr/international?page=2"]),
        ("(curia.europa.eu/juris/liste.jsf?num=C-311/18).", ["curia.europa.eu/juris/liste.jsf?num=C-311/18"]),
        ("50km/h, the U.S./Mexico border, e.g./i.e., 1.5/2", []),
        ("the score was 2-1 at 10:30 : D", []),
    ],
)
def test_each_kind_is_found_without_the_punctuation_around_it(text: str, spans: list[str]) -> None:
    assert [text[start:end] for start, end in protected_spans(text)] == spans


@pytest.mark.parametrize(
    "kept",
    [
        "https://example.com/news/l'Iran/page",
        "#l'Iran",
        "/var/www/l'Iran/index.html",
        "C:\\Users\\l'Iran\\report.docx",
        "https://example.it/nell’ambito/della-repubblica",
        "#nell’ambito",
        "spiegel.de/politik/deutschland",
    ],
)
def test_no_rule_changes_or_reports_inside_a_protected_span(kept: str) -> None:
    text = f"The ministry posted {kept} on Monday."
    result = clean(text, unsafe=True)
    assert result.text == text
    assert result.findings == ()


def test_french_copy_keeps_an_address_without_a_scheme_as_written() -> None:
    text = "Voir lemonde.fr/international?page=2 et curia.europa.eu/liste.jsf?num=C-311/18 ici."
    assert clean(text, target="fr").text == text


def test_the_words_of_an_address_are_no_evidence_of_a_sentence() -> None:
    for text in (
        "See https://www.spiegel.de/politik/deutschland/die-regierung-hat-heute-beschlossen for more.",
        "See spiegel.de/politik/deutschland/die-regierung-hat-heute-beschlossen for more.",
    ):
        assert clean(text).findings == ()


def test_a_fix_beside_an_address_still_applies() -> None:
    result = clean("Read https://example.com/l'Iran/page. , then @Chigi ; the #Rome , team", unsafe=True)
    assert result.text == "Read https://example.com/l'Iran/page, then @Chigi; the #Rome, team"
    # the same artefacts in prose are fixed
    assert clean("the l'Iran talks", unsafe=True).text == "the Iran talks"


def test_spans_follow_the_text_as_earlier_fixes_change_it() -> None:
    # The encoding pass shortens the text before the hashtag by 10 characters, more than its
    # length, then the fragments pass runs on the text it left.
    text = "Itâ€™s, weâ€™re, theyâ€™re, youâ€™re, Iâ€™m #l'Iran and l'Iran said"
    assert clean(text).text == "It’s, we’re, they’re, you’re, I’m #l'Iran and Iran said"


def test_the_encoding_repairs_reach_inside_an_address() -> None:
    # Mojibake and entities damage an address as they damage prose: repairing them restores it.
    text = "See https://example.com/MÃ¼nchen?a=1&amp;b=2 and #MÃ¼nchen today"
    assert clean(text).text == "See https://example.com/München?a=1&b=2 and #München today"


def test_an_address_a_repair_makes_part_of_a_word_is_read_as_the_next_run_reads_it() -> None:
    # "Ã©https://…" protects the address; "éhttps://…" does not (a letter runs into it): the first
    # run reads the repaired text as the second will, so fixing the fixed text changes nothing.
    once = clean("Ã©https://x.org/l'Iran").text
    assert clean(once).text == once == "éhttps://x.org/Iran"


def test_a_report_that_holds_an_address_is_kept() -> None:
    sentence = "Il governo ha deciso di prorogare lo stato di emergenza, si legge su https://governo.it/x."
    findings = clean(f"It rained. {sentence} It stopped.").findings
    assert [f.rule for f in findings] == ["source-sentence"]


@pytest.mark.parametrize(
    "piece",
    [
        "/",
        "//a",
        "@",
        "a@",
        "@a.b",
        "#",
        "#a",
        "http://",
        "://",
        "www.",
        ")",
        " (/a/b)",
        ":\\",
        "~./",
        "a.bc/",
        "x" * 300 + ".de/",
        "x" * 60 + "/" * 100,  # slashes after a word that is no domain
    ],
)
def test_finding_the_spans_takes_linear_time(piece: str) -> None:
    assert growth(repeated(piece), protected_spans) < BOUND
    assert growth(repeated("http://x.org/a" + piece * 50), protected_spans) < BOUND
