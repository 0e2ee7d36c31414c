"""The closing summary of a batch: files scanned, changed, unchanged, failed, and fixes by rule.

>>> from cleanup.batch import Outcome, Status
>>> from cleanup.model import Finding
>>> tally = Tally()
>>> tally.add(Outcome("a.txt", Status.CHANGED, (Finding("repeated-spaces", "m", 0, 2, " ", applied=True),)))
>>> tally.add(Outcome("b.txt", Status.FAILED, error="binary file"))
>>> print(tally.summary(fixing=True))
2 files scanned: 1 changed, 0 unchanged, 1 failed; fixes: repeated-spaces 1
"""

from __future__ import annotations

from collections import Counter

from cleanup.batch import Outcome, Status


class Tally:
    """Counts kept while the outcomes of a batch go by."""

    def __init__(self) -> None:
        self.files: Counter[Status] = Counter()
        self.fixes: Counter[str] = Counter()
        self.findings: Counter[str] = Counter()
        self.bytes = 0

    def add(self, outcome: Outcome) -> None:
        """Count one file's outcome."""
        self.files[outcome.status] += 1
        self.bytes += outcome.size
        for finding in outcome.findings:
            self.findings[finding.rule] += 1
            if finding.applied:
                self.fixes[finding.rule] += 1

    @property
    def scanned(self) -> int:
        """How many files were looked at, failed ones included."""
        return sum(self.files.values())

    def summary(self, *, fixing: bool) -> str:
        """One line for people: what ``fix`` changed, or what ``check`` found."""
        head = (
            f"{self.scanned} files scanned: {self.files[Status.CHANGED]} "
            f"{'changed' if fixing else 'to change'}, {self.files[Status.UNCHANGED]} unchanged, "
            f"{self.files[Status.FAILED]} failed"
        )
        counts = self.fixes if fixing else self.findings
        label = "fixes" if fixing else "findings"
        if not counts:
            return f"{head}; no {label}"
        by_rule = ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items()))
        return f"{head}; {label}: {by_rule}"
