"""Where the shared corpora are, and how the benchmarks read them (never copied into the repository).

>>> BBC.name
'bbc-news-2225.jsonl'
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
BBC = CORPORA / "bbc-news" / "bbc-news-2225.jsonl"
WMT = CORPORA / "wmt-english-news" / "wmt-english-original-news.jsonl"


def texts(path: Path = BBC) -> list[str]:
    """The ``text`` field of every record of a JSON Lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def wmt_texts() -> list[str]:
    """WMT English documents, segments joined by spaces and paragraphs by blank lines."""
    with WMT.open(encoding="utf-8") as lines:
        return ["\n\n".join(" ".join(p) for p in json.loads(line)["paragraphs"]) for line in lines]


_OPENING = r"(?:^|(?<=[\s(\[{]))"
_OPENING_DOUBLE = re.compile(_OPENING + '"')
_OPENING_SINGLE = re.compile(_OPENING + "'")


def typographic(text: str) -> str:
    """Set straight quotes and spaced hyphens the way edited copy sets them.

    A quote at the start, after whitespace or after an opening bracket opens;
    any other quote closes, and a straight apostrophe becomes ’.

    >>> typographic('He said "it\\'s over" - and left (\\'for now\\').')
    'He said “it’s over” – and left (‘for now’).'
    """
    text = _OPENING_DOUBLE.sub("“", text).replace('"', "”")
    text = _OPENING_SINGLE.sub("‘", text).replace("'", "’")
    return text.replace(" - ", " – ")
