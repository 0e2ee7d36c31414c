"""Run the passes in order, apply the fixes the safety level allows, locate every finding.

>>> from cleanup.passes import Context
>>> from cleanup.rules import select_rules
>>> run("exploitation; At the same time ,", Context(select_rules())).text
'exploitation; at the same time,'
"""

from __future__ import annotations

from operator import attrgetter

from cleanup.model import Finding
from cleanup.offsets import EditMap, LineIndex
from cleanup.passes import PASSES, Context
from cleanup.result import Result

MAX_ROUNDS = 4
_BY_SPAN = attrgetter("start", "end")
_PASS_RULES = tuple((step, step.rule_ids) for step in PASSES)


def _apply(text: str, fixes: list[Finding]) -> str:
    parts = []
    cursor = 0
    for fix in fixes:
        parts.append(text[cursor : fix.start])
        parts.append(fix.replacement or "")
        cursor = fix.end
    parts.append(text[cursor:])
    return "".join(parts)


def _choose_fixes(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """Mark the fixes to apply: allowed by safety and not overlapping an earlier one."""
    marked = []
    last_end = -1
    for finding in findings:
        applies = finding.fixable and finding.safety.allowed(unsafe=unsafe) and finding.start >= last_end
        if applies:
            last_end = finding.end
        marked.append(finding.marked(applied=applies))
    return marked


class _Chain:
    """One cleaning: the text so far, the edits that made it, and every finding with the
    number of edit maps in force when its pass ran."""

    def __init__(self, text: str, context: Context, unsafe: bool) -> None:
        self.text = text
        self.context = context
        self.unsafe = unsafe
        self.maps: list[EditMap] = []
        self.seen: list[tuple[Finding, int]] = []

    def round(self, *, first: bool) -> bool:
        """Run every pass once; report whether any fix was applied.

        After the first round only applied fixes are kept: the rest were reported already.
        """
        changed = False
        enabled = self.context.enabled
        for step, rule_ids in _PASS_RULES:
            if not rule_ids & enabled or not (first or step.may_fix(self.context, unsafe=self.unsafe)):
                continue
            found = [f for f in step.find(self.text, self.context) if f.rule in enabled]
            if not found:
                continue
            found.sort(key=_BY_SPAN)
            marked = _choose_fixes(found, self.unsafe)
            depth = len(self.maps)
            self.seen.extend((f, depth) for f in marked if first or f.applied)
            fixes = [f for f in marked if f.applied]
            if fixes:
                self.text = _apply(self.text, fixes)
                self.maps.append(EditMap([(f.start, f.end, len(f.replacement or "")) for f in fixes]))
                changed = True
        return changed

    def located(self, original: str) -> tuple[Finding, ...]:
        """Every finding with its span, line and column in ``original``."""
        if not self.seen:
            return ()
        lines = LineIndex(original)
        located = []
        for finding, depth in self.seen:
            start, end = finding.start, finding.end
            for edit_map in reversed(self.maps[:depth]):
                start = edit_map.to_old(start, end=False)
                end = max(start, edit_map.to_old(end, end=True))
            line, column = lines.locate(start)
            located.append(finding.located(start, end, line, column))
        located.sort(key=lambda f: (f.start, f.end, f.rule))
        return tuple(located)


def run(text: str, context: Context, *, unsafe: bool = False) -> Result:
    """Clean ``text`` with the rules and settings of ``context``.

    A fix can make room for another (a repaired character lets ftfy see the next one; a
    collapsed space joins two marks), so the chain runs again while it changes the text,
    up to a few rounds: fixing the result once more then changes nothing.
    """
    chain = _Chain(text, context, unsafe)
    first = True
    for _ in range(MAX_ROUNDS):
        if not chain.round(first=first):
            break
        first = False
    return Result(original=text, text=chain.text, findings=chain.located(text))
