"""Spaces around punctuation: none before a mark that ends a word, none inside a bracket.

French copy sets a space before ; : ! ? (``high-punctuation-space`` sees to it), so there only the
space before , . ) ] goes. Emoticons (``:-( In``, ``fun : D``) are left as written.

>>> from cleanup import clean
>>> clean("the market , followed by ( £15,000) in fees").text
'the market, followed by (£15,000) in fees'
>>> clean("Il a dit , bien sûr : non .", target="fr").text
'Il a dit, bien sûr\xa0: non.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from cleanup.lang.profiles import Profile, profile_for
from cleanup.model import Example, Finding, Rule
from cleanup.offsets import line_start
from cleanup.passes.base import Context, Pass
from cleanup.passes.emoticons import ends_emoticon, starts_emoticon
from cleanup.passes.tokens import found_in_shape, utf8, word_before
from cleanup.passes.triggers import Trigger, shaped

SPACE_BEFORE_PUNCTUATION = Rule(
    id="space-before-punctuation",
    family="spacing",
    safety="safe",
    summary="A space before , . ; : ? ! ) or ] removed (in French copy: before , . ) or ]).",
    why=(
        "French puts a space before ; : ! ? and translation engines and pasted segments leave a "
        "space before the mark; English sets these marks against the word, and French sets , . ) ] "
        "against it too."
    ),
    examples=(
        Example("the market , followed by", "the market, followed by"),
        Example("said the minister .", "said the minister."),
        Example("Why not ? he asked", "Why not? he asked"),
        Example("a strange match . . . momentum swings", "a strange match . . . momentum swings"),
        Example("we would speak ... three times", "we would speak ... three times"),
        Example("that was fun : D", "that was fun : D"),
        Example("Il a dit , bien sûr ; non .", "Il a dit, bien sûr ; non.", target="fr"),
    ),
    fix_safety=(
        "Safe. A spaced ellipsis ('speak ... three'), a leading decimal point ('a .22 rifle'), a "
        "domain ('the .uk registry') stay: the mark must be followed by a space, "
        "the end of the line or a closing bracket or quote. So do a colon between numbers "
        "('10 : 30', 'John 3 : 16'), a mark named as a character ('press the ? key') and an "
        "emoticon ('fun : D', 'nice :'('). In French copy the space before ; : ! ? is the "
        "copy's own and stays (high-punctuation-space gives it its no-break kind)."
    ),
)

SPACE_AFTER_BRACKET = Rule(
    id="space-after-bracket",
    family="spacing",
    safety="safe",
    summary="A space after an opening ( or [ removed.",
    why="Segment joins and pasted fragments leave a space inside the bracket; English has none.",
    examples=(
        Example("the fee ( £15,000) was", "the fee (£15,000) was"),
        Example("I lost :-( In the end", "I lost :-( In the end"),
    ),
    fix_safety=(
        "Safe. An empty pair '( )', a bracket at the end of a line, a pair padded on both sides "
        "('( like this )', a deliberate style) and emoticons such as ':( ' and ':-( ' stay."
    ),
)

REPEATED_SPACES = Rule(
    id="repeated-spaces",
    family="spacing",
    safety="safe",
    summary="A run of spaces between two words collapsed to one.",
    why=(
        "Deleted words and joined segments leave two or more spaces where one was meant; a reader sees a gap."
    ),
    examples=(
        Example("the  new government", "the new government"),
        Example("Name    Age   Club", "Name    Age   Club"),
    ),
    fix_safety=(
        "Safe. Indentation at the start of a line, spaces at its end, tabs and no-break spaces "
        "stay, and so do two spaces after a full stop, a typist's convention rather than an error, "
        "and lines laid out as a table: two or more runs on a line ('Name    Age    Club'); in a "
        "line that ends no sentence, a run of three spaces or more, or of two before a number or a "
        "sign, beside a line with one of its own ('Labour         202'), or three spaces or more "
        "after a colon ('Name:     John Smith')."
    ),
)

RULES = (SPACE_BEFORE_PUNCTUATION, SPACE_AFTER_BRACKET, REPEATED_SPACES)

# A space then a mark that ends a word: led by a literal space, which the
# standard engine scans for fast. Each hit is then checked around it, which
# keeps long runs of spaces linear.
_SPACE_THEN_MARK = re.compile(r" (?:(?:[,?!]|\.(?! ?\.)|[:;](?![)(]))(?=[\s)\]}\"'”’»]|$)|[)\]])")
# A first look at C speed: the text's UTF-8 with the marks a space may stand before turned into
# one byte and opening brackets into another, so that one search tells whether any space stands
# before a mark or after a bracket. Most texts have neither and skip the scans of every space.
_MARK, _OPENER = b"\x01", b"\x02"
_FIRST_LOOK = bytes.maketrans(b",?!.:;)]([", _MARK * 8 + _OPENER * 2)
_SPACES_ENDING_HERE = regex.compile(r"(?r) *")
_DIGIT_AFTER = re.compile(r"[ \t]*\d")
# "press the ? key", "type a , between": a mark named as a character.
_ARTICLES = frozenset({"the", "a", "an", "The", "A", "An"})
# Besides letters and digits, what may stand before the space.
_BEFORE_MARK = "%)]\"'”’»"
_BEFORE_CLOSER = "%.!?\"'”’"
_SPACE_AFTER_BRACKET = regex.compile(r"(?<![:;=])[(\[] +(?=[^\s)\]])")
_PADDED_PAIR = regex.compile(r"[(\[] [^()\[\]\n]{0,80} [)\]]")
_LINE_BREAK = re.compile(r"[\r\n]")
_SPACE_RUN = re.compile(b" {2,}")
_DENSE = 64  # a text with a place in every this many bytes is scanned by the pattern, not place by place
# The gap before a column of another row: three spaces or more, or two before a number or a sign.
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*[ \t]*$")  # searched in a line: it ends a sentence
_COLUMN_GAP = re.compile(r"[^\s.](?: {3,}\S| {2}[\d+\-−–£$€%])")
_REPEATED = regex.compile(r"(?<=[\p{L}\p{N},;:%'\"”’)\]]) {2,}(?=[\p{L}\p{N}\"“‘(\[£$€])")


def _table_lines(text: str, runs: list[re.Match[str]]) -> set[int]:
    """Start offsets of the runs laid out as a table, not slips: those that share their line with
    another run; a run alone of three spaces or more, or of two before a number in a line that
    ends no sentence, next to a line with a run of its own (columns of two: "Labour      202");
    and a run of three spaces or more after a colon ("Name:     John Smith").

    >>> text = "Conservatives  365\\nLabour   202\\n\\nthe  new law\\nIt was  52 to 48.\\nIt passed  20 ago."
    >>> sorted(_table_lines(text, list(_REPEATED.finditer(text))))
    [13, 25]
    """
    tabular: set[int] = set()
    row_start, line_end = 0, -1
    on_line: list[int] = []

    def close_line() -> None:
        if len(on_line) > 1:
            tabular.update(on_line)
        elif on_line:
            (run,) = on_line
            wide = text.startswith("   ", run)
            # Two spaces before a number may be a slip in a sentence ("was  52 to 48.").
            narrow_column = _column_like(text, run) and not _ENDS_SENTENCE.search(text, row_start, line_end)
            if (wide and text[run - 1] == ":") or (
                (wide or narrow_column) and _beside_a_column(text, row_start, line_end)
            ):
                tabular.add(run)

    for run in runs:
        if run.start() > line_end:
            close_line()
            on_line = []
            row_start = line_start(text, run.start())
            found = _LINE_BREAK.search(text, run.start())
            line_end = found.start() if found else len(text)
        on_line.append(run.start())
    close_line()
    return tabular


def _column_like(text: str, start: int) -> bool:
    """Whether the run of spaces at ``start`` looks like the gap before a column: three spaces or
    more, or two before a number or a sign (a slip in prose is two spaces between words)."""
    end = start
    while end < len(text) and text[end] == " ":
        end += 1
    return end - start > 2 or (end < len(text) and (text[end].isdigit() or text[end] in "+-−–£$€%"))


def _beside_a_column(text: str, row_start: int, line_end: int) -> bool:
    """Whether the line before or after the one from ``row_start`` to ``line_end`` holds a gap
    like a column's (:func:`_column_like`), not after a full stop: the other row of a table."""
    before_end = row_start - 1 - (text[row_start - 2 : row_start] == "\r\n")
    if before_end > 0:
        before_start = line_start(text, before_end)
        if _COLUMN_GAP.search(text, before_start, before_end):
            return True
    after_start = line_end + 1 + (text[line_end : line_end + 2] == "\r\n")
    if after_start < len(text):
        found = _LINE_BREAK.search(text, after_start)
        if _COLUMN_GAP.search(text, after_start, found.start() if found else len(text)):
            return True
    return False


