"""Capitals of day, month, language and nationality names: lowercase-name for English and German
copy, calendar-capital for French, Italian, Spanish and Portuguese copy."""

from __future__ import annotations

import json
import re

import pytest

from cleanup import clean
from cleanup.lang.names_calendar import AMBIGUOUS, capitalised_calendar_names, lowercase_names
from tests.conftest import CORPORA, bbc_articles, shared_file, wmt_articles

LOWER = "lowercase-name"
CAPITAL = "calendar-capital"


def fixed(text: str, rule: str = LOWER, **options: object) -> str:
    return clean(text, select=[rule], **options).text


def safeties(text: str, rule: str = LOWER, **options: object) -> list[str]:
    return [finding.safety for finding in clean(text, select=[rule], **options).findings]


# English copy: safe fixes.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in november 2003 the german squad won", "in November 2003 the German squad won"),
        ("talks on monday and tuesday", "talks on Monday and Tuesday"),
        ("between january and february", "between January and February"),
        ("the french president and the italian premier", "the French president and the Italian premier"),
        ("a spokesman for the british embassy", "a spokesman for the British embassy"),
        ("she speaks english, hindi and swahili", "she speaks English, Hindi and Swahili"),
        ("the dutch government fell", "the Dutch government fell"),
        ("the swiss bank said", "the Swiss bank said"),
        ("monday's talks were cancelled", "Monday's talks were cancelled"),
        ("friday\n\nsaturday", "Friday\n\nSaturday"),
        ("(german) and \"japanese\" and 'russian'", "(German) and \"Japanese\" and 'Russian'"),
        ("in mid-november", "in mid-November"),
        ("anti-american and non-english", "anti-American and non-English"),
        ("a german-born coach", "a German-born coach"),
        ("an italian-american family", "an Italian-American family"),
        ("the spanish popular riot", "the Spanish popular riot"),  # FLORES English, a real slip
    ],
)
def test_lowercase_names_are_capitalised_safely(text: str, expected: str) -> None:
    result = clean(text, select=[LOWER])
    assert result.text == expected
    assert result.findings and all(f.safety == "safe" for f in result.findings)


def test_message_says_what_and_why() -> None:
    (finding,) = clean("in november", select=[LOWER]).findings
    assert finding.message == "'november' is a month name: English capitalises it"
    assert (finding.start, finding.end, finding.replacement) == (3, 4, "N")
    (finding,) = clean("the german squad", select=[LOWER]).findings
    assert finding.message == "'german' is a language or nationality name: English capitalises it"


# The traps: ordinary English words that are also names.


@pytest.mark.parametrize(
    "text",
    [
        "you may leave",
        "they march on the capital",
        "an august institution",
        "the march on Washington",
        "all 8 may be released",
        "the 8th may be the last",
        "polish the shoes",
        "fine china from turkey",
        "french fries and french windows",
        "a french kiss on the french-polished table",
        "an outbreak of german measles",
        "a danish pastry, then a danish",
        "swiss cheese and swiss chard",
        "a brazil nut",
        "he will welsh on the deal",
        "an afghan hound",
        "a woman wearing a basque",
        "the sun rose; we wed on sat",
        "it is sun, wed and sat",
        "pig latin and gum arabic",
        "go dutch with dutch courage",
        "an english muffin and chinese whispers",
        "arabic numerals and a persian cat",
        "a slave, a ewe and a venetian blind",
        "sino-japanese ties",
        "may-december",
    ],
)
def test_traps_are_never_fixed_safely(text: str) -> None:
    result = clean(text, select=[LOWER])
    assert result.text == text
    assert "safe" not in safeties(text)


