"""A word-level view of a result's changes, like ``git diff --word-diff``.

Each change is shown in a line-ish excerpt with a few words of context, ``[-old-]{+new+}`` (red
and green with colour), and the rules that made it beneath; findings that changed nothing are
marked ``[?text?]`` where they are. Article text is untrusted: control and format characters are
shown as symbols, never sent to the terminal.

>>> from cleanup import clean
>>> print(word_diff("a.txt", clean("It was sold; At the same time , prices rose.")), end="")
--- a.txt: 2 changes
@@ #1 1:14 @@ It was sold; [-At-]{+at+} the same time , prices rose.
    semicolon-capital: 'At' after a semicolon starts no sentence
@@ #2 1:30 @@ …sold; At the same time[- -], prices rose.
    space-before-punctuation: space before ','
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from cleanup.model import Finding
from cleanup.render.paths import shown_path
from cleanup.result import Result
from cleanup.review.hunks import Changes, Hunk, split_changes

CONTEXT_WORDS = 5
_CONTEXT_CHARS = 60  # at most, a side, however long the words
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# A word with the marks glued to it, so that an excerpt does not stop short of a full stop.
_WORD = re.compile(r"[^\w\s]*\w+[^\w\s]*")
# Characters a terminal or a browser would act on or hide rather than show; a tab is shown as it is.
_HIDDEN = regex.compile(r"[^\t\P{Cc}]|[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]")
_RED, _GREEN, _YELLOW, _CYAN, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[33;4m", "\x1b[36m", "\x1b[0m"
_ON_RED, _ON_GREEN = "\x1b[41m", "\x1b[42m"


def _symbol(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "␡" if code == 0x7F else f"<U+{code:04X}>"


def visible(text: str, *, line_breaks: bool = True) -> str:
    """``text`` safe for a terminal: line breaks as ``↵`` (unless ``line_breaks`` is false, when
    they are kept), other control characters as their Unicode pictures, format characters
    (bidirectional overrides, zero widths) and lone surrogates (an undecodable file name) as
    ``<U+XXXX>``.

    >>> visible("a\\r\\nb\\x1b[31m\\u202ec\\td")
    'a↵b␛[31m<U+202E>c\\td'
    >>> visible("caf\\udce9")
    'caf<U+DCE9>'
    >>> visible("a\\nb\\x00", line_breaks=False)
    'a\\nb␀'
    """
    if line_breaks:
        return _HIDDEN.sub(lambda match: _symbol(match[0]), _LINE_BREAK.sub("↵", text))
    return _HIDDEN.sub(lambda match: match[0] if _LINE_BREAK.match(match[0]) else _symbol(match[0]), text)


@dataclass(frozen=True, slots=True)
class _Style:
    color: bool

    def removed(self, text: str) -> str:
        shown = visible(text)
        if not self.color:
            return f"[-{shown}-]"
        return f"{_ON_RED if text.isspace() else _RED}{shown}{_RESET}"

    def added(self, text: str) -> str:
        shown = visible(text)
        if not self.color:
            return f"{{+{shown}+}}"
        return f"{_ON_GREEN if text.isspace() else _GREEN}{shown}{_RESET}"

    def flagged(self, text: str) -> str:
        shown = f"[?{visible(text)}?]"
        return f"{_YELLOW}{shown}{_RESET}" if self.color else shown

    def header(self, text: str) -> str:
        return f"{_CYAN}{text}{_RESET}" if self.color else text


# How far to look for a line break around an excerpt: past it, the context stops anyway.
_REACH = _CONTEXT_CHARS + 2


def _line_start(text: str, position: int) -> int:
    """Where the line holding ``position`` starts, or a place before the reach of any excerpt."""
    start = max(0, position - _REACH)
    for match in _LINE_BREAK.finditer(text, start, position):
        start = match.end()
    return start


def _before(text: str, start: int, words: int) -> int:
    """Where the context before ``start`` begins: ``words`` words back, within the line."""
    if not words:
        return start
    floor = max(_line_start(text, start), start - _CONTEXT_CHARS)
    found = list(_WORD.finditer(text, floor, start))
    return found[-words].start() if len(found) >= words else floor


def _line_end(text: str, position: int) -> int:
    """Where the line holding ``position`` ends, or a place past the reach of any excerpt."""
    line_break = _LINE_BREAK.search(text, position, position + _REACH)
    return line_break.start() if line_break else min(len(text), position + _REACH)


def _after(text: str, end: int, words: int) -> int:
    """Where the context after ``end`` stops: ``words`` words on, within the line."""
    if not words:
        return end
    ceiling = min(_line_end(text, end), end + _CONTEXT_CHARS)
    found = list(_WORD.finditer(text, end, ceiling))
    return found[words - 1].end() if len(found) >= words else ceiling


def _context(text: str, start: int, end: int, style: _Style, flags: list[Finding]) -> str:
    """``text[start:end]``, with the flags inside it marked."""
    pieces, position = [], start
    for flag in flags:
        pieces += [visible(text[position : flag.start]), style.flagged(text[flag.start : flag.end])]
        position = flag.end
    pieces.append(visible(text[position:end]))
    return "".join(pieces)


def _flag_label(flag: Finding) -> str:
    suggestion = f" (suggests {flag.replacement!r})" if flag.replacement is not None else ""
    return visible(f"    ? {flag.rule} [{flag.safety}]: {flag.message}{suggestion}")


class _Excerpt:
    """One entry of the view: a hunk, or a flag that no hunk's excerpt shows, in its context."""

    def __init__(self, text: str, start: int, end: int, words: int) -> None:
        self.start, self.end = start, end
        self.left, self.right = _before(text, start, words), _after(text, end, words)

    def holds(self, flag: Finding) -> bool:
        """Whether the flag lies in the context, clear of the change itself."""
        return (self.left <= flag.start and flag.end <= self.start) or (
            self.end <= flag.start and flag.end <= self.right
        )

    def line(self, text: str, middle: str, style: _Style, flags: list[Finding]) -> str:
        dots_left = "…" if self.left > _line_start(text, self.start) else ""
        dots_right = "…" if self.right < _line_end(text, self.end) else ""
        before = _context(text, self.left, self.start, style, [f for f in flags if f.end <= self.start])
        after = _context(text, self.end, self.right, style, [f for f in flags if f.start >= self.end])
        return f"{dots_left}{before}{middle}{after}{dots_right}"


