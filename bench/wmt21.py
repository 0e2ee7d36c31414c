"""The leftovers rules on real German→English MT: false alarms per 100 articles, and real leftovers found.

Reads ``../shared/corpora/wmt21-de-en-mt/`` (WMT21 newstest, 1,000 sentences of German news, 19 systems'
English, the German source and two human references; never copied here). The file has no article ids:
consecutive lines belong together, and an article starts at a headline (a source line with no final
stop) that follows a line with one, so a headline and the subtitle under it stay with their article.
Each system's output of each article is cleaned as one document (its lines joined by line breaks)
with the default chain (the leftovers family in it), as a user runs it.

Each leftovers finding is labelled as the corpus README says: a span that stands as whole words in a
reference of the same article is something English copy keeps (a *false alarm*); a span that stands
in the German source and in no reference is a *real* leftover; anything else is to be *read*.

    python bench/wmt21.py              # the figures, and every finding of the last two kinds
    python bench/wmt21.py --all        # every finding, with its context
    python bench/wmt21.py --xliff      # each article as an XLIFF file: a unit per line, with its source

With ``--xliff`` each system's article is an XLIFF 2.0 file (``srcLang="de"``), a unit per line
whose source is the German line and whose target the system's English, as a translation tool keeps
them: the leftovers rules then know the source language, and ``source-copy`` the source text.

>>> headline("Biker reagiert blitzschnell"), headline("Er kam."), headline('Er sagte: "Nein."')
(True, False, False)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import regex

from cleanup import clean
from cleanup.rules import ALL_RULES

CORPUS = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "corpora"
    / "wmt21-de-en-mt"
    / "newstest2021.de-en.jsonl"
)
_STOPS = tuple(".!?:\"'“”»«)")
FALSE, REAL, READ = "false alarm", "real leftover", "to read"


def headline(source: str) -> bool:
    """Whether a source line is a headline or a subtitle: it ends with no stop."""
    return not source.rstrip().endswith(_STOPS)


@dataclass(frozen=True, slots=True)
class Article:
    """The lines of one article: German source, references, and each system's English."""

    sources: tuple[str, ...]
    references: tuple[str, ...]
    systems: dict[str, tuple[str, ...]]


def articles(path: Path = CORPUS) -> list[Article]:
    """The corpus split into articles, each starting at a headline that follows a full line."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    groups: list[list[dict]] = []
    for index, row in enumerate(rows):
        if not groups or (headline(row["src"]) and not headline(rows[index - 1]["src"])):
            groups.append([])
        groups[-1].append(row)
    return [
        Article(
            tuple(row["src"] for row in group),
            tuple(reference for row in group for reference in row["refs"].values()),
            {system: tuple(row["hyps"][system] for row in group) for system in group[0]["hyps"]},
        )
        for group in groups
    ]


def stands_in(span: str, text: str) -> bool:
    """Whether ``span`` stands in ``text`` as whole words.

    >>> stands_in("Bild am Sonntag", 'told "Bild am Sonntag".'), stands_in("Bild", "Bilder")
    (True, False)
    """
    return regex.search(rf"(?<!\w){regex.escape(span)}(?!\w)", text) is not None


@dataclass(frozen=True, slots=True)
class Labelled:
    """A leftovers finding, its label, and where it was found."""

    label: str
    rule: str
    span: str
    system: str
    article: int
    context: str


def as_xliff(sources: tuple[str, ...], targets: tuple[str, ...]) -> str:
    """An XLIFF 2.0 file of the lines of an article, a unit per line."""
    units = "".join(
        f'<unit id="u{number}"><segment><source>{escape(source)}</source>'
        f"<target>{escape(target)}</target></segment></unit>\n"
        for number, (source, target) in enumerate(zip(sources, targets, strict=True))
    )
    return (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">\n'
        f'<file id="f">\n{units}</file>\n</xliff>\n'
    )


def findings(corpus: list[Article], xliff: bool = False) -> Iterator[Labelled]:
    """Every leftovers finding on every system's output of every article, labelled."""
    for number, article in enumerate(corpus):
        references, sources = "\n".join(article.references), "\n".join(article.sources)
        for system, lines in sorted(article.systems.items()):
            document = as_xliff(article.sources, lines) if xliff else "\n".join(lines)
            # The default chain, as a user runs it.
            for finding in clean(document, format="xliff" if xliff else "text").findings:
                if ALL_RULES[finding.rule].family != "leftovers":
                    continue
                span = document[finding.start : finding.end]
                if stands_in(span, references):
                    label = FALSE
                elif stands_in(span, sources):
                    label = REAL
                else:
                    label = READ
                around = document[max(0, finding.start - 60) : finding.end + 60].replace("\n", " | ")
                yield Labelled(label, finding.rule, span, system, number, around)


def main() -> int:
    """Print the figures per 100 articles, the findings by kind, and those to read."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every finding with its context")
    parser.add_argument("--xliff", action="store_true", help="each article as an XLIFF file, with its source")
    arguments = parser.parse_args()
    if not CORPUS.is_file():
        print(f"bench/wmt21.py: no corpus at {CORPUS}", file=sys.stderr)
        return 1
    corpus = articles()
    documents = sum(len(article.systems) for article in corpus)
    found = list(findings(corpus, arguments.xliff))
    counts = Counter(item.label for item in found)
    print(f"{len(corpus)} articles × {len(corpus[0].systems)} systems = {documents} documents")
    for label in (FALSE, REAL, READ):
        print(f"{label:>14}: {counts[label]:>4}  ({100 * counts[label] / documents:.2f} per 100 articles)")
    for label in (FALSE, REAL, READ):
        kinds = Counter((item.rule, item.span) for item in found if item.label == label)
        print(f"\n{label}s by kind:")
        for (rule, span), number in kinds.most_common():
            print(f"  {number:>3}  {rule:<16} {span!r}")
    shown = found if arguments.all else [item for item in found if item.label != FALSE]
    print("\nin context:")
    for item in shown:
        print(f"  [{item.label}] {item.system} article {item.article}, {item.rule}: {item.context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
