"""Markers a writer leaves in the copy to keep cleanup off a passage, the same in plain text,
Markdown and HTML (where they are comments, which no reader sees):

- ``<!-- cleanup: ignore -->`` keeps every rule off the next paragraph, and
  ``<!-- cleanup: ignore[rule-or-family, …] -->`` those rules only;
- ``<!-- cleanup: off -->`` keeps every rule off what follows, up to ``<!-- cleanup: on -->`` (or
  the end of the text).

Inside such a passage no fix is made and nothing is reported; the markers themselves are never
changed. A rule or family a marker names that cleanup does not know makes the marker keep every
rule off: a writer's intent is to keep cleanup away.

>>> text = "One , two.\\n\\n<!-- cleanup: ignore[spacing] -->\\nThree , four; At once.\\n\\nFive , six."
>>> [(text[start:end].split()[0], rules and sorted(rules)) for start, end, rules in passages(text)]
[('<!--', None), ('Three', ['repeated-spaces', 'space-after-bracket', 'space-before-punctuation'])]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from cleanup.model import Finding
from cleanup.offsets import line_start, merged
from cleanup.rules import UnknownRuleError, expand

_MARKER = re.compile(r"<!--[ \t]*cleanup:[ \t]*(?:(ignore)(?:\[([^\]\n]*)\])?|(off)|(on))[ \t]*-->")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_CONTENT = re.compile(r"\S")

# A passage: its span, and the rules kept off it (``None``: every rule).
Passage = tuple[int, int, frozenset[str] | None]


def markers(text: str) -> list[tuple[int, int]]:
    """The markers of ``text``, which no rule changes."""
    if not _may_hold_markers(text):
        return []
    return [match.span() for match in _MARKER.finditer(text)]


def _may_hold_markers(text: str) -> bool:
    """Whether ``text`` holds a "<", which every marker opens with: one character is searched for
    at memory speed, most texts have none, and the search for a marker is left to those that do."""
    return "<" in text


def passages(text: str) -> list[Passage]:
    """The markers and the passages they keep rules off, in order."""
    found: list[Passage] = []
    if not _may_hold_markers(text):
        return found
    off_from: int | None = None
    blank_lines: list[int] | None = None  # where the paragraphs end, found once when first needed
    for match in _MARKER.finditer(text):
        found.append((match.start(), match.end(), None))  # the marker itself
        if match.group(3) and off_from is None:
            off_from = match.end()
        elif match.group(4) and off_from is not None:
            found.append((off_from, match.start(), None))
            off_from = None
        elif match.group(1):
            if blank_lines is None:
                blank_lines = [blank.start() for blank in _BLANK_LINE.finditer(text)]
            # The next paragraph: from its first character (blank lines after the marker are
            # skipped) to the blank line after it, or the end of the text.
            content = _CONTENT.search(text, match.end())
            first = content.start() if content else len(text)
            index = bisect_left(blank_lines, first)
            end = blank_lines[index] if index < len(blank_lines) else len(text)
            found.append((match.end(), end, _rules(match.group(2))))
    if off_from is not None:
        found.append((off_from, len(text), None))
    return found


def _rules(named: str | None) -> frozenset[str] | None:
    if named is None:
        return None
    try:
        return expand(part for part in named.split(",") if part.strip()) or None
    except UnknownRuleError:
        return None


class KeptOff:
    """The passages of a text, ready to ask about a finding in time logarithmic in their number:
    those that keep every rule off merged, and those of each rule merged apart."""

    def __init__(self, found: list[Passage]) -> None:
        self.every = _Spans(merged((start, end) for start, end, rules in found if rules is None))
        by_rule: dict[str, list[tuple[int, int]]] = {}
        for start, end, rules in found:
            for rule in rules or ():
                by_rule.setdefault(rule, []).append((start, end))
        self.by_rule = {rule: _Spans(merged(spans)) for rule, spans in by_rule.items()}

    def __bool__(self) -> bool:
        return bool(self.every.starts or self.by_rule)

    def holds(self, finding: Finding) -> bool:
        """Whether a passage keeps ``finding``'s rule off it: a fix that changes text there
        (writing at its edge is fine), or a report that stands there."""
        if finding.fixable:
            spans = [(start, end) for start, end, _ in finding.changes()]
        else:
            spans = [(finding.start, finding.end)]
        kept = [self.every, self.by_rule.get(finding.rule)]
        return any(passages.touches(start, end) for passages in kept if passages for start, end in spans)


class _Spans:
    """Spans sorted, none overlapping another."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def touches(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a span, or (empty) stands strictly inside one."""
        index = bisect_right(self.starts, start) - 1
        if index >= 0:
            first, last = self.spans[index]
            if start < last and (start < end or first < start):
                return True
        return index + 1 < len(self.spans) and self.starts[index + 1] < end


def paragraph_starts(text: str, begin: int = 0) -> list[int]:
    """Where the paragraphs of plain text or Markdown start: at ``begin`` (after a front matter,
    say), and after each blank line."""
    return [begin, *(blank.end() for blank in _BLANK_LINE.finditer(text, begin))]


def with_markers(text: str, findings: Iterable[Finding], starts: list[int] | None = None) -> tuple[str, int]:
    """``text`` with a marker before each paragraph that holds ``findings``, keeping their rules
    off it (``cleanup check --add-noqa``), and how many markers were added. The paragraphs start
    at ``starts`` (sorted; by default :func:`paragraph_starts`); a finding before the first gets no
    marker. The marker is a line of its own, ended as the text ends its lines, but where a block
    of HTML starts inside a line: there it stands just before the block's tag.

    >>> from cleanup import clean
    >>> text = "Fine.\\n\\nThe deal , said; At once.\\n"
    >>> print(with_markers(text, clean(text).findings)[0], end="")
    Fine.
    <BLANKLINE>
    <!-- cleanup: ignore[semicolon-capital, space-before-punctuation] -->
    The deal , said; At once.
    """
    starts = paragraph_starts(text) if starts is None else starts
    rules: dict[int, set[str]] = {}
    for finding in findings:
        index = bisect_right(starts, finding.start) - 1
        if index < 0:
            continue
        start = starts[index]
        rules.setdefault(start, set()).add(finding.rule)
    newline = "\r\n" if "\r\n" in text else "\n"
    pieces, cursor = [], 0
    for start in sorted(rules):
        before = text[line_start(text, start) : start]
        marker = f"<!-- cleanup: ignore[{', '.join(sorted(rules[start]))}] -->"
        # A line of its own, the paragraph keeping its indent; in HTML, where a block starts
        # inside a line (after <body>, or text after a <code> in a paragraph), just before it.
        after = f"{newline}{before}" if not before.strip() else ""
        pieces += (text[cursor:start], marker + after)
        cursor = start
    pieces.append(text[cursor:])
    return "".join(pieces), len(rules)
