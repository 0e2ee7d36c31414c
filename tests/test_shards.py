"""Big files in pieces (issue 15): a JSON Lines file in blocks of lines and a Parquet file in row
groups give what the file cleaned whole gives, whatever the size of the pieces, and a bad line
or a bad file is reported as it would be whole."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import batch, clean, shards
from cleanup.cli import main
from cleanup.discover import discover
from cleanup.passes import Context
from cleanup.render.progress import Steps
from cleanup.rules import select_rules
from cleanup.work import Mode, Options, Status

CONTEXT = Context(select_rules())
ARTICLES = [
    "The minister said , then left .",
    "the Islamic Republic [l’Iran] said; At the same time",
    "Khameneiâ€™s office said so.",
    "Nothing to fix here.",
    "al-Assad). , but the talks went on",
    "Zürich – “quoted” text … with l’accent",
]


def _jsonl(lines: list[str], *, bom: bool = False, crlf: bool = False, final: bool = True) -> bytes:
    ending = "\r\n" if crlf else "\n"
    text = ending.join(lines) + (ending if final else "")
    return ("\ufeff" if bom else "").encode() + text.encode()


def _line(number: int, text: str, ascii_only: bool = False) -> str:
    return json.dumps({"id": number, "text": text, "meta": {"n": number}}, ensure_ascii=ascii_only)


def _run(path: Path, mode: Mode, block_bytes: int, out: Path | None = None) -> list:
    options = Options(mode, CONTEXT, out=str(out) if out else None, block_bytes=block_bytes)
    return list(batch.run(discover([str(path)]), options))


def _same(whole: list, pieces: list) -> None:
    assert [(o.status, o.error, o.findings, o.size) for o in whole] == [
        (o.status, o.error, o.findings, o.size) for o in pieces
    ]


@settings(max_examples=30, deadline=None)
@given(
    choices=st.lists(st.sampled_from(range(len(ARTICLES))), min_size=1, max_size=12),
    blank=st.sets(st.integers(0, 11)),
    block=st.integers(1, 400),
    bom=st.booleans(),
    crlf=st.booleans(),
    final=st.booleans(),
)
def test_a_file_in_blocks_is_cleaned_as_it_is_whole(
    tmp_path_factory: pytest.TempPathFactory,
    choices: list[int],
    blank: set[int],
    block: int,
    bom: bool,
    crlf: bool,
    final: bool,
) -> None:
    folder = tmp_path_factory.mktemp("blocks")
    lines = [
        "" if n in blank else _line(n, ARTICLES[c], ascii_only=n % 2 == 0) for n, c in enumerate(choices)
    ]
    path = folder / "feed.jsonl"
    path.write_bytes(_jsonl(lines, bom=bom, crlf=crlf, final=final))
    if path.stat().st_size <= block:
        block = max(1, path.stat().st_size // 3)
    whole = _run(path, Mode.OUT, 10**9, folder / "whole")
    cut = _run(path, Mode.OUT, block, folder / "cut")
    assert cut[0].pieces > 1 and whole[0].pieces == 0
    _same(whole, cut)
    assert (folder / "cut" / "feed.jsonl").read_bytes() == (folder / "whole" / "feed.jsonl").read_bytes()
    assert not [p for p in (folder / "cut").iterdir() if p.name != "feed.jsonl"]  # no part left
    _same(_run(path, Mode.CHECK, 10**9), _run(path, Mode.CHECK, block))


def test_the_blocks_cut_the_file_at_line_starts_only(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [f'{{"text": "line {n} ,"}}\n'.encode() for n in range(50)]
    lines[20] = b'{"text": "' + b"long " * 400 + b'"}\n'  # a line many blocks long
    data = b"".join(lines)
    path.write_bytes(data)
    for size in (1, 7, 19, 20, 64, 999):
        read = [shards._read_block(str(path), start, size) for start in range(0, len(data), size)]
        assert b"".join(block for block, _ in read) == data  # every line once, in order
        assert all(begin == 0 or data[begin - 1 : begin] == b"\n" for block, begin in read if block)
        # A block inside the long line holds no line: it reads no further than its own bytes.
        assert sum(1 for block, _ in read if not block) >= 2000 // size - 2


def test_a_bad_line_in_a_later_block_is_named_by_its_line_in_the_file(tmp_path: Path) -> None:
    lines = [_line(n, "Talks ; At once") for n in range(40)]
    lines[33] = '{"text": "broken'
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl(lines))
    whole = _run(path, Mode.OUT, 10**9, tmp_path / "whole")
    cut = _run(path, Mode.OUT, 100, tmp_path / "cut")
    assert cut[0].status is Status.FAILED and cut[0].pieces > 10
    assert cut[0].error == whole[0].error
    assert cut[0].error.startswith("line 34: not valid JSON: Unterminated string")
    assert not (tmp_path / "cut").exists() or not list((tmp_path / "cut").iterdir())  # no copy, no part


def test_a_block_that_is_not_utf8_is_an_error_naming_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl([_line(n, "text") for n in range(10)]) + b'{"text": "caf\xe9"}\n')
    (outcome,) = _run(path, Mode.CHECK, 64)
    assert outcome.status is Status.FAILED
    offset = path.read_bytes().index(b"\xe9")
    assert (
        outcome.error
        == f"not UTF-8 (byte 0xe9 at offset {offset}), which a JSON Lines file read in blocks must be"
    )


def test_the_progress_hears_of_every_piece(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl([_line(n, "Talks ; At once") for n in range(30)]))
    heard: list[int] = []
    steps = Steps()
    steps.listener = lambda: heard.append(1)
    options = Options(Mode.CHECK, CONTEXT, block_bytes=200)
    (outcome,) = batch.run(discover([str(path)]), options, steps=steps)
    assert len(heard) == outcome.pieces == batch.parts(next(iter(discover([str(path)]))), options) > 5


def test_a_file_changed_while_it_was_cleaned_gets_no_copy(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl([_line(n, "Talks ; At once") for n in range(30)]))
    options = Options(Mode.OUT, CONTEXT, out=str(tmp_path / "out"), block_bytes=200)
    (item,) = discover([str(path)])
    cut = shards.pieces(item, options, shards.owner())
    assert cut is not None
    cleaned = [shards.clean_piece(piece, options) for piece in cut]
    with path.open("ab") as handle:
        handle.write(b'{"text": "late"}\n')
    outcome = shards.commit(item, options, cleaned, cut)
    assert outcome.status is Status.FAILED and outcome.error.startswith("changed while it was being cleaned")
    assert not (tmp_path / "out" / "feed.jsonl").exists()
    assert not [p for p in (tmp_path / "out").iterdir()]  # the parts are gone too


def test_a_diff_or_a_report_with_the_text_reads_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl([_line(n, "Talks ; At once") for n in range(30)]))
    (item,) = discover([str(path)])
    for options in (
        Options(Mode.DIFF, CONTEXT, block_bytes=100),
        Options(Mode.CHECK, CONTEXT, keep_results=True, block_bytes=100),
    ):
        assert shards.pieces(item, options, shards.owner()) is None
    assert shards.pieces(item, Options(Mode.CHECK, CONTEXT, block_bytes=100), shards.owner())


# Parquet -----------------------------------------------------------------------------------------

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    texts = [ARTICLES[n % len(ARTICLES)] if n % 5 else None for n in range(40)]
    table = pa.table(
        {
            "id": pa.array(range(40), pa.int64()),
            "text": pa.array(texts, pa.string()),
            "lang": pa.array(["en"] * 40),
        }
    ).replace_schema_metadata({"origin": "test"})
    path = tmp_path / "corpus.parquet"
    pq.write_table(table, path, row_group_size=7, compression="zstd")
    return path


def test_parquet_is_cleaned_row_by_row_into_the_same_shape(corpus: Path, tmp_path: Path) -> None:
    done = CliRunner().invoke(main, ["fix", "--out", str(tmp_path / "out"), str(corpus)])
    assert done.exit_code == 0, done.output
    before, after = pq.ParquetFile(corpus), pq.ParquetFile(tmp_path / "out" / "corpus.parquet")
    assert after.schema_arrow == before.schema_arrow
    assert after.schema_arrow.metadata[b"origin"] == b"test"
    assert [after.metadata.row_group(i).num_rows for i in range(after.metadata.num_row_groups)] == [7] * 5 + [
        5
    ]
    assert after.metadata.row_group(0).column(1).compression == "ZSTD"
    old, new = before.read(), after.read()
    assert new.column("id") == old.column("id") and new.column("lang") == old.column("lang")
    assert new.column("text").to_pylist() == [
        None if text is None else clean(text).text for text in old.column("text").to_pylist()
    ]
    assert new.column("text").to_pylist()[6] == "The minister said, then left."


def test_a_categorical_text_column_keeps_its_type(tmp_path: Path) -> None:
    path = tmp_path / "labels.parquet"
    kind = pa.dictionary(pa.int32(), pa.string())
    pq.write_table(pa.table({"text": pa.array(["The talks , then", None, "The talks , then"], kind)}), path)
    done = CliRunner().invoke(main, ["fix", "--out", str(tmp_path / "out"), str(path)])
    assert done.exit_code == 0, done.output
    column = pq.read_table(tmp_path / "out" / "labels.parquet").column("text")
    assert column.type == kind and column.to_pylist() == ["The talks, then", None, "The talks, then"]


def test_parquet_findings_stand_at_their_row_and_character(corpus: Path) -> None:
    done = CliRunner().invoke(main, ["check", "--output-format", "json", str(corpus)])
    records = json.loads(done.stdout)
    texts = pq.read_table(corpus).column("text").to_pylist()
    assert records and {r["line"] for r in records} <= {n + 1 for n, text in enumerate(texts) if text}
    for record in records:
        value = texts[record["line"] - 1]
        assert record["column"] == record["start"] + 1 and record["end_column"] == record["end"] + 1
        assert record["end"] <= len(value)
    row7 = [r for r in records if r["line"] == 7]  # "The minister said , then left ."
    assert [(r["rule"], texts[6][r["start"] : r["end"]]) for r in row7] == [
        ("space-before-punctuation", " "),
        ("space-before-punctuation", " "),
    ]


def test_an_unchanged_parquet_file_is_copied_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "clean.parquet"
    pq.write_table(pa.table({"text": ["All good here.", "Nothing to do."]}), path)
    done = CliRunner().invoke(main, ["fix", "--out", str(tmp_path / "out"), str(path)])
    assert done.exit_code == 0
    assert (tmp_path / "out" / "clean.parquet").read_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        (["--field", "body"], "no column 'body' to clean (columns: id, text, lang); name one with --field"),
        (["--field", "id"], "column 'id' holds int64, not text"),
    ],
)
def test_a_parquet_column_that_cannot_be_cleaned_is_one_error_line(
    corpus: Path, tmp_path: Path, arguments: list[str], error: str
) -> None:
    done = CliRunner().invoke(main, ["fix", "--out", str(tmp_path / "out"), *arguments, str(corpus)])
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert f"corpus.parquet: error: {error}" in done.stderr
    assert not (tmp_path / "out" / "corpus.parquet").exists()


def test_a_corrupt_parquet_file_fails_alone(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "broken.parquet").write_bytes(b"PAR1" + os.urandom(300))
    (tmp_path / "desk").mkdir()
    for path in (corpus, tmp_path / "broken.parquet"):
        path.rename(tmp_path / "desk" / path.name)
    done = CliRunner().invoke(main, ["fix", "--out", str(tmp_path / "out"), str(tmp_path / "desk")])
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert "broken.parquet: error: not a Parquet file that can be read" in done.stderr
    assert (tmp_path / "out" / "corpus.parquet").exists()


def test_parquet_is_not_printed_nor_changed_in_place(corpus: Path) -> None:
    before = corpus.read_bytes()
    for arguments in (["fix"], ["fix", "--in-place"], ["fix", "--diff"], ["review", "--in-place"]):
        done = CliRunner().invoke(main, [*arguments, str(corpus)])
        assert done.exit_code == 2 and "Traceback" not in done.output
        assert "a Parquet file is checked or cleaned into --out" in done.stderr
    assert corpus.read_bytes() == before


def test_several_workers_write_the_same_parquet_and_jsonl(corpus: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_jsonl([_line(n, ARTICLES[n % len(ARTICLES)]) for n in range(60)]))
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        done = CliRunner().invoke(
            main, ["fix", "--jobs", jobs, "--block-size", "1KB", "--out", str(out), str(corpus), str(feed)]
        )
        assert done.exit_code == 0, done.output
        outputs[jobs] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert outputs["1"] == outputs["2"] and set(outputs["1"]) == {"corpus.parquet", "feed.jsonl"}


# Stores ------------------------------------------------------------------------------------------


def test_out_to_a_store_address_writes_the_same_copies(corpus: Path, tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_jsonl([_line(n, ARTICLES[n % len(ARTICLES)]) for n in range(60)]))
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text("The market , said\n")
    for path in (corpus, feed):
        path.rename(tmp_path / "desk" / path.name)
    runner = CliRunner()
    common = ["fix", "--jobs", "1", "--block-size", "1KB", "--out"]  # memory:// is this process's own
    local = runner.invoke(main, [*common, str(tmp_path / "local"), str(tmp_path / "desk")])
    store = runner.invoke(main, [*common, "memory://bucket/clean", str(tmp_path / "desk")])
    assert local.exit_code == store.exit_code == 0, store.output
    memory = fsspec.filesystem("memory")
    for name in ("a.txt", "feed.jsonl", "corpus.parquet"):
        assert memory.cat_file(f"/bucket/clean/{name}") == (tmp_path / "local" / name).read_bytes()
    assert sorted(memory.ls("/bucket/clean", detail=False)) == [
        f"/bucket/clean/{name}" for name in ("a.txt", "corpus.parquet", "feed.jsonl")
    ]  # no part left


def test_an_address_no_store_answers_is_one_error_line_before_anything(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The market , said\n")
    done = CliRunner().invoke(main, ["fix", "--out", "nosuchstore://bucket/x", str(tmp_path)])
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert (
        "nosuchstore://bucket/x: error: cannot write to nosuchstore://bucket/x: Protocol not known"
        in done.stderr
    )


def test_the_parts_of_a_store_copy_are_named_for_their_owner() -> None:
    from cleanup import outputs, tempfiles

    name = outputs.write_part("memory://parts", PurePosixPath("a/feed.jsonl"), b"x", ("0badcafe", 7))
    assert tempfiles.leftover(name) == ("0badcafe", 7)
    with outputs.open_part("memory://parts", PurePosixPath("a/feed.jsonl"), name) as handle:
        assert handle.read() == b"x"
    outputs.remove_parts("memory://parts", PurePosixPath("a/feed.jsonl"), [name])
    import fsspec

    assert not fsspec.filesystem("memory").exists(f"/parts/a/{name}")


def test_an_output_folder_the_run_made_is_removed_when_every_copy_failed(tmp_path: Path) -> None:
    feed = tmp_path / "in" / "sub" / "feed.jsonl"
    feed.parent.mkdir(parents=True)
    lines = [_line(n, "Talks ; At once") for n in range(60)]
    lines[50] = "{not json"
    feed.write_bytes(_jsonl(lines))
    out = tmp_path / "out"
    args = ["fix", "--jobs", "1", "--block-size", "1KB", "--out", str(out), str(tmp_path / "in")]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 2 and "line 51: not valid JSON" in done.stderr
    assert not out.exists()  # not even the folder sub/ the pieces were written in
    out.mkdir()  # a folder the user made is theirs: kept
    assert CliRunner().invoke(main, args).exit_code == 2
    assert out.is_dir()


def test_a_copy_that_cannot_be_written_is_named_beside_its_input(tmp_path: Path, monkeypatch) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_jsonl([_line(n, "Talks ; At once") for n in range(60)]))
    (tmp_path / "a.txt").write_text("Talks ; At once\n")

    def full_disk(folder: int, name: str, data: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shards.io, "replace_in", full_disk)
    out = tmp_path / "out"
    for path in (feed, tmp_path / "a.txt"):
        done = CliRunner().invoke(
            main, ["fix", "--jobs", "1", "--block-size", "1KB", "--out", str(out), str(path)]
        )
        assert done.exit_code == 2
        copy = out / path.name
        assert f"{path}: error: cannot write its copy {copy}: no space left on device" in done.stderr


def test_a_part_that_cannot_be_written_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    feed = tmp_path / "in" / "sub" / "feed.jsonl"
    feed.parent.mkdir(parents=True)
    feed.write_bytes(_jsonl([_line(n, "Talks ; At once") for n in range(60)]))
    out = tmp_path / "fresh" / "out"  # two folders the run makes
    real_fdopen = os.fdopen

    def full_disk(fd: int, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".cleanup-tmp"):
            handle.write(b"half a part")
            handle.write = lambda data: (_ for _ in ()).throw(OSError(28, "No space left on device"))
        return handle

    monkeypatch.setattr(os, "fdopen", full_disk)
    args = ["fix", "--jobs", "1", "--block-size", "1KB", "--out", str(out), str(tmp_path / "in")]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 2
    copy = out / "sub" / "feed.jsonl"
    assert f"error: cannot write its copy {copy}: no space left on device" in done.stderr
    assert not (tmp_path / "fresh").exists()  # no part, no folder the run made
