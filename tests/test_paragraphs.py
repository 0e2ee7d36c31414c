"""Paragraphs: where a long text is cut into pieces, and the pieces cleaned one at a time."""

from __future__ import annotations

from itertools import pairwise

import pytest

from cleanup import clean, pipeline
from cleanup.formats import MARKDOWN
from cleanup.paragraphs import PARAGRAPHS_KEPT_WHOLE, PARAGRAPHS_PER_PIECE, clean_in_pieces, pieces
from cleanup.result import Result

PER_PIECE = PARAGRAPHS_PER_PIECE
FEED = PARAGRAPHS_KEPT_WHOLE + PER_PIECE  # paragraphs of a feed, longer than any article: four pieces


def _paragraphs(
    count: int, make=lambda number: f"Paragraph {number} , said the minister; At once."
) -> list[str]:
    return [make(number) for number in range(count)]


def _nothing() -> list[tuple[int, int]]:
    return []


def test_a_text_is_cut_after_every_so_many_blank_lines_each_piece_ending_with_its_own() -> None:
    text = "\n\n".join(_paragraphs(10))
    spans = pieces(text, _nothing, per_piece=3, kept_whole=4)
    assert [text[start:end].count("Paragraph") for start, end in spans] == [3, 3, 4]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(text[start:end].endswith("\n\n") for start, end in spans[:-1])


def test_a_last_piece_of_at_most_half_the_paragraphs_joins_the_one_before() -> None:
    assert len(pieces("\n\n".join(_paragraphs(10)), _nothing, per_piece=4, kept_whole=6)) == 2  # 4, 4 and 2
    assert len(pieces("\n\n".join(_paragraphs(11)), _nothing, per_piece=4, kept_whole=6)) == 3  # 4, 4, 3


def test_a_text_of_up_to_so_many_paragraphs_is_one_piece_whatever_its_pieces_would_be() -> None:
    assert len(pieces("\n\n".join(_paragraphs(PARAGRAPHS_KEPT_WHOLE)), _nothing)) == 1
    assert len(pieces("\n\n".join(_paragraphs(PARAGRAPHS_KEPT_WHOLE + 1)), _nothing)) == 3  # 32, 32, 33


def test_no_cut_falls_inside_a_span_to_keep_whole_and_crlf_blank_lines_count() -> None:
    text = "\r\n\r\n".join(_paragraphs(8))
    second_blank_line = text.index("\r\n\r\n", text.index("\r\n\r\n") + 1)
    kept = [(second_blank_line - 3, second_blank_line + 6)]
    spans = pieces(text, lambda: kept, per_piece=2, kept_whole=3)
    assert all(not start < cut < end for cut, _ in spans for start, end in kept)
    assert [text[start:end].count("Paragraph") for start, end in spans] == [3, 2, 3]


def test_a_text_with_few_lines_is_one_piece_without_asking_what_to_keep_whole() -> None:
    def never() -> list[tuple[int, int]]:
        raise AssertionError("asked")

    text = "\n\n".join(_paragraphs(PER_PIECE))
    assert pieces(text, never) == [(0, len(text))]


def test_a_long_text_is_cleaned_as_its_pieces_with_positions_in_the_whole() -> None:
    paragraphs = _paragraphs(FEED)
    text = "\n\n".join(paragraphs)
    result = clean(text)
    spans = pieces(text, _nothing)
    assert len(spans) == 4
    parts = [clean(text[start:end]) for start, end in spans]
    assert result.text == "".join(part.text for part in parts)
    assert result.text == "\n\n".join(
        f"Paragraph {number}, said the minister; at once." for number in range(len(paragraphs))
    )
    assert len(result.findings) == sum(len(part.findings) for part in parts) == 2 * len(paragraphs)
    last = result.findings[-1]
    assert (last.line, text[last.start : last.end]) == (2 * len(paragraphs) - 1, "A")
    assert clean(result.text).text == result.text


