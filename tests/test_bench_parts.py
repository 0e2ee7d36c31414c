"""``bench/parts.py`` times every part it names: it reaches into the chain, so a change there must
keep it working."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "parts.py"


def test_the_parts_benchmark_times_each_pass_and_the_chain_s_own_work(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    articles = ["The german squad met ; At once the ministersaid it.", "Talks went on , non era possibile."]
    corpus.write_text("".join(json.dumps({"text": text}) + "\n" for text in articles * 50), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(BENCH), "--corpus", str(corpus), "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    timed = dict(re.findall(r"^ *(\S.*?) +(\d+\.\d{4})$", done.stdout, re.MULTILINE))
    for part in ("pass conventions", "pass leftovers", "shared look at the words (in its pass)"):
        assert float(timed[part]) > 0, part
    named = (
        "pass spacing",
        "the chain's own work",
        "first look of the triggers",
        "glued-words (first look and decisions)",
    )
    assert all(part in timed for part in named), timed
