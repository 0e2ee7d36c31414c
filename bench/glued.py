"""Dev set for ``glued-words``: spaces removed from real English news; false alarms; real MT; cost.

Built from ``../shared/corpora/`` (never copied into the repository):

1. Recall. In each distinct BBC and WMT English article, one space is removed at a boundary
   of each kind, chosen at random (seeded, so every run builds the same set), and the glued
   copy is cleaned with ``glued-words``:

   - *noun + function word*: a lowercase word after a determiner ("the", "a", "his", …),
     followed by a function word or "said" ("the minister of" → "the ministerof");
   - *name + function word*: a capitalised word in mid-sentence followed by one ("Blair said"
     → "Blairsaid");
   - *before a capital, after a lowercase word* ("said Boris" → "saidBoris") and *after a
     capitalised word* ("Tony Blair" → "TonyBlair"), in mid-sentence;
   - *after a full stop*: a word or number that is no abbreviation, its full stop and the
     next sentence's capitalised word ("in 2023. The" → "in 2023.The").

   A case is *found* when a finding covers the place where the space was, and *split right*
   when that finding's replacement gives the article back as it was; the table also gives
   the share split right by a safe fix (applied by default) and the recall per function word.
2. False alarms: the findings on the clean articles themselves, per 100 articles, listed.
3. Real MT: ``wmt21-de-en-mt``, each system's output of each block of ten consecutive lines
   (the file has no article ids; its 1,000 lines hold about 100 articles) cleaned as one
   document. A finding whose token stands as a word in a human reference of the block is a
   false alarm; one whose split form stands in a reference is a real glued word; the others
   are listed to be read. The same documents then make a second dev set, as in 1.
4. Cost: the default chain with and without ``glued-words`` over the BBC corpus as it is,
   best of five in one process, alternating.

    python bench/glued.py             # about a minute
    python bench/glued.py --misses    # also list the cases not found, on stderr
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator

from corpora import BBC, CORPORA, texts, wmt_texts

from cleanup import clean
from cleanup.passes.tokens import is_abbreviation
from cleanup.rules import DEFAULT_RULES

RULE = ["glued-words"]
FUNCTION_WORDS = """
    the a an of in to for on at by with from as into about after before during against between
    over under since until and or but that which who is was are were has have had will would
    could should can may it he she they his her their its this said
""".split()
_FUNCTION = "|".join(FUNCTION_WORDS)
_DETERMINERS = "the|a|an|this|that|these|those|his|her|its|their|our|my|your|every|each|no"
# Group 1: the word before the space; group 2: the space removed.
KINDS = {
    "noun + function word": re.compile(rf"\b(?i:{_DETERMINERS}) ([a-z]{{3,}})( )(?:{_FUNCTION})\b"),
    "name + function word": re.compile(rf"(?<=[a-z,] )([A-Z][a-z]{{2,}})( )(?:{_FUNCTION})\b"),
    "capital, after lowercase": re.compile(r"(?<=[a-z,] )([a-z]{2,})( )[A-Z][a-z]+\b"),
    "capital, after capital": re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)( )[A-Z][a-z]+\b"),
    "full stop": re.compile(r"(?<![\w.])([A-Za-z]{2,}|[0-9]{1,4})\.( )[A-Z][a-z]+\b"),
}
MT = CORPORA / "wmt21-de-en-mt" / "newstest2021.de-en.jsonl"
BLOCK = 10


def hosts() -> list[str]:
    """Distinct English articles, BBC and WMT."""
    return list(dict.fromkeys(texts(BBC) + wmt_texts()))


def cases(kind: str, articles: list[str], rng: random.Random) -> Iterator[tuple[str, int, str, str]]:
    """``(glued text, index of the removed space, original, the word after it)`` per article."""
    pattern = KINDS[kind]
    for text in articles:
        spots = [
            m for m in pattern.finditer(text) if kind != "full stop" or not is_abbreviation(m[1].lower())
        ]
        if spots:
            spot = rng.choice(spots)
            at = spot.start(2)
            after = re.match(r"\w+", text[at + 1 :]).group()
            yield text[:at] + text[at + 1 :], at, text, after


def covering(glued: str, at: int) -> list:
    """The ``glued-words`` findings on ``glued`` that cover the place of the removed space."""
    return [f for f in clean(glued, select=RULE).findings if f.start <= at <= f.end]


def recall(articles: list[str], misses: bool, title: str) -> None:
    rng = random.Random(2026)
    print(f"{title}\n{'kind':<28}{'cases':>7}{'found':>9}{'split right':>13}{'safe':>8}")
    every: Counter[str] = Counter()
    for kind in KINDS:
        counts: Counter[str] = Counter()
        per_word: dict[str, Counter[str]] = defaultdict(Counter)
        for glued, at, original, after in cases(kind, articles, rng):
            found = covering(glued, at)
            right = [f for f in found if glued[: f.start] + f.replacement + glued[f.end :] == original]
            counts["cases"] += 1
            counts["found"] += bool(found)
            counts["right"] += bool(right)
            counts["safe"] += any(f.safety == "safe" for f in right)
            per_word[after.lower()]["cases"] += 1
            per_word[after.lower()]["found"] += bool(found)
            if misses and not found:
                print(f"missed ({kind}): {glued[max(0, at - 30) : at + 30]!r}", file=sys.stderr)
        every.update(counts)
        _row(kind, counts)
        if "function word" in kind:
            top = sorted(per_word.items(), key=lambda item: -item[1]["cases"])[:16]
            shares = (f"{word} {100 * c['found'] / c['cases']:.0f}% of {c['cases']}" for word, c in top)
            print("    " + ", ".join(shares))
    _row("all", every)


def _row(label: str, counts: Counter[str]) -> None:
    """One line of the recall table: the cases, and the shares found, split right and safe."""
    n = counts["cases"]
    shares = (
        f"{100 * counts[key] / n:>{width}.1f}%" for key, width in (("found", 8), ("right", 12), ("safe", 7))
    )
    print(f"{label:<28}{n:>7}" + "".join(shares))


def false_alarms(articles: list[str]) -> None:
    found = [
        (f.safety, text[max(0, f.start - 25) : f.end + 25].replace("\n", " "), f.message)
        for text in articles
        for f in clean(text, select=RULE).findings
    ]
    safe = sum(1 for safety, _, _ in found if safety == "safe")
    print(
        f"\nfindings on {len(articles)} clean articles: {len(found)} "
        f"({100 * len(found) / len(articles):.2f} per 100 articles; {safe} safe)"
    )
    for safety, context, message in found:
        print(f"  [{safety}] {message}: …{context}…")


def mt_documents() -> Iterator[tuple[str, str, list[str]]]:
    """``(system, text, references and source)`` of each block of each system's output."""
    lines = [json.loads(line) for line in MT.open(encoding="utf-8")]
    for first in range(0, len(lines), BLOCK):
        block = lines[first : first + BLOCK]
        evidence = [line["refs"][name] for line in block for name in sorted(line["refs"])]
        evidence += [line["src"] for line in block]
        for system in sorted(block[0]["hyps"]):
            yield system, "\n".join(line["hyps"][system] for line in block), evidence