def test_what_a_rule_reads_of_the_whole_text_it_reads_in_the_piece() -> None:
    # glued-words leaves a token the text writes twice: a word of its own. In a long text, what
    # counts is the piece: the two occurrences stand in two pieces, and each is split.
    def paragraph(number: int) -> str:
        return "The ministersaid no." if number in (0, FEED - 1) else f"Paragraph {number} is fine."

    short = "The ministersaid no.\n\nThe ministersaid no."
    assert clean(short).text == short
    text = "\n\n".join(_paragraphs(FEED, paragraph))
    assert clean(text).text.count("The minister said no.") == 2


def test_a_code_block_and_a_kept_off_passage_are_never_cut() -> None:
    filler = "\n\n".join(_paragraphs(PER_PIECE - 2))
    fenced = "```\n" + "\n\n".join(["x = a , b"] * 8) + "\n```"
    kept_off = (
        "<!-- cleanup: off -->\n\n" + "\n\n".join(["Kept , as written"] * 8) + "\n\n<!-- cleanup: on -->"
    )
    text = "\n\n".join([filler, fenced, filler, kept_off, filler])
    result = clean(text, format="markdown")
    assert result.text.count("x = a , b") == 8
    assert result.text.count("Kept , as written") == 8
    assert result.text.count(", said the minister; at once.") == 3 * (PER_PIECE - 2)


def test_blank_lines_an_entity_fix_writes_were_counted_so_a_second_run_cuts_alike() -> None:
    # A feed whose paragraph breaks are encoded: the first run decodes them, and must have cut
    # where the second run, reading blank lines, cuts; else the second run reads the two
    # occurrences of the glued token in two pieces and splits what the first left.
    def paragraph(number: int) -> str:
        return "The ministersaid no." if number in (0, FEED - 1) else f"Paragraph {number} is fine."

    for encoded in ("&#10;&#10;", "&amp;#10;&#xA;", "&#13;&#10;&#13;&#10;"):
        once = clean(encoded.join(_paragraphs(FEED, paragraph))).text
        assert "&" not in once
        assert clean(once).text == once


def _feed(changes: dict[int, str], count: int = FEED) -> list[str]:
    paragraphs = [f"Paragraph {number} of the feed." for number in range(count)]
    for number, paragraph in changes.items():
        paragraphs[number] = paragraph
    return paragraphs


@pytest.mark.parametrize("unsafe", [False, True])
def test_a_blank_line_a_fix_makes_moves_the_cut_in_the_first_run_too(unsafe: bool) -> None:
    # A control character on a line of its own is removed (safe), which leaves a blank line: the
    # second run would count one more and cut a paragraph earlier, reading the two glued tokens
    # (a word used twice stays whole) in one piece where the first read them in two.
    paragraphs = _feed({PER_PIECE - 1: "Then the ministersaid it.", PER_PIECE: "Later the ministersaid it."})
    text = paragraphs[0] + "\n\ufeff\n" + "\n\n".join(paragraphs[1:])
    once = clean(text, unsafe=unsafe)
    assert "\ufeff" not in once.text
    assert clean(once.text, unsafe=unsafe).text == once.text


def test_an_entity_blank_line_that_ends_a_kept_off_passage_moves_the_cut_too() -> None:
    paragraphs = _feed(
        {
            10: "<!-- cleanup: ignore[spacing] -->\nFirst part.&#10;&#10;Second part.",
            PER_PIECE - 2: "Then the ministersaid it.",
            PER_PIECE - 1: "Later the ministersaid it.",
        }
    )
    once = clean("\n\n".join(paragraphs)).text
    assert "First part.\n\nSecond part." in once
    assert clean(once).text == once


