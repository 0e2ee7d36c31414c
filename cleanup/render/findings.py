"""Findings as lines for people and as JSON for programs.

>>> from cleanup import clean
>>> print(finding_line("a.txt", clean("the market , said").findings[0]))
a.txt:1:11: space-before-punctuation space before ',' [safe]
>>> print(finding_line("a\\nb.txt", clean("the market , said").findings[0]))
"a\\nb.txt":1:11: space-before-punctuation space before ',' [safe]
"""

from __future__ import annotations

from cleanup.model import Finding
from cleanup.render.paths import shown_path
from cleanup.review.worddiff import visible


def finding_line(path: str, finding: Finding) -> str:
    """``PATH:LINE:COL: RULE-ID message [safety]``, as compilers and linters print: always one line,
    with nothing in it that a terminal would act on."""
    message = visible(finding.message)
    return f"{shown_path(path)}:{finding.line}:{finding.column}: {finding.rule} {message} [{finding.safety}]"


def finding_record(path: str, finding: Finding) -> dict[str, object]:
    """A JSON-ready description of one finding: lines and columns 1-based, the end column the
    one after the span; ``start`` and ``end`` are offsets in characters (Unicode code points) of
    the original text as decoded."""
    return {
        "path": path,
        "rule": finding.rule,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "start": finding.start,
        "end": finding.end,
        "replacement": finding.replacement,
        "safety": str(finding.safety),
        "applied": finding.applied,
    }
