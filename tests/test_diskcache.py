"""The word lists' disk cache: the same lists as built, read back, rebuilt when damaged, never a
reason to fail (issue 12, item 5: a worker's one-time cost paid once per machine)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from cleanup.lang import diskcache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(diskcache.ENVIRONMENT, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


KINDS = [
    (diskcache.word_set, ["b", "a", "b"], frozenset({"a", "b"})),
    (diskcache.word_block, [b"de", "\u00e9t\u00e9".encode(), b"la"], None),
    (diskcache.word_index, {"z": ("Z",), "Unies": ("Nations Unies", "États-Unis")}, None),
    (diskcache.word_values, {"the": 7.73, "saludaron": 2.9, "x": 1 / 3}, None),
    (diskcache.keys, array("Q", [1, 2**63, 2**64 - 1]), None),
]


@pytest.mark.parametrize(("store", "built", "expected"), KINDS)
def test_a_list_is_built_once_and_read_back_the_same(cache: Path, store, built, expected) -> None:
    build = Builds(built)
    first = store("list", build)
    assert first == (built if expected is None else expected)
    assert store("list", build) == first and build.calls == 1
    assert list(cache.glob("*/list.cache"))  # in the folder of this version


def test_a_word_index_is_in_the_order_of_its_keys_built_or_read(cache: Path) -> None:
    build = Builds({"z": ("Z",), "a": ("A",)})
    assert list(diskcache.word_index("index", build)) == ["a", "z"]
    assert list(diskcache.word_index("index", build)) == ["a", "z"] and build.calls == 1


@pytest.mark.parametrize("damage", ["cut", "changed", "empty", "not msgpack"])
def test_a_damaged_file_is_built_again_and_rewritten(cache: Path, damage: str) -> None:
    build = Builds(["alpha", "beta", "gamma"])
    diskcache.word_set("words", build)
    (path,) = cache.glob("*/words.cache")
    data = path.read_bytes()
    path.write_bytes(
        {
            "cut": data[:-3],
            "changed": data[:-1] + bytes([data[-1] ^ 1]),
            "empty": b"",
            "not msgpack": data[:32] + b"\xc1" * 10,
        }[damage]
    )
    assert diskcache.word_set("words", build) == {"alpha", "beta", "gamma"} and build.calls == 2
    assert path.read_bytes() == data  # written whole again


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(diskcache.ENVIRONMENT, str(blocker / "cache"))  # works as root too
    build = Builds(["word"])
    assert diskcache.word_set("words", build) == {"word"}
    assert diskcache.word_set("words", build) == {"word"} and build.calls == 2
    assert blocker.read_text() == "not a folder"


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(diskcache.ENVIRONMENT, "")
    monkeypatch.chdir(tmp_path)
    build = Builds(["word"])
    diskcache.word_set("words", build)
    diskcache.word_set("words", build)
    assert build.calls == 2 and diskcache.folder() is None and list(tmp_path.iterdir()) == []


def test_the_folder_changes_with_the_code(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "rules.py").write_text("THRESHOLD = 1\n")
    before = diskcache._fingerprint_of(package)
    changed = tmp_path / "changed"
    changed.mkdir()
    (changed / "rules.py").write_text("THRESHOLD = 2\n")
    assert diskcache._fingerprint_of(changed) != before
    assert len(before) == 16 and int(before, 16) >= 0


# A second process reads what the first built: the same findings, and the lists of a text with
# no leftover are not derived from wordfreq again.
_RUN = """
import json, sys
from cleanup import clean
from cleanup.lang.frequencies import frequencies_for
texts = ["The minister said on monday that talks endedafter midnight.",
         "Il governo non ha ancora deciso se prorogare lo stato di emergenza. Yes."]
found = [[(f.rule, f.start, f.end, f.message) for f in clean(text).findings] for text in texts[:1]]
built = frequencies_for.cache_info().currsize
found += [[(f.rule, f.start, f.end, f.message) for f in clean(text).findings] for text in texts[1:]]
print(json.dumps([found, built]))
"""


def _run(cache: str) -> tuple[list, int]:
    environment = {**os.environ, diskcache.ENVIRONMENT: cache}
    done = subprocess.run(
        [sys.executable, "-c", _RUN], capture_output=True, text=True, env=environment, check=True
    )
    found, built = json.loads(done.stdout)
    return found, built


def test_a_second_process_reads_the_lists_and_finds_the_same(tmp_path: Path) -> None:
    uncached, _ = _run("")
    first, built_first = _run(str(tmp_path / "cache"))
    second, built_second = _run(str(tmp_path / "cache"))
    assert uncached == first == second
    assert [rule for rule, *_ in first[0]] == ["lowercase-name", "glued-words"]
    assert [rule for rule, *_ in first[1]] == ["source-sentence"]
    assert (built_first, built_second) == (1, 0)
