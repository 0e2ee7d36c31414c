"""A self-contained HTML review report: paged index pages and one page per article.

Every page works offline from ``file://``: styles and the one script are inline, and a
Content-Security-Policy lets nothing else load or run (the script is allowed by its hash). Article
text is untrusted, and Jinja2's autoescaping shows it as text. On an article page each change is
highlighted in place, old and new, with its rules on hover and explained in the list below, where
a checkbox accepts it; findings that changed nothing are marked. "Export decisions" downloads the
decisions file that ``cleanup apply`` reads, for one article or, from the index, for every article
reviewed in this browser.

Pages are written as the articles come, each atomically; the index pages at :meth:`HtmlReport.close`.

>>> import tempfile, pathlib
>>> from cleanup import clean
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> from cleanup.review.decisions import Settings
>>> with HtmlReport(folder, Settings(("space-before-punctuation",))) as report:
...     report.add("a.txt", "0" * 64, clean("<b>bold</b> and the market , said"))
>>> sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
['articles/000001.html', 'index.html']
>>> "&lt;b&gt;bold&lt;/b&gt;" in (folder / "articles" / "000001.html").read_text(encoding="utf-8")
True
"""

from __future__ import annotations

import base64
import hashlib
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup

from cleanup.model import Finding, Safety
from cleanup.outputs import write_copy
from cleanup.result import Result
from cleanup.review.decisions import FileDecisions, Settings
from cleanup.review.hunks import Changes, Hunk, Part, split_changes
from cleanup.review.worddiff import visible
from cleanup.rules import ALL_RULES

PER_PAGE = 100
SAFETIES = tuple(str(safety) for safety in Safety)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("cleanup.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _script() -> tuple[Markup, str]:
    """The report's script, and the CSP source that allows it and nothing else."""
    source = (resources.files("cleanup.render") / "templates" / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    # Our own file, not article text: it goes into the page as it is.
    return Markup(source), f"sha256-{digest}"


def _render(template: str, **context: Any) -> str:
    script, script_hash = _script()
    return _environment().get_template(template).render(script=script, script_hash=script_hash, **context)


def index_name(page: int) -> str:
    """The file name of an index page (1-based).

    >>> index_name(1), index_name(2)
    ('index.html', 'index-2.html')
    """
    return "index.html" if page == 1 else f"index-{page}.html"


def _explained(finding: Finding, text: str) -> dict[str, Any]:
    rule = ALL_RULES.get(finding.rule)
    return {
        "rule": finding.rule,
        "safety": str(finding.safety),
        "message": visible(finding.message),
        "summary": rule.summary if rule else "",
        "why": rule.why if rule else "",
        "line": finding.line,
        "column": finding.column,
        "text": visible(text[finding.start : finding.end]),
        "replacement": None if finding.replacement is None else visible(finding.replacement),
    }


def _title(findings: tuple[Finding, ...]) -> str:
    """The hover text of a change or a flag: each rule, its message and what it fixes."""
    lines = []
    for finding in findings:
        rule = ALL_RULES.get(finding.rule)
        lines.append(f"{finding.rule} [{finding.safety}]: {visible(finding.message)}")
        if rule:
            lines.append(f"  {rule.summary}")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of the article: plain text, a flagged stretch, or a part of a change (``number``
    counts the parts of its hunk from 1)."""

    text: str = ""
    hunk: Hunk | None = None
    part: Part | None = None
    number: int = 1
    flag: bool = False
    flagged: bool = False
    title: str = ""

    @property
    def old(self) -> str:
        return visible(self.part.old) if self.part else ""

    @property
    def new(self) -> str:
        return visible(self.part.new) if self.part else ""

    @property
    def element_id(self) -> str:
        """The id of the part's element: ``t`` and the hunk's id, and the part's number after the first."""
        suffix = f"-{self.number}" if self.number > 1 else ""
        return f"t{self.hunk.id}{suffix}" if self.hunk else ""


class _Flags:
    """The flags of an article, found by place without scanning them all for each stretch."""

    def __init__(self, flags: tuple[Finding, ...]) -> None:
        self._flags = sorted(flags, key=lambda f: (f.start, f.end))
        self._starts = [f.start for f in self._flags]
        self._longest = max((f.end - f.start for f in self._flags), default=0)

    def reaching(self, start: int, end: int, *, touching: bool = False) -> list[Finding]:
        """The flags that overlap ``[start, end)``, or with ``touching`` also meet its ends."""
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_right(self._starts, end) if touching else bisect_left(self._starts, end)
        if touching:
            return [f for f in self._flags[low:high] if start <= f.end]
        return [f for f in self._flags[low:high] if start < f.end]


def _plain(text: str, start: int, end: int, flags: _Flags) -> list[_Piece]:
    """``text[start:end]`` with the flags that reach into it marked (clipped to it)."""
    pieces, position = [], start
    for flag in flags.reaching(start, end):
        # Where flags overlap, the first one marks the stretch they share.
        mark_start, mark_end = max(flag.start, position), min(flag.end, end)
        if mark_start >= mark_end:
            continue
        pieces.append(_Piece(visible(text[position:mark_start], line_breaks=False)))
        segment = visible(text[mark_start:mark_end], line_breaks=False)
        pieces.append(_Piece(segment, flag=True, title=_title((flag,))))
        position = mark_end
    pieces.append(_Piece(visible(text[position:end], line_breaks=False)))
    return [piece for piece in pieces if piece.text]


def _pieces(changes: Changes) -> list[_Piece]:
    """The article as plain stretches and the parts of changes, in order."""
    text, flags = changes.original, _Flags(changes.flags)
    parts = sorted(
        ((part, number, hunk) for hunk in changes.hunks for number, part in enumerate(hunk.parts, start=1)),
        key=lambda entry: entry[0].start,
    )
    pieces, position = [], 0
    for part, number, hunk in parts:
        pieces += _plain(text, position, part.start, flags)
        touching = tuple(flags.reaching(part.start, part.end, touching=True))
        title = _title(hunk.findings + touching)
        pieces.append(_Piece(hunk=hunk, part=part, number=number, flagged=bool(touching), title=title))
        position = part.end
    pieces += _plain(text, position, len(text), flags)
    return pieces


@dataclass(slots=True)
class _Row:
    """One article of the index."""

    number: int
    path: str
    page: str | None = None
    hunks: int = 0
    flags: int = 0
    by_safety: dict[str, int] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)
    error: str | None = None


@dataclass(slots=True)
class _Totals:
    files: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    hunks: int = 0
    flags: int = 0
    by_safety: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)


