"""HTML (issue 13, item 3): the text of elements and the values of alt and title are cleaned,
read across inline elements; everything else is kept byte for byte."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import clean
from cleanup.formats.htmldoc import html_segments
from cleanup.formats.htmltokens import tokens
from tests.test_linear_time import BOUND, growth, repeated


def fixed(text: str) -> str:
    return clean(text, format="html").text


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A sentence runs across inline elements: the cluster, the capital, the glued word.
        (
            '<p>regime of <a href="/x">al-Assad</a>). , but</p>',
            '<p>regime of <a href="/x">al-Assad</a>), but</p>',
        ),
        (
            "<p>the <em>exploitation</em>; At the same time</p>",
            "<p>the <em>exploitation</em>; at the same time</p>",
        ),
        (
            '<p>the <a href="#">minister</a>said nothing</p>',
            '<p>the <a href="#">minister</a> said nothing</p>',
        ),
        ("<p>talks<!-- note --> , then</p>", "<p>talks<!-- note -->, then</p>"),
        # Character references: read as characters, kept unless the fix is theirs.
        (
            "<p>AT&amp;T , and &#8220;this&#8221; ; At once</p>",
            "<p>AT&amp;T, and &#8220;this&#8221;; at once</p>",
        ),
        ("<p>the talks &amp;amp; more</p>", "<p>the talks &amp; more</p>"),
        ("<p>Khamenei&acirc;&#128;&#153;s words</p>", "<p>Khamenei’s words</p>"),
        # alt and title are prose, in their own quotes.
        (
            "<img alt=\"talks , now\" title='Putin ; The talks'>",
            "<img alt=\"talks, now\" title='Putin; the talks'>",
        ),
        # Broken HTML still works.
        ("<p>unclosed <b>bold , text", "<p>unclosed <b>bold, text"),
        ("<div><p>one , two<p>three , four</div>", "<div><p>one, two<p>three, four</div>"),
    ],
)
def test_prose_is_cleaned(before: str, after: str) -> None:
    assert fixed(before) == after


@pytest.mark.parametrize(
    "kept",
    [
        "<script>var a = [1 , 2]; if (a < b) { x = 'al-Assad). , but'; }</script>",
        "<style>p { margin : 0 ; }</style>",
        "<pre>keep . , this ; At all</pre>",
        "<p><code>x = f(a). , b</code></p>",
        "<p><kbd>Ctrl ; At</kbd> <samp>a , b</samp></p>",
        "<textarea>text ; At area</textarea>",
        "<!-- a comment ; At all -->",
        '<a href="/x?a=1 , b" data-x="l’Iran" class="a , b">x</a>',
        '<img src="/img/l\'Iran , 1.jpg" alt=unquoted>',
        "<!DOCTYPE html>",
        "<svg><text>a , b</text></svg>",
        "<p>a <b>x</b> y\n     indented , line</p>".replace(" , ", " "),
    ],
)
def test_what_is_not_prose_is_kept_byte_for_byte(kept: str) -> None:
    assert fixed(kept) == kept


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # translate="no" (any case, any quotes) and the class notranslate: kept, the rest cleaned.
        (
            '<p>Name <span translate="no">sea, . The</span> and <span class="notranslate">x ). , y</span>'
            ".</p><p>Other sea, . The end.</p>",
            '<p>Name <span translate="no">sea, . The</span> and <span class="notranslate">x ). , y</span>'
            ".</p><p>Other sea. The end.</p>",
        ),
        (
            "<p>a <b translate='No'>x , . y</b> b , c <i class='a notranslate b'>z ; At</i></p>",
            "<p>a <b translate='No'>x , . y</b> b, c <i class='a notranslate b'>z ; At</i></p>",
        ),
        # Inherited by what is inside, but where translate="yes" says otherwise.
        (
            '<div translate="no"><p>kept , . The <b>bold ; At</b> <i translate="yes">free , . The end</i>'
            " <em>kept ; At</em></p></div><p>free , . The</p>",
            '<div translate="no"><p>kept , . The <b>bold ; At</b> <i translate="yes">free. The end</i>'
            " <em>kept ; At</em></p></div><p>free. The</p>",
        ),
        # A void element marked keeps its alt and title; the element after it is not marked.
        (
            '<p>talks , then <img translate="no" alt="kept , alt" title="x ; At"> <img alt="free , alt"></p>',
            '<p>talks, then <img translate="no" alt="kept , alt" title="x ; At"> <img alt="free, alt"></p>',
        ),
        ('<p title="kept , t" translate="no">x , y</p>', '<p title="kept , t" translate="no">x , y</p>'),
        ('<html translate="no"><title>a , b</title><p>c , d</p></html>', None),
        # Left open, kept only up to where a browser ends the element: the end of what holds it,
        # the next paragraph, the next item of its list, the next cell.
        (
            '<p>open <span class="notranslate">never , . closed</p><p>after , . The</p>',
            '<p>open <span class="notranslate">never , . closed</p><p>after. The</p>',
        ),
        (
            '<p translate="no">unclosed , . The<p>then , . The',
            '<p translate="no">unclosed , . The<p>then. The',
        ),
        (
            '<ul><li translate="no">item , . The<li>next , . The</ul>',
            '<ul><li translate="no">item , . The<li>next. The</ul>',
        ),
        (
            '<ul><li translate="no">item , . The<ul><li>sub , . The</ul>kept , . The<li>next , . The</ul>',
            '<ul><li translate="no">item , . The<ul><li>sub , . The</ul>kept , . The<li>next. The</ul>',
        ),
        (
            '<table><tr><td translate="no">a , . b<td>c , . The</table>',
            '<table><tr><td translate="no">a , . b<td>c. The</table>',
        ),
        # Nested elements of the same name are counted; an end tag that ends nothing is ignored.
        (
            '<div translate="no"><div>a , . b</div></span>c , . d</div>e , . The',
            '<div translate="no"><div>a , . b</div></span>c , . d</div>e. The',
        ),
    ],
)
def test_what_the_page_marks_not_to_translate_is_kept(before: str, after: str | None) -> None:
    assert fixed(before) == (before if after is None else after)


def test_nothing_is_reported_inside_what_is_kept() -> None:
    page = '<p>Name <span translate="no">sea, . The</span> and <span class="notranslate">x ). , y</span>.</p>'
    kept = [(m.start(), m.end()) for m in re.finditer(r"<span .*?</span>", page)]
    findings = clean(page + "<p>Other sea, . The end.</p>", format="html").findings
    assert [finding.rule for finding in findings] == ["punctuation-cluster"]
    assert all(finding.end <= start or end <= finding.start for finding in findings for start, end in kept)


@pytest.mark.parametrize(
    ("reference", "character"),
    [
        ("&#" + "9" * 5_000 + ";", "\ufffd"),
        ("&#" + "0" * 5_000 + "233;", "é"),
        ("&#" + "9" * 5_000, "\ufffd"),
    ],
    ids=["too-large", "leading-zeros", "no-semicolon"],
)
def test_a_reference_of_thousands_of_digits_is_read_as_a_browser_reads_it(
    reference: str, character: str
) -> None:
    # More digits than Python's int() reads (4,300): html.unescape raised ValueError, a traceback.
    page = f"<p>He said , yes {reference} ok</p>"
    (segment,) = html_segments(page)
    assert segment.text == f"He said , yes {character} ok"
    assert fixed(page) == page.replace(" , ", ", ")


def test_a_fix_that_would_take_a_tag_out_is_not_applied() -> None:
    text = '<p>the talks<a href="x">.</a> , but</p>'
    result = clean(text, format="html")
    assert result.text == text
    (finding,) = result.findings
    assert finding.rule == "punctuation-cluster" and not finding.applied


_UNIT = (
    '<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source>{}'
    + "</trans-unit></body></file></xliff>"
)


@pytest.mark.parametrize(
    ("form", "page", "fixed_page"),
    [
        # A quote mark inside a tag and the space after it: two changes, each written.
        ("html", "<p>«a disgrace<b>»</b> , he said</p>", "<p>“a disgrace<b>”</b>, he said</p>"),
        (
            "xliff",
            _UNIT.format("<target>«a disgrace<g id='1'>»</g> , he said</target>"),
            _UNIT.format("<target>“a disgrace<g id='1'>”</g>, he said</target>"),
        ),
    ],
)
def test_a_change_beside_a_tag_is_written_whole_and_once(form: str, page: str, fixed_page: str) -> None:
    result = clean(page, format=form)
    assert result.text == fixed_page
    assert all(f.applied for f in result.findings)
    assert clean(result.text, format=form).text == result.text


def test_a_finding_is_written_whole_or_not_at_all() -> None:
    from cleanup.formats.segments import Segment, _changes
    from cleanup.model import Edit, Finding, Safety
    from cleanup.result import Result

    # The file "«ab<i>»": the text "«ab»" with a tag before "»". One finding changes both marks,
    # the second change taking "b»" across the tag: neither is written.
    segment = Segment("«ab»", 0, [(3, 6, 3)], str)
    finding = Finding("source-quotes", "m", 0, 4, "“aB”", Safety.SAFE, applied=True)
    result = Result("«ab»", "“aB”", (finding,), (Edit(0, 1, 0, 0), Edit(2, 4, 0, 0)))
    assert _changes(segment, result) == ([], {0})


def test_findings_are_located_in_the_file() -> None:
    text = '<html>\n<body>\n  <p class="x">The <a href="y">talks</a>. , but &amp; the deal ; At once</p>\n'
    result = clean(text, format="html")
    line = text.splitlines()[2]
    assert [(f.rule, f.line, line[f.column - 1 :][:3]) for f in result.findings] == [
        ("punctuation-cluster", 3, ". ,"),
        ("space-before-punctuation", 3, " ; "),
        ("semicolon-capital", 3, "At "),
    ]


def test_blocks_are_joined_by_blank_lines_and_inline_elements_read_through() -> None:
    page = "<h1>Title , one</h1><p>The <b>talks</b> went<br>on</p><li>item</li>"
    (segment,) = html_segments(page)
    assert segment.text == "Title , one\n\nThe talks went\n\non\n\nitem"
    assert segment.virtual == ((11, 13), (27, 29), (31, 33))


def test_tokens_follow_html5() -> None:
    page = '<a title="x>y">t</a><!--->c<!-- d --!>e<?php x ?>f</ x>g<b'
    found = [(token.kind, page[token.start : token.end]) for token in tokens(page)]
    assert found == [
        ("start", '<a title="x>y">'),
        ("text", "t"),
        ("end", "</a>"),
        ("comment", "<!--->"),
        ("text", "c"),
        ("comment", "<!-- d --!>"),
        ("text", "e"),
        ("comment", "<?php x ?>"),
        ("text", "f"),
        ("comment", "</ x>"),
        ("text", "g"),
        ("start", "<b"),
    ]
    assert "".join(page[token.start : token.end] for token in tokens(page)) == page


def test_the_fixed_page_is_fixed_for_good() -> None:
    text = "<p>Khameneiâ€™s <a>minister</a>said ; At once al-Assad). , but &amp;amp; x</p>"
    once = fixed(text)
    assert once != text and fixed(once) == once


@pytest.mark.parametrize(
    "piece",
    [
        "<a ",  # a tag never closed
        '<a title="',  # a quoted value never closed
        "<!--",  # a comment never closed
        "<script>",  # raw text never closed
        "<p>the talks <b>x</b> , &amp; then </p>\n",
        "&amp;&#x41;&nope; ",
        "<em>a</em>",  # a gap after every word
        '<span translate="no"><i translate="yes">x , ',  # marks nested, never closed
        '<a translate=no class="notranslate" ',  # a tag never closed, marked again and again
        "<ul><li class=notranslate><b>a , ",  # lists nested in items, left open
        '<b><li translate="no">a , ',  # each item closes the last, and what is open in it
        '<table><tr><td translate="no"><p>a , ',
    ],
)
def test_reading_a_page_takes_linear_time(piece: str) -> None:
    assert growth(repeated(piece), html_segments) < BOUND


def test_no_change_may_touch_the_blank_lines_between_blocks() -> None:
    (segment,) = html_segments("<p>one , two</p>\n<p>three</p>")
    assert segment.text == "one , two\n\nthree"
    assert segment.crosses_gap(8, 10) and segment.crosses_gap(10, 10) and segment.crosses_gap(10, 12)
    assert not segment.crosses_gap(3, 4) and not segment.crosses_gap(9, 9) and not segment.crosses_gap(11, 11)
    assert segment.span(11, 16) == (len("<p>one , two</p>\n<p>"), len("<p>one , two</p>\n<p>three"))


# Pages made of prose pieces and markup: tags inline and block, attributes, comments, raw text,
# references, broken markup.
HTML_PIECES = st.sampled_from(
    [
        "the", "At", "said", "minister", "l’Iran", "â€™", "&amp;", "&amp;amp;", "&#8217;", " ", " ", "\n",
        ".", ",", ";", ")", "(", "«", "»", '"', "'",
        "<p>", "</p>", "<a href='x , y'>", "</a>", "<em>", "</em>", "<br>", "<h1>", "</h1>",
        '<img alt="the , At" title=\'l’Iran ; At\'>', "<!-- a , b -->", "<code>", "</code>",
        "<script>x = [1 , 2];</script>", "<pre>", "</pre>", "<a ", "<!--", "<", ">", "</",
        '<span translate="no">', "</span>", "<p class='notranslate'>", '<i translate="yes">', "</i>",
    ]
)  # fmt: skip


def _markup(page: str) -> list[str]:
    """The page's markup as written, but for the values of alt and title."""
    kept = []
    for token in tokens(page):
        piece = page[token.start : token.end]
        if token.kind != "text":
            kept.append(re.sub(r"""(alt|title)=("[^"]*"|'[^']*')""", r"\1=…", piece))
    return kept


@settings(max_examples=300, deadline=None)
@given(st.lists(HTML_PIECES, max_size=40).map("".join))
def test_a_page_keeps_its_markup_and_is_fixed_for_good(page: str) -> None:
    once = fixed(page)
    assert _markup(once) == _markup(page)
    assert fixed(once) == once


@settings(max_examples=200, deadline=None)
@given(st.lists(HTML_PIECES.filter(lambda piece: "yes" not in piece), max_size=40).map("".join))
def test_a_page_marked_not_to_translate_is_kept_whole(page: str) -> None:
    marked = f'<div translate="no">{page}</div>'
    assert fixed(marked) == marked
