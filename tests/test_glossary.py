"""A newsroom's glossary is read with the same care as an article."""

from __future__ import annotations

import pytest

from cleanup import glossary
from cleanup.cli import main
from cleanup.model import GlossaryEntry, Safety

CONTENT = "Casa Bianca\tWhite House\tsafe\n# source\ttranslation\tsafety\nCittà del Vaticano\tVatican City\n"
ENTRIES = (
    GlossaryEntry("Casa Bianca", "White House", Safety.SAFE),
    GlossaryEntry("Città del Vaticano", "Vatican City", Safety.UNSAFE),
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_a_glossary_in_any_encoding_an_article_may_have_gives_the_same_entries(tmp_path, encoding) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_bytes(
        ("Casa Bianca\tWhite House\tsafe\n" if encoding == "utf-8-sig" else CONTENT).encode(encoding)
    )
    entries = glossary.read(str(path))
    assert entries == (ENTRIES[:1] if encoding == "utf-8-sig" else ENTRIES)


def test_a_byte_order_mark_does_not_stick_to_the_first_term(runner, tmp_path) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_bytes("Casa Bianca\tWhite House\tsafe\n".encode("utf-8-sig"))
    done = runner.invoke(main, ["fix", "--glossary", str(path), "-"], input="A note from the Casa Bianca.\n")
    assert (done.exit_code, done.stdout) == (0, "A note from the White House.\n")


def test_a_bad_line_is_one_error_line_naming_file_and_line(runner, tmp_path) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_text("Casa Bianca\tWhite House\tsafe\nno tabs here\n")
    with pytest.raises(glossary.GlossaryError) as caught:
        glossary.read(str(path))
    message = f"{path}:2: error: expected 'source<TAB>target<TAB>safe|unsafe', got 'no tabs here'"
    assert str(caught.value) == message
    done = runner.invoke(main, ["check", "--glossary", str(path), "-"], input="text\n")
    assert (done.exit_code, done.stderr) == (2, message + "\n")
