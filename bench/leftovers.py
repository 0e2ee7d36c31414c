"""Dev set for the leftovers rules: real it/fr/es/de/pt news inserted into real English articles.

Built from ``../shared/corpora/``: source sentences from newstest2009 (German, French, Italian,
Spanish) and FLORES-200 wikinews (all five, the only Portuguese), host articles from the BBC and
WMT English news. Three kinds of insertion, each into its own copy of a host article, at a
sentence boundary or after a word inside a sentence:

- a whole source sentence of 8 words or more, as its own sentence;
- a fragment of 2 to 5 words cut from a source sentence, inside an English sentence;
- an elided form ("dell'ambasciata", "qu'il"), inside an English sentence.

An insertion is found when a leftovers finding overlaps it, and named when such a finding names
its language. Sentences and elided forms count when named; fragments are reported both ways, for
all of them and for those holding a lowercase word (a run of names and numbers such as "George W.
Bush" or "UNIPOL: GERICHT" is written the same in English copy: no leftover, nothing to find). The
clean host articles are also checked, for false alarms. Seeded, so every run builds the same set.

    python bench/leftovers.py            # 200 cases per language and kind
    python bench/leftovers.py -n 50      # quicker
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from babel import Locale
from corpora import BBC, CORPORA, texts, typographic, wmt_texts

from cleanup import clean
from cleanup.rules import ALL_RULES

LANGUAGES = {"it": "ita", "fr": "fra", "es": "spa", "de": "deu", "pt": "por"}
ELISIONS = {
    "it": [
        "dell'ambasciata",
        "nell'ambito",
        "all'estero",
        "l'accordo",
        "dall'inizio",
        "sull'economia",
        "un'altra",
    ],
    "fr": ["l'accord", "d'abord", "qu'il", "jusqu'à", "l'économie", "n'est", "c'est", "s'il"],
}


def source_sentences() -> dict[str, list[str]]:
    """Sentences per language code."""
    found: dict[str, list[str]] = {code: [] for code in LANGUAGES}
    folder = CORPORA / "multilingual-news-sentences"
    for line in (folder / "newstest2009-multiway.lines1001-2525.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        for code, field in LANGUAGES.items():
            if field in record:
                found[code].append(record[field])
    for line in (folder / "flores200-devtest.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        if record["domain"] == "wikinews":
            for code, field in LANGUAGES.items():
                found[code].append(record[field])
    return found


def host_articles() -> list[str]:
    """Distinct English articles, BBC and WMT."""
    return list(dict.fromkeys(texts(BBC) + wmt_texts()))


def insert(host: str, piece: str, rng: random.Random, *, own_sentence: bool) -> tuple[str, int, int]:
    """``host`` with ``piece`` inserted, and the piece's span."""
    if own_sentence:
        spots = [i + 2 for i in range(len(host) - 2) if host[i] == "." and host[i + 1] == " "]
        at = rng.choice(spots) if spots else len(host)
        text = host[:at] + piece + " " + host[at:]
        return text, at, at + len(piece)
    spots = [i + 1 for i in range(len(host) - 1) if host[i] == " " and host[i + 1].islower()] or [0]
    at = rng.choice(spots)
    text = host[:at] + piece + " " + host[at:]
    return text, at, at + len(piece)


def fragment(sentence: str, rng: random.Random) -> str:
    """2 to 5 consecutive words of ``sentence``, stripped of punctuation at the ends."""
    words = sentence.split()
    size = rng.randint(2, min(5, len(words)))
    start = rng.randint(0, len(words) - size)
    return " ".join(words[start : start + size]).strip(".,;:!?\"'«»“”()")


def overlapping(text: str, start: int, end: int) -> list[str]:
    """The messages of the leftovers findings that overlap ``start:end``."""
    return [f.message for f in clean(text, select=["leftovers"]).findings if f.start < end and start < f.end]


def detected(text: str, start: int, end: int, language: str) -> tuple[bool, bool]:
    """Whether a leftovers finding overlaps the span, and whether one that does names the language
    (one that names two languages the words cannot tell apart, "Spanish or Portuguese", counts
    for both)."""
    name = Locale("en").languages[language]
    messages = overlapping(text, start, end)
    return bool(messages), any(name in message for message in messages)


def holds_a_word(fragment: str) -> bool:
    """Whether a fragment holds a lowercase word: a run of names and numbers ("George W. Bush",
    "UNIPOL: GERICHT") is written the same in English copy, so it is no leftover."""
    return any(word.isalpha() and word.islower() for word in fragment.split())


