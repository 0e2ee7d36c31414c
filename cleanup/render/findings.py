"""Findings as lines for people and as JSON for programs.

>>> from cleanup import clean
>>> print(finding_lines("a.txt", clean("the market , said")))
a.txt:1:11: space-before-punctuation space before ',' [safe]
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from cleanup.model import Finding
from cleanup.result import Result


def finding_lines(path: str, result: Result) -> str:
    """One ``PATH:LINE:COL: RULE-ID message [safety]`` line per finding."""
    return "\n".join(
        f"{path}:{f.line}:{f.column}: {f.rule} {f.message} [{f.safety}]" for f in result.findings
    )


def finding_record(path: str, finding: Finding) -> dict[str, object]:
    """A JSON-ready description of one finding; offsets are characters in the original text."""
    return {
        "path": path,
        "rule": finding.rule,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "start": finding.start,
        "end": finding.end,
        "replacement": finding.replacement,
        "safety": str(finding.safety),
        "applied": finding.applied,
    }


def findings_json(results: Iterable[tuple[str, Result]]) -> str:
    """Every finding of every result as one JSON array."""
    records = [finding_record(path, f) for path, result in results for f in result.findings]
    return json.dumps(records, ensure_ascii=False, indent=2)
