"""Throughput, linear-time and memory benchmark of the default cleanup chain.

Three measurements, all on the BBC News corpus (edited English news, never
copied into the repository):

1. Throughput: ``cleanup.clean`` on every article, against
   ``ftfy.fix_text`` alone, on the corpus as it is and on a typographic
   variant (curly quotes, curly apostrophes, en dashes); median of
   ``--repeat`` runs, in MB/s of UTF-8 text.
2. Linear time: one ``clean`` call on each shape of text that once cost
   more than linear time (adversarial punctuation, elided articles, nested
   HTML entities, control characters in long lines, leftovers in every
   sentence, random Unicode with every rule, allowed terms, a glossary of
   very long terms), at two sizes ten times apart (~1 and ~10 MB; 0.1 and
   1 MB with ``--quick``), compared with prose of the same size and with the
   shape's smaller size. Each call runs in a fresh process and is killed,
   and reported as a failure, after 120 s.
3. Peak memory: the peak RSS of this process, and of a fresh process that
   imports cleanup and cleans the corpus once, article by article.
4. Start-up: ``python -c "import cleanup"`` against ``import ftfy``, median
   of fresh interpreters, the package compiled to bytecode first.

Usage::

    python bench/throughput.py [--repeat N] [--corpus PATH] [--quick] [--json FILE]

MB means 10**6 bytes throughout.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import corpora
import ftfy
import wordfreq

import cleanup

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(cleanup.__file__).resolve().parent
DEFAULT_CORPUS = corpora.BBC
MB = 1_000_000
TARGET_RATIOS = {"as-is": 3.0, "typographic": 8.0}  # the chain against ftfy, per variant
TIME_LIMIT = 120.0
IMPORT_RUNS = 21
IMPORT_TARGET = 0.100  # seconds that importing cleanup may cost more than importing ftfy
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False)
# ru_maxrss and VmHWM are in kibibytes on Linux; ru_maxrss is in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024

# Prelude of the child programs. A child's ru_maxrss is no use on Linux: it keeps the parent's
# peak across fork and exec. VmHWM is the child program's own peak.
_CHILD_PEAK_RSS = """
import resource
def peak_rss():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

# Read one text and the options of clean(), warm up with the same rules on copy holding every
# language and every artefact the rules load word lists for (and with a glossary of its own, so
# that the glossary under test is compiled in the timed call), say "ready", then time one
# clean() call (and, for comparison, one ftfy.fix_text call on the same text, when asked).
_ONE_CALL = (
    _CHILD_PEAK_RSS
    + """
import json, sys, time
from cleanup import clean
from cleanup.model import GlossaryEntry, Safety
with open(sys.argv[1], encoding="utf-8") as case:
    text, options = json.load(case)
entries = options.pop("glossary", [])
glossary = [GlossaryEntry(source, target, Safety(safety)) for source, target, safety in entries]
warm_up = [GlossaryEntry("Casa Bianca", "White House", Safety.SAFE)] if glossary else []
from cleanup.lang.samples import sample
artefacts = "l’Iran said . , the  market ( x ) ; The end.. é nell’ambito Ж"
clean(sample("en") + "\\n" + artefacts, glossary=warm_up, **options)
print("ready", flush=True)
start = time.perf_counter()
clean(text, glossary=glossary, **options)
seconds = time.perf_counter() - start
peak = peak_rss()
ftfy_seconds = None
if sys.argv[2] == "ftfy":
    import ftfy
    start = time.perf_counter()
    ftfy.fix_text(text, ftfy.TextFixerConfig(uncurl_quotes=False))
    ftfy_seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "ftfy_seconds": ftfy_seconds, "peak_rss": peak}))
"""
)

# Clean the corpus once, article by article, as one worker would.
_ONE_WORKER = (
    _CHILD_PEAK_RSS
    + """
import json, sys
from cleanup import clean
with open(sys.argv[1], encoding="utf-8") as corpus:
    for line in corpus:
        clean(json.loads(line)["text"])
print(peak_rss())
"""
)

_PUNCTUATION = ". , ; : .. ,, ( [ ) ] ' ’ “ ” … "


def load_corpus(path: Path) -> list[str]:
    """The ``text`` field of every line of a JSON Lines corpus; exit with a message if it is missing."""
    if not path.is_file():
        sys.exit(f"throughput.py: corpus not found: {path} (pass --corpus PATH)")
    return corpora.texts(path)