def test_a_marker_an_entity_fix_writes_keeps_rules_off_the_pieces_after_it() -> None:
    paragraphs = [f"Paragraph {number} , of the feed." for number in range(FEED)]
    paragraphs[10] = "&lt;!-- cleanup: off --&gt;"
    once = clean("\n\n".join(paragraphs)).text
    assert "<!-- cleanup: off -->" in once
    assert once.count(" , of the feed.") == FEED - 11  # as in one piece: nothing fixed after it
    assert clean(once).text == once


def test_a_long_markdown_text_is_cut_between_paragraphs_but_not_before_an_indented_line() -> None:
    items = [f"- item {number} , listed\n\n  its note , indented" for number in range(PER_PIECE * 2)]
    text = "\n\n".join([*_feed({}), *items, "```\na , b\n\nc , d\n```"])
    result = clean(text, format="markdown")
    spans = pieces(text, lambda: pipeline._kept_whole(text, MARKDOWN))
    assert len(spans) > 1
    assert all(not text[end:].startswith(" ") for _, end in spans[:-1])
    assert result.text.count("its note, indented") == PER_PIECE * 2
    assert "a , b\n\nc , d" in result.text


def test_the_edits_of_a_long_text_are_those_each_fix_made() -> None:
    paragraphs = _feed({PER_PIECE * 2 + 10: "It was the President'  s plan."})
    text = "\n\n".join(paragraphs)
    result = clean(text)
    short = clean(paragraphs[PER_PIECE * 2 + 10])
    offset = text.index("It was the President")
    assert [(e.start - offset, e.end - offset, e.delta) for e in result.edits] == [
        (e.start, e.end, e.delta) for e in short.edits
    ]
    assert sorted(result.findings[e.finding].rule for e in result.edits) == [
        "apostrophe-space",
        "repeated-spaces",
    ]


def test_a_cleaning_that_never_settles_where_it_cuts_still_gives_one_whole_result() -> None:
    # A cleaner that doubles every blank line makes a text cut elsewhere however often it is cut
    # again: the last cleaning is kept, its parts joined in the order of its pieces.
    calls = []

    def doubling(piece: str) -> Result:
        calls.append(piece)
        return Result(original=piece, text=piece.replace("\n\n", "\n\n\n\n"), findings=())

    text = "\n\n".join(f"p{number}" for number in range(8))
    result = clean_in_pieces(text, doubling, lambda _: [], per_piece=2, kept_whole=3)
    assert result.text == text.replace("\n\n", "\n\n\n\n")
    assert len(calls) > len(pieces(text, list, per_piece=2, kept_whole=3))  # cleaned again, in other pieces


def test_a_cut_moved_back_before_an_edit_stays_before_it() -> None:
    # The control character adds a blank line once cleaned, so the cut moves; where it lands in
    # the cleaned text an edit starts (mojibake repaired), and the cut stays before that edit.
    paragraphs = _feed({1: "\x07", PER_PIECE + 1: "Ã©   spoke."})
    text = "\n".join(paragraphs[:2]) + "\n" + "\n\n".join(paragraphs[2:])
    once = clean(text).text
    assert "\né spoke.\n" in once
    assert clean(once).text == once


@pytest.mark.parametrize("unsafe", [False, True])
def test_a_cut_inside_one_edit_falls_after_the_blank_line_it_replaced(unsafe: bool) -> None:
    # One repair of a line writes the blank line and the name after it: the cut the cleaned text
    # makes after that blank line stands after the entities that wrote it.
    paragraphs = _feed({PER_PIECE: "Mr&#32;Bewlay&amp;amp; spoke.", PER_PIECE + 9: "Then Bewlaysaid it."})
    separators = ["\n\x07\n"] * 5 + ["\n\n"] * (len(paragraphs) - 6)
    separators[PER_PIECE - 1] = "&#10;&#10;"
    text = paragraphs[0] + "".join(s + p for s, p in zip(separators, paragraphs[1:], strict=True))
    once = clean(text, unsafe=unsafe).text
    assert "\n\nMr Bewlay& spoke." in once
    assert clean(once, unsafe=unsafe).text == once
