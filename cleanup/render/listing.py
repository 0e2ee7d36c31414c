"""The findings of ``cleanup check`` in the format asked for (``--output-format``): for people
(``full``, ``concise``), for programs (``json``, ``jsonl``) and for CI systems (``github``
workflow annotations, ``gitlab`` code quality, ``sarif`` 2.1.0, ``junit``).

Each listing is fed one file at a time, with its findings and (``full`` only) its text; what a
format can only write whole (SARIF, JUnit) is written when the listing closes. Lines and columns
are 1-based and count characters (Unicode code points) of the text as decoded; an end column is
the column after the span's last character.

>>> import io
>>> from cleanup import clean
>>> out = io.StringIO()
>>> with open_listing("github", out) as listing:
...     listing.add("a.txt", clean("the market , said").findings)
>>> print(out.getvalue(), end="")  # doctest: +ELLIPSIS
::error title=cleanup (space-before-punctuation),file=a.txt,line=1,col=11,...::space before ','
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from types import TracebackType
from typing import TextIO
from urllib.parse import quote
from xml.etree import ElementTree

from cleanup.model import Finding, Safety
from cleanup.render.findings import finding_line, finding_record
from cleanup.render.paths import shown_path
from cleanup.render.report import JsonArray, dumps, json_line
from cleanup.review.worddiff import visible
from cleanup.rules import ALL_RULES

OUTPUT_FORMATS = ("full", "concise", "json", "jsonl", "github", "gitlab", "sarif", "junit")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_REACH = 60  # characters shown either side of a finding's span in the full format


class Listing:
    """Findings written as they come, one line each (``concise``)."""

    needs_text = False  # whether :meth:`add` needs the file's text
    # How ``check --statistics`` prints its counts beside this format: "text", "json", "jsonl", or
    # None where counts make no sense (a report whose shape a CI system fixes).
    statistics: str | None = "text"

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __enter__(self) -> Listing:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def add(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        """The findings of the file at ``path`` (``text``: its decoded text, for formats that quote it)."""
        for finding in findings:
            self.stream.write(finding_line(path, finding) + "\n")

    def failed(self, path: str, reason: str) -> None:
        """A file that could not be checked, and why: said on standard error, one line each, in
        every format; formats a CI system reads carry it too."""

    def close(self) -> None:
        """Write what the format writes at the end."""


class _Full(Listing):
    """Each finding with the stretch of its line around it, its span marked, and its fix (as
    ruff's ``full``; a paragraph of prose is one long line, so only the span's surroundings)."""

    needs_text = True

    def add(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        lines = (text or "").splitlines()
        for finding in findings:
            self.stream.write(finding_line(path, finding) + "\n")
            if text is None:  # a file read in pieces (Parquet): its text is not at hand
                self.stream.write(f"  = {_fix(finding, None)}\n\n")
                continue
            line = lines[finding.line - 1] if finding.line <= len(lines) else ""
            end = finding.end_column if finding.end_line == finding.line else len(line) + 1
            start = max(0, finding.column - 1 - _REACH)
            stop = min(len(line), end - 1 + _REACH)
            before = ("…" if start else "") + _shown(line[start : finding.column - 1])
            span = _shown(line[finding.column - 1 : end - 1])
            after = _shown(line[end - 1 : stop]) + ("…" if stop < len(line) else "")
            width = len(str(finding.line))
            self.stream.write(f"{' ' * width} |\n{finding.line} | {before}{span}{after}\n")
            self.stream.write(f"{' ' * width} | {' ' * len(before)}{'^' * max(1, len(span))}\n")
            self.stream.write(f"{' ' * width} = {_fix(finding, line[finding.column - 1 : end - 1])}\n\n")


def _shown(text: str) -> str:
    """``text`` as a terminal shows it safely, a tab as one space (so that the marks line up)."""
    return visible(text.replace("\t", " "))


def _fix(finding: Finding, old: str | None) -> str:
    """What the fix does, and whether it is made (an unsafe one only with --unsafe-fixes)."""
    if finding.replacement is None or finding.safety is Safety.DISPLAY:
        return "note: no fix: for a person to read"
    made = (
        ""
        if finding.applied
        else ", not made: --unsafe-fixes makes it"
        if finding.safety is Safety.UNSAFE
        else ", not made"
    )
    shown = "the span" if old is None else repr(old)
    change = f"remove {shown}" if not finding.replacement else f"replace {shown} with {finding.replacement!r}"
    return visible(f"{finding.safety} fix{made}: {change}")


class _Json(Listing):
    """One JSON array of every finding, a record each, written as they come."""

    statistics = "json"

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.array = JsonArray(stream)

    def __enter__(self) -> Listing:
        self.array.__enter__()
        return self

    def add(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        for finding in findings:
            self.array.add(self.record(path, finding))

    def record(self, path: str, finding: Finding) -> dict[str, object]:
        """The element of the array that stands for ``finding``."""
        return finding_record(path, finding)

    def close(self) -> None:
        self.array.__exit__()


class _JsonLines(Listing):
    statistics = "jsonl"

    def add(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        for finding in findings:
            self.stream.write(json_line(finding_record(path, finding)))


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


class _GitHub(Listing):
    """GitHub Actions workflow commands: an annotation per finding, an error where a fix changes
    the text, a warning where a person reads it."""

    statistics = None

    def add(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        for finding in findings:
            level = "warning" if finding.safety is Safety.DISPLAY else "error"
            properties = ",".join(
                f"{name}={_github_property(str(value))}"
                for name, value in (
                    ("title", f"cleanup ({finding.rule})"),
                    ("file", path),
                    ("line", finding.line),
                    ("col", finding.column),
                    ("endLine", finding.end_line),
                    ("endColumn", finding.end_column),
                )
            )
            self.stream.write(f"::{level} {properties}::{_github_data(finding.message)}\n")

    def failed(self, path: str, reason: str) -> None:
        properties = f"title={_github_property('cleanup (error)')},file={_github_property(path)}"
        self.stream.write(f"::error {properties}::{_github_data(reason)}\n")


class _GitLab(_Json):
    """GitLab's code quality report: a JSON array of issues, each with a stable fingerprint."""

    statistics = None

    def record(self, path: str, finding: Finding) -> dict[str, object]:
        key = json.dumps([path, finding.rule, finding.start, finding.end, finding.message])
        return {
            "description": f"{finding.rule}: {finding.message}",
            "check_name": finding.rule,
            "fingerprint": hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest(),
            "severity": "info" if finding.safety is Safety.DISPLAY else "minor",
            "location": {
                "path": path,
                "positions": {
                    "begin": {"line": finding.line, "column": finding.column},
                    "end": {"line": finding.end_line, "column": finding.end_column},
                },
            },
        }

    def failed(self, path: str, reason: str) -> None:
        key = json.dumps([path, "error", reason])
        self.array.add(
            {
                "description": f"cleanup could not check the file: {reason}",
                "check_name": "cleanup-error",
                "fingerprint": hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest(),
                "severity": "major",
                "location": {"path": path, "lines": {"begin": 1}},
            }
        )