def utf8_size(texts: Sequence[str]) -> int:
    """Total size of ``texts`` in UTF-8 bytes."""
    return sum(len(text.encode("utf-8")) for text in texts)


def cut_to_size(pieces: Sequence[str], size: int, separator: str = "") -> str:
    """``pieces`` repeated and joined until the result holds at least ``size`` UTF-8 bytes."""
    chosen: list[str] = []
    total = 0
    for piece in itertools.cycle(pieces):
        chosen.append(piece)
        total += len(piece.encode("utf-8")) + len(separator)
        if total >= size:
            return separator.join(chosen)
    raise ValueError("no pieces to repeat")


def adversarial_block() -> str:
    """A few kilobytes of punctuation that invite backtracking: clusters, brackets, quotes, long runs.

    The 'é' makes the encoding pass hand the text to ftfy.
    """
    return (
        _PUNCTUATION * 20
        + "x"
        + " " * 300
        + ", "
        + "." * 2000
        + " " * 2000
        + "; The"
        + " ." * 300
        + " , ; " * 100
        + "( " * 100
        + "the end é "
    )


_LEFTOVERS = "Ж nell’ambito Ж "


@dataclass(frozen=True)
class Shape:
    """A text of the linear-time check: how to make it at a size, and the options of ``clean``."""

    make: Callable[[int, Sequence[str]], str]
    options: dict[str, Any] = field(default_factory=dict)
    glossary_size: bool = False  # the size is the glossary's, not the text's
    ftfy: bool = True  # time ftfy.fix_text too (not where ftfy alone takes quadratic time)


