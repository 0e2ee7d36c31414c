"""Bytes that are not UTF-8 are Windows-1252 unless the evidence for another code page is strong."""

from __future__ import annotations

import contextlib
import json
import time
from collections import defaultdict
from collections.abc import Iterator

import pytest

from bench.corpora import typographic
from cleanup import codepages, io
from cleanup.cli import main
from tests.conftest import CORPORA, bbc_articles, shared_file

# Written for these tests: news sentences in languages whose code pages read Windows-1252's
# bytes as letters.
POLISH = (
    "Władze Łodzi poinformowały w środę, że źródło skażenia wody zostało już usunięte. Mieszkańcy "
    "dzielnicy Bałuty przez dwa dni musieli korzystać z beczkowozów, a szkoły były zamknięte. "
    "Prezydent miasta zapowiedziała, że żadna rodzina nie zapłaci za wodę w tym miesiącu."
)
CZECH = (
    "Vláda v úterý schválila návrh zákona o státním rozpočtu. Ministr financí řekl, že schodek se "
    "příští rok sníží, přestože výdaje na zdravotnictví a školství porostou. Opozice návrh kritizuje "
    "a žádá, aby byly zrušeny některé daňové úlevy."
)
RUSSIAN = (
    "Правительство в среду объявило о новых мерах поддержки малого бизнеса. По словам министра, "
    "налоговые льготы продлятся до конца следующего года, а банки получат дополнительные гарантии."
)
GREEK = (
    "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα στήριξης για τις μικρές επιχειρήσεις. Σύμφωνα με "
    "τον υπουργό, οι φορολογικές ελαφρύνσεις θα ισχύσουν έως το τέλος του επόμενου έτους."
)
TURKISH = (
    "Hükümet çarşamba günü küçük işletmeler için yeni destek önlemleri açıkladı. Bakanın "
    "açıklamasına göre vergi indirimleri gelecek yılın sonuna kadar sürecek."
)
FRENCH = (
    "Le gouvernement a annoncé mercredi de nouvelles mesures pour les petites entreprises. Selon le "
    "ministre, les allègements fiscaux seront prolongés jusqu’à la fin de l’année prochaine, et les "
    "banques recevront des garanties supplémentaires. « C’est un signal très fort », a-t-il déclaré."
)
GERMAN = (
    "Die Regierung hat am Mittwoch neue Maßnahmen für kleine Unternehmen angekündigt. Nach Angaben "
    "des Ministers werden die Steuererleichterungen bis zum Ende des nächsten Jahres verlängert. "
    "„Das ist ein starkes Signal“, sagte er."
)
JAPANESE = (
    "政府は水曜日、中小企業への新たな支援策を発表した。大臣によると、税の軽減措置は来年末まで延長される。"
)
CHINESE = "政府周三宣布了支持小企业的新措施。部长表示，税收减免将延长到明年年底。"


@pytest.mark.parametrize(
    ("data", "text"), [(b"It\x92s here", "It’s here"), (b"Stra\xdfe", "Straße"), (b"50 \x80", "50 €")]
)
def test_short_windows_1252_texts_are_windows_1252(data: bytes, text: str) -> None:
    document = io.decode(data, "x.txt")
    assert (document.text, document.encoding) == (text, "cp1252")


def test_pounds_and_curly_quotes_are_not_read_as_central_european_letters() -> None:
    text = "The club paid £150m for him, “a record”, she said – and it’s not over.\n"
    document = io.decode(text.encode("cp1252"), "x.txt")
    assert (document.text, document.encoding) == (text, "cp1252")


def test_every_bbc_article_made_typographic_and_saved_as_windows_1252_decodes_back() -> None:
    wrong, checked = [], 0
    for article, text in bbc_articles():
        typeset = typographic(text)
        data = typeset.encode("cp1252")
        if data.isascii():
            continue
        checked += 1
        document = io.decode(data, article)
        if (document.text, document.encoding) != (typeset, "cp1252"):
            wrong.append((article, document.encoding))
    assert checked > 2000
    assert wrong == []


