"""A result's changes as independent hunks, and any subset of them applied to the original.

A hunk is one run of changed words, spaces or punctuation between the original and the fixed
text, labelled with the applied findings that made it. Hunks never overlap and never touch, so
each can be accepted or rejected on its own.

>>> from cleanup import clean
>>> changes = split_changes(clean("exploitation; At the same time , Russia"))
>>> [(h.id, h.old, h.new, h.rules) for h in changes.hunks]
[(1, 'At', 'at', ('semicolon-capital',)), (2, ' ', '', ('space-before-punctuation',))]
>>> apply_hunks(changes.original, changes.hunks, accepted={2})
'exploitation; At the same time, Russia'
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from cleanup.model import Finding
from cleanup.offsets import LineIndex
from cleanup.result import Result

# Words, runs of other spaces, line breaks and single marks: the units a change is made of.
_TOKEN = re.compile(r"\w+|\r\n|[\r\n]|[^\S\r\n]+|[^\w\s]")
# Tokens that must agree in a row for the texts to be taken as aligned again after a change.
_ANCHOR = 3
# Past this many tokens a side, a stretch with no anchor is one hunk: SequenceMatcher is quadratic.
_REFINE_LIMIT = 2000
# Lines end at LF; a line break is always a token boundary, so lines can be aligned first.
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
# Where each run of _ANCHOR tokens occurs in a text, in order.
_Grams = dict[tuple[str, ...], list[int]]
# A change: start and end in the original, and the text that replaces that stretch.
_Span = tuple[int, int, str]
# Start and end of a stretch of text.
_Stretch = tuple[int, int]
# Old tokens [i1, i2) that become new tokens [j1, j2).
_Edit = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Hunk:
    """One change: ``original[start:end]`` (``old``) becomes ``new``.

    ``findings`` are the applied findings that overlap the change, or failing that touch it;
    ``line`` and ``column`` (1-based) locate ``start`` in the original.
    """

    id: int
    start: int
    end: int
    old: str
    new: str
    findings: tuple[Finding, ...] = ()
    line: int = 0
    column: int = 0

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ids that made the change, each once, in order of position.

        >>> from cleanup.model import Finding
        >>> made_by = [Finding(rule, "m", 0, 1) for rule in ("a-rule", "b-rule", "a-rule")]
        >>> Hunk(1, 0, 3, "x", "y", tuple(made_by)).rules
        ('a-rule', 'b-rule')
        """
        return tuple(dict.fromkeys(f.rule for f in self.findings))


@dataclass(frozen=True, slots=True)
class Changes:
    """The hunks between ``original`` and ``text``, and the findings that changed nothing.

    ``flags`` are the findings that were not applied: display-only ones (no replacement), and
    fixes left out (unsafe ones without ``--unsafe-fixes``, or ones another fix overlapped).
    """

    original: str
    text: str
    hunks: tuple[Hunk, ...]
    flags: tuple[Finding, ...]


