"""A result's changes as independent hunks, and any subset of them applied to the original.

A hunk is one decision for a reviewer: the edits of the fixes that only make sense together.
It is built from the edits the pipeline made, never from a diff of the two texts, so it is
labelled with exactly the fixes that made it. Edits that overlap or touch, or that only spaces
and marks on one line separate, make one part (``"). , but"`` is one change, not three); the
parts of one fix (a quotation's two marks) make one hunk. Parts of different hunks never touch,
so any subset of hunks applies on its own and keeps every other character of the original.

>>> from cleanup import clean
>>> changes = split_changes(clean("exploitation; At the same time , Russia"))
>>> [(h.id, h.old, h.new, h.rules) for h in changes.hunks]
[(1, 'At', 'at', ('semicolon-capital',)), (2, ' ', '', ('space-before-punctuation',))]
>>> apply_hunks(changes.original, changes.hunks, accepted={2})
'exploitation; At the same time, Russia'
>>> [(p.old, p.new) for p in split_changes(clean("He said «in the market , said» today")).hunks[0].parts]
[('«', '“'), ('»', '”')]
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from cleanup.model import Edit, Finding
from cleanup.offsets import LineIndex
from cleanup.result import Result

# What keeps two edits apart: a word between them, or a line break.
_APART = re.compile(r"[\w\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# How far a change is widened to the ends of the words it cuts into.
_LONGEST_WORD = 40


@dataclass(frozen=True, slots=True)
class Part:
    """One stretch of a hunk: ``original[start:end]`` (``old``) becomes ``new``."""

    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Hunk:
    """One change, accepted or rejected as a whole: its parts, in order, and the applied findings
    that made it. ``line`` and ``column`` (1-based) locate it in the original: its first finding,
    as ``check`` lists it, or its first part where that comes first."""

    id: int
    parts: tuple[Part, ...]
    findings: tuple[Finding, ...] = ()
    line: int = 0
    column: int = 0

    @property
    def start(self) -> int:
        """Where the first part starts in the original."""
        return self.parts[0].start

    @property
    def end(self) -> int:
        """Where the last part ends in the original."""
        return self.parts[-1].end

    @property
    def old(self) -> str:
        """The original text of the parts, joined by ``…`` when there are several."""
        return "…".join(part.old for part in self.parts)

    @property
    def new(self) -> str:
        """The new text of the parts, joined by ``…`` when there are several."""
        return "…".join(part.new for part in self.parts)

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ids that made the change, each once, in order of position.

        >>> from cleanup.model import Finding
        >>> made_by = [Finding(rule, "m", 0, 1) for rule in ("a-rule", "b-rule", "a-rule")]
        >>> Hunk(1, (Part(0, 3, "x", "y"),), tuple(made_by)).rules
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


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"


def _in_word(text: str, position: int) -> bool:
    """Whether ``position`` falls between two characters of one word."""
    return 0 < position < len(text) and _wordy(text[position - 1]) and _wordy(text[position])


def _whole_words(text: str, edit: Edit) -> Edit:
    """``edit`` widened to the words it cuts into (at most :data:`_LONGEST_WORD` characters a side),
    so that a change reads as words: "At" → "at", not "A" → "a". The characters it takes in are
    unchanged, so the change in length stays the same."""
    start, end = edit.start, edit.end
    floor, ceiling = max(0, start - _LONGEST_WORD), min(len(text), end + _LONGEST_WORD)
    while start > floor and _in_word(text, start):
        start -= 1
    while end < ceiling and _in_word(text, end):
        end += 1
    return Edit(start, end, edit.delta, edit.finding)


class _Stretch:
    """A part being built: where it is in the original, how much its edits change its length,
    and the findings whose edits it holds."""

    __slots__ = ("delta", "end", "findings", "start")

    def __init__(self, edit: Edit) -> None:
        self.start, self.end, self.delta, self.findings = edit.start, edit.end, edit.delta, {edit.finding}

    def takes(self, original: str, edit: Edit) -> bool:
        """Whether ``edit`` (which starts no earlier) belongs to this part: it overlaps or touches
        it, or only spaces and marks on one line lie between them."""
        return edit.start <= self.end or _APART.search(original, self.end, edit.start) is None

    def add(self, edit: Edit) -> None:
        self.end = max(self.end, edit.end)
        self.delta += edit.delta
        self.findings.add(edit.finding)


def _stretches(original: str, edits: Iterable[Edit]) -> list[_Stretch]:
    """The parts the edits make, in order."""
    stretches: list[_Stretch] = []
    for edit in sorted((_whole_words(original, e) for e in edits), key=lambda e: (e.start, e.end)):
        if stretches and stretches[-1].takes(original, edit):
            stretches[-1].add(edit)
        else:
            stretches.append(_Stretch(edit))
    return stretches


def _grouped(stretches: list[_Stretch]) -> list[list[int]]:
    """The parts, by index, that go together because one finding made edits in each; each group
    in order, the groups in the order of their first part."""
    parent = list(range(len(stretches)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_part: dict[int, int] = {}
    for index, stretch in enumerate(stretches):
        for finding in stretch.findings:
            other = first_part.setdefault(finding, index)
            parent[root(index)] = root(other)
    groups: dict[int, list[int]] = {}
    for index in range(len(stretches)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values(), key=lambda group: group[0])


def _parts(result: Result, stretches: list[_Stretch]) -> list[Part] | None:
    """Each stretch with its old and new text; ``None`` if the edits do not account for the
    fixed text (then the change is taken whole)."""
    original, text = result.original, result.text
    parts, shift, pieces, position = [], 0, [], 0
    for stretch in stretches:
        start, end = stretch.start, stretch.end
        new = text[start + shift : end + shift + stretch.delta]
        parts.append(Part(start, end, original[start:end], new))
        pieces += [original[position:start], new]
        position, shift = end, shift + stretch.delta
    pieces.append(original[position:])
    return parts if "".join(pieces) == text else None


def _whole(result: Result) -> list[Part]:
    """The change as one part, from the first character that differs to the last."""
    original, text = result.original, result.text
    prefix = 0
    while prefix < min(len(original), len(text)) and original[prefix] == text[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(original), len(text)) - prefix and original[-1 - suffix] == text[-1 - suffix]:
        suffix += 1
    end, new_end = len(original) - suffix, len(text) - suffix
    return [Part(prefix, end, original[prefix:end], text[prefix:new_end])]


def split_changes(result: Result) -> Changes:
    """The hunks that turn ``result.original`` into ``result.text``, numbered from 1 in order.

    >>> from cleanup import clean
    >>> changes = split_changes(clean("a sea, . The games. in a video", unsafe=False))
    >>> [(h.old, h.new, h.line, h.column) for h in changes.hunks], [f.rule for f in changes.flags]
    ([(', ', '', 1, 6)], ['sentence-start-lowercase'])
    """
    flags = tuple(f for f in result.findings if not f.applied)
    if not result.changed:
        return Changes(result.original, result.text, (), flags)
    stretches = _stretches(result.original, result.edits)
    parts = _parts(result, stretches)
    if parts is None:
        groups, parts = [[0]], _whole(result)
        found = [{index for index, finding in enumerate(result.findings) if finding.applied}]
    else:
        groups = _grouped(stretches)
        found = [set().union(*(stretches[index].findings for index in group)) for group in groups]
    lines = LineIndex(result.original)
    hunks = []
    for number, (group, indices) in enumerate(zip(groups, found, strict=True), start=1):
        hunk_parts = tuple(parts[index] for index in group)
        findings = tuple(result.findings[index] for index in sorted(indices))
        # Located where its first finding is, as `check` lists it ("  " at 2:7, not the space
        # taken away at 2:8), or where it starts if that comes first.
        line, column = lines.locate(min([hunk_parts[0].start, *(finding.start for finding in findings)]))
        hunks.append(Hunk(number, hunk_parts, findings, line, column))
    return Changes(result.original, result.text, tuple(hunks), flags)


def apply_hunks(original: str, hunks: Sequence[Hunk], accepted: Collection[int]) -> str:
    """``original`` with the hunks whose ids are in ``accepted`` applied, and no others.

    Raises :class:`ValueError` when an accepted id names no hunk, when parts overlap, or when a
    part's ``old`` is not what the original holds at its place (the decisions are for another text).

    >>> hunks = [Hunk(1, (Part(0, 1, "a", "A"),)), Hunk(2, (Part(2, 3, "c", ""),))]
    >>> [apply_hunks("abcd", hunks, ids) for ids in ({1}, {2}, {1, 2}, set())]
    ['Abcd', 'abd', 'Abd', 'abcd']
    """
    chosen = [h for h in hunks if h.id in accepted]
    unknown = set(accepted) - {h.id for h in chosen}
    if unknown:
        raise ValueError(f"no hunk has the id {min(unknown)}")
    pieces = []
    position = 0
    for hunk, part in sorted(((h, p) for h in chosen for p in h.parts), key=lambda pair: pair[1].start):
        if part.start < position:
            raise ValueError(f"hunk {hunk.id} overlaps the change before it")
        if original[part.start : part.end] != part.old:
            raise ValueError(f"hunk {hunk.id} does not match the text at {part.start}:{part.end}")
        pieces += [original[position : part.start], part.new]
        position = part.end
    pieces.append(original[position:])
    return "".join(pieces)


def unapply_hunks(text: str, hunks: Sequence[Hunk], accepted: Collection[int]) -> str | None:
    """The original that :func:`apply_hunks` made ``text`` of with the hunks in ``accepted``, or
    ``None`` if ``text`` does not hold their new parts where they would stand.

    >>> hunks = [Hunk(1, (Part(0, 1, "a", "A"),)), Hunk(2, (Part(2, 3, "c", ""),))]
    >>> unapply_hunks("Abd", hunks, {1, 2}), unapply_hunks("abd", hunks, {1, 2})
    ('abcd', None)
    """
    parts = sorted((p for h in hunks if h.id in accepted for p in h.parts), key=lambda part: part.start)
    pieces = []
    position = shift = 0  # in text; how far text's positions stand from the original's
    for part in parts:
        start = part.start + shift
        if start < position or text[start : start + len(part.new)] != part.new:
            return None
        pieces += [text[position:start], part.old]
        position = start + len(part.new)
        shift += len(part.new) - (part.end - part.start)
    pieces.append(text[position:])
    return "".join(pieces)
