"""Which of the leftovers' thresholds a measurement supports: each moved one step either way.

The leftovers rules score words with about thirty numbers (``cleanup/passes/leftovers/``): Zipf
values, margins, shares, distances. For each, this script runs the measurements twice more, with
the number one step more permissive and one step stricter, and compares them with the numbers as
they are:

- the dev set (``bench/leftovers.py``): sentences named, 2–5 word fragments found, per language;
- false alarms on the 2,260 clean BBC and WMT English articles;
- real MT (``bench/wmt21.py``): false alarms, real leftovers found, findings to read.

A threshold is *supported* when moving it changes something: a step one way finds fewer
leftovers, or the other way raises more false alarms. One that changes nothing either way has no
measurement behind it here. Each run is a fresh process with the disk cache off (the word lists
are derived again from the moved number).

Usage::

    python bench/thresholds.py [--cases N] [--jobs J] [--only NAME ...]
    python bench/thresholds.py --set COMMON=99 --set NEARBY=0    # given values against the baseline
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Threshold:
    """A number of a module and the step it is moved by."""

    module: str
    name: str
    step: float

    @property
    def key(self) -> str:
        return f"{self.module.rsplit('.', 1)[-1]}.{self.name}"


_PHRASES = "cleanup.passes.leftovers.phrases"
THRESHOLDS = [
    *(
        Threshold(_PHRASES, name, step)
        for name, step in [
            ("STRONG", 0.5),
            ("RARE", 0.5),
            ("VERY_STRONG", 0.5),
            ("TOGETHER", 0.5),
            ("MEAN", 0.5),
            ("TOLERATED", 0.5),
            ("LEANING", 0.5),
            ("UNKNOWN", 0.5),
            ("KNOWN", 0.5),
            ("PAIRED", 0.5),
            ("COMMON", 0.5),
            ("WITH_COMPANION", 0.5),
            ("FUNCTION_WORD_SOURCE", 0.5),
            ("FUNCTION_WORD_TARGET", 0.5),
            ("FUNCTION_WORD_MARGIN", 0.5),
            ("CAPITAL_UNKNOWN", 0.5),
            ("UNLISTED_COMMON", 0.5),
            ("NEARBY", 2500),
            ("OPENER_SOURCE", 0.5),
            ("OPENER_TARGET", 0.5),
            ("NEWS_VOCABULARY", 0.5),
            ("VOCABULARY_MARGIN", 0.5),
        ]
    ),
    Threshold("cleanup.passes.leftovers.sentences", "MIN_WORDS", 1),
    Threshold("cleanup.passes.leftovers.sentences", "SHARE", 0.1),
    Threshold("cleanup.passes.leftovers.sentences", "CONFIDENCE", 0.1),
    Threshold("cleanup.passes.leftovers.names", "KNOWN_IN_TARGET", 0.5),
    Threshold("cleanup.passes.leftovers.openings", "_NEIGHBOURHOOD", 20),
    Threshold("cleanup.passes.leftovers.openings", "_NEIGHBOURS", 1),
]


def measure(cases: int) -> dict[str, Any]:
    """The measurements, in this process, with the numbers as they stand now."""
    sys.path.insert(0, str(HERE))
    import leftovers
    import wmt21

    labels = [item.label for item in wmt21.findings(wmt21.articles())]
    dev = leftovers.dev_set(cases)
    return {
        "fragments": {code: figures["fragments found"] for code, figures in dev.items()},
        "sentences": {code: figures["sentences named"] for code, figures in dev.items()},
        "clean false alarms": sum(leftovers.false_alarms(leftovers.host_articles()).values()),
        "wmt false alarms": labels.count(wmt21.FALSE),
        "wmt real": labels.count(wmt21.REAL),
        "wmt to read": labels.count(wmt21.READ),
    }


def moved(module: str, name: str, value: float) -> None:
    """Set ``module.name`` to ``value``, and every alias of it another cleanup module imported."""
    import importlib

    target = importlib.import_module(module)
    original = getattr(target, name)
    for other in list(sys.modules.values()):
        ours = other is not None and other.__name__.startswith("cleanup")
        if ours and getattr(other, name, None) is original:
            setattr(other, name, value)


def run_one(threshold: Threshold | None, value: float | None, cases: int) -> dict[str, Any]:
    """The measurements in a fresh process, with ``threshold`` set to ``value`` (or as it is)."""
    program = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import thresholds; "
        "spec = json.loads(sys.argv[2]); "
        "spec and thresholds.moved(*spec); "
        "print(json.dumps(thresholds.measure(int(sys.argv[3]))))"
    )
    spec = [] if threshold is None else [threshold.module, threshold.name, value]
    environment = {**os.environ, "CLEANUP_CACHE_DIR": ""}
    done = subprocess.run(
        [sys.executable, "-c", program, str(HERE), json.dumps(spec), str(cases)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def _value(threshold: Threshold) -> float:
    import importlib

    return getattr(importlib.import_module(threshold.module), threshold.name)


def _difference(figures: dict[str, Any], base: dict[str, Any]) -> str:
    """What changed against the baseline, in a few words ("" when nothing did)."""
    parts = []
    for kind in ("fragments", "sentences"):
        changes = {
            code: round(100 * (share - base[kind][code]), 1)
            for code, share in figures[kind].items()
            if abs(share - base[kind][code]) > 1e-9
        }
        if changes:
            parts.append(f"{kind} " + " ".join(f"{code} {delta:+.1f}" for code, delta in changes.items()))
    for key in ("clean false alarms", "wmt false alarms", "wmt real", "wmt to read"):
        if figures[key] != base[key]:
            parts.append(f"{key} {figures[key] - base[key]:+d}")
    return "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200, help="dev-set cases per language and kind")
    parser.add_argument("--jobs", type=int, default=2, help="measurements run at once")
    parser.add_argument("--only", nargs="*", help="these thresholds only (NAME as in the table)")
    parser.add_argument("--set", action="append", default=[], help="NAME=VALUE: measure this value instead")
    arguments = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    started = time.perf_counter()
    if arguments.set:
        return _given_values(arguments.set, arguments.cases, arguments.jobs)
    chosen = [t for t in THRESHOLDS if not arguments.only or t.name in arguments.only]
    runs: list[tuple[Threshold | None, float | None]] = [(None, None)]
    for threshold in chosen:
        value = _value(threshold)
        runs += [(threshold, value - threshold.step), (threshold, value + threshold.step)]
    with ThreadPoolExecutor(arguments.jobs) as pool:
        results = list(pool.map(lambda run: run_one(*run, arguments.cases), runs))
    base = results[0]
    print(f"baseline: {json.dumps(base)}")
    print(f"\n{'threshold':<34}{'value':>7}  lower / higher: what changes")
    supported = 0
    for index, threshold in enumerate(chosen):
        lower, higher = results[1 + 2 * index], results[2 + 2 * index]
        changes = [_difference(lower, base), _difference(higher, base)]
        supported += any(changes)
        verdict = "" if any(changes) else "  NO MEASURED EFFECT"
        print(f"{threshold.key:<34}{_value(threshold):>7g}{verdict}")
        for sign, change in zip("-+", changes, strict=True):
            if change:
                print(f"{'':<36}{sign}{threshold.step:g}: {change}")
    seconds = time.perf_counter() - started
    print(f"\n{supported} of {len(chosen)} thresholds change a measurement; {seconds:.0f} s")
    return 0


def _given_values(settings: list[str], cases: int, jobs: int) -> int:
    """Measure each ``NAME=VALUE`` alone against the baseline."""
    by_name = {threshold.name: threshold for threshold in THRESHOLDS}
    runs: list[tuple[Threshold | None, float | None]] = [(None, None)]
    for setting in settings:
        name, _, value = setting.partition("=")
        if name not in by_name:
            print(f"bench/thresholds.py: unknown threshold {name!r}", file=sys.stderr)
            return 2
        runs.append((by_name[name], float(value) if "." in value else int(value)))
    with ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda run: run_one(*run, cases), runs))
    for (threshold, value), figures in zip(runs[1:], results[1:], strict=True):
        assert threshold is not None
        print(f"{threshold.key} = {value:g}: {_difference(figures, results[0]) or 'no change'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
