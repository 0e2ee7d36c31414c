"""What the casing rules and the artefacts of issue 12, item 6 report on real MT and on edited news.

Real MT: ``../shared/corpora/wmt21-de-en-mt/`` (1,000 German news sentences, 19 systems, two human
references). Each system's output is cleaned whole, its lines joined two ways: as lines ("\\n"),
and as one paragraph (" "), where a segment that starts in lowercase follows a full stop. A
finding is labelled against the references of its line, as the corpus README says:

- colon-capital: *kept* when a reference writes the same word capitalised after a colon (the
  translators' style keeps the capital: the suggestion is wrong), *lowercase* when one writes it
  in lowercase, else *no colon*;
- sentence-start-lowercase: *right* when a reference starts the same sentence with the word
  capitalised, *wrong* when one keeps it in lowercase, else *read it*;
- the others are listed, to be read.

Edited news (BBC 2,225 articles, WMT English 133 documents) shows the false alarms: every finding
there is one, or an error the editors left.

    python bench/mt_artefacts.py            # the tables
    python bench/mt_artefacts.py --list     # and every finding, with its context
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from collections import Counter
from pathlib import Path

import regex
from corpora import CORPORA, texts, wmt_texts

from cleanup import clean
from cleanup.rules import DEFAULT_RULES

MT = CORPORA / "wmt21-de-en-mt" / "newstest2021.de-en.jsonl"
CASING = ["semicolon-capital", "sentence-start-lowercase", "colon-capital"]
# The default chain and the preview casing rule: what a user gets with --preview --select casing.
RULES = [*DEFAULT_RULES, "colon-capital"]
_WORD = regex.compile(r"\p{L}+")
_SHOWN = 45


def _rows() -> list[dict]:
    with Path(MT).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def _word_at(text: str, index: int) -> str:
    match = _WORD.match(text, index)
    return match.group() if match else ""


def _label_colon(word: str, references: list[str]) -> str:
    cases = {
        m.group(1)[0].islower()
        for ref in references
        for m in regex.finditer(r":\s+(\p{L}+)", ref)
        if m.group(1).lower() == word.lower()
    }
    if cases == {True}:
        return "lowercase"
    return "kept" if cases else "no colon"


def _label_start(word: str, references: list[str]) -> str:
    starts = {_word_at(ref.lstrip("\"'“‘ "), 0) for ref in references}
    if word.capitalize() in starts:
        return "right"
    return "wrong" if word in starts else "read it"


def real_mt(listing: bool) -> None:
    rows = _rows()
    systems = sorted(rows[0]["hyps"])
    print(f"## Real MT: WMT21 de-en, {len(systems)} systems x {len(rows)} lines\n")
    for joiner, name in (("\n", "as lines"), (" ", "as one paragraph")):
        counts: Counter[tuple[str, str, str]] = Counter()
        shown = []
        for system in systems:
            hyps = [row["hyps"][system] for row in rows]
            text = joiner.join(hyps)
            starts = [0]
            for hyp in hyps[:-1]:
                starts.append(starts[-1] + len(hyp) + len(joiner))
            for finding in clean(text, select=RULES).findings:
                line = bisect_right(starts, finding.start) - 1
                references = list(rows[line]["refs"].values())
                word = _word_at(text, finding.start)
                if finding.rule == "colon-capital":
                    label = _label_colon(word, references)
                elif finding.rule == "sentence-start-lowercase":
                    label = _label_start(word, references)
                else:
                    label = "read it"
                counts[finding.rule, str(finding.safety), label] += 1
                context = text[max(0, finding.start - _SHOWN) : finding.end + _SHOWN].replace("\n", " / ")
                shown.append(
                    f"  {finding.rule} [{finding.safety}] {label}: {system} line {line + 1}: {context!r}"
                )
        print(f"Lines joined {name}:\n")
        print("| rule | safety | label | findings |\n| --- | --- | --- | --- |")
        for (rule, safety, label), number in sorted(counts.items()):
            print(f"| {rule} | {safety} | {label} | {number} |")
        print()
        if listing:
            print("\n".join(shown), end="\n\n")


def edited_news(listing: bool) -> None:
    corpora = {"BBC": texts(), "WMT English": wmt_texts()}
    print("## Edited news: every finding is a false alarm or an error the editors left\n")
    print("| corpus | articles | rule | safety | findings |\n| --- | --- | --- | --- | --- |")
    shown = []
    for corpus, articles in corpora.items():
        counts: Counter[tuple[str, str]] = Counter()
        for number, text in enumerate(articles):
            for finding in clean(text, select=RULES).findings:
                if finding.rule in CASING or finding.safety == "display":
                    counts[finding.rule, str(finding.safety)] += 1
                    context = text[max(0, finding.start - _SHOWN) : finding.end + _SHOWN].replace("\n", " / ")
                    shown.append(f"  {corpus} {number}: {finding.rule} [{finding.safety}]: {context!r}")
        for (rule, safety), found in sorted(counts.items()):
            print(f"| {corpus} | {len(articles)} | {rule} | {safety} | {found} |")
    print()
    if listing:
        print("\n".join(shown))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="also list every finding with its context")
    arguments = parser.parse_args()
    real_mt(arguments.list)
    edited_news(arguments.list)


if __name__ == "__main__":
    main()
