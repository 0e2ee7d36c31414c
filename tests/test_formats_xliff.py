"""XLIFF 1.2 and 2.x (issue 13, item 5): the targets are cleaned with their sources as the text
they translate; sources, notes, alternatives, attributes and inline codes stay byte for byte."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.formats import FormatError
from cleanup.formats.xliff import target_segment, xliff_segments
from tests.test_linear_time import BOUND, growth, repeated

V12 = (
    '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file source-language="it" target-language="en" datatype="plaintext" original="a"><body>\n{}\n'
    "</body></file></xliff>\n"
)
V20 = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="it" trgLang="en">'
    '<file id="f"><unit id="u"><segment>{}</segment></unit></file></xliff>'
)


def fixed(text: str) -> str:
    return clean(text, format="xliff").text


def test_only_the_targets_of_units_change() -> None:
    unit = (
        '<trans-unit id="1"><source>Il patto ; Allo stesso tempo</source>'
        '<target state="translated">The deal ; At the same time</target>'
        "<alt-trans><source>x</source><target>Alt ; At once</target></alt-trans>"
        '<note from="x">A note ; As is</note></trans-unit>'
    )
    text = V12.format(unit)
    assert fixed(text) == text.replace("The deal ; At the same", "The deal; at the same")


def test_xliff_2_segments() -> None:
    text = V20.format("<source>Il patto ; ora</source><target>The deal ; At once</target>")
    assert fixed(text) == text.replace("The deal ; At once", "The deal; at once")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ('The <g id="1">deal ; At once</g> now', 'The <g id="1">deal; at once</g> now'),
        ('the deal <ph id="1">{a , b}</ph> said ; At once', 'the deal <ph id="1">{a , b}</ph> said; at once'),
        ('the deal <x id="1"/> said ; At once', 'the deal <x id="1"/> said; at once'),
        ("the deal &amp; the talks ; At once", "the deal &amp; the talks; at once"),
        ("the deal <![CDATA[a , b]]> said ; At once", "the deal <![CDATA[a , b]]> said; at once"),
        ("the deal <!-- a , b --> said ; At once", "the deal <!-- a , b --> said; at once"),
        ("the deal %s , {name} said , then", "the deal %s, {name} said, then"),
        (
            'the <mrk id="m" translate="yes">deal ; At once</mrk> now',
            'the <mrk id="m" translate="yes">deal; at once</mrk> now',
        ),
    ],
)
def test_inline_codes_references_and_placeholders_are_kept(target: str, expected: str) -> None:
    text = V20.format(f"<source>x</source><target>{target}</target>")
    assert fixed(text) == text.replace(target, expected)


def test_the_source_is_the_text_the_target_translates() -> None:
    unit = (
        "<source>Il governo <g id='1'>non ha</g> ancora deciso <ph id='2'>{non ha}</ph></source>"
        "<target>The government non ha ancora deciso on it</target>"
    )
    (segment,) = xliff_segments(V20.format(unit))
    assert segment.source == "Il governo non ha ancora deciso "
    text = V20.format(unit)
    copied = [text[f.start : f.end] for f in clean(text, format="xliff").findings if f.rule == "source-copy"]
    assert copied == ["non ha ancora deciso"]


def test_findings_are_located_in_the_file() -> None:
    text = V12.format(
        '<trans-unit id="1"><source>é</source>\n<target>Khameneiâ€™s said , then</target></trans-unit>'
    )
    result = clean(text, format="xliff")
    line = text.splitlines()[3]
    assert [(f.rule, f.line, line[f.column - 1 :][:2]) for f in result.findings] == [
        ("mojibake", 4, "Kh"),
        ("space-before-punctuation", 4, " ,"),
    ]


def test_an_empty_or_missing_target_is_left_alone() -> None:
    assert xliff_segments(V20.format("<source>Il patto ; ora</source><target/>")) == []
    assert xliff_segments(V20.format("<source>Il patto ; ora</source><target>  </target>")) == []
    assert xliff_segments(V20.format("<source>Il patto ; ora</source>")) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<xliff><file>\n<unit></file></xliff>", "line 2: not valid XML: mismatched tag (column 9)"),
        ("<xliff>&nope;</xliff>", "line 1: not valid XML: undefined entity (column 8)"),
        (
            '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><xliff>&a;</xliff>',
            "line 1: declares an entity, which XLIFF never needs",
        ),
        ("not xml at all", "line 1: not valid XML: syntax error (column 1)"),
    ],
)
def test_xml_that_is_not_well_formed_is_an_error_naming_its_line(text: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        xliff_segments(text)
    assert str(caught.value) == message


def test_the_fixed_file_is_fixed_for_good() -> None:
    text = V20.format(
        "<source>x</source><target>Khameneiâ€™s <g id='1'>deal</g> said ; At once al-Assad). , but</target>"
    )
    once = fixed(text)
    assert once != text and fixed(once) == once


@pytest.mark.parametrize(
    "piece", ['<g id="1">a , b</g> &amp; <ph>{x}</ph> %s <x/> <!-- c --> ', "<ph>x <x/> </ph>", "&lt;&#65;"]
)
def test_a_target_is_read_in_linear_time(piece: str) -> None:
    assert growth(repeated(piece), lambda text: target_segment(text, 0, len(text), None)) < BOUND


def test_reading_a_file_takes_linear_time() -> None:
    unit = (
        '<unit id="u"><segment><source>a ; B</source>'
        '<target>the deal ; At <g id="1">x</g></target></segment></unit>'
    )

    def document(size: int) -> str:
        return f'<xliff version="2.0"><file id="f">{repeated(unit)(size)}</file></xliff>'

    assert growth(document, xliff_segments) < BOUND


XLIFF_PIECES = st.sampled_from(
    [
        "the", "At", "said", "minister", "l’Iran", "â€™", "&amp;", "&amp;amp;", "&#8217;", "&lt;", " ", "  ",
        ".", ",", ";", ")", "(", "%s", "{name}", "https://x.org/l'Iran , a",
        '<g id="1">', "</g>", '<x id="2"/>', '<ph id="3">{a , b}</ph>', '<pc id="4">', "</pc>",
        "<!-- a , b -->", "<![CDATA[ c , d ]]>",
    ]
)  # fmt: skip


def _balanced(pieces: list[str]) -> str:
    """The pieces, each opening tag closed before the end, as well-formed XML needs."""
    text, open_tags = "", []
    for piece in pieces:
        if piece in ("</g>", "</pc>"):
            if open_tags and open_tags[-1] == piece:
                text += open_tags.pop()
            continue
        text += piece
        if piece.startswith("<g "):
            open_tags.append("</g>")
        elif piece.startswith("<pc "):
            open_tags.append("</pc>")
    return text + "".join(reversed(open_tags))


def _outside_targets(document: str) -> list[str]:
    return re.split(r"<target>.*?</target>", document, flags=re.DOTALL)


def _codes(document: str) -> list[str]:
    return re.findall(
        r"<[^>]*>|%s|\{name\}|https://x\.org/l'Iran",
        re.search(r"<target>(.*?)</target>", document, re.DOTALL)[1],
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(XLIFF_PIECES, max_size=30).map(_balanced))
def test_a_target_keeps_its_codes_and_the_file_stays_xliff(target: str) -> None:
    document = V20.format(f"<source>Il patto ; ora &amp; {target}</source><target>{target}</target>")
    once = fixed(document)
    assert _outside_targets(once) == _outside_targets(document)
    assert _codes(once) == _codes(document)
    assert fixed(once) == once
    xliff_segments(once)  # still well formed


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("it", "Italian left untranslated: 'non era possibile'"),
        ("it-IT", "Italian left untranslated: 'non era possibile'"),
        ("xx", "Italian left untranslated: 'non era possibile' (source language inferred)"),
    ],
)
def test_the_source_language_the_file_names_is_the_one_looked_for(language: str, message: str) -> None:
    unit = "<source>x</source><target>The minister said that non era possibile today.</target>"
    text = V20.replace('srcLang="it"', f'srcLang="{language}"').format(unit)
    assert [f.message for f in clean(text, format="xliff").findings] == [message]


def test_a_file_in_another_source_language_is_not_read_for_italian() -> None:
    unit = "<source>x</source><target>The minister said that non era possibile today.</target>"
    french = V20.replace('srcLang="it"', 'srcLang="fr"').format(unit)
    assert clean(french, format="xliff").findings == ()
    # The user's --source wins over the file's.
    told = clean(french, format="xliff", sources=["it"]).findings
    assert [f.message for f in told] == ["Italian left untranslated: 'non era possibile'"]
    version_1 = V12.replace('source-language="it"', 'source-language="fr"').format(
        f'<trans-unit id="1">{unit}</trans-unit>'
    )
    assert clean(version_1, format="xliff").findings == ()


# Text the file says not to translate ("translate", XLIFF 1.2's mtype of <mrk>) is kept as written.
DO_NOT_TRANSLATE_12 = V12.format(
    '<trans-unit id="1" translate="no"><source>Code sea, . The</source><target>Code sea, . The</target>'
    "</trans-unit>\n"
    '<trans-unit id="2"><source>a</source><target>Brand <mrk mtype="protected">sea, . The</mrk> and '
    '<mrk mtype="x-dnt">Foo ). , bar</mrk> end, . The</target></trans-unit>'
)
DO_NOT_TRANSLATE_20 = (
    '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="it" trgLang="en">'
    '<file id="f1"><unit id="u1"><segment><source>a</source><target>Name <mrk id="m1" translate="no">'
    "sea, . The</mrk> rest, . The</target></segment></unit>\n"
    '<unit id="u2" translate="no"><segment><source>b</source><target>Kept sea, . The</target></segment>'
    "</unit></file></xliff>"
)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (DO_NOT_TRANSLATE_12, DO_NOT_TRANSLATE_12.replace("end, . The", "end. The")),
        (DO_NOT_TRANSLATE_20, DO_NOT_TRANSLATE_20.replace("rest, . The", "rest. The")),
    ],
)
def test_text_not_to_translate_is_kept_and_not_reported(document: str, expected: str) -> None:
    result = clean(document, format="xliff")
    assert result.text == expected
    assert [document[f.start : f.end] for f in result.findings] == [", ."]
    ElementTree.fromstring(result.text)  # still XML


@pytest.mark.parametrize(
    ("unit", "cleaned"),
    [
        # A group's or a file's "no" is its units', unless a unit says "yes".
        ('<group id="g" translate="no"><unit id="u"><segment>{}</segment></unit></group>', False),
        (
            '<group id="g" translate="no"><unit id="u" translate="yes"><segment>{}</segment></unit></group>',
            True,
        ),
        ('<group id="g" translate="yes"><unit id="u"><segment>{}</segment></unit></group>', True),
    ],
)
def test_a_unit_inherits_translate(unit: str, cleaned: bool) -> None:
    target = "<source>x</source><target>The deal ; At once</target>"
    text = V20.replace('<unit id="u"><segment>{}</segment></unit>', unit).format(target)
    assert (fixed(text) != text) is cleaned
    in_file = V20.replace('<file id="f">', '<file id="f" translate="no">').format(target)
    assert fixed(in_file) == in_file


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        # "yes" inside "no" is cleaned, and only it.
        (
            '<mrk id="a" translate="no">Brand , . X <mrk id="b" translate="yes">said , then</mrk> , Y</mrk>',
            '<mrk id="a" translate="no">Brand , . X <mrk id="b" translate="yes">said, then</mrk> , Y</mrk>',
        ),
        (
            '<pc id="1" translate="no">sea, . The</pc> rest, . The',
            '<pc id="1" translate="no">sea, . The</pc> rest. The',
        ),
        (
            'Name <sm id="s" translate="no"/>sea, . The<em startRef="s"/> rest, . The',
            'Name <sm id="s" translate="no"/>sea, . The<em startRef="s"/> rest. The',
        ),
        # Nothing but tags marked: read as an empty <g> is, the text either side one sentence.
        (
            'the deal <mrk id="m" translate="no"></mrk>; At once',
            'the deal<mrk id="m" translate="no"></mrk>; at once',
        ),
        # Codes inside protected text are kept with it.
        (
            'the deal <mrk id="m" translate="no">a <ph id="1">{x}</ph> , b <x id="2"/></mrk> ; At once',
            'the deal <mrk id="m" translate="no">a <ph id="1">{x}</ph> , b <x id="2"/></mrk> ; at once',
        ),
    ],
)
def test_inline_text_not_to_translate_is_kept(target: str, expected: str) -> None:
    text = V20.format(f"<source>x</source><target>{target}</target>")
    assert fixed(text) == text.replace(target, expected)


def test_a_marker_not_to_translate_spans_the_segments_of_its_unit() -> None:
    text = V20.replace("<segment>{}</segment>", "{}").format(
        '<segment><source>a</source><target>Open ; At last <sm id="s" translate="no"/>once , X</target>'
        "</segment>"
        '<segment><source>b</source><target>kept , . Y<em startRef="s"/> then ; At last</target></segment>'
    )
    assert fixed(text) == text.replace("Open ; At", "Open; at").replace("then ; At", "then; at")


def test_xliff_1_2_protected_text_may_say_translate_inside() -> None:
    target = (
        'Brand <mrk mtype="protected">sea , . X <mrk mtype="x-its-translate-yes">said , then</mrk></mrk>'
        '<mrk mtype="term">deal , now</mrk>'
    )
    text = V12.format(f'<trans-unit id="1"><source>x</source><target>{target}</target></trans-unit>')
    assert fixed(text) == text.replace("said , then", "said, then").replace("deal , now", "deal, now")


@pytest.mark.parametrize(
    "piece",
    [
        '<mrk id="m" translate="no">a , b <g id="1">c</g> ; D</mrk> e , ',
        "<sm id='s' translate='no'/>a , <em startRef='s'/>",
    ],
)
def test_text_not_to_translate_is_read_in_linear_time(piece: str) -> None:
    assert growth(repeated(piece), lambda text: target_segment(text, 0, len(text), None)) < BOUND


@settings(max_examples=200, deadline=None)
@given(st.lists(XLIFF_PIECES, max_size=12).map(_balanced), st.lists(XLIFF_PIECES, max_size=12).map(_balanced))
def test_text_not_to_translate_stays_byte_for_byte(kept: str, around: str) -> None:
    protected = f'<mrk id="m" translate="no">{kept}</mrk>'
    document = V20.format(f"<source>x</source><target>{around}{protected}{around}</target>")
    once = fixed(document)
    assert protected in once
    assert fixed(once) == once
    ElementTree.fromstring(once)
