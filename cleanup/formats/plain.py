"""The spans of plain text that no rule may change: addresses, handles, hashtags and paths.

A URL keeps its ``l'`` (``https://example.com/news/l'Iran/page``), a hashtag its elision, a path
its spaces and marks; the chain drops a fix that would change one and a leftover found inside one.
Punctuation that ends a sentence is not part of the address before it: in ``see www.bbc.co.uk.``
the full stop stays the sentence's.

>>> text = "See https://example.com/l'Iran/page, mail press@gov.it or @Palazzo_Chigi #l'Iran today."
>>> [text[start:end] for start, end in protected_spans(text)]
["https://example.com/l'Iran/page", 'press@gov.it', '@Palazzo_Chigi', "#l'Iran"]

Emoticons, times and numbers with units are not here: the rules that read punctuation and numbers
know them (``: D``, ``10:30``, ``40,5 km/h``, whose decimal comma is an artefact to fix).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from cleanup.offsets import merged

# Each kind is found from a marker searched for at C speed ("://", "www.", "@", "#", "/", ":\"),
# then read with a pattern anchored at the marker, whose runs cannot overlap: every character is
# read a bounded number of times, whatever the text.
_SCHEME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}\Z")  # "https" before "://"
_ADDRESS = re.compile(r"[^\s<>\"“”«»‹›]+")  # the rest of a URL: up to a space or a quotation mark
_LOCAL_PART = re.compile(r"[\w.+-]{1,64}\Z")  # "press.office" before "@"
_DOMAIN = re.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63})+")  # "ministero.it" after "@"
_HANDLE = re.compile(r"\w{1,30}")  # "Palazzo_Chigi" after "@"
_HASHTAG = re.compile(r"\w+(?:['’]\w+)*")  # "Roma2024", "l'Iran" after "#"
_PATH = re.compile(r"(?:[^\s/<>\"“”«»]+/)+[^\s/<>\"“”«»]*")  # "var/www/index.html" after "/"
# A domain written without a scheme: its characters, read back from the slash after it (regex's
# reverse search), and its shape: labels, a dot, a top-level domain in lowercase.
_DOMAIN_CHARACTERS_BEFORE = regex.compile(r"(?r)[\w.-]{1,253}")
_BARE_DOMAIN = re.compile(r"(?:[A-Za-z0-9][\w-]{0,62}\.)+[a-z]{2,24}")
_WINDOWS_PATH = re.compile(r"[^\s<>\"“”«»|?*]+")  # "Users\\x\\report.docx" after "C:\\"
# What ends a sentence or a clause rather than an address, a path or a hashtag.
_TRAILING = ".,;:!?'\"’”»)]}"
_PAIRS = {")": "(", "]": "[", "}": "{"}
# What may stand before a handle, a hashtag or a path: the start of a token.
_TOKEN_START = frozenset(" \t\n\r\f\v\u00a0\u202f([{\"'“‘«‹")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that no rule may change, sorted, none overlapping another."""
    return merged(_spans(text))


def _spans(text: str) -> Iterator[tuple[int, int]]:
    # A marker of one character is searched for at memory speed, one of more a few times slower:
    # "/" and "\\" are looked for first.
    slash = "/" in text
    if slash and "://" in text:
        yield from _urls(text)
    if "www." in text:
        yield from _markers(text, "www.", _www)
    if "@" in text:
        yield from _markers(text, "@", _at)
    if "#" in text:
        yield from _markers(text, "#", _hashtag)
    if slash:
        yield from _markers(text, "/", _path)
    if "\\" in text and ":\\" in text:
        yield from _markers(text, ":\\", _windows_path)


def _markers(text: str, marker: str, read) -> Iterator[tuple[int, int]]:
    """What ``read`` finds at each place of ``marker``, the search going on after each span found."""
    at = text.find(marker)
    while at >= 0:
        span = read(text, at)
        if span is not None:
            yield span
        at = text.find(marker, max(at + 1, span[1] if span else 0))


