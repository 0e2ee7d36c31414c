"""The cost of each format against plain text, on the same articles.

Each BBC article is written as plain text, as a Markdown article (front matter with a title, its
paragraphs), as an HTML page (a head with a title and a style, each paragraph a ``<p>``, the
first sentence of each paragraph of several in ``<strong>``, a link in the first), as one line
of JSON Lines (``{"id": …, "title": …, "text": …}``), as a PO catalogue (each paragraph a
translation, its msgid as long: the same words in reverse order) and as an XLIFF 2.0 file (each
paragraph a target, its source made the same way). Every version goes through
``cleanup.clean(…, format=…)``, the whole default chain, article by article, ``--repeat`` times
(default 5) alternating the formats; the table gives the median time, MB/s of the file as
written, and the ratio of the time to plain text's. The goal: Markdown and HTML at most 2× plain
text.

    python bench/formats.py                # the BBC corpus, about 60 s
    python bench/formats.py --articles 500 --repeat 3
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import sys
import time
from collections.abc import Callable
from xml.sax.saxutils import escape

from corpora import BBC, texts

from cleanup import clean


def _paragraphs(article: str) -> list[str]:
    return [line for line in article.split("\n") if line.strip()]


def as_markdown(article: str) -> str:
    paragraphs = _paragraphs(article)
    return f"---\ntitle: {paragraphs[0][:60]}\nslug: article\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def as_html(article: str) -> str:
    body = []
    for number, paragraph in enumerate(_paragraphs(article)):
        first, stop, rest = html.escape(paragraph, quote=False).partition(". ")
        text = f"<strong>{first}.</strong> {rest}" if stop else first
        link = ' <a href="https://example.com/news">(more)</a>' if number == 0 else ""
        body.append(f"  <p>{text}{link}</p>\n")
    return (
        "<!DOCTYPE html>\n<html><head><title>News</title><style>p { margin: 0 }</style></head>\n<body>\n"
        + "".join(body)
        + "</body></html>\n"
    )


def as_json_line(article: str) -> str:
    return (
        json.dumps({"id": 1, "title": _paragraphs(article)[0][:60], "text": article}, ensure_ascii=False)
        + "\n"
    )


def _source(paragraph: str) -> str:
    """A stand-in for the text a paragraph translates: as long, its words in reverse order."""
    return " ".join(reversed(paragraph.split()))


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def as_po(article: str) -> str:
    entries = [f"msgid {_po_string(_source(p))}\nmsgstr {_po_string(p)}\n" for p in _paragraphs(article)]
    return 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "\n".join(entries)


_XLIFF = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="it" trgLang="en">'


def as_xliff(article: str) -> str:
    units = "".join(
        f'<unit id="u{n}"><segment><source>{escape(_source(p))}</source>'
        f"<target>{escape(p)}</target></segment></unit>\n"
        for n, p in enumerate(_paragraphs(article))
    )
    return f'{_XLIFF}\n<file id="f">\n{units}</file>\n</xliff>\n'


WRITERS: dict[str, Callable[[str], str]] = {
    "text": lambda article: article,
    "markdown": as_markdown,
    "html": as_html,
    "jsonl": as_json_line,
    "po": as_po,
    "xliff": as_xliff,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0, help="the first N articles (default: all)")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    if not BBC.is_file():
        print(f"the corpus is missing: {BBC}", file=sys.stderr)
        return 1
    articles = [a for a in texts(BBC) if _paragraphs(a)]
    if arguments.articles:
        articles = articles[: arguments.articles]
    files = {name: [write(article) for article in articles] for name, write in WRITERS.items()}
    for name, documents in files.items():  # warm up: word lists, parsers
        for document in documents[:50]:
            clean(document, format=name)
    times: dict[str, list[float]] = {name: [] for name in files}
    for _ in range(arguments.repeat):
        for name, documents in files.items():
            start = time.perf_counter()
            for document in documents:
                clean(document, format=name)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["text"])
    print(f"{len(articles)} articles, median of {arguments.repeat} runs\n")
    print("| format | MB | s (median) | MB/s | time / plain text |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, documents in files.items():
        size = sum(len(document.encode("utf-8")) for document in documents) / 1e6
        median = statistics.median(times[name])
        print(f"| {name} | {size:.2f} | {median:.3f} | {size / median:.2f} | {median / base:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
