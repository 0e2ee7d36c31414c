"""Paragraphs: the stretches of a text between blank lines, which the chain reads in two ways.

A pass whose findings are local to a paragraph reads again, in a later round, only the
paragraphs the chain has changed (:class:`Paragraphs`). And a text longer than any article (more
than :data:`PARAGRAPHS_KEPT_WHOLE` paragraphs) is cleaned a *piece* at a time (:func:`pieces`):
:data:`PARAGRAPHS_PER_PIECE` paragraphs each, as if each piece were an article of its own. A
text that long is a feed or a dump of many articles, not one: what a rule reads of the whole text
(a name written again elsewhere, a token the text repeats, the source language its leftovers point
to) is then read in the piece, which is what keeps the cost of a long text linear, a megabyte
costing what a megabyte of articles costs.

Pieces are counted in blank lines, not in characters: a fix changes the length of a text, seldom
its blank lines, so the text a first run writes is cut where the first run cut it, and a
second run changes nothing. An HTML entity for a line break (``&#10;``, ``&amp;#10;``,
``&NewLine;``) counts as the line break it becomes. Where the fixes still make the cleaned text
cut elsewhere (a control character removed from a line of its own leaves a blank line; an entity
decoded ends a passage a marker keeps some rules off), the text is cleaned again in the pieces
of its cleaned text (:func:`clean_in_pieces`). A blank line inside a span that must stay whole
(a code block, a passage a writer's marker keeps rules off), or before an indented line (a list
item's continuation), is no place to cut.

>>> text = "\\n\\n".join(f"Paragraph {number}." for number in range(1, 6))
>>> [text[start:end] for start, end in pieces(text, list, per_piece=2, kept_whole=3)]
['Paragraph 1.\\n\\nParagraph 2.\\n\\n', 'Paragraph 3.\\n\\nParagraph 4.\\n\\nParagraph 5.']
>>> pieces(text, list, per_piece=2, kept_whole=5)
[(0, 68)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import partial
from itertools import accumulate, pairwise

from cleanup.model import Edit, Finding
from cleanup.offsets import LineIndex
from cleanup.result import Result

# A blank line, LF or CRLF (a text of CR-only lines is one paragraph: the passes' patterns read
# lines at LF).
BLANK_LINE = re.compile("\n\r?\n")
# Where a piece may end: a blank line, its line breaks written or as the HTML entities the encoding
# pass decodes into them, escaped any number of times, with or without their semicolon.
_LF_ENTITY = r"&(?:amp;)*(?:#0*10(?![0-9])|#[xX]0*[aA](?![0-9a-fA-F])|NewLine(?![A-Za-z0-9]));?"
_CR_ENTITY = r"&(?:amp;)*(?:#0*13(?![0-9])|#[xX]0*[dD](?![0-9a-fA-F]));?"
_LINE_BREAK_ENTITY = re.compile(f"{_LF_ENTITY}|{_CR_ENTITY}")
_PIECE_END = re.compile(f"(?:\n|{_LF_ENTITY})(?:\r|{_CR_ENTITY})?(?:\n|{_LF_ENTITY})")
_INDENT = frozenset(" \t")
_CUTS_TRIED = 3  # cleanings of a text whose fixes move where it is cut, before one is kept
# A text of up to this many paragraphs is one piece: the longest BBC article has 76.
PARAGRAPHS_KEPT_WHOLE = 96
# Paragraphs of a piece of a longer text: 32 hold about 12 KB of news, four or five articles. A
# pass the first look wakes for one of them reads the whole piece, so a piece this small makes a
# megabyte of a feed cost what a megabyte of articles cleaned one by one costs (64 cost 5 % more).
PARAGRAPHS_PER_PIECE = 32


class Paragraphs:
    """Where the paragraphs of a text start and end (blank lines between), found once, at C speed.

    >>> paragraphs = Paragraphs("one.\\n\\ntwo, three.\\r\\n\\r\\nfour.")
    >>> paragraphs.holding([(8, 9), (12, 13)]), paragraphs.holding([(21, 22)])
    ([(6, 17)], [(21, 26)])
    >>> Paragraphs("one line, then\\nanother").holding([(3, 4)])
    [(0, 22)]
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts, self._ends = [0], []
        for match in BLANK_LINE.finditer(text):
            start = match.start()
            self._ends.append(start - (start > 0 and text[start - 1] == "\r"))
            self._starts.append(match.end())
        self._ends.append(len(text))

    def holding(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The paragraphs that hold the ``spans``, merged, in order."""
        stretches: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            index = bisect_right(self._starts, start) - 1
            first = self._starts[index]
            last = self._ends[max(index, bisect_left(self._ends, end))]
            if stretches and first <= stretches[-1][1]:
                first, before = stretches.pop()
                last = max(last, before)
            stretches.append((first, last))
        return stretches


def pieces(
    text: str,
    whole: Callable[[], list[tuple[int, int]]],
    per_piece: int = PARAGRAPHS_PER_PIECE,
    kept_whole: int = PARAGRAPHS_KEPT_WHOLE,
) -> list[tuple[int, int]]:
    """The pieces of ``text`` to clean one at a time, as spans that cover it in order: the whole
    text when it has too few line breaks for more than ``kept_whole`` paragraphs; else cut after
    every ``per_piece``-th blank line that stands in none of the spans to keep ``whole`` (sorted,
    none overlapping another) and before no indented line, each piece ending with its blank line.
    The last piece takes in what would be a piece of at most half as many paragraphs.
    """
    if _one_piece(text, kept_whole):
        return [(0, len(text))]
    cuts: list[int] = []
    spans = iter(whole())
    span = next(spans, None)
    counted = 0
    entities = "&" in text and _LINE_BREAK_ENTITY.search(text)  # else blank lines are the only ends
    for match in (_PIECE_END if entities else BLANK_LINE).finditer(text):
        while span is not None and span[1] <= match.start():
            span = next(spans, None)
        if (span is not None and span[0] < match.end()) or text[match.end() : match.end() + 1] in _INDENT:
            continue  # the blank line stands inside a span to keep whole, or an indented line goes on
        counted += 1
        if counted % per_piece == 0:
            cuts.append(match.end())
    if cuts and counted - len(cuts) * per_piece < per_piece // 2:
        cuts.pop()
    bounds = [0, *cuts, len(text)]
    return list(pairwise(bounds))


def _one_piece(text: str, kept_whole: int) -> bool:
    """Whether ``text`` has too few line breaks, or entities that may be ones, for more than
    ``kept_whole`` paragraphs."""
    needed = 2 * kept_whole
    breaks = text.count("\n")
    if breaks < needed and "&" in text:
        breaks += text.count("&")
    return breaks < needed


def clean_in_pieces(
    text: str,
    clean_piece: Callable[[str], Result],
    whole: Callable[[str], list[tuple[int, int]]],
    per_piece: int = PARAGRAPHS_PER_PIECE,
    kept_whole: int = PARAGRAPHS_KEPT_WHOLE,
) -> Result:
    """``text`` cleaned a piece at a time by ``clean_piece``, cut where :func:`pieces` cuts it,
    ``whole(text)`` giving the spans to keep whole; the results joined into the whole text's.

    Cleaned again, the text must be cut where this cut it, or a second run would read other
    pieces and could decide otherwise. A cleaned text cut elsewhere is cleaned again, from the
    original, in the pieces of its cleaned text moved back into the original, a few times at most.

    >>> from cleanup import clean
    >>> text = "one ,\\n\\ntwo ,\\n\\nthree ,"
    >>> result = clean_in_pieces(text, lambda piece: clean(piece), lambda _: [], per_piece=1, kept_whole=1)
    >>> result.text, [(finding.line, finding.column) for finding in result.findings]
    ('one,\\n\\ntwo,\\n\\nthree,', [(1, 4), (3, 4), (5, 6)])
    """
    spans = pieces(text, partial(whole, text), per_piece, kept_whole)
    parts = [clean_piece(text[start:end]) for start, end in spans]
    if len(parts) == 1 and (parts[0].text == text or _one_piece(parts[0].text, kept_whole)):
        return parts[0]  # an article, too short to cut once cleaned too
    for _ in range(_CUTS_TRIED - 1):
        moved = _recut(text, spans, parts, partial(pieces, per_piece=per_piece, kept_whole=kept_whole), whole)
        if moved is None:
            break
        spans = moved
        parts = [clean_piece(text[start:end]) for start, end in spans]
    return parts[0] if len(parts) == 1 else _joined(text, spans, parts)


def _recut(
    text: str,
    spans: list[tuple[int, int]],
    parts: list[Result],
    cut: Callable[[str, Callable[[], list[tuple[int, int]]]], list[tuple[int, int]]],
    whole: Callable[[str], list[tuple[int, int]]],
) -> list[tuple[int, int]] | None:
    """``None`` if the text the ``parts`` cleaned from the ``spans`` of ``text`` is cut where they
    end (``cut`` giving a text's pieces); else the pieces of that cleaned text, moved back into
    ``text``."""
    cleaned = parts[0].text if len(parts) == 1 else "".join(part.text for part in parts)
    settled = cut(cleaned, partial(whole, cleaned))
    ends = list(accumulate(len(part.text) for part in parts))
    if [end for _, end in settled] == ends:
        return None
    cuts = sorted({_moved_back(end, spans, parts, ends) for _, end in settled[:-1]} - {0, len(text)})
    return list(pairwise([0, *cuts, len(text)]))


def _moved_back(offset: int, spans: list[tuple[int, int]], parts: list[Result], ends: list[int]) -> int:
    """Where ``offset`` of the cleaned text, made of the cleaned ``parts`` of the ``spans`` of the
    original that end at ``ends`` in it, stands in the original. An offset inside what an edit
    wrote (the end of ``\n\n`` that one repair of a line wrote for ``&#10;&#10;``) stands after
    as many ends of pieces in what the edit replaced, or after the edit."""
    index = bisect_left(ends, offset)
    part = parts[index]
    local, shift = offset - (ends[index - 1] if index else 0), 0
    for start, end, delta, _ in part.regions():
        if local <= start + shift:
            break
        if local < end + shift + delta:
            written = BLANK_LINE.findall(part.text, start + shift, local)
            replaced = list(_PIECE_END.finditer(part.original, start, end))
            if written and len(replaced) >= len(written):
                return spans[index][0] + replaced[len(written) - 1].end()
            return spans[index][0] + end
        shift += delta
    return spans[index][0] + local - shift


def _joined(text: str, spans: list[tuple[int, int]], parts: list[Result]) -> Result:
    """The result of cleaning ``text`` made of the ``parts`` that cleaned its ``spans``: every
    finding and edit placed in the whole text, in order."""
    lines = LineIndex(text)
    findings: list[Finding] = []
    edits: list[Edit] = []
    for (offset, _), part in zip(spans, parts, strict=True):
        base = len(findings)
        findings += (f.located(f.start + offset, f.end + offset, lines) for f in part.findings)
        edits += (Edit(e.start + offset, e.end + offset, e.delta, e.finding + base) for e in part.edits)
    cleaned = "".join(part.text for part in parts)
    return Result(original=text, text=cleaned, findings=tuple(findings), edits=tuple(edits))
