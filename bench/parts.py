"""Where the time of the default chain goes, per pass and per automaton, on the BBC corpus.

The throughput benchmark (``throughput.py``) says how fast the chain is; this one says where its
time goes, to show which part of it a change can make cheaper:

1. The chain over the corpus, article by article (``cleanup.clean``), with each pass's finder, the
   first look of the triggers, the shared look at the words and the protected spans timed around
   their calls; the rest is the chain's own work (its rounds, the pieces, the results).
2. Each first look that reads every byte, alone over the corpus: the shared look at the words, the
   places of ``glued-words`` and the triggers; and ``glued-words`` alone (its first look and its
   decisions).

Each figure is the best of ``--repeat`` runs (default 3), in seconds for the whole corpus. Timing
the parts costs a little, so their sum exceeds the chain's time measured without it (first line).

Usage::

    python bench/parts.py [--repeat N] [--typographic] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import corpora

import cleanup
from cleanup import pipeline
from cleanup.lang.profiles import profile_for
from cleanup.passes import Context
from cleanup.passes.conventions import glued
from cleanup.passes.conventions.glued.shape import candidates, first_look
from cleanup.passes.wordlook import WordLook
from cleanup.passes.wordlook import look_for as words_look_for
from cleanup.rules import select_rules


def best(run: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` timings of ``run``, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


class Timed:
    """Time spent in the functions it wraps, by label, since the last :meth:`clear`."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()

    def clear(self) -> None:
        self.spent.clear()

    def wrap(self, function: Callable, label: str, materialise: bool = False) -> Callable:
        """``function`` timed under ``label``; its result made a list when ``materialise`` (a
        pass's finder may return a generator, whose work is done as it is read)."""

        def timed(*args, **kwargs):
            started = time.perf_counter()
            result = function(*args, **kwargs)
            if materialise:
                result = list(result)
            self.spent[label] += time.perf_counter() - started
            return result

        return timed


def chain_parts(texts: Sequence[str], repeat: int) -> tuple[float, dict[str, float]]:
    """The chain's time over ``texts`` without timing, and the time of each part in the run of
    the timed chain that took least in all."""
    clean_all = lambda: [cleanup.clean(text) for text in texts]  # noqa: E731
    plain = best(clean_all, repeat)
    timed = Timed()
    passes = tuple(
        (
            dataclasses.replace(
                step,
                find=timed.wrap(step.find, f"pass {step.name}", materialise=True),
                find_in=step.find_in and timed.wrap(step.find_in, f"pass {step.name}", materialise=True),
            ),
            rule_ids,
        )
        for step, rule_ids in pipeline._PASS_RULES
    )
    patched = [
        (pipeline, "_PASS_RULES", passes),
        (pipeline._Chain, "_looked", timed.wrap(pipeline._Chain._looked, "first look of the triggers")),
        (pipeline._Chain, "_protection", timed.wrap(pipeline._Chain._protection, "protected spans")),
        (WordLook, "read", timed.wrap(WordLook.read, "shared look at the words (in its pass)")),
        (WordLook, "carry", timed.wrap(WordLook.carry, "shared look carried over edits")),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patched]
    for owner, name, value in patched:
        setattr(owner, name, value)
    try:
        runs = []
        for _ in range(repeat):
            timed.clear()
            total = best(clean_all, 1)
            runs.append((total, dict(timed.spent)))
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)
    total, spent = min(runs, key=lambda run: run[0])
    spent["the chain's own work"] = total - sum(
        seconds for label, seconds in spent.items() if not label.startswith("shared look")
    )
    return plain, spent


def automata(texts: Sequence[str], repeat: int) -> dict[str, float]:
    """The first looks that read every byte, each alone over ``texts`` (its automaton and the
    Python around it); and ``glued-words`` alone, first look and decisions."""
    context = Context(select_rules())
    words = words_look_for("en", context.enabled)
    places = first_look("en")
    triggers = pipeline.look_for(pipeline._TRIGGERS, context.enabled, "en", ())
    profile = profile_for("en", ())
    return {
        "shared look at the words": best(lambda: [words.read(text) for text in texts], repeat),
        "first look of glued-words": best(lambda: [candidates(text, places, "en") for text in texts], repeat),
        "first look of the triggers": best(lambda: [triggers.live(text) for text in texts], repeat),
        "glued-words (first look and decisions)": best(
            lambda: [list(glued.find(text, context, profile)) for text in texts], repeat
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing; the best is kept")
    parser.add_argument("--typographic", action="store_true", help="the corpus in edited copy's typography")
    parser.add_argument(
        "--corpus", type=Path, default=corpora.BBC, help="a JSON Lines file with a 'text' field"
    )
    options = parser.parse_args(argv)
    if not options.corpus.is_file():
        print(f"parts.py: corpus not found: {options.corpus} (pass --corpus PATH)", file=sys.stderr)
        return 1
    texts = corpora.texts(options.corpus)
    if options.typographic:
        texts = [corpora.typographic(text) for text in texts]
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    for text in texts:  # warm up: word lists, automata, caches
        cleanup.clean(text)
    plain, spent = chain_parts(texts, options.repeat)
    alone = automata(texts, options.repeat)
    print(f"{len(texts)} articles, {size:.2f} MB; best of {options.repeat} runs, seconds")
    print(f"{'the chain, untimed':<48} {plain:8.4f}")
    for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {label:<46} {seconds:8.4f}")
    print("alone:")
    for label, seconds in alone.items():
        print(f"  {label:<46} {seconds:8.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
