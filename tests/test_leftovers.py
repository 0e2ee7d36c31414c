"""Source-language leftovers: what is found, with which language, what the copy keeps, and the fixes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleanup import GlossaryEntry, Safety, clean
from cleanup.cli import main

FAMILY = ["leftovers"]


def _found(text: str, **options: object) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in clean(text, select=FAMILY, **options).findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the minister said that non era possibile to meet", [("source-phrase", "non era possibile")]),
        ("a report in der Welt about it, mit Vergnügen und more", [("source-phrase", "mit Vergnügen und")]),
        ("the talks, que nos dijeron, ended", [("source-phrase", "que nos dijeron")]),
        ("funds nell’ambito of the plan", [("source-elision", "nell’ambito")]),
        ("he said qu'il would come", [("source-elision", "qu'il")]),
        ("the channel Россия 24 reported", [("foreign-script", "Россия")]),
        # Two phrases in one sentence, both found; a lone word English does not know.
        (
            "He said que os dados da empresa were wrong, and the firm cut its previsão de lucro again.",
            [("source-phrase", "que os dados da empresa"), ("source-phrase", "previsão de lucro")],
        ),
        ("one of the most important fornitori of energy", [("source-word", "fornitori")]),
        # German nouns are capitalised: unknown to English, they count, alone too.
        ("For der Bewegung years the main party", [("source-phrase", "der Bewegung")]),
        ("research came to Einfluss in an end in 2003", [("source-word", "Einfluss")]),
        # A hyphenated word wordfreq lists in parts; a function word English hardly uses.
        ("his honeymoon was now na sexta-feira over", [("source-phrase", "na sexta-feira")]),
        ("we've missed a number une possible infection of line-outs", [("source-word", "une")]),
        # A word that leans strongly and a very common word of the language beside it.
        ("the report was published in der week before", [("source-phrase", "in der")]),
        ("funds com as banks of the region", [("source-phrase", "com as")]),
        # A capitalised function word opening a sentence, and a word below the small lists' cut.
        ("Secondo il portavoce, the talks failed.", [("source-phrase", "Secondo il portavoce")]),
        (
            "The officers que abusaron de la confianza were named.",
            [("source-phrase", "que abusaron de la confianza")],
        ),
    ],
)
def test_leftovers_are_found_with_their_span(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
    assert clean(text, select=FAMILY).text == text


@pytest.mark.parametrize(
    "text",
    [
        "According to Corriere della Sera and La Repubblica, Le Monde, Der Spiegel and El País agree.",
        "Ursula von der Leyen met Leonardo da Vinci fans, Guillermo del Toro and Charles de Gaulle's heirs.",
        "From Los Angeles to El Salvador and La Paz, and Sant’Agata de’ Goti.",
        "L’Oréal, Real Madrid and Paris Saint-Germain; the d’Hondt method; Côte d’Ivoire; O'Brien.",
        "A de facto ban, per se, the status quo, a coup d'état and a coup-d'etat, c’est la vie.",
        "The UN's plan and All's well; rock 'n' roll; it's done.",
        "Prices rose 5 per cent in the euro zone while the pound fell.",
        # A quoted foreign phrase or word that the sentence glosses in English.
        'Marca said: "Wayne Rooney se volvió loco en el Bernabéu (Wayne Rooney went mad at the Bernabeu)".',
        'the lyrics "fire fi di man dem weh go ride", translated by campaigners as a call to violence',
        'the so-called "fornitori", meaning suppliers, of energy',
        # The particles of names in a team list, and between a title's capitalised words.
        "G Intoppa, S Perugini, CA del Fava, D dal Maso, P Griffen",
        "Strauss wrote Ariadne auf Naxos in 1912 and Piero della Francesca painted.",
        # A capitalised word seen again nearby is a name, not a German noun; so is a glossed one.
        "Rufus Norris for Festen. Festen is also shortlisted for the best play.",
        "The trial of Buntes Fernsehen (Multi-Coloured TV) was started in late 2004.",
        # English words that a language shares: "die", "par", "dire" beside a common word.
        "those who die in accidents; it is on a par with, and after a dire opening, on par",
        # Capitalised words between names and titles are not opening function words; a loanword.
        "Banca Nazionale del Lavoro and Monte dei Paschi di Siena, both from Italy",
        "It is branded as Television Numerique pour Tous, or digital television for all.",
        "Parliament had only received a précis of the advice.",
        # A foreign term glossed with "or".
        "known as TNT, which stands for TV numerique terrestre or digital terrestrial television",
    ],
)
def test_what_english_keeps_is_not_reported(text: str) -> None:
    assert _found(text) == []


def test_the_rules_run_by_default_and_only_report() -> None:
    # Issue 12, item 1 and "done when": the leftovers of the example, with no option.
    text = (
        "Il governo non ha ancora deciso se prorogare lo stato di emergenza per altri sei mesi. "
        "The minister spoke in the name della Repubblica italiana on Monday."
    )
    result = clean(text)
    assert [f.rule for f in result.findings] == ["source-sentence", "source-phrase"]
    assert result.text == text
    assert clean(text, ignore=FAMILY).findings == ()


def test_a_whole_sentence_is_named_with_langdetect_confidence_the_same_every_run() -> None:
    sentence = "Es wird gegen den Vorstand wegen Betrugs im Rahmen der Untersuchung ermittelt."
    text = f"Rain fell. {sentence} It stopped."
    runs = {
        tuple((f.rule, text[f.start : f.end], f.message) for f in clean(text, select=FAMILY).findings)
        for _ in "ab"
    }
    assert len(runs) == 1
    [(rule, span, message)] = runs.pop()
    assert rule == "source-sentence"
    assert span == sentence
    pattern = r"German sentence left untranslated \(langdetect: (0\.9\d|1\.00)\) \(source language inferred\)"
    assert re.fullmatch(pattern, message)


@pytest.mark.parametrize(
    "text",
    [
        "( x ) ( y ) " * 3000,  # Somali to langdetect: no source language, and no word of one
        "( x ) ( è ) " * 300,  # Italian to langdetect, but a letter alone is no evidence of it
    ],
    ids=["somali-to-langdetect", "italian-to-langdetect"],
)
def test_letters_in_brackets_are_no_source_sentence(text: str) -> None:
    assert [f.message for f in clean(text).findings if f.rule == "source-sentence"] == []


def test_an_untranslated_sentence_is_named_in_its_source_language() -> None:
    sentence = "Il governo non ha ancora deciso se prorogare lo stato di emergenza per altri sei mesi."
    text = f"The talks went on. {sentence} The minister left."
    [finding] = clean(text, select=FAMILY).findings
    assert (finding.rule, text[finding.start : finding.end]) == ("source-sentence", sentence)
    assert finding.message.startswith("Italian sentence left untranslated (langdetect: ")


def test_source_hints_narrow_the_languages_and_inference_is_said() -> None:
    text = "the talks, que nos dijeron, ended"
    assert _found(text, sources=["it"]) == []
    [hinted] = clean(text, select=FAMILY, sources=["es"]).findings
    assert hinted.message == "Spanish left untranslated: 'que nos dijeron'"
    [inferred] = clean(text, select=FAMILY).findings
    assert inferred.message.endswith("(source language inferred)")


def test_an_ambiguous_phrase_takes_the_inferred_source_language() -> None:
    # "de los" alone could be Spanish; the document's other leftovers are Portuguese.
    text = "the previsão de lucro fell, and the firm said que os dados da empresa were wrong"
    languages = {f.message.split()[0] for f in clean(text, select=FAMILY).findings}
    assert languages == {"Portuguese"}


def test_languages_the_words_cannot_tell_apart_are_both_named() -> None:
    [finding] = clean("the rest de los meses of the year", select=FAMILY).findings
    assert finding.message.startswith("Spanish left untranslated")
    [finding] = clean("the vast de todos majority", select=FAMILY).findings
    assert finding.message.startswith("Spanish or Portuguese left untranslated")
    [finding] = clean("the vast de todos majority", select=FAMILY, sources=["pt"]).findings
    assert finding.message.startswith("Portuguese left untranslated")


def test_a_gloss_later_in_a_quotation_does_not_hide_an_earlier_leftover() -> None:
    text = '"He is down for sus hijas coincidan con the job and I hope he does (so)"'
    assert _found(text) == [("source-phrase", "sus hijas coincidan con")]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("talks between gli Stati Uniti and Iran", "talks between the United States and Iran"),
        ("Gli Stati Uniti said so", "The United States said so"),
        ("a trip to l’Allemagne", "a trip to Germany"),
        ("the Vereinigte Staaten and Spanien", "the United States and Spain"),
    ],
)
def test_source_names_are_translated_with_unsafe_fixes_only(text: str, fixed: str) -> None:
    assert clean(text, select=["source-name"]).text == text
    result = clean(text, select=["source-name"], unsafe=True)
    assert result.text == fixed
    assert {f.safety for f in result.findings} == {Safety.UNSAFE}


@pytest.mark.parametrize(
    "text", ["the Forza Italia party", "the Banca d'Italia said", "Dominique said so", "the Aceh province"]
)
def test_names_that_belong_to_longer_names_or_to_english_are_left(text: str) -> None:
    assert clean(text, select=["source-name"], unsafe=True).findings == ()


def test_glossary_entries_apply_with_their_own_safety(tmp_path) -> None:
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text(
        "# source\ttranslation\tsafety\n"
        "Casa Bianca\tWhite House\tsafe\n"
        "Palazzo Chigi\tthe prime minister's office\tunsafe\n"
    )
    article = tmp_path / "a.txt"
    article.write_text("A note from the Casa Bianca reached Palazzo Chigi.\n")
    runner = CliRunner()
    default = runner.invoke(main, ["fix", "--glossary", str(glossary), str(article)])
    assert default.stdout == "A note from the White House reached Palazzo Chigi.\n"
    unsafe = runner.invoke(main, ["fix", "--unsafe-fixes", "--glossary", str(glossary), str(article)])
    assert unsafe.stdout == "A note from the White House reached the prime minister's office.\n"
    entries = (GlossaryEntry("Casa Bianca", "White House", Safety.SAFE),)
    assert clean("the casa bianca said", glossary=entries).text == "the White House said"


def test_a_bad_glossary_line_is_a_usage_error_naming_file_and_line(tmp_path) -> None:
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("Casa Bianca\tWhite House\tsafe\nno tabs here\n")
    done = CliRunner().invoke(main, ["check", "--glossary", str(glossary), "-"], input="text\n")
    assert done.exit_code == 2
    assert f"{glossary}:2:" in done.output


def test_french_copy_reports_english_and_italian_leftovers_but_not_french() -> None:
    text = (
        "Le gouvernement a annoncé que the new policy will be applied dès lundi, "
        "selon l'accord dell'ambasciata."
    )
    found = _found(text, target="fr")
    assert found == [
        ("source-phrase", "the new policy will be applied"),
        ("source-elision", "dell'ambasciata"),
    ]
    message = clean(text, select=FAMILY, target="fr").findings[0].message
    assert message.startswith("English left untranslated")


def test_target_switches_off_rules_made_for_english_copy() -> None:
    # In French copy "l’Iran" is right, and a (narrow no-break) space before ";" is the convention.
    text = "Talks with l’Iran\u202f; nothing more."
    assert clean(text, target="fr").text == text
    assert clean(text).text == "Talks with Iran\u202f; nothing more."
    done = CliRunner().invoke(main, ["fix", "--target", "fr", "-"], input=text)
    assert done.stdout == text
    assert (
        CliRunner().invoke(main, ["check", "--target", "fr", "--source", "fr", "-"], input=text).exit_code
        == 2
    )


def test_allowed_terms_are_not_reported(tmp_path) -> None:
    text = "the minister said that non era possibile to meet"
    assert _found(text, allow=["Non era possibile"]) == []
    allow = tmp_path / "allow.txt"
    allow.write_text("# newsroom terms\nnon era possibile\n")
    path = tmp_path / "a.txt"
    path.write_text(text)
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--select", "leftovers", "--preview", str(path)]).exit_code == 1
    done = runner.invoke(
        main, ["check", "--select", "leftovers", "--preview", "--allow", str(allow), str(path)]
    )
    assert (done.exit_code, done.stdout) == (0, "")


def test_an_allowed_term_is_a_whole_word_and_keeps_only_itself_from_the_report() -> None:
    # "Eni" inside "genitori" is no allowed term; the sentence that holds it stays reported.
    sentence = "The talks ended. Secondo i genitori dell'Eni non era possibile fare di più."
    rules = {finding.rule for finding in clean(sentence).findings}
    assert "source-sentence" in rules
    assert {finding.rule for finding in clean(sentence, allow=["Eni"]).findings} == rules
    assert {f.rule for f in clean(sentence.replace("dell'Eni", "x"), allow=["eni"]).findings} == rules


def test_a_chain_without_the_word_rules_loads_no_word_list() -> None:
    # The word lists take tens of MB; a run that ignores the rules reading them must not load them.
    script = (
        "from cleanup import clean; from cleanup.lang.frequencies import frequencies_for; "
        "clean('the minister said that non era possibile to meet', "
        "ignore=['leftovers', 'glued-words']); "
        "print(frequencies_for.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout == "0\n"


def test_word_lists_are_read_without_filling_wordfreqs_own_cache() -> None:
    # wordfreq keeps each list it reads as a dict of every word (about 40 MB a large list).
    script = (
        "import wordfreq; from cleanup import clean; "
        "found = clean('He said que abusaron de la confianza today.', select=['leftovers']).findings; "
        "print(len(found), wordfreq.get_frequency_dict.cache_info().currsize, "
        "wordfreq.get_frequency_list.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout == "1 0 0\n"


def test_the_first_look_finds_whole_words_between_any_separators() -> None:
    from cleanup.passes.wordlook import WordList, WordLook

    words = sorted(["de", "la", "accordo", "l", "sûr", "Wort", "km"])
    look = WordLook((WordList("test", frozenset({"r"}), lambda target: words),), "en")
    text = "«de» la\tfin, “accordo”; l’esprit… c'est sûr—„Wort“ (dela, accordos, Wort-x) 2\u00a0km"
    assert look.read(text).words("test") == ["Wort", "accordo", "de", "km", "l", "la", "sûr"]
    assert look.read("delay, la-la, ladder").words("test") == ["la"]
    assert look.read("").words("test") == []


def test_remembered_margins_stay_bounded_and_the_same(monkeypatch) -> None:
    from cleanup.lang import frequencies

    english = frequencies.frequencies_for("en")
    before = english.margins("saludaron")
    monkeypatch.setattr(frequencies, "MEMO_SIZE", 3)
    for word in ("zzqa", "zzqb", "zzqc", "zzqd", "saludaron"):
        english.margins(word)
    assert len(english._margins) <= 3
    assert english.margins("saludaron") == before