def _multilingual_news() -> Iterator[str]:
    """German, French, Italian, Spanish and Portuguese news: FLORES-200 and newstest2009 sentences,
    and whole WMT21 German and French articles, segments joined by newlines."""
    folder = CORPORA / "multilingual-news-sentences"
    for line in shared_file(folder / "flores200-devtest.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        yield from (record[language] for language in ("deu", "fra", "ita", "por", "spa"))
    for line in shared_file(folder / "newstest2009-multiway.lines1001-2525.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        yield from (record[language] for language in ("deu", "fra", "ita", "spa"))
    articles = defaultdict(list)
    for line in shared_file(folder / "wmt21-native-news-de-fr.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        articles[record["doc_id"]].append(record["text"])
    yield from ("\n".join(segments) for segments in articles.values())


def test_western_european_news_saved_as_windows_1252_is_never_misread() -> None:
    outcomes: dict[str, int] = defaultdict(int)
    for text in _multilingual_news():
        try:
            data = text.encode("cp1252")
        except UnicodeEncodeError:
            continue  # a name in a letter Windows-1252 does not have
        try:
            document = io.decode(data, "x.txt")
        except io.InputError:
            outcomes["refused"] += 1
            continue
        outcomes["right" if document.text == text else f"wrong as {document.encoding}"] += 1
    # One Italian sentence naming Lívia Járóka reads as well in cp1250 (qualitŕ, č, piů): refused.
    assert outcomes == {"right": 11_218, "refused": 1}


def test_machine_translated_news_and_its_german_sources_decode_as_windows_1252() -> None:
    path = shared_file(CORPORA / "wmt21-de-en-mt" / "newstest2021.de-en.jsonl")
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        for text in (record["src"], *record["hyps"].values(), *record["refs"].values()):
            data = text.encode("cp1252", errors="replace")
            if not data.isascii():
                assert io.decode(data, "x.txt").text == data.decode("cp1252")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (POLISH, "cp1250"),
        (POLISH, "iso8859_2"),
        (CZECH, "cp1250"),
        (CZECH, "iso8859_2"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (GREEK, "cp1253"),
        (TURKISH, "cp1254"),
        (FRENCH, "mac_roman"),
        (GERMAN, "mac_roman"),
        (CHINESE, "gb18030"),
        (JAPANESE, "euc_jp"),
    ],
)
def test_other_code_pages_are_read_when_the_evidence_is_strong(text: str, encoding: str) -> None:
    document = io.decode(text.encode(encoding), "x.txt")
    assert (document.text, document.encoding) == (text, encoding)


def test_shift_jis_is_read_as_its_windows_superset() -> None:
    document = io.decode(JAPANESE.encode("shift_jis"), "x.txt")
    assert (document.text, document.encoding) == (JAPANESE, "cp932")


def test_latin_1_reads_as_the_same_windows_1252_text() -> None:
    text = "Café au lait, naïve façade, Zürich, señor, 20 °C, ¿qué?"
    document = io.decode(text.encode("latin_1"), "x.txt")
    assert (document.text, document.encoding) == (text, "cp1252")
    assert io.encode(document, document.text, keep_encoding=True) == text.encode("latin_1")


def test_weak_evidence_is_refused_naming_the_readings() -> None:
    with pytest.raises(io.InputError) as caught:
        io.decode("Kraków, Wrocław".encode("cp1250"), "x.txt")
    assert str(caught.value) == (
        "x.txt: error: not UTF-8, and its code page is unclear: cp1250 reads 'Wrocław', "
        "cp1252 reads 'Wroc³aw'; save it as UTF-8 to clean it"
    )
    with pytest.raises(io.InputError, match="mac_roman reads 'naïve', cp1252 reads 'na•ve'"):
        io.decode("naïve café".encode("mac_roman"), "x.txt")


def test_oddities_count_what_edited_text_does_not_hold() -> None:
    assert codepages.oddities(FRENCH) == codepages.oddities(POLISH) == 0
    assert codepages.oddities(POLISH.encode("cp1250").decode("cp1252")) > 10
    assert codepages.oddities(RUSSIAN.encode("cp1251").decode("cp1252")) > 100
    # French read as cp1250 has letters Czech writes (allčgements, trčs): Windows-1252 is the default.
    assert codepages.oddities(FRENCH.encode("cp1252").decode("cp1250")) == 0
    assert codepages.oddities("Müller, Ødegaard and Gonçalves") == 0  # names from three languages
    assert codepages.oddities("10 µm, nº 5, m², Apple™, §§ 12-14, l’État") == 0
    assert codepages.oddities("perch┐ and ─│┌") == 3


def test_a_text_too_odd_in_every_reading_is_no_known_encoding() -> None:
    with pytest.raises(io.InputError, match=r"not valid UTF-8 \(byte 0x81 at offset 1\) nor any known"):
        io.decode(b"a\x81\x8d\x8f\x90\x9d" * 50, "x.txt")


def test_the_issues_in_place_run_keeps_the_pound_sign(runner, tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("The deal , worth “£150m”, was signed.\n".encode("cp1252"))
    done = runner.invoke(main, ["fix", "--in-place", str(article)])
    assert done.exit_code == 0
    assert article.read_bytes().decode("utf-8") == "The deal, worth “£150m”, was signed.\n"


def test_a_file_of_unclear_code_page_is_one_error_line_and_left_as_it_is(runner, tmp_path) -> None:
    article = tmp_path / "a.txt"
    data = "Kraków , Wrocław\n".encode("cp1250")
    article.write_bytes(data)
    done = runner.invoke(main, ["fix", "--in-place", str(article)])
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        f"{article}: error: not UTF-8, and its code page is unclear: cp1250 reads 'Wrocław', "
        "cp1252 reads 'Wroc³aw'; save it as UTF-8 to clean it"
    ]
    assert article.read_bytes() == data


@pytest.mark.parametrize(
    "unit",
    [
        b"a" * 1000 + b"\xb3",  # long words of letters
        b"abc\xe9\xb3\xf1\xe8" * 10,  # letters and symbols in no language
        RUSSIAN.encode("cp1251"),
        bytes(range(0x80, 0x100)),  # every byte outside ASCII, in no language
    ],
)
def test_decoding_time_grows_linearly(unit: bytes) -> None:
    def cost(size: int) -> float:
        data = (unit * (size // len(unit) + 1))[:size]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            with contextlib.suppress(io.InputError):
                io.decode(data, "x.txt")
            best = min(best, time.perf_counter() - start)
        return best

    assert cost(200_000) < 30 * cost(20_000)