def random_unicode(size: int) -> str:
    """About ``size`` UTF-8 bytes of characters drawn at random below U+3000, seeded."""
    generator = random.Random(0)
    return "".join(chr(generator.randrange(32, 0x3000)) for _ in range(size // 2))


def shuffled_words(language: str) -> list[str]:
    """wordfreq's 60,000 most frequent words of ``language``, in a seeded random order."""
    words = wordfreq.top_n_list(language, 60_000)
    random.Random(0).shuffle(words)
    return words


def long_terms_glossary(size: int, prose: Sequence[str]) -> list[list[str]]:
    """Three glossary entries whose terms are each a third of ``size`` bytes of prose."""
    return [[cut_to_size(prose[index:], size // 3, "\n\n"), "x", "safe"] for index in range(3)]


LINEAR_SHAPES: dict[str, Shape] = {
    "prose": Shape(lambda size, prose: cut_to_size(prose, size, "\n\n")),
    "punctuation, one line": Shape(lambda size, prose: cut_to_size([adversarial_block()], size)),
    "punctuation, lines": Shape(lambda size, prose: cut_to_size([adversarial_block()], size, "\n")),
    # Elided articles before a name that never appears bare.
    "elisions": Shape(lambda size, prose: cut_to_size(["the firm l’Acme said; "], size)),
    # An ampersand escaped again and again: decoded one level per round by ftfy's loop, which
    # takes a minute for 0.2 MB (so ftfy is not timed on these two).
    "nested entities": Shape(lambda size, prose: "&" + "amp;" * (size // 4), ftfy=False),
    # Entities that decode to nothing, nested so that each round of decoding makes another.
    "entities in entities": Shape(lambda size, prose: "&#" * (size // 4) + "1;" * (size // 4), ftfy=False),
    # Lines of 2,000 characters, every other one a control character: once diffed with difflib,
    # 30 s a line.
    "controls, 2,000-char lines": Shape(lambda size, prose: cut_to_size(["a\x07" * 995 + "\n"], size)),
    # Leftovers and another script in every few words, with their rules.
    "leftovers": Shape(lambda size, prose: cut_to_size([_LEFTOVERS], size), {"select": ["leftovers"]}),
    # Thousands of different Italian words: each was searched for through the whole text.
    "distinct source words": Shape(
        lambda size, prose: cut_to_size(shuffled_words("it"), size, " "),
        {"select": ["source-word", "source-phrase"]},
    ),
    "leftovers, allowed": Shape(
        lambda size, prose: cut_to_size([_LEFTOVERS], size),
        {"select": ["leftovers"], "allow": ["nell’ambito"]},
    ),
    "random Unicode, ALL": Shape(lambda size, prose: random_unicode(size), {"select": ["ALL"]}),
    # Three terms of a third of the size each, searched for in a short article.
    "glossary of long terms": Shape(
        lambda size, prose: cut_to_size(prose[3:], 20_000, "\n\n"), glossary_size=True
    ),
}


def linear_case(name: str, size: int, prose: Sequence[str]) -> tuple[str, dict[str, Any], int]:
    """The text and ``clean`` options of a shape at ``size``, and the size in bytes that counts."""
    shape = LINEAR_SHAPES[name]
    text = shape.make(size, prose)
    options = dict(shape.options)
    if not shape.glossary_size:
        return text, options, len(text.encode("utf-8"))
    options["glossary"] = long_terms_glossary(size, prose)
    return text, options, sum(len(source.encode("utf-8")) for source, _, _ in options["glossary"])


def time_per_article(function: Callable[[str], object], texts: Sequence[str]) -> float:
    """Seconds taken to call ``function`` on each text in turn."""
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def run_chain(text: str) -> object:
    """The whole default chain, as ``cleanup`` runs it."""
    return cleanup.clean(text)


def run_ftfy(text: str) -> object:
    """ftfy alone, keeping curly quotes: the comparison the targets are read against."""
    return ftfy.fix_text(text, FTFY_CONFIG)


def run_ftfy_defaults(text: str) -> object:
    """ftfy alone with its defaults, which also straighten curly quotes: work cleanup does not do."""
    return ftfy.fix_text(text)


def measure_throughput(texts: Sequence[str], repeat: int) -> dict[str, Any]:
    """Median seconds and MB/s of the chain and of ftfy over ``texts``, after one warm-up run."""
    size = utf8_size(texts)
    functions = {"chain": run_chain, "ftfy": run_ftfy, "ftfy_defaults": run_ftfy_defaults}
    for function in functions.values():
        time_per_article(function, texts)
    runs: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            runs[name].append(time_per_article(function, texts))
    figures: dict[str, Any] = {"bytes": size}
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        figures[name] = {"median_s": median, "mb_per_s": size / MB / median, "runs_s": seconds}
    figures["ratio"] = figures["chain"]["mb_per_s"] / figures["ftfy"]["mb_per_s"]
    figures["ratio_to_defaults"] = figures["chain"]["mb_per_s"] / figures["ftfy_defaults"]["mb_per_s"]
    return figures


def time_one_call(text: str, options: dict[str, Any], *, with_ftfy: bool = True) -> dict[str, Any]:
    """Time one ``clean(text, **options)`` call (and ``ftfy.fix_text(text)``, ``with_ftfy``) in a
    fresh process, killing it after ``TIME_LIMIT`` seconds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.json"
        path.write_text(json.dumps([text, options], ensure_ascii=False), encoding="utf-8")
        with subprocess.Popen(
            [sys.executable, "-c", _ONE_CALL, str(path), "ftfy" if with_ftfy else "-"],
            stdout=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdout is not None
            if child.stdout.readline().strip() != "ready":
                child.wait()
                return {"failed": f"child exited with status {child.returncode}"}
            # Not communicate(): it reads the pipe itself and misses what readline() buffered
            # already, the figures of a call quick enough to follow "ready" in one chunk.
            try:
                child.wait(timeout=TIME_LIMIT)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
                return {"failed": f"aborted after {TIME_LIMIT:.0f} s"}
            output = child.stdout.read()
    if child.returncode != 0:
        return {"failed": f"child exited with status {child.returncode}"}
    result = json.loads(output)
    return {
        "seconds": result["seconds"],
        "ftfy_seconds": result["ftfy_seconds"],
        "peak_rss_mb": result["peak_rss"] * _RSS_UNIT / MB,
    }


def measure_linear_time(size: int, prose: Sequence[str]) -> dict[str, Any]:
    """One timed ``clean`` call per shape at ``size / 10`` and at ``size``, with the ratio of each
    to prose of its size and, at ``size``, the ratio to the shape's time at ``size / 10``."""
    sizes = (size // 10, size)
    figures: dict[str, Any] = {}
    for name in LINEAR_SHAPES:
        rows = []
        for each in sizes:
            print(f"  timing one clean() call on {name}, {each / MB:g} MB …", file=sys.stderr, flush=True)
            text, options, counted = linear_case(name, each, prose)
            timed = time_one_call(text, options, with_ftfy=LINEAR_SHAPES[name].ftfy)
            rows.append({"bytes": counted, **timed})
        figures[name] = rows
    for rows in figures.values():
        for row, prose_row, smaller in zip(rows, figures["prose"], [None, *rows[:-1]], strict=True):
            if "seconds" in row and prose_row.get("seconds"):
                row["ratio_to_prose"] = row["seconds"] / prose_row["seconds"]
            if smaller and "seconds" in row and smaller.get("seconds"):
                row["ratio_to_smaller"] = row["seconds"] / smaller["seconds"]
    return figures


def _start_up(module: str) -> float:
    """Seconds a fresh interpreter takes to import ``module`` and exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
    return time.perf_counter() - start


def measure_import_time(runs: int = IMPORT_RUNS) -> dict[str, Any]:
    """Median seconds of ``python -c "import cleanup"`` and of ``import ftfy``, alternated, with
    the package compiled to bytecode first, as ``pip install`` leaves it."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE_DIR)], check=True)
    times: dict[str, list[float]] = {"cleanup": [], "ftfy": []}
    for _ in range(runs):
        for module, seconds in times.items():
            seconds.append(_start_up(module))
    medians = {module: statistics.median(seconds) for module, seconds in times.items()}
    return {**medians, "more_s": medians["cleanup"] - medians["ftfy"], "runs": runs}


def worker_peak_rss(corpus: Path) -> float:
    """Peak RSS in MB of a fresh process that imports cleanup and cleans the corpus once."""
    completed = subprocess.run(
        [sys.executable, "-c", _ONE_WORKER, str(corpus)], capture_output=True, text=True, check=True
    )
    return int(completed.stdout) * _RSS_UNIT / MB


def _git(*args: str) -> str:
    """The output of a git command run in the folder of the imported package (empty if it fails)."""
    return subprocess.run(
        ["git", "-C", str(PACKAGE_DIR), *args], capture_output=True, text=True, check=False
    ).stdout.strip()


def git_revision() -> str:
    """The commit of the imported cleanup package, with ``-dirty`` when it has uncommitted changes."""
    commit = _git("rev-parse", "--short", "HEAD")
    if not commit:
        return "unknown revision"
    return commit + ("-dirty" if _git("status", "--porcelain", "--", ".") else "")


def print_report(figures: dict[str, Any]) -> None:
    """A compact table of every figure."""
    meta = figures["meta"]
    print(
        f"\ncleanup {meta['revision']} ({meta['package']}), Python {meta['python']}, ftfy {meta['ftfy']}, "
        f"{meta['nproc']} CPUs, {meta['date']}"
    )
    print(
        f"\nThroughput: {meta['articles']} articles, clean() and ftfy.fix_text() per article, "
        f"median of {meta['repeat']} runs"
    )
    print(
        f"{'variant':<13}{'MB':>6}{'chain s':>9}{'MB/s':>7}{'ftfy s':>8}{'MB/s':>7}{'chain/ftfy':>12}"
        f"{'defaults s':>12}{'chain/defaults':>16}"
    )
    for name, row in figures["throughput"].items():
        target = TARGET_RATIOS[name]
        verdict = "" if row["ratio"] >= target else f"  below the {target:.0f}× target"
        print(
            f"{name:<13}{row['bytes'] / MB:>6.2f}{row['chain']['median_s']:>9.3f}"
            f"{row['chain']['mb_per_s']:>7.2f}{row['ftfy']['median_s']:>8.3f}"
            f"{row['ftfy']['mb_per_s']:>7.2f}{row['ratio']:>11.2f}×"
            f"{row['ftfy_defaults']['median_s']:>12.3f}{row['ratio_to_defaults']:>15.2f}×{verdict}"
        )
    print(
        "ftfy: fix_text keeping curly quotes, as cleanup does (the targets' comparison); "
        "defaults: fix_text as it comes, which also straightens them"
    )
    print("\nLinear time: one clean() call per text and size, each in a fresh process")
    print(
        f"{'text':<24}{'MB':>6}{'seconds':>9}{'× prose':>9}{'× 1/10 size':>13}{'ftfy s':>8}"
        f"{'peak RSS MB':>13}"
    )
    for name, rows in figures["linear_time"].items():
        for row in rows:
            if "failed" in row:
                print(f"{name:<24}{row['bytes'] / MB:>6.2f}  FAILED: {row['failed']}")
                continue
            to_prose = f"{row['ratio_to_prose']:>9.2f}" if "ratio_to_prose" in row else f"{'—':>9}"
            growth = f"{row['ratio_to_smaller']:>13.1f}" if "ratio_to_smaller" in row else f"{'':>13}"
            ftfy_seconds = f"{row['ftfy_seconds']:>8.2f}" if row["ftfy_seconds"] is not None else f"{'—':>8}"
            print(
                f"{name:<24}{row['bytes'] / MB:>6.2f}{row['seconds']:>9.2f}{to_prose}{growth}"
                f"{ftfy_seconds}{row['peak_rss_mb']:>13.0f}"
            )
    print("A linear shape takes about 10× at ten times the size; a quadratic one about 100×.")
    long_prose = figures["linear_time"]["prose"][-1]
    if "seconds" in long_prose:
        as_is = figures["throughput"]["as-is"]
        per_mb_alone = as_is["chain"]["median_s"] / (as_is["bytes"] / MB)
        per_mb_long = long_prose["seconds"] / (long_prose["bytes"] / MB)
        print(
            f"Prose as one text of {long_prose['bytes'] / MB:.0f} MB: {per_mb_long:.3f} s per MB, "
            f"{per_mb_long / per_mb_alone:.2f}× the cost per MB of the articles cleaned one by one"
        )
    start_up = figures["import"]
    over = start_up["more_s"] > IMPORT_TARGET
    verdict = f"  over the {IMPORT_TARGET * 1000:.0f} ms target" if over else ""
    print(
        f"\nStart-up, median of {start_up['runs']} fresh interpreters: import cleanup "
        f"{start_up['cleanup'] * 1000:.0f} ms, import ftfy {start_up['ftfy'] * 1000:.0f} ms: "
        f"{start_up['more_s'] * 1000:.0f} ms more{verdict}"
    )
    memory = figures["memory"]
    print(
        f"\nPeak RSS: this process {memory['this_process_mb']:.0f} MB; "
        f"one worker cleaning the corpus once {memory['one_worker_mb']:.0f} MB"
    )
    print(f"Wall time of the benchmark: {meta['wall_s']:.0f} s")


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (default 5)")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines file with a text field"
    )
    parser.add_argument(
        "--quick", action="store_true", help="0.1 and 1 MB texts for the linear-time check, not 1 and 10 MB"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON to FILE")
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1:
        parser.error("--repeat must be at least 1")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement, print the table; status 1 if a linear-time measurement failed."""
    arguments = parse_arguments(argv)
    started = time.perf_counter()
    revision = git_revision()
    corpus = arguments.corpus.resolve()
    articles = load_corpus(corpus)
    variants = {"as-is": articles, "typographic": [corpora.typographic(text) for text in articles]}
    throughput = {}
    for name, texts in variants.items():
        print(f"  timing the {name} corpus …", file=sys.stderr, flush=True)
        throughput[name] = measure_throughput(texts, arguments.repeat)
    linear_time = measure_linear_time(MB if arguments.quick else 10 * MB, articles)
    print("  timing the start-up …", file=sys.stderr, flush=True)
    start_up = measure_import_time()
    figures = {
        "meta": {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "revision": revision,
            "package": str(PACKAGE_DIR),
            "python": platform.python_version(),
            "ftfy": ftfy.__version__,
            "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "corpus": str(corpus),
            "articles": len(articles),
            "repeat": arguments.repeat,
            "quick": arguments.quick,
            "target_ratios": TARGET_RATIOS,
        },
        "throughput": throughput,
        "linear_time": linear_time,
        "import": start_up,
        "memory": {
            "this_process_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT / MB,
            "one_worker_mb": worker_peak_rss(corpus),
        },
    }
    figures["meta"]["wall_s"] = time.perf_counter() - started
    print_report(figures)
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if any("failed" in row for rows in linear_time.values() for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