def _padded_pairs(text: str, opened: list[int]) -> set[int]:
    """Offsets of the inner spaces of brackets padded on both sides, '( like this )', looked for
    where a bracket is ``opened`` then followed by a space.

    Padding both sides is a deliberate style or a drawing ('( o¬ô )'), not a slip.
    """
    offsets: set[int] = set()
    for at in opened:
        match = _PADDED_PAIR.match(text, at)
        if match:
            offsets.update((match.start() + 1, match.end() - 2))
    return offsets


def _matches_at(
    pattern: re.Pattern[str] | regex.Pattern[str], text: str, places: Iterable[int]
) -> Iterator[re.Match[str] | regex.Match[str]]:
    """The matches of ``pattern`` starting at each of ``places``, which increase; a match that
    would start inside the one before is not tried."""
    end = 0
    for at in places:
        if at < end:
            continue
        match = pattern.match(text, at)
        if match:
            end = match.end()
            yield match


def _places(pattern: re.Pattern[str], text: str, shape: bytes, lead: bytes) -> Iterator[re.Match[str]]:
    """The matches of ``pattern``, which can start only where ``shape`` holds ``lead``: tried at
    those places where they are few, and by the pattern's own scan of the text where they are
    many (a text of marks), which finds the same matches without a step in Python per place."""
    if shape.count(lead) * _DENSE > len(shape):
        return pattern.finditer(text)
    return _matches_at(pattern, text, found_in_shape(text, shape, lead))


