"""Run the passes in order, apply the fixes the safety level allows, locate every finding.

>>> from cleanup.passes import Context
>>> from cleanup.rules import select_rules
>>> result = run("exploitation; At the same time ,", Context(select_rules()))
>>> result.text
'exploitation; at the same time,'
>>> [(edit.start, edit.end, edit.delta, result.findings[edit.finding].rule) for edit in result.edits]
[(30, 31, -1, 'space-before-punctuation'), (14, 15, 0, 'semicolon-capital')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from operator import attrgetter, itemgetter

from cleanup.formats import TEXT, Format
from cleanup.formats.segments import Segment, lift
from cleanup.lang.samples import sample
from cleanup.lang.sources import sources_for
from cleanup.model import Edit, Finding, Safety
from cleanup.offsets import EditMap, LineIndex, merged
from cleanup.paragraphs import Paragraphs, clean_in_pieces
from cleanup.passes import PASSES, Context, Pass
from cleanup.passes.base import SCOPE_MARGIN, Scope
from cleanup.passes.triggers import look_for
from cleanup.passes.wordlook import carry as carry_words
from cleanup.result import Result
from cleanup.suppression import KeptOff, markers, passages

MAX_ROUNDS = 4
# A file where a pass finds something every DENSE characters or closer, over more than DENSE_AFTER
# findings, is no prose (a table of data, a generated run of marks): it is refused before its
# findings, about a kilobyte and a half each, fill the memory (:class:`Budget`).
DENSE = 16
DENSE_AFTER = 2_000
_BY_SPAN = attrgetter("start", "end")
_START_END = itemgetter(0, 1)
_PASS_RULES = tuple((step, step.rule_ids) for step in PASSES)
_TRIGGERS = tuple(step.triggers for step in PASSES if step.triggers is not None)
# An edit as a pass made it: start and end in the text it saw, and the text put there.
_Change = tuple[int, int, str]


class TooManyFindings(ValueError):
    """A file whose findings come closer together than in any prose: it is left as it is.

    >>> from cleanup.rules import select_rules
    >>> try:
    ...     run("word , " * 20_000, Context(select_rules()), budget=Budget())
    ... except TooManyFindings as err:
    ...     print(err)
    findings denser than in any prose (2,001 in 14,005 characters); left as it is
    """


@dataclass
class Budget:
    """The findings of one file, counted over its pieces and its strings of prose, cleaned one
    after another (:func:`run`): :class:`TooManyFindings` once they come one every :data:`DENSE`
    characters or closer past :data:`DENSE_AFTER` of them. The command line's batches give each
    file one; :func:`cleanup.clean` holds every finding of the text it is given."""

    characters: int = 0  # of the pieces cleaned so far
    findings: int = 0  # that those pieces hold

    def read(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings of one pass in the piece being cleaned, read one by one."""
        found: list[Finding] = []
        furthest = 0
        for finding in findings:
            found.append(finding)
            furthest = max(furthest, finding.end)
            total = self.findings + len(found)
            if total > DENSE_AFTER and total * DENSE > self.characters + furthest:
                raise TooManyFindings(
                    f"findings denser than in any prose ({total:,} in {self.characters + furthest:,} "
                    "characters); left as it is"
                )
        return found

    def spend(self, text: str, result: Result) -> None:
        """Count a piece cleaned, ``text``, and the findings of its ``result``."""
        self.characters += len(text)
        self.findings += len(result.findings)


def _apply(text: str, changes: list[_Change]) -> str:
    parts = []
    cursor = 0
    for start, end, replacement in changes:
        parts.append(text[cursor:start])
        parts.append(replacement)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