@pytest.mark.parametrize(
    "text",
    [
        "you may leave",
        "they march on the capital",
        "an august institution",
        "all 8 may be released",
        "polish the shoes",
        "a danish pastry",
        "the sun rose; we wed on sat",
    ],
)
def test_traps_outside_a_clear_context_get_no_suggestion_either(text: str) -> None:
    assert clean(text, select=[LOWER], unsafe=True).findings == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the march 2003 vote", "the March 2003 vote"),
        ("on 8 may, voters", "on 8 May, voters"),
        ("on 8 may 2003", "on 8 May 2003"),
        ("since may 8, prices rose", "since May 8, prices rose"),
        ("due on august 3rd", "due on August 3rd"),
        ("the 21st of march.", "the 21st of March."),
        ("prices rose in march.", "prices rose in March."),
        ("until may, when", "until May, when"),
        ("by mid-august", "by mid-August"),
        ("the polish government", "the Polish government"),
        ("danish troops and welsh rugby", "Danish troops and Welsh rugby"),
        ("basque separatists and afghan refugees", "Basque separatists and Afghan refugees"),
    ],
)
def test_traps_in_a_clear_context_are_unsafe_suggestions(text: str, expected: str) -> None:
    assert fixed(text) == text
    assert safeties(text) and set(safeties(text)) == {"unsafe"}
    assert fixed(text, unsafe=True) == expected


def test_trap_message_says_it_is_also_a_common_word() -> None:
    (finding,) = clean("the march 2003 vote", select=[LOWER]).findings
    assert finding.message.startswith("'march' in a date is the month: English capitalises it")
    (finding,) = clean("the polish government", select=[LOWER]).findings
    assert "'polish' before 'government'" in finding.message


# Addresses, code and compounds.


@pytest.mark.parametrize(
    "text",
    [
        "see www.german.de for more",
        "write to info@french.fr today",
        "follow @french and #german",
        "at http://example.com/english/news",
        "the english.txt file",
        "visit german.example.com now",
        "mail french@example.fr now",
        "the english/french version",
        "monday.com shares rose",
        "set german_mode = true",
        "the march/april figures",
        "*german* in italics",
        "o'german and d'august",
        "GERMAN TEAM WINS",
    ],
)
def test_addresses_code_and_elisions_are_left_alone(text: str) -> None:
    assert clean(text, select=[LOWER], unsafe=True).findings == ()


def test_names_glued_to_a_word_are_not_names() -> None:
    for text in ("germane points", "frenchman", "mayday", "sundays", "english2"):
        assert clean(text, select=[LOWER], unsafe=True).findings == ()


# German copy.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Treffen am montag", "Das Treffen am Montag"),
        ("Ende märz und im august", "Ende März und im August"),
        ("Er sprach auf deutsch", "Er sprach auf Deutsch"),
        ("Auf englisch, bitte", "Auf Englisch, bitte"),
    ],
)
def test_german_target_capitalises_days_months_and_language_nouns(text: str, expected: str) -> None:
    result = clean(text, select=[LOWER], target="de")
    assert result.text == expected
    assert result.findings and all(f.safety == "safe" for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "die deutsche Mannschaft und die englische Presse",
        "er spricht englisch",  # the adjective, lowercase after a verb
        "die französischen Pommes",
        "die juli-Ausgabe",  # a compound takes its capitals as a whole: left alone
        "the german squad and the french president",  # English words are not German names
    ],
)
def test_german_target_leaves_its_lowercase_adjectives(text: str) -> None:
    assert clean(text, select=[LOWER], target="de", unsafe=True).findings == ()


def test_german_message_names_the_language() -> None:
    (finding,) = clean("am montag", select=[LOWER], target="de").findings
    assert finding.message == "'montag' is a day name: German capitalises it"
    (finding,) = clean("auf deutsch", select=[LOWER], target="de").findings
    assert finding.message == "'deutsch' after 'auf' is the language, a noun: German capitalises it"


# French, Italian, Spanish and Portuguese copy.


