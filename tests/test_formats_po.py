"""PO catalogues (issue 13, item 5): the translations are cleaned, everything else kept byte for
byte: keys, comments, the header, obsolete entries and placeholders."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.formats import FormatError
from cleanup.formats.po import escape_po, po_segments
from tests.test_linear_time import BOUND, growth, repeated
from tests.test_properties import PIECES


def fixed(text: str) -> str:
    return clean(text, format="po").text


def test_only_the_translations_change() -> None:
    entry = (
        '#: a.py:1\n#, fuzzy\nmsgctxt "x ; Y"\n'
        'msgid "Il patto ; Allo stesso tempo"\nmsgstr "The deal ; At the same time"\n'
    )
    header = 'msgid ""\nmsgstr ""\n"Language: en ; At\\n"\n\n'
    obsolete = '\n#~ msgid "Vecchio ; Tempo"\n#~ msgstr "The deal ; At once"\n'
    text = header + entry + obsolete
    assert fixed(text) == text.replace(
        'msgstr "The deal ; At the same time"', 'msgstr "The deal; at the same time"'
    )


def test_plural_forms_and_entries_without_blank_lines() -> None:
    text = (
        'msgid "%d libro"\nmsgid_plural "%d libri"\nmsgstr[0] "%d book , sold"\nmsgstr[1] "%d books , sold"\n'
        'msgid "Ciao"\nmsgstr "The deal , said"\n'
    )
    assert fixed(text) == text.replace(" , ", ", ")
    assert [segment.source for segment in po_segments(text)] == ["%d libro", "%d libro", "Ciao"]


def test_escapes_and_pieces_are_read_as_one_string_and_kept_where_unchanged() -> None:
    text = 'msgid "x"\nmsgstr ""\n"He said \\"the deal\\" , then\\n"\n"left ; At once \\t done"\n'
    (segment,) = po_segments(text)
    assert segment.text == 'He said "the deal" , then\nleft ; At once \t done'
    result = clean(text, format="po")
    assert result.text == text.replace('\\" , then', '\\", then').replace("left ; At", "left; at")
    assert [(f.line, f.column) for f in result.findings] == [(3, 22), (4, 6), (4, 9)]
    assert [text.splitlines()[f.line - 1][f.column - 1] for f in result.findings] == [" ", " ", "A"]


def test_a_change_across_two_pieces_keeps_the_file_a_catalogue() -> None:
    text = 'msgid "x"\nmsgstr ""\n"the deal "\n", said"\n'
    out = fixed(text)
    assert out == 'msgid "x"\nmsgstr ""\n"the deal"\n", said"\n'
    (segment,) = po_segments(out)
    assert segment.text == "the deal, said"


def test_placeholders_are_kept() -> None:
    text = 'msgid "x"\nmsgstr "rose by 5 %% , then %(name)s , {0} left"\n'
    assert fixed(text) == 'msgid "x"\nmsgstr "rose by 5 %%, then %(name)s, {0} left"\n'
    assert clean("rose by 5 %% , then").text == "rose by 5%%, then"  # what plain text would get


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('msgid "x"\nmsgstr "open\n', "line 2: not a line of a PO file: 'msgstr \"open'"),
        ('msgid "x"\nmsgstr "a" trailing\n', "line 2: not a line of a PO file: 'msgstr \"a\" trailing'"),
        ('"orphan"\n', "line 1: not a line of a PO file: '\"orphan\"'"),
        ('msgid "x"\nnonsense\n', "line 2: not a line of a PO file: 'nonsense'"),
    ],
)
def test_a_line_that_is_not_po_is_an_error_naming_it(text: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        po_segments(text)
    assert str(caught.value) == message


def test_the_fixed_catalogue_is_fixed_for_good() -> None:
    text = 'msgid "x"\nmsgstr ""\n"Khameneiâ€™s words ; At "\n"the talks). , but"\n'
    once = fixed(text)
    assert once != text and fixed(once) == once


@pytest.mark.parametrize(
    "piece",
    [
        '#: a.py:1\nmsgid "Il patto"\nmsgstr "The deal ; At once \\"x\\" %s"\n\n',
        '"more \\\\ \\" , words "\n',  # one translation of many pieces
    ],
)
def test_reading_a_catalogue_takes_linear_time(piece: str) -> None:
    def catalogue(size: int) -> str:
        return 'msgid "x"\nmsgstr ""\n' + repeated(piece)(size)

    assert growth(catalogue, po_segments) < BOUND


def copies(msgid: str, msgstr: str) -> list[str]:
    text = f'msgid "{msgid}"\nmsgstr "{msgstr}"\n'
    return [text[f.start : f.end] for f in clean(text, format="po").findings if f.rule == "source-copy"]


def test_words_copied_from_the_msgid_are_found_exactly() -> None:
    assert copies("Il governo non ha ancora deciso", "The government non ha ancora deciso on it") == [
        "non ha ancora deciso"
    ]
    assert copies("Le ministre a dit que le gouvernement", "The minister said le gouvernement agreed") == [
        "le gouvernement"
    ]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Vladimir Putin a Teheran", "Vladimir Putin in Tehran"),  # names pass as they are
        ("Il film in prima visione", "The film in its first showing"),  # words English writes too
        ("il 12 marzo 2024", "on 12 March 2024"),  # numbers
        ("non ha deciso", "non, ha; deciso"),  # not side by side in the copy
        ("ha deciso", "deciso ha"),  # not in the source's order
    ],
)
def test_what_a_translation_keeps_from_its_source_is_no_copy(msgid: str, msgstr: str) -> None:
    assert copies(msgid, msgstr) == []


def test_without_a_source_text_the_rule_finds_nothing() -> None:
    assert not [f for f in clean("The government non ha ancora deciso").findings if f.rule == "source-copy"]


def test_finding_copies_takes_linear_time() -> None:
    from cleanup.passes.leftovers.copied import copied_runs

    def foreign(word: str) -> bool:
        return True

    def both(size: int) -> str:
        return repeated("non ha . ancora deciso , ")(size)

    assert growth(both, lambda text: copied_runs(text, text, foreign, "en")) < BOUND


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_a_translation_becomes_what_clean_makes_of_it(prose: str) -> None:
    catalogue = f'# comment ; At\nmsgid "{escape_po(prose)}"\nmsgstr "{escape_po(prose)}"\n'
    once = fixed(catalogue)
    (segment,) = po_segments(once) or [None]
    assert once.startswith(f'# comment ; At\nmsgid "{escape_po(prose)}"\n')
    assert (segment.text if segment else "") == (clean(prose).text if prose.strip() else "")
    assert fixed(once) == once


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        # Real MT (WMT21 German→English): names that keep their particles, titles, agencies.
        ("Das sagte er dem Corriere dello Sport.", "He told Corriere dello Sport."),
        ("in Kirchheim unter Teck", "in Kirchheim unter Teck"),
        ("berichtete Brandenburg aktuell", "reported Brandenburg aktuell"),
        ("bei der Tour de l'Ain", "at the Tour de l'Ain"),
        ("sagte dpa in Berlin", "told dpa in Berlin"),
    ],
)
def test_the_names_a_translation_keeps_are_no_copy(msgid: str, msgstr: str) -> None:
    assert copies(msgid, msgstr) == []