def real_mt() -> None:
    labels: Counter[str] = Counter()
    documents = 0
    unlabelled: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for _, text, evidence in mt_documents():
        documents += 1
        shapes.update(re.findall(r"\w*(?:[a-z][A-Z]|[a-z0-9]\.[A-Z])\w*", text))
        for f in clean(text, select=RULE).findings:
            start = f.start - len(re.search(r"[\w.]*$", text[: f.start]).group())
            end = f.end + len(re.match(r"\w*", text[f.end :]).group())
            token = text[start:end]
            split = text[start : f.start] + f.replacement + text[f.end : end]
            word = re.compile(rf"(?<!\w){re.escape(token)}(?!\w)")
            if any(word.search(reference) for reference in evidence[:-BLOCK]):
                labels[f"false alarm ({f.safety})"] += 1
                alarms[token] += 1
            elif any(split in reference for reference in evidence):
                labels[f"glued in the MT ({f.safety})"] += 1
            else:
                labels[f"to read ({f.safety})"] += 1
                unlabelled[f"{f.message} [{f.safety}]"] += 1
    print(f"\nWMT21 de-en MT: {documents} documents (19 systems x blocks of {BLOCK} lines)")
    print(f"  glued-words findings: {sum(labels.values())}")
    for label, count in sorted(labels.items()):
        print(f"  {label}: {count} ({100 * count / documents:.2f} per 100 documents)")
    for token, count in alarms.most_common():
        print(f"  false alarm: {token} x{count}")
    for message, count in unlabelled.most_common():
        print(f"  to read: {message} x{count}")
    print("  words with a capital inside or a full stop before a capital, left alone:")
    print("    " + ", ".join(f"{token} x{count}" for token, count in shapes.most_common(12)))


def cost(repeat: int = 5) -> None:
    articles = texts(BBC)
    with_glued = sorted(DEFAULT_RULES)  # glued-words is one of them
    without = [rule for rule in with_glued if rule not in RULE]
    for text in articles:  # warm up: word lists, automata, caches
        clean(text, select=with_glued)
    spent: dict[str, list[float]] = {"without glued-words": [], "with glued-words": []}
    for number in range(repeat):
        order = [("without glued-words", without), ("with glued-words", with_glued)]
        for name, selection in order if number % 2 == 0 else reversed(order):
            started = time.perf_counter()
            for text in articles:
                clean(text, select=selection)
            spent[name].append(time.perf_counter() - started)
    plain, glued = min(spent["without glued-words"]), min(spent["with glued-words"])
    size = sum(len(text.encode("utf-8")) for text in articles) / 1e6
    print(
        f"\ncost on the BBC corpus as it is ({size:.2f} MB, best of {repeat}): default chain without "
        f"glued-words {plain:.3f} s, with it {glued:.3f} s: +{glued - plain:.3f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the cases not found, on stderr")
    parser.add_argument("--no-cost", action="store_true", help="skip the timing")
    arguments = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"bench/glued.py: no corpora at {CORPORA}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    articles = hosts()
    recall(articles, arguments.misses, "BBC and WMT English news, one space removed:")
    false_alarms(articles)
    if MT.is_file():
        real_mt()
        recall([text for _, text, _ in mt_documents()], arguments.misses, "\nWMT21 MT, one space removed:")
    else:
        print(f"\n{MT} is not here: no MT figures")
    if not arguments.no_cost:
        cost()
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