class _Flags:
    """The flags of a text, found by place without scanning them all for each excerpt."""

    def __init__(self, flags: tuple[Finding, ...]) -> None:
        self._flags = sorted(flags, key=lambda f: (f.start, f.end))
        self._starts = [f.start for f in self._flags]

    def near(self, excerpt: _Excerpt) -> list[Finding]:
        """The flags in the excerpt's context."""
        low, high = bisect_left(self._starts, excerpt.left), bisect_right(self._starts, excerpt.right)
        return [f for f in self._flags[low:high] if excerpt.holds(f)]


def _between(text: str, start: int, end: int) -> str:
    """The unchanged text between two parts of a change: all of it when it is short and on one
    line, else a few words each side of ``…``."""
    if end - start <= 2 * _CONTEXT_CHARS and not _LINE_BREAK.search(text, start, end):
        return visible(text[start:end])
    return (
        visible(text[start : _after(text, start, CONTEXT_WORDS)])
        + " … "
        + visible(text[_before(text, end, CONTEXT_WORDS) : end])
    )


def _middle(text: str, hunk: Hunk, style: _Style) -> str:
    """The parts of a change marked, with the text between them."""
    pieces = []
    for number, part in enumerate(hunk.parts):
        if number:
            pieces.append(_between(text, hunk.parts[number - 1].end, part.start))
        pieces.append(
            (style.removed(part.old) if part.old else "") + (style.added(part.new) if part.new else "")
        )
    return "".join(pieces)


def _hunk_view(text: str, hunk: Hunk, excerpt: _Excerpt, flags: list[Finding], style: _Style) -> str:
    middle = _middle(text, hunk, style)
    labels = [visible(f"    {f.rule}: {f.message}") for f in hunk.findings] + [_flag_label(f) for f in flags]
    head = style.header(f"@@ #{hunk.id} {hunk.line}:{hunk.column} @@")
    return "\n".join([f"{head} {excerpt.line(text, middle, style, flags)}", *labels]) + "\n"


