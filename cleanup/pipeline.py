"""Run the passes in order, apply the fixes the safety level allows, locate every finding.

>>> from cleanup.rules import select_rules
>>> run("exploitation; At the same time ,", enabled=select_rules()).text
'exploitation; at the same time,'
"""

from __future__ import annotations

from dataclasses import replace

from cleanup.model import Finding
from cleanup.offsets import EditMap, LineIndex
from cleanup.passes import PASSES, Context
from cleanup.result import Result


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
        marked.append(replace(finding, applied=applies))
    return marked


def run(text: str, *, enabled: frozenset[str], unsafe: bool = False, target: str = "en") -> Result:
    """Clean ``text`` with the rules in ``enabled``."""
    context = Context(enabled=enabled, target=target)
    current = text
    maps: list[EditMap] = []
    seen: list[tuple[Finding, int]] = []
    for step in PASSES:
        if not step.rule_ids & enabled:
            continue
        found = [f for f in step.find(current, context) if f.rule in enabled]
        found.sort(key=lambda f: (f.start, f.end))
        marked = _choose_fixes(found, unsafe)
        seen.extend((finding, len(maps)) for finding in marked)
        fixes = [f for f in marked if f.applied]
        if fixes:
            current = _apply(current, fixes)
            maps.append(EditMap([(f.start, f.end, len(f.replacement or "")) for f in fixes]))
    lines = LineIndex(text)
    located = []
    for finding, depth in seen:
        start, end = finding.start, finding.end
        for edit_map in reversed(maps[:depth]):
            start = edit_map.to_old(start, end=False)
            end = max(start, edit_map.to_old(end, end=True))
        line, column = lines.locate(start)
        located.append(replace(finding, start=start, end=end, line=line, column=column))
    located.sort(key=lambda f: (f.start, f.end, f.rule))
    return Result(original=text, text=current, findings=tuple(located))