class _Taken:
    """The edits chosen so far in one pass, sorted, to test a new fix's edits against."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.edits: list[_Change] = []

    def fits(self, changes: tuple[_Change, ...]) -> bool:
        """Whether no edit of ``changes`` overlaps a chosen edit (touching is fine)."""
        for start, end, _ in changes:
            index = bisect_right(self.starts, start)
            if index and self.edits[index - 1][1] > start:
                return False
            if index < len(self.starts) and self.starts[index] < end:
                return False
        return True

    def take(self, changes: tuple[_Change, ...]) -> None:
        for change in changes:
            index = bisect_right(self.starts, change[0])
            self.starts.insert(index, change[0])
            self.edits.insert(index, change)


def _trimmed(text: str, change: _Change) -> _Change | None:
    """The edit without the characters it leaves as they were at its ends, so that it locates
    exactly what changed ("Khameneiâ€™s" → "Khamenei’s" edits "â€™"); ``None`` if it changes
    nothing.

    >>> _trimmed("a. , b", (1, 4, ","))
    (1, 3, '')
    """
    start, end, new = change
    head = 0
    limit = min(end - start, len(new))
    while head < limit and text[start + head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and text[end - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    if head == end - start == len(new):
        return None
    return start + head, end - tail, new[head : len(new) - tail]


def _choose_fixes(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """Mark the fixes to apply: allowed by safety and not overlapping an earlier one's edits."""
    marked = []
    taken = _Taken()
    for finding in findings:
        applies = finding.fixable and finding.safety.allowed(unsafe=unsafe)
        if applies:
            changes = finding.changes()
            applies = taken.fits(changes)
            if applies:
                taken.take(changes)
        marked.append(finding.marked(applied=applies))
    return marked


def _shifted(finding: Finding, offset: int) -> Finding:
    """``finding``, found in a stretch of the text starting at ``offset``, placed in the text."""
    edits = tuple((start + offset, end + offset, new) for start, end, new in finding.edits)
    return finding._replace(start=finding.start + offset, end=finding.end + offset, edits=edits)


class _Guarded:
    """The stretches of prose where the format reads some characters as its syntax
    (:attr:`Format.guards`), and the fixes that would bring one in: a report for a person then.

    >>> guarded = _Guarded("t: 'a ‘b’'", [(4, 9, "'", "")])
    >>> [guarded.syntax_brought(Finding("q", "m", 6, 9, quoted)) for quoted in ("'b'", "“b”")]
    ["'", None]
    """

    def __init__(self, text: str, guards: list[tuple[int, int, str, str]]) -> None:
        self.text = text
        self.guards = guards  # sorted, none overlapping another
        self._starts = [start for start, _, _, _ in guards]

    def checked(self, finding: Finding) -> Finding:
        """``finding``, or a report of it for a person when its fix brings in the format's syntax."""
        character = self.syntax_brought(finding)
        if character is None:
            return finding
        message = (
            f"{finding.message} (not applied: {character!r} is the format's syntax here; fix it by hand)"
        )
        return finding._replace(message=message, safety=Safety.DISPLAY)

    def syntax_brought(self, finding: Finding) -> str | None:
        """The character of the format's syntax a change of ``finding`` brings into a guarded
        stretch, if one does."""
        if not finding.fixable:
            return None
        for start, end, new in finding.changes():
            index = bisect_right(self._starts, end) - 1
            if index < 0:
                continue
            guard_start, guard_end, characters, first = self.guards[index]
            if end < guard_start or start > guard_end:
                continue
            old = self.text[start:end]
            for character in characters:
                if new.count(character) > old.count(character):
                    return character
            if start == guard_start and new[:1] and new[0] in first and new[:1] != old[:1]:
                return new[0]
        return None