def _spaces_before_marks(text: str, shape: bytes, padded: set[int], spaced: str) -> Iterator[Finding]:
    """Spaces before a mark, but for the marks in ``spaced`` (the copy's own spacing) and emoticons."""
    for hit in _places(_SPACE_THEN_MARK, text, shape, b" " + _MARK):
        mark_at = hit.start() + 1
        start = mark_at - 1
        if start > 0 and text[start - 1] == " ":
            start = _SPACES_ENDING_HERE.search(text, 0, mark_at).start()
        if start == 0 or mark_at - 1 in padded:
            continue
        mark, before = text[mark_at], text[start - 1]
        if mark in spaced or (mark in ":;" and starts_emoticon(text, mark_at)):
            continue
        if mark in ")]":
            wanted = before.isalnum() or before in _BEFORE_CLOSER
        else:
            wanted = (
                (before.isalnum() or before in _BEFORE_MARK)
                and not (mark == ":" and before.isdigit() and _DIGIT_AFTER.match(text, mark_at + 1))
                and word_before(text, start) not in _ARTICLES
            )
        if wanted:
            yield Finding(SPACE_BEFORE_PUNCTUATION.id, f"space before '{mark}'", start, mark_at, "")


def _spaced_marks(ctx: Context) -> str:
    """The marks the copy's language sets a space before: French ; ! ? and :."""
    profile = profile_for(ctx.target, ctx.house)
    return ";!?" * bool(profile.space_before_high) + ":" * bool(profile.space_before_colon)


def find(text: str, ctx: Context) -> Iterator[Finding]:
    """Report spaces that the copy does not set around punctuation, and runs of spaces, one by one
    as they are found (a text of nothing else is refused before they are all made)."""
    shape = utf8(text).translate(_FIRST_LOOK)
    opened = list(found_in_shape(text, shape, _OPENER + b" ")) if _OPENER + b" " in shape else []
    padded = _padded_pairs(text, opened)
    if ctx.wants(SPACE_BEFORE_PUNCTUATION.id) and b" " + _MARK in shape:
        yield from _spaces_before_marks(text, shape, padded, _spaced_marks(ctx))
    if ctx.wants(SPACE_AFTER_BRACKET.id) and opened:
        for match in _matches_at(_SPACE_AFTER_BRACKET, text, opened):
            if match.start() + 1 in padded or ends_emoticon(text, match.start() + 1):
                continue
            yield Finding(
                rule=SPACE_AFTER_BRACKET.id,
                message=f"space after '{match.group()[0]}'",
                start=match.start() + 1,
                end=match.end(),
                replacement="",
            )
    if ctx.wants(REPEATED_SPACES.id) and b"  " in shape:
        runs = list(_matches_at(_REPEATED, text, found_in_shape(text, shape, _SPACE_RUN)))
        tabular = _table_lines(text, runs)
        for run in runs:
            if run.start() in tabular:
                continue
            message = f"{len(run.group())} spaces between words"
            yield Finding(REPEATED_SPACES.id, message, run.start(), run.end(), " ")


def triggers(profile: Profile) -> tuple[Trigger, ...]:
    """What each rule needs, as the first look of :func:`find` reads it: a space before a mark,
    an opening bracket before a space, two spaces."""
    return (
        Trigger(shaped(" ", tuple(",?!.:;)]")), (SPACE_BEFORE_PUNCTUATION.id,)),
        Trigger(shaped(tuple("(["), " "), (SPACE_AFTER_BRACKET.id,)),
        Trigger(shaped("  "), (REPEATED_SPACES.id,)),
    )


PASS = Pass(name="spacing", rules=RULES, find=find, local=True, triggers=triggers)
