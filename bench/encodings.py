"""How cleanup tells the code page of bytes that are not UTF-8, measured.

1. Cost: ``io.decode`` on every BBC article made typographic, saved as Windows-1252 and as
   UTF-8, in microseconds per article (best of three passes).
2. Real news saved as Windows-1252 (BBC and WMT English made typographic, the WMT21 German-English
   sources and MT output, the multilingual news sentences and articles in German, French,
   Italian, Spanish and Portuguese): how many decode right, are refused as unclear, or are misread.
3. Other code pages: texts of N words drawn from each language's wordfreq list by frequency (not
   prose, but the language's letters in their proportions), saved in the code pages that write
   the language: right, refused as unclear, read as Windows-1252 (the default when its reading
   has no oddity), or read in another code page.

Usage::

    python bench/encodings.py [--words 5 20 100] [--texts 30]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Iterator
from functools import cache

from corpora import CORPORA, texts, typographic, wmt_texts

from cleanup import io
from cleanup.lang.wordlists import bands

CODE_PAGES = {
    "pl": ("cp1250", "iso8859_2"),
    "cs": ("cp1250", "iso8859_2"),
    "sk": ("cp1250", "iso8859_2"),
    "hu": ("cp1250", "iso8859_2"),
    "sh": ("cp1250", "iso8859_2"),
    "sl": ("cp1250", "iso8859_2"),
    "ru": ("cp1251", "koi8_r"),
    "uk": ("cp1251", "koi8_u"),
    "bg": ("cp1251",),
    "el": ("cp1253", "iso8859_7"),
    "tr": ("cp1254",),
    "lt": ("cp1257",),
    "lv": ("cp1257",),
    "he": ("cp1255",),
    "ar": ("cp1256",),
    "fr": ("mac_roman", "cp850", "iso8859_15"),
    "de": ("mac_roman", "cp850"),
    "es": ("mac_roman",),
    "it": ("mac_roman",),
    "pt": ("mac_roman",),
}


def cost() -> None:
    """Microseconds per BBC article made typographic, as Windows-1252 and as UTF-8."""
    typeset = [typographic(text) for text in texts()]
    for encoding in ("cp1252", "utf-8"):
        data = [text.encode(encoding) for text in typeset]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for item in data:
                io.decode(item, "x.txt")
            best = min(best, time.perf_counter() - start)
        print(f"decode {encoding:>6}: {best / len(data) * 1e6:6.0f} us per article ({len(data)} articles)")


def _multilingual() -> Iterator[str]:
    folder = CORPORA / "multilingual-news-sentences"
    with (folder / "flores200-devtest.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            yield from (json.loads(line)[key] for key in ("deu", "fra", "ita", "por", "spa"))
    with (folder / "newstest2009-multiway.lines1001-2525.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            yield from (json.loads(line)[key] for key in ("deu", "fra", "ita", "spa"))
    articles: dict[str, list[str]] = {}
    with (folder / "wmt21-native-news-de-fr.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            articles.setdefault(record["doc_id"], []).append(record["text"])
    yield from ("\n".join(segments) for segments in articles.values())


def _machine_translated() -> Iterator[str]:
    with (CORPORA / "wmt21-de-en-mt" / "newstest2021.de-en.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield record["src"]
            yield from record["hyps"].values()


def _outcome(text: str, encoding: str) -> str | None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return None
    if data.isascii():
        return None
    try:
        document = io.decode(data, "x.txt")
    except io.InputError:
        return "refused"
    if document.text == text:
        return "right"
    return "as cp1252" if document.encoding == "cp1252" else f"as {document.encoding}"


def real_news() -> None:
    """Real news saved as Windows-1252."""
    corpora = {
        "BBC, typographic": (typographic(text) for text in texts()),
        "WMT English, typographic": (typographic(text) for text in wmt_texts()),
        "WMT21 de-en sources and MT": _machine_translated(),
        "de fr it es pt news": _multilingual(),
    }
    for name, items in corpora.items():
        outcomes = Counter(outcome for text in items if (outcome := _outcome(text, "cp1252")))
        print(f"{name:>28}: {dict(outcomes)}")


@cache
def _vocabulary(language: str) -> tuple[list[str], list[float]]:
    """The words of ``language`` at Zipf 3.5 or more, and their frequencies."""
    drawn = [(word, 10**zipf) for zipf, band in bands(language, "small") if zipf >= 3.5 for word in band]
    kept = [(word, frequency) for word, frequency in drawn if word.isalpha()]
    return [word for word, _ in kept], [frequency for _, frequency in kept]


def _sampled(language: str, words: int, seed: int) -> str:
    """``words`` words of ``language`` drawn by frequency, with some sentence punctuation."""
    chooser = random.Random(seed)
    drawn = chooser.choices(*_vocabulary(language), k=words)
    return " ".join(word + (". " if chooser.random() < 0.08 else "") for word in drawn).capitalize()


def other_code_pages(sizes: list[int], count: int) -> None:
    """Sampled texts saved in the code pages that write their language."""
    for words in sizes:
        total: Counter[str] = Counter()
        for language, encodings in CODE_PAGES.items():
            samples = [_sampled(language, words, seed) for seed in range(count)]
            for encoding in encodings:
                total.update(outcome for text in samples if (outcome := _outcome(text, encoding)))
        shown = ", ".join(f"{key} {value}" for key, value in total.most_common())
        print(f"{words:>4} words, {len(CODE_PAGES)} languages: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[5, 20, 100])
    parser.add_argument("--texts", type=int, default=30, help="texts per language and size")
    options = parser.parse_args()
    cost()
    real_news()
    other_code_pages(options.words, options.texts)


if __name__ == "__main__":
    main()