def cost(articles: list[str], repeat: int = 5) -> tuple[float, float, list[float]]:
    """Median seconds to clean ``articles`` with the default chain less the leftovers family, and
    with it (the whole default chain), and the detection's share of the whole in each repetition.

    The articles are cleaned in blocks of 50, each block both ways in turn (which way first
    alternates from block to block), so that a slow spell of this shared machine hits both alike;
    whole blocks, not single articles, so that the second run of an article does not find its
    text still in the caches of the first.
    """
    for text in articles:  # warm up word lists, langdetect and caches
        clean(text)
    blocks = [articles[start : start + 50] for start in range(0, len(articles), 50)]
    plain, with_leftovers = [], []
    for _ in range(repeat):
        spent = {"without": 0, "with": 0}
        for number, block in enumerate(blocks):
            for way in ("without", "with") if number % 2 == 0 else ("with", "without"):
                ignored = ["leftovers"] if way == "without" else []
                started = time.perf_counter_ns()
                for text in block:
                    clean(text, ignore=ignored)
                spent[way] += time.perf_counter_ns() - started
        plain.append(spent["without"] / 1e9)
        with_leftovers.append(spent["with"] / 1e9)
    shares = sorted((whole - alone) / whole for alone, whole in zip(plain, with_leftovers, strict=True))
    return statistics.median(plain), statistics.median(with_leftovers), shares


def dev_set(cases: int, misses: bool = False) -> dict[str, dict[str, float]]:
    """Per language: the share of inserted sentences named, fragments found and named, fragments
    holding a word found and named (and how many held one), and elided forms named."""
    rng = random.Random(2026)
    sentences, hosts = source_sentences(), host_articles()
    figures: dict[str, dict[str, float]] = {}
    for code in LANGUAGES:
        long_ones = [s for s in sentences[code] if len(s.split()) >= 8]
        counts: Counter[str] = Counter()
        for _ in range(cases):
            text, start, end = insert(rng.choice(hosts), rng.choice(long_ones), rng, own_sentence=True)
            counts["sentence named"] += detected(text, start, end, code)[1]
            piece = fragment(rng.choice(sentences[code]), rng)
            text, start, end = insert(rng.choice(hosts), piece, rng, own_sentence=False)
            found, named = detected(text, start, end, code)
            counts["fragment found"] += found
            counts["fragment named"] += named
            if holds_a_word(piece):
                counts["worded"] += 1
                counts["worded found"] += found
                counts["worded named"] += named
            if misses and not found:
                print(f"missed {code} fragment {piece!r}: {overlapping(text, start, end)}", file=sys.stderr)
            if code in ELISIONS:
                text, start, end = insert(
                    rng.choice(hosts), rng.choice(ELISIONS[code]), rng, own_sentence=False
                )
                counts["elision"] += detected(text, start, end, code)[1]
        worded = counts["worded"]
        figures[code] = {
            "sentences named": counts["sentence named"] / cases,
            "fragments found": counts["fragment found"] / cases,
            "fragments named": counts["fragment named"] / cases,
            "worded found": counts["worded found"] / worded,
            "worded named": counts["worded named"] / worded,
            "worded": worded,
            "elisions named": counts["elision"] / cases if code in ELISIONS else None,
        }
    return figures


def false_alarms(hosts: list[str]) -> Counter[str]:
    """The leftovers findings on clean English articles, by rule: the default chain, as a user runs
    it (entities repaired first)."""
    return Counter(
        f.rule for host in hosts for f in clean(host).findings if ALL_RULES[f.rule].family == "leftovers"
    )


def main() -> int:
    """Build the set, run the rules, print recall per language and kind, and false alarms."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--cases", type=int, default=200, help="cases per language and kind")
    parser.add_argument("--misses", action="store_true", help="list the fragments not found, on stderr")
    arguments = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"bench/leftovers.py: no corpora at {CORPORA}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    print(f"{'':<11}{'sentences':>10}{'fragments 2-5':>17}{'with a word':>19}{'elided':>15}")
    print(
        f"{'language':<11}{'named':>10}{'found':>9}{'named':>9}{'found':>9}{'named':>9}{'of':>6}{'named':>9}"
    )
    for code, figures in dev_set(arguments.cases, arguments.misses).items():
        shares = [figures[key] for key in ("sentences named", "fragments found", "fragments named")]
        shares += [figures["worded found"], figures["worded named"]]
        elided = figures["elisions named"]
        cells = "".join(
            f"{100 * share:>{width}.1f} %" for share, width in zip(shares, (8, 7, 7, 7, 7), strict=True)
        )
        shown = "—" if elided is None else f"{100 * elided:.1f} %"
        print(f"{Locale('en').languages[code]:<11}{cells}{figures['worded']:>6}{shown:>9}")
    hosts = host_articles()
    alarms = false_alarms(hosts)
    print(f"\nfalse alarms on {len(hosts)} clean English articles: {sum(alarms.values())} {dict(alarms)}")
    articles = texts(BBC)
    print("cost on the BBC corpus, median of 5 (target: detection at most 50 % of the whole):")
    for variant, corpus in (("as-is", articles), ("typographic", [typographic(text) for text in articles])):
        plain, with_leftovers, shares = cost(corpus)
        print(
            f"  {variant}: without the leftovers {plain:.3f} s, whole default chain {with_leftovers:.3f} s; "
            "detection "
            f"{100 * statistics.median(shares):.0f} % ({100 * shares[0]:.0f}-{100 * shares[-1]:.0f} %)"
        )
    peak = int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
    print(f"peak memory of this process (corpora and dev set included): {peak:.0f} MB")
    print(f"({arguments.cases} cases per language and kind; {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