class HtmlReport:
    """A review report written into ``folder`` (made if missing; best kept for the report alone)
    on results made with ``settings``, which the decisions it exports record.

    :meth:`add` writes an article's page at once; :meth:`close` writes the index pages,
    ``per_page`` articles each. Used as a context manager, it closes when the block ends
    without an error.
    """

    def __init__(self, folder: Path | str, settings: Settings, *, per_page: int = PER_PAGE) -> None:
        if per_page < 1:
            raise ValueError("per_page must be at least 1")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._per_page = per_page
        self._settings = settings
        # Decisions kept in the browser are filed under the report's folder, so that a report
        # made again in the same place finds them (each is checked against its file's SHA-256).
        self._id = hashlib.sha256(str(self.folder.resolve()).encode("utf-8")).hexdigest()[:16]
        self._rows: list[_Row] = []
        self._totals = _Totals()

    def __enter__(self) -> HtmlReport:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            self.close()

    def _index_of(self, number: int) -> str:
        return index_name((number - 1) // self._per_page + 1)

    def add(self, path: str, original_sha256: str, result: Result, settings: Settings | None = None) -> None:
        """Add one article: its path as shown and as ``cleanup apply`` will open it, the SHA-256
        of its original bytes, its result, and the settings it was cleaned with where they are
        its own (a configuration file of its folder). Writes the article's page when it has
        changes or flags."""
        number = len(self._rows) + 1
        changes = split_changes(result)
        by_safety = Counter(str(f.safety) for f in result.findings)
        by_rule = Counter(f.rule for f in result.findings)
        row = _Row(number, visible(path), None, len(changes.hunks), len(changes.flags), by_safety, by_rule)
        if changes.hunks or changes.flags:
            row.page = f"articles/{number:06d}.html"
            page = self._article(
                number, path, original_sha256, changes, by_safety, settings or self._settings
            )
            self._write(row.page, page)
        self._rows.append(row)
        totals = self._totals
        totals.files += 1
        totals.changed += bool(changes.hunks)
        totals.unchanged += not changes.hunks
        totals.hunks += len(changes.hunks)
        totals.flags += len(changes.flags)
        totals.by_safety.update(by_safety)
        totals.by_rule.update(by_rule)

    def add_error(self, path: str, reason: str) -> None:
        """Add an article that could not be cleaned, with the reason."""
        self._rows.append(_Row(len(self._rows) + 1, visible(path), error=visible(reason)))
        self._totals.files += 1
        self._totals.failed += 1

    def _article(
        self,
        number: int,
        path: str,
        sha256: str,
        changes: Changes,
        by_safety: Counter[str],
        settings: Settings,
    ) -> str:
        text = changes.original
        decisions = FileDecisions(path, sha256, settings, changes.hunks, frozenset())
        return _render(
            "article.html.j2",
            data={"report": self._id, "article": number, "file": decisions.record()},
            path=visible(path),
            sha256=sha256,
            index_page=self._index_of(number),
            by_safety=[(safety, by_safety[safety]) for safety in SAFETIES if by_safety[safety]],
            pieces=_pieces(changes),
            hunks=changes.hunks,
            changes=[
                {
                    "hunk": h,
                    "parts": [{"old": visible(p.old), "new": visible(p.new)} for p in h.parts],
                    "findings": [_explained(f, text) for f in h.findings],
                }
                for h in changes.hunks
            ],
            flags=[_explained(f, text) for f in changes.flags],
        )

    def _write(self, name: str, page: str) -> None:
        """Write a page whole, never through a symbolic link inside the report's folder; a lone
        surrogate (a byte of a file name that is not UTF-8) as its escape."""
        write_copy(str(self.folder), PurePosixPath(name), page.encode("utf-8", "backslashreplace"))

    def close(self) -> None:
        """Write the index pages."""
        pages = max(1, -(-len(self._rows) // self._per_page))
        summaries = {rule_id: rule.summary for rule_id, rule in ALL_RULES.items()}
        for page in range(1, pages + 1):
            rows = self._rows[(page - 1) * self._per_page : page * self._per_page]
            html = _render(
                "index.html.j2",
                data={"report": self._id},
                page=page,
                pages=pages,
                first=rows[0].number if rows else 0,
                last=rows[-1].number if rows else 0,
                rows=rows,
                totals=self._totals,
                safeties=SAFETIES,
                summaries=summaries,
                index_name=index_name,
            )
            self._write(index_name(page), html)
