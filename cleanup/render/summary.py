"""The closing summary of a batch: files scanned, changed, unchanged, failed, and fixes by rule.

>>> from cleanup.work import Outcome, Status
>>> from cleanup.model import Finding
>>> tally = Tally()
>>> tally.add(Outcome("a.txt", Status.CHANGED, (Finding("repeated-spaces", "m", 0, 2, " ", applied=True),)))
>>> tally.add(Outcome("b.txt", Status.FAILED, error="binary file"))
>>> print(tally.summary(fixing=True))
2 files scanned: 1 changed, 0 unchanged, 1 failed; fixes: repeated-spaces 1
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from cleanup.render.report import JsonArray, json_line
from cleanup.work import Outcome, Status


class Tally:
    """Counts kept while the outcomes of a batch go by."""

    def __init__(self) -> None:
        self.files: Counter[Status] = Counter()
        self.fixes: Counter[str] = Counter()
        self.findings: Counter[str] = Counter()
        self.fixable: Counter[str] = Counter()  # findings that carry a fix, applied or not
        self.bytes = 0

    def add(self, outcome: Outcome) -> None:
        """Count one file's outcome."""
        self.files[outcome.status] += 1
        self.bytes += outcome.size
        for finding in outcome.findings:
            self.findings[finding.rule] += 1
            self.fixable[finding.rule] += finding.fixable
            if finding.applied:
                self.fixes[finding.rule] += 1

    @property
    def scanned(self) -> int:
        """How many files were looked at, failed ones included."""
        return sum(self.files.values())

    def summary(self, *, fixing: bool) -> str:
        """One line for people: what ``fix`` changed, or what ``check`` found."""
        head = (
            f"{plural(self.scanned, 'file')} scanned: {self.files[Status.CHANGED]} "
            f"{'changed' if fixing else 'to change'}, {self.files[Status.UNCHANGED]} unchanged, "
            f"{self.files[Status.FAILED]} failed"
        )
        counts = self.fixes if fixing else self.findings
        label = "fixes" if fixing else "findings"
        if not counts:
            return f"{head}; no {label}"
        by_rule = ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items()))
        return f"{head}; {label}: {by_rule}"

    def statistics(self, form: str = "text") -> str:
        """The findings counted by rule, most first, as ``check --statistics`` prints them.

        As ``text``, a line per rule: the count, the rule, ``[*]`` where its findings carry fixes,
        and what the rule fixes. As ``json``, an array of what :meth:`statistic_records` gives, or
        as ``jsonl``, one of them a line.

        >>> from cleanup import clean
        >>> tally = Tally()
        >>> tally.add(Outcome("a.txt", Status.CHANGED, clean("a market , b deal , said; At once").findings))
        >>> print(tally.statistics(), end="")  # doctest: +ELLIPSIS
        2  space-before-punctuation  [*] A space before , . ; : ? ! ) or ] removed ...
        1  semicolon-capital         [*] A capitalised function word or clause opener ...
        >>> print(tally.statistics("jsonl"), end="")  # doctest: +ELLIPSIS
        {"rule": "space-before-punctuation", "count": 2, "fixable": true, "applied": 2, "safety": "safe", ...}
        {"rule": "semicolon-capital", "count": 1, "fixable": true, "applied": 1, "safety": "safe / ...}
        >>> Tally().statistics("json")
        '[]\\n'
        """
        records = self.statistic_records()
        if form == "json":
            out = io.StringIO()
            with JsonArray(out) as array:
                for record in records:
                    array.add(record)
            return out.getvalue()
        if form == "jsonl":
            return "".join(json_line(record) for record in records)
        if not records:
            return ""
        count_width = len(str(records[0]["count"]))
        rule_width = max(len(record["rule"]) for record in records)
        return "".join(
            f"{record['count']:>{count_width}}  {record['rule']:<{rule_width}}  "
            f"{'[*]' if record['fixable'] else '   '} {record['summary']}\n"
            for record in records
        )

    def statistic_records(self) -> list[dict[str, Any]]:
        """A record per rule that found something, most first: its id (``rule``), how many
        findings (``count``), whether they carry fixes (``fixable``, the ``[*]`` of the text), how
        many of those fixes the options in force make (``applied``: ``fix`` would make them), the
        safety its rule documents (``safety``: ``safe``, ``unsafe``, ``display``, or two where it
        depends) and what the rule fixes (``summary``)."""
        from cleanup.rules import ALL_RULES

        ordered = sorted(self.findings.items(), key=lambda item: (-item[1], item[0]))
        return [
            {
                "rule": rule,
                "count": count,
                "fixable": bool(self.fixable[rule]),
                "applied": self.fixes[rule],
                "safety": ALL_RULES[rule].safety,
                "summary": ALL_RULES[rule].summary,
            }
            for rule, count in ordered
        ]


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, in the plural unless it is one.

    >>> plural(1, "file"), plural(2, "file"), plural(0, "change")
    ('1 file', '2 files', '0 changes')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