def _uri(path: str) -> str:
    """A file's path as a SARIF artifact URI: relative, slashes, percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/", errors="surrogateescape") if path != "-" else "stdin"


class _Sarif(Listing):
    """One SARIF 2.1.0 log: the rules that found something, and a result per finding."""

    statistics = None

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.results: list[dict[str, object]] = []
        self.rules: dict[str, int] = {}
        self.errors: list[dict[str, object]] = []  # a notification per file that could not be checked

    def add(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        for finding in findings:
            index = self.rules.setdefault(finding.rule, len(self.rules))
            result: dict[str, object] = {
                "ruleId": finding.rule,
                "ruleIndex": index,
                "level": "note" if finding.safety is Safety.DISPLAY else "warning",
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(path)},
                            "region": {
                                "startLine": finding.line,
                                "startColumn": finding.column,
                                "endLine": finding.end_line,
                                "endColumn": finding.end_column,
                                "charOffset": finding.start,
                                "charLength": finding.end - finding.start,
                            },
                        }
                    }
                ],
                "properties": {"safety": str(finding.safety), "applied": finding.applied},
            }
            self.results.append(result)

    def failed(self, path: str, reason: str) -> None:
        self.errors.append(
            {
                "level": "error",
                "message": {"text": reason},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}],
            }
        )

    def close(self) -> None:
        from cleanup import __version__

        rules = [
            {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": ALL_RULES[rule_id].summary},
                "fullDescription": {"text": ALL_RULES[rule_id].why},
                "help": {"text": ALL_RULES[rule_id].explain()},
                "properties": {"family": ALL_RULES[rule_id].family, "safety": ALL_RULES[rule_id].safety},
            }
            for rule_id in self.rules
        ]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "cleanup", "version": __version__, "rules": rules}},
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                    "invocations": [
                        {"executionSuccessful": not self.errors, "toolExecutionNotifications": self.errors}
                    ],
                }
            ],
        }
        self.stream.write(dumps(log) + "\n")


class _JUnit(Listing):
    """A JUnit XML report: a test case per file, failed by its findings."""

    statistics = None

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.cases: list[tuple[str, Sequence[Finding], str | None]] = []  # path, findings, error

    def add(self, path: str, findings: Sequence[Finding], text: str | None = None) -> None:
        self.cases.append((path, findings, None))

    def failed(self, path: str, reason: str) -> None:
        self.cases.append((path, (), reason))

    def close(self) -> None:
        failed = sum(1 for _, findings, _ in self.cases if findings)
        errors = sum(1 for _, _, reason in self.cases if reason is not None)
        counts = {"tests": str(len(self.cases)), "failures": str(failed), "errors": str(errors)}
        suites = ElementTree.Element("testsuites", {"name": "cleanup", **counts})
        suite = ElementTree.SubElement(suites, "testsuite", {"name": "cleanup", **counts})
        for path, findings, reason in self.cases:
            case = ElementTree.SubElement(
                suite, "testcase", {"name": shown_path(path), "classname": "cleanup"}
            )
            if reason is not None:
                error = ElementTree.SubElement(case, "error", {"message": reason, "type": "cleanup"})
                error.text = f"{shown_path(path)}: error: {reason}"
            elif findings:
                failure = ElementTree.SubElement(
                    case, "failure", {"message": f"{len(findings)} finding(s)", "type": "cleanup"}
                )
                failure.text = "\n".join(finding_line(path, finding) for finding in findings)
        self.stream.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")


_LISTINGS: dict[str, type[Listing]] = {
    "full": _Full,
    "concise": Listing,
    "json": _Json,
    "jsonl": _JsonLines,
    "github": _GitHub,
    "gitlab": _GitLab,
    "sarif": _Sarif,
    "junit": _JUnit,
}


def open_listing(name: str, stream: TextIO) -> Listing:
    """The listing of the output format called ``name`` (one of :data:`OUTPUT_FORMATS`), which
    writes what the format opens with when it is entered."""
    return _LISTINGS[name](stream)


def statistics_form(name: str) -> str | None:
    """How ``check --statistics`` prints beside the output format called ``name``: ``"text"``,
    ``"json"``, ``"jsonl"``, or None where it cannot.

    >>> [statistics_form(name) for name in ("concise", "json", "jsonl", "sarif")]
    ['text', 'json', 'jsonl', None]
    """
    return _LISTINGS[name].statistics