@pytest.mark.parametrize(
    ("text", "expected", "target"),
    [
        ("Elle est partie le 3 Novembre.", "Elle est partie le 3 novembre.", "fr"),
        ("Le 3 Novembre 2003, il part.", "Le 3 novembre 2003, il part.", "fr"),
        ("Il est arrivé ce Lundi matin.", "Il est arrivé ce lundi matin.", "fr"),
        ("Il part en Octobre dernier.", "Il part en octobre dernier.", "fr"),
        ("Il vertice si terrà il Lunedì.", "Il vertice si terrà il lunedì.", "it"),
        ("aperta fino al prossimo 16 Ottobre.", "aperta fino al prossimo 16 ottobre.", "it"),
        ("Gebrselassie ganó este Domingo, con", "Gebrselassie ganó este domingo, con", "es"),
        ("aquellos del pasado Julio después", "aquellos del pasado julio después", "es"),
        ("La reunión del 3 de Noviembre de 2003.", "La reunión del 3 de noviembre de 2003.", "es"),
        ("Ele chega na Segunda-Feira.", "Ele chega na segunda-feira.", "pt"),
        ("Aconteceu em Março de 2003.", "Aconteceu em março de 2003.", "pt"),
    ],
)
def test_romance_targets_lowercase_days_and_months_unsafely(text: str, expected: str, target: str) -> None:
    assert fixed(text, CAPITAL, target=target) == text
    assert safeties(text, CAPITAL, target=target) == ["unsafe"]
    assert fixed(text, CAPITAL, target=target, unsafe=True) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Lundi, il pleut.", "fr"),  # a sentence start
        ("Il a dit : « Mercredi, je pars. »", "fr"),  # the start of a quotation
        ("Novembre 2003 fut froid.", "fr"),
        ("Il habite Place du 14 Juillet.", "fr"),  # a name
        ("la série Mercredi plaît", "fr"),  # a title
        ("le Mercredi des Cendres", "fr"),  # feasts
        ("le Mardi gras", "fr"),
        ("la mission sur Mars en 2003", "fr"),
        ("la rue du 4-Septembre", "fr"),
        ("Via XX Settembre", "it"),
        ("il Venerdì Santo", "it"),
        ("il Lunedì dell'Angelo", "it"),
        ("il Primo Maggio", "it"),
        ("el Domingo de Ramos", "es"),
        ("con Julio Iglesias", "es"),
        ("la Plaza de Mayo en 2003", "es"),
        ("la Avenida 9 de Julio", "es"),
        ("na Sexta-feira Santa", "pt"),
        ("a Editora Abril", "pt"),
        ("le 3 novembre, il part", "fr"),  # already right
    ],
)
def test_romance_targets_keep_names_feasts_and_sentence_starts(text: str, target: str) -> None:
    assert clean(text, select=[CAPITAL], target=target, unsafe=True).findings == ()


def test_romance_message_says_what_and_why() -> None:
    (finding,) = clean("le 3 Novembre", select=[CAPITAL], target="fr").findings
    assert finding.message == "'Novembre' is a month name: French writes it in lowercase"
    assert (finding.start, finding.end, finding.replacement) == (5, 13, "novembre")


# Each rule is driven by the profile and stays off for the other one.


def test_each_rule_fires_only_for_its_profile() -> None:
    assert clean("in november 2003 the german squad", select=[LOWER, CAPITAL], target="fr").findings == ()
    assert clean("in november 2003 the german squad", select=[LOWER, CAPITAL], target="it").findings == ()
    assert clean("on 3 November", select=[LOWER, CAPITAL], unsafe=True).findings == ()
    assert clean("le 3 Novembre 2003", select=[LOWER, CAPITAL], unsafe=True).findings == ()
    assert clean("am 3 November 2003", select=[LOWER, CAPITAL], target="de", unsafe=True).findings == ()


def test_house_style_turns_the_profile_around() -> None:
    # A house that capitalises month names in its French copy gets the capital, not the lowercase.
    house = {"capitalised_names": True}
    assert fixed("le 3 novembre", target="fr", house=house) == "le 3 Novembre"
    assert clean("le 3 Novembre", select=[CAPITAL], target="fr", house=house, unsafe=True).findings == ()


def test_both_rules_run_by_default_and_with_their_family() -> None:
    # Issue 12, item 1: lowercase-name and calendar-capital are in the default chain.
    assert clean("in november, the german squad").text == "in November, the German squad"
    assert clean("le 3 Novembre", target="fr", unsafe=True).text == "le 3 novembre"
    selected = clean("in november, the german squad", select=["conventions"])
    assert selected.text == "in November, the German squad"
    assert clean("le 3 Novembre", target="fr", unsafe=True, select=["conventions"]).text == "le 3 novembre"


def test_ignored_rule_changes_nothing() -> None:
    assert clean("in november", ignore=[LOWER]).text == "in november"
    assert clean("le 3 Novembre", target="fr", unsafe=True, ignore=[CAPITAL]).text == "le 3 Novembre"


