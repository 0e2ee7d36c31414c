"""Names glued to the next word at a link boundary: found, split only with --unsafe-fixes, and never
real words, names, hashtags, addresses or brand names."""

from __future__ import annotations

import subprocess
import sys

import pytest
import wordfreq

from cleanup import clean
from cleanup.lang.glue import glue_words
from cleanup.passes.conventions.glued import GLUED_WORDS

RULE = ["glued-words"]


def split(text: str, target: str = "en") -> str:
    return clean(text, select=RULE, unsafe=True, target=target).text


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # Any capitalised word in mid-sentence before a word that ends no English word.
        ("a Palazzo Chigiafter the meeting", "a Palazzo Chigi after the meeting"),
        ("said Ms Okonkwoduring the visit", "said Ms Okonkwo during the visit"),
        ("talks in O'Neillbefore the vote", "talks in O'Neill before the vote"),
        # A country, territory or language name (CLDR), in lowercase too, or at a sentence start.
        ("in italythe government fell", "in italy the government fell"),
        ("talks with franceand germany", "talks with france and germany"),
        ("Italythe government fell.", "Italy the government fell."),
        # A word ending many words ('with', 'the', 'and') only after a name the text uses alone.
        (
            "met Mr Zanetti in Milan, and Mr Zanettiwith his lawyers",
            "met Mr Zanetti in Milan, and Mr Zanetti with his lawyers",
        ),
        (
            "at the Palazzo Chigi, then at Palazzo Chigithe press waited",
            "at the Palazzo Chigi, then at Palazzo Chigi the press waited",
        ),
    ],
)
def test_a_name_glued_to_a_frequent_word_is_split(before: str, after: str) -> None:
    assert split(before) == after


@pytest.mark.parametrize(
    "text",
    [
        # Real words and names, some ending in a frequent word.
        "Afterwards, Thereafter and Meanwhile the talks went on",
        "the Berlusconi theatre on Monday",
        "from Southampton, Washington and Andover to England and Scotland",
        "in the Thereafter Festival",
        "columnist Ross Douthat wrote",  # 'that' ends a name: not after any capitalised word
        "actress Sarah Blythe said",  # 'the' too (Blythe, Smythe, Goethe)
        "the Haaland goal and the Wendover bypass",  # unknown to the small list, but no evidence
        "Mr Beckwith and Mr Forsythe",
        # A capital opening a sentence says nothing about a name.
        "Chigiafter the meeting, talks resumed.",
        "The vote. Chigiafter the meeting, talks resumed.",
        # A token the text uses twice is a word of its own.
        "Zanettiafter one and Zanettiafter two",
        # Hashtags, handles, addresses, compounds and possessives.
        "#ItalyThe #Chigiafter @Chigiafter",
        "see www.italythe.com, italythe@example.com or https://example.com/Chigiafter",
        "the Chigiafter.com site and the Chigiafter's view",
        "the Franco-Italythe talks",
        # Brand names with an inner capital.
        "iPhone, PowerPoint and YouTube after the launch",
        "a PowerPointafter the talk",
    ],
)
def test_real_words_names_and_addresses_are_left_alone(text: str) -> None:
    result = clean(text, select=RULE, unsafe=True)
    assert result.findings == ()
    assert result.text == text


def test_the_split_is_a_suggestion() -> None:
    text = "a Palazzo Chigiafter the meeting"
    result = clean(text, select=RULE)
    assert result.text == text
    [finding] = result.findings
    assert (finding.rule, finding.safety, finding.applied) == ("glued-words", "unsafe", False)
    assert text[finding.start : finding.end] == "Chigiafter"
    assert finding.replacement == "Chigi after"
    assert "'Chigi'" in finding.message and "'after'" in finding.message
    assert clean(text, select=RULE, unsafe=True).findings[0].applied