class _Tokens:
    """A stretch of text cut into tokens, with where each starts in the whole text (and, last,
    where the stretch ends)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.items: list[str] = _TOKEN.findall(text, start, end)
        self.offsets = list(accumulate(map(len, self.items), initial=start))

    def __len__(self) -> int:
        return len(self.items)

    def gram(self, index: int) -> tuple[str, ...]:
        """The :data:`_ANCHOR` tokens from ``index``."""
        return tuple(self.items[index : index + _ANCHOR])


def _where(tokens: _Tokens) -> _Grams:
    """Every position of each run of :data:`_ANCHOR` tokens, in order."""
    where: _Grams = {}
    items = tokens.items
    for index, gram in enumerate(zip(*(items[k:] for k in range(_ANCHOR)), strict=False)):
        where.setdefault(gram, []).append(index)
    return where


def _anchor(old: _Tokens, new: _Tokens, i: int, j: int, where: _Grams) -> tuple[int, int]:
    """The least ``(a, b)``, by ``a + b``, after which ``old[i + a:]`` and ``new[j + b:]`` agree on
    :data:`_ANCHOR` tokens in a row; the rest of both when they never do."""
    best = (len(old) - i, len(new) - j)
    a = 0
    while a < sum(best) and i + a + _ANCHOR <= len(old):
        positions = where.get(old.gram(i + a), ())
        found = bisect_left(positions, j)
        if found < len(positions) and a + positions[found] - j < sum(best):
            best = (a, positions[found] - j)
        a += 1
    return best


def _refine(old: _Tokens, new: _Tokens, i1: int, i2: int, j1: int, j2: int) -> Iterator[_Edit]:
    """The runs of differing tokens in a stretch that differs. A matcher's opcodes alternate
    between equal and not, so edits with nothing between them already come as one."""
    if max(i2 - i1, j2 - j1) > _REFINE_LIMIT:
        yield i1, i2, j1, j2
        return
    matcher = difflib.SequenceMatcher(None, old.items[i1:i2], new.items[j1:j2], autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            yield i1 + a1, i1 + a2, j1 + b1, j1 + b2


def _token_spans(original: str, text: str, old_at: _Stretch, new_at: _Stretch) -> Iterator[_Span]:
    """The changes between two stretches that differ, ``original[old_at]`` and ``text[new_at]``.

    The token streams are walked side by side; where they part, the nearest point where they
    agree again closes the stretch, and :class:`difflib.SequenceMatcher` splits it into its
    changes. Fixes are local, so this stays linear where one matcher over the stretch would be
    quadratic in its spaces.
    """
    old, new = _Tokens(original, *old_at), _Tokens(text, *new_at)
    where = _where(new)
    old_items, new_items = old.items, new.items
    i = j = 0
    while i < len(old_items) or j < len(new_items):
        if i < len(old_items) and j < len(new_items) and old_items[i] == new_items[j]:
            i, j = i + 1, j + 1
            continue
        a, b = _anchor(old, new, i, j, where)
        for i1, i2, j1, j2 in _refine(old, new, i, i + a, j, j + b):
            yield old.offsets[i1], old.offsets[i2], text[new.offsets[j1] : new.offsets[j2]]
        i, j = i + a, j + b


def _spans(original: str, text: str) -> Iterator[_Span]:
    """``(start, end, new)`` of each change, in order: the lines that differ first, then the
    tokens within them, so that the unchanged paragraphs of an article cost next to nothing."""
    old_lines, new_lines = _LINE.findall(original), _LINE.findall(text)
    old_at = list(accumulate(map(len, old_lines), initial=0))
    new_at = list(accumulate(map(len, new_lines), initial=0))
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        if tag != "equal":
            yield from _token_spans(original, text, (old_at[i1], old_at[i2]), (new_at[j1], new_at[j2]))


class _Labeller:
    """Finds the applied findings that made a change, without scanning them all for each hunk."""

    def __init__(self, applied: Sequence[Finding]) -> None:
        self._findings = sorted(applied, key=lambda f: (f.start, f.end))
        self._starts = [f.start for f in self._findings]
        self._longest = max((f.end - f.start for f in self._findings), default=0)

    def __call__(self, start: int, end: int) -> tuple[Finding, ...]:
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_right(self._starts, end)
        near = [f for f in self._findings[low:high] if f.start <= end and start <= f.end]
        empty = start == end
        overlapping = [f for f in near if (f.start < end and start < f.end) or empty or f.start == f.end]
        return tuple(overlapping or near)


def _labelled(original: str, spans: list[_Span], label: _Labeller) -> list[_Span]:
    """``spans`` with each one no finding made merged into its neighbour, the one before if any.

    An alignment can be ambiguous: "Ã©·Ã©·" → "é·Ã©·" diffs as an insertion at the start and a
    deletion at the end as well as a replacement. Merged, the change is whole and labelled.
    """
    merged: list[_Span] = []
    carried: _Span | None = None  # unlabelled spans with no labelled one before them yet
    for span in spans:
        if carried is not None:
            span, carried = _join(original, carried, span), None
        if label(span[0], span[1]):
            merged.append(span)
        elif merged:
            merged.append(_join(original, merged.pop(), span))
        else:
            carried = span
    if carried is not None:
        merged.append(carried)
    return merged


def _join(original: str, first: _Span, second: _Span) -> _Span:
    """One span covering two, with the original text between them kept."""
    return first[0], second[1], first[2] + original[first[1] : second[0]] + second[2]


def split_changes(result: Result) -> Changes:
    """The hunks that turn ``result.original`` into ``result.text``, numbered from 1 in order.

    >>> from cleanup import clean
    >>> changes = split_changes(clean("a sea, . The games. in a video", unsafe=False))
    >>> [(h.old, h.new, h.line, h.column) for h in changes.hunks], [f.rule for f in changes.flags]
    ([(', ', '', 1, 6)], ['sentence-start-lowercase'])
    """
    label = _Labeller(result.applied)
    lines = LineIndex(result.original)
    hunks = []
    spans = _labelled(result.original, list(_spans(result.original, result.text)), label)
    for number, (start, end, new) in enumerate(spans, start=1):
        line, column = lines.locate(start)
        hunks.append(
            Hunk(number, start, end, result.original[start:end], new, label(start, end), line, column)
        )
    flags = tuple(f for f in result.findings if not f.applied)
    return Changes(result.original, result.text, tuple(hunks), flags)


def apply_hunks(original: str, hunks: Sequence[Hunk], accepted: Collection[int]) -> str:
    """``original`` with the hunks whose ids are in ``accepted`` applied, and no others.

    Raises :class:`ValueError` when an accepted id names no hunk, when hunks overlap, or when a
    hunk's ``old`` is not what the original holds at its place (the decisions are for another text).

    >>> hunks = [Hunk(1, 0, 1, "a", "A"), Hunk(2, 2, 3, "c", "")]
    >>> [apply_hunks("abcd", hunks, ids) for ids in ({1}, {2}, {1, 2}, set())]
    ['Abcd', 'abd', 'Abd', 'abcd']
    """
    chosen = sorted((h for h in hunks if h.id in accepted), key=lambda h: h.start)
    unknown = set(accepted) - {h.id for h in chosen}
    if unknown:
        raise ValueError(f"no hunk has the id {min(unknown)}")
    pieces = []
    position = 0
    for hunk in chosen:
        if hunk.start < position:
            raise ValueError(f"hunk {hunk.id} overlaps the hunk before it")
        if original[hunk.start : hunk.end] != hunk.old:
            raise ValueError(f"hunk {hunk.id} does not match the text at {hunk.start}:{hunk.end}")
        pieces += [original[position : hunk.start], hunk.new]
        position = hunk.end
    pieces.append(original[position:])
    return "".join(pieces)