def test_fixes_are_idempotent() -> None:
    text = "in mid-may the polish team and german fans met on 8 may, 2003"
    once = clean(text, select=["conventions"], unsafe=True).text
    assert once == "in mid-May the Polish team and German fans met on 8 May, 2003"
    assert clean(once, select=["conventions"], unsafe=True).findings == ()


# The data.


def test_names_come_from_cldr_and_the_tables() -> None:
    english = lowercase_names("en")
    assert english["wednesday"] == "day" and english["september"] == "month"
    assert english["catalan"].startswith("language") and english["nigerian"] == "nationality"
    # Abbreviations, countries and CLDR languages that are ordinary words are not names.
    assert not {"sun", "wed", "sat", "jan", "china", "turkey", "slave", "ewe", "ga"} & set(english)
    assert {"may", "march", "august", "polish", "danish"} <= AMBIGUOUS["en"]
    german = lowercase_names("de")
    assert (
        german["donnerstag"] == "day" and german["dezember"] == "month" and german["englisch"] == "language"
    )
    assert "deutsche" not in german
    assert capitalised_calendar_names("it")["Lunedì"] == ("lunedì", "day")
    assert capitalised_calendar_names("es")["Noviembre"] == ("noviembre", "month")


# Edited English news: every finding on the BBC and WMT corpora, the unsafe ones included.

CORPUS_FINDINGS = [
    ("bbc:business/089", "european", "safe"),  # "the european currency", the reporter's copy
    ("bbc:entertainment/253", "british", "safe"),  # readers' comments printed as sent
    ("bbc:entertainment/353", "american", "safe"),
    ("bbc:tech/401", "friday", "safe"),
]


def test_edited_english_news_gets_only_the_reviewed_findings() -> None:
    found = []
    for articles in (bbc_articles, wmt_articles):
        for article, text in articles():
            for finding in clean(text, select=[LOWER], unsafe=True).findings:
                word = re.match(r"\w+", text[finding.start :]).group()
                found.append((article, word, finding.safety))
    # No unsafe suggestion at all: "may", "march", "august", "polish" ... stay ordinary words there.
    assert found == CORPUS_FINDINGS


# Edited French, German, Italian, Spanish and Portuguese news (FLORES, newstest2009, WMT21).

ROMANCE_FINDINGS = [
    ("it", "newstest2009:1188", "Ottobre"),  # "fino al prossimo 16 Ottobre": English capitals carried over
    ("es", "newstest2009:1011", "Domingo"),  # "ganó este Domingo"
    ("es", "newstest2009:2488", "Julio"),  # "del pasado Julio"
    ("es", "newstest2009:2489", "Abril"),  # "fines del pasado Abril"
]
SIDES = {"de": "deu", "fr": "fra", "it": "ita", "es": "spa", "pt": "por"}


def multilingual_sentences(target: str) -> list[tuple[str, str]]:
    """``(id, text)`` of every sentence in ``target``'s language, from the three files."""
    folder = CORPORA / "multilingual-news-sentences"
    records = []
    for name in ("flores200-devtest.jsonl", "newstest2009-multiway.lines1001-2525.jsonl"):
        with shared_file(folder / name).open(encoding="utf-8") as lines:
            for record in map(json.loads, lines):
                number = record.get("id", record.get("line"))
                records.append((f"{name.split('-')[0]}:{number}", record.get(SIDES[target])))
    with shared_file(folder / "wmt21-native-news-de-fr.jsonl").open(encoding="utf-8") as lines:
        records.extend((r["doc_id"], r["text"]) for r in map(json.loads, lines) if r["lang"] == target)
    return [(sentence_id, text) for sentence_id, text in records if text]


def test_edited_news_in_other_languages_gets_only_real_carried_over_capitals() -> None:
    found = []
    for target in ("de", "fr", "it", "es", "pt"):
        for sentence_id, text in multilingual_sentences(target):
            result = clean(text, select=[LOWER, CAPITAL], target=target, unsafe=True)
            found.extend((target, sentence_id, text[f.start : f.end]) for f in result.findings)
    assert found == ROMANCE_FINDINGS