class _Protected:
    """The spans of the text as it stands that no rule may change, and the findings they stop.

    >>> protected = _Protected([(4, 9)])
    >>> protected.holds(Finding("r", "m", 5, 6, "x")), protected.holds(Finding("r", "m", 9, 10, "x"))
    (True, False)
    >>> protected.holds(Finding("r", "m", 0, 12, None)), protected.holds(Finding("r", "m", 6, 8, None))
    (False, True)
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans  # sorted, none overlapping another
        self._starts = [start for start, _ in spans]

    def holds(self, finding: Finding) -> bool:
        """Whether ``finding`` must go: a fix that would change a protected span, or a report
        that stands inside one."""
        if finding.fixable:
            return any(self._touched(start, end) for start, end, _ in finding.changes())
        index = bisect_right(self._starts, finding.start) - 1
        return index >= 0 and finding.end <= self.spans[index][1] and finding.start < self.spans[index][1]

    def _touched(self, start: int, end: int) -> bool:
        """Whether the edit of ``start:end`` changes a protected character (an insertion at the
        edge of a span does not)."""
        index = bisect_right(self._starts, start) - 1
        if index >= 0 and start < self.spans[index][1] and (start < end or start > self.spans[index][0]):
            return True
        return index + 1 < len(self.spans) and self._starts[index + 1] < end


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` (sorted) made spaces, its line breaks kept: the
    same length, every other character where it was.

    >>> _blanked("see x.de/politik\\nnow", [(4, 16)])
    'see             \\nnow'
    """
    pieces, cursor = [], 0
    for start, end in spans:
        pieces += (text[cursor:start], _NOT_A_BREAK.sub(" ", text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


_NOT_A_BREAK = re.compile(r"[^\n\r]")


@lru_cache(maxsize=256)
def _narrowed(context: Context, live: frozenset[str]) -> Context:
    """``context`` with only the ``live`` rules enabled; made once for each set a text leaves."""
    return replace(context, enabled=live)


class _Chain:
    """One cleaning: the text so far, the edit maps that made it, every finding with the number
    of edit maps in force when its pass ran, and every edit with the same and its finding."""

    def __init__(
        self, text: str, context: Context, unsafe: bool, form: Format, budget: Budget | None = None
    ) -> None:
        self.text = text
        self._read = budget.read if budget is not None else list  # how a pass's findings are read
        self.format = form
        self._kept: tuple[_Protected, _Protected, KeptOff, _Guarded | None] | None = None  # when needed
        self.context = context
        self.look = look_for(_TRIGGERS, context.enabled, context.target, context.house)
        self.unsafe = unsafe
        self.maps: list[EditMap] = []
        self.seen: list[tuple[Finding, int]] = []
        self.changes: list[tuple[_Change, int, int]] = []  # (edit, depth, index in seen)
        self.dirty: list[tuple[int, int]] = []  # the spans of the text the chain has changed
        # The text around the chain's edits as it was (Scope.replaced); None once it grew too big.
        self.replaced: list[str] | None = []
        self._replaced_size = 0
        self._paragraphs: Paragraphs | None = None

    def _protection(self) -> tuple[_Protected, _Protected, KeptOff, _Guarded | None]:
        """The text's markup, which no rule changes; with its addresses, which only the character
        repairs reach inside, every span no other rule changes; the passages the writer's
        markers keep rules off (:mod:`cleanup.suppression`), the markers among them; and the
        stretches of prose where a fix may not bring in the format's syntax. Found when a pass
        first finds something in the text as it stands: most texts need none of it."""
        if self._kept is None:
            markup, addresses = self.format.spans(self.text)
            markup = merged(markup + markers(self.text))
            every = _Protected(merged(markup + addresses))
            guards = self.format.guards(self.text) if self.format.guards is not None else []
            guarded = _Guarded(self.text, guards) if guards else None
            self._kept = (_Protected(markup), every, KeptOff(passages(self.text)), guarded)
        return self._kept

    def _find(self, step: Pass, context: Context, *, first: bool) -> list[Finding]:
        """What ``step`` finds in the text: in all of it in the first round, and in later rounds,
        for a pass whose findings are local to a paragraph, in the paragraphs changed so far; for
        a pass that can be told what changed (``find_in``), with no unsafe fixes, what those
        changes could have changed. ``context`` holds the rules the first look left live."""
        replaced, find_in = self.replaced, step.find_in
        scoped = find_in is not None and replaced is not None and not self.unsafe and not step.local
        if first or not (step.local or scoped):
            return self._read(step.find(self.text, context))
        if self._paragraphs is None or self._paragraphs.text is not self.text:
            self._paragraphs = Paragraphs(self.text)
        changed = self._paragraphs.holding(self.dirty)
        if find_in is not None and replaced is not None and scoped:
            return self._read(find_in(self.text, context, Scope(changed, "\n".join(replaced))))
        found = []
        for start, end in changed:
            found += self._read(_shifted(f, start) for f in step.find(self.text[start:end], context))
        return found

    def _note_replaced(self, changes: list[_Change]) -> None:
        """Keep the text around ``changes`` (sorted) as it was, within :data:`SCOPE_MARGIN` of each,
        for a later round's :class:`Scope`; give up keeping it once it outgrows the text."""
        if self.replaced is None:
            return
        windows = merged([(max(0, start - SCOPE_MARGIN), end + SCOPE_MARGIN) for start, end, _ in changes])
        self.replaced += (self.text[start:end] for start, end in windows)
        self._replaced_size += sum(end - start for start, end in windows)
        if self._replaced_size > len(self.text):  # the whole text is as cheap to read again
            self.replaced = None

    def _looked(
        self, live: frozenset[str] = frozenset(), edited: list[tuple[int, int]] | None = None
    ) -> tuple[frozenset[str], Context]:
        """The rules the first look leaves live in the text as it stands, and the context that
        holds only them. After a pass's ``edited`` spans, the rules ``live`` before it stay live,
        and only the text around the edits is looked at again: a sequence the edits made holds
        a character they put there."""
        live = self.look.live(self.text) if edited is None else self.look.live_around(self.text, edited, live)
        return live, self.context if live == self.context.enabled else _narrowed(self.context, live)

    def round(self, *, first: bool) -> bool:
        """Run every pass once; report whether any fix was applied.

        After the first round only applied fixes are kept: the rest were reported already. A pass
        runs with only the rules the first look leaves live in the text as it stands
        (:mod:`cleanup.passes.triggers`), and not at all when none is: the look is taken again
        after each pass that changes the text.
        """
        changed = False
        enabled = self.context.enabled
        live, context = self._looked()
        for step, rule_ids in _PASS_RULES:
            if not rule_ids & live or not (first or step.may_fix(self.context, unsafe=self.unsafe)):
                continue
            found = [f for f in self._find(step, context, first=first) if f.rule in enabled]
            if not found:
                continue
            markup, protected, kept_off, guarded = self._protection()
            if step.reads_prose_only and protected.spans and (first or not step.local):
                found = [
                    f for f in step.find(_blanked(self.text, protected.spans), context) if f.rule in enabled
                ]
            if step.repairs_characters:
                protected = markup
            if protected.spans:
                found = [f for f in found if not protected.holds(f)]
            if kept_off:
                found = [f for f in found if not kept_off.holds(f)]
            if guarded is not None:
                found = [guarded.checked(f) for f in found]
            if not found:
                continue
            found.sort(key=_BY_SPAN)
            depth = len(self.maps)
            changes: list[_Change] = []
            for finding in _choose_fixes(found, self.unsafe):
                if finding.applied:
                    trimmed = [c for c in (_trimmed(self.text, c) for c in finding.changes()) if c]
                    self.changes.extend((change, depth, len(self.seen)) for change in trimmed)
                    changes += trimmed
                if first or finding.applied:
                    self.seen.append((finding, depth))
            if changes:
                changes.sort(key=_START_END)
                self._note_replaced(changes)
                before, self.text = self.text, _apply(self.text, changes)
                edit_map = EditMap([(start, end, len(new)) for start, end, new in changes])
                carry_words(before, self.text, edit_map)  # the shared look at its words, kept
                live, context = self._looked(live, edit_map.new_spans())  # what the next passes read
                self.maps.append(edit_map)
                self._kept = None  # found again in the new text, as a second run would find them
                self.dirty = [
                    *((edit_map.to_new(a, end=False), edit_map.to_new(b, end=True)) for a, b in self.dirty),
                    *edit_map.new_spans(),
                ]
                changed = True
        return changed

    def _to_original(self, start: int, end: int, depth: int) -> tuple[int, int]:
        """A span of the text the first ``depth`` edit maps made, in the original."""
        for edit_map in reversed(self.maps[:depth]):
            start = edit_map.to_old(start, end=False)
            end = max(start, edit_map.to_old(end, end=True))
        return start, end

    def located(self, original: str) -> tuple[tuple[Finding, ...], tuple[Edit, ...]]:
        """Every finding with its span, line and column in ``original``, and every edit of the
        applied ones located there too."""
        if not self.seen:
            return (), ()
        lines = LineIndex(original)
        located = []
        for number, (finding, depth) in enumerate(self.seen):
            start, end = self._to_original(finding.start, finding.end, depth)
            located.append((finding.located(start, end, lines), number))
        # A fix another one overlapped in the first round, applied in a later one, is reported once.
        applied = {(f.rule, f.start, f.end) for f, _ in located if f.applied}
        located = [
            pair
            for pair in located
            if pair[0].applied or (pair[0].rule, pair[0].start, pair[0].end) not in applied
        ]
        located.sort(key=lambda pair: (pair[0].start, pair[0].end, pair[0].rule))
        position = {number: index for index, (_, number) in enumerate(located)}
        edits = []
        for (start, end, new), depth, number in self.changes:
            old_start, old_end = self._to_original(start, end, depth)
            edits.append(Edit(old_start, old_end, len(new) - (end - start), position[number]))
        return tuple(finding for finding, _ in located), tuple(edits)


def run(
    text: str, context: Context, *, unsafe: bool = False, form: Format = TEXT, budget: Budget | None = None
) -> Result:
    """Clean ``text``, a file of the format ``form``, with the rules and settings of ``context``,
    leaving the spans the format protects as they are (:mod:`cleanup.formats`): a fix that would
    change one is dropped, and so is a report inside one. They are found again each time a pass
    changes the text, as a second run would find them in its result.

    A fix can make room for another (a repaired character lets ftfy see the next one; a
    collapsed space joins two marks), so the chain runs again while it changes the text,
    up to a few rounds: fixing the result once more then changes nothing.

    A long text is cleaned a piece of paragraphs at a time (:func:`cleanup.paragraphs.clean_in_pieces`),
    never cut inside the format's markup or a passage a writer's marker keeps rules off.

    A format of data (JSON Lines …) has each of its prose strings cleaned as one text, and the
    results put together as the file's (:func:`cleanup.formats.segments.lift`);
    :class:`~cleanup.formats.FormatError` if the file cannot be read as the format says.

    Given a ``budget`` (the command line's batches, which hold every finding of a file), a file whose
    findings come closer together than in any prose is refused: :class:`TooManyFindings`.
    """
    if form.segments is not None:
        inner = form.inner or TEXT

        def clean_segment(segment: Segment) -> Result:
            return run(segment.text, _told(context, segment), unsafe=unsafe, form=inner, budget=budget)

        return lift(text, form.segments(text), clean_segment)
    return clean_in_pieces(
        text,
        partial(_run_piece, context=context, unsafe=unsafe, form=form, budget=budget),
        partial(_kept_whole, form=form),
    )


def _kept_whole(text: str, form: Format) -> list[tuple[int, int]]:
    """The spans of ``text`` no piece may end inside: the format's markup but for blank lines
    (a code block, front matter), and the passages a writer's markers keep rules off."""
    markup = [(start, end) for start, end in form.markup(text) if not text[start:end].isspace()]
    return merged([*markup, *(passage[:2] for passage in passages(text))])


def _run_piece(
    text: str, context: Context, unsafe: bool, form: Format, budget: Budget | None = None
) -> Result:
    """Clean ``text`` as one piece: the chain's rounds over all of it."""
    chain = _Chain(text, context, unsafe, form, budget)
    first = True
    for _ in range(MAX_ROUNDS):
        if not chain.round(first=first):
            break
        first = False
    findings, edits = chain.located(text)
    result = Result(original=text, text=chain.text, findings=findings, edits=edits)
    if budget is not None:
        budget.spend(text, result)
    return result


def _told(context: Context, segment: Segment) -> Context:
    """``context`` with what the file says of ``segment``: the text it translates, and its
    language, unless the user named the source languages or the copy's language has no such
    source."""
    if segment.source is not None:
        context = replace(context, source_text=segment.source)
    language = segment.source_language
    if language and not context.sources and language in sources_for(context.target):
        context = replace(context, sources=(language,))
    return context


def warm_up(context: Context) -> None:
    """Build what the passes of ``context`` load lazily, by cleaning a sample of copy with a
    sentence in every language (:mod:`cleanup.lang.samples`): done before worker processes are
    forked, they start with it built and share it, instead of each building it again."""
    run(sample(context.target), context, unsafe=True)