def _urls(text: str) -> Iterator[tuple[int, int]]:
    def read(text: str, at: int) -> tuple[int, int] | None:
        scheme = _SCHEME_BEFORE.search(text, max(0, at - 16), at)
        if scheme is None or (scheme.start() and (text[scheme.start() - 1].isalnum())):
            return None
        rest = _ADDRESS.match(text, at + 3)
        if rest is None:
            return None
        return scheme.start(), _trimmed(text, scheme.start(), rest.end())

    return _markers(text, "://", read)


def _www(text: str, at: int) -> tuple[int, int] | None:
    if at and (text[at - 1].isalnum() or text[at - 1] in "./:"):
        return None  # inside a word or a URL found already
    rest = _ADDRESS.match(text, at + 4)
    return None if rest is None else (at, _trimmed(text, at, rest.end()))


def _at(text: str, at: int) -> tuple[int, int] | None:
    domain = _DOMAIN.match(text, at + 1)
    local = _LOCAL_PART.search(text, max(0, at - 64), at)
    if domain and local and not (local.start() and text[local.start() - 1].isalnum()):
        return local.start(), domain.end()
    if at and text[at - 1] not in _TOKEN_START:
        return None
    handle = _HANDLE.match(text, at + 1)
    return None if handle is None else (at, handle.end())


def _hashtag(text: str, at: int) -> tuple[int, int] | None:
    if at and text[at - 1] not in _TOKEN_START:
        return None  # "&#233;", "C#", "no#1"
    tag = _HASHTAG.match(text, at + 1)
    return None if tag is None else (at, tag.end())


def _path(text: str, at: int) -> tuple[int, int] | None:
    start = at
    while start and at - start < 3 and text[start - 1] in "~.":  # "~/", "./", "../"
        start -= 1
    if at - start > 2 or (start and text[start - 1] not in _TOKEN_START):
        return _domain_path(text, at)  # "and/or", "24/7", "http://": not a path from its start
    rest = _PATH.match(text, at + 1)
    return None if rest is None else (start, _trimmed(text, start, rest.end()))


def _domain_path(text: str, at: int) -> tuple[int, int] | None:
    """An address written without its scheme, a domain then a path ("lemonde.fr/monde?page=2"),
    whose slash is at ``at``: a top-level domain's lowercase letter before it, then read back from
    the slash over the domain's characters only (a slash stops that reading, so a run of them
    costs one step each)."""
    if not (at and "a" <= text[at - 1] <= "z"):
        return None
    token = _DOMAIN_CHARACTERS_BEFORE.search(text, max(0, at - 253), at)
    if token is None or token.end() != at or not _BARE_DOMAIN.fullmatch(token.group()):
        return None
    if token.start() and text[token.start() - 1] not in _TOKEN_START:
        return None
    rest = _ADDRESS.match(text, at)
    return None if rest is None else (token.start(), _trimmed(text, token.start(), rest.end()))


def _windows_path(text: str, at: int) -> tuple[int, int] | None:
    start = at - 1
    if start < 0 or not text[start].isascii() or not text[start].isalpha():
        return None
    if start and text[start - 1] not in _TOKEN_START:
        return None
    rest = _WINDOWS_PATH.match(text, at + 2)
    return None if rest is None else (start, _trimmed(text, start, rest.end()))


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` less the marks that close the sentence, or a bracket opened before the span."""
    opened = {
        closer: text.count(opener, start, end) - text.count(closer, start, end)
        for closer, opener in _PAIRS.items()
    }
    while end > start and text[end - 1] in _TRAILING:
        mark = text[end - 1]
        if mark in _PAIRS:
            if opened[mark] >= 0:
                break  # "https://en.wikipedia.org/wiki/Rome_(city)": the bracket is the address's
            opened[mark] += 1
        end -= 1
    return end