def test_it_is_preview_and_runs_with_its_family() -> None:
    assert clean("a Palazzo Chigiafter the meeting").findings == ()
    findings = clean("a Palazzo Chigiafter the meeting", select=["conventions"]).findings
    assert [f.rule for f in findings] == ["glued-words"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("à Matignonaprès la réunion", "à Matignon après la réunion"),
        ("reçu à Matignon. Puis à Matignondans la soirée", "reçu à Matignon. Puis à Matignon dans la soirée"),
        ("depuis l'Italieavec ses alliés", "depuis l'Italie avec ses alliés"),
        ("la visite en italieaprès la guerre", "la visite en italie après la guerre"),
        ("à l'Élyséeaprès le conseil", "à l'Élysée après le conseil"),
    ],
)
def test_french_copy_uses_french_words(before: str, after: str) -> None:
    assert split(before, target="fr") == after


@pytest.mark.parametrize(
    "text",
    [
        "à Matignondans la soirée",  # 'dans' ends words: Matignon must appear alone elsewhere
        "le Moravec et le Casavant",  # names ending in 'avec' and 'avant'
        "a Palazzo Chigiafter the meeting",  # English words in French copy
    ],
)
def test_french_copy_left_alone(text: str) -> None:
    assert clean(text, select=RULE, unsafe=True, target="fr").findings == ()


def test_english_copy_does_not_split_french_words() -> None:
    assert clean("à Matignonaprès la réunion", select=RULE, unsafe=True).findings == ()


def test_german_copy() -> None:
    assert split("er kam in Berlinnachdem die Wahl", target="de") == "er kam in Berlin nachdem die Wahl"


def test_many_candidates_are_answered_from_an_index_alike() -> None:
    # Past a few questions the text's words are indexed once; the answers must not change.
    names = [f"Zan{chr(97 + i // 26)}{chr(97 + i % 26)}etti" for i in range(40)]
    text = " ".join(f"met {name} in Rome, then {name}with the press." for name in names)
    # Used twice: a word of its own; never used alone: no name.
    text += " met Zanqqetti in Rome, then Zanqqettiwith the press and Zanqqettiwith the crowd."
    text += " Then Zanrrettiwith the press."
    found = [f.replacement for f in clean(text, select=RULE, unsafe=True).findings]
    assert found == [f"{name} with" for name in names]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_words_after_any_name_end_no_word_of_the_language(language: str) -> None:
    # The property that lets any capitalised word before them count as a name.
    words = glue_words(language)
    assert words is not None
    small = wordfreq.get_frequency_dict(language, wordlist="small")
    endings = {
        word: [w for w in wordfreq.iter_wordlist(language, "large") if w.endswith(word) and w not in small]
        for word in words.after_any_name
    }
    long_enough = {word: [w for w in found if len(w) - len(word) >= 3] for word, found in endings.items()}
    assert all(len(found) <= 5 for found in long_enough.values()), long_enough


@pytest.mark.parametrize("language", ["en", "fr", "it", "es", "pt", "de"])
def test_glue_words_are_frequent_function_words(language: str) -> None:
    words = glue_words(language)
    assert words is not None
    assert not words.after_any_name & words.after_known_name
    frequent = set(wordfreq.top_n_list(language, 2000, wordlist="small"))
    assert words.every <= frequent, words.every - frequent
    assert min(map(len, words.every)) >= 3


def _word_lists_loaded(text: str) -> str:
    script = (
        "from cleanup import clean; from cleanup.lang.frequencies import zipf_table; "
        f"clean({text!r}, select=['glued-words']); print(zipf_table.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return done.stdout


def test_the_word_list_is_loaded_only_for_a_candidate() -> None:
    ordinary = "Although England and Scotland met in Thailand, Jonathan said. Meanwhile, elsewhere"
    assert _word_lists_loaded(ordinary) == "0\n"
    assert _word_lists_loaded("a Palazzo Chigiafter the meeting") == "1\n"


def test_rule_serves_every_target_with_a_table() -> None:
    assert GLUED_WORDS.family == "conventions"
    assert all(GLUED_WORDS.serves(target) for target in ("en", "fr", "it", "es", "pt", "de"))
    assert all(example.after == split(example.before) for example in GLUED_WORDS.examples)