def hunk_view(changes: Changes, hunk: Hunk, *, color: bool = False, words: int = CONTEXT_WORDS) -> str:
    """One change: a header with its number and place, its excerpt, and the rules that made it
    (and the flags in its excerpt) beneath.

    >>> from cleanup import clean
    >>> changes = split_changes(clean("the market , said"))
    >>> print(hunk_view(changes, changes.hunks[0], words=1), end="")
    @@ #1 1:11 @@ …market[- -], said
        space-before-punctuation: space before ','
    """
    excerpt = _Excerpt(changes.original, hunk.start, hunk.end, words)
    flags = _Flags(changes.flags).near(excerpt)
    return _hunk_view(changes.original, hunk, excerpt, flags, _Style(color))


def flag_view(changes: Changes, flag: Finding, *, color: bool = False, words: int = CONTEXT_WORDS) -> str:
    """One finding that changed nothing, marked in its excerpt, with its rule and message beneath.

    >>> from cleanup import clean
    >>> changes = split_changes(clean("games. in a video", unsafe=False))
    >>> print(flag_view(changes, changes.flags[0]), end="")
    @@ flagged 1:8 @@ games. [?i?]n a video
        ? sentence-start-lowercase [unsafe]: 'in' starts a sentence in lowercase (suggests 'I')
    """
    style = _Style(color)
    text = changes.original
    excerpt = _Excerpt(text, flag.start, flag.end, words)
    head = style.header(f"@@ flagged {flag.line}:{flag.column} @@")
    line = excerpt.line(text, style.flagged(text[flag.start : flag.end]), style, [])
    return f"{head} {line}\n{_flag_label(flag)}\n"


def lone_flags(changes: Changes, *, words: int = CONTEXT_WORDS) -> list[Finding]:
    """The flags that no change's excerpt shows, which need an excerpt of their own.

    >>> from cleanup import clean
    >>> [f.rule for f in lone_flags(split_changes(clean("games. in a video , said")))]
    []
    >>> [f.rule for f in lone_flags(split_changes(clean("games. in a video , said")), words=1)]
    ['sentence-start-lowercase']
    """
    index = _Flags(changes.flags)
    shown = {f for h in changes.hunks for f in index.near(_Excerpt(changes.original, h.start, h.end, words))}
    return [f for f in changes.flags if f not in shown]


def header(path: str, changes: Changes, *, color: bool = False) -> str:
    """The line that names the file and counts its changes and flags.

    >>> from cleanup import clean
    >>> header("a.txt", split_changes(clean("games. in a video , said")))
    '--- a.txt: 1 change, 1 flagged'
    """
    count = len(changes.hunks)
    counts = [f"{count} change{'' if count == 1 else 's'}"] * bool(count)
    counts += [f"{len(changes.flags)} flagged"] * bool(changes.flags)
    return _Style(color).header(f"--- {shown_path(path)}: {', '.join(counts) or 'no changes'}")


def changes_view(path: str, changes: Changes, *, color: bool = False, words: int = CONTEXT_WORDS) -> str:
    """Every change and every flag no change's excerpt shows, in order, under a header naming the
    file; empty when there is neither."""
    style, text, index = _Style(color), changes.original, _Flags(changes.flags)
    entries = []
    for hunk in changes.hunks:
        excerpt = _Excerpt(text, hunk.start, hunk.end, words)
        entries.append((hunk.start, _hunk_view(text, hunk, excerpt, index.near(excerpt), style)))
    for flag in lone_flags(changes, words=words):
        entries.append((flag.start, flag_view(changes, flag, color=color, words=words)))
    if not entries:
        return ""
    entries.sort(key=lambda entry: entry[0])
    return header(path, changes, color=color) + "\n" + "".join(view for _, view in entries)


def word_diff(path: str, result: Result, *, color: bool = False, words: int = CONTEXT_WORDS) -> str:
    """The word-level view of one result, for ``cleanup fix --diff=word``; empty when nothing
    changed and nothing was flagged."""
    return changes_view(path, split_changes(result), color=color, words=words)
